//! The build that need not run: nothing it reads has changed.
//!
//! A build reads `site.yaml`, `holidays.yaml`, `disclosures.lock` and the
//! folders `content/`, `static/`, `templates/` and `themes/`, besides its own
//! embedded theme and its options. After each build that went through, the
//! cache keeps (`<cache_dir>/last-build.json`) a key of all of that — every
//! file's path and stamp (length, modification time and, where the system
//! has them, inode and change time, which no editor can put back), the
//! program itself, the options, the local date — with what the build
//! reported and counted. A build whose key is that one, on the same day and
//! before the next notice changes status, has nothing to make: if the output
//! is still as that build left it, it is left alone and the report repeated.
//!
//! Like the output manifest, the record is only a hint: a missing, damaged
//! or foreign one means a full build.

use std::fs;
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::diag::Diagnostic;
use crate::layout::{CONFIG_FILE, CONTENT_DIR, HOLIDAYS_FILE, LEDGER_FILE, STATIC_DIR};
use crate::layout::{TEMPLATES_DIR, THEMES_DIR};

const FORMAT: u32 = 1;

/// Where the record of the last build is kept in the cache folder.
pub const LAST_BUILD_FILE: &str = "last-build.json";

/// What a build depends on besides its files.
#[derive(Debug, Clone, Copy)]
pub struct Setting<'a> {
    pub name: &'a str,
    pub value: &'a str,
}

/// What the last build that went through made, to be told again.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct LastBuild {
    format: u32,
    key: String,
    /// `disclosures.lock` as the build left it.
    ledger: String,
    /// The local date it was built on.
    day: String,
    /// The instant it was built at, and the next status change after it
    /// (seconds since 1970): the record holds between the two.
    built_at: i64,
    next_change_at: Option<i64>,
    pub next_change: Option<(String, String)>,
    pub pages: usize,
    pub sections: usize,
    pub terms: usize,
    pub files: usize,
    pub pictures: usize,
    pub report: Vec<Diagnostic>,
}

