//! Model: parsed pages → the [`Site`]: sections, URLs, slugs, listings and
//! taxonomies, all decided here, once, and checked (two files with one URL is an
//! error naming both). Everything later (render, emit, write) only reads it.
//!
//! Paths in the model are site-relative and end with `/` (`news/`, `news/a/`,
//! the home page is the empty path); the render stage prefixes `base_url`.

pub mod kinds;
mod patch;
pub mod taxonomy;

use std::cmp::Reverse;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::config::Config;
use crate::diag::{Diagnostic, Report};
use crate::frontmatter::kind::Kind;
use crate::layout::CONTENT_DIR;
use crate::load::AssetSource;
use crate::parse::{ParsedPage, ParsedSection, ParsedSite};
use crate::slug::slugify;
pub use taxonomy::{Taxonomy, Term};

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
    /// a section's introduction): pictures and shortcodes are resolved
    /// against it. `content_html` gets their output; this keeps the markers.
    pub intro: Option<Arc<ParsedPage>>,
}

impl Section {
    pub fn is_home(&self) -> bool {
        self.dir.as_os_str().is_empty()
    }

    /// Paths of the listing's pages: `news/`, `news/page/2/`, …
    pub fn pager_paths(&self) -> Vec<String> {
        if self.kind.is_grouped() && !self.is_home() {
            return vec![self.path.clone()];
        }
        pager_paths(&self.path, self.pages.len(), self.paginate)
    }

