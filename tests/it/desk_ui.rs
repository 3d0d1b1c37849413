//! The writing desk's browser side, driven in real headless Chromium against
//! a running `serve`: a page of every kind created through the desk and
//! published, paste from Word/WPS/Google Docs/web pages, the revision note of
//! a published disclosure, a conflicting save, autosave across a closed tab,
//! and axe-core plus keyboard checks at desktop and phone widths. Screenshots
//! go to `target/screenshots/`.

use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::harness::{Serving, TestSite, playwright};

/// `noticeboard serve` of a test site on an ephemeral port, with the desk's
/// address (token included) read from its output; killed when dropped.
struct DeskServe {
    desk: String,
    _running: Serving,
}

impl DeskServe {
    fn start(site: &TestSite) -> DeskServe {
        let running = Serving::start(site, &[]);
        let desk = running
            .desk(Duration::from_secs(60))
            .expect("serve printed no desk address");
        DeskServe {
            desk,
            _running: running,
        }
    }
}

fn screenshots() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("target/screenshots")
}

fn str_of<'a>(v: &'a serde_json::Value, key: &str) -> &'a str {
    v[key].as_str().unwrap_or_else(|| panic!("no {key} in {v}"))
}

#[test]
fn desk_paste_keeps_headings_bold_lists_tables_links_and_drops_office_markup() {
    let site = TestSite::fixture("kinds");
    let serve = DeskServe::start(&site);
    let Some(r) = playwright("desk-paste.mjs", &[&serve.desk]) else {
        return;
    };
    let word = str_of(&r["word"], "markdown");
    for kept in [
        "## 关于推荐先进集体的通知",
        "各分会：**请于11月30日前**报送以下材料。",
        "- 推荐表一份\n- 事迹材料\n   - 不超过1500字",
        "1. 分会初审\n2. 工会审核",
        "| **姓名** | **单位** |\n| --- | --- |\n| 张三 | 一车间 |",
        "详见[评选办法](https://www.acftu.org/rules.html)。",
    ] {
        assert!(word.contains(kept), "{kept:?} missing from\n{word}");
    }
    for dropped in [
        "mso-",
        "o:p",
        "font",
        "color",
        "class",
        "<",
        "javascript",
        "StartFragment",
        "·",
        "supportLists",
        "Symbol",
        "@list",
    ] {
        assert!(!word.contains(dropped), "{dropped:?} left in\n{word}");
    }
    // Word's picture is only a file:// path on the writer's disk: reported
    // for upload, never linked.
    assert_eq!(r["word"]["images"].as_array().unwrap().len(), 1);

    let wps = str_of(&r["wps"], "markdown");
    assert!(wps.starts_with("## 职工之家建设情况"), "{wps}");
    assert!(
        wps.contains("**一、基本情况**") && wps.contains("全年开展活动**12次**。"),
        "{wps}"
    );
    assert!(!wps.contains("方正") && !wps.contains("font"), "{wps}");

    let gdocs = str_of(&r["gdocs"], "markdown");
    assert_eq!(
        gdocs, "### 活动安排\n\n时间：**周六上午**\n\n- 签到\n- 比赛",
        "{gdocs}"
    );

    let web = str_of(&r["web"], "markdown");
    assert!(web.contains("#### 参赛须知"), "{web}");
    assert!(web.contains("请携带**工作证**，*准时*到场。"), "{web}");
    assert!(web.contains("2. 第二轮：[实操](/news/rules/)"), "{web}");
    assert!(
        web.contains(r"价格 5\*3 \[说明\] \<b>"),
        "Markdown in text is escaped: {web}"
    );
    for dropped in [
        "stolen",
        "script",
        "onclick",
        "onerror",
        "iframe",
        "ads.example",
        "color",
    ] {
        assert!(!web.contains(dropped), "{dropped:?} left in\n{web}");
    }
    assert_eq!(r["script_ran"], false, "pasted HTML never runs");

    let strings = &r["strings"];
    assert!(strings["count"].as_u64().unwrap() > 100, "{strings}");
    for list in ["only_zh", "only_en", "en_with_cjk", "zh_without_cjk"] {
        assert_eq!(strings[list], serde_json::json!([]), "{list}: {strings}");
    }
}

