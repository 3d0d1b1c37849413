//! Typed views handed to templates: what a template may read about the site, a
//! page, a listing. Built from the model once; pages' cards are reused by every
//! listing they appear in (as cheap `minijinja::Value` clones).

use serde::Serialize;

use crate::config::Config;
use crate::frontmatter::FrontMatter;
use crate::markdown::TocEntry;
use crate::model::{Page, Site};

use std::collections::BTreeMap;

use minijinja::{Value, context};

use crate::clock::Clock;
use crate::images::ImageSet;
use crate::model::Section;

use super::urls::{Link, permalink_for, top_path, url_for};
use super::{PHOTOS_PATH, Shared, kinds, media};

use crate::i18n::format_date;

#[derive(Debug, Clone, Serialize)]
pub struct DateView {
    /// `2026-11-20T09:30:00+08:00`, for `<time datetime>` and feeds.
    pub iso: String,
    /// `2026-11-20`.
    pub ymd: String,
    /// `2026年11月20日` or `20 Nov 2026`.
    pub display: String,
    pub year: i16,
    pub month: i8,
    pub day: i8,
}

impl DateView {
    pub fn new(dt: jiff::civil::DateTime, config: &Config) -> DateView {
        let iso = match dt.to_zoned_datetime(config.timezone.clone()) {
            Ok(z) => z.strftime("%Y-%m-%dT%H:%M:%S%:z").to_string(),
            Err(_) => dt.to_string(),
        };
        DateView {
            iso,
            ymd: dt.date().to_string(),
            display: format_date(dt.date(), config.language),
            year: dt.year(),
            month: dt.month(),
            day: dt.day(),
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct NavItem {
    pub title: String,
    pub url: String,
    /// The site path it covers, to mark the current section.
    pub path: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct SiteView {
    pub title: String,
    pub organization: Option<String>,
    pub base_url: String,
    pub base_path: String,
    pub language: &'static str,
    pub nav: Vec<NavItem>,
    pub feeds: bool,
    pub search: bool,
    /// Links are made relative after rendering (`--relative`).
    pub relative: bool,
    pub build_year: i16,
}

#[derive(Debug, Clone, Serialize)]
pub struct TermLink {
    pub name: String,
    pub url: String,
}

/// A page as it appears in listings.
#[derive(Debug, Clone, Serialize)]
pub struct CardView<'a> {
    pub title: &'a str,
    pub url: String,
    pub date: DateView,
    pub summary: minijinja::Value,
    pub kind: &'static str,
    pub section_title: &'a str,
    pub section_url: String,
    pub tags: Vec<TermLink>,
    pub draft: bool,
    pub meta: &'a FrontMatter,
    pub status: Option<super::kinds::StatusView>,
    pub number: Option<String>,
    /// URL of the `cover`'s (or, for profiles, the `photo`'s) thumbnail.
    pub image: Option<String>,
    /// The same picture with its sizes, for `srcset`.
    pub thumb: Option<super::media::ImageView>,
}

#[derive(Debug, Clone, Serialize)]
pub struct PageView<'a> {
    pub title: &'a str,
    pub url: String,
    pub permalink: String,
    pub date: DateView,
    pub updated: Option<DateView>,
    pub author: Option<&'a str>,
    pub source: Option<&'a str>,
    pub summary: minijinja::Value,
    /// Plain-text summary for `<meta name="description">`, at most 120 characters.
    pub description: String,
    pub content: minijinja::Value,
    pub toc: &'a [TocEntry],
    pub word_count: usize,
    pub word_count_text: String,
    pub reading_minutes: usize,
    pub reading_time_text: String,
    pub kind: &'static str,
    pub draft: bool,
    pub tags: Vec<TermLink>,
    pub taxonomies: std::collections::BTreeMap<&'a str, Vec<TermLink>>,
    pub meta: &'a FrontMatter,
    pub section: Link,
    pub newer: Option<Link>,
    pub older: Option<Link>,
    /// Pages sharing the most tags with this one.
    pub related: Vec<minijinja::Value>,
    pub status: Option<super::kinds::StatusView>,
    pub disclosure: Option<super::kinds::DisclosureView>,
    /// For a campaign: pages carrying its tag.
    pub campaign_pages: Vec<minijinja::Value>,
    /// URLs of the `photo` and `cover` files.
    pub photo_url: Option<String>,
    pub cover_url: Option<String>,
    /// The page's gallery (front matter `gallery`, or `{{ gallery() }}`).
    pub gallery: Vec<super::media::ImageView>,
    /// The body places the gallery itself with `{{ gallery() }}`.
    pub gallery_in_body: bool,
    /// The page shows a gallery (so the theme loads its lightbox script).
    pub has_lightbox: bool,
    /// The profile `photo`, processed.
    pub photo: Option<super::media::ImageView>,
}

#[derive(Debug, Clone, Serialize)]
pub struct PagerLink {
    pub number: usize,
    pub url: String,
    pub current: bool,
    /// Stands for the numbers left out (…) between two links.
    pub gap: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct Paginator {
    pub current: usize,
    pub total: usize,
    pub items: usize,
    pub per_page: usize,
    pub previous_url: Option<String>,
    pub next_url: Option<String>,
    pub pages: Vec<PagerLink>,
}

impl Paginator {
    /// The pager of page `current_index` (0-based) of `total` pages;
    /// `url_of(i)` gives page `i`'s URL. It links the first and last pages and
    /// two either side of the current one, with gaps between: a listing of
    /// 2,500 pages does not carry 2,500 links on each of them.
    pub fn new(
        url_of: impl Fn(usize) -> String,
        total: usize,
        current_index: usize,
        items: usize,
        per_page: usize,
    ) -> Paginator {
        const AROUND: usize = 2;
        let total = total.max(1);
        let mut shown: Vec<usize> = vec![0, total - 1];
        shown
            .extend(current_index.saturating_sub(AROUND)..=(current_index + AROUND).min(total - 1));
        shown.sort_unstable();
        shown.dedup();
        let mut pages = Vec::with_capacity(shown.len() * 2);
        let mut last: Option<usize> = None;
        for i in shown {
            match last {
                // A gap of one number shows the number instead.
                Some(l) if i == l + 2 => pages.push(PagerLink {
                    number: l + 2,
                    url: url_of(l + 1),
                    current: false,
                    gap: false,
                }),
                Some(l) if i > l + 2 => pages.push(PagerLink {
                    number: 0,
                    url: String::new(),
                    current: false,
                    gap: true,
                }),
                _ => {}
            }
            pages.push(PagerLink {
                number: i + 1,
                url: url_of(i),
                current: i == current_index,
                gap: false,
            });
            last = Some(i);
        }
        Paginator {
            current: current_index + 1,
            total,
            items,
            per_page,
            previous_url: current_index.checked_sub(1).map(&url_of),
            next_url: (current_index + 1 < total).then(|| url_of(current_index + 1)),
            pages,
        }
    }
}

/// Fills `{n}` (and `{total}`) in a UI string.
pub fn fill(template: &str, n: usize, total: Option<usize>) -> String {
    let s = template.replace("{n}", &n.to_string());
    match total {
        Some(t) => s.replace("{total}", &t.to_string()),
        None => s,
    }
}

pub fn term_links(site: &Site, page: &Page, taxonomy: &str) -> Vec<TermLink> {
    let Some(tax) = site.taxonomies.iter().find(|t| t.name == taxonomy) else {
        return Vec::new();
    };
    let Some(names) = page.parsed.taxonomies.get(taxonomy) else {
        return Vec::new();
    };
    let mut links: Vec<TermLink> = Vec::new();
    for name in names {
        if let Some(term) = tax.find(name)
            && !links.iter().any(|l| l.name == term.name)
        {
            links.push(TermLink {
                name: term.name.clone(),
                url: url_for(site, &term.path),
            });
        }
    }
    links
}

/// A plain-text description of a page: its `summary`, else the start of its text.
pub fn describe(summary: Option<&str>, plain_text: &str) -> String {
    let source = summary
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .unwrap_or(plain_text);
    let flat: String = source.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut out: String = flat.chars().take(120).collect();
    if flat.chars().count() > 120 {
        out.push('…');
    }
    out
}

pub(super) fn site_view(site: &Site, clock: &Clock, photos_title: Option<&str>) -> SiteView {
    let config = &site.config;
    let mut nav: Vec<NavItem> = if config.menu.is_empty() {
        site.nav_sections()
            .into_iter()
            .map(|s| {
                let section = &site.sections[s];
                NavItem {
                    title: section.title.clone(),
                    url: url_for(site, &section.path),
                    path: section.path.clone(),
                }
            })
            .collect()
    } else {
        config
            .menu
            .iter()
            .map(|item| {
                let is_external = item.url.contains("://");
                let path = item.url.trim_start_matches('/').to_string();
                NavItem {
                    title: item.name.clone(),
                    url: if is_external {
                        item.url.clone()
                    } else {
                        url_for(site, &path)
                    },
                    path: top_path(&path),
                }
            })
            .collect()
    };
    if let Some(title) = photos_title
        && config.menu.is_empty()
    {
        nav.push(NavItem {
            title: title.to_string(),
            url: url_for(site, PHOTOS_PATH),
            path: PHOTOS_PATH.to_string(),
        });
    }
    SiteView {
        title: config.title.clone(),
        organization: config.organization.clone(),
        base_url: config.base_url.clone(),
        base_path: config.base_path().to_string(),
        language: config.language.code(),
        nav,
        feeds: config.feeds,
        search: config.search,
        relative: config.relative_urls,
        build_year: clock.today_in(&config.timezone).year(),
    }
}

pub(super) fn card_view<'a>(
    site: &'a Site,
    images: &ImageSet,
    page: &'a crate::model::Page,
    now: jiff::Timestamp,
) -> CardView<'a> {
    let section = &site.sections[page.section];
    let thumb = media::cover_view(site, images, page);
    CardView {
        title: &page.parsed.title,
        url: url_for(site, &page.path),
        date: DateView::new(page.parsed.date, &site.config),
        summary: Value::from_safe_string(page.parsed.summary_html.clone()),
        kind: page.parsed.kind.name(),
        section_title: &section.title,
        section_url: url_for(site, &section.path),
        tags: term_links(site, page, "tags"),
        draft: page.parsed.draft,
        meta: &page.parsed.front,
        status: kinds::status_view(page, &site.config, now),
        image: thumb.as_ref().map(|v| v.src.clone()),
        thumb,
        number: match &page.details {
            crate::model::kinds::Details::Disclosure(d) => Some(d.number.to_string()),
            _ => None,
        },
    }
}

pub(super) fn page_view<'a>(
    site: &'a Site,
    i: usize,
    strings: &BTreeMap<&'static str, String>,
    shared: &Shared<'_>,
) -> PageView<'a> {
    let page = &site.pages[i];
    let config = &site.config;
    let section = &site.sections[page.section];
    let words = &page.parsed.body.word_count;
    let minutes = words.reading_minutes(
        config.reading_speed.cjk_chars_per_minute,
        config.reading_speed.words_per_minute,
    );
    let link = |p: usize| Link {
        title: site.pages[p].parsed.title.clone(),
        url: url_for(site, &site.pages[p].path),
    };
    let t = |key: &str| strings.get(key).map(String::as_str).unwrap_or("");
    PageView {
        title: &page.parsed.title,
        url: url_for(site, &page.path),
        permalink: permalink_for(site, &page.path),
        date: DateView::new(page.parsed.date, config),
        updated: page.parsed.updated.map(|u| DateView::new(u, config)),
        author: page.parsed.front.author.as_deref(),
        source: page.parsed.front.source.as_deref(),
        summary: Value::from_safe_string(page.parsed.summary_html.clone()),
        description: describe(
            page.parsed.front.summary.as_deref(),
            &page.parsed.body.plain_text,
        ),
        content: Value::from_safe_string(page.parsed.body.html.clone()),
        toc: &page.parsed.body.toc,
        word_count: words.total(),
        word_count_text: fill(t("word_count"), words.total(), None),
        reading_minutes: minutes,
        reading_time_text: fill(t("reading_time"), minutes, None),
        kind: page.parsed.kind.name(),
        draft: page.parsed.draft,
        tags: term_links(site, page, "tags"),
        taxonomies: site
            .taxonomies
            .iter()
            .map(|tax| (tax.name.as_str(), term_links(site, page, &tax.name)))
            .collect(),
        meta: &page.parsed.front,
        section: Link {
            title: section.title.clone(),
            url: url_for(site, &section.path),
        },
        newer: page.newer.map(link),
        older: page.older.map(link),
        related: site.related[i]
            .iter()
            .map(|&r| shared.cards.get(r))
            .collect(),
        status: kinds::status_view(page, config, shared.now),
        disclosure: kinds::disclosure_view(site, i),
        campaign_pages: kinds::campaign_pages(site, i)
            .into_iter()
            .map(|p| shared.cards.get(p))
            .collect(),
        photo_url: page
            .parsed
            .front
            .photo
            .as_deref()
            .and_then(|f| site.file_path_for(page, f))
            .map(|p| url_for(site, &p)),
        cover_url: page
            .parsed
            .front
            .cover
            .as_deref()
            .and_then(|f| site.file_path_for(page, f))
            .map(|p| url_for(site, &p)),
        has_lightbox: !media::gallery_views(site, shared.images, page).is_empty()
            || page.parsed.body.html.contains("data-lightbox"),
        gallery: media::gallery_views(site, shared.images, page),
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
            .and_then(|_| media::cover_view_of(site, shared.images, page, "photo")),
    }
}

