//! What is kept between builds, and every decision about what a save changed.
//!
//! The build driver (`build::run_stages`) runs the same stages for `build`,
//! `check` and `serve`; each stage goes through a [`State`]. A one-off build's
//! state keeps nothing and reuses nothing. `serve` keeps one across saves:
//!
//! - load reads again only the files the watcher named or whose stamp moved,
//! - parse parses again only texts that changed,
//! - model patches the last model when the edit moved no page (`patch`),
//! - images and shortcodes are reused unless files beside the pages moved,
//! - render prepares again only jobs whose recorded reads moved
//!   ([`changes::compare`]), and renders only those whose fingerprint moved.
//!
//! What a save changed is told once, by [`State::saw`]; the stages read that
//! [`ChangeSet`]. Nothing of a build is kept until [`State::commit`]: a failed
//! build leaves the last good one to compare with.
//!
//! A `build` ([`State::saved`]) keeps only its render, in the cache
//! ([`saved`]): the next build prepares again the jobs whose reads moved by
//! the parts' digests ([`digests`]), and keeps the others' files.

pub(crate) mod changes;
mod digests;
pub(crate) mod inputs;
mod memo;
mod patch;
mod saved;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::config::Config;
use crate::diag::Report;
use crate::images::{ImageOptions, ImagePlan, ImageSet};
use crate::load::{self, ReadCache, Sources};
use crate::model::{self, ModelMemo, ModelOptions, Previous, Site};
use crate::parse::{self, ParseCache, ParsedSite};
use crate::render::{Expanded, OutputFile, RenderInput, Renderer};

pub(crate) use memo::RenderMemo;
pub use saved::FILE as RENDER_FILE;

/// What changed since the last good build, as the watcher saw it.
#[derive(Debug, Clone, Default)]
pub struct ChangeSet {
    /// Files named since (relative to the root); `None`: any file may have.
    pub paths: Option<Vec<PathBuf>>,
    /// Something other than Markdown and templates changed (a photo, an
    /// attachment, a static file, the holiday calendar): models, pictures
    /// and shortcodes are made afresh, as they read those files.
    pub files: bool,
    /// Files beside the pages or under `static/` came, went or changed:
    /// pictures are processed again.
    pub pictures: bool,
    /// Files outside `content/` and `templates/` changed: files copied as
    /// they are must be listed again.
    pub copies: bool,
}

/// The last good build, for the next one to start from.
struct Last {
    site: Arc<Site>,
    model: ModelMemo,
    images: Arc<ImageSet>,
    plan: Arc<ImagePlan>,
    expanded: Arc<Expanded>,
    now: jiff::Timestamp,
    templates: u64,
    render: RenderMemo,
}

/// What the stages of a build have made so far, kept at [`State::commit`].
#[derive(Default)]
struct Next {
    site: Option<Arc<Site>>,
    model: Option<ModelMemo>,
    images: Option<Arc<ImageSet>>,
    plan: Option<Arc<ImagePlan>>,
    expanded: Option<Arc<Expanded>>,
    now: Option<jiff::Timestamp>,
    templates: u64,
    render: Option<RenderMemo>,
}

/// Caches and the last good build. [`State::once`] for a build that is not
/// followed by another, [`State::kept`] for `serve`.
#[derive(Default)]
pub struct State {
    keep: bool,
    config_text: Option<String>,
    read: ReadCache,
    parse: ParseCache,
    /// Pages parsed (not reused) by the last load.
    parsed: usize,
    sources: Option<Arc<Sources>>,
    change: ChangeSet,
    /// The last model stage patched the model it had before.
    patched: bool,
    last: Option<Last>,
    next: Next,
    /// A `build`'s render, kept in the cache between builds.
    saved: Option<saved::SavedAt>,
}

/// What the render stage did.
pub struct RenderOutcome {
    /// Files rendered: all of them, or after an edit those that differ.
    pub files: Vec<OutputFile>,
    /// Jobs prepared and compared.
    pub considered: usize,
    /// Jobs in all.
    pub jobs: usize,
    /// The same output paths as the last good build.
    pub same_paths: bool,
}

impl State {
    /// For one build: nothing is kept, nothing reused, no reads recorded.
    pub fn once() -> State {
        State::default()
    }

