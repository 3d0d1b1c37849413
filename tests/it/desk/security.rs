//! Every rule of the desk's security contract (SPEC, "The writing desk"), each
//! tried the way an attacker would: no token, a wrong token, a foreign Host
//! (DNS rebinding), a change from another origin or with no Origin, a form
//! post of another type, paths out of the root, disguised and oversized
//! uploads, framing, and a network bind.

use serde_json::json;

use super::Desk;
use crate::harness::TestSite;

const PAGE: &str = "content/craftsmen/a.md";

fn site() -> TestSite {
    TestSite::fixture("kinds")
}

/// Every desk answer: no framing, no CORS, scripts only from itself.
fn assert_locked_down(answer: &super::Answer) {
    let csp = answer.header("content-security-policy").unwrap_or_default();
    assert!(csp.contains("frame-ancestors 'none'"), "{}", answer.head);
    assert_eq!(answer.header("x-frame-options").as_deref(), Some("DENY"));
    assert_eq!(
        answer.header("cross-origin-resource-policy").as_deref(),
        Some("same-origin")
    );
    assert!(
        !answer.head.to_ascii_lowercase().contains("access-control-"),
        "{}",
        answer.head
    );
}

#[test]
fn the_token_becomes_a_strict_httponly_cookie_and_leaves_the_address() {
    let site = site();
    let desk = Desk::start(&site);
    assert!(desk.address.contains("/_desk/?token="));
    let token = desk.address.rsplit('=').next().unwrap();
    assert_eq!(token.len(), 64, "a 256-bit token");
    let answer = desk.send("GET", &format!("/_desk/?token={token}"), &[], b"");
    assert_eq!(answer.status, 303);
    assert_eq!(answer.header("location").as_deref(), Some("/_desk/"));
    let cookie = answer.header("set-cookie").unwrap();
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"),
        "{cookie}"
    );
    assert!(!cookie.contains(token), "the cookie is not the token");
    assert_eq!(
        answer.header("referrer-policy").as_deref(),
        Some("no-referrer")
    );
    assert_locked_down(&answer);
    // With the cookie: the app.
    let app = desk.get("/_desk/");
    assert_eq!(app.status, 200);
    assert!(app.text().contains("<html"), "{}", app.text());
    assert_locked_down(&app);
    // Each run has its own token.
    let other = Desk::start(&site);
    assert_ne!(other.address.rsplit('=').next().unwrap(), token);
}

#[test]
fn without_the_cookie_nothing_of_the_site_is_shown() {
    let site = site();
    let desk = Desk::start(&site);
    for (path, cookie) in [
        ("/_desk/", None),
        ("/_desk/api/pages", None),
        ("/_desk/api/page?path=content/craftsmen/a.md", None),
        ("/_desk/api/pages", Some("nb_desk=0000")),
        ("/_desk/ui/desk.js", None),
    ] {
        let headers: Vec<(&str, &str)> = cookie.iter().map(|c| ("Cookie", *c)).collect();
        let answer = desk.send("GET", path, &headers, b"");
        assert_eq!(answer.status, 401, "{path}");
        let text = answer.text();
        assert!(
            !text.contains("焊工甲") && !text.contains("正文"),
            "{path}: {text}"
        );
        assert_locked_down(&answer);
    }
    // The page says how to get in.
    let page = desk.send("GET", "/_desk/", &[], b"").text();
    assert!(page.contains("写作台") && page.contains("E1201"), "{page}");
    // A wrong token: refused, no cookie.
    let wrong = desk.send(
        "GET",
        &format!("/_desk/?token={}", "ab".repeat(32)),
        &[],
        b"",
    );
    assert_eq!(wrong.status, 403);
    assert!(wrong.header("set-cookie").is_none());
    assert!(wrong.text().contains("E1202"));
}

#[test]
fn a_foreign_host_is_refused_even_with_the_cookie() {
    let site = site();
    let desk = Desk::start(&site);
    let port = desk.host.rsplit(':').next().unwrap().to_string();
    let cookie = desk.cookie.clone();
    for host in [
        format!("evil.example:{port}"),
        format!("127.0.0.1.evil.example:{port}"),
        "127.0.0.1:1".to_string(),
    ] {
        let answer = desk.send_host(
            &host,
            "GET",
            "/_desk/api/pages",
            &[("Cookie", &cookie)],
            b"",
        );
        assert_eq!(answer.status, 403, "{host}");
        assert!(!answer.text().contains("焊工甲"), "{host}");
        let token_path = format!("/_desk/?token={}", desk.address.rsplit('=').next().unwrap());
        let answer = desk.send_host(&host, "GET", &token_path, &[], b"");
        assert_eq!(answer.status, 403, "{host}");
        assert!(answer.header("set-cookie").is_none());
    }
}

