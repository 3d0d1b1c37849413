//! Render: site model + templates → HTML files, in parallel.
//!
//! Templates come from three layers (built-in theme, `themes/NAME/templates/`,
//! the site's `templates/`), are all compiled up front so a syntax error is
//! reported once with its file and line, and see typed views ([`views`]).
//! Autoescaping is on for `.html` and `.xml`. This stage returns bytes; writing
//! them is the output stage's job.

pub mod home;
mod incremental;
pub mod kinds;
pub mod media;
pub mod urls;
pub mod views;

use std::collections::BTreeMap;
use std::path::PathBuf;

use minijinja::{Environment, UndefinedBehavior, Value, context};
use rayon::prelude::*;

use crate::clock::Clock;
use crate::diag::{Diagnostic, Report};
use crate::images::ImageSet;
use crate::model::{Section, Site, pager_path, pager_paths};
use urls::{Link, permalink_for, url_for};
use views::{CardView, DateView, NavItem, PageView, Paginator, SiteView, fill, term_links};

/// One file of output, path relative to the output folder (`/`-separated).
#[derive(Debug, Clone)]
pub struct OutputFile {
    pub path: String,
    pub bytes: Vec<u8>,
}

/// Template name → (source, where it came from).
pub type TemplateSources = BTreeMap<String, (String, String)>;

pub struct Renderer<'s> {
    env: Environment<'s>,
    origins: BTreeMap<String, String>,
}

impl<'s> Renderer<'s> {
    /// Compiles every template; `strict` makes undefined variables errors (for `check`).
    pub fn new(templates: &'s TemplateSources, strict: bool, report: &mut Report) -> Renderer<'s> {
        let mut env = Environment::new();
        env.set_debug(true);
        if let Ok(syntax) = minijinja::syntax::SyntaxConfig::builder()
            .trim_blocks(true)
            .lstrip_blocks(true)
            .build()
        {
            env.set_syntax(syntax);
        }
        if strict {
            env.set_undefined_behavior(UndefinedBehavior::SemiStrict);
        }
        env.set_formatter(format_value);
        let mut origins = BTreeMap::new();
        for (name, (source, origin)) in templates {
            origins.insert(name.clone(), origin.clone());
            if let Err(e) = env.add_template(name, source) {
                report.push(template_diagnostic(&e, &origins));
            }
        }
        Renderer { env, origins }
    }

    pub fn has_template(&self, name: &str) -> bool {
        self.env.get_template(name).is_ok()
    }

    pub(crate) fn render(&self, name: &str, ctx: Value) -> Result<String, Diagnostic> {
        let template = self
            .env
            .get_template(name)
            .map_err(|e| template_diagnostic(&e, &self.origins))?;
        template
            .render(ctx)
            .map_err(|e| template_diagnostic(&e, &self.origins))
    }

    /// The first template of `names` that exists.
    fn pick<'n>(&self, names: &[&'n str]) -> Option<&'n str> {
        names.iter().copied().find(|n| self.has_template(n))
    }
}

/// Escapes like minijinja's default, but leaves `/` alone: URLs full of `&#x2f;`
/// are valid yet unreadable and larger.
fn format_value(
    out: &mut minijinja::Output,
    state: &mut minijinja::State,
    value: &Value,
) -> Result<(), minijinja::Error> {
    let escaping = !matches!(state.auto_escape(), minijinja::AutoEscape::None);
    if !escaping || value.is_safe() || value.is_none() || value.is_undefined() {
        return minijinja::escape_formatter(out, state, value);
    }
    let text = match value.as_str() {
        Some(s) => std::borrow::Cow::Borrowed(s),
        None => std::borrow::Cow::Owned(value.to_string()),
    };
    let escaped = crate::escape::escape_html(&text);
    std::fmt::Write::write_str(out, &escaped).map_err(|_| {
        minijinja::Error::new(
            minijinja::ErrorKind::WriteFailure,
            "cannot write template output",
        )
    })
}

fn template_diagnostic(e: &minijinja::Error, origins: &BTreeMap<String, String>) -> Diagnostic {
    let name = e.name().unwrap_or("template").to_string();
    let origin = origins
        .get(&name)
        .cloned()
        .unwrap_or_else(|| format!("templates/{name}"));
    let mut message = e
        .detail()
        .map(str::to_string)
        .unwrap_or_else(|| e.kind().to_string());
    let mut source = std::error::Error::source(e);
    while let Some(inner) = source {
        message.push_str(&format!(": {inner}"));
        source = inner.source();
    }
    let d = Diagnostic::error(format!("template {name}: {message}")).at(PathBuf::from(origin));
    match e.line() {
        Some(line) => d.line(line),
        None => d,
    }
}

