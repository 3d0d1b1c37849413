//! `verify`: reads a snapshot (zip, tar.gz, or an unpacked folder), hashes every
//! file and compares them with the snapshot's `MANIFEST.sha256`. Nothing is
//! unpacked to disk; entry names are only compared, never used as paths.

use crate::message::Message;
use std::collections::BTreeMap;
use std::fs::File;
use std::io::{self, BufReader, Read};
use std::path::{Path, PathBuf};

use super::manifest::{MANIFEST_FILE, parse_manifest};
use crate::diag::Diagnostic;
use crate::digest::sha256_hex;

/// What differs from the manifest. Paths are relative to the snapshot's top
/// folder (files outside it keep their full name).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Problem {
    Missing(String),
    Added(String),
    Altered(String),
}

impl Problem {
    pub fn message(&self) -> Message {
        let manifest = MANIFEST_FILE.to_string();
        match self {
            Problem::Missing(p) => Message::SnapshotMissing {
                path: p.clone(),
                manifest,
            },
            Problem::Added(p) => Message::SnapshotAdded {
                path: p.clone(),
                manifest,
            },
            Problem::Altered(p) => Message::SnapshotAltered {
                path: p.clone(),
                manifest,
            },
        }
    }
}

#[derive(Debug)]
pub struct Verification {
    /// Where the manifest was found, e.g. `site-20261123/MANIFEST.sha256`.
    pub manifest: String,
    /// Files the manifest lists.
    pub listed: usize,
    pub problems: Vec<Problem>,
}

/// Every regular file of the snapshot, by its full name inside it.
type Hashes = BTreeMap<String, String>;

struct Contents {
    hashes: Hashes,
    /// Full name → text of every `MANIFEST.sha256` seen.
    manifests: BTreeMap<String, String>,
    /// Entries that are neither files nor folders (links, devices).
    odd: Vec<String>,
}

impl Contents {
    fn new() -> Contents {
        Contents {
            hashes: BTreeMap::new(),
            manifests: BTreeMap::new(),
            odd: Vec::new(),
        }
    }

    fn add(&mut self, name: String, bytes: Vec<u8>) {
        if name == MANIFEST_FILE || name.ends_with(&format!("/{MANIFEST_FILE}")) {
            self.manifests
                .insert(name.clone(), String::from_utf8_lossy(&bytes).into_owned());
        }
        self.hashes.insert(name, sha256_hex(&bytes));
    }
}

/// Checks `target` (a `.zip`, a `.tar.gz`/`.tgz`, or a folder) against its
/// manifest. `Err` when it cannot be read or has no usable manifest.
pub fn verify(target: &Path) -> Result<Verification, Diagnostic> {
    let contents = read_contents(target)?;
    // The manifest nearest the top: `MANIFEST.sha256` or `<folder>/MANIFEST.sha256`.
    let (manifest_name, manifest_text) = contents
        .manifests
        .iter()
        .min_by_key(|(name, _)| (name.matches('/').count(), name.as_str()))
        .ok_or_else(|| {
            Diagnostic::error(Message::NoManifest {
                manifest: MANIFEST_FILE.to_string(),
            })
            .at(target)
            .help(Message::NoManifestHelp {})
        })?;
    let prefix = &manifest_name[..manifest_name.len() - MANIFEST_FILE.len()];
    let listed = parse_manifest(manifest_text).map_err(|bad| {
        Diagnostic::error(Message::ManifestLine {
            manifest: manifest_name.clone(),
            line: bad.line,
            problem: bad.message,
        })
        .at(target)
    })?;

    let mut problems = Vec::new();
    let mut seen = 0;
    for (name, hash) in &contents.hashes {
        if name == manifest_name {
            continue;
        }
        let Some(rel) = name.strip_prefix(prefix) else {
            problems.push(Problem::Added(name.clone()));
            continue;
        };
        match listed.get(rel) {
            Some(expected) if expected == hash => seen += 1,
            Some(_) => {
                seen += 1;
                problems.push(Problem::Altered(rel.to_string()));
            }
            None => problems.push(Problem::Added(rel.to_string())),
        }
    }
    if seen < listed.len() {
        for rel in listed.keys() {
            if !contents.hashes.contains_key(&format!("{prefix}{rel}")) {
                problems.push(Problem::Missing(rel.clone()));
            }
        }
    }
    for name in &contents.odd {
        let rel = name.strip_prefix(prefix).unwrap_or(name);
        problems.push(Problem::Added(rel.to_string()));
    }
    problems.sort();
    Ok(Verification {
        manifest: manifest_name.clone(),
        listed: listed.len(),
        problems,
    })
}

