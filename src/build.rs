//! The driver: one line per stage, each timed.
//!
//! load → parse → model → render → write. [`build`] runs them all; [`check`]
//! stops before writing anything. Both collect every problem of the run into a
//! [`Report`] instead of stopping at the first.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::clock::Clock;
use crate::config::{self, Config};
use crate::diag::{Diagnostic, Failed, Report};
use crate::emit::ledger::{Ledger, read_ledger, update_ledger, write_ledger};
use crate::images::{self, ImageOptions, ImageSet, Progress};
use crate::layout::LEDGER_FILE;
use crate::load::{self, Sources};
use crate::model::kinds::Details;
use crate::model::{self, ModelOptions, Site};
use crate::output::{self, Entry, check_output_dir, collect_entries, static_destinations};
use crate::parse;
use crate::render::{self, Renderer};

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
    /// Delete the replaced output in a detached process (the CLI's `build`):
    /// the command returns as soon as the new output is in place.
    pub detach_cleanup: bool,
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
    pub timings: Vec<(&'static str, Duration)>,
    pub images: ImageCounts,
    pub report: Report,
}

/// Everything up to the site model: what `build` and `check` share.
pub struct Loaded {
    pub config: Config,
    pub clock: Clock,
    /// Shared with `serve`'s caches, which keep the last load.
    pub sources: std::sync::Arc<Sources>,
    pub site: Site,
    /// The disclosure ledger as it must be after this build (`None` when the
    /// site has no disclosures and no ledger).
    pub ledger: Option<Ledger>,
    pub ledger_changed: bool,
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

/// Reads and resolves `site.yaml`, applying `--base-url`.
pub fn load_config(root: &Path, base_url: Option<&str>, report: &mut Report) -> Option<Config> {
    let text = match load::read_config(root) {
        Ok(text) => text,
        Err(d) => {
            report.push(d);
            return None;
        }
    };
    let mut config = config::resolve(&text, report)?;
    if let Some(url) = base_url {
        match config::normalize_base_url(url) {
            Some(url) => config.base_url = url,
            None => {
                report.push(
                    Diagnostic::error(format!("--base-url `{url}` is not an absolute http(s) URL"))
                        .help("e.g. --base-url https://gonghui.example.org/"),
                );
                return None;
            }
        }
    }
    Some(config)
}

/// What `serve` keeps between rebuilds so that an edit re-reads and re-parses
/// only the files that changed.
#[derive(Default)]
pub struct Caches {
    pub read: load::ReadCache,
    pub parse: parse::ParseCache,
    /// Pages parsed (not reused) by the last load.
    pub parsed: usize,
    /// The last good site: the model reuses what an edit did not touch.
    pub site: Option<std::sync::Arc<Site>>,
    /// The sources of the last load, and the paths the watcher saw change
    /// since: together they let a plain save skip walking the folders.
    pub sources: Option<std::sync::Arc<Sources>>,
    pub changed: Option<Vec<PathBuf>>,
    /// Only Markdown changed since `site` was built: the model may patch it
    /// (see [`ModelOptions::patchable`]).
    pub patchable: bool,
}

/// Config, sources, parsed pages and the site model: what `build`, `check` and
/// `serve` share. With `caches`, unchanged files are neither read nor parsed.
pub fn load_site(
    options: &BuildOptions,
    timings: &mut Vec<(&'static str, Duration)>,
    report: &mut Report,
    caches: Option<&mut Caches>,
) -> Option<Loaded> {
    let root = &options.root;
    let config = load_config(root, options.base_url.as_deref(), report)?;
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
    let mut config = config;
    if options.relative {
        config.relative_urls = true;
    }
    let (read_cache, parse_cache, previous, last_sources, changed, patchable) = match caches {
        Some(c) => (
            Some(&mut c.read),
            Some((&mut c.parse, &mut c.parsed)),
            c.site.as_deref(),
            Some(&mut c.sources),
            c.changed.take(),
            c.patchable,
        ),
        None => (None, None, None, None, None, false),
    };
    let sources = stage(timings, "load", || {
        let quick = match (&read_cache, &last_sources, &changed) {
            (Some(_), Some(Some(last)), Some(changed)) => Some((last, changed)),
            _ => None,
        };
        let reloaded = match (quick, read_cache) {
            (Some((last, changed)), Some(cache)) => {
                let mut local = Report::new();
                match load::reload_saved(last, changed, cache, &mut local) {
                    Some(sources) => {
                        report.extend(local.into_vec());
                        Ok(sources)
                    }
                    None => Err(Some(cache)),
                }
            }
            (_, cache) => Err(cache),
        };
        match reloaded {
            Ok(sources) => sources,
            Err(cache) => load::load_sources_cached(root, &config.theme, cache, report),
        }
    });
    let sources = std::sync::Arc::new(sources);
    if let Some(slot) = last_sources {
        *slot = Some(sources.clone());
    }
    let parsed = stage(timings, "parse", || match parse_cache {
        Some((cache, count)) => {
            let (parsed, n) = parse::parse_sources_cached(&sources, &config, Some(cache), report);
            *count = n;
            parsed
        }
        None => parse::parse_sources(&sources, &config, report),
    });
    let calendar = crate::disclosure::load_calendar(root, report);
    let site = stage(timings, "model", || {
        model::build_site(
            config.clone(),
            parsed,
            &sources.assets,
            &ModelOptions {
                drafts: options.drafts,
                root,
                calendar: &calendar,
                previous,
                patchable,
            },
            report,
        )
    });
    let has_disclosures = site
        .pages
        .iter()
        .any(|p| matches!(p.details, Details::Disclosure(_)));
    let mut ledger = None;
    let mut ledger_changed = false;
    if (has_disclosures || root.join(LEDGER_FILE).exists())
        && let Some(old) = read_ledger(root, report)
    {
        let today = clock.today_in(&config.timezone).to_string();
        let new = update_ledger(&site, &old, &today, report);
        ledger_changed = new != old;
        ledger = Some(new);
    }
    Some(Loaded {
        config,
        clock,
        sources,
        site,
        ledger,
        ledger_changed,
    })
}

/// A site rendered in memory: every file of the output, in path order, and
/// what the driver needs to finish (the ledger to write, the next change).
pub struct Rendered {
    pub entries: Vec<Entry>,
    pub ledger: Option<Ledger>,
    pub ledger_changed: bool,
    pub next_change: Option<(String, String)>,
    pub clock: Clock,
    pub config: Config,
    pub pages: usize,
    pub sections: usize,
    pub terms: usize,
    /// Processed images, for the cache clean-up after writing.
    pub image_set: ImageSet,
}

/// load → parse → model → render → emit (→ relative links): everything but
/// writing. `build` writes the result to a folder, `archive` into one file.
pub fn render_output(
    options: &BuildOptions,
    timings: &mut Vec<(&'static str, Duration)>,
    report: &mut Report,
) -> Option<Rendered> {
    let loaded = load_site(options, timings, report, None)?;
    if report.has_errors() {
        return None;
    }
    let Loaded {
        config,
        clock,
        sources,
        site,
        ledger,
        ledger_changed,
    } = loaded;

    let static_files = static_destinations(&sources);
    let image_set = stage(timings, "images", || {
        images::process_images(
            &site,
            &static_files,
            &ImageOptions {
                root: &options.root,
                write_cache: true,
                progress: options.progress.as_ref(),
            },
            report,
        )
    });
    if report.has_errors() {
        return None;
    }
    let renderer = Renderer::new(&sources.templates, false, report);
    if report.has_errors() {
        return None;
    }
    let site = stage(timings, "shortcodes", || {
        render::media::expand_shortcodes(site, &image_set, &renderer, &options.root, report)
    });
    if report.has_errors() {
        return None;
    }
    let files = stage(timings, "render", || {
        render::render_site(&site, &image_set, &renderer, &clock, report)
    });
    if report.has_errors() {
        return None;
    }
    let extras = stage(timings, "emit", || {
        crate::emit::emit_extras(&site, &clock, ledger.as_ref())
    });

    let mut files: Vec<render::OutputFile> = files.into_iter().chain(extras).collect();
    if site.config.relative_urls {
        let base_path = site.config.base_path().to_string();
        stage(timings, "relative", || {
            use rayon::prelude::*;
            files
                .par_iter_mut()
                .filter(|f| f.path.ends_with(".html"))
                .for_each(|f| {
                    let html = String::from_utf8_lossy(&f.bytes);
                    let rewritten = output::relative::relativize_html(&html, &f.path, &base_path);
                    f.bytes = rewritten.into_bytes();
                });
        });
    }
    let entries = collect_entries(&sources, &site, &image_set, files);
    let next_change = crate::emit::schedule::upcoming_changes(&site, &clock)
        .into_iter()
        .next()
        .map(|(_, c)| (c.at, format!("{} {}", c.title, c.becomes)));
    Some(Rendered {
        entries,
        ledger,
        ledger_changed,
        next_change,
        clock,
        config,
        pages: site.pages.len(),
        sections: site.sections.len(),
        terms: site.taxonomies.iter().map(|t| t.terms.len()).sum(),
        image_set,
    })
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
    let Some(rendered) = render_output(options, &mut timings, &mut report) else {
        return Err(fail(report));
    };
    let file_count = rendered.entries.len();
    let written = stage(&mut timings, "write", || {
        let old = if options.detach_cleanup {
            output::OldOutput::Detach
        } else {
            output::OldOutput::Delete
        };
        output::write_output(&output_dir, &rendered.entries, old)
    });
    if let Err(d) = written {
        report.push(d);
        return Err(fail(report));
    }
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
    Ok(BuildSummary {
        output: output_dir,
        next_change: rendered.next_change,
        pages: rendered.pages,
        sections: rendered.sections,
        terms: rendered.terms,
        files: file_count,
        timings,
        images: ImageCounts {
            processed: rendered.image_set.processed,
            cached: rendered.image_set.cached,
        },
        report,
    })
}

/// Validates the whole site and writes nothing.
pub fn check(options: &BuildOptions) -> Report {
    let mut report = Report::new();
    let mut timings = Vec::new();
    let Some(loaded) = load_site(options, &mut timings, &mut report, None) else {
        return report;
    };
    let static_files = static_destinations(&loaded.sources);
    let image_set = images::process_images(
        &loaded.site,
        &static_files,
        &ImageOptions {
            root: &options.root,
            write_cache: false,
            progress: None,
        },
        &mut report,
    );
    images::audit::audit_media(&loaded.site, &options.root, &mut report);
    let renderer = Renderer::new(&loaded.sources.templates, true, &mut report);
    if !report.has_errors() {
        let site = render::media::expand_shortcodes(
            loaded.site,
            &image_set,
            &renderer,
            &options.root,
            &mut report,
        );
        // Rendering catches template errors that only show with real data.
        let _ = render::render_site(&site, &image_set, &renderer, &loaded.clock, &mut report);
    }
    report
}
