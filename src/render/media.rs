//! Pictures and shortcodes for templates: [`ImageView`]s built from the
//! images stage's [`ImageSet`], and [`expand_shortcodes`], which replaces the
//! markers the Markdown stage left with the output of `shortcodes/NAME.html`.

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;

use minijinja::{Value, context};
use rayon::prelude::*;
use serde::Serialize;

use crate::diag::{Diagnostic, Report};
use crate::escape::escape_html;
use crate::file_label::human_size;
use crate::images::ImageSet;
use crate::images::gallery::{Shown, gallery_images};
use crate::markdown::links::{content_file_link, replace_link_markers};
use crate::markdown::sanitize::is_safe_url;
use crate::markdown::shortcode::{ArgValue, ShortcodeCall, replace_markers};
use crate::message::Message;
use crate::model::kinds::resolve_file;
use crate::model::links::ContentTargets;
use crate::model::{Page, Site};

use super::engine::{Renderer, to_value};
use super::reads::{Expanded, ExpandedBody};
use super::urls::url_for;

/// A picture as templates see it: the thumbnail with a `srcset` of every size,
/// the large size for the lightbox, and the caption (also the `alt` text).
#[derive(Debug, Clone, Serialize)]
pub struct ImageView {
    pub src: String,
    /// `url 480w, url 1600w`; empty when the picture was not processed.
    pub srcset: String,
    pub width: Option<u32>,
    pub height: Option<u32>,
    pub large: String,
    pub large_width: Option<u32>,
    pub large_height: Option<u32>,
    pub alt: String,
    pub caption: Option<String>,
}

/// A URL inside `srcset`, where a space or comma would end it.
fn srcset_url(url: &str) -> String {
    url.replace(' ', "%20").replace(',', "%2C")
}

pub fn image_view(site: &Site, images: &ImageSet, page: &Page, shown: &Shown) -> ImageView {
    let caption = shown.caption.clone().filter(|c| !c.trim().is_empty());
    let alt = caption.clone().unwrap_or_default();
    let original = site
        .file_path_for(page, &shown.file)
        .map(|p| url_for(&site.config, &p))
        .unwrap_or_else(|| shown.file.clone());
    let original = if is_safe_url(&original) {
        original
    } else {
        "#".to_string()
    };
    match images.get(&shown.source) {
        Some(info) if !info.variants.is_empty() => {
            let thumb = &info.variants[0];
            let large = &info.variants[info.variants.len() - 1];
            let srcset = info
                .variants
                .iter()
                .map(|v| {
                    format!(
                        "{} {}w",
                        srcset_url(&url_for(&site.config, &v.dest)),
                        v.size.width
                    )
                })
                .collect::<Vec<_>>()
                .join(", ");
            ImageView {
                src: url_for(&site.config, &thumb.dest),
                srcset,
                width: Some(thumb.size.width),
                height: Some(thumb.size.height),
                large: url_for(&site.config, &large.dest),
                large_width: Some(large.size.width),
                large_height: Some(large.size.height),
                alt,
                caption,
            }
        }
        _ => ImageView {
            src: original.clone(),
            srcset: String::new(),
            width: None,
            height: None,
            large: original,
            large_width: None,
            large_height: None,
            alt,
            caption,
        },
    }
}

/// The page's gallery as views, in order.
pub fn gallery_views(site: &Site, images: &ImageSet, page: &Page) -> Vec<ImageView> {
    gallery_images(site, page)
        .iter()
        .map(|shown| image_view(site, images, page, shown))
        .collect()
}

/// The `cover` (else `photo`) of a page, processed, for listings.
pub fn cover_view(site: &Site, images: &ImageSet, page: &Page) -> Option<ImageView> {
    cover_view_of(site, images, page, "cover")
        .or_else(|| cover_view_of(site, images, page, "photo"))
}

/// The picture a page's `cover` or `photo` field names, processed.
pub fn cover_view_of(site: &Site, images: &ImageSet, page: &Page, key: &str) -> Option<ImageView> {
    let front = &page.parsed.front;
    let file = match key {
        "cover" => front.cover.as_deref()?,
        _ => front.photo.as_deref()?,
    };
    let source = resolve_file(&page.parsed, file)?;
    let shown = Shown {
        source,
        file: file.to_string(),
        caption: None,
        line: None,
    };
    Some(image_view(site, images, page, &shown))
}

