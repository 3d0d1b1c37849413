//! The export on the demo site (`content/` of the repository): every page's
//! fragment passes the lint, so every text keeps 4.5:1 in light and in
//! WeChat's dark mode, with every colour the fragments use.

use std::collections::BTreeSet;
use std::path::Path;

use super::colour::Rgb;
use super::dark::text_colours;
use super::lint::lint;
use super::palette::keeps_contrast;
use super::{ExportOptions, export_page, stylesheet};
use crate::build::{BuildOptions, Mode, run_stages};
use crate::diag::Report;
use crate::rebuild::State;

fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_tree(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

#[test]
fn every_demo_page_passes_the_lint_light_and_dark() {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    copy_tree(&repo.join("content"), &root.join("content"));
    for file in ["site.yaml", "disclosures.lock"] {
        std::fs::copy(repo.join(file), root.join(file)).unwrap();
    }
    let options = BuildOptions {
        root: root.to_path_buf(),
        now: Some("2026-11-23T09:00:00+08:00".to_string()),
        ..BuildOptions::default()
    };
    let mut report = Report::new();
    let staged = run_stages(
        &options,
        Mode::Build,
        &mut State::once(),
        &mut Vec::new(),
        &mut report,
    )
    .unwrap_or_else(|| panic!("{:?}", report.sorted()));
    let export = ExportOptions {
        base_url: "https://gonghui.jczj.com.cn/".to_string(),
        title: true,
        css: stylesheet(&staged.sources),
    };
    assert!(export.css.contains("--red"));
    let mut colours = BTreeSet::new();
    let mut pictures = 0;
    for index in 0..staged.site.pages.len() {
        let page = &staged.site.pages[index];
        let fragment = export_page(
            &staged.site,
            &staged.images,
            &staged.expanded,
            index,
            &export,
        );
        let problems: Vec<String> = (fragment.problems.iter())
            .chain(&lint(&fragment.html))
            .map(|m| m.render(crate::i18n::Language::En))
            .collect();
        assert!(
            problems.is_empty(),
            "{}: {problems:#?}",
            page.parsed.path.display()
        );
        pictures += fragment.html.matches("<img").count();
        for t in text_colours(&fragment.html) {
            colours.insert((t.light.0.hex(), t.light.1.hex()));
            // Every text colour on every ground it is shown on.
            assert!(
                keeps_contrast(t.light.0, t.light.1),
                "{}: {:?}",
                page.parsed.path.display(),
                t
            );
        }
    }
    assert!(staged.site.pages.len() >= 20, "{}", staged.site.pages.len());
    assert!(pictures >= 10, "the demo's photos are exported: {pictures}");
    // The fragments use the theme's colours on white and on its tint.
    assert!(colours.len() >= 4, "{colours:?}");
    for (text, ground) in &colours {
        let (t, g) = (Rgb::parse(text).unwrap(), Rgb::parse(ground).unwrap());
        assert!(keeps_contrast(t, g), "{text} on {ground}");
    }
}
