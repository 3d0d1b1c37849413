//! `noticeboard serve` against a real fixture site: the real binary on an
//! ephemeral port, files edited, renamed and deleted on disk, the served HTML
//! and the live-reload events checked over loopback.

mod abuse;
mod hostile;
mod http;
mod incremental;
mod live_reload;
mod wechat;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::sync::mpsc::{self, Receiver};
use std::time::{Duration, Instant};

use crate::harness::{Serving, TestSite, copy_tree};
use scraper::{Html, Selector};

/// A running `noticeboard serve` of a test site on an ephemeral port (the URL
/// is read from its first line of output), killed when dropped, and the
/// requests the tests make of it.
struct Serve {
    /// `http://127.0.0.1:PORT/`
    url: String,
    /// `127.0.0.1:PORT`
    host: String,
    _running: Serving,
}

impl Serve {
    fn start(site: &TestSite) -> Serve {
        let running = Serving::start(site, &[]);
        Serve {
            url: running.url.clone(),
            host: running.host.clone(),
            _running: running,
        }
    }

    /// A connection that gives up reading after 10 s, so a stuck server
    /// fails the test instead of hanging it.
    fn connect(&self) -> TcpStream {
        let stream = TcpStream::connect(&self.host).unwrap();
        stream
            .set_read_timeout(Some(Duration::from_secs(10)))
            .unwrap();
        stream
    }

    /// Sends `request_line` as is and returns (status, headers, body).
    fn raw(&self, request_line: &str) -> (u16, String, Vec<u8>) {
        let mut stream = self.connect();
        write!(stream, "{request_line}\r\nHost: {}\r\n\r\n", self.host).unwrap();
        let mut response = Vec::new();
        stream.read_to_end(&mut response).unwrap();
        let split = response
            .windows(4)
            .position(|w| w == b"\r\n\r\n")
            .expect("no end of head");
        let head = String::from_utf8_lossy(&response[..split]).into_owned();
        let status = head
            .split_whitespace()
            .nth(1)
            .and_then(|s| s.parse().ok())
            .unwrap();
        (status, head, response[split + 4..].to_vec())
    }

    fn get(&self, path: &str) -> (u16, String, Vec<u8>) {
        self.raw(&format!("GET {path} HTTP/1.1"))
    }

    fn html(&self, path: &str) -> Html {
        let (status, _, body) = self.get(path);
        assert_eq!(status, 200, "GET {path}");
        Html::parse_document(&String::from_utf8_lossy(&body))
    }

    /// Subscribes to the live-reload stream; events arrive as (name, data).
    fn events(&self) -> Receiver<(String, String)> {
        let mut stream = TcpStream::connect(&self.host).unwrap();
        write!(
            stream,
            "GET /__noticeboard/events HTTP/1.1\r\nHost: {}\r\n\r\n",
            self.host
        )
        .unwrap();
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            let reader = BufReader::new(stream);
            let mut event = String::new();
            for line in reader.lines() {
                let Ok(line) = line else { return };
                if let Some(name) = line.strip_prefix("event: ") {
                    event = name.to_string();
                } else if let Some(data) = line.strip_prefix("data: ")
                    && tx.send((event.clone(), data.to_string())).is_err()
                {
                    return;
                }
            }
        });
        rx
    }

    fn files(&self) -> Vec<String> {
        let (_, _, body) = self.get("/__noticeboard/files");
        String::from_utf8(body)
            .unwrap()
            .lines()
            .map(str::to_string)
            .collect()
    }
}

/// The next event named `name` (skipping others), within a generous limit.
fn wait_for(rx: &Receiver<(String, String)>, name: &str) -> serde_json::Value {
    wait_any(rx, &[name]).1
}

/// The next event with one of `names`: (name, data).
fn wait_any(rx: &Receiver<(String, String)>, names: &[&str]) -> (String, serde_json::Value) {
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        let (event, data) = rx
            .recv_timeout(left)
            .unwrap_or_else(|_| panic!("no {names:?} event in time"));
        if names.contains(&event.as_str()) {
            return (event, serde_json::from_str(&data).unwrap());
        }
    }
}

/// The next reload caused by an edit (not the search index catching up).
fn wait_reload(rx: &Receiver<(String, String)>) -> serde_json::Value {
    loop {
        let reload = wait_for(rx, "reload");
        let only_search = reload["paths"].as_array().is_some_and(|paths| {
            !paths.is_empty()
                && paths
                    .iter()
                    .all(|p| p.as_str().is_some_and(|p| p.starts_with("search/")))
        });
        if !only_search {
            return reload;
        }
    }
}

fn text(doc: &Html, selector: &str) -> String {
    let sel = Selector::parse(selector).unwrap();
    doc.select(&sel)
        .next()
        .map(|e| e.text().collect::<String>())
        .unwrap_or_default()
}

fn strip_live_script(body: &[u8]) -> Vec<u8> {
    // The live-reload script and the WeChat tools, as serve adds them.
    let tag = b"<script src=\"/__noticeboard/live.js\"></script>\
<script src=\"/__noticeboard/wechat.js\" defer></script>";
    match body.windows(tag.len()).position(|w| w == tag) {
        Some(at) => [&body[..at], &body[at + tag.len()..]].concat(),
        None => body.to_vec(),
    }
}

/// Lets the watcher see a separate burst (time stamps and debouncing).
fn settle() {
    std::thread::sleep(Duration::from_millis(150));
}

/// Builds a copy of `site` as it is now with `build --drafts` at the served
/// address and compares every file, both ways, with what `serve` serves.
fn assert_serves_a_clean_build(serve: &Serve, site: &TestSite) {
    let url = serve.url.clone();
    let clean = TestSite::empty();
    // Same files as the served site now has.
    let _ = std::fs::remove_dir_all(&clean.root);
    copy_tree(&site.root, &clean.root);
    clean.build(&["--drafts", "--base-url", &url]).assert_ok();
    let built = clean.snapshot();
    let expected: Vec<&str> = built.iter().map(|(p, _)| p.as_str()).collect();

    // Feeds, sitemap and search index follow in the background: give them a moment.
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let mismatched: Vec<String> = built
            .iter()
            .filter(|(path, bytes)| {
                let (status, _, body) = serve.get(&format!("/{path}"));
                status != 200 || strip_live_script(&body) != *bytes
            })
            .map(|(p, _)| p.clone())
            .collect();
        let served = serve.files();
        let extra: Vec<&String> = served
            .iter()
            .filter(|p| !expected.contains(&p.as_str()))
            .collect();
        if mismatched.is_empty() && extra.is_empty() {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "served differs from a clean build: {mismatched:?}; only served: {extra:?}"
        );
        std::thread::sleep(Duration::from_millis(200));
    }
}
