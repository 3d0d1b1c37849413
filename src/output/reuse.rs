//! The previous output, reused: what a build after a small edit need not write.
//!
//! After every build that replaced the output, a manifest in the cache
//! (`<cache_dir>/output.manifest`) records each file it wrote: its path, a
//! SHA-256 key of its content, and the stamp the file had on disk (length,
//! modification time and, where the system has them, the inode). The next
//! build keys its own files the same way. A file whose key is the one
//! recorded, and whose counterpart in the current output still has the
//! recorded stamp, is hard-linked from the current output into the new one
//! instead of written again; when every file is such a file and the output
//! holds nothing else, the output is left as it is.
//!
//! The manifest is only ever a hint: a file is reused only after its stamp
//! was checked, so a page edited by hand in `public/`, a deleted file or a
//! manifest of another folder is written afresh; a damaged or foreign
//! manifest is ignored as a whole.

use std::collections::{HashMap, HashSet};
use std::fs;
use std::io::{self, Read as _};
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use sha2::{Digest, Sha256};

use super::{Content, Entry, safe_join};

const HEADER: &str = "noticeboard output manifest 2";

/// The manifest of the output a build leaves, in the site's cache folder.
pub const MANIFEST_FILE: &str = "output.manifest";

/// What a file's content is, hashed: two files of one key have the same bytes.
pub(crate) type Key = [u8; 32];

/// A file as it stands on disk: the same stamp, the same file, unless
/// something wrote to it behind our back and put its time back.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Stamp {
    len: u64,
    modified_ns: i128,
    /// Where the system has them: the inode, and when the inode last changed
    /// (a write in place moves it even when the writer puts the time back).
    inode: u64,
    changed_ns: i64,
    /// The file had more than one link when stamped: one the build kept
    /// from the output before, whose old link goes when that output is
    /// deleted, which moves the change time again. Its change time says
    /// nothing then; the rest still does.
    linked: bool,
}

impl Stamp {
    pub(crate) fn of(meta: &fs::Metadata) -> Stamp {
        let modified_ns = meta
            .modified()
            .ok()
            .and_then(|t| match t.duration_since(std::time::UNIX_EPOCH) {
                Ok(d) => i128::try_from(d.as_nanos()).ok(),
                Err(e) => i128::try_from(e.duration().as_nanos()).ok().map(|n| -n),
            })
            .unwrap_or(0);
        Stamp {
            len: meta.len(),
            modified_ns,
            inode: inode(meta),
            changed_ns: changed_ns(meta),
            linked: links(meta) > 1,
        }
    }

    /// Whether the file stamped `self` is still as it was, stamped `now`.
    pub(crate) fn still(&self, now: &Stamp) -> bool {
        self.len == now.len
            && self.modified_ns == now.modified_ns
            && self.inode == now.inode
            && (self.linked || self.changed_ns == now.changed_ns)
    }

    /// The stamp of the regular file at `path` (a link or a folder has none).
    pub(crate) fn at(path: &Path) -> Option<Stamp> {
        let meta = fs::symlink_metadata(path).ok()?;
        meta.file_type().is_file().then(|| Stamp::of(&meta))
    }
}

#[cfg(unix)]
fn inode(meta: &fs::Metadata) -> u64 {
    std::os::unix::fs::MetadataExt::ino(meta)
}

#[cfg(unix)]
fn changed_ns(meta: &fs::Metadata) -> i64 {
    use std::os::unix::fs::MetadataExt;
    meta.ctime()
        .saturating_mul(1_000_000_000)
        .saturating_add(meta.ctime_nsec())
}

#[cfg(unix)]
fn links(meta: &fs::Metadata) -> u64 {
    std::os::unix::fs::MetadataExt::nlink(meta)
}

#[cfg(not(unix))]
fn links(_meta: &fs::Metadata) -> u64 {
    1
}

#[cfg(not(unix))]
fn inode(_meta: &fs::Metadata) -> u64 {
    0
}

#[cfg(not(unix))]
fn changed_ns(_meta: &fs::Metadata) -> i64 {
    0
}

/// The files of one output folder as a build left them.
#[derive(Debug, Default)]
pub(crate) struct Manifest {
    /// The output folder, as the build named it.
    output: String,
    files: HashMap<String, (Key, Stamp)>,
}

impl Manifest {
    pub(crate) fn new(output: &Path) -> Manifest {
        Manifest {
            output: output.to_string_lossy().into_owned(),
            files: HashMap::new(),
        }
    }

    pub(crate) fn insert(&mut self, path: String, key: Key, stamp: Stamp) {
        self.files.insert(path, (key, stamp));
    }

    pub(crate) fn len(&self) -> usize {
        self.files.len()
    }

    /// The recorded key and stamp of `path`.
    /// The paths of the files recorded.
    pub(crate) fn paths(&self) -> impl Iterator<Item = &str> {
        self.files.keys().map(String::as_str)
    }

    pub(crate) fn get(&self, path: &str) -> Option<&(Key, Stamp)> {
        self.files.get(path)
    }

