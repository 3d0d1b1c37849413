//! What a Chinese public site shows (#21): the 备案 footer and the 公开 index
//! table from `site.yaml` on a fixture site (`tests/sites/public`), their
//! mistakes reported with line and column, `check`'s warning about a public
//! site without an ICP number; and, on the demo site in headless Chromium,
//! 长辈模式 against the normal look: axe-core, measured contrast, sizes and
//! targets, a keyboard-only walk, and the 【朗读】【打印】【关闭】 buttons.

use std::fs;
use std::path::Path;

use crate::harness::{TestSite, files_with_extension, playwright};
use crate::theme::{TEMPLATE_PAGES, base_url, build_demo};

fn source(site: &TestSite) -> String {
    fs::read_to_string(site.root.join("site.yaml")).unwrap()
}

fn built() -> TestSite {
    let site = TestSite::fixture("public");
    site.build(&[]).assert_ok();
    site
}

/// The index table's rows, `th` → `td`, as the page shows them.
fn index_rows(site: &TestSite, rel: &str) -> Vec<(String, String)> {
    let page = site.html(rel);
    let heads = page.texts(".index-table th");
    let cells = page.texts(".index-table td");
    assert_eq!(heads.len(), cells.len(), "{heads:?} {cells:?}");
    heads.into_iter().zip(cells).collect()
}

fn row<'a>(rows: &'a [(String, String)], head: &str) -> Option<&'a str> {
    rows.iter()
        .find(|(h, _)| h == head)
        .map(|(_, v)| v.as_str())
}

#[test]
fn footer_shows_the_beian_lines_from_site_yaml_on_every_page() {
    let site = built();
    for rel in [
        "index.html",
        "news/meeting/index.html",
        "disclosures/funds/index.html",
    ] {
        let page = site.html(rel);
        assert_eq!(page.text(".beian-icp"), "鄂ICP备00000001号-2", "{rel}");
        assert_eq!(
            page.attr(".beian-icp", "href"),
            "https://beian.miit.gov.cn/"
        );
        assert_eq!(page.text(".beian-police"), "鄂公网安备 42000000000001号");
        assert_eq!(
            page.attr(".beian-police", "href"),
            "http://www.beian.gov.cn/portal/registerSystemInfo?recordcode=42000000000001"
        );
        assert_eq!(page.text(".beian-site-code"), "网站标识码：4200000001");
        // The emblem is the site's own file; nothing on the page loads from elsewhere.
        assert_eq!(
            page.attr(".beian-police img", "src"),
            "/assets/beian-police.svg"
        );
        for src in page.attrs("[src]", "src") {
            assert!(
                src.starts_with('/') && !src.starts_with("//"),
                "{rel}: {src}"
            );
        }
    }
    let emblem = site.read("assets/beian-police.svg");
    assert!(emblem.starts_with("<svg") && emblem.contains("Not the official emblem"));
    let without_namespace = emblem.replace("http://www.w3.org/2000/svg", "");
    assert!(!without_namespace.contains("http"), "{emblem}");
}

#[test]
fn a_site_without_beian_has_no_beian_lines() {
    let site = TestSite::fixture("public");
    let yaml = source(&site);
    let cut = yaml.find("beian:").unwrap();
    site.write("site.yaml", &yaml[..cut]);
    site.build(&[]).assert_ok();
    assert_eq!(site.html("index.html").count(".beian"), 0);
}

#[test]
fn index_table_fills_from_index_format_and_the_notice() {
    let site = built();
    let rows = index_rows(&site, "disclosures/funds/index.html");
    assert_eq!(row(&rows, "索引号"), Some("81420000MA0TEST00X-2026-00007"));
    assert_eq!(row(&rows, "发布机构"), Some("测试集团工会经费审查委员会"));
    assert_eq!(row(&rows, "发文日期"), Some("2026年10月12日"));
    assert_eq!(row(&rows, "文号"), Some("测工〔2026〕7号"));
    assert_eq!(row(&rows, "公示期"), Some("10月12日至10月16日"));
    assert_eq!(row(&rows, "类别"), Some("财务公开"));
    // No issuer: the organization publishes; no notice period: no row for it.
    let rows = index_rows(&site, "disclosures/plain/index.html");
    assert_eq!(row(&rows, "索引号"), Some("81420000MA0TEST00X-2026-00123"));
    assert_eq!(row(&rows, "发布机构"), Some("测试集团工会"));
    assert_eq!(row(&rows, "公示期"), None);
    // The table prints: the print styles hide tools, never the table.
    let css = site.read("assets/site.css");
    let print = &css[css.find("@media print").unwrap()..];
    let hidden = &print[..print.find("display: none !important").unwrap()];
    assert!(!hidden.contains("index-table"), "{hidden}");
}

