//! Files that list pages: sections (and the home page), taxonomies and their
//! terms, disclosure archives, picture news; and the search and 404 pages.

use std::collections::BTreeMap;
use std::path::PathBuf;

use minijinja::{Value, context};

use super::cards::{breadcrumb, feed_url, section_value};
use super::engine::to_value;
use super::reads::SiteReads;
use super::shared::{Prepared, Shared, has_photos, missing_template};
use super::urls::{PHOTOS_PATH, index_file, permalink_for, top_path, url_for};
use super::views::{Link, Paginator, fill};
use super::{home, kinds, media};
use crate::diag::Diagnostic;
use crate::model::pager_path;

pub(crate) fn prepare_listing(
    shared: &Shared<'_>,
    r: &SiteReads<'_>,
    section: usize,
    index: usize,
) -> Result<Prepared, Diagnostic> {
    let config = r.config();
    let cards = &shared.cards;
    let sec = r.section(section);
    let pager_count = if sec.kind.is_grouped() && !sec.is_home() {
        1
    } else {
        sec.pages.len().div_ceil(sec.page_size().max(1)).max(1)
    };
    let path_of = |i: usize| pager_path(&sec.path, i);
    let start = index * sec.page_size();
    let page_cards: Vec<Value> = sec
        .pages
        .iter()
        .skip(start)
        .take(sec.page_size())
        .map(|&p| cards.get(r, p))
        .collect();
    let groups = if sec.is_home() {
        None
    } else {
        kinds::section_groups(r, sec.kind, &sec.pages, cards, shared.now)
    };
    let archives: Vec<Value> = r
        .archives_of(section)
        .into_iter()
        .map(|a| {
            let a = r.archive(a);
            context! {
                title => a.title.clone(),
                url => url_for(config, &a.path),
                by_year => a.by_year,
                count => a.pages.len(),
            }
        })
        .collect();
    let all_cards: Vec<Value> = if sec.is_home() {
        r.by_date()
            .iter()
            .take(config.paginate)
            .map(|&p| cards.get(r, p))
            .collect()
    } else {
        Vec::new()
    };
    let subsections: Vec<Value> = sec
        .subsections
        .iter()
        .map(|&s| section_value(r, cards, s))
        .collect();
    let kind_template = format!("section-{}.html", sec.kind.name());
    let mut names: Vec<&str> = Vec::new();
    if let Some(custom) = sec.template.as_deref() {
        names.push(custom);
    }
    if sec.is_home() {
        names.push("index.html");
    }
    names.push(&kind_template);
    names.push("section.html");
    let origin = sec
        .source
        .clone()
        .unwrap_or_else(|| PathBuf::from("content"));
    let name = shared
        .input
        .renderer
        .pick(&names)
        .ok_or_else(|| missing_template(&names, &origin))?;
    let paginator = Paginator::new(
        |i| url_for(config, &path_of(i)),
        pager_count,
        index,
        sec.pages.len(),
        sec.page_size(),
    );
    let title_suffix = (index > 0).then(|| fill(shared.t("page_n"), index + 1, None));
    let ctx = context! {
        site => shared.site.clone(),
        t => shared.strings.clone(),
        section => section_value(r, cards, section),
        pages => page_cards,
        groups => groups.map(to_value),
        archives => archives,
        latest => all_cards,
        home => sec.is_home().then(|| to_value(home::home_view(r, cards, shared.now))),
        subsections => subsections,
        paginator => to_value(&paginator),
        page_title_suffix => title_suffix,
        breadcrumb => to_value(breadcrumb(r, section, None, shared.t("home"))),
        nav_path => top_path(&sec.path),
        canonical => permalink_for(config, &path_of(index)),
        feed_url => feed_url(r, &sec.path),
    };
    Ok(Prepared {
        path: index_file(&path_of(index)),
        template: name.to_string(),
        ctx,
        source: None,
    })
}

