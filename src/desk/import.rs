//! A Word document dropped on the desk goes through the same importer as
//! `noticeboard import` (#22): each .docx becomes a new page bundle in the
//! section the writer is in, never over an existing page; the answer names
//! the pages made and what the importer approximated.

use serde_json::json;

use crate::frontmatter::kind::Kind;
use crate::i18n::Language;
use crate::import::{DocxSource, ImportOptions, import_docx};
use crate::message::Message;
use crate::serve::mount::Reply;
use crate::serve::request::Request;

use super::multipart::{boundary, file_name, parts};
use super::{Desk, gate, json as reply, read};

pub fn import(desk: &Desk, request: &Request, body: &[u8], language: Language) -> Reply {
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
        return bad("multipart boundary");
    };
    let Some(parts) = parts(body, &boundary) else {
        return bad("multipart body");
    };
    if parts.is_empty() {
        return reply::error(400, Message::DeskImportMissing {}, language);
    }
    let query = |name: &str| gate::query_value(&request.query, name).unwrap_or_default();
    let kind = Kind::parse(&query("kind")).unwrap_or(Kind::News);
    // The desk names sections as `content/news`; the importer by folder.
    let section = query("section");
    let section = section
        .trim_start_matches("content")
        .trim_matches(['/', '\\'])
        .to_string();
    let config = read::config(desk);
    let options = ImportOptions {
        section: (!section.is_empty()).then_some(section),
        kind,
        category: Some(query("category")).filter(|c| !c.is_empty()),
        today: read::clock(desk, &config)
            .now_in(&config.timezone)
            .date()
            .to_string(),
        beside: None,
    };
    let mut pages = Vec::new();
    let mut warnings = Vec::new();
    for part in &parts {
        let name = file_name(&part.filename);
        let source = DocxSource::Bytes {
            name,
            bytes: part.bytes,
        };
        match import_docx(&desk.options.root, source, &options) {
            Ok(made) => {
                pages.push(json!({
                    "path": made.page.to_string_lossy().replace('\\', "/"),
                    "title": made.front.title,
                }));
                warnings.extend(
                    (made.warnings.iter()).map(|w| reply::error_value(&w.message, language)),
                );
            }
            // Pages made from earlier files stay: each file is its own import.
            Err(problem) if pages.is_empty() => {
                return reply::error(
                    422,
                    std::sync::Arc::unwrap_or_clone(problem.message),
                    language,
                );
            }
            Err(problem) => warnings.push(reply::error_value(&problem.message, language)),
        }
    }
    reply::ok(&json!({ "pages": pages, "warnings": warnings }))
}
