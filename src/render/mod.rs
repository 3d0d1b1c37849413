//! Render: site model + templates → HTML files, in parallel.
//!
//! Templates come from three layers (built-in theme, `themes/NAME/templates/`,
//! the site's `templates/`), are all compiled up front so a syntax error is
//! reported once with its file and line, and see typed views ([`views`]).
//! Autoescaping is on for `.html` and `.xml`. This stage returns bytes; writing
//! them is the output stage's job.

mod engine;
pub mod home;
mod incremental;
mod jobs;
pub mod kinds;
mod listings;
pub mod media;
mod pages;
pub mod urls;
pub mod views;

use std::collections::BTreeMap;

use minijinja::Value;
use rayon::prelude::*;

use crate::clock::Clock;
use crate::diag::{Diagnostic, Report};
use crate::images::ImageSet;
use crate::model::Site;

pub use engine::{Renderer, TemplateSources, to_value};
pub use incremental::{Memo, Scope, render_changed};
use jobs::{Job, Prepared, jobs};
use listings::{archive_job, listing_job, term_list_job, term_page_job};
use pages::{not_found_job, page_job, photos_job, search_job};
use views::{card_view, site_view};

/// One file of output, path relative to the output folder (`/`-separated).
#[derive(Debug, Clone)]
pub struct OutputFile {
    pub path: String,
    pub bytes: Vec<u8>,
}

/// Shared values: the site view, the words, and pages' cards.
struct Shared<'s> {
    images: &'s ImageSet,
    /// Pages with a gallery, newest first (the photo-news listing).
    photos: Vec<usize>,
    now: jiff::Timestamp,
    site: Value,
    strings: Value,
    cards: Cards<'s>,
}

/// Page cards (title, date, summary… as listings show them), each built the
/// first time a job needs it: a rebuild in `serve` builds only those it shows.
pub struct Cards<'s> {
    site: &'s Site,
    images: &'s ImageSet,
    now: jiff::Timestamp,
    cells: Vec<std::sync::OnceLock<Value>>,
}

impl<'s> Cards<'s> {
    fn new(site: &'s Site, images: &'s ImageSet, now: jiff::Timestamp) -> Cards<'s> {
        Cards {
            site,
            images,
            now,
            cells: (0..site.pages.len())
                .map(|_| std::sync::OnceLock::new())
                .collect(),
        }
    }

    pub fn get(&self, p: usize) -> Value {
        self.cells[p]
            .get_or_init(|| {
                to_value(card_view(
                    self.site,
                    self.images,
                    &self.site.pages[p],
                    self.now,
                ))
            })
            .clone()
    }
}

/// Pages with a gallery, newest first: the photo-news listing (图片新闻).
pub fn photo_pages(site: &Site) -> Vec<usize> {
    site.pages_by_date()
        .iter()
        .copied()
        .filter(|&p| has_photos(site, p))
        .collect()
}

/// Whether page `p` belongs in the photo-news listing.
fn has_photos(site: &Site, p: usize) -> bool {
    !crate::images::gallery::gallery_images(site, &site.pages[p]).is_empty()
}

/// The site path of the photo-news listing, unless a section already has it.
pub const PHOTOS_PATH: &str = "photos/";

fn photos_listing_wanted(site: &Site) -> bool {
    !site.sections.iter().any(|s| s.path == PHOTOS_PATH)
        && !site.pages.iter().any(|p| p.path == PHOTOS_PATH)
}

pub fn render_site(
    site: &Site,
    images: &ImageSet,
    renderer: &Renderer<'_>,
    clock: &Clock,
    report: &mut Report,
) -> Vec<OutputFile> {
    let (shared, strings, jobs) = plan(site, images, clock);
    let results: Vec<Result<OutputFile, Diagnostic>> = jobs
        .par_iter()
        .map(|job| prepare_job(site, renderer, &shared, &strings, job)?.render(renderer))
        .collect();
    let mut files = Vec::with_capacity(results.len());
    for result in results {
        match result {
            Ok(file) => files.push(file),
            Err(d) => report.push(d),
        }
    }
    files
}

/// The shared values and the list of jobs: one per output file.
fn plan<'s>(
    site: &'s Site,
    images: &'s ImageSet,
    clock: &Clock,
) -> (Shared<'s>, BTreeMap<&'static str, String>, Vec<Job>) {
    let photos = if photos_listing_wanted(site) {
        photo_pages(site)
    } else {
        Vec::new()
    };
    let (shared, strings) = shared_values(site, images, clock, photos);
    let jobs = jobs(site, !shared.photos.is_empty());
    (shared, strings, jobs)
}

/// What every job reads: the site view, the words, the cards; `photos` from
/// [`photo_pages`] when the site has the photo listing.
fn shared_values<'s>(
    site: &'s Site,
    images: &'s ImageSet,
    clock: &Clock,
    photos: Vec<usize>,
) -> (Shared<'s>, BTreeMap<&'static str, String>) {
    let strings_map = crate::i18n::site_strings(site.config.language, &site.config.i18n);
    let now = clock.now();
    let photos_title = strings_map.get("photos").cloned().unwrap_or_default();
    let shared = Shared {
        images,
        now,
        site: to_value(site_view(
            site,
            clock,
            (!photos.is_empty()).then_some(photos_title.as_str()),
        )),
        strings: to_value(&strings_map),
        cards: Cards::new(site, images, now),
        photos,
    };
    (shared, strings_map)
}

/// The template and context of a job: one function per kind of job.
fn prepare_job(
    site: &Site,
    renderer: &Renderer<'_>,
    shared: &Shared<'_>,
    strings: &BTreeMap<&'static str, String>,
    job: &Job,
) -> Result<Prepared, Diagnostic> {
    let path = job.output_path(site);
    match *job {
        Job::Page(i) => page_job(site, renderer, shared, strings, i, path),
        Job::Listing { section, index } => {
            listing_job(site, renderer, shared, strings, section, index, path)
        }
        Job::TermList(t_index) => term_list_job(site, shared, strings, t_index, path),
        Job::TermPage {
            taxonomy,
            term,
            index,
        } => term_page_job(site, shared, strings, taxonomy, term, index, path),
        Job::Archive(a) => archive_job(site, shared, strings, a, path),
        Job::Search => search_job(site, shared, strings, path),
        Job::Photos => photos_job(site, shared, strings, path),
        Job::NotFound => not_found_job(site, shared, path),
    }
}
