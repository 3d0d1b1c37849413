//! Links in a body: every link and picture with the line it is written on, and
//! the anchors its raw HTML sets. A link to a content file (`a.md`,
//! `../news/a.md`, `@/news/a.md`) becomes a marker in the HTML ([`marker`])
//! until the render stage knows that page's URL; whether each link leads
//! somewhere the site builds is checked after the build (`crate::links`).

/// Starts a content link's marker; the link's index and `~` follow, then what
/// came after the file's path (`#anchor`). Every character is one comrak writes
/// into an `href` as it is.
const MARKER_PREFIX: &str = "nb-content-link-";
const MARKER_END: char = '~';

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct BodyLink {
    /// As written (entities and backslash escapes resolved), anchor included.
    pub url: String,
    /// 1-based line: of the body while rendering, of the file after parse.
    pub line: usize,
    /// A picture (`![…](…)`, `<img src>`), not a link.
    pub image: bool,
    /// Names a content file: the HTML holds [`marker`] in its place.
    pub content: bool,
}

/// What the HTML holds for content link `index` until it is resolved.
pub fn marker(index: usize) -> String {
    format!("{MARKER_PREFIX}{index}{MARKER_END}")
}

/// Whether `url` starts with a scheme (`https:`, `mailto:`, `c:`).
pub fn has_scheme(url: &str) -> bool {
    let end = url.find([':', '/', '?', '#']);
    match end {
        Some(colon) if url[colon..].starts_with(':') => {
            let scheme = &url[..colon];
            scheme.starts_with(|c: char| c.is_ascii_alphabetic())
                && scheme
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
        }
        _ => false,
    }
}

/// A link to a content file, split into the file's path and what follows it
/// (`?…`, `#…`): `@/news/a.md#x` → `("@/news/a.md", "#x")`.
pub fn content_file_link(url: &str) -> Option<(&str, &str)> {
    if has_scheme(url) || url.starts_with("//") {
        return None;
    }
    let (path, rest) = url.split_at(url.find(['?', '#']).unwrap_or(url.len()));
    let lower = path.to_ascii_lowercase();
    let is_markdown = lower.ends_with(".md") || lower.ends_with(".markdown");
    (path.starts_with("@/") || is_markdown).then_some((path, rest))
}

/// The URL that goes into the HTML for a link as written: a marker and what
/// followed the file's path for a content link, else the URL itself.
pub(super) fn written_url(url: &str, index: usize) -> Option<String> {
    content_file_link(url).map(|(_, rest)| format!("{}{rest}", marker(index)))
}

/// Replaces every content link's marker in `html` with `url(index)`: the
/// page's URL, HTML-escaped by the caller's rules.
pub fn replace_link_markers(html: &str, mut url: impl FnMut(usize) -> Option<String>) -> String {
    if !html.contains(MARKER_PREFIX) {
        return html.to_string();
    }
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(at) = rest.find(MARKER_PREFIX) {
        out.push_str(&rest[..at]);
        let after = &rest[at + MARKER_PREFIX.len()..];
        let digits = after.bytes().take_while(u8::is_ascii_digit).count();
        let index = after[..digits].parse::<usize>().ok();
        match (index, after[digits..].strip_prefix(MARKER_END)) {
            (Some(index), Some(tail)) => match url(index) {
                Some(found) => {
                    out.push_str(&found);
                    rest = tail;
                }
                // Not a marker of this page (an author wrote one): as it is.
                None => {
                    out.push_str(MARKER_PREFIX);
                    rest = after;
                }
            },
            _ => {
                out.push_str(MARKER_PREFIX);
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_file_links_are_told_from_urls() {
        assert_eq!(content_file_link("a.md"), Some(("a.md", "")));
        assert_eq!(
            content_file_link("../news/A.MD#一-总体"),
            Some(("../news/A.MD", "#一-总体"))
        );
        assert_eq!(content_file_link("@/news/a.md"), Some(("@/news/a.md", "")));
        assert_eq!(content_file_link("@/news/"), Some(("@/news/", "")));
        for url in [
            "https://x.org/a.md",
            "//x.org/a.md",
            "/news/a/",
            "a.md.pdf",
            "#a.md",
            "mailto:a.md",
        ] {
            assert_eq!(content_file_link(url), None, "{url}");
        }
    }

    #[test]
    fn schemes_need_a_letter_first_and_come_before_any_slash() {
        assert!(has_scheme("https://x"));
        assert!(has_scheme("mailto:a@b"));
        assert!(!has_scheme("/a:b"));
        assert!(!has_scheme("a/b:c"));
        assert!(!has_scheme("1a:b"));
        assert!(!has_scheme("#x:y"));
    }

    #[test]
    fn markers_are_replaced_and_strangers_kept() {
        let html = format!(
            "<a href=\"{}#x\">a</a> <a href=\"{}\">b</a> {MARKER_PREFIX}x",
            marker(0),
            marker(9)
        );
        let out = replace_link_markers(&html, |i| (i == 0).then(|| "/news/a/".to_string()));
        assert_eq!(
            out,
            format!(
                "<a href=\"/news/a/#x\">a</a> <a href=\"{}\">b</a> {MARKER_PREFIX}x",
                marker(9)
            )
        );
    }
}
