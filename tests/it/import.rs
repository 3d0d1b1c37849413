//! `noticeboard import`: Word documents from the corpus in `tests/office/`
//! (made by `tests/office/make_corpus.py`) imported into a fixture site and
//! BUILT; each test checks the built page — headings, text, lists, tables,
//! pictures, front matter — not only the Markdown.

use std::path::{Path, PathBuf};

use crate::harness::{Page, Run, TestSite};

pub fn corpus(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/office")
        .join(rel)
}

pub fn import(site: &TestSite, files: &[PathBuf], extra: &[&str]) -> Run {
    let root = site.root.to_string_lossy().into_owned();
    let mut args: Vec<String> = vec!["import".into()];
    args.extend(files.iter().map(|f| f.to_string_lossy().into_owned()));
    args.extend([
        "--root".into(),
        root,
        "--now".into(),
        crate::harness::NOW.into(),
    ]);
    args.extend(extra.iter().map(|s| s.to_string()));
    let refs: Vec<&str> = args.iter().map(String::as_str).collect();
    site.run(&refs)
}

/// The built page of the first `content/…/index.md` the import printed.
fn built_page(run: &Run) -> String {
    let line = (run.stdout.lines())
        .find_map(|l| {
            l.split_once("content/")
                .map(|(_, rest)| rest.trim().to_string())
        })
        .unwrap_or_else(|| panic!("no page in the output:\n{}\n{}", run.stdout, run.stderr));
    line.strip_suffix("index.md").unwrap().to_string() + "index.html"
}

/// Imports `file` into the `kinds` fixture, builds, returns the site, the
/// import's run and the built page.
fn import_and_build(file: &str, extra: &[&str]) -> (TestSite, Run, Page, String) {
    let site = TestSite::fixture("kinds");
    let run = import(&site, &[corpus(file)], extra);
    run.assert_ok();
    site.build(&[]).assert_ok();
    let rel = built_page(&run);
    let page = site.html(&rel);
    (site, run, page, rel)
}

fn body(page: &Page) -> String {
    page.texts(".article-body").join(" ")
}

#[test]
fn word_styles_lists_tables_links_notes_and_a_photo_come_through() {
    let (site, run, page, rel) = import_and_build("corpus/word-styled.docx", &[]);
    assert_eq!(page.text("h1"), "2026年职工书屋建设情况通报");
    assert!(
        rel.starts_with("news/2026-11-18-2026-nian-zhi-gong-shu-wu"),
        "{rel}"
    );
    assert_eq!(page.texts(".article-body h2"), ["一年来的主要做法"]);
    assert_eq!(page.texts(".article-body h3"), ["书屋分布"]);
    assert_eq!(page.texts(".article-body h4"), ["藏书情况"]);
    assert_eq!(page.text(".article-body strong"), "高度重视");
    assert_eq!(page.text(".article-body em"), "精心挑选");
    assert!(
        page.texts(".article-body u")
            .contains(&"按时上报".to_string())
    );
    assert!(
        page.inner_html(".article-body")
            .contains("第一行<br>第二行")
    );
    // Nested numbers, then a list restarted at 1 by a startOverride, then bullets.
    let lists = page.count(".article-body > ol");
    assert_eq!(lists, 2, "{}", page.inner_html(".article-body"));
    assert_eq!(page.count(".article-body > ol > li > ol > li"), 2);
    assert_eq!(
        page.texts(".article-body > ol")[1]
            .matches("计划新建")
            .count(),
        2
    );
    assert!(
        page.attrs(".article-body > ol", "start")
            .iter()
            .all(|s| s == "1")
    );
    assert_eq!(page.count(".article-body > ul > li > ul > li"), 1);
    // Merged cells as colspan and rowspan, the first row as column headers.
    assert_eq!(page.text("td[colspan=\"2\"]"), "合计（两个分厂）");
    assert_eq!(page.text("td[rowspan=\"2\"]"), "技术类");
    assert!(page.count("th[scope=\"col\"]") >= 5);
    assert_eq!(
        page.attr(".article-body a[href^=\"https://shuwu\"]", "href"),
        "https://shuwu.example.com/"
    );
    let notes = page.texts(".footnotes li").join(" ");
    assert!(notes.contains("基层工会经费收支管理办法"), "{notes}");
    assert!(notes.contains("目录将在工会网站公布"), "{notes}");
    // The photo: published, and without the camera and GPS data it had.
    let dir = rel.trim_end_matches("index.html");
    let photo = std::fs::read(site.public().join(dir).join("image-1.jpg")).unwrap();
    assert!(photo.starts_with(&[0xFF, 0xD8]));
    assert!(
        !photo.windows(4).any(|w| w == b"Exif"),
        "EXIF left in the photo"
    );
    assert!(!photo.windows(7).any(|w| w == b"TestCam"));
    assert!(
        page.attrs(".article-body img", "src")
            .iter()
            .any(|s| s.contains("image-1"))
    );
    // The author never reaches the page.
    let html = site.read(&rel);
    assert!(!html.contains("张秘书") && !html.contains("李干事"));
    assert!(
        run.stdout.contains("3 个标题") || run.stdout.contains("3 headings"),
        "{}",
        run.stdout
    );
}

