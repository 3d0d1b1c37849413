//! The comparison: each published disclosure against its record, then each
//! record against the site, and the ledger as this build leaves it.
//!
//! A record is found by its number's skeleton, so a look-alike number is the
//! same notice renumbered, not a new one. A change — number, address, text,
//! attachments, pictures, notice period, or no longer being published — is
//! accepted only with a fresh note on the page: a `revisions` entry not in the
//! record, with text, dated no earlier than the record (its publication date,
//! its last note, the day it was recorded) and no later than today.

use std::collections::{BTreeMap, HashMap};

use jiff::civil::Date;

use crate::clock::parse_civil;
use crate::diag::{Diagnostic, Report};
use crate::disclosure::skeleton::skeleton;
use crate::layout::LEDGER_FILE;
use crate::message::{List, Message};
use crate::model::Page;
use crate::model::kinds::Details;
use crate::parse::ParsedPage;

use super::record::{Current, SiteView};
use super::{Entry, FORMAT_VERSION, Ledger, LedgerFile, NoteRecord, Withdrawal};

/// One recorded entry and the file it came from.
struct Recorded<'a> {
    entry: &'a Entry,
    file: &'a LedgerFile,
    /// From the published ledger rather than `disclosures.lock`.
    published: bool,
}

/// Compares the site with the ledger (`lock`) and, when there is one, the
/// ledger already published, and returns the ledger as it must be after this
/// build. Problems go into `report`.
pub fn update_ledger(
    view: &SiteView<'_>,
    lock: &LedgerFile,
    published: Option<&LedgerFile>,
    today: Date,
    report: &mut Report,
) -> Ledger {
    let current = view.current();
    let mut recorded: Vec<Recorded<'_>> = lock
        .ledger
        .entries
        .iter()
        .map(|entry| Recorded {
            entry,
            file: lock,
            published: false,
        })
        .collect();
    // What the published ledger records differently: a record the lock lost
    // is kept and compared; one the lock holds otherwise is compared too, for
    // its problems only (a lock that moved on with a note passes both).
    let mut disputed = Vec::new();
    if let Some(published) = published {
        let ours: HashMap<&str, &Entry> = (lock.ledger.entries.iter())
            .map(|e| (e.number.as_str(), e))
            .collect();
        for entry in &published.ledger.entries {
            let theirs = Recorded {
                entry,
                file: published,
                published: true,
            };
            match ours.get(entry.number.as_str()).copied() {
                None => recorded.push(theirs),
                Some(ours) if ours != entry => disputed.push(theirs),
                Some(_) => {}
            }
        }
    }
    let mut comparison = Comparison {
        view,
        current: &current,
        today,
        entries: BTreeMap::new(),
        problems: Vec::new(),
    };
    comparison.run(&recorded);
    let entries = std::mem::take(&mut comparison.entries);
    if !disputed.is_empty() {
        comparison.run(&disputed);
    }
    report.extend(comparison.problems);
    if lock.legacy && !lock.ledger.entries.is_empty() {
        report.push(
            Diagnostic::warning(Message::LedgerUpgraded {
                count: lock.ledger.entries.len(),
                file: LEDGER_FILE.to_string(),
            })
            .at(LEDGER_FILE),
        );
    }
    Ledger {
        version: FORMAT_VERSION,
        entries: entries.into_values().collect(),
    }
}

struct Comparison<'v, 'c> {
    view: &'v SiteView<'v>,
    current: &'c [Current<'v>],
    today: Date,
    /// By number: what the ledger holds after this build.
    entries: BTreeMap<String, Entry>,
    problems: Vec<Diagnostic>,
}

/// Why no note accounts for a change: the earliest date one may carry, and
/// the date of a new note that was refused (blank, backdated, postdated).
struct NoNote {
    since: Date,
    refused: Option<String>,
}

