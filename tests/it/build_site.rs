//! Building a small fixture site end to end and reading the HTML it produces.

use crate::harness::TestSite;

#[test]
fn pages_have_titles_dates_metadata_and_breadcrumb() {
    let site = TestSite::fixture("basic");
    site.build(&[]).assert_ok();
    let page = site.html("news/2026-11-20-safety-month/index.html");
    assert_eq!(page.text("h1"), "安全生产月活动总结");
    assert_eq!(page.text("title"), "安全生产月活动总结 - 测试工会网");
    assert_eq!(page.text(".article-meta time"), "2026年11月20日");
    assert_eq!(
        page.attr(".article-meta time", "datetime"),
        "2026-11-20T09:30:00+08:00"
    );
    let meta = page.text(".article-meta");
    assert!(meta.contains("发布人：工会宣传部"), "{meta}");
    assert!(meta.contains("来源：集团工会"), "{meta}");
    assert!(meta.contains("预计阅读 1 分钟"), "{meta}");
    assert_eq!(
        page.texts(".breadcrumb a, .breadcrumb [aria-current]"),
        vec!["首页", "工会动态", "安全生产月活动总结"]
    );
    assert_eq!(
        page.attrs(".breadcrumb a", "href"),
        vec!["/union/", "/union/news/"]
    );
}

#[test]
fn every_page_has_html5_basics_and_absolute_canonical() {
    let site = TestSite::fixture("basic");
    site.build(&[]).assert_ok();
    for rel in [
        "index.html",
        "news/index.html",
        "news/skills-contest/index.html",
        "404.html",
        "tags/index.html",
    ] {
        let raw = site.read(rel);
        assert!(raw.starts_with("<!DOCTYPE html>"), "{rel}");
        let page = site.html(rel);
        assert_eq!(page.attr("html", "lang"), "zh-CN", "{rel}");
        assert_eq!(page.count("meta[charset=utf-8]"), 1, "{rel}");
        assert_eq!(page.count("meta[name=viewport]"), 1, "{rel}");
        let canonical = page.attr("link[rel=canonical]", "href");
        assert!(
            canonical.starts_with("https://example.org/union/"),
            "{rel}: {canonical}"
        );
    }
    assert_eq!(
        site.html("news/index.html")
            .attr("link[rel=canonical]", "href"),
        "https://example.org/union/news/"
    );
}

#[test]
fn markdown_renders_chinese_properly() {
    let site = TestSite::fixture("basic");
    site.build(&[]).assert_ok();
    let page = site.html("news/2026-11-20-safety-month/index.html");
    let body = page.inner_html(".article-body");
    assert!(
        body.contains("<strong>工会通知：</strong>请各单位"),
        "{body}"
    );
    // The soft break between 职工代表 and 大会 leaves no space.
    assert!(body.contains("职工代表大会在三楼召开"), "{body}");
    assert_eq!(
        page.attrs(".article-body h2, .article-body h3", "id"),
        vec!["一-总体情况", "二-主要做法", "一-隐患排查", "一-总体情况-2"]
    );
    // The table of contents links to those anchors.
    assert_eq!(
        page.attrs(".toc a", "href"),
        vec![
            "#一-总体情况",
            "#二-主要做法",
            "#一-隐患排查",
            "#一-总体情况-2"
        ]
    );
    assert!(
        page.count(".footnotes, section.footnotes, [data-footnotes]") >= 1,
        "{body}"
    );
}

#[test]
fn summaries_come_from_front_matter_more_marker_or_first_paragraph() {
    let site = TestSite::fixture("basic");
    site.build(&[]).assert_ok();
    let listing = site.html("news/index.html");
    let summaries = listing.texts(".card-summary");
    // Newest first, 2 per page: the safety month (summary up to <!-- more -->),
    // then the sports day (front matter summary).
    assert_eq!(
        listing.texts(".card-title a"),
        vec!["安全生产月活动总结", "秋季职工运动会：圆满落幕"]
    );
    assert_eq!(
        summaries[0],
        "工会通知：请各单位准时参加。职工代表大会在三楼召开。"
    );
    assert_eq!(summaries[1], "运动会共有八百名职工参加。");
}

#[test]
fn sections_paginate() {
    let site = TestSite::fixture("basic");
    site.build(&[]).assert_ok();
    let first = site.html("news/index.html");
    assert_eq!(
        first.attr(".pager a[rel=next]", "href"),
        "/union/news/page/2/"
    );
    let second = site.html("news/page/2/index.html");
    assert_eq!(second.texts(".card-title a"), vec!["职工技能大赛"]);
    assert_eq!(second.attr(".pager a[rel=prev]", "href"), "/union/news/");
    assert!(!site.exists("news/page/3/index.html"));
    assert!(!site.exists("news/page/1/index.html"));
}

