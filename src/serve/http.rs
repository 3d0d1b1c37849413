//! A small HTTP/1.1 server for the preview: GET and HEAD of the in-memory site,
//! plus the live-reload event stream. One thread per connection, a cap on
//! connections, time limits on reads and writes, every response closes its
//! connection. It only has to serve one person's browser on loopback, but it
//! must not fall over when something else knocks, nor answer a page of
//! another site ([`guard`](super::guard)).
//!
//! A connection that has not yet sent its request head is the cheapest thing
//! to hold open, so it is what gets let go: the whole head must come within
//! [`HEAD_DEADLINE`], and when every place is taken the connection that has
//! waited longest for its head is closed to make room for the new one. Slow
//! clients holding every place therefore cannot keep a browser out.

use std::collections::BTreeMap;
use std::io::{self, Write};
use std::net::{Shutdown, TcpListener, TcpStream};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::sync::{Arc, Mutex, RwLock};
use std::time::{Duration, Instant};

use super::files::read_as_built;
use super::guard::{Allowed, Refusal};
use super::mount::{Mount, Reply};
use super::request::{Parsed, folder_location, read_body, read_request, site_key};
use super::state::{Body, Snapshot};
use crate::i18n::Language;

/// The path prefix of the preview's own endpoints; no site file can live there
/// (a site path never starts with `_`-prefixed `__noticeboard`).
pub const PREFIX: &str = "/__noticeboard/";
const LIVE_JS: &str = include_str!("live.js");
const MAX_CONNECTIONS: usize = 512;
/// From accepting a connection to the end of its request head.
pub const HEAD_DEADLINE: Duration = Duration::from_secs(10);
const IO_TIMEOUT: Duration = Duration::from_secs(10);
const PING_EVERY: Duration = Duration::from_secs(15);
/// From the end of the head to the end of a mount's request body (an upload
/// of photos over loopback).
const BODY_DEADLINE: Duration = Duration::from_secs(120);

/// What the server shows: the last good site and the error of the last failed
/// rebuild, if it failed.
#[derive(Default)]
pub struct Served {
    pub snapshot: Snapshot,
    /// JSON for the overlay (`{"errors": [...]}`), while the last rebuild failed.
    pub error: Option<String>,
    /// No build has succeeded yet: every page is the error page.
    pub never_built: bool,
    /// The last good build, for the WeChat tools.
    pub wechat: Option<Arc<super::wechat::WechatSource>>,
}

/// Live-reload listeners: each event-stream connection holds a receiver.
#[derive(Default)]
pub struct Hub {
    clients: Mutex<Vec<Sender<String>>>,
}

impl Hub {
    /// Sends `event` with `data` (one line of JSON) to every open page.
    pub fn send(&self, event: &str, data: &str) {
        let message = format!("event: {event}\ndata: {data}\n\n");
        if let Ok(mut clients) = self.clients.lock() {
            clients.retain(|c| c.send(message.clone()).is_ok());
        }
    }

    fn subscribe(&self) -> Receiver<String> {
        let (tx, rx) = mpsc::channel();
        if let Ok(mut clients) = self.clients.lock() {
            clients.push(tx);
        }
        rx
    }
}

/// Connections still reading their request head, oldest first.
#[derive(Default)]
struct Waiting {
    next: u64,
    heads: BTreeMap<u64, Arc<TcpStream>>,
}

impl Waiting {
    fn add(&mut self, stream: Arc<TcpStream>) -> u64 {
        self.next += 1;
        self.heads.insert(self.next, stream);
        self.next
    }

    /// Closes the connection that has waited longest for its head; `false`
    /// if every connection is past its head.
    fn close_oldest(&mut self) -> bool {
        match self.heads.pop_first() {
            Some((_, stream)) => {
                // Its thread sees the end of the stream and stops.
                let _ = stream.shutdown(Shutdown::Both);
                true
            }
            None => false,
        }
    }
}

pub struct Server {
    pub served: Arc<RwLock<Served>>,
    pub hub: Arc<Hub>,
    mount: Option<Arc<dyn Mount>>,
    allowed: Arc<Allowed>,
    active: Arc<AtomicUsize>,
    waiting: Arc<Mutex<Waiting>>,
}

/// One connection's share of the server, for its thread.
struct Connection {
    served: Arc<RwLock<Served>>,
    hub: Arc<Hub>,
    mount: Option<Arc<dyn Mount>>,
    allowed: Arc<Allowed>,
    active: Arc<AtomicUsize>,
    waiting: Arc<Mutex<Waiting>>,
    id: u64,
}

