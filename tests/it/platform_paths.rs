//! What Windows makes hard, checked on this system too (the Windows binary
//! is run on the same cases under Wine by `scripts/wine-tests.sh`): Chinese
//! folder and file names, a path longer than 260 characters, a read-only file
//! in the output, CRLF and a byte-order mark in site.yaml.

use std::fs;

use crate::harness::{NOW, TestSite, bin, copy_tree};

#[test]
fn a_read_only_file_in_public_does_not_stop_the_next_build() {
    let site = TestSite::fixture("basic");
    site.write("static/只读.txt", "只读文件");
    let mut permissions = fs::metadata(site.root.join("static/只读.txt"))
        .unwrap()
        .permissions();
    permissions.set_readonly(true);
    fs::set_permissions(site.root.join("static/只读.txt"), permissions).unwrap();
    site.build(&[]).assert_ok();
    assert!(
        fs::metadata(site.public().join("只读.txt"))
            .unwrap()
            .permissions()
            .readonly()
    );
    site.write(
        "content/news/新的一篇.md",
        "---\ntitle: 新的一篇\ndate: 2026-11-20\n---\n正文\n",
    );
    site.build(&[]).assert_ok();
    assert!(site.exists("只读.txt"));
    // The replaced output is deleted (detached: give it a moment).
    let parent = site.root.clone();
    let leftovers = || {
        fs::read_dir(&parent)
            .unwrap()
            .flatten()
            .filter(|e| e.file_name().to_string_lossy().contains(".nb-"))
            .count()
    };
    for _ in 0..100 {
        if leftovers() == 0 {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    assert_eq!(leftovers(), 0, "the old output is gone");
}

#[test]
fn a_site_under_a_long_chinese_path_builds_and_errors_name_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut deep = dir.path().to_path_buf();
    for i in 0..6 {
        deep.push(format!(
            "很长的文件夹名字用来超过二百六十个字符的路径限制_第{i}层_abcdefghijklmnopqrstuvwxyz"
        ));
    }
    let root = deep.join("工会 站点");
    copy_tree(
        &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/sites/basic"),
        &root,
    );
    assert!(root.to_string_lossy().chars().count() > 260);
    let out = bin()
        .args(["build", "--now", NOW, "--root"])
        .arg(&root)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(root.join("public/index.html").is_file());
    fs::create_dir_all(root.join("content/通知")).unwrap();
    fs::write(
        root.join("content/通知/坏页.md"),
        "---\ntitle: 坏页\ndate: 2026-13-45\n---\n",
    )
    .unwrap();
    let out = bin()
        .args(["build", "--now", NOW, "--root"])
        .arg(&root)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("content/通知/坏页.md:3"), "{stderr}");
}

#[test]
fn crlf_and_a_byte_order_mark_in_site_yaml_keep_its_language() {
    let site = TestSite::fixture("basic");
    site.write(
        "site.yaml",
        "\u{feff}language: en\r\ntitle: Notepad site\r\nbase_url: https://example.org/\r\n",
    );
    site.write("content/news/x.md", "---\ntitle: x\ndate: nope\n---\n");
    let run = site.build(&[]);
    run.assert_code(1);
    // The English summary: the language was read through the BOM.
    assert!(run.stderr.contains("error"), "{}", run.stderr);
    assert!(!run.stderr.contains("个错误"), "{}", run.stderr);
}