    /// The manifest at `file` if it describes `output`; `None` when it is
    /// missing, damaged or of another folder.
    pub(crate) fn read(file: &Path, output: &Path) -> Option<Manifest> {
        let bytes = fs::read(file).ok()?;
        let text = crate::text::utf8(&bytes)?;
        let mut lines = text.lines();
        if lines.next()? != HEADER {
            return None;
        }
        let named = lines.next()?.strip_prefix("output\t")?;
        let mut manifest = Manifest::new(output);
        if named != manifest.output {
            return None;
        }
        for line in lines {
            let mut fields = line.splitn(7, '\t');
            let key = parse_key(fields.next()?)?;
            let len = fields.next()?.parse().ok()?;
            let modified_ns = fields.next()?.parse().ok()?;
            let inode = fields.next()?.parse().ok()?;
            let changed_ns = fields.next()?.parse().ok()?;
            let linked = match fields.next()? {
                "1" => true,
                "0" => false,
                _ => return None,
            };
            let path = fields.next()?;
            if path.is_empty() || safe_join(Path::new("."), path).is_none() {
                return None;
            }
            let stamp = Stamp {
                len,
                modified_ns,
                inode,
                changed_ns,
                linked,
            };
            manifest.files.insert(path.to_string(), (key, stamp));
        }
        Some(manifest)
    }

    /// Writes the manifest to `file` atomically (temporary file, then rename).
    /// Paths that a line cannot hold (a tab or a line break) are left out:
    /// they are simply written again next time.
    pub(crate) fn write(&self, file: &Path) -> io::Result<()> {
        use std::fmt::Write as _;
        let mut text = format!("{HEADER}\noutput\t{}\n", self.output);
        let mut paths: Vec<&String> = self.files.keys().collect();
        paths.sort();
        for path in paths {
            if path.contains(['\t', '\n', '\r']) || self.output.contains(['\n', '\r']) {
                continue;
            }
            let (key, stamp) = &self.files[path];
            let _ = writeln!(
                text,
                "{}\t{}\t{}\t{}\t{}\t{}\t{path}",
                hex(key),
                stamp.len,
                stamp.modified_ns,
                stamp.inode,
                stamp.changed_ns,
                u8::from(stamp.linked),
            );
        }
        if let Some(parent) = file.parent() {
            fs::create_dir_all(parent)?;
        }
        let tmp = file.with_extension(format!("tmp-{}", std::process::id()));
        fs::write(&tmp, text)?;
        fs::rename(&tmp, file).inspect_err(|_| {
            let _ = fs::remove_file(&tmp);
        })
    }
}

fn hex(key: &Key) -> String {
    crate::digest::hex(key)
}

fn parse_key(text: &str) -> Option<Key> {
    if text.len() != 64 || !text.is_ascii() {
        return None;
    }
    let mut key = [0u8; 32];
    for (i, byte) in key.iter_mut().enumerate() {
        *byte = u8::from_str_radix(&text[2 * i..2 * i + 2], 16).ok()?;
    }
    Some(key)
}

/// The key of what `content` puts in the output. Bytes and copies are keyed
/// by their bytes; a file of our own cache (only ever replaced, never changed
/// in place) by where it is and its stamp, so a big photo is not read again.
pub(crate) fn key_of(content: &Content) -> io::Result<Key> {
    let mut hasher = Sha256::new();
    match content {
        Content::Bytes(bytes) => return Ok(key_of_bytes(bytes)),
        Content::Static(bytes) => return Ok(key_of_bytes(bytes)),
        Content::Copy(source) => {
            hasher.update(b"b");
            let mut file = fs::File::open(source)?;
            let mut buffer = vec![0u8; 64 * 1024];
            loop {
                let n = file.read(&mut buffer)?;
                if n == 0 {
                    break;
                }
                hasher.update(&buffer[..n]);
            }
        }
        Content::Link(source) => {
            let stamp = Stamp::at(source).ok_or_else(|| io::Error::other("not a file"))?;
            hasher.update(b"l");
            hasher.update(source.to_string_lossy().as_bytes());
            hasher.update(stamp.len.to_le_bytes());
            hasher.update(stamp.modified_ns.to_le_bytes());
            hasher.update(stamp.inode.to_le_bytes());
        }
    }
    Ok(hasher.finalize().into())
}

/// The key of bytes made in memory ([`key_of`] of [`Content::Bytes`]).
pub(crate) fn key_of_bytes(bytes: &[u8]) -> Key {
    let mut hasher = Sha256::new();
    hasher.update(b"b");
    hasher.update(bytes);
    hasher.finalize().into()
}

/// For each entry, whether the current output holds it already: its key is
/// the one `previous` recorded and the file there still has its stamp.
pub(crate) fn reusable(
    output: &Path,
    entries: &[&Entry],
    keys: &[Key],
    previous: &Manifest,
) -> Vec<bool> {
    entries
        .par_iter()
        .zip(keys)
        .map(|(entry, key)| {
            let Some((was, stamp)) = previous.get(&entry.path) else {
                return false;
            };
            was == key
                && safe_join(output, &entry.path)
                    .and_then(|p| Stamp::at(&p))
                    .is_some_and(|now| stamp.still(&now))
        })
        .collect()
}

