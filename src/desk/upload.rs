//! Photos and attachments into a page's bundle.
//!
//! Each file's type is read from its first bytes, and its name must say the
//! same type: a script named `photo.jpg` is refused, and so is SVG, which
//! can carry scripts that would run on the site. A single-file page
//! (`x.md`) first becomes a bundle (`x/index.md`) — the page's name, and so
//! its address, stays the same. A name already in the bundle gets `-2`,
//! `-3`…; nothing is overwritten.

use std::path::Path;

use serde_json::json;

use crate::i18n::Language;
use crate::message::Message;
use crate::serve::mount::Reply;
use crate::serve::request::Request;

use super::bundle::{self, BundleFile};
use super::read;
use super::types::{extension, looks_like_markup, sniff};
use super::{Desk, files, json as reply};

/// The most one uploaded file may be.
pub const MAX_FILE: u64 = 20 * 1024 * 1024;
/// The most one upload request may carry (several files).
pub const MAX_REQUEST: u64 = 100 * 1024 * 1024;

/// One file of a multipart body: the name the browser gave and its bytes.
pub(super) struct Part<'a> {
    pub filename: String,
    pub bytes: &'a [u8],
}

/// The file parts of a `multipart/form-data` body.
pub(super) fn parts<'a>(body: &'a [u8], boundary: &str) -> Option<Vec<Part<'a>>> {
    let delimiter = format!("--{boundary}");
    let delimiter = delimiter.as_bytes();
    let find = |hay: &[u8], needle: &[u8], from: usize| -> Option<usize> {
        hay.get(from..)?
            .windows(needle.len())
            .position(|w| w == needle)
            .map(|i| i + from)
    };
    let mut out = Vec::new();
    let mut at = find(body, delimiter, 0)? + delimiter.len();
    loop {
        if body.get(at..at + 2) == Some(b"--") {
            return Some(out);
        }
        let head_start = at + 2; // the CRLF after the delimiter
        let head_end = find(body, b"\r\n\r\n", head_start)?;
        let head = String::from_utf8_lossy(body.get(head_start..head_end)?).into_owned();
        let content_start = head_end + 4;
        let mut next = Vec::with_capacity(delimiter.len() + 2);
        next.extend_from_slice(b"\r\n");
        next.extend_from_slice(delimiter);
        let content_end = find(body, &next, content_start)?;
        let filename = head.lines().find_map(|line| {
            let lower = line.to_ascii_lowercase();
            if !lower.starts_with("content-disposition:") {
                return None;
            }
            let i = lower.find("filename=\"")? + "filename=\"".len();
            let rest = &line[i..];
            let end = rest.find('"')?;
            Some(rest[..end].replace("%22", "\""))
        });
        if let Some(filename) = filename {
            out.push(Part {
                filename,
                bytes: body.get(content_start..content_end)?,
            });
        }
        at = content_end + next.len();
    }
}

/// The name a file keeps in the bundle: its last path part (browsers on
/// Windows once sent `C:\…\a.jpg`), checked as the desk writes names.
pub(super) fn file_name(given: &str) -> &str {
    given.rsplit(['/', '\\']).next().unwrap_or(given).trim()
}

/// Checks one file; the refusal says why. A photo must also decode: a
/// truncated one would fail the next build.
fn check(name: &str, bytes: &[u8], settings: &crate::config::ImageSettings) -> Result<(), Message> {
    let ext = extension(name);
    if ext == "svg" || ext == "svgz" || looks_like_markup(bytes) {
        return Err(Message::DeskSvgRefused {
            name: name.to_string(),
        });
    }
    if bytes.len() as u64 > MAX_FILE {
        return Err(Message::DeskFileTooLarge {
            name: name.to_string(),
            limit: crate::file_label::human_size(MAX_FILE),
        });
    }
    match sniff(bytes) {
        Some(extensions) if extensions.contains(&ext.as_str()) => {}
        _ => {
            return Err(Message::DeskUploadType {
                name: name.to_string(),
            });
        }
    }
    if matches!(ext.as_str(), "jpg" | "jpeg" | "png" | "webp")
        && let Err(fault) = crate::picture::process::decode(bytes, settings)
    {
        return Err(Message::DeskBrokenPicture {
            name: name.to_string(),
            why: Box::new(fault.message()),
        });
    }
    Ok(())
}

/// A free name in `dir`: `name`, else `stem-2.ext`, `stem-3.ext`…
fn free_name(dir: &Path, name: &str) -> String {
    if !dir.join(name).exists() {
        return name.to_string();
    }
    let path = Path::new(name);
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let ext = path
        .extension()
        .map(|e| format!(".{}", e.to_string_lossy()))
        .unwrap_or_default();
    (2..)
        .map(|n| format!("{stem}-{n}{ext}"))
        .find(|n| !dir.join(n).exists())
        .unwrap_or_else(|| name.to_string())
}

/// The multipart boundary of `request`, when it has a sane one.
pub(super) fn boundary(request: &Request) -> Option<String> {
    request
        .header("content-type")
        .and_then(|t| {
            t.split(';')
                .find_map(|p| p.trim().strip_prefix("boundary="))
        })
        .map(|b| b.trim_matches('"').to_string())
        .filter(|b| !b.is_empty() && b.len() <= 200)
}

