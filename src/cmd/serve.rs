//! `noticeboard serve`: the live preview. It runs until stopped; only a
//! start-up problem comes back here.

use crate::cli::ServeArgs;
use crate::diag::{Diagnostic, Report};
use crate::serve::{ServeOptions, serve};

use super::{Outcome, source_date_epoch};

pub fn run(args: &ServeArgs) -> Outcome {
    let options = ServeOptions {
        root: args.root.clone(),
        bind: args.bind,
        port: args.port,
        open: args.open,
        now: args.clock.now.clone(),
        source_date_epoch: source_date_epoch(),
    };
    let mut report = Report::new();
    if let Err(message) = serve(&options) {
        report.push(Diagnostic::error(message));
    }
    Outcome {
        lines: Vec::new(),
        report,
        success: false,
        ..Outcome::default()
    }
}
