//! The union kinds on a fixture site: grouped listings, campaign and notice
//! status at chosen build clocks, working-day periods over holidays, numbers,
//! corrections, attachments and the disclosure ledger.

use crate::harness::{Run, TestSite, sha256_hex};

fn build_at(site: &TestSite, now: &str) -> Run {
    let root = site.root.to_string_lossy().into_owned();
    site.run(&["build", "--root", &root, "--now", now])
}

fn group_titles(site: &TestSite, rel: &str) -> Vec<(String, Vec<String>)> {
    let page = site.html(rel);
    let headings = page.texts(".group h2");
    let sel = scraper::Selector::parse(".group").unwrap();
    let titles = scraper::Selector::parse(".card-title a").unwrap();
    page.doc
        .select(&sel)
        .zip(headings)
        .map(|(g, h)| {
            (
                h,
                g.select(&titles)
                    .map(|a| a.text().collect::<String>())
                    .collect(),
            )
        })
        .collect()
}

#[test]
fn model_workers_are_grouped_by_highest_honour_then_year() {
    let site = TestSite::fixture("kinds");
    site.build(&[]).assert_ok();
    let groups = group_titles(&site, "model-workers/index.html");
    assert_eq!(
        groups,
        vec![
            ("全国劳动模范".to_string(), vec!["全国劳模甲".to_string()]),
            (
                "省部级劳动模范".to_string(),
                vec!["省劳模乙".to_string(), "省劳模丁".to_string()]
            ),
            ("市级劳动模范".to_string(), vec!["市劳模丙".to_string()]),
        ]
    );
}

#[test]
fn craftsmen_are_grouped_by_trade() {
    let site = TestSite::fixture("kinds");
    site.build(&[]).assert_ok();
    let groups = group_titles(&site, "craftsmen/index.html");
    assert_eq!(groups.len(), 2);
    let welders = groups.iter().find(|(t, _)| t == "焊工").unwrap();
    assert_eq!(welders.1, vec!["焊工丙", "焊工甲"]);
    assert_eq!(
        groups.iter().find(|(t, _)| t == "电工").unwrap().1,
        vec!["电工乙"]
    );
}

#[test]
fn campaigns_are_grouped_by_status_at_the_build_clock() {
    let site = TestSite::fixture("kinds");
    site.build(&[]).assert_ok();
    let groups = group_titles(&site, "campaigns/index.html");
    let names: Vec<&str> = groups.iter().map(|(t, _)| t.as_str()).collect();
    assert_eq!(names, vec!["进行中", "未开始", "已结束"]);
    assert_eq!(groups[0].1, vec!["年度安康杯"]);
    // In January the winter campaign has started beside the annual one; in March
    // the annual one has ended too.
    build_at(&site, "2027-01-10T09:00:00+08:00").assert_ok();
    let january = group_titles(&site, "campaigns/index.html");
    assert_eq!(
        january[0],
        (
            "进行中".to_string(),
            vec!["送温暖".to_string(), "年度安康杯".to_string()]
        )
    );
    build_at(&site, "2027-03-01T00:00:00+08:00").assert_ok();
    let march = group_titles(&site, "campaigns/index.html");
    assert_eq!(march.len(), 1);
    assert_eq!(march[0].1, vec!["年度安康杯", "送温暖", "安全生产月"]);
    build_at(&site, "2026-11-23T09:00:00+08:00").assert_ok();
    let page = site.html("campaigns/ongoing/index.html");
    assert_eq!(page.text(".facts .status"), "进行中");
}

#[test]
fn campaign_page_lists_news_with_its_tag() {
    let site = TestSite::fixture("kinds");
    site.build(&[]).assert_ok();
    let page = site.html("campaigns/ongoing/index.html");
    assert_eq!(
        page.texts(".campaign-news .card-title a"),
        vec!["安康杯推进会召开"]
    );
    assert!(
        page.text(".facts").contains("3月1日至2027年2月28日")
            || page.text(".facts").contains("2026年3月1日至2027年2月28日")
    );
}

