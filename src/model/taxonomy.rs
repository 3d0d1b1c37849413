//! Taxonomies (tags, and any a site adds): terms gathered from pages, one term
//! per spelling that differs only in case or full/half width, slugs made unique.

use std::collections::BTreeMap;

use crate::config::Config;
use crate::diag::{Diagnostic, Report};
use crate::message::Message;
use crate::slug::slugify;

use super::Page;

#[derive(Debug, Clone)]
pub struct Term {
    /// The first spelling met, in file order.
    pub name: String,
    pub slug: String,
    pub path: String,
    /// Indexes into the site's pages, newest first.
    pub pages: Vec<usize>,
}

#[derive(Debug, Clone)]
pub struct Taxonomy {
    pub name: String,
    pub path: String,
    /// Sorted by name.
    pub terms: Vec<Term>,
    /// [`term_key`] → index into `terms`.
    pub index: BTreeMap<String, usize>,
}

/// Folds case and full-width forms so `ＡＩ` and `ai` are one term.
pub fn term_key(name: &str) -> String {
    term_key_of(name).into_owned()
}

/// [`term_key`], without a copy when `name` is a key already (most are:
/// Chinese has no case), for the lookups every page and card makes.
pub fn term_key_of(name: &str) -> std::borrow::Cow<'_, str> {
    let folded = |c: char| {
        let mut lower = c.to_lowercase();
        !c.is_whitespace()
            && !matches!(c as u32, 0xFF01..=0xFF5E)
            && lower.next() == Some(c)
            && lower.next().is_none()
    };
    if name.chars().all(folded) {
        return std::borrow::Cow::Borrowed(name);
    }
    let key = name
        .trim()
        .chars()
        .map(|c| match c as u32 {
            0xFF01..=0xFF5E => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            0x3000 => ' ',
            _ => c,
        })
        .flat_map(char::to_lowercase)
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    std::borrow::Cow::Owned(key)
}

/// `rank[p]`: page `p`'s place in newest-first order.
pub fn build_taxonomies(
    config: &Config,
    pages: &[Page],
    rank: &[usize],
    report: &mut Report,
) -> Vec<Taxonomy> {
    let mut out = Vec::new();
    for name in &config.taxonomies {
        let mut by_key: BTreeMap<String, (String, Vec<usize>, String)> = BTreeMap::new();
        for (i, page) in pages.iter().enumerate() {
            let Some(terms) = page.parsed.taxonomies.get(name) else {
                continue;
            };
            for term in terms {
                let key = term_key(term);
                if key.is_empty() {
                    continue;
                }
                let entry = by_key.entry(key).or_insert_with(|| {
                    (
                        term.trim().to_string(),
                        Vec::new(),
                        page.parsed.path.to_string_lossy().into_owned(),
                    )
                });
                // Pages come in order: a repeat can only be the last one.
                if entry.1.last() != Some(&i) {
                    entry.1.push(i);
                }
            }
        }
        let base = format!("{name}/");
        let mut used: BTreeMap<String, String> = BTreeMap::new();
        let mut terms = Vec::new();
        for (_, (term_name, mut term_pages, first_file)) in by_key {
            let mut slug = slugify(&term_name, config.slugs);
            if slug.is_empty() {
                slug = "term".to_string();
            }
            if let Some(other) = used.get(&slug) {
                let mut n = 2;
                while used.contains_key(&format!("{slug}-{n}")) {
                    n += 1;
                }
                let unique = format!("{slug}-{n}");
                report.push(
                    Diagnostic::warning(Message::TermsCollide {
                        taxonomy: name.to_string(),
                        term: term_name.to_string(),
                        other: other.to_string(),
                        url: format!("/{base}{slug}/"),
                        unique: format!("/{base}{unique}/"),
                    })
                    .at(&first_file)
                    .help(Message::TermsCollideHelp {}),
                );
                slug = unique;
            }
            used.insert(slug.clone(), term_name.clone());
            term_pages.sort_unstable_by_key(|&p| rank[p]);
            terms.push(Term {
                path: format!("{base}{slug}/"),
                name: term_name,
                slug,
                pages: term_pages,
            });
        }
        terms.sort_by(|a, b| (&a.name, &a.slug).cmp(&(&b.name, &b.slug)));
        let index = terms
            .iter()
            .enumerate()
            .map(|(i, t)| (term_key(&t.name), i))
            .collect();
        out.push(Taxonomy {
            name: name.clone(),
            path: base,
            terms,
            index,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn width_and_case_fold() {
        assert_eq!(term_key("ＡＩ　应用"), term_key("ai 应用"));
        assert_ne!(term_key("安全"), term_key("安全生产"));
    }

    #[test]
    fn a_name_that_is_a_key_already_is_not_copied() {
        use std::borrow::Cow;
        for (name, key) in [
            ("劳模", "劳模"),
            ("gb50016", "gb50016"),
            ("AI", "ai"),
            ("ＡＩ", "ai"),
            (" 安全  生产 ", "安全 生产"),
            ("a b", "a b"),
            ("ǅ", "ǆ"),
            ("İ", "i\u{307}"),
        ] {
            let made = term_key_of(name);
            assert_eq!(made, key, "{name}");
            // Spaces are tidied the long way, even where there was nothing to tidy.
            let plain = name == key && !name.contains(' ');
            assert_eq!(matches!(made, Cow::Borrowed(_)), plain, "{name}");
        }
    }
}
