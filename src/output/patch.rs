//! The output updated in place, when a build changed only a few of its files.
//!
//! Swapping a whole new folder in costs a folder and a link per page even when
//! one page changed: on a slow disk, seconds for a 10,000-page site. When the
//! output holds exactly what the last build left and only a few files differ,
//! the new and changed files (already written beside it, in the staging
//! folder) are moved into it one by one instead, and the files no longer made
//! are moved out. Each file is replaced by a rename, so a reader never sees a
//! half-written page.
//!
//! Nothing is lost on the way. Before the first move, a journal listing every
//! move is written and synced into an undo folder beside the output
//! (`.public.nb-undo-PID`), and every file moved out goes there. A move that
//! fails puts back the ones made before it; a build killed halfway is put back
//! by the next run ([`roll_back_killed`], from [`super::recover`]). Deleting
//! the journal is the moment the new output counts: after it, only clean-up
//! remains.

use std::fs;
use std::io::{self, Write as _};
use std::path::{Path, PathBuf};

use super::safe_join;

/// The first line of a journal.
const HEADER: &str = "noticeboard output patch 1";
/// The journal's name inside the undo folder.
const JOURNAL: &str = "journal";
/// Where the files moved out are kept, inside the undo folder.
const KEPT: &str = "files";

/// What happens to one file of the output.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Move {
    /// A new file: the output had none at this path.
    Add,
    /// The output's file is replaced by the new one.
    Replace,
    /// The output's file is no longer made.
    Delete,
}

impl Move {
    fn letter(self) -> char {
        match self {
            Move::Add => 'A',
            Move::Replace => 'R',
            Move::Delete => 'D',
        }
    }

    fn from_letter(c: char) -> Option<Move> {
        Some(match c {
            'A' => Move::Add,
            'R' => Move::Replace,
            'D' => Move::Delete,
            _ => return None,
        })
    }
}

/// One move of the patch: what happens at a `/`-separated output path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Step {
    pub path: String,
    pub kind: Move,
}

/// The three folders a patch works between.
pub(crate) struct Places<'a> {
    /// The output, changed in place.
    pub output: &'a Path,
    /// The staging folder, holding the new files at their paths.
    pub staged: &'a Path,
    /// The undo folder to make (it must not exist yet).
    pub undo: &'a Path,
}

/// Applies `steps` to the output; on an error puts every file back as it
/// was, removes the undo folder and returns the error.
pub(crate) fn apply(places: &Places<'_>, steps: &[Step]) -> io::Result<()> {
    apply_until(places, steps, None)
}

/// [`apply`], stopping (as a killed build would) after `stop` moves if
/// given: the journal and the undo folder stay for [`roll_back_killed`].
fn apply_until(places: &Places<'_>, steps: &[Step], stop: Option<usize>) -> io::Result<()> {
    write_journal(places.undo, steps)?;
    for (done, step) in steps.iter().enumerate() {
        if stop == Some(done) {
            return Ok(());
        }
        if let Err(e) = move_one(places, step) {
            roll_back(places.output, places.undo, &steps[..=done]);
            let _ = fs::remove_dir_all(places.undo);
            return Err(e);
        }
    }
    if stop.is_some() {
        return Ok(());
    }
    // The commit: from here on the new output stands.
    fs::remove_file(places.undo.join(JOURNAL))?;
    for step in steps.iter().filter(|s| s.kind == Move::Delete) {
        if let Some(file) = safe_join(places.output, &step.path) {
            remove_empty_folders(places.output, &file);
        }
    }
    let _ = fs::remove_dir_all(places.undo);
    Ok(())
}

fn write_journal(undo: &Path, steps: &[Step]) -> io::Result<()> {
    fs::create_dir_all(undo.join(KEPT))?;
    let mut text = String::with_capacity(32 * steps.len() + HEADER.len() + 1);
    text.push_str(HEADER);
    text.push('\n');
    for step in steps {
        // A path is JSON-quoted: any character it holds stays on its line.
        text.push(step.kind.letter());
        text.push(' ');
        text.push_str(&serde_json::to_string(&step.path).map_err(io::Error::other)?);
        text.push('\n');
    }
    let mut file = fs::File::create(undo.join(JOURNAL))?;
    file.write_all(text.as_bytes())?;
    file.sync_all()?;
    crate::durable::sync_dir(undo);
    Ok(())
}

