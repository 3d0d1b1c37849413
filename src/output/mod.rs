//! Write: rendered files and copies → the output folder, atomically.
//!
//! Everything is written into a fresh sibling folder (`.public.nb-tmp-PID`);
//! only when all of it is on disk is the old output moved aside and the new one
//! renamed into place. A failed or killed build therefore leaves the old
//! `public/` as it was. Leftovers of a killed build are cleaned (or, if the old
//! output was moved aside and never replaced, put back) by the next run.
//! A build that changed only a few files moves just those into the output,
//! under a journal that the next run plays back if the build was killed
//! halfway ([`patch`]).

mod entries;
mod guard;
mod patch;
pub mod relative;
mod reuse;
mod staging;

use crate::message::Message;
use std::fs;
use std::io;
use std::path::{Component, Path, PathBuf};

use rayon::prelude::*;

use crate::diag::Diagnostic;

pub use entries::{check_aliases, collect_entries, static_destinations};
pub use guard::{check_output_dir, check_replaceable, fs_symlink_target};
use reuse::Stamp;
pub use reuse::{manifest_path, still_as_written};
pub use staging::Staging;

/// A file to put in the output: bytes in memory, or a copy of a file on disk.
#[derive(Debug, Clone)]
pub enum Content {
    Bytes(Vec<u8>),
    Static(&'static [u8]),
    Copy(PathBuf),
    /// A file of our own cache, which is only ever replaced (never changed in
    /// place): hard-linked, or copied where links are not possible.
    Link(PathBuf),
}

#[derive(Debug, Clone)]
pub struct Entry {
    /// `/`-separated path relative to the output folder.
    pub path: String,
    pub content: Content,
}

const TMP_MARK: &str = ".nb-tmp-";
const OLD_MARK: &str = ".nb-old-";
/// The files an in-place update moved out, and its journal, until it counts.
const UNDO_MARK: &str = ".nb-undo-";
/// The replaced output, renamed once the new one is in place, while it is
/// being deleted. Never put back: only deleted.
pub const TRASH_MARK: &str = ".nb-trash-";

/// What happens to the replaced output once the new one is in place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OldOutput {
    /// Deleted before returning.
    Delete,
    /// Renamed aside and deleted by a detached `noticeboard` process, so the
    /// command returns at once: deleting 10,000 page folders takes seconds on
    /// a slow disk, and nobody needs to wait for it.
    Detach,
}

fn sibling(output: &Path, mark: &str) -> Option<PathBuf> {
    let name = output.file_name()?.to_string_lossy().into_owned();
    let parent = output.parent().unwrap_or(Path::new("."));
    Some(parent.join(format!(".{name}{mark}{}", std::process::id())))
}

/// Removes what a killed build left next to `output`; restores the old output if
/// the build died between moving it aside and putting the new one in place.
pub fn recover(output: &Path) {
    let Some(name) = output.file_name().map(|n| n.to_string_lossy().into_owned()) else {
        return;
    };
    let parent = match output.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let Ok(entries) = fs::read_dir(&parent) else {
        return;
    };
    let tmp_prefix = format!(".{name}{TMP_MARK}");
    let old_prefix = format!(".{name}{OLD_MARK}");
    let trash_prefix = format!(".{name}{TRASH_MARK}");
    let undo_prefix = format!(".{name}{UNDO_MARK}");
    let mut olds = Vec::new();
    for entry in entries.flatten() {
        let entry_name = entry.file_name().to_string_lossy().into_owned();
        if entry_name.starts_with(&tmp_prefix) || entry_name.starts_with(&trash_prefix) {
            remove_dir(&entry.path());
        } else if entry_name.starts_with(&old_prefix) {
            olds.push(entry.path());
        } else if entry_name.starts_with(&undo_prefix) {
            patch::roll_back_killed(output, &entry.path());
        }
    }
    olds.sort();
    for old in olds {
        if !output.exists() && fs::rename(&old, output).is_ok() {
            continue;
        }
        remove_dir(&old);
    }
}

/// How [`write_output`] goes about it.
#[derive(Debug, Clone, Copy)]
pub struct WriteOptions<'a> {
    pub old: OldOutput,
    /// The manifest of the output in the site's cache: files the current
    /// output already holds are linked from it, and an output that would not
    /// change is left as it is. `None`: everything is written.
    pub manifest: Option<&'a Path>,
    /// Files whose change alone makes no new output: the status file, whose
    /// build time moves with every build.
    pub volatile: &'a [&'a str],
    /// When the output holds what the manifest says and only a few files
    /// differ, move those into it instead of swapping a whole new folder in.
    pub in_place: bool,
}

