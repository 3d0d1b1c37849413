//! The jobs that render one page each: a content page, search, the photo
//! listing, 404.

use std::collections::BTreeMap;

use minijinja::{Value, context};

use crate::diag::Diagnostic;
use crate::model::Site;

use super::engine::{Renderer, missing_template, to_value};
use super::jobs::Prepared;
use super::urls::{Link, feed_url, permalink_for, top_path, url_for};
use super::views::{breadcrumb, fill, page_view};
use super::{PHOTOS_PATH, Shared, media};

/// A page through its kind's template (`page-notice.html`, …, then `page.html`).
pub(super) fn page_job(
    site: &Site,
    renderer: &Renderer<'_>,
    shared: &Shared<'_>,
    strings: &BTreeMap<&'static str, String>,
    i: usize,
    path: String,
) -> Result<Prepared, Diagnostic> {
    let t = |key: &str| strings.get(key).map(String::as_str).unwrap_or("");
    let page = &site.pages[i];
    let kind_template = format!("page-{}.html", page.parsed.kind.name());
    let custom = page.parsed.front.template.clone();
    let mut names: Vec<&str> = Vec::new();
    if let Some(custom) = custom.as_deref() {
        names.push(custom);
    }
    names.push(&kind_template);
    names.push("page.html");
    let name = renderer
        .pick(&names)
        .ok_or_else(|| missing_template(&names, &page.parsed.path))?;
    let view = page_view(site, i, strings, shared);
    let ctx = context! {
        site => shared.site.clone(),
        t => shared.strings.clone(),
        page => to_value(&view),
        breadcrumb => to_value(breadcrumb(site, page.section, Some(page.parsed.title.as_str()), t("home"))),
        nav_path => top_path(&page.path),
        canonical => permalink_for(site, &page.path),
        feed_url => feed_url(site, &site.sections[page.section].path),
    };
    Ok(Prepared {
        path,
        template: name.to_string(),
        ctx,
        source: Some(page.parsed.path.clone()),
    })
}

/// The search page; the index itself is emitted beside it.
pub(super) fn search_job(
    site: &Site,
    shared: &Shared<'_>,
    strings: &BTreeMap<&'static str, String>,
    path: String,
) -> Result<Prepared, Diagnostic> {
    let t = |key: &str| strings.get(key).map(String::as_str).unwrap_or("");
    let words = serde_json::json!({
        "found": t("search_found"),
        "none": t("search_none"),
        "error": t("search_error"),
    })
    .to_string();
    let ctx = context! {
        site => shared.site.clone(),
        t => shared.strings.clone(),
        index_url => url_for(site, "search/"),
        words => words,
        breadcrumb => to_value(vec![
            Link { title: t("home").to_string(), url: url_for(site, "") },
            Link { title: t("search").to_string(), url: String::new() },
        ]),
        nav_path => "search/",
        canonical => permalink_for(site, "search/"),
    };
    Ok(Prepared {
        path,
        template: "search.html".to_string(),
        ctx,
        source: None,
    })
}

/// The photo-news listing (图片新闻).
pub(super) fn photos_job(
    site: &Site,
    shared: &Shared<'_>,
    strings: &BTreeMap<&'static str, String>,
    path: String,
) -> Result<Prepared, Diagnostic> {
    let t = |key: &str| strings.get(key).map(String::as_str).unwrap_or("");
    let items: Vec<Value> = shared
        .photos
        .iter()
        .map(|&p| {
            let page = &site.pages[p];
            let gallery = media::gallery_views(site, shared.images, page);
            context! {
                card => shared.cards.get(p),
                count => gallery.len(),
                count_text => fill(t("photo_count"), gallery.len(), None),
                images => to_value(gallery.into_iter().take(4).collect::<Vec<_>>()),
            }
        })
        .collect();
    let ctx = context! {
        site => shared.site.clone(),
        t => shared.strings.clone(),
        items => items,
        breadcrumb => to_value(vec![
            Link { title: t("home").to_string(), url: url_for(site, "") },
            Link { title: t("photos").to_string(), url: String::new() },
        ]),
        nav_path => PHOTOS_PATH,
        canonical => permalink_for(site, PHOTOS_PATH),
    };
    Ok(Prepared {
        path,
        template: "photos.html".to_string(),
        ctx,
        source: None,
    })
}

/// The 404 page.
pub(super) fn not_found_job(
    site: &Site,
    shared: &Shared<'_>,
    path: String,
) -> Result<Prepared, Diagnostic> {
    let ctx = context! {
        site => shared.site.clone(),
        t => shared.strings.clone(),
        breadcrumb => Value::from(Vec::<Value>::new()),
        nav_path => "",
        canonical => permalink_for(site, "404.html"),
    };
    Ok(Prepared {
        path,
        template: "404.html".to_string(),
        ctx,
        source: None,
    })
}