impl Comparison<'_, '_> {
    fn run(&mut self, recorded: &[Recorded<'_>]) {
        self.entries = recorded
            .iter()
            .map(|r| (r.entry.number.clone(), r.entry.clone()))
            .collect();
        let mut claimed = vec![false; recorded.len()];
        let mut index = Index::new(recorded);
        for current in self.current {
            match index.find(recorded, &claimed, &current.entry.number) {
                Some(i) => {
                    claimed[i] = true;
                    self.published_again(&recorded[i], current);
                }
                None => {
                    let entry = self.stamped(current.entry.clone());
                    self.entries.insert(entry.number.clone(), entry);
                }
            }
        }
        for (r, claimed) in recorded.iter().zip(claimed) {
            if !claimed && r.entry.withdrawn.is_none() {
                self.not_published(r);
            }
        }
    }

    /// A published disclosure that has a record.
    fn published_again(&mut self, r: &Recorded<'_>, current: &Current<'_>) {
        let page = &current.page.parsed;
        if let Some(withdrawn) = &r.entry.withdrawn {
            let mut numbers = vec![current.entry.number.clone()];
            if r.entry.number != current.entry.number {
                numbers.push(r.entry.number.clone());
            }
            self.problems.push(
                Diagnostic::error(Message::NumberUsedTwice {
                    number: numbers.join(" / "),
                    files: List::of([current.entry.source.clone(), r.file.shown.clone()]),
                })
                .at(&page.path)
                .line_maybe(page.key_line("number"))
                .help(Message::NumberWithdrawnHelp {
                    date: withdrawn.date.clone(),
                    note: withdrawn.note.clone(),
                }),
            );
            return;
        }
        let changes = describe_changes(r, &current.entry, current.page);
        if changes.is_empty() {
            let kept = self.kept(r, &current.entry);
            self.entries.insert(kept.number.clone(), kept);
            return;
        }
        match fresh_note(r, page, self.today) {
            Ok(note) => {
                if r.entry.number != current.entry.number {
                    self.withdraw(r, note, Some(current.entry.number.clone()));
                }
                let entry = self.stamped(current.entry.clone());
                self.entries.insert(entry.number.clone(), entry);
            }
            Err(no_note) => self.refuse(r, page, changes, no_note),
        }
    }

    /// A record no published disclosure answers to: renumbered, withdrawn
    /// (a draft, another kind) or gone.
    fn not_published(&mut self, r: &Recorded<'_>) {
        // The same page: by its file, else by its address (or an alias of it).
        let old_address = alias_file(&r.entry.url);
        let same_page = (self.current.iter())
            .find(|c| c.entry.source == r.entry.source)
            .or_else(|| {
                self.current
                    .iter()
                    .find(|c| c.entry.url == r.entry.url || c.page.aliases.contains(&old_address))
            });
        if let Some(current) = same_page {
            let change = Message::NumberChanged {
                old: r.entry.number.clone(),
                new: current.entry.number.clone(),
            };
            match fresh_note(r, &current.page.parsed, self.today) {
                Ok(note) => self.withdraw(r, note, Some(current.entry.number.clone())),
                Err(no_note) => self.refuse(r, &current.page.parsed, vec![change], no_note),
            }
            return;
        }
        if let Some(unpublished) = self.view.unpublished(&r.entry.source, &r.entry.number) {
            let change = Message::NoLongerPublished {
                state: unpublished.state.clone(),
            };
            match fresh_note(r, unpublished.page, self.today) {
                Ok(note) => self.withdraw(r, note, None),
                Err(no_note) => self.refuse(r, unpublished.page, vec![change], no_note),
            }
            return;
        }
        // Named at its record: the lock's, or the published ledger's when
        // the lock lost it. Either way the file is what has to come back.
        let help = Message::WithdrawHelp {
            source: r.entry.source.clone(),
            date: self.suggested_date(since(r, &[])),
            ledger: LEDGER_FILE.to_string(),
        };
        self.problems.push(
            Diagnostic::error(Message::DisclosureMissing {
                number: r.entry.number.clone(),
                url: r.entry.url.clone(),
                source: r.entry.source.clone(),
            })
            .at(&r.file.shown)
            .line_maybe(r.file.line_of(&r.entry.number))
            .help(help),
        );
    }

    /// The error for a change no note accounts for, with exactly what to add.
    fn refuse(&mut self, r: &Recorded<'_>, page: &ParsedPage, changes: Vec<Message>, no: NoNote) {
        let help = if r.published {
            self.published_help(r, no.since)
        } else {
            Message::RecordNoteHelp {
                date: self.suggested_date(no.since),
                since: no.since.to_string(),
                ledger: LEDGER_FILE.to_string(),
            }
        };
        self.problems.push(
            Diagnostic::error(Message::DisclosureChanged {
                number: r.entry.number.clone(),
                changes,
            })
            .at(&page.path)
            .line_maybe(page.key_line("revisions").or(page.key_line("number")))
            .help(help),
        );
        if let Some(date) = no.refused {
            self.problems.push(
                Diagnostic::error(Message::NoteNotAccepted {
                    date,
                    since: no.since.to_string(),
                    today: self.suggested_date(no.since),
                })
                .at(&page.path)
                .line_maybe(page.key_line("revisions")),
            );
        }
    }

    fn published_help(&self, r: &Recorded<'_>, since: Date) -> Message {
        Message::PublishedLedgerHelp {
            published: r.file.shown.clone(),
            ledger: LEDGER_FILE.to_string(),
            date: self.suggested_date(since),
            since: since.to_string(),
        }
    }

    /// Today, or the record's own date when that is later (a notice dated
    /// ahead): the date a note written now should carry.
    fn suggested_date(&self, since: Date) -> String {
        self.today.max(since).to_string()
    }

    /// The entry as recorded by this build.
    fn stamped(&self, mut entry: Entry) -> Entry {
        entry.recorded = self.today.to_string();
        entry
    }

    /// The record of an unchanged disclosure. A format-1 record takes what it
    /// lacked from the page as it is now, dated no later than it could have
    /// been recorded; a file that only moved keeps its record with the new path.
    fn kept(&self, r: &Recorded<'_>, current: &Entry) -> Entry {
        if r.file.legacy {
            let mut entry = current.clone();
            entry.recorded = since(r, &entry.notes).to_string();
            return entry;
        }
        let mut entry = r.entry.clone();
        entry.source = current.source.clone();
        // An approval given after the record (the site turned review on).
        if entry.approved.is_none() {
            entry.approved = current.approved.clone();
        }
        entry
    }

    fn withdraw(&mut self, r: &Recorded<'_>, note: NoteRecord, number_now: Option<String>) {
        let mut entry = r.entry.clone();
        entry.withdrawn = Some(Withdrawal {
            date: note.date,
            note: note.note,
            number_now,
        });
        self.entries.insert(entry.number.clone(), entry);
    }
}

/// Records by exact number, and by skeleton (made on the first number that
/// has no exact record: most builds never need it).
struct Index<'r> {
    exact: HashMap<&'r str, usize>,
    alike: Option<HashMap<String, Vec<usize>>>,
}

