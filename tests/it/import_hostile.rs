//! `import` on files that are no .docx or that attack the reader: each is
//! exit 1 naming the file, never a panic, and nothing is created — not in
//! content/, not outside it.

use crate::harness::{TestSite, files_under};
use crate::import::{corpus, import};

fn refused(file: &str, code: &str) {
    let site = TestSite::fixture("kinds");
    let before = files_under(&site.root);
    let run = import(&site, &[corpus(file)], &["--kind", "disclosure"]);
    run.assert_code(1);
    let name = file.rsplit('/').next().unwrap();
    assert!(
        run.stderr.contains(name),
        "{file}: the error names the file:\n{}",
        run.stderr
    );
    assert!(
        run.stderr.contains(code),
        "{file}: expected {code}:\n{}",
        run.stderr
    );
    assert!(!run.stderr.contains("panicked") && !run.stderr.contains("RUST_BACKTRACE"));
    assert_eq!(
        files_under(&site.root),
        before,
        "{file}: nothing is created"
    );
    let parent = site.root.parent().unwrap();
    assert!(!files_under(parent).iter().any(|p| p.ends_with("evil.txt")));
}

#[test]
fn old_and_other_formats_say_how_to_save_as_docx() {
    for (file, code) in [
        ("bad/old-word.doc", "E1418"),
        ("bad/wps-file.wps", "E1418"),
        ("bad/renamed-doc.docx", "E1418"),
        ("bad/rich-text.rtf", "E1419"),
        ("bad/open-document.odt", "E1420"),
        ("bad/not-word.docx", "E1417"),
        ("bad/spreadsheet.docx", "E1417"),
    ] {
        refused(file, code);
    }
    let site = TestSite::fixture("kinds");
    let run = import(&site, &[corpus("bad/old-word.doc")], &[]);
    assert!(run.stderr.contains("另存为"), "{}", run.stderr);
}

#[test]
fn hostile_packages_are_refused_with_nothing_written() {
    for (file, code) in [
        ("bad/truncated.docx", "E1401"),
        ("bad/zip-bomb.docx", "E1405"),
        ("bad/dotdot.docx", "E1403"),
        ("bad/absolute.docx", "E1403"),
        ("bad/never-ends.docx", "E1409"),
        ("bad/deep-nesting.docx", "E1407"),
    ] {
        refused(file, code);
    }
}

#[test]
fn one_bad_file_does_not_stop_the_good_ones() {
    let site = TestSite::fixture("kinds");
    let run = import(
        &site,
        &[corpus("bad/old-word.doc"), corpus("corpus/wps-like.docx")],
        &[],
    );
    run.assert_code(1);
    assert!(run.stderr.contains("old-word.doc"));
    assert!(run.stdout.contains("content/news/") || run.stderr.contains("content/news/"));
    site.build(&[]).assert_ok();
}
