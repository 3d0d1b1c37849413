//! What a file is, judged by its first bytes (and, where several formats
//! share one container, its name): the desk trusts no name alone.

use std::path::Path;

/// What a file's first bytes say it is, and the extensions that may name it.
pub fn sniff(bytes: &[u8]) -> Option<&'static [&'static str]> {
    const ZIP: &[u8] = b"PK\x03\x04";
    const OLE: &[u8] = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";
    if bytes.starts_with(b"\xFF\xD8\xFF") {
        Some(&["jpg", "jpeg"])
    } else if bytes.starts_with(b"\x89PNG\r\n\x1A\n") {
        Some(&["png"])
    } else if bytes.starts_with(b"GIF87a") || bytes.starts_with(b"GIF89a") {
        Some(&["gif"])
    } else if bytes.len() >= 12 && &bytes[..4] == b"RIFF" && &bytes[8..12] == b"WEBP" {
        Some(&["webp"])
    } else if bytes.starts_with(b"%PDF-") {
        Some(&["pdf"])
    } else if bytes.starts_with(ZIP) {
        Some(&[
            "docx", "xlsx", "pptx", "zip", "odt", "ods", "odp", "wps", "et",
        ])
    } else if bytes.starts_with(OLE) {
        Some(&["doc", "xls", "ppt", "wps", "et"])
    } else {
        None
    }
}

/// The MIME type of a file the desk takes, from its bytes (and, for the
/// zip-based office files, its name); `application/octet-stream` for any
/// other.
pub fn mime_of(bytes: &[u8], name: &str) -> &'static str {
    let ext = extension(name);
    match sniff(bytes) {
        Some(exts) if exts.contains(&ext.as_str()) => match ext.as_str() {
            "jpg" | "jpeg" => "image/jpeg",
            "png" => "image/png",
            "gif" => "image/gif",
            "webp" => "image/webp",
            "pdf" => "application/pdf",
            "docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "pptx" => "application/vnd.openxmlformats-officedocument.presentationml.presentation",
            "doc" => "application/msword",
            "xls" => "application/vnd.ms-excel",
            "ppt" => "application/vnd.ms-powerpoint",
            "zip" => "application/zip",
            _ => "application/octet-stream",
        },
        _ => "application/octet-stream",
    }
}

/// Whether `bytes` may be an SVG drawing (or any XML or HTML, which a
/// browser would also run scripts in).
pub fn looks_like_markup(bytes: &[u8]) -> bool {
    let head: Vec<u8> = bytes
        .iter()
        .skip_while(|b| b.is_ascii_whitespace() || **b == 0xEF || **b == 0xBB || **b == 0xBF)
        .take(256)
        .map(u8::to_ascii_lowercase)
        .collect();
    head.starts_with(b"<")
}

/// A file name's extension, lowercase.
pub fn extension(name: &str) -> String {
    Path::new(name)
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default()
}
