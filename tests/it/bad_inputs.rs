//! Bad input, table-driven: each case writes a few files into a copy of the
//! `basic` fixture (already built once), runs the real binary, and checks the
//! exit code, that the message names the file (and line, where there is one),
//! and, for failures, that the published `public/` is byte for byte untouched.
//! Legal-but-awkward input (BOM, CRLF, UTF-16, deep nesting) must build.
//!
//! Adding a case is adding a row to `cases()`. Unknown shortcodes and broken
//! or oversized images are the image-gallery branch's to add.

use crate::harness::TestSite;

/// One file to write (`Some`) or delete (`None`), relative to the site root.
type File = (&'static str, Option<Vec<u8>>);

struct Case {
    name: &'static str,
    files: Vec<File>,
    /// Extra arguments to `build`, with `{root}` replaced by the site folder.
    args: &'static [&'static str],
    code: i32,
    /// Each must appear in stderr: the `path:line:` prefix, then words of the message.
    expect: &'static [&'static str],
}

fn text(s: &str) -> Option<Vec<u8>> {
    Some(s.as_bytes().to_vec())
}

fn bytes(b: &[u8]) -> Option<Vec<u8>> {
    Some(b.to_vec())
}

fn page(body: &str) -> Vec<File> {
    vec![("content/news/x.md", text(body))]
}