/// Any serializable view as a template value.
pub fn to_value<T: serde::Serialize>(view: T) -> Value {
    Value::from(minijinja::value::Serde(view))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Job {
    Page(usize),
    Listing {
        section: usize,
        index: usize,
    },
    TermList(usize),
    TermPage {
        taxonomy: usize,
        term: usize,
        index: usize,
    },
    Archive(usize),
    Search,
    Photos,
    NotFound,
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

pub use incremental::{Memo, Rerender, Scope, render_changed};

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

/// One job per output file; the same for two sites of one shape (and the same
/// `with_photos`).
fn jobs(site: &Site, with_photos: bool) -> Vec<Job> {
    let mut jobs = Vec::new();
    jobs.extend((0..site.pages.len()).map(Job::Page));
    for (s, section) in site.sections.iter().enumerate() {
        let count = section.pager_paths().len();
        jobs.extend((0..count).map(|index| Job::Listing { section: s, index }));
    }
    for (t, taxonomy) in site.taxonomies.iter().enumerate() {
        jobs.push(Job::TermList(t));
        for (term_index, term) in taxonomy.terms.iter().enumerate() {
            let count = pager_paths(&term.path, term.pages.len(), site.config.paginate).len();
            jobs.extend((0..count).map(|index| Job::TermPage {
                taxonomy: t,
                term: term_index,
                index,
            }));
        }
    }
    jobs.extend((0..site.archives.len()).map(Job::Archive));
    if site.config.search {
        jobs.push(Job::Search);
    }
    if with_photos {
        jobs.push(Job::Photos);
    }
    jobs.push(Job::NotFound);
    jobs
}

/// A job ready to render: the template and everything it sees.
struct Prepared {
    path: String,
    template: String,
    ctx: Value,
    /// The page's source file, named when its template fails.
    source: Option<PathBuf>,
}

impl Prepared {
    fn render(self, renderer: &Renderer<'_>) -> Result<OutputFile, Diagnostic> {
        let html = renderer
            .render(&self.template, self.ctx)
            .map_err(|d| match &self.source {
                Some(source) => d.help(format!("while rendering {}", source.display())),
                None => d,
            })?;
        Ok(OutputFile {
            path: self.path,
            bytes: html.into_bytes(),
        })
    }

    /// What the output depends on, hashed: the same fingerprint under the same
    /// templates means the same bytes.
    fn fingerprint(&self) -> u64 {
        use std::hash::{Hash, Hasher};
        let mut hasher = std::hash::DefaultHasher::new();
        self.template.hash(&mut hasher);
        self.ctx.hash(&mut hasher);
        hasher.finish()
    }
}

fn prepare_job(
    site: &Site,
    renderer: &Renderer<'_>,
    shared: &Shared<'_>,
    strings: &BTreeMap<&'static str, String>,
    job: &Job,
) -> Result<Prepared, Diagnostic> {
    let t = |key: &str| strings.get(key).map(String::as_str).unwrap_or("");
    match *job {
        Job::Page(i) => {
            let page = &site.pages[i];
            let kind_template = format!("page-{}.html", page.parsed.kind.name());
            let custom = page.parsed.front.template.clone();
            let mut names: Vec<&str> = Vec::new();
            if let Some(custom) = custom.as_deref() {
                names.push(custom);
            }
            names.push(&kind_template);
            names.push("page.html");
            let name = renderer
                .pick(&names)
                .ok_or_else(|| missing_template(&names, &page.parsed.path))?;
            let view = page_view(site, i, strings, shared);
            let ctx = context! {
                site => shared.site.clone(),
                t => shared.strings.clone(),
                page => to_value(&view),
                breadcrumb => to_value(breadcrumb(site, page.section, Some(page.parsed.title.as_str()), t("home"))),
                nav_path => top_path(&page.path),
                canonical => permalink_for(site, &page.path),
                feed_url => feed_url(site, &site.sections[page.section].path),
            };
            Ok(Prepared {
                path: index_file(&page.path),
                template: name.to_string(),
                ctx,
                source: Some(page.parsed.path.clone()),
            })
        }
        Job::Listing { section, index } => {
            let sec = &site.sections[section];
            let pager_count = if sec.kind.is_grouped() && !sec.is_home() {
                1
            } else {
                sec.pages.len().div_ceil(sec.page_size().max(1)).max(1)
            };
            let path_of = |i: usize| pager_path(&sec.path, i);
            let start = index * sec.page_size();
            let cards: Vec<Value> = sec
                .pages
                .iter()
                .skip(start)
                .take(sec.page_size())
                .map(|&p| shared.cards.get(p))
                .collect();
            let groups = if sec.is_home() {
                None
            } else {
                kinds::section_groups(site, sec.kind, &sec.pages, &shared.cards, shared.now)
            };
            let archives: Vec<Value> = site
                .archives
                .iter()
                .filter(|a| a.section == section)
                .map(|a| {
                    context! {
                        title => a.title.clone(),
                        url => url_for(site, &a.path),
                        by_year => a.by_year,
                        count => a.pages.len(),
                    }
                })
                .collect();
            let all_cards: Vec<Value> = if sec.is_home() {
                site.pages_by_date()
                    .iter()
                    .take(site.config.paginate)
                    .map(|&p| shared.cards.get(p))
                    .collect()
            } else {
                Vec::new()
            };
            let subsections: Vec<Value> = sec
                .subsections
                .iter()
                .map(|&s| section_value(site, shared, s))
                .collect();
            let kind_template = format!("section-{}.html", sec.kind.name());
            let custom = sec.template.clone();
            let mut names: Vec<&str> = Vec::new();
            if let Some(custom) = custom.as_deref() {
                names.push(custom);
            }
            if sec.is_home() {
                names.push("index.html");
            }
            names.push(&kind_template);
            names.push("section.html");
            let origin = sec
                .source
                .clone()
                .unwrap_or_else(|| PathBuf::from("content"));
            let name = renderer
                .pick(&names)
                .ok_or_else(|| missing_template(&names, &origin))?;
            let paginator = Paginator::new(
                |i| url_for(site, &path_of(i)),
                pager_count,
                index,
                sec.pages.len(),
                sec.page_size(),
            );
            let title_suffix = (index > 0).then(|| fill(t("page_n"), index + 1, None));
            let ctx = context! {
                site => shared.site.clone(),
                t => shared.strings.clone(),
                section => section_value(site, shared, section),
                pages => cards,
                groups => groups.map(to_value),
                archives => archives,
                latest => all_cards,
                home => sec.is_home().then(|| to_value(home::home_view(site, &shared.cards, shared.now))),
                subsections => subsections,
                paginator => to_value(&paginator),
                page_title_suffix => title_suffix,
                breadcrumb => to_value(breadcrumb(site, section, None, t("home"))),
                nav_path => top_path(&sec.path),
                canonical => permalink_for(site, &path_of(index)),
                feed_url => feed_url(site, &sec.path),
            };
            Ok(Prepared {
                path: index_file(&path_of(index)),
                template: name.to_string(),
                ctx,
                source: None,
            })
        }
        Job::TermList(t_index) => {
            let taxonomy = &site.taxonomies[t_index];
            let terms: Vec<Value> = taxonomy
                .terms
                .iter()
                .map(|term| {
                    context! {
                        name => term.name.clone(),
                        url => url_for(site, &term.path),
                        count => term.pages.len(),
                    }
                })
                .collect();
            let title = taxonomy_title(&taxonomy.name, strings);
            let ctx = context! {
                site => shared.site.clone(),
                t => shared.strings.clone(),
                taxonomy => context! { name => taxonomy.name.clone(), title => title.clone(), url => url_for(site, &taxonomy.path) },
                terms => terms,
                breadcrumb => to_value(vec![Link { title: t("home").to_string(), url: url_for(site, "") }, Link { title, url: String::new() }]),
                nav_path => taxonomy.path.clone(),
                canonical => permalink_for(site, &taxonomy.path),
            };
            Ok(Prepared {
                path: index_file(&taxonomy.path),
                template: "taxonomy.html".to_string(),
                ctx,
                source: None,
            })
        }
        Job::TermPage {
            taxonomy,
            term,
            index,
        } => {
            let tax = &site.taxonomies[taxonomy];
            let term = &tax.terms[term];
            let per_page = site.config.paginate.max(1);
            let pager_count = term.pages.len().div_ceil(per_page).max(1);
            let path_of = |i: usize| pager_path(&term.path, i);
            let cards: Vec<Value> = term
                .pages
                .iter()
                .skip(index * site.config.paginate)
                .take(site.config.paginate)
                .map(|&p| shared.cards.get(p))
                .collect();
            let paginator = Paginator::new(
                |i| url_for(site, &path_of(i)),
                pager_count,
                index,
                term.pages.len(),
                site.config.paginate,
            );
            let tax_title = taxonomy_title(&tax.name, strings);
            let ctx = context! {
                site => shared.site.clone(),
                t => shared.strings.clone(),
                taxonomy => context! { name => tax.name.clone(), title => tax_title.clone(), url => url_for(site, &tax.path) },
                term => context! { name => term.name.clone(), url => url_for(site, &term.path), count => term.pages.len() },
                pages => cards,
                paginator => to_value(&paginator),
                page_title_suffix => (index > 0).then(|| fill(t("page_n"), index + 1, None)),
                breadcrumb => to_value(vec![
                    Link { title: t("home").to_string(), url: url_for(site, "") },
                    Link { title: tax_title, url: url_for(site, &tax.path) },
                    Link { title: term.name.clone(), url: String::new() },
                ]),
                nav_path => tax.path.clone(),
                canonical => permalink_for(site, &path_of(index)),
                feed_url => feed_url(site, &term.path),
            };
            Ok(Prepared {
                path: index_file(&path_of(index)),
                template: "term.html".to_string(),
                ctx,
                source: None,
            })
        }
        Job::Archive(a) => {
            let archive = &site.archives[a];
            let sec = &site.sections[archive.section];
            // A year archive groups by category, a category archive by year.
            let mut groups: BTreeMap<(i64, String), Vec<Value>> = BTreeMap::new();
            for &p in &archive.pages {
                let parsed = &site.pages[p].parsed;
                let key = if archive.by_year {
                    (0, parsed.front.category.clone().unwrap_or_default())
                } else {
                    (-(parsed.date.year() as i64), parsed.date.year().to_string())
                };
                groups.entry(key).or_default().push(shared.cards.get(p));
            }
            let groups: Vec<Value> = groups
                .into_iter()
                .map(|((_, title), items)| context! { title => title, items => items })
                .collect();
            let mut crumbs = breadcrumb(site, archive.section, None, t("home"));
            if let Some(last) = crumbs.last_mut() {
                last.url = url_for(site, &sec.path);
            }
            crumbs.push(Link {
                title: archive.title.clone(),
                url: String::new(),
            });
            let ctx = context! {
                site => shared.site.clone(),
                t => shared.strings.clone(),
                section => section_value(site, shared, archive.section),
                archive => context! { title => archive.title.clone(), by_year => archive.by_year, count => archive.pages.len() },
                groups => groups,
                breadcrumb => to_value(crumbs),
                nav_path => top_path(&sec.path),
                canonical => permalink_for(site, &archive.path),
                feed_url => feed_url(site, &sec.path),
            };
            Ok(Prepared {
                path: index_file(&archive.path),
                template: "disclosure-archive.html".to_string(),
                ctx,
                source: None,
            })
        }
        Job::Search => {
            let words = serde_json::json!({
                "found": t("search_found"),
                "none": t("search_none"),
                "error": t("search_error"),
            })
            .to_string();
            let ctx = context! {
                site => shared.site.clone(),
                t => shared.strings.clone(),
                index_url => url_for(site, "search/"),
                words => words,
                breadcrumb => to_value(vec![
                    Link { title: t("home").to_string(), url: url_for(site, "") },
                    Link { title: t("search").to_string(), url: String::new() },
                ]),
                nav_path => "search/",
                canonical => permalink_for(site, "search/"),
            };
            Ok(Prepared {
                path: "search/index.html".to_string(),
                template: "search.html".to_string(),
                ctx,
                source: None,
            })
        }
        Job::Photos => {
            let items: Vec<Value> = shared
                .photos
                .iter()
                .map(|&p| {
                    let page = &site.pages[p];
                    let gallery = media::gallery_views(site, shared.images, page);
                    context! {
                        card => shared.cards.get(p),
                        count => gallery.len(),
                        count_text => fill(t("photo_count"), gallery.len(), None),
                        images => to_value(gallery.into_iter().take(4).collect::<Vec<_>>()),
                    }
                })
                .collect();
            let ctx = context! {
                site => shared.site.clone(),
                t => shared.strings.clone(),
                items => items,
                breadcrumb => to_value(vec![
                    Link { title: t("home").to_string(), url: url_for(site, "") },
                    Link { title: t("photos").to_string(), url: String::new() },
                ]),
                nav_path => PHOTOS_PATH,
                canonical => permalink_for(site, PHOTOS_PATH),
            };
            Ok(Prepared {
                path: index_file(PHOTOS_PATH),
                template: "photos.html".to_string(),
                ctx,
                source: None,
            })
        }
        Job::NotFound => {
            let ctx = context! {
                site => shared.site.clone(),
                t => shared.strings.clone(),
                breadcrumb => Value::from(Vec::<Value>::new()),
                nav_path => "",
                canonical => permalink_for(site, "404.html"),
            };
            Ok(Prepared {
                path: "404.html".to_string(),
                template: "404.html".to_string(),
                ctx,
                source: None,
            })
        }
    }
}

fn missing_template(names: &[&str], origin: &std::path::Path) -> Diagnostic {
    Diagnostic::error(format!(
        "no template found; looked for {}",
        names.join(", ")
    ))
    .at(origin)
    .help("add the template to templates/ or remove the `template` field")
}

fn taxonomy_title(name: &str, strings: &BTreeMap<&'static str, String>) -> String {
    if name == "tags" {
        strings
            .get("tags")
            .cloned()
            .unwrap_or_else(|| "tags".to_string())
    } else {
        name.to_string()
    }
}

/// The Atom feed of the listing at `path`, if feeds are on.
fn feed_url(site: &Site, path: &str) -> Option<String> {
    site.config
        .feeds
        .then(|| url_for(site, &format!("{path}atom.xml")))
}

/// `news/a/` → `news/a/index.html`; the home page's empty path → `index.html`.
pub fn index_file(path: &str) -> String {
    format!("{path}index.html")
}

/// The first segment of a path (`news/` of `news/a/`), to mark the nav item.
fn top_path(path: &str) -> String {
    match path.find('/') {
        Some(i) => path[..=i].to_string(),
        None => String::new(),
    }
}

fn site_view(site: &Site, clock: &Clock, photos_title: Option<&str>) -> SiteView {
    let config = &site.config;
    let mut nav: Vec<NavItem> = if config.menu.is_empty() {
        site.nav_sections()
            .into_iter()
            .map(|s| {
                let section = &site.sections[s];
                NavItem {
                    title: section.title.clone(),
                    url: url_for(site, &section.path),
                    path: section.path.clone(),
                }
            })
            .collect()
    } else {
        config
            .menu
            .iter()
            .map(|item| {
                let is_external = item.url.contains("://");
                let path = item.url.trim_start_matches('/').to_string();
                NavItem {
                    title: item.name.clone(),
                    url: if is_external {
                        item.url.clone()
                    } else {
                        url_for(site, &path)
                    },
                    path: top_path(&path),
                }
            })
            .collect()
    };
    if let Some(title) = photos_title
        && config.menu.is_empty()
    {
        nav.push(NavItem {
            title: title.to_string(),
            url: url_for(site, PHOTOS_PATH),
            path: PHOTOS_PATH.to_string(),
        });
    }
    SiteView {
        title: config.title.clone(),
        organization: config.organization.clone(),
        base_url: config.base_url.clone(),
        base_path: config.base_path().to_string(),
        language: config.language.code(),
        nav,
        feeds: config.feeds,
        search: config.search,
        relative: config.relative_urls,
        build_year: clock.today_in(&config.timezone).year(),
    }
}

fn card_view<'a>(
    site: &'a Site,
    images: &ImageSet,
    page: &'a crate::model::Page,
    now: jiff::Timestamp,
) -> CardView<'a> {
    let section = &site.sections[page.section];
    let thumb = media::cover_view(site, images, page);
    CardView {
        title: &page.parsed.title,
        url: url_for(site, &page.path),
        date: DateView::new(page.parsed.date, &site.config),
        summary: Value::from_safe_string(page.parsed.summary_html.clone()),
        kind: page.parsed.kind.name(),
        section_title: &section.title,
        section_url: url_for(site, &section.path),
        tags: term_links(site, page, "tags"),
        draft: page.parsed.draft,
        meta: &page.parsed.front,
        status: kinds::status_view(page, &site.config, now),
        image: thumb.as_ref().map(|v| v.src.clone()),
        thumb,
        number: match &page.details {
            crate::model::kinds::Details::Disclosure(d) => Some(d.number.to_string()),
            _ => None,
        },
    }
}

