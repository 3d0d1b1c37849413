//! Bad input: every problem is reported with file, line and column, all at once,
//! exit code 1, and the published site is left exactly as it was.

use crate::harness::TestSite;

#[test]
fn broken_front_matter_names_file_line_and_column() {
    let site = TestSite::fixture("broken");
    let run = site.build(&[]);
    run.assert_code(1);
    assert!(
        run.stderr.contains("content/news/a.md:3:8: error:"),
        "stderr:\n{}",
        run.stderr
    );
}

#[test]
fn all_errors_of_a_build_are_reported_together() {
    let site = TestSite::fixture("broken");
    let run = site.build(&[]);
    run.assert_code(1);
    assert!(run.stderr.contains("content/news/a.md:3"), "{}", run.stderr);
    assert!(
        run.stderr
            .contains("content/news/b.md:2: error: 缺少必填字段 `title`"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("content/news/c.md:1:1: error: 缺少前置信息"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("3 个错误"), "{}", run.stderr);
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
}

#[test]
fn a_failed_build_leaves_public_untouched() {
    let site = TestSite::fixture("basic");
    site.build(&[]).assert_ok();
    let before = site.snapshot();
    site.write(
        "content/news/broken.md",
        "---\ntitle: 坏文件\ndate: [2026\n---\n",
    );
    site.build(&[]).assert_code(1);
    assert_eq!(site.snapshot(), before);
    let leftovers: Vec<String> = std::fs::read_dir(&site.root)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("nb-tmp") || n.contains("nb-old"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn duplicate_urls_name_both_files() {
    let site = TestSite::fixture("basic");
    site.write(
        "content/news/copy.md",
        "---\ntitle: 重复\ndate: 2026-01-01\nslug: 2026-10-01-autumn\n---\n",
    );
    let run = site.build(&[]);
    run.assert_code(1);
    assert!(
        run.stderr.contains("content/news/2026-10-01-autumn.md"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("content/news/copy.md"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("/news/2026-10-01-autumn/"),
        "{}",
        run.stderr
    );
}

#[test]
fn missing_kind_field_names_the_field() {
    let site = TestSite::fixture("basic");
    site.write(
        "content/model-workers/li.md",
        "---\ntitle: 李师傅\ndate: 2026-01-01\n---\n",
    );
    let run = site.build(&[]);
    run.assert_code(1);
    assert!(
        run.stderr
            .contains("content/model-workers/li.md:2: error: model-worker 页面缺少必填字段 `unit`"),
        "{}",
        run.stderr
    );
}

#[test]
fn bad_honor_level_points_at_the_value() {
    let site = TestSite::fixture("basic");
    site.write(
        "content/model-workers/zhao.md",
        "---\ntitle: 赵师傅\ndate: 2026-01-01\nunit: 一车间\nhonors:\n  - {title: 模范, level: galaxy, year: 2025}\n---\n",
    );
    let run = site.build(&[]);
    run.assert_code(1);
    assert!(
        run.stderr.contains("content/model-workers/zhao.md:6:"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("national"),
        "the message lists the allowed levels: {}",
        run.stderr
    );
}

#[test]
fn impossible_dates_are_errors() {
    let site = TestSite::fixture("basic");
    site.write(
        "content/news/feb.md",
        "---\ntitle: 二月\ndate: 2026-02-30\n---\n",
    );
    let run = site.build(&[]);
    run.assert_code(1);
    assert!(
        run.stderr
            .contains("content/news/feb.md:3: error: `date: 2026-02-30` 不是有效日期"),
        "{}",
        run.stderr
    );
}

#[test]
fn gbk_file_is_refused_by_name() {
    let site = TestSite::fixture("basic");
    // "---\ntitle: 工会\n" with 工会 in GBK.
    site.write(
        "content/news/gbk.md",
        b"---\ntitle: \xb9\xa4\xbb\xe1\ndate: 2026-01-01\n---\n".as_slice(),
    );
    let run = site.build(&[]);
    run.assert_code(1);
    assert!(
        run.stderr
            .contains("content/news/gbk.md:2: error: 文件不是 UTF-8"),
        "{}",
        run.stderr
    );
}

#[test]
fn unknown_fields_and_config_keys_are_warnings() {
    let site = TestSite::fixture("basic");
    site.write(
        "site.yaml",
        "title: 测试\nbase_url: https://example.org/\ncolour: red\n",
    );
    site.write(
        "content/news/extra.md",
        "---\ntitle: 多余字段\ndate: 2026-01-01\nauthr: 张三\n---\n",
    );
    let run = site.build(&[]);
    run.assert_ok();
    assert!(
        run.stderr
            .contains("site.yaml:3: warning: site.yaml 中的未知设置 `colour` 已忽略 [W0102]"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("content/news/extra.md:4: warning: 未知字段 `authr`"),
        "{}",
        run.stderr
    );
}

#[test]
fn wrong_type_in_site_yaml_has_line_and_column() {
    let site = TestSite::fixture("basic");
    site.write(
        "site.yaml",
        "title: 测试\nbase_url: https://example.org/\npaginate: lots\n",
    );
    let run = site.build(&[]);
    run.assert_code(1);
    assert!(
        run.stderr.contains("site.yaml:3:11: error:"),
        "{}",
        run.stderr
    );
}

#[test]
fn template_errors_name_template_and_line() {
    let site = TestSite::fixture("basic");
    site.write(
        "templates/page.html",
        "<!DOCTYPE html>\n<p>\n{{ page.title | nosuchfilter }}\n</p>\n",
    );
    let run = site.build(&[]);
    run.assert_code(1);
    assert!(
        run.stderr
            .contains("templates/page.html:3: error: 模板 page.html："),
        "{}",
        run.stderr
    );
}

#[test]
fn output_inside_content_is_refused() {
    let site = TestSite::fixture("basic");
    let out = site.root.join("content/out").to_string_lossy().into_owned();
    let run = site.build(&["--output", &out]);
    run.assert_code(1);
    assert!(run.stderr.contains("拒绝把"), "{}", run.stderr);
    assert!(run.stderr.contains("[E0806]"), "{}", run.stderr);
    assert!(!site.root.join("content/out").exists());
}

#[test]
fn check_reports_problems_without_writing() {
    let site = TestSite::fixture("broken");
    let run = site.check();
    run.assert_code(1);
    assert!(run.stderr.contains("content/news/b.md"), "{}", run.stderr);
    assert!(!site.public().exists());
    let good = TestSite::fixture("basic");
    good.check().assert_ok();
    assert!(!good.public().exists());
}