#[cfg(test)]
impl WriteOptions<'_> {
    /// Everything written afresh, the old output deleted before returning.
    pub fn fresh() -> WriteOptions<'static> {
        WriteOptions {
            old: OldOutput::Delete,
            manifest: None,
            volatile: &[],
            in_place: false,
        }
    }
}

/// What [`write_output`] did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Written {
    /// Files the output holds.
    pub files: usize,
    /// Of those, files linked from the previous output instead of written.
    pub reused: usize,
    /// Nothing differed: the output was left as it was.
    pub unchanged: bool,
}

/// Writes `entries` as the new content of `output`, atomically.
#[cfg(test)]
pub fn write_output(
    output: &Path,
    entries: &[Entry],
    options: WriteOptions<'_>,
) -> Result<Written, Diagnostic> {
    Staging::open(output, options)?.finish(entries)
}

fn outside_output(path: &str) -> Diagnostic {
    Diagnostic::error(Message::OutsideOutput {
        path: path.to_string(),
    })
}

fn content_error(entry: &Entry, output: &Path, e: &io::Error) -> Diagnostic {
    match &entry.content {
        Content::Copy(source) | Content::Link(source) => Diagnostic::error(Message::CannotCopy {
            detail: e.to_string(),
        })
        .at(source),
        _ => io_error(&output.join(&entry.path), e),
    }
}

/// Writes every entry under `dir`, linking those `reused` marks from
/// `previous` (the current output); each file's stamp as written.
fn write_tree(
    dir: &Path,
    entries: &[&Entry],
    previous: &Path,
    reused: &[bool],
) -> Result<Vec<Option<Stamp>>, Diagnostic> {
    fs::create_dir_all(dir).map_err(|e| io_error(dir, &e))?;
    // Create each folder once, then write files in parallel.
    let mut folders: Vec<PathBuf> = entries
        .iter()
        .filter_map(|e| safe_join(dir, &e.path).and_then(|p| p.parent().map(Path::to_path_buf)))
        .collect();
    folders.sort();
    folders.dedup();
    for folder in &folders {
        fs::create_dir_all(folder).map_err(|e| io_error(folder, &e))?;
    }
    entries
        .par_iter()
        .zip(reused)
        .map(|(entry, &reused)| {
            let target = safe_join(dir, &entry.path).ok_or_else(|| outside_output(&entry.path))?;
            let linked = reused
                && safe_join(previous, &entry.path)
                    .is_some_and(|old| fs::hard_link(old, &target).is_ok());
            if !linked {
                let result = match &entry.content {
                    Content::Bytes(bytes) => fs::write(&target, bytes),
                    Content::Static(bytes) => fs::write(&target, bytes),
                    Content::Copy(source) => copy_file(source, &target),
                    Content::Link(source) => {
                        fs::hard_link(source, &target).or_else(|_| copy_file(source, &target))
                    }
                };
                result.map_err(|e| content_error(entry, dir, &e))?;
            }
            Ok(Stamp::at(&target))
        })
        .collect()
}

/// Copies a file's bytes; a hard link would be cheaper but would let an edit of
/// the source change the published file behind the ledger's back.
fn copy_file(source: &Path, target: &Path) -> io::Result<()> {
    fs::copy(source, target).map(|_| ())
}

fn swap_into_place(tmp: &Path, output: &Path, old_output: OldOutput) -> Result<(), Diagnostic> {
    if output.exists() {
        let old = sibling(output, OLD_MARK).ok_or_else(|| {
            Diagnostic::error(Message::OutputUnusable {
                output: crate::shown_path::shown_path(output),
            })
        })?;
        move_aside(output, &old)?;
        if let Err(e) = fs::rename(tmp, output) {
            // Put the old site back before reporting.
            let _ = fs::rename(&old, output);
            return Err(Diagnostic::error(Message::NewOutputPlace {
                detail: e.to_string(),
            })
            .at(output));
        }
        match old_output {
            OldOutput::Delete => remove_dir(&old),
            OldOutput::Detach => detach_removal(output, &old),
        }
    } else {
        fs::rename(tmp, output).map_err(|e| {
            Diagnostic::error(Message::NewOutputPlace {
                detail: e.to_string(),
            })
            .at(output)
        })?;
    }
    Ok(())
}

/// Waits between tries to move the old output aside while Windows says a
/// file in it is open: a virus scan or the search indexer lets go within a
/// second or two; a program the user has open does not, and is named.
const HELD_OPEN_WAITS_MS: &[u64] = &[50, 100, 200, 400, 800, 1000, 1000, 1000];

