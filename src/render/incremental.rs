//! Rendering again after an edit, for `serve`: only the jobs an edit can reach.
//!
//! Two filters, each cheap. First, *candidates*: jobs that read a page that
//! changed (its parse, URL, neighbours, related list or status), the listings,
//! terms and archives such pages are or were in, and the few site-wide pages.
//! A change to what every page shows (site view, words, sections) makes every
//! job a candidate. Second, each candidate's view is hashed and its template
//! runs only if the hash moved. The result equals a full render; the
//! `incremental_result_equals_a_clean_build` test holds it to that.

use std::collections::{HashMap, HashSet};
use std::hash::{Hash, Hasher};
use std::path::Path;
use std::sync::Arc;

use minijinja::Value;
use rayon::prelude::*;

use super::{Job, OutputFile, Renderer, kinds, prepare_job};
use crate::clock::Clock;
use crate::diag::{Diagnostic, Report};
use crate::images::ImageSet;
use crate::model::Site;
use crate::model::kinds::Details;

/// What a render leaves for the next one.
#[derive(Default)]
pub struct Memo {
    /// [`Site::shape`] of the site rendered; 0 for none.
    shape: u64,
    /// The jobs, their output paths, and path → job.
    jobs: Arc<Vec<Job>>,
    paths: Arc<Vec<String>>,
    index: Arc<HashMap<String, usize>>,
    /// Per job, the hash of what its template saw.
    prints: Vec<u64>,
    /// Pages in the photo-news listing.
    photos: Arc<Vec<usize>>,
    /// Hash of what every page sees (site view, words, sections).
    global: u64,
    now: Option<jiff::Timestamp>,
}

impl Memo {
    /// Whether the last render produced `path`.
    pub fn contains(&self, path: &str) -> bool {
        self.index.contains_key(path)
    }
}

/// What [`render_changed`] did.
pub struct Rerender {
    /// Files whose inputs changed, rendered again.
    pub changed: Vec<OutputFile>,
    /// Jobs whose view was built and hashed.
    pub considered: usize,
    /// The site has the same shape as the previous one: the same output paths.
    pub same_paths: bool,
    pub memo: Memo,
}

/// How far a rebuild has to look.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Jobs an edit can reach (the usual case: Markdown saved).
    Reach,
    /// Every job's view is hashed (files beside pages changed: bundle images
    /// and attachments show up in pages in ways not tracked here).
    AllViews,
    /// Every file is rendered (templates changed: same views, new HTML).
    Everything,
}

/// Renders what differs from the render that left `previous` (with its site);
/// everything when there is none.
pub fn render_changed(
    site: &Site,
    images: &ImageSet,
    renderer: &Renderer<'_>,
    clock: &Clock,
    previous: Option<(&Site, &Memo)>,
    scope: Scope,
    report: &mut Report,
) -> Rerender {
    let everything = scope == Scope::Everything || previous.is_none();
    // A patched model keeps its shape: same jobs, same paths, and only the
    // edited pages can change the photo listing.
    let same_shape =
        previous.filter(|(old, memo)| memo.shape == site.shape && old.shape == site.shape);
    let edited: Vec<usize> = match same_shape {
        Some((old, _)) => (0..site.pages.len())
            .filter(|&i| !Arc::ptr_eq(&site.pages[i].origin, &old.pages[i].origin))
            .collect(),
        None => Vec::new(),
    };
    let photos = match same_shape {
        Some((_, memo))
            if edited.iter().all(|&i| {
                let listed = memo
                    .photos
                    .binary_search_by_key(&site.rank[i], |&p| site.rank[p]);
                listed.is_ok() == super::has_photos(site, i)
            }) =>
        {
            memo.photos.clone()
        }
        _ if super::photos_listing_wanted(site) => Arc::new(super::photo_pages(site)),
        _ => Arc::new(Vec::new()),
    };
    let (shared, strings) = super::shared_values(site, images, clock, photos.to_vec());
    let (jobs, paths, index) = match same_shape {
        Some((_, memo)) if memo.photos.is_empty() == photos.is_empty() => {
            (memo.jobs.clone(), memo.paths.clone(), memo.index.clone())
        }
        _ => {
            let jobs = super::jobs(site, !photos.is_empty());
            let paths: Vec<String> = jobs.iter().map(|job| job.output_path(site)).collect();
            let index = paths
                .iter()
                .enumerate()
                .map(|(i, p)| (p.clone(), i))
                .collect();
            (Arc::new(jobs), Arc::new(paths), Arc::new(index))
        }
    };
    let same_paths = previous.is_some_and(|(_, memo)| Arc::ptr_eq(&memo.paths, &paths));
    let global = global_key(site, &shared.site, &shared.strings);
    // The previous fingerprint of each job, if it had one.
    let old_prints: Vec<Option<u64>> = match previous {
        Some((_, memo)) if same_paths => memo.prints.iter().map(|&f| Some(f)).collect(),
        Some((_, memo)) => paths
            .iter()
            .map(|p| memo.index.get(p).map(|&i| memo.prints[i]))
            .collect(),
        None => vec![None; jobs.len()],
    };
    let wanted: Vec<bool> = match previous {
        Some((old, memo)) if scope == Scope::Reach && memo.global == global => {
            let reach = Reach::new(site, old, shared.now, memo.now, same_shape.is_some());
            // Jobs out of reach keep their fingerprint (a job new to the site
            // has none, and is rendered).
            jobs.iter()
                .zip(&old_prints)
                .map(|(job, old)| old.is_none() || reach.may_change(site, job))
                .collect()
        }
        _ => vec![true; jobs.len()],
    };

    type Outcome = Result<(usize, u64, Option<OutputFile>), Diagnostic>;
    let results: Vec<Outcome> = jobs
        .par_iter()
        .enumerate()
        .zip(&wanted)
        .filter(|(_, want)| **want)
        .map(|((j, job), _)| {
            let prepared = prepare_job(site, renderer, &shared, &strings, job)?;
            let fingerprint = prepared.fingerprint();
            if !everything && old_prints[j] == Some(fingerprint) {
                return Ok((j, fingerprint, None));
            }
            Ok((j, fingerprint, Some(prepared.render(renderer)?)))
        })
        .collect();
    let considered = results.len();
    let mut prints: Vec<u64> = old_prints.iter().map(|f| f.unwrap_or(0)).collect();
    let mut changed = Vec::new();
    for result in results {
        match result {
            Ok((j, fingerprint, file)) => {
                prints[j] = fingerprint;
                changed.extend(file);
            }
            Err(d) => report.push(d),
        }
    }
    Rerender {
        changed,
        considered,
        same_paths,
        memo: Memo {
            shape: site.shape,
            jobs,
            paths,
            index,
            prints,
            photos,
            global,
            now: Some(shared.now),
        },
    }
}

