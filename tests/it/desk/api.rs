//! The desk's API on the `kinds` fixture: lists with states, the schema the
//! validator uses, new pages named from their titles, saves with conflicts,
//! problems placed on their fields, uploads into bundles, the revision note
//! of a recorded disclosure, publish and archive.

use serde_json::json;

use super::{Desk, has, source};
use crate::harness::TestSite;

fn find<'a>(pages: &'a serde_json::Value, path: &str) -> &'a serde_json::Value {
    pages["pages"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["path"] == path)
        .unwrap_or_else(|| panic!("no {path} in {pages}"))
}

#[test]
fn pages_are_listed_with_their_states() {
    let site = TestSite::fixture("kinds");
    site.write(
        "content/news/draft.md",
        "---\ntitle: 还没写完\ndate: 2026-11-20\ndraft: true\n---\n",
    );
    let desk = Desk::start(&site);
    let pages = desk.get("/_desk/api/pages").json();
    let open = find(&pages, "content/disclosures/open.md");
    assert_eq!(open["state"], "open", "{open}");
    assert_eq!(open["state_label"], "公示中");
    assert_eq!(open["kind"], "disclosure");
    assert_eq!(open["url"], "/disclosures/open/");
    assert_eq!(open["year"], 2026);
    assert_eq!(
        find(&pages, "content/disclosures/national-day.md")["state"],
        "closed"
    );
    // 工会〔2020〕3号 is corrected by another notice.
    assert_eq!(
        find(&pages, "content/disclosures/closed.md")["state"],
        "corrected"
    );
    assert_eq!(find(&pages, "content/news/draft.md")["state_label"], "草稿");
    assert_eq!(find(&pages, "content/craftsmen/a.md")["state"], "published");
    let site_info = desk.get("/_desk/api/site").json();
    assert_eq!(site_info["review"], "off");
    assert_eq!(site_info["categories"], json!(["评先评优", "财务公开"]));
    assert!(
        site_info["sections"]
            .as_array()
            .unwrap()
            .iter()
            .any(|s| s["path"] == "content/model-workers" && s["kind"] == "model-worker"),
        "{site_info}"
    );
}

#[test]
fn the_schema_is_the_one_the_build_checks() {
    let site = TestSite::fixture("kinds");
    let desk = Desk::start(&site);
    let schema = desk.get("/_desk/api/schema").json();
    let fields = |kind: &str| schema["kinds"][kind]["fields"].as_array().unwrap().clone();
    let field = |kind: &str, name: &str| {
        fields(kind)
            .into_iter()
            .find(|f| f["name"] == name)
            .unwrap_or_else(|| panic!("no {kind}.{name}"))
    };
    assert_eq!(field("model-worker", "unit")["required"], true);
    assert_eq!(field("model-worker", "unit")["label"], "单位");
    let honors = field("model-worker", "honors");
    assert_eq!(honors["type"], "list");
    let level = honors["fields"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["name"] == "level")
        .unwrap()
        .clone();
    assert_eq!(level["type"], "select");
    assert_eq!(
        level["options"][0],
        json!({"value": "national", "label": "全国"})
    );
    let category = field("disclosure", "category");
    assert_eq!(
        category["options"],
        json!([{"value": "评先评优", "label": "评先评优"}, {"value": "财务公开", "label": "财务公开"}])
    );
    assert_eq!(field("disclosure", "notice")["type"], "object");
    assert_eq!(field("disclosure", "number")["required"], true);
    // Every field the schema calls required, the build requires: a page
    // without it fails there.
    for f in fields("craftsman").iter().filter(|f| f["required"] == true) {
        let name = f["name"].as_str().unwrap();
        if name == "title" || name == "date" {
            continue;
        }
        let probe = TestSite::fixture("kinds");
        let text = super::source(&probe, "content/craftsmen/a.md");
        let without: String = text
            .lines()
            .filter(|l| !l.starts_with(&format!("{name}:")))
            .map(|l| format!("{l}\n"))
            .collect();
        probe.write("content/craftsmen/a.md", without);
        let run = probe.check();
        assert!(
            run.stderr.contains(&format!("`{name}`")),
            "{name}: {}",
            run.stderr
        );
    }
}

