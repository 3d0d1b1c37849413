//! A build after an edit writes only what changed and links the rest from the
//! last output (`.noticeboard/cache/output.manifest`); a build after no edit
//! leaves the output alone. Either way the output is, byte for byte, what a
//! clean build of the same site makes: each step below is checked against a
//! fresh copy of the site built with no cache and no output.

use std::fs;
use std::path::Path;

use crate::harness::{Run, TestSite, copy_tree};

const MANIFEST: &str = ".noticeboard/cache/output.manifest";

/// The site as a clean build makes it: a copy without output or cache.
fn clean_build(site: &TestSite) -> Vec<(String, Vec<u8>)> {
    clean_build_at(site, None)
}

fn clean_build_at(site: &TestSite, now: Option<&str>) -> Vec<(String, Vec<u8>)> {
    let fresh = TestSite::empty();
    fs::create_dir_all(&fresh.root).unwrap();
    for entry in fs::read_dir(&site.root).unwrap() {
        let entry = entry.unwrap();
        let name = entry.file_name().to_string_lossy().into_owned();
        // What builds made, and the old outputs a detached process is still
        // deleting while this copies.
        if name == "public" || name.starts_with(".public") || name == ".noticeboard" {
            continue;
        }
        if entry.file_type().unwrap().is_dir() {
            copy_tree(&entry.path(), &fresh.root.join(&name));
        } else {
            fs::copy(entry.path(), fresh.root.join(&name)).unwrap();
        }
    }
    match now {
        Some(now) => build_at(&fresh, now),
        None => fresh.build(&[]),
    }
    .assert_ok();
    fresh.snapshot()
}

fn assert_same_as_clean(site: &TestSite, step: &str) {
    let incremental = site.snapshot();
    let clean = clean_build(site);
    let paths = |s: &[(String, Vec<u8>)]| s.iter().map(|(p, _)| p.clone()).collect::<Vec<_>>();
    assert_eq!(paths(&incremental), paths(&clean), "{step}: the same files");
    for ((path, a), (_, b)) in incremental.iter().zip(&clean) {
        assert!(a == b, "{step}: {path} differs from a clean build");
    }
}

/// The output was left as it was: found unchanged after rendering, or not
/// rendered at all because no file it reads had changed.
fn unchanged(run: &Run) -> bool {
    run.stdout.contains("没有变化") || run.stdout.contains("nothing changed")
}

/// Nothing was made again: the inputs were those of the last build.
fn up_to_date(run: &Run) -> bool {
    run.stdout.contains("站点文件自上次构建以来没有变化")
}

/// Builds at the given clock.
fn build_at(site: &TestSite, now: &str) -> Run {
    let root = site.root.to_string_lossy().into_owned();
    site.run(&["build", "--root", &root, "--now", now])
}

/// `(written, kept)` from the reuse line, if the build printed one.
fn reused(run: &Run) -> Option<(usize, usize)> {
    two_numbers(run, "沿用上次的输出")
}

/// The first two numbers of the line of the report that says `marker`.
fn two_numbers(run: &Run, marker: &str) -> Option<(usize, usize)> {
    let line = run.stdout.lines().find(|l| l.contains(marker))?;
    let numbers: Vec<usize> = line
        .split(|c: char| !c.is_ascii_digit())
        .filter_map(|n| n.parse().ok())
        .collect();
    Some((numbers[0], numbers[1]))
}

fn append(site: &TestSite, rel: &str, text: &str) {
    let path = site.root.join(rel);
    let mut body = fs::read_to_string(&path).unwrap();
    body.push_str(text);
    fs::write(path, body).unwrap();
}

fn first_page(site: &TestSite) -> String {
    let mut pages: Vec<_> =
        crate::harness::files_with_extension(&site.root.join("content"), &["md"])
            .into_iter()
            .filter(|p| !p.ends_with("_index.md"))
            .collect();
    pages.sort();
    let page = pages.first().expect("a page");
    page.strip_prefix(&site.root)
        .unwrap()
        .to_string_lossy()
        .replace('\\', "/")
}

