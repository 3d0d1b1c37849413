//! What moved between two rendered models: the one classification every
//! rebuild decision reads.
//!
//! [`compare`] pairs the parts of the previous model with the new one (pages
//! by source file, sections, terms and archives by URL) and marks, in the
//! previous model's numbering, each part a view can read ([`Read`]) whose
//! value is not the same. A job whose recorded reads touch none of them shows
//! the same thing as before; the others are prepared again and rendered when
//! their fingerprint moved.

use std::collections::HashMap;
use std::sync::Arc;

use jiff::Timestamp;

use crate::model::kinds::Details;
use crate::model::{Page, Site};
use crate::render::{Expanded, ExpandedBody, Read, status_view};

/// One side of a comparison: a model as it was rendered.
#[derive(Clone, Copy)]
pub(crate) struct Side<'a> {
    pub site: &'a Site,
    pub expanded: &'a Expanded,
    pub now: Timestamp,
}

/// The parts that moved, in the previous model's numbering, and where the
/// unmoved ones stand in the new model.
#[derive(Debug, Default)]
pub(crate) struct Changes {
    pub(super) files: bool,
    pub(super) all_pages: bool,
    pub(super) corrections: bool,
    pub(super) archive_list: bool,
    pub(super) pages: Vec<bool>,
    pub(super) related: Vec<bool>,
    pub(super) sections: Vec<bool>,
    pub(super) terms: Vec<Vec<bool>>,
    pub(super) term_pages: Vec<Vec<bool>>,
    pub(super) taxonomies: Vec<bool>,
    pub(super) archives: Vec<bool>,
    pub(super) page_to_new: Vec<Option<u32>>,
    pub(super) section_to_new: Vec<Option<u32>>,
    pub(super) term_to_new: Vec<Vec<Option<u32>>>,
    pub(super) archive_to_new: Vec<Option<u32>>,
    /// Every index maps to itself (a patched model).
    pub(super) same_places: bool,
    /// Every part stands where it stood under the same site path: the same
    /// jobs write the same files.
    pub(super) same_paths: bool,
}

impl Changes {
    /// Whether the part a view read moved.
    pub(crate) fn touches(&self, read: Read) -> bool {
        let flag = |v: &[bool], i: u32| v.get(i as usize).copied().unwrap_or(true);
        match read {
            Read::Page(p) => flag(&self.pages, p),
            Read::Related(p) => flag(&self.related, p),
            Read::Section(s) => flag(&self.sections, s),
            Read::Term(t, k) => self.terms.get(t as usize).is_none_or(|v| flag(v, k)),
            Read::TermPages(t, k) => self.term_pages.get(t as usize).is_none_or(|v| flag(v, k)),
            Read::Taxonomy(t) => flag(&self.taxonomies, u32::from(t)),
            Read::Archive(a) => flag(&self.archives, a),
            Read::Archives => self.archive_list,
            Read::AllPages => self.all_pages,
            Read::Corrections => self.corrections,
            Read::Files => self.files,
        }
    }

    /// Every part stands where it stood: reads need no renumbering.
    pub(crate) fn same_places(&self) -> bool {
        self.same_places
    }

    /// Every part stands where it stood, at the same site path.
    pub(crate) fn same_paths(&self) -> bool {
        self.same_paths
    }

    /// An unmoved part in the new model's numbering (`None` if it is gone,
    /// which an unmoved part never is).
    pub(crate) fn renumber(&self, read: Read) -> Option<Read> {
        if self.same_places {
            return Some(read);
        }
        let at = |v: &[Option<u32>], i: u32| v.get(i as usize).copied().flatten();
        Some(match read {
            Read::Page(p) => Read::Page(at(&self.page_to_new, p)?),
            Read::Related(p) => Read::Related(at(&self.page_to_new, p)?),
            Read::Section(s) => Read::Section(at(&self.section_to_new, s)?),
            Read::Term(t, k) => Read::Term(t, at(self.term_to_new.get(t as usize)?, k)?),
            Read::TermPages(t, k) => Read::TermPages(t, at(self.term_to_new.get(t as usize)?, k)?),
            Read::Archive(a) => Read::Archive(at(&self.archive_to_new, a)?),
            other => other,
        })
    }
}

