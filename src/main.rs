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
    for diagnostic in outcome.report.sorted() {
        let _ = writeln!(stderr, "{diagnostic}");
    }
    let errors = outcome.report.error_count();
    let warnings = outcome.report.warning_count();
    if errors + warnings > 0 {
        let _ = writeln!(stderr, "{errors} error(s), {warnings} warning(s)");
    }
    let mut stdout = std::io::stdout().lock();
    for line in &outcome.lines {
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