#[test]
fn a_gongwen_becomes_a_disclosure_with_its_number_issuer_date_and_attachments() {
    let (site, run, page, rel) = import_and_build(
        "gongwen/gongwen.docx",
        &["--kind", "disclosure", "--category", "评先评优"],
    );
    assert!(rel.starts_with("disclosures/"), "{rel}");
    assert_eq!(
        page.text("h1"),
        "关于2026年度优秀工会积极分子评选结果的公示"
    );
    assert_eq!(page.text(".doc-number"), "江重工〔2026〕31号");
    let facts = page.texts(".index-table td").join(" ");
    assert!(
        facts.contains("江城重型机械集团有限公司工会") && facts.contains("评先评优"),
        "{facts}"
    );
    assert!(page.text("time").contains("2026"), "date shown");
    // Headings from typed numbering in 黑体 / 楷体 / bold; a long line that
    // starts with 二、 stays a paragraph.
    assert_eq!(
        page.texts(".article-body h2"),
        ["一、评选过程", "二、意见反映"]
    );
    assert_eq!(
        page.texts(".article-body h3"),
        ["（一）基层推荐", "（二）资格审查"]
    );
    assert_eq!(page.texts(".article-body h4"), ["1．推荐范围"]);
    assert_eq!(page.texts(".article-body h5"), ["（1）分厂推荐。"]);
    let text = body(&page);
    assert!(
        text.contains("各分厂工会、各部门："),
        "主送机关 stays in the body"
    );
    assert!(
        page.texts(".article-body p")
            .iter()
            .any(|p| p.starts_with("二、公示期间"))
    );
    assert!(
        !text.contains("文件") || !text.contains("江城重型机械集团有限公司工会文件"),
        "the red header is not body text"
    );
    assert!(!text.contains("附件："), "the 附件 list became attachments");
    assert!(
        !text.contains("二〇二六年十一月二十日"),
        "the date went to the front matter"
    );
    // The attachments, and the spreadsheet ones shown inline.
    assert_eq!(page.count(".attachments > ol > li"), 2);
    assert_eq!(
        page.text(".attachments caption"),
        "2026年度优秀工会积极分子名单"
    );
    let cells = page.texts(".attachments td");
    for shown in ["¥1,500.00", "92.5%", "2026年10月12日", "5,200.50", "66.7%"] {
        assert!(
            cells.contains(&shown.to_string()),
            "{shown} not in {cells:?}"
        );
    }
    assert_eq!(page.text(".attachments td[rowspan=\"2\"]"), "机加工分厂");
    assert_eq!(page.text(".attachments td[colspan=\"3\"]"), "合计");
    assert!(page.count(".attachments th[scope=\"col\"]") >= 10);
    let dir = rel.trim_end_matches("index.html");
    assert!(site.exists(&format!("{dir}优秀工会积极分子名单.xlsx")));
    assert!(site.exists(&format!("{dir}评选明细.csv")));
    // The CSV's empty last line is dropped.
    let csv_rows = page.count(".attachments li:nth-child(2) tbody tr");
    assert_eq!(csv_rows, 3);
    for guessed in [
        "一、评选过程",
        "（一）基层推荐",
        "1．推荐范围",
        "（1）分厂推荐。",
    ] {
        assert!(
            run.stdout.contains(guessed),
            "report names {guessed}:\n{}",
            run.stdout
        );
    }
}

