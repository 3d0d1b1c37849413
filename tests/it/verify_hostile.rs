//! `verify` against snapshots made to fool it (#16, class 9): names that
//! unpack outside the folder or over one another with a manifest that lists
//! them, a zip bomb, and tampered files under a regenerated manifest, which
//! only a pinned manifest hash catches.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::harness::{NOW, Run, TestSite, bin, sha256_hex};

fn verify(target: &Path, extra: &[&str]) -> Run {
    let output = bin()
        .arg("verify")
        .arg(target)
        .args(extra)
        .output()
        .unwrap();
    Run {
        code: output.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

/// A manifest at the snapshot's root listing every file by its full name,
/// as someone who regenerates it after changing the files would write it.
fn manifest_of(files: &[(String, Vec<u8>)]) -> Vec<u8> {
    let mut lines: Vec<String> = files
        .iter()
        .map(|(name, bytes)| format!("{}  {name}\n", sha256_hex(bytes)))
        .collect();
    lines.sort();
    lines.concat().into_bytes()
}

fn ordinary_files() -> Vec<(String, Vec<u8>)> {
    vec![
        ("F/index.html".into(), b"<p>home</p>".to_vec()),
        ("F/robots.txt".into(), b"User-agent: *\n".to_vec()),
        ("F/caf\u{e9}.html".into(), b"<p>cafe</p>".to_vec()),
    ]
}

fn write_zip(path: &Path, files: &[(String, Vec<u8>)]) {
    let mut zip = zip::ZipWriter::new(fs::File::create(path).unwrap());
    for (name, bytes) in files {
        zip.start_file(name.as_str(), zip::write::SimpleFileOptions::default())
            .unwrap();
        zip.write_all(bytes).unwrap();
    }
    zip.finish().unwrap();
}

/// A tar.gz with the names written into the headers as they are: tar's own
/// path setters refuse `..`, as they should.
fn write_tar_gz(path: &Path, files: &[(String, Vec<u8>)]) {
    let gz =
        flate2::write::GzEncoder::new(fs::File::create(path).unwrap(), flate2::Compression::fast());
    let mut tar = tar::Builder::new(gz);
    for (name, bytes) in files {
        let mut header = tar::Header::new_gnu();
        let field = &mut header.as_gnu_mut().unwrap().name;
        assert!(name.len() < field.len(), "{name} is too long for the test");
        field[..name.len()].copy_from_slice(name.as_bytes());
        header.set_size(bytes.len() as u64);
        header.set_mode(0o644);
        header.set_entry_type(tar::EntryType::Regular);
        header.set_cksum();
        tar.append(&header, bytes.as_slice()).unwrap();
    }
    tar.into_inner().unwrap().finish().unwrap();
}

/// The ordinary files, `extra` and a manifest listing all of them, as a zip
/// and a tar.gz.
fn snapshots(dir: &Path, label: usize, extra: &[(String, Vec<u8>)]) -> [PathBuf; 2] {
    let mut files = ordinary_files();
    files.extend_from_slice(extra);
    let manifest = manifest_of(&files);
    files.push(("MANIFEST.sha256".into(), manifest));
    let zip = dir.join(format!("{label}.zip"));
    let tgz = dir.join(format!("{label}.tar.gz"));
    write_zip(&zip, &files);
    write_tar_gz(&tgz, &files);
    [zip, tgz]
}

fn assert_refused(run: &Run, code: &str, what: &str) {
    assert_eq!(run.code, 1, "{what}: {}\n{}", run.stdout, run.stderr);
    assert!(run.stderr.contains(code), "{what}: {}", run.stderr);
    assert!(
        run.stderr.contains("不要解包这个快照") && !run.stdout.contains("通过"),
        "{what}: {}\n{}",
        run.stdout,
        run.stderr
    );
}

#[test]
fn regression_names_that_unpack_outside_the_folder_are_refused_though_the_manifest_lists_them() {
    let dir = tempfile::tempdir().unwrap();
    // (name, what the message says is wrong, whether a tar header can hold it)
    let cases: &[(&str, &str, bool)] = &[
        ("../../evil.sh", "含有 `..`", true),
        ("F/../../.bashrc", "含有 `..`", true),
        ("F/..", "含有 `..`", true),
        ("/etc/cron.d/evil", "绝对路径", true),
        ("//server/share/evil", "绝对路径", true),
        ("..\\..\\evil.bat", "反斜杠", true),
        ("F\\..\\..\\evil.bat", "反斜杠", true),
        ("C:/Windows/System32/evil.dll", "盘符", true),
        ("C:evil.dll", "盘符", true),
        ("F/index.html:evil", "数据流", true),
        // NUL ends a name in a tar header, so only the zip can carry it.
        ("F/a\u{0}.html", "控制字符", false),
        ("F/a\u{1b}[2K.html", "控制字符", true),
        ("F/a\u{7f}.html", "控制字符", true),
        ("F//x.html", "路径段", true),
        ("./F/x.html", "路径段", true),
    ];
    for (i, (name, why, in_tar)) in cases.iter().enumerate() {
        let snaps = snapshots(
            dir.path(),
            i,
            &[(name.to_string(), b"#!/bin/sh\n".to_vec())],
        );
        for snap in snaps.iter().take(if *in_tar { 2 } else { 1 }) {
            let run = verify(snap, &[]);
            let what = format!("{name:?} in {}", snap.display());
            assert_refused(&run, "[E0970]", &what);
            assert!(run.stderr.contains(why), "{what}: {}", run.stderr);
            // The name is quoted, its control characters escaped.
            let shown: String = name
                .chars()
                .flat_map(|c| {
                    if c.is_control() {
                        c.escape_unicode().collect::<Vec<_>>()
                    } else {
                        vec![c]
                    }
                })
                .collect();
            assert!(run.stderr.contains(&shown), "{what}: {}", run.stderr);
            assert!(!run.stderr.contains('\u{1b}'), "{what}");
        }
    }
}

#[test]
fn regression_names_that_overwrite_one_another_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    // (name, the ordinary file it lands on)
    let cases = [
        ("F/Index.html", "F/index.html"),
        ("F/INDEX.HTML", "F/index.html"),
        ("F/robots.txt.", "F/robots.txt"),
        ("F/robots.txt ", "F/robots.txt"),
        ("F/cafe\u{301}.html", "F/caf\u{e9}.html"),
        ("F/CAF\u{c9}.html", "F/caf\u{e9}.html"),
    ];
    for (i, (name, first)) in cases.iter().enumerate() {
        for snap in snapshots(
            dir.path(),
            i,
            &[(name.to_string(), b"<p>evil</p>".to_vec())],
        ) {
            let run = verify(&snap, &[]);
            let what = format!("{name:?} in {}", snap.display());
            assert_refused(&run, "[E0978]", &what);
            assert!(
                run.stderr.contains(name) && run.stderr.contains(first),
                "{what}: {}",
                run.stderr
            );
        }
    }

    // The same name twice: the tar appends it; the zip gets a twin name
    // patched into both of its headers. The manifest lists the later copy,
    // the one a reader that keeps the last of a name hashes.
    let mut twice = ordinary_files();
    twice.push(("F/index.html".into(), b"<p>evil</p>".to_vec()));
    let manifest = manifest_of(&twice[1..]);
    let mut files = ordinary_files();
    files.push(("F/indey.html".into(), b"<p>evil</p>".to_vec()));
    files.push(("MANIFEST.sha256".into(), manifest.clone()));
    let zip = dir.path().join("twice.zip");
    write_zip(&zip, &files);
    let bytes = fs::read(&zip).unwrap();
    let twins = String::from_utf8_lossy(&bytes)
        .matches("F/indey.html")
        .count();
    assert_eq!(twins, 2, "local and central header");
    fs::write(&zip, replace_all(&bytes, b"F/indey.html", b"F/index.html")).unwrap();
    let tgz = dir.path().join("twice.tar.gz");
    twice.push(("MANIFEST.sha256".into(), manifest));
    write_tar_gz(&tgz, &twice);
    for snap in [&zip, &tgz] {
        let run = verify(snap, &[]);
        assert_refused(&run, "[E0977]", &snap.display().to_string());
        assert!(run.stderr.contains("F/index.html"), "{}", run.stderr);
    }
}

fn replace_all(haystack: &[u8], from: &[u8], to: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(haystack.len());
    let mut i = 0;
    while i < haystack.len() {
        if haystack[i..].starts_with(from) {
            out.extend_from_slice(to);
            i += from.len();
        } else {
            out.push(haystack[i]);
            i += 1;
        }
    }
    out
}

/// An unpacked folder on a case-sensitive file system can hold names that
/// collide once it is copied to Windows or a Mac.
#[cfg(target_os = "linux")]
#[test]
fn regression_an_unpacked_folder_with_colliding_names_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let top = dir.path().join("F");
    fs::create_dir_all(&top).unwrap();
    let files = vec![
        ("index.html".to_string(), b"<p>home</p>".to_vec()),
        ("Index.html".to_string(), b"<p>evil</p>".to_vec()),
    ];
    for (name, bytes) in &files {
        fs::write(top.join(name), bytes).unwrap();
    }
    fs::write(top.join("MANIFEST.sha256"), manifest_of(&files)).unwrap();
    let run = verify(&top, &[]);
    assert_refused(&run, "[E0978]", "folder");
}

