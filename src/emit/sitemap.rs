//! `sitemap.xml` (every page and the first page of every listing, with
//! `lastmod`; never `/page/N/`, redirects, 404 or search) and `robots.txt`.

use std::fmt::Write;

use crate::clock::Clock;
use crate::model::Site;
use crate::render::OutputFile;
use crate::render::urls::{encode_uri, permalink_for};
use crate::render::views::DateView;

use super::xml_escape;

pub fn sitemap(site: &Site, clock: &Clock) -> OutputFile {
    let config = &site.config;
    let page_lastmod = |p: usize| {
        let parsed = &site.pages[p].parsed;
        parsed.updated.unwrap_or(parsed.date).max(parsed.date)
    };
    let newest = |pages: &[usize]| pages.iter().map(|&p| page_lastmod(p)).max();
    let mut urls: Vec<(String, Option<jiff::civil::DateTime>)> = Vec::new();
    for section in &site.sections {
        let lastmod = if section.is_home() {
            newest(&(0..site.pages.len()).collect::<Vec<_>>())
        } else {
            newest(&section.pages)
        };
        urls.push((section.path.clone(), lastmod));
    }
    for (p, page) in site.pages.iter().enumerate() {
        urls.push((page.path.clone(), Some(page_lastmod(p))));
    }
    for taxonomy in &site.taxonomies {
        let all: Vec<usize> = taxonomy
            .terms
            .iter()
            .flat_map(|t| t.pages.iter().copied())
            .collect();
        urls.push((taxonomy.path.clone(), newest(&all)));
        for term in &taxonomy.terms {
            urls.push((term.path.clone(), newest(&term.pages)));
        }
    }
    for archive in &site.archives {
        urls.push((archive.path.clone(), newest(&archive.pages)));
    }
    urls.sort();
    urls.dedup_by(|a, b| a.0 == b.0);

    let fallback = super::start_of_today(clock, &config.timezone);
    let mut xml = String::with_capacity(128 + urls.len() * 160);
    xml.push_str("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    xml.push_str("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
    for (path, lastmod) in urls {
        let lastmod = lastmod
            .map(|dt| DateView::new(dt, config).iso)
            .unwrap_or_else(|| fallback.clone());
        let _ = writeln!(
            xml,
            "  <url><loc>{}</loc><lastmod>{lastmod}</lastmod></url>",
            xml_escape(&encode_uri(&permalink_for(&site.config, &path)))
        );
    }
    xml.push_str("</urlset>\n");
    OutputFile {
        path: "sitemap.xml".to_string(),
        bytes: xml.into_bytes(),
    }
}

pub fn robots(site: &Site) -> OutputFile {
    let text = format!(
        "User-agent: *\nAllow: /\n\nSitemap: {}\n",
        permalink_for(&site.config, "sitemap.xml")
    );
    OutputFile {
        path: "robots.txt".to_string(),
        bytes: text.into_bytes(),
    }
}
