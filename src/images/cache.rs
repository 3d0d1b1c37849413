//! The processed-image cache: files named by a hash of the source's bytes and
//! the settings that made them, kept across builds in `<cache_dir>/images/`.
//!
//! A key never depends on a path or a modification time, so renaming or
//! touching a photo costs no encode and a changed photo never reuses a stale
//! picture. To find the key without reading the photo, `stamps.tsv` keeps each
//! source's size and modification time with its [`Facts`]: a warm build reads
//! only photos whose stamp moved. Files are written under a temporary name and renamed, so a killed
//! build leaves no half-written entry. [`ImageCache::clean`] removes what the
//! last build did not use.

use std::collections::{BTreeSet, HashMap};
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use crate::picture::process::Size;

pub struct ImageCache {
    root: PathBuf,
    dir: PathBuf,
}

/// The list of [`Facts`] by source, in the cache folder (never cleaned away).
pub const STAMPS_FILE: &str = "stamps.tsv";

/// A source file's size and modification time (ns since 1970).
pub type Stamp = (u64, u128);

/// What reading a source told: remembered under its [`Stamp`] so that a warm
/// build finds its processed files without reading or hashing the photo.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Facts {
    pub content: [u8; 32],
    /// Upright size.
    pub size: Size,
    /// Processed sizes are PNG (the picture has transparency).
    pub png_variants: bool,
    /// Extension of the stripped original in the cache.
    pub original_ext: &'static str,
}

/// The stamp of a file, if it can be read.
pub fn stamp_of(path: &Path) -> Option<Stamp> {
    let meta = fs::metadata(path).ok()?;
    let modified = meta.modified().ok()?;
    let ns = modified
        .duration_since(std::time::SystemTime::UNIX_EPOCH)
        .ok()?
        .as_nanos();
    Some((meta.len(), ns))
}

/// SHA-256 of a source file's bytes: read and hashed once per build.
pub fn content_hash(bytes: &[u8]) -> [u8; 32] {
    Sha256::digest(bytes).into()
}

/// The cache key of a source (by its [`content_hash`]) processed with the
/// settings `fingerprint`: 32 hex digits of SHA-256.
pub fn cache_key(fingerprint: &str, content: &[u8; 32]) -> String {
    let digest = Sha256::new()
        .chain_update(fingerprint.as_bytes())
        .chain_update([0u8])
        .chain_update(content)
        .finalize();
    crate::digest::hex(&digest[..16])
}

impl ImageCache {
    /// The cache under `root/cache_dir/images`.
    pub fn new(root: &Path, cache_dir: &str) -> ImageCache {
        let mut dir = root.to_path_buf();
        for part in cache_dir.split(['/', '\\']).filter(|p| !p.is_empty()) {
            dir.push(part);
        }
        dir.push("images");
        ImageCache {
            root: root.to_path_buf(),
            dir,
        }
    }

    /// The first folder on the way from the site to the cache that is a
    /// symbolic link, if any. The cache is written and cleaned only in real
    /// folders of the site: through a link, the clean-up would delete files in
    /// whatever folder the link names.
    pub fn link_on_the_way(&self) -> Option<PathBuf> {
        crate::layout::link_on_the_way(&self.root, &self.dir)
    }

    /// `<key>.<w>x<h>.<ext>`: one size of a processed image.
    pub fn variant_path(&self, key: &str, size: Size, ext: &str) -> PathBuf {
        self.dir
            .join(format!("{key}.{}x{}.{ext}", size.width, size.height))
    }

    /// `<key>.orig.<ext>`: an original without its metadata.
    pub fn original_path(&self, key: &str, ext: &str) -> PathBuf {
        self.dir.join(format!("{key}.orig.{ext}"))
    }

    /// Writes one entry atomically (temporary name, then rename).
    pub fn store(&self, path: &Path, bytes: &[u8]) -> io::Result<()> {
        fs::create_dir_all(&self.dir)?;
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        // Unique per writer: two identical photos (a copy beside the original)
        // share a key, and their jobs may store it at the same moment.
        static WRITES: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
        let n = WRITES.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let tmp = self
            .dir
            .join(format!(".{name}.{}-{n}.tmp", std::process::id()));
        fs::write(&tmp, bytes)?;
        fs::rename(&tmp, path).inspect_err(|_| {
            let _ = fs::remove_file(&tmp);
        })
    }

    /// The remembered facts, if the file was written under the same
    /// `settings` (a line saying what makes the sizes and what is accepted).
    pub fn read_stamps(&self, settings: &str) -> HashMap<PathBuf, (Stamp, Facts)> {
        let mut found = HashMap::new();
        let Ok(text) = fs::read_to_string(self.dir.join(STAMPS_FILE)) else {
            return found;
        };
        let mut lines = text.lines();
        if lines.next() != Some(&stamps_header(settings)) {
            return found;
        }
        for line in lines {
            if let Some((path, stamp, facts)) = parse_stamp(line) {
                found.insert(path, (stamp, facts));
            }
        }
        found
    }