    /// For one build whose render is kept at `file` for the next one, and
    /// which compares with the render kept there. `settings`: a key of the
    /// program and the build's options.
    pub fn saved(file: PathBuf, settings: u64) -> State {
        State {
            saved: Some(saved::SavedAt {
                file,
                settings,
                config: 0,
                files: 0,
                made: None,
            }),
            ..State::default()
        }
    }

    /// Keeps this build's render for the next build: only once its output is
    /// in place, which the render describes.
    pub fn save_render(&mut self) {
        if let Some(saved::SavedAt {
            file,
            made: Some(made),
            ..
        }) = &self.saved
        {
            // Only a hint: without it, the next build renders every job.
            let _ = made.write(file);
        }
    }

    /// Forgets the kept render: the output is about to change, and the
    /// render kept would no longer describe it.
    pub fn forget_render(&self) {
        if let Some(saved) = &self.saved {
            let _ = std::fs::remove_file(&saved.file);
        }
    }

    /// For a series of builds of one site (`serve`).
    pub fn kept() -> State {
        State {
            keep: true,
            change: ChangeSet {
                paths: None,
                files: true,
                pictures: true,
                copies: true,
            },
            ..State::default()
        }
    }

    /// Notes what the watcher saw change (paths relative to `root`); an
    /// empty list means anything may have changed.
    pub fn saw(&mut self, root: &Path, dirty: &[PathBuf]) {
        for path in dirty {
            self.read.forget(path);
        }
        let beside_pages = self.files_beside_pages_changed(root, dirty);
        let change = &mut self.change;
        change.paths = match (&mut change.paths, dirty.is_empty()) {
            (_, true) => None,
            (Some(paths), false) => {
                paths.extend_from_slice(dirty);
                Some(std::mem::take(paths))
            }
            (None, false) if self.last.is_some() || self.sources.is_some() => Some(dirty.to_vec()),
            (None, false) => None,
        };
        let in_dir = |p: &PathBuf, dir: &str| p.starts_with(dir);
        change.files |= beside_pages
            || dirty.is_empty()
            || dirty.iter().any(|p| {
                !(in_dir(p, crate::layout::CONTENT_DIR)
                    || in_dir(p, crate::layout::TEMPLATES_DIR)
                    || in_dir(p, crate::layout::THEMES_DIR))
            });
        change.pictures |= beside_pages
            || dirty.is_empty()
            || dirty.iter().any(|p| in_dir(p, crate::layout::STATIC_DIR));
        change.copies |= dirty.is_empty()
            || dirty.iter().any(|p| {
                !(in_dir(p, crate::layout::CONTENT_DIR) || in_dir(p, crate::layout::TEMPLATES_DIR))
            });
    }

    /// What changed since the last good build.
    pub fn change(&self) -> &ChangeSet {
        &self.change
    }

    /// Whether the last model stage patched the model before it.
    #[cfg(test)]
    pub fn model_patched(&self) -> bool {
        self.patched
    }

    /// `site.yaml` as the last build read it.
    pub fn config_text(&self) -> Option<&str> {
        self.config_text.as_deref()
    }

    /// Pages parsed (not reused) by the last load.
    pub fn parsed(&self) -> usize {
        self.parsed
    }

    /// `site.yaml` as this build read it: another text starts over, as it
    /// feeds every stage.
    pub(crate) fn config_read(&mut self, text: &str) {
        if let Some(saved) = &mut self.saved {
            saved.config = saved::digest_of(text);
        }
        if self.config_text.as_deref() != Some(text) {
            if self.config_text.is_some() {
                *self = State::kept_if(self.keep);
            }
            self.config_text = Some(text.to_string());
        }
        self.next = Next::default();
    }

    fn kept_if(keep: bool) -> State {
        if keep { State::kept() } else { State::once() }
    }

    /// Load: every file of the site, read again only where it changed.
    pub(crate) fn load(
        &mut self,
        root: &Path,
        config: &Config,
        report: &mut Report,
    ) -> Arc<Sources> {
        if !self.keep {
            // The parse reads the pages, one at a time.
            let sources = load::load_sources_unread(root, &config.theme, report);
            if let Some(saved) = &mut self.saved {
                saved.files = saved::files_key(&sources);
            }
            return Arc::new(sources);
        }
        let quick = match (self.sources.take(), &self.change.paths) {
            (Some(last), Some(paths)) => {
                // The last build is over: its sources are no one else's.
                let last = Arc::try_unwrap(last).unwrap_or_else(|shared| Sources::clone(&shared));
                let mut local = Report::new();
                load::reload_saved(last, paths, &mut self.read, &mut local).map(|s| (s, local))
            }
            _ => None,
        };
        let sources = match quick {
            Some((sources, local)) => {
                report.extend(local.into_vec());
                sources
            }
            None => load::load_sources_cached(root, &config.theme, Some(&mut self.read), report),
        };
        let sources = Arc::new(sources);
        self.sources = Some(sources.clone());
        sources
    }

