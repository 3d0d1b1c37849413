//! `noticeboard verify`.

use crate::archive::verify::{Problem, Verification, verify};
use crate::cli::VerifyArgs;
use crate::diag::{Diagnostic, Report};
use crate::message::Message;

use super::Outcome;

pub fn run(args: &VerifyArgs) -> Outcome {
    let mut report = Report::new();
    let result = match verify(&args.target) {
        Ok(result) => result,
        Err(d) => {
            report.push(d);
            return failed(vec![Message::VerifyFailed {}], report);
        }
    };
    let at = |message: Message| Diagnostic::error(message).at(&args.target);
    let unsafe_names = result.names_refused();
    if unsafe_names > 0 {
        for (i, problem) in result.problems.iter().enumerate() {
            let d = at(problem.message());
            report.push(if i == 0 {
                d.help(Message::UnsafeNamesHelp {})
            } else {
                d
            });
        }
        let line = Message::VerifyUnsafeNames {
            count: unsafe_names,
        };
        return failed(vec![line], report);
    }
    for problem in &result.problems {
        report.push(at(problem.message()));
    }
    let pinned = match &args.expect {
        Some(expected) if *expected != result.manifest_hash => {
            report.push(
                at(Message::ManifestNotExpected {
                    manifest: result.manifest.clone(),
                    actual: result.manifest_hash.clone(),
                    expected: expected.clone(),
                })
                .help(Message::ManifestNotExpectedHelp {}),
            );
            Some(false)
        }
        Some(_) => Some(true),
        None => None,
    };
    if !result.problems.is_empty() {
        return failed(vec![counts(&result)], report);
    }
    if pinned == Some(false) {
        return failed(vec![Message::VerifyFailed {}], report);
    }
    let hash = result.manifest_hash.clone();
    Outcome {
        lines: vec![
            Message::VerifyPassed {
                count: result.listed,
                manifest: result.manifest,
            },
            if pinned == Some(true) {
                Message::VerifyPinned { hash }
            } else {
                Message::VerifyUnpinned { hash }
            },
        ],
        report,
        success: true,
        ..Outcome::default()
    }
}

fn counts(result: &Verification) -> Message {
    let count = |f: fn(&Problem) -> bool| result.problems.iter().filter(|p| f(p)).count();
    Message::VerifyFailedCounts {
        missing: count(|p| matches!(p, Problem::Missing(_))),
        added: count(|p| matches!(p, Problem::Added(_))),
        altered: count(|p| matches!(p, Problem::Altered(_))),
        listed: result.listed,
        manifest: result.manifest.clone(),
    }
}

fn failed(lines: Vec<Message>, report: Report) -> Outcome {
    Outcome {
        lines,
        report,
        success: false,
        ..Outcome::default()
    }
}
