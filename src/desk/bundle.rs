//! A page bundle's files as the desk lists them: name, MIME type, the label
//! the page shows (PDF, Word…), size and SHA-256.

use std::path::{Path, PathBuf};

use serde::Serialize;

/// One file of a bundle, as the desk lists it.
#[derive(Debug, Serialize)]
pub struct BundleFile {
    pub name: String,
    pub size: u64,
    /// The MIME type its bytes show (`image/jpeg`, `application/pdf`).
    #[serde(rename = "type")]
    pub mime: &'static str,
    /// As the page lists it: PDF, Word, Excel, 图片…
    pub label: &'static str,
    pub sha256: String,
}

pub fn bundle_file(path: &Path) -> Option<BundleFile> {
    let name = path.file_name()?.to_string_lossy().into_owned();
    let bytes = std::fs::read(path).ok()?;
    Some(BundleFile {
        mime: super::types::mime_of(&bytes, &name),
        label: crate::file_label::file_kind(&name),
        size: bytes.len() as u64,
        sha256: crate::digest::sha256_hex(&bytes),
        name,
    })
}

/// The files of a bundle folder beside its `index.md`, by name.
pub fn bundle_files(dir: &Path) -> Vec<BundleFile> {
    let mut names: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .flatten()
                .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
                .map(|e| e.path())
                .filter(|p| {
                    let name = p.file_name().map(|n| n.to_string_lossy().into_owned());
                    name.is_some_and(|n| !crate::layout::is_ignored_name(&n) && !n.ends_with(".md"))
                })
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names.iter().filter_map(|p| bundle_file(p)).collect()
}
