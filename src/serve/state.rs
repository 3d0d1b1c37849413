//! The site as `serve` keeps it: sources, parsed pages and rendered files in
//! memory, updated by [`Rebuilder::rebuild`] after each save.
//!
//! A rebuild walks the site again but reads only files whose size or time
//! changed (or that the watcher named), parses only those, rebuilds the model,
//! and renders only the outputs whose template input changed (see
//! [`render::render_changed`]). The result equals a clean build of the same
//! input; the search index, slow on big sites, follows in the background.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use crate::build::{self, BuildOptions, Caches};
use crate::diag::{Diagnostic, Report};
use crate::images::ImageSet;
use crate::model::Site;
use crate::output::Content;
use crate::render::{self, Memo, OutputFile, Renderer};

/// One servable file.
#[derive(Debug, Clone)]
pub enum Body {
    Bytes(Arc<Vec<u8>>),
    Static(&'static [u8]),
    /// A copy of a file of the site (static files, bundle files), read when asked.
    File(PathBuf),
}

/// The whole site at one moment: output path (`news/a/index.html`) → body.
#[derive(Debug, Default, Clone)]
pub struct Snapshot {
    pub files: HashMap<String, Body>,
}

/// What one rebuild did.
#[derive(Debug)]
pub struct Rebuilt {
    pub report: Report,
    /// Output paths whose bytes changed, appeared or went away. Empty after a
    /// failed rebuild.
    pub changed: Vec<String>,
    pub parsed: usize,
    pub rendered: usize,
    /// Jobs whose view was built and compared.
    pub checked: usize,
    pub pages: usize,
    pub elapsed: Duration,
    /// Time per stage, for the terminal line.
    pub timings: Vec<(&'static str, Duration)>,
}

impl Rebuilt {
    pub fn failed(&self) -> bool {
        self.report.has_errors()
    }
}

pub struct Rebuilder {
    options: BuildOptions,
    caches: Caches,
    config_text: Option<String>,
    templates_key: u64,
    memo: Memo,
    /// Rendered pages and emitted files (feeds, sitemap…), by output path.
    generated: HashMap<String, Arc<Vec<u8>>>,
    /// Files served as they are: site files read when asked, theme files from
    /// the binary.
    copies: HashMap<String, Body>,
    /// Paths of the files the last extras job made.
    extras: HashSet<String>,
    pending: Option<ExtrasJob>,
    /// Processed photos of the last good build.
    images: Option<Arc<ImageSet>>,
    /// Something other than Markdown and templates changed since the last good
    /// build (a photo, an attachment, a static file): its model cannot be
    /// patched, as those files are checked when a model is built.
    files_moved: bool,
}

impl Rebuilder {
    pub fn new(options: BuildOptions) -> Rebuilder {
        Rebuilder {
            options,
            caches: Caches::default(),
            config_text: None,
            templates_key: 0,
            memo: Memo::default(),
            generated: HashMap::new(),
            copies: HashMap::new(),
            extras: HashSet::new(),
            pending: None,
            images: None,
            files_moved: true,
        }
    }

    /// Builds again. `dirty` names files (relative to the root) the watcher saw
    /// change; they are read again whatever their time stamps say. On error
    /// nothing changes: the last good site stays. Problems come in the site's
    /// language, for the terminal and the browser overlay alike.
    pub fn rebuild(&mut self, dirty: &[PathBuf]) -> Rebuilt {
        let mut result = self.rebuild_in_english(dirty);
        // site.yaml as this rebuild read it.
        let language = crate::config::language_in(self.config_text.as_deref().unwrap_or(""));
        let mut report = Report::new();
        for d in std::mem::take(&mut result.report).into_vec() {
            report.push(crate::messages::localize(&d, language));
        }
        result.report = report;
        result
    }