pub fn upload(desk: &Desk, request: &Request, body: &[u8], language: Language) -> Reply {
    upload_files(desk, request, body, language).unwrap_or_else(|r| r)
}

fn upload_files(
    desk: &Desk,
    request: &Request,
    body: &[u8],
    language: Language,
) -> Result<Reply, Reply> {
    let root = &desk.options.root;
    let page = super::gate::query_value(&request.query, "page").unwrap_or_default();
    let file =
        files::page(root, &page).map_err(|m| reply::field_error(400, m, "page", language))?;
    if !file.is_file() {
        return Err(reply::error(
            404,
            Message::DeskNotFound { path: page },
            language,
        ));
    }
    let boundary = boundary(request);
    let bad = |detail: &str| {
        reply::error(
            400,
            Message::DeskBadRequest {
                detail: detail.to_string(),
            },
            language,
        )
    };
    let Some(boundary) = boundary else {
        return Err(bad("multipart boundary"));
    };
    let Some(parts) = parts(body, &boundary) else {
        return Err(bad("multipart body"));
    };
    // Every file is checked before any is written: one refused file leaves
    // the bundle as it was.
    let settings = read::config(desk).images;
    for part in &parts {
        let name = file_name(&part.filename);
        if name.is_empty() || files::writable(root, &format!("content/{name}")).is_err() {
            return Err(reply::field_error(
                400,
                Message::DeskBadName {
                    name: super::gate::shorten(name),
                },
                "files",
                language,
            ));
        }
        check(name, part.bytes, &settings)
            .map_err(|m| reply::field_error(415, m, "files", language))?;
    }
    // x.md → x/index.md, so the page has a folder for its files.
    let (page, file) = if page.ends_with("/index.md") {
        (page, file)
    } else {
        let stem = page.trim_end_matches(".md");
        let new_page = format!("{stem}/index.md");
        let new_file = files::writable(root, &new_page)
            .map_err(|m| reply::field_error(400, m, "page", language))?;
        if new_file.parent().is_some_and(Path::exists) {
            return Err(reply::error(
                409,
                Message::DeskFileExists {
                    path: stem.to_string(),
                },
                language,
            ));
        }
        let moved = new_file
            .parent()
            .map(std::fs::create_dir_all)
            .unwrap_or(Ok(()))
            .and_then(|_| std::fs::rename(&file, &new_file));
        if let Err(e) = moved {
            return Err(reply::error(
                500,
                Message::DeskWriteFailed {
                    path: new_page,
                    detail: e.to_string(),
                },
                language,
            ));
        }
        (new_page, new_file)
    };
    let dir = file.parent().unwrap_or(root).to_path_buf();
    let mut written: Vec<BundleFile> = Vec::new();
    for part in &parts {
        let name = free_name(&dir, file_name(&part.filename));
        let target = dir.join(&name);
        if let Err(e) = files::write_atomic(root, &target, part.bytes) {
            return Err(reply::error(
                500,
                Message::DeskWriteFailed {
                    path: files::shown(root, &target),
                    detail: e.to_string(),
                },
                language,
            ));
        }
        if let Some(f) = bundle::bundle_file(&target) {
            written.push(f);
        }
    }
    Ok(reply::ok(&json!({
        "path": page,
        "files": written,
        "all": bundle::bundle_files(&dir),
    })))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(name: &str, bytes: &[u8]) -> Result<(), Message> {
        super::check(name, bytes, &crate::config::ImageSettings::default())
    }

    #[test]
    fn types_come_from_the_bytes() {
        assert!(matches!(
            check("a.jpg", b"\xFF\xD8\xFF\xE0rest"),
            Err(Message::DeskBrokenPicture { .. })
        ));
        assert!(check("a.pdf", b"%PDF-1.7").is_ok());
        assert!(check("名单.xlsx", b"PK\x03\x04rest").is_ok());
        // Disguised: the name says photo, the bytes say otherwise.
        assert!(check("a.jpg", b"%PDF-1.7").is_err());
        assert!(check("a.jpg", b"<script>alert(1)</script>").is_err());
        assert!(check("a.png", b"MZ\x90\x00").is_err());
        assert!(check("a.html", b"<html>").is_err());
        assert!(matches!(
            check("a.svg", b"<svg/>"),
            Err(Message::DeskSvgRefused { .. })
        ));
        assert!(matches!(
            check("a.png", b"  <svg onload=alert(1)>"),
            Err(Message::DeskSvgRefused { .. })
        ));
    }

    #[test]
    fn multipart_files_are_found() {
        let body = b"--XyZ\r\nContent-Disposition: form-data; name=\"files[]\"; filename=\"a.jpg\"\r\nContent-Type: image/jpeg\r\n\r\n\xFF\xD8\xFF\r\n--XyZ\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nhi\r\n--XyZ\r\nContent-Disposition: form-data; name=\"files[]\"; filename=\"C:\\x\\b.pdf\"\r\n\r\n%PDF-\r\n--XyZ--\r\n";
        let parts = parts(body, "XyZ").unwrap();
        assert_eq!(parts.len(), 2);
        assert_eq!(parts[0].filename, "a.jpg");
        assert_eq!(parts[0].bytes, b"\xFF\xD8\xFF");
        assert_eq!(file_name(&parts[1].filename), "b.pdf");
        assert_eq!(parts[1].bytes, b"%PDF-");
        assert!(super::parts(b"junk", "XyZ").is_none());
    }
}
