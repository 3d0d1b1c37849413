//! The disclosure ledger, tried the way someone quietly changing a published
//! notice would: renumbering it, turning it into news or a draft, moving or
//! deleting its file, swapping a picture, moving its end date through
//! `holidays.yaml`, giving it a blank or backdated note, a look-alike number,
//! or rewriting `disclosures.lock` to match. Each must fail the build until a
//! dated, non-empty note says why; the honest paths must keep working.

use std::fs;

use crate::harness::{Run, TestSite};

const PLAIN: &str = "content/disclosures/plain.md";
const LATIN: &str = "content/disclosures/latin.md";
const FUNDS: &str = "content/disclosures/funds/index.md";

/// A small PNG whose pixels depend on `seed`: two seeds, two pictures.
fn png(seed: u8) -> Vec<u8> {
    let img = image::RgbImage::from_fn(24, 16, |x, y| {
        image::Rgb([seed, (x * 10) as u8, (y * 15) as u8])
    });
    let mut out = std::io::Cursor::new(Vec::new());
    img.write_to(&mut out, image::ImageFormat::Png).unwrap();
    out.into_inner()
}

const PICTURES: [&str; 4] = ["cover.png", "a.png", "fig.png", "现场.png"];

/// The ledger fixture with its pictures, built once so every disclosure is
/// recorded.
fn published() -> TestSite {
    let site = TestSite::fixture("ledger");
    for (i, name) in PICTURES.iter().enumerate() {
        site.write(
            &format!("content/disclosures/funds/{name}"),
            png(i as u8 * 40),
        );
    }
    site.build(&[]).assert_ok();
    site
}

/// A build on another day than the harness's.
fn build_at(site: &TestSite, now: &str) -> Run {
    let root = site.root.to_string_lossy().into_owned();
    site.run(&["build", "--root", &root, "--now", now])
}

fn read(site: &TestSite, rel: &str) -> String {
    fs::read_to_string(site.root.join(rel)).unwrap()
}

/// `disclosures.lock`, empty when there is none.
fn lock(site: &TestSite) -> String {
    fs::read_to_string(site.root.join("disclosures.lock")).unwrap_or_default()
}

fn edit(site: &TestSite, rel: &str, from: &str, to: &str) {
    let text = read(site, rel);
    assert!(text.contains(from), "{rel} has no `{from}`");
    site.write(rel, text.replacen(from, to, 1));
}

/// Adds `revisions:` with one entry to the front matter of `rel`.
fn add_note(site: &TestSite, rel: &str, date: &str, note: &str) {
    let text = read(site, rel);
    let end = text[3..].find("\n---").unwrap() + 3;
    let revisions = if text[..end].contains("\nrevisions:") {
        format!("\n  - {{date: {date}, note: \"{note}\"}}")
    } else {
        format!("\nrevisions:\n  - {{date: {date}, note: \"{note}\"}}")
    };
    site.write(rel, format!("{}{revisions}{}", &text[..end], &text[end..]));
}

/// The build fails, names `needles` on stderr, and leaves output and ledger
/// as they were.
fn assert_refused(site: &TestSite, what: &str, needles: &[&str]) -> Run {
    let before_lock = lock(site);
    let before = site.snapshot();
    let run = site.build(&[]);
    assert_eq!(run.code, 1, "{what}: must fail\n{}", run.stderr);
    for needle in needles {
        assert!(
            run.stderr.contains(needle),
            "{what}: `{needle}` not in\n{}",
            run.stderr
        );
    }
    assert_eq!(lock(site), before_lock, "{what}: the ledger is untouched");
    assert!(site.snapshot() == before, "{what}: the output is untouched");
    site.check().assert_code(1);
    run
}

#[test]
fn a_renumbered_disclosure_fails_until_a_note_says_why() {
    let site = published();
    edit(&site, PLAIN, "工会〔2026〕2号", "工会〔2026〕9号");
    assert_refused(
        &site,
        "renumbered",
        &[
            "content/disclosures/plain.md:",
            "文号由 工会〔2026〕2号 改为 工会〔2026〕9号",
            "revisions:",
            "    - date: 2026-11-23",
        ],
    );
    add_note(&site, PLAIN, "2026-11-23", "文号登记有误，更正为9号");
    site.build(&[]).assert_ok();
    let ledger = lock(&site);
    assert!(
        ledger.contains("\"number_now\": \"工会〔2026〕9号\""),
        "{ledger}"
    );
    assert!(
        ledger.contains("\"number\": \"工会〔2026〕9号\""),
        "{ledger}"
    );
    assert!(ledger.contains("文号登记有误，更正为9号"), "{ledger}");
}

