//! Entry points for the fuzz targets in `fuzz/` and for `tests/fuzz_corpus.rs`,
//! which replays the committed corpus (and every crash found so far) on a plain
//! `cargo test`. Each runs one real stage of the pipeline on arbitrary bytes; a
//! panic, overflow or hang is a bug, any diagnostic is a correct answer.

use std::path::{Path, PathBuf};

use crate::diag::Report;
use crate::load::{MarkdownSource, Role, Sources, decode_text};

/// A Markdown file with front matter: decode (BOM, CRLF, UTF-16, non-UTF-8),
/// split, read YAML, check against its kind, render the body.
pub fn front_matter(bytes: &[u8]) {
    let mut report = Report::new();
    let Some(config) = crate::config::resolve("title: fuzz\n", &mut report) else {
        return;
    };
    let path = Path::new("content/news/fuzz.md");
    let Some(text) = decode_text(bytes, path, &mut report) else {
        return;
    };
    let sources = Sources {
        root: PathBuf::from("."),
        markdown: vec![MarkdownSource {
            path: path.to_path_buf(),
            role: Role::Page,
            text,
        }],
        ..Sources::default()
    };
    let _ = crate::parse::parse_sources(&sources, &config, &mut report);
    for d in report.sorted() {
        let _ = d.to_string();
    }
}

/// A Markdown body, rendered with everything `render_markdown` does
/// (sanitizer, soft breaks, headings, summary, word count).
pub fn markdown(bytes: &[u8]) {
    let text = String::from_utf8_lossy(bytes);
    let rendered = crate::markdown::render_markdown(&text);
    // The sanitizer's promise, checked on every input.
    let lower = rendered.html.to_ascii_lowercase();
    assert!(
        !lower.contains("<script"),
        "script survived: {}",
        rendered.html
    );
    assert!(
        !lower.contains("=\"javascript:"),
        "javascript: URL survived: {}",
        rendered.html
    );
}

/// `site.yaml` text, resolved with defaults and validation.
pub fn site_yaml(bytes: &[u8]) {
    let text = String::from_utf8_lossy(bytes);
    let mut report = Report::new();
    let _ = crate::config::resolve(&text, &mut report);
    for d in report.sorted() {
        let _ = d.to_string();
    }
}
