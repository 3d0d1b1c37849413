//! `verify`: reads a snapshot (zip, tar.gz, or an unpacked folder), checks its
//! entry names, hashes every file and compares them with the snapshot's
//! `MANIFEST.sha256`. Nothing is unpacked to disk; entry names are only
//! compared, never used as paths.
//!
//! What this proves: the files are the ones the manifest inside the snapshot
//! lists. It does not prove who made the snapshot: whoever changes a file can
//! write a new manifest to match. The manifest's own SHA-256 ties it down:
//! `archive` prints it, and `verify --expect HASH` fails unless the manifest
//! is that one, so a hash kept or published somewhere trusted pins the whole
//! snapshot.

use crate::message::Message;
use std::fs::File;
use std::io::Read;
use std::path::Path;

use super::contents::{Contents, ReadFailure, read_folder, read_tar_gz, read_zip};
use super::manifest::{MANIFEST_FILE, parse_manifest};
use super::names::NameFinding;
use crate::diag::Diagnostic;
use crate::digest::sha256_hex;

/// What is wrong with the snapshot. Paths of files are relative to the
/// snapshot's top folder (files outside it keep their full name); names are
/// entry names as the archive holds them.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Problem {
    /// A name that unpacks outside the folder or over another file.
    Name(NameFinding),
    Missing(String),
    Added(String),
    Altered(String),
}

impl Problem {
    pub fn message(&self) -> Message {
        let manifest = MANIFEST_FILE.to_string();
        match self {
            Problem::Name(finding) => finding.message(),
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
    /// The SHA-256 of the manifest's bytes, to compare with a pinned one.
    pub manifest_hash: String,
    /// Files the manifest lists.
    pub listed: usize,
    /// Sorted: names first. When a name is wrong, nothing else is compared:
    /// such a snapshot was not made by `archive`, whatever its manifest says.
    pub problems: Vec<Problem>,
}

impl Verification {
    pub fn names_refused(&self) -> usize {
        self.problems
            .iter()
            .filter(|p| matches!(p, Problem::Name(_)))
            .count()
    }
}

/// Checks `target` (a `.zip`, a `.tar.gz`/`.tgz`, or a folder) against its
/// manifest. `Err` when it cannot be read or has no usable manifest.
pub fn verify(target: &Path) -> Result<Verification, Diagnostic> {
    let contents = read_contents(target)?;
    if !contents.names.findings.is_empty() {
        let mut problems: Vec<Problem> = contents
            .names
            .findings
            .iter()
            .cloned()
            .map(Problem::Name)
            .collect();
        problems.sort();
        let (manifest, manifest_hash) = match &contents.manifest {
            Some((name, bytes)) => (name.clone(), sha256_hex(bytes)),
            None => (MANIFEST_FILE.to_string(), String::new()),
        };
        return Ok(Verification {
            manifest,
            manifest_hash,
            listed: 0,
            problems,
        });
    }
    let Some((manifest_name, manifest_bytes)) = &contents.manifest else {
        return Err(Diagnostic::error(Message::NoManifest {
            manifest: MANIFEST_FILE.to_string(),
        })
        .at(target)
        .help(Message::NoManifestHelp {}));
    };
    let prefix = &manifest_name[..manifest_name.len() - MANIFEST_FILE.len()];
    let listed = parse_manifest(&String::from_utf8_lossy(manifest_bytes)).map_err(|bad| {
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
        manifest_hash: sha256_hex(manifest_bytes),
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
    // What a read that stopped means, given the message for a broken archive.
    let failed = |failure: ReadFailure, broken: fn(String) -> Message| match failure {
        ReadFailure::Io(e) => Diagnostic::error(broken(e.to_string())).at(target),
        ReadFailure::TooMuch { entry, limit } => Diagnostic::error(Message::TooMuchUnpacked {
            entry: super::names::shown(&entry),
            megabytes: (limit / 1_000_000) as usize,
        })
        .at(target)
        .help(Message::TooMuchUnpackedHelp {}),
    };
    let meta = std::fs::metadata(target).map_err(|e| unreadable(&e))?;
    if meta.is_dir() {
        return read_folder(target).map_err(|f| failed(f, |detail| Message::CannotRead { detail }));
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
        read_zip(target).map_err(|f| failed(f, |detail| Message::UnreadableZip { detail }))
    } else if name.ends_with(".tar.gz") || name.ends_with(".tgz") || magic == [0x1f, 0x8b] {
        read_tar_gz(target).map_err(|f| failed(f, |detail| Message::UnreadableTarGz { detail }))
    } else {
        Err(Diagnostic::error(Message::NotASnapshot {}).at(target))
    }
}