#[test]
fn a_renumbered_and_moved_disclosure_is_still_the_same_notice() {
    let site = published();
    let text = read(&site, PLAIN).replace("工会〔2026〕2号", "工会〔2026〕9号");
    site.remove(PLAIN);
    // Moved, renumbered, and the old address kept as an alias.
    site.write(
        "content/disclosures/help-list.md",
        text.replace("category:", "aliases: [/disclosures/plain/]\ncategory:"),
    );
    assert_refused(
        &site,
        "renumbered and moved",
        &["content/disclosures/help-list.md:", "改为 工会〔2026〕9号"],
    );
    add_note(
        &site,
        "content/disclosures/help-list.md",
        "2026-11-23",
        "文号更正",
    );
    site.build(&[]).assert_ok();
}

#[test]
fn turning_a_disclosure_into_news_or_a_draft_fails_until_noted() {
    for (what, from, to, state) in [
        (
            "kind: news",
            "category: 评先评优",
            "category: 评先评优\nkind: news",
            "`kind: news`",
        ),
        (
            "draft",
            "category: 评先评优",
            "category: 评先评优\ndraft: true",
            "`draft: true`",
        ),
    ] {
        let site = published();
        edit(&site, PLAIN, from, to);
        assert_refused(
            &site,
            what,
            &["content/disclosures/plain.md:", state, "不再作为公示发布"],
        );
        add_note(&site, PLAIN, "2026-11-23", "名单有误，撤下重新审核");
        site.build(&[]).assert_ok();
        let ledger = lock(&site);
        assert!(ledger.contains("\"withdrawn\""), "{what}: {ledger}");
        assert!(
            ledger.contains("名单有误，撤下重新审核"),
            "{what}: {ledger}"
        );
    }
}

#[test]
fn turning_the_whole_section_into_news_fails() {
    let site = published();
    edit(
        &site,
        "content/disclosures/_index.md",
        "kind: disclosure",
        "kind: news",
    );
    assert_refused(
        &site,
        "news section",
        &[
            "工会〔2026〕1号",
            "工会〔2026〕2号",
            "Union〔2026〕3号",
            "`kind: news`",
        ],
    );
}

#[test]
fn a_draft_section_still_publishes_its_notices() {
    // `draft: true` on `_index.md` hides the section's own page only; its
    // notices stay where they were, so the ledger has nothing to say.
    let site = published();
    edit(
        &site,
        "content/disclosures/_index.md",
        "kind: disclosure",
        "kind: disclosure\ndraft: true",
    );
    site.build(&[]).assert_ok();
    assert!(site.exists("disclosures/plain/index.html"));
}

#[test]
fn moving_a_disclosure_to_another_section_fails() {
    let site = published();
    let text = read(&site, PLAIN);
    site.remove(PLAIN);
    site.write("content/news/plain.md", text);
    assert_refused(
        &site,
        "moved into news",
        &["content/news/plain.md:", "`kind: news`"],
    );
}

#[test]
fn a_deleted_disclosure_fails_at_its_record_and_says_how_to_withdraw_it() {
    let site = published();
    site.remove(PLAIN);
    let run = assert_refused(
        &site,
        "deleted",
        &[
            "工会〔2026〕2号（/disclosures/plain/）记录在台账中，但站点里已经没有它",
            "git checkout -- content/disclosures/plain.md",
            "draft: true",
        ],
    );
    let line = lock(&site)
        .lines()
        .position(|l| l.contains("\"number\": \"工会〔2026〕2号\""))
        .unwrap()
        + 1;
    assert!(
        run.stderr
            .contains(&format!("disclosures.lock:{line}: error:")),
        "the record's line is named: {}",
        run.stderr
    );
}

