//! Sections: one per `_index.md`, one per folder that holds pages without
//! describing itself, and their ancestors up to the home page.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::config::Config;
use crate::frontmatter::kind::Kind;
use crate::parse::{ParsedPage, ParsedSection};

use super::Section;
use super::urls::dir_path;

/// Sections: every `_index.md`, plus implicit ones for folders that hold pages
/// without describing themselves, plus their ancestors and the home page. Their
/// page lists are left empty. Also returns folder → section index.
pub(crate) fn build_sections<P: AsRef<ParsedPage>>(
    config: &Config,
    parsed: &[ParsedSection],
    pages_in: &[P],
    drafts: bool,
) -> (Vec<Section>, BTreeMap<PathBuf, usize>) {
    let style = config.slugs;
    // Sections: every `_index.md`, plus implicit ones for folders that hold pages
    // without describing themselves, plus their ancestors and the home page.
    let mut parsed_sections: BTreeMap<PathBuf, Option<&ParsedSection>> = BTreeMap::new();
    parsed_sections.insert(PathBuf::new(), None);
    for section in parsed {
        if section.front.draft.unwrap_or(false) && !drafts && !section.dir.as_os_str().is_empty() {
            continue;
        }
        parsed_sections.insert(section.dir.clone(), Some(section));
    }
    // Pages come sorted by file, so those of one folder follow each other:
    // compare with the last before hashing.
    let mut page_dirs: std::collections::HashSet<&Path> = std::collections::HashSet::new();
    let mut last: Option<&Path> = None;
    for page in pages_in {
        let dir = page.as_ref().section_dir.as_path();
        if last != Some(dir) {
            page_dirs.insert(dir);
            last = Some(dir);
        }
    }
    for dir in page_dirs {
        for dir in dir.ancestors() {
            parsed_sections.entry(dir.to_path_buf()).or_insert(None);
        }
    }

    let dirs: Vec<PathBuf> = parsed_sections.keys().cloned().collect();
    let index_of: BTreeMap<PathBuf, usize> = dirs
        .iter()
        .cloned()
        .enumerate()
        .map(|(i, d)| (d, i))
        .collect();
    let mut sections: Vec<Section> = Vec::with_capacity(dirs.len());
    for (dir, parsed_section) in parsed_sections {
        let parent = dir.parent().and_then(|p| index_of.get(p).copied());
        let path = dir_path(&dir, style);
        let folder_name = dir
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let section = match parsed_section {
            Some(ps) => {
                let summary_html = ps
                    .body
                    .more_summary
                    .clone()
                    .or_else(|| ps.body.first_paragraph.clone())
                    .unwrap_or_default();
                Section {
                    source: Some(ps.path.clone()),
                    path,
                    title: ps.title.clone(),
                    kind: ps.kind.unwrap_or(Kind::News),
                    weight: ps.front.weight.unwrap_or(0),
                    paginate: ps
                        .front
                        .paginate
                        .map(|n| n.max(1) as usize)
                        .unwrap_or(config.paginate),
                    content_html: ps.body.html().into_owned(),
                    summary_html,
                    template: ps.front.template.clone(),
                    parent,
                    subsections: Vec::new(),
                    pages: Vec::new(),
                    intro: (!ps.body.shortcodes.is_empty() || !ps.body.links.is_empty())
                        .then(|| Arc::new(intro_parse(ps, &dir))),
                    dir,
                }
            }
            None => Section {
                source: None,
                path,
                title: if dir.as_os_str().is_empty() {
                    config.title.clone()
                } else {
                    folder_name
                },
                kind: Kind::News,
                weight: 0,
                paginate: config.paginate,
                content_html: String::new(),
                summary_html: String::new(),
                template: None,
                parent,
                subsections: Vec::new(),
                pages: Vec::new(),
                intro: None,
                dir,
            },
        };
        sections.push(section);
    }
    for i in 0..sections.len() {
        if let Some(parent) = sections[i].parent {
            sections[parent].subsections.push(i);
        }
    }
    for i in 0..sections.len() {
        let mut subs = std::mem::take(&mut sections[i].subsections);
        subs.sort_by(|&a, &b| {
            (sections[a].weight, &sections[a].title, &sections[a].dir).cmp(&(
                sections[b].weight,
                &sections[b].title,
                &sections[b].dir,
            ))
        });
        sections[i].subsections = subs;
    }
    (sections, index_of)
}

/// A section's `_index.md` as a page's parse, for its shortcodes: files are
/// named relative to its folder, like a page's.
fn intro_parse(section: &ParsedSection, dir: &Path) -> ParsedPage {
    ParsedPage {
        path: section.path.clone(),
        section_dir: dir.to_path_buf(),
        bundle_dir: None,
        name: String::new(),
        kind: section.kind.unwrap_or(Kind::News),
        title: section.title.clone(),
        date: jiff::civil::DateTime::default(),
        updated: None,
        draft: false,
        front: section.front.clone(),
        taxonomies: BTreeMap::new(),
        body: section.body.clone(),
        summary_html: String::new(),
        search_terms: None,
        key_lines: BTreeMap::new(),
        source_sha256: String::new(),
        source_sum: 0,
    }
}
