//! `noticeboard wechat PAGE`: the fragment for the 公众号 editor, on the
//! `wechat` fixture (one page per thing the editor breaks) and a bundle with a
//! 6 MB phone photo made here. The fragment is parsed and checked element by
//! element; the export's own lint must find nothing.

use std::fs;

use scraper::{Html, Selector};

use crate::harness::{NOW, Run, TestSite};

fn export(site: &TestSite, page: &str) -> Run {
    let root = site.root.to_string_lossy().into_owned();
    site.run(&["wechat", page, "--root", &root, "--now", NOW])
}

fn fragment(site: &TestSite, page: &str) -> (Html, String, Run) {
    let run = export(site, page);
    run.assert_ok();
    let html = run.stdout.clone();
    (Html::parse_fragment(&html), html, run)
}

fn select<'a>(doc: &'a Html, css: &str) -> Vec<scraper::ElementRef<'a>> {
    doc.select(&Selector::parse(css).unwrap()).collect()
}

fn text(e: &scraper::ElementRef<'_>) -> String {
    e.text().collect()
}

/// No warning of the lint (W134x, W135x) and none about pictures.
fn assert_clean(run: &Run) {
    for code in ["W134", "W135", "W1310"] {
        assert!(
            !run.stderr.contains(&format!("[{code}")),
            "the lint found problems:\n{}",
            run.stderr
        );
    }
}

#[test]
fn links_become_numbered_notes_and_only_wechat_links_stay() {
    let site = TestSite::fixture("wechat");
    let (doc, html, run) = fragment(&site, "content/news/links.md");
    assert_clean(&run);
    assert!(
        !run.stderr.contains("W1311"),
        "a public base_url: {}",
        run.stderr
    );
    // One root section, inline styles only.
    let roots = select(&doc, "html > section");
    assert_eq!(roots.len(), 1, "{html}");
    assert!(roots[0].value().attr("style").unwrap().contains("color:"));
    for bad in [
        "style", "script", "link", "svg", "[class]", "[id]", "ul", "ol", "li", "pre",
    ] {
        assert!(select(&doc, bad).is_empty(), "{bad} in {html}");
    }
    assert!(!html.contains("data:"));
    assert!(!html.contains("position"));
    // The only link left is the WeChat article.
    let links = select(&doc, "a");
    assert_eq!(links.len(), 1, "{html}");
    assert_eq!(
        links[0].value().attr("href"),
        Some("https://mp.weixin.qq.com/s/AbCdEf")
    );
    // The others are notes: [1] after the text, the URL as text at the end.
    let body = text(&roots[0]);
    assert!(body.contains("安全生产月通知[1]"), "{body}");
    assert!(
        body.contains("通知[1]"),
        "the same URL keeps its number: {body}"
    );
    assert!(body.contains("劳模名单[2]"), "{body}");
    assert!(body.contains("参考链接"));
    assert!(
        body.contains("[1] 安全生产月通知：https://www.mem.gov.cn/tzgg/安全月.html"),
        "{body}"
    );
    // An internal link is the page's absolute URL on the published site.
    assert!(
        body.contains("[2] 劳模名单：https://gonghui.jczj.com.cn/news/other/"),
        "{body}"
    );
    assert!(body.contains("gh@example.org"), "{body}");
    // A link in a footnote is numbered after those of the text.
    assert!(body.contains("https://example.com/fn"), "{body}");
}

#[test]
fn footnotes_are_gathered_as_notes_at_the_end() {
    let site = TestSite::fixture("wechat");
    let (doc, _, _) = fragment(&site, "content/news/links.md");
    let sups: Vec<String> = select(&doc, "sup").iter().map(text).collect();
    assert!(sups.contains(&"注1".to_string()), "{sups:?}");
    assert!(sups.contains(&"注2".to_string()), "{sups:?}");
    let paragraphs: Vec<String> = select(&doc, "p").iter().map(text).collect();
    let heading = paragraphs.iter().position(|p| p == "注释").expect("注释");
    assert!(
        paragraphs[heading + 1].starts_with("注1　第一条注释。"),
        "{paragraphs:?}"
    );
    assert!(
        paragraphs[heading + 2].starts_with("注2　第二条，带链接"),
        "{paragraphs:?}"
    );
    // No back links (↩) and no anchors.
    assert!(!paragraphs.iter().any(|p| p.contains('↩')));
}

