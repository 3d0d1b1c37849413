//! `noticeboard build`.

use crate::build::{BuildOptions, build};
use crate::cli::BuildArgs;

use super::{Outcome, source_date_epoch};

pub fn run(args: &BuildArgs) -> Outcome {
    let options = BuildOptions {
        root: args.root.clone(),
        output: args.output.clone(),
        base_url: args.base_url.clone(),
        drafts: args.drafts,
        relative: args.relative,
        now: args.clock.now.clone(),
        source_date_epoch: source_date_epoch(),
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
            let mut lines = vec![format!(
                "built {} pages, {} sections, {} terms → {} files in {} ({:.2} s: {stages})",
                summary.pages,
                summary.sections,
                summary.terms,
                summary.files,
                summary.output.display(),
                total
            )];
            if let Some((at, what)) = &summary.next_change {
                lines.push(format!("next status change: {at} ({what}); rebuild then"));
            }
            Outcome {
                lines,
                report: summary.report,
                success: true,
                ..Outcome::default()
            }
        }
        Err(failed) => {
            let language = crate::config::language_of(&args.root);
            Outcome {
                lines: vec![crate::messages::build_failed(language).to_string()],
                report: failed.0,
                success: false,
                language,
            }
        }
    }
}