fn read_journal(undo: &Path) -> Option<Vec<Step>> {
    let text = fs::read_to_string(undo.join(JOURNAL)).ok()?;
    let mut lines = text.lines();
    if lines.next()? != HEADER {
        return None;
    }
    lines
        .map(|line| {
            let (letter, path) = line.split_once(' ')?;
            let mut letters = letter.chars();
            let kind = Move::from_letter(letters.next()?)?;
            let path: String = serde_json::from_str(path).ok()?;
            (letters.next().is_none()).then_some(Step { path, kind })
        })
        .collect()
}

fn move_one(places: &Places<'_>, step: &Step) -> io::Result<()> {
    let at = |dir: &Path| safe_join(dir, &step.path).ok_or_else(|| outside(&step.path));
    let current = at(places.output)?;
    if matches!(step.kind, Move::Replace | Move::Delete) {
        let kept = at(&places.undo.join(KEPT))?;
        make_parent(&kept)?;
        fs::rename(&current, &kept)?;
    }
    if matches!(step.kind, Move::Add | Move::Replace) {
        make_parent(&current)?;
        fs::rename(at(places.staged)?, &current)?;
    }
    Ok(())
}

/// Puts the output back as it was before `steps`, in reverse order. Safe on
/// steps that were never made, or made halfway.
fn roll_back(output: &Path, undo: &Path, steps: &[Step]) {
    for step in steps.iter().rev() {
        let (Some(current), Some(kept)) = (
            safe_join(output, &step.path),
            safe_join(&undo.join(KEPT), &step.path),
        ) else {
            continue;
        };
        match step.kind {
            // The output had no file here: one there now is the new one.
            // The folders made for it go too.
            Move::Add => {
                if fs::symlink_metadata(&current).is_ok() {
                    let _ = fs::remove_file(&current);
                }
                remove_empty_folders(output, &current);
            }
            // Moved out means moved out by us: it goes back over whatever
            // took its place. Not moved out: never touched.
            Move::Replace | Move::Delete => {
                if fs::symlink_metadata(&kept).is_ok() {
                    let _ = make_parent(&current);
                    let _ = fs::rename(&kept, &current);
                }
            }
        }
    }
}

/// Finishes what a build killed during a patch left beside `output`: a
/// journal still there means the patch never counted, so every file goes
/// back; without one, the patch had counted and the undo folder only waits
/// to be deleted.
pub(crate) fn roll_back_killed(output: &Path, undo: &Path) {
    if let Some(steps) = read_journal(undo) {
        roll_back(output, undo, &steps);
    }
    let _ = fs::remove_dir_all(undo);
}

fn make_parent(file: &Path) -> io::Result<()> {
    match file.parent() {
        Some(folder) => fs::create_dir_all(folder),
        None => Ok(()),
    }
}

/// Removes the folders above `file` that are left empty, up to `output`
/// (never `output` itself): a clean build makes no empty folder.
fn remove_empty_folders(output: &Path, file: &Path) {
    let mut folder: Option<PathBuf> = file.parent().map(Path::to_path_buf);
    while let Some(dir) = folder {
        if dir == output || !dir.starts_with(output) || fs::remove_dir(&dir).is_err() {
            return;
        }
        folder = dir.parent().map(Path::to_path_buf);
    }
}

