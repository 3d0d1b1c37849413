//! 发布 and 归档: the real `build` into `public/` (atomic, as from the
//! terminal, drafts and unreviewed pages left out) and the real `archive`,
//! with their progress readable at `/_desk/api/progress` while they run;
//! and, where there is no site yet, the new-site page that runs `init`.

use std::sync::{Arc, Mutex};

use serde::Serialize;
use serde_json::json;

use crate::build::BuildOptions;
use crate::i18n::Language;
use crate::message::Message;
use crate::serve::mount::{BodyReader, Reply};
use crate::serve::request::Request;

use super::{Desk, json as reply, lock};

/// What the desk is doing now, for the progress bar.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Progress {
    pub running: bool,
    /// `publish` or `archive`.
    pub task: String,
    /// `build`, `images`, `write`, `done`.
    pub stage: String,
    pub done: usize,
    pub total: usize,
}

/// Marks a task as running for as long as it lives.
struct Running(Arc<Mutex<Progress>>);

impl Running {
    fn start(progress: &Arc<Mutex<Progress>>, task: &str) -> Option<Running> {
        let mut p = lock(progress);
        if p.running {
            return None;
        }
        *p = Progress {
            running: true,
            task: task.to_string(),
            stage: "build".to_string(),
            done: 0,
            total: 0,
        };
        Some(Running(progress.clone()))
    }

    /// The progress callback of a stage: `images` or `pages`.
    fn stage(&self, stage: &'static str) -> crate::images::Progress {
        let progress = self.0.clone();
        crate::images::Progress(Arc::new(move |done, total| {
            let mut p = lock(&progress);
            if p.stage != stage {
                p.stage = stage.to_string();
            }
            p.done = done;
            p.total = total;
        }))
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        let mut p = lock(&self.0);
        p.running = false;
        p.stage = "done".to_string();
    }
}

fn problems(report: &crate::diag::Report, language: Language) -> Vec<serde_json::Value> {
    report
        .sorted()
        .into_iter()
        .map(|d| {
            json!({
                "path": d.path.as_ref().map(|p| p.to_string_lossy().replace('\\', "/")),
                "line": d.line,
                "column": d.col,
                "code": d.message.code(),
                "severity": if d.is_error() { "error" } else { "warning" },
                "message": d.message.render(language),
                "text": d.render(language),
            })
        })
        .collect()
}

fn build_options(desk: &Desk) -> BuildOptions {
    BuildOptions {
        root: desk.options.root.clone(),
        now: desk.options.now.clone(),
        source_date_epoch: desk.options.source_date_epoch.clone(),
        ..BuildOptions::default()
    }
}

pub fn publish(desk: &Desk, language: Language) -> Reply {
    let Some(running) = Running::start(&desk.progress, "publish") else {
        return reply::error(409, Message::DeskBusy {}, language);
    };
    let mut options = build_options(desk);
    options.progress = Some(running.stage("images"));
    options.pages_progress = Some(running.stage("pages"));
    match crate::build::build(&options) {
        Ok(summary) => reply::ok(&json!({
            "ok": true,
            "pages": summary.pages,
            "files": summary.files,
            // Files the build wrote; the others it kept from the last output.
            "written": summary.written.files - summary.written.reused,
            "output": super::files::shown(&desk.options.root, &summary.output),
            "problems": problems(&summary.report, language),
            "next_change": summary.next_change.map(|(at, what)| json!({"at": at, "what": what})),
        })),
        Err(failed) => reply::reply(
            422,
            &json!({
                "ok": false,
                "error": reply::error_value(&Message::BuildFailed {}, language),
                "problems": problems(&failed.0, language),
            }),
        ),
    }
}

pub fn archive(desk: &Desk, language: Language) -> Reply {
    let Some(running) = Running::start(&desk.progress, "archive") else {
        return reply::error(409, Message::DeskBusy {}, language);
    };
    // The archive's build counts its pictures and pages as publishing does.
    let mut build = build_options(desk);
    build.progress = Some(running.stage("images"));
    build.pages_progress = Some(running.stage("pages"));
    let options = crate::archive::ArchiveOptions {
        build,
        out: None,
        dir: Some(desk.options.root.clone()),
    };
    match crate::archive::archive(&options) {
        Ok(summary) => reply::ok(&json!({
            "ok": true,
            "file": super::files::shown(&desk.options.root, &summary.path),
            "size": summary.bytes,
            "files": summary.files,
            "manifest_sha256": summary.manifest_hash,
            "problems": problems(&summary.report, language),
        })),
        Err(failed) => reply::reply(
            422,
            &json!({
                "ok": false,
                "error": reply::error_value(&Message::ArchiveFailed {}, language),
                "problems": problems(&failed.0, language),
            }),
        ),
    }
}

/// The desk where there is no site: `GET /_desk/` is the new-site page;
/// `GET /_desk/api/new-site` proposes a folder; `POST /_desk/api/new-site`
/// `{folder, lang}` makes the site there (an empty or new folder) and
/// answers with the address of its desk.
pub fn new_site(
    desk: &Desk,
    make: &super::NewSite,
    request: &Request,
    rest: &str,
    body: &mut BodyReader<'_>,
    language: Language,
) -> Reply {
    let proposed = desk.options.root.join("site");
    match (request.method.as_str(), rest) {
        ("GET" | "HEAD", "") => super::assets::file("new-site.html"),
        ("GET" | "HEAD", name) if name.starts_with("ui/") => super::assets::file(&name[3..]),
        ("GET" | "HEAD", "api/new-site") => reply::ok(&json!({
            "here": desk.options.root.display().to_string(),
            "folder": proposed.display().to_string(),
        })),
        ("POST", "api/new-site") => {
            #[derive(serde::Deserialize)]
            struct Asked {
                folder: Option<String>,
                lang: Option<String>,
            }
            let bytes = match body(reply::MAX_JSON) {
                Ok(b) => b,
                Err(e) => return reply::body_error(&e, reply::MAX_JSON, language),
            };
            let asked: Asked = match reply::parse(&bytes, language) {
                Ok(a) => a,
                Err(r) => return r,
            };
            let folder = asked
                .folder
                .map(|f| f.trim().to_string())
                .filter(|f| !f.is_empty())
                .map(std::path::PathBuf::from)
                .unwrap_or(proposed);
            // A relative folder is taken from where the program runs.
            let folder = if folder.is_absolute() {
                folder
            } else {
                desk.options.root.join(folder)
            };
            let lang = match asked.lang.as_deref() {
                Some("en") => Language::En,
                _ => Language::ZhCn,
            };
            match make(&folder, lang) {
                Ok(address) => reply::ok(&json!({
                    "ok": true,
                    "folder": folder.display().to_string(),
                    "desk": address,
                })),
                Err(message) => reply::field_error(422, message, "folder", language),
            }
        }
        _ => reply::error(
            404,
            Message::DeskNotFound {
                path: super::gate::shorten(&request.path),
            },
            language,
        ),
    }
}