#[test]
fn bold_labels_stay_on_their_line_and_three_levels_stay_readable() {
    let site = TestSite::fixture("wechat");
    let (doc, _, _) = fragment(&site, "content/news/links.md");
    let items = select(&doc, "p");
    let label = items
        .iter()
        .find(|p| text(p).contains("活动时间"))
        .expect("the item");
    // Marker, bold label and its text in one paragraph.
    assert_eq!(
        text(label),
        "•**活动时间**：11月20日至11月30日".replace("**", "")
    );
    assert_eq!(select_in(label, "strong").len(), 1);
    let indent = |needle: &str| -> u32 {
        let p = items.iter().find(|p| text(p).contains(needle)).unwrap();
        let style = p.value().attr("style").unwrap();
        let at = style.find("padding-left:").unwrap() + "padding-left:".len();
        style[at..].split("px").next().unwrap().parse().unwrap()
    };
    let (one, two, three) = (indent("参加对象"), indent("一线班组"), indent("焊工班"));
    assert!(one < two && two < three, "{one} {two} {three}");
    // Each level has its own marker.
    let starts = |needle: &str| -> String {
        let p = items.iter().find(|p| text(p).contains(needle)).unwrap();
        text(p).chars().next().unwrap().to_string()
    };
    assert_eq!(
        (starts("参加对象"), starts("一线班组"), starts("焊工班")),
        ("•".into(), "◦".into(), "▪".into())
    );
    assert!(text(items.iter().find(|p| text(p).contains("细则一")).unwrap()).starts_with("(1)"));
    assert!(text(items.iter().find(|p| text(p).contains("再细一层")).unwrap()).starts_with("a)"));
    assert!(text(items.iter().find(|p| text(p).contains("已报名")).unwrap()).starts_with('☑'));
    assert!(text(items.iter().find(|p| text(p).contains("未报名")).unwrap()).starts_with('☐'));
    // A loose list: the marker on the item's first paragraph, none on the
    // next, and no paragraph that is only a marker.
    assert!(
        text(
            items
                .iter()
                .find(|p| text(p).contains("松散列表第一条"))
                .unwrap()
        )
        .starts_with('•')
    );
    let more = items.iter().find(|p| text(p).contains("补充说明")).unwrap();
    assert_eq!(text(more), "第一条的补充说明");
    for marker in ["•", "◦", "▪", "☑", "☐"] {
        assert!(
            !items.iter().any(|p| text(p).trim() == marker),
            "an empty item"
        );
    }
}

fn select_in<'a>(e: &scraper::ElementRef<'a>, css: &str) -> Vec<scraper::ElementRef<'a>> {
    e.select(&Selector::parse(css).unwrap()).collect()
}

#[test]
fn tables_fit_a_phone_and_preformatted_text_keeps_its_spaces() {
    let site = TestSite::fixture("wechat");
    let (doc, html, _) = fragment(&site, "content/news/links.md");
    let table = &select(&doc, "table")[0];
    let style = table.value().attr("style").unwrap();
    assert!(style.contains("width:100%"), "{style}");
    assert!(style.contains("font-size:13px"), "{style}");
    let cells = select(&doc, "td");
    assert!(cells.iter().all(|c| {
        c.value()
            .attr("style")
            .unwrap()
            .contains("overflow-wrap:break-word")
    }));
    assert!(
        select(&doc, "td")[0]
            .value()
            .attr("style")
            .unwrap()
            .contains("text-align:center")
    );
    // Preformatted text: non-breaking spaces and line breaks, no <pre>.
    assert!(
        html.contains("报名表<br>&nbsp;&nbsp;姓名&nbsp;&nbsp;&nbsp;&nbsp;工号<br>"),
        "{html}"
    );
    // A block quote keeps its words and gets a border of the theme's colour.
    let quote = select(&doc, "section")
        .into_iter()
        .find(|s| s.value().attr("style").unwrap().contains("border-left:4px"))
        .unwrap();
    assert!(text(&quote).contains("安全第一"));
}

