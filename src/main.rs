//! The `noticeboard` binary: parse the command line, run the command, print
//! what it reports, exit 0 (success), 1 (problems in the site) or 2 (bad usage).
//! Started by a double-click, it waits for Enter before an error closes the
//! window ([`noticeboard::cmd::console`]).

use std::io::Write;
use std::process::ExitCode;

/// A build makes and frees millions of small strings from both threads;
/// see the README's Dependencies for what this saves.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use clap::Parser;
use noticeboard::cli::Cli;
use noticeboard::cmd::console;

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            // 2 on bad usage, 0 for --help/--version, as clap's own exit.
            let _ = e.print();
            let code = e.exit_code();
            if code != 0 && console::alone_in_console() {
                console::wait_for_enter(Default::default());
            }
            return ExitCode::from(u8::try_from(code).unwrap_or(2));
        }
    };
    let outcome = noticeboard::cmd::run(cli);
    let mut stderr = std::io::stderr().lock();
    for line in outcome.report_lines() {
        let _ = writeln!(stderr, "{line}");
    }
    let mut stdout = std::io::stdout().lock();
    if let Some(text) = &outcome.stdout {
        let _ = stdout.write_all(text.as_bytes());
    }
    for line in outcome.output_lines() {
        if outcome.success {
            let _ = writeln!(stdout, "{line}");
        } else {
            let _ = writeln!(stderr, "{line}");
        }
    }
    let _ = stdout.flush();
    drop((stdout, stderr));
    if outcome.pause || (!outcome.success && console::alone_in_console()) {
        console::wait_for_enter(outcome.language);
    }
    if outcome.success {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}