impl Connection {
    fn head_read(&self) {
        lock(&self.waiting).heads.remove(&self.id);
    }
}

impl Drop for Connection {
    fn drop(&mut self) {
        self.head_read();
        self.active.fetch_sub(1, Ordering::SeqCst);
    }
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

impl Server {
    /// A server answering at the addresses `allowed` names.
    pub fn new(
        served: Arc<RwLock<Served>>,
        hub: Arc<Hub>,
        allowed: Allowed,
        mount: Option<Arc<dyn Mount>>,
    ) -> Server {
        Server {
            served,
            hub,
            mount,
            allowed: Arc::new(allowed),
            active: Arc::new(AtomicUsize::new(0)),
            waiting: Arc::new(Mutex::new(Waiting::default())),
        }
    }

    /// Accepts connections until the listener fails; each gets its own thread.
    pub fn run(&self, listener: TcpListener) {
        for stream in listener.incoming() {
            let Ok(stream) = stream else { continue };
            let accepted = Instant::now();
            let stream = Arc::new(stream);
            let id = {
                let mut waiting = lock(&self.waiting);
                if self.active.load(Ordering::SeqCst) >= MAX_CONNECTIONS && !waiting.close_oldest()
                {
                    // Every place holds a request being answered: refuse
                    // this one and keep serving the others.
                    drop(stream);
                    continue;
                }
                waiting.add(stream.clone())
            };
            self.active.fetch_add(1, Ordering::SeqCst);
            let connection = Connection {
                served: self.served.clone(),
                hub: self.hub.clone(),
                mount: self.mount.clone(),
                allowed: self.allowed.clone(),
                active: self.active.clone(),
                waiting: self.waiting.clone(),
                id,
            };
            // Should the thread not start, the closure is dropped, and with
            // it the connection and its place.
            let _ = std::thread::Builder::new()
                .name("nb-http".into())
                .spawn(move || {
                    let _ = handle(&stream, accepted, &connection);
                });
        }
    }
}

fn handle(out: &TcpStream, accepted: Instant, conn: &Connection) -> io::Result<()> {
    out.set_write_timeout(Some(IO_TIMEOUT))?;
    let request = match read_request(out, accepted + HEAD_DEADLINE)? {
        Some(Parsed::Ok(r)) => r,
        Some(Parsed::Bad(status, why)) => return plain(out, status, why),
        None => return Ok(()),
    };
    conn.head_read();
    out.set_read_timeout(Some(IO_TIMEOUT))?;
    let head_only = request.method == "HEAD";
    if let Err(refusal) = conn.allowed.check(&request.fetch) {
        return refuse(out, &refusal, &conn.allowed.url(), head_only);
    }
    if let Some(mount) = &conn.mount {
        let prefix = mount.prefix();
        if request.path.starts_with(prefix) {
            let mut body =
                |limit: u64| read_body(out, &request, limit, Instant::now() + BODY_DEADLINE);
            let reply = mount.handle(&request, &conn.allowed, &mut body);
            return send(out, &reply, head_only);
        }
        if request.path == prefix.trim_end_matches('/') {
            return respond(
                out,
                301,
                "text/plain; charset=utf-8",
                b"moved",
                head_only,
                &[("Location", prefix)],
            );
        }
    }
    if request.method != "GET" && !head_only {
        return plain(out, 405, "only GET and HEAD");
    }
    let served = &*conn.served;
    if let Some(endpoint) = request.path.strip_prefix(PREFIX) {
        return match endpoint {
            "live.js" => respond(
                out,
                200,
                "text/javascript; charset=utf-8",
                LIVE_JS.as_bytes(),
                head_only,
                &[],
            ),
            "events" => events(out, served, &conn.hub),
            "wechat.js" => respond(
                out,
                200,
                "text/javascript; charset=utf-8",
                super::wechat::SCRIPT.as_bytes(),
                head_only,
                &[],
            ),
            page if page.starts_with("wechat/") => {
                let source = {
                    let guard = served.read().unwrap_or_else(|e| e.into_inner());
                    guard.wechat.clone()
                };
                let json = source.and_then(|s| super::wechat::answer(&s, &page["wechat/".len()..]));
                match json {
                    Some(json) => respond(
                        out,
                        200,
                        "application/json; charset=utf-8",
                        json.as_bytes(),
                        head_only,
                        &[],
                    ),
                    None => plain(out, 404, "no page here"),
                }
            }
            "files" => {
                // Every served path, one per line: for tests and for curious users.
                let mut paths: Vec<String> = {
                    let guard = served.read().unwrap_or_else(|e| e.into_inner());
                    guard.snapshot.files.keys().cloned().collect()
                };
                paths.sort();
                let body = paths.join("\n");
                respond(
                    out,
                    200,
                    "text/plain; charset=utf-8",
                    body.as_bytes(),
                    head_only,
                    &[],
                )
            }
            _ => plain(out, 404, "not found"),
        };
    }
    let Some(key) = site_key(&request.path) else {
        return plain(out, 400, "bad path");
    };
    let (body, status, redirect) = {
        let guard = served.read().unwrap_or_else(|e| e.into_inner());
        if guard.never_built {
            (Some(Body::Static(ERROR_PAGE.as_bytes())), 500, None)
        } else if let Some(body) = guard.snapshot.files.get(&key) {
            (Some(body.clone()), 200, None)
        } else if !key.is_empty()
            && !key.ends_with("index.html")
            && guard
                .snapshot
                .files
                .contains_key(&format!("{key}/index.html"))
        {
            (None, 301, Some(folder_location(&key)))
        } else {
            (guard.snapshot.files.get("404.html").cloned(), 404, None)
        }
    };
    if let Some(location) = redirect {
        return respond(
            out,
            301,
            "text/plain; charset=utf-8",
            b"moved",
            head_only,
            &[("Location", &location)],
        );
    }
    let Some(body) = body else {
        return plain(out, 404, "not found");
    };
    let bytes: std::borrow::Cow<'_, [u8]> = match &body {
        Body::Bytes(b) => std::borrow::Cow::Borrowed(b.as_slice()),
        Body::Static(b) => std::borrow::Cow::Borrowed(b),
        Body::File { resolved, .. } => match read_as_built(resolved) {
            Ok(b) => std::borrow::Cow::Owned(b),
            Err(_) => return plain(out, 404, "not found"),
        },
    };
    let name = if status == 200 {
        key.as_str()
    } else {
        "404.html"
    };
    let kind = content_type(name);
    if kind.starts_with("text/html") {
        let html = inject_live_script(&bytes);
        respond(out, status, kind, &html, head_only, &[])
    } else {
        respond(out, status, kind, &bytes, head_only, &[])
    }
}

