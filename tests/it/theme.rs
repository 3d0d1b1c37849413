//! The default theme on the demo site (this repository's own content): valid
//! HTML (Nu checker), accessibility (axe-core in headless Chromium), relative
//! links that resolve on disk, screenshots at phone and desktop widths without
//! overflow or broken images, the font-size switch and phone menu, the home
//! page's blocks, and the theme's weight.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Component, Path, PathBuf};

use crate::harness::{NOW, bin, files_with_extension, playwright};
use scraper::{Html, Selector};

/// Builds the demo site with relative links into a fresh folder.
pub(crate) fn build_demo(extra: &[&str]) -> tempfile::TempDir {
    let out = tempfile::tempdir().unwrap();
    let output = bin()
        .args([
            "build",
            "--root",
            env!("CARGO_MANIFEST_DIR"),
            "--now",
            NOW,
            "--relative",
        ])
        .arg("--output")
        .arg(out.path().join("site"))
        .args(extra)
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    out
}

/// One page of every template of the demo site, as paths for a file:// base.
pub(crate) const TEMPLATE_PAGES: &[(&str, &str)] = &[
    ("home", "index.html"),
    ("news", "news/index.html"),
    ("model-workers", "model-workers/index.html"),
    ("craftsmen", "craftsmen/index.html"),
    ("campaigns", "campaigns/index.html"),
    ("disclosures", "disclosures/index.html"),
    ("disclosure-year", "disclosures/2026/index.html"),
    (
        "disclosure-category",
        "disclosures/category/cai-wu-gong-kai/index.html",
    ),
    ("tags", "tags/index.html"),
    ("term", "tags/an-quan-sheng-chan/index.html"),
    ("page-news", "news/2026-10-28-skills-contest/index.html"),
    (
        "page-model-worker",
        "model-workers/zhang-jianguo/index.html",
    ),
    ("page-craftsman", "craftsmen/chen-zhiqiang/index.html"),
    ("page-campaign", "campaigns/ankang-cup-2026/index.html"),
    (
        "page-disclosure",
        "disclosures/2026-model-worker-nominees/index.html",
    ),
    (
        "page-correction",
        "disclosures/2026-q1-union-funds-correction/index.html",
    ),
    ("search", "search/index.html?q=%E5%AE%89%E5%85%A8"),
    ("not-found", "404.html"),
];

pub(crate) fn base_url(dir: &Path) -> String {
    format!("{}/", crate::harness::file_url(dir))
}

#[test]
fn demo_pages_pass_the_nu_html_checker() {
    let Some((java, jar)) = crate::harness::vnu() else {
        return;
    };
    let out = build_demo(&[]);
    let site = out.path().join("site");
    let pages = files_with_extension(&site, &["html"]).len();
    let output = std::process::Command::new(java)
        .arg("-jar")
        .arg(jar)
        .args(["--skip-non-html", "--format", "json"])
        .arg(&site)
        .output()
        .unwrap();
    // vnu writes its JSON report to stderr.
    let report: serde_json::Value = serde_json::from_slice(&output.stderr)
        .unwrap_or_else(|_| panic!("{}", String::from_utf8_lossy(&output.stderr)));
    let messages = report["messages"].as_array().cloned().unwrap_or_default();
    let errors: Vec<String> = messages
        .iter()
        .filter(|m| m["type"] == "error" || m["subType"] == "fatal")
        .map(|m| format!("{}:{}: {}", m["url"], m["lastLine"], m["message"]))
        .collect();
    let warnings = messages
        .iter()
        .filter(|m| m["subType"] == "warning")
        .count();
    eprintln!(
        "vnu: {pages} pages, {} errors, {warnings} warnings",
        errors.len()
    );
    assert!(pages > 50, "only {pages} pages checked");
    assert!(errors.is_empty(), "{}", errors.join("\n"));
}

