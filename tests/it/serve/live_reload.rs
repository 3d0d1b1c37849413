//! Live reload: edits, renames, deletes and editor-style saves on disk reach
//! the live-reload stream (and a real browser), a broken page shows the
//! overlay, and a stylesheet is swapped without a reload.

use std::time::{Duration, Instant};

use super::{Serve, settle, text, wait_any, wait_for, wait_reload};
use crate::harness::TestSite;

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
