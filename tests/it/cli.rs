//! The command line itself: help, exit codes, `init`.

use crate::harness::{TestSite, bin};

#[test]
fn help_explains_and_exits_zero() {
    let out = bin().arg("--help").output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8_lossy(&out.stdout);
    for word in ["init", "build", "check", "Exit codes"] {
        assert!(text.contains(word), "{text}");
    }
    let out = bin().args(["build", "--help"]).output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    for flag in ["--root", "--output", "--base-url", "--drafts", "--now"] {
        assert!(text.contains(flag), "{text}");
    }
}

#[test]
fn bad_usage_exits_two() {
    assert_eq!(
        bin().arg("frobnicate").output().unwrap().status.code(),
        Some(2)
    );
    assert_eq!(
        bin()
            .args(["build", "--no-such-flag"])
            .output()
            .unwrap()
            .status
            .code(),
        Some(2)
    );
    // With no arguments at all it is the double-click start (tests/it/start.rs, tests/it/desk/start.rs).
}

#[test]
fn bad_now_is_an_error_not_a_panic() {
    let site = TestSite::fixture("basic");
    let root = site.root.to_string_lossy().into_owned();
    let run = site.run(&["build", "--root", &root, "--now", "someday"]);
    run.assert_code(1);
    assert!(run.stderr.contains("--now"), "{}", run.stderr);
}

#[test]
fn missing_site_is_a_clear_error() {
    let site = TestSite::empty();
    std::fs::create_dir_all(&site.root).unwrap();
    let run = site.build(&[]);
    run.assert_code(1);
    assert!(run.stderr.contains("site.yaml"), "{}", run.stderr);
    assert!(run.stderr.contains("noticeboard init"), "{}", run.stderr);
}

#[test]
fn init_then_build_works_with_no_other_files() {
    for lang in ["zh-CN", "en"] {
        let site = TestSite::empty();
        let root = site.root.to_string_lossy().into_owned();
        site.run(&["init", &root, "--lang", lang]).assert_ok();
        site.build(&[]).assert_ok();
        let home = site.html("index.html");
        assert_eq!(home.attr("html", "lang"), lang);
        // One section per kind, each with its sample page.
        assert_eq!(home.count(".site-nav li"), 7, "{lang}");
        for section in [
            "news",
            "model-workers",
            "craftsmen",
            "campaigns",
            "disclosures",
        ] {
            let listing = site.html(&format!("{section}/index.html"));
            assert_eq!(listing.count(".card"), 1, "{lang} {section}");
        }
    }
}

#[test]
fn init_refuses_a_non_empty_folder() {
    let site = TestSite::fixture("basic");
    let root = site.root.to_string_lossy().into_owned();
    let before = std::fs::read_to_string(site.root.join("site.yaml")).unwrap();
    site.run(&["init", &root]).assert_code(1);
    assert_eq!(
        std::fs::read_to_string(site.root.join("site.yaml")).unwrap(),
        before
    );
}
