//! `noticeboard serve` against a real fixture site: the real binary on an
//! ephemeral port, files edited, renamed and deleted on disk, the served HTML
//! and the live-reload events checked over loopback.

mod abuse;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Stdio};
use std::sync::mpsc::{self, Receiver};
use std::time::{Duration, Instant};

use crate::harness::{NOW, TestSite, bin, copy_tree};
use scraper::{Html, Selector};

/// A running `noticeboard serve` of a test site on an ephemeral port (the URL
/// is read from its first line of output), killed when dropped, and the
/// requests the tests make of it.
struct Serve {
    child: Child,
    /// `http://127.0.0.1:PORT/`
    url: String,
    /// `127.0.0.1:PORT`
    host: String,
}

impl Drop for Serve {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Serve {
    fn start(site: &TestSite) -> Serve {
        let mut child = bin()
            .args(["serve", "--port", "0", "--now", NOW, "--root"])
            .arg(&site.root)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let stdout = child.stdout.take().unwrap();
        let mut line = String::new();
        BufReader::new(stdout).read_line(&mut line).unwrap();
        let url = line
            .split_whitespace()
            .find(|w| w.starts_with("http://"))
            .unwrap_or_else(|| panic!("no URL in {line:?}"))
            .to_string();
        let host = url
            .trim_start_matches("http://")
            .trim_end_matches('/')
            .to_string();
        Serve { child, url, host }
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
    let tag = b"<script src=\"/__noticeboard/live.js\"></script>";
    match body.windows(tag.len()).position(|w| w == tag) {
        Some(at) => [&body[..at], &body[at + tag.len()..]].concat(),
        None => body.to_vec(),
    }
}

/// Lets the watcher see a separate burst (time stamps and debouncing).
fn settle() {
    std::thread::sleep(Duration::from_millis(150));
}

/// Waits for the watcher to settle, replaces `from` with `to` in `file` and
/// expects a reload.
fn edit_and_reload(
    site: &TestSite,
    events: &Receiver<(String, String)>,
    file: &str,
    from: &str,
    to: &str,
) {
    settle();
    let path = site.root.join(file);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains(from), "{file}: {from}");
    std::fs::write(&path, text.replacen(from, to, 1)).unwrap();
    let (event, data) = wait_any(events, &["reload", "error"]);
    assert_eq!(event, "reload", "{data}");
}

#[test]
fn serves_the_site_with_types_index_and_404() {
    let site = TestSite::fixture("basic");
    let serve = Serve::start(&site);
    let (status, head, body) = serve.get("/");
    assert_eq!(status, 200);
    assert!(
        head.contains("Content-Type: text/html; charset=utf-8"),
        "{head}"
    );
    let html = String::from_utf8_lossy(&body);
    assert!(
        html.contains("/__noticeboard/live.js"),
        "live script injected"
    );
    // Links use the preview's own address, not base_url's /union/ prefix.
    assert!(html.contains(&format!("href=\"{}\"", serve.url)) || html.contains("href=\"/"));

    let (status, head, _) = serve.get("/assets/site.css");
    assert_eq!(status, 200);
    assert!(head.contains("text/css; charset=utf-8"));
    let (status, head, _) = serve.get("/atom.xml");
    assert_eq!(status, 200);
    assert!(head.contains("charset=utf-8"));
    let (status, _, body) = serve.get("/extra.css");
    assert_eq!(status, 200, "static/ files are served");
    assert_eq!(
        body,
        std::fs::read(site.root.join("static/extra.css")).unwrap()
    );

    let (status, head, _) = serve.get("/news");
    assert_eq!(status, 301);
    assert!(head.contains("Location: /news/"), "{head}");
    let (status, _, body) = serve.get("/no/such/page/");
    assert_eq!(status, 404);
    assert!(
        String::from_utf8_lossy(&body).contains("<html"),
        "the site's 404 page"
    );
    let (status, _, _) = serve.raw("POST / HTTP/1.1");
    assert_eq!(status, 405);

    // Drafts are shown, marked.
    let draft = serve.html("/news/2026-09-01-draft/");
    assert!(
        text(&draft, "h1").contains("草稿"),
        "{}",
        text(&draft, "h1")
    );
    // Nothing written into the site folder.
    assert!(!site.root.join("public").exists());
}

#[test]
fn traversal_and_malformed_requests_are_refused() {
    let site = TestSite::fixture("basic");
    site.write("secret.txt", "TOP-SECRET");
    let serve = Serve::start(&site);
    let attempts = [
        "GET /../secret.txt HTTP/1.1",
        "GET /../site.yaml HTTP/1.1",
        "GET /%2e%2e/site.yaml HTTP/1.1",
        "GET /%2E%2E/%2E%2E/etc/passwd HTTP/1.1",
        "GET /news/..%2f..%2fsite.yaml HTTP/1.1",
        "GET /..%5csite.yaml HTTP/1.1",
        "GET /%00 HTTP/1.1",
        "GET /%zz HTTP/1.1",
        "GET /%ff%fe HTTP/1.1",
        "GET site.yaml HTTP/1.1",
        "GET /C:/Windows/win.ini HTTP/1.1",
        "GET / HTTP/9.9",
        "GARBAGE",
    ];
    for attempt in attempts {
        let (status, _, body) = serve.raw(attempt);
        assert!(status >= 400, "{attempt} → {status}");
        let body = String::from_utf8_lossy(&body);
        assert!(
            !body.contains("TOP-SECRET") && !body.contains("base_url"),
            "{attempt}"
        );
    }
    // Still serving.
    assert_eq!(serve.get("/").0, 200);
}

#[test]
fn edits_renames_and_deletes_show_up_with_reload_events() {
    let site = TestSite::fixture("basic");
    let serve = Serve::start(&site);
    let events = serve.events();
    wait_for(&events, "ok");

    // Edit a page: its HTML changes and the reload event names it.
    let path = "content/news/2026-10-01-autumn.md";
    let source = std::fs::read_to_string(site.root.join(path)).unwrap();
    let edited = source.replacen("title:", "title: 已修改", 1);
    assert_ne!(source, edited);
    site.write(path, &edited);
    let reload = wait_reload(&events);
    let paths: Vec<&str> = reload["paths"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|p| p.as_str())
        .collect();
    assert!(
        paths.contains(&"news/2026-10-01-autumn/index.html"),
        "{paths:?}"
    );
    assert!(
        paths.contains(&"news/index.html"),
        "the listing shows the title: {paths:?}"
    );
    assert!(
        !paths.contains(&"model-workers/wang/index.html"),
        "unrelated pages untouched"
    );
    let page = serve.html("/news/2026-10-01-autumn/");
    assert!(text(&page, "h1").contains("已修改"));

    // Rename: the old URL is gone, the new one serves the page.
    settle();
    std::fs::rename(
        site.root.join(path),
        site.root.join("content/news/2026-10-02-renamed.md"),
    )
    .unwrap();
    wait_reload(&events);
    assert_eq!(serve.get("/news/2026-10-01-autumn/").0, 404);
    assert!(text(&serve.html("/news/2026-10-02-renamed/"), "h1").contains("已修改"));

    // Delete: gone from its URL and from the listing.
    settle();
    site.remove("content/news/2026-10-02-renamed.md");
    wait_reload(&events);
    assert_eq!(serve.get("/news/2026-10-02-renamed/").0, 404);
    let listing = String::from_utf8(serve.get("/news/").2).unwrap();
    assert!(!listing.contains("2026-10-02-renamed"));

    // A new folder with a new section appears.
    settle();
    site.write("content/notices/_index.md", "---\ntitle: 通知公告\n---\n");
    site.write(
        "content/notices/first.md",
        "---\ntitle: 第一号通知\ndate: 2026-11-01\n---\n正文。\n",
    );
    wait_reload(&events);
    let deadline = Instant::now() + Duration::from_secs(10);
    while serve.get("/notices/first/").0 != 200 {
        assert!(Instant::now() < deadline, "new section never served");
        std::thread::sleep(Duration::from_millis(100));
    }
    assert!(text(&serve.html("/notices/first/"), "h1").contains("第一号通知"));
}

#[test]
fn editor_style_atomic_saves_and_bursts_are_picked_up() {
    let site = TestSite::fixture("basic");
    let serve = Serve::start(&site);
    let events = serve.events();
    wait_for(&events, "ok");
    let path = site.root.join("content/model-workers/wang.md");
    let source = std::fs::read_to_string(&path).unwrap();
    // Ten quick saves, each written to a temporary file and renamed over the
    // original, as vim and VS Code do.
    for n in 0..10 {
        let tmp = site.root.join("content/model-workers/.wang.md.swp");
        std::fs::write(
            &tmp,
            source.replacen("title:", &format!("title: 第{n}稿"), 1),
        )
        .unwrap();
        std::fs::rename(&tmp, &path).unwrap();
    }
    wait_reload(&events);
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let h1 = text(&serve.html("/model-workers/wang/"), "h1");
        if h1.contains("第9稿") {
            break;
        }
        assert!(Instant::now() < deadline, "last save never shown: {h1}");
        std::thread::sleep(Duration::from_millis(100));
    }
}