fn outside(path: &str) -> io::Error {
    io::Error::new(
        io::ErrorKind::InvalidInput,
        format!("not inside the output: {path}"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Trees {
        _dir: tempfile::TempDir,
        output: PathBuf,
        staged: PathBuf,
        undo: PathBuf,
    }

    impl Trees {
        fn places(&self) -> Places<'_> {
            Places {
                output: &self.output,
                staged: &self.staged,
                undo: &self.undo,
            }
        }
    }

    fn put(dir: &Path, rel: &str, text: &str) {
        let file = safe_join(dir, rel).unwrap();
        fs::create_dir_all(file.parent().unwrap()).unwrap();
        fs::write(file, text).unwrap();
    }

    /// Every file under `dir` and its text; and every folder, so that an
    /// empty one left behind shows.
    fn tree(dir: &Path) -> Vec<(String, String)> {
        let mut all: Vec<(String, String)> = walkdir::WalkDir::new(dir)
            .min_depth(1)
            .into_iter()
            .map(|e| e.unwrap())
            .map(|e| {
                let rel = e.path().strip_prefix(dir).unwrap();
                let rel = rel.to_string_lossy().replace('\\', "/");
                let text = if e.file_type().is_dir() {
                    "<folder>".to_string()
                } else {
                    fs::read_to_string(e.path()).unwrap()
                };
                (rel, text)
            })
            .collect();
        all.sort();
        all
    }

    /// An output of three pages, and a patch that changes one, adds one in a
    /// new folder and deletes one whose folder then empties.
    fn trees() -> (Trees, Vec<Step>) {
        let dir = tempfile::tempdir().unwrap();
        let output = dir.path().join("public");
        let staged = dir.path().join(".public.nb-tmp-1");
        let undo = dir.path().join(".public.nb-undo-1");
        put(&output, "index.html", "首页 旧");
        put(&output, "news/a/index.html", "甲 旧");
        put(&output, "news/b/index.html", "乙");
        put(&staged, "index.html", "首页 新");
        put(&staged, "news/c/index.html", "丙 新");
        let steps = vec![
            Step {
                path: "index.html".into(),
                kind: Move::Replace,
            },
            Step {
                path: "news/c/index.html".into(),
                kind: Move::Add,
            },
            Step {
                path: "news/a/index.html".into(),
                kind: Move::Delete,
            },
        ];
        let trees = Trees {
            _dir: dir,
            output,
            staged,
            undo,
        };
        (trees, steps)
    }

    fn patched() -> Vec<(String, String)> {
        [
            ("index.html", "首页 新"),
            ("news", "<folder>"),
            ("news/b", "<folder>"),
            ("news/b/index.html", "乙"),
            ("news/c", "<folder>"),
            ("news/c/index.html", "丙 新"),
        ]
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .to_vec()
    }

    #[test]
    fn a_patch_moves_the_new_files_in_and_the_old_ones_out() {
        let (t, steps) = trees();
        apply(&t.places(), &steps).unwrap();
        assert_eq!(tree(&t.output), patched());
        assert!(!t.undo.exists(), "the undo folder is gone");
    }

    #[test]
    fn a_failed_move_puts_every_file_back() {
        let (t, mut steps) = trees();
        let before = tree(&t.output);
        // The last move has nothing staged to move in.
        steps.push(Step {
            path: "news/d/index.html".into(),
            kind: Move::Add,
        });
        assert!(apply(&t.places(), &steps).is_err());
        assert_eq!(tree(&t.output), before);
        assert!(!t.undo.exists());
    }

    #[test]
    fn a_patch_killed_at_any_move_is_put_back_by_the_next_run() {
        for stop in 0..=3 {
            let (t, steps) = trees();
            let before = tree(&t.output);
            apply_until(&t.places(), &steps, Some(stop)).unwrap();
            roll_back_killed(&t.output, &t.undo);
            assert_eq!(tree(&t.output), before, "killed after {stop} moves");
            assert!(!t.undo.exists());
        }
    }

    #[test]
    fn a_patch_killed_after_it_counted_is_only_cleaned_up() {
        let (t, steps) = trees();
        apply(&t.places(), &steps).unwrap();
        // What a kill between the commit and the clean-up leaves.
        put(&t.undo.join(KEPT), "index.html", "首页 旧");
        roll_back_killed(&t.output, &t.undo);
        assert_eq!(tree(&t.output), patched());
        assert!(!t.undo.exists());
    }

    #[test]
    fn a_damaged_journal_touches_nothing() {
        let (t, _) = trees();
        let before = tree(&t.output);
        put(
            &t.undo,
            JOURNAL,
            "noticeboard output patch 1\nX \"index.html\"\n",
        );
        roll_back_killed(&t.output, &t.undo);
        assert_eq!(tree(&t.output), before);
    }

    #[test]
    fn journal_paths_keep_every_character() {
        let dir = tempfile::tempdir().unwrap();
        let steps = vec![Step {
            path: "奇怪/名 字\n\"x\".html".into(),
            kind: Move::Delete,
        }];
        write_journal(dir.path(), &steps).unwrap();
        assert_eq!(read_journal(dir.path()), Some(steps));
    }
}
