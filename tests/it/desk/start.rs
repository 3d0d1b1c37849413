//! `noticeboard` with no arguments (a double-click): the site of the
//! current folder with its desk, or, where there is none, the desk's
//! new-site page that makes one and moves to its desk. (PATH is emptied so
//! no browser opens; the program says so and goes on.)

use std::io::{BufRead, BufReader};
use std::process::{Child, Stdio};
use std::time::Duration;

use serde_json::json;

use super::Desk;
use crate::harness::{TestSite, bin};

/// Starts `noticeboard` with no arguments in `dir`; returns it and the
/// desk address it printed.
fn start_here(dir: &std::path::Path) -> (Child, String) {
    let mut child = bin()
        .current_dir(dir)
        .env("PATH", "")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines() {
            let Ok(line) = line else { return };
            if tx.send(line).is_err() {
                return;
            }
        }
    });
    while let Ok(line) = rx.recv_timeout(Duration::from_secs(20)) {
        if let Some(at) = line.find("http://")
            && line.contains("/_desk/?token=")
        {
            return (child, line[at..].trim().to_string());
        }
    }
    let _ = child.kill();
    let _ = child.wait();
    panic!("no desk address printed");
}

#[test]
fn with_no_site_the_new_site_page_makes_one_and_opens_its_desk() {
    let dir = tempfile::tempdir().unwrap();
    let (mut child, address) = start_here(dir.path());
    let page = Desk::attach(&address);
    let shell = page.get("/_desk/");
    assert_eq!(shell.status, 200);
    assert!(shell.text().contains("新建站点"), "{}", shell.text());
    // Without the session: nothing.
    assert_eq!(
        page.send("GET", "/_desk/api/new-site", &[], b"").status,
        401
    );
    let proposal = page.get("/_desk/api/new-site").json();
    assert!(
        proposal["folder"].as_str().unwrap().ends_with("site"),
        "{proposal}"
    );
    // A folder that is not empty is refused, and nothing is made in it.
    std::fs::write(dir.path().join("notes.txt"), "x").unwrap();
    let refused = page.post(
        "/_desk/api/new-site",
        &json!({"folder": dir.path().display().to_string(), "lang": "zh-CN"}),
    );
    assert_eq!(refused.status, 422, "{}", refused.text());
    assert!(!dir.path().join("site.yaml").exists());
    let made = page.post(
        "/_desk/api/new-site",
        &json!({"folder": "网站", "lang": "zh-CN"}),
    );
    assert_eq!(made.status, 200, "{}", made.text());
    let site = dir.path().join("网站");
    assert!(site.join("site.yaml").is_file());
    let next = made.json()["desk"].as_str().unwrap().to_string();
    let desk = Desk::attach(&next);
    let pages = desk.get("/_desk/api/pages").json();
    assert!(!pages["pages"].as_array().unwrap().is_empty(), "{pages}");
    let _ = child.kill();
    let _ = child.wait();
}

#[test]
fn with_a_site_here_it_is_served_with_its_desk() {
    let site = TestSite::fixture("kinds");
    let (mut child, address) = start_here(&site.root);
    let desk = Desk::attach(&address);
    let pages = desk.get("/_desk/api/pages").json();
    assert!(pages.to_string().contains("焊工甲"), "{pages}");
    let _ = child.kill();
    let _ = child.wait();
}