    /// Parse: every page and section, parsed again only where its text changed.
    pub(crate) fn parse(
        &mut self,
        sources: &mut Arc<Sources>,
        config: &Config,
        bodies: Option<crate::parse::Bodies<'_>>,
        report: &mut Report,
    ) -> ParsedSite {
        if !self.keep {
            // Nothing is kept for a next build: the texts go as they are
            // parsed, when nothing else holds them.
            return match Arc::get_mut(sources) {
                Some(only) => {
                    parse::parse_sources_once(only, config, bodies.unwrap_or_default(), report)
                }
                None => {
                    let mut own = Sources::clone(sources);
                    let bodies = bodies.unwrap_or_default();
                    parse::parse_sources_once(&mut own, config, bodies, report)
                }
            };
        }
        let (parsed, count) =
            parse::parse_sources_cached(sources, config, Some(&mut self.parse), report);
        self.parsed = count;
        parsed
    }

    /// Model: the last one patched when only words changed, else built (with
    /// unchanged pages' checks reused when only Markdown changed).
    pub(crate) fn model(
        &mut self,
        config: Config,
        parsed: ParsedSite,
        sources: &Sources,
        options: &ModelOptions<'_>,
        report: &mut Report,
    ) -> Arc<Site> {
        let markdown_only = !self.change.files;
        let previous = self
            .last
            .as_ref()
            .filter(|_| self.keep)
            .map(|last| Previous {
                site: &last.site,
                memo: &last.model,
                pages_hold: markdown_only,
            });
        let patched = previous
            .filter(|p| p.pages_hold)
            .and_then(|p| patch::patch(p.site, p.memo, &config, &parsed, options, report));
        self.patched = patched.is_some();
        let (site, memo) = match patched {
            Some(patched) => patched,
            None => {
                let options = ModelOptions {
                    previous,
                    ..*options
                };
                model::build_site(config, parsed, &sources.assets, &options, report)
            }
        };
        let site = Arc::new(site);
        if self.keep {
            self.next.site = Some(site.clone());
            self.next.model = Some(memo);
        }
        site
    }

    /// Images: the last set again unless files beside the pages or in
    /// `static/` changed (the image cache makes even that cheap).
    pub(crate) fn images(
        &mut self,
        site: &Site,
        static_files: &[(PathBuf, String)],
        options: &ImageOptions<'_>,
        report: &mut Report,
    ) -> Arc<ImageSet> {
        // Which pictures are shown follows the pages; what they look like,
        // the files. A patched model changed only its edited pages: when
        // those show the same pictures, so does the site.
        if let Some(last) = self.last.as_ref().filter(|_| self.keep && self.patched)
            && !self.change.pictures
            && shows_the_same(&last.site, site)
        {
            let (images, plan) = (last.images.clone(), last.plan.clone());
            self.next.images = Some(images.clone());
            self.next.plan = Some(plan);
            return images;
        }
        let plan = crate::images::plan(site, static_files, options.root, report);
        let images = match &self.last {
            Some(last) if self.keep && !self.change.pictures && *last.plan == plan => {
                last.images.clone()
            }
            _ => Arc::new(crate::images::process_planned(site, &plan, options, report)),
        };
        if self.keep {
            self.next.images = Some(images.clone());
            self.next.plan = Some(Arc::new(plan));
        }
        images
    }

