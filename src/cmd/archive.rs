//! `noticeboard archive`.

use crate::archive::{ArchiveOptions, archive};
use crate::build::BuildOptions;
use crate::cli::ArchiveArgs;

use super::{Outcome, source_date_epoch};

pub fn run(args: &ArchiveArgs) -> Outcome {
    let options = ArchiveOptions {
        build: BuildOptions {
            root: args.root.clone(),
            relative: true,
            now: args.clock.now.clone(),
            source_date_epoch: source_date_epoch(),
            ..BuildOptions::default()
        },
        out: args.out.clone(),
    };
    match archive(&options) {
        Ok(summary) => Outcome {
            lines: vec![format!(
                "archived {} files (+ {}) in {}/ → {} ({:.1} MB)",
                summary.files,
                crate::archive::MANIFEST_FILE,
                summary.folder,
                summary.path.display(),
                summary.bytes as f64 / 1_000_000.0
            )],
            report: summary.report,
            success: true,
            ..Outcome::default()
        },
        Err(failed) => Outcome {
            lines: vec!["archive failed; no archive was written".to_string()],
            report: failed.0,
            success: false,
            ..Outcome::default()
        },
    }
}
