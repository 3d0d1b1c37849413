//! A small HTTP/1.1 server for the preview: GET and HEAD of the in-memory site,
//! plus the live-reload event stream. One thread per connection, a cap on
//! connections, time limits on reads and writes, every response closes its
//! connection. It only has to serve one person's browser on loopback, but it
//! must not fall over when something else knocks.

use std::io::{self, BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::sync::{Arc, Mutex, RwLock};
use std::time::Duration;

use crate::escape::percent_decode;

use super::state::{Body, Snapshot};

/// The path prefix of the preview's own endpoints; no site file can live there
/// (a site path never starts with `_`-prefixed `__noticeboard`).
pub const PREFIX: &str = "/__noticeboard/";
const LIVE_JS: &str = include_str!("live.js");
const MAX_CONNECTIONS: usize = 512;
const MAX_HEAD: u64 = 16 * 1024;
const IO_TIMEOUT: Duration = Duration::from_secs(10);
const PING_EVERY: Duration = Duration::from_secs(15);

/// What the server shows: the last good site and the error of the last failed
/// rebuild, if it failed.
#[derive(Default)]
pub struct Served {
    pub snapshot: Snapshot,
    /// JSON for the overlay (`{"errors": [...]}`), while the last rebuild failed.
    pub error: Option<String>,
    /// No build has succeeded yet: every page is the error page.
    pub never_built: bool,
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

pub struct Server {
    pub served: Arc<RwLock<Served>>,
    pub hub: Arc<Hub>,
    active: Arc<AtomicUsize>,
}

impl Server {
    pub fn new(served: Arc<RwLock<Served>>, hub: Arc<Hub>) -> Server {
        Server {
            served,
            hub,
            active: Arc::new(AtomicUsize::new(0)),
        }
    }

    /// Accepts connections until the listener fails; each gets its own thread.
    pub fn run(&self, listener: TcpListener) {
        for stream in listener.incoming() {
            let Ok(stream) = stream else { continue };
            if self.active.load(Ordering::SeqCst) >= MAX_CONNECTIONS {
                // Over the cap: refuse this one and keep serving the others.
                drop(stream);
                continue;
            }
            self.active.fetch_add(1, Ordering::SeqCst);
            let served = self.served.clone();
            let hub = self.hub.clone();
            let active = self.active.clone();
            let spawned = std::thread::Builder::new()
                .name("nb-http".into())
                .spawn(move || {
                    let _ = handle(stream, &served, &hub);
                    active.fetch_sub(1, Ordering::SeqCst);
                });
            if spawned.is_err() {
                self.active.fetch_sub(1, Ordering::SeqCst);
            }
        }
    }
}

struct Request {
    method: String,
    /// Decoded path without the query, starting with `/`.
    path: String,
}

enum Parsed {
    Ok(Request),
    Bad(u16, &'static str),
}

fn handle(stream: TcpStream, served: &RwLock<Served>, hub: &Hub) -> io::Result<()> {
    stream.set_read_timeout(Some(IO_TIMEOUT))?;
    stream.set_write_timeout(Some(IO_TIMEOUT))?;
    let mut reader = BufReader::new(stream.try_clone()?.take(MAX_HEAD));
    let mut out = stream;
    let request = match read_request(&mut reader)? {
        Some(Parsed::Ok(r)) => r,
        Some(Parsed::Bad(status, why)) => return plain(&mut out, status, why),
        None => return Ok(()),
    };
    let head_only = request.method == "HEAD";
    if request.method != "GET" && !head_only {
        return plain(&mut out, 405, "only GET and HEAD");
    }
    if let Some(endpoint) = request.path.strip_prefix(PREFIX) {
        return match endpoint {
            "live.js" => respond(
                &mut out,
                200,
                "text/javascript; charset=utf-8",
                LIVE_JS.as_bytes(),
                head_only,
                &[],
            ),
            "events" => events(&mut out, served, hub),
            "files" => {
                // Every served path, one per line: for tests and for curious users.
                let mut paths: Vec<String> = {
                    let guard = served.read().unwrap_or_else(|e| e.into_inner());
                    guard.snapshot.files.keys().cloned().collect()
                };
                paths.sort();
                let body = paths.join("\n");
                respond(
                    &mut out,
                    200,
                    "text/plain; charset=utf-8",
                    body.as_bytes(),
                    head_only,
                    &[],
                )
            }
            _ => plain(&mut out, 404, "not found"),
        };
    }
    let Some(key) = site_key(&request.path) else {
        return plain(&mut out, 400, "bad path");
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
            (None, 301, Some(format!("{}/", request.path)))
        } else {
            (guard.snapshot.files.get("404.html").cloned(), 404, None)
        }
    };
    if let Some(location) = redirect {
        let location = encode_path(&location);
        return respond(
            &mut out,
            301,
            "text/plain; charset=utf-8",
            b"moved",
            head_only,
            &[("Location", &location)],
        );
    }
    let Some(body) = body else {
        return plain(&mut out, 404, "not found");
    };
    let bytes: std::borrow::Cow<'_, [u8]> = match &body {
        Body::Bytes(b) => std::borrow::Cow::Borrowed(b.as_slice()),
        Body::Static(b) => std::borrow::Cow::Borrowed(b),
        Body::File(path) => match std::fs::read(path) {
            Ok(b) => std::borrow::Cow::Owned(b),
            Err(_) => return plain(&mut out, 404, "not found"),
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
        respond(&mut out, status, kind, &html, head_only, &[])
    } else {
        respond(&mut out, status, kind, &bytes, head_only, &[])
    }
}

/// Reads the request line and headers. `None`: the client went away.
fn read_request(reader: &mut impl BufRead) -> io::Result<Option<Parsed>> {
    let mut line = String::new();
    if reader.read_line(&mut line)? == 0 {
        return Ok(None);
    }
    // Skip headers up to the blank line; a head over the limit is cut off by
    // `take`, which shows as a missing blank line.
    let mut header = String::new();
    loop {
        header.clear();
        match reader.read_line(&mut header) {
            Ok(0) => return Ok(Some(Parsed::Bad(431, "request head too large or cut off"))),
            Ok(_) if header == "\r\n" || header == "\n" => break,
            Ok(_) => {}
            Err(e) if e.kind() == io::ErrorKind::InvalidData => {
                return Ok(Some(Parsed::Bad(400, "request is not text")));
            }
            Err(e) => return Err(e),
        }
    }
    let mut parts = line.split_whitespace();
    let (Some(method), Some(target), Some(version)) = (parts.next(), parts.next(), parts.next())
    else {
        return Ok(Some(Parsed::Bad(400, "malformed request line")));
    };
    if !version.starts_with("HTTP/1.") {
        return Ok(Some(Parsed::Bad(505, "HTTP/1.x only")));
    }
    let raw = target.split(['?', '#']).next().unwrap_or("");
    if !raw.starts_with('/') {
        return Ok(Some(Parsed::Bad(400, "the path must start with /")));
    }
    let Some(path) = percent_decode(raw) else {
        return Ok(Some(Parsed::Bad(400, "bad percent-encoding")));
    };
    Ok(Some(Parsed::Ok(Request {
        method: method.to_string(),
        path,
    })))
}

/// The output path for a URL path: `/news/a/` → `news/a/index.html`. `None` for
/// anything that could leave the site: `..`, backslashes, NUL, drive letters.
pub fn site_key(path: &str) -> Option<String> {
    let rel = path.strip_prefix('/')?;
    let mut segments = Vec::new();
    for segment in rel.split('/') {
        if segment == ".."
            || segment.contains('\\')
            || segment.contains('\0')
            || segment.contains(':')
        {
            return None;
        }
        if !segment.is_empty() && segment != "." {
            segments.push(segment);
        }
    }
    let mut key = segments.join("/");
    if rel.is_empty() || rel.ends_with('/') {
        if !key.is_empty() {
            key.push('/');
        }
        key.push_str("index.html");
    }
    Some(key)
}

/// Percent-encodes what may not stand in a header (`Location`).
fn encode_path(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || b"/-._~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
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
    let tag = format!("<script src=\"{PREFIX}live.js\"></script>");
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

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        301 => "Moved Permanently",
        400 => "Bad Request",
        404 => "Not Found",
        405 => "Method Not Allowed",
        431 => "Request Header Fields Too Large",
        500 => "Internal Server Error",
        505 => "HTTP Version Not Supported",
        _ => "Error",
    }
}

fn respond(
    out: &mut TcpStream,
    status: u16,
    content_type: &str,
    body: &[u8],
    head_only: bool,
    extra: &[(&str, &str)],
) -> io::Result<()> {
    let mut head = format!(
        "HTTP/1.1 {status} {}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\
         Cache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n",
        reason(status),
        body.len()
    );
    for (name, value) in extra {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    head.push_str("\r\n");
    out.write_all(head.as_bytes())?;
    if !head_only {
        out.write_all(body)?;
    }
    out.flush()
}

fn plain(out: &mut TcpStream, status: u16, text: &str) -> io::Result<()> {
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
fn events(out: &mut TcpStream, served: &RwLock<Served>, hub: &Hub) -> io::Result<()> {
    let rx = hub.subscribe();
    out.write_all(
        b"HTTP/1.1 200 OK\r\nContent-Type: text/event-stream; charset=utf-8\r\n\
          Cache-Control: no-store\r\nConnection: close\r\n\r\nretry: 500\n\n",
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
    fn keys_stay_inside_the_site() {
        assert_eq!(site_key("/").as_deref(), Some("index.html"));
        assert_eq!(site_key("/news/a/").as_deref(), Some("news/a/index.html"));
        assert_eq!(
            site_key("/assets/site.css").as_deref(),
            Some("assets/site.css")
        );
        assert_eq!(site_key("/a//b/./c.css").as_deref(), Some("a/b/c.css"));
        assert_eq!(site_key("/../etc/passwd"), None);
        assert_eq!(site_key("/a/../../x"), None);
        assert_eq!(site_key("/a\\..\\x"), None);
        assert_eq!(site_key("/C:/x"), None);
        assert_eq!(site_key("/a\0b"), None);
    }

    #[test]
    fn percent_decoding() {
        assert_eq!(percent_decode("/%E6%96%B0/").as_deref(), Some("/新/"));
        assert_eq!(percent_decode("/%2e%2e/x").as_deref(), Some("/../x"));
        assert_eq!(percent_decode("/%zz"), None);
        assert_eq!(percent_decode("/%ff"), None);
        assert_eq!(percent_decode("/%4"), None);
    }

    #[test]
    fn script_goes_before_body_end() {
        let html = inject_live_script(b"<p>x</p></BODY></html>");
        let html = String::from_utf8(html).unwrap();
        assert!(
            html.starts_with("<p>x</p><script src=\"/__noticeboard/live.js\"></script></BODY>")
        );
    }
}
