//! Incremental rebuilds: after edits of every kind, what `serve` serves equals
//! a clean `build` of the same files with the same clock, and files that a
//! change takes away are checked again.

use super::{Serve, assert_serves_a_clean_build, edit_and_reload, settle, wait_any, wait_for};
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