    /// The introduction as a page of this section (see [`Section::intro`]),
    /// `index` being this section's place in [`Site::sections`].
    pub fn intro_page(&self, index: usize) -> Option<Page> {
        let parsed = self.intro.clone()?;
        Some(Page {
            origin: parsed.clone(),
            parsed,
            slug: String::new(),
            path: self.path.clone(),
            section: index,
            newer: None,
            older: None,
            aliases: Vec::new(),
            details: kinds::Details::Plain,
            notes: Vec::new(),
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
    /// The parse, with shortcodes expanded once the render stage has done so.
    pub parsed: Arc<ParsedPage>,
    /// The parse as the parse stage made it (before shortcodes were expanded):
    /// `serve` tells an unchanged page by this pointer.
    pub origin: Arc<ParsedPage>,
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
    /// Problems the model found in this page alone (kind checks, slug,
    /// aliases), kept so that a patched model reports them again.
    pub notes: Vec<Diagnostic>,
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
    /// Hash of what `related` was computed from, so a rebuild that changed no
    /// tags or dates reuses it.
    pub related_key: u64,
    /// Correction notice (更正公告) → the disclosure it corrects.
    pub corrects: BTreeMap<usize, usize>,
    /// Disclosure archives by year and by category.
    pub archives: Vec<Archive>,
    /// All pages, newest first ([`listing_order`]).
    pub by_date: Vec<usize>,
    /// `rank[p]`: page `p`'s place in `by_date`.
    pub rank: Vec<usize>,
    /// Problems found across pages (duplicate URLs, numbers, term slugs).
    pub notes: Vec<Diagnostic>,
    /// Same for two sites with the same pages, sections, listings, terms and
    /// archives in the same places (a patched model keeps it): their output
    /// paths and render jobs are the same.
    pub shape: u64,
}

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
    pub fn home(&self) -> &Section {
        &self.sections[0]
    }

    /// Sections shown in the main navigation: the home page's direct children,
    /// by weight then title.
    pub fn nav_sections(&self) -> Vec<usize> {
        self.sections[0].subsections.clone()
    }

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
    /// The site of the previous build in `serve`, for reusing what did not change.
    pub previous: Option<&'a Site>,
    /// Only Markdown changed since `previous` was built (no photo, attachment,
    /// static file or holiday calendar, same `site.yaml`): unchanged pages keep
    /// their kind details, slug and aliases, and when the edit moved nothing
    /// (see [`patch`]) the previous model is patched instead of built.
    pub patchable: bool,
}

/// Builds the site model from parsed content. Drafts are left out unless asked.
pub fn build_site(
    config: Config,
    parsed: ParsedSite,
    assets: &[AssetSource],
    options: &ModelOptions<'_>,
    report: &mut Report,
) -> Site {
    if options.patchable
        && let Some(previous) = options.previous
        && let Some(site) = patch::patch(previous, &config, &parsed, options, report)
    {
        return site;
    }
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
    let reusable = options.previous.filter(|_| options.patchable);
    let before: Vec<Option<&Page>> = match reusable {
        Some(previous) => previous_pages(&pages_in, previous),
        None => vec![None; pages_in.len()],
    };
    type Checked = (Option<kinds::Details>, String, Vec<String>, Vec<Diagnostic>);
    let checked: Vec<Checked> = {
        use rayon::prelude::*;
        pages_in
            .par_iter()
            .zip(&before)
            .map(|(p, before)| {
                if let Some(was) = before {
                    let details = Some(was.details.clone());
                    return (
                        details,
                        was.slug.clone(),
                        was.aliases.clone(),
                        was.notes.clone(),
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
    let mut pages: Vec<Page> = Vec::with_capacity(pages_in.len());
    for (parsed_page, (details, slug, aliases, notes)) in pages_in.into_iter().zip(checked) {
        report.extend(notes.iter().cloned());
        let Some(details) = details else { continue };
        let Some(&section) = index_of.get(&parsed_page.section_dir) else {
            continue;
        };
        let path = format!("{}{}/", sections[section].path, slug);
        pages.push(Page {
            origin: parsed_page.clone(),
            parsed: parsed_page,
            slug,
            path,
            section,
            newer: None,
            older: None,
            aliases,
            details,
            notes,
        });
    }
    pages.sort_by(|a, b| a.parsed.path.cmp(&b.parsed.path));

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

    let taxonomies = taxonomy::build_taxonomies(&config, &pages, &rank, &mut notes);
    let assets = place_assets(assets, &sections, &pages, &index_of);
    let (related, related_key) = related_pages(&pages, &taxonomies, &rank, options.previous);
    let corrects = link_disclosures(&pages, &mut notes);
    let archives = disclosure_archives(&config, &sections, &pages, &mut notes);
    let mut assets = assets;
    assets.extend(attachment_copies(&pages));
    let notes = notes.into_vec();
    report.extend(notes.iter().cloned());

    Site {
        config,
        sections,
        pages: pages.into_iter().map(Arc::new).collect(),
        taxonomies,
        assets,
        related,
        related_key,
        corrects,
        archives,
        by_date,
        rank,
        notes,
        shape: patch::new_shape(),
    }
}

/// A section's `_index.md` as a page's parse, for its shortcodes: files are
/// named relative to its folder, like a page's.
fn intro_parse(section: &ParsedSection, dir: &Path) -> ParsedPage {
    ParsedPage {
        path: section.path.clone(),
        role: crate::load::Role::SectionIndex,
        section_dir: dir.to_path_buf(),
        bundle_dir: None,
        name: String::new(),
        kind: section.kind.unwrap_or(Kind::News),
        title: section.title.clone(),
        date: jiff::civil::DateTime::default(),
        updated: None,
        draft: false,
        front: section.front.clone(),
        taxonomies: BTreeMap::new(),
        body: section.body.clone(),
        summary_html: String::new(),
        key_lines: BTreeMap::new(),
        source_sha256: String::new(),
    }
}

/// For each page, the index of the previous model's page of the same file.
fn previous_places<P: AsRef<ParsedPage>>(pages_in: &[P], previous: &Site) -> Vec<Option<usize>> {
    let mut hint = 0;
    pages_in
        .iter()
        .map(|page| {
            let path = &page.as_ref().path;
            // Both lists are sorted by file as a rule: try the next one first.
            let at = match previous.pages.get(hint) {
                Some(p) if p.origin.path == *path => hint,
                _ => previous
                    .pages
                    .binary_search_by(|p| p.origin.path.cmp(path))
                    .ok()?,
            };
            hint = at + 1;
            Some(at)
        })
        .collect()
}

/// For each page, the previous model's page of the same file if its parse is
/// the same one (so its kind details, slug and aliases are too).
fn previous_pages<'p>(pages_in: &[Arc<ParsedPage>], previous: &'p Site) -> Vec<Option<&'p Page>> {
    pages_in
        .iter()
        .zip(previous_places(pages_in, previous))
        .map(|(page, at)| {
            let was = &previous.pages[at?];
            Arc::ptr_eq(&was.origin, page).then_some(&**was)
        })
        .collect()
}

/// Sections: every `_index.md`, plus implicit ones for folders that hold pages
/// without describing themselves, plus their ancestors and the home page. Their
/// page lists are left empty. Also returns folder → section index.
fn build_sections<P: AsRef<ParsedPage>>(
    config: &Config,
    parsed: &[ParsedSection],
    pages_in: &[P],
    drafts: bool,
) -> (Vec<Section>, BTreeMap<PathBuf, usize>) {
    let style = config.slugs;
    // Sections: every `_index.md`, plus implicit ones for folders that hold pages
    // without describing themselves, plus their ancestors and the home page.
    let mut parsed_sections: BTreeMap<PathBuf, Option<&ParsedSection>> = BTreeMap::new();
    parsed_sections.insert(PathBuf::new(), None);
    for section in parsed {
        if section.front.draft.unwrap_or(false) && !drafts && !section.dir.as_os_str().is_empty() {
            continue;
        }
        parsed_sections.insert(section.dir.clone(), Some(section));
    }
    // Pages come sorted by file, so those of one folder follow each other:
    // compare with the last before hashing.
    let mut page_dirs: std::collections::HashSet<&Path> = std::collections::HashSet::new();
    let mut last: Option<&Path> = None;
    for page in pages_in {
        let dir = page.as_ref().section_dir.as_path();
        if last != Some(dir) {
            page_dirs.insert(dir);
            last = Some(dir);
        }
    }
    for dir in page_dirs {
        for dir in dir.ancestors() {
            parsed_sections.entry(dir.to_path_buf()).or_insert(None);
        }
    }

    let dirs: Vec<PathBuf> = parsed_sections.keys().cloned().collect();
    let index_of: BTreeMap<PathBuf, usize> = dirs
        .iter()
        .cloned()
        .enumerate()
        .map(|(i, d)| (d, i))
        .collect();
    let mut sections: Vec<Section> = Vec::with_capacity(dirs.len());
    for (dir, parsed_section) in parsed_sections {
        let parent = dir.parent().and_then(|p| index_of.get(p).copied());
        let path = dir_path(&dir, style);
        let folder_name = dir
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let section = match parsed_section {
            Some(ps) => {
                let summary_html = ps
                    .body
                    .more_summary
                    .clone()
                    .or_else(|| ps.body.first_paragraph.clone())
                    .unwrap_or_default();
                Section {
                    source: Some(ps.path.clone()),
                    path,
                    title: ps.title.clone(),
                    kind: ps.kind.unwrap_or(Kind::News),
                    weight: ps.front.weight.unwrap_or(0),
                    paginate: ps
                        .front
                        .paginate
                        .map(|n| n.max(1) as usize)
                        .unwrap_or(config.paginate),
                    content_html: ps.body.html.clone(),
                    summary_html,
                    template: ps.front.template.clone(),
                    parent,
                    subsections: Vec::new(),
                    pages: Vec::new(),
                    intro: (!ps.body.shortcodes.is_empty())
                        .then(|| Arc::new(intro_parse(ps, &dir))),
                    dir,
                }
            }
            None => Section {
                source: None,
                path,
                title: if dir.as_os_str().is_empty() {
                    config.title.clone()
                } else {
                    folder_name
                },
                kind: Kind::News,
                weight: 0,
                paginate: config.paginate,
                content_html: String::new(),
                summary_html: String::new(),
                template: None,
                parent,
                subsections: Vec::new(),
                pages: Vec::new(),
                intro: None,
                dir,
            },
        };
        sections.push(section);
    }
    for i in 0..sections.len() {
        if let Some(parent) = sections[i].parent {
            sections[parent].subsections.push(i);
        }
    }
    for i in 0..sections.len() {
        let mut subs = std::mem::take(&mut sections[i].subsections);
        subs.sort_by(|&a, &b| {
            (sections[a].weight, &sections[a].title, &sections[a].dir).cmp(&(
                sections[b].weight,
                &sections[b].title,
                &sections[b].dir,
            ))
        });
        sections[i].subsections = subs;
    }
    (sections, index_of)
}

fn disclosure_archives(
    config: &Config,
    sections: &[Section],
    pages: &[Page],
    report: &mut Report,
) -> Vec<Archive> {
    let mut archives = Vec::new();
    for (s, section) in sections.iter().enumerate() {
        if section.kind != Kind::Disclosure || section.is_home() {
            continue;
        }
        let mut years: BTreeMap<i16, Vec<usize>> = BTreeMap::new();
        let mut categories: BTreeMap<String, Vec<usize>> = BTreeMap::new();
        for &p in &section.pages {
            years
                .entry(pages[p].parsed.date.year())
                .or_default()
                .push(p);
            if let Some(c) = &pages[p].parsed.front.category {
                categories.entry(c.clone()).or_default().push(p);
            }
        }
        for (year, list) in years.into_iter().rev() {
            archives.push(Archive {
                section: s,
                path: format!("{}{year}/", section.path),
                title: format!("{year}"),
                by_year: true,
                pages: list,
            });
        }
        for (category, list) in categories {
            let mut slug = slugify(&category, config.slugs);
            if slug.is_empty() {
                slug = "category".to_string();
            }
            archives.push(Archive {
                section: s,
                path: format!("{}category/{slug}/", section.path),
                title: category,
                by_year: false,
                pages: list,
            });
        }
    }
    for archive in &archives {
        if let Some(page) = pages.iter().find(|p| p.path == archive.path) {
            report.push(
                Diagnostic::error(format!(
                    "URL /{} is both this page and the disclosure archive `{}`",
                    archive.path, archive.title
                ))
                .at(&page.parsed.path)
                .help("give the page another file name or a `slug:`"),
            );
        }
    }
    archives
}

/// Checks that document numbers are unique and resolves `corrects:` (a number
/// or a URL) to the disclosure it corrects.
fn link_disclosures(pages: &[Page], report: &mut Report) -> BTreeMap<usize, usize> {
    let mut by_number: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, page) in pages.iter().enumerate() {
        if let kinds::Details::Disclosure(d) = &page.details {
            by_number.entry(d.number.to_string()).or_default().push(i);
        }
    }
    for (number, owners) in &by_number {
        if owners.len() > 1 {
            let files: Vec<String> = owners
                .iter()
                .map(|&i| pages[i].parsed.path.to_string_lossy().replace('\\', "/"))
                .collect();
            let first = &pages[owners[0]].parsed;
            let mut d = Diagnostic::error(format!("document number {number} is used by {}", files.join(" and ")))
                .at(&first.path)
                .help("each disclosure needs its own number; `noticeboard new disclosure` assigns the next free one");
            if let Some(&line) = first.key_lines.get("number") {
                d = d.line(line);
            }
            report.push(d);
        }
    }
    let mut corrects = BTreeMap::new();
    for (i, page) in pages.iter().enumerate() {
        let Some(target) = page.parsed.front.corrects.as_deref().map(str::trim) else {
            continue;
        };
        let found = by_number
            .get(target)
            .and_then(|v| v.first().copied())
            .or_else(|| {
                let wanted = target.trim_matches('/');
                pages
                    .iter()
                    .position(|p| p.path.trim_end_matches('/') == wanted)
            });
        match found {
            Some(original) if original != i => {
                corrects.insert(i, original);
            }
            _ => {
                let mut d = Diagnostic::error(format!("`corrects: {target}` names no disclosure of this site"))
                    .at(&page.parsed.path)
                    .help("give the corrected notice's number (e.g. 工会〔2026〕12号) or its URL (e.g. /disclosures/q1-funds/)");
                if let Some(&line) = page.parsed.key_lines.get("corrects") {
                    d = d.line(line);
                }
                report.push(d);
            }
        }
        if page
            .parsed
            .front
            .reason
            .as_deref()
            .is_none_or(|r| r.trim().is_empty())
        {
            let mut d =
                Diagnostic::error("a correction (`corrects:`) needs a `reason:` (更正原因)")
                    .at(&page.parsed.path);
            if let Some(&line) = page.parsed.key_lines.get("corrects") {
                d = d.line(line);
            }
            report.push(d);
        }
    }
    corrects
}

/// Attachments are published next to their page.
fn attachment_copies(pages: &[Page]) -> Vec<AssetCopy> {
    let mut copies = Vec::new();
    for page in pages {
        if let kinds::Details::Disclosure(d) = &page.details {
            for a in &d.attachments {
                copies.push(AssetCopy {
                    source: a.source.clone(),
                    dest: format!("{}{}", page.path, a.name),
                });
            }
        }
    }
    copies
}

/// Pages sharing tags with each page: most shared tags first, then newest, at
/// most five. Counting goes through the term lists, so it costs the sum of the
/// terms' sizes rather than pages squared.
fn related_pages(
    pages: &[Page],
    taxonomies: &[Taxonomy],
    rank: &[usize],
    previous: Option<&Site>,
) -> (Arc<Vec<Vec<usize>>>, u64) {
    let Some(tags) = taxonomies.iter().find(|t| t.name == "tags") else {
        return (Arc::new(vec![Vec::new(); pages.len()]), 0);
    };
    let mut terms_of: Vec<Vec<usize>> = vec![Vec::new(); pages.len()];
    for (t, term) in tags.terms.iter().enumerate() {
        for &p in &term.pages {
            terms_of[p].push(t);
        }
    }
    let key = {
        use std::hash::{Hash, Hasher};
        let mut h = std::hash::DefaultHasher::new();
        (&terms_of, rank).hash(&mut h);
        h.finish()
    };
    if let Some(old) = previous
        && old.related_key == key
        && old.related.len() == pages.len()
    {
        return (old.related.clone(), key);
    }
    // Shared-tag counts in a dense per-thread array: the work is the sum of the
    // tag sizes over each page's tags, with no sorting of candidate lists (a
    // popular tag on thousands of pages made that the slowest part of the model).
    use rayon::prelude::*;
    let one = |(counts, touched): &mut (Vec<u16>, Vec<usize>), p: usize| {
        related_of(p, &terms_of, tags, rank, counts, touched)
    };
    let scratch = || (vec![0u16; pages.len()], Vec::new());
    if let Some(old) = previous
        && let Some(affected) = related_reach(pages, tags, old)
    {
        // Only pages sharing a tag with an edited page (before or after the
        // edit) can see their list change.
        let fresh: Vec<Vec<usize>> = affected
            .par_iter()
            .map_init(scratch, |s, &p| one(s, p))
            .collect();
        let mut related = Vec::clone(&old.related);
        for (p, list) in affected.into_iter().zip(fresh) {
            related[p] = list;
        }
        return (Arc::new(related), key);
    }
    let related: Vec<Vec<usize>> = (0..pages.len())
        .into_par_iter()
        .map_init(scratch, one)
        .collect();
    (Arc::new(related), key)
}

/// Page `p`'s related pages: the best five by (more shared tags, newer).
fn related_of(
    p: usize,
    terms_of: &[Vec<usize>],
    tags: &Taxonomy,
    rank: &[usize],
    counts: &mut [u16],
    touched: &mut Vec<usize>,
) -> Vec<usize> {
    for &t in &terms_of[p] {
        for &o in &tags.terms[t].pages {
            if o != p {
                if counts[o] == 0 {
                    touched.push(o);
                }
                counts[o] = counts[o].saturating_add(1);
            }
        }
    }
    // Kept sorted.
    let mut best: Vec<(std::cmp::Reverse<u16>, usize, usize)> = Vec::with_capacity(6);
    for &o in touched.iter() {
        let key = (std::cmp::Reverse(counts[o]), rank[o], o);
        counts[o] = 0;
        if best.len() == 5 && key >= best[4] {
            continue;
        }
        let at = best.partition_point(|b| *b < key);
        best.insert(at, key);
        best.truncate(5);
    }
    touched.clear();
    best.into_iter().map(|(_, _, other)| other).collect()
}

/// After an edit of a few pages, the pages whose related list may change:
/// those sharing a tag with an edited page, before or after the edit. Every
/// other page has the same candidates, with the same tags, in the same order
/// among themselves (ranks shift, but only around the edited pages). `None`
/// when pages came or went, or when so many are reached that computing all
/// is as cheap.
fn related_reach(pages: &[Page], tags: &Taxonomy, old: &Site) -> Option<Vec<usize>> {
    let n = pages.len();
    if old.pages.len() != n || old.related.len() != n {
        return None;
    }
    let old_tags = old.taxonomies.iter().find(|t| t.name == "tags")?;
    let mut reached = vec![false; n];
    let mut edited = 0;
    for (i, (page, was)) in pages.iter().zip(&old.pages).enumerate() {
        if page.parsed.path != was.origin.path {
            return None;
        }
        if !Arc::ptr_eq(&page.parsed, &was.origin) {
            reached[i] = true;
            edited += 1;
            if edited > patch::MAX_PATCHED {
                return None;
            }
        }
    }
    let edited_pages = reached.clone();
    for term in old_tags.terms.iter().chain(&tags.terms) {
        if term.pages.iter().any(|&p| edited_pages[p]) {
            for &p in &term.pages {
                reached[p] = true;
            }
        }
    }
    let list: Vec<usize> = (0..n).filter(|&p| reached[p]).collect();
    (list.len() <= n / 2).then_some(list)
}

/// Output files of a page's `aliases`: `/old/path/` and `/old/path` become
/// `old/path/index.html`, `/old.html` stays a file. Paths that would leave the
/// output folder are refused.
fn alias_files(page: &ParsedPage, report: &mut Report) -> Vec<String> {
    let Some(aliases) = &page.front.aliases else {
        return Vec::new();
    };
    let mut files = Vec::new();
    for alias in &aliases.0 {
        let trimmed = alias.trim();
        let without_origin = match trimmed.find("://") {
            Some(i) => trimmed[i + 3..]
                .find('/')
                .map(|j| &trimmed[i + 3 + j..])
                .unwrap_or("/"),
            None => trimmed,
        };
        let clean = without_origin.split(['?', '#']).next().unwrap_or("");
        let parts: Vec<&str> = clean.split('/').filter(|p| !p.is_empty()).collect();
        let bad = parts.is_empty()
            || parts
                .iter()
                .any(|p| *p == ".." || *p == "." || p.contains('\\'));
        if bad {
            let mut d = Diagnostic::error(format!("alias `{alias}` is not a usable old URL"))
                .at(&page.path)
                .help("write the old address as a path, e.g. `aliases: [/news/2019/old-title/]`");
            if let Some(&line) = page.key_lines.get("aliases") {
                d = d.line(line);
            }
            report.push(d);
            continue;
        }
        let joined = parts.join("/");
        let last = parts.last().copied().unwrap_or("");
        if last.ends_with(".html") || last.ends_with(".htm") {
            files.push(joined);
        } else {
            files.push(format!("{joined}/index.html"));
        }
    }
    files
}

/// Newest first; same date by title, then by file, so the order never depends on
/// how the files were read.
pub fn listing_order(a: &ParsedPage, b: &ParsedPage) -> std::cmp::Ordering {
    (Reverse(a.date), &a.title, &a.path).cmp(&(Reverse(b.date), &b.title, &b.path))
}

/// `news/` for `content/news`, each folder name made into a slug.
fn dir_path(dir: &Path, style: crate::slug::SlugStyle) -> String {
    let mut path = String::new();
    for part in dir.components() {
        let name = part.as_os_str().to_string_lossy();
        let slug = slugify(&name, style);
        path.push_str(if slug.is_empty() { "section" } else { &slug });
        path.push('/');
    }
    path
}

fn page_slug(page: &ParsedPage, style: crate::slug::SlugStyle, report: &mut Report) -> String {
    if let Some(wanted) = page
        .front
        .slug
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
    {
        let slug = slugify(wanted, crate::slug::SlugStyle::Unicode);
        if slug.is_empty() {
            let mut d = Diagnostic::error(format!("slug `{wanted}` has no letters or digits"))
                .at(&page.path)
                .help("use letters, digits and `-`, e.g. `slug: safety-month-2026`");
            if let Some(&line) = page.key_lines.get("slug") {
                d = d.line(line);
            }
            report.push(d);
        } else {
            return slug;
        }
    }
    let slug = slugify(&page.name, style);
    if slug.is_empty() {
        // A name of only punctuation: fall back to the title.
        let from_title = slugify(&page.title, style);
        if from_title.is_empty() {
            "page".to_string()
        } else {
            from_title
        }
    } else {
        slug
    }
}

fn check_duplicate_urls(sections: &[Section], pages: &[Page], report: &mut Report) {
    let mut owners: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    for section in sections {
        let owner = section
            .source
            .as_ref()
            .map(|p| p.to_string_lossy().replace('\\', "/"))
            .unwrap_or_else(|| format!("{}/{}", CONTENT_DIR, section.dir.to_string_lossy()));
        owners.entry(section.path.as_str()).or_default().push(owner);
    }
    for page in pages {
        owners
            .entry(page.path.as_str())
            .or_default()
            .push(page.parsed.path.to_string_lossy().replace('\\', "/"));
    }
    let mut alias_owners: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for page in pages {
        for alias in &page.aliases {
            let as_path = alias
                .strip_suffix("index.html")
                .unwrap_or(alias)
                .to_string();
            alias_owners
                .entry(as_path)
                .or_default()
                .push(page.parsed.path.to_string_lossy().replace('\\', "/"));
        }
    }
    for (path, alias_files) in &alias_owners {
        let mut all = owners.get(path.as_str()).cloned().unwrap_or_default();
        let is_page = !all.is_empty();
        all.extend(alias_files.iter().cloned());
        if all.len() > 1 {
            let what = if is_page {
                "is a page and also an alias in"
            } else {
                "is an alias in"
            };
            report.push(
                Diagnostic::error(format!("URL /{path} {what} {}", all.join(" and ")))
                    .at(&alias_files[0])
                    .help("an old URL may redirect to one page only, and never over a live page"),
            );
        }
    }
    for (path, files) in owners {
        if files.len() > 1 {
            let first = files[0].clone();
            // `café.md` typed on Windows and `café.md` copied from a Mac look the
            // same but are different names (NFC and NFD): say so, or the message
            // seems to name one file twice.
            let decomposed = files.iter().any(|f| f.chars().any(is_combining_mark));
            let help = if decomposed {
                "the names look alike but one is written with combining accents (NFD, as macOS \
                 writes them): delete one of the files, or give one a `slug:`"
            } else {
                "give one of them another file name or a `slug:` in its front matter"
            };
            report.push(
                Diagnostic::error(format!(
                    "URL /{path} is produced by {} files: {}",
                    files.len(),
                    files.join(" and ")
                ))
                .at(first)
                .help(help),
            );
        }
    }
}

/// Combining marks of the scripts a union site meets (Latin accents, kana
/// voicing marks): their presence in a file name means it is decomposed.
fn is_combining_mark(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{1DC0}'..='\u{1DFF}' | '\u{20D0}'..='\u{20FF}' | '\u{3099}' | '\u{309A}' | '\u{FE20}'..='\u{FE2F}')
}

fn place_assets(
    assets: &[AssetSource],
    sections: &[Section],
    pages: &[Page],
    section_index: &BTreeMap<PathBuf, usize>,
) -> Vec<AssetCopy> {
    let bundle_paths: BTreeMap<&Path, &str> = pages
        .iter()
        .filter_map(|p| p.parsed.bundle_dir.as_deref().map(|d| (d, p.path.as_str())))
        .collect();
    let mut copies = Vec::new();
    for asset in assets {
        let Some(owner) = &asset.owner else { continue };
        let base = match bundle_paths.get(owner.as_path()) {
            Some(path) => *path,
            None => match section_index.get(owner) {
                Some(&s) => sections[s].path.as_str(),
                // The owner is a draft bundle left out of this build.
                None => continue,
            },
        };
        let rel = asset
            .rel
            .components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/");
        copies.push(AssetCopy {
            source: asset.path.clone(),
            dest: format!("{base}{rel}"),
        });
    }
    copies
}

/// `base/`, `base/page/2/`, … for `count` items shown `per_page` at a time;
/// always at least the first page.
/// The site path of pager page `index` (0-based) of the listing at `base`.
pub fn pager_path(base: &str, index: usize) -> String {
    if index == 0 {
        base.to_string()
    } else {
        format!("{base}page/{}/", index + 1)
    }
}

pub fn pager_paths(base: &str, count: usize, per_page: usize) -> Vec<String> {
    let pages = count.div_ceil(per_page.max(1)).max(1);
    (1..=pages)
        .map(|n| {
            if n == 1 {
                base.to_string()
            } else {
                format!("{base}page/{n}/")
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pager_paths_boundaries() {
        assert_eq!(pager_paths("news/", 0, 10), vec!["news/"]);
        assert_eq!(pager_paths("news/", 10, 10), vec!["news/"]);
        assert_eq!(pager_paths("news/", 11, 10), vec!["news/", "news/page/2/"]);
    }
}
