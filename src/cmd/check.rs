//! `noticeboard check`: everything `build` would complain about, nothing written.

use crate::build::{BuildOptions, check};
use crate::cli::CheckArgs;
use crate::message::Message;

use super::{Outcome, source_date_epoch};

pub fn run(args: &CheckArgs) -> Outcome {
    let options = BuildOptions {
        root: args.root.clone(),
        drafts: args.drafts,
        now: args.clock.now.clone(),
        source_date_epoch: source_date_epoch(),
        ledger_from: args.ledger.from.clone(),
        ..BuildOptions::default()
    };
    let mut report = check(&options);
    report.extend(crate::config::public_site_warnings(&args.root));
    let success = !report.has_errors();
    let language = crate::config::language_of(&args.root);
    let line = if success {
        Message::CheckPassed {
            warnings: report.warning_count(),
        }
    } else {
        Message::CheckFailed {
            errors: report.error_count(),
            warnings: report.warning_count(),
        }
    };
    Outcome {
        lines: vec![line],
        report,
        success,
        language,
        stdout: None,
        pause: false,
    }
}
