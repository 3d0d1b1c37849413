//! Disclosure sections' listings by year and category, and the links between
//! notices: unique document numbers, `corrects:` resolved.

use std::collections::BTreeMap;

use crate::config::Config;
use crate::diag::{Diagnostic, Report};
use crate::disclosure::skeleton::{disguised_characters, skeleton};
use crate::frontmatter::kind::Kind;
use crate::message::{List, Message};
use crate::slug::slugify;

use super::{Archive, Page, Section, kinds};

pub(super) fn disclosure_archives(
    config: &Config,
    sections: &[Section],
    pages: &[Page],
    report: &mut Report,
) -> Vec<Archive> {
    let mut archives = Vec::new();
    for (s, section) in sections.iter().enumerate() {
        if section.kind != Kind::Disclosure || section.is_home() {
            continue;
        }
        let mut years: BTreeMap<i16, Vec<usize>> = BTreeMap::new();
        let mut categories: BTreeMap<String, Vec<usize>> = BTreeMap::new();
        for &p in &section.pages {
            years
                .entry(pages[p].parsed.date.year())
                .or_default()
                .push(p);
            if let Some(c) = &pages[p].parsed.front.category {
                categories.entry(c.clone()).or_default().push(p);
            }
        }
        for (year, list) in years.into_iter().rev() {
            archives.push(Archive {
                section: s,
                path: format!("{}{year}/", section.path),
                title: format!("{year}"),
                by_year: true,
                pages: list,
            });
        }
        for (category, list) in categories {
            let mut slug = slugify(&category, config.slugs);
            if slug.is_empty() {
                slug = "category".to_string();
            }
            archives.push(Archive {
                section: s,
                path: format!("{}category/{slug}/", section.path),
                title: category,
                by_year: false,
                pages: list,
            });
        }
    }
    // One map of the page paths, not a scan of every page per archive: with a
    // category per notice that was quadratic in the number of notices.
    let by_path: BTreeMap<&str, &Page> = pages.iter().rev().map(|p| (p.path.as_str(), p)).collect();
    for archive in &archives {
        if let Some(page) = by_path.get(archive.path.as_str()) {
            report.push(
                Diagnostic::error(Message::PageIsArchive {
                    path: archive.path.to_string(),
                    title: archive.title.to_string(),
                })
                .at(&page.parsed.path)
                .help(Message::RenamePageHelp {}),
            );
        }
    }
    archives
}

/// Checks that document numbers are unique and resolves `corrects:` (a number
/// or a URL) to the disclosure it corrects. Numbers are compared by what they
/// look like ([`skeleton`]): `Union〔2026〕1号` with a Cyrillic `о` is the same
/// number to a reader, so it is a duplicate, not a second notice.
pub(super) fn link_disclosures(pages: &[Page], report: &mut Report) -> BTreeMap<usize, usize> {
    let mut by_number: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, page) in pages.iter().enumerate() {
        if let kinds::Details::Disclosure(d) = &page.details {
            by_number
                .entry(skeleton(&d.number.to_string()))
                .or_default()
                .push(i);
        }
    }
    for owners in by_number.values() {
        if owners.len() > 1 {
            let files: Vec<String> = owners
                .iter()
                .map(|&i| crate::shown_path::shown_path(&pages[i].parsed.path))
                .collect();
            let mut numbers: Vec<String> = owners
                .iter()
                .filter_map(|&i| match &pages[i].details {
                    kinds::Details::Disclosure(d) => Some(d.number.to_string()),
                    _ => None,
                })
                .collect();
            numbers.sort();
            numbers.dedup();
            let disguised: Vec<String> = numbers
                .iter()
                .flat_map(|n| disguised_characters(n))
                .collect();
            let first = &pages[owners[0]].parsed;
            let help = if disguised.is_empty() {
                Message::NumberUsedTwiceHelp {}
            } else {
                Message::LookAlikeHelp {
                    chars: List::of(disguised),
                }
            };
            report.push(
                Diagnostic::error(Message::NumberUsedTwice {
                    number: numbers.join(" / "),
                    files: List::of(files),
                })
                .at(&first.path)
                .line_maybe(first.key_line("number"))
                .help(help),
            );
        }
    }
    let mut corrects = BTreeMap::new();
    // The first page at each path, for `corrects:` written as a path (a scan
    // of every page per correction was quadratic).
    let by_path: BTreeMap<&str, usize> = pages
        .iter()
        .enumerate()
        .rev()
        .map(|(i, p)| (p.path.trim_end_matches('/'), i))
        .collect();
    for (i, page) in pages.iter().enumerate() {
        let Some(target) = page.parsed.front.corrects.as_deref().map(str::trim) else {
            continue;
        };
        let found = by_number
            .get(&skeleton(target))
            .and_then(|v| v.first().copied())
            .or_else(|| {
                let wanted = target.trim_matches('/');
                by_path.get(wanted).copied()
            });
        match found {
            Some(original) if original != i => {
                corrects.insert(i, original);
            }
            _ => {
                report.push(
                    Diagnostic::error(Message::CorrectsUnknown {
                        target: target.to_string(),
                    })
                    .at(&page.parsed.path)
                    .line_maybe(page.parsed.key_line("corrects"))
                    .help(Message::CorrectsHelp {}),
                );
            }
        }
        if page
            .parsed
            .front
            .reason
            .as_deref()
            .is_none_or(|r| r.trim().is_empty())
        {
            report.push(
                Diagnostic::error(Message::CorrectionNeedsReason {})
                    .at(&page.parsed.path)
                    .line_maybe(page.parsed.key_line("corrects")),
            );
        }
    }
    corrects
}