fn case(name: &'static str, files: Vec<File>, code: i32, expect: &'static [&'static str]) -> Case {
    Case {
        name,
        files,
        args: &[],
        code,
        expect,
    }
}

fn cases() -> Vec<Case> {
    let mut cases = vec![
        // Front matter and YAML.
        case(
            "invalid yaml",
            page("---\ntitle: [a\ndate: 2026-01-01\n---\n"),
            1,
            &["content/news/x.md:3:", "error:"],
        ),
        case(
            "unclosed front matter",
            page("---\ntitle: a\ndate: 2026-01-01\n"),
            1,
            &["content/news/x.md:1:1: error: front matter is not closed"],
        ),
        case(
            "no front matter",
            page("# 标题\n\n正文\n"),
            1,
            &["content/news/x.md:1:1: error: expected front matter"],
        ),
        case(
            "only fences",
            page("---\n---\n"),
            1,
            &[
                "content/news/x.md:2: error: missing required field `title`",
                "content/news/x.md:2: error: missing required field `date`",
            ],
        ),
        case(
            "tab indentation",
            page("---\ntitle: a\n\tdate: 2026-01-01\n---\n"),
            1,
            &["content/news/x.md:2:8: error:", "found a tab"],
        ),
        case(
            "duplicate key",
            page("---\ntitle: a\ntitle: b\ndate: 2026-01-01\n---\n"),
            1,
            &["content/news/x.md:3:1: error: duplicate mapping key"],
        ),
        case(
            "alias bomb",
            page(
                "---\na: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\ng: [*f,*f,*f,*f,*f,*f,*f,*f,*f]\ntitle: a\ndate: 2026-01-01\n---\n",
            ),
            1,
            &["content/news/x.md:", "budget"],
        ),
        // Types and required fields.
        case(
            "wrong type: list for draft",
            page("---\ntitle: a\ndate: 2026-01-01\ndraft: [1]\n---\n"),
            1,
            &["content/news/x.md:4:8: error: field `draft`"],
        ),
        case(
            "wrong type: list for title",
            page("---\ntitle: [a, b]\ndate: 2026-01-01\n---\n"),
            1,
            &["content/news/x.md:2:", "field `title`"],
        ),
        case(
            "missing title",
            page("---\ndate: 2026-01-01\n---\n"),
            1,
            &["content/news/x.md:2: error: missing required field `title`"],
        ),
        case(
            "blank title",
            page("---\ntitle: \"  \"\ndate: 2026-01-01\n---\n"),
            1,
            &["content/news/x.md:2: error: missing required field `title`"],
        ),
        case(
            "missing date",
            page("---\ntitle: a\n---\n"),
            1,
            &["content/news/x.md:2: error: missing required field `date`"],
        ),
        case(
            "unknown kind",
            page("---\ntitle: a\ndate: 2026-01-01\nkind: robot\n---\n"),
            1,
            &["content/news/x.md:4: error: unknown kind `robot`"],
        ),
        case(
            "model worker without unit",
            vec![(
                "content/model-workers/li.md",
                text("---\ntitle: 李师傅\ndate: 2026-01-01\n---\n"),
            )],
            1,
            &["content/model-workers/li.md:2: error: missing required field `unit`"],
        ),
        case(
            "bad honour level",
            vec![(
                "content/model-workers/zhao.md",
                text(
                    "---\ntitle: 赵师傅\ndate: 2026-01-01\nunit: 一车间\nhonors:\n  - {title: 模范, level: galaxy, year: 2025}\n---\n",
                ),
            )],
            1,
            &["content/model-workers/zhao.md:6:", "national"],
        ),
        case(
            "malformed document number",
            page("---\nkind: disclosure\ntitle: a\ndate: 2026-01-01\nnumber: 12号\n---\n"),
            1,
            &["content/news/x.md:5: error:", "〔"],
        ),
        // Dates.
        case(
            "impossible date 02-30",
            page("---\ntitle: a\ndate: 2026-02-30\n---\n"),
            1,
            &["content/news/x.md:3: error: `date: 2026-02-30` is not a date"],
        ),
        case(
            "month 13",
            page("---\ntitle: a\ndate: 2026-13-01\n---\n"),
            1,
            &["content/news/x.md:3: error: `date: 2026-13-01` is not a date"],
        ),
        case(
            "hour 25",
            page("---\ntitle: a\ndate: 2026-01-01 25:61\n---\n"),
            1,
            &["content/news/x.md:3: error:", "is not a date"],
        ),
        case(
            "updated is words",
            page("---\ntitle: a\ndate: 2026-01-01\nupdated: yesterday\n---\n"),
            1,
            &["content/news/x.md:4: error: `updated: yesterday` is not a date"],
        ),
        // Encodings and empty files.
        case(
            "empty file",
            page(""),
            1,
            &["content/news/x.md:1: error: file is empty"],
        ),
        case(
            "whitespace-only file",
            page("\n  \n\t\n"),
            1,
            &["content/news/x.md:1: error: file is empty"],
        ),
        case(
            "GBK file",
            vec![(
                "content/news/x.md",
                bytes(b"---\ntitle: \xb9\xa4\xbb\xe1\ndate: 2026-01-01\n---\n"),
            )],
            1,
            &["content/news/x.md:2: error: file is not UTF-8 (invalid byte at offset 11)"],
        ),
        case(
            "invalid UTF-16",
            vec![("content/news/x.md", bytes(b"\xff\xfe-\x00-\x00\x00\xd8"))],
            1,
            &["content/news/x.md: error:", "byte offset 6"],
        ),
        case(
            "huge file",
            vec![(
                "content/news/x.md",
                Some(
                    format!(
                        "---\ntitle: a\ndate: 2026-01-01\n---\n{}",
                        "工会".repeat(8_500_000)
                    )
                    .into_bytes(),
                ),
            )],
            1,
            &["content/news/x.md: error: file is 51.0 MB; Markdown files over 50 MB are refused"],
        ),
        // URLs.
        case(
            "duplicate URL",
            vec![(
                "content/news/copy.md",
                text("---\ntitle: 重复\ndate: 2026-01-01\nslug: 2026-10-01-autumn\n---\n"),
            )],
            1,
            &[
                "content/news/2026-10-01-autumn.md",
                "content/news/copy.md",
                "/news/2026-10-01-autumn/",
            ],
        ),
        case(
            "missing cover image",
            page("---\ntitle: a\ndate: 2026-01-01\ncover: nothere.jpg\n---\n"),
            1,
            &["content/news/x.md:4: error: cover `nothere.jpg` not found"],
        ),
        // site.yaml and other data files.
        case(
            "site.yaml invalid yaml",
            vec![("site.yaml", text("title: [\n"))],
            1,
            &["site.yaml:1:", "error:"],
        ),
        case(
            "site.yaml wrong type",
            vec![(
                "site.yaml",
                text("title: 测试\nbase_url: https://example.org/\npaginate: lots\n"),
            )],
            1,
            &["site.yaml:3:11: error:"],
        ),
        case(
            "site.yaml empty",
            vec![("site.yaml", text(""))],
            1,
            &["site.yaml: error: site.yaml 是空的"],
        ),
        case(
            "site.yaml is a list",
            vec![("site.yaml", text("- a\n- b\n"))],
            1,
            &["site.yaml:1:1: error:"],
        ),
        case(
            "site.yaml missing",
            vec![("site.yaml", None)],
            1,
            &["site.yaml: error: 无法读取 site.yaml", "[E0118]"],
        ),
        case(
            "holidays.yaml wrong shape",
            vec![("holidays.yaml", text("x: [1]\n"))],
            1,
            &["holidays.yaml:1:1: error:"],
        ),
        // Templates.
        case(
            "template syntax error",
            vec![("templates/page.html", text("<!DOCTYPE html>\n{% if %}\n"))],
            1,
            &["templates/page.html:2: error: template page.html"],
        ),
        case(
            "template unknown filter",
            vec![(
                "templates/page.html",
                text("<!DOCTYPE html>\n<p>\n{{ page.title | nosuchfilter }}\n</p>\n"),
            )],
            1,
            &["templates/page.html:3: error: template page.html"],
        ),
        case(
            "template include outside the site",
            vec![(
                "templates/page.html",
                text("<!DOCTYPE html>\n{% include \"../site.yaml\" %}\n"),
            )],
            1,
            &[
                "templates/page.html:2: error:",
                "non-existing template '../site.yaml'",
            ],
        ),
        case(
            "template undefined attribute chain",
            vec![(
                "templates/page.html",
                text("<!DOCTYPE html>\n{{ nosuch.deeper }}\n"),
            )],
            1,
            &["templates/page.html:2: error:", "`nosuch` is undefined"],
        ),
        // Output folder.
        Case {
            name: "--output is the site",
            files: vec![],
            args: &["--output", "{root}"],
            code: 1,
            expect: &["refusing to use", "it contains the site"],
        },
        Case {
            name: "--output inside content/",
            files: vec![],
            args: &["--output", "{root}/content/out"],
            code: 1,
            expect: &["refusing to use", "content/ folder"],
        },
        Case {
            name: "--output is /",
            files: vec![],
            args: &["--output", "/"],
            code: 1,
            expect: &["refusing to use", "file-system root"],
        },
        Case {
            name: "bad --base-url",
            files: vec![],
            args: &["--base-url", "javascript:alert(1)"],
            code: 1,
            expect: &["--base-url `javascript:alert(1)` is not an absolute http(s) URL"],
        },
        // Legal input that must build.
        case(
            "BOM and CRLF",
            page("\u{feff}---\r\ntitle: 带BOM的通知\r\ndate: 2026-01-01\r\n---\r\n正文\r\n"),
            0,
            &[],
        ),
        case(
            "UTF-16 with BOM",
            vec![(
                "content/news/x.md",
                Some(utf16("---\ntitle: 十六位\ndate: 2026-01-01\n---\n正文\n")),
            )],
            0,
            &["content/news/x.md: warning: file is UTF-16"],
        ),
        case(
            "Windows-illegal file name",
            vec![
                (
                    "content/news/aux.md",
                    text("---\ntitle: a\ndate: 2026-01-01\nslug: a\n---\n"),
                ),
                ("static/a?.txt", text("x")),
            ],
            0,
            &[
                "content/news/aux.md: warning: the name `aux.md` cannot be used on Windows",
                "static/a?.txt: warning:",
            ],
        ),
        case(
            "deeply nested Markdown",
            page(&format!(
                "---\ntitle: a\ndate: 2026-01-01\n---\n{} x\n\n{}y{}\n",
                ">".repeat(100_000),
                "*".repeat(50_000),
                "*".repeat(50_000)
            )),
            0,
            &[],
        ),
        case(
            "hostile HTML builds sanitized",
            page(
                "---\ntitle: \"<script>alert(1)</script>\"\ndate: 2026-01-01\n---\n<SCRIPT>alert(2)</SCRIPT><img src=x OnError=alert(3)>\n",
            ),
            0,
            &[],
        ),
    ];
    if cfg!(unix) {
        cases.push(Case {
            name: "symlink out of the site",
            files: vec![],
            args: &["--symlink", "content/news/pw.md", "/etc/hostname"],
            code: 1,
            expect: &["content/news/pw.md: error: symbolic link points outside the site folder"],
        });
        cases.push(Case {
            name: "--output is a link to the site",
            files: vec![],
            args: &[
                "--symlink",
                "../link-to-site",
                ".",
                "--output",
                "{root}/../link-to-site",
            ],
            code: 1,
            expect: &["refusing to use", "it contains the site"],
        });
    }
    if cfg!(all(unix, not(target_os = "macos"))) {
        // macOS normalizes names itself; ext4 keeps both spellings.
        cases.push(case(
            "NFC and NFD twins",
            vec![
                (
                    "content/news/caf\u{e9}.md",
                    text("---\ntitle: A\ndate: 2026-01-01\n---\n"),
                ),
                (
                    "content/news/cafe\u{301}.md",
                    text("---\ntitle: B\ndate: 2026-01-01\n---\n"),
                ),
            ],
            1,
            &["error: URL /news/cafe/ is produced by 2 files", "NFD"],
        ));
    }
    cases
}

fn utf16(s: &str) -> Vec<u8> {
    let mut out = vec![0xFF, 0xFE];
    for unit in s.encode_utf16() {
        out.extend(unit.to_le_bytes());
    }
    out
}

/// Runs one case; returns what went wrong, if anything.
fn run(case: &Case) -> Result<(), String> {
    let site = TestSite::fixture("basic");
    // The table reads English messages; `messages_follow_the_site_language`
    // checks the Chinese ones. Cases that replace site.yaml get the default, zh-CN.
    let config = std::fs::read_to_string(site.root.join("site.yaml")).unwrap();
    site.write("site.yaml", format!("{config}language: en\n"));
    site.build(&[]).assert_ok();
    let before = site.snapshot();
    for (path, contents) in &case.files {
        match contents {
            Some(bytes) => {
                site.write(path, bytes);
            }
            None => {
                site.remove(path);
            }
        }
    }
    let root = site.root.to_string_lossy().into_owned();
    let mut args: Vec<String> = Vec::new();
    let mut rest = case.args.iter();
    while let Some(arg) = rest.next() {
        if *arg == "--symlink" {
            // Test set-up, not a CLI flag: create a link LINK → TARGET under the root.
            let (link, target) = (rest.next().unwrap(), rest.next().unwrap());
            let link = site.root.join(link);
            let target = if *target == "." {
                site.root.clone()
            } else {
                target.into()
            };
            #[cfg(unix)]
            std::os::unix::fs::symlink(&target, &link).map_err(|e| e.to_string())?;
            let _ = (link, target);
            continue;
        }
        args.push(arg.replace("{root}", &root));
    }
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let run = site.build(&args);
    let mut problems = Vec::new();
    if run.code != case.code {
        problems.push(format!("exit {} (expected {})", run.code, case.code));
    }
    for expected in case.expect {
        if !run.stderr.contains(expected) {
            problems.push(format!("stderr lacks {expected:?}"));
        }
    }
    if run.stderr.contains("panicked") || run.stderr.contains("RUST_BACKTRACE") {
        problems.push("a panic reached the user".to_string());
    }
    if case.code != 0 {
        if site.snapshot() != before {
            problems.push("public/ changed".to_string());
        }
        if run.code == 1 && !run.stderr.contains("error(s)") && !run.stderr.contains("个错误") {
            problems.push("no summary line with the error count".to_string());
        }
    } else if case.name.starts_with("hostile") {
        let html = site.read("news/x/index.html").to_ascii_lowercase();
        if html.contains("<script>alert") || html.contains("onerror") {
            problems.push("hostile HTML reached the page".to_string());
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "{}: {}\n--- stderr:\n{}",
            case.name,
            problems.join("; "),
            run.stderr
        ))
    }
}

