//! Reading a snapshot for `verify`: every entry's name and the SHA-256 of its
//! bytes, from a zip, a tar.gz or an unpacked folder. Nothing is unpacked to
//! disk and no entry is held in memory: each is hashed as it streams by.
//!
//! A compressed snapshot may unpack to far more than its size (a zip bomb:
//! 1 MB that inflates to 1 GB). Unpacking stops once it has produced
//! [`RATIO`] times the archive's size, or [`FLOOR`] bytes if that is more: a
//! site's pages compress by 5 to 20 times, pictures not at all.

use std::cell::Cell;
use std::collections::BTreeMap;
use std::fs::File;
use std::io::{self, BufReader, Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};
use std::rc::Rc;

use super::manifest::MANIFEST_FILE;
use super::names::NameCheck;
use crate::digest::sha256_hex_of;

/// Unpacked bytes allowed per byte of archive.
pub const RATIO: u64 = 100;
/// Unpacked bytes allowed whatever the archive's size.
pub const FLOOR: u64 = 256 * 1024 * 1024;
/// The most a manifest may hold (a million files take 100 MB less than this).
pub const MANIFEST_MAX: u64 = 256 * 1024 * 1024;

pub struct Contents {
    /// Every regular file, by its full name inside the snapshot → SHA-256.
    pub hashes: BTreeMap<String, String>,
    /// The manifest nearest the top (`MANIFEST.sha256` or
    /// `<folder>/MANIFEST.sha256`): its name and bytes.
    pub manifest: Option<(String, Vec<u8>)>,
    /// Entries that are neither files nor folders (links, devices).
    pub odd: Vec<String>,
    pub names: NameCheck,
}

/// Why a snapshot could not be read to the end.
pub enum ReadFailure {
    Io(io::Error),
    /// Unpacking went past `limit` bytes, at entry `entry`.
    TooMuch {
        entry: String,
        limit: u64,
    },
}

impl From<io::Error> for ReadFailure {
    fn from(e: io::Error) -> Self {
        ReadFailure::Io(e)
    }
}

/// Counts what passes through it against a limit shared by every reader of
/// one snapshot; past the limit, reads fail.
struct Counted<R> {
    inner: R,
    used: Rc<Cell<u64>>,
    limit: u64,
}

impl<R: Read> Read for Counted<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.used.set(self.used.get().saturating_add(n as u64));
        if self.used.get() > self.limit {
            return Err(io::Error::other("unpacked more than the limit"));
        }
        Ok(n)
    }
}

/// The unpacking budget of one snapshot.
struct Budget {
    used: Rc<Cell<u64>>,
    limit: u64,
}

impl Budget {
    fn for_archive(path: &Path) -> io::Result<Budget> {
        let size = std::fs::metadata(path)?.len();
        Ok(Budget {
            used: Rc::new(Cell::new(0)),
            limit: size.saturating_mul(RATIO).max(FLOOR),
        })
    }

    fn wrap<R: Read>(&self, inner: R) -> Counted<R> {
        Counted {
            inner,
            used: self.used.clone(),
            limit: self.limit,
        }
    }

    /// What an error of a read through this budget means.
    fn failure(&self, e: io::Error, entry: &str) -> ReadFailure {
        if self.used.get() > self.limit {
            ReadFailure::TooMuch {
                entry: entry.to_string(),
                limit: self.limit,
            }
        } else {
            ReadFailure::Io(e)
        }
    }
}

fn is_manifest(name: &str) -> bool {
    name == MANIFEST_FILE || name.ends_with(&format!("/{MANIFEST_FILE}"))
}

/// Nearer the top first, then by name.
fn rank(name: &str) -> (usize, &str) {
    (name.matches('/').count(), name)
}

impl Contents {
    fn new() -> Contents {
        Contents {
            hashes: BTreeMap::new(),
            manifest: None,
            odd: Vec::new(),
            names: NameCheck::default(),
        }
    }

    /// Hashes one file as it is read; keeps its bytes too if it is the
    /// manifest nearest the top so far.
    fn add(&mut self, name: String, reader: &mut dyn Read) -> Result<(), ReadFailure> {
        self.names.file(&name);
        let better = is_manifest(&name)
            && self
                .manifest
                .as_ref()
                .is_none_or(|(best, _)| rank(&name) < rank(best));
        let hash = if better {
            let mut bytes = Vec::new();
            reader
                .take(MANIFEST_MAX + 1)
                .read_to_end(&mut bytes)
                .map_err(ReadFailure::Io)?;
            if bytes.len() as u64 > MANIFEST_MAX {
                return Err(ReadFailure::TooMuch {
                    entry: name,
                    limit: MANIFEST_MAX,
                });
            }
            let hash = crate::digest::sha256_hex(&bytes);
            self.manifest = Some((name.clone(), bytes));
            hash
        } else {
            sha256_hex_of(reader)?
        };
        self.hashes.insert(name, hash);
        Ok(())
    }