/// Expands the shortcode markers of every page and section introduction into
/// their templates' output, and their content links' markers into the linked
/// pages' URLs, beside the model. `reuse(p)` may hand back page
/// `p`'s expansion from an earlier run (`serve` does, for pages whose parse,
/// URL and files did not change); its problems are reported again.
pub fn expand_shortcodes(
    site: &Site,
    images: &ImageSet,
    renderer: &Renderer<'_>,
    root: &Path,
    reuse: &(dyn Fn(usize) -> Option<Arc<ExpandedBody>> + Sync),
    report: &mut Report,
) -> Expanded {
    let words = to_value(crate::i18n::site_strings(
        site.config.language,
        &site.config.i18n,
    ));
    let scope = Scope {
        site,
        images,
        renderer,
        root,
        words: &words,
    };
    let expand = |page: &Page, report: &mut Report| -> Vec<String> {
        (page.parsed.body.shortcodes.iter().enumerate())
            .map(|(i, call)| render_call(&scope, page, i, call, report))
            .collect()
    };
    // Made when a page first has a content link: a map of every page, which
    // a site without such links never needs.
    let targets = std::sync::OnceLock::new();
    // What a page's content links (`a.md`) show: that page's URL, or the file
    // as written when it is no page of this build (the link check says so).
    let link_urls = |page: &Page| -> Vec<Option<String>> {
        (page.parsed.body.links.iter())
            .map(|link| {
                let (written, _) = content_file_link(&link.url).filter(|_| link.content)?;
                let targets = targets.get_or_init(|| ContentTargets::new(site));
                Some(escape_html(
                    &match targets.resolve(&page.parsed.path, &link.url) {
                        Some(path) => url_for(&site.config, path),
                        None => written.to_string(),
                    },
                ))
            })
            .collect()
    };
    let fill_with = |outputs: &[String], urls: &[Option<String>], html: &str| {
        let html = replace_markers(html, |i| outputs.get(i).cloned().unwrap_or_default());
        replace_link_markers(&html, |i| urls.get(i).cloned().flatten())
    };
    let pages: Vec<Option<Arc<ExpandedBody>>> = (0..site.pages.len())
        .into_par_iter()
        .map(|p| {
            let page = &site.pages[p];
            let body = &page.parsed.body;
            if body.shortcodes.is_empty() && !body.has_content_links() {
                return None;
            }
            let urls = link_urls(page);
            // Kept only while its links lead where they led: a linked page's
            // new slug is a new URL here.
            if let Some(kept) = reuse(p).filter(|kept| kept.link_urls == urls) {
                return Some(kept);
            }
            let mut local = Report::new();
            let outputs = expand(page, &mut local);
            Some(Arc::new(ExpandedBody {
                html: fill_with(&outputs, &urls, &body.html()),
                summary_html: fill_with(&outputs, &urls, &page.parsed.summary_html),
                notes: local.into_vec(),
                link_urls: urls,
            }))
        })
        .collect();
    for body in pages.iter().flatten() {
        report.extend(body.notes.iter().cloned());
    }
    // Sections' introductions, the same way (few, so in turn).
    let sections = (site.sections.iter().enumerate())
        .map(|(i, section)| {
            let intro = section.intro_page(i)?;
            let outputs = expand(&intro, report);
            let urls = link_urls(&intro);
            Some((
                fill_with(&outputs, &urls, &section.content_html),
                fill_with(&outputs, &urls, &section.summary_html),
            ))
        })
        .collect();
    Expanded { pages, sections }
}

#[derive(Debug, Clone, Serialize)]
struct FileView {
    url: String,
    name: String,
    size: String,
    bytes: u64,
    kind: &'static str,
}

/// What every shortcode of the site is rendered with.
struct Scope<'a> {
    site: &'a Site,
    images: &'a ImageSet,
    renderer: &'a Renderer<'a>,
    root: &'a Path,
    /// The theme's words (`t`).
    words: &'a Value,
}

