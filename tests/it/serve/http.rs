//! The server itself: content types, index files, 404, refused traversal and
//! malformed requests, and a clear error when the port is taken.

use super::{Serve, text};
use crate::harness::{TestSite, bin};

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
    assert!(stderr.contains("已被占用"), "{stderr}");
    assert!(stderr.contains("[E1102]"), "{stderr}");
    assert!(!stderr.contains("panicked"));
}
