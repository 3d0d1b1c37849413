//! A published disclosure in `disclosures.lock` changes in the desk only
//! with a revision note, whatever the change: the files it records
//! (attachments, pictures) as much as its text. Each case uploads through the
//! desk's API, checks what is on disk, and lets `build`'s own ledger check
//! judge the result.

use serde_json::json;

use super::{Desk, encode, has, png, source};
use crate::harness::{TestSite, sha256_hex};

/// A recorded notice whose gallery is every picture of its bundle.
const GALLERY: &str = "content/disclosures/photos/index.md";

fn with_gallery_notice(site: &TestSite) {
    site.write(
        GALLERY,
        "---\ntitle: 活动照片公示\ndate: 2026-11-02\nnumber: 工会〔2026〕40号\ncategory: 评先评优\n\
         notice: {from: 2026-11-02, days: 5, unit: working_days}\ngallery: true\n---\n照片如下。\n",
    );
    site.write("content/disclosures/photos/a.png", png());
}

fn refused_for_a_note(answer: &super::Answer, code: &str) {
    assert_eq!(answer.status, 422, "{}", answer.text());
    let error = &answer.json()["error"];
    assert_eq!(error["field"], "revision_note", "{error}");
    assert_eq!(error["code"], code, "{error}");
}

#[test]
fn a_picture_added_to_a_recorded_whole_bundle_gallery_needs_a_revision_note() {
    let site = TestSite::fixture("kinds");
    with_gallery_notice(&site);
    site.build(&[]).assert_ok();
    let desk = Desk::start(&site);
    let before = source(&site, GALLERY);
    let picture = png();

    let refused = desk.upload(GALLERY, &[("b.png", &picture)]);
    refused_for_a_note(&refused, "E1229");
    let message = refused.json()["error"]["message"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(
        message.contains("工会〔2026〕40号") && message.contains("b.png"),
        "{message}"
    );
    assert!(!has(&site, "content/disclosures/photos/b.png"));
    assert_eq!(source(&site, GALLERY), before);
    // A blank note is no note.
    let blank = desk.upload_with(GALLERY, &[("b.png", &picture)], &[("revision_note", "  ")]);
    refused_for_a_note(&blank, "E1229");

    let answer = desk.upload_with(
        GALLERY,
        &[("b.png", &picture)],
        &[("revision_note", "补充一张照片")],
    );
    assert_eq!(answer.status, 200, "{}", answer.text());
    let done = answer.json();
    assert_eq!(done["files"][0]["name"], "b.png");
    assert_eq!(
        done["revision"],
        json!({"date": "2026-11-23", "note": "补充一张照片"})
    );
    let text = source(&site, GALLERY);
    assert!(
        text.contains("revisions:\n  - date: 2026-11-23\n    note: 补充一张照片\n"),
        "{text}"
    );
    // The answer names the page's new version, so the editor's next save
    // does not conflict with the note written for it.
    assert_eq!(done["version"], sha256_hex(text.as_bytes()));
    let page = desk.page(GALLERY);
    assert_eq!(page["version"], done["version"]);

    // One note covers every change until the next build: no second ask.
    let again = desk.upload(GALLERY, &[("c.png", &picture)]);
    assert_eq!(again.status, 200, "{}", again.text());
    assert_eq!(again.json()["revision"], serde_json::Value::Null);
    site.build(&[]).assert_ok();
}

#[test]
fn a_listed_attachment_put_back_with_other_bytes_needs_a_revision_note() {
    let site = TestSite::fixture("kinds");
    site.build(&[]).assert_ok();
    let page = "content/disclosures/nominees/index.md";
    let desk = Desk::start(&site);
    // Removed outside the desk (a file manager), then uploaded again as
    // another file of the same name: what the notice lists is not what
    // was published.
    site.remove("content/disclosures/nominees/名单.pdf");
    let other = b"%PDF-1.4\n% another list\n%%EOF\n";
    let refused = desk.upload(page, &[("名单.pdf", other)]);
    refused_for_a_note(&refused, "E1229");
    assert!(!has(&site, "content/disclosures/nominees/名单.pdf"));
    let answer = desk.upload_with(
        page,
        &[("名单.pdf", other)],
        &[("revision_note", "更换推荐名单")],
    );
    assert_eq!(answer.status, 200, "{}", answer.text());
    assert!(source(&site, page).contains("note: 更换推荐名单"));
    site.build(&[]).assert_ok();
}

#[test]
fn a_file_the_record_does_not_read_goes_in_without_a_note() {
    let site = TestSite::fixture("kinds");
    site.build(&[]).assert_ok();
    let page = "content/disclosures/nominees/index.md";
    let before = source(&site, page);
    let desk = Desk::start(&site);
    // Not listed as an attachment, not a picture the notice shows.
    let answer = desk.upload(page, &[("备用名单.pdf", b"%PDF-1.4\n%%EOF\n")]);
    assert_eq!(answer.status, 200, "{}", answer.text());
    assert_eq!(answer.json()["revision"], serde_json::Value::Null);
    assert_eq!(source(&site, page), before, "the page is not rewritten");
    assert_eq!(answer.json()["version"], sha256_hex(before.as_bytes()));
    site.build(&[]).assert_ok();
}

#[test]
fn a_recorded_one_file_notice_made_a_bundle_keeps_asking_for_its_note() {
    let site = TestSite::fixture("kinds");
    site.build(&[]).assert_ok();
    let desk = Desk::start(&site);
    // The first upload makes open.md a folder; nothing it records moves.
    let answer = desk.upload(
        "content/disclosures/open.md",
        &[("附表.pdf", b"%PDF-1.4\n%%EOF\n")],
    );
    assert_eq!(answer.status, 200, "{}", answer.text());
    let path = "content/disclosures/open/index.md";
    assert_eq!(answer.json()["path"], path);
    // The next file of the same drop follows at once, before serve has
    // rebuilt: the desk still knows the page, and asks nothing.
    let next = desk.upload(path, &[("附表二.pdf", b"%PDF-1.4\n%%EOF\n")]);
    assert_eq!(next.status, 200, "{}", next.text());
    std::thread::sleep(std::time::Duration::from_millis(500));
    // The ledger still names open.md until the next build: the page is
    // the same notice, and its text does not change unnoted.
    let page = desk.page(path);
    assert_eq!(page["ledger"]["recorded"], true, "{page}");
    let edit = json!({"path": path, "front": page["front"], "body": "正文有改动。\n", "base_version": page["version"]});
    let refused = desk.post("/_desk/api/page", &edit);
    refused_for_a_note(&refused, "E1209");
    assert!(!source(&site, path).contains("有改动"));
    let mut noted = edit.clone();
    noted["revision_note"] = "补充说明".into();
    let answer = desk.post("/_desk/api/page", &noted);
    assert_eq!(answer.status, 200, "{}", answer.text());
    site.build(&[]).assert_ok();
}

#[test]
fn a_one_file_notice_whose_pictures_would_move_needs_a_note_to_become_a_bundle() {
    let site = TestSite::fixture("kinds");
    // A picture beside a one-file notice: in a folder of its own the page
    // would look for it there.
    site.write(
        "content/disclosures/poster.md",
        "---\ntitle: 海报公示\ndate: 2026-11-02\nnumber: 工会〔2026〕41号\ncategory: 评先评优\n\
         notice: {from: 2026-11-02, days: 5, unit: working_days}\ncover: 海报.png\n---\n海报。\n",
    );
    site.write("content/disclosures/海报.png", png());
    site.build(&[]).assert_ok();
    let desk = Desk::start(&site);
    let refused = desk.upload(
        "content/disclosures/poster.md",
        &[("附表.pdf", b"%PDF-1.4\n%%EOF\n")],
    );
    refused_for_a_note(&refused, "E1229");
    assert!(has(&site, "content/disclosures/poster.md"), "not moved");
    assert!(!has(&site, "content/disclosures/poster"));
}

#[test]
fn the_note_is_asked_for_in_english_on_an_english_site() {
    let site = TestSite::fixture("english");
    site.build(&[]).assert_ok();
    let desk = Desk::start(&site);
    let page = "content/disclosures/nominees/index.md";
    site.remove("content/disclosures/nominees/nominees.pdf");
    let refused = desk.upload(page, &[("nominees.pdf", b"%PDF-1.4\n% new\n%%EOF\n")]);
    refused_for_a_note(&refused, "E1229");
    let message = refused.json()["error"]["message"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(
        message.starts_with("disclosure Union〔2026〕7号 is published")
            && message.contains("revision note"),
        "{message}"
    );
    let path = format!("/_desk/api/page?path={}", encode(page));
    assert_eq!(desk.get(&path).json()["ledger"]["recorded"], true);
}
