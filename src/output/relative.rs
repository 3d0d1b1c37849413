//! Relative links (`--relative`, `relative_urls: true`, archives): every link
//! to the site itself becomes relative to the file it is in, and links to a
//! folder get `index.html`, so the site works from any sub-path and from
//! `file://` (where a folder does not open its index page).
//!
//! Works on the rendered HTML: attributes whose value starts with the site's
//! base path are rewritten; absolute `https://` URLs (canonical links) and
//! fragments are left alone.

/// Attributes holding URLs; the `bool` says whether a folder URL gets `index.html`.
const URL_ATTRIBUTES: &[(&str, bool)] = &[
    (" href=\"", true),
    (" src=\"", true),
    (" action=\"", true),
    (" data-index=\"", false),
    (" data-root=\"", false),
    (SRCSET, false),
];

/// `srcset` holds several URLs, each followed by its width.
const SRCSET: &str = " srcset=\"";

/// `../../` for a file at `news/a/index.html`.
pub fn prefix_for(file: &str) -> String {
    "../".repeat(file.matches('/').count())
}

/// Turns a site URL (`/base/news/a/`) into one relative to `file`.
pub fn relative_url(url: &str, file: &str, base_path: &str, folder_index: bool) -> Option<String> {
    let path = url.strip_prefix(base_path)?;
    let (path, rest) = match path.find(['?', '#']) {
        Some(i) => (&path[..i], &path[i..]),
        None => (path, ""),
    };
    let mut out = prefix_for(file);
    out.push_str(path);
    if folder_index && (path.is_empty() || path.ends_with('/')) {
        out.push_str("index.html");
    }
    // A relative path whose first segment has a colon reads as a scheme
    // (`javascript:…` from a site path `/javascript:…`): `./` keeps it a path.
    if out.is_empty()
        || out
            .split('/')
            .next()
            .is_some_and(|first| first.contains(':'))
    {
        out.insert_str(0, "./");
    }
    out.push_str(rest);
    Some(out)
}

/// A root-relative URL as a URL of the site: `/base/x` as it is, and `/x`
/// (written in Markdown as a site path, e.g. `[新闻](/news/)`) under the base
/// path: from `file://` a root-relative link could never work, so in relative
/// output it can only mean the site. `None` for anything else (`https:`,
/// `//host/`, `#id`, already relative).
fn site_url(value: &str, base_path: &str) -> Option<String> {
    if !value.starts_with('/') || value.starts_with("//") {
        return None;
    }
    if value.starts_with(base_path) {
        Some(value.to_string())
    } else {
        Some(format!("{base_path}{}", &value[1..]))
    }
}

pub fn relativize_html(html: &str, file: &str, base_path: &str) -> String {
    let mut out = String::with_capacity(html.len() + 256);
    let mut rest = html;
    loop {
        let next = URL_ATTRIBUTES
            .iter()
            .filter_map(|&(attr, folder)| rest.find(attr).map(|i| (i, attr.len(), folder)))
            .min_by_key(|&(i, _, _)| i);
        let Some((at, len, folder)) = next else {
            out.push_str(rest);
            break;
        };
        if rest[at..].starts_with(SRCSET) {
            let value_start = at + len;
            out.push_str(&rest[..value_start]);
            rest = &rest[value_start..];
            let end = rest.find('"').unwrap_or(rest.len());
            let candidates: Vec<String> = rest[..end]
                .split(", ")
                .map(|candidate| {
                    let (url, descriptor) = candidate.split_once(' ').unwrap_or((candidate, ""));
                    let url = match relative_url(url, file, base_path, false) {
                        Some(rel) if url.starts_with('/') => rel,
                        _ => url.to_string(),
                    };
                    if descriptor.is_empty() {
                        url
                    } else {
                        format!("{url} {descriptor}")
                    }
                })
                .collect();
            out.push_str(&candidates.join(", "));
            rest = &rest[end..];
            continue;
        }
        let value_start = at + len;
        out.push_str(&rest[..value_start]);
        rest = &rest[value_start..];
        let end = rest.find('"').unwrap_or(rest.len());
        let value = &rest[..end];
        match site_url(value, base_path).and_then(|url| relative_url(&url, file, base_path, folder))
        {
            Some(rel) => out.push_str(&rel),
            None => out.push_str(value),
        }
        rest = &rest[end..];
    }
    // Redirect pages: <meta http-equiv="refresh" content="0; url=/x/">.
    if let Some(i) = out.find("content=\"0; url=") {
        let start = i + "content=\"0; url=".len();
        if let Some(len) = out[start..].find('"') {
            let value = out[start..start + len].to_string();
            if let Some(rel) = site_url(&value, base_path)
                .and_then(|url| relative_url(&url, file, base_path, true))
            {
                out.replace_range(start..start + len, &rel);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regression_a_site_path_with_a_colon_stays_a_path() {
        assert_eq!(
            relative_url("/javascript:alert(1)", "index.html", "/", true).as_deref(),
            Some("./javascript:alert(1)")
        );
        assert_eq!(
            relative_url("/news/a:b/", "news/index.html", "/", true).as_deref(),
            Some("../news/a:b/index.html")
        );
    }

    #[test]
    fn srcset_candidates_become_relative() {
        assert_eq!(
            relativize_html(
                r#"<img srcset="/n/a/p.480w.jpg 480w, /n/a/p.1600w.jpg 1600w">"#,
                "n/a/index.html",
                "/"
            ),
            r#"<img srcset="../../n/a/p.480w.jpg 480w, ../../n/a/p.1600w.jpg 1600w">"#
        );
    }

    #[test]
    fn links_become_relative_with_index_html() {
        let html = r##"<a href="/news/a/">a</a><link href="/assets/site.css"><a href="https://x.org/">x</a><a href="#top">t</a><a href="/">home</a>"##;
        assert_eq!(
            relativize_html(html, "news/b/index.html", "/"),
            r##"<a href="../../news/a/index.html">a</a><link href="../../assets/site.css"><a href="https://x.org/">x</a><a href="#top">t</a><a href="../../index.html">home</a>"##
        );
        assert_eq!(
            relativize_html(r##"<a href="/news/">n</a>"##, "index.html", "/"),
            r##"<a href="news/index.html">n</a>"##
        );
    }

    #[test]
    fn root_relative_links_in_a_sub_path_site_mean_the_site() {
        assert_eq!(
            relativize_html(
                r##"<a href="/news/">n</a><a href="/sub/news/">m</a><a href="//cdn.example/x">x</a>"##,
                "about/index.html",
                "/sub/"
            ),
            r##"<a href="../news/index.html">n</a><a href="../news/index.html">m</a><a href="//cdn.example/x">x</a>"##
        );
    }

    #[test]
    fn base_paths_and_data_roots() {
        assert_eq!(
            relativize_html(
                r##"<div data-index="/sub/search/"><a href="/sub/x/?q=1">"##,
                "search/index.html",
                "/sub/"
            ),
            r##"<div data-index="../search/"><a href="../x/index.html?q=1">"##
        );
        assert_eq!(
            relativize_html(
                r##"<meta http-equiv="refresh" content="0; url=/news/a/">"##,
                "old/index.html",
                "/"
            ),
            r##"<meta http-equiv="refresh" content="0; url=../news/a/index.html">"##
        );
    }
}
