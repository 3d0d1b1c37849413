//! What goes into the output folder, from every stage's result: theme and
//! site static files, page files, processed images, rendered pages.

use std::collections::BTreeSet;
use std::path::PathBuf;

use crate::diag::Diagnostic;
use crate::message::Message;

use crate::images::ImageSet;
use crate::load::{Sources, ThemeFile};
use crate::model::Site;
use crate::render;

use super::{Content, Entry};

/// `static/` files with their output paths.
pub fn static_destinations(sources: &Sources) -> Vec<(PathBuf, String)> {
    sources
        .static_files
        .iter()
        .map(|file| {
            let dest = file
                .rel
                .components()
                .map(|c| c.as_os_str().to_string_lossy())
                .collect::<Vec<_>>()
                .join("/");
            (file.path.clone(), dest)
        })
        .collect()
}

/// Theme static files, then the site's `static/` (which overrides them), then
/// page and section files, then processed images, then rendered pages: later entries with the same path
/// replace earlier ones.
pub fn collect_entries(
    sources: &Sources,
    site: &Site,
    image_set: &ImageSet,
    files: Vec<render::OutputFile>,
) -> Vec<Entry> {
    let mut by_path: std::collections::BTreeMap<String, Content> =
        std::collections::BTreeMap::new();
    for (path, file) in &sources.theme_static {
        let content = match file {
            ThemeFile::Embedded(bytes) => Content::Static(bytes),
            ThemeFile::Disk(p) => Content::Copy(sources.root.join(p)),
        };
        by_path.insert(path.clone(), content);
    }
    for file in &sources.static_files {
        let rel = file
            .rel
            .components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/");
        by_path.insert(rel, Content::Copy(sources.root.join(&file.path)));
    }
    for asset in &site.assets {
        by_path.insert(
            asset.dest.clone(),
            Content::Copy(sources.root.join(&asset.source)),
        );
    }
    // Processed sizes, and originals without their metadata over the copies.
    for (path, file) in &image_set.files {
        by_path.insert(path.clone(), Content::Link(file.clone()));
    }
    for file in files {
        by_path.insert(file.path, Content::Bytes(file.bytes));
    }
    by_path
        .into_iter()
        .map(|(path, content)| Entry { path, content })
        .collect()
}

/// [`alias_collisions`] against everything [`collect_entries`] would put in
/// the output besides the alias pages themselves.
pub fn check_aliases(
    sources: &Sources,
    site: &Site,
    image_set: &ImageSet,
    files: &[&str],
) -> Vec<Diagnostic> {
    let aliases: BTreeSet<&str> = site
        .pages
        .iter()
        .flat_map(|p| p.aliases.iter().map(String::as_str))
        .collect();
    if aliases.is_empty() {
        return Vec::new();
    }
    let mut seen: BTreeSet<&str> = BTreeSet::new();
    let statics: Vec<String> = static_destinations(sources)
        .into_iter()
        .map(|(_, d)| d)
        .collect();
    let others = sources
        .theme_static
        .keys()
        .map(String::as_str)
        .chain(statics.iter().map(String::as_str))
        .chain(site.assets.iter().map(|a| a.dest.as_str()))
        .chain(image_set.files.keys().map(String::as_str))
        .chain(files.iter().copied().filter(move |p| {
            // Each alias page once: it is the alias itself. A second file of
            // the same path is what the alias would replace.
            !(aliases.contains(p) && seen.insert(*p))
        }));
    alias_collisions(site, others)
}

/// Aliases that would take a path the site itself generates: a page, a
/// listing, the search page, `404.html`, a feed, a static file, a picture.
/// The output is a tree of files, so an alias also collides with a file
/// where it needs a folder (`/atom.xml` → `atom.xml/index.html`) and with a
/// folder where it needs a file; paths are compared ignoring case, because a
/// Windows or macOS disk would write both to one file. `others` is every
/// output path that is not an alias's.
fn alias_collisions<'a>(site: &Site, others: impl IntoIterator<Item = &'a str>) -> Vec<Diagnostic> {
    let taken: BTreeSet<String> = others.into_iter().map(str::to_lowercase).collect();
    let mut found = Vec::new();
    for page in &site.pages {
        for alias in &page.aliases {
            let Some(hit) = collision(&alias.to_lowercase(), &taken) else {
                continue;
            };
            found.push(
                Diagnostic::error(Message::AliasOverGenerated {
                    alias: as_url(alias),
                    taken: as_url(&hit),
                })
                .at(&page.parsed.path)
                .line_maybe(page.parsed.key_line("aliases"))
                .help(Message::AliasOverGeneratedHelp {}),
            );
        }
    }
    found
}

/// The taken path `alias` would replace or clash with, if any.
fn collision(alias: &str, taken: &BTreeSet<String>) -> Option<String> {
    if taken.contains(alias) {
        return Some(alias.to_string());
    }
    let mut folder = String::new();
    let parts: Vec<&str> = alias.split('/').collect();
    for part in &parts[..parts.len().saturating_sub(1)] {
        folder.push_str(part);
        if taken.contains(&folder) {
            return Some(folder);
        }
        folder.push('/');
    }
    let inside = format!("{alias}/");
    taken
        .range(inside.clone()..)
        .next()
        .filter(|p| p.starts_with(&inside))
        .cloned()
}

/// An output path as the address a reader types: `/search/` for
/// `search/index.html`.
fn as_url(path: &str) -> String {
    match path.strip_suffix("index.html") {
        Some(folder) => format!("/{folder}"),
        None => format!("/{path}"),
    }
}