/// Compares the previous model with the new one. `files_moved`: files beside
/// the pages or processed pictures changed, which [`Read::Files`] covers.
pub(crate) fn compare(old: Side<'_>, new: Side<'_>, files_moved: bool) -> Changes {
    let (o, n) = (old.site, new.site);
    let pairs = Pairs::new(o, n);
    let same_page = |list_old: &[usize], list_new: &[usize]| {
        list_old.len() == list_new.len()
            && list_old
                .iter()
                .zip(list_new)
                .all(|(&a, &b)| pairs.page_to_old[b] == Some(a))
    };

    let clock_moved = old.now != new.now;
    let pages: Vec<bool> = (0..o.pages.len())
        .map(|p| match pairs.page_to_new[p] {
            None => true,
            Some(q) => page_moved(old, new, &pairs, p, q as usize, clock_moved),
        })
        .collect();
    // A patched model that moved no tag keeps the related lists it had.
    let related_held = pairs.same_places && Arc::ptr_eq(&o.related, &n.related);
    let related: Vec<bool> = (0..o.pages.len())
        .map(|p| match pairs.page_to_new[p] {
            None => true,
            Some(_) if related_held => false,
            Some(q) => !same_page(&o.related[p], &n.related[q as usize]),
        })
        .collect();
    let sections: Vec<bool> = (0..o.sections.len())
        .map(|s| match pairs.section_to_new[s] {
            None => true,
            Some(t) => {
                let (a, b) = (&o.sections[s], &n.sections[t as usize]);
                let parent =
                    |site: &Site, p: Option<usize>| p.map(|p| site.sections[p].path.clone());
                a.title != b.title
                    || a.kind != b.kind
                    || a.weight != b.weight
                    || a.paginate != b.paginate
                    || a.template != b.template
                    || a.source != b.source
                    || a.dir != b.dir
                    || section_text(old, s) != section_text(new, t as usize)
                    || parent(o, a.parent) != parent(n, b.parent)
                    || a.subsections.len() != b.subsections.len()
                    || a.subsections
                        .iter()
                        .zip(&b.subsections)
                        .any(|(&x, &y)| o.sections[x].path != n.sections[y].path)
                    || !same_page(&a.pages, &b.pages)
            }
        })
        .collect();

    let mut terms = Vec::new();
    let mut term_pages = Vec::new();
    let mut taxonomies = Vec::new();
    for (t, tax) in o.taxonomies.iter().enumerate() {
        let map = &pairs.term_to_new[t];
        let new_tax = n.taxonomies.get(t);
        let mut names = Vec::with_capacity(tax.terms.len());
        let mut lists = Vec::with_capacity(tax.terms.len());
        for (k, term) in tax.terms.iter().enumerate() {
            let other = map[k].and_then(|j| new_tax?.terms.get(j as usize));
            names.push(other.is_none_or(|b| b.name != term.name || b.path != term.path));
            lists.push(other.is_none_or(|b| !same_page(&term.pages, &b.pages)));
        }
        let whole = new_tax.is_none_or(|b| b.terms.len() != tax.terms.len())
            || names.iter().chain(&lists).any(|&m| m);
        terms.push(names);
        term_pages.push(lists);
        taxonomies.push(whole);
    }

    let archives: Vec<bool> = (0..o.archives.len())
        .map(|a| match pairs.archive_to_new[a] {
            None => true,
            Some(b) => {
                let (x, y) = (&o.archives[a], &n.archives[b as usize]);
                x.title != y.title
                    || x.by_year != y.by_year
                    || o.sections[x.section].path != n.sections[y.section].path
                    || !same_page(&x.pages, &y.pages)
            }
        })
        .collect();
    let archive_list = o.archives.len() != n.archives.len()
        || pairs.archive_to_new.iter().enumerate().any(|(a, b)| {
            b.is_none_or(|b| {
                o.sections[o.archives[a].section].path
                    != n.sections[n.archives[b as usize].section].path
            })
        });

    // Sections, terms and archives in their places have their paths (they
    // are paired by path); pages are paired by file.
    let same_paths = pairs.same_places
        && (o.pages.iter().zip(&n.pages)).all(|(a, b)| Arc::ptr_eq(a, b) || a.path == b.path)
        && (o.taxonomies.iter().zip(&n.taxonomies)).all(|(a, b)| a.path == b.path);

    let all_pages = o.pages.len() != n.pages.len() || !same_page(&o.by_date, &n.by_date);
    let corrections = o.corrects.len() != n.corrects.len()
        || o.corrects
            .iter()
            .zip(&n.corrects)
            .any(|((&c, &d), (&c2, &d2))| {
                pairs.page_to_old[c2] != Some(c) || pairs.page_to_old[d2] != Some(d)
            });

    Changes {
        files: files_moved,
        all_pages,
        corrections,
        archive_list,
        pages,
        related,
        sections,
        terms,
        term_pages,
        taxonomies,
        archives,
        same_places: pairs.same_places,
        same_paths,
        page_to_new: pairs.page_to_new,
        section_to_new: pairs.section_to_new,
        term_to_new: pairs.term_to_new,
        archive_to_new: pairs.archive_to_new,
    }
}

