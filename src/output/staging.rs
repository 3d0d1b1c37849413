//! The new output folder while a build fills it.
//!
//! Rendered files go in as they are made ([`Staging::put`]): a build never
//! holds its whole output in memory, only what is still being rendered. A
//! file the current output already holds (its SHA-256 and stamp as the
//! manifest recorded) is not written but linked from there at the end; the
//! copies, pictures and theme files follow in [`Staging::finish`], which then
//! swaps the folder into place. A staging dropped without `finish` (a build
//! that failed after rendering) deletes what it wrote: the old output stays.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use rayon::prelude::*;

use super::patch::{self, Move, Places, Step};
use super::reuse::{self, Key, Manifest, Stamp};
use super::{
    Entry, TMP_MARK, UNDO_MARK, WriteOptions, Written, check_replaceable, content_error, io_error,
    outside_output, recover, safe_join, sibling, swap_into_place, write_tree,
};
use crate::diag::Diagnostic;
use crate::message::Message;

/// An output is updated in place when at most one file in `PATCH_SHARE`, and
/// `PATCH_FLOOR` more, differ: past that, a whole new folder is swapped in,
/// which readers see change all at once.
const PATCH_SHARE: usize = 8;
const PATCH_FLOOR: usize = 64;

/// Where the files of a build ended up: entries', then placed files'.
type Stamps = (Vec<Option<Stamp>>, Vec<Option<Stamp>>);

/// A new output folder being filled, beside the current one.
pub struct Staging<'a> {
    output: PathBuf,
    tmp: PathBuf,
    options: WriteOptions<'a>,
    previous: Option<Manifest>,
    placed: Mutex<HashMap<String, Put>>,
    finished: bool,
}

/// One file put in.
struct Put {
    key: Key,
    how: How,
}

enum How {
    /// Written into the new folder, with its stamp there.
    Written(Option<Stamp>),
    /// The current output holds it as it is: linked at the end.
    Reused,
    /// A volatile file, kept until it is known whether anything changed.
    Held(Vec<u8>),
}

