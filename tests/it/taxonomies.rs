//! Tag pages and their pagination, term merging and slug collisions, aliases,
//! related pages.

use crate::harness::TestSite;

fn term_url(site: &TestSite, name: &str) -> String {
    let list = site.html("tags/index.html");
    let names = list.texts(".term-list a");
    let urls = list.attrs(".term-list a", "href");
    let at = names
        .iter()
        .position(|n| n == name)
        .unwrap_or_else(|| panic!("no term {name} in {names:?}"));
    urls[at].clone()
}

fn rel(url: &str) -> String {
    format!("{}index.html", url.trim_start_matches('/'))
}

#[test]
fn term_list_has_counts_and_every_term_page_exists() {
    let site = TestSite::fixture("tags");
    site.build(&[]).assert_ok();
    let list = site.html("tags/index.html");
    let entries = list.texts(".term-list li");
    assert_eq!(entries.len(), 4, "{entries:?}");
    assert!(entries.contains(&"三篇 3".to_string()), "{entries:?}");
    assert!(entries.contains(&"一篇 1".to_string()), "{entries:?}");
    for url in list.attrs(".term-list a", "href") {
        assert!(site.exists(&rel(&url)), "{url}");
    }
}

#[test]
fn term_pages_paginate_at_the_boundaries() {
    let site = TestSite::fixture("tags");
    site.build(&[]).assert_ok();
    // 1 item: one page, no pager.
    let one = term_url(&site, "一篇");
    let page = site.html(&rel(&one));
    assert_eq!(page.count(".card"), 1);
    assert_eq!(page.count(".pager"), 0);
    assert!(!site.exists(&format!("{}page/2/index.html", one.trim_start_matches('/'))));
    // Exactly `paginate` (2) items: still one page.
    let two = term_url(&site, "两篇");
    assert_eq!(site.html(&rel(&two)).count(".card"), 2);
    assert!(!site.exists(&format!("{}page/2/index.html", two.trim_start_matches('/'))));
    // `paginate` + 1: a second page with the oldest item, newest first overall.
    let three = term_url(&site, "三篇");
    let first = site.html(&rel(&three));
    assert_eq!(first.texts(".card-title a"), vec!["丙", "乙"]);
    let second = site.html(&format!(
        "{}page/2/index.html",
        three.trim_start_matches('/')
    ));
    assert_eq!(second.texts(".card-title a"), vec!["甲"]);
}

#[test]
fn empty_listing_still_has_one_page() {
    let site = TestSite::fixture("tags");
    site.write("content/empty/_index.md", "---\ntitle: 空栏目\n---\n");
    site.build(&[]).assert_ok();
    let page = site.html("empty/index.html");
    assert_eq!(page.count(".card"), 0);
    assert_eq!(page.count(".pager"), 0);
}

#[test]
fn full_width_and_case_variants_are_one_term() {
    let site = TestSite::fixture("tags");
    site.build(&[]).assert_ok();
    let list = site.html("tags/index.html");
    let ai: Vec<String> = list
        .texts(".term-list li")
        .into_iter()
        .filter(|t| t.contains("应用"))
        .collect();
    assert_eq!(ai.len(), 1, "{ai:?}");
    assert!(ai[0].ends_with(" 2"), "{ai:?}");
}

#[test]
fn extra_taxonomies_get_their_own_pages() {
    let site = TestSite::fixture("tags");
    site.build(&[]).assert_ok();
    let list = site.html("columns/index.html");
    assert_eq!(list.texts(".term-list a"), vec!["职工之家"]);
}

#[test]
fn colliding_term_slugs_get_distinct_urls_and_a_warning() {
    let site = TestSite::fixture("tags");
    // `a-b` and `A B` differ as terms but both slug to `a-b`.
    site.write(
        "content/news/e.md",
        "---\ntitle: 戊\ndate: 2026-01-04\ntags: [a-b]\n---\n",
    );
    site.write(
        "content/news/f.md",
        "---\ntitle: 己\ndate: 2026-01-05\ntags: [A B]\n---\n",
    );
    let run = site.build(&[]);
    run.assert_ok();
    assert!(run.stderr.contains("warning"), "{}", run.stderr);
    assert!(run.stderr.contains("a-b"), "{}", run.stderr);
    let first = term_url(&site, "A B");
    let second = term_url(&site, "a-b");
    assert_ne!(first, second);
    assert!(site.exists(&rel(&first)));
    assert!(site.exists(&rel(&second)));
}

#[test]
fn aliases_redirect_to_the_page() {
    let site = TestSite::fixture("tags");
    site.build(&[]).assert_ok();
    for alias in ["old/c.html", "2019/bing/index.html"] {
        let page = site.html(alias);
        assert_eq!(
            page.attr("link[rel=canonical]", "href"),
            "https://example.org/news/c/"
        );
        assert_eq!(
            page.attr("meta[http-equiv=refresh]", "content"),
            "0; url=/news/c/"
        );
        assert_eq!(page.attr("body a", "href"), "/news/c/");
    }
}

#[test]
fn an_alias_over_a_live_page_is_an_error() {
    let site = TestSite::fixture("tags");
    site.write(
        "content/news/g.md",
        "---\ntitle: 庚\ndate: 2026-01-06\naliases: [/news/a/]\n---\n",
    );
    let run = site.build(&[]);
    run.assert_code(1);
    assert!(run.stderr.contains("content/news/g.md"), "{}", run.stderr);
    assert!(run.stderr.contains("content/news/a.md"), "{}", run.stderr);
}

#[test]
fn related_pages_share_tags_most_first() {
    let site = TestSite::fixture("tags");
    site.build(&[]).assert_ok();
    // 甲 shares three tags with 乙 and one with 丙.
    let page = site.html("news/a/index.html");
    assert_eq!(page.texts(".related a"), vec!["乙", "丙"]);
    assert_eq!(site.html("news/d/index.html").count(".related"), 0);
}

#[test]
fn titles_are_escaped_everywhere() {
    let site = TestSite::fixture("tags");
    site.build(&[]).assert_ok();
    for rel in ["news/d/index.html", "news/index.html", "index.html"] {
        let raw = site.read(rel);
        assert!(!raw.contains("<script>alert"), "{rel}");
    }
    assert!(!site.read("atom.xml").contains("<script>"));
}

#[test]
fn chinese_terms_get_pinyin_slugs_by_default_and_utf8_with_unicode_slugs() {
    let site = TestSite::fixture("tags");
    site.build(&[]).assert_ok();
    assert_eq!(term_url(&site, "三篇"), "/tags/san-pian/");
    assert_eq!(term_url(&site, "ＡＩ应用"), "/tags/ai-ying-yong/");
    site.write(
        "site.yaml",
        "title: 标签测试\nbase_url: https://example.org/\nslugs: unicode\n",
    );
    site.build(&[]).assert_ok();
    assert_eq!(term_url(&site, "三篇"), "/tags/三篇/");
    assert!(site.exists("tags/三篇/index.html"));
}
