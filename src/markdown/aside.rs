//! Page bodies put aside on disk while a big build runs.
//!
//! Between parsing a page and rendering it, a build holds every page's HTML:
//! most of a 100,000-page site's memory. A `build` writes each body, once
//! rendered from its Markdown, to one file in the site's cache folder and
//! keeps only where it is; the page's render reads it back. The file is the
//! build's own (its name carries the process id), deleted when the build is
//! done with it; a file left by a killed build is deleted by the next.
//!
//! A body that cannot be read back is never published as empty: the store
//! notes the failure, and the build fails with it ([`Aside::failure`]).
//!
//! The same kind of file, kept ([`Aside::keep`]), holds the bodies of the
//! cache of rendered Markdown ([`super::store`]) from one build to the next.

use std::borrow::Cow;
use std::fs::{self, File};
use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

/// Start of the store's file name, in the cache folder.
const PREFIX: &str = "bodies-";
const SUFFIX: &str = ".tmp";

/// The file bodies are put aside in.
#[derive(Debug)]
pub struct Aside {
    file: Option<File>,
    path: PathBuf,
    end: AtomicU64,
    failure: Mutex<Option<String>>,
    failed: AtomicBool,
    /// A kept file outlives the store; a build's own is deleted with it.
    kept: bool,
}

/// Where one body is in an [`Aside`].
#[derive(Debug, Clone)]
pub struct Placed {
    store: Arc<Aside>,
    offset: u64,
    len: usize,
}

impl Aside {
    /// A new, empty store in `dir` (created), after deleting what earlier
    /// builds that were killed left there.
    pub fn create(dir: &Path) -> io::Result<Arc<Aside>> {
        fs::create_dir_all(dir)?;
        remove_leftovers(dir);
        let path = dir.join(format!("{PREFIX}{}{SUFFIX}", std::process::id()));
        let file = fs::OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(true)
            .open(&path)?;
        Ok(Arc::new(Aside {
            file: Some(file),
            path,
            end: AtomicU64::new(0),
            failure: Mutex::new(None),
            failed: AtomicBool::new(false),
            kept: false,
        }))
    }

    /// The store in the file at `path`, made if there is none, kept when the
    /// store goes: what is put in goes at its end.
    pub fn keep(path: &Path) -> io::Result<Arc<Aside>> {
        let file = fs::OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(path)?;
        let end = file.metadata()?.len();
        Ok(Arc::new(Aside {
            file: Some(file),
            path: path.to_path_buf(),
            end: AtomicU64::new(end),
            failure: Mutex::new(None),
            failed: AtomicBool::new(false),
            kept: true,
        }))
    }

    /// How many bytes the file holds, with what this store put in.
    pub fn len(&self) -> u64 {
        self.end.load(Ordering::Relaxed)
    }

    /// `len` bytes at `offset`, read without noting a failure: for a reader
    /// that checks them and has another way when they are not there.
    pub(crate) fn read_bytes(&self, offset: u64, len: usize) -> io::Result<Vec<u8>> {
        let file = self
            .file
            .as_ref()
            .ok_or_else(|| io::Error::other("closed"))?;
        let mut buffer = vec![0u8; len];
        read_exact_at(file, &mut buffer, offset)?;
        Ok(buffer)
    }

    /// Where `len` bytes at `offset` are: a body put in by an earlier build.
    pub(crate) fn placed(self: &Arc<Aside>, offset: u64, len: usize) -> Placed {
        Placed {
            store: self.clone(),
            offset,
            len,
        }
    }

    /// Writes `text` at the end of the store; safe from several threads.
    pub fn put(self: &Arc<Aside>, text: &str) -> io::Result<Placed> {
        let len = text.len();
        let offset = self.end.fetch_add(len as u64, Ordering::Relaxed);
        let file = self
            .file
            .as_ref()
            .ok_or_else(|| io::Error::other("closed"))?;
        write_all_at(file, text.as_bytes(), offset)?;
        Ok(Placed {
            store: self.clone(),
            offset,
            len,
        })
    }

    fn read(&self, offset: u64, len: usize) -> Option<String> {
        let file = self.file.as_ref()?;
        let mut buffer = vec![0u8; len];
        let result = read_exact_at(file, &mut buffer, offset).and_then(|()| {
            let text = crate::text::utf8(&buffer).ok_or_else(|| io::Error::other("not UTF-8"));
            text.map(str::to_owned)
        });
        match result {
            Ok(text) => Some(text),
            Err(e) => {
                self.failed.store(true, Ordering::Relaxed);
                let mut failure = self.failure.lock().unwrap_or_else(|p| p.into_inner());
                failure.get_or_insert_with(|| e.to_string());
                None
            }
        }
    }

    /// Why a body could not be read back, if one could not: what was made
    /// from it is wrong and must not be published.
    pub fn failure(&self) -> Option<(PathBuf, String)> {
        if !self.failed.load(Ordering::Relaxed) {
            return None;
        }
        let failure = self.failure.lock().unwrap_or_else(|p| p.into_inner());
        Some((self.path.clone(), failure.clone().unwrap_or_default()))
    }
}

impl Placed {
    /// Where the body starts in its store's file.
    pub fn offset(&self) -> u64 {
        self.offset
    }

