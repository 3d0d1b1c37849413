//! Model: parsed pages → the [`Site`]: sections, URLs, slugs, listings and
//! taxonomies, all decided here, once, and checked (two files with one URL is an
//! error naming both). Everything later (render, emit, write) only reads it.
//!
//! Paths in the model are site-relative and end with `/` (`news/`, `news/a/`,
//! the home page is the empty path); the render stage prefixes `base_url`.

mod assets;
mod disclosures;
pub mod kinds;
pub mod links;
mod pagination;
mod related;
mod sections;
pub mod taxonomy;
mod urls;

use std::cmp::Reverse;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::config::Config;
use crate::diag::{Diagnostic, Report};
use crate::frontmatter::kind::Kind;
use crate::load::AssetSource;
use crate::parse::{ParsedPage, ParsedSite};
pub use pagination::{pager_count, pager_path};
pub use taxonomy::Taxonomy;

use assets::{attachment_copies, place_assets};
use disclosures::{disclosure_archives, link_disclosures};
pub(crate) use related::related_pages;
pub(crate) use sections::build_sections;
use urls::check_duplicate_urls;
pub(crate) use urls::{alias_files, page_slug};

#[derive(Debug, Clone)]
pub struct Section {
    /// `_index.md` this section comes from, if it has one.
    pub source: Option<PathBuf>,
    /// Folder relative to `content/`; empty for the home page.
    pub dir: PathBuf,
    pub path: String,
    pub title: String,
    /// The kind its pages get unless they say otherwise.
    pub kind: Kind,
    pub weight: i64,
    pub paginate: usize,
    pub content_html: String,
    pub summary_html: String,
    pub template: Option<String>,
    pub parent: Option<usize>,
    pub subsections: Vec<usize>,
    /// Indexes into [`Site::pages`], newest first.
    pub pages: Vec<usize>,
    /// The `_index.md` text as a page, when it calls shortcodes (a figure in
    /// a section's introduction) or has links: pictures, shortcodes and
    /// links (`a.md`) are resolved against it, and links checked. `content_html` gets
    /// their output; this keeps the markers.
    pub intro: Option<Arc<ParsedPage>>,
}

impl Section {
    pub fn is_home(&self) -> bool {
        self.dir.as_os_str().is_empty()
    }

    /// How many pages the listing has (`news/`, `news/page/2/`, …).
    pub fn pager_count(&self) -> usize {
        if self.kind.is_grouped() && !self.is_home() {
            return 1;
        }
        pager_count(self.pages.len(), self.paginate)
    }

    /// The introduction as a page of this section (see [`Section::intro`]),
    /// `index` being this section's place in [`Site::sections`].
    pub fn intro_page(&self, index: usize) -> Option<Page> {
        let parsed = self.intro.clone()?;
        Some(Page {
            parsed,
            slug: String::new(),
            path: self.path.clone(),
            section: index,
            newer: None,
            older: None,
            aliases: Vec::new(),
            details: kinds::Details::Plain,
        })
    }

    /// Pages shown on one listing page.
    pub fn page_size(&self) -> usize {
        if self.kind.is_grouped() && !self.is_home() {
            self.pages.len().max(1)
        } else {
            self.paginate
        }
    }
}

#[derive(Debug, Clone)]
pub struct Page {
    /// The parse (shortcodes are expanded beside the model, by the render stage).
    pub parsed: Arc<ParsedPage>,
    pub slug: String,
    pub path: String,
    pub section: usize,
    /// Newer and older neighbours in the section listing.
    pub newer: Option<usize>,
    pub older: Option<usize>,
    /// Old URLs that redirect here, as output files (`old/path/index.html`).
    pub aliases: Vec<String>,
    /// What the page's kind adds: campaign dates, disclosure number and notice…
    pub details: kinds::Details,
}

/// A file copied into the output as it is.
#[derive(Debug, Clone)]
pub struct AssetCopy {
    /// Relative to the site root.
    pub source: PathBuf,
    /// Output path relative to the output folder, `/`-separated.
    pub dest: String,
}

#[derive(Debug, Clone)]
pub struct Site {
    pub config: Config,
    /// Sorted by folder; index 0 is the home page.
    pub sections: Vec<Section>,
    /// Shared, so that a patched model copies pointers, not pages.
    pub pages: Vec<Arc<Page>>,
    pub taxonomies: Vec<Taxonomy>,
    pub assets: Vec<AssetCopy>,
    /// For each page, up to five pages sharing the most tags, newest first on ties.
    pub related: Arc<Vec<Vec<usize>>>,
    /// Correction notice (更正公告) → the disclosure it corrects.
    pub corrects: BTreeMap<usize, usize>,
    /// Disclosure archives by year and by category.
    pub archives: Vec<Archive>,
    /// All pages, newest first ([`listing_order`]).
    pub by_date: Vec<usize>,
    /// `rank[p]`: page `p`'s place in `by_date`.
    pub rank: Vec<usize>,
}

