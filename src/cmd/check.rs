//! `noticeboard check`: everything `build` would complain about, nothing written.

use crate::build::{BuildOptions, check};
use crate::cli::CheckArgs;

use super::{Outcome, source_date_epoch};

pub fn run(args: &CheckArgs) -> Outcome {
    let options = BuildOptions {
        root: args.root.clone(),
        drafts: args.drafts,
        now: args.clock.now.clone(),
        source_date_epoch: source_date_epoch(),
        ..BuildOptions::default()
    };
    let report = check(&options);
    let success = !report.has_errors();
    let language = crate::config::language_of(&args.root);
    let line = if success {
        crate::messages::check_passed(language, report.warning_count())
    } else {
        crate::messages::check_failed(language, report.error_count(), report.warning_count())
    };
    Outcome {
        lines: vec![line],
        report,
        success,
        language,
    }
}