pub fn content_type(path: &str) -> &'static str {
    let ext = path.rsplit('.').next().unwrap_or("").to_ascii_lowercase();
    match ext.as_str() {
        "html" | "htm" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "json" => "application/json; charset=utf-8",
        "xml" => "application/xml; charset=utf-8",
        "txt" | "md" => "text/plain; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "avif" => "image/avif",
        "ico" => "image/x-icon",
        "pdf" => "application/pdf",
        "woff2" => "font/woff2",
        "mp4" => "video/mp4",
        "webm" => "video/webm",
        "zip" => "application/zip",
        _ => "application/octet-stream",
    }
}

/// Adds the live-reload script before `</body>` (or at the end).
fn inject_live_script(html: &[u8]) -> Vec<u8> {
    let tag = format!(
        "<script src=\"{PREFIX}live.js\"></script><script src=\"{PREFIX}wechat.js\" defer></script>"
    );
    let at = html
        .windows(7)
        .rposition(|w| w.eq_ignore_ascii_case(b"</body>"))
        .unwrap_or(html.len());
    let mut out = Vec::with_capacity(html.len() + tag.len());
    out.extend_from_slice(&html[..at]);
    out.extend_from_slice(tag.as_bytes());
    out.extend_from_slice(&html[at..]);
    out
}

/// On every response: no other site may embed or include it, and no browser
/// may guess a type other than the one sent.
const SAME_ORIGIN_ONLY: &str =
    "Cross-Origin-Resource-Policy: same-origin\r\nX-Content-Type-Options: nosniff\r\n";

