//! Incremental rebuilds through the running server: the watcher picks edits
//! up, what `serve` serves equals a clean `build` of the same files, and files
//! that a change takes away are checked again. Edits of every kind, random ones
//! among them, are held to a clean build without a server in `src/serve/oracle.rs`.

use super::{Serve, assert_serves_a_clean_build, settle, wait_any, wait_for};
use crate::harness::TestSite;

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