#[test]
fn a_series_of_edits_builds_what_a_clean_build_builds() {
    let site = TestSite::fixture("kinds");
    site.build(&[]).assert_ok();
    assert!(
        site.root.join(MANIFEST).is_file(),
        "the build left a manifest"
    );
    assert_same_as_clean(&site, "first build");

    // The first build wrote the ledger of the fixture's notices, so the
    // second runs in full (and finds the output unchanged); the third has
    // nothing to make.
    let second = site.build(&[]);
    assert!(
        !up_to_date(&second) && unchanged(&second),
        "{}",
        second.stdout
    );
    let again = site.build(&[]);
    again.assert_ok();
    assert!(
        up_to_date(&again),
        "no edit, nothing made: {}",
        again.stdout
    );
    assert_same_as_clean(&site, "no edit");

    // Written again with the same words: made again, and found the same.
    let page = first_page(&site);
    let text = fs::read(site.root.join(&page)).unwrap();
    fs::write(site.root.join(&page), &text).unwrap();
    let same = site.build(&[]);
    same.assert_ok();
    assert!(!up_to_date(&same) && unchanged(&same), "{}", same.stdout);

    append(&site, &page, "\n\n补记一段文字，只改这一页。\n");
    let one = site.build(&[]);
    one.assert_ok();
    let (written, kept) = reused(&one).unwrap_or_else(|| panic!("{}", one.stdout));
    assert!(
        written >= 1 && kept > written,
        "{written} written, {kept} kept"
    );
    assert_same_as_clean(&site, "one page's body");

    site.write(
        "content/news/incremental-new.md",
        "---\ntitle: 新加的一篇\ndate: 2026-11-20\ntags: [安全生产]\n---\n\n新的一篇。\n",
    );
    site.build(&[]).assert_ok();
    assert_same_as_clean(&site, "a page added");

    site.remove("content/news/incremental-new.md");
    site.build(&[]).assert_ok();
    assert_same_as_clean(&site, "the page removed again");

    site.write("static/robots-extra.txt", "User-agent: *\n");
    site.build(&[]).assert_ok();
    assert_same_as_clean(&site, "a static file added");
    site.write("static/robots-extra.txt", "User-agent: *\nDisallow: /x/\n");
    site.build(&[]).assert_ok();
    assert_same_as_clean(&site, "the static file changed");
}

#[test]
fn hand_edits_to_the_output_are_not_kept() {
    let site = TestSite::fixture("basic");
    site.build(&[]).assert_ok();
    let public = site.public();

    // Same length, time put back: only the inode's change time tells.
    let home = public.join("index.html");
    let before = fs::metadata(&home).unwrap().modified().unwrap();
    let mut text = fs::read(&home).unwrap();
    let at = text.len() / 2;
    text[at] = if text[at] == b'x' { b'y' } else { b'x' };
    fs::write(&home, &text).unwrap();
    fs::File::options()
        .write(true)
        .open(&home)
        .unwrap()
        .set_modified(before)
        .unwrap();
    let stray = public.join("stray.html");
    fs::write(&stray, "not ours").unwrap();
    let run = site.build(&[]);
    run.assert_ok();
    assert!(!unchanged(&run), "{}", run.stdout);
    assert!(!stray.exists(), "a file the build did not make is gone");
    assert_same_as_clean(&site, "after hand edits");

    fs::remove_file(public.join("404.html")).unwrap();
    let run = site.build(&[]);
    assert!(!unchanged(&run), "a deleted file is written again");
    assert_same_as_clean(&site, "after a deleted file");
}