    fn rebuild_in_english(&mut self, dirty: &[PathBuf]) -> Rebuilt {
        let start = Instant::now();
        for path in dirty {
            self.caches.read.forget(path);
        }
        self.caches.changed = Some(dirty.to_vec());
        let beside_pages = self.files_beside_pages_changed(dirty);
        // Files under content/ other than Markdown are judged by
        // `files_beside_pages_changed` (an editor's temporary file is not one).
        self.files_moved |= beside_pages || dirty.is_empty() || dirty.iter().any(|p| !is_text(p));
        self.caches.patchable = !self.files_moved;
        let config_text = crate::load::read_config(&self.options.root).ok();
        if config_text != self.config_text {
            // site.yaml feeds every stage: start over.
            self.caches = Caches::default();
            self.memo = Memo::default();
            self.images = None;
            self.config_text = config_text;
        }
        let mut report = Report::new();
        let mut timings = Vec::new();
        let failed = |report: Report| Rebuilt {
            report,
            changed: Vec::new(),
            parsed: 0,
            rendered: 0,
            checked: 0,
            pages: 0,
            elapsed: start.elapsed(),
            timings: Vec::new(),
        };
        let Some(loaded) = build::load_site(
            &self.options,
            &mut timings,
            &mut report,
            Some(&mut self.caches),
        ) else {
            return failed(report);
        };
        if report.has_errors() {
            return failed(report);
        }
        let build::Loaded {
            sources,
            site: loaded_site,
            clock,
            ledger,
            ..
        } = loaded;
        let templates_key = hash_of(&sources.templates);
        let scope = if templates_key != self.templates_key {
            render::Scope::Everything
        } else if beside_pages {
            render::Scope::AllViews
        } else {
            render::Scope::Reach
        };
        let old_site = self.caches.site.clone();
        let previous = old_site.as_deref().map(|s| (s, &self.memo));
        // Photos are processed again only when files beside the pages or in
        // static/ changed (the cache makes even that cheap).
        let t = Instant::now();
        let images_moved = self.images.is_none()
            || beside_pages
            || dirty
                .iter()
                .any(|p| p.starts_with(crate::layout::STATIC_DIR));
        if images_moved {
            let static_files = crate::output::static_destinations(&sources);
            let set = crate::images::process_images(
                &loaded_site,
                &static_files,
                &crate::images::ImageOptions {
                    root: &self.options.root,
                    write_cache: true,
                    progress: None,
                },
                &mut report,
            );
            if report.has_errors() {
                return failed(report);
            }
            self.images = Some(Arc::new(set));
        }
        let images = self.images.clone().unwrap_or_default();
        timings.push(("images", t.elapsed()));
        let renderer = Renderer::new(&sources.templates, false, &mut report);
        if report.has_errors() {
            return failed(report);
        }
        let site = render::media::expand_shortcodes(
            loaded_site,
            &images,
            &renderer,
            &self.options.root,
            &mut report,
        );
        if report.has_errors() {
            return failed(report);
        }
        let site_owned = site;
        let site = &site_owned;
        let t = Instant::now();
        let rerender = render::render_changed(
            site,
            &images,
            &renderer,
            &clock,
            previous,
            scope,
            &mut report,
        );
        timings.push(("render", t.elapsed()));
        if report.has_errors() {
            return failed(report);
        }
        let t = Instant::now();

        // Commit: from here on the new site is the served one.
        let rendered = rerender.changed.len();
        let checked = rerender.considered;
        let mut changed: BTreeMap<String, ()> = BTreeMap::new();
        for file in rerender.changed {
            if self.generated.get(&file.path).map(|b| b.as_slice()) != Some(file.bytes.as_slice()) {
                changed.insert(file.path.clone(), ());
                self.generated.insert(file.path, Arc::new(file.bytes));
            }
        }
        let extras = &self.extras;
        if !rerender.same_paths {
            self.generated.retain(|path, _| {
                // Feeds, sitemap and search index are replaced by the extras job.
                let keep = rerender.memo.contains(path) || extras.contains(path);
                if !keep {
                    changed.insert(path.clone(), ());
                }
                keep
            });
        }

        // Files copied as they are can change only with the site's shape or
        // a file outside content/ and templates/ (static/, a theme's files).
        let copies_stay = rerender.same_paths
            && !images_moved
            && dirty.iter().all(|p| {
                p.starts_with(crate::layout::CONTENT_DIR)
                    || p.starts_with(crate::layout::TEMPLATES_DIR)
            });
        if !copies_stay {
            self.update_copies(&sources, site, &images, dirty, &mut changed);
        }
        self.memo = rerender.memo;
        self.templates_key = templates_key;
        let pages = site.pages.len();
        drop(renderer);
        let site = Arc::new(site_owned);
        self.pending = Some(ExtrasJob {
            site: site.clone(),
            clock,
            ledger,
        });
        self.caches.site = Some(site);
        self.files_moved = false;
        timings.push(("commit", t.elapsed()));
        Rebuilt {
            report,
            changed: changed.into_keys().collect(),
            parsed: self.caches.parsed,
            rendered,
            checked,
            pages,
            elapsed: start.elapsed(),
            timings,
        }
    }

    /// Takes the list of files served as they are from a new build, noting in
    /// `changed` those that came, went or were edited (`dirty`).
    fn update_copies(
        &mut self,
        sources: &crate::load::Sources,
        site: &Site,
        images: &ImageSet,
        dirty: &[PathBuf],
        changed: &mut BTreeMap<String, ()>,
    ) {
        let entries = crate::output::collect_entries(sources, site, images, Vec::new());
        let mut copies = HashMap::with_capacity(entries.len());
        for entry in entries {
            match entry.content {
                Content::Copy(source) | Content::Link(source) => {
                    copies.insert(entry.path, Body::File(source))
                }
                Content::Static(bytes) => copies.insert(entry.path, Body::Static(bytes)),
                Content::Bytes(_) => None,
            };
        }
        let root = &self.options.root;
        let dirty_abs: HashSet<PathBuf> = dirty.iter().map(|p| root.join(p)).collect();
        for (path, body) in &copies {
            let same = match (body, self.copies.get(path)) {
                (Body::File(new), Some(Body::File(old))) => new == old && !dirty_abs.contains(new),
                (Body::Static(new), Some(Body::Static(old))) => new.as_ptr() == old.as_ptr(),
                _ => false,
            };
            if !same {
                changed.insert(path.clone(), ());
            }
        }
        for path in self.copies.keys() {
            if !copies.contains_key(path) {
                changed.insert(path.clone(), ());
            }
        }
        self.copies = copies;
    }