/// [`reusable`] for one file made in memory: `key` is what the manifest
/// recorded at `path`, and the file there is still as it was written.
pub(crate) fn reusable_one(output: &Path, path: &str, key: &Key, previous: &Manifest) -> bool {
    previous.get(path).is_some_and(|(was, stamp)| {
        was == key
            && safe_join(output, path)
                .and_then(|p| Stamp::at(&p))
                .is_some_and(|now| stamp.still(&now))
    })
}

/// Whether `output` holds exactly the files of `paths` and the folders they
/// need: nothing a clean build would not make.
pub(crate) fn holds_only(output: &Path, paths: &HashSet<&str>) -> bool {
    fn walk(
        dir: &Path,
        rel: &str,
        paths: &HashSet<&str>,
        folders: &HashSet<String>,
    ) -> Option<usize> {
        let entries: Vec<fs::DirEntry> = fs::read_dir(dir).ok()?.collect::<Result<_, _>>().ok()?;
        entries
            .par_iter()
            .map(|entry| {
                let name = entry.file_name().into_string().ok()?;
                let path = if rel.is_empty() {
                    name
                } else {
                    format!("{rel}/{name}")
                };
                let kind = entry.file_type().ok()?;
                if kind.is_dir() {
                    folders
                        .contains(&path)
                        .then(|| walk(&entry.path(), &path, paths, folders))
                        .flatten()
                } else if kind.is_file() && paths.contains(path.as_str()) {
                    Some(1)
                } else {
                    None
                }
            })
            .try_reduce(|| 0, |a, b| Some(a + b))
    }
    let mut folders = HashSet::new();
    for path in paths {
        let mut at = 0;
        while let Some(slash) = path[at..].find('/') {
            folders.insert(path[..at + slash].to_string());
            at += slash + 1;
        }
    }
    walk(output, "", paths, &folders) == Some(paths.len())
}

/// How many files `output` holds if it is exactly as the build that wrote
/// the manifest `file` left it: every file it recorded with its stamp, and
/// nothing else.
pub fn still_as_written(output: &Path, file: &Path) -> Option<usize> {
    let manifest = Manifest::read(file, output)?;
    let intact = manifest.files.par_iter().all(|(path, (_, stamp))| {
        safe_join(output, path)
            .and_then(|p| Stamp::at(&p))
            .is_some_and(|now| stamp.still(&now))
    });
    let paths: HashSet<&str> = manifest.files.keys().map(String::as_str).collect();
    (intact && holds_only(output, &paths)).then_some(paths.len())
}

/// Where a build keeps the manifest of `output`'s files.
pub fn manifest_path(cache_dir: &Path) -> PathBuf {
    cache_dir.join(MANIFEST_FILE)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_manifest_reads_back_and_refuses_what_is_not_its_own() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        let file = dir.path().join("m");
        let mut manifest = Manifest::new(&out);
        let stamp = Stamp {
            len: 3,
            modified_ns: -5,
            inode: 7,
            changed_ns: 9,
            linked: true,
        };
        manifest.insert("a/index.html".into(), [1; 32], stamp);
        manifest.insert("tab\there".into(), [2; 32], stamp);
        manifest.write(&file).unwrap();
        let back = Manifest::read(&file, &out).unwrap();
        assert_eq!(back.len(), 1);
        assert_eq!(back.get("a/index.html"), Some(&([1; 32], stamp)));
        assert!(Manifest::read(&file, &dir.path().join("other")).is_none());
        let text = fs::read_to_string(&file).unwrap();
        for damaged in [
            text.replace("manifest 2", "manifest 9"),
            text.replace("a/index.html", "../../etc/passwd"),
            text.replacen("\t3\t", "\tthree\t", 1),
            text[..text.len() - 20].to_string() + "\n",
        ] {
            fs::write(&file, damaged).unwrap();
            assert!(Manifest::read(&file, &out).is_none());
        }
    }

    #[test]
    fn holds_only_sees_a_stray_file_and_a_missing_one() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path();
        fs::create_dir_all(out.join("a/b")).unwrap();
        fs::write(out.join("a/b/index.html"), "x").unwrap();
        fs::write(out.join("index.html"), "x").unwrap();
        let paths: HashSet<&str> = ["a/b/index.html", "index.html"].into();
        assert!(holds_only(out, &paths));
        fs::write(out.join("a/stray.html"), "x").unwrap();
        assert!(!holds_only(out, &paths));
        fs::remove_file(out.join("a/stray.html")).unwrap();
        fs::create_dir(out.join("empty")).unwrap();
        assert!(!holds_only(out, &paths));
        fs::remove_dir(out.join("empty")).unwrap();
        let more: HashSet<&str> = ["a/b/index.html", "index.html", "c.html"].into();
        assert!(!holds_only(out, &more));
    }
}