#[test]
fn a_broken_page_shows_the_overlay_and_keeps_the_last_good_site() {
    let site = TestSite::fixture("basic");
    let serve = Serve::start(&site);
    let events = serve.events();
    wait_for(&events, "ok");
    let path = "content/news/2026-11-20-safety-month.md";
    let good = std::fs::read_to_string(site.root.join(path)).unwrap();
    let before = serve.html("/news/2026-11-20-safety-month/");

    site.write(path, "---\ntitle: 坏日期\ndate: 2026-13-45\n---\n正文\n");
    let error = wait_for(&events, "error");
    let first = &error["errors"][0];
    assert_eq!(first["file"], path);
    assert_eq!(first["line"], 3, "{first}");
    assert!(
        first["message"].as_str().unwrap().contains("2026-13-45"),
        "{first}"
    );
    // In the site's language (zh-CN by default), as `build` prints it.
    assert!(
        first["message"].as_str().unwrap().contains("不是有效日期"),
        "{first}"
    );
    // The last good page is still served, and a page opened now learns about
    // the error at once.
    let during = serve.html("/news/2026-11-20-safety-month/");
    assert_eq!(text(&during, "h1"), text(&before, "h1"));
    let late = serve.events();
    assert_eq!(wait_for(&late, "error")["errors"][0]["file"], path);

    // Fixing the file clears it.
    settle();
    site.write(path, &good);
    // The site is back as it was: `ok` clears the overlay (a reload would be
    // sent had anything changed).
    let (event, _) = wait_any(&events, &["ok", "reload"]);
    assert_eq!(event, "ok");
    let after = serve.events();
    wait_for(&after, "ok");

    // A broken template is reported with its file too, and the server lives on.
    settle();
    site.write("templates/page.html", "{% if %}\n");
    let error = wait_for(&events, "error");
    assert_eq!(error["errors"][0]["file"], "templates/page.html", "{error}");
    settle();
    site.remove("templates/page.html");
    let (event, _) = wait_any(&events, &["ok", "reload"]);
    assert_eq!(event, "ok", "back to the site as it was");
    assert_eq!(serve.get("/").0, 200);
}

