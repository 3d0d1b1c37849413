//! WeChat out: one page as an HTML fragment for the 公众号 editor.
//!
//! ```text
//! Site + ImageSet + Expanded (one page's body as rendered) -> Fragment
//! ```
//!
//! The body's HTML is walked as a tree ([`convert`]) and written again with
//! only inline styles in the theme's colours ([`palette`], [`style`]); what
//! the kind adds comes before and after it ([`kinds`]); links other than
//! WeChat's own become numbered notes, listed at the end with footnotes
//! ([`links`]); pictures point at their WeChat copies, which the images stage
//! made and the build publishes. [`lint`] checks a fragment against the
//! editor's rules, [`dark`] shows it as WeChat's dark mode would (the colour
//! rules are in [`colour`]). Nothing here prints; the only file read is the
//! theme's stylesheet ([`stylesheet`]).

pub mod colour;
mod convert;
pub mod dark;
mod kinds;
pub mod links;
pub mod lint;
pub mod palette;
mod style;

use std::collections::BTreeMap;

use crate::escape::escape_html;
use crate::i18n::Language;
use crate::images::ImageSet;
use crate::images::gallery::gallery_images;
use crate::message::Message;
use crate::model::{Page, Site};
use crate::render::Expanded;
use crate::render::urls::encode_uri;

use links::PageUrls;
use palette::Palette;

/// The fragment and what the export noticed on the way (each a warning).
#[derive(Debug, Clone, Default)]
pub struct Fragment {
    pub html: String,
    pub problems: Vec<Message>,
}

/// How to export.
#[derive(Debug, Clone)]
pub struct ExportOptions {
    /// The published site's address: links and pictures point there.
    pub base_url: String,
    /// Put the title in the fragment (the editor has a title field of its own).
    pub title: bool,
    /// The theme's stylesheet, for its colours.
    pub css: String,
}

/// What a conversion needs to know about the page and the site.
pub struct Context {
    pub palette: Palette,
    pub words: Words,
    pub language: Language,
    pub urls: PageUrls,
    pub pictures: Pictures,
}

/// The words the fragment shows: the theme's (with the site's overrides) and
/// the export's own, from the message catalogue.
pub struct Words {
    strings: BTreeMap<&'static str, String>,
    language: Language,
    pub colon: String,
    pub video: String,
}

impl Words {
    fn new(site: &Site) -> Words {
        let language = site.config.language;
        let strings = crate::i18n::site_strings(language, &site.config.i18n);
        let colon = strings.get("colon").cloned().unwrap_or_else(|| "：".into());
        Words {
            strings,
            language,
            colon,
            video: Message::WechatVideo {}.render(language),
        }
    }

    pub fn word(&self, key: &str) -> String {
        self.strings.get(key).cloned().unwrap_or_default()
    }

    pub fn footnote_mark(&self, n: usize) -> String {
        Message::WechatFootnoteMark { n }.render(self.language)
    }

    pub fn attachments_online(&self, url: &str) -> String {
        Message::WechatAttachmentsOnline {
            url: url.to_string(),
        }
        .render(self.language)
    }
}

/// Every published picture's address → the address of its WeChat copy.
#[derive(Debug, Clone, Default)]
pub struct Pictures {
    copies: BTreeMap<String, String>,
}

impl Pictures {
    /// From what the images stage made: each size and original of a picture
    /// that has a WeChat copy points to it.
    pub fn for_site(site: &Site, images: &ImageSet, base_url: &str) -> Pictures {
        let mut copies = BTreeMap::new();
        let absolute = |dest: &str| format!("{base_url}{dest}");
        for (source, copy) in &images.wechat {
            let target = absolute(copy);
            if let Some(info) = images.get(source) {
                for v in &info.variants {
                    copies.insert(absolute(&v.dest), target.clone());
                }
            }
            for asset in site.assets.iter().filter(|a| &a.source == source) {
                copies.insert(absolute(&asset.dest), target.clone());
            }
            if let Ok(rel) = source.strip_prefix(crate::layout::STATIC_DIR) {
                let dest = (rel.components())
                    .map(|c| c.as_os_str().to_string_lossy())
                    .collect::<Vec<_>>()
                    .join("/");
                copies.insert(absolute(&dest), target.clone());
            }
            copies.insert(target.clone(), target);
        }
        Pictures { copies }
    }

    /// The WeChat copy of the picture at `url` (absolute), if it has one.
    pub fn wechat_url(&self, url: &str) -> Option<String> {
        let bare = url.split(['?', '#']).next().unwrap_or(url);
        let decoded = crate::escape::percent_decode(bare).unwrap_or_else(|| bare.to_string());
        self.copies.get(&decoded).cloned()
    }
}

