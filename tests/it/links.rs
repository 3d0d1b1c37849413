//! Internal links: `check` reports every link to a URL the site does not build
//! and every `#anchor` missing on its target, at the file and line it is
//! written on (exit 1), `build` warns about the same, and a link to a content
//! file (`a.md`, `../news/a.md`, `@/news/a.md`) becomes that page's URL.

use crate::harness::{TestSite, percent_decode};

/// A site with pages to link to: `news/a` with headings, a raw-HTML anchor
/// and a footnote, a campaign, a bundle with a photo, and a draft.
fn site_to_link() -> TestSite {
    let site = TestSite::empty();
    site.write(
        "site.yaml",
        "title: 链接测试\nbase_url: https://example.org/\n",
    );
    site.write("content/_index.md", "---\ntitle: 首页\n---\n");
    site.write(
        "content/news/_index.md",
        "---\ntitle: 新闻\n---\n栏目介绍。\n",
    );
    site.write(
        "content/news/a.md",
        "---\ntitle: 甲\ndate: 2026-11-01\n---\n## 一、总体情况\n\n正文<span id=\"raw-anchor\">锚</span>。\n\n## 二、下一步\n\n脚注[^1]。\n\n[^1]: 注释。\n",
    );
    site.write(
        "content/campaigns/_index.md",
        "---\ntitle: 活动\nkind: campaign\n---\n",
    );
    site.write(
        "content/campaigns/c.md",
        "---\ntitle: 安全月\ndate: 2026-06-01\nstart: 2026-06-01\nend: 2026-06-30\n---\n活动。\n",
    );
    site.write(
        "content/news/d/index.md",
        "---\ntitle: 图片\ndate: 2026-11-02\n---\n![现场](photo.jpg)\n",
    );
    site.write(
        "content/news/d/photo.jpg",
        crate::images::phone_jpeg(64, 48, 1),
    );
    site.write(
        "content/news/draft.md",
        "---\ntitle: 草稿\ndate: 2026-11-03\ndraft: true\n---\n## 草稿标题\n",
    );
    site
}

/// Links that lead somewhere the site builds, each written as an author would.
const GOOD: &[&str] = &[
    "[甲](a.md)",
    "[甲节](a.md#一-总体情况)",
    "[甲节](a.md#%E4%BA%8C-%E4%B8%8B%E4%B8%80%E6%AD%A5)",
    "[甲](@/news/a.md#二-下一步)",
    "[活动](../campaigns/c.md)",
    "[活动](..\\campaigns\\c.md)",
    "[栏目](@/news/_index.md)",
    "[栏目](@/news/)",
    "[图片页](d/index.md)",
    "[页](/news/a/)",
    "[页](/news/a)",
    "[页](/news/a/index.html)",
    "[同栏](../a/)",
    "[上级](../)",
    "[首页](/)",
    "[订阅](/atom.xml)",
    "[栏目订阅](/news/atom.xml)",
    "[搜索](/search/?q=工会)",
    "[网站地图](/sitemap.xml)",
    "[图](/news/d/photo.jpg)",
    "![图](../d/photo.jpg)",
    "[本节](#本页标题)",
    "[顶部](#top)",
    "[原文锚](a.md#raw-anchor)",
    "[脚注](a.md#fn-1)",
    "<a href=\"a.md#一-总体情况\">原始链接</a>",
    "<img src=\"/news/d/photo.jpg\" alt=\"图\">",
    "[绝对](https://example.org/news/a/)",
    "[外站](https://other.example/x/)",
    "[邮件](mailto:gh@example.org)",
    "[引用式][甲文]",
];

fn page_with(lines: &[&str]) -> String {
    let mut body = String::from("---\ntitle: 乙\ndate: 2026-11-10\n---\n## 本页标题\n\n");
    for line in lines {
        body.push_str(line);
        body.push_str("\n\n");
    }
    body.push_str("[甲文]: a.md\n");
    body
}

