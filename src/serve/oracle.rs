//! The oracle of incremental rebuilds, without a server: after each edit,
//! what the [`Rebuilder`] holds equals a clean build of the same files with
//! the same clock, and a model patched after an edit that moved nothing
//! equals one built in full.

use std::path::{Path, PathBuf};

use super::state::{Body, Rebuilder};
use crate::build::{self, BuildOptions};
use crate::diag::Report;
use crate::i18n::Language;
use crate::output::Content;

/// A copy of a site folder being edited, with a [`Rebuilder`] on it.
struct Preview {
    dir: tempfile::TempDir,
    rebuilder: Rebuilder,
}

fn copy_site(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.unwrap();
        let rel = entry.path().strip_prefix(from).unwrap();
        if rel.starts_with("public") || rel.starts_with(".noticeboard") {
            continue;
        }
        let target = to.join(rel);
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

impl Preview {
    /// The demo site, or a fixture under `tests/sites/`.
    fn of(site: &str) -> Preview {
        let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
        let dir = tempfile::tempdir().unwrap();
        if site == "demo" {
            std::fs::copy(repo.join("site.yaml"), dir.path().join("site.yaml")).unwrap();
            copy_site(&repo.join("content"), &dir.path().join("content"));
        } else {
            copy_site(&repo.join("tests/sites").join(site), dir.path());
        }
        Preview::on(dir)
    }

    fn on(dir: tempfile::TempDir) -> Preview {
        let mut rebuilder = Rebuilder::new(Preview::options(dir.path()));
        let first = rebuilder.rebuild(&[]);
        assert!(
            !first.failed(),
            "{}",
            first.report.sorted()[0].render(Language::En)
        );
        Preview { dir, rebuilder }
    }

    fn options(root: &Path) -> BuildOptions {
        BuildOptions {
            root: root.to_path_buf(),
            drafts: true,
            now: Some("2026-11-23T09:00:00+08:00".into()),
            base_url: Some("http://127.0.0.1:1111/".into()),
            ..BuildOptions::default()
        }
    }

    fn path(&self, file: &str) -> PathBuf {
        self.dir.path().join(file)
    }

    fn write(&self, file: &str, text: &str) {
        let path = self.path(file);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }

    /// Replaces `from` with `to` in `file`, which must contain it.
    fn edit(&mut self, file: &str, from: &str, to: &str) -> super::state::Rebuilt {
        self.replace(file, from, to);
        self.saved(&[file])
    }

    /// Replaces `from` with `to` in `file` without saying so yet.
    fn replace(&self, file: &str, from: &str, to: &str) {
        let text = std::fs::read_to_string(self.path(file)).unwrap();
        assert!(text.contains(from), "{file} has no `{from}`");
        self.write(file, &text.replacen(from, to, 1));
    }

    /// Rebuilds after a save of `files`, which must succeed.
    fn saved(&mut self, files: &[&str]) -> super::state::Rebuilt {
        let dirty: Vec<PathBuf> = files.iter().map(PathBuf::from).collect();
        let rebuilt = self.rebuilder.rebuild(&dirty);
        assert!(
            !rebuilt.failed(),
            "after saving {files:?}: {}",
            rebuilt.report.sorted()[0].render(Language::En)
        );
        rebuilt
    }

    /// Every file served equals the clean build's, and the other way round.
    fn assert_equals_a_clean_build(&mut self, after: &str) {
        if let Some(job) = self.rebuilder.take_extras_job() {
            let files = job.run();
            self.rebuilder.set_extras(files);
        }
        let served = self.rebuilder.snapshot().files;
        let mut report = Report::new();
        let clean = build::render_output(
            &Preview::options(self.dir.path()),
            &mut Vec::new(),
            &mut report,
        )
        .expect("the clean build succeeds");
        let mut wrong = Vec::new();
        for entry in &clean.entries {
            let expected = match &entry.content {
                Content::Bytes(bytes) => bytes.clone(),
                Content::Static(bytes) => bytes.to_vec(),
                Content::Copy(path) | Content::Link(path) => std::fs::read(path).unwrap(),
            };
            let got = match served.get(&entry.path) {
                Some(Body::Bytes(bytes)) => Some(bytes.to_vec()),
                Some(Body::Static(bytes)) => Some(bytes.to_vec()),
                Some(Body::File { resolved, .. }) => super::files::read_as_built(resolved).ok(),
                None => None,
            };
            if got.as_deref() != Some(expected.as_slice()) {
                wrong.push(entry.path.clone());
            }
        }
        let only_served: Vec<&String> = served
            .keys()
            .filter(|p| !clean.entries.iter().any(|e| &e.path == *p))
            .collect();
        assert!(
            wrong.is_empty() && only_served.is_empty(),
            "after {after}: served differs from a clean build in {wrong:?}; only served: {only_served:?}"
        );
    }
}

/// The heart of incremental rebuilds: pages added, moved in time, removed;
/// a static file; a new term.
#[test]
fn incremental_result_equals_a_clean_build() {
    let mut p = Preview::of("basic");
    p.write(
        "content/news/2026-11-21-new.md",
        "---\ntitle: 新增一篇\ndate: 2026-11-21\ntags: [安全生产, 新标签]\n---\n第一段。\n\n第二段。\n",
    );
    p.saved(&["content/news/2026-11-21-new.md"]);
    p.assert_equals_a_clean_build("a new page");
    p.edit(
        "content/news/2026-11-20-safety-month.md",
        "date: 2026-11-20",
        "date: 2026-08-20",
    );
    p.assert_equals_a_clean_build("a date moved");
    std::fs::remove_file(p.path("content/news/2026-10-01-autumn.md")).unwrap();
    p.saved(&["content/news/2026-10-01-autumn.md"]);
    p.assert_equals_a_clean_build("a page removed");
    p.write("static/extra.css", "p { margin: 0; }\n");
    p.saved(&["static/extra.css"]);
    p.write(
        "content/model-workers/li.md",
        "---\ntitle: 李工\ndate: 2026-05-01\nunit: 机加车间\ntags: [新标签]\n---\n事迹。\n",
    );
    p.saved(&["content/model-workers/li.md"]);
    p.assert_equals_a_clean_build("a model worker added");
}

/// Tags and related pages, and edits that move nothing: a title shows on the
/// neighbours' links, listings, term pages and related lists.
#[test]
fn incremental_tags_titles_and_related_equal_a_clean_build() {
    let mut p = Preview::of("tags");
    let edits: [(&str, &str, &str); 7] = [
        ("content/news/b.md", "title: 乙", "title: 乙（修订）"),
        ("content/news/a.md", "title: 甲", "title: 甲（修订）"),
        ("content/news/b.md", "---\n", "---\nsummary: 新的摘要\n"),
        (
            "content/news/a.md",
            "tags: [三篇, 两篇, ＡＩ应用]",
            "tags: [三篇, 新来的]",
        ),
        ("content/news/c.md", "date: 2026-01-03", "date: 2020-01-01"),
        ("content/news/a.md", "tags: [三篇, 新来的]", "tags: []"),
        ("content/news/b.md", "title:", "title: 乙改"),
    ];
    for (file, from, to) in edits {
        p.edit(file, from, to);
        p.assert_equals_a_clean_build(&format!("{file}: {from} → {to}"));
    }
}

/// Campaigns and disclosures: status, numbers, archives and corrections.
#[test]
fn incremental_kinds_equal_a_clean_build() {
    let mut p = Preview::of("kinds");
    let edits: [(&str, &str, &str); 5] = [
        ("content/news/ankang.md", "tags: [安康杯]", "tags: [其他]"),
        (
            "content/disclosures/open.md",
            "category: 评先评优",
            "category: 财务公开",
        ),
        (
            "content/campaigns/ongoing.md",
            "end: 2027-02-28",
            "end: 2026-11-01",
        ),
        ("content/news/ankang.md", "tags: [其他]", "tags: [安康杯]"),
        ("content/disclosures/open.md", "正文。", "正文（修订）。"),
    ];
    for (file, from, to) in edits {
        p.edit(file, from, to);
        p.assert_equals_a_clean_build(&format!("{file}: {from} → {to}"));
    }
}

/// Galleries and shortcodes: a page gains a gallery and a figure, a photo is
/// added to its bundle, a section introduction gains a figure.
#[test]
fn incremental_galleries_and_shortcodes_equal_a_clean_build() {
    let mut p = Preview::of("basic");
    let page = "content/news/skills-contest/index.md";
    let text = std::fs::read_to_string(p.path(page)).unwrap();
    let with_gallery = text.replacen("---\n", "---\ngallery: true\n", 1)
        + "\n{{ figure(src=\"photo.jpg\", caption=\"比赛现场\") }}\n";
    p.write(page, &with_gallery);
    p.saved(&[page]);
    p.assert_equals_a_clean_build("a gallery and a figure");
    std::fs::copy(
        p.path("content/news/skills-contest/photo.jpg"),
        p.path("content/news/skills-contest/photo2.jpg"),
    )
    .unwrap();
    p.saved(&["content/news/skills-contest/photo2.jpg"]);
    p.assert_equals_a_clean_build("a photo added to the bundle");
    let intro = "content/news/_index.md";
    let text = std::fs::read_to_string(p.path(intro)).unwrap();
    p.write(
        intro,
        &format!(
            "{text}\n{{{{ figure(src=\"skills-contest/photo.jpg\", caption=\"栏目题图\") }}}}\n"
        ),
    );
    p.saved(&[intro]);
    p.assert_equals_a_clean_build("a figure in the introduction");
    p.edit(page, "比赛现场", "决赛现场");
    p.assert_equals_a_clean_build("a figure's caption");
}

/// Content links (`a.md`): a linked page's new slug is a new URL on the pages
/// that link it, and a linked page removed is a broken link the next rebuild
/// reports (the link check runs over the whole site on every save).
#[test]
fn incremental_content_links_equal_a_clean_build() {
    let mut p = Preview::of("tags");
    let broken = |rebuilt: &super::state::Rebuilt| {
        rebuilt
            .report
            .iter()
            .filter(|d| d.message.code() == "E0483")
            .filter_map(|d| Some((d.path.as_deref()?.to_path_buf(), d.line?)))
            .collect::<Vec<_>>()
    };
    p.edit(
        "content/news/b.md",
        "\n---\n",
        "\n---\n见[甲](a.md#甲节)。\n\n",
    );
    p.edit("content/news/a.md", "\n---\n", "\n---\n## 甲节\n\n");
    p.assert_equals_a_clean_build("a content link");
    p.edit("content/news/a.md", "title: 甲", "slug: jia\ntitle: 甲");
    p.assert_equals_a_clean_build("the linked page's slug");
    assert!(
        p.rebuilder
            .snapshot()
            .files
            .contains_key("news/jia/index.html")
    );
    let intro = "content/news/_index.md";
    p.edit(intro, "\n---\n", "\n---\n栏目见[甲](a.md)。\n");
    p.assert_equals_a_clean_build("a content link in the introduction");
    std::fs::remove_file(p.path("content/news/a.md")).unwrap();
    let rebuilt = p.saved(&["content/news/a.md"]);
    let mut found = broken(&rebuilt);
    found.sort();
    assert_eq!(
        found,
        vec![
            (PathBuf::from("content/news/_index.md"), 4),
            (PathBuf::from("content/news/b.md"), 6),
        ],
        "{:?}",
        rebuilt.report
    );
    p.assert_equals_a_clean_build("the linked page removed");
}

/// The link check after a save looks again only at pages whose text or
/// looked-at files changed: an unedited page's link breaks, and mends, with
/// what it leads to, as a clean build finds.
#[test]
fn incremental_link_check_equals_a_clean_build() {
    // The fixture's `a.md` links a photo it does not have: one broken link
    // throughout.
    let mut p = Preview::of("tags");
    let links = |report: &Report| {
        let mut found: Vec<String> = (report.iter())
            .filter(|d| d.message.code().starts_with("E048"))
            .map(|d| d.render(Language::En))
            .collect();
        found.sort();
        found
    };
    let check = |p: &mut Preview, rebuilt: super::state::Rebuilt, after: &str| {
        let mut report = Report::new();
        build::render_output(
            &Preview::options(p.dir.path()),
            &mut Vec::new(),
            &mut report,
        )
        .expect("the clean build succeeds");
        assert_eq!(links(&rebuilt.report), links(&report), "after {after}");
        links(&report)
    };
    let c = "content/news/c.md";
    let r = p.edit(
        c,
        "\n---\n",
        "\n---\n见[乙](/news/b/#yi)、[丁](/news/d/)、[表](/files/t.pdf)。\n\n",
    );
    let found = check(&mut p, r, "links to a missing anchor and file");
    assert_eq!(found.len(), 3, "{found:#?}");
    let r = p.edit(
        "content/news/b.md",
        "乙的正文。",
        "<span id=\"yi\"></span>乙的正文。",
    );
    let found = check(&mut p, r, "the anchor added to the linked page");
    assert_eq!(found.len(), 2, "{found:#?}");
    p.write("static/files/t.pdf", "%PDF-1.4\n");
    let r = p.saved(&["static/files/t.pdf"]);
    let found = check(&mut p, r, "the linked file added");
    assert_eq!(found.len(), 1, "{found:#?}");
    let r = p.edit("content/news/b.md", "<span id=\"yi\"></span>", "");
    let found = check(&mut p, r, "the anchor removed again");
    assert_eq!(found.len(), 2, "{found:#?}");
    std::fs::remove_file(p.path("content/news/d.md")).unwrap();
    let r = p.saved(&["content/news/d.md"]);
    let found = check(&mut p, r, "the linked page removed");
    assert_eq!(found.len(), 3, "{found:#?}");
    let r = p.edit("content/news/a.md", "甲的正文", "甲的正文（改）");
    let found = check(&mut p, r, "another page edited");
    assert_eq!(found.len(), 3, "{found:#?}");
}

/// Random edits of a paginated site: moves in time, tag changes, titles,
/// removals, additions and moves between sections, each checked.
#[test]
fn incremental_random_edits_equal_clean_builds() {
    let dir = tempfile::tempdir().unwrap();
    let write = |file: &str, text: &str| {
        let path = dir.path().join(file);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    };
    write(
        "site.yaml",
        "title: 分页测试\nbase_url: https://example.org/\npaginate: 3\n",
    );
    write("content/news/_index.md", "---\ntitle: 新闻\n---\n");
    write("content/notes/_index.md", "---\ntitle: 通知\n---\n");
    let tags = ["安全", "竞赛", "劳模", "女工", "帮扶"];
    // A small deterministic generator (no crate needed).
    let mut seed: u64 = 0x2026_1201;
    let mut next = move |n: u64| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed % n
    };
    let page = |section: &str, n: u64, day: u64, tag_a: usize, tag_b: usize| {
        (
            format!("content/{section}/p{n:02}.md"),
            format!(
                "---\ntitle: 第{n}篇\ndate: 2026-{:02}-{:02}\ntags: [{}, {}]\n---\n正文{n}。\n",
                1 + day % 12,
                1 + day % 28,
                tags[tag_a],
                tags[tag_b]
            ),
        )
    };
    let mut live: Vec<(String, String)> = Vec::new();
    for n in 0..24 {
        let section = if n % 3 == 0 { "notes" } else { "news" };
        let (path, text) = page(section, n, next(400), next(5) as usize, next(5) as usize);
        write(&path, &text);
        live.push((path, text));
    }
    let mut p = Preview::on(dir);
    let mut counter = 100;
    for step in 0..36 {
        let pick = next(live.len() as u64) as usize;
        let saved: Vec<String> = match step % 6 {
            0 => {
                let (path, text) = live[pick].clone();
                let line = text.lines().find(|l| l.starts_with("date: ")).unwrap();
                let moved = text.replacen(line, &format!("date: 2025-{:02}-15", 1 + next(12)), 1);
                p.write(&path, &moved);
                live[pick].1 = moved;
                vec![path]
            }
            1 => {
                let (path, text) = live[pick].clone();
                let line = text.lines().find(|l| l.starts_with("tags: ")).unwrap();
                let tagged = text.replacen(line, &format!("tags: [{}]", tags[next(5) as usize]), 1);
                p.write(&path, &tagged);
                live[pick].1 = tagged;
                vec![path]
            }
            2 => {
                let (path, text) = live[pick].clone();
                let retitled = text.replacen("title: ", "title: 改", 1);
                p.write(&path, &retitled);
                live[pick].1 = retitled;
                vec![path]
            }
            3 => {
                let (path, _) = live.remove(pick);
                std::fs::remove_file(p.path(&path)).unwrap();
                vec![path]
            }
            4 => {
                counter += 1;
                let (path, text) = page("news", counter, next(400), next(5) as usize, 0);
                p.write(&path, &text);
                live.push((path.clone(), text));
                vec![path]
            }
            _ => {
                let (path, text) = live.remove(pick);
                let to = if path.contains("/news/") {
                    path.replace("/news/", "/notes/")
                } else {
                    path.replace("/notes/", "/news/")
                };
                std::fs::rename(p.path(&path), p.path(&to)).unwrap();
                live.push((to.clone(), text));
                vec![path, to]
            }
        };
        let saved: Vec<&str> = saved.iter().map(String::as_str).collect();
        p.saved(&saved);
        p.assert_equals_a_clean_build(&format!("step {step} ({saved:?})"));
    }
}

