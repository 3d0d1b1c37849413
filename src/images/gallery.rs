//! Which pictures a page shows: its gallery (`gallery: true` is every image of
//! the bundle in file-name order, `gallery: [{src, caption}]` a chosen list,
//! `{{ gallery() }}` without front matter is the same as `true`), its
//! `{{ figure() }}`s, its `cover` and `photo`. Read by the images stage (what
//! to process) and the render stage (what to show), so both agree.

use std::path::{Path, PathBuf};

use crate::frontmatter::Gallery;
use crate::layout::CONTENT_DIR;
use crate::model::kinds::resolve_file;
use crate::model::{Page, Site};

use super::is_image_path;

/// One picture a page shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shown {
    /// Relative to the site root.
    pub source: PathBuf,
    /// As the page names it (relative to the page's folder, or `/…`).
    pub file: String,
    pub caption: Option<String>,
    /// Line in the page's file that names it, when there is one.
    pub line: Option<usize>,
}

/// Images of the page's bundle, by file name (none for a page that is a
/// single Markdown file).
pub fn bundle_images(site: &Site, page: &Page) -> Vec<Shown> {
    let Some(folder) = bundle_folder(page) else {
        return Vec::new();
    };
    let mut found: Vec<Shown> = site
        .assets
        .iter()
        .filter(|a| is_bundle_picture(&folder, &a.source))
        .filter_map(|a| {
            let name = a.source.file_name()?.to_string_lossy().into_owned();
            Some(Shown {
                source: a.source.clone(),
                file: name,
                caption: None,
                line: None,
            })
        })
        .collect();
    found.sort_by(|a, b| a.file.cmp(&b.file));
    found
}

/// The page's bundle folder, relative to the site root.
fn bundle_folder(page: &Page) -> Option<PathBuf> {
    (page.parsed.bundle_dir.as_ref()).map(|bundle| Path::new(CONTENT_DIR).join(bundle))
}

/// Whether the file at `path` (relative to the root) is one of the pictures
/// a whole-bundle gallery of `folder` shows: an image right in the folder,
/// not a processed size (those sit next to their originals).
pub fn is_bundle_picture(folder: &Path, path: &Path) -> bool {
    path.parent() == Some(folder)
        && is_image_path(path)
        && path
            .file_name()
            .is_some_and(|n| !is_variant_name(&n.to_string_lossy()))
}

/// The bundle folder (relative to the root) when the page's gallery is every
/// picture of its bundle, so that a picture put there is shown.
pub fn whole_bundle_gallery(page: &Page) -> Option<PathBuf> {
    let whole = match &page.parsed.front.gallery {
        Some(Gallery::All(all)) => *all,
        Some(Gallery::Items(_)) => false,
        None => has_gallery_shortcode(page),
    };
    whole.then(|| bundle_folder(page)).flatten()
}

/// `photo.480w.jpg`: a name this tool gives processed sizes.
fn is_variant_name(name: &str) -> bool {
    let mut parts = name.rsplit('.');
    let _ext = parts.next();
    parts.next().is_some_and(|p| {
        p == "wechat"
            || (p.len() > 1
                && p.ends_with('w')
                && p[..p.len() - 1].bytes().all(|b| b.is_ascii_digit()))
    })
}

/// The page's gallery, in order.
pub fn gallery_images(site: &Site, page: &Page) -> Vec<Shown> {
    match &page.parsed.front.gallery {
        Some(Gallery::Items(items)) => {
            let line = page.parsed.key_line("gallery");
            items
                .iter()
                .filter_map(|item| {
                    Some(Shown {
                        source: resolve_file(&page.parsed, &item.src)?,
                        file: item.src.clone(),
                        caption: item.caption.clone().filter(|c| !c.trim().is_empty()),
                        line,
                    })
                })
                .collect()
        }
        _ if whole_bundle_gallery(page).is_some() => bundle_images(site, page),
        _ => Vec::new(),
    }
}

fn has_gallery_shortcode(page: &Page) -> bool {
    page.parsed
        .body
        .shortcodes
        .iter()
        .any(|c| c.name == "gallery")
}

/// `{{ figure(src=…) }}` calls of the page, resolved.
pub fn figure_images(page: &Page) -> Vec<Shown> {
    page.parsed
        .body
        .shortcodes
        .iter()
        .filter(|c| c.name == "figure")
        .filter_map(|c| {
            let src = c.str_arg("src")?;
            Some(Shown {
                source: resolve_file(&page.parsed, src)?,
                file: src.to_string(),
                caption: c.str_arg("caption").map(str::to_string),
                line: Some(c.line),
            })
        })
        .collect()
}

/// Everything the page shows: gallery, figures, cover, photo.
pub fn shown_images(site: &Site, page: &Page) -> Vec<Shown> {
    let mut all = gallery_images(site, page);
    all.extend(figure_images(page));
    let front = &page.parsed.front;
    for (key, value) in [("cover", &front.cover), ("photo", &front.photo)] {
        if let Some(file) = value
            && let Some(source) = resolve_file(&page.parsed, file)
        {
            all.push(Shown {
                source,
                file: file.clone(),
                caption: None,
                line: page.parsed.key_line(key),
            });
        }
    }
    all
}

/// Pictures the page's text shows with `![…](photo.jpg)` or `<img src=…>`:
/// the `src` of every `img` in the body's HTML (comrak and the sanitizer both
/// write it as ` src="…"`, escaped), when it names a file of the site. Not processed into
/// sizes, so not part of [`shown_images`]; the ledger records them.
pub fn body_images(page: &Page) -> Vec<Shown> {
    let mut found = Vec::new();
    for value in &page.parsed.body.img_sources {
        let src = unescape_attribute(value);
        // A link to another site, or to the page's own output, is not a file.
        if src.contains(':') || src.starts_with('#') || src.starts_with("//") {
            continue;
        }
        let src = src.split(['?', '#']).next().unwrap_or_default();
        // Comrak writes `![](照片.jpg)` as `src="%E7%85%A7%E7%89%87.jpg"`.
        let src = crate::escape::percent_decode(src).unwrap_or_else(|| src.to_string());
        // Any file an `img` shows counts, GIF and SVG included.
        if let Some(source) = resolve_file(&page.parsed, &src) {
            found.push(Shown {
                source,
                file: src,
                caption: None,
                line: None,
            });
        }
    }
    found
}

/// The entities the sanitizer writes into attribute values.
fn unescape_attribute(value: &str) -> String {
    value
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn variant_names_are_recognised() {
        assert!(is_variant_name("a.480w.jpg"));
        assert!(!is_variant_name("a.jpg"));
        assert!(!is_variant_name("2026.w.jpg"));
        assert!(!is_variant_name("show.jpg"));
        assert!(is_variant_name("show.wechat.jpg"));
    }
}