#[test]
fn good_links_pass_check_and_content_links_become_urls() {
    let site = site_to_link();
    site.write("content/news/b.md", page_with(GOOD));
    let check = site.check();
    check.assert_ok();
    assert!(check.stdout.contains("（0 个警告）"), "{}", check.stdout);
    let build = site.build(&[]);
    build.assert_ok();
    assert!(!build.stderr.contains("[E048"), "{}", build.stderr);
    let page = site.html("news/b/index.html");
    let hrefs: Vec<String> = page
        .attrs(".article-body a", "href")
        .iter()
        .map(|h| percent_decode(h))
        .collect();
    for expected in [
        "/news/a/",
        "/news/a/#一-总体情况",
        "/news/a/#二-下一步",
        "/campaigns/c/",
        "/news/",
        "/news/d/",
        "/news/a/#raw-anchor",
    ] {
        assert!(
            hrefs.iter().any(|h| h == expected),
            "{expected} in {hrefs:?}"
        );
    }
    assert!(
        !hrefs
            .iter()
            .any(|h| h.contains(".md") || h.contains("nb-content-link")),
        "{hrefs:?}"
    );
    // The summary (the first paragraph) shows the page's URL too, on listings.
    let listing = site.read("news/index.html");
    assert!(!listing.contains(".md\""), "{listing}");
}

/// Broken links, each with the code `check` must give it.
const BAD: &[(&str, &str)] = &[
    ("[无](/news/nothing/)", "E0480"),
    ("[无](../nothing/)", "E0480"),
    ("[无](nothing/)", "E0480"),
    ("[大小写](/News/a/)", "E0480"),
    ("![图](nope.jpg)", "E0480"),
    ("[绝对](https://example.org/news/nothing/)", "E0480"),
    ("<a href=\"/news/gone/\">原始</a>", "E0480"),
    (
        "<p>第一行\n<img src=\"/missing.png\" alt=\"\"></p>",
        "E0480",
    ),
    ("| 表 | 格 |\n|---|---|\n| [无](/nope/) | 2 |", "E0480"),
    ("- 列表\n- [无](/list/nope/)", "E0480"),
    ("[缺](missing.md)", "E0483"),
    ("[大小写](A.md)", "E0483"),
    ("[外面](../../../site.md)", "E0483"),
    ("[缺](@/nowhere/x.md#y)", "E0483"),
    ("[缺节](a.md#不存在)", "E0481"),
    ("[缺节](/news/a/#不存在)", "E0481"),
    ("[缺节](#没有这节)", "E0481"),
    ("<a href=\"a.md#nope\">原始</a>", "E0481"),
    ("[草稿](draft.md)", "E0484"),
    ("[草稿节](@/news/draft.md#草稿标题)", "E0484"),
    ("[引用式][坏]", "E0480"),
];

/// The file line each of `lines` starts on in [`page_with`]'s text, with
/// `front` lines of front matter before the body.
fn lines_of(lines: &[&str], front: usize) -> Vec<usize> {
    let mut at = front + 3; // `## 本页标题` and a blank line after the front matter
    let mut out = Vec::new();
    for line in lines {
        // A multi-line case's link is on its last line.
        out.push(at + line.matches('\n').count());
        at += line.matches('\n').count() + 2;
    }
    out
}

fn assert_reported(stderr: &str, file: &str, lines: &[usize], severity: &str) {
    for ((text, code), line) in BAD.iter().zip(lines) {
        let head = format!("{file}:{line}: {severity}:");
        let found = stderr
            .lines()
            .any(|l| l.starts_with(&head) && l.ends_with(&format!("[{code}]")));
        assert!(found, "`{text}` at {head} … [{code}]:\n{stderr}");
    }
}

#[test]
fn regression_check_reports_every_broken_link_and_anchor_at_its_line() {
    let site = site_to_link();
    let texts: Vec<&str> = BAD.iter().map(|(t, _)| *t).collect();
    let mut body = page_with(&texts);
    body.push_str("[坏]: /reference/nope/\n");
    site.write("content/news/bad.md", &body);
    // The same page with Windows line ends and a BOM: the same lines.
    let crlf = format!("\u{feff}{}", body.replace('\n', "\r\n"));
    site.write("content/news/bad-crlf.md", crlf);
    let lines = lines_of(&texts, 4);

    let check = site.check();
    check.assert_code(1);
    assert_reported(&check.stderr, "content/news/bad.md", &lines, "error");
    assert_reported(&check.stderr, "content/news/bad-crlf.md", &lines, "error");
    let errors = check
        .stderr
        .lines()
        .filter(|l| l.contains(": error:"))
        .count();
    assert_eq!(errors, 2 * BAD.len(), "no other error:\n{}", check.stderr);
    // The help names the anchors the page has.
    assert!(
        check.stderr.contains("#一-总体情况、#二-下一步"),
        "{}",
        check.stderr
    );
    assert!(!site.public().exists(), "check writes nothing");

    // `build` publishes, with the same problems as warnings.
    let build = site.build(&[]);
    build.assert_ok();
    assert_reported(&build.stderr, "content/news/bad.md", &lines, "warning");
    // A draft's link is fine once drafts are built.
    let drafts = site.build(&["--drafts"]);
    drafts.assert_ok();
    assert!(!drafts.stderr.contains("草稿节"), "{}", drafts.stderr);
    assert!(!drafts.stderr.contains("[E0484]"), "{}", drafts.stderr);
}