#[test]
fn a_disclosure_shows_its_number_period_contact_and_attachments() {
    let site = TestSite::fixture("wechat");
    let (doc, _, run) = fragment(&site, "content/disclosures/nominees/index.md");
    assert_clean(&run);
    let body = text(&select(&doc, "html > section")[0]);
    for expected in [
        "文号：测工〔2026〕31号",
        "公示期：11月19日至11月25日",
        "发文机关：测试集团工会",
        "附件1：推荐名单（PDF）",
        "https://gonghui.jczj.com.cn/disclosures/nominees/",
        "受理联系：集团工会宣传部　电话：0716-55501236",
    ] {
        assert!(body.contains(expected), "{expected} missing from {body}");
    }
    // Status words an old article would get wrong are not there.
    for stale in ["公示中", "公示结束", "已结束"] {
        assert!(!body.contains(stale), "{stale} in {body}");
    }
}

/// A noisy 6 MB phone photo with EXIF (GPS), XMP and IPTC.
fn big_phone_photo() -> Vec<u8> {
    let (width, height) = (3000u32, 2250u32);
    let mut state = 7u32;
    let img = image::RgbImage::from_fn(width, height, |x, y| {
        state = state.wrapping_mul(1_103_515_245).wrapping_add(12_345);
        let n = (state >> 24) as u8;
        image::Rgb([
            ((x * 255 / width) as u8).wrapping_add(n / 2),
            ((y * 255 / height) as u8).wrapping_add(n / 3),
            n,
        ])
    });
    let mut plain = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut plain, 97)
        .encode(img.as_raw(), width, height, image::ExtendedColorType::Rgb8)
        .unwrap();
    let mut out = plain[..2].to_vec();
    out.extend(crate::images::segment(0xE1, &crate::images::exif(1)));
    out.extend_from_slice(&plain[2..]);
    out
}

#[test]
fn a_6_mb_phone_photo_gets_a_small_clean_wechat_copy_that_build_publishes() {
    let site = TestSite::fixture("wechat");
    let photo = big_phone_photo();
    assert!(photo.len() > 6_000_000, "{} bytes", photo.len());
    site.write("content/news/photo/现场.jpg", &photo);
    site.write(
        "content/news/photo/index.md",
        "---\ntitle: 图片新闻\ndate: 2026-11-21\ngallery: [{src: 现场.jpg, caption: 开幕式现场}]\n---\n开幕式。\n\n![会场](现场.jpg)\n",
    );
    let (doc, html, run) = fragment(&site, "content/news/photo/index.md");
    assert_clean(&run);
    let srcs: Vec<&str> = select(&doc, "img")
        .iter()
        .filter_map(|i| i.value().attr("src"))
        .collect();
    let copy = "https://gonghui.jczj.com.cn/news/photo/%E7%8E%B0%E5%9C%BA.wechat.jpg";
    assert_eq!(srcs, [copy, copy], "body picture and gallery: {html}");
    // The gallery's caption is under its picture.
    assert!(select(&doc, "p").iter().any(|p| text(p) == "开幕式现场"));

    // build publishes the same copy: JPEG, ≤ 1080 px wide, ≤ 1 MiB, no EXIF.
    site.build(&[]).assert_ok();
    let published = site.public().join("news/photo/现场.wechat.jpg");
    let bytes = fs::read(&published).unwrap();
    assert!(bytes.len() <= 1 << 20, "{} bytes", bytes.len());
    let decoded = image::load_from_memory(&bytes).unwrap();
    assert_eq!(decoded.width(), 1080);
    assert_eq!(decoded.height(), 810);
    let left = crate::images::jpeg_metadata(&bytes);
    assert!(left.is_empty(), "{left:?}");
    // The site's pages do not show the copy; only WeChat does.
    assert!(!site.read("news/photo/index.html").contains("wechat"));
    // A second export reuses the cached copy (the same bytes).
    let again = export(&site, "content/news/photo/index.md");
    again.assert_ok();
    site.build(&[]).assert_ok();
    assert_eq!(fs::read(&published).unwrap(), bytes);
}

