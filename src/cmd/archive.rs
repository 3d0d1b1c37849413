//! `noticeboard archive`.

use crate::archive::{ArchiveOptions, archive};
use crate::build::BuildOptions;
use crate::cli::ArchiveArgs;
use crate::message::Message;

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
        dir: None,
    };
    match archive(&options) {
        Ok(summary) => Outcome {
            lines: vec![
                Message::Archived {
                    files: summary.files,
                    manifest: crate::archive::MANIFEST_FILE.to_string(),
                    folder: summary.folder.clone(),
                    path: crate::shown_path::shown_path(&summary.path),
                    megabytes: format!("{:.1}", summary.bytes as f64 / 1_000_000.0),
                },
                Message::ArchiveManifestHash {
                    hash: summary.manifest_hash.clone(),
                    path: crate::shown_path::shown_path(&summary.path),
                },
            ],
            report: summary.report,
            success: true,
            ..Outcome::default()
        },
        Err(failed) => Outcome {
            lines: vec![Message::ArchiveFailed {}],
            report: failed.0,
            success: false,
            ..Outcome::default()
        },
    }
}
