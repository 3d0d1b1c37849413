//! `noticeboard verify`.

use crate::archive::verify::verify;
use crate::cli::VerifyArgs;
use crate::diag::{Diagnostic, Report};

use super::Outcome;

pub fn run(args: &VerifyArgs) -> Outcome {
    let mut report = Report::new();
    match verify(&args.target) {
        Ok(result) if result.problems.is_empty() => Outcome {
            lines: vec![format!(
                "ok: all {} files match {}",
                result.listed, result.manifest
            )],
            report,
            success: true,
            ..Outcome::default()
        },
        Ok(result) => {
            let count = |f: fn(&crate::archive::verify::Problem) -> bool| {
                result.problems.iter().filter(|p| f(p)).count()
            };
            use crate::archive::verify::Problem;
            let line = format!(
                "verify failed: {} missing, {} added, {} altered (of {} files in {})",
                count(|p| matches!(p, Problem::Missing(_))),
                count(|p| matches!(p, Problem::Added(_))),
                count(|p| matches!(p, Problem::Altered(_))),
                result.listed,
                result.manifest
            );
            for problem in &result.problems {
                report.push(Diagnostic::error(problem.to_string()).at(&args.target));
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
                lines: vec!["verify failed".to_string()],
                report,
                success: false,
                ..Outcome::default()
            }
        }
    }
}