#[test]
fn desk_creates_a_page_of_every_kind_publishes_it_and_never_loses_a_word() {
    let site = TestSite::fixture("kinds");
    // A notice whose gallery is every picture of its bundle: a photo put
    // there changes what its record holds.
    site.write(
        "content/disclosures/photos/index.md",
        "---\ntitle: 活动照片公示\ndate: 2026-11-02\nnumber: 工会〔2026〕40号\ncategory: 评先评优\n\
         notice: {from: 2026-11-02, days: 5, unit: working_days}\ngallery: true\n---\n照片如下。\n",
    );
    site.write("content/disclosures/photos/a.png", crate::desk::png());
    // A first build records the published disclosures in disclosures.lock.
    site.build(&[]).assert_ok();
    let serve = DeskServe::start(&site);
    let root = site.root.to_string_lossy().into_owned();
    let shots = screenshots().to_string_lossy().into_owned();
    let Some(r) = playwright("desk-flow.mjs", &[&serve.desk, &root, &shots]) else {
        return;
    };
    assert_eq!(r["errors"], serde_json::json!([]), "{r:#}");
    let list_text = r["list_text"].as_str().unwrap_or_default();
    assert!(
        list_text.contains("共") && !list_text.contains("null"),
        "the list shows no stray null: {list_text}"
    );
    let created = r["created"].as_array().unwrap();
    let kinds: Vec<&str> = created.iter().map(|c| str_of(c, "kind")).collect();
    assert_eq!(
        kinds,
        [
            "news",
            "model-worker",
            "craftsman",
            "campaign",
            "disclosure"
        ]
    );
    for c in created {
        let path = str_of(c, "path");
        let slug = str_of(c, "slug");
        assert!(
            slug.chars()
                .all(|ch| ch.is_ascii_lowercase() || ch.is_ascii_digit() || ch == '-'),
            "pinyin slug: {slug}"
        );
        // The file on disk: clean Markdown, the cover is the second photo,
        // both photos in the page's bundle.
        let source =
            std::fs::read_to_string(site.root.join(path)).unwrap_or_else(|e| panic!("{path}: {e}"));
        for dropped in [
            "mso-",
            "<o:p>",
            "font-family",
            "class=",
            "<span",
            "javascript:",
        ] {
            assert!(!source.contains(dropped), "{dropped} in {path}:\n{source}");
        }
        assert!(source.contains("- 推荐表一份"), "{path}:\n{source}");
        assert!(source.contains("| 张三 | 一车间 |"), "{path}:\n{source}");
        assert!(source.contains("cover: photo-b.png"), "{path}:\n{source}");
        assert!(
            source.contains("颁奖现场"),
            "caption saved: {path}:\n{source}"
        );
        let folder = site.root.join(path).parent().unwrap().to_path_buf();
        assert!(folder.join("photo-a.png").is_file(), "{path}: bundle");
        assert!(folder.join("photo-b.png").is_file(), "{path}: bundle");
        // Published: the page is in public/ with what was written.
        let url = str_of(c, "url").trim_matches('/');
        let html = site.read(&format!("{url}/index.html"));
        assert!(html.contains(str_of(c, "title")), "{url}");
        assert!(
            html.contains("推荐表一份") && html.contains("<table"),
            "{url}"
        );
    }
    // Form rows reorder by keyboard, and the order is what is written.
    let worker = &created[1];
    assert_eq!(
        worker["rows_after_move"],
        serde_json::json!(["省劳动模范", "全国劳动模范"])
    );
    assert_eq!(
        worker["focus_in_first_row"], true,
        "focus follows the moved row"
    );
    let source = std::fs::read_to_string(site.root.join(str_of(worker, "path"))).unwrap();
    let (provincial, national) = (
        source.find("- title: 省劳动模范\n").unwrap(),
        source.find("- title: 全国劳动模范\n").unwrap(),
    );
    assert!(provincial < national, "{source}");
    assert!(source.contains("level: provincial"), "{source}");
    let disclosure = &created[4];
    let number = str_of(disclosure, "number");
    assert!(
        number.contains('〔') && number.ends_with('号'),
        "the next free 文号 is filled in: {number}"
    );
    let period = str_of(disclosure, "period");
    assert!(period.contains("11月23日"), "live 公示期: {period}");
    assert_ne!(
        period,
        str_of(disclosure, "period_10"),
        "end moves with days"
    );
    // Gallery order by keyboard (↓ on the first photo; focus stays on it)
    // and by drag and drop, each written to the front matter.
    assert_eq!(str_of(disclosure, "focus_after_move"), "photo-a.png");
    assert_eq!(
        disclosure["order_keyboard"],
        serde_json::json!(["photo-b.png", "photo-a.png"])
    );
    assert_eq!(
        disclosure["order_drag"],
        serde_json::json!(["photo-a.png", "photo-b.png"])
    );
    // The attachment is listed with type, size and the SHA-256 of the file
    // as written, and "加入附件列表" put it in the front matter.
    let folder = site.root.join(str_of(disclosure, "path"));
    let pdf = std::fs::read(folder.parent().unwrap().join("名单.pdf")).unwrap();
    let row = disclosure["attachment_row"].as_array().unwrap();
    assert_eq!(row[0], "名单.pdf");
    assert_eq!(row[1], "PDF");
    assert_eq!(row[2], format!("{} B", pdf.len()));
    assert_eq!(row[3], crate::harness::sha256_hex(&pdf));
    let source = std::fs::read_to_string(&folder).unwrap();
    assert!(source.contains("file: 名单.pdf"), "{source}");
    // Saving reaches the served page in the preview.
    assert!(!r["preview_ms"].as_array().unwrap().is_empty());
    let publish = r["publish"].as_array().unwrap();
    assert!(
        publish
            .iter()
            .any(|t| t.as_str().unwrap_or("").starts_with("已发布")),
        "{publish:?}"
    );

    // The list shows the new pages; search and the state filter work.
    let titles: Vec<&str> = r["list_titles"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|t| t.as_str())
        .collect();
    for c in created {
        assert!(titles.contains(&str_of(c, "title")), "{titles:?}");
    }
    assert_eq!(r["search_hits"], serde_json::json!(["焊接工匠王强"]));
    assert!(
        r["open_hits"]
            .as_array()
            .unwrap()
            .iter()
            .any(|t| t == "正在公示的名单"),
        "{}",
        r["open_hits"]
    );

    // A published disclosure: the desk asks for 更正说明 and records it.
    assert_eq!(r["revision"]["asked"], true);
    assert_eq!(r["revision"]["focused"], true);
    assert_eq!(r["revision"]["hidden_after"], true);
    let open = std::fs::read_to_string(site.root.join("content/disclosures/open.md")).unwrap();
    assert!(
        open.contains("补充受理电话") && open.contains("12345"),
        "{open}"
    );

    // A photo dropped on a recorded notice waits for the note, then goes
    // in with it: the note written once, the photo in the bundle.
    let noted = &r["upload_note"];
    assert!(str_of(noted, "message").contains("E1229"), "{noted}");
    assert_eq!(noted["focused"], true, "{noted}");
    assert!(str_of(noted, "waiting").contains("等待更正说明"), "{noted}");
    assert_eq!(noted["on_disk_before"], false, "{noted}");
    assert_eq!(noted["hidden_after"], true, "{noted}");
    assert_eq!(noted["conflict"], false, "{noted}");
    assert_eq!(noted["photos"], serde_json::json!(["a.png", "photo-c.png"]));
    let photos =
        std::fs::read_to_string(site.root.join("content/disclosures/photos/index.md")).unwrap();
    assert_eq!(
        photos.matches("note: 补充一张活动照片").count(),
        1,
        "{photos}"
    );
    assert!(
        site.root
            .join("content/disclosures/photos/photo-c.png")
            .is_file()
    );

    // Conflict: both versions shown; "take theirs" loads the disk's,
    // "keep mine" writes mine over it.
    let conflict = &r["conflict"];
    assert!(str_of(conflict, "mine").contains("我的修改。"));
    assert!(str_of(conflict, "theirs").contains("磁盘上的修改。"));
    let after = str_of(conflict, "after_theirs");
    assert!(
        after.contains("磁盘上的修改。") && !after.contains("我的修改。"),
        "{after}"
    );
    let disk = str_of(conflict, "disk_after_mine");
    assert!(disk.contains("我坚持的修改。"), "{disk}");

    // Autosave: typed, tab closed before any save, offered back, saved.
    let autosave = &r["autosave"];
    assert_eq!(autosave["on_disk_before"], false, "{autosave}");
    assert_eq!(autosave["restored"], true, "{autosave}");
    assert_eq!(autosave["on_disk_after"], true, "{autosave}");
    assert!(
        str_of(autosave, "offline").contains("保存在本机"),
        "{autosave}"
    );
    assert_eq!(autosave["offline_restored"], true, "{autosave}");

    assert!(
        r["phone_overflow"].as_i64().unwrap() <= 0,
        "no sideways scroll on a phone"
    );

    // A build problem shows next to its field, and a body problem as a line
    // that moves the cursor there; a dropped .docx reaches import (not in
    // this build yet: its message is shown, nothing breaks).
    let problems = &r["problems"];
    assert!(str_of(problems, "unit").contains("E0315"), "{problems}");
    assert_eq!(problems["cleared"], true, "{problems}");
    assert!(
        str_of(problems, "line").starts_with("第 3 行"),
        "{problems}"
    );
    assert_eq!(problems["cursor_line"], 3, "{problems}");
    assert!(
        str_of(problems, "docx").starts_with("无法导入 通知.docx："),
        "{problems}"
    );
    // Pasted pictures were uploaded into the page's bundle and referenced.
    let pictures = &problems["pictures"];
    let photos = pictures["photos"].as_array().unwrap();
    assert_eq!(photos.len(), 2, "{pictures}");
    let page = site.root.join(str_of(problems, "path"));
    let text = std::fs::read_to_string(&page).unwrap();
    for photo in photos {
        let name = photo.as_str().unwrap();
        assert!(page.parent().unwrap().join(name).is_file(), "{name}");
        assert!(text.contains(&format!("]({name})")), "{name} in\n{text}");
    }
    assert!(text.contains("截图如下：![截图]("), "{text}");
}