fn move_aside(output: &Path, old: &Path) -> Result<(), Diagnostic> {
    let mut waits = HELD_OPEN_WAITS_MS.iter();
    loop {
        let e = match fs::rename(output, old) {
            Ok(()) => return Ok(()),
            Err(e) => e,
        };
        if !is_held_open(&e) {
            return Err(Diagnostic::error(Message::OldOutputMove {
                detail: e.to_string(),
            })
            .at(output));
        }
        match waits.next() {
            Some(&ms) => std::thread::sleep(std::time::Duration::from_millis(ms)),
            None => {
                let total: u64 = HELD_OPEN_WAITS_MS.iter().sum();
                return Err(Diagnostic::error(Message::OutputHeldOpen {
                    tries: HELD_OPEN_WAITS_MS.len() + 1,
                    seconds: format!("{:.1}", total as f64 / 1000.0),
                    detail: e.to_string(),
                })
                .at(output)
                .help(Message::OutputHeldOpenHelp {}));
            }
        }
    }
}

/// Windows refuses to rename a folder while a file in it is open without
/// delete sharing: access denied (5), sharing (32) or lock violation (33).
/// Elsewhere an open file never stops a rename, so nothing is retried.
fn is_held_open(e: &io::Error) -> bool {
    cfg!(windows) && matches!(e.raw_os_error(), Some(5 | 32 | 33))
}

/// Renames the replaced output to a trash name and leaves its deletion to a
/// detached `noticeboard remove-old-output` process; deletes it here if that
/// cannot start. A trash folder left by a killed process goes on the next run.
fn detach_removal(output: &Path, old: &Path) {
    let Some(trash) = sibling(output, TRASH_MARK) else {
        return remove_dir(old);
    };
    if fs::rename(old, &trash).is_err() {
        return remove_dir(old);
    }
    let started = std::env::current_exe().and_then(|exe| {
        std::process::Command::new(exe)
            .arg("remove-old-output")
            .arg(&trash)
            .stdin(std::process::Stdio::null())
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
    });
    if started.is_err() {
        remove_dir(&trash);
    }
}

/// The detached half of [`OldOutput::Detach`]: deletes `dir`, which must be a
/// trash folder this program made (its name says so); anything else is refused.
pub fn remove_trash(dir: &Path) -> bool {
    let is_trash = dir
        .file_name()
        .is_some_and(|n| n.to_string_lossy().contains(TRASH_MARK));
    if is_trash {
        remove_dir(dir);
    }
    is_trash
}

/// Deletes a folder tree, subfolders in parallel: removing 10,000 page folders
/// one by one is a visible part of a build on a slow disk.
fn remove_dir(dir: &Path) {
    // Never follow a link: reading the entries of a symlinked folder would
    // delete whatever it points at (once, the site itself).
    if fs::symlink_metadata(dir).is_ok_and(|m| m.file_type().is_symlink()) {
        let _ = fs::remove_file(dir);
        return;
    }
    if let Ok(entries) = fs::read_dir(dir) {
        let children: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
        children.par_iter().for_each(|child| {
            if child.is_dir() {
                let _ = fs::remove_dir_all(child);
            } else {
                remove_file(child);
            }
        });
    }
    if fs::remove_dir_all(dir).is_err() {
        remove_read_only_tree(dir);
    }
}

/// Deletes a file, read-only or not: Windows refuses to delete a read-only
/// file, and a file copied from `static/` keeps the read-only mark it had
/// there (a file from a CD, or one marked so in Explorer).
fn remove_file(file: &Path) {
    if fs::remove_file(file).is_ok() {
        return;
    }
    if let Ok(meta) = fs::symlink_metadata(file) {
        let mut permissions = meta.permissions();
        if permissions.readonly() {
            #[allow(
                clippy::permissions_set_readonly_false,
                reason = "the file is deleted on the next line; on Unix its folder's mode decides"
            )]
            permissions.set_readonly(false);
            let _ = fs::set_permissions(file, permissions);
            let _ = fs::remove_file(file);
        }
    }
}

/// The slow way, for a tree that `remove_dir_all` could not delete: file by
/// file, clearing read-only marks on the way.
fn remove_read_only_tree(dir: &Path) {
    for entry in walkdir::WalkDir::new(dir)
        .follow_links(false)
        .contents_first(true)
        .into_iter()
        .flatten()
    {
        if entry.file_type().is_dir() {
            let _ = fs::remove_dir(entry.path());
        } else {
            remove_file(entry.path());
        }
    }
}

