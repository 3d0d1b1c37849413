//! Entry points for the fuzz targets in `fuzz/` and for `tests/it/fuzz_corpus.rs`,
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
            text: text.into(),
        }],
        ..Sources::default()
    };
    let _ = crate::parse::parse_sources(&sources, &config, &mut report);
    for d in report.sorted() {
        let _ = d.render(crate::i18n::Language::ZhCn);
        let _ = d.render(crate::i18n::Language::En);
    }
}

/// A Markdown body, rendered with everything `render_markdown` does
/// (sanitizer, soft breaks, headings, summary, word count).
pub fn markdown(bytes: &[u8]) {
    let text = String::from_utf8_lossy(bytes);
    let rendered = crate::markdown::render_markdown(&text);
    // The sanitizer's promise, checked on every input: no script element and
    // no script URL in any tag. Text between tags may say `="javascript:`
    // (the first fuzz finding was this oracle being too naive, not a bug).
    for tag in tags(&rendered.html) {
        let name: String = tag
            .trim_start_matches('<')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        assert!(name != "script", "script survived: {}", rendered.html);
        for (attribute, value) in attributes(tag) {
            assert!(
                !attribute.starts_with("on"),
                "event handler survived in {tag}"
            );
            // URLs only: `alt="vbscript:"` is text (the second fuzz finding was
            // the oracle flagging exactly that).
            if URL_ATTRIBUTES.contains(&attribute.as_str()) {
                let url: String = value
                    .chars()
                    .filter(|c| !c.is_whitespace() && !c.is_control())
                    .flat_map(char::to_lowercase)
                    .collect();
                assert!(
                    !url.starts_with("javascript:")
                        && !url.starts_with("vbscript:")
                        && !url.starts_with("data:text/html"),
                    "script URL survived in {tag}"
                );
            }
        }
    }
}

const URL_ATTRIBUTES: &[&str] = &[
    "href",
    "src",
    "cite",
    "action",
    "formaction",
    "poster",
    "background",
    "srcset",
];

/// Attributes of one tag as (lowercased name, value); quotes respected.
fn attributes(tag: &str) -> Vec<(String, String)> {
    let inner = tag.trim_start_matches('<').trim_end_matches('>');
    let mut out = Vec::new();
    let mut chars = inner.chars().peekable();
    // Skip the tag name.
    while chars.next_if(|c| !c.is_whitespace()).is_some() {}
    loop {
        while chars.next_if(|c| c.is_whitespace() || *c == '/').is_some() {}
        let mut name = String::new();
        while let Some(c) = chars.next_if(|c| !c.is_whitespace() && *c != '=') {
            name.extend(c.to_lowercase());
        }
        if name.is_empty() && chars.peek().is_none() {
            break;
        }
        while chars.next_if(|c| c.is_whitespace()).is_some() {}
        let mut value = String::new();
        if chars.next_if_eq(&'=').is_some() {
            while chars.next_if(|c| c.is_whitespace()).is_some() {}
            match chars.next() {
                Some(q @ ('"' | '\'')) => {
                    for c in chars.by_ref() {
                        if c == q {
                            break;
                        }
                        value.push(c);
                    }
                }
                Some(first) => {
                    value.push(first);
                    while let Some(c) = chars.next_if(|c| !c.is_whitespace()) {
                        value.push(c);
                    }
                }
                None => {}
            }
        }
        if !name.is_empty() {
            out.push((name, value));
        }
    }
    out
}

/// The tags of an HTML string (`<name …>` and `</name>`), quotes respected.
fn tags(html: &str) -> Vec<&str> {
    let bytes = html.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let opens_tag = bytes[i] == b'<'
            && bytes
                .get(i + 1)
                .is_some_and(|b| b.is_ascii_alphabetic() || *b == b'/');
        if !opens_tag {
            i += 1;
            continue;
        }
        let start = i;
        let mut quote = None;
        i += 1;
        while i < bytes.len() {
            match (quote, bytes[i]) {
                (None, b'"' | b'\'') => quote = Some(bytes[i]),
                (Some(q), b) if b == q => quote = None,
                (None, b'>') => break,
                _ => {}
            }
            i += 1;
        }
        out.push(&html[start..(i + 1).min(html.len())]);
        i += 1;
    }
    out
}

/// `site.yaml` text, resolved with defaults and validation.
pub fn site_yaml(bytes: &[u8]) {
    let text = String::from_utf8_lossy(bytes);
    let mut report = Report::new();
    let _ = crate::config::resolve(&text, &mut report);
    for d in report.sorted() {
        let _ = d.render(crate::i18n::Language::ZhCn);
        let _ = d.render(crate::i18n::Language::En);
    }
}

/// A page path and a file it names (`<page path>\n<file>`): wherever
/// [`resolve_named`](crate::model::kinds::resolve_named) lands, it is inside
/// `content/` or `static/`, by plain names only, none hidden: read with `/`
/// or `\` as the separator (Windows reads both) and with `:` as a drive or a
/// stream. The output side likewise: an output path joined by
/// [`safe_join`](crate::output::safe_join) stays under the output folder.
pub fn paths(bytes: &[u8]) {
    let text = String::from_utf8_lossy(bytes);
    let (page, file) = text
        .split_once('\n')
        .unwrap_or(("content/news/a.md", &text));
    let page = Path::new(page);
    let resolved = crate::model::kinds::resolve_named(page, file);
    // A drive (`C:`), a stream (`a.pdf:x`) or a URL scheme is never a file.
    assert!(
        resolved.is_none() || !file.contains(':'),
        "{file:?} resolved"
    );
    if let Some(rel) = resolved {
        let shown = rel.to_string_lossy().into_owned();
        let mut names = Vec::new();
        for c in rel.components() {
            let std::path::Component::Normal(name) = c else {
                panic!("not a plain path {shown:?} from {file:?} on {page:?}");
            };
            let name = name.to_string_lossy().into_owned();
            names.extend(
                name.split('\\')
                    .filter(|n| !n.is_empty())
                    .map(str::to_string),
            );
        }
        assert!(
            names[0] == crate::layout::CONTENT_DIR || names[0] == crate::layout::STATIC_DIR,
            "outside the sources: {shown:?} from {file:?} on {page:?}"
        );
        for name in &names {
            assert!(
                !crate::layout::is_ignored_name(name) && name != "." && name != "..",
                "not a plain name {name:?} in {shown:?} from {file:?}"
            );
        }
    }
    let out = Path::new("out");
    if let Some(joined) = crate::output::safe_join(out, file) {
        assert!(joined.starts_with(out), "{joined:?}");
        for c in joined.components() {
            assert!(
                matches!(c, std::path::Component::Normal(_)),
                "{joined:?} from {file:?}"
            );
            let name = c.as_os_str().to_string_lossy();
            assert!(!name.contains(['\\', ':']), "{joined:?} from {file:?}");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn attributes_respect_quotes() {
        let names = |tag| -> Vec<String> { attributes(tag).into_iter().map(|(n, _)| n).collect() };
        assert_eq!(
            names(r#"<span class="x onion" title='on=1' id=a>"#),
            ["class", "title", "id"]
        );
        assert_eq!(names("<img src=x OnError=y>"), ["src", "onerror"]);
        assert_eq!(
            attributes(r#"<img alt="vbscript:" src='a b'>"#),
            [
                ("alt".to_string(), "vbscript:".to_string()),
                ("src".to_string(), "a b".to_string())
            ]
        );
        assert_eq!(
            tags(r#"<a href="x>y">t</a>="javascript:"#),
            [r#"<a href="x>y">"#, "</a>"]
        );
    }
}