fn page_view<'a>(
    site: &'a Site,
    i: usize,
    strings: &BTreeMap<&'static str, String>,
    shared: &Shared<'_>,
) -> PageView<'a> {
    let page = &site.pages[i];
    let config = &site.config;
    let section = &site.sections[page.section];
    let words = &page.parsed.body.word_count;
    let minutes = words.reading_minutes(
        config.reading_speed.cjk_chars_per_minute,
        config.reading_speed.words_per_minute,
    );
    let link = |p: usize| Link {
        title: site.pages[p].parsed.title.clone(),
        url: url_for(site, &site.pages[p].path),
    };
    let t = |key: &str| strings.get(key).map(String::as_str).unwrap_or("");
    PageView {
        title: &page.parsed.title,
        url: url_for(site, &page.path),
        permalink: permalink_for(site, &page.path),
        date: DateView::new(page.parsed.date, config),
        updated: page.parsed.updated.map(|u| DateView::new(u, config)),
        author: page.parsed.front.author.as_deref(),
        source: page.parsed.front.source.as_deref(),
        summary: Value::from_safe_string(page.parsed.summary_html.clone()),
        description: views::describe(
            page.parsed.front.summary.as_deref(),
            &page.parsed.body.plain_text,
        ),
        content: Value::from_safe_string(page.parsed.body.html.clone()),
        toc: &page.parsed.body.toc,
        word_count: words.total(),
        word_count_text: fill(t("word_count"), words.total(), None),
        reading_minutes: minutes,
        reading_time_text: fill(t("reading_time"), minutes, None),
        kind: page.parsed.kind.name(),
        draft: page.parsed.draft,
        tags: term_links(site, page, "tags"),
        taxonomies: site
            .taxonomies
            .iter()
            .map(|tax| (tax.name.as_str(), term_links(site, page, &tax.name)))
            .collect(),
        meta: &page.parsed.front,
        section: Link {
            title: section.title.clone(),
            url: url_for(site, &section.path),
        },
        newer: page.newer.map(link),
        older: page.older.map(link),
        related: site.related[i]
            .iter()
            .map(|&r| shared.cards.get(r))
            .collect(),
        status: kinds::status_view(page, config, shared.now),
        disclosure: kinds::disclosure_view(site, i),
        campaign_pages: kinds::campaign_pages(site, i)
            .into_iter()
            .map(|p| shared.cards.get(p))
            .collect(),
        photo_url: page
            .parsed
            .front
            .photo
            .as_deref()
            .and_then(|f| site.file_path_for(page, f))
            .map(|p| url_for(site, &p)),
        cover_url: page
            .parsed
            .front
            .cover
            .as_deref()
            .and_then(|f| site.file_path_for(page, f))
            .map(|p| url_for(site, &p)),
        has_lightbox: !media::gallery_views(site, shared.images, page).is_empty()
            || page.parsed.body.html.contains("data-lightbox"),
        gallery: media::gallery_views(site, shared.images, page),
        gallery_in_body: page
            .parsed
            .body
            .shortcodes
            .iter()
            .any(|c| c.name == "gallery"),
        photo: page
            .parsed
            .front
            .photo
            .as_ref()
            .and_then(|_| media::cover_view_of(site, shared.images, page, "photo")),
    }
}