#[test]
fn a_change_needs_the_cookie_our_exact_origin_and_json() {
    let site = site();
    let desk = Desk::start(&site);
    let before = super::source(&site, PAGE);
    let page = desk.page(PAGE);
    let save = json!({
        "path": PAGE,
        "front": page["front"],
        "body": "改写了。\n",
        "base_version": page["version"],
    })
    .to_string();
    let cookie = desk.cookie.clone();
    let origin = desk.origin.clone();
    let cases: Vec<(Vec<(&str, &str)>, u16)> = vec![
        // No cookie.
        (
            vec![("Origin", &origin), ("Content-Type", "application/json")],
            401,
        ),
        // No Origin at all.
        (
            vec![("Cookie", &cookie), ("Content-Type", "application/json")],
            403,
        ),
        // Another site's page.
        (
            vec![
                ("Cookie", &cookie),
                ("Origin", "http://evil.example"),
                ("Content-Type", "application/json"),
            ],
            403,
        ),
        (
            vec![
                ("Cookie", &cookie),
                ("Origin", "null"),
                ("Content-Type", "application/json"),
            ],
            403,
        ),
        // What an HTML form of another site can send without CORS.
        (
            vec![
                ("Cookie", &cookie),
                ("Origin", &origin),
                ("Content-Type", "text/plain"),
            ],
            415,
        ),
        (
            vec![
                ("Cookie", &cookie),
                ("Origin", &origin),
                ("Content-Type", "application/x-www-form-urlencoded"),
            ],
            415,
        ),
        (vec![("Cookie", &cookie), ("Origin", &origin)], 415),
    ];
    for (headers, status) in &cases {
        let answer = desk.send("POST", "/_desk/api/page", headers, save.as_bytes());
        assert_eq!(answer.status, *status, "{headers:?}: {}", answer.text());
        assert_locked_down(&answer);
        assert_eq!(
            super::source(&site, PAGE),
            before,
            "{headers:?} changed the file"
        );
    }
    // Other methods: never.
    for method in ["OPTIONS", "PUT", "DELETE", "PATCH"] {
        let answer = desk.send(
            method,
            "/_desk/api/page",
            &[("Cookie", &cookie), ("Origin", &origin)],
            b"",
        );
        assert_eq!(answer.status, 405, "{method}");
        assert!(!answer.head.to_ascii_lowercase().contains("access-control-"));
    }
    // And the real thing works.
    let answer = desk.post("/_desk/api/page", &serde_json::from_str(&save).unwrap());
    assert_eq!(answer.status, 200, "{}", answer.text());
    assert!(super::source(&site, PAGE).contains("改写了。"));
}

#[test]
fn writes_stay_inside_content_and_static() {
    let site = site();
    let desk = Desk::start(&site);
    let front = json!({"title": "越界", "date": "2026-11-20", "unit": "x", "trade": "y"});
    for path in [
        "site.yaml",
        "disclosures.lock",
        "../outside.md",
        "content/../site.yaml",
        "content/../../outside.md",
        "/etc/passwd",
        "content\\news\\a.md",
        "C:/content/a.md",
        "content/.git/a.md",
        "content/news/.hidden.md",
        "content/news/CON.md",
        "content/news/aux.md",
        "content/news/a?.md",
        "templates/page.md",
        "static/a.md",
        "content/news/_index.md",
    ] {
        let answer = desk.post(
            "/_desk/api/page",
            &json!({"path": path, "front": front, "body": ""}),
        );
        assert_eq!(answer.status, 400, "{path}: {}", answer.text());
        assert!(
            answer.json()["error"]["code"]
                .as_str()
                .unwrap()
                .starts_with("E12")
        );
    }
    assert!(!site.root.parent().unwrap().join("outside.md").exists());
    assert!(!site.root.join("content/news/CON.md").exists());
    // A section that is not a folder of content/.
    for section in ["content/../..", "static", "content/nope", "../content/news"] {
        let answer = desk.post(
            "/_desk/api/page",
            &json!({"kind": "news", "section": section, "front": {"title": "新页"}, "body": ""}),
        );
        assert_eq!(answer.status, 400, "{section}: {}", answer.text());
    }
    // Reads follow the same rules.
    for path in ["site.yaml", "../x.md", "content/../site.yaml"] {
        let answer = desk.get(&format!("/_desk/api/page?path={}", super::encode(path)));
        assert_eq!(answer.status, 400, "{path}");
    }
}