#[test]
fn without_index_format_the_table_has_no_index_number() {
    let site = TestSite::fixture("public");
    let yaml = source(&site);
    site.write(
        "site.yaml",
        yaml.replace("  index_format: \"{org_code}-{year}-{seq:05}\"\n", ""),
    );
    site.build(&[]).assert_ok();
    let rows = index_rows(&site, "disclosures/funds/index.html");
    assert_eq!(row(&rows, "索引号"), None);
    assert_eq!(row(&rows, "文号"), Some("测工〔2026〕7号"));
}

/// Builds the fixture with `site.yaml` edited by `edit`; returns stderr.
fn build_with(edit: impl Fn(&str) -> String) -> (i32, String) {
    let site = TestSite::fixture("public");
    let yaml = source(&site);
    site.write("site.yaml", edit(&yaml));
    let run = site.build(&[]);
    (run.code, run.stderr)
}

#[test]
fn index_format_mistakes_are_errors_at_their_line_and_column() {
    for (format, code) in [
        ("{org}-{seq}", "E1601"),
        ("{org_code}-{year", "E1602"),
        ("{org_code}-{seq:5}", "E1603"),
        ("{org_code}-{year}", "E1604"),
    ] {
        let (status, stderr) = build_with(|y| y.replace("{org_code}-{year}-{seq:05}", format));
        assert_ne!(status, 0, "{format}");
        assert!(stderr.contains(code), "{format}: {stderr}");
        assert!(stderr.contains("site.yaml:7:3"), "{format}: {stderr}");
    }
    let (status, stderr) = build_with(|y| y.replace("  org_code: \"81420000MA0TEST00X\"\n", ""));
    assert_ne!(status, 0);
    assert!(
        stderr.contains("E1605") && stderr.contains("org_code"),
        "{stderr}"
    );
}

#[test]
fn beian_mistakes_and_unknown_keys_are_named() {
    let (status, stderr) = build_with(|y| y.replace("鄂公网安备 42000000000001号", "公安备案"));
    assert_ne!(status, 0);
    assert!(
        stderr.contains("site.yaml:11:3") && stderr.contains("E1606"),
        "{stderr}"
    );

    let (status, stderr) = build_with(|y| {
        y.replace("  site_code:", "  icp_number: x\n  site_code:")
            .replace("  org_code:", "  org_cod: y\n  org_code:")
    });
    assert_eq!(status, 0, "{stderr}");
    assert!(stderr.contains("W1610"), "{stderr}");
    assert!(
        stderr.contains("`icp_number`") && stderr.contains("`org_cod`"),
        "{stderr}"
    );
    assert!(
        stderr.contains("site.yaml:8:3") && stderr.contains("site.yaml:13:3"),
        "{stderr}"
    );

    // A wrong type stays an error with line and column.
    let (status, stderr) = build_with(|y| y.replace("  icp: 鄂ICP备00000001号-2", "  icp: [1, 2]"));
    assert_ne!(status, 0);
    assert!(stderr.contains("site.yaml:10:"), "{stderr}");
}

#[test]
fn check_warns_when_a_public_site_has_no_icp_number() {
    let check = |base_url: &str, keep_beian: bool| {
        let site = TestSite::fixture("public");
        let mut yaml = source(&site).replace("https://gonghui.example.org/", base_url);
        if !keep_beian {
            yaml.truncate(yaml.find("beian:").unwrap());
        }
        site.write("site.yaml", yaml);
        let run = site.check();
        run.assert_ok();
        run.stderr.contains("W1609")
    };
    assert!(check("https://gonghui.jczj.com.cn/", false));
    assert!(check("http://61.183.1.2/", false));
    assert!(!check("https://gonghui.jczj.com.cn/", true));
    for private in [
        "https://gonghui.example.org/",
        "http://localhost:8080/",
        "http://192.168.1.20/",
        "http://intranet/",
    ] {
        assert!(!check(private, false), "{private}");
    }
}

