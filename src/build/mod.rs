//! The driver: one line per stage, each timed.
//!
//! load → parse → model → render → emit → links → write. [`build`] runs them
//! all; [`check`] stops before writing anything. Both collect every problem of the run into a
//! [`Report`] instead of stopping at the first.

mod assemble;
mod ledger;
mod quick;

pub use assemble::render_output;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use std::sync::Arc;

use crate::clock::Clock;
use crate::config::{self, Config};
use crate::diag::{Diagnostic, Failed, Report};
use crate::emit::ledger::{Ledger, SiteView, write_ledger};
use crate::images::{self, ImageOptions, ImageSet, Progress};
use crate::load::{self, Sources};
use crate::markdown::aside::Aside;
use crate::markdown::store::Store;
use crate::message::Message;
use crate::model::{ModelOptions, Site};
use crate::output::{self, check_output_dir, static_destinations};
use crate::parse::Bodies;
use crate::rebuild::{RenderOutcome, State};
use crate::render::{Expanded, FileSink, RenderInput, Renderer};

#[derive(Debug, Clone, Default)]
pub struct BuildOptions {
    pub root: PathBuf,
    /// Defaults to `<root>/public`.
    pub output: Option<PathBuf>,
    pub base_url: Option<String>,
    pub drafts: bool,
    /// `--relative`: relative links (also `relative_urls: true` in site.yaml).
    pub relative: bool,
    /// `--now`; when `None`, `SOURCE_DATE_EPOCH` or the system clock.
    pub now: Option<String>,
    pub source_date_epoch: Option<String>,
    /// Called as pictures are processed: `(done, total)`.
    pub progress: Option<Progress>,
    /// Called as pages and listings are rendered: `(done, total)`.
    pub pages_progress: Option<Progress>,
    /// Delete the replaced output in a detached process (the CLI's `build`):
    /// the command returns as soon as the new output is in place.
    pub detach_cleanup: bool,
    /// `--ledger-from`: a copy of the ledger already published to compare
    /// with too. Without it, the previous output's `ledger.json`, if any.
    pub ledger_from: Option<PathBuf>,
}

/// What the images stage did.
#[derive(Debug, Clone, Copy, Default)]
pub struct ImageCounts {
    /// Pictures encoded by this build.
    pub processed: usize,
    /// Pictures whose sizes all came from the cache.
    pub cached: usize,
}