#[test]
fn desk_screens_have_no_serious_accessibility_violations_and_keep_focus_visible() {
    let site = TestSite::fixture("kinds");
    let serve = DeskServe::start(&site);
    let shots = screenshots().to_string_lossy().into_owned();
    let Some(r) = playwright(
        "desk-axe.mjs",
        &[&serve.desk, &shots, "content/disclosures/open.md"],
    ) else {
        return;
    };
    let pages = r["pages"].as_array().unwrap();
    assert_eq!(pages.len(), 8, "4 screens × 2 widths");
    for page in pages {
        let bad: Vec<&serde_json::Value> = page["violations"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|v| matches!(v["impact"].as_str(), Some("serious" | "critical")))
            .collect();
        assert!(
            bad.is_empty(),
            "{} at {}: {bad:#?}",
            page["name"],
            page["width"]
        );
    }
    for screen in ["form", "editor"] {
        let focus = &r["focus"][screen];
        assert!(focus["stops"].as_u64().unwrap() > 20, "{focus}");
        assert_eq!(
            focus["without_ring"],
            serde_json::json!([]),
            "{screen}: {focus}"
        );
        assert_eq!(
            focus["left_textarea"], true,
            "Tab leaves the writing surface"
        );
    }
    let editor = &r["focus"]["editor"];
    assert_eq!(editor["into_preview"], true, "{editor}");
    assert_eq!(
        editor["back_to_desk"], true,
        "no keyboard trap in the preview: {editor}"
    );
}

