//! Hostile sizes (#16, classes 5 and 7): inputs that once cost quadratic time
//! or output build right, and in the structure that keeps them linear; a page
//! with too many tags is refused by name; a big page builds; a symlink loop is
//! named. Speed itself is measured by `bench/hostile_inputs.py`, never here.

use std::collections::HashSet;

use crate::harness::{TestSite, files_with_extension};

fn site_with_page(page: &str) -> TestSite {
    let site = TestSite::empty();
    site.write(
        "site.yaml",
        "title: 测试\nbase_url: https://example.org/\nlanguage: en\n",
    );
    site.write("content/_index.md", "---\ntitle: 首页\n---\n");
    site.write("content/news/_index.md", "---\ntitle: 新闻\n---\n");
    site.write("content/news/a.md", page);
    site
}

fn page(front: &str, body: &str) -> String {
    format!("---\ntitle: 测试页\ndate: 2026-11-20\n{front}---\n{body}")
}

/// The ids the anchors must get: the first as it is, each repeat the first
/// `-N` (from 2) not taken yet, as the contract says and as probing did.
fn unique_ids(anchors: &[&str]) -> Vec<String> {
    let mut taken = HashSet::new();
    anchors
        .iter()
        .map(|&anchor| {
            let mut id = anchor.to_string();
            let mut n = 2;
            while taken.contains(&id) {
                id = format!("{anchor}-{n}");
                n += 1;
            }
            taken.insert(id.clone());
            id
        })
        .collect()
}

#[test]
fn many_identical_headings_get_unique_ids_in_order() {
    // Repeats of one heading, between headings whose own anchors are the
    // suffixes the repeats would take.
    let mut body = String::new();
    let mut anchors = Vec::new();
    for i in 0..3_000 {
        body.push_str("## 总结\n\n");
        anchors.push("总结");
        match i {
            0 => {
                body.push_str("## 总结 2\n\n");
                anchors.push("总结-2");
            }
            10 => {
                body.push_str("## 总结-20\n\n### 总结 (13)\n\n## 总结-3\n\n");
                anchors.extend(["总结-20", "总结-13", "总结-3"]);
            }
            _ => {}
        }
    }
    let expected = unique_ids(&anchors);
    let site = site_with_page(&page("", &body));
    site.build(&[]).assert_ok();
    let html = site.html("news/a/index.html");
    let ids = html.attrs(".article-body h2[id], .article-body h3[id]", "id");
    assert_eq!(ids.len(), anchors.len());
    let unique: HashSet<&String> = ids.iter().collect();
    assert_eq!(unique.len(), ids.len(), "ids repeat");
    // 总结-3 was taken by a repeat before its own heading came.
    assert!(ids.contains(&"总结-3-2".to_string()));
    assert_eq!(ids, expected);
}

#[test]
fn a_page_with_too_many_tags_is_refused_by_name() {
    let list = |n: usize| (0..n).map(|i| format!("  - 标签{i}\n")).collect::<String>();
    let flow = |n: usize| {
        let terms: Vec<String> = (0..n).map(|i| format!("t{i}")).collect();
        format!("[{}]", terms.join(", "))
    };
    for (front, line) in [
        (format!("tags:\n{}", list(101)), 4),
        (format!("summary: x\ntags: {}\n", flow(20_000)), 5),
        // One tag written 101 times is still 101 entries in every feed entry.
        (format!("tags:\n{}", "  - 同一个\n".repeat(101)), 4),
    ] {
        let site = site_with_page(&page(&front, "正文。\n"));
        let run = site.build(&[]);
        run.assert_code(1);
        let wanted = format!("news/a.md:{line}: error:");
        let error = run
            .stderr
            .lines()
            .find(|l| l.contains("[E0350]"))
            .unwrap_or_else(|| panic!("no E0350 in {}", run.stderr));
        assert!(error.contains(&wanted), "{error}");
        assert!(error.contains("at most 100"), "{error}");
        assert!(!site.exists("index.html"), "a failed build writes nothing");
    }
    let count_in = |front: &str| {
        let site = site_with_page(&page(front, "正文。\n"));
        let run = site.build(&[]);
        run.assert_code(1);
        run.stderr.clone()
    };
    assert!(count_in(&format!("tags:\n{}", list(20_000))).contains("lists 20000 entries"));
}

