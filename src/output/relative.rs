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

/// Turns a site URL (`/base/news/a/`) into one relative to the file whose
/// [`prefix_for`] is `prefix`.
fn relative_url(url: &str, prefix: &str, base_path: &str, folder_index: bool) -> Option<String> {
    let path = url.strip_prefix(base_path)?;
    let (path, rest) = match path.find(['?', '#']) {
        Some(i) => (&path[..i], &path[i..]),
        None => (path, ""),
    };
    let mut out = prefix.to_string();
    out.push_str(path);
    if folder_index && (path.is_empty() || path.ends_with('/')) {
        out.push_str("index.html");
    }
    // A relative path whose first segment has a colon reads as a scheme
    // (`javascript:…` from a site path `/javascript:…`): `./` keeps it a path.
    // An `&` may spell the colon (`&colon;`, `&#58;`), which the browser
    // decodes before it looks for a scheme.
    if out.is_empty()
        || out
            .split('/')
            .next()
            .is_some_and(|first| first.contains([':', '&']))
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

/// Rewrites the URL attributes of one HTML file. One pass over the `="` of
/// the file: looking for each attribute name again from every match made a
/// page of 100,000 links take 44 s with `--relative` (0.6 s without).
pub fn relativize_html(html: &str, file: &str, base_path: &str) -> String {
    let prefix = prefix_for(file);
    let mut out = String::with_capacity(html.len() + 256);
    // `html[..copied]` is in `out`; the next `="` is looked for from `from`.
    let mut copied = 0;
    let mut from = 0;
    while let Some(found) = html[from..].find("=\"") {
        let value_start = from + found + 2;
        from = value_start;
        let Some(&(attribute, folder)) = URL_ATTRIBUTES
            .iter()
            .find(|(attribute, _)| html[copied..value_start].ends_with(attribute))
        else {
            continue;
        };
        let end = html[value_start..]
            .find('"')
            .map_or(html.len(), |i| value_start + i);
        let value = &html[value_start..end];
        out.push_str(&html[copied..value_start]);
        if attribute == SRCSET {
            push_srcset(&mut out, value, &prefix, base_path);
        } else {
            match site_url(value, base_path)
                .and_then(|url| relative_url(&url, &prefix, base_path, folder))
            {
                Some(rel) => out.push_str(&rel),
                None => out.push_str(value),
            }
        }
        copied = end;
        from = end;
    }
    out.push_str(&html[copied..]);
    // Redirect pages: <meta http-equiv="refresh" content="0; url=/x/">.
    if let Some(i) = out.find("content=\"0; url=") {
        let start = i + "content=\"0; url=".len();
        if let Some(len) = out[start..].find('"') {
            let value = out[start..start + len].to_string();
            if let Some(rel) = site_url(&value, base_path)
                .and_then(|url| relative_url(&url, &prefix, base_path, true))
            {
                out.replace_range(start..start + len, &rel);
            }
        }
    }
    out
}

/// `srcset` candidates (`/a.480w.jpg 480w, /a.1600w.jpg 1600w`), each URL made
/// relative.
fn push_srcset(out: &mut String, value: &str, prefix: &str, base_path: &str) {
    for (i, candidate) in value.split(", ").enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        let (url, descriptor) = candidate.split_once(' ').unwrap_or((candidate, ""));
        match relative_url(url, prefix, base_path, false) {
            Some(rel) if url.starts_with('/') => out.push_str(&rel),
            _ => out.push_str(url),
        }
        if !descriptor.is_empty() {
            out.push(' ');
            out.push_str(descriptor);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regression_a_site_path_with_a_colon_stays_a_path() {
        assert_eq!(
            relative_url("/javascript:alert(1)", "", "/", true).as_deref(),
            Some("./javascript:alert(1)")
        );
        assert_eq!(
            relative_url("/news/a:b/", &prefix_for("news/index.html"), "/", true).as_deref(),
            Some("../news/a:b/index.html")
        );
    }

    #[test]
    fn regression_an_entity_spelling_a_colon_keeps_the_path_a_path() {
        for (written, rewritten) in [
            ("/javascript&#58;alert(1)", "./javascript&#58;alert(1)"),
            ("/javascript&colon;alert(1)", "./javascript&colon;alert(1)"),
            ("/JavaScript&#x3A;alert(1)", "./JavaScript&#x3A;alert(1)"),
            ("/news/a&amp;b/", "news/a&amp;b/index.html"),
        ] {
            assert_eq!(
                relativize_html(&format!("<a href=\"{written}\">x</a>"), "index.html", "/"),
                format!("<a href=\"{rewritten}\">x</a>"),
                "{written}"
            );
        }
    }

    #[test]
    fn many_links_of_every_attribute_are_all_rewritten() {
        let mut html = String::new();
        for i in 0..20_000 {
            html.push_str(&format!("<a href=\"/news/p{i}/\" title=\"t\">链接</a>"));
        }
        html.push_str("<img src=\"/a.jpg\" srcset=\"/a.480w.jpg 480w, /a.1600w.jpg 1600w\">");
        html.push_str("<form action=\"/search/\"><div data-index=\"/search/\" data-root=\"/\">");
        let out = relativize_html(&html, "news/x/index.html", "/");
        for i in [0, 1, 9_999, 19_999] {
            assert!(
                out.contains(&format!("href=\"../../news/p{i}/index.html\"")),
                "{i}"
            );
        }
        assert_eq!(out.matches("href=\"../../news/p").count(), 20_000);
        assert_eq!(out.matches("href=\"/").count(), 0);
        assert!(out.ends_with(
            "<img src=\"../../a.jpg\" srcset=\"../../a.480w.jpg 480w, ../../a.1600w.jpg 1600w\"><form action=\"../../search/index.html\"><div data-index=\"../../search/\" data-root=\"../../\">"
        ));
        // Text that only looks like an attribute is rewritten as before, and an
        // unclosed value runs to the end.
        assert_eq!(
            relativize_html("<p>x=\"/a\" href=\"/b", "index.html", "/"),
            "<p>x=\"/a\" href=\"b"
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