    /// Replaces the remembered facts with `entries`.
    pub fn write_stamps(
        &self,
        settings: &str,
        entries: &[(PathBuf, Stamp, Facts)],
    ) -> io::Result<()> {
        let mut text = stamps_header(settings);
        text.push('\n');
        for (path, (len, ns), facts) in entries {
            let Some(path) = path.to_str().filter(|p| !p.contains(['\t', '\n', '\r'])) else {
                continue;
            };
            let hex = crate::digest::hex(&facts.content);
            text.push_str(&format!(
                "{path}\t{len}\t{ns}\t{hex}\t{}\t{}\t{}\t{}\n",
                facts.size.width,
                facts.size.height,
                u8::from(facts.png_variants),
                facts.original_ext
            ));
        }
        self.store(&self.dir.join(STAMPS_FILE), text.as_bytes())
    }

    /// Deletes every entry whose key is not in `used`, and leftovers of killed
    /// builds. Only names the cache itself gives ([`is_cache_name`]) and only
    /// regular files go: whatever else a person (or a misplaced `cache_dir`)
    /// put in the folder stays. Returns how many files went.
    pub fn clean(&self, used: &BTreeSet<String>) -> usize {
        if self.link_on_the_way().is_some() {
            return 0;
        }
        let Ok(entries) = fs::read_dir(&self.dir) else {
            return 0;
        };
        let mut removed = 0;
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            let Some(owned) = is_cache_name(&name) else {
                continue;
            };
            let stale = match owned {
                CacheName::Entry(key) => !used.contains(key),
                CacheName::Temporary => true,
            };
            let regular = fs::symlink_metadata(entry.path()).is_ok_and(|m| m.is_file());
            if stale && regular && fs::remove_file(entry.path()).is_ok() {
                removed += 1;
            }
        }
        removed
    }
}

/// A file name the cache gives, and so may delete.
#[derive(Debug, PartialEq, Eq)]
pub enum CacheName<'a> {
    /// `<key>.<w>x<h>.<ext>` or `<key>.orig.<ext>`, with its key.
    Entry(&'a str),
    /// `.<entry name>.<pid>-<n>.tmp`, left by a killed build.
    Temporary,
}

/// Whether `name` is one the cache gives: a 32-hex-digit key, then a size
/// (`640x480`) or `orig`, then a short lowercase extension; or the temporary
/// name of such an entry. `stamps.tsv` is never one (it is kept).
pub fn is_cache_name(name: &str) -> Option<CacheName<'_>> {
    if let Some(inner) = name.strip_prefix('.').and_then(|n| n.strip_suffix(".tmp")) {
        let (entry, writer) = inner.rsplit_once('.')?;
        let (pid, n) = writer.split_once('-')?;
        let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
        let ours = entry == STAMPS_FILE || is_cache_name(entry).is_some();
        return (digits(pid) && digits(n) && ours).then_some(CacheName::Temporary);
    }
    let mut parts = name.split('.');
    let key = parts.next()?;
    let middle = parts.next()?;
    let ext = parts.next()?;
    let hex = key.len() == 32 && key.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'));
    let size = middle == "orig"
        || middle.split_once('x').is_some_and(|(w, h)| {
            [w, h]
                .iter()
                .all(|d| !d.is_empty() && d.bytes().all(|b| b.is_ascii_digit()))
        });
    let extension = (1..=5).contains(&ext.len())
        && ext
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit());
    (hex && size && extension && parts.next().is_none()).then_some(CacheName::Entry(key))
}

fn stamps_header(settings: &str) -> String {
    format!("# noticeboard image stamps: {settings}")
}

