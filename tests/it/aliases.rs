//! `aliases` keep a moved page's old addresses alive; they may never take an
//! address the site itself generates (search, 404, listings, feeds, static
//! files, pictures), in any spelling a disk would fold into the same file.

use crate::harness::TestSite;

fn with_alias(alias: &str) -> TestSite {
    let site = TestSite::fixture("basic");
    site.write(
        "content/news/2026-10-01-autumn.md",
        format!(
            "---\ntitle: 秋季职工运动会\ndate: 2026-10-01\ntags: 劳动竞赛\naliases: [\"{alias}\"]\n---\n\n第一段文字。\n"
        ),
    );
    site
}

#[test]
fn regression_an_alias_cannot_replace_a_generated_page() {
    for alias in [
        "/search/",
        "/search",
        "/search/index.html",
        "/404.html",
        "/tags/",
        "/tags/lao-dong-jing-sai/",
        "/tags/lao-dong-jing-sai/page/2/",
        "/news/page/2/",
        "//news//page/2",
        "/SEARCH/",
        "/Tags/Index.html",
        "/atom.xml",
        "/news/atom.xml",
        "/sitemap.xml",
        "/robots.txt",
        "/extra.css",
        "/assets/site.js",
        "/news/skills-contest/photo.jpg",
        "/.well-known/noticeboard.json",
        "/search/docs.js",
    ] {
        let site = with_alias(alias);
        let run = site.build(&[]);
        assert_eq!(run.code, 1, "{alias}: {}", run.stdout);
        assert!(
            run.stderr.contains("content/news/2026-10-01-autumn.md:5:")
                && (run.stderr.contains("[E0440]") || run.stderr.contains("[E0409]")),
            "{alias}: {}",
            run.stderr
        );
        assert!(!site.exists("index.html"), "{alias}: nothing is written");
        let check = site.check();
        check.assert_code(1);
        assert!(
            check.stderr.contains("[E0440]") || check.stderr.contains("[E0409]"),
            "{alias}: check says so too: {}",
            check.stderr
        );
    }
}

#[test]
fn an_old_address_still_redirects() {
    for alias in ["/2026/autumn-games/", "/old/news.html", "/news/page/9/"] {
        let site = with_alias(alias);
        site.build(&[]).assert_ok();
        site.check().assert_ok();
        let file = match alias.strip_suffix('/') {
            Some(folder) => format!("{}/index.html", &folder[1..]),
            None => alias[1..].to_string(),
        };
        let html = site.read(&file);
        assert!(
            html.contains("url=/union/news/2026-10-01-autumn/"),
            "{alias}: {html}"
        );
    }
}