fn read_contents(target: &Path) -> Result<Contents, Diagnostic> {
    let unreadable = |e: &dyn std::fmt::Display| {
        Diagnostic::error(Message::CannotRead {
            detail: e.to_string(),
        })
        .at(target)
    };
    let meta = std::fs::metadata(target).map_err(|e| unreadable(&e))?;
    if meta.is_dir() {
        return read_folder(target).map_err(|e| unreadable(&e));
    }
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    let mut magic = [0u8; 2];
    File::open(target)
        .and_then(|mut f| f.read_exact(&mut magic))
        .map_err(|e| unreadable(&e))?;
    if name.ends_with(".zip") || magic == *b"PK" {
        read_zip(target).map_err(|e| {
            Diagnostic::error(Message::UnreadableZip {
                detail: e.to_string(),
            })
            .at(target)
        })
    } else if name.ends_with(".tar.gz") || name.ends_with(".tgz") || magic == [0x1f, 0x8b] {
        read_tar_gz(target).map_err(|e| {
            Diagnostic::error(Message::UnreadableTarGz {
                detail: e.to_string(),
            })
            .at(target)
        })
    } else {
        Err(Diagnostic::error(Message::NotASnapshot {}).at(target))
    }
}

fn read_zip(path: &Path) -> io::Result<Contents> {
    let mut archive =
        zip::ZipArchive::new(BufReader::new(File::open(path)?)).map_err(io::Error::other)?;
    let mut contents = Contents::new();
    for i in 0..archive.len() {
        let mut entry = archive.by_index(i).map_err(io::Error::other)?;
        if entry.is_dir() {
            continue;
        }
        let name = entry.name().map_err(io::Error::other)?.into_owned();
        if entry.is_symlink() {
            contents.odd.push(name);
            continue;
        }
        let mut bytes = Vec::with_capacity(entry.size().min(1 << 26) as usize);
        entry.read_to_end(&mut bytes)?;
        contents.add(name, bytes);
    }
    Ok(contents)
}

fn read_tar_gz(path: &Path) -> io::Result<Contents> {
    let gz = flate2::read::GzDecoder::new(BufReader::new(File::open(path)?));
    let mut archive = tar::Archive::new(gz);
    let mut contents = Contents::new();
    for entry in archive.entries()? {
        let mut entry = entry?;
        let name = String::from_utf8_lossy(&entry.path_bytes()).into_owned();
        match entry.header().entry_type() {
            tar::EntryType::Directory => {}
            tar::EntryType::Regular | tar::EntryType::Continuous => {
                let mut bytes = Vec::new();
                entry.read_to_end(&mut bytes)?;
                contents.add(name, bytes);
            }
            _ => contents.odd.push(name),
        }
    }
    Ok(contents)
}

/// A folder: the snapshot's top folder itself, or the folder it was unpacked
/// into (names then start with the top folder, as in the archive).
fn read_folder(dir: &Path) -> io::Result<Contents> {
    let mut contents = Contents::new();
    let mut stack: Vec<PathBuf> = vec![dir.to_path_buf()];
    while let Some(current) = stack.pop() {
        for entry in std::fs::read_dir(&current)? {
            let entry = entry?;
            let path = entry.path();
            let kind = entry.file_type()?;
            let rel = path
                .strip_prefix(dir)
                .map_err(io::Error::other)?
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect::<Vec<_>>()
                .join("/");
            if kind.is_dir() {
                stack.push(path);
            } else if kind.is_file() {
                contents.add(rel, std::fs::read(&path)?);
            } else {
                contents.odd.push(rel);
            }
        }
    }
    Ok(contents)
}