fn parse_stamp(line: &str) -> Option<(PathBuf, Stamp, Facts)> {
    let mut f = line.split('\t');
    let path = PathBuf::from(f.next()?);
    let len = f.next()?.parse().ok()?;
    let ns = f.next()?.parse().ok()?;
    let hex = f.next()?;
    let mut content = [0u8; 32];
    if hex.len() != 64 {
        return None;
    }
    for (i, byte) in content.iter_mut().enumerate() {
        *byte = u8::from_str_radix(hex.get(i * 2..i * 2 + 2)?, 16).ok()?;
    }
    let size = Size {
        width: f.next()?.parse().ok()?,
        height: f.next()?.parse().ok()?,
    };
    let png_variants = f.next()? == "1";
    let original_ext = match f.next()? {
        "png" => "png",
        "webp" => "webp",
        "jpg" => "jpg",
        _ => return None,
    };
    Some((
        path,
        (len, ns),
        Facts {
            content,
            size,
            png_variants,
            original_ext,
        },
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_caches_own_names_are_its_own() {
        let key = "0123456789abcdef0123456789abcdef";
        assert_eq!(
            is_cache_name(&format!("{key}.640x480.webp")),
            Some(CacheName::Entry(key))
        );
        assert_eq!(
            is_cache_name(&format!("{key}.orig.jpg")),
            Some(CacheName::Entry(key))
        );
        assert_eq!(
            is_cache_name(&format!(".{key}.orig.jpg.77-3.tmp")),
            Some(CacheName::Temporary)
        );
        assert_eq!(
            is_cache_name(".stamps.tsv.77-0.tmp"),
            Some(CacheName::Temporary)
        );
        for foreign in [
            "stamps.tsv",
            "logo.png",
            "index.html",
            ".htaccess",
            ".env",
            ".ssh",
            "0123456789abcdef0123456789abcdef",
            "0123456789ABCDEF0123456789ABCDEF.orig.jpg",
            "0123456789abcdef0123456789abcdef.orig.jpg.bak",
            "0123456789abcdef0123456789abcde.orig.jpg",
            "0123456789abcdef0123456789abcdef.x480.png",
            ".photo.jpg.1-2.tmp",
            ".0123456789abcdef0123456789abcdef.orig.jpg.tmp",
        ] {
            assert_eq!(is_cache_name(foreign), None, "{foreign}");
        }
    }

    #[test]
    fn clean_leaves_what_is_not_the_caches() {
        let dir = tempfile::tempdir().unwrap();
        let cache = ImageCache::new(dir.path(), "static");
        let images = dir.path().join("static/images");
        fs::create_dir_all(&images).unwrap();
        let key = "0123456789abcdef0123456789abcdef";
        let stale = images.join(format!("{key}.320x240.jpg"));
        fs::write(&stale, "old").unwrap();
        fs::write(images.join("logo.png"), "mine").unwrap();
        fs::write(images.join(".keep"), "").unwrap();
        fs::write(images.join(STAMPS_FILE), "# stamps").unwrap();
        assert_eq!(cache.clean(&BTreeSet::new()), 1);
        assert!(!stale.exists());
        for kept in ["logo.png", ".keep", STAMPS_FILE] {
            assert!(images.join(kept).exists(), "{kept}");
        }
    }

    /// A cache folder reached through a link is neither cleaned nor used.
    #[cfg(unix)]
    #[test]
    fn clean_never_follows_a_link() {
        let dir = tempfile::tempdir().unwrap();
        let elsewhere = dir.path().join("elsewhere");
        fs::create_dir_all(elsewhere.join("images")).unwrap();
        let key = "0123456789abcdef0123456789abcdef";
        let victim = elsewhere.join(format!("images/{key}.orig.png"));
        fs::write(&victim, "theirs").unwrap();
        let site = dir.path().join("site");
        fs::create_dir_all(site.join(".noticeboard")).unwrap();
        std::os::unix::fs::symlink(&elsewhere, site.join(".noticeboard/cache")).unwrap();
        let cache = ImageCache::new(&site, ".noticeboard/cache");
        assert_eq!(
            cache.link_on_the_way(),
            Some(site.join(".noticeboard/cache"))
        );
        assert_eq!(cache.clean(&BTreeSet::new()), 0);
        assert!(victim.exists());
    }

    #[test]
    fn keys_follow_content_and_settings() {
        let photo = content_hash(b"photo");
        let a = cache_key("q80", &photo);
        assert_eq!(a.len(), 32);
        assert_eq!(a, cache_key("q80", &photo));
        assert_ne!(a, cache_key("q90", &photo));
        assert_ne!(a, cache_key("q80", &content_hash(b"photo2")));
    }

    #[test]
    fn clean_keeps_used_entries_only() {
        let dir = tempfile::tempdir().unwrap();
        let cache = ImageCache::new(dir.path(), ".noticeboard/cache");
        let size = Size {
            width: 4,
            height: 3,
        };
        let (a, b) = (
            cache_key("q", &content_hash(b"a")),
            cache_key("q", &content_hash(b"b")),
        );
        let keep = cache.variant_path(&a, size, "jpg");
        let drop = cache.variant_path(&b, size, "jpg");
        cache.store(&keep, b"x").unwrap();
        cache.store(&drop, b"y").unwrap();
        let used: BTreeSet<String> = [a].into();
        assert_eq!(cache.clean(&used), 1);
        assert!(keep.exists());
        assert!(!drop.exists());
    }
}