/// What every page shows: when it moves, every job is a candidate.
fn global_key(site: &Site, site_view: &Value, strings: &Value) -> u64 {
    let mut h = std::hash::DefaultHasher::new();
    site_view.hash(&mut h);
    strings.hash(&mut h);
    for section in &site.sections {
        (
            &section.path,
            &section.title,
            section.kind.name(),
            section.parent,
            &section.content_html,
            &section.summary_html,
            &section.template,
        )
            .hash(&mut h);
    }
    for taxonomy in &site.taxonomies {
        (&taxonomy.name, &taxonomy.path).hash(&mut h);
    }
    h.finish()
}

/// Whether a page's parse changed: another file text, or shortcodes expanded
/// into other HTML (expansion makes a new copy of the parse every time; it
/// changes only these fields, see `media::expand_shortcodes`).
fn parse_moved(page: &crate::model::Page, was: &crate::model::Page) -> bool {
    if !Arc::ptr_eq(&page.origin, &was.origin) {
        return true;
    }
    let (a, b) = (&page.parsed, &was.parsed);
    !Arc::ptr_eq(a, b)
        && (a.body.html != b.body.html
            || a.body.more_summary != b.body.more_summary
            || a.body.first_paragraph != b.body.first_paragraph
            || a.summary_html != b.summary_html)
}

/// Which pager pages of a listing may change.
#[derive(Debug, Clone)]
enum Pagers {
    All,
    Some(HashSet<usize>),
}

fn mark(map: &mut HashMap<String, Pagers>, key: &str, pagers: Pagers) {
    match (map.get_mut(key), pagers) {
        (Some(Pagers::All), _) => {}
        (Some(slot), Pagers::All) => *slot = Pagers::All,
        (Some(Pagers::Some(have)), Pagers::Some(more)) => have.extend(more),
        (None, pagers) => {
            map.insert(key.to_string(), pagers);
        }
    }
}

/// Pager pages between two positions of a moved item, both included.
fn span(a: usize, b: usize, per_page: usize) -> Pagers {
    let per_page = per_page.max(1);
    Pagers::Some((a.min(b) / per_page..=a.max(b) / per_page).collect())
}

/// Which pages changed between two sites, and what that reaches.
struct Reach {
    any_dirty: bool,
    /// A disclosure changed, came or went: corrections link disclosures.
    disclosures_moved: bool,
    /// Page jobs whose page or references changed.
    page_jobs: Vec<bool>,
    /// Listings by path (sections, terms) → pager pages that may change.
    listings: HashMap<String, Pagers>,
    /// Sections with changed pages (for their archives).
    sections: HashSet<usize>,
}

