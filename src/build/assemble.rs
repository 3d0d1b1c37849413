//! From the stages to the files of the output: the files made from the whole
//! site (emit), aliases checked against every other file, links made relative
//! when asked, the link check. A `build` streams: each page goes into the new
//! output folder as it is rendered ([`Staging`]), and only copies, pictures
//! and the small files made from the whole site are listed for the write
//! stage. `check`, `archive` and `serve`'s oracle keep every file in memory.

use std::borrow::Cow;
use std::time::Duration;

use super::{BuildOptions, Mode, Staged, Stream, run_stages_into, stage};
use crate::clock::Clock;
use crate::config::Config;
use crate::diag::{Diagnostic, Report};
use crate::emit::ledger::Ledger;
use crate::images::ImageSet;
use crate::links::{Built, BuiltList, Strictness, check_links};
use crate::message::Message;
use crate::model::Site;
use crate::output::{self, Entry, Staging, collect_entries};
use crate::parse::Bodies;
use crate::rebuild::State;
use crate::render::{FileSink, OutputFile};
use std::sync::Arc;

/// A site rendered: the files of the output not already put in the new
/// folder (all of them, in memory, without one), in path order, and what
/// the driver needs to finish (the ledger to write, the next change).
pub struct Rendered {
    pub entries: Vec<Entry>,
    pub ledger: Option<Ledger>,
    pub ledger_changed: bool,
    pub next_change: Option<(String, String)>,
    /// When that is, in seconds since 1970.
    pub next_change_at: Option<i64>,
    pub clock: Clock,
    pub config: Config,
    pub pages: usize,
    pub sections: usize,
    pub terms: usize,
    /// Files of the output, those put in the new folder included.
    pub files: usize,
    /// Processed images, for the cache clean-up after writing.
    pub image_set: Arc<ImageSet>,
    /// Render jobs prepared again, and in all.
    pub jobs: (usize, usize),
}