const NEWS: &str = "content/news/2026-03-09-womens-day.md";
const DISCLOSURE: &str = "content/disclosures/2026-q1-union-funds.md";
const CAMPAIGN: &str = "content/campaigns/safety-month-2026.md";

impl Preview {
    /// Saves an edit of `file` and tells whether the model was patched; the
    /// model and its problems must equal a full build's.
    fn patched_after(&mut self, file: &str, from: &str, to: &str) -> bool {
        self.patched_after_edits(&[(file, from, to)])
    }

    /// The same for edits of several files saved together.
    fn patched_after_edits(&mut self, edits: &[(&str, &str, &str)]) -> bool {
        for &(file, from, to) in edits {
            self.replace(file, from, to);
        }
        let files: Vec<&str> = edits.iter().map(|e| e.0).collect();
        let file = files.join(", ");
        let rebuilt = self.saved(&files);
        let mut full_report = Report::new();
        let full = build::run_stages(
            &Preview::options(self.dir.path()),
            build::Mode::Build,
            &mut crate::rebuild::State::once(),
            &mut Vec::new(),
            &mut full_report,
        )
        .expect("the full build succeeds");
        let state = self.rebuilder.state();
        let (kept, _) = state.last_site().expect("a good build");
        assert_eq!(
            format!("{:#?}", kept),
            format!("{:#?}", full.site),
            "model after editing {file}"
        );
        // The same problems, in the same places (the rebuilt ones are in the
        // site's language).
        let places = |r: &Report| -> Vec<(Option<PathBuf>, Option<usize>, bool)> {
            (r.sorted().iter())
                .map(|d| {
                    (
                        d.path.as_deref().map(Path::to_path_buf),
                        d.line,
                        d.is_error(),
                    )
                })
                .collect()
        };
        assert_eq!(
            places(&rebuilt.report),
            places(&full_report),
            "problems after editing {file}"
        );
        state.model_patched()
    }
}

