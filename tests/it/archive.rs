//! `archive` and `verify`: snapshots are unpacked here and compared file by
//! file with a normal build, their manifests recomputed, their links resolved,
//! their bytes compared between runs, and tampered copies must be caught.

use std::collections::BTreeMap;
use std::fs;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use crate::harness::{NOW, TestSite, bin, browser_dom, chromium, file_url, sha256_hex};

const FOLDER: &str = "sou-suo-ce-shi-20261123";

fn archive(site: &TestSite, out: &Path) -> crate::harness::Run {
    let root = site.root.to_string_lossy().into_owned();
    let out = out.to_string_lossy().into_owned();
    site.run(&["archive", "--root", &root, "--out", &out, "--now", NOW])
}

fn read_zip(path: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut zip = zip::ZipArchive::new(fs::File::open(path).unwrap()).unwrap();
    let mut out = BTreeMap::new();
    for i in 0..zip.len() {
        let mut entry = zip.by_index(i).unwrap();
        let name = entry.name().unwrap().into_owned();
        let mut bytes = Vec::new();
        entry.read_to_end(&mut bytes).unwrap();
        out.insert(name, bytes);
    }
    out
}

fn read_tar_gz(path: &Path) -> BTreeMap<String, Vec<u8>> {
    let gz = flate2::read::GzDecoder::new(fs::File::open(path).unwrap());
    let mut tar = tar::Archive::new(gz);
    let mut out = BTreeMap::new();
    for entry in tar.entries().unwrap() {
        let mut entry = entry.unwrap();
        let name = entry.path().unwrap().to_string_lossy().into_owned();
        let mut bytes = Vec::new();
        entry.read_to_end(&mut bytes).unwrap();
        let name = if entry.header().entry_type().is_dir() && !name.ends_with('/') {
            format!("{name}/")
        } else {
            name
        };
        out.insert(name, bytes);
    }
    out
}

/// Writes the files of an archive (not its folders) under `dir`.
fn unpack(entries: &BTreeMap<String, Vec<u8>>, dir: &Path) {
    for (name, bytes) in entries {
        if name.ends_with('/') {
            continue;
        }
        let path = dir.join(name);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, bytes).unwrap();
    }
}

fn files_only(entries: &BTreeMap<String, Vec<u8>>) -> BTreeMap<String, Vec<u8>> {
    entries
        .iter()
        .filter(|(n, _)| !n.ends_with('/'))
        .map(|(n, b)| (n.clone(), b.clone()))
        .collect()
}

#[test]
fn zip_holds_one_folder_with_a_manifest_of_every_file() {
    let site = TestSite::fixture("search");
    let out = site.root.join("../snap.zip");
    archive(&site, &out).assert_ok();
    let entries = read_zip(&out);
    let files = files_only(&entries);

    // One top-level folder, named after the site and the build clock's day.
    for name in entries.keys() {
        assert!(
            name.starts_with(&format!("{FOLDER}/")),
            "{name} is outside {FOLDER}/"
        );
    }
    let manifest_name = format!("{FOLDER}/MANIFEST.sha256");
    let manifest = String::from_utf8(files[&manifest_name].clone()).unwrap();

    // The manifest lists every other file with its real hash, in sha256sum format.
    let mut expected = String::new();
    for (name, bytes) in &files {
        if *name != manifest_name {
            let rel = name.strip_prefix(&format!("{FOLDER}/")).unwrap();
            expected.push_str(&format!("{}  {rel}\n", sha256_hex(bytes)));
        }
    }
    assert_eq!(manifest, expected);
    assert!(manifest.contains("  search/index.html\n"));
    assert!(manifest.contains("  assets/site.css\n"));

    // The same files as `build --relative`, byte for byte.
    site.build(&["--relative"]).assert_ok();
    let built: Vec<(String, Vec<u8>)> = site.snapshot();
    let archived: Vec<(String, Vec<u8>)> = files
        .iter()
        .filter(|(n, _)| **n != manifest_name)
        .map(|(n, b)| {
            (
                n.strip_prefix(&format!("{FOLDER}/")).unwrap().to_string(),
                b.clone(),
            )
        })
        .collect();
    let built_names: Vec<&String> = built.iter().map(|(n, _)| n).collect();
    let archived_names: Vec<&String> = archived.iter().map(|(n, _)| n).collect();
    assert_eq!(archived_names, built_names);
    assert!(archived == built, "archived files differ from the build");

    // Every internal link in every page is relative and resolves inside the folder.
    let dir = tempfile::tempdir().unwrap();
    unpack(&entries, dir.path());
    let top = dir.path().join(FOLDER);
    let sel = scraper::Selector::parse("a[href], link[href], script[src], img[src]").unwrap();
    for (name, bytes) in &archived {
        if !name.ends_with(".html") {
            continue;
        }
        let doc = scraper::Html::parse_document(&String::from_utf8_lossy(bytes));
        for el in doc.select(&sel) {
            let url = el.value().attr("href").or(el.value().attr("src")).unwrap();
            if url.starts_with("https://") || url.starts_with('#') || url.starts_with("mailto:") {
                continue;
            }
            assert!(!url.starts_with('/'), "{name}: absolute link {url}");
            let path = url.split(['#', '?']).next().unwrap();
            let target = top.join(name).parent().unwrap().join(path);
            assert!(target.is_file(), "{name}: {url} does not resolve");
        }
    }
}