pub(super) fn section_value(site: &Site, shared: &Shared<'_>, s: usize) -> Value {
    let section: &Section = &site.sections[s];
    let latest: Vec<Value> = section
        .pages
        .iter()
        .take(5)
        .map(|&p| shared.cards.get(p))
        .collect();
    context! {
        title => section.title.clone(),
        url => url_for(site, &section.path),
        kind => section.kind.name(),
        content => Value::from_safe_string(section.content_html.clone()),
        summary => Value::from_safe_string(section.summary_html.clone()),
        page_count => section.pages.len(),
        latest => latest,
        is_home => section.is_home(),
    }
}

/// 首页 > 工会动态 > 文章标题: ancestors of `section`, then the current item
/// (without a link) if given.
pub(super) fn breadcrumb(
    site: &Site,
    section: usize,
    current: Option<&str>,
    home: &str,
) -> Vec<Link> {
    let mut chain = Vec::new();
    let mut cursor = Some(section);
    while let Some(s) = cursor {
        chain.push(s);
        cursor = site.sections[s].parent;
    }
    chain.reverse();
    let mut links: Vec<Link> = chain
        .into_iter()
        .map(|s| {
            let sec = &site.sections[s];
            Link {
                title: if sec.is_home() {
                    home.to_string()
                } else {
                    sec.title.clone()
                },
                url: url_for(site, &sec.path),
            }
        })
        .collect();
    match current {
        Some(title) => links.push(Link {
            title: title.to_string(),
            url: String::new(),
        }),
        None => {
            if let Some(last) = links.last_mut() {
                last.url.clear();
            }
        }
    }
    links
}

#[cfg(test)]
mod pager_tests {
    use super::Paginator;

    fn shown(p: &Paginator) -> String {
        p.pages
            .iter()
            .map(|l| {
                if l.gap {
                    "…".to_string()
                } else if l.current {
                    format!("[{}]", l.number)
                } else {
                    l.number.to_string()
                }
            })
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn long_listings_link_a_window_not_every_page() {
        let url = |i: usize| format!("/news/page/{}/", i + 1);
        let p = Paginator::new(url, 2500, 1199, 25000, 10);
        assert_eq!(shown(&p), "1 … 1198 1199 [1200] 1201 1202 … 2500");
        assert_eq!(p.previous_url.as_deref(), Some("/news/page/1199/"));
        assert_eq!(p.next_url.as_deref(), Some("/news/page/1201/"));
        assert_eq!(shown(&Paginator::new(url, 5, 0, 50, 10)), "[1] 2 3 4 5");
        assert_eq!(shown(&Paginator::new(url, 9, 8, 90, 10)), "1 … 7 8 [9]");
        let single = Paginator::new(url, 1, 0, 3, 10);
        assert_eq!(shown(&single), "[1]");
        assert!(single.previous_url.is_none() && single.next_url.is_none());
    }
}
