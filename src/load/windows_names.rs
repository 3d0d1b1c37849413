//! The Windows-name lint: file and folder names that Windows cannot store.

use std::path::{Path, PathBuf};

use crate::diag::Diagnostic;
use crate::message::Message;

/// Names Windows cannot store: archives and USB copies of the site end up on
/// Windows machines, where such a file silently fails to copy. A warning names
/// the first offending part of the path (a folder is reported once, however
/// many files it holds, because equal diagnostics are merged).
pub fn windows_name_warning(rel: &Path) -> Option<Diagnostic> {
    let mut prefix = PathBuf::new();
    for component in rel.components() {
        prefix.push(component);
        let name = component.as_os_str().to_string_lossy();
        if let Some(why) = windows_name_problem(&name) {
            return Some(
                Diagnostic::warning(Message::WindowsName {
                    name: name.to_string(),
                    why: Box::new(why),
                })
                .at(&prefix)
                .help(Message::WindowsNameHelp {}),
            );
        }
    }
    None
}

fn windows_name_problem(name: &str) -> Option<Message> {
    const RESERVED: &[&str] = &[
        "CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8",
        "COM9", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
    ];
    if let Some(c) = name
        .chars()
        .find(|c| matches!(c, '<' | '>' | ':' | '"' | '|' | '?' | '*' | '\\') || c.is_control())
    {
        return Some(if c.is_control() {
            Message::NameHasControl {}
        } else {
            Message::NameHasReserved {}
        });
    }
    if name.ends_with('.') || name.ends_with(' ') {
        return Some(Message::NameEndsBadly {});
    }
    let stem = name.split('.').next().unwrap_or(name).trim_end();
    if RESERVED.iter().any(|r| r.eq_ignore_ascii_case(stem)) {
        return Some(Message::NameIsDevice {});
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_names_are_flagged() {
        for bad in [
            "con.md",
            "a/AUX/b.jpg",
            "x?.png",
            "名单:2026.pdf",
            "dot.",
            "trail ",
            "lpt9.txt",
        ] {
            assert!(windows_name_warning(Path::new(bad)).is_some(), "{bad}");
        }
        for good in [
            "console.md",
            "news/a.md",
            "名单.pdf",
            "com10.txt",
            ".hidden",
        ] {
            assert!(windows_name_warning(Path::new(good)).is_none(), "{good}");
        }
        let d = windows_name_warning(Path::new("content/CON/a.md")).unwrap();
        assert_eq!(d.path.as_deref(), Some(Path::new("content/CON")));
    }
}