#[test]
fn a_stylesheet_change_is_swapped_without_reload() {
    let site = TestSite::fixture("basic");
    let serve = Serve::start(&site);
    let events = serve.events();
    wait_for(&events, "ok");
    site.write("static/extra.css", "body { color: #222; }\n");
    let css = wait_for(&events, "css");
    assert_eq!(css["paths"], serde_json::json!(["extra.css"]));
    let (_, _, body) = serve.get("/extra.css");
    assert_eq!(body, b"body { color: #222; }\n");
}

/// The heart of incremental rebuilds: after a series of edits, what `serve`
/// holds equals a clean `build` of the same files with the same clock.
#[test]
fn incremental_result_equals_a_clean_build() {
    let site = TestSite::fixture("basic");
    let serve = Serve::start(&site);
    let events = serve.events();
    wait_for(&events, "ok");

    type Step = Box<dyn Fn(&TestSite)>;
    let steps: Vec<Step> = vec![
        Box::new(|s| {
            s.write(
                "content/news/2026-11-21-new.md",
                "---\ntitle: 新增一篇\ndate: 2026-11-21\ntags: [安全生产, 新标签]\n---\n第一段。\n\n第二段。\n",
            );
        }),
        Box::new(|s| {
            let p = s.root.join("content/news/2026-11-20-safety-month.md");
            let text = std::fs::read_to_string(&p).unwrap();
            std::fs::write(&p, text.replacen("date: 2026-11-20", "date: 2026-08-20", 1)).unwrap();
        }),
        Box::new(|s| {
            s.remove("content/news/2026-10-01-autumn.md");
        }),
        Box::new(|s| {
            s.write("static/extra.css", "p { margin: 0; }\n");
        }),
        Box::new(|s| {
            s.write(
                "content/model-workers/li.md",
                "---\ntitle: 李工\ndate: 2026-05-01\nunit: 机加车间\ntags: [新标签]\n---\n事迹。\n",
            );
        }),
    ];
    for step in &steps {
        settle();
        step(&site);
        let (event, data) = wait_any(&events, &["reload", "css", "error"]);
        assert_ne!(event, "error", "{data}");
    }

    assert_serves_a_clean_build(&serve, &site);
}

