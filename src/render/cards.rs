//! What many jobs show of others: pages' cards in listings, sections, the
//! breadcrumb trail and the site view of the header and footer.

use std::sync::OnceLock;

use minijinja::{Value, context};

use super::engine::to_value;
use super::media;
use super::reads::{Read, SiteReads};
use super::status::status_view;
use super::urls::{PHOTOS_PATH, top_path, url_for};
use super::views::{CardView, DateView, Link, NavItem, SiteView, TermLink};
use crate::clock::Clock;
use crate::markdown::sanitize::is_safe_url;
use crate::model::Page;

/// Page cards (title, date, summary… as listings show them), each built the
/// first time a job needs it, with what building it read: a job that shows a
/// card read what the card did.
pub(crate) struct Cards {
    now: jiff::Timestamp,
    cells: Vec<OnceLock<(Value, Box<[Read]>)>>,
}

impl Cards {
    pub(crate) fn new(pages: usize, now: jiff::Timestamp) -> Cards {
        Cards {
            now,
            cells: (0..pages).map(|_| OnceLock::new()).collect(),
        }
    }

    /// Page `p`'s card, as the job reading through `r` sees it.
    pub(crate) fn get(&self, r: &SiteReads<'_>, p: usize) -> Value {
        let (value, reads) = self.cells[p].get_or_init(|| {
            let own = r.fork();
            let value = to_value(card_view(&own, p, self.now));
            (value, own.into_reads().into_boxed_slice())
        });
        r.note_all(reads);
        value.clone()
    }
}

fn card_view<'a>(r: &SiteReads<'a>, p: usize, now: jiff::Timestamp) -> CardView<'a> {
    let config = r.config();
    let page = r.page(p);
    let section = r.section(page.section);
    let (site, images) = r.files();
    let thumb = media::cover_view(site, images, page);
    CardView {
        title: &page.parsed.title,
        url: url_for(config, &page.path),
        date: DateView::new(page.parsed.date, config),
        summary: Value::from_safe_string(r.summary_html(p).to_string()),
        kind: page.parsed.kind.name(),
        section_title: &section.title,
        section_url: url_for(config, &section.path),
        tags: term_links(r, page, "tags"),
        draft: page.parsed.draft,
        meta: &page.parsed.front,
        status: status_view(page, config, now),
        image: thumb.as_ref().map(|v| v.src.clone()),
        thumb,
        number: match &page.details {
            crate::model::kinds::Details::Disclosure(d) => Some(d.number.to_string()),
            _ => None,
        },
    }
}

/// The page's terms of `taxonomy`, as links, each once.
pub(crate) fn term_links(r: &SiteReads<'_>, page: &Page, taxonomy: &str) -> Vec<TermLink> {
    let Some(names) = page.parsed.taxonomies.get(taxonomy) else {
        return Vec::new();
    };
    let mut links: Vec<TermLink> = Vec::new();
    for name in names {
        if let Some(term) = r.term_link(taxonomy, name)
            && !links.iter().any(|l| l.name == term.name)
        {
            links.push(TermLink {
                name: term.name.to_string(),
                url: url_for(r.config(), term.path),
            });
        }
    }
    links
}

/// A section as listings and its pages show it, with its five latest cards.
pub(crate) fn section_value(r: &SiteReads<'_>, cards: &Cards, s: usize) -> Value {
    let section = r.section(s);
    let (content, summary) = r.section_text(s);
    let latest: Vec<Value> = section
        .pages
        .iter()
        .take(5)
        .map(|&p| cards.get(r, p))
        .collect();
    context! {
        title => section.title.clone(),
        url => url_for(r.config(), &section.path),
        kind => section.kind.name(),
        content => Value::from_safe_string(content.to_string()),
        summary => Value::from_safe_string(summary.to_string()),
        page_count => section.pages.len(),
        latest => latest,
        is_home => section.is_home(),
    }
}

/// 首页 > 工会动态 > 文章标题: ancestors of `section`, then the current item
/// (without a link) if given.
pub(crate) fn breadcrumb(
    r: &SiteReads<'_>,
    section: usize,
    current: Option<&str>,
    home: &str,
) -> Vec<Link> {
    let mut chain = Vec::new();
    let mut cursor = Some(section);
    while let Some(s) = cursor {
        chain.push(s);
        cursor = r.section(s).parent;
    }
    chain.reverse();
    let mut links: Vec<Link> = chain
        .into_iter()
        .map(|s| {
            let sec = r.section(s);
            Link {
                title: if sec.is_home() {
                    home.to_string()
                } else {
                    sec.title.clone()
                },
                url: url_for(r.config(), &sec.path),
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

/// The Atom feed of the listing at `path`, if feeds are on.
pub(crate) fn feed_url(r: &SiteReads<'_>, path: &str) -> Option<String> {
    let config = r.config();
    config
        .feeds
        .then(|| url_for(config, &format!("{path}atom.xml")))
}

/// The header and footer: site title, navigation, switches.
pub(crate) fn site_view(r: &SiteReads<'_>, clock: &Clock, photos_title: Option<&str>) -> SiteView {
    let config = r.config();
    let mut nav: Vec<NavItem> = if config.menu.is_empty() {
        r.section(0)
            .subsections
            .iter()
            .map(|&s| {
                let section = r.section(s);
                NavItem {
                    title: section.title.clone(),
                    url: url_for(config, &section.path),
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
                    // A `javascript:` (or any other script) menu entry goes nowhere.
                    url: if !is_safe_url(&item.url) {
                        "#".to_string()
                    } else if is_external {
                        item.url.clone()
                    } else {
                        url_for(config, &path)
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
            url: url_for(config, PHOTOS_PATH),
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
        beian: super::views::BeianView::of(&config.beian),
    }
}