#[test]
fn a_base_url_wechat_cannot_reach_is_a_warning() {
    let site = TestSite::fixture("wechat");
    for url in [
        "http://localhost:1111/",
        "http://127.0.0.1/",
        "http://192.168.1.10/",
        "http://[::1]/",
        "https://gonghui.example.org/",
        "https://gh.test/",
        "https://gh.local/",
    ] {
        let yaml = site.root.join("site.yaml");
        let text = fs::read_to_string(&yaml).unwrap();
        let start = text.find("base_url:").unwrap();
        let end = start + text[start..].find('\n').unwrap();
        fs::write(
            &yaml,
            format!("{}base_url: {url}{}", &text[..start], &text[end..]),
        )
        .unwrap();
        let run = export(&site, "content/news/other.md");
        run.assert_ok();
        assert!(run.stderr.contains("W1311"), "{url}: {}", run.stderr);
    }
}

#[test]
fn a_wrong_page_is_an_error_naming_it_and_help_explains() {
    let site = TestSite::fixture("wechat");
    let run = export(&site, "content/news/nope.md");
    run.assert_code(1);
    assert!(
        run.stderr.contains("content/news/nope.md"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("E1320"), "{}", run.stderr);
    assert!(run.stdout.is_empty());
    let help = site.run(&["wechat", "--help"]);
    help.assert_ok();
    assert!(help.stdout.contains("mp.weixin.qq.com"));
    assert!(help.stdout.contains("--out"));
    site.run(&["wechat"]).assert_code(2);
}

#[test]
fn out_writes_the_fragment_to_a_file() {
    let site = TestSite::fixture("wechat");
    let root = site.root.to_string_lossy().into_owned();
    let out = site.root.join("片段.html");
    let out_s = out.to_string_lossy().into_owned();
    let run = site.run(&[
        "wechat",
        "content/news/other.md",
        "--root",
        &root,
        "--now",
        NOW,
        "--out",
        &out_s,
        "--title",
    ]);
    run.assert_ok();
    assert!(run.stdout.contains("片段.html"), "{}", run.stdout);
    let written = fs::read_to_string(&out).unwrap();
    assert!(written.starts_with("<section style="));
    assert!(written.contains(">劳模名单</h1>"), "--title: {written}");
}

#[test]
fn build_output_never_carries_the_wechat_tools() {
    let site = TestSite::fixture("wechat");
    site.build(&[]).assert_ok();
    for file in crate::harness::files_with_extension(&site.public(), &["html", "js"]) {
        let text = fs::read_to_string(&file).unwrap();
        assert!(!text.contains("__noticeboard"), "{}", file.display());
        assert!(!text.contains("复制到公众号"), "{}", file.display());
    }
}

#[test]
fn a_correction_names_what_it_corrects_and_the_corrected_notice_points_to_it() {
    let site = TestSite::fixture("kinds");
    let (doc, _, run) = fragment(&site, "content/disclosures/correction.md");
    assert_clean(&run);
    let body = text(&select(&doc, "html > section")[0]);
    assert!(body.contains("本公告更正："), "{body}");
    assert!(body.contains("更正原因：金额录入有误"), "{body}");
    assert!(body.contains("参考链接"), "the original's address: {body}");
    let (doc, _, _) = fragment(&site, "content/disclosures/closed.md");
    let body = text(&select(&doc, "html > section")[0]);
    assert!(body.contains("本公示内容已更正"), "{body}");
}