#[test]
fn demo_pages_have_no_serious_accessibility_violations() {
    let out = build_demo(&[]);
    let site = out.path().join("site");
    let base = base_url(&site);
    let mut args = vec![base.as_str()];
    args.extend(TEMPLATE_PAGES.iter().map(|(_, path)| *path));
    let Some(result) = playwright("axe.mjs", &args) else {
        return;
    };
    let pages = result["pages"].as_array().unwrap();
    // Each at 1280 and at 375 px.
    assert_eq!(pages.len(), 2 * TEMPLATE_PAGES.len());
    let mut by_impact = std::collections::BTreeMap::<String, usize>::new();
    let mut serious = Vec::new();
    for page in pages {
        for v in page["violations"].as_array().unwrap() {
            let impact = v["impact"].as_str().unwrap_or("none").to_string();
            *by_impact.entry(impact.clone()).or_default() += 1;
            if impact == "serious" || impact == "critical" {
                serious.push(format!(
                    "{} at {} px: {} {} {}",
                    page["path"], page["width"], impact, v["id"], v["nodes"]
                ));
            }
        }
    }
    eprintln!(
        "axe: {} pages, violations by impact: {by_impact:?}",
        pages.len()
    );
    assert!(serious.is_empty(), "{}", serious.join("\n"));
}

/// Every link, asset, image and feed reference of every page is relative and
/// names a file that exists; same-page anchors name an element that exists.
fn assert_links_resolve(site: &Path) {
    let sel = Selector::parse(
        "a[href], link[href], script[src], img[src], img[srcset], source[srcset], iframe[src], form[action]",
    )
    .unwrap();
    let ids = Selector::parse("[id]").unwrap();
    let mut checked = 0;
    let mut problems = BTreeSet::new();
    for file in files_with_extension(site, &["html"]) {
        let rel = file
            .strip_prefix(site)
            .unwrap()
            .to_string_lossy()
            .into_owned();
        let html = fs::read_to_string(&file).unwrap();
        let doc = Html::parse_document(&html);
        let page_ids: BTreeSet<&str> = doc.select(&ids).filter_map(|e| e.value().id()).collect();
        let mut urls: Vec<String> = Vec::new();
        for el in doc.select(&sel) {
            let v = el.value();
            if v.attr("rel") == Some("canonical") {
                continue; // absolute to base_url by design
            }
            for attr in ["href", "src", "action"] {
                if let Some(url) = v.attr(attr) {
                    urls.push(url.to_string());
                }
            }
            if let Some(set) = v.attr("srcset") {
                urls.extend(
                    set.split(',')
                        .filter_map(|c| c.split_whitespace().next().map(str::to_string)),
                );
            }
        }
        if let Some(i) = html.find("content=\"0; url=") {
            let rest = &html[i + "content=\"0; url=".len()..];
            urls.push(rest[..rest.find('"').unwrap()].to_string());
        }
        for url in urls {
            if ["https://", "http://", "mailto:", "tel:", "data:"]
                .iter()
                .any(|s| url.starts_with(s))
            {
                continue;
            }
            checked += 1;
            if let Some(id) = url.strip_prefix('#') {
                if !id.is_empty() && !page_ids.contains(id) {
                    problems.insert(format!("{rel}: anchor {url} is not on the page"));
                }
                continue;
            }
            if url.starts_with('/') {
                problems.insert(format!("{rel}: {url} is not relative"));
                continue;
            }
            let path = url.split(['#', '?']).next().unwrap();
            let decoded = crate::harness::percent_decode(path);
            let mut target = file.parent().unwrap().to_path_buf();
            let mut escaped = false;
            for part in Path::new(&decoded).components() {
                match part {
                    Component::ParentDir => {
                        escaped |= !target.pop() || !target.starts_with(site);
                    }
                    Component::Normal(p) => target.push(p),
                    _ => {}
                }
            }
            if escaped || !target.starts_with(site) {
                problems.insert(format!("{rel}: {url} leaves the site"));
            } else if !target.is_file() {
                problems.insert(format!("{rel}: {url} does not resolve to a file"));
            }
        }
    }
    // Stylesheets: url(...) references.
    let css = fs::read_to_string(site.join("assets/site.css")).unwrap();
    assert!(
        !css.contains("url(http") && !css.contains("@import"),
        "the theme CSS loads from elsewhere"
    );
    assert!(checked > 500, "only {checked} references checked");
    assert!(
        problems.is_empty(),
        "{}",
        problems.into_iter().collect::<Vec<_>>().join("\n")
    );
}

