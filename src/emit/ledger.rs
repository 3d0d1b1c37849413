//! The disclosure ledger (`disclosures.lock`): for every published disclosure,
//! its number, URL, date and the SHA-256 of its source and of each attachment.
//!
//! A build compares the site with the ledger. A recorded disclosure whose text
//! or attachments changed must carry a new entry in its `revisions` (更正说明);
//! otherwise the build fails and says what changed. Entries are never removed:
//! a disclosure deleted from the site stays in the ledger, with a warning.
//! Writing the file is the build driver's job (atomically, after the output).

use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::diag::{Diagnostic, Report};
use crate::layout::LEDGER_FILE;
use crate::model::Site;
use crate::model::kinds::Details;

const FORMAT_VERSION: u32 = 1;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Ledger {
    pub version: u32,
    /// Sorted by number.
    pub entries: Vec<Entry>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    pub number: String,
    pub url: String,
    pub title: String,
    pub date: String,
    pub source: String,
    pub source_sha256: String,
    pub attachments: Vec<AttachmentRecord>,
    /// How many `revisions` entries the page had when this was recorded.
    pub revisions: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AttachmentRecord {
    pub file: String,
    pub size: u64,
    pub sha256: String,
}

/// Reads `disclosures.lock`; a missing file is an empty ledger.
pub fn read_ledger(root: &Path, report: &mut Report) -> Option<Ledger> {
    let path = root.join(LEDGER_FILE);
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Some(Ledger::default()),
        Err(e) => {
            report.push(
                Diagnostic::error(format!("cannot read the disclosure ledger: {e}"))
                    .at(LEDGER_FILE),
            );
            return None;
        }
    };
    match serde_json::from_str::<Ledger>(&text) {
        Ok(ledger) => Some(ledger),
        Err(e) => {
            report.push(
                Diagnostic::error(format!("the disclosure ledger is damaged: {e}"))
                    .at(LEDGER_FILE)
                    .line_col(e.line(), e.column())
                    .help("restore disclosures.lock from version control (git checkout disclosures.lock); never edit it by hand"),
            );
            None
        }
    }
}

pub fn to_json(ledger: &Ledger) -> String {
    let mut text = serde_json::to_string_pretty(ledger).unwrap_or_default();
    text.push('\n');
    text
}

/// Compares the site's disclosures with the ledger and returns the ledger as it
/// must be after this build. Problems go into `report`.
pub fn update_ledger(site: &Site, old: &Ledger, today: &str, report: &mut Report) -> Ledger {
    let mut entries: BTreeMap<String, Entry> = old
        .entries
        .iter()
        .map(|e| (e.number.clone(), e.clone()))
        .collect();
    let mut seen = Vec::new();
    for page in &site.pages {
        let Details::Disclosure(d) = &page.details else {
            continue;
        };
        if page.parsed.draft {
            continue;
        }
        let number = d.number.to_string();
        seen.push(number.clone());
        let revisions = page.parsed.front.revisions.as_ref().map_or(0, Vec::len);
        let current = Entry {
            number: number.clone(),
            url: format!("/{}", page.path),
            title: page.parsed.title.clone(),
            date: page.parsed.date.date().to_string(),
            source: page.parsed.path.to_string_lossy().replace('\\', "/"),
            source_sha256: d.source_sha256.clone(),
            attachments: d
                .attachments
                .iter()
                .map(|a| AttachmentRecord {
                    file: a.name.clone(),
                    size: a.size,
                    sha256: a.sha256.clone(),
                })
                .collect(),
            revisions,
        };
        match entries.get(&number) {
            None => {
                entries.insert(number, current);
            }
            Some(recorded) => {
                let changes = describe_changes(recorded, &current);
                if changes.is_empty() {
                    // Same content; a moved URL or retitled source is just kept current.
                    entries.insert(number, current);
                } else if revisions > recorded.revisions {
                    entries.insert(number, current);
                } else {
                    let mut d = Diagnostic::error(format!(
                        "disclosure {number} was changed after it was published ({}); a published disclosure may only change with a correction note",
                        changes.join("; ")
                    ))
                    .at(&page.parsed.path)
                    .help(format!(
                        "record why in its front matter, then build again:\n  revisions:\n    - {{date: {today}, note: 更正说明：……}}\n(or undo the change; the ledger {LEDGER_FILE} keeps the published fingerprint)"
                    ));
                    if let Some(&line) = page
                        .parsed
                        .key_lines
                        .get("revisions")
                        .or(page.parsed.key_lines.get("number"))
                    {
                        d = d.line(line);
                    }
                    report.push(d);
                }
            }
        }
    }
    for (number, entry) in &entries {
        if !seen.contains(number) && old.entries.iter().any(|e| &e.number == number) {
            report.push(
                Diagnostic::warning(format!(
                    "disclosure {number} ({}) is recorded in the ledger but no longer in the site; its record is kept",
                    entry.url
                ))
                .at(LEDGER_FILE)
                .help(format!("published disclosures should stay reachable; restore {}", entry.source)),
            );
        }
    }
    Ledger {
        version: FORMAT_VERSION,
        entries: entries.into_values().collect(),
    }
}

fn describe_changes(recorded: &Entry, current: &Entry) -> Vec<String> {
    let mut changes = Vec::new();
    if recorded.source_sha256 != current.source_sha256 {
        changes.push(format!("the text of {} changed", current.source));
    }
    for old in &recorded.attachments {
        match current.attachments.iter().find(|a| a.file == old.file) {
            None => changes.push(format!("attachment {} was removed", old.file)),
            Some(new) if new.sha256 != old.sha256 => {
                changes.push(format!("attachment {} changed", old.file))
            }
            Some(_) => {}
        }
    }
    for new in &current.attachments {
        if !recorded.attachments.iter().any(|a| a.file == new.file) {
            changes.push(format!("attachment {} was added", new.file));
        }
    }
    changes
}

/// Writes the ledger next to the site: temporary file, flush to disk, rename,
/// so a crash never leaves half a ledger.
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
        Diagnostic::error(format!("cannot write the disclosure ledger: {e}")).at(LEDGER_FILE)
    })
}
