//! The writing desk (写作台): a browser app served by `serve` at `/_desk/`
//! for people who never open a terminal. It lists the pages with their
//! state, sends the front matter schema its forms are built from, reads and
//! saves pages, takes uploads, and runs `build` and `archive`.
//!
//! ```text
//! serve's http ─ /_desk/… ─→ gate (session cookie, Origin, body type)
//!                               ├─ assets: the embedded browser app
//!                               ├─ read:   site, schema, pages, page, propose, period, links
//!                               ├─ write:  save a page (conflicts, ledger notes), review
//!                               ├─ upload: photos and attachments into the page's bundle
//!                               │    (ledger: what a recorded notice may not change unnoted)
//!                               └─ publish: build / archive, with progress
//! ```
//!
//! It stops at the site's files: the preview of what it writes is serve's
//! own (the watcher sees the write and rebuilds), and the desk only waits for
//! that rebuild to report its problems.

mod assets;
mod bundle;
mod files;
mod gate;
mod import;
mod json;
mod ledger;
mod multipart;
mod problems;
mod publish;
mod read;
mod types;
mod upload;
mod write;
mod yaml_out;

use std::collections::HashSet;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

use crate::diag::{Diagnostic, Report};
use crate::i18n::Language;
use crate::message::Message;
use crate::model::Site;
use crate::serve::guard::Allowed;
use crate::serve::mount::{BodyReader, BuildNews, Mount, Reply};
use crate::serve::request::Request;

pub use publish::Progress;

/// Where the desk lives on the serve address.
pub const PREFIX: &str = "/_desk/";

/// One problem of the last build, as the desk sends it.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Problem {
    /// Relative to the site root, with `/`.
    pub path: Option<String>,
    pub code: &'static str,
    pub severity: &'static str,
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub message: String,
    /// The front matter key the problem's line falls on.
    pub field: Option<String>,
    /// The line inside the Markdown body (1 = the first line after `---`).
    pub body_line: Option<usize>,
}

/// What the desk knows of serve's last build.
#[derive(Default)]
struct LastBuild {
    /// When the last rebuild began, so a save can wait for one that read it.
    started: Option<Instant>,
    site: Option<Arc<Site>>,
    /// Its problems, made into text only when asked: a save wants those of
    /// one file, and a site may have a warning on each of 10,000 pages.
    report: Arc<Report>,
    language: Language,
}

impl LastBuild {
    /// Every problem, sorted.
    fn problems(&self) -> Vec<Problem> {
        (self.report.sorted().into_iter())
            .map(|d| problem(d, self.language))
            .collect()
    }

    /// The problems of one file (relative to the root, with `/`), sorted.
    fn problems_in(&self, path: &str) -> Vec<Problem> {
        let mut mine: Vec<&Diagnostic> = (self.report.iter())
            .filter(|d| d.path.as_deref().is_some_and(|p| is_file(p, path)))
            .collect();
        crate::diag::sort_diagnostics(&mut mine);
        mine.into_iter()
            .map(|d| problem(d, self.language))
            .collect()
    }
}

/// A diagnostic as the desk sends it.
fn problem(d: &Diagnostic, language: Language) -> Problem {
    Problem {
        path: d.path.as_deref().map(shown),
        code: d.message.code(),
        severity: if d.is_error() { "error" } else { "warning" },
        line: d.line,
        column: d.col,
        message: d.message.render(language),
        field: None,
        body_line: None,
    }
}

/// A path as the desk names files: relative to the root, with `/`.
fn shown(path: &std::path::Path) -> String {
    path.to_string_lossy().replace('\\', "/")
}

/// Whether `path` is the file the desk names `name`, without making a
/// string of every path (all of a big site's warnings are looked at).
fn is_file(path: &std::path::Path, name: &str) -> bool {
    let text = path.to_string_lossy();
    if text.contains('\\') {
        text.replace('\\', "/") == name
    } else {
        text == name
    }
}

pub struct DeskOptions {
    pub root: PathBuf,
    pub now: Option<String>,
    pub source_date_epoch: Option<String>,
    /// No site here yet: the desk shows the new-site page, and this makes
    /// the site (folder, `zh-CN`/`en`) and starts its desk, returning that
    /// desk's address.
    pub new_site: Option<NewSite>,
}

/// Makes a site in a folder and serves it; the new desk's address, or why not.
pub type NewSite = Arc<dyn Fn(&std::path::Path, Language) -> Result<String, Message> + Send + Sync>;

pub struct Desk {
    options: DeskOptions,
    /// The secret of this run, printed in the desk's address.
    token: String,
    /// Session cookies handed out for the token.
    sessions: Mutex<HashSet<String>>,
    last: Mutex<LastBuild>,
    built: Condvar,
    progress: Arc<Mutex<Progress>>,
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

impl Desk {
    /// A desk for the site at `root`, with a fresh token; `None` when the
    /// system gives no random numbers (then there is no desk: a guessable
    /// token would be worse).
    pub fn new(options: DeskOptions) -> Option<Desk> {
        Some(Desk {
            options,
            token: gate::random_hex(32)?,
            sessions: Mutex::new(HashSet::new()),
            last: Mutex::new(LastBuild::default()),
            built: Condvar::new(),
            progress: Arc::new(Mutex::new(Progress::default())),
        })
    }

    fn language(&self) -> Language {
        crate::config::language_of(&self.options.root)
    }

    /// The last good site.
    fn site(&self) -> Option<Arc<Site>> {
        lock(&self.last).site.clone()
    }

    fn problems(&self) -> Vec<Problem> {
        lock(&self.last).problems()
    }