/// Every stage, then emit (→ relative links) and the link check: everything
/// but writing, every file in memory. `archive` writes the result into one
/// file.
pub fn render_output(
    options: &BuildOptions,
    timings: &mut Vec<(&'static str, Duration)>,
    report: &mut Report,
) -> Option<Rendered> {
    render_for(
        options,
        Mode::Build,
        &mut State::once(),
        None,
        timings,
        report,
    )
}

/// Rendered files into the new output folder, their links made relative
/// first when the site asks for that.
struct Streamed<'s, 'a> {
    staging: &'s Staging<'a>,
}

impl FileSink for Streamed<'_, '_> {
    fn put(&self, site: &Site, file: OutputFile) -> Result<(), Diagnostic> {
        let file = relative(site, file);
        self.staging.put(file.path, file.bytes)
    }

    fn keep(&self, path: &str) -> bool {
        self.staging.keep(path)
    }
}

/// `file` with its links relative, when the site wants them so.
fn relative(site: &Site, mut file: OutputFile) -> OutputFile {
    if site.config.relative_urls && file.path.ends_with(".html") {
        let html = String::from_utf8_lossy(&file.bytes);
        let rewritten =
            output::relative::relativize_html(&html, &file.path, site.config.base_path());
        file.bytes = rewritten.into_bytes();
    }
    file
}

/// Where a `build` streams to: the new output folder, and the store page
/// bodies wait in until they are rendered (none: they wait in memory).
#[derive(Clone, Copy)]
pub(super) struct Streaming<'s, 'a> {
    pub staging: &'s Staging<'a>,
    pub bodies: Bodies<'s>,
}

/// [`render_output`] for `mode`, streamed when `streaming` says where to:
/// `Check` reports broken links as errors.
pub(super) fn render_for(
    options: &BuildOptions,
    mode: Mode,
    state: &mut State,
    streaming: Option<Streaming<'_, '_>>,
    timings: &mut Vec<(&'static str, Duration)>,
    report: &mut Report,
) -> Option<Rendered> {
    let staging = streaming.map(|s| s.staging);
    let streamed = staging.map(|staging| Streamed { staging });
    let stream = streamed.as_ref().map(|s| Stream {
        sink: s as &dyn FileSink,
        bodies: streaming.map(|s| s.bodies).unwrap_or_default(),
    });
    let staged = run_stages_into(options, mode, state, stream, timings, report)?;
    let Staged {
        config,
        clock,
        sources,
        site,
        expanded,
        images,
        ledger,
        ledger_changed,
        rendered,
    } = staged;
    let jobs = (rendered.considered, rendered.jobs);
    let extras = stage(timings, "emit", || match &streamed {
        Some(sink) => {
            crate::emit::emit_extras_into(&site, &expanded, &clock, ledger.as_ref(), sink)
        }
        None => Ok(crate::emit::emit_extras(
            &site,
            &expanded,
            &clock,
            ledger.as_ref(),
        )),
    });
    let extras = match extras {
        Ok(extras) => extras,
        Err(d) => {
            report.push(d);
            return None;
        }
    };

    let mut files: Vec<OutputFile> = rendered.files.into_iter().chain(extras).collect();
    let streamed = staging.map(Staging::paths).unwrap_or_default();
    let paths: Vec<&str> = (streamed.iter().map(String::as_str))
        .chain(files.iter().map(|f| f.path.as_str()))
        .collect();
    for problem in output::check_aliases(&sources, &site, &images, &paths) {
        report.push(problem);
    }
    drop(paths);
    drop(streamed);
    if report.has_errors() {
        return None;
    }
    if site.config.relative_urls {
        stage(timings, "relative", || {
            use rayon::prelude::*;
            files = std::mem::take(&mut files)
                .into_par_iter()
                .map(|f| relative(&site, f))
                .collect();
        });
    }
    if let Some(staging) = staging {
        for file in std::mem::take(&mut files) {
            if let Err(d) = staging.put(file.path, file.bytes) {
                report.push(d);
                return None;
            }
        }
    }
    let entries = collect_entries(&sources, &site, &images, files);
    stage(timings, "links", || {
        let strictness = match mode {
            Mode::Check => Strictness::Errors,
            Mode::Build | Mode::Serve => Strictness::Warnings,
        };
        let listed = built_list(&entries);
        let built = Together {
            listed: &listed,
            staging,
        };
        check_links(&site, &built, &options.root, strictness, report);
    });
    // Every page is rendered: a body that could not be read back made a
    // wrong file, and nothing of this build may be published.
    let bodies = streaming.map(|s| s.bodies).unwrap_or_default();
    let failure = (bodies.aside.into_iter())
        .chain(bodies.store.map(|s| s.bodies()))
        .find_map(|a| a.failure());
    if let Some((file, detail)) = failure {
        report.push(
            Diagnostic::error(Message::BodiesUnreadable {
                file: crate::shown_path::shown_path(&file),
                detail,
            })
            .help(Message::BodiesUnreadableHelp {}),
        );
        return None;
    }
    let next = crate::emit::schedule::upcoming_changes(&site, &clock)
        .into_iter()
        .next();
    let next_change_at = next.as_ref().map(|(at, _)| at.as_second());
    let next_change = next.map(|(_, c)| (c.at, format!("{} {}", c.title, c.becomes)));
    let files = match staging {
        Some(staging) => {
            let listed = entries.iter().filter(|e| !staging.has(&e.path)).count();
            listed + staging.len()
        }
        None => entries.len(),
    };
    Some(Rendered {
        entries,
        ledger,
        ledger_changed,
        next_change,
        next_change_at,
        clock,
        config,
        pages: site.pages.len(),
        sections: site.sections.len(),
        terms: site.taxonomies.iter().map(|t| t.terms.len()).sum(),
        files,
        image_set: images,
        jobs,
    })
}

/// The files listed for the write stage and those already in the new
/// folder, as the link check sees them.
struct Together<'l, 's, 'a> {
    listed: &'l BuiltList<'l>,
    staging: Option<&'s Staging<'a>>,
}

impl Built for Together<'_, '_, '_> {
    fn has(&self, path: &str) -> bool {
        self.staging.is_some_and(|s| s.has(path)) || self.listed.has(path)
    }

    fn bytes(&self, path: &str) -> Option<Cow<'_, [u8]>> {
        match self.staging {
            Some(staging) if staging.has(path) => staging.bytes(path),
            _ => self.listed.bytes(path),
        }
    }
}

/// The files of the output held in memory, as the link check reads them.
fn built_list(entries: &[Entry]) -> BuiltList<'_> {
    BuiltList {
        files: entries
            .iter()
            .map(|e| {
                let bytes = match &e.content {
                    output::Content::Bytes(bytes) => Some(bytes.as_slice()),
                    _ => None,
                };
                (e.path.as_str(), bytes)
            })
            .collect(),
    }
}
