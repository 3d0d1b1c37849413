//! What each kind means beyond its front matter: a campaign's dates, a
//! disclosure's number, notice period and attachments. Checked here (with file
//! and line) and turned into typed [`Details`]; statuses against the clock are
//! read from them by the render stage.

use std::path::{Path, PathBuf};

use jiff::civil::Date;

use crate::clock::parse_civil;
use crate::config::Config;
use crate::diag::{Diagnostic, Report};
use crate::digest::sha256_hex;
use crate::disclosure::calendar::{HolidayCalendar, NoticeUnit};
use crate::disclosure::number::{self, DocNumber};
use crate::disclosure::status::DayRange;
use crate::file_label::file_kind;
use crate::frontmatter::kind::Kind;
use crate::message::{List, Message};
use crate::parse::ParsedPage;

#[derive(Debug, Clone, PartialEq)]
pub enum Details {
    Plain,
    Campaign(Campaign),
    Disclosure(Box<Disclosure>),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Campaign {
    pub range: DayRange,
    /// The campaign's own tag (its first): news with it appear on its page.
    pub tag: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Notice {
    pub range: DayRange,
    /// The period crossed a year the holiday calendar does not know.
    pub uncertain: bool,
    pub days: Option<u32>,
    pub unit: Option<NoticeUnit>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Attachment {
    /// As written in front matter.
    pub file: String,
    pub title: String,
    /// Relative to the site root.
    pub source: PathBuf,
    /// File name in the page's output folder.
    pub name: String,
    pub size: u64,
    pub sha256: String,
    /// The SHA-256 of the file as written, when what is published differs
    /// (a photo without its metadata): what a format-1 ledger recorded.
    pub written_sha256: Option<String>,
    /// PDF, Word, Excel, 图片…
    pub kind: &'static str,
    /// A spreadsheet with `show: true`: its first sheet, to show inline.
    pub table: Option<crate::office::sheet::Grid>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Disclosure {
    pub number: DocNumber,
    pub notice: Option<Notice>,
    pub attachments: Vec<Attachment>,
    /// SHA-256 of the page's source text (BOM and CRLF normalized away, so a
    /// Windows checkout hashes the same).
    pub source_sha256: String,
}

pub struct KindContext<'a> {
    pub root: &'a Path,
    pub config: &'a Config,
    pub calendar: &'a HolidayCalendar,
}

pub fn page_details(
    page: &ParsedPage,
    ctx: &KindContext<'_>,
    report: &mut Report,
) -> Option<Details> {
    let errors_before = report.error_count();
    check_files(page, ctx, report);
    let details = match page.kind {
        Kind::Campaign => campaign(page, report).map(Details::Campaign),
        Kind::Disclosure => disclosure(page, ctx, report).map(|d| Details::Disclosure(Box::new(d))),
        _ => Some(Details::Plain),
    };
    if report.error_count() > errors_before {
        None
    } else {
        details
    }
}

fn error_at(page: &ParsedPage, key: &str, message: Message) -> Diagnostic {
    Diagnostic::error(message)
        .at(&page.path)
        .line_maybe(page.key_line(key))
}

fn read_day(page: &ParsedPage, key: &str, text: &str, report: &mut Report) -> Option<Date> {
    match parse_civil(text) {
        Some(dt) => Some(dt.date()),
        None => {
            report.push(
                error_at(
                    page,
                    key,
                    Message::NotADate {
                        field: key.to_string(),
                        text: text.to_string(),
                    },
                )
                .help(Message::DayFormat {}),
            );
            None
        }
    }
}

fn campaign(page: &ParsedPage, report: &mut Report) -> Option<Campaign> {
    let front = &page.front;
    let start = read_day(page, "start", front.start.as_deref()?, report);
    let end = read_day(page, "end", front.end.as_deref()?, report);
    let (start, end) = (start?, end?);
    if end < start {
        report.push(
            error_at(
                page,
                "end",
                Message::CampaignEndsEarly {
                    end: end.to_string(),
                    start: start.to_string(),
                },
            )
            .help(Message::CampaignSpanHelp {}),
        );
        return None;
    }
    Some(Campaign {
        range: DayRange {
            first: start,
            last: end,
        },
        tag: page.taxonomies.get("tags").and_then(|t| t.first().cloned()),
    })
}

fn disclosure(page: &ParsedPage, ctx: &KindContext<'_>, report: &mut Report) -> Option<Disclosure> {
    let front = &page.front;
    let number = match number::parse(front.number.as_deref().unwrap_or_default()) {
        Ok(n) => Some(n),
        Err(e) => {
            report.push(
                error_at(page, "number", *e.message).help(Message::NumberExpected {
                    example: number::EXAMPLE.to_string(),
                }),
            );
            None
        }
    };

    if let Some(category) = &front.category {
        let known = &ctx.config.disclosure.categories;
        if !known.is_empty() && !known.iter().any(|c| c == category) {
            report.push(
                error_at(
                    page,
                    "category",
                    Message::UnknownCategory {
                        category: category.clone(),
                    },
                )
                .help(Message::KnownCategories {
                    categories: List::of(known),
                }),
            );
        }
    }

    let notice = notice(page, ctx, report);
    let attachments = attachments(page, ctx, report);
    let source_sha256 = page.source_sha256.clone();
    Some(Disclosure {
        number: number?,
        notice,
        attachments,
        source_sha256,
    })
}

fn notice(page: &ParsedPage, ctx: &KindContext<'_>, report: &mut Report) -> Option<Notice> {
    let front = &page.front;
    if let Some(spec) = &front.notice {
        if front.notice_until.is_some() {
            report.push(
                error_at(page, "notice_until", Message::NoticeTwice {})
                    .help(Message::NoticeTwiceHelp {}),
            );
            return None;
        }
        let from = read_day(page, "notice", &spec.from, report)?;
        if spec.days == 0 || spec.days > 366 {
            report.push(
                error_at(
                    page,
                    "notice",
                    Message::NoticeDays {
                        days: u64::from(spec.days),
                    },
                )
                .help(Message::NoticeHelp {}),
            );
            return None;
        }
        let unit = match spec.unit.as_deref().map(str::trim) {
            None | Some("working_days") => NoticeUnit::WorkingDays,
            Some("calendar_days") => NoticeUnit::CalendarDays,
            Some(other) => {
                report.push(
                    error_at(
                        page,
                        "notice",
                        Message::NoticeUnit {
                            unit: other.to_string(),
                        },
                    )
                    .help(Message::NoticeUnitHelp {}),
                );
                return None;
            }
        };
        let end = ctx.calendar.notice_end(from, spec.days, unit);
        // Counting starts at the first working day on or after `from`.
        let mut first = from;
        if unit == NoticeUnit::WorkingDays {
            while ctx.calendar.is_working_day(first) == Some(false) && first < end.last_day {
                first = first.tomorrow().unwrap_or(first);
            }
        }
        if end.uncertain {
            let known: Vec<i16> = ctx.calendar.years().collect();
            let range = match (known.first(), known.last()) {
                (Some(a), Some(b)) => format!("{a}–{b}"),
                _ => "-".to_string(),
            };
            report.push(
                Diagnostic::warning(Message::NoticeUncertain {
                    from: from.to_string(),
                    range,
                    end: end.last_day.to_string(),
                })
                .at(&page.path)
                .line(page.key_line("notice").unwrap_or(1))
                .help(Message::NoticeUncertainHelp {}),
            );
        }
        return Some(Notice {
            range: DayRange {
                first,
                last: end.last_day,
            },
            uncertain: end.uncertain,
            days: Some(spec.days),
            unit: Some(unit),
        });
    }
    if let Some(until) = &front.notice_until {
        let last = read_day(page, "notice_until", until, report)?;
        let first = page.date.date();
        if last < first {
            report.push(error_at(
                page,
                "notice_until",
                Message::NoticeUntilEarly {
                    last: last.to_string(),
                    first: first.to_string(),
                },
            ));
            return None;
        }
        return Some(Notice {
            range: DayRange { first, last },
            uncertain: false,
            days: None,
            unit: None,
        });
    }
    None
}

/// Resolves a file a page names: from the page's own folder (its bundle, or the
/// section folder), or from the site root when it starts with `/`.
pub fn resolve_file(page: &ParsedPage, file: &str) -> Option<PathBuf> {
    resolve_named(&page.path, file)
}

/// [`resolve_file`] for the page at `page_path` (relative to the site root).
/// The answer is always a path inside `content/` or `static/` made only of
/// plain names, none hidden or an editor's: `\\` separates folders as `/`
/// does (as an officer on Windows types it), and a name with `:` (a drive, a
/// stream) is refused.
pub fn resolve_named(page_path: &Path, file: &str) -> Option<PathBuf> {
    let file = file.trim();
    if file.is_empty() || file.contains(':') {
        return None;
    }
    let parts = |s: &str| -> Option<PathBuf> {
        let names: Vec<&str> = s
            .split(['/', '\\'])
            .filter(|p| !p.is_empty() && *p != ".")
            .collect();
        if names.is_empty() || names.contains(&"..") {
            return None;
        }
        Some(names.into_iter().collect())
    };
    let rel: PathBuf = match file.strip_prefix(['/', '\\']) {
        Some(from_root) => parts(from_root)?,
        None => {
            let folder = page_path
                .parent()
                .map(Path::to_path_buf)
                .unwrap_or_default();
            folder.join(parts(file)?)
        }
    };
    // Only files of content/ and static/ are published, never through a hidden
    // or editor's name (a committed `.x -> /` link, `/.git/config`, `/.env`).
    crate::layout::is_publishable(&rel).then_some(rel)
}

fn check_files(page: &ParsedPage, ctx: &KindContext<'_>, report: &mut Report) {
    let front = &page.front;
    for (key, value) in [("photo", &front.photo), ("cover", &front.cover)] {
        let Some(file) = value else { continue };
        let Some(rel) = resolve_file(page, file) else {
            report.push(error_at(
                page,
                key,
                Message::FileNotPublishable {
                    field: key.to_string(),
                    file: file.clone(),
                },
            ));
            continue;
        };
        if !ctx.root.join(rel).is_file() {
            report.push(
                error_at(
                    page,
                    key,
                    Message::FieldFileNotFound {
                        field: key.to_string(),
                        file: file.clone(),
                    },
                )
                .help(Message::PutFileHelp {}),
            );
        }
    }
}

/// An attachment with `show: true`: a spreadsheet read for the page, a
/// warning for anything else, an error (with the line) for a sheet that
/// cannot be read.
fn inline_table(
    page: &ParsedPage,
    name: &str,
    bytes: &[u8],
    report: &mut Report,
) -> Option<crate::office::sheet::Grid> {
    let lower = name.to_lowercase();
    if ![".xlsx", ".csv"].iter().any(|e| lower.ends_with(e)) {
        report.push(
            Diagnostic::warning(Message::AttachmentNotShown {
                file: name.to_string(),
            })
            .at(&page.path)
            .line_maybe(page.key_line("attachments")),
        );
        return None;
    }
    match crate::office::sheet::read_table(name, bytes, None, None) {
        Ok(grid) => Some(grid),
        Err(problem) => {
            report.push(error_at(
                page,
                "attachments",
                Message::TableUnreadable {
                    file: name.to_string(),
                    problem: Box::new(problem),
                },
            ));
            None
        }
    }
}

fn attachments(page: &ParsedPage, ctx: &KindContext<'_>, report: &mut Report) -> Vec<Attachment> {
    let Some(list) = &page.front.attachments else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for spec in list {
        let Some(rel) = resolve_file(page, &spec.file) else {
            report.push(error_at(
                page,
                "attachments",
                Message::FileNotPublishable {
                    field: "attachments".to_string(),
                    file: spec.file.clone(),
                },
            ));
            continue;
        };
        let bytes = match std::fs::read(ctx.root.join(&rel)) {
            Ok(bytes) => bytes,
            Err(_) => {
                report.push(
                    error_at(
                        page,
                        "attachments",
                        Message::AttachmentNotFound {
                            file: spec.file.clone(),
                        },
                    )
                    .help(Message::ExpectedAt {
                        path: crate::shown_path::shown_path(&rel),
                    }),
                );
                continue;
            }
        };
        let name = rel
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| spec.file.clone());
        // What is listed (size, SHA-256, on the page and in the ledger) is what
        // is published: a photo goes out without its metadata, maybe upright.
        let published = crate::picture::published_file(&rel, &bytes, &ctx.config.images);
        let written_sha256 = (published.as_ref() != bytes.as_slice()).then(|| sha256_hex(&bytes));
        let table = if spec.show {
            inline_table(page, &name, &bytes, report)
        } else {
            None
        };
        out.push(Attachment {
            table,
            title: spec.title.clone().unwrap_or_else(|| name.clone()),
            file: spec.file.clone(),
            kind: file_kind(&name),
            size: published.len() as u64,
            sha256: sha256_hex(&published),
            written_sha256,
            name,
            source: rel,
        });
    }
    out
}