fn render_call(
    scope: &Scope<'_>,
    page: &Page,
    index: usize,
    call: &ShortcodeCall,
    report: &mut Report,
) -> String {
    let Scope {
        site,
        images,
        renderer,
        root,
        words,
    } = *scope;
    let error = |message: Message| {
        Diagnostic::error(message)
            .at(&page.parsed.path)
            .line(call.line)
    };
    let mut image = None;
    let mut src_url = None;
    if let Some(src) = call.str_arg("src") {
        if src.contains("://") {
            src_url = Some(src.to_string()).filter(|url| is_safe_url(url));
        } else if let Some(source) = resolve_file(&page.parsed, src) {
            if !root.join(&source).is_file() {
                if call.name != "figure" {
                    // A missing figure is reported by the images stage.
                    report.push(
                        error(Message::ShortcodeFileNotFound {
                            file: src.to_string(),
                            shortcode: call.name.clone(),
                        })
                        .help(Message::PutFileInBundleHelp {}),
                    );
                }
            } else {
                src_url = site
                    .file_path_for(page, src)
                    .map(|p| url_for(&site.config, &p));
                let shown = Shown {
                    source,
                    file: src.to_string(),
                    caption: call.str_arg("caption").map(str::to_string),
                    line: Some(call.line),
                };
                if crate::images::is_image_path(&shown.source) {
                    image = Some(image_view(site, images, page, &shown));
                }
            }
        }
    }
    let mut file = None;
    if let Some(name) = call.str_arg("file") {
        match resolve_file(&page.parsed, name).map(|rel| (root.join(&rel), rel)) {
            Some((full, rel)) if full.is_file() => {
                let bytes = std::fs::metadata(&full).map(|m| m.len()).unwrap_or(0);
                file = Some(FileView {
                    url: site
                        .file_path_for(page, name)
                        .map(|p| url_for(&site.config, &p))
                        .unwrap_or_default(),
                    name: file_name(&rel),
                    size: human_size(bytes),
                    bytes,
                    kind: crate::file_label::file_kind(&file_name(&rel)),
                });
            }
            _ => report.push(
                error(Message::ShortcodeFileNotFound {
                    file: name.to_string(),
                    shortcode: call.name.clone(),
                })
                .help(Message::PutFileHelp {}),
            ),
        }
    }
    let table = if call.name == "table" {
        super::table::table_shortcode(page, call, root, report)
    } else {
        None
    };
    let gallery = if call.name == "gallery" {
        to_value(gallery_views(site, images, page))
    } else {
        Value::from(())
    };
    // Templates put URL arguments into attributes as written: a script URL
    // (`poster="javascript:…"`) goes nowhere instead.
    let args: BTreeMap<&str, ArgValue> = (call.args.iter())
        .map(|(key, value)| match value {
            ArgValue::Str(text) if URL_ARGS.contains(&key.as_str()) && !is_safe_url(text) => {
                (key.as_str(), ArgValue::Str("#".to_string()))
            }
            other => (key.as_str(), other.clone()),
        })
        .collect();
    let args = to_value(&args);
    let ctx = context! {
        args => args.clone(),
        image => image.map(to_value),
        src_url => src_url,
        file => file.map(to_value),
        images => gallery,
        table => table,
        id => format!("sc{index}"),
        t => words.clone(),
        page => context! { title => page.parsed.title.clone(), url => url_for(&site.config, &page.path) },
        ..args
    };
    let name = format!("shortcodes/{}.html", call.name);
    match renderer.render(&name, ctx) {
        Ok(html) => html,
        Err(d) => {
            report.push(d.help(Message::WhileExpanding {
                shortcode: call.name.clone(),
                path: crate::shown_path::shown_path(&page.parsed.path),
                line: call.line,
            }));
            String::new()
        }
    }
}

/// Shortcode arguments that templates use as URLs.
const URL_ARGS: &[&str] = &["src", "poster", "href", "url", "link"];

fn file_name(rel: &Path) -> String {
    rel.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}
