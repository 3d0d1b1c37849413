//! Never losing the published site: a build killed with SIGKILL at any moment
//! leaves the old `public/` complete (or the new one, if it got that far), and
//! the next run, even a failing one, cleans up what the killed build left.
//! Unix only: SIGKILL has no Windows equivalent worth testing.

use std::process::Stdio;
use std::time::{Duration, Instant};

use crate::harness::{NOW, TestSite, bin};

type Snapshot = Vec<(String, Vec<u8>)>;

/// A site whose build spends real time both rendering and writing: pages, and
/// many static files to copy, so kills land in every stage.
fn big_site(version: &str) -> TestSite {
    let site = TestSite::fixture("basic");
    set_version(&site, version);
    site
}

fn set_version(site: &TestSite, version: &str) {
    for i in 0..150 {
        site.write(
            &format!("content/news/p{i}.md"),
            format!(
                "---\ntitle: 第{i}篇 {version}\ndate: 2026-01-01\n---\n职工代表大会。{version}\n"
            ),
        );
    }
    let blob = format!("{version}\n").repeat(400);
    for i in 0..1000 {
        site.write(&format!("static/files/{}/f{i}.txt", i % 30), &blob);
    }
}

/// Starts a build of `site` and SIGKILLs it `at` after.
fn build_killed_at(site: &TestSite, at: Duration) {
    let root = site.root.to_string_lossy().into_owned();
    let mut child = bin()
        .args(["build", "--root", root.as_str(), "--now", NOW])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    std::thread::sleep(at);
    let _ = child.kill(); // SIGKILL
    let _ = child.wait();
}

fn leftovers(site: &TestSite) -> Vec<String> {
    std::fs::read_dir(&site.root)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".nb-tmp-") || n.contains(".nb-old-") || n.contains(".nb-undo-"))
        .collect()
}

/// The published state right after a kill: `public/` as the old or the new
/// build, or (killed between the two renames of the swap) absent with the old
/// one complete beside it, which the next run puts back.
fn assert_complete_after_kill(site: &TestSite, old: &Snapshot, new: &Snapshot, at: Duration) {
    if site.public().exists() {
        let now = site.snapshot();
        assert!(
            &now == old || &now == new,
            "killed at {at:?}: public/ is neither the old nor the new site ({} files)",
            now.len()
        );
    } else {
        let aside: Vec<String> = leftovers(site)
            .into_iter()
            .filter(|n| n.contains(".nb-old-"))
            .collect();
        assert_eq!(
            aside.len(),
            1,
            "killed at {at:?}: public/ is gone and not aside"
        );
    }
}

#[test]
fn sigkill_at_any_moment_leaves_a_complete_site() {
    let site = big_site("old");
    site.build(&[]).assert_ok();
    let old = site.snapshot();

    // The new site, built once elsewhere, to recognise a finished build.
    let reference = big_site("new");
    reference.build(&[]).assert_ok();
    let new = reference.snapshot();
    assert_ne!(old, new);

    set_version(&site, "new");
    let started = Instant::now();
    // Time one full build of the new content, then kill others along the way.
    site.build(&[]).assert_ok();
    let full = started.elapsed();
    assert_eq!(site.snapshot(), new);
    set_version(&site, "old");
    site.build(&[]).assert_ok();
    set_version(&site, "new");

    let mut mid_write = 0;
    let fractions = [0.05, 0.2, 0.4, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95, 1.0, 1.1];
    for fraction in fractions {
        let at = full.mul_f64(fraction);
        build_killed_at(&site, at);
        assert_complete_after_kill(&site, &old, &new, at);
        mid_write += usize::from(leftovers(&site).iter().any(|n| n.contains(".nb-tmp-")));
        eprintln!(
            "killed at {at:?}: public/ {}, left behind {:?}",
            if site.public().exists() {
                "present"
            } else {
                "aside"
            },
            leftovers(&site)
        );

        // The next run cleans up, even when it fails on bad input.
        site.write("content/news/zz-broken.md", "---\ntitle: [\n---\n");
        site.build(&[]).assert_code(1);
        site.remove("content/news/zz-broken.md");
        assert!(leftovers(&site).is_empty(), "{:?}", leftovers(&site));
        let now = site.snapshot();
        assert!(now == old || now == new, "killed at {at:?}: not restored");
        // Back to the old site for the next kill.
        if now == new {
            set_version(&site, "old");
            site.build(&[]).assert_ok();
            set_version(&site, "new");
        }
    }
    assert!(
        mid_write > 0,
        "no kill landed while the new output was being written"
    );
}