#[test]
fn article_pages_have_print_and_close_together() {
    let site = built();
    for rel in ["news/meeting/index.html", "disclosures/funds/index.html"] {
        let page = site.html(rel);
        assert_eq!(page.count(".page-tools [data-print]"), 1, "{rel}");
        assert_eq!(page.count(".page-tools [data-close]"), 1, "{rel}");
        assert_eq!(page.text(".page-tools [data-close]"), "关闭本页");
        assert_eq!(page.count(".page-tools [data-read-aloud]"), 1, "{rel}");
    }
}

// --- In the browser, on the demo site ------------------------------------

fn template_paths() -> Vec<&'static str> {
    TEMPLATE_PAGES.iter().map(|(_, path)| *path).collect()
}

#[test]
fn axe_finds_no_violation_in_either_mode_at_either_width() {
    let out = build_demo(&[]);
    let base = base_url(&out.path().join("site"));
    for mode in [None, Some("--care")] {
        let mut args: Vec<&str> = mode.into_iter().collect();
        args.push(&base);
        args.extend(template_paths());
        let Some(result) = playwright("axe.mjs", &args) else {
            return;
        };
        let pages = result["pages"].as_array().unwrap();
        assert_eq!(pages.len(), 2 * TEMPLATE_PAGES.len());
        let want = if mode.is_some() { "on" } else { "normal" };
        let mut found = Vec::new();
        for page in pages {
            assert_eq!(page["mode"], want, "{page}");
            for v in page["violations"].as_array().unwrap() {
                found.push(format!(
                    "{} at {} px ({want}): {} {} {}",
                    page["path"], page["width"], v["impact"], v["id"], v["nodes"]
                ));
            }
        }
        eprintln!(
            "axe ({want}): {} page views, {} violations",
            pages.len(),
            found.len()
        );
        assert!(found.is_empty(), "{}", found.join("\n"));
    }
}

#[test]
fn measured_contrast_sizes_and_targets_hold_in_both_palettes() {
    let out = build_demo(&[]);
    let base = base_url(&out.path().join("site"));
    let mut args = vec![base.as_str()];
    args.extend(template_paths());
    let Some(result) = playwright("care.mjs", &args) else {
        return;
    };
    let pages = result["pages"].as_array().unwrap();
    assert_eq!(
        pages.len(),
        4 * TEMPLATE_PAGES.len(),
        "two widths, two modes"
    );
    let mut problems = Vec::new();
    let (mut normal_min, mut care_min) = (f64::MAX, f64::MAX);
    for page in pages {
        let care = page["mode"] == "on";
        let at = format!(
            "{} at {} px ({})",
            page["path"], page["width"], page["mode"]
        );
        assert_eq!(page["probe"], 2.85, "the contrast measure itself: {at}");
        assert!(page["checked"].as_u64().unwrap() > 10, "{at}: {page}");
        let min = page["minContrast"].as_f64().unwrap();
        if care {
            care_min = care_min.min(min);
            assert_eq!(page["setBeforeBody"], true, "{at}: mode applied late");
        } else {
            normal_min = normal_min.min(min);
        }
        for key in ["lowContrast", "small", "tight", "targets", "moving"] {
            let list = page[key].as_array().unwrap();
            if !list.is_empty() {
                problems.push(format!("{at}: {key}: {list:?}"));
            }
        }
    }
    eprintln!("lowest text contrast: normal {normal_min}:1, 长辈模式 {care_min}:1");
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    assert!(normal_min >= 4.5 && care_min >= 7.0);
}

#[test]
fn keyboard_alone_works_the_header_menu_switches_search_and_gallery() {
    let out = build_demo(&[]);
    let base = base_url(&out.path().join("site"));
    let Some(result) = playwright(
        "keyboard.mjs",
        &[&base, "news/2026-10-28-skills-contest/index.html"],
    ) else {
        return;
    };
    for run in result["runs"].as_array().unwrap() {
        let mode = run["mode"].as_str().unwrap();
        for fact in [
            "skipLinkFirst",
            "reachedFontLarge",
            "reachedCare",
            "reachedMenu",
            "menuOpen",
            "focusInMenu",
            "menuClosedByEscape",
            "focusBackOnToggle",
            "reachedSearch",
            "reachedResult",
            "resultOpened",
            "reachedGallery",
            "focusInLightbox",
            "tabStaysInLightbox",
            "lightboxClosed",
            "focusBackOnPicture",
        ] {
            assert_eq!(run[fact], true, "{mode}: {fact}: {run}");
        }
        assert_eq!(run["fontAfterEnter"], "l", "{run}");
        assert_eq!(run["fontAfterSmall"], "s", "{run}");
        assert_eq!(run["fontAfterMedium"], serde_json::Value::Null, "{run}");
        let (first, second) = if mode == "care" {
            (serde_json::Value::Null, serde_json::json!("on"))
        } else {
            (serde_json::json!("on"), serde_json::Value::Null)
        };
        assert_eq!(run["careAfterEnter"], first, "{run}");
        assert_eq!(run["careAfterSecondEnter"], second, "{run}");
        assert_eq!(run["counterFirst"], "第 1 张，共 5 张");
        assert_eq!(run["counterNext"], "第 2 张，共 5 张");
        assert!(run["steps"].as_u64().unwrap() > 20, "{run}");
        assert_eq!(
            run["unseen"].as_array().unwrap().len(),
            0,
            "{mode}: focus not visible after: {}",
            run["unseen"]
        );
    }
}

