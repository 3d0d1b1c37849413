//! The disclosure ledger (`disclosures.lock`): for every published disclosure,
//! its number, URL, date and the SHA-256 of its source and of each attachment.
//!
//! A build compares the site with the ledger. A recorded disclosure whose text
//! or attachments changed must carry a new entry in its `revisions` (更正说明);
//! otherwise the build fails and says what changed. Entries are never removed:
//! a disclosure deleted from the site stays in the ledger, with a warning.
//! Writing the file is the build driver's job (atomically, after the output).

use crate::message::Message;
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
                Diagnostic::error(Message::LedgerUnreadable {
                    detail: e.to_string(),
                })
                .at(LEDGER_FILE),
            );
            return None;
        }
    };
    match serde_json::from_str::<Ledger>(&text) {
        Ok(ledger) => Some(ledger),
        Err(e) => {
            report.push(
                Diagnostic::error(Message::LedgerDamaged {
                    detail: e.to_string(),
                })
                .at(LEDGER_FILE)
                .line_col(e.line(), e.column())
                .help(Message::LedgerRestoreHelp {
                    file: LEDGER_FILE.to_string(),
                }),
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
                    let line = page
                        .parsed
                        .key_line("revisions")
                        .or(page.parsed.key_line("number"));
                    report.push(
                        Diagnostic::error(Message::DisclosureChanged {
                            number: number.to_string(),
                            changes,
                        })
                        .at(&page.parsed.path)
                        .line_maybe(line)
                        .help(Message::RecordRevisionHelp {
                            today: today.to_string(),
                            ledger: LEDGER_FILE.to_string(),
                        }),
                    );
                }
            }
        }
    }
    for (number, entry) in &entries {
        if !seen.contains(number) && old.entries.iter().any(|e| &e.number == number) {
            report.push(
                Diagnostic::warning(Message::DisclosureGone {
                    number: number.to_string(),
                    url: entry.url.clone(),
                })
                .at(LEDGER_FILE)
                .help(Message::DisclosureGoneHelp {
                    source: entry.source.clone(),
                }),
            );
        }
    }
    Ledger {
        version: FORMAT_VERSION,
        entries: entries.into_values().collect(),
    }
}

fn describe_changes(recorded: &Entry, current: &Entry) -> Vec<Message> {
    let mut changes = Vec::new();
    if recorded.source_sha256 != current.source_sha256 {
        changes.push(Message::TextChanged {
            source: current.source.clone(),
        });
    }
    for old in &recorded.attachments {
        match current.attachments.iter().find(|a| a.file == old.file) {
            None => changes.push(Message::AttachmentRemoved {
                file: old.file.clone(),
            }),
            Some(new) if new.sha256 != old.sha256 => changes.push(Message::AttachmentChanged {
                file: old.file.clone(),
            }),
            Some(_) => {}
        }
    }
    for new in &current.attachments {
        if !recorded.attachments.iter().any(|a| a.file == new.file) {
            changes.push(Message::AttachmentAdded {
                file: new.file.clone(),
            });
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
        Diagnostic::error(Message::LedgerWrite {
            detail: e.to_string(),
        })
        .at(LEDGER_FILE)
    })
}
