//! Archives: a dated, self-contained snapshot of the site in one file, and the
//! check that a snapshot is still what was published.
//!
//! `archive` renders the site with relative links (so it opens from `file://`
//! and any sub-path), puts every file under one top-level folder with a
//! `MANIFEST.sha256` (sha256sum format) at its root, and writes a `.zip` or a
//! `.tar.gz`. The archive is reproducible: entries sorted, times taken from the
//! build clock, permissions fixed, no owner names. `verify` reads a snapshot (or
//! an unpacked folder) back, refuses names that would unpack outside it or over
//! one another, and names every missing, added or altered file; the manifest's
//! own hash, printed by `archive`, pins it (`verify --expect`).
//!
//! This module stops at bytes on disk: rendering is the build driver's job.

mod contents;
pub mod manifest;
pub mod names;
pub mod verify;
mod write;

use crate::message::Message;
use std::path::{Path, PathBuf};

use crate::build::{BuildOptions, render_output};
use crate::diag::{Diagnostic, Failed, Report};
use crate::output::Content;

pub use manifest::MANIFEST_FILE;

/// The two container formats, chosen by the output file's extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Zip,
    TarGz,
}

impl Format {
    /// `.zip`, `.tar.gz` or `.tgz` (any case); anything else is not an archive name.
    pub fn from_path(path: &Path) -> Option<Format> {
        let name = path.file_name()?.to_string_lossy().to_ascii_lowercase();
        if name.ends_with(".zip") {
            Some(Format::Zip)
        } else if name.ends_with(".tar.gz") || name.ends_with(".tgz") {
            Some(Format::TarGz)
        } else {
            None
        }
    }
}

#[derive(Debug, Clone, Default)]
pub struct ArchiveOptions {
    /// How to build the site; `relative` is forced on.
    pub build: BuildOptions,
    /// The archive file. Default: `<site>-<YYYYMMDD>.zip` in the current folder.
    pub out: Option<PathBuf>,
    /// The folder the default name goes in (the current folder when `None`).
    pub dir: Option<PathBuf>,
}

#[derive(Debug)]
pub struct ArchiveSummary {
    pub path: PathBuf,
    /// The top-level folder inside the archive.
    pub folder: String,
    /// Files listed in the manifest (the manifest itself not counted).
    pub files: usize,
    /// The SHA-256 of the manifest: written down or published, it pins the
    /// snapshot (`verify --expect`).
    pub manifest_hash: String,
    pub bytes: u64,
    pub report: Report,
}

/// One file of the snapshot: its path under the top folder and its bytes.
pub struct SnapshotFile {
    pub path: String,
    pub bytes: Vec<u8>,
}

