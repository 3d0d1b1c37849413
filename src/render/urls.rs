//! URLs of site paths: as links inside the site (`url_for`, under the base
//! path), as absolute permalinks, and percent-encoded for strict URIs; and
//! [`Link`], a title with its URL. Every view and every emitted file that
//! names a page builds its URL here.

use serde::Serialize;

use crate::model::Site;

#[derive(Debug, Clone, Serialize)]
pub struct Link {
    pub title: String,
    pub url: String,
}

pub fn url_for(site: &Site, path: &str) -> String {
    format!("{}{}", site.config.base_path(), path)
}

pub fn permalink_for(site: &Site, path: &str) -> String {
    format!("{}/{}", site.config.origin_and_path(), path)
}

/// Percent-encodes what is not ASCII (UTF-8 slugs with `slugs: unicode`), for
/// places that want a strict URI: sitemaps and feed ids.
pub fn encode_uri(url: &str) -> String {
    let mut out = String::with_capacity(url.len());
    for c in url.chars() {
        if c.is_ascii() && !c.is_ascii_whitespace() && !c.is_ascii_control() {
            out.push(c);
        } else {
            let mut buf = [0u8; 4];
            for byte in c.encode_utf8(&mut buf).bytes() {
                out.push_str(&format!("%{byte:02X}"));
            }
        }
    }
    out
}

/// The Atom feed of the listing at `path`, if feeds are on.
pub fn feed_url(site: &Site, path: &str) -> Option<String> {
    site.config
        .feeds
        .then(|| url_for(site, &format!("{path}atom.xml")))
}

/// `news/a/` → `news/a/index.html`; the home page's empty path → `index.html`.
pub fn index_file(path: &str) -> String {
    format!("{path}index.html")
}

/// The first segment of a path (`news/` of `news/a/`), to mark the nav item.
pub fn top_path(path: &str) -> String {
    match path.find('/') {
        Some(i) => path[..=i].to_string(),
        None => String::new(),
    }
}
