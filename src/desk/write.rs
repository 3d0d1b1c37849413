//! Saving a page from the form, and the review steps (提交审核, 审核通过).
//!
//! A save names the version of the file it started from; if the file has
//! changed on disk since, nothing is written and both versions go back (409)
//! for the writer to choose. A disclosure the ledger records, whose text
//! would change, needs a revision note: the desk adds it to `revisions`
//! (dated today), which is what the build's ledger comparison accepts.
//! After writing, the desk waits for serve's rebuild of the file and
//! returns its problems, each placed on its front matter field or body line.

use std::path::Path;

use serde::Deserialize;
use serde_json::{Map, Value, json};

use crate::frontmatter::kind::Kind;
use crate::frontmatter::schema;
use crate::i18n::Language;
use crate::message::Message;
use crate::serve::mount::Reply;

use super::read::{self, OnDisk};
use super::{Desk, files, json as reply, ledger};

/// How long a save waits for serve to rebuild the page it wrote.
const REBUILD_WAIT: std::time::Duration = std::time::Duration::from_secs(2);

#[derive(Deserialize)]
struct Save {
    path: Option<String>,
    kind: Option<String>,
    section: Option<String>,
    slug: Option<String>,
    #[serde(default)]
    front: Map<String, Value>,
    #[serde(default)]
    body: String,
    base_version: Option<String>,
    revision_note: Option<String>,
}

