//! The imported page's front matter: the title (Title style, else the 公文
//! title, else the first heading, else the file name), the date (成文日期,
//! else the document's creation date, else today) and, for a disclosure,
//! the 文号, the issuer, the category and the 附件 found beside the .docx.
//! The document's author and other metadata are never copied.

use std::path::{Path, PathBuf};

use crate::config::Config;
use crate::disclosure::number::{self, DocNumber};
use crate::frontmatter::kind::Kind;
use crate::message::Message;
use crate::office::docx::Document;
use crate::office::docx::gongwen::{Front, read_front};
use crate::parse::ParsedSite;

use super::ImportOptions;

#[derive(Debug, Clone, Default, PartialEq)]
pub struct PageFront {
    pub title: String,
    pub date: String,
    pub number: Option<String>,
    pub issuer: Option<String>,
    pub category: Option<String>,
    /// `(file, title)`.
    pub attachments: Vec<(String, String)>,
}

pub struct PageParts {
    pub front: PageFront,
    pub gongwen: Front,
    /// Body blocks the front matter now says.
    pub used: Vec<usize>,
    pub warnings: Vec<Message>,
}

pub fn page_front(
    doc: &Document,
    stem: &str,
    options: &ImportOptions,
    parsed: &ParsedSite,
    config: &Config,
    _root: &Path,
) -> PageParts {
    let gongwen = read_front(&doc.blocks);
    let mut used = gongwen.used.clone();
    let mut warnings = Vec::new();
    let title = match &gongwen.title {
        Some(t) => t.clone(),
        None => match super::first_heading(&doc.blocks, &used) {
            Some((i, text)) => {
                used.push(i);
                text
            }
            None => stem.to_string(),
        },
    };
    let date = gongwen
        .date
        .clone()
        .or_else(|| {
            doc.created
                .as_deref()
                .and_then(|c| c.get(..10))
                .filter(|d| jiff::civil::Date::strptime("%Y-%m-%d", d).is_ok())
                .map(str::to_string)
        })
        .unwrap_or_else(|| options.today.clone());
    let mut front = PageFront {
        title,
        date,
        ..PageFront::default()
    };
    if options.kind == Kind::Disclosure {
        front.number = gongwen.number.clone().or_else(|| {
            let number = next_number(parsed, config, &front.date);
            warnings.push(Message::ImportNumberAssigned {
                number: number.clone(),
            });
            Some(number)
        });
        front.issuer = gongwen.issuer.clone();
        front.category = options.category.clone();
    }
    // For other kinds the signature and date stay where they were.
    if options.kind != Kind::Disclosure {
        used.retain(|i| !is_signature_block(&gongwen, *i, doc));
    }
    used.sort_unstable();
    used.dedup();
    PageParts {
        front,
        gongwen,
        used,
        warnings,
    }
}

/// Whether block `i` is the signature or the date line (kept in a news body).
fn is_signature_block(front: &Front, i: usize, doc: &Document) -> bool {
    let Some(crate::office::docx::Block::Para(p)) = doc.blocks.get(i) else {
        return false;
    };
    let text: String = p.text().chars().filter(|c| !c.is_whitespace()).collect();
    crate::office::docx::gongwen::written_date(&text).is_some()
        || front.issuer.as_deref() == Some(text.as_str()) && !p.centered
}

/// The next free number of the date's year, with the prefix the site uses.
fn next_number(parsed: &ParsedSite, config: &Config, date: &str) -> String {
    let existing: Vec<DocNumber> = (parsed.pages.iter())
        .filter_map(|p| p.front.number.as_deref())
        .filter_map(|n| number::parse(n).ok())
        .collect();
    let year: i32 = date.get(..4).and_then(|y| y.parse().ok()).unwrap_or(2026);
    let prefix = config
        .disclosure
        .number_format
        .as_deref()
        .and_then(|f| f.split('〔').next())
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(str::to_string)
        .or_else(|| {
            existing
                .iter()
                .max_by_key(|n| (n.year, n.seq))
                .map(|n| n.prefix.clone())
        })
        .unwrap_or_else(|| "工会".to_string());
    number::next_free(&existing, &prefix, year).to_string()
}

pub struct FoundAttachment {
    /// The file name, as copied into the bundle.
    pub file: String,
    /// The name as the 附件 list gives it.
    pub title: String,
    pub source: PathBuf,
}

/// The files in `dir` the 附件 list names: the same file name, or the same
/// name before the extension.
pub fn find_attachments(dir: &Path, names: &[String]) -> Vec<FoundAttachment> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut files: Vec<(String, PathBuf)> = entries
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
        .map(|e| (e.file_name().to_string_lossy().into_owned(), e.path()))
        .filter(|(n, _)| !crate::layout::is_ignored_name(n) && !n.to_lowercase().ends_with(".docx"))
        .collect();
    files.sort();
    let mut out = Vec::new();
    for name in names {
        let found = files.iter().find(|(f, _)| f == name).or_else(|| {
            files.iter().find(|(f, _)| {
                Path::new(f)
                    .file_stem()
                    .is_some_and(|s| s.to_string_lossy() == *name)
            })
        });
        if let Some((file, source)) = found {
            out.push(FoundAttachment {
                file: file.clone(),
                title: name.clone(),
                source: source.clone(),
            });
        }
    }
    out
}

/// A YAML string in double quotes.
fn quoted(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

impl PageFront {
    pub fn to_yaml(&self, kind: Kind) -> String {
        let mut out = String::from("---\n");
        out.push_str(&format!("title: {}\n", quoted(&self.title)));
        out.push_str(&format!("date: {}\n", self.date));
        if let Some(n) = &self.number {
            out.push_str(&format!("number: {}\n", quoted(n)));
        }
        if let Some(c) = &self.category {
            out.push_str(&format!("category: {}\n", quoted(c)));
        }
        if let Some(i) = &self.issuer {
            out.push_str(&format!("issuer: {}\n", quoted(i)));
        }
        if kind == Kind::Disclosure && !self.attachments.is_empty() {
            out.push_str("attachments:\n");
            for (file, title) in &self.attachments {
                let sheet = [".xlsx", ".csv"]
                    .iter()
                    .any(|e| file.to_lowercase().ends_with(e));
                out.push_str(&format!(
                    "  - {{file: {}, title: {}{}}}\n",
                    quoted(file),
                    quoted(title),
                    if sheet { ", show: true" } else { "" }
                ));
            }
        }
        out.push_str("---\n");
        out
    }
}