#[cfg(unix)]
#[test]
fn a_link_out_of_the_root_is_never_written_through() {
    let site = site();
    let outside = tempfile::tempdir().unwrap();
    std::os::unix::fs::symlink(outside.path(), site.root.join("content/out")).unwrap();
    std::fs::write(outside.path().join("a.md"), "---\ntitle: 外面\n---\n").unwrap();
    let desk = Desk::start(&site);
    let answer = desk.post(
        "/_desk/api/page",
        &json!({"path": "content/out/a.md", "front": {"title": "改", "date": "2026-11-20"}, "body": "", "base_version": "x"}),
    );
    assert_eq!(answer.status, 400, "{}", answer.text());
    assert_eq!(
        std::fs::read_to_string(outside.path().join("a.md")).unwrap(),
        "---\ntitle: 外面\n---\n"
    );
    let answer = desk.post(
        "/_desk/api/page",
        &json!({"path": "content/out/new.md", "front": {"title": "新", "date": "2026-11-20"}, "body": ""}),
    );
    assert_eq!(answer.status, 400);
    assert!(!outside.path().join("new.md").exists());
}

#[test]
fn uploads_are_checked_by_their_bytes_and_size() {
    let site = site();
    let desk = Desk::start(&site);
    let jpeg = super::jpeg();
    let refused: Vec<(&str, Vec<u8>, &str)> = vec![
        (
            "photo.jpg",
            b"<html><script>alert(1)</script></html>".to_vec(),
            "E1213",
        ),
        ("photo.jpg", b"MZ\x90\x00\x03\x00\x00\x00".to_vec(), "E1212"),
        ("report.pdf", jpeg.clone(), "E1212"),
        (
            "logo.svg",
            b"<svg xmlns=\"http://www.w3.org/2000/svg\"/>".to_vec(),
            "E1213",
        ),
        (
            "logo.png",
            b"\n<svg onload=\"alert(1)\"/>".to_vec(),
            "E1213",
        ),
        ("page.html", b"<!doctype html>".to_vec(), "E1213"),
        ("run.exe", b"MZ\x90\x00".to_vec(), "E1212"),
        (".htaccess", jpeg.clone(), "E1218"),
        ("CON.jpg", jpeg.clone(), "E1218"),
    ];
    for (name, bytes, code) in &refused {
        let answer = desk.upload(PAGE, &[(name, bytes)]);
        assert!(
            answer.status == 415 || answer.status == 400,
            "{name}: {}",
            answer.text()
        );
        assert_eq!(answer.json()["error"]["code"], *code, "{name}");
    }
    // A file over the limit, and one good file with one bad: nothing lands.
    let mut big = jpeg.clone();
    big.resize(21 * 1024 * 1024, 0);
    let answer = desk.upload(PAGE, &[("big.jpg", &big)]);
    assert_eq!(answer.status, 415, "{}", answer.text());
    assert_eq!(answer.json()["error"]["code"], "E1214");
    let answer = desk.upload(
        PAGE,
        &[("ok.jpg", jpeg.as_slice()), ("bad.jpg", &b"<svg/>"[..])],
    );
    assert_eq!(answer.status, 415);
    assert!(super::has(&site, PAGE), "the page stays a single file");
    assert!(!super::has(&site, "content/craftsmen/a/ok.jpg"));
    // A request over the whole limit is refused before it is read.
    let cookie = desk.cookie.clone();
    let origin = desk.origin.clone();
    let answer = desk.send(
        "POST",
        "/_desk/api/upload?page=content/craftsmen/a.md",
        &[
            ("Cookie", &cookie),
            ("Origin", &origin),
            ("Content-Type", "multipart/form-data; boundary=x"),
            ("Content-Length", "999999999999"),
        ],
        b"",
    );
    assert_eq!(answer.status, 413);
}

#[test]
fn on_a_network_address_the_desk_is_off_unless_asked_and_still_locked() {
    let site = site();
    assert!(
        Desk::start_with(&site, &["--bind", "0.0.0.0"]).is_none(),
        "no desk address printed on 0.0.0.0"
    );
    let desk = Desk::start_with(&site, &["--bind", "0.0.0.0", "--desk-on-network"])
        .expect("the desk when asked for");
    let answer = desk.send("GET", "/_desk/api/pages", &[], b"");
    assert_eq!(answer.status, 401, "still needs the token");
    assert_eq!(desk.get("/_desk/api/pages").status, 200);
}

#[test]
fn with_the_desk_off_its_address_is_just_a_missing_page() {
    let site = site();
    let running = crate::harness::Serving::start(&site, &["--bind", "0.0.0.0"]);
    assert!(running.desk(std::time::Duration::from_secs(2)).is_none());
    let host = &running.host;
    let mut stream = std::net::TcpStream::connect(host).unwrap();
    use std::io::{Read, Write};
    write!(
        stream,
        "GET /_desk/api/pages HTTP/1.1\r\nHost: {host}\r\n\r\n"
    )
    .unwrap();
    let mut response = String::new();
    let _ = stream.read_to_string(&mut response);
    drop(running);
    assert!(response.starts_with("HTTP/1.1 404"), "{response}");
}