#[test]
fn regression_a_zip_bomb_is_stopped_and_never_held_whole() {
    let dir = tempfile::tempdir().unwrap();
    // 1 GiB of zeros deflates to about 1 MB.
    let gib: u64 = 1 << 30;
    let chunk = vec![0u8; 1 << 20];
    let zip_path = dir.path().join("bomb.zip");
    let mut zip = zip::ZipWriter::new(fs::File::create(&zip_path).unwrap());
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .large_file(true);
    zip.start_file("F/zeros.bin", options).unwrap();
    for _ in 0..(gib / chunk.len() as u64) {
        zip.write_all(&chunk).unwrap();
    }
    // The manifest claims anything: the hashing must stop before it matters.
    let fake = format!("{}  zeros.bin\n", "0".repeat(64));
    zip.start_file(
        "F/MANIFEST.sha256",
        zip::write::SimpleFileOptions::default(),
    )
    .unwrap();
    zip.write_all(fake.as_bytes()).unwrap();
    zip.finish().unwrap();
    let size = fs::metadata(&zip_path).unwrap().len();
    assert!(size < 2_000_000, "the bomb is {size} bytes");

    // A tar.gz bomb: the same zeros inside a tar, gzipped.
    let tgz_path = dir.path().join("bomb.tar.gz");
    let gz = flate2::write::GzEncoder::new(
        fs::File::create(&tgz_path).unwrap(),
        flate2::Compression::fast(),
    );
    let mut tar = tar::Builder::new(gz);
    let mut header = tar::Header::new_gnu();
    header.set_size(gib / 2);
    header.set_mode(0o644);
    header.set_entry_type(tar::EntryType::Regular);
    let zeros = std::io::Read::take(std::io::repeat(0), gib / 2);
    tar.append_data(&mut header, "F/zeros.bin", zeros).unwrap();
    tar.into_inner().unwrap().finish().unwrap();

    for bomb in [&zip_path, &tgz_path] {
        let run = verify(bomb, &[]);
        assert_eq!(run.code, 1, "{}: {}", bomb.display(), run.stderr);
        assert!(
            run.stderr.contains("[E0979]") && run.stderr.contains("F/zeros.bin"),
            "{}: {}",
            bomb.display(),
            run.stderr
        );
    }
}

