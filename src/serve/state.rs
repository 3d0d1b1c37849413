//! The site as `serve` keeps it: sources, parsed pages and rendered files in
//! memory, updated by [`Rebuilder::rebuild`] after each save.
//!
//! A rebuild runs the build's stages with a [`State`] kept across saves, which
//! decides what each stage reuses (see [`crate::rebuild`]); this file keeps
//! the files being served and tells which of them a rebuild changed. The
//! result equals a clean build of the same input; the search index, slow on
//! big sites, follows in the background.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

use crate::build::{self, BuildOptions, Mode};
use crate::diag::{Diagnostic, Report};
use crate::i18n::Language;
use crate::images::ImageSet;
use crate::links::{Built, LinkMemo, Since, Strictness, check_links_again};
use crate::model::Site;
use crate::output::Content;
use crate::rebuild::State;
use crate::render::OutputFile;

/// One servable file.
#[derive(Debug, Clone)]
pub enum Body {
    Bytes(Arc<Vec<u8>>),
    Static(&'static [u8]),
    /// A file of the site (static files, bundle files, pictures), read when
    /// asked from where the build found it ([`super::files`]).
    File {
        /// The path the build was given.
        source: PathBuf,
        /// That path with links resolved, when the build took it.
        resolved: PathBuf,
    },
}

/// The whole site at one moment: output path (`news/a/index.html`) → body.
#[derive(Debug, Default, Clone)]
pub struct Snapshot {
    pub files: HashMap<String, Body>,
}

/// What one rebuild did.
#[derive(Debug)]
pub struct Rebuilt {
    /// Shared with the mount (the desk), which keeps it until the next.
    pub report: Arc<Report>,
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
    /// The site's language, for the terminal and the browser overlay.
    pub language: Language,
    /// The site built; `None` when the rebuild failed.
    pub site: Option<Arc<Site>>,
}

impl Rebuilt {
    pub fn failed(&self) -> bool {
        self.report.has_errors()
    }
}

pub struct Rebuilder {
    options: BuildOptions,
    /// Caches and the last good build, for the stages to reuse.
    state: State,
    /// Rendered pages and emitted files (feeds, sitemap…), by output path.
    generated: HashMap<String, Arc<Vec<u8>>>,
    /// Files served as they are: site files read when asked, theme files from
    /// the binary.
    copies: HashMap<String, Body>,
    /// Paths of the files the last extras job made.
    extras: HashSet<String>,
    pending: Option<ExtrasJob>,
    /// The last good build as the WeChat tools read it.
    wechat: Option<Arc<super::wechat::WechatSource>>,
    /// What the last link check looked at, and the output files that came,
    /// went or changed since: pages whose links look at none of them are
    /// not checked again.
    links: Option<LinkMemo>,
    unchecked: HashSet<String>,
}

impl Rebuilder {
    pub fn new(options: BuildOptions) -> Rebuilder {
        Rebuilder {
            options,
            state: State::kept(),
            generated: HashMap::new(),
            copies: HashMap::new(),
            extras: HashSet::new(),
            pending: None,
            wechat: None,
            links: None,
            unchecked: HashSet::new(),
        }
    }

    #[cfg(test)]
    pub(crate) fn state(&self) -> &State {
        &self.state
    }

    /// Builds again. `dirty` names files (relative to the root) the watcher saw
    /// change; they are read again whatever their time stamps say. On error
    /// nothing changes: the last good site stays. Problems come in the site's
    /// language, for the terminal and the browser overlay alike.
    pub fn rebuild(&mut self, dirty: &[PathBuf]) -> Rebuilt {
        let mut result = self.rebuild_site(dirty);
        // site.yaml as this rebuild read it.
        result.language = crate::config::language_in(self.state.config_text().unwrap_or(""));
        result
    }