#[test]
fn a_new_page_gets_a_pinyin_name_the_next_number_and_its_period() {
    let site = TestSite::fixture("kinds");
    let desk = Desk::start(&site);
    let proposal = desk
        .get(&format!(
            "/_desk/api/propose?kind=disclosure&section=content/disclosures&title={}",
            super::encode("关于评选先进的公示")
        ))
        .json();
    assert_eq!(proposal["slug"], "guan-yu-ping-xuan-xian-jin-de-gong-shi");
    assert_eq!(
        proposal["number"], "工会〔2026〕32号",
        "after 工会〔2026〕31号"
    );
    let period = desk
        .get("/_desk/api/period?start=2026-09-29&days=5&calendar=workdays")
        .json();
    // 国庆: 10-01…10-08 off, 10-10 (Saturday) worked.
    assert_eq!(period["end"], "2026-10-10", "{period}");
    assert_eq!(period["label"], "公示期：9月29日至10月10日");

    let answer = desk.post(
        "/_desk/api/page",
        &json!({
            "kind": "disclosure",
            "section": "content/disclosures",
            "front": {
                "title": "关于评选先进的公示",
                "number": proposal["number"],
                "category": "评先评优",
                "notice": {"from": "2026-11-23", "days": 5, "unit": "working_days"},
            },
            "body": "经研究，拟评选以下同志。\n",
        }),
    );
    assert_eq!(answer.status, 200, "{}", answer.text());
    let saved = answer.json();
    assert_eq!(
        saved["path"],
        "content/disclosures/guan-yu-ping-xuan-xian-jin-de-gong-shi.md"
    );
    assert_eq!(saved["problems"], json!([]), "{saved}");
    assert_eq!(
        saved["url"],
        "/disclosures/guan-yu-ping-xuan-xian-jin-de-gong-shi/"
    );
    let text = super::source(
        &site,
        "content/disclosures/guan-yu-ping-xuan-xian-jin-de-gong-shi.md",
    );
    assert!(
        text.starts_with("---\ntitle: 关于评选先进的公示\ndate: 2026-11-23 09:00\n"),
        "{text}"
    );
    assert!(text.contains("number: 工会〔2026〕32号\n"), "{text}");
    // The same title again: never over the first.
    let again = desk.post(
        "/_desk/api/page",
        &json!({"kind": "news", "section": "content/news", "front": {"title": "新闻 一"}, "body": ""}),
    );
    assert_eq!(again.status, 200, "{}", again.text());
    let again2 = desk.post(
        "/_desk/api/page",
        &json!({"kind": "news", "section": "content/news", "front": {"title": "新闻 一"}, "body": ""}),
    );
    assert_ne!(again.json()["path"], again2.json()["path"]);
    assert!(
        again.json()["path"]
            .as_str()
            .unwrap()
            .starts_with("content/news/2026-11-23-")
    );
}

#[test]
fn a_save_over_a_changed_file_is_a_conflict_with_both_versions() {
    let site = TestSite::fixture("kinds");
    let desk = Desk::start(&site);
    let page = desk.page("content/craftsmen/a.md");
    // Someone else edits the file meanwhile.
    site.write(
        "content/craftsmen/a.md",
        "---\ntitle: 焊工甲\ndate: 2026-01-01\nunit: 一车间\ntrade: 焊工\n---\n别人写的。\n",
    );
    let answer = desk.post(
        "/_desk/api/page",
        &json!({"path": "content/craftsmen/a.md", "front": page["front"], "body": "我写的。\n", "base_version": page["version"]}),
    );
    assert_eq!(answer.status, 409, "{}", answer.text());
    let conflict = answer.json();
    assert_eq!(conflict["conflict"]["disk"]["body"], "别人写的。\n");
    assert_eq!(conflict["error"]["code"], "E1208");
    assert!(super::source(&site, "content/craftsmen/a.md").contains("别人写的。"));
    // Choosing: save again on the version now on disk.
    let answer = desk.post(
        "/_desk/api/page",
        &json!({"path": "content/craftsmen/a.md", "front": page["front"], "body": "我写的。\n",
                "base_version": conflict["conflict"]["disk"]["version"]}),
    );
    assert_eq!(answer.status, 200, "{}", answer.text());
    assert!(super::source(&site, "content/craftsmen/a.md").contains("我写的。"));
}