    /// Shortcodes: a page's output kept while its parse, its URL, the files
    /// and the templates are the ones it was made with.
    pub(crate) fn expand(
        &mut self,
        site: &Site,
        images: &ImageSet,
        renderer: &Renderer<'_>,
        templates: u64,
        root: &Path,
        report: &mut Report,
    ) -> Arc<Expanded> {
        let last = self
            .last
            .as_ref()
            .filter(|last| self.keep && !self.change.files && last.templates == templates);
        let places = last.map(|last| {
            let parsed: Vec<&Arc<crate::parse::ParsedPage>> =
                site.pages.iter().map(|p| &p.parsed).collect();
            model::previous_places(&parsed, &last.site)
        });
        let reuse = |p: usize| {
            let (last, places) = (last?, places.as_ref()?);
            let o = places[p]?;
            let (was, page) = (&last.site.pages[o], &site.pages[p]);
            (Arc::ptr_eq(&was.parsed, &page.parsed) && was.path == page.path)
                .then(|| last.expanded.pages.get(o).cloned().flatten())
                .flatten()
        };
        let expanded = Arc::new(crate::render::media::expand_shortcodes(
            site, images, renderer, root, &reuse, report,
        ));
        if self.keep {
            self.next.expanded = Some(expanded.clone());
            self.next.templates = templates;
        }
        expanded
    }

    /// Render: after an edit, the jobs whose reads moved, and of those the
    /// files whose fingerprint moved.
    pub(crate) fn render(
        &mut self,
        input: RenderInput<'_>,
        templates: u64,
        report: &mut Report,
    ) -> RenderOutcome {
        let now = input.clock.now();
        if let Some(saved) = self.saved.as_mut().filter(|_| !self.keep) {
            return saved.render(input, templates, report);
        }
        let last = self
            .last
            .as_ref()
            .filter(|last| self.keep && last.templates == templates);
        let changes = last.map(|last| {
            changes::compare(
                changes::Side {
                    site: &last.site,
                    expanded: &last.expanded,
                    now: last.now,
                },
                changes::Side {
                    site: input.site,
                    expanded: input.expanded,
                    now,
                },
                self.change.files,
            )
        });
        let previous = last
            .zip(changes.as_ref())
            .map(|(last, c)| (&last.render, c));
        let record = match self.keep {
            true => memo::Record::All,
            false => memo::Record::Nothing,
        };
        let done = memo::render(input, previous, record, report);
        let jobs = done.memo.jobs.len();
        if self.keep {
            self.next.render = Some(done.memo);
            self.next.now = Some(now);
        }
        RenderOutcome {
            files: done.files,
            considered: done.considered,
            jobs,
            same_paths: done.same_paths,
        }
    }

    /// Whether the last good build rendered `path`.
    pub fn rendered(&self, path: &str) -> bool {
        self.last
            .as_ref()
            .is_some_and(|last| last.render.contains(path))
    }

    /// The build went through: keep what it made, and start counting
    /// changes afresh.
    pub fn commit(&mut self) {
        if !self.keep {
            return;
        }
        let next = std::mem::take(&mut self.next);
        if let (
            Some(site),
            Some(model),
            Some(images),
            Some(plan),
            Some(expanded),
            Some(now),
            Some(render),
        ) = (
            next.site,
            next.model,
            next.images,
            next.plan,
            next.expanded,
            next.now,
            next.render,
        ) {
            self.last = Some(Last {
                site,
                model,
                images,
                plan,
                expanded,
                now,
                templates: next.templates,
                render,
            });
            self.change = ChangeSet {
                paths: Some(Vec::new()),
                ..ChangeSet::default()
            };
        }
    }

    /// The last good build's model and shortcode output.
    #[cfg(test)]
    pub fn last_site(&self) -> Option<(Arc<Site>, Arc<Expanded>)> {
        let last = self.last.as_ref()?;
        Some((last.site.clone(), last.expanded.clone()))
    }

    /// Whether a file beside the pages (a bundle image, an attachment) or a
    /// folder of them changed, came or went. An editor's temporary files
    /// (`sed1a2b3c`, `4913`, swap files) come and go with every save; they are
    /// neither files now nor files the site published.
    fn files_beside_pages_changed(&self, root: &Path, dirty: &[PathBuf]) -> bool {
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
                    .last
                    .as_ref()
                    .is_some_and(|last| last.site.assets.iter().any(|a| a.source.starts_with(p)))
        })
    }
}

/// Whether two models of the same pages, in the same places, show the same
/// pictures: those whose parse changed are compared. What a page shows holds
/// its gallery and figures too, which the last good build found on disk.
fn shows_the_same(old: &Site, new: &Site) -> bool {
    use crate::images::gallery::shown_images;
    old.pages.len() == new.pages.len()
        && old.pages.iter().zip(&new.pages).all(|(a, b)| {
            Arc::ptr_eq(&a.parsed, &b.parsed)
                || (a.parsed.path == b.parsed.path && shown_images(old, a) == shown_images(new, b))
        })
}
