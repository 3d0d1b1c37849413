//! What every job of a render shares: the input, the site view and the
//! theme's words, pages' cards; and the prepared job a template renders.

use std::collections::BTreeMap;
use std::hash::{Hash, Hasher};
use std::path::PathBuf;

use minijinja::Value;

use super::OutputFile;
use super::cards::{Cards, site_view};
use super::engine::{Renderer, to_value};
use super::reads::{Expanded, SiteReads};
use super::urls::PHOTOS_PATH;
use crate::clock::Clock;
use crate::diag::Diagnostic;
use crate::images::ImageSet;
use crate::message::{List, Message};
use crate::model::Site;

/// What a render works from.
#[derive(Clone, Copy)]
pub struct RenderInput<'s> {
    pub site: &'s Site,
    pub images: &'s ImageSet,
    pub expanded: &'s Expanded,
    pub renderer: &'s Renderer<'s>,
    pub clock: &'s Clock,
    /// Called as jobs are done: `(done, total)`.
    pub progress: Option<&'s crate::images::Progress>,
    /// Takes each rendered file as it is made: the render then keeps none.
    pub sink: Option<&'s dyn super::FileSink>,
}

/// What every job sees: the site view, the theme's words, pages' cards.
pub(crate) struct Shared<'s> {
    pub input: RenderInput<'s>,
    pub now: jiff::Timestamp,
    pub site: Value,
    pub strings: Value,
    pub words: BTreeMap<&'static str, String>,
    pub cards: Cards,
    /// The site has the photo-news listing.
    pub with_photos: bool,
    /// Whether jobs note what they read.
    pub(crate) record: bool,
    /// Whether every job's fingerprint is worth its cost, not only those a
    /// render before this one left to compare with.
    pub(crate) prints: bool,
}

impl<'s> Shared<'s> {
    pub(crate) fn new(input: RenderInput<'s>, record: bool) -> Shared<'s> {
        let words = crate::i18n::site_strings(input.site.config.language, &input.site.config.i18n);
        let now = input.clock.now();
        let reads = SiteReads::new(input.site, input.images, input.expanded, false);
        let with_photos = photos_listing_wanted(input.site)
            && input.site.pages.iter().any(|p| has_photos(input.site, p));
        let photos_title = with_photos.then(|| words.get("photos").cloned().unwrap_or_default());
        Shared {
            input,
            now,
            site: to_value(site_view(&reads, input.clock, photos_title.as_deref())),
            strings: to_value(&words),
            cards: Cards::new(input.site.pages.len(), now),
            words,
            with_photos,
            record,
            prints: record,
        }
    }

    /// A reader for one job.
    pub(crate) fn reader(&self) -> SiteReads<'s> {
        let input = &self.input;
        SiteReads::new(input.site, input.images, input.expanded, self.record)
    }

    /// The theme's word for `key`.
    pub(crate) fn t(&self, key: &str) -> &str {
        self.words.get(key).map(String::as_str).unwrap_or("")
    }

    /// Hash of what every page shows: when it moves, every job may change.
    pub(crate) fn key(&self) -> u64 {
        let mut h = std::hash::DefaultHasher::new();
        self.site.hash(&mut h);
        self.strings.hash(&mut h);
        h.finish()
    }
}

/// Whether a page belongs in the photo-news listing.
pub(crate) fn has_photos(site: &Site, page: &crate::model::Page) -> bool {
    !crate::images::gallery::gallery_images(site, page).is_empty()
}

fn photos_listing_wanted(site: &Site) -> bool {
    !site.sections.iter().any(|s| s.path == PHOTOS_PATH)
        && !site.pages.iter().any(|p| p.path == PHOTOS_PATH)
}

/// A job ready to render: the template and everything it sees.
pub(crate) struct Prepared {
    pub path: String,
    pub template: String,
    pub ctx: Value,
    /// The page's source file, named when its template fails.
    pub source: Option<PathBuf>,
}

impl Prepared {
    pub(crate) fn render(self, renderer: &Renderer<'_>) -> Result<OutputFile, Diagnostic> {
        let html = renderer
            .render(&self.template, self.ctx)
            .map_err(|d| match &self.source {
                Some(source) => d.help(Message::WhileRendering {
                    source: crate::shown_path::shown_path(source),
                }),
                None => d,
            })?;
        Ok(OutputFile {
            path: self.path,
            bytes: html.into_bytes(),
        })
    }

    /// What the output depends on, hashed: the same fingerprint under the same
    /// templates means the same bytes.
    pub(crate) fn fingerprint(&self) -> u64 {
        let mut hasher = std::hash::DefaultHasher::new();
        self.template.hash(&mut hasher);
        self.ctx.hash(&mut hasher);
        hasher.finish()
    }
}

pub(crate) fn missing_template(names: &[&str], origin: &std::path::Path) -> Diagnostic {
    Diagnostic::error(Message::NoTemplate {
        names: List::of(names),
    })
    .at(origin)
    .help(Message::NoTemplateHelp {})
}
