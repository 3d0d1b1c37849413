//! The `table` shortcode: an .xlsx sheet or a CSV file on the page as an
//! accessible table, numbers, money, percentages and dates as Excel shows
//! them, merged cells kept; bad sheet and range names are errors with the
//! page's file and line.

use crate::harness::TestSite;
use crate::import::corpus;

fn site_with(body: &str) -> TestSite {
    let site = TestSite::fixture("kinds");
    site.write(
        "content/news/jing-fei/index.md",
        format!("---\ntitle: 经费明细\ndate: 2026-11-20\n---\n\n说明文字。\n\n{body}\n"),
    );
    for name in ["经费明细.xlsx", "gbk.csv"] {
        let bytes = std::fs::read(corpus(&format!("sheets/{name}"))).unwrap();
        site.write(&format!("content/news/jing-fei/{name}"), bytes);
    }
    site
}

#[test]
fn an_xlsx_range_shows_as_excel_shows_it() {
    let site = site_with(
        "{{ table(file=\"经费明细.xlsx\", sheet=\"明细\", range=\"A1:E4\", caption=\"2026年经费明细\") }}",
    );
    site.build(&[]).assert_ok();
    let page = site.html("news/jing-fei/index.html");
    assert_eq!(page.text("table.sheet caption"), "2026年经费明细");
    assert_eq!(
        page.texts("table.sheet th[scope=\"col\"]"),
        ["项目", "金额", "占比", "日期", "时间"]
    );
    let cells = page.texts("table.sheet td");
    for shown in [
        "186,420.00",
        "33,150.50",
        "-1,200.00",
        "73.87%",
        "5.00%",
        "2026/9/24",
        "2026-10-08 09:05",
    ] {
        assert!(
            cells.contains(&shown.to_string()),
            "{shown} not in {cells:?}"
        );
    }
    assert_eq!(
        page.count("table.sheet tbody tr"),
        3,
        "the range stops at row 4"
    );
    assert_eq!(page.count("table.sheet td.num"), 12);
}

#[test]
fn merged_cells_and_a_gbk_csv() {
    let site = site_with("{{ table(file=\"经费明细.xlsx\") }}\n\n{{ table(file=\"gbk.csv\") }}");
    site.build(&[]).assert_ok();
    let page = site.html("news/jing-fei/index.html");
    assert_eq!(page.text("td[colspan=\"5\"]"), "说明：金额单位为元");
    let csv = page.texts("table.sheet")[1].clone();
    assert!(
        csv.contains("赵德伟") && csv.contains("1,200.00") && csv.contains("工会办公室"),
        "{csv}"
    );
}

#[test]
fn bad_sheet_and_range_names_are_errors_with_file_and_line() {
    let site = site_with("{{ table(file=\"经费明细.xlsx\", sheet=\"公示名单\") }}");
    let run = site.build(&[]);
    run.assert_code(1);
    assert!(
        run.stderr.contains("index.md:8:") && run.stderr.contains("E1442"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("公示名单") && run.stderr.contains("（有：明细）"),
        "lists the sheets there are: {}",
        run.stderr
    );

    let site = site_with("{{ table(file=\"经费明细.xlsx\", range=\"A1-E4\") }}");
    let run = site.build(&[]);
    run.assert_code(1);
    assert!(
        run.stderr.contains("index.md:8:")
            && run.stderr.contains("A1-E4")
            && run.stderr.contains("A1:F40"),
        "{}",
        run.stderr
    );

    let site = site_with("{{ table(file=\"gbk.csv\", sheet=\"x\") }}");
    let run = site.build(&[]);
    run.assert_code(1);
    assert!(
        run.stderr.contains("index.md:8:") && run.stderr.contains("CSV"),
        "{}",
        run.stderr
    );
}