#[test]
fn build_problems_come_back_on_their_field_and_line() {
    let site = TestSite::fixture("kinds");
    let desk = Desk::start(&site);
    let page = desk.page("content/craftsmen/a.md");
    let mut front = page["front"].clone();
    front.as_object_mut().unwrap().remove("trade");
    let answer = desk.post(
        "/_desk/api/page",
        &json!({"path": "content/craftsmen/a.md", "front": front, "body": "正文。\n", "base_version": page["version"]}),
    );
    assert_eq!(answer.status, 200, "{}", answer.text());
    let problems = answer.json()["problems"].clone();
    let missing = problems
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["code"] == "E0315")
        .unwrap_or_else(|| panic!("{problems}"));
    assert_eq!(missing["field"], "trade");
    assert_eq!(missing["severity"], "error");
    // The list shows it too, on the page.
    let pages = desk.get("/_desk/api/pages").json();
    let listed = pages.to_string();
    assert!(listed.contains("E0315"), "{listed}");
}

#[test]
fn photos_go_into_the_bundle_and_the_address_stays() {
    let site = TestSite::fixture("kinds");
    let desk = Desk::start(&site);
    let before = desk.get("/_desk/api/pages").json();
    let url = find(&before, "content/craftsmen/a.md")["url"].clone();
    let png = super::png();
    let jpeg = super::jpeg();
    let answer = desk.upload(
        "content/craftsmen/a.md",
        &[
            ("现场.jpg", jpeg.as_slice()),
            ("名单.pdf", &b"%PDF-1.4\n%%EOF\n"[..]),
            ("图.png", png.as_slice()),
        ],
    );
    assert_eq!(answer.status, 200, "{}", answer.text());
    let uploaded = answer.json();
    assert_eq!(uploaded["path"], "content/craftsmen/a/index.md");
    assert!(
        super::has(&site, "content/craftsmen/a/index.md")
            && !super::has(&site, "content/craftsmen/a.md")
    );
    let files = uploaded["files"].as_array().unwrap();
    assert_eq!(files.len(), 3);
    assert_eq!(files[0]["name"], "现场.jpg");
    assert_eq!(files[0]["type"], "image/jpeg");
    assert_eq!(files[0]["size"], jpeg.len());
    assert_eq!(files[0]["sha256"], crate::harness::sha256_hex(&jpeg));
    assert_eq!(files[1]["type"], "application/pdf");
    // The same name again is kept beside, not over.
    let again = desk
        .upload(
            "content/craftsmen/a/index.md",
            &[("现场.jpg", jpeg.as_slice())],
        )
        .json();
    assert_eq!(again["files"][0]["name"], "现场-2.jpg");
    // The page's address has not moved.
    std::thread::sleep(std::time::Duration::from_millis(500));
    let after = desk.get("/_desk/api/pages").json();
    assert_eq!(find(&after, "content/craftsmen/a/index.md")["url"], url);
    let page = desk.page("content/craftsmen/a/index.md");
    assert_eq!(page["bundle"], true);
    assert_eq!(page["files"].as_array().unwrap().len(), 4);
    // Thumbnails are served from the bundle, with the type of their bytes.
    let thumb = desk.get(&format!(
        "/_desk/api/file?page=content/craftsmen/a/index.md&name={}",
        super::encode("现场.jpg")
    ));
    assert_eq!(thumb.status, 200);
    assert_eq!(thumb.header("content-type").as_deref(), Some("image/jpeg"));
    assert_eq!(thumb.body, jpeg);
}