/// The key of everything a build of `root` reads, under `settings`.
pub fn inputs_key(root: &Path, settings: &[Setting<'_>]) -> String {
    let mut hasher = Sha256::new();
    hasher.update(format!("noticeboard {}\n", env!("CARGO_PKG_VERSION")));
    // The program: its embedded theme and everything it does.
    if let Some(exe) = std::env::current_exe().ok().and_then(|p| stamp_line(&p)) {
        hasher.update(exe);
    }
    for setting in settings {
        hasher.update(format!("{}={}\n", setting.name, setting.value.len()));
        hasher.update(setting.value);
        hasher.update("\n");
    }
    for file in [CONFIG_FILE, HOLIDAYS_FILE] {
        add_tree(&mut hasher, root, Path::new(file));
    }
    for dir in [CONTENT_DIR, STATIC_DIR, TEMPLATES_DIR, THEMES_DIR] {
        add_tree(&mut hasher, root, Path::new(dir));
    }
    crate::digest::hex(&hasher.finalize())
}

/// The stamp of `disclosures.lock`, kept apart from the key: the build
/// itself writes it, so the record takes it after the build.
pub fn ledger_stamp(root: &Path) -> String {
    stamp_line(&root.join(LEDGER_FILE)).unwrap_or_else(|| "-".to_string())
}

/// A line for `path`'s stamp: what changes whenever the file is written.
pub(crate) fn stamp_line(path: &Path) -> Option<String> {
    let meta = fs::metadata(path).ok()?;
    Some(stamp_of(path, &meta))
}

/// [`stamp_line`] of a file whose metadata is at hand.
fn stamp_of(path: &Path, meta: &fs::Metadata) -> String {
    let modified = meta
        .modified()
        .ok()
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .map_or(0, |d| d.as_nanos());
    format!(
        "{}\t{}\t{modified}\t{}\n",
        path.to_string_lossy(),
        meta.len(),
        system_stamp(meta)
    )
}

#[cfg(unix)]
fn system_stamp(meta: &fs::Metadata) -> String {
    use std::os::unix::fs::MetadataExt;
    format!(
        "{}:{}:{}.{}",
        meta.dev(),
        meta.ino(),
        meta.ctime(),
        meta.ctime_nsec()
    )
}

#[cfg(not(unix))]
fn system_stamp(_meta: &fs::Metadata) -> String {
    String::new()
}

/// Adds `rel` under `root` — a file, or a folder and all it holds, in name
/// order — to the key. A link adds what it names as well as where it
/// points; a missing file adds that it is missing.
fn add_tree(hasher: &mut Sha256, root: &Path, rel: &Path) {
    hasher.update(tree_lines(root, rel));
}

/// The lines that stand for the file or folder at `rel`, folders' entries
/// sorted by name and looked at in parallel: a 10,000-page site has as many
/// files to ask the system about.
fn tree_lines(root: &Path, rel: &Path) -> String {
    let path = root.join(rel);
    let shown = rel.to_string_lossy();
    let Ok(meta) = fs::symlink_metadata(&path) else {
        return format!("-\t{shown}\n");
    };
    let mut lines = String::new();
    let link = meta.file_type().is_symlink();
    let followed = if link {
        let target = fs::read_link(&path).unwrap_or_default();
        lines.push_str(&format!("l\t{shown}\t{}\n", target.to_string_lossy()));
        fs::metadata(&path).ok()
    } else {
        Some(meta)
    };
    match followed {
        Some(meta) if meta.is_dir() => {
            lines.push_str(&format!("d\t{shown}\n"));
            let mut names: Vec<PathBuf> = match fs::read_dir(&path) {
                Ok(entries) => entries
                    .flatten()
                    .map(|e| PathBuf::from(e.file_name()))
                    .collect(),
                Err(_) => {
                    lines.push_str("unreadable\n");
                    return lines;
                }
            };
            names.sort();
            // A link to a folder is not followed further: the build refuses
            // what it would reach anyway, and a loop must not stop this walk.
            if link {
                return lines;
            }
            let below: Vec<String> = names
                .par_iter()
                .map(|name| tree_lines(root, &rel.join(name)))
                .collect();
            lines.extend(below);
        }
        Some(meta) => {
            lines.push_str(&format!("f\t{shown}\t"));
            lines.push_str(&stamp_of(&path, &meta));
        }
        None => {}
    }
    lines
}

impl LastBuild {
    /// A record of a build made under `key` at `now` (seconds) on `day`.
    #[allow(clippy::too_many_arguments)]
    pub fn new(
        (key, ledger): (String, String),
        day: String,
        now: i64,
        next_change_at: Option<i64>,
        next_change: Option<(String, String)>,
        counts: [usize; 5],
        report: Vec<Diagnostic>,
    ) -> LastBuild {
        let [pages, sections, terms, files, pictures] = counts;
        LastBuild {
            format: FORMAT,
            key,
            ledger,
            day,
            built_at: now,
            next_change_at,
            next_change,
            pages,
            sections,
            terms,
            files,
            pictures,
            report,
        }
    }

    /// The record in `cache_dir`, if it is one of this format.
    pub fn read(cache_dir: &Path) -> Option<LastBuild> {
        let file = cache_dir.join(LAST_BUILD_FILE);
        let meta = fs::metadata(&file).ok()?;
        // A report of a few thousand warnings is a few megabytes.
        if meta.len() > 256 << 20 {
            return None;
        }
        let last: LastBuild = serde_json::from_slice(&fs::read(&file).ok()?).ok()?;
        (last.format == FORMAT).then_some(last)
    }

    /// Whether a build under `key`, at `now` on `day`, would make what this
    /// one made.
    pub fn holds_for(&self, (key, ledger): (&str, &str), day: &str, now: i64) -> bool {
        self.key == key
            && self.ledger == ledger
            && self.day == day
            && now >= self.built_at
            && self.next_change_at.is_none_or(|at| now < at)
    }

    /// Writes the record (temporary file, then rename); a failure only costs
    /// the next build its shortcut.
    pub fn write(&self, cache_dir: &Path) {
        let file = cache_dir.join(LAST_BUILD_FILE);
        let Ok(text) = serde_json::to_vec(self) else {
            return;
        };
        if fs::create_dir_all(cache_dir).is_err() {
            return;
        }
        let tmp = file.with_extension(format!("tmp-{}", std::process::id()));
        if fs::write(&tmp, text).is_err() || fs::rename(&tmp, &file).is_err() {
            let _ = fs::remove_file(&tmp);
        }
    }

    /// Forgets the last build (before a build that fails, or changes the
    /// output another way).
    pub fn forget(cache_dir: &Path) {
        let _ = fs::remove_file(cache_dir.join(LAST_BUILD_FILE));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_key_moves_with_any_input_and_setting() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        fs::create_dir_all(root.join("content/news")).unwrap();
        fs::write(root.join("site.yaml"), "title: x\n").unwrap();
        fs::write(root.join("content/news/a.md"), "a").unwrap();
        let on = [Setting {
            name: "drafts",
            value: "no",
        }];
        let first = inputs_key(root, &on);
        assert_eq!(
            first,
            inputs_key(root, &on),
            "the same inputs, the same key"
        );
        fs::write(root.join("public.txt"), "not an input").unwrap();
        assert_eq!(first, inputs_key(root, &on), "other files do not count");
        let drafts = [Setting {
            name: "drafts",
            value: "yes",
        }];
        assert_ne!(first, inputs_key(root, &drafts));
        fs::write(root.join("content/news/a.md"), "b").unwrap();
        let rewritten = inputs_key(root, &on);
        assert_ne!(first, rewritten, "a file written again");
        fs::write(root.join("holidays.yaml"), "").unwrap();
        assert_ne!(rewritten, inputs_key(root, &on), "a file that came");
    }

    #[test]
    fn a_record_holds_on_its_day_until_the_next_change() {
        let last = LastBuild::new(
            ("k".into(), "l".into()),
            "2026-12-02".into(),
            100,
            Some(200),
            None,
            [1, 1, 0, 3, 0],
            Vec::new(),
        );
        assert!(last.holds_for(("k", "l"), "2026-12-02", 100));
        assert!(last.holds_for(("k", "l"), "2026-12-02", 199));
        assert!(
            !last.holds_for(("k", "l"), "2026-12-02", 200),
            "a notice changed"
        );
        assert!(
            !last.holds_for(("k", "l"), "2026-12-02", 99),
            "the clock went back"
        );
        assert!(
            !last.holds_for(("k", "l"), "2026-12-03", 150),
            "another day"
        );
        assert!(
            !last.holds_for(("j", "l"), "2026-12-02", 150),
            "other inputs"
        );
        assert!(
            !last.holds_for(("k", "m"), "2026-12-02", 150),
            "another ledger"
        );
    }
}