    fn rebuild_site(&mut self, dirty: &[PathBuf]) -> Rebuilt {
        let start = Instant::now();
        self.state.saw(&self.options.root, dirty);
        let change = self.state.change().clone();
        let mut report = Report::new();
        let mut timings = Vec::new();
        let failed = |report: Report| Rebuilt {
            report: Arc::new(report),
            changed: Vec::new(),
            parsed: 0,
            rendered: 0,
            checked: 0,
            pages: 0,
            elapsed: start.elapsed(),
            timings: Vec::new(),
            language: Language::default(),
            site: None,
        };
        let Some(staged) = build::run_stages(
            &self.options,
            Mode::Serve,
            &mut self.state,
            &mut timings,
            &mut report,
        ) else {
            return failed(report);
        };
        let t = Instant::now();

        // Commit: from here on the new site is the served one.
        let rendered = staged.rendered.files.len();
        let checked = staged.rendered.considered;
        let same_paths = staged.rendered.same_paths;
        let mut changed: BTreeMap<String, ()> = BTreeMap::new();
        for file in staged.rendered.files {
            if self.generated.get(&file.path).map(|b| b.as_slice()) != Some(file.bytes.as_slice()) {
                changed.insert(file.path.clone(), ());
                self.generated.insert(file.path, Arc::new(file.bytes));
            }
        }
        self.state.commit();
        if !same_paths {
            let (state, extras) = (&self.state, &self.extras);
            self.generated.retain(|path, _| {
                // Feeds, sitemap and search index are replaced by the extras job.
                let keep = state.rendered(path) || extras.contains(path);
                if !keep {
                    changed.insert(path.clone(), ());
                }
                keep
            });
        }

        // Files copied as they are can change only with the site's shape or
        // a file outside content/ and templates/ (static/, a theme's files).
        if !same_paths || change.pictures || change.copies {
            self.update_copies(
                &staged.sources,
                &staged.site,
                &staged.images,
                dirty,
                &mut changed,
            );
        }
        let pages = staged.site.pages.len();
        let site = staged.site.clone();
        self.wechat = Some(Arc::new(super::wechat::WechatSource {
            site: staged.site.clone(),
            images: staged.images.clone(),
            expanded: staged.expanded.clone(),
            css: crate::wechat::stylesheet(&staged.sources),
            published_base: crate::config::resolve(
                self.state.config_text().unwrap_or(""),
                &mut Report::new(),
            )
            .map_or_else(|| staged.site.config.base_url.clone(), |c| c.base_url),
        }));
        self.pending = Some(ExtrasJob {
            site: staged.site,
            expanded: staged.expanded,
            clock: staged.clock,
            ledger: staged.ledger,
        });
        // The first build makes the feeds and the search index at once: the
        // link check needs them, and nobody is waiting for an edit yet.
        if self.extras.is_empty()
            && let Some(job) = self.pending.take()
        {
            for path in self.set_extras(job.run()) {
                changed.insert(path, ());
            }
        }
        timings.push(("commit", t.elapsed()));
        // The whole site's links on every save, against the files being
        // served: those of pages whose text and looked-at files are unchanged
        // as the last check found them. A later save's feeds are those of the
        // save before until the extras job replaces them.
        let t = Instant::now();
        let served = Served {
            generated: &self.generated,
            copies: &self.copies,
        };
        self.unchecked.extend(changed.keys().cloned());
        let unchecked = std::mem::take(&mut self.unchecked);
        let changed_since = |path: &str| unchecked.contains(path);
        let since = self.links.take().map(|memo| Since {
            memo,
            changed: &changed_since,
        });
        let links = check_links_again(
            &site,
            &served,
            &self.options.root,
            Strictness::Warnings,
            since,
            &mut report,
        );
        self.links = Some(links);
        timings.push(("links", t.elapsed()));
        Rebuilt {
            report: Arc::new(report),
            changed: changed.into_keys().collect(),
            parsed: self.state.parsed(),
            rendered,
            checked,
            pages,
            elapsed: start.elapsed(),
            timings,
            language: Language::default(),
            site: Some(site),
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
        let root = &self.options.root;
        let dirty_abs: HashSet<PathBuf> = dirty.iter().map(|p| root.join(p)).collect();
        let mut copies = HashMap::with_capacity(entries.len());
        for entry in entries {
            match entry.content {
                Content::Copy(source) | Content::Link(source) => {
                    // Resolved again only when it may have moved.
                    let resolved = match self.copies.get(&entry.path) {
                        Some(Body::File {
                            source: old,
                            resolved,
                        }) if *old == source && !dirty_abs.contains(&source) => resolved.clone(),
                        _ => super::files::resolve(&source),
                    };
                    copies.insert(entry.path, Body::File { source, resolved })
                }
                Content::Static(bytes) => copies.insert(entry.path, Body::Static(bytes)),
                Content::Bytes(_) => None,
            };
        }
        for (path, body) in &copies {
            let same = match (body, self.copies.get(path)) {
                (
                    Body::File { source, resolved },
                    Some(Body::File {
                        source: old_source,
                        resolved: old_resolved,
                    }),
                ) => {
                    source == old_source && resolved == old_resolved && !dirty_abs.contains(source)
                }
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

    /// The last good build, for the WeChat tools.
    pub fn wechat_source(&self) -> Option<Arc<super::wechat::WechatSource>> {
        self.wechat.clone()
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
        for path in self.extras.difference(&fresh) {
            if !self.state.rendered(path) && self.generated.remove(path).is_some() {
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
        self.unchecked.extend(changed.iter().cloned());
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

/// The files being served, as the link check reads them.
struct Served<'a> {
    generated: &'a HashMap<String, Arc<Vec<u8>>>,
    copies: &'a HashMap<String, Body>,
}

impl Built for Served<'_> {
    fn has(&self, path: &str) -> bool {
        self.generated.contains_key(path) || self.copies.contains_key(path)
    }

    fn bytes(&self, path: &str) -> Option<std::borrow::Cow<'_, [u8]>> {
        self.generated
            .get(path)
            .map(|b| std::borrow::Cow::Borrowed(b.as_slice()))
    }
}

/// Work for the background: the files made from the whole site.
pub struct ExtrasJob {
    pub site: Arc<Site>,
    pub expanded: Arc<crate::render::Expanded>,
    pub clock: crate::clock::Clock,
    pub ledger: Option<crate::emit::ledger::Ledger>,
}

impl ExtrasJob {
    pub fn run(&self) -> Vec<OutputFile> {
        crate::emit::emit_extras(
            &self.site,
            &self.expanded,
            &self.clock,
            self.ledger.as_ref(),
        )
    }
}

/// The problems of a failed rebuild as the browser overlay shows them.
pub fn overlay_json(report: &Report, language: Language) -> String {
    let items: Vec<serde_json::Value> = report
        .sorted()
        .into_iter()
        .filter(|d| d.is_error())
        .map(|d: &Diagnostic| {
            serde_json::json!({
                "file": d.path.as_ref().map(|p| p.to_string_lossy().replace('\\', "/")),
                "line": d.line,
                "column": d.col,
                "code": d.message.code(),
                "message": d.message.render(language),
                "help": d.help.as_ref().map(|h| h.render(language)),
                "text": d.render(language),
            })
        })
        .collect();
    serde_json::json!({ "errors": items }).to_string()
}