impl<'r> Index<'r> {
    fn new(recorded: &'r [Recorded<'r>]) -> Index<'r> {
        let exact = (recorded.iter().enumerate())
            .map(|(i, r)| (r.entry.number.as_str(), i))
            .collect();
        Index { exact, alike: None }
    }

    /// The record of `number`: the one with that exact number, else an
    /// unclaimed one that looks the same (a live record before a withdrawn one).
    fn find(&mut self, recorded: &[Recorded<'_>], claimed: &[bool], number: &str) -> Option<usize> {
        if let Some(&i) = self.exact.get(number) {
            return Some(i);
        }
        let alike = self.alike.get_or_insert_with(|| {
            let mut by_skeleton: HashMap<String, Vec<usize>> = HashMap::new();
            for (i, r) in recorded.iter().enumerate() {
                by_skeleton
                    .entry(skeleton(&r.entry.number))
                    .or_default()
                    .push(i);
            }
            by_skeleton
        });
        let candidates = alike.get(&skeleton(number))?;
        (candidates.iter().copied())
            .filter(|&i| !claimed[i])
            .min_by_key(|&i| (recorded[i].entry.withdrawn.is_some(), i))
    }
}

/// What a reader would see differently, item by item.
fn describe_changes(r: &Recorded<'_>, current: &Entry, page: &Page) -> Vec<Message> {
    let recorded = r.entry;
    let mut changes = Vec::new();
    if recorded.number != current.number {
        changes.push(Message::NumberChanged {
            old: recorded.number.clone(),
            new: current.number.clone(),
        });
    }
    if recorded.url != current.url && !page.aliases.contains(&alias_file(&recorded.url)) {
        changes.push(Message::AddressChanged {
            old: recorded.url.clone(),
            new: current.url.clone(),
        });
    }
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
            Some(new) if new.sha256 != old.sha256 && !recorded_as_written(r, page, old) => changes
                .push(Message::AttachmentChanged {
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
    // A format-1 record has no pictures or notice period to compare with.
    if r.file.legacy {
        return changes;
    }
    for old in &recorded.pictures {
        match current.pictures.iter().find(|p| p.file == old.file) {
            None => changes.push(Message::PictureRemoved {
                file: old.file.clone(),
            }),
            Some(new) if new.sha256 != old.sha256 => changes.push(Message::PictureChanged {
                file: old.file.clone(),
            }),
            Some(_) => {}
        }
    }
    for new in &current.pictures {
        if !recorded.pictures.iter().any(|p| p.file == new.file) {
            changes.push(Message::PictureAdded {
                file: new.file.clone(),
            });
        }
    }
    if recorded.notice != current.notice {
        let shown = |n: &Option<super::NoticeRecord>| match n {
            Some(n) => format!("{}–{}", n.from, n.until),
            None => "-".to_string(),
        };
        changes.push(Message::NoticePeriodChanged {
            old: shown(&recorded.notice),
            new: shown(&current.notice),
        });
    }
    changes
}

/// Format 1 hashed a photo attachment as written; it is now hashed as
/// published (without its metadata). The same file is not a change.
fn recorded_as_written(r: &Recorded<'_>, page: &Page, old: &super::AttachmentRecord) -> bool {
    let Details::Disclosure(d) = &page.details else {
        return false;
    };
    r.file.legacy
        && (d.attachments.iter())
            .any(|a| a.name == old.file && a.written_sha256.as_deref() == Some(old.sha256.as_str()))
}

/// `/disclosures/a/` → `disclosures/a/index.html`, as the model names alias files.
fn alias_file(url: &str) -> String {
    let path = url.trim_matches('/');
    if path.ends_with(".html") || path.ends_with(".htm") {
        path.to_string()
    } else {
        format!("{path}/index.html")
    }
}

fn day(text: &str) -> Option<Date> {
    parse_civil(text.trim()).map(|dt| dt.date())
}

/// The notes the record knew. Format 1 kept only their count: the page's
/// first ones, then.
fn known_notes(r: &Recorded<'_>, page_notes: &[NoteRecord]) -> Vec<NoteRecord> {
    if r.file.legacy {
        page_notes.iter().take(r.entry.revisions).cloned().collect()
    } else {
        r.entry.notes.clone()
    }
}

/// The earliest date a note about a change since the record may carry: its
/// publication date, its notes, the day it was recorded, its withdrawal.
fn since(r: &Recorded<'_>, page_notes: &[NoteRecord]) -> Date {
    let e = r.entry;
    let known = known_notes(r, page_notes);
    std::iter::once(e.date.as_str())
        .chain(std::iter::once(e.recorded.as_str()))
        .chain(known.iter().map(|n| n.date.as_str()))
        .chain(e.withdrawn.iter().map(|w| w.date.as_str()))
        .filter_map(day)
        .max()
        .unwrap_or(Date::MIN)
}

/// The newest note on `page` that accounts for a change since the record.
fn fresh_note(r: &Recorded<'_>, page: &ParsedPage, today: Date) -> Result<NoteRecord, NoNote> {
    let page_notes: Vec<NoteRecord> = (page.front.revisions.as_deref().unwrap_or_default())
        .iter()
        .map(|rev| NoteRecord {
            date: rev.date.trim().to_string(),
            note: rev.note.trim().to_string(),
        })
        .collect();
    let known = known_notes(r, &page_notes);
    let since = since(r, &page_notes);
    let latest = today.max(since);
    // New notes go after the recorded ones: an old note reworded in place
    // is part of the change, never its explanation.
    let new: Vec<&NoteRecord> = (page_notes.iter().skip(known.len()))
        .filter(|n| !known.contains(n))
        .collect();
    let accepted = new
        .iter()
        .filter_map(|n| Some((day(&n.date)?, *n)))
        .filter(|(d, n)| since <= *d && *d <= latest && !n.note.is_empty())
        .max_by_key(|(d, _)| *d);
    match accepted {
        Some((_, note)) => Ok(note.clone()),
        None => Err(NoNote {
            since,
            refused: new.last().map(|n| n.date.clone()),
        }),
    }
}