    fn add_odd(&mut self, name: String) {
        self.names.other(&name);
        self.odd.push(name);
    }
}

pub fn read_zip(path: &Path) -> Result<Contents, ReadFailure> {
    let budget = Budget::for_archive(path)?;
    let mut archive =
        zip::ZipArchive::new(BufReader::new(File::open(path)?)).map_err(io::Error::other)?;
    let mut contents = Contents::new();
    if archive.has_duplicate_names() {
        // The zip reader keeps one entry per name; the central directory
        // says which names came more than once.
        let start = archive.central_directory_start();
        for name in central_directory_names(path, start)? {
            contents.names.file(&name);
        }
        return Ok(contents);
    }
    // Names in the local headers that differ from the central directory's,
    // entries only one of them lists, entries sharing their bytes: what an
    // unpacker reading the archive front to back would see is not what is
    // checked here.
    archive
        .validate_header_consistency()
        .map_err(io::Error::other)?;
    for i in 0..archive.len() {
        let entry = archive.by_index(i).map_err(io::Error::other)?;
        let name = entry.name().map_err(io::Error::other)?.into_owned();
        if entry.is_dir() {
            contents.names.other(&name);
            continue;
        }
        if entry.is_symlink() {
            contents.add_odd(name);
            continue;
        }
        let mut counted = budget.wrap(entry);
        if let Err(failure) = contents.add(name.clone(), &mut counted) {
            return Err(match failure {
                ReadFailure::Io(e) => budget.failure(e, &name),
                other => other,
            });
        }
    }
    Ok(contents)
}

/// Every name the zip's central directory lists, duplicates included.
fn central_directory_names(path: &Path, start: u64) -> io::Result<Vec<String>> {
    let mut file = BufReader::new(File::open(path)?);
    file.seek(SeekFrom::Start(start))?;
    let mut names = Vec::new();
    loop {
        let mut fixed = [0u8; 46];
        if file.read_exact(&mut fixed).is_err() || fixed[..4] != [0x50, 0x4b, 0x01, 0x02] {
            return Ok(names);
        }
        let field = |at: usize| u64::from(u16::from_le_bytes([fixed[at], fixed[at + 1]]));
        let (name_len, extra_len, comment_len) = (field(28), field(30), field(32));
        let mut name = Vec::new();
        (&mut file).take(name_len).read_to_end(&mut name)?;
        names.push(String::from_utf8_lossy(&name).into_owned());
        file.seek_relative((extra_len + comment_len) as i64)?;
    }
}

pub fn read_tar_gz(path: &Path) -> Result<Contents, ReadFailure> {
    let budget = Budget::for_archive(path)?;
    let gz = flate2::read::GzDecoder::new(BufReader::new(File::open(path)?));
    let mut archive = tar::Archive::new(budget.wrap(gz));
    let mut contents = Contents::new();
    let mut last = String::new();
    let entries = archive.entries().map_err(|e| budget.failure(e, &last))?;
    for entry in entries {
        let mut entry = entry.map_err(|e| budget.failure(e, &last))?;
        let name = String::from_utf8_lossy(&entry.path_bytes()).into_owned();
        last.clone_from(&name);
        match entry.header().entry_type() {
            tar::EntryType::Directory => contents.names.other(&name),
            tar::EntryType::Regular | tar::EntryType::Continuous => {
                if let Err(failure) = contents.add(name.clone(), &mut entry) {
                    return Err(match failure {
                        ReadFailure::Io(e) => budget.failure(e, &name),
                        other => other,
                    });
                }
            }
            _ => contents.add_odd(name),
        }
    }
    Ok(contents)
}

/// A folder: the snapshot's top folder itself, or the folder it was unpacked
/// into (names then start with the top folder, as in the archive).
pub fn read_folder(dir: &Path) -> Result<Contents, ReadFailure> {
    let mut contents = Contents::new();
    let mut stack: Vec<PathBuf> = vec![dir.to_path_buf()];
    while let Some(current) = stack.pop() {
        let mut entries = std::fs::read_dir(&current)?.collect::<io::Result<Vec<_>>>()?;
        // Sorted, so that which of two colliding names is "first" is stable.
        entries.sort_by_key(|e| e.file_name());
        for entry in entries {
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
                contents.names.other(&rel);
                stack.push(path);
            } else if kind.is_file() {
                let mut file = File::open(&path)?;
                contents.add(rel, &mut file)?;
            } else {
                contents.add_odd(rel);
            }
        }
    }
    Ok(contents)
}
