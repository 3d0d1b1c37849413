//! What goes into the output folder, from every stage's result: theme and
//! site static files, page files, processed images, rendered pages.

use std::path::PathBuf;

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