impl<'a> Staging<'a> {
    /// Starts a new output for `output`: finishes what a killed build left,
    /// checks that `output` may be replaced, and makes the folder to fill.
    pub fn open(output: &Path, options: WriteOptions<'a>) -> Result<Staging<'a>, Diagnostic> {
        recover(output);
        check_replaceable(output)?;
        let tmp = sibling(output, TMP_MARK).ok_or_else(|| {
            Diagnostic::error(Message::OutputUnusable {
                output: crate::shown_path::shown_path(output),
            })
        })?;
        fs::create_dir_all(&tmp).map_err(|e| io_error(&tmp, &e))?;
        let previous = options.manifest.and_then(|m| Manifest::read(m, output));
        Ok(Staging {
            output: output.to_path_buf(),
            tmp,
            options,
            previous,
            placed: Mutex::new(HashMap::new()),
            finished: false,
        })
    }

    /// Puts one file in; a second file at the same path replaces the first.
    /// Safe to call from several threads at once.
    pub fn put(&self, path: String, bytes: Vec<u8>) -> Result<(), Diagnostic> {
        let target = safe_join(&self.tmp, &path).ok_or_else(|| outside_output(&path))?;
        let key = reuse::key_of_bytes(&bytes);
        if self.options.volatile.contains(&path.as_str()) {
            self.place(path, key, How::Held(bytes));
            return Ok(());
        }
        let again = self.lock().contains_key(&path);
        let reusable = !again
            && self
                .previous
                .as_ref()
                .is_some_and(|previous| reuse::reusable_one(&self.output, &path, &key, previous));
        if reusable {
            self.place(path, key, How::Reused);
            return Ok(());
        }
        if let Some(folder) = target.parent() {
            fs::create_dir_all(folder).map_err(|e| io_error(folder, &e))?;
        }
        fs::write(&target, &bytes).map_err(|e| io_error(&target, &e))?;
        let stamp = Stamp::at(&target);
        self.place(path, key, How::Written(stamp));
        Ok(())
    }

    /// Keeps the file the current output has at `path`, as the manifest
    /// recorded it, without its bytes: `false` when the output no longer
    /// holds it so (or something was put there already).
    pub fn keep(&self, path: &str) -> bool {
        let Some((key, _)) = self.previous.as_ref().and_then(|p| p.get(path)) else {
            return false;
        };
        if self.options.volatile.contains(&path) || self.lock().contains_key(path) {
            return false;
        }
        let previous = self.previous.as_ref().expect("looked up above");
        if !reuse::reusable_one(&self.output, path, key, previous) {
            return false;
        }
        self.place(path.to_string(), *key, How::Reused);
        true
    }

    fn place(&self, path: String, key: Key, how: How) {
        self.lock().insert(path, Put { key, how });
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<String, Put>> {
        self.placed
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Whether a file was put at `path`.
    pub fn has(&self, path: &str) -> bool {
        self.lock().contains_key(path)
    }

    /// How many files were put in.
    pub fn len(&self) -> usize {
        self.lock().len()
    }

    /// The paths of the files put in, sorted.
    pub fn paths(&self) -> Vec<String> {
        let mut paths: Vec<String> = self.lock().keys().cloned().collect();
        paths.sort_unstable();
        paths
    }

    /// The bytes of a file put in, read back from where it is.
    pub fn bytes(&self, path: &str) -> Option<Cow<'static, [u8]>> {
        let placed = self.lock();
        let from = match &placed.get(path)?.how {
            How::Held(bytes) => return Some(Cow::Owned(bytes.clone())),
            How::Written(_) => &self.tmp,
            How::Reused => &self.output,
        };
        let file = safe_join(from, path)?;
        drop(placed);
        fs::read(file).ok().map(Cow::Owned)
    }

    /// Adds `entries` (those at a path no file was put at), then puts the
    /// new folder in place of the output — unless it would hold exactly what
    /// the output holds, which is then left as it is.
    pub fn finish(mut self, entries: &[Entry]) -> Result<Written, Diagnostic> {
        self.finished = true;
        let result = self.complete(entries);
        // Moved into place, or not wanted: nothing of it may stay behind.
        let _ = fs::remove_dir_all(&self.tmp);
        result
    }

    fn complete(&mut self, entries: &[Entry]) -> Result<Written, Diagnostic> {
        let placed = std::mem::take(&mut *self.lock());
        let entries: Vec<&Entry> = entries
            .iter()
            .filter(|e| !placed.contains_key(&e.path))
            .collect();
        let keys: Option<Vec<Key>> = match self.options.manifest {
            Some(_) => Some(
                entries
                    .par_iter()
                    .map(|e| {
                        reuse::key_of(&e.content)
                            .map_err(|err| content_error(e, &self.output, &err))
                    })
                    .collect::<Result<_, _>>()?,
            ),
            None => None,
        };
        let reused: Vec<bool> = match (&self.previous, &keys) {
            (Some(previous), Some(keys)) => reuse::reusable(&self.output, &entries, keys, previous),
            _ => vec![false; entries.len()],
        };
        let total = entries.len() + placed.len();
        if let Some(previous) = &self.previous
            && self.unchanged(&entries, &reused, &placed, previous)
        {
            return Ok(Written {
                files: total,
                reused: total,
                unchanged: true,
            });
        }
        let placed: Vec<(String, Put)> = placed.into_iter().collect();
        let patched = match (&self.previous, &keys) {
            (Some(previous), Some(_)) if self.options.in_place => {
                self.patch(&entries, &reused, &placed, previous)?
            }
            _ => None,
        };
        let (stamps, placed_stamps) = match patched {
            Some(stamps) => stamps,
            None => self.swap(&entries, &reused, &placed)?,
        };
        let linked = reused.iter().filter(|&&r| r).count()
            + placed
                .iter()
                .filter(|(_, put)| matches!(put.how, How::Reused))
                .count();
        if let (Some(file), Some(keys)) = (self.options.manifest, keys) {
            let mut manifest = Manifest::new(&self.output);
            for ((entry, key), stamp) in entries.iter().zip(keys).zip(stamps) {
                if let Some(stamp) = stamp {
                    manifest.insert(entry.path.clone(), key, stamp);
                }
            }
            for ((path, put), stamp) in placed.into_iter().zip(placed_stamps) {
                if let Some(stamp) = stamp {
                    manifest.insert(path, put.key, stamp);
                }
            }
            // Only a hint for the next build: without it, that one writes all.
            let _ = manifest.write(file);
        }
        Ok(Written {
            files: total,
            reused: linked,
            unchanged: false,
        })
    }

    /// Fills the new folder with what it still lacks and swaps it in place
    /// of the output; the stamps of `entries` and `placed` there.
    fn swap(
        &self,
        entries: &[&Entry],
        reused: &[bool],
        placed: &[(String, Put)],
    ) -> Result<Stamps, Diagnostic> {
        let stamps = write_tree(&self.tmp, entries, &self.output, reused)?;
        let placed_stamps: Vec<Option<Stamp>> = placed
            .par_iter()
            .map(|(path, put)| self.complete_one(path, put))
            .collect::<Result<_, _>>()?;
        swap_into_place(&self.tmp, &self.output, self.options.old)?;
        if let Some(parent) = self.output.parent().filter(|p| !p.as_os_str().is_empty()) {
            crate::durable::sync_dir(parent);
        }
        Ok((stamps, placed_stamps))
    }

    /// Updates the output in place ([`super::patch`]) when it holds exactly
    /// what `previous` records and only a few files differ; `None` when it
    /// does not, and the whole folder is to be swapped.
    fn patch(
        &self,
        entries: &[&Entry],
        reused: &[bool],
        placed: &[(String, Put)],
        previous: &Manifest,
    ) -> Result<Option<Stamps>, Diagnostic> {
        let total = entries.len() + placed.len();
        let made: HashSet<&str> = (entries.iter().map(|e| e.path.as_str()))
            .chain(placed.iter().map(|(path, _)| path.as_str()))
            .collect();
        let fresh_entries: Vec<&Entry> = (entries.iter().zip(reused))
            .filter(|&(_, &reused)| !reused)
            .map(|(entry, _)| *entry)
            .collect();
        let fresh_placed = placed
            .iter()
            .filter(|(_, put)| !matches!(put.how, How::Reused));
        let gone: Vec<&str> = previous.paths().filter(|p| !made.contains(p)).collect();
        let moves = fresh_entries.len() + fresh_placed.clone().count() + gone.len();
        if moves > total / PATCH_SHARE + PATCH_FLOOR {
            return Ok(None);
        }
        // Nothing beside what the manifest records, or it would stay.
        if !reuse::holds_only(&self.output, &previous.paths().collect()) {
            return Ok(None);
        }
        write_tree(
            &self.tmp,
            &fresh_entries,
            &self.output,
            &vec![false; fresh_entries.len()],
        )?;
        for (path, put) in fresh_placed.clone() {
            self.complete_one(path, put)?;
        }
        let kind = |path: &str| match previous.get(path) {
            Some(_) => Move::Replace,
            None => Move::Add,
        };
        let steps: Vec<Step> = (fresh_entries.iter().map(|e| e.path.as_str()))
            .chain(fresh_placed.map(|(path, _)| path.as_str()))
            .map(|path| Step {
                path: path.to_string(),
                kind: kind(path),
            })
            .chain(gone.iter().map(|path| Step {
                path: path.to_string(),
                kind: Move::Delete,
            }))
            .collect();
        let undo = sibling(&self.output, UNDO_MARK).ok_or_else(|| {
            Diagnostic::error(Message::OutputUnusable {
                output: crate::shown_path::shown_path(&self.output),
            })
        })?;
        let places = Places {
            output: &self.output,
            staged: &self.tmp,
            undo: &undo,
        };
        patch::apply(&places, &steps).map_err(|e| {
            Diagnostic::error(Message::NewOutputPlace {
                detail: e.to_string(),
            })
            .at(&self.output)
        })?;
        crate::durable::sync_dir(&self.output);
        // A kept file still has the stamp recorded; a moved one is stamped
        // where it is now.
        let stamp = |path: &str, kept: bool| match kept {
            true => previous.get(path).map(|(_, stamp)| *stamp),
            false => safe_join(&self.output, path).and_then(|p| Stamp::at(&p)),
        };
        let stamps = (entries.iter().zip(reused))
            .map(|(entry, &reused)| stamp(&entry.path, reused))
            .collect();
        let placed_stamps = (placed.iter())
            .map(|(path, put)| stamp(path, matches!(put.how, How::Reused)))
            .collect();
        Ok(Some((stamps, placed_stamps)))
    }

    /// A file put in, made whole in the new folder: linked (or copied, where
    /// the disk has no links) from the output, or written if it was held.
    fn complete_one(&self, path: &str, put: &Put) -> Result<Option<Stamp>, Diagnostic> {
        let target = safe_join(&self.tmp, path).ok_or_else(|| outside_output(path))?;
        match &put.how {
            How::Written(stamp) => return Ok(*stamp),
            How::Reused => {
                let old = safe_join(&self.output, path).ok_or_else(|| outside_output(path))?;
                if let Some(folder) = target.parent() {
                    fs::create_dir_all(folder).map_err(|e| io_error(folder, &e))?;
                }
                fs::hard_link(&old, &target)
                    .or_else(|_| fs::copy(&old, &target).map(|_| ()))
                    .map_err(|e| io_error(&target, &e))?;
            }
            How::Held(bytes) => {
                if let Some(folder) = target.parent() {
                    fs::create_dir_all(folder).map_err(|e| io_error(folder, &e))?;
                }
                fs::write(&target, bytes).map_err(|e| io_error(&target, &e))?;
            }
        }
        Ok(Stamp::at(&target))
    }

    /// Whether the output already is what this build made: every file
    /// reusable (a volatile one only still as recorded), and nothing else.
    fn unchanged(
        &self,
        entries: &[&Entry],
        reused: &[bool],
        placed: &HashMap<String, Put>,
        previous: &Manifest,
    ) -> bool {
        let as_recorded = |path: &str| {
            previous.get(path).is_some_and(|(_, stamp)| {
                safe_join(&self.output, path)
                    .and_then(|p| Stamp::at(&p))
                    .is_some_and(|now| stamp.still(&now))
            })
        };
        let volatile = |path: &str| self.options.volatile.contains(&path);
        previous.len() == entries.len() + placed.len()
            && entries.iter().zip(reused).all(|(entry, &reused)| {
                reused || (volatile(&entry.path) && as_recorded(&entry.path))
            })
            && placed.iter().all(|(path, put)| match put.how {
                How::Reused => true,
                How::Held(_) => as_recorded(path),
                How::Written(_) => false,
            })
            && {
                let paths: HashSet<&str> = entries
                    .iter()
                    .map(|e| e.path.as_str())
                    .chain(placed.keys().map(String::as_str))
                    .collect();
                reuse::holds_only(&self.output, &paths)
            }
    }
}

impl Drop for Staging<'_> {
    fn drop(&mut self) {
        if !self.finished {
            let _ = fs::remove_dir_all(&self.tmp);
        }
    }
}