#[test]
fn verify_accepts_a_fresh_snapshot_in_every_form() {
    let site = TestSite::fixture("search");
    let zip = site.root.join("../snap.zip");
    let tgz = site.root.join("../snap.tar.gz");
    archive(&site, &zip).assert_ok();
    archive(&site, &tgz).assert_ok();
    for target in [&zip, &tgz] {
        let run = site.run(&["verify", &target.to_string_lossy()]);
        run.assert_ok();
        assert!(run.stdout.starts_with("通过：全部 "), "{}", run.stdout);
    }
    // Unpacked: the folder holding the top folder, and the top folder itself.
    let dir = tempfile::tempdir().unwrap();
    unpack(&read_tar_gz(&tgz), dir.path());
    site.run(&["verify", &dir.path().to_string_lossy()])
        .assert_ok();
    site.run(&["verify", &dir.path().join(FOLDER).to_string_lossy()])
        .assert_ok();
    // tar.gz and zip hold the same files.
    assert_eq!(files_only(&read_zip(&zip)), files_only(&read_tar_gz(&tgz)));
}

#[test]
fn verify_names_missing_added_and_altered_files() {
    let site = TestSite::fixture("search");
    let good = site.root.join("../snap.zip");
    archive(&site, &good).assert_ok();
    let mut entries = files_only(&read_zip(&good));
    entries.remove(&format!("{FOLDER}/robots.txt")).unwrap();
    entries.insert(format!("{FOLDER}/extra.html"), b"<p>x</p>".to_vec());
    entries
        .get_mut(&format!("{FOLDER}/index.html"))
        .unwrap()
        .extend_from_slice(b"<!-- changed -->");
    entries.insert("stray.txt".to_string(), b"outside".to_vec());

    let bad = site.root.join("../bad.zip");
    let mut writer = zip::ZipWriter::new(fs::File::create(&bad).unwrap());
    for (name, bytes) in &entries {
        writer
            .start_file(name.as_str(), zip::write::SimpleFileOptions::default())
            .unwrap();
        writer.write_all(bytes).unwrap();
    }
    writer.finish().unwrap();

    let run = site.run(&["verify", &bad.to_string_lossy()]);
    run.assert_code(1);
    assert!(
        run.stderr.contains("缺少文件：robots.txt"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("多出文件：extra.html"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("多出文件：stray.txt"), "{}", run.stderr);
    assert!(
        run.stderr.contains("文件被改动：index.html"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("bad.zip"),
        "names the archive: {}",
        run.stderr
    );
    assert!(
        run.stderr.contains("缺少 1 个，多出 2 个，改动 1 个"),
        "{}",
        run.stderr
    );

    // The same in an unpacked folder.
    let dir = tempfile::tempdir().unwrap();
    unpack(&read_zip(&good), dir.path());
    let top = dir.path().join(FOLDER);
    fs::write(top.join("search/index.html"), "tampered").unwrap();
    let run = site.run(&["verify", &top.to_string_lossy()]);
    run.assert_code(1);
    assert!(
        run.stderr.contains("文件被改动：search/index.html"),
        "{}",
        run.stderr
    );
}

#[test]
fn verify_refuses_what_is_not_a_snapshot() {
    let site = TestSite::fixture("search");
    let text = site.root.join("site.yaml");
    let run = site.run(&["verify", &text.to_string_lossy()]);
    run.assert_code(1);
    assert!(run.stderr.contains("不是快照"), "{}", run.stderr);
    assert!(run.stderr.contains("[E0913]"), "{}", run.stderr);
    let run = site.run(&["verify", &site.root.to_string_lossy()]);
    run.assert_code(1);
    assert!(
        run.stderr.contains("没有找到 MANIFEST.sha256"),
        "{}",
        run.stderr
    );
    let run = site.run(&["verify", "/nonexistent/snap.zip"]);
    run.assert_code(1);
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
    // A broken manifest line is reported with its line number.
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("MANIFEST.sha256"), "not a hash\n").unwrap();
    let run = site.run(&["verify", &dir.path().to_string_lossy()]);
    run.assert_code(1);
    assert!(
        run.stderr.contains("MANIFEST.sha256 第 1 行"),
        "{}",
        run.stderr
    );
}

#[test]
fn same_input_and_clock_give_byte_identical_archives() {
    let site = TestSite::fixture("search");
    for ext in ["zip", "tar.gz"] {
        let a = site.root.join(format!("../a.{ext}"));
        let b = site.root.join(format!("../b.{ext}"));
        archive(&site, &a).assert_ok();
        // A later run, with the file times of the site touched in between.
        site.write(
            "content/news/a.md",
            fs::read(site.root.join("content/news/a.md")).unwrap(),
        );
        archive(&site, &b).assert_ok();
        assert!(
            fs::read(&a).unwrap() == fs::read(&b).unwrap(),
            "{ext} differs"
        );
    }
    // SOURCE_DATE_EPOCH fixes the clock as --now does: 2026-11-23T01:00:00Z.
    let root = site.root.to_string_lossy().into_owned();
    let run_epoch = |out: &PathBuf| {
        let output = bin()
            .env("SOURCE_DATE_EPOCH", "1795395600")
            .args(["archive", "--root", &root, "--out"])
            .arg(out)
            .output()
            .unwrap();
        assert!(output.status.success(), "{output:?}");
    };
    let c = site.root.join("../c.zip");
    let d = site.root.join("../d.zip");
    run_epoch(&c);
    run_epoch(&d);
    assert!(fs::read(&c).unwrap() == fs::read(&d).unwrap());
    assert!(read_zip(&c).contains_key(&format!("{FOLDER}/MANIFEST.sha256")));
    // A different clock gives a different folder name.
    let e = site.root.join("../e.zip");
    site.run(&[
        "archive",
        "--root",
        &root,
        "--out",
        &e.to_string_lossy(),
        "--now",
        "2027-01-05",
    ])
    .assert_ok();
    assert!(read_zip(&e).contains_key("sou-suo-ce-shi-20270105/MANIFEST.sha256"));
}

#[test]
fn default_name_is_site_and_date_in_the_current_folder() {
    let site = TestSite::fixture("search");
    let cwd = tempfile::tempdir().unwrap();
    let output = bin()
        .current_dir(cwd.path())
        .args(["archive", "--root"])
        .arg(&site.root)
        .args(["--now", NOW])
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    assert!(cwd.path().join(format!("{FOLDER}.zip")).is_file());
    // Nothing was written into the site but what was there.
    assert!(!site.public().exists());
}

#[test]
fn an_unknown_archive_extension_is_bad_usage() {
    let site = TestSite::fixture("search");
    let run = site.run(&[
        "archive",
        "--root",
        &site.root.to_string_lossy(),
        "--out",
        "x.rar",
    ]);
    run.assert_code(2);
    assert!(run.stderr.contains(".zip"), "{}", run.stderr);
    let run = site.run(&["verify"]);
    run.assert_code(2);
}

#[test]
fn search_works_from_file_urls_inside_an_unpacked_archive() {
    let Some(chromium) = chromium() else { return };
    let site = TestSite::fixture("search");
    let zip = site.root.join("../snap.zip");
    archive(&site, &zip).assert_ok();
    let dir = tempfile::tempdir().unwrap();
    unpack(&read_zip(&zip), dir.path());
    let page = dir.path().join(FOLDER).join("search/index.html");
    let doc = browser_dom(
        &chromium,
        &format!("{}?q=%E5%AE%89%E5%85%A8", file_url(&page)),
    );
    let sel = scraper::Selector::parse(".search-hit > a").unwrap();
    let hrefs: Vec<String> = doc
        .select(&sel)
        .filter_map(|a| a.value().attr("href").map(str::to_string))
        .collect();
    assert_eq!(hrefs.len(), 3, "{}", doc.html());
    for href in hrefs {
        assert!(page.parent().unwrap().join(&href).is_file(), "{href}");
    }
}