#[test]
fn a_withdrawal_once_recorded_lets_the_file_go_and_keeps_its_number_used() {
    let site = published();
    edit(
        &site,
        PLAIN,
        "category: 评先评优",
        "category: 评先评优\ndraft: true",
    );
    add_note(&site, PLAIN, "2026-11-23", "误发，撤下");
    site.build(&[]).assert_ok();
    let withdrawn = lock(&site);
    site.remove(PLAIN);
    site.build(&[]).assert_ok();
    assert_eq!(lock(&site), withdrawn, "the record stays");

    // The number is not given again, not even written with a look-alike.
    for number in ["工会〔2026〕2号", "エ会〔2026〕2号"] {
        site.write(
            "content/disclosures/again.md",
            format!(
                "---\ntitle: 另一份公示\ndate: 2026-11-20\nnumber: {number}\ncategory: 评先评优\n---\n另一份。\n"
            ),
        );
        assert_refused(
            &site,
            number,
            &[
                "content/disclosures/again.md:4:",
                "误发，撤下",
                "noticeboard new disclosure",
            ],
        );
    }
    site.remove("content/disclosures/again.md");
    edit(
        &site,
        "site.yaml",
        "disclosure:\n",
        "disclosure:\n  number_format: \"工会〔{year}〕{seq}号\"\n",
    );
    let run = site.run(&[
        "new",
        "disclosure",
        "新的公示",
        "--root",
        site.root.to_str().unwrap(),
        "--now",
        "2026-11-23",
    ]);
    run.assert_ok();
    let created = fs::read_dir(site.root.join("content/disclosures"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.to_string_lossy().contains("xin-de-gong-shi"))
        .unwrap();
    let text = fs::read_to_string(created).unwrap();
    assert!(
        !text.contains("〔2026〕2号"),
        "`new` skips the withdrawn number: {text}"
    );
}

#[test]
fn a_moved_file_keeps_its_record_only_where_its_address_still_works() {
    // Same address (a file becomes a bundle): nothing to say.
    let site = published();
    let text = read(&site, PLAIN);
    site.remove(PLAIN);
    site.write("content/disclosures/plain/index.md", &text);
    site.build(&[]).assert_ok();
    assert!(lock(&site).contains("\"source\": \"content/disclosures/plain/index.md\""));

    // A new address: the old one would break.
    let site = published();
    site.remove(PLAIN);
    site.write("content/disclosures/renamed.md", &text);
    assert_refused(
        &site,
        "renamed",
        &[
            "网址由 /disclosures/plain/ 改为 /disclosures/renamed/",
            "aliases:",
        ],
    );
    // An alias keeps the old address working, so the address is no longer
    // the problem; the front matter changed, so a note is still due.
    let with_alias = text.replace("category:", "aliases: [/disclosures/plain/]\ncategory:");
    site.write("content/disclosures/renamed.md", &with_alias);
    let run = assert_refused(&site, "renamed with alias", &["的正文有改动"]);
    assert!(!run.stderr.contains("网址由"), "{}", run.stderr);
    add_note(
        &site,
        "content/disclosures/renamed.md",
        "2026-11-23",
        "移至新网址，旧网址保留跳转",
    );
    site.build(&[]).assert_ok();
    assert!(
        site.exists("disclosures/plain/index.html"),
        "the old address redirects"
    );

    let site = published();
    site.write(PLAIN, text.replace("category:", "slug: renamed\ncategory:"));
    assert_refused(
        &site,
        "a slug",
        &["网址由 /disclosures/plain/ 改为 /disclosures/renamed/"],
    );
}

#[test]
fn a_blank_backdated_postdated_or_undated_note_does_not_account_for_a_change() {
    for (what, date, note) in [
        ("blank", "2026-11-23", "   "),
        ("empty", "2026-11-23", ""),
        ("backdated before publication", "2026-01-05", "更正"),
        ("backdated before the record", "2026-11-20", "更正"),
        ("postdated", "2027-03-01", "更正"),
        ("not a date", "昨天", "更正"),
    ] {
        let site = published();
        // Recorded on 2026-11-23 (the build clock): a note about a later
        // change may not claim an earlier day.
        edit(&site, PLAIN, "拟帮扶以下职工", "拟帮扶以下困难职工");
        add_note(&site, PLAIN, date, note);
        let run = build_at(&site, "2026-11-24T09:00:00+08:00");
        assert_eq!(run.code, 1, "{what}\n{}", run.stderr);
        assert!(
            run.stderr.contains("不能作为这次改动的说明"),
            "{what}: {}",
            run.stderr
        );
        assert!(run.stderr.contains("[E0568]"), "{what}: {}", run.stderr);
        assert!(
            run.stderr.contains("日期不早于 2026-11-23"),
            "{what}: {}",
            run.stderr
        );
    }
    // And the honest note passes.
    let site = published();
    edit(&site, PLAIN, "拟帮扶以下职工", "拟帮扶以下困难职工");
    add_note(&site, PLAIN, "2026-11-24", "补充“困难”二字");
    build_at(&site, "2026-11-24T09:00:00+08:00").assert_ok();
    let page = site.html("disclosures/plain/index.html");
    assert_eq!(page.text(".revisions li"), "2026-11-24：补充“困难”二字");
}

#[test]
fn rewording_an_old_note_does_not_account_for_a_new_change() {
    let site = published();
    add_note(&site, PLAIN, "2026-11-23", "第一次更正");
    site.build(&[]).assert_ok();
    edit(&site, PLAIN, "拟帮扶以下职工", "拟帮扶以下两名职工");
    edit(&site, PLAIN, "第一次更正", "第一次更正，并删去一人");
    let run = build_at(&site, "2026-11-25T09:00:00+08:00");
    run.assert_code(1);
    assert!(run.stderr.contains("[E0503]"), "{}", run.stderr);
    assert!(run.stderr.contains("revisions: 列表末尾"), "{}", run.stderr);
    // Appending a new note is what it takes.
    add_note(&site, PLAIN, "2026-11-25", "删去一人，原因见第一次更正");
    build_at(&site, "2026-11-25T09:00:00+08:00").assert_ok();
}

#[test]
fn a_swapped_picture_fails_until_noted() {
    for name in PICTURES {
        let site = published();
        site.write(&format!("content/disclosures/funds/{name}"), png(250));
        assert_refused(
            &site,
            name,
            &[
                "content/disclosures/funds/index.md:",
                &format!("图片 content/disclosures/funds/{name} 被换过"),
            ],
        );
        add_note(&site, FUNDS, "2026-11-23", "更换为清晰的照片");
        site.build(&[]).assert_ok();
    }
}

#[test]
fn a_picture_added_to_or_dropped_from_the_text_is_a_change() {
    let site = published();
    site.write("content/disclosures/funds/new.png", png(7));
    let text = read(&site, FUNDS);
    // Raw HTML shows it as much as Markdown does.
    site.write(
        FUNDS,
        format!("{text}\n<img src=\"new.png\" alt=\"新增\">\n"),
    );
    assert_refused(
        &site,
        "added",
        &[
            "新增了图片 content/disclosures/funds/new.png",
            "的正文有改动",
        ],
    );
    let site = published();
    // The cover goes; the text stays the same length of front matter but shows less.
    edit(&site, FUNDS, "cover: cover.png\n", "");
    assert_refused(
        &site,
        "dropped",
        &["图片 content/disclosures/funds/cover.png 不再显示"],
    );
}

#[test]
fn a_holidays_file_that_moves_the_end_of_a_notice_fails_until_noted() {
    let site = published();
    // A weekend that is not in the notice period changes nothing.
    site.write(
        "holidays.yaml",
        "years:\n  2026:\n    holidays: [{date: 2026-12-24, name: 厂庆}]\n",
    );
    site.build(&[]).assert_ok();
    // A local day off inside it moves the end from 11-20 to 11-23.
    site.write(
        "holidays.yaml",
        "years:\n  2026:\n    holidays: [{date: 2026-11-18, name: 厂庆}]\n",
    );
    assert_refused(
        &site,
        "holiday",
        &[
            "content/disclosures/plain.md:",
            "公示期由 2026-11-16–2026-11-20 变为 2026-11-16–2026-11-23",
        ],
    );
    // A make-up workday that pulls another notice's end earlier, the same.
    site.write(
        "holidays.yaml",
        "years:\n  2026:\n    workdays: [{date: 2026-10-11, for: 厂庆}]\n",
    );
    assert_refused(
        &site,
        "workday",
        &[
            "content/disclosures/funds/index.md:",
            "公示期由 2026-10-09–2026-10-14 变为 2026-10-09–2026-10-13",
        ],
    );
    // Accounted for by a note on the notice whose period moved.
    add_note(&site, FUNDS, "2026-11-23", "按厂里调休安排，公示期相应调整");
    site.build(&[]).assert_ok();
    assert!(lock(&site).contains("\"until\": \"2026-10-13\""));
}

#[test]
fn look_alike_numbers_are_one_number() {
    // Two pages that look alike are a duplicate, with the disguise named.
    let site = TestSite::fixture("ledger");
    for (i, name) in PICTURES.iter().enumerate() {
        site.write(&format!("content/disclosures/funds/{name}"), png(i as u8));
    }
    for disguised in [
        "Uniоn〔2026〕3号",      // Cyrillic о
        "Ｕｎｉｏｎ〔2026〕3号", // full width
        "Unіon〔2026〕3号",      // Cyrillic і
        "Uni\u{200B}on〔2026〕3号",
    ] {
        site.write(
            "content/disclosures/copy.md",
            format!(
                "---\ntitle: Union dues report\ndate: 2026-11-02\nnumber: \"{disguised}\"\ncategory: 财务公开\n---\nDues.\n"
            ),
        );
        let run = site.build(&[]);
        if disguised.contains('\u{200B}') {
            // The number check refuses invisible characters outright.
            run.assert_code(1);
            continue;
        }
        run.assert_code(1);
        assert!(
            run.stderr.contains("[E0524]"),
            "{disguised}: {}",
            run.stderr
        );
        assert!(run.stderr.contains("U+"), "{disguised}: {}", run.stderr);
    }

    // A recorded number swapped for its look-alike is a renumbering.
    let site = published();
    edit(&site, LATIN, "Union〔2026〕3号", "Uniоn〔2026〕3号");
    assert_refused(&site, "in place", &["改为 Uniоn〔2026〕3号"]);
    // Also from a new file at a new address, the old one deleted.
    let site = published();
    let text = read(&site, LATIN).replace("Union〔2026〕3号", "Ｕｎｉｏｎ〔2026〕3号");
    site.remove(LATIN);
    site.write(
        "content/disclosures/dues.md",
        text.replace("October", "Sept."),
    );
    assert_refused(
        &site,
        "new file",
        &["content/disclosures/dues.md:", "Union〔2026〕3号", "网址由"],
    );
}

#[test]
fn a_rewritten_lock_is_caught_by_the_ledger_already_published() {
    // The lock regenerated from the edited site (what someone hiding a change
    // would commit): the previous output still tells.
    let site = published();
    let saved = site.root.join("../published-ledger.json");
    fs::copy(site.public().join("disclosures/ledger.json"), &saved).unwrap();
    edit(&site, PLAIN, "拟帮扶以下职工", "拟帮扶以下三名职工");
    let forged = TestSite::fixture("ledger");
    for (i, name) in PICTURES.iter().enumerate() {
        forged.write(
            &format!("content/disclosures/funds/{name}"),
            png(i as u8 * 40),
        );
    }
    forged.write(PLAIN, read(&site, PLAIN));
    forged.build(&[]).assert_ok();
    site.write("disclosures.lock", lock(&forged));
    let run = assert_refused(
        &site,
        "forged lock",
        &[
            "的正文有改动",
            "这是与已发布的台账 public/disclosures/ledger.json 比较的结果",
        ],
    );
    assert!(!run.stderr.contains("保存着发布时的指纹"), "{}", run.stderr);

    // Without the previous output, only a saved copy can tell.
    fs::remove_dir_all(site.public()).unwrap();
    site.build(&[]).assert_ok();
    fs::remove_dir_all(site.public()).unwrap();
    site.write("disclosures.lock", lock(&forged));
    let from = saved.to_str().unwrap();
    let run = site.build(&["--ledger-from", from]);
    run.assert_code(1);
    assert!(
        run.stderr.contains("published-ledger.json"),
        "{}",
        run.stderr
    );
    let root = site.root.to_str().unwrap();
    site.run(&["check", "--root", root, "--ledger-from", from])
        .assert_code(1);

    // Renaming the disclosure section moves where the ledger is published;
    // the previous output's status file still says where it was.
    let site = published();
    let forged = TestSite::fixture("ledger");
    for (i, name) in PICTURES.iter().enumerate() {
        forged.write(
            &format!("content/disclosures/funds/{name}"),
            png(i as u8 * 40),
        );
    }
    for tree in [&site, &forged] {
        fs::rename(
            tree.root.join("content/disclosures"),
            tree.root.join("content/gongkai"),
        )
        .unwrap();
    }
    forged.build(&[]).assert_ok();
    site.write("disclosures.lock", lock(&forged));
    assert!(
        read(&site, "public/.well-known/noticeboard.json")
            .contains("\"ledger\": \"disclosures/ledger.json\""),
    );
    assert_refused(
        &site,
        "section renamed",
        &[
            "网址由 /disclosures/plain/ 改为 /gongkai/plain/",
            "public/disclosures/ledger.json",
        ],
    );

    // A deleted lock, or a record removed from it, is caught the same way.
    let site = published();
    site.remove(PLAIN);
    site.remove("disclosures.lock");
    assert_refused(
        &site,
        "lock deleted",
        &[
            "public/disclosures/ledger.json:",
            "工会〔2026〕2号",
            "[E0560]",
        ],
    );
}

#[test]
fn the_published_ledger_is_a_file_and_must_be_readable() {
    let site = published();
    let root = site.root.to_str().unwrap();
    let run = site.run(&[
        "build",
        "--root",
        root,
        "--ledger-from",
        "https://example.org/disclosures/ledger.json",
    ]);
    run.assert_code(2);
    assert!(run.stderr.contains("curl -o ledger.json"), "{}", run.stderr);
    let run = site.build(&["--ledger-from", "no-such-ledger.json"]);
    run.assert_code(1);
    assert!(run.stderr.contains("[E0501]"), "{}", run.stderr);
    site.write(
        "public/disclosures/ledger.json",
        "{\"version\": 1, \"entries\": [",
    );
    let run = site.build(&[]);
    run.assert_code(1);
    assert!(run.stderr.contains("[E0502]"), "{}", run.stderr);
    let help = site.run(&["build", "--help"]);
    assert!(help.stdout.contains("--ledger-from"), "{}", help.stdout);
    assert!(help.stdout.contains("已发布的公示台账"), "{}", help.stdout);
    let help = site.run(&["check", "--help"]);
    assert!(help.stdout.contains("--ledger-from"), "{}", help.stdout);
}

#[cfg(unix)]
#[test]
fn a_ledger_that_is_not_a_plain_file_fails_instead_of_hanging() {
    let site = published();
    fs::remove_file(site.public().join("disclosures/ledger.json")).unwrap();
    std::os::unix::fs::symlink("/dev/zero", site.public().join("disclosures/ledger.json")).unwrap();
    let run = site.build(&[]);
    run.assert_code(1);
    assert!(run.stderr.contains("[E0501]"), "{}", run.stderr);
}

#[test]
fn a_format_1_lock_is_upgraded_once_and_still_guards_text() {
    let site = published();
    // What noticeboard wrote before pictures and notice periods were recorded.
    let v2: serde_json::Value = serde_json::from_str(&lock(&site)).unwrap();
    let mut v1 = v2.clone();
    v1["version"] = 1.into();
    for entry in v1["entries"].as_array_mut().unwrap() {
        let entry = entry.as_object_mut().unwrap();
        for key in ["pictures", "notice", "notes", "recorded", "withdrawn"] {
            entry.remove(key);
        }
    }
    let v1 = serde_json::to_string_pretty(&v1).unwrap();
    site.write("disclosures.lock", &v1);
    fs::remove_dir_all(site.public()).unwrap();

    // A text change is still caught on a format-1 record.
    let text = read(&site, PLAIN);
    edit(&site, PLAIN, "拟帮扶以下职工", "拟帮扶以下三名职工");
    let run = site.build(&[]);
    run.assert_code(1);
    assert!(run.stderr.contains("的正文有改动"), "{}", run.stderr);
    site.write(PLAIN, text);

    let run = site.build(&[]);
    run.assert_ok();
    assert!(run.stderr.contains("[W0569]"), "{}", run.stderr);
    assert!(
        run.stderr.contains("由旧版 noticeboard 写成"),
        "{}",
        run.stderr
    );
    let upgraded = lock(&site);
    assert!(upgraded.contains("\"version\": 2"));
    assert!(upgraded.contains("\"pictures\""));
    let run = site.build(&[]);
    run.assert_ok();
    assert!(!run.stderr.contains("[W0569]"), "once: {}", run.stderr);

    // A newer format is refused, not misread.
    site.write(
        "disclosures.lock",
        upgraded.replace("\"version\": 2", "\"version\": 9"),
    );
    let run = site.build(&[]);
    run.assert_code(1);
    assert!(
        run.stderr.contains("disclosures.lock:2: error"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("[E0569]"), "{}", run.stderr);
}

/// Format 1 hashed a photo attachment as written, metadata and all; it is
/// now hashed as published. Upgrading must not call the same photo changed,
/// and a photo really swapped on a format-1 record is still a change.
#[test]
fn a_format_1_lock_keeps_a_photo_attachment_recorded_as_written() {
    let site = published();
    let photo = crate::images::phone_jpeg(64, 48, 1);
    site.write("content/disclosures/funds/现场照片.jpg", &photo);
    edit(
        &site,
        FUNDS,
        "category: 财务公开",
        "category: 财务公开\nattachments:\n  - {file: 现场照片.jpg, title: 现场照片}",
    );
    add_note(&site, FUNDS, "2026-11-23", "补充现场照片附件");
    site.build(&[]).assert_ok();

    // The lock as format 1 wrote it: the photo's size and hash as written.
    let mut v1: serde_json::Value = serde_json::from_str(&lock(&site)).unwrap();
    v1["version"] = 1.into();
    for entry in v1["entries"].as_array_mut().unwrap() {
        let entry = entry.as_object_mut().unwrap();
        for key in ["pictures", "notice", "notes", "recorded", "withdrawn"] {
            entry.remove(key);
        }
        for a in entry["attachments"].as_array_mut().unwrap() {
            if a["file"] == "现场照片.jpg" {
                assert_ne!(a["sha256"], crate::harness::sha256_hex(&photo).as_str());
                a["sha256"] = crate::harness::sha256_hex(&photo).into();
                a["size"] = photo.len().into();
            }
        }
    }
    let v1 = serde_json::to_string_pretty(&v1).unwrap();
    site.write("disclosures.lock", &v1);

    // A different photo under the same name is still caught.
    site.write(
        "content/disclosures/funds/现场照片.jpg",
        crate::images::phone_jpeg(64, 40, 1),
    );
    let run = site.build(&[]);
    run.assert_code(1);
    assert!(run.stderr.contains("现场照片.jpg"), "{}", run.stderr);

    // The same photo upgrades quietly, recorded as published from now on.
    site.write("content/disclosures/funds/现场照片.jpg", &photo);
    let run = site.build(&[]);
    run.assert_ok();
    assert!(run.stderr.contains("[W0569]"), "{}", run.stderr);
    let upgraded: serde_json::Value = serde_json::from_str(&lock(&site)).unwrap();
    let recorded = upgraded["entries"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|e| e["attachments"].as_array().unwrap())
        .find(|a| a["file"] == "现场照片.jpg")
        .unwrap();
    assert_ne!(
        recorded["sha256"],
        crate::harness::sha256_hex(&photo).as_str()
    );
    site.build(&[]).assert_ok();
}

#[test]
fn an_english_site_is_told_what_to_write_in_english() {
    let site = published();
    edit(
        &site,
        "site.yaml",
        "title: 台账测试",
        "title: Ledger test\nlanguage: en",
    );
    edit(&site, PLAIN, "拟帮扶以下职工", "拟帮扶以下三名职工");
    let run = site.build(&[]);
    run.assert_code(1);
    for needle in [
        "content/disclosures/plain.md:",
        "was changed after it was published",
        "revisions:\n    - date: 2026-11-23\n      note: Corrected",
        "dated 2026-11-23 or later",
    ] {
        assert!(run.stderr.contains(needle), "`{needle}`: {}", run.stderr);
    }
}
