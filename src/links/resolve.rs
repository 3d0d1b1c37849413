//! Where a link written in a page leads, as a site path: the URL as written,
//! taken apart and resolved against the page's URL the way a browser does,
//! without looking at what the site builds.

use crate::escape::percent_decode;
use crate::markdown::links::has_scheme;

/// A link that stays on the site, resolved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct SitePath {
    /// `news/a/`, `news/a/photo.jpg`; empty for the home page. Percent-escapes
    /// undone, `.` and `..` applied.
    pub path: String,
    /// The anchor without `#`, escapes undone; empty when there is none.
    pub anchor: String,
}

/// What a written URL is.
#[derive(Debug, PartialEq, Eq)]
pub(super) enum Resolved {
    /// Another site, `mailto:`, `tel:`: not ours to check.
    Elsewhere,
    /// On this site.
    Site(SitePath),
    /// A path from the server's root that is not under the site's base path
    /// (or climbs above it with `..`).
    OutsideBase,
}

/// Resolves `url` written on the page at site path `page` (`news/a/`), for a
/// site whose `base_url` is `base_url` (ending in `/`) and whose path on its
/// server is `base_path` (`/`, `/union/`).
pub(super) fn resolve(url: &str, page: &str, base_url: &str, base_path: &str) -> Resolved {
    let url = url.trim();
    let (rest, anchor) = match url.split_once('#') {
        Some((rest, anchor)) => (rest, anchor),
        None => (url, ""),
    };
    let rest = rest.split_once('?').map_or(rest, |(path, _)| path);
    let from_root = if has_scheme(rest) {
        // An absolute URL is ours when it is under `base_url`.
        match strip_prefix_ignoring_case(rest, base_url) {
            Some(path) => Some(path),
            None if format!("{rest}/") == base_url => Some(""),
            None => return Resolved::Elsewhere,
        }
    } else if rest.starts_with("//") {
        return Resolved::Elsewhere;
    } else if let Some(path) = rest.strip_prefix('/') {
        let inside = base_path.trim_start_matches('/');
        match path.strip_prefix(inside) {
            Some(path) => Some(path),
            None if format!("{path}/") == inside => Some(""),
            None => return Resolved::OutsideBase,
        }
    } else {
        None
    };
    let joined = match from_root {
        Some(path) => path.to_string(),
        // `#x` and `?q` alone stay on the page.
        None if rest.is_empty() => page.to_string(),
        None => format!("{}{rest}", folder_of(page)),
    };
    let Some(path) = normalize(&joined) else {
        return Resolved::OutsideBase;
    };
    Resolved::Site(SitePath {
        path,
        anchor: percent_decode(anchor).unwrap_or_else(|| anchor.to_string()),
    })
}

/// The folder a relative URL resolves against: the page's path up to its last
/// `/` (`news/a/` for `news/a/`, `news/` for `news/a.html`).
fn folder_of(page: &str) -> &str {
    match page.rfind('/') {
        Some(i) => &page[..=i],
        None => "",
    }
}

/// `news/./a/../b/` → `news/b/`, escapes undone; `None` when `..` climbs out.
fn normalize(path: &str) -> Option<String> {
    let path = percent_decode(path).unwrap_or_else(|| path.to_string());
    let mut parts: Vec<&str> = Vec::new();
    let segments: Vec<&str> = path.split('/').collect();
    let last = segments.len() - 1;
    for (i, segment) in segments.iter().enumerate() {
        match *segment {
            "." => {}
            ".." => {
                parts.pop()?;
            }
            "" if i != last => {}
            other => parts.push(other),
        }
        // A path ending in `.` or `..` names a folder.
        if i == last && matches!(*segment, "." | "..") {
            parts.push("");
        }
    }
    Some(parts.join("/"))
}

/// `text` without `prefix` when it starts with it, the scheme and host in any
/// letter case (`HTTPS://Example.org/` is `https://example.org/`).
fn strip_prefix_ignoring_case<'t>(text: &'t str, prefix: &str) -> Option<&'t str> {
    let host_end = prefix
        .find("://")
        .and_then(|i| prefix[i + 3..].find('/').map(|j| i + 3 + j))
        .unwrap_or(prefix.len());
    let head = text.get(..prefix.len())?;
    (head[..host_end].eq_ignore_ascii_case(&prefix[..host_end])
        && head[host_end..] == prefix[host_end..])
        .then(|| &text[prefix.len()..])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site(path: &str, anchor: &str) -> Resolved {
        Resolved::Site(SitePath {
            path: path.to_string(),
            anchor: anchor.to_string(),
        })
    }

    fn at(url: &str) -> Resolved {
        resolve(url, "news/a/", "https://x.org/", "/")
    }

    #[test]
    fn relative_links_resolve_against_the_page() {
        assert_eq!(at("photo.jpg"), site("news/a/photo.jpg", ""));
        assert_eq!(at("../b/"), site("news/b/", ""));
        assert_eq!(at("../../"), site("", ""));
        assert_eq!(at("./../b/?x=1#第一"), site("news/b/", "第一"));
        assert_eq!(at("#%E7%AC%AC%E4%B8%80"), site("news/a/", "第一"));
        assert_eq!(at("?q=1"), site("news/a/", ""));
        assert_eq!(at(".."), site("news/", ""));
        assert_eq!(at("../../../x/"), Resolved::OutsideBase);
    }

    #[test]
    fn root_and_absolute_links_must_be_under_the_base() {
        assert_eq!(at("/news/%E6%96%B0/"), site("news/新/", ""));
        assert_eq!(at("/"), site("", ""));
        assert_eq!(at("https://x.org/tags/"), site("tags/", ""));
        assert_eq!(at("HTTPS://X.ORG/tags/"), site("tags/", ""));
        assert_eq!(at("https://x.org"), site("", ""));
        for url in [
            "https://y.org/news/",
            "//x.org/news/",
            "mailto:a@x.org",
            "tel:110",
        ] {
            assert_eq!(at(url), Resolved::Elsewhere, "{url}");
        }
        let sub = |url| resolve(url, "news/a/", "https://x.org/union/", "/union/");
        assert_eq!(sub("/union/news/"), site("news/", ""));
        assert_eq!(sub("/union"), site("", ""));
        assert_eq!(sub("/news/"), Resolved::OutsideBase);
        assert_eq!(sub("https://x.org/union/news/"), site("news/", ""));
        assert_eq!(sub("https://x.org/news/"), Resolved::Elsewhere);
    }
}
