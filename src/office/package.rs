//! An Office package (.docx, .xlsx) opened with care: a zip of XML parts that
//! may come from anyone. Every entry name is checked before anything is read
//! (no `..`, no absolute or drive paths), each part is inflated as a stream
//! with a cap on its size and on its compression ratio, and the whole file's
//! inflated total is capped too, so a zip bomb stops at the cap and memory
//! stays bounded. What the parts mean is the business of `docx` and `sheet`.

use std::io::{Cursor, Read};

use crate::message::Message;

/// One part inflated beyond this is refused (a 100-page document's
/// `document.xml` is about 2 MB; pictures are a few MB each).
pub const PART_LIMIT: u64 = 64 * 1024 * 1024;
/// All parts read from one package together.
pub const TOTAL_LIMIT: u64 = 256 * 1024 * 1024;
/// Inflated ÷ compressed beyond this, for a part over [`RATIO_FLOOR`], is a bomb:
/// real XML compresses about 10:1, pictures barely at all.
pub const RATIO_LIMIT: u64 = 200;
const RATIO_FLOOR: u64 = 1024 * 1024;
/// More entries than any real document has.
const ENTRY_LIMIT: usize = 20_000;

/// Why a package cannot be read: a message for the person, naming the part.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PackageError(pub Message);

pub struct Package<'b> {
    zip: zip::ZipArchive<Cursor<&'b [u8]>>,
    names: Vec<String>,
    inflated: u64,
}

impl<'b> Package<'b> {
    /// Opens the zip and checks every entry's name.
    pub fn open(bytes: &'b [u8]) -> Result<Package<'b>, PackageError> {
        let zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| {
            PackageError(Message::OfficeDamaged {
                detail: e.to_string(),
            })
        })?;
        if zip.len() > ENTRY_LIMIT {
            return Err(PackageError(Message::OfficeTooManyEntries {
                count: zip.len(),
            }));
        }
        let mut names = Vec::with_capacity(zip.len());
        for name in zip.file_names() {
            let name = name.map_err(|e| {
                PackageError(Message::OfficeDamaged {
                    detail: e.to_string(),
                })
            })?;
            if !is_safe_name(&name) {
                return Err(PackageError(Message::OfficeUnsafeName {
                    name: name.to_string(),
                }));
            }
            names.push(name.into_owned());
        }
        names.sort();
        Ok(Package {
            zip,
            names,
            inflated: 0,
        })
    }

    pub fn has(&self, name: &str) -> bool {
        self.names
            .binary_search_by(|n| n.as_str().cmp(name))
            .is_ok()
    }

    /// Entry names, sorted.
    pub fn names(&self) -> &[String] {
        &self.names
    }

    /// A part's bytes, `None` when the package has no such part.
    pub fn read(&mut self, name: &str) -> Result<Option<Vec<u8>>, PackageError> {
        if !self.has(name) {
            return Ok(None);
        }
        let damaged = |e: &dyn std::fmt::Display| {
            PackageError(Message::OfficeDamaged {
                detail: format!("{name}: {e}"),
            })
        };
        let file = self.zip.by_name(name).map_err(|e| damaged(&e))?;
        let compressed = file.compressed_size().max(1);
        let budget = PART_LIMIT.min(TOTAL_LIMIT.saturating_sub(self.inflated));
        let mut out = Vec::with_capacity(file.size().min(budget).min(16 << 20) as usize);
        // Read one byte past the budget: reaching it means the part is larger.
        let mut limited = file.take(budget + 1);
        let mut chunk = vec![0u8; 64 * 1024];
        loop {
            let n = limited.read(&mut chunk).map_err(|e| damaged(&e))?;
            if n == 0 {
                break;
            }
            out.extend_from_slice(&chunk[..n]);
            let size = out.len() as u64;
            if size > budget {
                return Err(PackageError(Message::OfficeTooLarge {
                    part: name.to_string(),
                    megabytes: (budget >> 20) as usize,
                }));
            }
            if size > RATIO_FLOOR && size / compressed > RATIO_LIMIT {
                return Err(PackageError(Message::OfficeRatio {
                    part: name.to_string(),
                    ratio: (size / compressed) as usize,
                }));
            }
        }
        self.inflated += out.len() as u64;
        Ok(Some(out))
    }

    /// A part as text (UTF-8, a BOM dropped).
    pub fn read_text(&mut self, name: &str) -> Result<Option<String>, PackageError> {
        let Some(bytes) = self.read(name)? else {
            return Ok(None);
        };
        let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
        match std::str::from_utf8(bytes) {
            Ok(text) => Ok(Some(text.to_string())),
            Err(e) => Err(PackageError(Message::OfficeDamaged {
                detail: format!("{name}: {e}"),
            })),
        }
    }
}

/// A name that stays inside the package when unpacked anywhere: relative,
/// no `..`, no drive, no backslash tricks, no control characters.
pub fn is_safe_name(name: &str) -> bool {
    !name.is_empty()
        && !name.starts_with(['/', '\\'])
        && !name.contains(':')
        && !name.chars().any(char::is_control)
        && name.split(['/', '\\']).all(|part| part != "..")
}

/// Joins a relationship target to the folder of the part that names it
/// (`word/document.xml` + `media/a.png` → `word/media/a.png`), resolving
/// `..` inside the package; `None` when it would leave the package.
pub fn resolve_target(base_part: &str, target: &str) -> Option<String> {
    let target = target.replace('\\', "/");
    let mut parts: Vec<&str> = if let Some(absolute) = target.strip_prefix('/') {
        return normalise(absolute.split('/').collect());
    } else {
        base_part.split('/').collect()
    };
    parts.pop();
    parts.extend(target.split('/'));
    normalise(parts)
}

fn normalise(parts: Vec<&str>) -> Option<String> {
    let mut out: Vec<&str> = Vec::new();
    for part in parts {
        match part {
            "" | "." => {}
            ".." => {
                out.pop()?;
            }
            p => out.push(p),
        }
    }
    let joined = out.join("/");
    is_safe_name(&joined).then_some(joined)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_that_leave_the_package_are_unsafe() {
        assert!(is_safe_name("word/document.xml"));
        for bad in [
            "../evil.txt",
            "/etc/passwd",
            "a/../../b",
            "C:/x",
            "a\\..\\b",
            "",
        ] {
            assert!(!is_safe_name(bad), "{bad}");
        }
    }

    #[test]
    fn targets_resolve_inside_the_package() {
        assert_eq!(
            resolve_target("word/document.xml", "media/image1.png").as_deref(),
            Some("word/media/image1.png")
        );
        assert_eq!(
            resolve_target("word/document.xml", "../customXml/item.xml").as_deref(),
            Some("customXml/item.xml")
        );
        assert_eq!(resolve_target("word/document.xml", "../../x"), None);
        assert_eq!(
            resolve_target("word/document.xml", "/word/media/a.png").as_deref(),
            Some("word/media/a.png")
        );
    }
}
