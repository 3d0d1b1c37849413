//! Search: the index, and the search page in headless Chromium, served over
//! HTTP and opened from `file://`.

use crate::harness::{TestSite, browser_dom, chromium, file_url, playwright, serve_dir};

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

/// Forty results: the first screen's snippets come with the list (one text
/// shard), the others as the reader scrolls to them.
#[test]
fn snippets_load_as_results_scroll_into_view() {
    let site = TestSite::empty();
    site.write(
        "site.yaml",
        "title: 搜索测试\nbase_url: https://example.org/\n",
    );
    site.write("content/news/_index.md", "---\ntitle: 新闻\n---\n");
    for n in 0..40 {
        site.write(
            &format!("content/news/p{n:02}.md"),
            format!(
                "---\ntitle: 第{n}期简报\ndate: 2026-{:02}-{:02}\n---\n\n本期介绍了劳模工作室的第{n}项创新成果。\n",
                1 + n / 28,
                1 + n % 28
            ),
        );
    }
    site.build(&[]).assert_ok();
    let server = serve_dir(&site.public());
    let url = format!("{}search/?q=劳模", server.url);
    let Some(r) = playwright("search-lazy.mjs", &[&url]) else {
        return;
    };
    assert_eq!(r["errors"], serde_json::json!([]), "{r}");
    assert_eq!(r["hits"], 40, "{r}");
    // Newest first: the first screen is pages 0-15 of the index at most, one
    // shard of 16; the results below it wait.
    let first = r["filled_first"].as_u64().unwrap();
    assert!((8..=16).contains(&first), "{r}");
    assert_eq!(r["shards_first"], 1, "{r}");
    assert_eq!(r["filled_after"], 40, "{r}");
    assert_eq!(r["shards_after"], 3, "{r}");
    assert_eq!(r["empty_filled"], 0, "{r}");
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

fn strings(v: &serde_json::Value) -> Vec<String> {
    v.as_array()
        .unwrap_or_else(|| panic!("not a list: {v}"))
        .iter()
        .map(|s| s.as_str().unwrap_or_default().to_string())
        .collect()
}

#[test]
fn typing_chinese_updates_results_filters_and_address_over_http_and_file() {
    let served = TestSite::fixture("search");
    served.build(&[]).assert_ok();
    let server = serve_dir(&served.public());
    let relative = TestSite::fixture("search");
    relative.build(&["--relative"]).assert_ok();
    let http = format!("{}search/", server.url);
    let file = file_url(&relative.public().join("search/index.html"));
    let Some(result) = playwright("search-typing.mjs", &[&http, &file]) else {
        return;
    };
    let all = [
        "安全生产月启动",
        "关于开展技能比武的通知",
        "职工代表大会胜利召开",
    ];
    for (url, opened) in [(&http, "/notices/c/"), (&file, "notices/c/index.html")] {
        let r = &result[url.as_str()];
        assert!(r.is_object(), "no result for {url}: {result}");
        assert_eq!(strings(&r["errors"]), Vec::<String>::new(), "{url}");
        // Key by key: one character searches titles, two search the text too,
        // and the address follows the box.
        let steps = r["steps"].as_array().unwrap();
        let titles: Vec<Vec<String>> = steps.iter().map(|s| strings(&s["titles"])).collect();
        assert_eq!(titles[0], vec!["安全生产月启动"], "{url}: 安");
        for (n, t) in titles.iter().enumerate().skip(1) {
            assert_eq!(t, &all, "{url}: step {n}");
        }
        let typed: Vec<&str> = steps
            .iter()
            .map(|s| s["q"].as_str().unwrap_or(""))
            .collect();
        assert_eq!(typed, vec!["安", "安全", "安全生", "安全生产"], "{url}");
        assert_eq!(steps[3]["status"], "找到 3 条结果", "{url}");
        assert_eq!(strings(&steps[3]["title_marks"]), vec!["安全生产"], "{url}");
        assert!(
            strings(&steps[3]["snippet_marks"])
                .iter()
                .all(|m| m.contains("安全")),
            "{url}: {}",
            steps[3]
        );
        // Emptied, the list and the address empty too.
        assert_eq!(strings(&r["cleared"]["titles"]), Vec::<String>::new());
        assert!(r["cleared"]["q"].is_null(), "{url}: {}", r["cleared"]);
        // Fast typing ends on the whole word, found inside 集体合同草案.
        assert_eq!(strings(&r["fast"]["titles"]), vec!["职工代表大会胜利召开"]);
        assert_eq!(strings(&r["fast"]["snippet_marks"]), vec!["合同"]);
        // Several characters in one input event, as an input method commits them.
        assert_eq!(strings(&r["ime"]["titles"]), all, "{url}");
        assert_eq!(r["ime"]["q"], "安全生产");
        // Filters narrow the list and are kept in the address.
        assert_eq!(
            strings(&r["year"]["titles"]),
            vec!["关于开展技能比武的通知", "职工代表大会胜利召开"]
        );
        assert_eq!(r["year"]["year"], "2026");
        assert_eq!(
            strings(&r["year_section"]["titles"]),
            vec!["关于开展技能比武的通知"]
        );
        assert_eq!(r["year_section"]["section"], "1");
        assert_eq!(strings(&r["unfiltered"]["titles"]), all);
        assert!(r["unfiltered"]["year"].is_null());
        // Arrow keys walk the results and back to the box; Enter opens the
        // focused one.
        assert_eq!(
            strings(&r["keys"]),
            vec![all[0], all[1], all[0], "#search-q", all[0], all[1]],
            "{url}"
        );
        assert_eq!(r["opened"]["h1"], all[1]);
        let path = r["opened"]["path"].as_str().unwrap();
        assert!(path.ends_with(opened), "{url}: opened {path}");
        // A linked search opens with its results.
        assert_eq!(
            strings(&r["linked"]["titles"]),
            vec!["职工代表大会胜利召开"]
        );
        assert_eq!(r["linked"]["box"], "合同");
        assert!(r["first_result_ms"].as_f64().unwrap_or(0.0) > 0.0);
    }
}