/// What building a model leaves beside it for the next build of the same
/// `site.yaml` (`serve` keeps it): the problems it found, by page and across
/// pages, and what the related lists were computed from.
#[derive(Debug, Clone, Default)]
pub struct ModelMemo {
    /// Problems found in each page alone (kind checks, slug, aliases), by page.
    pub page_notes: Vec<Vec<Diagnostic>>,
    /// Problems found across pages: duplicate URLs, then term slugs, then
    /// disclosure links and archives (the order a build reports them in).
    pub notes: Vec<Diagnostic>,
    /// How many of `notes` come before the term slugs', and how many those are.
    pub term_notes: (usize, usize),
    /// Hash of the tags and order `Site::related` was computed from.
    pub related_key: u64,
}

/// An earlier model of the same `site.yaml`, for reusing what an edit left.
#[derive(Clone, Copy)]
pub struct Previous<'a> {
    pub site: &'a Site,
    pub memo: &'a ModelMemo,
    /// Only Markdown changed since (no photo, attachment, static file or
    /// holiday calendar): an unchanged page keeps its kind details, slug and
    /// aliases, which read those files.
    pub pages_hold: bool,
}

/// More edited pages than this at once (a search-and-replace over the site) are
/// cheaper to handle as a new site than one by one.
pub const MAX_EDITED: usize = 64;

/// A listing of a disclosure section's items for one year (`disclosures/2025/`)
/// or one category (`disclosures/category/cai-wu-gong-kai/`).
#[derive(Debug, Clone)]
pub struct Archive {
    pub section: usize,
    pub path: String,
    pub title: String,
    pub by_year: bool,
    /// Newest first.
    pub pages: Vec<usize>,
}

impl Site {
    /// The output path (site-relative) of a file a page names (`photo`, `cover`):
    /// a bundle or section file is published where its folder is; a file under
    /// `static/` at the site root is published at the root.
    pub fn file_path_for(&self, page: &Page, file: &str) -> Option<String> {
        let rel = kinds::resolve_file(&page.parsed, file)?;
        if let Some(asset) = self.assets.iter().find(|a| a.source == rel) {
            return Some(asset.dest.clone());
        }
        let from_static = rel.strip_prefix(crate::layout::STATIC_DIR).ok()?;
        Some(
            from_static
                .components()
                .map(|c| c.as_os_str().to_string_lossy())
                .collect::<Vec<_>>()
                .join("/"),
        )
    }

    /// All pages, newest first.
    pub fn pages_by_date(&self) -> &[usize] {
        &self.by_date
    }
}

pub struct ModelOptions<'a> {
    pub drafts: bool,
    pub root: &'a Path,
    pub calendar: &'a crate::disclosure::calendar::HolidayCalendar,
    /// The model of the previous build in `serve`, for reusing what did not change.
    pub previous: Option<Previous<'a>>,
}