#[test]
fn page_tools_close_go_back_and_read_aloud_only_with_a_local_voice() {
    let out = build_demo(&[]);
    let base = base_url(&out.path().join("site"));
    let Some(r) = playwright(
        "page-tools.mjs",
        &[&base, "disclosures/2026-model-worker-nominees/index.html"],
    ) else {
        return;
    };
    assert_eq!(r["printShown"], true, "{r}");
    assert_eq!(r["closeShown"], true, "{r}");
    assert_eq!(r["openedWindowClosed"], true, "{r}");
    assert_eq!(r["linkedPageWentBack"], true, "{r}");
    assert_eq!(r["firstPageHistory"], 1, "{r}");
    assert_eq!(r["firstPageWentHome"], true, "{r}");
    // The real browser: the button shows exactly when it has a local Chinese voice.
    let has_voice = r["realLocalVoices"].as_u64().unwrap() > 0;
    assert_eq!(r["readShownForReal"], has_voice, "{r}");
    assert_eq!(r["readShownWithVoice"], true, "{r}");
    assert_eq!(r["readLabel"], "朗读");
    let spoken = r["spoken"].as_array().unwrap();
    assert!(spoken.len() > 1, "{r}");
    let first = spoken[0]["text"].as_str().unwrap();
    assert!(first.starts_with(r["title"].as_str().unwrap()), "{first}");
    assert!(
        spoken
            .iter()
            .all(|u| u["lang"] == "zh-CN" && u["voice"] == "Local zh")
    );
    assert!(
        !spoken
            .iter()
            .any(|u| u["text"].as_str().unwrap().contains('↩'))
    );
    assert_eq!(r["pressedWhileReading"], "true");
    assert_eq!(r["labelWhileReading"], "停止朗读");
    assert_eq!(r["cancelled"], 1);
    assert_eq!(r["labelAfterStop"], "朗读");
    assert_eq!(r["readShownWithNetworkVoiceOnly"], false, "{r}");
    assert_eq!(r["readShownBeforeVoices"], false, "{r}");
    assert_eq!(r["readShownAfterVoices"], true, "{r}");
    assert_eq!(r["indexTablePrints"], true, "{r}");
    assert_eq!(r["toolsHiddenInPrint"], true, "{r}");
}

#[test]
fn care_mode_pages_fit_a_phone_without_overflow() {
    let out = build_demo(&[]);
    let site = out.path().join("site");
    let base = base_url(&site);
    let shots_dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/screenshots/care");
    let shots = shots_dir.to_string_lossy().into_owned();
    let specs: Vec<String> = TEMPLATE_PAGES
        .iter()
        .map(|(name, path)| format!("{name}={path}@care"))
        .collect();
    let mut args = vec![base.as_str(), shots.as_str()];
    args.extend(specs.iter().map(String::as_str));
    let Some(result) = playwright("screenshots.mjs", &args) else {
        return;
    };
    let mut problems = Vec::new();
    for shot in result["shots"].as_array().unwrap() {
        assert_eq!(shot["care"], true);
        if shot["overflow"] == true {
            problems.push(format!(
                "{} at {} px: {}",
                shot["name"], shot["width"], shot["wide"]
            ));
        }
        if !shot["broken"].as_array().unwrap().is_empty() {
            problems.push(format!(
                "{}: broken images {}",
                shot["name"], shot["broken"]
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    assert!(!files_with_extension(&shots_dir, &["png"]).is_empty());
}
