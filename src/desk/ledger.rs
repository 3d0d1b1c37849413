//! A published disclosure's record in `disclosures.lock`, as the desk keeps
//! to it. The build refuses a recorded notice that changed without a fresh
//! revision note (更正说明); the desk asks for the note before it writes such
//! a change, and writes the note into the page's `revisions` (dated today),
//! which is what the build's comparison accepts. A change is anything the
//! record holds: the text (body and fields, by its SHA-256), and the files
//! it reads — the attachments it lists and the pictures it shows, by their
//! bytes. A save changes the text; an upload can make a file the notice
//! reads (one it names that was missing, any picture of a whole-bundle
//! gallery), and the first upload of a one-file page moves it into a folder
//! of its own, where every name it gives relative to itself points anew.
//!
//! What the record reads is the ledger's own answer
//! ([`reads`](crate::emit::ledger::reads)); the desk only says which of
//! those files exist before and after the upload.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde_json::{Map, Value, json};

use crate::diag::Report;
use crate::disclosure::skeleton::skeleton;
use crate::emit::ledger::{self, Entry, Reads};
use crate::images::gallery::is_bundle_picture;
use crate::layout::CONTENT_DIR;
use crate::model::Page;
use crate::model::Site;

use super::Desk;

/// The live (not withdrawn) record of the page at `path` (relative to the
/// root, with `/`): by its file; by the page's other form (`x.md` ↔
/// `x/index.md`: the desk makes a one-file page a folder on its first
/// upload, and only the next build moves the record along); else by the
/// 文号 in `front` (the page as it is on disk), as the build matches a
/// notice to its record.
pub fn record_of(desk: &Desk, path: &str, front: Option<&Map<String, Value>>) -> Option<Entry> {
    let mut quiet = Report::new();
    let file = ledger::read_ledger(&desk.options.root, &mut quiet)?;
    let mut live: Vec<Entry> = (file.ledger.entries.into_iter())
        .filter(|e| e.withdrawn.is_none())
        .collect();
    let twin = twin_path(path);
    let at = |wanted: &str, live: &[Entry]| live.iter().position(|e| e.source == wanted);
    let number = front
        .and_then(|f| f.get("number"))
        .and_then(Value::as_str)
        .map(|n| skeleton(n.trim()))
        .filter(|n| !n.is_empty());
    let found = at(path, &live).or_else(|| at(&twin, &live)).or_else(|| {
        live.iter()
            .position(|e| number.as_deref() == Some(skeleton(&e.number).as_str()))
    })?;
    Some(live.swap_remove(found))
}

/// `content/a/x.md` ↔ `content/a/x/index.md`.
pub fn twin_path(path: &str) -> String {
    match path.strip_suffix("/index.md") {
        Some(folder) => format!("{folder}.md"),
        None => format!("{}/index.md", path.trim_end_matches(".md")),
    }
}

/// Whether the page's `revisions` has a note the record does not hold yet:
/// one written since the last build, which accounts for every change until
/// the next (the build takes the newest fresh note).
pub fn has_new_note(front: &Map<String, Value>, entry: &Entry) -> bool {
    let Some(list) = front.get("revisions").and_then(Value::as_array) else {
        return false;
    };
    list.iter().any(|r| {
        let note = r.get("note").and_then(Value::as_str).unwrap_or("").trim();
        let date = r
            .get("date")
            .map(|d| d.as_str().map(str::to_string).unwrap_or(d.to_string()));
        !note.is_empty()
            && !entry
                .notes
                .iter()
                .any(|n| n.note.trim() == note && Some(&n.date) == date.as_ref())
    })
}

/// Adds the note, dated `today`, to the end of the page's `revisions`;
/// returns the entry as written.
pub fn add_note(front: &mut Map<String, Value>, today: &str, note: &str) -> Value {
    let entry = json!({"date": today, "note": note});
    let revisions = front
        .entry("revisions")
        .or_insert_with(|| Value::Array(Vec::new()));
    if !revisions.is_array() {
        *revisions = Value::Array(Vec::new());
    }
    if let Some(list) = revisions.as_array_mut() {
        list.push(entry.clone());
    }
    entry
}

/// Whether making the files `added` (relative to the root; none exists yet)
/// changes what the ledger records for the page at `path`, which will then
/// be the file `path_after` (itself, or `x/index.md` when a page `x.md`
/// becomes a folder): the files its record reads that exist differ before
/// and after. The page is taken from serve's last good build, where it may
/// still be the one-file form of itself (an upload just made it a folder).
/// Without it there (it has an error), nobody can tell, and any upload
/// counts as a change.
pub fn upload_changes(
    root: &Path,
    site: Option<&Site>,
    path: &str,
    path_after: &str,
    added: &[PathBuf],
) -> bool {
    let Some(site) = site else {
        return true;
    };
    let at = |wanted: &str| site.pages.iter().find(|p| slash(&p.parsed.path) == wanted);
    let now = match (at(path), at(&twin_path(path))) {
        (Some(page), _) => Page::clone(page),
        (None, Some(page)) => moved(page, path),
        (None, None) => return true,
    };
    let before = found(root, ledger::reads(site, &now), &[]);
    let after = if path_after == path {
        found(root, ledger::reads(site, &now), added)
    } else {
        found(root, ledger::reads(site, &moved(&now, path_after)), added)
    };
    before != after
}

/// The page as it will be once its file is `path` (a bundle's `index.md`).
fn moved(page: &Page, path: &str) -> Page {
    let mut parsed = (*page.parsed).clone();
    parsed.path = PathBuf::from(path);
    parsed.bundle_dir = Path::new(path)
        .parent()
        .and_then(|folder| folder.strip_prefix(CONTENT_DIR).ok())
        .map(Path::to_path_buf);
    Page {
        parsed: Arc::new(parsed),
        ..page.clone()
    }
}

/// Of the files a record reads, those there: on disk or among `added`, and
/// with a whole-bundle gallery every added picture of the bundle.
fn found(root: &Path, reads: Reads, added: &[PathBuf]) -> BTreeSet<PathBuf> {
    let mut there: BTreeSet<PathBuf> = (reads.files.into_iter())
        .filter(|f| added.contains(f) || root.join(f).is_file())
        .collect();
    if let Some(folder) = &reads.bundle {
        there.extend(
            added
                .iter()
                .filter(|a| is_bundle_picture(folder, a))
                .cloned(),
        );
    }
    there
}

fn slash(path: &Path) -> String {
    path.to_string_lossy().replace('\\', "/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_and_its_bundle_form_are_twins() {
        assert_eq!(twin_path("content/d/x.md"), "content/d/x/index.md");
        assert_eq!(twin_path("content/d/x/index.md"), "content/d/x.md");
    }

    #[test]
    fn a_note_the_record_holds_is_not_new() {
        let entry: Entry = serde_json::from_value(json!({
            "number": "工会〔2026〕1号", "url": "/d/x/", "title": "x", "date": "2026-11-01",
            "source": "content/d/x.md", "source_sha256": "", "attachments": [], "revisions": 1,
            "notes": [{"date": "2026-11-02", "note": "更正"}],
        }))
        .unwrap();
        let mut front = Map::new();
        assert!(!has_new_note(&front, &entry));
        front.insert(
            "revisions".into(),
            json!([{"date": "2026-11-02", "note": "更正"}]),
        );
        assert!(!has_new_note(&front, &entry));
        add_note(&mut front, "2026-11-23", "补充附件");
        assert!(has_new_note(&front, &entry));
        assert_eq!(
            front["revisions"][1],
            json!({"date": "2026-11-23", "note": "补充附件"})
        );
    }
}
