//! Addresses in the fragment: which links WeChat keeps, and every other one
//! made absolute (a site path under `base_url`, a relative one from the page)
//! to show as text in the 参考链接 list.

/// Whether WeChat lets a pasted article link to `url`: only its own articles.
pub fn is_wechat_article(url: &str) -> bool {
    let lower = url.to_ascii_lowercase();
    ["https://mp.weixin.qq.com/", "http://mp.weixin.qq.com/"]
        .iter()
        .any(|p| lower.starts_with(p))
}

/// A URL as a reader should read it: `mailto:` and `tel:` without their
/// scheme, percent-escapes of Chinese decoded.
pub fn shown_url(url: &str) -> String {
    for scheme in ["mailto:", "tel:"] {
        if let Some(rest) = url.strip_prefix(scheme) {
            return rest.to_string();
        }
    }
    crate::escape::percent_decode(url)
        .filter(|d| !d.chars().any(|c| c.is_control() || c == ' '))
        .unwrap_or_else(|| url.to_string())
}

/// The page's place on the published site, to make its links absolute.
#[derive(Debug, Clone)]
pub struct PageUrls {
    /// `https://host` (no slash).
    pub origin: String,
    /// The page's folder: `https://host/sub/news/a/`.
    pub page: String,
    base: String,
}

impl PageUrls {
    pub fn new(base_url: &str, page_path: &str) -> PageUrls {
        let origin = match base_url.find("://") {
            Some(i) => {
                let after = &base_url[i + 3..];
                let end = after.find('/').map_or(base_url.len(), |s| i + 3 + s);
                base_url[..end].to_string()
            }
            None => base_url.trim_end_matches('/').to_string(),
        };
        PageUrls {
            origin,
            page: format!("{}{}", base_url, page_path),
            base: base_url.to_string(),
        }
    }

    /// The site's root on the published site: `https://host/sub/`.
    pub fn origin_base(&self) -> &str {
        &self.base
    }

    /// `href` made absolute; `None` for a scheme a reader cannot use.
    pub fn absolute(&self, href: &str) -> Option<String> {
        let href = href.trim();
        let lower = href.to_ascii_lowercase();
        if lower.starts_with("http://") || lower.starts_with("https://") {
            return Some(href.to_string());
        }
        if lower.starts_with("mailto:") || lower.starts_with("tel:") {
            return Some(href.to_string());
        }
        if let Some(rest) = href.strip_prefix("//") {
            return Some(format!("https://{rest}"));
        }
        if crate::markdown::links::has_scheme(href) {
            return None;
        }
        if href.starts_with('/') {
            return Some(format!("{}{}", self.origin, href));
        }
        // Relative to the page's folder, `..` climbing no higher than the host.
        let (path, tail) = match href.find(['?', '#']) {
            Some(i) => (&href[..i], &href[i..]),
            None => (href, ""),
        };
        let base = &self.page[self.origin.len()..];
        let mut parts: Vec<&str> = base.split('/').filter(|s| !s.is_empty()).collect();
        let ends_with_slash = path.ends_with('/') || path.is_empty();
        for part in path.split('/') {
            match part {
                "" | "." => {}
                ".." => {
                    parts.pop();
                }
                p => parts.push(p),
            }
        }
        let mut out = format!("{}/{}", self.origin, parts.join("/"));
        if ends_with_slash && !parts.is_empty() {
            out.push('/');
        }
        out.push_str(tail);
        Some(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_wechat_articles_are_kept_as_links() {
        assert!(is_wechat_article("https://mp.weixin.qq.com/s/abc"));
        assert!(!is_wechat_article(
            "https://mp.weixin.qq.com.evil.example/s"
        ));
        assert!(!is_wechat_article("https://weixin.qq.com/"));
    }

    #[test]
    fn links_are_made_absolute_from_the_page() {
        let urls = PageUrls::new("https://gh.example.org/sub/", "news/a/");
        assert_eq!(urls.page, "https://gh.example.org/sub/news/a/");
        assert_eq!(
            urls.absolute("/sub/news/b/").as_deref(),
            Some("https://gh.example.org/sub/news/b/")
        );
        assert_eq!(
            urls.absolute("photo.jpg").as_deref(),
            Some("https://gh.example.org/sub/news/a/photo.jpg")
        );
        assert_eq!(
            urls.absolute("../b/#x").as_deref(),
            Some("https://gh.example.org/sub/news/b/#x")
        );
        assert_eq!(urls.absolute("javascript:alert(1)"), None);
        assert_eq!(shown_url("mailto:gh@example.org"), "gh@example.org");
        assert_eq!(
            shown_url("https://gh.example.org/%E5%85%AC%E7%A4%BA/"),
            "https://gh.example.org/公示/"
        );
    }
}