fn taxonomy_title(shared: &Shared<'_>, name: &str) -> String {
    if name == "tags" {
        shared
            .words
            .get("tags")
            .cloned()
            .unwrap_or_else(|| "tags".to_string())
    } else {
        name.to_string()
    }
}

fn home_link(shared: &Shared<'_>, r: &SiteReads<'_>) -> Link {
    Link {
        title: shared.t("home").to_string(),
        url: url_for(r.config(), ""),
    }
}

pub(crate) fn prepare_term_list(
    shared: &Shared<'_>,
    r: &SiteReads<'_>,
    t: usize,
) -> Result<Prepared, Diagnostic> {
    let config = r.config();
    let taxonomy = r.taxonomy(t);
    let terms: Vec<Value> = taxonomy
        .terms
        .iter()
        .map(|term| {
            context! {
                name => term.name.clone(),
                url => url_for(config, &term.path),
                count => term.pages.len(),
            }
        })
        .collect();
    let title = taxonomy_title(shared, &taxonomy.name);
    let ctx = context! {
        site => shared.site.clone(),
        t => shared.strings.clone(),
        taxonomy => context! { name => taxonomy.name.clone(), title => title.clone(), url => url_for(config, &taxonomy.path) },
        terms => terms,
        breadcrumb => to_value(vec![home_link(shared, r), Link { title, url: String::new() }]),
        nav_path => taxonomy.path.clone(),
        canonical => permalink_for(config, &taxonomy.path),
    };
    Ok(Prepared {
        path: index_file(&taxonomy.path),
        template: "taxonomy.html".to_string(),
        ctx,
        source: None,
    })
}

pub(crate) fn prepare_term_page(
    shared: &Shared<'_>,
    r: &SiteReads<'_>,
    taxonomy: usize,
    term: usize,
    index: usize,
) -> Result<Prepared, Diagnostic> {
    let config = r.config();
    let (tax_name, tax_path) = r.taxonomy_name(taxonomy);
    let term = r.term(taxonomy, term);
    let per_page = config.paginate.max(1);
    let pager_count = term.pages.len().div_ceil(per_page).max(1);
    let path_of = |i: usize| pager_path(&term.path, i);
    let cards: Vec<Value> = term
        .pages
        .iter()
        .skip(index * config.paginate)
        .take(config.paginate)
        .map(|&p| shared.cards.get(r, p))
        .collect();
    let paginator = Paginator::new(
        |i| url_for(config, &path_of(i)),
        pager_count,
        index,
        term.pages.len(),
        config.paginate,
    );
    let tax_title = taxonomy_title(shared, tax_name);
    let ctx = context! {
        site => shared.site.clone(),
        t => shared.strings.clone(),
        taxonomy => context! { name => tax_name, title => tax_title.clone(), url => url_for(config, tax_path) },
        term => context! { name => term.name.clone(), url => url_for(config, &term.path), count => term.pages.len() },
        pages => cards,
        paginator => to_value(&paginator),
        page_title_suffix => (index > 0).then(|| fill(shared.t("page_n"), index + 1, None)),
        breadcrumb => to_value(vec![
            home_link(shared, r),
            Link { title: tax_title, url: url_for(config, tax_path) },
            Link { title: term.name.clone(), url: String::new() },
        ]),
        nav_path => tax_path,
        canonical => permalink_for(config, &path_of(index)),
        feed_url => feed_url(r, &term.path),
    };
    Ok(Prepared {
        path: index_file(&path_of(index)),
        template: "term.html".to_string(),
        ctx,
        source: None,
    })
}