#[test]
fn a_recorded_disclosure_changes_only_with_a_revision_note() {
    let site = TestSite::fixture("kinds");
    site.build(&[]).assert_ok();
    assert!(super::has(&site, "disclosures.lock"));
    let desk = Desk::start(&site);
    let path = "content/disclosures/open.md";
    let page = desk.page(path);
    assert_eq!(page["ledger"]["recorded"], true, "{page}");
    // Opening and saving unchanged is no change.
    let same = desk.post(
        "/_desk/api/page",
        &json!({"path": path, "front": page["front"], "body": page["body"], "base_version": page["version"]}),
    );
    assert_eq!(same.status, 200, "{}", same.text());
    assert_eq!(same.json()["version"], page["version"]);
    let edit = json!({"path": path, "front": page["front"], "body": "正文有改动。\n", "base_version": page["version"]});
    let answer = desk.post("/_desk/api/page", &edit);
    assert_eq!(answer.status, 422, "{}", answer.text());
    assert_eq!(answer.json()["error"]["field"], "revision_note");
    assert_eq!(answer.json()["error"]["code"], "E1209");
    assert!(!super::source(&site, path).contains("有改动"));
    let mut with_note = edit.clone();
    with_note["revision_note"] = "更正了一处笔误".into();
    let answer = desk.post("/_desk/api/page", &with_note);
    assert_eq!(answer.status, 200, "{}", answer.text());
    let text = super::source(&site, path);
    assert!(
        text.contains("revisions:\n  - date: 2026-11-23\n    note: 更正了一处笔误\n"),
        "{text}"
    );
    // The build's own ledger check accepts it.
    let run = site.build(&[]);
    run.assert_ok();
}

#[test]
fn publish_builds_public_and_archive_makes_the_snapshot() {
    let site = TestSite::fixture("kinds");
    let desk = Desk::start(&site);
    let answer = desk.post("/_desk/api/publish", &json!({}));
    assert_eq!(answer.status, 200, "{}", answer.text());
    let published = answer.json();
    assert_eq!(published["ok"], true);
    assert!(published["pages"].as_u64().unwrap() > 10);
    assert!(published["next_change"]["at"].is_string(), "{published}");
    assert!(super::has(&site, "public/disclosures/open/index.html"));
    let progress = desk.get("/_desk/api/progress").json();
    assert_eq!(progress["running"], false);
    let answer = desk.post("/_desk/api/archive", &json!({}));
    assert_eq!(answer.status, 200, "{}", answer.text());
    let file = answer.json()["file"].as_str().unwrap().to_string();
    assert!(file.ends_with(".zip") && super::has(&site, &file), "{file}");
}

/// A .docx dropped on the desk goes through `import`: a new page bundle in
/// the writer's section that builds, never over an existing page, and an
/// old .doc is refused with how to save it as .docx.
#[test]
fn a_dropped_word_document_becomes_a_page_through_the_importer() {
    let site = TestSite::fixture("kinds");
    let desk = Desk::start(&site);
    let office = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/office");
    let docx = std::fs::read(office.join("corpus/word-styled.docx")).unwrap();
    let answer = desk.import("section=content%2Fnews&kind=news", &[("通知.docx", &docx)]);
    assert_eq!(answer.status, 200, "{}", answer.text());
    let made = answer.json();
    let path = made["pages"][0]["path"].as_str().unwrap().to_string();
    assert!(
        path.starts_with("content/news/") && path.ends_with("/index.md"),
        "{path}"
    );
    assert!(has(&site, &path), "{path}");
    let written = source(&site, &path);
    assert!(
        written.starts_with("---\n") && written.contains("title:"),
        "{written}"
    );

    // The same document again would be the same page: refused, kept as it was.
    let again = desk.import("section=content%2Fnews&kind=news", &[("通知.docx", &docx)]);
    assert_eq!(again.status, 422, "{}", again.text());
    assert_eq!(source(&site, &path), written);

    let old = std::fs::read(office.join("bad/old-word.doc")).unwrap();
    let refused = desk.import("section=content%2Fnews&kind=news", &[("旧通知.doc", &old)]);
    assert_eq!(refused.status, 422, "{}", refused.text());
    assert_eq!(
        refused.json()["error"]["code"],
        "E1418",
        "{}",
        refused.text()
    );

    let empty = desk.import("section=content%2Fnews&kind=news", &[]);
    assert_eq!(empty.status, 400, "{}", empty.text());
    site.build(&[]).assert_ok();
}