#[test]
fn a_broken_link_in_a_section_introduction_is_reported_there() {
    let site = site_to_link();
    site.write(
        "content/news/_index.md",
        "---\ntitle: 新闻\n---\n栏目介绍。\n\n见[甲](a.md)和[旧页](/news/old/)。\n",
    );
    let check = site.check();
    check.assert_code(1);
    assert!(
        check
            .stderr
            .contains("content/news/_index.md:6: error: 链接 `/news/old/`"),
        "{}",
        check.stderr
    );
    site.build(&[]).assert_ok();
    assert!(site.read("news/index.html").contains("href=\"/news/a/\""));
}

#[test]
fn content_links_follow_slugs_and_the_base_path() {
    let site = site_to_link();
    site.write(
        "site.yaml",
        "title: 链接测试\nbase_url: https://example.org/union/\n",
    );
    site.write(
        "content/news/a.md",
        "---\ntitle: 甲\ndate: 2026-11-01\nslug: renamed\n---\n## 一、总体情况\n",
    );
    site.write(
        "content/news/b.md",
        "---\ntitle: 乙\ndate: 2026-11-10\n---\n[甲](a.md#一-总体情况) [根](/news/) [站内](/union/news/)\n",
    );
    let check = site.check();
    check.assert_code(1);
    assert!(
        check
            .stderr
            .contains("content/news/b.md:5: error: 链接 `/news/` 不在本站的路径 /union/ 之下"),
        "{}",
        check.stderr
    );
    assert_eq!(
        check.stderr.matches(": error:").count(),
        1,
        "{}",
        check.stderr
    );
    site.build(&[]).assert_ok();
    let hrefs = site
        .html("news/b/index.html")
        .attrs(".article-body a", "href");
    assert_eq!(
        percent_decode(&hrefs[0]),
        "/union/news/renamed/#一-总体情况"
    );
    // With --relative the page's URL is relative like every other link.
    site.build(&["--relative"]).assert_ok();
    let hrefs = site
        .html("news/b/index.html")
        .attrs(".article-body a", "href");
    assert_eq!(
        percent_decode(&hrefs[0]),
        "../../news/renamed/index.html#一-总体情况"
    );
}

/// The menu of site.yaml is on every page: a mistyped entry is a broken link
/// on all of them, reported at its line of site.yaml.
#[test]
fn regression_a_broken_menu_entry_is_reported_at_its_line_of_site_yaml() {
    let site = site_to_link();
    site.write(
        "site.yaml",
        "title: 链接测试\nbase_url: https://example.org/\nmenu:\n  - {name: 新闻, url: /news/}\n  - {name: 旧栏目, url: /old-news/}\n  - {name: 外站, url: \"https://other.example/\"}\n  - {name: 甲, url: \"/news/a/#一-总体情况\"}\n  - {name: 缺节, url: \"/news/a/#缺\"}\n  - {name: 活动, url: campaigns/}\n",
    );
    let check = site.check();
    check.assert_code(1);
    for (line, code) in [(5, "E0480"), (8, "E0481")] {
        let head = format!("site.yaml:{line}: error:");
        assert!(
            check
                .stderr
                .lines()
                .any(|l| l.starts_with(&head) && l.ends_with(&format!("[{code}]"))),
            "{head} [{code}]:\n{}",
            check.stderr
        );
    }
    assert_eq!(
        check.stderr.matches(": error:").count(),
        2,
        "{}",
        check.stderr
    );
}
