//! `noticeboard` with no arguments, as a double-click starts it: the site of
//! the current folder is previewed with its writing desk and the browser
//! opened; with no site the window says so and the desk's new-site page is
//! served (tests/it/desk/start.rs walks that page). (The Windows binary is run the same
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
    let desk = lines.next().unwrap().unwrap();
    assert!(
        desk.contains("写作台：") && desk.contains("/_desk/?token="),
        "{desk}"
    );
    let desk_url = desk[desk.find("http://").unwrap()..].trim().to_string();
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
    // The shell makes the file before `echo` fills it: wait for its line.
    let read = || std::fs::read_to_string(&opened).unwrap_or_default();
    while !read().ends_with('\n') && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(50));
    }
    assert_eq!(read().trim(), desk_url, "the browser opens the desk");
}

#[test]
fn no_arguments_and_no_site_says_so_and_stays_with_the_new_site_page() {
    // stdin is closed, as for a script: the window still does not vanish.
    let here = tempfile::tempdir().unwrap();
    let mut child = Running(
        bin()
            .current_dir(here.path())
            .env("PATH", "")
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap(),
    );
    let stdout = child.0.stdout.take().unwrap();
    let mut lines = BufReader::new(stdout).lines();
    let first = lines.next().unwrap().unwrap();
    assert!(first.contains("还没有站点"), "{first}");
    assert!(first.contains("新建站点"), "{first}");
    assert!(first.contains("关闭此窗口或按 Ctrl+C 停止"), "{first}");
    assert!(
        first.contains(&here.path().display().to_string()),
        "names the folder: {first}"
    );
    let desk = lines.next().unwrap().unwrap();
    assert!(desk.contains("/_desk/?token="), "{desk}");
    std::thread::sleep(Duration::from_millis(500));
    assert!(child.0.try_wait().unwrap().is_none(), "it keeps serving");
    let mut stderr = String::new();
    let _ = child.0.kill();
    let _ = child.0.wait();
    child
        .0
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut stderr)
        .unwrap();
    assert!(!stderr.contains("Usage"), "never usage text: {stderr}");
    assert!(
        !here.path().join("site.yaml").exists(),
        "nothing made unasked"
    );
}
