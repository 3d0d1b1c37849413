//! Atom feeds (RFC 4287) for the whole site, each section and each taxonomy
//! term, at `atom.xml` next to the listing. URLs inside entries are absolute, so
//! feed readers resolve images and links.

use std::fmt::Write;

use crate::clock::Clock;
use crate::model::Site;
use crate::render::urls::{encode_uri, permalink_for};
use crate::render::views::DateView;
use crate::render::{Expanded, OutputFile};

use super::xml_escape;

/// The largest page body a feed entry carries in full; a longer page's entry
/// has its summary only.
pub const MAX_FEED_CONTENT_BYTES: usize = 256 * 1024;

pub fn all_feeds(site: &Site, expanded: &Expanded, clock: &Clock) -> Vec<OutputFile> {
    let mut files = Vec::new();
    let home_title = site.config.title.clone();
    files.push(feed(
        site,
        expanded,
        clock,
        "",
        &home_title,
        site.pages_by_date(),
    ));
    for section in site.sections.iter().filter(|s| !s.is_home()) {
        let title = format!("{} - {}", section.title, site.config.title);
        files.push(feed(
            site,
            expanded,
            clock,
            &section.path,
            &title,
            &section.pages,
        ));
    }
    for taxonomy in &site.taxonomies {
        for term in &taxonomy.terms {
            let title = format!("{} - {}", term.name, site.config.title);
            files.push(feed(site, expanded, clock, &term.path, &title, &term.pages));
        }
    }
    files
}

/// One feed for the listing at `path`, entries newest first.
fn feed(
    site: &Site,
    expanded: &Expanded,
    clock: &Clock,
    path: &str,
    title: &str,
    pages: &[usize],
) -> OutputFile {
    let config = &site.config;
    let entries: Vec<usize> = pages.iter().copied().take(config.feed_limit).collect();
    let updated = entries
        .iter()
        .map(|&p| {
            let page = &site.pages[p].parsed;
            page.updated.unwrap_or(page.date).max(page.date)
        })
        .max()
        .map(|dt| DateView::new(dt, config).iso)
        .unwrap_or_else(|| super::start_of_today(clock, &config.timezone));
    let author = config
        .organization
        .clone()
        .unwrap_or_else(|| config.title.clone());
    let listing = encode_uri(&permalink_for(&site.config, path));
    let self_url = encode_uri(&permalink_for(&site.config, &format!("{path}atom.xml")));

    let mut xml = String::with_capacity(4096 + entries.len() * 2048);
    xml.push_str("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    let _ = writeln!(
        xml,
        "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{}\">",
        config.language.code()
    );
    let _ = writeln!(xml, "  <title>{}</title>", xml_escape(title));
    let _ = writeln!(xml, "  <id>{}</id>", xml_escape(&listing));
    let _ = writeln!(
        xml,
        "  <link rel=\"self\" type=\"application/atom+xml\" href=\"{}\"/>",
        xml_escape(&self_url)
    );
    let _ = writeln!(
        xml,
        "  <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>",
        xml_escape(&listing)
    );
    let _ = writeln!(xml, "  <updated>{updated}</updated>");
    let _ = writeln!(
        xml,
        "  <author><name>{}</name></author>",
        xml_escape(&author)
    );
    xml.push_str("  <generator>noticeboard</generator>\n");
    for &p in &entries {
        let page = &site.pages[p];
        let parsed = &page.parsed;
        let url = encode_uri(&permalink_for(&site.config, &page.path));
        let published = DateView::new(parsed.date, config).iso;
        let entry_updated = DateView::new(
            parsed.updated.unwrap_or(parsed.date).max(parsed.date),
            config,
        )
        .iso;
        xml.push_str("  <entry>\n");
        let _ = writeln!(xml, "    <title>{}</title>", xml_escape(&parsed.title));
        let _ = writeln!(xml, "    <id>{}</id>", xml_escape(&url));
        let _ = writeln!(
            xml,
            "    <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>",
            xml_escape(&url)
        );
        let _ = writeln!(xml, "    <published>{published}</published>");
        let _ = writeln!(xml, "    <updated>{entry_updated}</updated>");
        let entry_author = parsed
            .front
            .author
            .clone()
            .unwrap_or_else(|| author.clone());
        let _ = writeln!(
            xml,
            "    <author><name>{}</name></author>",
            xml_escape(&entry_author)
        );
        if let Some(tags) = parsed.taxonomies.get("tags") {
            for tag in tags {
                let _ = writeln!(xml, "    <category term=\"{}\"/>", xml_escape(tag));
            }
        }
        // Pages that call shortcodes are shown with their output filled in.
        let (html, summary_html) = match expanded.pages.get(p).and_then(Option::as_ref) {
            Some(e) => (std::borrow::Cow::Borrowed(e.html.as_str()), &e.summary_html),
            None => (parsed.body.html(), &parsed.summary_html),
        };
        let summary = absolutize(summary_html, &url, config.origin_and_path());
        if !summary.is_empty() {
            let _ = writeln!(
                xml,
                "    <summary type=\"html\">{}</summary>",
                xml_escape(&summary)
            );
        }
        // A book-length page is linked, not copied into every feed it is in
        // (the site's, its section's and one per term).
        if config.feed_full_content && html.len() <= MAX_FEED_CONTENT_BYTES {
            let content = absolutize(&html, &url, config.origin_and_path());
            let _ = writeln!(
                xml,
                "    <content type=\"html\">{}</content>",
                xml_escape(&content)
            );
        }
        xml.push_str("  </entry>\n");
    }
    xml.push_str("</feed>\n");
    OutputFile {
        path: format!("{path}atom.xml"),
        bytes: xml.into_bytes(),
    }
}

