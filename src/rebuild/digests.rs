//! The parts of a rendered model as digests: what [`super::changes::compare`]
//! checks, in a form a later build can compare with without the model.
//!
//! `serve` keeps the last model and compares it part by part. A `build` is a
//! new process: it keeps, beside the output, the digest of each part a view
//! can read ([`crate::render::Read`]), under the key the part is paired by
//! (pages by source file, sections, terms and archives by URL). Two digests
//! differ wherever `compare` would find the part moved; where the digest
//! cannot tell (a list in another order, say), the part counts as moved.

use std::hash::{DefaultHasher, Hash, Hasher};

use jiff::Timestamp;

use super::changes::{Changes, identity, pair};
use crate::model::Site;
use crate::model::kinds::Details;
use crate::render::{Expanded, status_view};

/// One page: its source file (what it is paired by), its URL, the digest of
/// what its views show and of its related list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct PageDigest {
    pub source: String,
    pub path: String,
    pub shown: u64,
    pub related: u64,
}

/// One term: its URL, the digest of its name and URL, and of its pages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct TermDigest {
    pub path: String,
    pub name: u64,
    pub pages: u64,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct TaxonomyDigest {
    pub path: String,
    pub terms: Vec<TermDigest>,
}

/// Every part of one rendered model.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Digests {
    pub pages: Vec<PageDigest>,
    /// By URL.
    pub sections: Vec<(String, u64)>,
    pub taxonomies: Vec<TaxonomyDigest>,
    /// By URL.
    pub archives: Vec<(String, u64)>,
    pub archive_list: u64,
    pub all_pages: u64,
    pub corrections: u64,
}

fn digest(value: impl Hash) -> u64 {
    let mut h = DefaultHasher::new();
    value.hash(&mut h);
    h.finish()
}

impl Digests {
    /// The digests of `site` as rendered with `expanded` at `now`.
    pub(crate) fn of(site: &Site, expanded: &Expanded, now: Timestamp) -> Digests {
        use rayon::prelude::*;
        // A page in a list stands for its source file, as `compare` pairs it.
        let sources: Vec<String> = (site.pages.iter())
            .map(|p| p.parsed.path.to_string_lossy().into_owned())
            .collect();
        let ids: Vec<u64> = sources.iter().map(digest).collect();
        let list = |pages: &[usize]| digest(pages.iter().map(|&p| ids[p]).collect::<Vec<_>>());
        let section_path = |s: usize| site.sections[s].path.as_str();
        let pages: Vec<PageDigest> = (site.pages.par_iter().enumerate())
            .map(|(i, page)| {
                let mut h = DefaultHasher::new();
                page.parsed.source_sum.hash(&mut h);
                page.path.hash(&mut h);
                page.slug.hash(&mut h);
                page.aliases.hash(&mut h);
                section_path(page.section).hash(&mut h);
                page.newer.map(|p| ids[p]).hash(&mut h);
                page.older.map(|p| ids[p]).hash(&mut h);
                match expanded.pages.get(i).and_then(Option::as_ref) {
                    Some(body) => (1u8, &body.html, &body.summary_html).hash(&mut h),
                    None => 0u8.hash(&mut h),
                }
                if !matches!(page.details, Details::Plain) {
                    format!("{:?}", page.details).hash(&mut h);
                    format!("{:?}", status_view(page, &site.config, now)).hash(&mut h);
                }
                PageDigest {
                    source: sources[i].clone(),
                    path: page.path.clone(),
                    shown: h.finish(),
                    related: list(site.related.get(i).map_or(&[][..], Vec::as_slice)),
                }
            })
            .collect();
        let sections = (site.sections.iter().enumerate())
            .map(|(s, sec)| {
                let text = match expanded.sections.get(s).and_then(Option::as_ref) {
                    Some((c, s)) => (c.as_str(), s.as_str()),
                    None => (sec.content_html.as_str(), sec.summary_html.as_str()),
                };
                let mut h = DefaultHasher::new();
                (
                    &sec.title,
                    sec.kind,
                    sec.weight,
                    sec.paginate,
                    &sec.template,
                )
                    .hash(&mut h);
                (&sec.source, &sec.dir, text).hash(&mut h);
                sec.parent.map(section_path).hash(&mut h);
                for &sub in &sec.subsections {
                    section_path(sub).hash(&mut h);
                }
                list(&sec.pages).hash(&mut h);
                (sec.path.clone(), h.finish())
            })
            .collect();
        let taxonomies = (site.taxonomies.iter())
            .map(|tax| TaxonomyDigest {
                path: tax.path.clone(),
                terms: (tax.terms.iter())
                    .map(|term| TermDigest {
                        path: term.path.clone(),
                        name: digest((&term.name, &term.path)),
                        pages: list(&term.pages),
                    })
                    .collect(),
            })
            .collect();
        let archives = (site.archives.iter())
            .map(|a| {
                let shown = (&a.title, a.by_year, section_path(a.section), list(&a.pages));
                (a.path.clone(), digest(shown))
            })
            .collect();
        let archive_list = digest(
            (site.archives.iter())
                .map(|a| (a.path.as_str(), section_path(a.section)))
                .collect::<Vec<_>>(),
        );
        let corrections: Vec<(u64, u64)> = (site.corrects.iter())
            .map(|(&c, &d)| (ids[c], ids[d]))
            .collect();
        Digests {
            pages,
            sections,
            taxonomies,
            archives,
            archive_list,
            all_pages: list(&site.by_date),
            corrections: digest(corrections),
        }
    }

