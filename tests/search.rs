//! Search: the index, and the search page in headless Chromium, served over
//! HTTP and opened from `file://`.

mod common;

use common::{TestSite, browser_dom, chromium, file_url, serve_dir};

fn results(doc: &scraper::Html) -> Vec<String> {
    let sel = scraper::Selector::parse(".search-hit > a").unwrap();
    doc.select(&sel)
        .map(|a| a.text().collect::<String>())
        .collect()
}

fn status(doc: &scraper::Html) -> String {
    let sel = scraper::Selector::parse("#search-status").unwrap();
    doc.select(&sel)
        .next()
        .map(|e| e.text().collect())
        .unwrap_or_default()
}

#[test]
fn index_files_are_written() {
    let site = TestSite::fixture("search");
    site.build(&[]).assert_ok();
    assert!(site.exists("search/index.html"));
    let docs = site.read("search/docs.js");
    assert!(docs.starts_with("NB_SEARCH(\"meta\","));
    for title in [
        "职工代表大会胜利召开",
        "安全生产月启动",
        "关于开展技能比武的通知",
        "食堂菜单",
    ] {
        assert!(docs.contains(title), "{title}");
    }
    assert!(site.exists("search/terms-0.js"));
    assert!(site.exists("search/text-0.js"));
}

#[test]
fn search_page_finds_chinese_inside_words_over_http() {
    let Some(chromium) = chromium() else { return };
    let site = TestSite::fixture("search");
    site.build(&[]).assert_ok();
    let server = serve_dir(&site.public());
    // 安全生产 is in a title (ranked first), then two bodies; newest first on ties.
    let doc = browser_dom(&chromium, &format!("{}search/?q=安全生产", server.url));
    assert_eq!(
        results(&doc),
        vec![
            "安全生产月启动",
            "关于开展技能比武的通知",
            "职工代表大会胜利召开"
        ]
    );
    assert_eq!(status(&doc), "找到 3 条结果");
    // Two characters inside a word: 合同 within 集体合同草案.
    let doc = browser_dom(&chromium, &format!("{}search/?q=合同", server.url));
    assert_eq!(results(&doc), vec!["职工代表大会胜利召开"]);
    let sel = scraper::Selector::parse(".search-snippet mark").unwrap();
    assert_eq!(
        doc.select(&sel)
            .next()
            .map(|m| m.text().collect::<String>())
            .as_deref(),
        Some("合同")
    );
    // Numbers and Latin words.
    let doc = browser_dom(&chromium, &format!("{}search/?q=〔2026〕12号", server.url));
    assert_eq!(results(&doc), vec!["关于开展技能比武的通知"]);
    let doc = browser_dom(&chromium, &format!("{}search/?q=SAFETY", server.url));
    assert_eq!(results(&doc), vec!["关于开展技能比武的通知"]);
    // No match.
    let doc = browser_dom(&chromium, &format!("{}search/?q=不存在的词", server.url));
    assert!(results(&doc).is_empty());
    assert_eq!(status(&doc), "找到 0 条结果");
}

#[test]
fn search_page_works_from_file_urls_with_relative_links() {
    let Some(chromium) = chromium() else { return };
    let site = TestSite::fixture("search");
    site.build(&["--relative"]).assert_ok();
    let page = site.public().join("search/index.html");
    let doc = browser_dom(
        &chromium,
        &format!("{}?q=%E5%AE%89%E5%85%A8", file_url(&page)),
    );
    assert_eq!(results(&doc).len(), 3, "{}", doc.html());
    let sel = scraper::Selector::parse(".search-hit > a").unwrap();
    let href = doc
        .select(&sel)
        .next()
        .unwrap()
        .value()
        .attr("href")
        .unwrap()
        .to_string();
    assert_eq!(href, "../news/b/index.html");
    assert!(site.public().join("search").join(&href).exists());
}

#[test]
fn filters_by_year_and_section_from_the_address() {
    let Some(chromium) = chromium() else { return };
    let site = TestSite::fixture("search");
    site.build(&[]).assert_ok();
    let server = serve_dir(&site.public());
    let doc = browser_dom(
        &chromium,
        &format!("{}search/?q=安全生产&year=2026", server.url),
    );
    assert_eq!(
        results(&doc),
        vec!["关于开展技能比武的通知", "职工代表大会胜利召开"]
    );
    // Sections are numbered in the index: 0 is 新闻, 1 is 通知.
    let doc = browser_dom(
        &chromium,
        &format!("{}search/?q=安全生产&section=1", server.url),
    );
    assert_eq!(results(&doc), vec!["关于开展技能比武的通知"]);
}
