//! The anchors a built HTML file has: every `id` and `<a name>` in it. Read
//! only for a file a link's anchor is not found on by the page's own text
//! (a theme's `id="attachments"`, a footnote, a shortcode's output).

use std::collections::HashSet;

/// Every `id="…"` and `name="…"` value in `html`, entities in them undone as
/// far as our own escaping goes (`&amp;`, `&quot;`, `&#39;`, `&lt;`, `&gt;`).
pub(super) fn ids_in(html: &str) -> HashSet<String> {
    let mut ids = HashSet::new();
    for attr in [" id=\"", " name=\""] {
        let mut rest = html;
        while let Some(at) = rest.find(attr) {
            let value = &rest[at + attr.len()..];
            let end = value.find('"').unwrap_or(value.len());
            ids.insert(unescape(&value[..end]));
            rest = &value[end..];
        }
    }
    ids
}

fn unescape(value: &str) -> String {
    if !value.contains('&') {
        return value.to_string();
    }
    value
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&#x27;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_and_names_are_found() {
        let ids = ids_in(
            "<h2 id=\"一-总体\">x</h2><a name=\"old\"></a><li id=\"fn-1\"><p data-id=\"no\" id=\"a&amp;b\">",
        );
        for id in ["一-总体", "old", "fn-1", "a&b"] {
            assert!(ids.contains(id), "{id}: {ids:?}");
        }
        assert!(!ids.contains("no"));
    }
}
