//! A build replaces or cleans only what noticeboard itself made: an output
//! folder that holds its marker (or is empty, or new), and the cache's own
//! file names in a real folder inside the site. A hostile `site.yaml`, a
//! committed link or a mistyped `--output` can make a build fail, never make
//! it delete a person's files.

use std::fs;
use std::path::Path;

use crate::harness::{TestSite, files_under};

/// A folder that is not the site's and holds things a person would miss.
fn precious(dir: &Path) {
    fs::create_dir_all(dir.join(".ssh")).unwrap();
    fs::write(dir.join(".ssh/id_ed25519"), "private key").unwrap();
    fs::write(dir.join("工资表.xlsx"), "names").unwrap();
}

fn assert_untouched(dir: &Path, what: &str) {
    assert_eq!(
        fs::read_to_string(dir.join(".ssh/id_ed25519"))
            .ok()
            .as_deref(),
        Some("private key"),
        "{what}: the key is still there"
    );
    assert!(
        dir.join("工资表.xlsx").exists(),
        "{what}: the list is still there"
    );
}

#[test]
fn regression_output_never_replaces_a_folder_noticeboard_did_not_make() {
    let site = TestSite::fixture("basic");
    let home = site.root.parent().unwrap().join("home");
    precious(&home);
    for output in [home.clone(), home.join(".")] {
        let out = output.to_string_lossy().into_owned();
        let run = site.build(&["--output", &out]);
        run.assert_code(1);
        assert!(run.stderr.contains("[E0806]"), "{}", run.stderr);
        assert!(
            run.stderr.contains(".ssh"),
            "names what it holds: {}",
            run.stderr
        );
        assert_untouched(&home, &out);
    }
    // A folder with a marker that is not noticeboard's own is not one either.
    fs::create_dir_all(home.join(".well-known")).unwrap();
    fs::write(
        home.join(".well-known/noticeboard.json"),
        "{\"generator\": \"hugo\"}",
    )
    .unwrap();
    site.build(&["--output", &home.to_string_lossy()])
        .assert_code(1);
    assert_untouched(&home, "foreign marker");
}

#[test]
fn an_empty_new_or_earlier_output_is_replaced() {
    let site = TestSite::fixture("basic");
    let out = site.root.parent().unwrap().join("dist");
    fs::create_dir_all(&out).unwrap();
    let arg = out.to_string_lossy().into_owned();
    site.build(&["--output", &arg]).assert_ok();
    assert!(out.join("index.html").exists());
    assert!(out.join(".well-known/noticeboard.json").is_file());
    // The second build replaces the first one's output, stale files and all.
    fs::write(out.join("stale.html"), "old").unwrap();
    site.build(&["--output", &arg]).assert_ok();
    assert!(!out.join("stale.html").exists());
    // And a folder that does not exist yet, two levels deep.
    let deep = site.root.parent().unwrap().join("new/site");
    site.build(&["--output", &deep.to_string_lossy()])
        .assert_ok();
    assert!(deep.join("index.html").exists());
}

#[test]
fn regression_output_cannot_be_a_file_of_the_site() {
    let site = TestSite::fixture("kinds");
    site.build(&[]).assert_ok();
    let ledger = fs::read(site.root.join("disclosures.lock")).unwrap();
    for name in [
        "disclosures.lock",
        "site.yaml",
        "holidays.yaml",
        ".noticeboard/x",
    ] {
        let target = site.root.join(name);
        let run = site.build(&["--output", &target.to_string_lossy()]);
        run.assert_code(1);
        assert!(run.stderr.contains("[E0806]"), "{name}: {}", run.stderr);
    }
    assert_eq!(
        fs::read(site.root.join("disclosures.lock")).unwrap(),
        ledger
    );
    assert!(site.root.join("site.yaml").is_file());
    assert!(!site.root.join("holidays.yaml").exists());
    // A file anywhere else is not replaced by a folder either.
    let notes = site.root.parent().unwrap().join("notes.txt");
    fs::write(&notes, "mine").unwrap();
    let run = site.build(&["--output", &notes.to_string_lossy()]);
    run.assert_code(1);
    assert!(run.stderr.contains("[E0806]"), "{}", run.stderr);
    assert_eq!(fs::read_to_string(&notes).unwrap(), "mine");
}

/// A committed `public -> /somewhere` link: the build may write where it points
/// only if that folder is one noticeboard made (a web root it built before).
#[cfg(unix)]
#[test]
fn regression_a_committed_output_link_does_not_empty_its_target() {
    let site = TestSite::fixture("basic");
    let victim = site.root.parent().unwrap().join("victim");
    precious(&victim);
    std::os::unix::fs::symlink(&victim, site.root.join("public")).unwrap();
    let run = site.build(&[]);
    run.assert_code(1);
    assert!(run.stderr.contains("[E0806]"), "{}", run.stderr);
    assert_untouched(&victim, "public -> victim");
    // Pointed at an empty web root, the link is how a site is deployed: the
    // build goes there, and goes there again next time.
    let www = site.root.parent().unwrap().join("www");
    fs::create_dir_all(&www).unwrap();
    fs::remove_file(site.root.join("public")).unwrap();
    std::os::unix::fs::symlink(&www, site.root.join("public")).unwrap();
    site.build(&[]).assert_ok();
    site.build(&[]).assert_ok();
    assert!(www.join("index.html").exists());
    assert!(
        fs::symlink_metadata(site.root.join("public"))
            .unwrap()
            .file_type()
            .is_symlink()
    );
}