#[test]
fn notice_status_turns_at_local_midnight_after_the_last_day() {
    let site = TestSite::fixture("kinds");
    // 5 working days from Thursday 2026-11-19: 19, 20, 23, 24, 25.
    build_at(&site, "2026-11-25T23:59:00+08:00").assert_ok();
    let page = site.html("disclosures/open/index.html");
    assert_eq!(page.text(".notice-period"), "公示期：11月19日至11月25日");
    assert_eq!(page.text(".notice-line .status"), "公示中");
    assert_eq!(
        page.attr(".notice-line .status", "data-status-ends"),
        "2026-11-26T00:00:00+08:00"
    );
    build_at(&site, "2026-11-26T00:00:00+08:00").assert_ok();
    let page = site.html("disclosures/open/index.html");
    assert_eq!(page.text(".notice-line .status"), "公示结束");
    assert_eq!(page.text(".archived-on"), "归档时间：2026年11月26日");
}

#[test]
fn spec_example_five_working_days_from_a_thursday() {
    let site = TestSite::fixture("kinds");
    site.build(&[]).assert_ok();
    let page = site.html("disclosures/closed/index.html");
    assert_eq!(page.text(".notice-period"), "公示期：5月14日至5月20日");
}

#[test]
fn working_days_skip_national_day_and_count_the_make_up_sunday() {
    let site = TestSite::fixture("kinds");
    site.build(&[]).assert_ok();
    // From Friday 2025-09-26: 26, 28 (调休 Sunday), 29, 30, then 国庆/中秋 off
    // until 10-08, which is day 5... the calendar decides; the page shows it.
    let page = site.html("disclosures/national-day/index.html");
    assert_eq!(page.text(".notice-period"), "公示期：9月26日至10月9日");
}