/// Fails naming the files that differ, not printing them.
fn assert_same(now: &Snapshot, want: &Snapshot, what: &str) {
    let differ: Vec<&str> = (now.iter().chain(want))
        .filter(|file| !now.contains(file) || !want.contains(file))
        .map(|(path, _)| path.as_str())
        .collect();
    assert!(differ.is_empty(), "{what}: these files differ: {differ:?}");
}

/// A build that changes a few files moves them into `public/` one by one,
/// under a journal: killed halfway, `public/` may hold some new files beside
/// the old ones, and the next run (even a failing one) puts every file back.
#[test]
fn sigkill_during_an_update_in_place_is_put_back_by_the_next_run() {
    let edit = |site: &TestSite, version: &str| {
        site.write(
            "content/news/p0.md",
            format!(
                "---\ntitle: 第0篇 {version}\ndate: 2026-01-01\n---\n职工代表大会。{version}\n"
            ),
        );
    };
    let site = big_site("old");
    site.build(&[]).assert_ok();
    let old = site.snapshot();
    let reference = big_site("old");
    edit(&reference, "new");
    reference.build(&[]).assert_ok();
    let new = reference.snapshot();
    assert_ne!(old, new);

    // One timed update in place, and back.
    edit(&site, "new");
    let started = Instant::now();
    site.build(&[]).assert_ok();
    let full = started.elapsed();
    assert_same(&site.snapshot(), &new, "the update");
    edit(&site, "old");
    site.build(&[]).assert_ok();
    assert_same(&site.snapshot(), &old, "the update undone");

    for fraction in [0.3, 0.6, 0.8, 0.9, 0.95, 0.98, 1.0, 1.05, 1.2] {
        edit(&site, "new");
        let at = full.mul_f64(fraction);
        build_killed_at(&site, at);
        let halfway = leftovers(&site).iter().any(|n| n.contains(".nb-undo-"));
        if !halfway {
            let now = site.snapshot();
            assert!(
                now == old || now == new,
                "killed at {at:?}: a mixed public/"
            );
        }
        eprintln!("killed at {at:?}: left behind {:?}", leftovers(&site));

        site.write("content/news/zz-broken.md", "---\ntitle: [\n---\n");
        site.build(&[]).assert_code(1);
        site.remove("content/news/zz-broken.md");
        assert!(leftovers(&site).is_empty(), "{:?}", leftovers(&site));
        let now = site.snapshot();
        assert!(now == old || now == new, "killed at {at:?}: not put back");
        edit(&site, "old");
        site.build(&[]).assert_ok();
        assert_same(&site.snapshot(), &old, "the old site again");
    }
}

#[test]
fn killed_ledger_write_leaves_no_temporary_and_a_whole_ledger() {
    let site = TestSite::fixture("kinds");
    site.build(&[]).assert_ok();
    let ledger = std::fs::read_to_string(site.root.join("disclosures.lock")).unwrap();
    serde_json::from_str::<serde_json::Value>(&ledger).expect("ledger is whole JSON");
    // What a build killed between writing and renaming the ledger leaves.
    site.write(".disclosures.lock.tmp-99999", "{\"half\":");
    site.write(
        "content/disclosures/late.md",
        "---\ntitle: 新公示\ndate: 2026-11-20\nnumber: 工会〔2026〕99号\n---\n",
    );
    site.build(&[]).assert_ok();
    assert!(!site.root.join(".disclosures.lock.tmp-99999").exists());
    let ledger = std::fs::read_to_string(site.root.join("disclosures.lock")).unwrap();
    assert!(ledger.contains("99号"), "{ledger}");
}