/// The cache clean-up deletes entries the build did not use: only files
/// named as the cache names them, only in a real folder of the site.
#[test]
fn regression_cache_dir_cannot_point_into_the_sources() {
    for dir in [
        "static",
        "content",
        "./static/x",
        "Themes",
        ".git",
        "public",
        "/tmp/x",
        "..",
        "C:/x",
        ".",
    ] {
        let site = TestSite::fixture("basic");
        let yaml = fs::read_to_string(site.root.join("site.yaml")).unwrap();
        site.write("site.yaml", format!("{yaml}\ncache_dir: \"{dir}\"\n"));
        let run = site.build(&[]);
        run.assert_code(1);
        assert!(
            run.stderr.contains("cache_dir") && run.stderr.contains("site.yaml"),
            "{dir}: {}",
            run.stderr
        );
    }
}

#[test]
fn cache_clean_up_deletes_only_the_caches_own_names() {
    let site = TestSite::fixture("basic");
    let yaml = fs::read_to_string(site.root.join("site.yaml")).unwrap();
    site.write("site.yaml", format!("{yaml}\ncache_dir: assets-cache\n"));
    site.build(&[]).assert_ok();
    let images = site.root.join("assets-cache/images");
    let before = files_under(&images);
    assert!(!before.is_empty(), "the fixture's photo is cached");
    // A person's files in the same folder, and a stale entry of the cache.
    site.write("assets-cache/images/logo.png", "mine");
    site.write("assets-cache/images/.htaccess", "mine");
    site.write("assets-cache/images/notes/readme.txt", "mine");
    site.write(
        "assets-cache/images/0123456789abcdef0123456789abcdef.320x240.jpg",
        "stale",
    );
    // An edit, so that the build runs (with nothing edited it would leave
    // the output and the cache alone).
    let page = site.root.join("content/_index.md");
    let text = fs::read_to_string(&page).unwrap();
    fs::write(&page, format!("{text}\n补充一句。\n")).unwrap();
    site.build(&[]).assert_ok();
    for kept in ["logo.png", ".htaccess", "notes/readme.txt"] {
        assert!(images.join(kept).exists(), "{kept} stays");
    }
    assert!(
        !images
            .join("0123456789abcdef0123456789abcdef.320x240.jpg")
            .exists()
    );
}

#[cfg(unix)]
#[test]
fn regression_a_linked_cache_is_neither_written_nor_cleaned() {
    let site = TestSite::fixture("basic");
    let elsewhere = site.root.parent().unwrap().join("elsewhere");
    fs::create_dir_all(elsewhere.join("images")).unwrap();
    let theirs = elsewhere.join("images/0123456789abcdef0123456789abcdef.orig.jpg");
    fs::write(&theirs, "theirs").unwrap();
    fs::create_dir_all(site.root.join(".noticeboard")).unwrap();
    std::os::unix::fs::symlink(&elsewhere, site.root.join(".noticeboard/cache")).unwrap();
    let run = site.build(&[]);
    run.assert_code(1);
    assert!(run.stderr.contains("[E0843]"), "{}", run.stderr);
    assert_eq!(fs::read_to_string(&theirs).unwrap(), "theirs");
    assert_eq!(files_under(&elsewhere).len(), 1, "nothing written there");
    // The same with the link one level up.
    fs::remove_file(site.root.join(".noticeboard/cache")).unwrap();
    fs::remove_dir(site.root.join(".noticeboard")).unwrap();
    std::os::unix::fs::symlink(&elsewhere, site.root.join(".noticeboard")).unwrap();
    site.build(&[]).assert_code(1);
    assert_eq!(fs::read_to_string(&theirs).unwrap(), "theirs");
}

#[test]
fn regression_archive_does_not_overwrite_what_is_not_an_archive() {
    let site = TestSite::fixture("basic");
    let dir = site.root.parent().unwrap();
    fs::write(dir.join("年度总结.zip"), "a Word file someone misnamed").unwrap();
    fs::write(dir.join("notes.tar.gz"), "plain text").unwrap();
    fs::create_dir_all(dir.join("folder.zip")).unwrap();
    let root = site.root.to_string_lossy().into_owned();
    for name in ["年度总结.zip", "notes.tar.gz", "folder.zip"] {
        let out = dir.join(name).to_string_lossy().into_owned();
        let run = site.run(&["archive", "--root", &root, "--out", &out]);
        run.assert_code(1);
        assert!(run.stderr.contains("[E0940]"), "{name}: {}", run.stderr);
    }
    assert_eq!(
        fs::read_to_string(dir.join("年度总结.zip")).unwrap(),
        "a Word file someone misnamed"
    );
    // An archive it wrote before is replaced by the next one.
    let out = dir.join("snapshot.zip").to_string_lossy().into_owned();
    site.run(&["archive", "--root", &root, "--out", &out])
        .assert_ok();
    site.run(&["archive", "--root", &root, "--out", &out])
        .assert_ok();
}