impl Reach {
    fn new(
        site: &Site,
        old: &Site,
        now: jiff::Timestamp,
        old_now: Option<jiff::Timestamp>,
        same_shape: bool,
    ) -> Reach {
        // Two sites of one shape have the same pages in the same places.
        let old_index: HashMap<&Path, usize> = if same_shape {
            HashMap::new()
        } else {
            old.pages
                .iter()
                .enumerate()
                .map(|(i, p)| (p.parsed.path.as_path(), i))
                .collect()
        };
        fn source_of(s: &Site, i: Option<usize>) -> Option<&Path> {
            i.map(|i| s.pages[i].parsed.path.as_path())
        }
        let old_now = old_now.unwrap_or(now);
        let n = site.pages.len();
        let mut dirty = vec![false; n];
        let mut counterpart: Vec<Option<usize>> = vec![None; n];
        let mut old_alive = vec![false; old.pages.len()];
        for (i, page) in site.pages.iter().enumerate() {
            let o = if same_shape {
                i
            } else {
                let Some(&o) = old_index.get(page.parsed.path.as_path()) else {
                    dirty[i] = true;
                    continue;
                };
                o
            };
            old_alive[o] = true;
            counterpart[i] = Some(o);
            let was = &old.pages[o];
            let moved = parse_moved(page, was)
                || (!same_shape
                    && (page.path != was.path
                        || site.sections[page.section].path != old.sections[was.section].path
                        || source_of(site, page.newer) != source_of(old, was.newer)
                        || source_of(site, page.older) != source_of(old, was.older)));
            let details_moved = !matches!(page.details, Details::Plain)
                && (page.details != was.details
                    || (now != old_now
                        && kinds::status_view(page, &site.config, now)
                            != kinds::status_view(was, &old.config, old_now)));
            dirty[i] = moved || details_moved;
        }
        let gone: Vec<usize> = (0..old.pages.len()).filter(|&o| !old_alive[o]).collect();
        let mut old_dirty = vec![false; old.pages.len()];
        for &o in &gone {
            old_dirty[o] = true;
        }
        for (i, c) in counterpart.iter().enumerate() {
            if let Some(o) = c {
                old_dirty[*o] = dirty[i];
            }
        }
        let is_disclosure = |d: &Details| matches!(d, Details::Disclosure(_));
        let disclosures_moved = (0..n).any(|i| dirty[i] && is_disclosure(&site.pages[i].details))
            || gone.iter().any(|&o| is_disclosure(&old.pages[o].details));

        let mut listings: HashMap<String, Pagers> = HashMap::new();
        let mut sections: HashSet<usize> = HashSet::new();

        // Section listings: the pager pages a changed page left and entered;
        // all of them when the count changed (every pager shows it).
        let new_section: HashMap<&str, usize> = site
            .sections
            .iter()
            .enumerate()
            .map(|(i, s)| (s.path.as_str(), i))
            .collect();
        let old_section: HashMap<&str, usize> = old
            .sections
            .iter()
            .enumerate()
            .map(|(i, s)| (s.path.as_str(), i))
            .collect();
        let all_up = |listings: &mut HashMap<String, Pagers>,
                      sections: &mut HashSet<usize>,
                      start: usize| {
            let mut cursor = Some(start);
            while let Some(s) = cursor {
                sections.insert(s);
                mark(listings, &site.sections[s].path, Pagers::All);
                cursor = site.sections[s].parent;
            }
        };
        for i in (0..n).filter(|&i| dirty[i]) {
            let s = site.sections[site.pages[i].section].path.as_str();
            let (ns, sec) = (new_section[s], &site.sections[new_section[s]]);
            sections.insert(ns);
            if let Some(parent) = sec.parent {
                all_up(&mut listings, &mut sections, parent);
            }
            let old_place = counterpart[i].and_then(|o| {
                let os = old_section.get(s).copied()?;
                let old_sec = &old.sections[os];
                let pos = old_sec.pages.iter().position(|&p| p == o)?;
                (old_sec.pages.len() == sec.pages.len()).then_some(pos)
            });
            let new_pos = sec.pages.iter().position(|&p| p == i).unwrap_or(0);
            match old_place {
                Some(old_pos) => mark(&mut listings, s, span(old_pos, new_pos, sec.page_size())),
                None => mark(&mut listings, s, Pagers::All),
            }
            if let Some(o) = counterpart[i] {
                let was = old.sections[old.pages[o].section].path.as_str();
                if was != s
                    && let Some(&ws) = new_section.get(was)
                {
                    all_up(&mut listings, &mut sections, ws);
                }
            }
        }
        for &o in &gone {
            let was = old.sections[old.pages[o].section].path.as_str();
            if let Some(&ws) = new_section.get(was) {
                all_up(&mut listings, &mut sections, ws);
            }
        }

        // Term listings, the same way.
        let per_page = site.config.paginate;
        let old_terms: HashMap<&str, &crate::model::taxonomy::Term> = old
            .taxonomies
            .iter()
            .flat_map(|t| t.terms.iter().map(|term| (term.path.as_str(), term)))
            .collect();
        let mut campaign_terms: HashSet<String> = HashSet::new();
        for taxonomy in &site.taxonomies {
            for term in &taxonomy.terms {
                let was = old_terms.get(term.path.as_str());
                for (pos, &p) in term.pages.iter().enumerate() {
                    if !dirty[p] {
                        continue;
                    }
                    campaign_terms.insert(term.path.clone());
                    let old_pos = match (was, counterpart[p]) {
                        (Some(was), Some(o)) if was.pages.len() == term.pages.len() => {
                            was.pages.iter().position(|&q| q == o)
                        }
                        _ => None,
                    };
                    match old_pos {
                        Some(old_pos) => {
                            mark(&mut listings, &term.path, span(old_pos, pos, per_page))
                        }
                        None => mark(&mut listings, &term.path, Pagers::All),
                    }
                }
            }
        }
        let new_terms: HashMap<&str, &crate::model::taxonomy::Term> = site
            .taxonomies
            .iter()
            .flat_map(|t| t.terms.iter().map(|term| (term.path.as_str(), term)))
            .collect();
        let mut new_of = vec![None; old.pages.len()];
        for (i, c) in counterpart.iter().enumerate() {
            if let Some(o) = c {
                new_of[*o] = Some(i);
            }
        }
        for taxonomy in &old.taxonomies {
            for was in &taxonomy.terms {
                if !was.pages.iter().any(|&o| old_dirty[o]) {
                    continue;
                }
                campaign_terms.insert(was.path.clone());
                let Some(term) = new_terms.get(was.path.as_str()) else {
                    continue; // the term is gone, and its pages with it
                };
                // A changed page that left the term shifts every pager after
                // it; ranges for pages still in it were marked above.
                let left = was
                    .pages
                    .iter()
                    .any(|&o| old_dirty[o] && !new_of[o].is_some_and(|i| term.pages.contains(&i)));
                if left || was.pages.len() != term.pages.len() {
                    mark(&mut listings, &was.path, Pagers::All);
                }
            }
        }

        // Page jobs: a changed page, its neighbours, one whose related list
        // changed or holds a changed page, and campaigns whose tag moved.
        let tags = site.taxonomies.iter().find(|t| t.name == "tags");
        let page_jobs: Vec<bool> = (0..n)
            .map(|i| {
                if dirty[i] {
                    return true;
                }
                if let Details::Campaign(c) = &site.pages[i].details
                    && let Some(term) = c.tag.as_deref().and_then(|t| tags?.find(t))
                    && campaign_terms.contains(&term.path)
                {
                    return true;
                }
                // Its newer and older links show the neighbours' titles.
                let page = &site.pages[i];
                if page.newer.is_some_and(|p| dirty[p]) || page.older.is_some_and(|p| dirty[p]) {
                    return true;
                }
                let related = &site.related[i];
                if related.iter().any(|&r| dirty[r]) {
                    return true;
                }
                let Some(o) = counterpart[i] else { return true };
                if same_shape && site.related_key == old.related_key {
                    // The same related lists, by the same pages.
                    return false;
                }
                let was = &old.related[o];
                related.len() != was.len()
                    || related
                        .iter()
                        .zip(was)
                        .any(|(&r, &w)| site.pages[r].parsed.path != old.pages[w].parsed.path)
            })
            .collect();
        let any_dirty = dirty.iter().any(|&d| d) || !gone.is_empty();
        Reach {
            any_dirty,
            disclosures_moved,
            page_jobs,
            listings,
            sections,
        }
    }

    fn listed(&self, path: &str, index: usize) -> bool {
        match self.listings.get(path) {
            Some(Pagers::All) => true,
            Some(Pagers::Some(set)) => set.contains(&index),
            None => false,
        }
    }

    fn may_change(&self, site: &Site, job: &Job) -> bool {
        match *job {
            Job::Page(i) => {
                self.page_jobs[i]
                    || (self.disclosures_moved
                        && matches!(site.pages[i].details, Details::Disclosure(_)))
            }
            // The home page picks from the whole site.
            Job::Listing { section, index } => {
                section == 0 || self.listed(&site.sections[section].path, index)
            }
            Job::TermList(_) => self.any_dirty,
            Job::TermPage {
                taxonomy,
                term,
                index,
            } => self.listed(&site.taxonomies[taxonomy].terms[term].path, index),
            Job::Archive(a) => self.sections.contains(&site.archives[a].section),
            Job::Search | Job::Photos | Job::NotFound => true,
        }
    }
}