/// Tags and related pages: moving a page between terms changes term pages,
/// their feeds and other pages' related lists.
#[test]
fn incremental_tags_and_related_equal_a_clean_build() {
    let site = TestSite::fixture("tags");
    let serve = Serve::start(&site);
    let events = serve.events();
    wait_for(&events, "ok");
    let edits: [(&str, &str, &str); 4] = [
        (
            "content/news/a.md",
            "tags: [三篇, 两篇, ＡＩ应用]",
            "tags: [三篇, 新来的]",
        ),
        ("content/news/b.md", "title:", "title: 乙改"),
        // Far back in time.
        ("content/news/c.md", "date: 2026-01-03", "date: 2020-01-01"),
        ("content/news/a.md", "tags: [三篇, 新来的]", "tags: []"),
    ];
    for (file, from, to) in edits {
        edit_and_reload(&site, &events, file, from, to);
    }
    assert_serves_a_clean_build(&serve, &site);
}

/// Edits that move nothing (the model is patched): words, a title, a summary.
/// A title shows on the neighbours' newer/older links, the listing, the term
/// pages and the related lists of pages sharing tags.
#[test]
fn incremental_edits_in_place_equal_a_clean_build() {
    let site = TestSite::fixture("tags");
    let serve = Serve::start(&site);
    let events = serve.events();
    wait_for(&events, "ok");
    let edits: [(&str, &str, &str); 3] = [
        ("content/news/b.md", "title: 乙", "title: 乙（修订）"),
        ("content/news/a.md", "title: 甲", "title: 甲（修订）"),
        ("content/news/b.md", "---\n", "---\nsummary: 新的摘要\n"),
    ];
    for (file, from, to) in edits {
        edit_and_reload(&site, &events, file, from, to);
    }
    assert_serves_a_clean_build(&serve, &site);
}

/// A file beside an unchanged page (an attachment) is checked again when it
/// goes, and stays checked while the build fails: a later edit of another
/// page must not bring back the model that still had it.
#[test]
fn a_missing_attachment_is_reported_until_it_is_back() {
    let site = TestSite::fixture("kinds");
    let serve = Serve::start(&site);
    let events = serve.events();
    wait_for(&events, "ok");
    let pdf = site.root.join("content/disclosures/nominees/名单.pdf");
    let bytes = std::fs::read(&pdf).unwrap();

    std::fs::remove_file(&pdf).unwrap();
    let error = wait_for(&events, "error");
    assert!(error.to_string().contains("名单.pdf"), "{error}");

    settle();
    let open = site.root.join("content/disclosures/open.md");
    let text = std::fs::read_to_string(&open).unwrap();
    std::fs::write(&open, text.replacen("正文。", "正文（修订）。", 1)).unwrap();
    let (event, data) = wait_any(&events, &["error", "reload", "ok"]);
    assert_eq!(event, "error", "{data}");
    assert!(data.to_string().contains("名单.pdf"), "{data}");

    settle();
    std::fs::write(&pdf, bytes).unwrap();
    let (event, data) = wait_any(&events, &["reload", "error"]);
    assert_eq!(event, "reload", "{data}");
    assert_serves_a_clean_build(&serve, &site);
}

/// A renamed bundle folder takes its files away from pages elsewhere that
/// name them: those pages are checked again, though their text is the same.
#[test]
fn a_renamed_folder_is_checked_for_pages_that_use_its_files() {
    let site = TestSite::fixture("basic");
    site.write(
        "content/news/uses-photo.md",
        "---\ntitle: 借用图片\ndate: 2026-11-01\ncover: /content/news/skills-contest/photo.jpg\n---\n正文。\n",
    );
    let serve = Serve::start(&site);
    let events = serve.events();
    wait_for(&events, "ok");
    settle();
    std::fs::rename(
        site.root.join("content/news/skills-contest"),
        site.root.join("content/news/contest-2026"),
    )
    .unwrap();
    let (event, data) = wait_any(&events, &["error", "reload"]);
    assert_eq!(event, "error", "{data}");
    assert!(
        data.to_string().contains("content/news/uses-photo.md"),
        "{data}"
    );
}

