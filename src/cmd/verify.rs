//! `noticeboard verify`.

use crate::archive::verify::verify;
use crate::cli::VerifyArgs;
use crate::diag::{Diagnostic, Report};
use crate::message::Message;

use super::Outcome;

pub fn run(args: &VerifyArgs) -> Outcome {
    let mut report = Report::new();
    match verify(&args.target) {
        Ok(result) if result.problems.is_empty() => Outcome {
            lines: vec![Message::VerifyPassed {
                count: result.listed,
                manifest: result.manifest,
            }],
            report,
            success: true,
            ..Outcome::default()
        },
        Ok(result) => {
            let count = |f: fn(&crate::archive::verify::Problem) -> bool| {
                result.problems.iter().filter(|p| f(p)).count()
            };
            use crate::archive::verify::Problem;
            let line = Message::VerifyFailedCounts {
                missing: count(|p| matches!(p, Problem::Missing(_))),
                added: count(|p| matches!(p, Problem::Added(_))),
                altered: count(|p| matches!(p, Problem::Altered(_))),
                listed: result.listed,
                manifest: result.manifest.clone(),
            };
            for problem in &result.problems {
                report.push(Diagnostic::error(problem.message()).at(&args.target));
            }
            Outcome {
                lines: vec![line],
                report,
                success: false,
                ..Outcome::default()
            }
        }
        Err(d) => {
            report.push(d);
            Outcome {
                lines: vec![Message::VerifyFailed {}],
                report,
                success: false,
                ..Outcome::default()
            }
        }
    }
}