/// Rewrites relative `href`/`src` values to absolute URLs: `photo.jpg` against
/// the page's URL, `/x` against the site's origin (which holds the base path).
pub fn absolutize(html: &str, page_url: &str, site_root: &str) -> String {
    let origin = match site_root.find("://") {
        Some(i) => match site_root[i + 3..].find('/') {
            Some(j) => &site_root[..i + 3 + j],
            None => site_root,
        },
        None => site_root,
    };
    const ATTRS: [&str; 2] = [" href=\"", " src=\""];
    let mut out = String::with_capacity(html.len() + 64);
    let mut pos = 0;
    // The next match of each attribute, searched again only once passed: finding
    // both from `pos` on every step made a page with many links and no images
    // quadratic (a 1 MB page took minutes).
    let mut next: [Option<usize>; 2] = [None; 2];
    let find_from = |attr: &str, from: usize| html[from..].find(attr).map(|i| i + from);
    for (slot, attr) in next.iter_mut().zip(ATTRS) {
        *slot = find_from(attr, 0);
    }
    loop {
        for (slot, attr) in next.iter_mut().zip(ATTRS) {
            if slot.is_some_and(|at| at < pos) {
                *slot = find_from(attr, pos);
            }
        }
        let Some((at, len)) = next
            .iter()
            .zip(ATTRS)
            .filter_map(|(slot, attr)| slot.map(|at| (at, attr.len())))
            .min()
        else {
            out.push_str(&html[pos..]);
            break;
        };
        let value_start = at + len;
        out.push_str(&html[pos..value_start]);
        let rest = &html[value_start..];
        let end = rest.find('"').unwrap_or(rest.len());
        let value = &rest[..end];
        if value.starts_with('#')
            || value.contains("://")
            || value.starts_with("mailto:")
            || value.starts_with("tel:")
            || value.starts_with("//")
        {
            out.push_str(value);
        } else if let Some(root_relative) = value.strip_prefix('/') {
            out.push_str(origin);
            out.push('/');
            out.push_str(root_relative);
        } else {
            out.push_str(page_url);
            out.push_str(value);
        }
        pos = value_start + end;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Regression: a page with many links and no images was quadratic.
    #[test]
    fn absolutize_many_links_in_any_order() {
        let html =
            "<a href=\"a\">x</a><img src=\"b\">".repeat(3) + &"<a href=\"/c\">y</a>".repeat(20_000);
        let out = absolutize(&html, "https://x.org/p/", "https://x.org/");
        assert_eq!(out.matches("href=\"https://x.org/p/a\"").count(), 3);
        assert_eq!(out.matches("src=\"https://x.org/p/b\"").count(), 3);
        assert_eq!(out.matches("href=\"https://x.org/c\"").count(), 20_000);
    }

    #[test]
    fn absolutize_resolves_relative_and_root_urls() {
        let html = r##"<img src="photo.jpg"><a href="/news/">x</a><a href="#fn1">1</a><a href="https://a.org/">a</a>"##;
        let out = absolutize(html, "https://x.org/sub/news/a/", "https://x.org/sub");
        assert_eq!(
            out,
            r##"<img src="https://x.org/sub/news/a/photo.jpg"><a href="https://x.org/news/">x</a><a href="#fn1">1</a><a href="https://a.org/">a</a>"##
        );
    }
}
