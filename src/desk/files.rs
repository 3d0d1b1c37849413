//! Where the desk may write, and how: only inside `content/` and `static/`,
//! through the build's own rules for names a page may use
//! ([`is_publishable`](crate::layout::is_publishable): no `..`, no hidden or
//! editor's names) plus the names Windows cannot store, never through a
//! symbolic link, and always by temporary file + rename, so a crash leaves
//! the old file or the new one, never half of one.

use std::fs;
use std::io::Write;
use std::path::{Component, Path, PathBuf};

use crate::layout::CONTENT_DIR;
use crate::message::Message;

/// The desk-relative path `rel` (`content/news/a.md`, always with `/`) as a
/// path under `root` the desk may write; the refusal otherwise.
pub fn writable(root: &Path, rel: &str) -> Result<PathBuf, Message> {
    let outside = || Message::DeskPathOutside {
        path: super::gate::shorten(rel),
    };
    if rel.contains(['\\', ':', '\0']) || rel.starts_with('/') {
        return Err(outside());
    }
    let names: Vec<&str> = rel.split('/').collect();
    if names
        .iter()
        .any(|n| n.is_empty() || *n == "." || *n == "..")
    {
        return Err(outside());
    }
    let relative: PathBuf = names.iter().collect();
    if !crate::layout::is_publishable(&relative)
        || !relative
            .components()
            .all(|c| matches!(c, Component::Normal(_)))
    {
        return Err(outside());
    }
    if let Some(name) = names.iter().find(|n| windows_bad(n)) {
        return Err(Message::DeskBadName {
            name: super::gate::shorten(name),
        });
    }
    // No link anywhere on the way: a link inside content/ may point out of
    // the root, and the build's rule for links (read, but only inside) is
    // no rule for writing.
    let mut at = root.to_path_buf();
    for name in &names {
        at.push(name);
        match fs::symlink_metadata(&at) {
            Ok(meta) if meta.file_type().is_symlink() => return Err(outside()),
            Ok(_) => {}
            Err(_) => break,
        }
    }
    Ok(root.join(relative))
}

/// Whether a single name is one Windows cannot store, or one the site never
/// reads.
fn windows_bad(name: &str) -> bool {
    crate::load::windows_name_warning(Path::new(name)).is_some()
        || crate::layout::is_ignored_name(name)
}

/// [`writable`], and also a page: a `.md` file in `content/` other than a
/// section's `_index.md`.
pub fn page(root: &Path, rel: &str) -> Result<PathBuf, Message> {
    let path = writable(root, rel)?;
    let is_page = rel.starts_with(&format!("{CONTENT_DIR}/"))
        && rel.ends_with(".md")
        && !rel.ends_with("/_index.md");
    if !is_page {
        return Err(Message::DeskNotAPage {
            path: super::gate::shorten(rel),
        });
    }
    Ok(path)
}

/// Where the desk's temporary files go: beside the cache, a folder serve
/// does not watch, so a save makes one rebuild (of the renamed file), not
/// two.
const TEMP_DIR: &str = ".noticeboard/desk-tmp";

/// Writes `bytes` to `path` (inside `root`) atomically: a temporary file,
/// flushed to disk, renamed over it, and the rename made durable. The
/// temporary file is made in [`TEMP_DIR`], or, where a rename from there
/// cannot reach (another disk), beside the file under a hidden name the
/// build never reads.
pub fn write_atomic(root: &Path, path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    fs::create_dir_all(dir)?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let salt = super::gate::random_hex(6).unwrap_or_default();
    let temp_name = format!(".{name}.{}-{salt}.tmp", std::process::id());
    let outside = root.join(TEMP_DIR);
    if fs::create_dir_all(&outside).is_ok()
        && write_and_rename(&outside.join(&temp_name), path, bytes).is_ok()
    {
        crate::durable::sync_dir(dir);
        return Ok(());
    }
    write_and_rename(&dir.join(&temp_name), path, bytes)?;
    crate::durable::sync_dir(dir);
    Ok(())
}

fn write_and_rename(tmp: &Path, path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let result = (|| {
        let mut file = fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(tmp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        drop(file);
        fs::rename(tmp, path)
    })();
    if result.is_err() {
        let _ = fs::remove_file(tmp);
    }
    result
}

/// `path` relative to `root`, with `/`.
pub fn shown(root: &Path, path: &Path) -> String {
    path.strip_prefix(root)
        .unwrap_or(path)
        .to_string_lossy()
        .replace('\\', "/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_plain_names_inside_content_and_static() {
        let root = Path::new("/site");
        for ok in [
            "content/news/a.md",
            "static/files/表.xlsx",
            "content/news/b/index.md",
        ] {
            assert!(writable(root, ok).is_ok(), "{ok}");
        }
        for bad in [
            "site.yaml",
            "disclosures.lock",
            "templates/page.html",
            "content/../site.yaml",
            "content/./a.md",
            "content//a.md",
            "/etc/passwd",
            "content\\news\\a.md",
            "C:/x/content/a.md",
            "content/.git/config",
            "content/news/.a.md",
            "content/news/a.md~",
            "content/news/CON.md",
            "content/news/aux",
            "content/news/a?.md",
            "content/news/a.",
            "content/news/a\0.md",
            "",
        ] {
            assert!(writable(root, bad).is_err(), "{bad}");
        }
        assert!(page(root, "content/news/_index.md").is_err());
        assert!(page(root, "static/a.md").is_err());
        assert!(page(root, "content/news/a.txt").is_err());
    }

    #[cfg(unix)]
    #[test]
    fn never_through_a_link() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        fs::create_dir_all(root.join("content")).unwrap();
        let outside = tempfile::tempdir().unwrap();
        std::os::unix::fs::symlink(outside.path(), root.join("content/out")).unwrap();
        assert!(writable(root, "content/out/a.md").is_err());
        assert!(writable(root, "content/in/a.md").is_ok());
    }

    #[test]
    fn atomic_write_leaves_no_temporary() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("content/a.md");
        write_atomic(dir.path(), &path, b"one").unwrap();
        write_atomic(dir.path(), &path, b"two").unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"two");
        let names: Vec<_> = fs::read_dir(dir.path().join("content"))
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, vec!["a.md"]);
        let temp = fs::read_dir(dir.path().join(TEMP_DIR)).unwrap().count();
        assert_eq!(temp, 0);
    }
}
