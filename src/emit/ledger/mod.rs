//! The disclosure ledger (`disclosures.lock`): for every disclosure ever
//! published, what it showed — number, URL, date, the SHA-256 of its source,
//! of each attachment and of each picture it shows, its computed notice period —
//! and the correction notes (更正说明) it carried.
//!
//! A build compares the site with the ledger ([`compare`]). A recorded
//! disclosure that disappears, becomes a draft or another kind, changes its
//! number or address, or changes what it shows fails the build until its page
//! carries a new, dated, non-empty revision note that is not backdated.
//! Entries are never removed: a disclosure withdrawn with a note stays in the
//! ledger, marked withdrawn. Numbers are matched by what they look like
//! (`disclosure::skeleton`), not by their code points.
//!
//! The ledger beside the site can be rewritten by whoever edits the site, so a
//! build can also compare with a ledger already published (the previous
//! output's `/disclosures/ledger.json`, or a copy given with `--ledger-from`).
//! Reading and writing the files is here; what the site holds now is
//! [`record`]; writing the file is the build driver's job (atomically, after
//! the output).

mod compare;
mod record;

pub use compare::update_ledger;
pub use record::{Reads, SiteView, reads};

use crate::message::Message;
use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::diag::{Diagnostic, Report};
use crate::layout::LEDGER_FILE;

/// 2 added pictures, notice periods, notes, the recording date and withdrawals.
/// A version-1 file is read and upgraded (see [`LedgerFile::legacy`]).
pub const FORMAT_VERSION: u32 = 2;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Ledger {
    pub version: u32,
    /// Sorted by number.
    pub entries: Vec<Entry>,
}

/// One disclosure as it was last recorded. The fields after `revisions` came
/// with format 2; a version-1 entry reads them as empty.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    pub number: String,
    pub url: String,
    pub title: String,
    pub date: String,
    pub source: String,
    pub source_sha256: String,
    pub attachments: Vec<AttachmentRecord>,
    /// How many `revisions` entries the page had when this was recorded
    /// (what format 1 kept of the notes; still written for older readers).
    pub revisions: usize,
    /// Pictures the notice shows (cover, gallery, figures, images in the
    /// text), by path from the site root, with the SHA-256 of their bytes.
    #[serde(default)]
    pub pictures: Vec<PictureRecord>,
    /// The notice period as computed (weekends, holidays, make-up workdays).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notice: Option<NoticeRecord>,
    /// The page's revision notes when this was recorded.
    #[serde(default)]
    pub notes: Vec<NoteRecord>,
    /// The build date on which this state was recorded: a note accounting
    /// for a later change may not be dated before it.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub recorded: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub withdrawn: Option<Withdrawal>,
    /// Who approved it for publishing, and when (`review: required`: the
    /// page's `reviewed`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub approved: Option<Approval>,
}