/// Joins a `/`-separated relative path under `dir`, refusing anything that
/// could escape it.
pub fn safe_join(dir: &Path, rel: &str) -> Option<PathBuf> {
    let mut out = dir.to_path_buf();
    for part in rel.split('/') {
        if part.is_empty() {
            continue;
        }
        let component = Path::new(part).components().next()?;
        if !matches!(component, Component::Normal(_)) || part.contains('\\') || part.contains(':') {
            return None;
        }
        out.push(part);
    }
    Some(out)
}

fn io_error(path: &Path, e: &io::Error) -> Diagnostic {
    Diagnostic::error(Message::CannotWrite {
        detail: e.to_string(),
    })
    .at(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn safe_join_refuses_escapes() {
        let base = Path::new("/out");
        assert_eq!(
            safe_join(base, "a/b.html"),
            Some(PathBuf::from("/out/a/b.html"))
        );
        assert_eq!(safe_join(base, "../x"), None);
        assert_eq!(safe_join(base, "a/../../x"), None);
        assert_eq!(safe_join(base, "a\\..\\x"), None);
        assert_eq!(safe_join(base, "c:/x"), None);
    }

    const MARKER_PATH: &str = ".well-known/noticeboard.json";
    const MARKER_TEXT: &str = "{\"generator\": \"noticeboard\"}";

    #[test]
    fn an_unmarked_folder_is_never_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let home = dir.path().join("home");
        fs::create_dir_all(home.join(".ssh")).unwrap();
        fs::write(home.join(".ssh/id_ed25519"), "key").unwrap();
        let good = vec![Entry {
            path: "index.html".into(),
            content: Content::Bytes(b"new".to_vec()),
        }];
        assert!(write_output(&home, &good, WriteOptions::fresh()).is_err());
        assert_eq!(
            fs::read_to_string(home.join(".ssh/id_ed25519")).unwrap(),
            "key"
        );
        // A marker that is not noticeboard's own does not count.
        fs::create_dir_all(home.join(".well-known")).unwrap();
        fs::write(home.join(MARKER_PATH), "{\"generator\": \"hugo\"}").unwrap();
        assert!(write_output(&home, &good, WriteOptions::fresh()).is_err());
        // An empty folder is fine.
        let empty = dir.path().join("empty");
        fs::create_dir_all(&empty).unwrap();
        write_output(&empty, &good, WriteOptions::fresh()).unwrap();
        assert_eq!(fs::read_to_string(empty.join("index.html")).unwrap(), "new");
    }

    #[test]
    fn swap_keeps_old_on_failure_and_replaces_on_success() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        fs::create_dir_all(out.join(".well-known")).unwrap();
        fs::write(out.join(MARKER_PATH), MARKER_TEXT).unwrap();
        fs::write(out.join("old.html"), "old").unwrap();
        let bad = vec![Entry {
            path: "x.html".into(),
            content: Content::Copy(dir.path().join("missing")),
        }];
        assert!(write_output(&out, &bad, WriteOptions::fresh()).is_err());
        assert_eq!(fs::read_to_string(out.join("old.html")).unwrap(), "old");
        let good = vec![
            Entry {
                path: "new/index.html".into(),
                content: Content::Bytes(b"new".to_vec()),
            },
            Entry {
                path: MARKER_PATH.into(),
                content: Content::Static(MARKER_TEXT.as_bytes()),
            },
        ];
        write_output(&out, &good, WriteOptions::fresh()).unwrap();
        assert!(!out.join("old.html").exists());
        // And again: the new output is marked, so it may be replaced.
        write_output(&out, &good, WriteOptions::fresh()).unwrap();
        assert_eq!(
            fs::read_to_string(out.join("new/index.html")).unwrap(),
            "new"
        );
        let leftovers: Vec<_> = fs::read_dir(dir.path()).unwrap().flatten().collect();
        assert_eq!(leftovers.len(), 1, "only public/ remains");
    }

    #[test]
    fn recover_restores_a_moved_aside_output() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        let old = dir.path().join(".public.nb-old-123");
        fs::create_dir_all(&old).unwrap();
        fs::write(old.join("index.html"), "kept").unwrap();
        fs::create_dir_all(dir.path().join(".public.nb-tmp-99")).unwrap();
        recover(&out);
        assert_eq!(fs::read_to_string(out.join("index.html")).unwrap(), "kept");
        assert!(!dir.path().join(".public.nb-tmp-99").exists());
    }
}
