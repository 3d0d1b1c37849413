//! `noticeboard build`.

use crate::message::Message;
use std::io::{IsTerminal, Write};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crate::build::{BuildOptions, build};
use crate::cli::BuildArgs;
use crate::images::Progress;

use super::{Outcome, source_date_epoch};

pub fn run(args: &BuildArgs) -> Outcome {
    let start = Instant::now();
    let language = crate::config::language_of(&args.root);
    let options = BuildOptions {
        root: args.root.clone(),
        output: args.output.clone(),
        base_url: args.base_url.clone(),
        drafts: args.drafts,
        relative: args.relative,
        now: args.clock.now.clone(),
        source_date_epoch: source_date_epoch(),
        progress: terminal_progress(
            start,
            |done, total| Message::ImagesProgress { done, total },
            language,
        ),
        pages_progress: terminal_progress(
            start,
            |done, total| Message::PagesProgress { done, total },
            language,
        ),
        detach_cleanup: true,
        ledger_from: args.ledger.from.clone(),
    };
    match build(&options) {
        Ok(summary) => {
            let total: f64 = summary.timings.iter().map(|(_, d)| d.as_secs_f64()).sum();
            let stages = summary
                .timings
                .iter()
                .map(|(name, d)| format!("{name} {:.0} ms", d.as_secs_f64() * 1000.0))
                .collect::<Vec<_>>()
                .join(", ");
            let written = summary.written;
            let mut lines = Vec::new();
            if summary.up_to_date {
                lines.push(Message::InputsUnchanged {
                    files: written.files,
                });
            } else if written.unchanged {
                lines.push(Message::OutputUnchanged {
                    files: written.files,
                });
            } else if written.reused > 0 {
                lines.push(Message::OutputReused {
                    written: written.files - written.reused,
                    reused: written.reused,
                });
            }
            let bodies = summary.bodies;
            if !summary.up_to_date && bodies.cached > 0 {
                lines.push(Message::BodiesCached {
                    cached: bodies.cached,
                    converted: bodies.converted,
                });
            }
            if let Some((checked, kept)) = summary.kept_jobs {
                lines.push(Message::JobsKept { checked, kept });
            }
            lines.push(Message::Built {
                pages: summary.pages,
                sections: summary.sections,
                terms: summary.terms,
                files: summary.files,
                output: crate::shown_path::shown_path(&summary.output),
                seconds: format!("{total:.2}"),
                stages,
            });
            let images = summary.images;
            if images.processed + images.cached > 0 {
                lines.push(Message::ImagesDone {
                    processed: images.processed,
                    cached: images.cached,
                });
            }
            if let Some((at, what)) = &summary.next_change {
                lines.push(Message::NextStatusChange {
                    at: at.clone(),
                    what: what.clone(),
                });
            }
            Outcome {
                lines,
                report: summary.report,
                success: true,
                ..Outcome::default()
            }
        }
        Err(failed) => Outcome {
            lines: vec![Message::BuildFailed {}],
            report: failed.0,
            success: false,
            language,
            stdout: None,
            pause: false,
        },
    }
}

/// A count on stderr, rewritten in place: only on a terminal and not under
/// CI, and only once the build has run for two seconds (a short build shows
/// nothing). `line` words the count in the site's language.
fn terminal_progress(
    start: Instant,
    line: impl Fn(usize, usize) -> Message + Send + Sync + 'static,
    language: crate::i18n::Language,
) -> Option<Progress> {
    let ci = std::env::var_os("CI").is_some_and(|v| !v.is_empty());
    if ci || !std::io::stderr().is_terminal() {
        return None;
    }
    // The tests make a small build show its count.
    let after = std::env::var("NOTICEBOARD_PROGRESS_AFTER_MS")
        .ok()
        .and_then(|ms| ms.parse().ok())
        .map_or(Duration::from_secs(2), Duration::from_millis);
    let last = Mutex::new(start);
    let shown = AtomicBool::new(false);
    Some(Progress(Arc::new(move |done, total| {
        let now = Instant::now();
        if now.duration_since(start) < after && !shown.load(Ordering::Relaxed) {
            return;
        }
        let Ok(mut last) = last.lock() else { return };
        if done < total && now.duration_since(*last) < Duration::from_millis(200) {
            return;
        }
        *last = now;
        shown.store(true, Ordering::Relaxed);
        let mut err = std::io::stderr().lock();
        // Clear to the end of the line: a shorter count leaves no digits behind.
        let _ = write!(err, "\r{}\x1b[K", line(done, total).render(language));
        if done == total {
            let _ = writeln!(err);
        }
        let _ = err.flush();
    })))
}