/// Campaigns and disclosures: status, numbers, archives and corrections.
#[test]
fn incremental_kinds_equal_a_clean_build() {
    let site = TestSite::fixture("kinds");
    let serve = Serve::start(&site);
    let events = serve.events();
    wait_for(&events, "ok");
    let steps: [(&str, &str, &str); 4] = [
        ("content/news/ankang.md", "tags: [安康杯]", "tags: [其他]"),
        (
            "content/disclosures/open.md",
            "category: 评先评优",
            "category: 财务公开",
        ),
        (
            "content/campaigns/ongoing.md",
            "end: 2027-02-28",
            "end: 2026-11-01",
        ),
        ("content/news/ankang.md", "tags: [其他]", "tags: [安康杯]"),
    ];
    for (file, from, to) in steps {
        edit_and_reload(&site, &events, file, from, to);
    }
    assert_serves_a_clean_build(&serve, &site);
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

#[test]
fn port_in_use_is_a_clear_error() {
    let site = TestSite::fixture("basic");
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port().to_string();
    let output = bin()
        .args(["serve", "--port", &port, "--root"])
        .arg(&site.root)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("in use"), "{stderr}");
    assert!(!stderr.contains("panicked"));
}

/// A real browser: the page updates after a save with no user action, keeps
/// its scroll position, swaps a stylesheet without reloading, and shows then
/// clears the error overlay.
#[test]
fn browser_reloads_by_itself_after_a_save() {
    let site = TestSite::fixture("basic");
    let serve = Serve::start(&site);
    let page = site.root.join("content/news/2026-11-20-safety-month.md");
    let css = site.root.join("static/assets/site.css");
    std::fs::create_dir_all(css.parent().unwrap()).unwrap();
    let url = format!("{}news/2026-11-20-safety-month/", serve.url);
    let Some(result) = crate::harness::playwright(
        "live-reload.mjs",
        &[&url, &page.to_string_lossy(), &css.to_string_lossy()],
    ) else {
        return;
    };
    assert!(
        result["after"].as_str().unwrap().contains("已更新"),
        "{result}"
    );
    assert!(
        result["scroll_y"].as_f64().unwrap() >= 500.0,
        "scroll kept: {result}"
    );
    assert_eq!(result["css_applied"], true);
    assert_eq!(
        result["marker"], "still-here",
        "no reload for CSS: {result}"
    );
    assert_eq!(
        result["overlay"], "content/news/2026-11-20-safety-month.md:3",
        "{result}"
    );
    assert_eq!(result["overlay_cleared"], true);
}