pub(crate) fn prepare_archive(
    shared: &Shared<'_>,
    r: &SiteReads<'_>,
    a: usize,
) -> Result<Prepared, Diagnostic> {
    let config = r.config();
    let archive = r.archive(a);
    let sec = r.section(archive.section);
    // A year archive groups by category, a category archive by year.
    let mut groups: BTreeMap<(i64, String), Vec<Value>> = BTreeMap::new();
    for &p in &archive.pages {
        let parsed = &r.page(p).parsed;
        let key = if archive.by_year {
            (0, parsed.front.category.clone().unwrap_or_default())
        } else {
            (-(parsed.date.year() as i64), parsed.date.year().to_string())
        };
        groups.entry(key).or_default().push(shared.cards.get(r, p));
    }
    let groups: Vec<Value> = groups
        .into_iter()
        .map(|((_, title), items)| context! { title => title, items => items })
        .collect();
    let mut crumbs = breadcrumb(r, archive.section, None, shared.t("home"));
    if let Some(last) = crumbs.last_mut() {
        last.url = url_for(config, &sec.path);
    }
    crumbs.push(Link {
        title: archive.title.clone(),
        url: String::new(),
    });
    let ctx = context! {
        site => shared.site.clone(),
        t => shared.strings.clone(),
        section => section_value(r, &shared.cards, archive.section),
        archive => context! { title => archive.title.clone(), by_year => archive.by_year, count => archive.pages.len() },
        groups => groups,
        breadcrumb => to_value(crumbs),
        nav_path => top_path(&sec.path),
        canonical => permalink_for(config, &archive.path),
        feed_url => feed_url(r, &sec.path),
    };
    Ok(Prepared {
        path: index_file(&archive.path),
        template: "disclosure-archive.html".to_string(),
        ctx,
        source: None,
    })
}

pub(crate) fn prepare_search(
    shared: &Shared<'_>,
    r: &SiteReads<'_>,
) -> Result<Prepared, Diagnostic> {
    let config = r.config();
    let words = serde_json::json!({
        "found": shared.t("search_found"),
        "none": shared.t("search_none"),
        "error": shared.t("search_error"),
    })
    .to_string();
    let ctx = context! {
        site => shared.site.clone(),
        t => shared.strings.clone(),
        index_url => url_for(config, "search/"),
        words => words,
        breadcrumb => to_value(vec![
            home_link(shared, r),
            Link { title: shared.t("search").to_string(), url: String::new() },
        ]),
        nav_path => "search/",
        canonical => permalink_for(config, "search/"),
    };
    Ok(Prepared {
        path: "search/index.html".to_string(),
        template: "search.html".to_string(),
        ctx,
        source: None,
    })
}

/// Pages with a gallery, newest first: the photo-news listing (图片新闻).
pub(crate) fn prepare_photos(
    shared: &Shared<'_>,
    r: &SiteReads<'_>,
) -> Result<Prepared, Diagnostic> {
    let config = r.config();
    let (site, images) = r.files();
    let items: Vec<Value> = r
        .by_date()
        .iter()
        .copied()
        .filter(|&p| has_photos(site, r.page(p)))
        .map(|p| {
            let gallery = media::gallery_views(site, images, r.page(p));
            context! {
                card => shared.cards.get(r, p),
                count => gallery.len(),
                count_text => fill(shared.t("photo_count"), gallery.len(), None),
                images => to_value(gallery.into_iter().take(4).collect::<Vec<_>>()),
            }
        })
        .collect();
    let ctx = context! {
        site => shared.site.clone(),
        t => shared.strings.clone(),
        items => items,
        breadcrumb => to_value(vec![
            home_link(shared, r),
            Link { title: shared.t("photos").to_string(), url: String::new() },
        ]),
        nav_path => PHOTOS_PATH,
        canonical => permalink_for(config, PHOTOS_PATH),
    };
    Ok(Prepared {
        path: index_file(PHOTOS_PATH),
        template: "photos.html".to_string(),
        ctx,
        source: None,
    })
}

pub(crate) fn prepare_not_found(shared: &Shared<'_>, r: &SiteReads<'_>) -> Prepared {
    let ctx = context! {
        site => shared.site.clone(),
        t => shared.strings.clone(),
        breadcrumb => Value::from(Vec::<Value>::new()),
        nav_path => "",
        canonical => permalink_for(r.config(), "404.html"),
    };
    Prepared {
        path: "404.html".to_string(),
        template: "404.html".to_string(),
        ctx,
        source: None,
    }
}
