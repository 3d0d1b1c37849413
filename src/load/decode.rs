//! Text decoding: the bytes of a source file to text, or an error naming the
//! byte offset where they stop being text.

use std::path::Path;

use crate::diag::{Diagnostic, Report};
use crate::message::Message;

/// Bytes to text the way a Windows office writes them: UTF-8 with or without
/// BOM, CRLF or LF. UTF-16 (with BOM) is decoded with a warning; other bytes
/// are refused with the byte offset, never garbled.
pub fn decode_text(bytes: &[u8], path: &Path, report: &mut Report) -> Option<String> {
    // The quick check first; the standard one, for where the text stops.
    let utf8 = |bytes: &[u8]| match crate::text::utf8(bytes) {
        Some(text) => Ok(text.to_string()),
        None => std::str::from_utf8(bytes).map(str::to_string),
    };
    let text = if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        utf8(rest).map_err(|e| (e, 3))
    } else if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        let little = bytes.starts_with(b"\xFF\xFE");
        let units: Vec<u16> = bytes[2..]
            .chunks(2)
            .map(|pair| {
                let (a, b) = (pair[0], pair.get(1).copied().unwrap_or(0));
                if little {
                    u16::from_le_bytes([a, b])
                } else {
                    u16::from_be_bytes([a, b])
                }
            })
            .collect();
        match String::from_utf16(&units) {
            Ok(text) => {
                report.push(Diagnostic::warning(Message::Utf16 {}).at(path));
                Ok(text)
            }
            Err(_) => {
                // The first unit that is not part of a valid pair, as a byte offset.
                let bad = char::decode_utf16(units.iter().copied())
                    .scan(0usize, |at, c| {
                        let here = *at;
                        *at += c.as_ref().map_or(1, |c| c.len_utf16());
                        Some((here, c.is_err()))
                    })
                    .find(|&(_, bad)| bad)
                    .map_or(0, |(unit, _)| unit);
                let offset = 2 + 2 * bad;
                report.push(
                    Diagnostic::error(Message::BadUtf16 { offset })
                        .at(path)
                        .help(Message::SaveAsUtf8 {}),
                );
                return None;
            }
        }
    } else {
        utf8(bytes).map_err(|e| (e, 0))
    };
    match text {
        Ok(text) if text.contains('\r') => Some(text.replace("\r\n", "\n").replace('\r', "\n")),
        Ok(text) => Some(text),
        Err((e, skipped)) => {
            let offset = e.valid_up_to() + skipped;
            let line = bytes[..offset].iter().filter(|&&b| b == b'\n').count() + 1;
            report.push(
                Diagnostic::error(Message::NotUtf8 { offset })
                    .at(path)
                    .line(line)
                    .help(Message::SaveAsUtf8FromNotepad {}),
            );
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_bom_and_crlf() {
        let mut r = Report::new();
        let text = decode_text(
            b"\xEF\xBB\xBF---\r\ntitle: x\r\n",
            Path::new("a.md"),
            &mut r,
        )
        .unwrap();
        assert_eq!(text, "---\ntitle: x\n");
        assert!(!r.has_errors());
    }

    #[test]
    fn refuses_gbk_with_offset() {
        let mut r = Report::new();
        // 工会 in GBK.
        assert!(decode_text(b"ok\n\xb9\xa4\xbb\xe1", Path::new("a.md"), &mut r).is_none());
        let d = r.iter().next().unwrap();
        assert_eq!(*d.message, Message::NotUtf8 { offset: 3 });
        assert_eq!(d.line, Some(2));
    }

    #[test]
    fn utf16_errors_give_the_byte_offset() {
        let mut r = Report::new();
        // "ab" then a lone high surrogate.
        let bytes = [0xFF, 0xFE, b'a', 0, b'b', 0, 0x00, 0xD8, b'c', 0];
        assert!(decode_text(&bytes, Path::new("a.md"), &mut r).is_none());
        let d = r.iter().next().unwrap();
        assert_eq!(*d.message, Message::BadUtf16 { offset: 6 });
    }

    #[test]
    fn decodes_utf16_with_warning() {
        let mut r = Report::new();
        let mut bytes = vec![0xFF, 0xFE];
        for unit in "工会".encode_utf16() {
            bytes.extend(unit.to_le_bytes());
        }
        assert_eq!(
            decode_text(&bytes, Path::new("a.md"), &mut r).unwrap(),
            "工会"
        );
        assert_eq!(r.warning_count(), 1);
    }
}