    /// The last build's problems of one file (relative to the root, with `/`).
    fn problems_in(&self, path: &str) -> Vec<Problem> {
        lock(&self.last).problems_in(path)
    }

    /// Waits (at most `limit`) for a rebuild that began after the write
    /// (from `before` to `after`) was done: one that read it. Returns its
    /// problems of `path`. A rebuild that began during the write (the thread
    /// can be held up between the rename and taking the time) is taken when
    /// no later one comes.
    fn wait_for_rebuild(
        &self,
        path: &str,
        before: Instant,
        after: Instant,
        limit: Duration,
    ) -> Option<Vec<Problem>> {
        let deadline = Instant::now() + limit;
        let mut last = lock(&self.last);
        while last.started.is_none_or(|s| s < after) {
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                return last
                    .started
                    .is_some_and(|s| s >= before)
                    .then(|| last.problems_in(path));
            }
            last = self
                .built
                .wait_timeout(last, left)
                .map(|(g, _)| g)
                .unwrap_or_else(|e| e.into_inner().0);
        }
        Some(last.problems_in(path))
    }
}

impl Mount for Desk {
    fn prefix(&self) -> &'static str {
        PREFIX
    }

    fn handle(&self, request: &Request, allowed: &Allowed, body: &mut BodyReader<'_>) -> Reply {
        gate::secured(self.route(request, allowed, body))
    }

    fn started(&self, address: SocketAddr, language: Language) -> Option<(String, String)> {
        let host = if address.ip().is_unspecified() {
            format!("127.0.0.1:{}", address.port())
        } else {
            address.to_string()
        };
        let url = format!("http://{host}{PREFIX}?token={}", self.token);
        let line = Message::DeskAddress { url: url.clone() }.render(language);
        Some((line, url))
    }

    fn rebuilt(&self, news: BuildNews) {
        let mut last = lock(&self.last);
        last.started = Some(news.started);
        last.report = news.report;
        last.language = news.language;
        if news.site.is_some() {
            last.site = news.site;
        }
        drop(last);
        self.built.notify_all();
    }
}

impl Desk {
    fn route(&self, request: &Request, allowed: &Allowed, body: &mut BodyReader<'_>) -> Reply {
        let language = self.language();
        let rest = request.path.strip_prefix(PREFIX).unwrap_or("");
        let method = request.method.as_str();
        if !matches!(method, "GET" | "HEAD" | "POST") {
            return json::error(
                405,
                Message::DeskMethod {
                    method: gate::shorten(method),
                },
                language,
            );
        }
        // The way in: the token for a session cookie, then the address
        // without the token.
        if rest.is_empty()
            && method != "POST"
            && let Some(token) = gate::query_value(&request.query, "token")
        {
            return self.enter(&token, language);
        }
        if !self.has_session(request) {
            return if rest.starts_with("api/") {
                json::error(401, Message::DeskNoSession {}, language)
            } else {
                gate::how_to_get_in(401, &Message::DeskNoSession {})
            };
        }
        if method == "POST"
            && let Err(reply) = gate::change_allowed(request, allowed, language)
        {
            return reply;
        }
        if let Some(make) = &self.options.new_site {
            return publish::new_site(self, make, request, rest, body, language);
        }
        match (method, rest) {
            ("GET" | "HEAD", "") => assets::app(),
            ("GET" | "HEAD", name) if name.starts_with("ui/") => assets::file(&name[3..]),
            ("GET" | "HEAD", api) if api.starts_with("api/") => {
                read::answer(self, &api[4..], &request.query, language)
            }
            ("POST", api) if api.starts_with("api/") => {
                let endpoint = &api[4..];
                let limit = if endpoint == "upload" || endpoint == "import" {
                    upload::MAX_REQUEST
                } else {
                    json::MAX_JSON
                };
                let bytes = match body(limit) {
                    Ok(bytes) => bytes,
                    Err(e) => return json::body_error(&e, limit, language),
                };
                match endpoint {
                    "page" => write::save(self, &bytes, language),
                    "review" => write::review(self, &bytes, language),
                    "upload" => upload::upload(self, request, &bytes, language),
                    "publish" => publish::publish(self, language),
                    "archive" => publish::archive(self, language),
                    "import" => import::import(self, request, &bytes, language),
                    _ => json::error(
                        404,
                        Message::DeskNotFound {
                            path: gate::shorten(&request.path),
                        },
                        language,
                    ),
                }
            }
            _ => json::error(
                404,
                Message::DeskNotFound {
                    path: gate::shorten(&request.path),
                },
                language,
            ),
        }
    }

    /// The token, when right, becomes a session cookie; the answer sends the
    /// browser on to the address without it (out of its history and of any
    /// `Referer`).
    fn enter(&self, token: &str, language: Language) -> Reply {
        let _ = language;
        if !gate::same_secret(token, &self.token) {
            return gate::how_to_get_in(403, &Message::DeskWrongToken {});
        }
        let Some(session) = gate::random_hex(32) else {
            return gate::how_to_get_in(403, &Message::DeskWrongToken {});
        };
        lock(&self.sessions).insert(session.clone());
        Reply::new(303, "text/plain; charset=utf-8", "see /_desk/")
            .header("Location", PREFIX)
            .header(
                "Set-Cookie",
                format!(
                    "{}={session}; HttpOnly; SameSite=Strict; Path={PREFIX}",
                    gate::COOKIE
                ),
            )
    }

    fn has_session(&self, request: &Request) -> bool {
        let sessions = lock(&self.sessions);
        gate::cookies(request, gate::COOKIE)
            .iter()
            .any(|value| sessions.iter().any(|s| gate::same_secret(value, s)))
    }
}