#[test]
fn relative_links_resolve_on_disk_from_every_page() {
    let out = build_demo(&[]);
    assert_links_resolve(&out.path().join("site"));
}

#[test]
fn relative_links_resolve_on_disk_for_a_sub_path_site() {
    let out = build_demo(&["--base-url", "https://gonghui.example.org/jiangcheng/"]);
    let site = out.path().join("site");
    assert_links_resolve(&site);
    // The canonical link keeps the sub-path, absolute.
    let home = fs::read_to_string(site.join("index.html")).unwrap();
    assert!(
        home.contains(r#"<link rel="canonical" href="https://gonghui.example.org/jiangcheng/">"#)
    );
}

#[test]
fn screenshots_show_no_overflow_or_broken_images() {
    let out = build_demo(&[]);
    let site = out.path().join("site");
    let shots_dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/screenshots");
    let base = base_url(&site);
    let shots = shots_dir.to_string_lossy().into_owned();
    let mut specs: Vec<String> = TEMPLATE_PAGES
        .iter()
        .filter(|(name, _)| !name.starts_with("disclosure-") && *name != "not-found")
        .map(|(name, path)| format!("{name}={path}"))
        .collect();
    specs.push("disclosure-print=disclosures/2026-model-worker-nominees/index.html@print".into());
    let mut args = vec![base.as_str(), shots.as_str()];
    args.extend(specs.iter().map(String::as_str));
    let Some(result) = playwright("screenshots.mjs", &args) else {
        return;
    };
    let shots = result["shots"].as_array().unwrap();
    assert_eq!(shots.len(), specs.len() * 2, "two widths per page");
    let mut problems = Vec::new();
    for shot in shots {
        let name = format!(
            "{} at {} px ({})",
            shot["name"], shot["width"], shot["media"]
        );
        if shot["overflow"] == true {
            problems.push(format!(
                "{name}: scrollWidth {} > innerWidth {}; wide: {}",
                shot["scrollWidth"], shot["innerWidth"], shot["wide"]
            ));
        }
        if !shot["broken"].as_array().unwrap().is_empty() {
            problems.push(format!("{name}: broken images {}", shot["broken"]));
        }
        let file = PathBuf::from(shot["file"].as_str().unwrap());
        assert!(
            fs::metadata(&file).map(|m| m.len() > 1000).unwrap_or(false),
            "{name}: no PNG"
        );
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn regression_profile_pages_fit_a_375_px_phone() {
    let out = build_demo(&[]);
    let site = out.path().join("site");
    let base = base_url(&site);
    let shots = tempfile::tempdir().unwrap();
    let dir = shots.path().to_string_lossy().into_owned();
    let Some(result) = playwright(
        "screenshots.mjs",
        &[
            &base,
            &dir,
            "zhang=model-workers/zhang-jianguo/index.html",
            "li=model-workers/li-xiuying/index.html",
            "chen=craftsmen/chen-zhiqiang/index.html",
        ],
    ) else {
        return;
    };
    for shot in result["shots"].as_array().unwrap() {
        assert_eq!(shot["overflow"], false, "{shot}");
    }
}

#[test]
fn font_switch_is_remembered_and_the_phone_menu_opens() {
    let out = build_demo(&[]);
    let base = base_url(&out.path().join("site"));
    let Some(r) = playwright("interactions.mjs", &[&base]) else {
        return;
    };
    assert_eq!(r["navHiddenAtFirst"], true, "{r}");
    assert_eq!(r["toggleVisible"], true, "{r}");
    assert_eq!(r["navShownAfterClick"], true, "{r}");
    assert_eq!(r["expanded"], "true", "{r}");
    assert_eq!(r["navHiddenAfterEscape"], true, "{r}");
    let medium = r["sizeMedium"].as_f64().unwrap();
    assert!(r["sizeLarge"].as_f64().unwrap() > medium, "{r}");
    assert_eq!(r["sizeLargeElsewhere"], r["sizeLarge"], "remembered: {r}");
    assert_eq!(r["pressedLargeElsewhere"], "true", "{r}");
    assert!(r["sizeSmall"].as_f64().unwrap() < medium, "{r}");
    assert_eq!(r["sizeBack"].as_f64().unwrap(), medium, "{r}");
}

#[test]
fn home_page_shows_open_notices_campaigns_pictures_and_people() {
    let out = build_demo(&[]);
    let html = fs::read_to_string(out.path().join("site/index.html")).unwrap();
    let page = crate::harness::Page {
        doc: Html::parse_document(&html),
    };
    let texts = |s: &str| page.texts(s);
    // On 2026-11-23 one notice is open (19–25 November).
    let notices = texts(".home-notices li");
    assert_eq!(notices.len(), 1, "{notices:?}");
    assert!(
        notices[0].contains("劳动模范") && notices[0].contains("公示中"),
        "{notices:?}"
    );
    // Campaigns under way first, then coming; ended ones are not banners.
    let banners = texts(".campaign-banner h2");
    assert_eq!(
        banners,
        ["2026年度安康杯竞赛", "2027年春节前职工送温暖活动"]
    );
    assert_eq!(texts(".picture-strip li").len(), 1);
    assert!(texts(".picture-strip li")[0].contains("技能大赛"));
    assert_eq!(texts(".people li").len(), 4);
    assert!(!texts(".home-news li").is_empty());
    // The logo slot and the organization's name.
    assert_eq!(texts(".brand-org"), ["江城重型机械集团有限公司工会"]);
    assert!(html.contains(r#"<img class="brand-logo" src="assets/logo.svg""#));
}

#[test]
fn theme_css_and_js_stay_small_and_load_nothing_from_elsewhere() {
    let assets = Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default/static/assets");
    let mut total = 0;
    for name in ["site.css", "site.js", "search.js"] {
        let text = fs::read_to_string(assets.join(name)).unwrap();
        total += text.len();
        for bad in ["http://", "https://", "@import", "@font-face", "//cdn"] {
            assert!(!text.contains(bad), "{name} contains {bad}");
        }
    }
    eprintln!("theme CSS + JS: {total} bytes");
    assert!(total < 50 * 1024, "CSS and JS weigh {total} bytes");
}

/// Han characters and CJK or full-width punctuation (`：`, `，`, `（`, `〔`).
fn is_cjk(c: char) -> bool {
    matches!(c, '\u{3000}'..='\u{303F}' | '\u{3400}'..='\u{9FFF}' | '\u{FF00}'..='\u{FFEF}')
}

#[test]
fn regression_english_pages_print_no_full_width_colon_or_chinese_labels() {
    let site = crate::harness::TestSite::fixture("english");
    site.build(&[]).assert_ok();
    let pages = files_with_extension(&site.public(), &["html"]);
    assert!(pages.len() > 10, "{pages:?}");
    for path in &pages {
        let html = fs::read_to_string(path).unwrap();
        // The document numbers are the fixture's own text, and GB/T 9704
        // wants 〔〕 and 号 in them whatever the site's language.
        let theme_text = ["Union〔2026〕2号", "Union〔2026〕7号", "Union〔2026〕8号"]
            .iter()
            .fold(html, |text, number| text.replace(number, ""));
        if let Some(line) = theme_text.lines().find(|l| l.contains(is_cjk)) {
            panic!("{}: {line}", path.display());
        }
    }
    let page = site.read("disclosures/nominees/index.html");
    for expected in [
        "Published: <time",
        "Notice period: 19 Nov 2026",
        "Attachment 1: <a",
        "List of nominees</a> (PDF, ",
        "the list</a> (PDF, ",
        "Union office Phone: 0716-5550123 Email: ",
        " Address: Building 2, Room 301",
        "words, 1 min read",
        "Tags: </span>",
    ] {
        assert!(page.contains(expected), "{expected:?} missing");
    }
    let person = site.html("model-workers/jane-smith/index.html");
    assert_eq!(person.attr(".profile-photo", "alt"), "Photo: Jane Smith");
}
