//! `noticeboard serve`: the live preview, with the writing desk mounted on
//! it. It runs until stopped; only a start-up problem comes back here.

use std::sync::Arc;

use crate::cli::ServeArgs;
use crate::desk::{Desk, DeskOptions};
use crate::diag::{Diagnostic, Report};
use crate::serve::mount::Mount;
use crate::serve::{ServeOptions, serve};

use super::{Outcome, source_date_epoch};

pub fn run(args: &ServeArgs) -> Outcome {
    // On an address other computers reach, the desk is off unless asked
    // for: anyone on the network could try its door.
    let desk_wanted = args.bind.is_loopback() || args.desk_on_network;
    let mount: Option<Arc<dyn Mount>> = if desk_wanted {
        Desk::new(DeskOptions {
            root: args.root.clone(),
            now: args.clock.now.clone(),
            source_date_epoch: source_date_epoch(),
            new_site: None,
        })
        .map(|desk| Arc::new(desk) as Arc<dyn Mount>)
    } else {
        None
    };
    let options = ServeOptions {
        root: args.root.clone(),
        bind: args.bind,
        port: args.port,
        open: args.open,
        now: args.clock.now.clone(),
        source_date_epoch: source_date_epoch(),
        mount,
        listener: None,
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