#[test]
fn attachments_not_beside_the_docx_stay_text_with_a_warning() {
    let (_site, run, page, _) = import_and_build(
        "gongwen-alone/gongwen-arabic-date.docx",
        &["--kind", "disclosure"],
    );
    assert!(
        run.stderr.contains("W1426") && run.stderr.contains("优秀工会积极分子名单"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("gongwen-arabic-date.docx"),
        "the warning names the file"
    );
    assert!(body(&page).contains("附件：1．优秀工会积极分子名单"));
    assert_eq!(page.count(".attachments"), 0);
    assert_eq!(page.text(".doc-number"), "江重工〔2026〕31号");
}

#[test]
fn a_news_item_keeps_its_signature_and_date_in_the_body() {
    let (_site, _run, page, rel) = import_and_build("gongwen-alone/gongwen-arabic-date.docx", &[]);
    assert!(
        rel.starts_with("news/2026-11-20-"),
        "the 成文日期 dates it: {rel}"
    );
    assert!(body(&page).contains("2026年11月20日"));
}

#[test]
fn wps_styles_text_boxes_tracked_changes_and_comments() {
    let (_site, run, page, _) = import_and_build("corpus/wps-like.docx", &[]);
    // Style id "2" named "heading 1" and 标题 2; a style based on a heading.
    assert_eq!(page.text("h1"), "安康杯竞赛推进会召开");
    assert_eq!(page.texts(".article-body h3"), ["会议议程"]);
    assert_eq!(page.texts(".article-body h2"), ["继承大纲级别的小标题"]);
    let text = body(&page);
    assert_eq!(
        text.matches("文本框：安全生产无小事").count(),
        1,
        "one branch of mc:AlternateContent only: {text}"
    );
    assert!(text.contains("参会人员共一百二十人。"), "{text}");
    assert!(!text.contains("这句要不要删"), "comments are dropped");
    assert!(
        !text.contains("……1"),
        "Word's table of contents is left to the page's own"
    );
    assert!(text.contains("见会议议程"));
    assert_eq!(
        page.count(".article-body a[href^=\"#_Toc\"]"),
        0,
        "a bookmark link leads nowhere on the web"
    );
    assert!(
        run.stderr.contains("W1411") && run.stderr.contains("W1412"),
        "{}",
        run.stderr
    );
}

#[test]
fn pictures_are_kept_converted_or_refused_by_name() {
    let (site, run, page, rel) = import_and_build("corpus/pictures.docx", &[]);
    let dir = rel.trim_end_matches("index.html");
    let srcs = page.attrs(".article-body img", "src");
    assert_eq!(srcs.len(), 5, "{srcs:?}");
    assert_eq!(
        run.stdout.matches("PNG").count(),
        3,
        "GIF, BMP, TIFF converted:\n{}",
        run.stdout
    );
    for src in &srcs {
        let bytes = std::fs::read(site.public().join(dir).join(src)).unwrap();
        let is_web = bytes.starts_with(b"\x89PNG") || bytes.starts_with(b"RIFF");
        assert!(is_web, "{src} is PNG or WebP");
    }
    assert!(
        run.stderr.contains("W1415") && run.stderr.contains("drawing.emf"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("W1414") && run.stderr.contains("tracker.example.invalid"),
        "{}",
        run.stderr
    );
}

#[test]
fn libreoffice_round_trips_keep_headings_tables_and_notes() {
    let (_site, _run, page, _) = import_and_build("corpus/lo-word-styled.docx", &[]);
    assert_eq!(page.text("h1"), "2026年职工书屋建设情况通报");
    assert!(
        page.texts(".article-body h2")
            .contains(&"一年来的主要做法".to_string())
    );
    // LibreOffice joins the two adjacent tables into one grid of four columns.
    assert!(
        page.texts("td[colspan]")
            .contains(&"合计（两个分厂）".to_string())
    );
    assert!(
        page.texts("td[rowspan=\"2\"]")
            .contains(&"技术类".to_string())
    );
    assert!(
        page.texts(".footnotes li")
            .join(" ")
            .contains("基层工会经费收支管理办法")
    );
    assert!(page.count(".article-body img") >= 1);

    let (_site, _run, page, _) =
        import_and_build("corpus/lo-gongwen.docx", &["--kind", "disclosure"]);
    assert_eq!(
        page.text("h1"),
        "关于2026年度优秀工会积极分子评选结果的公示"
    );
    assert_eq!(page.text(".doc-number"), "江重工〔2026〕31号");
    assert_eq!(
        page.texts(".article-body h2"),
        ["一、评选过程", "二、意见反映"]
    );
}

#[test]
fn a_folder_imports_every_docx_in_it_and_nothing_is_overwritten() {
    let site = TestSite::fixture("kinds");
    let run = import(&site, &[corpus("gongwen")], &["--kind", "disclosure"]);
    run.assert_ok();
    assert_eq!(
        run.stdout.matches("content/disclosures/").count(),
        1,
        "{}",
        run.stdout
    );
    let rel = (run.stdout.lines())
        .find_map(|l| l.find("content/").map(|i| l[i..].trim().to_string()))
        .unwrap();
    let page = site.root.join(rel);
    let before = std::fs::read(&page).unwrap();
    let again = import(
        &site,
        &[corpus("gongwen/gongwen.docx")],
        &["--kind", "disclosure"],
    );
    again.assert_code(1);
    assert!(again.stderr.contains("E1422"), "{}", again.stderr);
    assert_eq!(std::fs::read(&page).unwrap(), before);
    site.build(&[]).assert_ok();
}

#[test]
fn import_help_says_how_to_save_as_docx() {
    let site = TestSite::empty();
    let run = site.run(&["import", "--help"]);
    run.assert_ok();
    assert!(
        run.stdout.contains("另存为")
            && run.stdout.contains("--kind")
            && run.stdout.contains("--category")
    );
}
