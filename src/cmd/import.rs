//! `noticeboard import FILE...`: each Word document becomes a page bundle
//! (through [`crate::import::import_docx`]); a folder stands for the .docx
//! files directly inside it. Prints each page made and what was guessed;
//! a file that fails is reported and the others go on.

use std::path::{Path, PathBuf};

use crate::cli::{ImportArgs, KindArg};
use crate::diag::{Diagnostic, Report};
use crate::frontmatter::kind::Kind;
use crate::import::{DocxSource, ImportOptions, import_docx};
use crate::message::Message;

use super::Outcome;

fn kind_of(arg: KindArg) -> Kind {
    match arg {
        KindArg::News => Kind::News,
        KindArg::ModelWorker => Kind::ModelWorker,
        KindArg::Craftsman => Kind::Craftsman,
        KindArg::Campaign => Kind::Campaign,
        KindArg::Disclosure => Kind::Disclosure,
    }
}

/// The files named, folders opened to the .docx files directly inside (sorted).
fn expand(files: &[PathBuf], report: &mut Report) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for path in files {
        if path.is_dir() {
            let mut found: Vec<PathBuf> = std::fs::read_dir(path)
                .into_iter()
                .flatten()
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| {
                    p.is_file()
                        && p.extension()
                            .is_some_and(|e| e.eq_ignore_ascii_case("docx"))
                })
                .filter(|p| {
                    !p.file_name()
                        .is_some_and(|n| n.to_string_lossy().starts_with("~$"))
                })
                .collect();
            found.sort();
            if found.is_empty() {
                report.push(Diagnostic::error(Message::ImportNoDocx {}).at(path));
            }
            out.extend(found);
        } else {
            out.push(path.clone());
        }
    }
    out
}

pub fn run(args: &ImportArgs) -> Outcome {
    let mut report = Report::new();
    let mut lines = Vec::new();
    let Some(config) = crate::build::load_config(&args.root, None, &mut report) else {
        return Outcome {
            report,
            ..Outcome::default()
        };
    };
    let Some(clock) =
        super::clock_or_report(args.clock.now.as_deref(), &config.timezone, &mut report)
    else {
        return Outcome {
            report,
            ..Outcome::default()
        };
    };
    let options = ImportOptions {
        section: args.section.clone(),
        kind: kind_of(args.kind),
        category: args.category.clone(),
        today: clock.now_in(&config.timezone).date().to_string(),
        beside: None,
    };
    let files = expand(&args.files, &mut report);
    let mut failed = 0;
    for file in &files {
        match import_docx(&args.root, DocxSource::Path(file), &options) {
            Ok(done) => {
                lines.push(Message::Imported {
                    path: shown(&done.page),
                });
                lines.push(Message::ImportTitleFound {
                    title: done.front.title.clone(),
                });
                lines.push(Message::ImportDateFound {
                    date: done.front.date.clone(),
                });
                if let Some(number) = &done.front.number {
                    lines.push(Message::ImportNumberFound {
                        number: number.clone(),
                    });
                }
                if let Some(issuer) = &done.front.issuer {
                    lines.push(Message::ImportIssuerFound {
                        issuer: issuer.clone(),
                    });
                }
                let c = &done.counts;
                lines.push(Message::ImportCounts {
                    paragraphs: c.paragraphs,
                    headings: c.headings,
                    tables: c.tables,
                    pictures: c.pictures,
                });
                for (level, text) in &c.guessed {
                    lines.push(Message::ImportGuessedHeading {
                        level: usize::from(*level),
                        text: text.clone(),
                    });
                }
                for (name, from) in &done.converted {
                    lines.push(Message::ImportConvertedPicture {
                        name: name.clone(),
                        from: from.clone(),
                    });
                }
                report.extend(done.warnings);
            }
            Err(d) => {
                failed += 1;
                report.push(d);
            }
        }
    }
    if failed > 0 {
        lines.push(Message::ImportFailed { count: failed });
    }
    let success = failed == 0 && !report.has_errors();
    Outcome {
        lines,
        report,
        success,
        ..Outcome::default()
    }
}

fn shown(path: &Path) -> String {
    path.display().to_string().replace('\\', "/")
}
