//! Files copied as they are: bundle and section files placed next to their
//! page or section, and attachments next to their page.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::load::AssetSource;

use super::{AssetCopy, Page, Section, kinds};

/// Attachments are published next to their page.
pub(super) fn attachment_copies(pages: &[Page]) -> Vec<AssetCopy> {
    let mut copies = Vec::new();
    for page in pages {
        if let kinds::Details::Disclosure(d) = &page.details {
            for a in &d.attachments {
                copies.push(AssetCopy {
                    source: a.source.clone(),
                    dest: format!("{}{}", page.path, a.name),
                });
            }
        }
    }
    copies
}

pub(super) fn place_assets(
    assets: &[AssetSource],
    sections: &[Section],
    pages: &[Page],
    section_index: &BTreeMap<PathBuf, usize>,
) -> Vec<AssetCopy> {
    let bundle_paths: BTreeMap<&Path, &str> = pages
        .iter()
        .filter_map(|p| p.parsed.bundle_dir.as_deref().map(|d| (d, p.path.as_str())))
        .collect();
    let mut copies = Vec::new();
    for asset in assets {
        let Some(owner) = &asset.owner else { continue };
        let base = match bundle_paths.get(owner.as_path()) {
            Some(path) => *path,
            None => match section_index.get(owner) {
                Some(&s) => sections[s].path.as_str(),
                // The owner is a draft bundle left out of this build.
                None => continue,
            },
        };
        let rel = asset
            .rel
            .components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/");
        copies.push(AssetCopy {
            source: asset.path.clone(),
            dest: format!("{base}{rel}"),
        });
    }
    copies
}
