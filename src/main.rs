//! The `noticeboard` binary: parse the command line, run the command, print
//! what it reports, exit 0 (success), 1 (problems in the site) or 2 (bad usage).

use std::io::Write;
use std::process::ExitCode;

use clap::Parser;
use noticeboard::cli::Cli;

fn main() -> ExitCode {
    // clap exits with 2 on bad usage and 0 for --help/--version.
    let cli = Cli::parse();
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
    if outcome.success {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}
