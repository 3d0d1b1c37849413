//! `review: required` (审核) on the `review` fixture: `build` leaves
//! unreviewed pages out like drafts and lists them, the desk's 提交审核 and
//! 审核通过 record name and time, and the ledger records the approver.

use serde_json::json;

use super::{Desk, has, source};
use crate::harness::TestSite;

#[test]
fn build_leaves_unreviewed_pages_out_and_lists_them() {
    let site = TestSite::fixture("review");
    let run = site.build(&[]);
    run.assert_ok();
    assert!(site.exists("news/approved/index.html"));
    assert!(
        !site.exists("news/waiting/index.html"),
        "not reviewed, not published"
    );
    assert!(!site.exists("news/draft/index.html"));
    assert!(!site.exists("disclosures/list/index.html"));
    assert!(run.stderr.contains("W1240"), "{}", run.stderr);
    assert!(
        run.stderr.contains("content/news/waiting.md"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("content/disclosures/list.md"),
        "{}",
        run.stderr
    );
    assert!(
        !run.stderr.contains("content/news/draft.md"),
        "drafts are not listed: {}",
        run.stderr
    );
    // Off by default: the same pages without `review` are all published.
    let off = TestSite::fixture("review");
    let config = source(&off, "site.yaml").replace("review: required\n", "");
    off.write("site.yaml", config);
    off.build(&[]).assert_ok();
    assert!(off.exists("news/waiting/index.html"));
}

#[test]
fn a_review_setting_other_than_off_or_required_is_an_error() {
    let site = TestSite::fixture("review");
    let config = source(&site, "site.yaml").replace("review: required", "review: yes please");
    site.write("site.yaml", config);
    let run = site.build(&[]);
    run.assert_code(1);
    assert!(run.stderr.contains("E1244"), "{}", run.stderr);
    assert!(run.stderr.contains("site.yaml:4"), "{}", run.stderr);
}

#[test]
fn submit_and_approve_in_the_desk_then_publish_with_the_approver_recorded() {
    let site = TestSite::fixture("review");
    let desk = Desk::start(&site);
    assert_eq!(desk.get("/_desk/api/site").json()["review"], "required");
    let path = "content/disclosures/list.md";
    let state = |desk: &Desk| -> String {
        let pages = desk.get("/_desk/api/pages").json();
        pages["pages"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["path"] == path)
            .map(|p| p["state"].as_str().unwrap().to_string())
            .unwrap()
    };
    assert_eq!(state(&desk), "draft");
    // Approve before anyone asked: refused. No name: refused.
    let early = desk.post(
        "/_desk/api/review",
        &json!({"path": path, "action": "approve", "name": "王主席"}),
    );
    assert_eq!(early.status, 409, "{}", early.text());
    let nameless = desk.post(
        "/_desk/api/review",
        &json!({"path": path, "action": "submit", "name": " "}),
    );
    assert_eq!(nameless.status, 422);
    let submitted = desk.post(
        "/_desk/api/review",
        &json!({"path": path, "action": "submit", "name": "李干事"}),
    );
    assert_eq!(submitted.status, 200, "{}", submitted.text());
    assert_eq!(submitted.json()["state"], "review");
    assert!(
        source(&site, path).contains("submitted:\n  by: 李干事\n  at: 2026-11-23 09:00\n"),
        "{}",
        source(&site, path)
    );
    assert_eq!(state(&desk), "review");
    let approved = desk.post(
        "/_desk/api/review",
        &json!({"path": path, "action": "approve", "name": "王主席"}),
    );
    assert_eq!(approved.status, 200, "{}", approved.text());
    assert!(source(&site, path).contains("reviewed:\n  by: 王主席\n  at: 2026-11-23 09:00\n"));
    assert_eq!(state(&desk), "open");
    let published = desk.post("/_desk/api/publish", &json!({}));
    assert_eq!(published.status, 200, "{}", published.text());
    assert!(site.exists("disclosures/list/index.html"));
    assert!(!site.exists("news/waiting/index.html"));
    let lock: serde_json::Value = serde_json::from_str(&source(&site, "disclosures.lock")).unwrap();
    assert_eq!(
        lock["entries"][0]["approved"],
        json!({"by": "王主席", "at": "2026-11-23 09:00"}),
        "{lock}"
    );
    assert!(has(&site, "public/disclosures/ledger.json"));
}

#[test]
fn review_is_refused_where_the_site_does_not_ask_for_it() {
    let site = TestSite::fixture("kinds");
    let desk = Desk::start(&site);
    let answer = desk.post(
        "/_desk/api/review",
        &json!({"path": "content/news/ankang.md", "action": "submit", "name": "李干事"}),
    );
    assert_eq!(answer.status, 409);
    assert_eq!(answer.json()["error"]["code"], "E1221");
}