#[test]
fn a_damaged_or_foreign_manifest_is_ignored() {
    let site = TestSite::fixture("basic");
    site.build(&[]).assert_ok();
    let manifest = site.root.join(MANIFEST);
    let text = fs::read_to_string(&manifest).unwrap();

    fs::write(&manifest, &text[..text.len() / 2]).unwrap();
    let run = site.build(&[]);
    run.assert_ok();
    assert!(!unchanged(&run) && reused(&run).is_none(), "{}", run.stdout);
    assert_same_as_clean(&site, "half a manifest");

    // Another folder's manifest (say, copied with the site): nothing reused.
    let text = fs::read_to_string(&manifest).unwrap();
    let other = Path::new("/elsewhere/public")
        .to_string_lossy()
        .into_owned();
    let mut lines: Vec<&str> = text.lines().collect();
    let named = format!("output\t{other}");
    lines[1] = &named;
    fs::write(&manifest, lines.join("\n") + "\n").unwrap();
    let run = site.build(&[]);
    run.assert_ok();
    assert!(!unchanged(&run) && reused(&run).is_none(), "{}", run.stdout);

    fs::write(&manifest, "garbage\n\u{0}\u{1}").unwrap();
    site.build(&[]).assert_ok();
    assert_same_as_clean(&site, "a garbage manifest");
}

#[test]
fn pictures_from_the_cache_are_reused_too() {
    let site = crate::images::site_with_photos();
    let first = site.build(&[]);
    assert_eq!(first.code, 0, "{}", first.stderr);
    let again = site.build(&[]);
    assert_eq!(again.code, 0, "{}", again.stderr);
    assert!(unchanged(&again), "{}", again.stdout);
    assert_same_as_clean(&site, "a site with pictures");
}