/// Builds the site with relative links and writes it as one archive file.
pub fn archive(options: &ArchiveOptions) -> Result<ArchiveSummary, Failed> {
    let mut report = Report::new();
    let mut timings = Vec::new();
    let mut build = options.build.clone();
    build.relative = true;
    let Some(rendered) = render_output(&build, &mut timings, &mut report) else {
        return Err(Failed(report));
    };
    let config = &rendered.config;
    let today = rendered.clock.today_in(&config.timezone);
    let stem = format!(
        "{}-{:04}{:02}{:02}",
        site_name(&config.title, &build.root, config.slugs),
        today.year(),
        today.month(),
        today.day()
    );
    let path = options
        .out
        .clone()
        .unwrap_or_else(|| (options.dir.clone().unwrap_or_default()).join(format!("{stem}.zip")));
    let Some(format) = Format::from_path(&path) else {
        report.push(
            Diagnostic::error(Message::ArchiveName {
                name: crate::shown_path::shown_path(&path),
            })
            .help(Message::ArchiveNameHelp {}),
        );
        return Err(Failed(report));
    };
    if !replaceable(&path, format) {
        report.push(
            Diagnostic::error(Message::ArchiveNotReplaced {
                name: crate::shown_path::shown_path(&path),
            })
            .help(Message::ArchiveNameHelp {}),
        );
        return Err(Failed(report));
    }

    let mut files = Vec::with_capacity(rendered.entries.len());
    for entry in &rendered.entries {
        let bytes = match &entry.content {
            Content::Bytes(b) => b.clone(),
            Content::Static(b) => b.to_vec(),
            Content::Copy(source) | Content::Link(source) => match std::fs::read(source) {
                Ok(b) => b,
                Err(e) => {
                    report.push(
                        Diagnostic::error(Message::CannotRead {
                            detail: e.to_string(),
                        })
                        .at(source),
                    );
                    continue;
                }
            },
        };
        files.push(SnapshotFile {
            path: entry.path.clone(),
            bytes,
        });
    }
    if report.has_errors() {
        return Err(Failed(report));
    }
    if files.iter().any(|f| f.path == MANIFEST_FILE) {
        report.push(
            Diagnostic::error(Message::ManifestTaken {
                file: MANIFEST_FILE.to_string(),
            })
            .help(Message::ManifestTakenHelp {}),
        );
        return Err(Failed(report));
    }
    let manifest = manifest::write_manifest(&files);
    let manifest_hash = crate::digest::sha256_hex(manifest.as_bytes());
    let file_count = files.len();
    files.push(SnapshotFile {
        path: MANIFEST_FILE.to_string(),
        bytes: manifest.into_bytes(),
    });
    files.sort_by(|a, b| a.path.cmp(&b.path));

    let when = write::EntryTime::new(rendered.clock.now(), &config.timezone);
    match write::write_archive(&path, format, &stem, &files, &when) {
        Ok(bytes) => Ok(ArchiveSummary {
            path,
            folder: stem,
            files: file_count,
            manifest_hash,
            bytes,
            report,
        }),
        Err(d) => {
            report.push(d);
            Err(Failed(report))
        }
    }
}

/// The site's name for file names: its title as a slug, else the site folder's
/// name, else `site`.
fn site_name(title: &str, root: &Path, style: crate::slug::SlugStyle) -> String {
    let from_title = crate::slug::slugify(title, style);
    let usable = |s: &str| !s.is_empty() && !s.contains(['/', '\\', ':']);
    if usable(&from_title) {
        return from_title;
    }
    let folder = std::fs::canonicalize(root)
        .ok()
        .and_then(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
        .map(|n| crate::slug::slugify(&n, style))
        .unwrap_or_default();
    if usable(&folder) {
        folder
    } else {
        "site".to_string()
    }
}

/// `path` may be (re)written: it does not exist, or it is a regular file that
/// starts as an archive of `format` does. A document that happens to be called
/// `report.zip`, or a folder, is not replaced.
fn replaceable(path: &Path, format: Format) -> bool {
    let Ok(meta) = std::fs::symlink_metadata(path) else {
        return true;
    };
    if !meta.is_file() {
        return false;
    }
    let mut head = [0u8; 4];
    let read = std::fs::File::open(path)
        .and_then(|mut f| std::io::Read::read(&mut f, &mut head))
        .unwrap_or(0);
    match format {
        Format::Zip => read == 4 && (head == *b"PK\x03\x04" || head == *b"PK\x05\x06"),
        Format::TarGz => read >= 2 && head[..2] == [0x1f, 0x8b],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_from_names() {
        assert_eq!(Format::from_path(Path::new("a/b.zip")), Some(Format::Zip));
        assert_eq!(Format::from_path(Path::new("b.ZIP")), Some(Format::Zip));
        assert_eq!(
            Format::from_path(Path::new("b.tar.gz")),
            Some(Format::TarGz)
        );
        assert_eq!(Format::from_path(Path::new("b.tgz")), Some(Format::TarGz));
        assert_eq!(Format::from_path(Path::new("b.tar")), None);
        assert_eq!(Format::from_path(Path::new("b.rar")), None);
    }

    #[test]
    fn site_names_are_slugs() {
        let style = crate::slug::SlugStyle::Pinyin;
        assert_eq!(
            site_name("江城重机工会", Path::new("."), style),
            "jiang-cheng-zhong-ji-gong-hui"
        );
        assert_eq!(site_name("", Path::new("/nonexistent-x"), style), "site");
    }
}
