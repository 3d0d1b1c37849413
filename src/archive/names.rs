//! Which entry names a snapshot may hold: names that unpack to the same
//! place on every system, inside the folder they are unpacked into, each to
//! a file of its own.
//!
//! `archive` writes only plain relative names (`site-20261123/news/a/index.html`);
//! a snapshot that holds anything else was made or changed by someone else,
//! and unpacking it could write outside the folder (`../`, `/etc/…`, `C:…`,
//! `..\`), or overwrite one file with another: the same name twice, or two
//! names that Windows and macOS take for one (case, Unicode composition,
//! trailing dots and spaces). The same rules hold for the paths a manifest
//! lists, since `sha256sum -c` opens them.

use std::collections::{HashMap, HashSet};

use unicode_normalization::UnicodeNormalization;

use crate::message::Message;

/// What is wrong with one name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum NameProblem {
    Absolute,
    Parent,
    Backslash,
    Drive,
    Control,
    DotSegment,
}

impl NameProblem {
    pub fn message(self) -> Message {
        match self {
            NameProblem::Absolute => Message::NameAbsolute {},
            NameProblem::Parent => Message::NameParent {},
            NameProblem::Backslash => Message::NameBackslash {},
            NameProblem::Drive => Message::NameDrive {},
            NameProblem::Control => Message::NameControl {},
            NameProblem::DotSegment => Message::NameDotSegment {},
        }
    }
}

/// The first problem of `name`, a `/`-separated relative path (a folder's
/// name may end in `/`), or `None` if it is a plain one.
pub fn name_problem(name: &str) -> Option<NameProblem> {
    if name.starts_with('/') {
        return Some(NameProblem::Absolute);
    }
    if name.chars().any(char::is_control) {
        return Some(NameProblem::Control);
    }
    if name.contains('\\') {
        return Some(NameProblem::Backslash);
    }
    if name.contains(':') {
        return Some(NameProblem::Drive);
    }
    let path = name.strip_suffix('/').unwrap_or(name);
    let mut dot = false;
    for segment in path.split('/') {
        match segment {
            ".." => return Some(NameProblem::Parent),
            "" | "." => dot = true,
            _ => {}
        }
    }
    dot.then_some(NameProblem::DotSegment)
}

/// The name as a case-insensitive, normalization-insensitive file system
/// sees it: composed (NFC), lowercased, trailing dots and spaces of each
/// segment dropped (Windows drops them).
fn folded(name: &str) -> String {
    let lower: String = name.nfc().collect::<String>().to_lowercase();
    lower
        .split('/')
        .map(|s| s.trim_end_matches(['.', ' ']))
        .collect::<Vec<_>>()
        .join("/")
}

/// A finding about the names of a snapshot.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum NameFinding {
    Unsafe(String, NameProblem),
    Twice(String),
    /// Two names that one file system would take for one file.
    Collide(String, String),
}

impl NameFinding {
    pub fn message(&self) -> Message {
        match self {
            NameFinding::Unsafe(name, problem) => Message::UnsafeEntryName {
                name: shown(name),
                problem: Box::new(problem.message()),
            },
            NameFinding::Twice(name) => Message::EntryTwice { name: shown(name) },
            NameFinding::Collide(first, second) => Message::EntriesCollide {
                first: shown(first),
                second: shown(second),
            },
        }
    }
}

/// A name as a message may quote it: control characters escaped, so that a
/// name cannot rewrite the terminal line it is printed on.
pub fn shown(name: &str) -> String {
    name.chars()
        .flat_map(|c| {
            if c.is_control() {
                c.escape_unicode().collect::<Vec<_>>()
            } else {
                vec![c]
            }
        })
        .collect()
}

/// Every entry name of a snapshot seen so far, and what was wrong with them.
#[derive(Debug, Default)]
pub struct NameCheck {
    seen: HashSet<String>,
    folded: HashMap<String, String>,
    pub findings: Vec<NameFinding>,
}

impl NameCheck {
    /// A file's name: checked, and compared with the files before it.
    pub fn file(&mut self, name: &str) {
        if !self.plain(name) {
            return;
        }
        if !self.seen.insert(name.to_string()) {
            self.findings.push(NameFinding::Twice(name.to_string()));
            return;
        }
        let key = folded(name);
        match self.folded.get(&key) {
            Some(first) => self
                .findings
                .push(NameFinding::Collide(first.clone(), name.to_string())),
            None => {
                self.folded.insert(key, name.to_string());
            }
        }
    }

    /// A folder's or a link's name: checked on its own.
    pub fn other(&mut self, name: &str) {
        self.plain(name);
    }

    fn plain(&mut self, name: &str) -> bool {
        match name_problem(name) {
            Some(problem) => {
                self.findings
                    .push(NameFinding::Unsafe(name.to_string(), problem));
                false
            }
            None => true,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_names_only() {
        for ok in [
            "site-20261123/index.html",
            "site-20261123/news/",
            "site-20261123/新闻/公示.html",
            "a..b/c...d",
            "MANIFEST.sha256",
        ] {
            assert_eq!(name_problem(ok), None, "{ok}");
        }
        let bad = [
            ("/etc/passwd", NameProblem::Absolute),
            ("//server/share/x", NameProblem::Absolute),
            ("../x", NameProblem::Parent),
            ("site/../../x", NameProblem::Parent),
            ("site/..", NameProblem::Parent),
            ("..\\x", NameProblem::Backslash),
            ("site\\..\\..\\x", NameProblem::Backslash),
            ("C:/Windows/x", NameProblem::Drive),
            ("C:x", NameProblem::Drive),
            ("site/a.txt:stream", NameProblem::Drive),
            ("site/a\0.html", NameProblem::Control),
            ("site/a\n.html", NameProblem::Control),
            ("site/a\u{1b}[2K.html", NameProblem::Control),
            ("site/\u{85}x", NameProblem::Control),
            ("site//x", NameProblem::DotSegment),
            ("./site/x", NameProblem::DotSegment),
            ("site/./x", NameProblem::DotSegment),
            ("", NameProblem::DotSegment),
        ];
        for (name, problem) in bad {
            assert_eq!(name_problem(name), Some(problem), "{name:?}");
        }
    }

    #[test]
    fn names_one_file_system_takes_for_one() {
        let mut check = NameCheck::default();
        for name in [
            "s/index.html",
            "s/Index.html",
            "s/caf\u{e9}.html",
            "s/cafe\u{301}.html",
            "s/notes",
            "s/notes.",
            "s/notes ",
            "s/Straße",
            "s/index.html",
            "s/ok.html",
        ] {
            check.file(name);
        }
        assert_eq!(
            check.findings,
            [
                NameFinding::Collide("s/index.html".into(), "s/Index.html".into()),
                NameFinding::Collide("s/caf\u{e9}.html".into(), "s/cafe\u{301}.html".into()),
                NameFinding::Collide("s/notes".into(), "s/notes.".into()),
                NameFinding::Collide("s/notes".into(), "s/notes ".into()),
                NameFinding::Twice("s/index.html".into()),
            ]
        );
    }

    #[test]
    fn quoted_names_cannot_rewrite_the_terminal() {
        let finding = NameFinding::Unsafe("a\u{1b}[2K\rb".into(), NameProblem::Control);
        let text = finding.message().render(crate::i18n::Language::En);
        assert!(!text.chars().any(char::is_control), "{text:?}");
    }
}