#[derive(Debug, Clone, Default)]
pub struct BuildSummary {
    pub output: PathBuf,
    /// The next moment a notice or campaign changes status: `(when, what)`.
    pub next_change: Option<(String, String)>,
    pub pages: usize,
    pub sections: usize,
    pub terms: usize,
    pub files: usize,
    /// What the write stage wrote and what it kept of the last output.
    pub written: output::Written,
    /// No file the build reads had changed since the last build: nothing
    /// was made again, and the report is that build's.
    pub up_to_date: bool,
    pub timings: Vec<(&'static str, Duration)>,
    pub images: ImageCounts,
    /// Page bodies taken from the cache of earlier builds, and converted.
    pub bodies: BodyCounts,
    /// Pages prepared again (and rendered where they changed) and pages
    /// kept as they were, when the last build's render left some to keep.
    pub kept_jobs: Option<(usize, usize)>,
    pub report: Report,
}

/// What the parse stage did with page bodies.
#[derive(Debug, Clone, Copy, Default)]
pub struct BodyCounts {
    /// Taken from the cache: an earlier build converted the same text.
    pub cached: usize,
    /// Converted from Markdown by this build.
    pub converted: usize,
}

fn stage<T>(
    timings: &mut Vec<(&'static str, Duration)>,
    name: &'static str,
    f: impl FnOnce() -> T,
) -> T {
    let start = Instant::now();
    let value = f();
    timings.push((name, start.elapsed()));
    value
}

fn fail(report: Report) -> Failed {
    Failed(report)
}

/// Lists the pages `review: required` leaves out for want of a `reviewed`
/// (drafts are left out anyway, and not listed).
fn note_unreviewed(parsed: &crate::parse::ParsedSite, report: &mut Report) {
    let waiting: Vec<String> = parsed
        .pages
        .iter()
        .filter(|p| p.draft && p.front.draft != Some(true))
        .map(|p| p.path.to_string_lossy().replace('\\', "/"))
        .collect();
    if !waiting.is_empty() {
        report.push(
            Diagnostic::warning(Message::Unreviewed {
                count: waiting.len(),
                pages: crate::message::List::of(waiting),
            })
            .help(Message::UnreviewedHelp {}),
        );
    }
}

/// Reads and resolves `site.yaml`, applying `--base-url`.
pub fn load_config(root: &Path, base_url: Option<&str>, report: &mut Report) -> Option<Config> {
    let text = match load::read_config(root) {
        Ok(text) => text,
        Err(d) => {
            report.push(d);
            return None;
        }
    };
    resolve_config(&text, base_url, report)
}

/// `site.yaml`'s text resolved, with `--base-url` over its `base_url`.
fn resolve_config(text: &str, base_url: Option<&str>, report: &mut Report) -> Option<Config> {
    let mut config = config::resolve(text, report)?;
    if let Some(url) = base_url {
        match config::normalize_base_url(url) {
            Some(url) => config.base_url = url,
            None => {
                report.push(
                    Diagnostic::error(Message::BaseUrlFlagNotAbsolute {
                        url: url.to_string(),
                    })
                    .help(Message::BaseUrlFlagHelp {}),
                );
                return None;
            }
        }
    }
    Some(config)
}

/// What a build is for: it decides what the stages write and how strict
/// the templates are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Files for the output folder: pictures are cached.
    Build,
    /// Validation only: nothing is written, undefined template variables
    /// are errors, and every stage runs that can, to report all it finds.
    Check,
    /// The live preview: like `Build`, with a state kept across saves.
    Serve,
}

/// What the stages made: the model and everything rendered from it.
pub struct Staged {
    pub config: Config,
    pub clock: Clock,
    /// Shared with `serve`'s state, which keeps the last load.
    pub sources: Arc<Sources>,
    pub site: Arc<Site>,
    pub expanded: Arc<Expanded>,
    pub images: Arc<ImageSet>,
    /// The disclosure ledger as it must be after this build (`None` when the
    /// site has no disclosures and no ledger).
    pub ledger: Option<Ledger>,
    pub ledger_changed: bool,
    pub rendered: RenderOutcome,
}

/// load → parse → model → images → shortcodes → render: the one sequence of
/// stages, for `build`, `check` and `serve` alike. `state` decides what each
/// stage may reuse (nothing, for [`State::once`]). `None` when a stage failed.
pub fn run_stages(
    options: &BuildOptions,
    mode: Mode,
    state: &mut State,
    timings: &mut Vec<(&'static str, Duration)>,
    report: &mut Report,
) -> Option<Staged> {
    run_stages_into(options, mode, state, None, timings, report)
}

/// Where a streamed build puts what it does not keep: each rendered file
/// into the sink, each page's HTML aside until it is rendered.
#[derive(Clone, Copy)]
struct Stream<'a> {
    sink: &'a dyn FileSink,
    bodies: Bodies<'a>,
}

/// [`run_stages`], streamed when `stream` says where to.
fn run_stages_into(
    options: &BuildOptions,
    mode: Mode,
    state: &mut State,
    stream: Option<Stream<'_>>,
    timings: &mut Vec<(&'static str, Duration)>,
    report: &mut Report,
) -> Option<Staged> {
    let root = &options.root;
    // `check` goes on past errors to find more; the others stop at the first
    // stage that had one.
    let stop = |report: &Report| mode != Mode::Check && report.has_errors();
    let text = match load::read_config(root) {
        Ok(text) => text,
        Err(d) => {
            report.push(d);
            return None;
        }
    };
    state.config_read(&text);
    let mut config = resolve_config(&text, options.base_url.as_deref(), report)?;
    config.relative_urls |= options.relative;
    let clock = match Clock::from_sources(
        options.now.as_deref(),
        options.source_date_epoch.as_deref(),
        &config.timezone,
    ) {
        Ok(clock) => clock,
        Err(message) => {
            report.push(Diagnostic::error(message));
            return None;
        }
    };
    let mut sources = stage(timings, "load", || state.load(root, &config, report));
    let parsed = stage(timings, "parse", || {
        state.parse(&mut sources, &config, stream.map(|s| s.bodies), report)
    });
    if config.review_required && !options.drafts && mode != Mode::Serve {
        note_unreviewed(&parsed, report);
    }
    // The ledger also looks at pages the model leaves out (drafts).
    let all_parsed = parsed.clone();
    let calendar = crate::disclosure::load_calendar(root, report);
    let site = stage(timings, "model", || {
        let options = ModelOptions {
            drafts: options.drafts,
            root,
            calendar: &calendar,
            previous: None,
        };
        state.model(config.clone(), parsed, &sources, &options, report)
    });
    let view = SiteView {
        site: &site,
        parsed: &all_parsed,
        root,
    };
    let (ledger, ledger_changed) = stage(timings, "ledger", || {
        let places = ledger::Places {
            root,
            output: options.output.as_deref(),
            ledger_from: options.ledger_from.as_deref(),
        };
        match ledger::ledger_after(&places, &view, &clock, &config, report) {
            Some((ledger, changed)) => (Some(ledger), changed),
            None => (None, false),
        }
    });
    if stop(report) {
        return None;
    }
    let static_files = static_destinations(&sources);
    let images = stage(timings, "images", || {
        let options = ImageOptions {
            root,
            write_cache: mode != Mode::Check,
            progress: options.progress.as_ref(),
        };
        state.images(&site, &static_files, &options, report)
    });
    if mode == Mode::Check {
        images::audit::audit_media(&site, root, report);
    }
    if stop(report) {
        return None;
    }
    let errors_before = report.error_count();
    let renderer = Renderer::new(&sources.templates, mode == Mode::Check, report);
    // Without templates nothing renders; `check` goes on past other errors,
    // so that the pages it can render have their links checked too.
    if report.error_count() > errors_before || stop(report) {
        return None;
    }
    let templates = templates_key(&sources.templates);
    let expanded = stage(timings, "shortcodes", || {
        state.expand(&site, &images, &renderer, templates, root, report)
    });
    if stop(report) {
        return None;
    }
    let rendered = stage(timings, "render", || {
        let input = RenderInput {
            site: &site,
            images: &images,
            expanded: &expanded,
            renderer: &renderer,
            clock: &clock,
            progress: options.pages_progress.as_ref(),
            sink: stream.map(|s| s.sink),
        };
        state.render(input, templates, report)
    });
    if stop(report) {
        return None;
    }
    drop(renderer);
    Some(Staged {
        config,
        clock,
        sources,
        site,
        expanded,
        images,
        ledger,
        ledger_changed,
        rendered,
    })
}

/// Templates as loaded, hashed: the same key, the same templates.
fn templates_key(templates: &crate::render::TemplateSources) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut hasher = std::hash::DefaultHasher::new();
    templates.hash(&mut hasher);
    hasher.finish()
}

/// Builds the site into the output folder. On error nothing in the output folder
/// changes.
pub fn build(options: &BuildOptions) -> Result<BuildSummary, Failed> {
    let mut report = Report::new();
    let mut timings = Vec::new();
    let root = &options.root;
    let output_dir = options
        .output
        .clone()
        .unwrap_or_else(|| root.join("public"));
    if let Err(d) = check_output_dir(root, &output_dir) {
        report.push(d);
        return Err(fail(report));
    }
    // A symlinked output folder (`public -> /var/www/site`) is replaced where it
    // points; swapping the link itself would leave the web root stale and, worse,
    // the old-output clean-up would then follow the link.
    let output_dir = match output::fs_symlink_target(&output_dir) {
        Some(target) => target,
        None => output_dir,
    };
    // Finish what a killed build left behind (put a moved-aside output back,
    // delete half-written folders) now, even if this build fails later.
    output::recover(&output_dir);
    if let Err(d) = output::check_replaceable(&output_dir) {
        report.push(d);
        return Err(fail(report));
    }
    let quick = quick::Quick::new(&quick::Asked {
        root,
        output: &output_dir,
        base_url: options.base_url.as_deref(),
        drafts: options.drafts,
        relative: options.relative,
        now: options.now.as_deref(),
        source_date_epoch: options.source_date_epoch.as_deref(),
        ledger_from: options.ledger_from.as_deref(),
    });
    if let Some(quick) = &quick {
        if let Some(last) = quick.unchanged(&output_dir) {
            return Ok(told_again(output_dir, last, quick.started.elapsed()));
        }
        quick.forget();
    }
    // Where the manifest of the current output is: the quick check read
    // `site.yaml` for it; without one, read here (the stages read it again
    // and report what is wrong with it).
    let cache_dir = match &quick {
        Some(quick) => quick.cache_dir.clone(),
        None => match load_config(root, None, &mut Report::new()) {
            Some(config) => root.join(config.cache_dir),
            None => root.join(config::default_config("").cache_dir),
        },
    };
    let manifest = output::manifest_path(&cache_dir);
    let write = output::WriteOptions {
        old: if options.detach_cleanup {
            output::OldOutput::Detach
        } else {
            output::OldOutput::Delete
        },
        manifest: Some(&manifest),
        volatile: &[crate::emit::schedule::STATUS_FILE],
        in_place: true,
    };
    // Pages go into the new folder as they are rendered.
    let staging = match output::Staging::open(&output_dir, write) {
        Ok(staging) => staging,
        Err(d) => {
            report.push(d);
            return Err(fail(report));
        }
    };
    // And page bodies wait on disk, not in memory, until they are rendered.
    let aside = Aside::create(&cache_dir).ok();
    // Bodies an earlier build rendered come from its cache.
    let store = Store::open(root, &cache_dir.join("markdown"));
    let streaming = assemble::Streaming {
        staging: &staging,
        bodies: Bodies {
            aside: aside.as_ref(),
            store: store.as_ref(),
        },
    };
    // What this build renders is kept for the next one, which renders again
    // only what moved.
    let settings = render_settings(options, &output_dir);
    let mut state = State::saved(cache_dir.join(crate::rebuild::RENDER_FILE), settings);
    let rendered = assemble::render_for(
        options,
        Mode::Build,
        &mut state,
        Some(streaming),
        &mut timings,
        &mut report,
    );
    drop(aside);
    if let Some(store) = &store
        && store.bodies().failure().is_none()
    {
        // Without it the next build renders every body again: no harm.
        let _ = store.save();
    }
    let bodies = store
        .as_ref()
        .map_or_else(BodyCounts::default, |store| BodyCounts {
            cached: store.hits(),
            converted: store.misses(),
        });
    drop(store);
    let Some(rendered) = rendered else {
        return Err(fail(report));
    };
    let file_count = rendered.files;
    // The kept render describes the output it was kept with: not the one
    // about to take its place.
    state.forget_render();
    let written = stage(&mut timings, "write", || staging.finish(&rendered.entries));
    let written = match written {
        Ok(written) => written,
        Err(d) => {
            report.push(d);
            return Err(fail(report));
        }
    };
    state.save_render();
    // The ledger follows the output: it records what is now published.
    if let Some(ledger) = &rendered.ledger
        && rendered.ledger_changed
        && let Err(d) = write_ledger(root, ledger)
    {
        report.push(d);
        return Err(fail(report));
    }
    // Only now, with the output in place, are older cache entries not needed.
    images::clean_cache(root, &rendered.config.cache_dir, &rendered.image_set);
    let pictures = rendered.image_set.processed + rendered.image_set.cached;
    // A build that wrote the ledger may have said so (an upgraded format):
    // the next one runs in full, so that its report is its own.
    if let Some(quick) = quick.as_ref().filter(|_| !rendered.ledger_changed) {
        let counts = [
            rendered.pages,
            rendered.sections,
            rendered.terms,
            file_count,
            pictures,
        ];
        let next = rendered.next_change.clone();
        quick.record(rendered.next_change_at, next, counts, &report);
    }
    Ok(BuildSummary {
        output: output_dir,
        next_change: rendered.next_change,
        pages: rendered.pages,
        sections: rendered.sections,
        terms: rendered.terms,
        files: file_count,
        written,
        up_to_date: false,
        timings,
        images: ImageCounts {
            processed: rendered.image_set.processed,
            cached: rendered.image_set.cached,
        },
        bodies,
        kept_jobs: Some(rendered.jobs)
            .filter(|&(considered, all)| considered < all)
            .map(|(considered, all)| (considered, all - considered)),
        report,
    })
}

/// A key of what a build's render depends on besides the site's files: the
/// program and the options.
fn render_settings(options: &BuildOptions, output: &Path) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::hash::DefaultHasher::new();
    env!("CARGO_PKG_VERSION").hash(&mut h);
    let exe = std::env::current_exe().ok();
    exe.and_then(|p| crate::rebuild::inputs::stamp_line(&p))
        .hash(&mut h);
    std::path::absolute(output).ok().hash(&mut h);
    (&options.base_url, options.drafts, options.relative).hash(&mut h);
    h.finish()
}

/// The summary of a build that found nothing changed since `last`.
fn told_again(
    output: PathBuf,
    last: crate::rebuild::inputs::LastBuild,
    took: Duration,
) -> BuildSummary {
    let mut report = Report::new();
    report.extend(last.report);
    BuildSummary {
        output,
        next_change: last.next_change,
        pages: last.pages,
        sections: last.sections,
        terms: last.terms,
        files: last.files,
        written: output::Written {
            files: last.files,
            reused: last.files,
            unchanged: true,
        },
        up_to_date: true,
        timings: vec![("inputs", took)],
        images: ImageCounts {
            processed: 0,
            cached: last.pictures,
        },
        bodies: BodyCounts::default(),
        kept_jobs: None,
        report,
    }
}

/// Validates the whole site and writes nothing: every stage, the files made
/// from the whole site and the link check run, and the result is dropped.
pub fn check(options: &BuildOptions) -> Report {
    let mut report = Report::new();
    let mut state = State::once();
    let none = &mut Vec::new();
    let _ = assemble::render_for(options, Mode::Check, &mut state, None, none, &mut report);
    report
}
