//! URLs and output paths: section paths and page slugs, `aliases` files, and
//! the check that no two files claim one URL.

use std::collections::BTreeMap;
use std::path::Path;

use crate::diag::{Diagnostic, Report};
use crate::layout::CONTENT_DIR;
use crate::message::{List, Message};
use crate::parse::ParsedPage;
use crate::slug::slugify;

use super::{Page, Section};

/// Output files of a page's `aliases`: `/old/path/` and `/old/path` become
/// `old/path/index.html`, `/old.html` stays a file. Paths that would leave the
/// output folder are refused.
pub(crate) fn alias_files(page: &ParsedPage, report: &mut Report) -> Vec<String> {
    let Some(aliases) = &page.front.aliases else {
        return Vec::new();
    };
    let mut files = Vec::new();
    for alias in &aliases.0 {
        let trimmed = alias.trim();
        let without_origin = match trimmed.find("://") {
            Some(i) => trimmed[i + 3..]
                .find('/')
                .map(|j| &trimmed[i + 3 + j..])
                .unwrap_or("/"),
            None => trimmed,
        };
        let clean = without_origin.split(['?', '#']).next().unwrap_or("");
        let parts: Vec<&str> = clean.split('/').filter(|p| !p.is_empty()).collect();
        let bad = parts.is_empty()
            || parts
                .iter()
                .any(|p| *p == ".." || *p == "." || p.contains('\\'));
        if bad {
            report.push(
                Diagnostic::error(Message::AliasBad {
                    alias: alias.to_string(),
                })
                .at(&page.path)
                .line_maybe(page.key_line("aliases"))
                .help(Message::AliasHelp {}),
            );
            continue;
        }
        let joined = parts.join("/");
        let last = parts.last().copied().unwrap_or("");
        if last.ends_with(".html") || last.ends_with(".htm") {
            files.push(joined);
        } else {
            files.push(format!("{joined}/index.html"));
        }
    }
    files
}

/// `news/` for `content/news`, each folder name made into a slug.
pub(super) fn dir_path(dir: &Path, style: crate::slug::SlugStyle) -> String {
    let mut path = String::new();
    for part in dir.components() {
        let name = part.as_os_str().to_string_lossy();
        let slug = slugify(&name, style);
        path.push_str(if slug.is_empty() { "section" } else { &slug });
        path.push('/');
    }
    path
}

pub(crate) fn page_slug(
    page: &ParsedPage,
    style: crate::slug::SlugStyle,
    report: &mut Report,
) -> String {
    if let Some(wanted) = page
        .front
        .slug
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
    {
        let slug = slugify(wanted, crate::slug::SlugStyle::Unicode);
        if slug.is_empty() {
            report.push(
                Diagnostic::error(Message::SlugEmpty {
                    slug: wanted.to_string(),
                })
                .at(&page.path)
                .line_maybe(page.key_line("slug"))
                .help(Message::SlugHelp {}),
            );
        } else {
            return slug;
        }
    }
    let slug = slugify(&page.name, style);
    if slug.is_empty() {
        // A name of only punctuation: fall back to the title.
        let from_title = slugify(&page.title, style);
        if from_title.is_empty() {
            "page".to_string()
        } else {
            from_title
        }
    } else {
        slug
    }
}

pub(super) fn check_duplicate_urls(sections: &[Section], pages: &[Page], report: &mut Report) {
    let mut owners: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    for section in sections {
        let owner = section
            .source
            .as_ref()
            .map(|p| crate::shown_path::shown_path(p))
            .unwrap_or_else(|| {
                crate::shown_path::shown_path(&std::path::Path::new(CONTENT_DIR).join(&section.dir))
            });
        owners.entry(section.path.as_str()).or_default().push(owner);
    }
    for page in pages {
        owners
            .entry(page.path.as_str())
            .or_default()
            .push(crate::shown_path::shown_path(&page.parsed.path));
    }
    let mut alias_owners: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for page in pages {
        for alias in &page.aliases {
            let as_path = alias
                .strip_suffix("index.html")
                .unwrap_or(alias)
                .to_string();
            alias_owners
                .entry(as_path)
                .or_default()
                .push(crate::shown_path::shown_path(&page.parsed.path));
        }
    }
    for (path, alias_files) in &alias_owners {
        let mut all = owners.get(path.as_str()).cloned().unwrap_or_default();
        let is_page = !all.is_empty();
        all.extend(alias_files.iter().cloned());
        if all.len() > 1 {
            let path = path.to_string();
            let files = List::of(all);
            let message = if is_page {
                Message::AliasOverPage { path, files }
            } else {
                Message::AliasTwice { path, files }
            };
            report.push(
                Diagnostic::error(message)
                    .at(&alias_files[0])
                    .help(Message::AliasOnceHelp {}),
            );
        }
    }
    for (path, files) in owners {
        if files.len() > 1 {
            let first = files[0].clone();
            // `café.md` typed on Windows and `café.md` copied from a Mac look the
            // same but are different names (NFC and NFD): say so, or the message
            // seems to name one file twice.
            let decomposed = files.iter().any(|f| f.chars().any(is_combining_mark));
            let help = if decomposed {
                Message::NamesDecomposedHelp {}
            } else {
                Message::RenameOneHelp {}
            };
            report.push(
                Diagnostic::error(Message::UrlTwice {
                    path: path.to_string(),
                    count: files.len(),
                    files: List::of(files),
                })
                .at(first)
                .help(help),
            );
        }
    }
}

/// Combining marks of the scripts a union site meets (Latin accents, kana
/// voicing marks): their presence in a file name means it is decomposed.
fn is_combining_mark(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{1DC0}'..='\u{1DFF}' | '\u{20D0}'..='\u{20FF}' | '\u{3099}' | '\u{309A}' | '\u{FE20}'..='\u{FE2F}')
}