#[test]
fn drafts_are_left_out_unless_asked() {
    let site = TestSite::fixture("basic");
    site.build(&[]).assert_ok();
    assert!(!site.exists("news/2026-09-01-draft/index.html"));
    site.build(&["--drafts"]).assert_ok();
    assert!(site.exists("news/2026-09-01-draft/index.html"));
    assert!(
        site.read("news/2026-09-01-draft/index.html")
            .contains("草稿")
    );
}

#[test]
fn bundles_static_and_404_are_written() {
    let site = TestSite::fixture("basic");
    site.build(&[]).assert_ok();
    // A JPEG without metadata is published byte for byte.
    assert_eq!(
        std::fs::read(site.public().join("news/skills-contest/photo.jpg")).unwrap(),
        std::fs::read(site.root.join("content/news/skills-contest/photo.jpg")).unwrap()
    );
    let page = site.html("news/skills-contest/index.html");
    assert_eq!(page.attr(".article-body img", "src"), "photo.jpg");
    assert_eq!(site.read("extra.css"), "body { color: red; }\n");
    assert!(site.exists("assets/site.css"));
    assert_eq!(site.html("404.html").text("h1"), "页面未找到");
}

#[test]
fn navigation_lists_sections_and_prev_next_links_neighbours() {
    let site = TestSite::fixture("basic");
    site.build(&[]).assert_ok();
    let home = site.html("index.html");
    assert_eq!(
        home.texts(".site-nav a"),
        vec!["首页", "劳模风采", "工会动态", "搜索"]
    );
    assert_eq!(home.text(".brand-org"), "测试集团工会");
    let middle = site.html("news/2026-10-01-autumn/index.html");
    let links = middle.attrs(".prev-next a", "href");
    assert_eq!(
        links,
        vec![
            "/union/news/2026-11-20-safety-month/",
            "/union/news/skills-contest/"
        ]
    );
}

#[test]
fn kind_is_inherited_from_the_section() {
    let site = TestSite::fixture("basic");
    site.build(&[]).assert_ok();
    let page = site.html("model-workers/wang/index.html");
    assert_eq!(page.attr("body", "class"), "page kind-model-worker");
    let facts = page.text(".facts");
    assert!(facts.contains("第二车间"), "{facts}");
    assert!(facts.contains("全国劳动模范"), "{facts}");
}

#[test]
fn tags_get_pages_and_links() {
    let site = TestSite::fixture("basic");
    site.build(&[]).assert_ok();
    let page = site.html("news/2026-11-20-safety-month/index.html");
    let tag_urls = page.attrs(".tags a", "href");
    assert_eq!(tag_urls.len(), 2);
    for url in &tag_urls {
        let rel = url.strip_prefix("/union/").unwrap();
        assert!(site.exists(&format!("{rel}index.html")), "{url}");
    }
    let terms = site.html("tags/index.html");
    assert_eq!(terms.count(".term-list li"), 2);
}

#[test]
fn front_matter_with_bom_and_crlf_builds() {
    let site = TestSite::fixture("basic");
    site.write(
        "content/news/2026-11-21-windows.md",
        "\u{feff}---\r\ntitle: 记事本写的通知\r\ndate: 2026-11-21\r\n---\r\n\r\n第一行\r\n第二行\r\n",
    );
    site.build(&[]).assert_ok();
    let page = site.html("news/2026-11-21-windows/index.html");
    assert_eq!(page.text("h1"), "记事本写的通知");
    assert!(page.inner_html(".article-body").contains("第一行第二行"));
}

#[test]
fn base_url_flag_overrides_config() {
    let site = TestSite::fixture("basic");
    site.build(&["--base-url", "https://gonghui.example.com"])
        .assert_ok();
    let page = site.html("news/index.html");
    assert_eq!(
        page.attr("link[rel=canonical]", "href"),
        "https://gonghui.example.com/news/"
    );
    assert_eq!(page.attr(".breadcrumb a", "href"), "/");
}

#[test]
fn two_builds_with_the_same_clock_are_byte_identical() {
    let site = TestSite::fixture("basic");
    site.build(&[]).assert_ok();
    let first = site.snapshot();
    site.build(&[]).assert_ok();
    let second = site.snapshot();
    assert_eq!(first.len(), second.len());
    for (a, b) in first.iter().zip(&second) {
        assert_eq!(a.0, b.0);
        assert!(a.1 == b.1, "{} differs between builds", a.0);
    }
}

#[test]
fn source_date_epoch_sets_the_clock() {
    let site = TestSite::fixture("basic");
    let root = site.root.to_string_lossy().into_owned();
    let output = crate::harness::bin()
        .args(["build", "--root", &root])
        .env("SOURCE_DATE_EPOCH", "1700000000")
        .output()
        .unwrap();
    assert!(output.status.success());
    // 1700000000 is in 2023: the footer's year comes from the build clock.
    assert!(
        site.html("index.html")
            .text(".site-footer")
            .contains("2023")
    );
}

