//! No URL that reaches a page runs script: a site path that looks like a
//! scheme stays a path through `--relative`, and script URLs in the menu or in
//! shortcode arguments go nowhere.

use scraper::{Html, Selector};

use crate::harness::{TestSite, files_with_extension};

/// Every `href`, `src` and `poster` of every page of the built site.
fn urls_in(site: &TestSite) -> Vec<(String, String)> {
    let any = Selector::parse("[href], [src], [poster]").unwrap();
    let mut found = Vec::new();
    for path in files_with_extension(&site.public(), &["html"]) {
        let doc = Html::parse_document(&std::fs::read_to_string(&path).unwrap());
        for el in doc.select(&any) {
            for attr in ["href", "src", "poster"] {
                if let Some(value) = el.value().attr(attr) {
                    found.push((path.display().to_string(), value.to_string()));
                }
            }
        }
    }
    found
}

fn runs_script(url: &str) -> bool {
    let compact: String = url
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .collect::<String>()
        .to_ascii_lowercase();
    ["javascript:", "vbscript:", "data:"]
        .iter()
        .any(|s| compact.starts_with(s))
}

#[test]
fn regression_script_urls_never_reach_a_page_even_with_relative_links() {
    let site = TestSite::empty();
    site.write(
        "site.yaml",
        "title: 测试\nbase_url: https://example.org/\nmenu:\n  - {name: 坏链接, url: \"javascript://%0aalert(1)\"}\n  - {name: 新闻, url: /news/}\n",
    );
    site.write(
        "content/_index.md",
        "---\ntitle: 首页\n---\n[x](/javascript:alert(1))\n",
    );
    site.write("content/news/_index.md", "---\ntitle: 新闻\n---\n");
    site.write(
        "content/news/a.md",
        "---\ntitle: 视频\ndate: 2026-11-20\n---\n[y](/javascript:alert(2))\n\n{{ video(src=\"https://example.org/v.mp4\", poster=\"javascript:alert(3)\") }}\n",
    );
    for relative in [false, true] {
        let args: &[&str] = if relative { &["--relative"] } else { &[] };
        site.build(args).assert_ok();
        let urls = urls_in(&site);
        assert!(urls.len() > 10, "{urls:?}");
        let bad: Vec<&(String, String)> = urls.iter().filter(|(_, u)| runs_script(u)).collect();
        assert!(bad.is_empty(), "relative={relative}: {bad:?}");
    }
    // The site path is kept as a path, not dropped.
    assert!(
        site.read("index.html")
            .contains("href=\"./javascript:alert(1)\"")
    );
}