#[test]
fn regression_a_regenerated_manifest_passes_unless_its_hash_was_pinned() {
    let site = TestSite::fixture("search");
    let zip = site.root.join("../snap.zip");
    let root = site.root.to_string_lossy().into_owned();
    let run = site.run(&[
        "archive",
        "--root",
        &root,
        "--out",
        &zip.to_string_lossy(),
        "--now",
        NOW,
    ]);
    run.assert_ok();
    // `archive` prints the manifest's hash, with the command that checks it.
    let entries = read_zip(&zip);
    let (manifest_name, manifest) = entries
        .iter()
        .find(|(n, _)| n.ends_with("/MANIFEST.sha256"))
        .cloned()
        .unwrap();
    let pinned = sha256_hex(&manifest);
    assert!(
        run.stdout.contains(&pinned) && run.stdout.contains(&format!("--expect {pinned}")),
        "{}",
        run.stdout
    );

    let ok = verify(&zip, &["--expect", &pinned]);
    ok.assert_ok();
    assert!(ok.stdout.contains("与 --expect 一致"), "{}", ok.stdout);
    // Either case of hex digits.
    verify(&zip, &["--expect", &pinned.to_uppercase()]).assert_ok();
    // Without a pin it passes, and says what that does not prove.
    let unpinned = verify(&zip, &[]);
    unpinned.assert_ok();
    assert!(
        unpinned.stdout.contains(&pinned) && unpinned.stdout.contains("--expect"),
        "{}",
        unpinned.stdout
    );

    // Tampered: a page changed, the manifest written again to match.
    let folder = manifest_name.trim_end_matches("MANIFEST.sha256");
    let mut files: Vec<(String, Vec<u8>)> = entries
        .into_iter()
        .filter(|(n, _)| !n.ends_with('/') && !n.ends_with("MANIFEST.sha256"))
        .collect();
    for (name, bytes) in &mut files {
        if *name == format!("{folder}index.html") {
            bytes.extend_from_slice(b"<p>ALTERED</p>");
        }
    }
    let mut lines: Vec<String> = files
        .iter()
        .map(|(n, b)| format!("{}  {}\n", sha256_hex(b), &n[folder.len()..]))
        .collect();
    lines.sort();
    files.push((manifest_name.clone(), lines.concat().into_bytes()));
    let forged = site.root.join("../forged.zip");
    write_zip(&forged, &files);

    verify(&forged, &[]).assert_ok();
    let run = verify(&forged, &["--expect", &pinned]);
    run.assert_code(1);
    assert!(run.stderr.contains("[E1070]"), "{}", run.stderr);
    assert!(run.stderr.contains(&pinned), "{}", run.stderr);
    assert!(run.stderr.contains("forged.zip"), "{}", run.stderr);
    assert!(!run.stdout.contains("通过"), "{}", run.stdout);

    // A pin that is not a hash is bad usage.
    for bad in ["abc", &pinned[..63], &format!("{}g", &pinned[..63])] {
        let run = verify(&zip, &["--expect", bad]);
        run.assert_code(2);
        assert!(run.stderr.contains("E1071"), "{}", run.stderr);
    }
}

fn read_zip(path: &Path) -> Vec<(String, Vec<u8>)> {
    use std::io::Read;
    let mut zip = zip::ZipArchive::new(fs::File::open(path).unwrap()).unwrap();
    (0..zip.len())
        .map(|i| {
            let mut entry = zip.by_index(i).unwrap();
            let name = entry.name().unwrap().into_owned();
            let mut bytes = Vec::new();
            entry.read_to_end(&mut bytes).unwrap();
            (name, bytes)
        })
        .collect()
}
