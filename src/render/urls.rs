//! URLs of the site's paths: under the base path for links, absolute for
//! canonical links and feeds, and the file a path is written to.

use crate::config::Config;

/// The site path of the photo-news listing, unless a section already has it.
pub const PHOTOS_PATH: &str = "photos/";

/// `news/a/` as a link: under the site's base path.
pub fn url_for(config: &Config, path: &str) -> String {
    format!("{}{}", config.base_path(), path)
}

/// `news/a/` as an absolute URL, for canonical links, feeds and sitemaps.
pub fn permalink_for(config: &Config, path: &str) -> String {
    format!("{}/{}", config.origin_and_path(), path)
}

/// `news/a/` → `news/a/index.html`; the home page's empty path → `index.html`.
pub fn index_file(path: &str) -> String {
    format!("{path}index.html")
}

/// The first segment of a path (`news/` of `news/a/`), to mark the nav item.
pub(crate) fn top_path(path: &str) -> String {
    match path.find('/') {
        Some(i) => path[..=i].to_string(),
        None => String::new(),
    }
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