#[test]
fn patched_model_equals_a_full_build_for_edits_that_move_nothing() {
    let mut p = Preview::of("demo");
    assert!(p.patched_after(NEWS, "1870名", "1871名"));
    assert!(p.patched_after(NEWS, "三八节系列活动\n", "三八节系列活动（更新）\n"));
    assert!(p.patched_after(DISCLOSURE, "接受全体会员监督", "欢迎全体会员监督"));
    assert!(p.patched_after(DISCLOSURE, "days: 5", "days: 7"));
    assert!(p.patched_after(CAMPAIGN, "end: 2026-06-30", "end: 2026-07-05"));
    // Tags: the terms and related lists are filed again, the rest stands.
    assert!(p.patched_after(NEWS, "女职工, 职工之家", "女职工"));
    assert!(p.patched_after(
        NEWS,
        "劳模精神, 职工服务]",
        "劳模精神, 职工服务, 安全生产, 新标签]"
    ));
}

#[test]
fn edits_that_move_a_page_build_the_model_in_full() {
    let mut p = Preview::of("demo");
    assert!(!p.patched_after(NEWS, "date: 2026-03-09", "date: 2026-03-10"));
    assert!(!p.patched_after(NEWS, "---\n\n", "slug: womens-day\n---\n\n"));
    // A new number, and the correction that names it, in one save.
    let correction = "content/disclosures/2026-q1-union-funds-correction.md";
    assert!(!p.patched_after_edits(&[
        (DISCLOSURE, "〔2026〕12号", "〔2026〕13号"),
        (
            correction,
            "corrects: 江重工〔2026〕12号",
            "corrects: 江重工〔2026〕13号"
        ),
    ]));
    assert!(!p.patched_after(DISCLOSURE, "category: 财务公开", "category: 福利发放"));
    assert!(!p.patched_after(
        CAMPAIGN,
        "tags: [安全生产, 安康杯]",
        "tags: [安康杯, 安全生产]"
    ));
    assert!(!p.patched_after("content/news/_index.md", "\n---\n", "\n---\n\n栏目说明。\n"));
    // A draft flag is kept in the model: drafts show in `serve`.
    assert!(!p.patched_after(NEWS, "---\n\n", "draft: true\n---\n\n"));
    // A page that fails leaves the model to the full build, which reports it.
    let text = std::fs::read_to_string(p.path(NEWS)).unwrap();
    p.write(NEWS, &text.replace("date: 2026-03-10", "date: 2026-13-40"));
    let rebuilt = p.rebuilder.rebuild(&[PathBuf::from(NEWS)]);
    assert!(rebuilt.failed());
}

#[test]
fn a_title_that_reorders_pages_of_one_date_is_not_patched() {
    let mut p = Preview::of("demo");
    for (name, title) in [
        ("same-a.md", "乙"),
        ("same-b.md", "丙"),
        ("same-c.md", "丁"),
    ] {
        p.write(
            &format!("content/news/{name}"),
            &format!("---\ntitle: {title}\ndate: 2026-04-01\n---\n\n正文。\n"),
        );
    }
    // New files: a full build.
    assert!(!p.patched_after("content/news/same-a.md", "正文", "正文二"));
    // Between its neighbours (乙 < 丙 < 丁 by code point): patched.
    assert!(p.patched_after("content/news/same-b.md", "title: 丙", "title: 丙二"));
    // Past a neighbour: the order moves.
    assert!(!p.patched_after("content/news/same-b.md", "title: 丙二", "title: 一"));
}
