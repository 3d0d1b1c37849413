//! Photos and attachments into a page's bundle.
//!
//! Each file's type is read from its first bytes, and its name must say the
//! same type: a script named `photo.jpg` is refused, and so is SVG, which
//! can carry scripts that would run on the site. A single-file page
//! (`x.md`) first becomes a bundle (`x/index.md`) — the page's name, and so
//! its address, stays the same. A name already in the bundle gets `-2`,
//! `-3`…; nothing is overwritten. Into a disclosure the ledger records, an
//! upload that changes what the record holds needs a revision note, sent
//! as the form's `revision_note` and written into the page first
//! ([`ledger`](super::ledger)).

use std::path::{Path, PathBuf};

use serde_json::json;

use crate::frontmatter::kind::Kind;
use crate::i18n::Language;
use crate::message::{List, Message};
use crate::serve::mount::Reply;
use crate::serve::request::Request;

use super::bundle::{self, BundleFile};
use super::multipart::{self, boundary, file_name};
use super::types::{extension, looks_like_markup, sniff};
use super::{Desk, files, json as reply};
use super::{ledger, read};

/// The most one uploaded file may be.
pub const MAX_FILE: u64 = 20 * 1024 * 1024;
/// The most one upload request may carry (several files).
pub const MAX_REQUEST: u64 = 100 * 1024 * 1024;

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
    let bad = |detail: &str| {
        reply::error(
            400,
            Message::DeskBadRequest {
                detail: detail.to_string(),
            },
            language,
        )
    };
    let Some(boundary) = boundary(request) else {
        return Err(bad("multipart boundary"));
    };
    let Some(form) = multipart::form(body, &boundary) else {
        return Err(bad("multipart body"));
    };
    // Every file is checked before any is written: one refused file leaves
    // the bundle as it was.
    let settings = read::config(desk).images;
    for part in &form.files {
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
    let bundle_page = if page.ends_with("/index.md") {
        page.clone()
    } else {
        ledger::twin_path(&page)
    };
    let bundle_file = files::writable(root, &bundle_page)
        .map_err(|m| reply::field_error(400, m, "page", language))?;
    let dir = bundle_file.parent().unwrap_or(root).to_path_buf();
    if bundle_page != page && dir.exists() {
        return Err(reply::error(
            409,
            Message::DeskFileExists {
                path: page.trim_end_matches(".md").to_string(),
            },
            language,
        ));
    }
    let names = free_names(&dir, form.files.iter().map(|p| file_name(&p.filename)));
    let note = noted(desk, &page, &bundle_page, &file, &names, &form, language)?;
    if bundle_page != page {
        let moved =
            std::fs::create_dir_all(&dir).and_then(|_| std::fs::rename(&file, &bundle_file));
        if let Err(e) = moved {
            return Err(reply::error(
                500,
                Message::DeskWriteFailed {
                    path: bundle_page,
                    detail: e.to_string(),
                },
                language,
            ));
        }
    }
    // The note first: the files never show in a build without it.
    let revision = match note {
        Some(note) => Some(write_note(
            desk,
            &bundle_page,
            &bundle_file,
            &note,
            language,
        )?),
        None => None,
    };
    let mut written: Vec<BundleFile> = Vec::new();
    for (part, name) in form.files.iter().zip(&names) {
        let target = dir.join(name);
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
        "path": bundle_page,
        "files": written,
        "all": bundle::bundle_files(&dir),
        "version": read::read_page(&bundle_file).map(|d| d.version),
        "revision": revision,
    })))
}

/// The names the files get in `dir`, in order: as given, else with `-2`,
/// `-3`… where the folder (or an earlier file of the same upload) has one.
fn free_names<'a>(dir: &Path, given: impl Iterator<Item = &'a str>) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for name in given {
        let taken = |n: &str| dir.join(n).exists() || names.iter().any(|m| m == n);
        let free = if taken(name) {
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
                .find(|n| !taken(n))
                .unwrap_or_else(|| name.to_string())
        } else {
            name.to_string()
        };
        names.push(free);
    }
    names
}

/// For an upload into a disclosure the ledger records that would change what
/// the record holds (see [`ledger`]): the revision note the writer gave, or
/// the refusal asking for one. `None` when no note is needed: the upload
/// changes nothing recorded, or the page already has a note written since
/// the last build.
fn noted(
    desk: &Desk,
    page: &str,
    bundle_page: &str,
    file: &Path,
    names: &[String],
    form: &multipart::Form<'_>,
    language: Language,
) -> Result<Option<String>, Reply> {
    let disk = read::read_page(file);
    let front = disk.as_ref().map(|d| &d.front);
    let Some(entry) = ledger::record_of(desk, page, front) else {
        return Ok(None);
    };
    let folder = Path::new(bundle_page).parent().unwrap_or(Path::new(""));
    let added: Vec<PathBuf> = names.iter().map(|n| folder.join(n)).collect();
    let site = desk.site();
    if !ledger::upload_changes(
        &desk.options.root,
        site.as_deref(),
        page,
        bundle_page,
        &added,
    ) || front.is_some_and(|f| ledger::has_new_note(f, &entry))
    {
        return Ok(None);
    }
    match form.field("revision_note").map(str::trim) {
        Some(note) if !note.is_empty() => Ok(Some(note.to_string())),
        _ => Err(reply::field_error(
            422,
            Message::DeskUploadNeedsRevisionNote {
                number: entry.number,
                files: List::of(names),
            },
            "revision_note",
            language,
        )),
    }
}

/// Adds the note, dated today, to the page's `revisions`; the entry written.
fn write_note(
    desk: &Desk,
    page: &str,
    file: &Path,
    note: &str,
    language: Language,
) -> Result<serde_json::Value, Reply> {
    let failed = |detail: String| {
        reply::error(
            500,
            Message::DeskWriteFailed {
                path: page.to_string(),
                detail,
            },
            language,
        )
    };
    let Some(mut disk) = read::read_page(file) else {
        return Err(failed("unreadable".to_string()));
    };
    let (_, today) = super::write::now_text(desk);
    let entry = ledger::add_note(&mut disk.front, &today, note);
    let text = super::write::page_text(&disk.front, &disk.body, Kind::Disclosure);
    files::write_atomic(&desk.options.root, file, text.as_bytes())
        .map_err(|e| failed(e.to_string()))?;
    Ok(entry)
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
}
