//! A page's own file: the template its kind (or `template`) names, and the
//! page view with its neighbours, related pages and kind details.

use minijinja::{Value, context};

use super::cards::{breadcrumb, feed_url, term_links};
use super::engine::to_value;
use super::reads::SiteReads;
use super::shared::{Prepared, Shared, missing_template};
use super::urls::{index_file, permalink_for, top_path, url_for};
use super::views::{self, DateView, Link, PageView, fill};
use super::{kinds, media, status};
use crate::diag::Diagnostic;

pub(crate) fn prepare_page(
    shared: &Shared<'_>,
    r: &SiteReads<'_>,
    i: usize,
) -> Result<Prepared, Diagnostic> {
    let page = r.page(i);
    let config = r.config();
    let kind_template = format!("page-{}.html", page.parsed.kind.name());
    let mut names: Vec<&str> = Vec::new();
    if let Some(custom) = page.parsed.front.template.as_deref() {
        names.push(custom);
    }
    names.push(&kind_template);
    names.push("page.html");
    let name = shared
        .input
        .renderer
        .pick(&names)
        .ok_or_else(|| missing_template(&names, &page.parsed.path))?;
    let view = page_view(shared, r, i);
    let section_path = &r.section(page.section).path;
    let ctx = context! {
        site => shared.site.clone(),
        t => shared.strings.clone(),
        page => to_value(&view),
        breadcrumb => to_value(breadcrumb(r, page.section, Some(page.parsed.title.as_str()), shared.t("home"))),
        nav_path => top_path(&page.path),
        canonical => permalink_for(config, &page.path),
        feed_url => feed_url(r, section_path),
    };
    Ok(Prepared {
        path: index_file(&page.path),
        template: name.to_string(),
        ctx,
        source: Some(page.parsed.path.clone()),
    })
}

fn page_view<'a>(shared: &Shared<'_>, r: &SiteReads<'a>, i: usize) -> PageView<'a> {
    let page = r.page(i);
    let body = r.body(i);
    let config = r.config();
    let section = r.section(page.section);
    let words = &page.parsed.body.word_count;
    let minutes = words.reading_minutes(
        config.reading_speed.cjk_chars_per_minute,
        config.reading_speed.words_per_minute,
    );
    let link = |p: usize| {
        let other = r.page(p);
        Link {
            title: other.parsed.title.clone(),
            url: url_for(config, &other.path),
        }
    };
    let t = |key: &str| shared.t(key);
    let cards = &shared.cards;
    let (site, images) = r.files();
    let gallery = media::gallery_views(site, images, page);
    let file_url = |file: Option<&str>| {
        file.and_then(|f| site.file_path_for(page, f))
            .map(|p| url_for(config, &p))
    };
    PageView {
        title: &page.parsed.title,
        url: url_for(config, &page.path),
        permalink: permalink_for(config, &page.path),
        date: DateView::new(page.parsed.date, config),
        updated: page.parsed.updated.map(|u| DateView::new(u, config)),
        author: page.parsed.front.author.as_deref(),
        source: page.parsed.front.source.as_deref(),
        summary: Value::from_safe_string(body.summary_html.to_string()),
        description: views::describe(
            page.parsed.front.summary.as_deref(),
            &page.parsed.body.plain_text,
        ),
        content: Value::from_safe_string(body.html.clone().into_owned()),
        toc: &page.parsed.body.toc,
        word_count: words.total(),
        word_count_text: fill(t("word_count"), words.total(), None),
        reading_minutes: minutes,
        reading_time_text: fill(t("reading_time"), minutes, None),
        kind: page.parsed.kind.name(),
        draft: page.parsed.draft,
        tags: term_links(r, page, "tags"),
        taxonomies: (0..r.taxonomy_count())
            .map(|t| {
                let (name, _) = r.taxonomy_name(t);
                (name, term_links(r, page, name))
            })
            .collect(),
        meta: &page.parsed.front,
        section: Link {
            title: section.title.clone(),
            url: url_for(config, &section.path),
        },
        newer: page.newer.map(link),
        older: page.older.map(link),
        related: r.related(i).iter().map(|&p| cards.get(r, p)).collect(),
        status: status::status_view(page, config, shared.now),
        disclosure: kinds::disclosure_view(r, i),
        campaign_pages: kinds::campaign_pages(r, i)
            .into_iter()
            .map(|p| cards.get(r, p))
            .collect(),
        photo_url: file_url(page.parsed.front.photo.as_deref()),
        cover_url: file_url(page.parsed.front.cover.as_deref()),
        has_lightbox: !gallery.is_empty() || body.html.contains("data-lightbox"),
        gallery,
        gallery_in_body: page
            .parsed
            .body
            .shortcodes
            .iter()
            .any(|c| c.name == "gallery"),
        photo: page
            .parsed
            .front
            .photo
            .as_ref()
            .and_then(|_| media::cover_view_of(site, images, page, "photo")),
    }
}