fn section_value(site: &Site, shared: &Shared<'_>, s: usize) -> Value {
    let section: &Section = &site.sections[s];
    let latest: Vec<Value> = section
        .pages
        .iter()
        .take(5)
        .map(|&p| shared.cards.get(p))
        .collect();
    context! {
        title => section.title.clone(),
        url => url_for(site, &section.path),
        kind => section.kind.name(),
        content => Value::from_safe_string(section.content_html.clone()),
        summary => Value::from_safe_string(section.summary_html.clone()),
        page_count => section.pages.len(),
        latest => latest,
        is_home => section.is_home(),
    }
}

/// 首页 > 工会动态 > 文章标题: ancestors of `section`, then the current item
/// (without a link) if given.
fn breadcrumb(site: &Site, section: usize, current: Option<&str>, home: &str) -> Vec<Link> {
    let mut chain = Vec::new();
    let mut cursor = Some(section);
    while let Some(s) = cursor {
        chain.push(s);
        cursor = site.sections[s].parent;
    }
    chain.reverse();
    let mut links: Vec<Link> = chain
        .into_iter()
        .map(|s| {
            let sec = &site.sections[s];
            Link {
                title: if sec.is_home() {
                    home.to_string()
                } else {
                    sec.title.clone()
                },
                url: url_for(site, &sec.path),
            }
        })
        .collect();
    match current {
        Some(title) => links.push(Link {
            title: title.to_string(),
            url: String::new(),
        }),
        None => {
            if let Some(last) = links.last_mut() {
                last.url.clear();
            }
        }
    }
    links
}