/// Many pages over several pager pages, and a fixed series of edits of every
/// sort (dates that move pages across pagers, tags on and off, titles, pages
/// added, deleted and moved between sections): after every few edits what
/// `serve` serves equals a clean build.
#[test]
fn incremental_random_edits_equal_clean_builds() {
    let site = TestSite::empty();
    site.write(
        "site.yaml",
        "title: 分页测试\nbase_url: https://example.org/\npaginate: 3\n",
    );
    site.write("content/news/_index.md", "---\ntitle: 新闻\n---\n");
    site.write("content/notes/_index.md", "---\ntitle: 通知\n---\n");
    let tags = ["安全", "竞赛", "劳模", "女工", "帮扶"];
    // A small deterministic generator (no crate needed).
    let mut seed: u64 = 0x2026_1123;
    let mut next = move |n: u64| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed % n
    };
    let page = |section: &str, n: u64, day: u64, tag_a: usize, tag_b: usize| {
        (
            format!("content/{section}/p{n:02}.md"),
            format!(
                "---\ntitle: 第{n}篇\ndate: 2026-{:02}-{:02}\ntags: [{}, {}]\n---\n正文{n}。\n",
                1 + day % 12,
                1 + day % 28,
                tags[tag_a],
                tags[tag_b]
            ),
        )
    };
    let mut live: Vec<(String, String)> = Vec::new();
    for n in 0..24 {
        let section = if n % 3 == 0 { "notes" } else { "news" };
        let (path, text) = page(section, n, next(400), next(5) as usize, next(5) as usize);
        site.write(&path, &text);
        live.push((path, text));
    }
    let serve = Serve::start(&site);
    let events = serve.events();
    wait_for(&events, "ok");

    let mut counter = 100;
    for step in 0..16 {
        settle();
        let pick = next(live.len() as u64) as usize;
        match step % 6 {
            0 => {
                // Move in time (across pager pages).
                let (path, text) = &live[pick];
                let line = text.lines().find(|l| l.starts_with("date: ")).unwrap();
                let moved = text.replacen(line, &format!("date: 2025-{:02}-15", 1 + next(12)), 1);
                site.write(path, &moved);
                live[pick].1 = moved;
            }
            1 => {
                let (path, text) = &live[pick];
                let line = text.lines().find(|l| l.starts_with("tags: ")).unwrap();
                let tagged = text.replacen(line, &format!("tags: [{}]", tags[next(5) as usize]), 1);
                site.write(path, &tagged);
                live[pick].1 = tagged;
            }
            2 => {
                let (path, text) = &live[pick];
                let retitled = text.replacen("title: ", "title: 改", 1);
                site.write(path, &retitled);
                live[pick].1 = retitled;
            }
            3 => {
                let (path, _) = live.remove(pick);
                site.remove(&path);
            }
            4 => {
                counter += 1;
                let (path, text) = page("news", counter, next(400), next(5) as usize, 0);
                site.write(&path, &text);
                live.push((path, text));
            }
            _ => {
                let (path, text) = live.remove(pick);
                let to = if path.contains("/news/") {
                    path.replace("/news/", "/notes/")
                } else {
                    path.replace("/notes/", "/news/")
                };
                std::fs::rename(site.root.join(&path), site.root.join(&to)).unwrap();
                live.push((to, text));
            }
        }
        let (event, data) = wait_any(&events, &["reload", "error"]);
        assert_eq!(event, "reload", "step {step}: {data}");
        if step % 4 == 3 {
            assert_serves_a_clean_build(&serve, &site);
        }
    }
}

/// Galleries and shortcodes in the preview: a page gains a gallery, a photo
/// is added to its bundle, and the served site equals a clean build.
#[test]
fn incremental_galleries_equal_a_clean_build() {
    let site = TestSite::fixture("basic");
    let serve = Serve::start(&site);
    let events = serve.events();
    wait_for(&events, "ok");
    let page = "content/news/skills-contest/index.md";
    let text = std::fs::read_to_string(site.root.join(page)).unwrap();
    let with_gallery = text.replacen("---\n", "---\ngallery: true\n", 1)
        + "\n{{ figure(src=\"photo.jpg\", caption=\"比赛现场\") }}\n";
    site.write(page, &with_gallery);
    let (event, data) = wait_any(&events, &["reload", "error"]);
    assert_eq!(event, "reload", "{data}");
    let html = String::from_utf8(serve.get("/news/skills-contest/").2).unwrap();
    assert!(html.contains("比赛现场"), "figure shortcode expanded");

    settle();
    std::fs::copy(
        site.root.join("content/news/skills-contest/photo.jpg"),
        site.root.join("content/news/skills-contest/photo2.jpg"),
    )
    .unwrap();
    let (event, data) = wait_any(&events, &["reload", "error"]);
    assert_eq!(event, "reload", "{data}");

    // A figure in the section's introduction, then an edit that moves
    // nothing (the model is patched around the introduction).
    settle();
    let intro = "content/news/_index.md";
    let text = std::fs::read_to_string(site.root.join(intro)).unwrap();
    site.write(
        intro,
        format!(
            "{text}\n{{{{ figure(src=\"skills-contest/photo.jpg\", caption=\"栏目题图\") }}}}\n"
        ),
    );
    let (event, data) = wait_any(&events, &["reload", "error"]);
    assert_eq!(event, "reload", "{data}");
    let html = String::from_utf8(serve.get("/news/").2).unwrap();
    assert!(
        html.contains("栏目题图"),
        "figure in the introduction expanded"
    );
    edit_and_reload(&site, &events, page, "比赛现场", "决赛现场");
    assert_serves_a_clean_build(&serve, &site);
}
