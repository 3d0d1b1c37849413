//! `MANIFEST.sha256`: one line per file, `<64 hex digits>  <path>`, the format
//! `sha256sum` writes and `sha256sum -c` checks. Paths are relative to the
//! snapshot's top folder, `/`-separated, sorted; the manifest does not list itself.

use crate::message::Message;
use std::collections::BTreeMap;

use super::SnapshotFile;
use super::names::{name_problem, shown};
use crate::digest::sha256_hex;

pub const MANIFEST_FILE: &str = "MANIFEST.sha256";

pub fn write_manifest(files: &[SnapshotFile]) -> String {
    let mut lines: Vec<(&str, String)> = files
        .iter()
        .map(|f| (f.path.as_str(), sha256_hex(&f.bytes)))
        .collect();
    lines.sort();
    let mut out = String::new();
    for (path, hash) in lines {
        out.push_str(&hash);
        out.push_str("  ");
        out.push_str(path);
        out.push('\n');
    }
    out
}

/// A line of the manifest that is not `<hash>  <path>`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadLine {
    pub line: usize,
    /// Boxed, so that results carrying it stay small.
    pub message: Box<Message>,
}

/// Reads a manifest into path → lowercase hex hash. Accepts sha256sum's binary
/// marker (`<hash> *<path>`) and CRLF line ends, since a snapshot may have
/// passed through Windows tools.
pub fn parse_manifest(text: &str) -> Result<BTreeMap<String, String>, BadLine> {
    let mut entries = BTreeMap::new();
    for (i, raw) in text.lines().enumerate() {
        let line_no = i + 1;
        let line = raw.strip_suffix('\r').unwrap_or(raw);
        if line.trim().is_empty() {
            continue;
        }
        let bad = |message: Message| BadLine {
            line: line_no,
            message: Box::new(message),
        };
        let (hash, rest) = line
            .split_at_checked(64)
            .ok_or_else(|| bad(Message::ManifestExpectedHash {}))?;
        if !hash.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(bad(Message::ManifestHashNotHex {}));
        }
        let path = rest
            .strip_prefix("  ")
            .or_else(|| rest.strip_prefix(" *"))
            .filter(|p| !p.is_empty())
            .ok_or_else(|| bad(Message::ManifestExpectedPath {}))?;
        // `sha256sum -c` opens every path listed: none may lead out of the
        // folder or be read differently on another system.
        if let Some(problem) = name_problem(path) {
            return Err(bad(Message::UnsafeEntryName {
                name: shown(path),
                problem: Box::new(problem.message()),
            }));
        }
        if entries
            .insert(path.to_string(), hash.to_ascii_lowercase())
            .is_some()
        {
            return Err(bad(Message::ManifestListedTwice {
                path: path.to_string(),
            }));
        }
    }
    Ok(entries)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_in_sha256sum_format() {
        let files = vec![
            SnapshotFile {
                path: "b/index.html".into(),
                bytes: b"b".to_vec(),
            },
            SnapshotFile {
                path: "a.txt".into(),
                bytes: Vec::new(),
            },
        ];
        let text = write_manifest(&files);
        assert_eq!(
            text.lines().next(),
            Some("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855  a.txt")
        );
        let parsed = parse_manifest(&text).unwrap();
        assert_eq!(parsed.len(), 2);
        assert_eq!(parsed["b/index.html"], sha256_hex(b"b"));
    }

    #[test]
    fn bad_lines_are_named() {
        let err = parse_manifest(
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855  a\nxyz  b\n",
        )
        .unwrap_err();
        assert_eq!(err.line, 2);
        let hash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
        assert!(parse_manifest(&format!("{hash}  a\r\n{hash} *b\n")).is_ok());
        assert_eq!(
            parse_manifest(&format!("{hash}  a\n{hash}  a\n"))
                .unwrap_err()
                .line,
            2
        );
        // A multi-byte character where the hash should end is an error, not a panic.
        assert!(parse_manifest(&format!("{}公  a", &hash[..63])).is_err());
    }

    #[test]
    fn listed_paths_stay_inside_the_folder() {
        let hash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
        for path in [
            "../etc/passwd",
            "/etc/passwd",
            "a/../../b",
            "..\\b",
            "C:/Windows/win.ini",
            "a\u{0}b",
            "./a",
        ] {
            let err = parse_manifest(&format!("{hash}  ok.html\n{hash}  {path}\n")).unwrap_err();
            assert_eq!(err.line, 2, "{path}");
            assert_eq!(err.message.code(), "E0970", "{path}");
        }
    }
}