#[test]
fn a_theme_folder_on_disk_overrides_the_built_in_theme_file_by_file() {
    let site = TestSite::fixture("basic");
    site.write(
        "themes/default/templates/404.html",
        "{% extends \"base.html\" %}{% block content %}<h1>找不到了</h1>{% endblock %}",
    );
    site.write(
        "themes/default/static/assets/site.css",
        "/* site's own */\n",
    );
    site.build(&[]).assert_ok();
    assert_eq!(site.html("404.html").text("h1"), "找不到了");
    // base.html still comes from the built-in theme.
    assert_eq!(site.html("404.html").count(".site-header"), 1);
    assert_eq!(site.read("assets/site.css"), "/* site's own */\n");
    // The site's templates/ wins over both.
    site.write(
        "templates/404.html",
        "{% extends \"base.html\" %}{% block content %}<h1>站点自己的</h1>{% endblock %}",
    );
    site.build(&[]).assert_ok();
    assert_eq!(site.html("404.html").text("h1"), "站点自己的");
}

#[test]
fn pages_request_nothing_from_other_hosts() {
    let site = TestSite::fixture("basic");
    site.build(&[]).assert_ok();
    for (path, bytes) in site.snapshot() {
        if !path.ends_with(".html") {
            continue;
        }
        let page = crate::harness::Page {
            doc: scraper::Html::parse_document(&String::from_utf8_lossy(&bytes)),
        };
        for (selector, attr) in [
            ("script", "src"),
            ("link", "href"),
            ("img", "src"),
            ("iframe", "src"),
        ] {
            for url in page.attrs(selector, attr) {
                let external = url.starts_with("//")
                    || (url.contains("://") && !url.starts_with("https://example.org/union/"));
                assert!(!external, "{path}: {selector} loads {url}");
            }
        }
    }
}

#[test]
fn english_sites_get_english_dates_and_words() {
    let site = TestSite::fixture("basic");
    site.write(
        "site.yaml",
        "title: Test Union\nbase_url: https://example.org/\nlanguage: en\n",
    );
    site.build(&[]).assert_ok();
    let page = site.html("news/2026-11-20-safety-month/index.html");
    assert_eq!(page.attr("html", "lang"), "en");
    assert_eq!(page.text(".article-meta time"), "20 Nov 2026");
    assert!(page.text(".article-meta").contains("min read"));
}

#[test]
fn chinese_file_names_become_pinyin_urls_or_stay_unicode() {
    let site = TestSite::fixture("basic");
    site.write(
        "content/news/重庆银行工会活动.md",
        "---\ntitle: 活动\ndate: 2026-01-01\n---\n",
    );
    site.build(&[]).assert_ok();
    assert!(site.exists("news/chong-qing-yin-hang-gong-hui-huo-dong/index.html"));
    site.write(
        "site.yaml",
        "title: t\nbase_url: https://example.org/\nslugs: unicode\n",
    );
    site.build(&[]).assert_ok();
    assert!(site.exists("news/重庆银行工会活动/index.html"));
}

#[test]
fn a_site_can_rename_the_themes_words() {
    let site = TestSite::fixture("basic");
    site.write(
        "site.yaml",
        "title: t\nbase_url: https://example.org/\ni18n: {newer: 前一篇, home: 主页, nonsense: x}\n",
    );
    let run = site.build(&[]);
    run.assert_ok();
    assert!(run.stderr.contains("i18n 键 `nonsense`"), "{}", run.stderr);
    let page = site.html("news/2026-10-01-autumn/index.html");
    assert!(page.text(".prev-next").contains("前一篇："));
    assert_eq!(page.texts(".site-nav a")[0], "主页");
}

/// The replaced output is deleted by a detached process: the second build
/// returns with the new site in place, and the old one goes shortly after.
#[test]
fn replaced_output_is_deleted_in_the_background() {
    let site = TestSite::fixture("basic");
    site.build(&[]).assert_ok();
    site.write("public/marker-from-the-old-build.txt", "old");
    site.build(&[]).assert_ok();
    assert!(!site.exists("marker-from-the-old-build.txt"));
    assert!(site.exists("index.html"));
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    loop {
        let trash: Vec<String> = std::fs::read_dir(&site.root)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.contains("nb-trash") || n.contains("nb-old"))
            .collect();
        if trash.is_empty() {
            break;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "never deleted: {trash:?}"
        );
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
}

/// The internal deletion command only ever deletes its own trash folders.
#[test]
fn remove_old_output_refuses_other_folders() {
    let site = TestSite::fixture("basic");
    let content = site.root.join("content").to_string_lossy().into_owned();
    let run = site.run(&["remove-old-output", &content]);
    assert_eq!(run.code, 1);
    assert!(site.root.join("content/_index.md").exists());
}