#[test]
fn bad_inputs_are_reported_and_public_is_untouched() {
    let cases = cases();
    assert!(cases.len() >= 30, "only {} cases", cases.len());
    // Cases are independent sites: run them on a few threads.
    let failures: Vec<String> = std::thread::scope(|scope| {
        let chunks: Vec<&[Case]> = cases.chunks(cases.len().div_ceil(4)).collect();
        let handles: Vec<_> = chunks
            .into_iter()
            .map(|chunk| {
                scope.spawn(move || {
                    chunk
                        .iter()
                        .filter_map(|c| run(c).err())
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap())
            .collect()
    });
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n\n")
    );
}

#[test]
fn messages_follow_the_site_language() {
    // The basic fixture has no `language`: zh-CN, the default.
    let site = TestSite::fixture("basic");
    site.write("content/news/x.md", "---\ndate: 2026-02-30\n---\n");
    site.write(
        "content/news/y.md",
        b"---\ntitle: \xb9\xa4\ndate: 2026-01-01\n---\n".as_slice(),
    );
    let run = site.build(&[]);
    run.assert_code(1);
    for expected in [
        "content/news/x.md:2: error: 缺少必填字段 `title`",
        "content/news/x.md:2: error: `date: 2026-02-30` 不是有效日期",
        "content/news/y.md:2: error: 文件不是 UTF-8 编码（第 11 字节无效）",
        "3 个错误，0 个警告",
        "构建失败；输出文件夹保持原样",
    ] {
        assert!(run.stderr.contains(expected), "{expected}\n{}", run.stderr);
    }
    // The same site in English.
    let config = std::fs::read_to_string(site.root.join("site.yaml")).unwrap();
    site.write("site.yaml", format!("{config}language: en\n"));
    let run = site.build(&[]);
    for expected in [
        "content/news/x.md:2: error: missing required field `title`",
        "content/news/y.md:2: error: file is not UTF-8",
        "3 error(s), 0 warning(s)",
        "build failed; the output folder was left as it was",
    ] {
        assert!(run.stderr.contains(expected), "{expected}\n{}", run.stderr);
    }
    let check = site.check();
    assert!(
        check.stderr.contains("check found 3 error(s)"),
        "{}",
        check.stderr
    );
}