#[test]
fn desk_speaks_english_on_an_english_site() {
    let site = TestSite::fixture("english");
    // A problem of no page: the list shows it in a box of its own.
    let config = std::fs::read_to_string(site.root.join("site.yaml")).unwrap();
    site.write("site.yaml", format!("{config}colour: red\n"));
    let serve = DeskServe::start(&site);
    let shots = screenshots().to_string_lossy().into_owned();
    let Some(r) = playwright(
        "desk-lang.mjs",
        &[&serve.desk, "content/disclosures/old-funds.md", &shots],
    ) else {
        return;
    };
    assert_eq!(r["lang"], "en");
    let cjk = |c: char| {
        ('\u{4e00}'..='\u{9fff}').contains(&c)
            || ('\u{3000}'..='\u{303f}').contains(&c)
            || ('\u{ff00}'..='\u{ffef}').contains(&c)
    };
    for (name, text) in r["screens"].as_object().unwrap() {
        let text = text.as_str().unwrap();
        // The one Chinese the English schema keeps is a sample 文号, whose
        // format is Chinese by law (GB/T 9704).
        let text = text.replace("工会〔2026〕12号", "");
        let bad: Vec<&str> = text.lines().filter(|l| l.chars().any(cjk)).collect();
        assert!(bad.is_empty(), "{name}: {bad:?}");
    }
    let list = r["screens"]["list"].as_str().unwrap();
    assert!(
        list.contains("All pages") && list.contains("Publish"),
        "{list}"
    );
    assert!(list.contains("Problems of the whole site"), "{list}");
    assert!(
        list.contains("site.yaml") && list.contains("colour"),
        "{list}"
    );
}

#[test]
fn desk_review_buttons_record_submit_and_approval_and_a_later_save_keeps_them() {
    let site = TestSite::fixture("review");
    let serve = DeskServe::start(&site);
    let path = "content/news/waiting.md";
    let Some(r) = playwright("desk-review.mjs", &[&serve.desk, path]) else {
        return;
    };
    assert_eq!(r["errors"], serde_json::json!([]), "{r:#}");
    assert_eq!(r["offered"], serde_json::json!(["提交审核", "审核通过"]));
    assert!(str_of(&r, "submitted").contains("待审"), "{r}");
    assert!(str_of(&r, "approved").contains("已发布"), "{r}");
    assert_eq!(r["conflict_dialog"], false, "{r}");
    assert!(str_of(&r, "saved_after").starts_with("已保存"), "{r}");
    let source = std::fs::read_to_string(site.root.join(path)).unwrap();
    assert!(source.contains("审核后补一句。"), "{source}");
    assert!(
        source.contains("by: 王主席"),
        "the approval survives the save: {source}"
    );
}