    /// Whether a file beside the pages (a bundle image, an attachment) or a
    /// folder of them changed, came or went. An editor's temporary files
    /// (`sed1a2b3c`, `4913`, swap files) come and go with every save; they are
    /// neither files now nor files the site published.
    fn files_beside_pages_changed(&self, dirty: &[PathBuf]) -> bool {
        let root = &self.options.root;
        dirty.iter().any(|p| {
            let markdown = p.extension().is_some_and(|e| {
                e.eq_ignore_ascii_case("md") || e.eq_ignore_ascii_case("markdown")
            });
            if !p.starts_with(crate::layout::CONTENT_DIR) || markdown {
                return false;
            }
            // A folder (renamed, or the watcher's "look at everything" after
            // lost events) counts too: the files in it came or went.
            let full = root.join(p);
            full.is_file()
                || full.is_dir()
                || self
                    .copies
                    .values()
                    .any(|b| matches!(b, Body::File(source) if source.starts_with(&full)))
        })
    }

    /// Every file of the last good build.
    pub fn snapshot(&self) -> Snapshot {
        let mut files = HashMap::with_capacity(self.generated.len() + self.copies.len());
        for (path, body) in &self.copies {
            files.insert(path.clone(), body.clone());
        }
        for (path, bytes) in &self.generated {
            files.insert(path.clone(), Body::Bytes(bytes.clone()));
        }
        Snapshot { files }
    }

    /// The files made from the whole site (feeds, sitemap, search index…)
    /// still to make for the last good build; `serve` makes them off the
    /// edit path, as nobody looks at them while writing.
    pub fn take_extras_job(&mut self) -> Option<ExtrasJob> {
        self.pending.take()
    }

    /// Puts the files of an extras job in place of the previous ones; returns
    /// the paths that changed.
    pub fn set_extras(&mut self, files: Vec<OutputFile>) -> Vec<String> {
        let mut changed = Vec::new();
        let fresh: HashSet<String> = files.iter().map(|f| f.path.clone()).collect();
        let memo = &self.memo;
        for path in self.extras.difference(&fresh) {
            if !memo.contains(path) && self.generated.remove(path).is_some() {
                changed.push(path.clone());
            }
        }
        for OutputFile { path, bytes } in files {
            if self.generated.get(&path).map(|b| b.as_slice()) != Some(bytes.as_slice()) {
                changed.push(path.clone());
                self.generated.insert(path, Arc::new(bytes));
            }
        }
        self.extras = fresh;
        changed
    }

    /// Brings `snapshot` up to date for `changed` paths (from a rebuild or an
    /// extras job), without copying the rest.
    pub fn update(&self, snapshot: &mut Snapshot, changed: &[String]) {
        for path in changed {
            let body = match self.generated.get(path) {
                Some(bytes) => Some(Body::Bytes(bytes.clone())),
                None => self.copies.get(path).cloned(),
            };
            match body {
                Some(body) => snapshot.files.insert(path.clone(), body),
                None => snapshot.files.remove(path),
            };
        }
    }
}

/// Work for the background: the files made from the whole site.
pub struct ExtrasJob {
    pub site: Arc<Site>,
    pub clock: crate::clock::Clock,
    pub ledger: Option<crate::emit::ledger::Ledger>,
}

impl ExtrasJob {
    pub fn run(&self) -> Vec<OutputFile> {
        crate::emit::emit_extras(&self.site, &self.clock, self.ledger.as_ref())
    }
}

/// A path under `content/`, or a template: what a model patch can follow.
fn is_text(path: &Path) -> bool {
    path.starts_with(crate::layout::CONTENT_DIR)
        || path.starts_with(crate::layout::TEMPLATES_DIR)
        || path.starts_with(crate::layout::THEMES_DIR)
}

fn hash_of(templates: &render::TemplateSources) -> u64 {
    let mut hasher = std::hash::DefaultHasher::new();
    templates.hash(&mut hasher);
    hasher.finish()
}

/// The problems of a failed rebuild as the browser overlay shows them.
pub fn overlay_json(report: &Report) -> String {
    let items: Vec<serde_json::Value> = report
        .sorted()
        .into_iter()
        .filter(|d| d.is_error())
        .map(|d: &Diagnostic| {
            serde_json::json!({
                "file": d.path.as_ref().map(|p| p.to_string_lossy().replace('\\', "/")),
                "line": d.line,
                "column": d.col,
                "message": d.message,
                "help": d.help,
                "text": d.to_string(),
            })
        })
        .collect();
    serde_json::json!({ "errors": items }).to_string()
}
