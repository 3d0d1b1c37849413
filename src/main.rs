//! The `noticeboard` binary: parse the command line, run the command, print
//! what it reports, exit 0 (success), 1 (problems in the site) or 2 (bad usage).

use std::io::Write;
use std::process::ExitCode;

use clap::Parser;
use noticeboard::cli::Cli;
use noticeboard::messages;

const REPEATED_WARNINGS_SHOWN: usize = 3;

fn main() -> ExitCode {
    // clap exits with 2 on bad usage and 0 for --help/--version.
    let cli = Cli::parse();
    let outcome = noticeboard::cmd::run(cli);
    let mut stderr = std::io::stderr().lock();
    // The same warning in hundreds of files (a field every page has) is shown a
    // few times and then counted, so errors are not buried.
    let mut seen: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for diagnostic in outcome.report.sorted() {
        if !diagnostic.is_error() {
            let count = seen.entry(diagnostic.message.as_str()).or_default();
            *count += 1;
            if *count > REPEATED_WARNINGS_SHOWN {
                continue;
            }
        }
        let _ = writeln!(
            stderr,
            "{}",
            messages::localize(diagnostic, outcome.language)
        );
    }
    let mut repeated: Vec<(&str, usize)> = seen
        .into_iter()
        .filter(|&(_, n)| n > REPEATED_WARNINGS_SHOWN)
        .collect();
    repeated.sort();
    for (message, n) in repeated {
        let message = messages::translate(outcome.language, message);
        let _ = writeln!(
            stderr,
            "{}",
            messages::repeated(outcome.language, n - REPEATED_WARNINGS_SHOWN, &message)
        );
    }
    let errors = outcome.report.error_count();
    let warnings = outcome.report.warning_count();
    if errors + warnings > 0 {
        let _ = writeln!(
            stderr,
            "{}",
            messages::summary(outcome.language, errors, warnings)
        );
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