/// Whether page `p` of the old model and `q` of the new one show differently.
fn page_moved(
    old: Side<'_>,
    new: Side<'_>,
    pairs: &Pairs,
    p: usize,
    q: usize,
    clock_moved: bool,
) -> bool {
    let (a, b): (&Arc<Page>, &Arc<Page>) = (&old.site.pages[p], &new.site.pages[q]);
    let fields_moved = !(pairs.same_places && Arc::ptr_eq(a, b)) && {
        let neighbour = |was: Option<usize>, now: Option<usize>| match (was, now) {
            (None, None) => false,
            (Some(w), Some(n)) => pairs.page_to_old[n] != Some(w),
            _ => true,
        };
        !Arc::ptr_eq(&a.parsed, &b.parsed)
            || a.path != b.path
            || a.slug != b.slug
            || a.aliases != b.aliases
            || old.site.sections[a.section].path != new.site.sections[b.section].path
            || neighbour(a.newer, b.newer)
            || neighbour(a.older, b.older)
            || a.details != b.details
    };
    if fields_moved {
        return true;
    }
    fn body<'a>(side: Side<'a>, i: usize) -> Option<&'a Arc<ExpandedBody>> {
        side.expanded.pages.get(i).and_then(Option::as_ref)
    }
    let bodies_moved = match (body(old, p), body(new, q)) {
        (None, None) => false,
        (Some(x), Some(y)) => !Arc::ptr_eq(x, y) && !x.shows_as(y),
        _ => true,
    };
    bodies_moved
        || (clock_moved
            && !matches!(b.details, Details::Plain)
            && status_view(a, &old.site.config, old.now)
                != status_view(b, &new.site.config, new.now))
}

/// A section's introduction as shown.
fn section_text<'a>(side: Side<'a>, i: usize) -> (&'a str, &'a str) {
    let sec = &side.site.sections[i];
    match side.expanded.sections.get(i).and_then(Option::as_ref) {
        Some((c, s)) => (c.as_str(), s.as_str()),
        None => (sec.content_html.as_str(), sec.summary_html.as_str()),
    }
}

/// The previous model's parts paired with the new model's.
struct Pairs {
    page_to_new: Vec<Option<u32>>,
    page_to_old: Vec<Option<usize>>,
    section_to_new: Vec<Option<u32>>,
    term_to_new: Vec<Vec<Option<u32>>>,
    archive_to_new: Vec<Option<u32>>,
    same_places: bool,
}

impl Pairs {
    fn new(o: &Site, n: &Site) -> Pairs {
        // After most edits the pages stand where they stood: check that first,
        // which needs no map.
        // (A patched model shares its unedited pages: no need to look in.)
        let pages_in_place = o.pages.len() == n.pages.len()
            && o.pages
                .iter()
                .zip(&n.pages)
                .all(|(a, b)| Arc::ptr_eq(a, b) || a.parsed.path == b.parsed.path);
        let (page_to_new, page_to_old) = if pages_in_place {
            let ids: Vec<Option<u32>> = (0..o.pages.len() as u32).map(Some).collect();
            (ids, (0..n.pages.len()).map(Some).collect())
        } else {
            let by_source: HashMap<&std::path::Path, usize> = (o.pages.iter().enumerate())
                .map(|(i, p)| (p.parsed.path.as_path(), i))
                .collect();
            let mut to_new = vec![None; o.pages.len()];
            let to_old: Vec<Option<usize>> = (n.pages.iter().enumerate())
                .map(|(q, page)| {
                    let p = by_source.get(page.parsed.path.as_path()).copied()?;
                    to_new[p] = Some(q as u32);
                    Some(p)
                })
                .collect();
            (to_new, to_old)
        };
        let section_to_new = pair(
            o.sections.iter().map(|s| s.path.as_str()),
            n.sections.iter().map(|s| s.path.as_str()),
        );
        let term_to_new = (o.taxonomies.iter().enumerate())
            .map(|(t, tax)| {
                let new_terms = n
                    .taxonomies
                    .get(t)
                    .map(|x| x.terms.as_slice())
                    .unwrap_or(&[]);
                pair(
                    tax.terms.iter().map(|term| term.path.as_str()),
                    new_terms.iter().map(|term| term.path.as_str()),
                )
            })
            .collect::<Vec<_>>();
        let archive_to_new = pair(
            o.archives.iter().map(|a| a.path.as_str()),
            n.archives.iter().map(|a| a.path.as_str()),
        );
        let same_places = pages_in_place
            && identity(&section_to_new, n.sections.len())
            && term_to_new
                .iter()
                .zip(&n.taxonomies)
                .all(|(v, tax)| identity(v, tax.terms.len()))
            && o.taxonomies.len() == n.taxonomies.len()
            && identity(&archive_to_new, n.archives.len());
        Pairs {
            page_to_new,
            page_to_old,
            section_to_new,
            term_to_new,
            archive_to_new,
            same_places,
        }
    }
}

/// Where each old key stands among the new ones (`None`: it is gone).
pub(super) fn pair<'a>(
    old: impl Iterator<Item = &'a str> + Clone,
    new: impl Iterator<Item = &'a str> + Clone,
) -> Vec<Option<u32>> {
    if old.clone().eq(new.clone()) {
        return (0..old.count() as u32).map(Some).collect();
    }
    let index: HashMap<&str, u32> = new.enumerate().map(|(i, k)| (k, i as u32)).collect();
    old.map(|k| index.get(k).copied()).collect()
}

/// Whether a pairing of `len` new parts leaves every part in its place.
pub(super) fn identity(pairing: &[Option<u32>], len: usize) -> bool {
    pairing.len() == len && (pairing.iter().enumerate()).all(|(i, x)| *x == Some(i as u32))
}