/// The file's text from the front matter and body.
pub fn page_text(front: &Map<String, Value>, body: &str, kind: Kind) -> String {
    // Keys as the schema lists them, rows' keys included.
    fn names(fields: &[&'static schema::Field], out: &mut Vec<&'static str>) {
        for f in fields {
            if !out.contains(&f.name) {
                out.push(f.name);
            }
            names(&f.rows.iter().collect::<Vec<_>>(), out);
        }
    }
    let mut order = Vec::new();
    names(&kind.fields().collect::<Vec<_>>(), &mut order);
    let yaml = super::yaml_out::front_matter(front, &order);
    let body = body.replace("\r\n", "\n");
    let mut text = format!("---\n{yaml}---\n");
    text.push_str(&body);
    if !text.ends_with('\n') {
        text.push('\n');
    }
    text
}

pub(super) fn now_text(desk: &Desk) -> (String, String) {
    let config = read::config(desk);
    let now = read::clock(desk, &config).now_in(&config.timezone);
    (
        now.strftime("%Y-%m-%d %H:%M").to_string(),
        now.date().to_string(),
    )
}

fn conflict(disk: &OnDisk, path: &str, language: Language) -> Reply {
    let message = Message::DeskConflict {
        path: path.to_string(),
    };
    reply::reply(
        409,
        &json!({
            "error": reply::error_value(&message, language),
            "conflict": {"disk": {"front": disk.front, "body": disk.body, "version": disk.version}},
        }),
    )
}

pub fn save(desk: &Desk, bytes: &[u8], language: Language) -> Reply {
    let save: Save = match reply::parse(bytes, language) {
        Ok(s) => s,
        Err(r) => return r,
    };
    save_page(desk, save, language).unwrap_or_else(|r| r)
}

fn kind_of(desk: &Desk, name: Option<&str>, path: &str, language: Language) -> Result<Kind, Reply> {
    if let Some(name) = name.filter(|n| !n.is_empty()) {
        return Kind::parse(name).ok_or_else(|| {
            reply::field_error(
                400,
                Message::DeskUnknownKind {
                    kind: super::gate::shorten(name),
                },
                "kind",
                language,
            )
        });
    }
    let site = desk.site();
    Ok(site
        .iter()
        .flat_map(|s| s.pages.iter())
        .find(|p| p.parsed.path.to_string_lossy().replace('\\', "/") == path)
        .map(|p| p.parsed.kind)
        .unwrap_or(Kind::News))
}

/// The kind pages of `section` (`content/news`) get without saying.
fn section_kind(desk: &Desk, section: &str) -> Option<Kind> {
    let dir = section.strip_prefix("content/")?.trim_end_matches('/');
    let site = desk.site()?;
    site.sections
        .iter()
        .find(|s| s.dir.to_string_lossy().replace('\\', "/") == dir)
        .map(|s| s.kind)
}

fn save_page(desk: &Desk, mut save: Save, language: Language) -> Result<Reply, Reply> {
    let root = &desk.options.root;
    let config = read::config(desk);
    let title_blank = save
        .front
        .get("title")
        .and_then(Value::as_str)
        .is_none_or(|t| t.trim().is_empty());
    if title_blank {
        return Err(reply::field_error(
            422,
            Message::DeskNoTitle {},
            "title",
            language,
        ));
    }
    let (now, today) = now_text(desk);
    let (path, existing) = match &save.path {
        Some(path) => {
            let file = files::page(root, path)
                .map_err(|m| reply::field_error(400, m, "path", language))?;
            let disk = read::read_page(&file);
            (path.clone(), disk)
        }
        None => {
            let kind = kind_of(desk, save.kind.as_deref(), "", language)?;
            let section = save.section.clone().unwrap_or_default();
            let title = save.front["title"].as_str().unwrap_or("").to_string();
            let slug = save
                .slug
                .clone()
                .filter(|s| !s.trim().is_empty())
                .unwrap_or(title);
            let (_, path) = read::new_page_path(desk, kind, &section, &slug, &config, language)?;
            if section_kind(desk, &section) != Some(kind) {
                save.front.insert("kind".into(), kind.name().into());
            }
            (path, None)
        }
    };
    let kind = kind_of(desk, save.kind.as_deref(), &path, language)?;
    let file =
        files::page(root, &path).map_err(|m| reply::field_error(400, m, "path", language))?;
    match (&existing, &save.base_version) {
        (Some(disk), Some(base)) if *base != disk.version => {
            return Err(conflict(disk, &path, language));
        }
        (Some(disk), None) => return Err(conflict(disk, &path, language)),
        (None, Some(_)) if save.path.is_some() => {
            // Opened, then deleted or moved on disk: saying so beats
            // bringing it back unasked.
            return Err(reply::error(
                409,
                Message::DeskNotFound { path: path.clone() },
                language,
            ));
        }
        _ => {}
    }
    if !save.front.contains_key("date") {
        save.front.insert("date".into(), now.clone().into());
    }
    if let Some(disk) = &existing
        && same_content(&disk.front, &save.front)
        && disk.body.replace("\r\n", "\n") == save.body.replace("\r\n", "\n")
    {
        // Nothing changed: the file stays byte for byte (a recorded
        // disclosure is not rewritten in the desk's spelling).
        return Ok(reply::ok(&json!({
            "path": path,
            "url": page_url(desk, &path),
            "version": disk.version,
            "problems": super::problems::problems_of(&desk.problems_in(&path), &path, &disk_text(&file)),
        })));
    }
    if let Some(disk) = &existing
        && let Some(entry) = ledger::record_of(desk, &path, Some(&disk.front))
    {
        let text = page_text(&save.front, &save.body, kind);
        if crate::digest::sha256_hex(text.as_bytes()) != entry.source_sha256 {
            let note = save.revision_note.as_deref().map(str::trim).unwrap_or("");
            if !note.is_empty() {
                ledger::add_note(&mut save.front, &today, note);
            } else if !ledger::has_new_note(&save.front, &entry) {
                return Err(reply::field_error(
                    422,
                    Message::DeskNeedsRevisionNote {
                        number: entry.number.clone(),
                    },
                    "revision_note",
                    language,
                ));
            }
        }
    }
    let text = page_text(&save.front, &save.body, kind);
    if existing.is_none() && (file.exists() || bundle_twin(&file).exists()) {
        return Err(reply::field_error(
            409,
            Message::DeskFileExists { path: path.clone() },
            "path",
            language,
        ));
    }
    let before = std::time::Instant::now();
    files::write_atomic(&desk.options.root, &file, text.as_bytes()).map_err(|e| {
        reply::error(
            500,
            Message::DeskWriteFailed {
                path: path.clone(),
                detail: e.to_string(),
            },
            language,
        )
    })?;
    let problems = desk
        .wait_for_rebuild(&path, before, std::time::Instant::now(), REBUILD_WAIT)
        .unwrap_or_default();
    Ok(reply::ok(&json!({
        "path": path,
        "url": page_url(desk, &path),
        "version": crate::digest::sha256_hex(text.as_bytes()),
        "problems": super::problems::problems_of(&problems, &path, &text),
        "rebuilt": true,
    })))
}

/// `x.md` ↔ `x/index.md`: the same page's other form, which must not exist
/// beside a new one.
fn bundle_twin(file: &Path) -> std::path::PathBuf {
    if file.file_name().is_some_and(|n| n == "index.md") {
        let dir = file.parent().unwrap_or(file);
        dir.with_extension("md")
    } else {
        file.with_extension("").join("index.md")
    }
}

fn disk_text(file: &Path) -> String {
    std::fs::read_to_string(file).unwrap_or_default()
}

/// Front matter equal as values: numbers and strings as JSON sees them,
/// empty values as absent.
fn same_content(a: &Map<String, Value>, b: &Map<String, Value>) -> bool {
    let strip = |m: &Map<String, Value>| -> Map<String, Value> {
        m.iter()
            .filter(|(_, v)| {
                !matches!(v, Value::Null) && v.as_str().is_none_or(|s| !s.trim().is_empty())
            })
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect()
    };
    strip(a) == strip(b)
}

fn page_url(desk: &Desk, path: &str) -> Option<String> {
    let site = desk.site()?;
    site.pages
        .iter()
        .find(|p| p.parsed.path.to_string_lossy().replace('\\', "/") == path)
        .map(|p| crate::render::urls::url_for(&site.config, &p.path))
}

#[derive(Deserialize)]
struct Review {
    path: String,
    action: String,
    #[serde(default)]
    name: String,
}

/// 提交审核 (`submit`) records who asks and when in `submitted`; 审核通过
/// (`approve`) records who approved and when in `reviewed`, which is what
/// the build looks for.
pub fn review(desk: &Desk, bytes: &[u8], language: Language) -> Reply {
    let review: Review = match reply::parse(bytes, language) {
        Ok(r) => r,
        Err(r) => return r,
    };
    let config = read::config(desk);
    if !config.review_required {
        return reply::error(409, Message::DeskReviewOff {}, language);
    }
    let name = review.name.trim();
    if name.is_empty() {
        return reply::field_error(422, Message::DeskNoName {}, "name", language);
    }
    let file = match files::page(&desk.options.root, &review.path) {
        Ok(f) => f,
        Err(m) => return reply::field_error(400, m, "path", language),
    };
    let Some(mut disk) = read::read_page(&file) else {
        return reply::error(
            404,
            Message::DeskNotFound {
                path: review.path.clone(),
            },
            language,
        );
    };
    let (now, _) = now_text(desk);
    let stamp = json!({"by": name, "at": now});
    let state = match review.action.as_str() {
        "submit" => {
            disk.front.insert("submitted".into(), stamp);
            disk.front.remove("reviewed");
            "review"
        }
        "approve" => {
            if !disk.front.contains_key("submitted") {
                return reply::error(
                    409,
                    Message::DeskNotSubmitted {
                        path: review.path.clone(),
                    },
                    language,
                );
            }
            disk.front.insert("reviewed".into(), stamp);
            "published"
        }
        other => {
            return reply::field_error(
                400,
                Message::DeskBadRequest {
                    detail: super::gate::shorten(other),
                },
                "action",
                language,
            );
        }
    };
    let kind = kind_of(desk, None, &review.path, language).unwrap_or(Kind::News);
    let text = page_text(&disk.front, &disk.body, kind);
    let before = std::time::Instant::now();
    if let Err(e) = files::write_atomic(&desk.options.root, &file, text.as_bytes()) {
        return reply::error(
            500,
            Message::DeskWriteFailed {
                path: review.path.clone(),
                detail: e.to_string(),
            },
            language,
        );
    }
    let _ = desk.wait_for_rebuild(
        &review.path,
        before,
        std::time::Instant::now(),
        REBUILD_WAIT,
    );
    reply::ok(&json!({
        "state": state,
        "version": crate::digest::sha256_hex(text.as_bytes()),
    }))
}