/// The theme's stylesheet as the site publishes it (`static/assets/site.css`
/// over the theme's), for its colours; empty if there is none.
pub fn stylesheet(sources: &crate::load::Sources) -> String {
    const NAME: &str = "assets/site.css";
    let read = |path: &std::path::Path| std::fs::read(sources.root.join(path)).ok();
    let bytes = match sources
        .static_files
        .iter()
        .find(|f| f.rel.to_string_lossy().replace('\\', "/") == NAME)
    {
        Some(file) => read(&file.path),
        None => match sources.theme_static.get(NAME) {
            Some(crate::load::ThemeFile::Embedded(bytes)) => Some(bytes.to_vec()),
            Some(crate::load::ThemeFile::Disk(path)) => read(path),
            None => None,
        },
    };
    bytes
        .map(|b| String::from_utf8_lossy(&b).into_owned())
        .unwrap_or_default()
}

/// The content file a command line names (`content/news/a.md`, with `\` or
/// `./` as typed on Windows): the page it is, if the site publishes it.
pub fn find_page(site: &Site, file: &std::path::Path) -> Option<usize> {
    let wanted: Vec<String> = normal_parts(file);
    site.pages
        .iter()
        .position(|p| normal_parts(&p.parsed.path) == wanted)
}

fn normal_parts(path: &std::path::Path) -> Vec<String> {
    path.to_string_lossy()
        .replace('\\', "/")
        .split('/')
        .filter(|s| !s.is_empty() && *s != ".")
        .map(str::to_string)
        .collect()
}

/// Whether WeChat's servers could fetch pictures from `base_url`: an
/// http(s) address of a public name (not localhost, a loopback or private
/// address, or a name reserved for examples and tests).
pub fn is_public_base_url(base_url: &str) -> bool {
    let lower = base_url.to_ascii_lowercase();
    let Some(rest) = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"))
    else {
        return false;
    };
    let authority = rest.split('/').next().unwrap_or("");
    let host = match authority.strip_prefix('[') {
        Some(v6) => v6.split(']').next().unwrap_or(""),
        None => authority.rsplit_once(':').map_or(authority, |(h, _)| h),
    };
    let host = host.trim_end_matches('.');
    if host.is_empty() {
        return false;
    }
    if let Ok(ip) = host.parse::<std::net::IpAddr>() {
        return match ip {
            std::net::IpAddr::V4(v4) => {
                !(v4.is_loopback()
                    || v4.is_private()
                    || v4.is_link_local()
                    || v4.is_unspecified()
                    || v4.is_broadcast()
                    || v4.is_documentation()
                    || v4.octets()[0] == 100 && (64..128).contains(&v4.octets()[1]))
            }
            std::net::IpAddr::V6(v6) => {
                let first = v6.segments()[0];
                !(v6.is_loopback()
                    || v6.is_unspecified()
                    || (first & 0xfe00) == 0xfc00
                    || (first & 0xffc0) == 0xfe80)
            }
        };
    }
    let reserved = [
        "localhost",
        "example",
        "test",
        "local",
        "invalid",
        "internal",
        "lan",
        "home.arpa",
    ];
    let last = host.rsplit('.').next().unwrap_or(host);
    !(reserved.contains(&last)
        || host.ends_with(".home.arpa")
        || host == "example.com"
        || host == "example.org"
        || host == "example.net"
        || host.ends_with(".example.com")
        || host.ends_with(".example.org")
        || host.ends_with(".example.net")
        || !host.contains('.'))
}

