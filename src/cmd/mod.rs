//! One file per command: turn arguments into options, call the library, return
//! what `main` prints. Commands never print themselves, except progress lines
//! passed back in [`Outcome::lines`].

pub mod archive;
pub mod build;
pub mod check;
pub mod console;
pub mod import;
pub mod init;
pub mod new;
pub mod serve;
pub mod start;
pub mod verify;
pub mod wechat;

use crate::cli::{Cli, Command};
use crate::diag::Report;

/// What a command produced: messages for the terminal and the report of
/// problems. `success` false means exit code 1.
#[derive(Debug, Default)]
pub struct Outcome {
    pub lines: Vec<crate::message::Message>,
    pub report: Report,
    pub success: bool,
    /// The site's language, for the summary and the common messages.
    pub language: crate::i18n::Language,
    /// What the command writes to stdout as it is (`wechat`'s fragment).
    pub stdout: Option<String>,
    /// Wait for Enter before exiting (the double-click start), so a window
    /// Explorer opened stays until its last words are read.
    pub pause: bool,
}

impl Outcome {
    /// The report as `main` prints it on stderr, in the site's language: the
    /// one printing policy, [`crate::diag::report_lines`], that serve uses too.
    pub fn report_lines(&self) -> Vec<String> {
        crate::diag::report_lines(&self.report, self.language)
    }

    /// The command's own lines, in the site's language.
    pub fn output_lines(&self) -> Vec<String> {
        self.lines.iter().map(|m| m.render(self.language)).collect()
    }
}

pub fn run(cli: Cli) -> Outcome {
    let Some(command) = cli.command else {
        return start::run(&start::Places::of_this_process());
    };
    match command {
        Command::Init(args) => Outcome {
            language: match args.lang {
                crate::cli::Lang::ZhCn => crate::i18n::Language::ZhCn,
                crate::cli::Lang::En => crate::i18n::Language::En,
            },
            ..init::run(&args)
        },
        Command::Build(args) => Outcome {
            language: crate::config::language_of(&args.root),
            ..build::run(&args)
        },
        Command::Check(args) => Outcome {
            language: crate::config::language_of(&args.root),
            ..check::run(&args)
        },
        Command::New(args) => Outcome {
            language: crate::config::language_of(&args.root),
            ..new::run(&args)
        },
        Command::Serve(args) => Outcome {
            language: crate::config::language_of(&args.root),
            ..serve::run(&args)
        },
        Command::Import(args) => Outcome {
            language: crate::config::language_of(&args.root),
            ..import::run(&args)
        },
        Command::Archive(args) => Outcome {
            language: crate::config::language_of(&args.root),
            ..archive::run(&args)
        },
        Command::Wechat(args) => Outcome {
            language: crate::config::language_of(&args.root),
            ..wechat::run(&args)
        },
        Command::Verify(args) => verify::run(&args),
        Command::RemoveOldOutput { dir } => Outcome {
            lines: Vec::new(),
            report: Report::new(),
            success: crate::output::remove_trash(&dir),
            ..Outcome::default()
        },
    }
}

fn source_date_epoch() -> Option<String> {
    std::env::var("SOURCE_DATE_EPOCH").ok()
}

/// The clock `--now` or `SOURCE_DATE_EPOCH` set, else the system's, in
/// `timezone`; a bad `--now` goes into `report`.
fn clock_or_report(
    now: Option<&str>,
    timezone: &jiff::tz::TimeZone,
    report: &mut Report,
) -> Option<crate::clock::Clock> {
    crate::clock::Clock::from_sources(now, source_date_epoch().as_deref(), timezone)
        .map_err(|message| report.push(crate::diag::Diagnostic::error(message)))
        .ok()
}