    /// The body's text, read back (empty, and the store's failure noted, if
    /// it cannot be).
    pub fn text(&self) -> Cow<'static, str> {
        Cow::Owned(self.store.read(self.offset, self.len).unwrap_or_default())
    }
}

impl Drop for Aside {
    fn drop(&mut self) {
        // Closed first: Windows deletes no open file.
        drop(self.file.take());
        if !self.kept {
            let _ = fs::remove_file(&self.path);
        }
    }
}

/// Deletes stores that builds no longer use: the name carries the process
/// id, and one of a live process may still be in use.
fn remove_leftovers(dir: &Path) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    let own = std::process::id();
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let Some(pid) = name
            .strip_prefix(PREFIX)
            .and_then(|rest| rest.strip_suffix(SUFFIX))
            .and_then(|pid| pid.parse::<u32>().ok())
        else {
            continue;
        };
        if pid != own && unused(&entry, pid) {
            let _ = fs::remove_file(entry.path());
        }
    }
}

#[cfg(target_os = "linux")]
fn unused(_entry: &fs::DirEntry, pid: u32) -> bool {
    !Path::new(&format!("/proc/{pid}")).exists()
}

/// Elsewhere there is no cheap way to ask whether the process runs: a store
/// is taken to be unused once nothing wrote to it for a day.
#[cfg(not(target_os = "linux"))]
fn unused(entry: &fs::DirEntry, _pid: u32) -> bool {
    let day = std::time::Duration::from_secs(24 * 60 * 60);
    entry
        .metadata()
        .and_then(|m| m.modified())
        .ok()
        .and_then(|t| t.elapsed().ok())
        .is_some_and(|age| age > day)
}

#[cfg(unix)]
fn write_all_at(file: &File, bytes: &[u8], offset: u64) -> io::Result<()> {
    std::os::unix::fs::FileExt::write_all_at(file, bytes, offset)
}

#[cfg(unix)]
fn read_exact_at(file: &File, buffer: &mut [u8], offset: u64) -> io::Result<()> {
    std::os::unix::fs::FileExt::read_exact_at(file, buffer, offset)
}

#[cfg(windows)]
fn write_all_at(file: &File, mut bytes: &[u8], mut offset: u64) -> io::Result<()> {
    use std::os::windows::fs::FileExt;
    while !bytes.is_empty() {
        let n = file.seek_write(bytes, offset)?;
        if n == 0 {
            return Err(io::ErrorKind::WriteZero.into());
        }
        bytes = &bytes[n..];
        offset += n as u64;
    }
    Ok(())
}

#[cfg(windows)]
fn read_exact_at(file: &File, mut buffer: &mut [u8], mut offset: u64) -> io::Result<()> {
    use std::os::windows::fs::FileExt;
    while !buffer.is_empty() {
        let n = file.seek_read(buffer, offset)?;
        if n == 0 {
            return Err(io::ErrorKind::UnexpectedEof.into());
        }
        buffer = &mut buffer[n..];
        offset += n as u64;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bodies_read_back_as_written_from_several_threads_and_the_file_goes() {
        let dir = tempfile::tempdir().unwrap();
        let store = Aside::create(dir.path()).unwrap();
        let texts: Vec<String> = (0..200).map(|i| format!("<p>第{i}段：工会</p>")).collect();
        let placed: Vec<Placed> = std::thread::scope(|s| {
            let handles: Vec<_> = texts
                .chunks(50)
                .map(|chunk| {
                    let store = store.clone();
                    s.spawn(move || {
                        chunk
                            .iter()
                            .map(|t| store.put(t).unwrap())
                            .collect::<Vec<_>>()
                    })
                })
                .collect();
            handles
                .into_iter()
                .flat_map(|h| h.join().unwrap())
                .collect()
        });
        for (text, placed) in texts.iter().zip(&placed) {
            assert_eq!(placed.text(), text.as_str());
        }
        assert!(store.failure().is_none());
        let path = store.path.clone();
        assert!(path.exists());
        drop(placed);
        drop(store);
        assert!(!path.exists(), "the store deletes its file");
    }

    #[test]
    fn a_body_that_cannot_be_read_is_a_failure_not_silence() {
        let dir = tempfile::tempdir().unwrap();
        let store = Aside::create(dir.path()).unwrap();
        let placed = store.put("<p>正文</p>").unwrap();
        let beyond = Placed {
            store: store.clone(),
            offset: 1000,
            len: 10,
        };
        assert_eq!(beyond.text(), "");
        assert!(store.failure().is_some());
        assert_eq!(placed.text(), "<p>正文</p>");
    }

    #[test]
    #[cfg(target_os = "linux")]
    fn a_dead_build_s_store_is_deleted_and_other_files_stay() {
        let dir = tempfile::tempdir().unwrap();
        let dead = dir.path().join(format!("{PREFIX}{}{SUFFIX}", u32::MAX - 1));
        fs::write(&dead, "old").unwrap();
        fs::write(dir.path().join("output.manifest"), "keep").unwrap();
        let _store = Aside::create(dir.path()).unwrap();
        assert!(!dead.exists());
        assert!(dir.path().join("output.manifest").exists());
    }
}