/// The page's `reviewed: {by, at}` when it was recorded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Approval {
    pub by: String,
    pub at: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AttachmentRecord {
    pub file: String,
    pub size: u64,
    pub sha256: String,
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct PictureRecord {
    pub file: String,
    pub sha256: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NoticeRecord {
    pub from: String,
    pub until: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NoteRecord {
    pub date: String,
    pub note: String,
}

/// A disclosure no longer published under its number, and the note that said why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Withdrawal {
    pub date: String,
    pub note: String,
    /// The number the same page carries now, when it was renumbered.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number_now: Option<String>,
}

/// A ledger as read from a file, with what messages about it need.
#[derive(Debug, Clone, Default)]
pub struct LedgerFile {
    pub ledger: Ledger,
    /// The file, as messages name it (`disclosures.lock`, `public/disclosures/ledger.json`).
    pub shown: String,
    /// Written by format 1: its entries lack pictures, notice periods and
    /// notes, which are recorded as they are now instead of compared.
    pub legacy: bool,
    /// Line of each entry's `"number"`, for pointing at a record.
    lines: BTreeMap<String, usize>,
}

impl LedgerFile {
    pub fn line_of(&self, number: &str) -> Option<usize> {
        self.lines.get(number).copied()
    }
}

/// What reading a ledger file found.
pub enum Loaded {
    Missing,
    Read(LedgerFile),
    /// Unreadable or damaged; the report says why.
    Failed,
}

/// Reads `disclosures.lock`; a missing file is an empty ledger.
pub fn read_ledger(root: &Path, report: &mut Report) -> Option<LedgerFile> {
    match read_ledger_file(&root.join(LEDGER_FILE), LEDGER_FILE, false, report) {
        Loaded::Missing => Some(LedgerFile {
            shown: LEDGER_FILE.to_string(),
            ..LedgerFile::default()
        }),
        Loaded::Read(file) => Some(file),
        Loaded::Failed => None,
    }
}

/// Reads a ledger file (`disclosures.lock` or a published `ledger.json`);
/// `shown` is how messages name it. A missing file is an error when it is
/// `required` (named on the command line).
pub fn read_ledger_file(path: &Path, shown: &str, required: bool, report: &mut Report) -> Loaded {
    let text = match read_capped(path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound && !required => return Loaded::Missing,
        Err(e) => {
            report.push(
                Diagnostic::error(Message::LedgerUnreadable {
                    detail: e.to_string(),
                })
                .at(shown),
            );
            return Loaded::Failed;
        }
    };
    let ledger = match serde_json::from_str::<Ledger>(&text) {
        Ok(ledger) => ledger,
        Err(e) => {
            report.push(
                Diagnostic::error(Message::LedgerDamaged {
                    detail: e.to_string(),
                })
                .at(shown)
                .line_col(e.line(), e.column())
                .help(Message::LedgerRestoreHelp {
                    file: shown.to_string(),
                }),
            );
            return Loaded::Failed;
        }
    };
    if ledger.version > FORMAT_VERSION {
        report.push(
            Diagnostic::error(Message::LedgerTooNew {
                version: u64::from(ledger.version),
                known: u64::from(FORMAT_VERSION),
            })
            .at(shown)
            .line_maybe(line_containing(&text, "\"version\"")),
        );
        return Loaded::Failed;
    }
    let lines = number_lines(&text);
    Loaded::Read(LedgerFile {
        legacy: ledger.version < FORMAT_VERSION,
        ledger,
        shown: shown.to_string(),
        lines,
    })
}

/// Far above any real ledger (a hundred thousand notices), far below what
/// would exhaust memory.
const MAX_LEDGER_BYTES: u64 = 256 << 20;

/// Reads a regular file only, and at most [`MAX_LEDGER_BYTES`]: a ledger that
/// is a link to `/dev/zero` or a FIFO must fail, not hang the build.
fn read_capped(path: &Path) -> std::io::Result<String> {
    use std::io::Read;
    if !std::fs::metadata(path)?.is_file() {
        return Err(std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            "not a regular file",
        ));
    }
    let mut text = String::new();
    std::fs::File::open(path)?
        .take(MAX_LEDGER_BYTES)
        .read_to_string(&mut text)?;
    Ok(text)
}

/// The line of each entry's `"number": "…"`, in one pass (the file is
/// pretty-printed, one key a line).
fn number_lines(text: &str) -> BTreeMap<String, usize> {
    let mut lines = BTreeMap::new();
    for (i, line) in text.lines().enumerate() {
        let Some(value) = line.trim_start().strip_prefix("\"number\":") else {
            continue;
        };
        let value = value.trim().trim_end_matches(',');
        if let Ok(number) = serde_json::from_str::<String>(value) {
            lines.entry(number).or_insert(i + 1);
        }
    }
    lines
}

fn line_containing(text: &str, needle: &str) -> Option<usize> {
    text.lines().position(|l| l.contains(needle)).map(|i| i + 1)
}

pub fn to_json(ledger: &Ledger) -> String {
    let mut text = serde_json::to_string_pretty(ledger).unwrap_or_default();
    text.push('\n');
    text
}

/// `.disclosures.lock.tmp-PID` files left by builds killed while writing.
fn remove_stale_temporaries(root: &Path) {
    let prefix = format!(".{LEDGER_FILE}.tmp-");
    if let Ok(entries) = std::fs::read_dir(root) {
        for entry in entries.flatten() {
            if entry.file_name().to_string_lossy().starts_with(&prefix) {
                let _ = std::fs::remove_file(entry.path());
            }
        }
    }
}

/// Writes the ledger next to the site: temporary file, flush to disk, rename,
/// so a crash never leaves half a ledger.
pub fn write_ledger(root: &Path, ledger: &Ledger) -> Result<(), Diagnostic> {
    use std::io::Write;
    let target = root.join(LEDGER_FILE);
    let tmp = root.join(format!(".{LEDGER_FILE}.tmp-{}", std::process::id()));
    remove_stale_temporaries(root);
    let result = (|| -> std::io::Result<()> {
        let mut file = std::fs::File::create(&tmp)?;
        file.write_all(to_json(ledger).as_bytes())?;
        file.sync_all()?;
        std::fs::rename(&tmp, &target)?;
        // The rename itself must reach the disk, or a power cut can bring back
        // the old ledger next to the new output.
        crate::durable::sync_dir(root);
        Ok(())
    })();
    result.map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        Diagnostic::error(Message::LedgerWrite {
            detail: e.to_string(),
        })
        .at(LEDGER_FILE)
    })
}