/// The page for a refused request: what happened and the address to use, in
/// both languages (the refusal comes before anything of the site is read).
fn refuse(out: &TcpStream, refusal: &Refusal, url: &str, head_only: bool) -> io::Result<()> {
    let (message, help) = refusal.message(url);
    let mut html = String::from(
        "<!doctype html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>",
    );
    html.push_str(&crate::escape::escape_html(&message.render(Language::ZhCn)));
    html.push_str("</title></head><body>");
    for (language, lang) in [(Language::ZhCn, "zh-CN"), (Language::En, "en")] {
        html.push_str(&format!(
            "<p lang=\"{lang}\">{} [{}]</p><p lang=\"{lang}\">{}</p>",
            crate::escape::escape_html(&message.render(language)),
            message.code(),
            crate::escape::escape_html(&help.render(language)),
        ));
    }
    html.push_str("</body></html>");
    // A refusal is never for another page to frame (the desk's requests
    // are refused here too).
    respond(
        out,
        refusal.status(),
        "text/html; charset=utf-8",
        html.as_bytes(),
        head_only,
        &[
            ("Content-Security-Policy", "frame-ancestors 'none'"),
            ("X-Frame-Options", "DENY"),
        ],
    )
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        301 => "Moved Permanently",
        303 => "See Other",
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        409 => "Conflict",
        411 => "Length Required",
        413 => "Content Too Large",
        415 => "Unsupported Media Type",
        422 => "Unprocessable Content",
        501 => "Not Implemented",
        431 => "Request Header Fields Too Large",
        500 => "Internal Server Error",
        505 => "HTTP Version Not Supported",
        _ => "Error",
    }
}

fn respond(
    out: &TcpStream,
    status: u16,
    content_type: &str,
    body: &[u8],
    head_only: bool,
    extra: &[(&str, &str)],
) -> io::Result<()> {
    let mut head = format!(
        "HTTP/1.1 {status} {}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\
         Cache-Control: no-store\r\n{SAME_ORIGIN_ONLY}Connection: close\r\n",
        reason(status),
        body.len()
    );
    for (name, value) in extra {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    head.push_str("\r\n");
    let mut out = out;
    out.write_all(head.as_bytes())?;
    if !head_only {
        out.write_all(body)?;
    }
    out.flush()
}

/// A mount's reply, with the server's own headers.
fn send(out: &TcpStream, reply: &Reply, head_only: bool) -> io::Result<()> {
    let extra: Vec<(&str, &str)> = reply
        .headers
        .iter()
        .map(|(n, v)| (n.as_str(), v.as_str()))
        .collect();
    respond(
        out,
        reply.status,
        &reply.content_type,
        &reply.body,
        head_only,
        &extra,
    )
}

fn plain(out: &TcpStream, status: u16, text: &str) -> io::Result<()> {
    respond(
        out,
        status,
        "text/plain; charset=utf-8",
        text.as_bytes(),
        false,
        &[],
    )
}

/// The live-reload stream (server-sent events). The current error, if any, is
/// sent at once, so a page opened while the site is broken shows it.
fn events(out: &TcpStream, served: &RwLock<Served>, hub: &Hub) -> io::Result<()> {
    let rx = hub.subscribe();
    let mut out = out;
    out.write_all(
        format!(
            "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream; charset=utf-8\r\n\
             Cache-Control: no-store\r\n{SAME_ORIGIN_ONLY}Connection: close\r\n\r\nretry: 500\n\n"
        )
        .as_bytes(),
    )?;
    let error = served
        .read()
        .map(|s| s.error.clone())
        .unwrap_or_else(|e| e.into_inner().error.clone());
    match error {
        Some(json) => out.write_all(format!("event: error\ndata: {json}\n\n").as_bytes())?,
        None => out.write_all(b"event: ok\ndata: {}\n\n")?,
    }
    out.flush()?;
    loop {
        match rx.recv_timeout(PING_EVERY) {
            Ok(message) => out.write_all(message.as_bytes())?,
            Err(RecvTimeoutError::Timeout) => out.write_all(b": ping\n\n")?,
            Err(RecvTimeoutError::Disconnected) => return Ok(()),
        }
        out.flush()?;
    }
}

/// Shown for every path until a first build succeeds; the live script fills in
/// the errors and reloads when the site builds.
const ERROR_PAGE: &str = "<!doctype html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>构建失败 · build failed</title>\
</head><body><h1>构建失败 · build failed</h1><p>修改并保存文件后，本页会自动刷新。\
Fix the file and save; this page reloads by itself.</p></body></html>";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn script_goes_before_body_end() {
        let html = inject_live_script(b"<p>x</p></BODY></html>");
        let html = String::from_utf8(html).unwrap();
        assert!(
            html.starts_with(
                "<p>x</p><script src=\"/__noticeboard/live.js\"></script>\
                 <script src=\"/__noticeboard/wechat.js\" defer></script></BODY>"
            ),
            "{html}"
        );
    }
}
