//! `noticeboard` with no arguments, as a double-click starts it: the site of
//! the current folder is previewed and the browser opened; with no site the
//! window says so and stays until Enter. (The Windows binary is run the same
//! way under Wine by `scripts/wine-tests.sh`.)

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Stdio};
use std::time::{Duration, Instant};

use crate::harness::{TestSite, bin};

/// A child killed (and reaped) when the test ends, passed or not.
struct Running(Child);

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// A folder on PATH whose `xdg-open` writes the URL it was given to
/// `opened.txt` beside it, so "opens the browser" is seen, not assumed.
fn fake_browser(dir: &Path) -> String {
    let script = dir.join("xdg-open");
    std::fs::write(
        &script,
        format!(
            "#!/bin/sh\necho \"$1\" > '{}'\n",
            dir.join("opened.txt").display()
        ),
    )
    .unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    format!(
        "{}:{}",
        dir.display(),
        std::env::var("PATH").unwrap_or_default()
    )
}

#[test]
fn no_arguments_in_a_site_folder_serves_it_and_opens_the_browser() {
    let site = TestSite::fixture("basic");
    let browser = tempfile::tempdir().unwrap();
    let path = fake_browser(browser.path());
    let epoch = "1795395600"; // 2026-11-23T01:00:00Z, the harness's NOW
    let mut child = Running(
        bin()
            .current_dir(&site.root)
            .env("PATH", path)
            .env("SOURCE_DATE_EPOCH", epoch)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap(),
    );
    let stdout = child.0.stdout.take().unwrap();
    let mut lines = BufReader::new(stdout).lines();
    let first = lines.next().unwrap().unwrap();
    assert!(first.contains("关闭此窗口或按 Ctrl+C 停止"), "{first}");
    assert!(first.contains(&site.root.display().to_string()), "{first}");
    let serving = lines.next().unwrap().unwrap();
    let url = serving
        .split_whitespace()
        .find(|w| w.starts_with("http://"))
        .unwrap_or_else(|| panic!("no URL in {serving:?}"))
        .to_string();
    let watching = lines.next().unwrap().unwrap();
    assert!(watching.contains("inotify"), "{watching}");

    let host = url.trim_start_matches("http://").trim_end_matches('/');
    let mut stream = TcpStream::connect(host).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    write!(
        stream,
        "GET / HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).unwrap();
    assert!(response.starts_with("HTTP/1.1 200"), "{response}");
    let body = &response[response.find("\r\n\r\n").unwrap() + 4..];
    let doc = scraper::Html::parse_document(body);
    let title = scraper::Selector::parse("title").unwrap();
    assert!(doc.select(&title).next().is_some(), "{body}");

    // The browser is started after the server answers; give it a moment.
    let opened = browser.path().join("opened.txt");
    let deadline = Instant::now() + Duration::from_secs(10);
    while !opened.exists() && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(50));
    }
    assert_eq!(
        std::fs::read_to_string(&opened).unwrap().trim(),
        url,
        "the browser opens the preview"
    );
}

#[test]
fn no_arguments_and_no_site_says_so_and_waits_for_enter() {
    let here = tempfile::tempdir().unwrap();
    let mut child = Running(
        bin()
            .current_dir(here.path())
            .env("LANG", "C")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap(),
    );
    // Still there: a window Explorer opened would still be open.
    std::thread::sleep(Duration::from_millis(500));
    assert!(child.0.try_wait().unwrap().is_none(), "it waits for Enter");
    child.0.stdin.take().unwrap().write_all(b"\n").unwrap();
    let mut stderr = String::new();
    child
        .0
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut stderr)
        .unwrap();
    let status = child.0.wait().unwrap();
    assert_eq!(status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("这里没有站点"), "{stderr}");
    assert!(stderr.contains("site.yaml"), "{stderr}");
    assert!(
        stderr.contains(&here.path().display().to_string()),
        "names the folder it looked in: {stderr}"
    );
    assert!(stderr.contains("[E1502]"), "{stderr}");
    assert!(stderr.contains("noticeboard init"), "{stderr}");
    assert!(stderr.contains("按回车键关闭"), "{stderr}");
    assert!(!stderr.contains("Usage"), "never usage text: {stderr}");
}

#[test]
fn no_arguments_reading_from_nothing_does_not_hang() {
    // A script or a service with no input: the end of input counts as Enter.
    let here = tempfile::tempdir().unwrap();
    let out = bin()
        .current_dir(here.path())
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
}