#[test]
fn a_period_into_an_unknown_year_warns_and_holidays_yaml_fixes_it() {
    let site = TestSite::fixture("kinds");
    site.write(
        "content/disclosures/late.md",
        "---\ntitle: 年底公示\ndate: 2026-12-28\nnumber: 工会〔2026〕40号\nnotice: {from: 2026-12-28, days: 10}\n---\n",
    );
    let run = site.build(&[]);
    run.assert_ok();
    assert!(
        run.stderr
            .contains("content/disclosures/late.md:5: warning:"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("holidays.yaml"), "{}", run.stderr);
    site.write(
        "holidays.yaml",
        "years:\n  2027:\n    holidays:\n      - {date: 2027-01-01, name: 元旦}\n    workdays: []\n",
    );
    // The notice was published with the guessed end: moving it is a change
    // to a published notice, which the ledger wants explained.
    let run = site.build(&[]);
    run.assert_code(1);
    assert!(
        run.stderr
            .contains("公示期由 2026-12-28–2027-01-08 变为 2026-12-28–2027-01-11"),
        "{}",
        run.stderr
    );
    site.write(
        "content/disclosures/late.md",
        "---\ntitle: 年底公示\ndate: 2026-12-28\nnumber: 工会〔2026〕40号\nnotice: {from: 2026-12-28, days: 10}\nrevisions:\n  - {date: 2026-12-28, note: 按2027年节假日安排更正公示期}\n---\n",
    );
    let run = site.build(&[]);
    run.assert_ok();
    assert!(!run.stderr.contains("warning"), "{}", run.stderr);
    // 28, 29, 30, 31 Dec, then 4–8 Jan 2027 (1 Jan off, 2–3 weekend), 11 Jan.
    let page = site.html("disclosures/late/index.html");
    assert_eq!(
        page.text(".notice-period"),
        "公示期：2026年12月28日至2027年1月11日"
    );
}

#[test]
fn site_js_recomputes_status_from_the_visitors_clock_from_file_urls() {
    let site = TestSite::fixture("kinds");
    // Relative links, as in an archive opened from a folder or USB stick.
    site.build(&["--relative"]).assert_ok();
    let rel = "disclosures/open/index.html";
    // What a reader without script sees: the status at the build clock
    // (2026-11-23; the period is 19-25 November), and no inline status script.
    assert_eq!(site.html(rel).text(".notice-line .status"), "公示中");
    let html = site.read(rel);
    assert!(
        html.split("<script>")
            .skip(1)
            .filter_map(|s| s.split("</script>").next())
            .all(|s| !s.contains("data-status")),
        "the status script belongs in site.js"
    );
    assert!(html.contains(r#"<script src="../../assets/site.js" defer></script>"#));
    let url = crate::harness::file_url(&site.public().join(rel));
    let before = "2026-11-10T12:00:00+08:00";
    let last_minute = "2026-11-25T23:59:00+08:00";
    let after = "2026-11-26T00:00:01+08:00";
    let Some(r) =
        crate::harness::playwright("status-clock.mjs", &[&url, before, last_minute, after])
    else {
        return;
    };
    let first = |time: &str| {
        let s = &r[time][0];
        format!("{}|{}|{}", s["text"], s["status"], s["className"]).replace('"', "")
    };
    assert_eq!(first(before), "待公示|before|status status-before", "{r}");
    assert_eq!(
        first(last_minute),
        "公示中|during|status status-during",
        "{r}"
    );
    assert_eq!(first(after), "公示结束|after|status status-after", "{r}");
}

#[test]
fn malformed_and_duplicate_numbers_are_errors() {
    let site = TestSite::fixture("kinds");
    site.write(
        "content/disclosures/bad.md",
        "---\ntitle: 坏文号\ndate: 2026-01-01\nnumber: 工会[2026]012号\n---\n",
    );
    site.write(
        "content/disclosures/dup.md",
        "---\ntitle: 重号\ndate: 2026-01-02\nnumber: 工会〔2026〕31号\n---\n",
    );
    let run = site.build(&[]);
    run.assert_code(1);
    assert!(
        run.stderr.contains("content/disclosures/bad.md:4: error:"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("工会〔2026〕12号"),
        "the expected form is shown: {}",
        run.stderr
    );
    assert!(
        run.stderr.contains("文号 工会〔2026〕31号 被多个文件使用"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("content/disclosures/dup.md"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("content/disclosures/open.md"),
        "{}",
        run.stderr
    );
}

#[test]
fn unknown_category_and_honour_level_are_errors() {
    let site = TestSite::fixture("kinds");
    site.write(
        "content/disclosures/cat.md",
        "---\ntitle: 类别错\ndate: 2026-01-01\nnumber: 工会〔2026〕50号\ncategory: 其他\n---\n",
    );
    let run = site.build(&[]);
    run.assert_code(1);
    assert!(
        run.stderr
            .contains("content/disclosures/cat.md:5: error: 类别 `其他` 不在"),
        "{}",
        run.stderr
    );
}

#[test]
fn corrections_link_both_ways() {
    let site = TestSite::fixture("kinds");
    site.build(&[]).assert_ok();
    let original = site.html("disclosures/closed/index.html");
    assert!(
        original
            .text(".banner-corrected")
            .contains("本公示内容已更正")
    );
    assert_eq!(
        original.attr(".banner-corrected a", "href"),
        "/disclosures/correction/"
    );
    let correction = site.html("disclosures/correction/index.html");
    assert_eq!(
        correction.attr(".banner-correction a", "href"),
        "/disclosures/closed/"
    );
    assert!(
        correction
            .text(".banner-correction")
            .contains("更正原因：金额录入有误")
    );
}

#[test]
fn attachments_are_published_with_size_and_hash() {
    let site = TestSite::fixture("kinds");
    site.build(&[]).assert_ok();
    let page = site.html("disclosures/nominees/index.html");
    let item = page.text(".attachments li");
    assert!(item.starts_with("附件1：推荐名单（PDF，25 B）"), "{item}");
    assert!(
        item.contains(&sha256_hex(b"%PDF-1.4 test attachment\n")),
        "{item}"
    );
    assert_eq!(
        page.attr(".attachments a", "href"),
        "/disclosures/nominees/名单.pdf"
    );
    assert_eq!(
        site.read("disclosures/nominees/名单.pdf"),
        "%PDF-1.4 test attachment\n"
    );
}

#[test]
fn a_missing_attachment_is_an_error() {
    let site = TestSite::fixture("kinds");
    site.remove("content/disclosures/nominees/名单.pdf");
    let run = site.build(&[]);
    run.assert_code(1);
    assert!(
        run.stderr
            .contains("content/disclosures/nominees/index.md:7: error: 附件 `名单.pdf` 不存在"),
        "{}",
        run.stderr
    );
}

#[test]
fn the_ledger_catches_a_tampered_attachment_until_a_revision_is_recorded() {
    let site = TestSite::fixture("kinds");
    site.build(&[]).assert_ok();
    let ledger = std::fs::read_to_string(site.root.join("disclosures.lock")).unwrap();
    assert!(ledger.contains("工会〔2026〕20号"));
    assert!(ledger.contains(&sha256_hex(b"%PDF-1.4 test attachment\n")));
    let published = site.snapshot();

    site.write(
        "content/disclosures/nominees/名单.pdf",
        "%PDF-1.4 quietly changed\n",
    );
    let run = site.build(&[]);
    run.assert_code(1);
    assert!(
        run.stderr.contains("content/disclosures/nominees/index.md"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("公示 工会〔2026〕20号 发布后被修改"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("附件 名单.pdf 有改动"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("revisions:"),
        "the fix is shown: {}",
        run.stderr
    );
    assert_eq!(
        site.snapshot(),
        published,
        "the published site is untouched"
    );
    assert_eq!(
        std::fs::read_to_string(site.root.join("disclosures.lock")).unwrap(),
        ledger
    );

    let text =
        std::fs::read_to_string(site.root.join("content/disclosures/nominees/index.md")).unwrap();
    site.write(
        "content/disclosures/nominees/index.md",
        text.replace(
            "---\n正文",
            "revisions:\n  - {date: 2026-11-23, note: 更正附件中一处姓名错误}\n---\n正文",
        ),
    );
    site.build(&[]).assert_ok();
    let page = site.html("disclosures/nominees/index.html");
    assert_eq!(
        page.text(".revisions li"),
        "2026-11-23：更正附件中一处姓名错误"
    );
    let ledger = std::fs::read_to_string(site.root.join("disclosures.lock")).unwrap();
    assert!(ledger.contains(&sha256_hex(b"%PDF-1.4 quietly changed\n")));
}

#[test]
fn editing_the_text_of_a_published_disclosure_also_needs_a_revision() {
    let site = TestSite::fixture("kinds");
    site.build(&[]).assert_ok();
    let path = "content/disclosures/open.md";
    let text = std::fs::read_to_string(site.root.join(path)).unwrap();
    site.write(path, text.replace("正文。", "改过的正文。"));
    let run = site.build(&[]);
    run.assert_code(1);
    assert!(
        run.stderr
            .contains("content/disclosures/open.md 的正文有改动"),
        "{}",
        run.stderr
    );
    // Line endings alone are not a change (a Windows checkout).
    site.write(path, text.replace('\n', "\r\n"));
    site.build(&[]).assert_ok();
}

#[test]
fn ledger_and_next_status_change_are_published() {
    let site = TestSite::fixture("kinds");
    let run = site.build(&[]);
    run.assert_ok();
    assert!(
        run.stdout
            .contains("下一次状态变化：2026-11-26T00:00:00+08:00"),
        "{}",
        run.stdout
    );
    let ledger = site.read("disclosures/ledger.json");
    assert!(ledger.contains("\"number\": \"工会〔2026〕31号\""));
    let status = site.read(".well-known/noticeboard.json");
    assert!(
        status.contains("\"next_status_change\": \"2026-11-26T00:00:00+08:00\""),
        "{status}"
    );
}

#[test]
fn disclosure_listing_shows_open_notices_first_then_archives() {
    let site = TestSite::fixture("kinds");
    site.build(&[]).assert_ok();
    let groups = group_titles(&site, "disclosures/index.html");
    assert_eq!(
        groups[0],
        ("正在公示".to_string(), vec!["正在公示的名单".to_string()])
    );
    assert_eq!(groups[1].0, "往期公示 · 2026年");
    let listing = site.html("disclosures/index.html");
    assert!(listing.text(".card-meta").contains("工会〔2026〕31号"));
    let archived: Vec<String> = listing
        .texts(".card-meta")
        .into_iter()
        .filter(|t| t.contains("归档时间"))
        .collect();
    assert!(
        archived
            .iter()
            .any(|t| t.contains("归档时间：2020年5月21日")),
        "{archived:?}"
    );
    // Archives by year and by category.
    let year = site.html("disclosures/2020/index.html");
    assert_eq!(year.texts(".group h2"), vec!["财务公开"]);
    let category = site.html("disclosures/category/ping-xian-ping-you/index.html");
    assert_eq!(category.texts(".group h2"), vec!["2026", "2025"]);
}

#[test]
fn new_creates_each_kind_from_its_archetype_and_never_overwrites() {
    let site = TestSite::fixture("kinds");
    let root = site.root.to_string_lossy().into_owned();
    let now = "2026-11-23T10:00:00+08:00";
    let cases = [
        (
            "news",
            "重庆银行工会送清凉",
            "content/news/2026-11-23-chong-qing-yin-hang-gong-hui-song-qing-liang.md",
        ),
        (
            "model-worker",
            "张建国",
            "content/model-workers/zhang-jian-guo.md",
        ),
        ("craftsman", "李秀英", "content/craftsmen/li-xiu-ying.md"),
        (
            "campaign",
            "安全生产月",
            "content/campaigns/an-quan-sheng-chan-yue.md",
        ),
        (
            "disclosure",
            "厂务公开名单",
            "content/disclosures/chang-wu-gong-kai-ming-dan.md",
        ),
    ];
    for (kind, title, path) in cases {
        let run = site.run(&["new", kind, title, "--root", &root, "--now", now]);
        run.assert_ok();
        let text = std::fs::read_to_string(site.root.join(path))
            .unwrap_or_else(|_| panic!("{kind}: {path}\n{}", run.stdout));
        assert!(text.contains(&format!("title: \"{title}\"")), "{text}");
        assert!(text.contains("date: 2026-11-23 10:00"), "{text}");
        // Running it again changes nothing and fails.
        let again = site.run(&["new", kind, title, "--root", &root, "--now", now]);
        again.assert_code(1);
        assert!(again.stderr.contains("文件已存在"), "{}", again.stderr);
        assert!(again.stderr.contains("[E1006]"), "{}", again.stderr);
        assert_eq!(std::fs::read_to_string(site.root.join(path)).unwrap(), text);
    }
    let disclosure = std::fs::read_to_string(site.root.join(cases[4].2)).unwrap();
    // 工会〔2026〕31号 is the highest number of 2026 in the fixture.
    assert!(
        disclosure.contains("number: 工会〔2026〕32号"),
        "{disclosure}"
    );
    // Stubs of required fields are reported by name until filled in.
    let run = site.check();
    run.assert_code(1);
    assert!(
        run.stderr
            .contains("content/model-workers/zhang-jian-guo.md:5: error: 必填字段 `unit` 是空的"),
        "{}",
        run.stderr
    );
}