#[test]
fn a_site_taxonomy_has_the_same_bound_and_the_limit_itself_builds() {
    let site = site_with_page(&page(
        &format!(
            "columns: [{}]\n",
            (0..150)
                .map(|i| format!("c{i}"))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        "正文。\n",
    ));
    site.write(
        "site.yaml",
        "title: 测试\nbase_url: https://example.org/\nlanguage: en\ntaxonomies: [tags, columns]\n",
    );
    let run = site.build(&[]);
    run.assert_code(1);
    assert!(
        run.stderr.contains("`columns` lists 150 entries"),
        "{}",
        run.stderr
    );

    let tags: String = (0..100).map(|i| format!("  - 标签{i}\n")).collect();
    let site = site_with_page(&page(&format!("tags:\n{tags}"), "正文。\n"));
    site.build(&[]).assert_ok();
    let feed = site.read("news/atom.xml");
    assert_eq!(feed.matches("<category term=").count(), 100);
    assert_eq!(site.html("tags/index.html").count(".term-list li"), 100);
}

#[test]
fn many_unknown_keys_each_warn_at_their_own_line() {
    let mut front = String::new();
    for i in 0..3_000 {
        front.push_str(&format!("field_{i}: {i}\n"));
    }
    front.push_str("\"quoted key\": 1\nwith:colon: 2\n");
    let site = site_with_page(&page(&front, "正文。\n"));
    let run = site.build(&[]);
    run.assert_ok();
    let warning = |key: &str| {
        run.stderr
            .lines()
            .find(|l| l.contains(&format!("`{key}`")) && l.contains("[W0311]"))
            .unwrap_or_else(|| panic!("no warning for {key}:\n{}", &run.stderr[..2000]))
            .to_string()
    };
    // Title and date are lines 2 and 3.
    assert!(
        warning("field_0").contains("news/a.md:4:"),
        "{}",
        warning("field_0")
    );
    assert!(warning("field_2999").contains("news/a.md:3003:"));
    assert!(warning("quoted key").contains("news/a.md:3004:"));
    assert!(warning("with:colon").contains("news/a.md:3005:"));
}

#[test]
fn many_links_are_all_made_relative() {
    let mut body = String::new();
    for i in 0..5_000 {
        body.push_str(&format!("[链接{i}](/news/p{i}/) "));
    }
    body.push_str("\n\n<img src=\"/news/a/photo.jpg\" alt=\"照片\">\n");
    let site = site_with_page(&page("", &body));
    site.build(&["--relative"]).assert_ok();
    let html = site.html("news/a/index.html");
    let hrefs = html.attrs("a[href^=\"../../news/p\"]", "href");
    assert_eq!(hrefs.len(), 5_000);
    for (i, href) in hrefs.iter().enumerate() {
        assert_eq!(href, &format!("../../news/p{i}/index.html"));
    }
    assert_eq!(
        html.attrs("img[alt=\"照片\"]", "src"),
        ["../../news/a/photo.jpg"]
    );
    // Nothing root-relative is left in any page.
    for path in files_with_extension(&site.public(), &["html"]) {
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(!text.contains("href=\"/"), "{}", path.display());
        assert!(!text.contains("src=\"/"), "{}", path.display());
    }
}

#[test]
fn unclosed_declarations_and_bare_ampersands_stay_text() {
    // The declarations last: no `>` follows them.
    let body = format!(
        "<span title=\"{}\">x</span>\n\n{}\n",
        "&".repeat(20_000),
        "<!A<?x".repeat(20_000)
    );
    let site = site_with_page(&page("", &body));
    site.build(&[]).assert_ok();
    let text = site.read("news/a/index.html");
    assert_eq!(text.matches("&lt;!A&lt;?x").count(), 20_000);
    let html = site.html("news/a/index.html");
    assert_eq!(html.attrs("span[title]", "title"), ["&".repeat(20_000)]);
}

/// A collected volume just over the old 10 MB refusal: chapters with
/// headings, lists and tables.
fn yearbook(bytes: usize) -> String {
    let mut body = String::new();
    let mut n = 0;
    while body.len() < bytes {
        n += 1;
        body.push_str(&format!(
            "## 第{n}章 年度工作\n\n{}\n\n- 职工代表大会\n- 劳动竞赛\n\n| 项目 | 人数 |\n| --- | --- |\n| 培训 | {n} |\n\n",
            "工会坚持以职工为中心，推进民主管理和厂务公开。".repeat(20)
        ));
    }
    page("tags: [年鉴, 汇编]\n", &body)
}

#[test]
fn a_yearbook_over_ten_megabytes_builds_and_its_feeds_link_it() {
    let text = yearbook(10_500_000);
    let chapters = text.matches("\n## 第").count();
    let site = site_with_page(&text);
    site.build(&[]).assert_ok();
    let html = site.html("news/a/index.html");
    assert_eq!(html.count(".article-body h2[id]"), chapters);
    assert!(
        html.text(".article-body")
            .contains(&format!("第{chapters}章"))
    );
    // Each feed the page is in (site, section, two tags) carries a short
    // summary, not ten megabytes.
    for feed in files_with_extension(&site.public(), &["xml"]) {
        let len = std::fs::metadata(&feed).unwrap().len();
        assert!(len < 100_000, "{}: {len} bytes", feed.display());
    }
    let listing = site.read("news/index.html");
    assert!(listing.len() < 100_000, "{} bytes", listing.len());
}

#[cfg(unix)]
#[test]
fn symlink_loops_and_folder_links_are_named_not_skipped_silently() {
    use std::os::unix::fs::symlink;
    let site = site_with_page(&page("", "正文。\n"));
    let content = site.root.join("content");
    symlink(&content, content.join("news/back")).unwrap();
    symlink("..", content.join("news/up")).unwrap();
    symlink("ping", content.join("pong")).unwrap();
    symlink("pong", content.join("ping")).unwrap();
    std::fs::create_dir_all(content.join("common")).unwrap();
    symlink("../common", content.join("news/elsewhere")).unwrap();
    let run = site.build(&[]);
    run.assert_ok();
    let line = |name: &str| {
        run.stderr
            .lines()
            .find(|l| l.contains(name))
            .unwrap_or_else(|| panic!("nothing about {name}:\n{}", run.stderr))
            .to_string()
    };
    for name in ["news/back", "news/up"] {
        let l = line(&format!("content/{name}:"));
        assert!(l.contains("warning:") && l.contains("[W0250]"), "{l}");
        assert!(l.contains("loops back to `content`"), "{l}");
    }
    for name in ["content/ping:", "content/pong:"] {
        let l = line(name);
        assert!(l.contains("[W0250]"), "{l}");
    }
    let l = line("content/news/elsewhere:");
    assert!(
        l.contains("[W0251]") && l.contains("`content/common`"),
        "{l}"
    );
    assert!(site.exists("news/a/index.html"));
}