/// `build` under a terminal (`script` gives it one), with `env` set; what
/// the terminal showed.
#[cfg(unix)]
fn on_a_terminal(site: &TestSite, env: &[(&str, &str)]) -> String {
    let command = format!(
        "'{}' build --root '{}' --now 2026-11-23T09:00:00+08:00",
        env!("CARGO_BIN_EXE_noticeboard"),
        site.root.display()
    );
    let mut script = std::process::Command::new("script");
    script.args(["-qefc", &command, "/dev/null"]);
    script
        .env_remove("CI")
        .env("NOTICEBOARD_PROGRESS_AFTER_MS", "0");
    for (k, v) in env {
        script.env(k, v);
    }
    let out = script.output().expect("script (util-linux) runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[cfg(unix)]
#[test]
fn a_long_build_counts_its_pages_on_a_terminal_only() {
    let site = TestSite::fixture("kinds");
    let shown = on_a_terminal(&site, &[]);
    let last = shown
        .rsplit(['\r', '\n'])
        .find(|l| l.contains("生成页面"))
        .unwrap_or_else(|| panic!("no count on the terminal: {shown:?}"));
    let numbers: Vec<usize> = last
        .split(|c: char| !c.is_ascii_digit())
        .filter_map(|n| n.parse().ok())
        .collect();
    assert!(
        numbers.len() >= 2 && numbers[0] == numbers[1] && numbers[0] > 5,
        "{last:?}"
    );

    let under_ci = on_a_terminal(&site, &[("CI", "true")]);
    assert!(!under_ci.contains("生成页面"), "{under_ci:?}");
    let piped = crate::harness::bin()
        .args(["build", "--root", &site.root.to_string_lossy()])
        .env("NOTICEBOARD_PROGRESS_AFTER_MS", "0")
        .env_remove("CI")
        .output()
        .unwrap();
    assert!(!String::from_utf8_lossy(&piped.stderr).contains("生成页面"));
}

#[test]
fn a_build_with_nothing_changed_tells_the_same_report() {
    let site = TestSite::fixture("basic");
    site.write(
        "content/news/broken-link.md",
        "---\ntitle: 坏链接\ndate: 2026-11-01\n---\n\n见[这里](/no/such/page/)。\n",
    );
    let full = site.build(&[]);
    full.assert_ok();
    assert!(full.stderr.contains("warning"), "{}", full.stderr);
    let quick = site.build(&[]);
    quick.assert_ok();
    assert!(up_to_date(&quick), "{}", quick.stdout);
    assert_eq!(quick.stderr, full.stderr, "the same problems, told again");

    // Another option, another build.
    let drafts = site.build(&["--drafts"]);
    assert!(!up_to_date(&drafts), "{}", drafts.stdout);
    // A damaged record is a full build.
    fs::write(site.root.join(".noticeboard/cache/last-build.json"), "{").unwrap();
    let run = site.build(&[]);
    assert!(!up_to_date(&run), "{}", run.stdout);
    assert_same_as_clean(&site, "after a damaged record");
}

#[test]
fn a_notice_changing_status_is_built_even_with_nothing_edited() {
    let site = TestSite::fixture("kinds");
    // Inside a notice period of the fixture's notices, then past its end.
    let before = build_at(&site, "2026-11-23T09:00:00+08:00");
    before.assert_ok();
    // The first build wrote the ledger; the next runs in full once more.
    build_at(&site, "2026-11-23T09:30:00+08:00").assert_ok();
    let again = build_at(&site, "2026-11-23T10:00:00+08:00");
    assert!(up_to_date(&again), "{}", again.stdout);
    let later = build_at(&site, "2027-06-01T09:00:00+08:00");
    later.assert_ok();
    assert!(
        !up_to_date(&later),
        "another day, another build: {}",
        later.stdout
    );
    assert!(!unchanged(&later), "statuses moved: {}", later.stdout);
    let clean = clean_build_at(&site, Some("2027-06-01T09:00:00+08:00"));
    assert!(site.snapshot() == clean, "what a clean build makes then");
}

/// Waits until the detached deletion of replaced outputs is done: only then
/// have the old output's links to the files the new one kept gone.
fn wait_for_trash(site: &TestSite) {
    for _ in 0..200 {
        let left = fs::read_dir(&site.root)
            .unwrap()
            .flatten()
            .any(|e| e.file_name().to_string_lossy().contains(".nb-trash-"));
        if !left {
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    panic!("the replaced output was never deleted");
}

#[test]
fn files_kept_by_one_build_are_kept_again_by_the_next() {
    let site = TestSite::fixture("basic");
    site.build(&[]).assert_ok();
    let page = first_page(&site);
    append(&site, &page, "\n\n第一次修改。\n");
    let first = site.build(&[]);
    first.assert_ok();
    let (_, kept) = reused(&first).expect("the first edit keeps files");
    assert!(kept > 0, "{}", first.stdout);
    // Deleting the old output changed the kept files' inodes (one link
    // fewer); they are still the files the manifest recorded.
    wait_for_trash(&site);
    let again = site.build(&[]);
    again.assert_ok();
    assert!(up_to_date(&again), "{}", again.stdout);
    append(&site, &page, "\n\n第二次修改。\n");
    let second = site.build(&[]);
    second.assert_ok();
    assert_eq!(
        reused(&second).map(|(_, kept)| kept),
        Some(kept),
        "{}",
        second.stdout
    );
    assert_same_as_clean(&site, "after two edits");
}

/// A one-page edit changes only a few files: they are moved into `public/`
/// one by one, and every other file stays where it is (the same inode);
/// a file the build did not make there makes it swap a whole new folder in.
#[cfg(unix)]
#[test]
fn a_small_edit_updates_the_output_in_place() {
    use std::os::unix::fs::MetadataExt as _;
    let inode = |path: &Path| fs::metadata(path).unwrap().ino();
    let site = TestSite::fixture("kinds");
    site.build(&[]).assert_ok();
    site.build(&[]).assert_ok();
    let public = site.public();
    let folder = inode(&public);
    let kept = public.join("404.html");
    let kept_inode = inode(&kept);

    let page = first_page(&site);
    append(&site, &page, "\n\n补记一段文字，只改这一页。\n");
    let run = site.build(&[]);
    run.assert_ok();
    assert!(reused(&run).is_some(), "{}", run.stdout);
    assert_eq!(inode(&public), folder, "the same public/ folder");
    assert_eq!(inode(&kept), kept_inode, "an unchanged file is not touched");
    let beside: Vec<String> = fs::read_dir(&site.root)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".public"))
        .collect();
    assert!(beside.is_empty(), "nothing left beside it: {beside:?}");
    assert_same_as_clean(&site, "one page, in place");

    fs::write(public.join("stray.html"), "not ours").unwrap();
    append(&site, &page, "\n\n再补一段。\n");
    site.build(&[]).assert_ok();
    assert_ne!(inode(&public), folder, "a whole new folder");
    assert_same_as_clean(&site, "one page, with a stray file");
}

/// `(cached, converted)` from the page bodies line, if the build printed one.
fn bodies_cached(run: &Run) -> Option<(usize, usize)> {
    two_numbers(run, "沿用上次构建的转换结果")
}

/// A page's body is converted from Markdown once: after a one-page edit the
/// next build converts that body only, the others come from
/// `.noticeboard/cache/markdown/`; a damaged cache is not used, and the
/// output is a clean build's either way.
#[test]
fn only_the_edited_body_is_converted_again() {
    let site = TestSite::fixture("kinds");
    site.build(&[]).assert_ok();
    let page = first_page(&site);
    append(&site, &page, "\n\n补记一段文字，只改这一页。\n");
    let run = site.build(&[]);
    run.assert_ok();
    let (cached, converted) = bodies_cached(&run).unwrap_or_else(|| panic!("{}", run.stdout));
    assert!(cached > 3 && converted == 1, "{}", run.stdout);
    assert_same_as_clean(&site, "one body converted");

    let cache = site.root.join(".noticeboard/cache/markdown");
    for name in ["index", "bodies"] {
        let file = cache.join(name);
        let mut bytes = fs::read(&file).unwrap();
        for i in (0..bytes.len()).step_by(97) {
            bytes[i] = bytes[i].wrapping_add(1);
        }
        fs::write(&file, bytes).unwrap();
    }
    append(&site, &page, "\n\n再补一段。\n");
    let run = site.build(&[]);
    run.assert_ok();
    assert_eq!(bodies_cached(&run), None, "{}", run.stdout);
    assert_same_as_clean(&site, "a damaged cache");
    append(&site, &page, "\n\n第三段。\n");
    let run = site.build(&[]);
    assert_eq!(
        bodies_cached(&run).map(|(_, c)| c),
        Some(1),
        "{}",
        run.stdout
    );
    assert_same_as_clean(&site, "the cache made again");
}

/// Without a search index the Markdown cache keeps only the opening of a
/// body's text; turning the index on converts such bodies again, so the index
/// holds words from the end of a long page as a clean build's does.
#[test]
fn turning_search_on_converts_the_bodies_kept_short_again() {
    let site = TestSite::fixture("kinds");
    let config = site.root.join("site.yaml");
    let with_search = fs::read_to_string(&config).unwrap();
    fs::write(&config, format!("{with_search}search: false\n")).unwrap();
    let page = first_page(&site);
    let long = "职工之家建设稳步推进，各项工作取得新进展。".repeat(40);
    append(
        &site,
        &page,
        &format!("\n\n{long}\n\n末尾才出现的词：瓯江口劳模工作室。\n"),
    );
    site.build(&[]).assert_ok();
    site.build(&[]).assert_ok();
    assert_same_as_clean(&site, "no search index");

    fs::write(&config, &with_search).unwrap();
    let run = site.build(&[]);
    run.assert_ok();
    let (_, converted) = bodies_cached(&run).unwrap_or_else(|| panic!("{}", run.stdout));
    assert!(
        converted >= 1,
        "the long body is converted again: {}",
        run.stdout
    );
    assert_same_as_clean(&site, "search turned on");
    let index = site.snapshot();
    let holds_the_word = index
        .iter()
        .filter(|(path, _)| path.starts_with("search/"))
        .any(|(_, bytes)| String::from_utf8_lossy(bytes).contains("瓯江"));
    assert!(holds_the_word, "the index has the page's last words");
}

/// `(checked, kept)` from the line that tells how many pages were checked
/// again, if the build printed one.
fn jobs_kept(run: &Run) -> Option<(usize, usize)> {
    two_numbers(run, "可能受改动影响")
}

const RENDER_MEMO: &str = ".noticeboard/cache/render-memo.bin";

/// A build keeps its render beside the output: after a one-page edit the
/// next build renders again only the pages the edit can touch and keeps the
/// others' files, and the output is a clean build's. A damaged memo, a
/// changed `site.yaml` or static file, or a page file changed by hand in
/// the output, and what is not known to be the same is rendered again.
#[test]
fn a_build_renders_again_only_what_an_edit_touches() {
    let site = TestSite::fixture("kinds");
    site.build(&[]).assert_ok();
    site.build(&[]).assert_ok();
    assert!(site.root.join(RENDER_MEMO).is_file(), "the render is kept");
    let page = first_page(&site);

    append(&site, &page, "\n\n补记一段文字，只改这一页。\n");
    let one = site.build(&[]);
    one.assert_ok();
    let (checked, kept) = jobs_kept(&one).unwrap_or_else(|| panic!("{}", one.stdout));
    assert!(
        checked >= 1 && kept > checked,
        "{checked} checked, {kept} kept"
    );
    assert_same_as_clean(&site, "one page's body, render kept");

    // A title shows in lists, neighbours and the home page: what shows the
    // page is checked, and rendered where it changed.
    let text = fs::read_to_string(site.root.join(&page)).unwrap();
    let retitled = text.replacen("title: ", "title: 改过标题的", 1);
    fs::write(site.root.join(&page), retitled).unwrap();
    let title = site.build(&[]);
    title.assert_ok();
    assert!(jobs_kept(&title).is_some(), "{}", title.stdout);
    assert_same_as_clean(&site, "one page's title");

    // A file of the output changed by hand is not kept.
    let public = site.public();
    let home = public.join("index.html");
    let mut html = fs::read(&home).unwrap();
    html.extend_from_slice(b"<!-- hand edit -->");
    fs::write(&home, html).unwrap();
    append(&site, &page, "\n\n再补一段。\n");
    site.build(&[]).assert_ok();
    assert_same_as_clean(&site, "a hand edit in the output");

    for cut in [0, 100] {
        let memo = site.root.join(RENDER_MEMO);
        let bytes = fs::read(&memo).unwrap();
        fs::write(&memo, &bytes[..cut.min(bytes.len())]).unwrap();
        append(&site, &page, "\n\n又补一段。\n");
        let run = site.build(&[]);
        run.assert_ok();
        assert!(
            jobs_kept(&run).is_none(),
            "a cut memo keeps nothing: {}",
            run.stdout
        );
        assert_same_as_clean(&site, "a cut render memo");
    }

    let config = fs::read_to_string(site.root.join("site.yaml")).unwrap();
    site.write("site.yaml", format!("{config}\n# 改一下\n"));
    let run = site.build(&[]);
    run.assert_ok();
    assert!(jobs_kept(&run).is_none(), "a new site.yaml: {}", run.stdout);
    site.write("static/extra.txt", "新的静态文件\n");
    append(&site, &page, "\n\n最后一段。\n");
    let run = site.build(&[]);
    run.assert_ok();
    assert!(
        jobs_kept(&run).is_none(),
        "a new static file: {}",
        run.stdout
    );
    assert_same_as_clean(&site, "a static file added");
}