/// Builds the site model from parsed content. Drafts are left out unless asked.
pub fn build_site(
    config: Config,
    parsed: ParsedSite,
    assets: &[AssetSource],
    options: &ModelOptions<'_>,
    report: &mut Report,
) -> (Site, ModelMemo) {
    let style = config.slugs;
    let pages_in: Vec<Arc<ParsedPage>> = parsed
        .pages
        .into_iter()
        .filter(|p| options.drafts || !p.draft)
        .collect();
    let (mut sections, index_of) =
        build_sections(&config, &parsed.sections, &pages_in, options.drafts);

    // What each kind adds, checked in parallel (attachments are read and hashed).
    let kind_context = kinds::KindContext {
        root: options.root,
        config: &config,
        calendar: options.calendar,
    };
    // Slugs (pinyin) and alias files too: all per page, so in parallel. In
    // `serve`, when only Markdown changed, an unchanged page's are taken from
    // the previous model.
    let before: Vec<Option<(&Page, &[Diagnostic])>> = match options.previous {
        Some(previous) if previous.pages_hold => previous_pages(&pages_in, previous),
        _ => vec![None; pages_in.len()],
    };
    type Checked = (Option<kinds::Details>, String, Vec<String>, Vec<Diagnostic>);
    let checked: Vec<Checked> = {
        use rayon::prelude::*;
        pages_in
            .par_iter()
            .zip(&before)
            .map(|(p, before)| {
                if let Some((was, notes)) = before {
                    let details = Some(was.details.clone());
                    return (
                        details,
                        was.slug.clone(),
                        was.aliases.clone(),
                        notes.to_vec(),
                    );
                }
                let mut local = Report::new();
                let details = kinds::page_details(p, &kind_context, &mut local);
                let slug = page_slug(p, style, &mut local);
                let aliases = alias_files(p, &mut local);
                (details, slug, aliases, local.into_vec())
            })
            .collect()
    };

    // Pages: slug and path.
    let mut pages: Vec<(Page, Vec<Diagnostic>)> = Vec::with_capacity(pages_in.len());
    for (parsed_page, (details, slug, aliases, notes)) in pages_in.into_iter().zip(checked) {
        report.extend(notes.iter().cloned());
        let Some(details) = details else { continue };
        let Some(&section) = index_of.get(&parsed_page.section_dir) else {
            continue;
        };
        let path = format!("{}{}/", sections[section].path, slug);
        let page = Page {
            parsed: parsed_page,
            slug,
            path,
            section,
            newer: None,
            older: None,
            aliases,
            details,
        };
        pages.push((page, notes));
    }
    pages.sort_by(|a, b| a.0.parsed.path.cmp(&b.0.parsed.path));
    let (mut pages, page_notes): (Vec<Page>, Vec<Vec<Diagnostic>>) = pages.into_iter().unzip();

    // Problems across pages; a patched model reports them again.
    let mut notes = Report::new();
    check_duplicate_urls(&sections, &pages, &mut notes);

    // Each page's place in newest-first order, so later sorts compare integers.
    let (by_date, rank) = {
        use rayon::prelude::*;
        let mut by_date: Vec<usize> = (0..pages.len()).collect();
        by_date.par_sort_by(|&a, &b| listing_order(&pages[a].parsed, &pages[b].parsed));
        let mut rank = vec![0usize; pages.len()];
        for (r, &p) in by_date.iter().enumerate() {
            rank[p] = r;
        }
        (by_date, rank)
    };
    for (i, page) in pages.iter().enumerate() {
        sections[page.section].pages.push(i);
    }
    for section in &mut sections {
        section.pages.sort_unstable_by_key(|&p| rank[p]);
        for (pos, &page) in section.pages.iter().enumerate() {
            let newer = pos.checked_sub(1).map(|p| section.pages[p]);
            let older = section.pages.get(pos + 1).copied();
            pages[page].newer = newer;
            pages[page].older = older;
        }
    }

    let before_terms = notes.len();
    let taxonomies = taxonomy::build_taxonomies(&config, &pages, &rank, &mut notes);
    let term_notes = (before_terms, notes.len() - before_terms);
    let assets = place_assets(assets, &sections, &pages, &index_of);
    let (related, related_key) = related_pages(&pages, &taxonomies, &rank, options.previous);
    let corrects = link_disclosures(&pages, &mut notes);
    let archives = disclosure_archives(&config, &sections, &pages, &mut notes);
    let mut assets = assets;
    assets.extend(attachment_copies(&pages));
    let notes = notes.into_vec();
    report.extend(notes.iter().cloned());

    let site = Site {
        config,
        sections,
        pages: pages.into_iter().map(Arc::new).collect(),
        taxonomies,
        assets,
        related,
        corrects,
        archives,
        by_date,
        rank,
    };
    let memo = ModelMemo {
        page_notes,
        notes,
        term_notes,
        related_key,
    };
    (site, memo)
}

/// For each page, the index of the previous model's page of the same file.
pub(crate) fn previous_places<P: AsRef<ParsedPage>>(
    pages_in: &[P],
    previous: &Site,
) -> Vec<Option<usize>> {
    let mut hint = 0;
    pages_in
        .iter()
        .map(|page| {
            let path = &page.as_ref().path;
            // Both lists are sorted by file as a rule: try the next one first.
            // The same parse is the same file, without reading either path.
            let at = match previous.pages.get(hint) {
                Some(p) if std::ptr::eq(&*p.parsed, page.as_ref()) || p.parsed.path == *path => {
                    hint
                }
                _ => previous
                    .pages
                    .binary_search_by(|p| p.parsed.path.cmp(path))
                    .ok()?,
            };
            hint = at + 1;
            Some(at)
        })
        .collect()
}

/// For each page, the previous model's page of the same file, with the
/// problems it had, if its parse is the same one (so its kind details, slug
/// and aliases are too).
fn previous_pages<'p>(
    pages_in: &[Arc<ParsedPage>],
    previous: Previous<'p>,
) -> Vec<Option<(&'p Page, &'p [Diagnostic])>> {
    pages_in
        .iter()
        .zip(previous_places(pages_in, previous.site))
        .map(|(page, at)| {
            let at = at?;
            let was = &previous.site.pages[at];
            let notes = previous.memo.page_notes.get(at)?;
            Arc::ptr_eq(&was.parsed, page).then_some((&**was, notes.as_slice()))
        })
        .collect()
}

/// Newest first; same date by title, then by file, so the order never depends on
/// how the files were read.
pub fn listing_order(a: &ParsedPage, b: &ParsedPage) -> std::cmp::Ordering {
    (Reverse(a.date), &a.title, &a.path).cmp(&(Reverse(b.date), &b.title, &b.path))
}