/// The page as a fragment for the 公众号 editor.
pub fn export_page(
    site: &Site,
    images: &ImageSet,
    expanded: &Expanded,
    index: usize,
    options: &ExportOptions,
) -> Fragment {
    let page: &Page = &site.pages[index];
    let base_url = if options.base_url.ends_with('/') {
        options.base_url.clone()
    } else {
        format!("{}/", options.base_url)
    };
    let ctx = Context {
        palette: Palette::from_css(&options.css),
        words: Words::new(site),
        language: site.config.language,
        urls: PageUrls::new(&base_url, &page.path),
        pictures: Pictures::for_site(site, images, &base_url),
    };
    let body = match expanded.pages.get(index).and_then(Option::as_ref) {
        Some(e) => std::borrow::Cow::Borrowed(e.html.as_str()),
        None => page.parsed.body.html(),
    };
    // Site paths in the body are under the site's own base path; the
    // published one may differ (`serve` renders for its own address).
    let body = rebase(&body, site.config.base_path(), &base_url, &ctx.urls.origin);
    let p = &ctx.palette;
    let mut out = format!("<section style=\"{}\">", style::root(p));
    if options.title {
        out.push_str(&format!(
            "<h1 style=\"{}\">{}</h1>",
            style::title(p),
            escape_html(&page.parsed.title)
        ));
    }
    out.push_str(&meta_line(page, &ctx));
    let mut converter = convert::Converter::new(&ctx);
    if let Some(photo) = page.parsed.front.photo.as_deref() {
        let url = site
            .file_path_for(page, photo)
            .map(|d| format!("{base_url}{d}"));
        if let Some(url) = url {
            let html = format!(
                "<img src=\"{}\" alt=\"{}\">",
                escape_html(&url),
                escape_html(&page.parsed.title)
            );
            out.push_str(&converter.convert(&html));
        }
    }
    out.push_str(&kinds::before_body(page, &ctx));
    out.push_str(&kinds::corrections(site, index, &ctx, &mut |url, text| {
        converter.note(url, text)
    }));
    out.push_str(&converter.convert(&body));
    let in_body = page
        .parsed
        .body
        .shortcodes
        .iter()
        .any(|c| c.name == "gallery");
    if !in_body {
        let mut gallery = String::new();
        for shown in gallery_images(site, page) {
            if let Some(dest) = site.file_path_for(page, &shown.file) {
                gallery.push_str(&format!(
                    "<figure><img src=\"{}\" alt=\"{}\"><figcaption>{}</figcaption></figure>",
                    escape_html(&format!("{base_url}{dest}")),
                    escape_html(shown.caption.as_deref().unwrap_or("")),
                    escape_html(shown.caption.as_deref().unwrap_or(""))
                ));
            }
        }
        out.push_str(&converter.convert(&gallery));
    }
    let permalink = ctx.urls.page.clone();
    out.push_str(&kinds::after_body(page, &ctx, &shown(&permalink)));
    let converted = converter.finish();
    out.push_str(&end_notes(&ctx, &converted));
    out.push_str("</section>");
    let mut problems = converted.problems;
    problems.dedup();
    Fragment {
        html: out,
        problems,
    }
}

/// `发布时间：… 发布人：… 来源：…` under the title.
fn meta_line(page: &Page, ctx: &Context) -> String {
    let t = &ctx.words;
    let mut parts = vec![crate::i18n::format_date(
        page.parsed.date.date(),
        ctx.language,
    )];
    for (key, value) in [
        ("author", &page.parsed.front.author),
        ("source", &page.parsed.front.source),
    ] {
        if let Some(v) = value.as_ref().filter(|v| !v.trim().is_empty()) {
            parts.push(format!("{}{}{}", t.word(key), t.colon, v));
        }
    }
    format!(
        "<p style=\"{}\">{}</p>",
        style::meta(&ctx.palette),
        escape_html(&parts.join("　"))
    )
}

/// 注释 and 参考链接 at the end.
fn end_notes(ctx: &Context, converted: &convert::Converted) -> String {
    let p = &ctx.palette;
    let mut out = String::new();
    if !converted.footnotes.is_empty() {
        out.push_str(&format!(
            "<section style=\"{}\"><p style=\"{}\">{}</p>",
            style::end_box(p),
            style::end_heading(p),
            escape_html(&Message::WechatNotes {}.render(ctx.language))
        ));
        for (i, note) in converted.footnotes.iter().enumerate() {
            out.push_str(&format!(
                "<p style=\"{}\">{}　{note}</p>",
                style::end_item(p),
                escape_html(&ctx.words.footnote_mark(i + 1))
            ));
        }
        out.push_str("</section>");
    }
    if !converted.links.is_empty() {
        out.push_str(&format!(
            "<section style=\"{}\"><p style=\"{}\">{}</p>",
            style::end_box(p),
            style::end_heading(p),
            escape_html(&Message::WechatReferences {}.render(ctx.language))
        ));
        for (i, (url, text)) in converted.links.iter().enumerate() {
            let shown = if text.is_empty() || text == url {
                url.clone()
            } else {
                format!("{text}{}{url}", ctx.words.colon)
            };
            out.push_str(&format!(
                "<p style=\"{}\">[{}] {}</p>",
                style::end_item(p),
                i + 1,
                escape_html(&shown)
            ));
        }
        out.push_str("</section>");
    }
    out
}

/// Site paths (`href="/news/a/"` under the base path the site was rendered
/// for) pointed at the published site instead.
fn rebase(html: &str, rendered_base_path: &str, base_url: &str, origin: &str) -> String {
    let published_path = &base_url[origin.len()..];
    if rendered_base_path == published_path {
        return html.to_string();
    }
    let mut out = html.to_string();
    for attr in ["href=\"", "src=\""] {
        out = out.replace(
            &format!("{attr}{rendered_base_path}"),
            &format!("{attr}{published_path}"),
        );
    }
    out
}

/// A URL as text: Chinese shown as Chinese.
fn shown(url: &str) -> String {
    links::shown_url(&encode_uri(url))
}

#[cfg(test)]
mod tests;