    /// What moved from `self` (an earlier build) to `new`, as
    /// [`super::changes::compare`] would tell it of the two models.
    pub(crate) fn changes(&self, new: &Digests, files_moved: bool) -> Changes {
        let page_to_new = pair(
            self.pages.iter().map(|p| p.source.as_str()),
            new.pages.iter().map(|p| p.source.as_str()),
        );
        let section_to_new = pair(
            self.sections.iter().map(|s| s.0.as_str()),
            new.sections.iter().map(|s| s.0.as_str()),
        );
        let archive_to_new = pair(
            self.archives.iter().map(|a| a.0.as_str()),
            new.archives.iter().map(|a| a.0.as_str()),
        );
        let term_to_new: Vec<Vec<Option<u32>>> = (self.taxonomies.iter().enumerate())
            .map(|(t, tax)| {
                let terms = new
                    .taxonomies
                    .get(t)
                    .map_or(&[][..], |x| x.terms.as_slice());
                pair(
                    tax.terms.iter().map(|k| k.path.as_str()),
                    terms.iter().map(|k| k.path.as_str()),
                )
            })
            .collect();

        let moved = |map: &[Option<u32>], i: usize, same: &dyn Fn(usize) -> bool| {
            map[i].is_none_or(|j| !same(j as usize))
        };
        let count = self.pages.len();
        let pages = (0..count)
            .map(|p| {
                moved(&page_to_new, p, &|q| {
                    new.pages[q].shown == self.pages[p].shown
                })
            })
            .collect();
        let related = (0..count)
            .map(|p| {
                moved(&page_to_new, p, &|q| {
                    new.pages[q].related == self.pages[p].related
                })
            })
            .collect();
        let sections = (0..self.sections.len())
            .map(|s| {
                moved(&section_to_new, s, &|t| {
                    new.sections[t].1 == self.sections[s].1
                })
            })
            .collect();
        let archives = (0..self.archives.len())
            .map(|a| {
                moved(&archive_to_new, a, &|b| {
                    new.archives[b].1 == self.archives[a].1
                })
            })
            .collect();
        let mut terms = Vec::new();
        let mut term_pages = Vec::new();
        let mut taxonomies = Vec::new();
        for (t, tax) in self.taxonomies.iter().enumerate() {
            let now = new.taxonomies.get(t);
            let other = |k: usize| term_to_new[t][k].and_then(|j| now?.terms.get(j as usize));
            let names: Vec<bool> = (0..tax.terms.len())
                .map(|k| other(k).is_none_or(|b| b.name != tax.terms[k].name))
                .collect();
            let lists: Vec<bool> = (0..tax.terms.len())
                .map(|k| other(k).is_none_or(|b| b.pages != tax.terms[k].pages))
                .collect();
            let whole = now.is_none_or(|b| b.terms.len() != tax.terms.len())
                || names.iter().chain(&lists).any(|&m| m);
            terms.push(names);
            term_pages.push(lists);
            taxonomies.push(whole);
        }

        let same_places = identity(&page_to_new, new.pages.len())
            && identity(&section_to_new, new.sections.len())
            && self.taxonomies.len() == new.taxonomies.len()
            && (term_to_new.iter().zip(&new.taxonomies))
                .all(|(v, tax)| identity(v, tax.terms.len()))
            && identity(&archive_to_new, new.archives.len());
        let same_paths = same_places
            && (self.pages.iter().zip(&new.pages)).all(|(a, b)| a.path == b.path)
            && (self.taxonomies.iter().zip(&new.taxonomies)).all(|(a, b)| a.path == b.path);
        Changes {
            files: files_moved,
            all_pages: count != new.pages.len() || self.all_pages != new.all_pages,
            corrections: self.corrections != new.corrections,
            archive_list: self.archive_list != new.archive_list,
            pages,
            related,
            sections,
            terms,
            term_pages,
            taxonomies,
            archives,
            page_to_new,
            section_to_new,
            term_to_new,
            archive_to_new,
            same_places,
            same_paths,
        }
    }
}
