//! The jobs that render listings: a section's pager pages, a taxonomy's
//! terms and each term's pages, disclosure archives.

use std::collections::BTreeMap;
use std::path::PathBuf;

use minijinja::{Value, context};

use crate::diag::Diagnostic;
use crate::model::{Site, pager_path};

use super::engine::{Renderer, missing_template, to_value};
use super::jobs::{Prepared, taxonomy_title};
use super::urls::{Link, feed_url, permalink_for, top_path, url_for};
use super::views::{Paginator, breadcrumb, fill, section_value};
use super::{Shared, home, kinds};

/// Pager page `index` of a section's listing (the home page's too).
pub(super) fn listing_job(
    site: &Site,
    renderer: &Renderer<'_>,
    shared: &Shared<'_>,
    strings: &BTreeMap<&'static str, String>,
    section: usize,
    index: usize,
    path: String,
) -> Result<Prepared, Diagnostic> {
    let t = |key: &str| strings.get(key).map(String::as_str).unwrap_or("");
    let sec = &site.sections[section];
    let pager_count = if sec.kind.is_grouped() && !sec.is_home() {
        1
    } else {
        sec.pages.len().div_ceil(sec.page_size().max(1)).max(1)
    };
    let path_of = |i: usize| pager_path(&sec.path, i);
    let start = index * sec.page_size();
    let cards: Vec<Value> = sec
        .pages
        .iter()
        .skip(start)
        .take(sec.page_size())
        .map(|&p| shared.cards.get(p))
        .collect();
    let groups = if sec.is_home() {
        None
    } else {
        kinds::section_groups(site, sec.kind, &sec.pages, &shared.cards, shared.now)
    };
    let archives: Vec<Value> = site
        .archives
        .iter()
        .filter(|a| a.section == section)
        .map(|a| {
            context! {
                title => a.title.clone(),
                url => url_for(site, &a.path),
                by_year => a.by_year,
                count => a.pages.len(),
            }
        })
        .collect();
    let all_cards: Vec<Value> = if sec.is_home() {
        site.pages_by_date()
            .iter()
            .take(site.config.paginate)
            .map(|&p| shared.cards.get(p))
            .collect()
    } else {
        Vec::new()
    };
    let subsections: Vec<Value> = sec
        .subsections
        .iter()
        .map(|&s| section_value(site, shared, s))
        .collect();
    let kind_template = format!("section-{}.html", sec.kind.name());
    let custom = sec.template.clone();
    let mut names: Vec<&str> = Vec::new();
    if let Some(custom) = custom.as_deref() {
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
    let name = renderer
        .pick(&names)
        .ok_or_else(|| missing_template(&names, &origin))?;
    let paginator = Paginator::new(
        |i| url_for(site, &path_of(i)),
        pager_count,
        index,
        sec.pages.len(),
        sec.page_size(),
    );
    let title_suffix = (index > 0).then(|| fill(t("page_n"), index + 1, None));
    let ctx = context! {
        site => shared.site.clone(),
        t => shared.strings.clone(),
        section => section_value(site, shared, section),
        pages => cards,
        groups => groups.map(to_value),
        archives => archives,
        latest => all_cards,
        home => sec.is_home().then(|| to_value(home::home_view(site, &shared.cards, shared.now))),
        subsections => subsections,
        paginator => to_value(&paginator),
        page_title_suffix => title_suffix,
        breadcrumb => to_value(breadcrumb(site, section, None, t("home"))),
        nav_path => top_path(&sec.path),
        canonical => permalink_for(site, &path_of(index)),
        feed_url => feed_url(site, &sec.path),
    };
    Ok(Prepared {
        path,
        template: name.to_string(),
        ctx,
        source: None,
    })
}

/// The list of a taxonomy's terms (`tags/`).
pub(super) fn term_list_job(
    site: &Site,
    shared: &Shared<'_>,
    strings: &BTreeMap<&'static str, String>,
    t_index: usize,
    path: String,
) -> Result<Prepared, Diagnostic> {
    let t = |key: &str| strings.get(key).map(String::as_str).unwrap_or("");
    let taxonomy = &site.taxonomies[t_index];
    let terms: Vec<Value> = taxonomy
        .terms
        .iter()
        .map(|term| {
            context! {
                name => term.name.clone(),
                url => url_for(site, &term.path),
                count => term.pages.len(),
            }
        })
        .collect();
    let title = taxonomy_title(&taxonomy.name, strings);
    let ctx = context! {
        site => shared.site.clone(),
        t => shared.strings.clone(),
        taxonomy => context! { name => taxonomy.name.clone(), title => title.clone(), url => url_for(site, &taxonomy.path) },
        terms => terms,
        breadcrumb => to_value(vec![Link { title: t("home").to_string(), url: url_for(site, "") }, Link { title, url: String::new() }]),
        nav_path => taxonomy.path.clone(),
        canonical => permalink_for(site, &taxonomy.path),
    };
    Ok(Prepared {
        path,
        template: "taxonomy.html".to_string(),
        ctx,
        source: None,
    })
}

/// Pager page `index` of one term's pages.
pub(super) fn term_page_job(
    site: &Site,
    shared: &Shared<'_>,
    strings: &BTreeMap<&'static str, String>,
    taxonomy: usize,
    term: usize,
    index: usize,
    path: String,
) -> Result<Prepared, Diagnostic> {
    let t = |key: &str| strings.get(key).map(String::as_str).unwrap_or("");
    let tax = &site.taxonomies[taxonomy];
    let term = &tax.terms[term];
    let per_page = site.config.paginate.max(1);
    let pager_count = term.pages.len().div_ceil(per_page).max(1);
    let path_of = |i: usize| pager_path(&term.path, i);
    let cards: Vec<Value> = term
        .pages
        .iter()
        .skip(index * site.config.paginate)
        .take(site.config.paginate)
        .map(|&p| shared.cards.get(p))
        .collect();
    let paginator = Paginator::new(
        |i| url_for(site, &path_of(i)),
        pager_count,
        index,
        term.pages.len(),
        site.config.paginate,
    );
    let tax_title = taxonomy_title(&tax.name, strings);
    let ctx = context! {
        site => shared.site.clone(),
        t => shared.strings.clone(),
        taxonomy => context! { name => tax.name.clone(), title => tax_title.clone(), url => url_for(site, &tax.path) },
        term => context! { name => term.name.clone(), url => url_for(site, &term.path), count => term.pages.len() },
        pages => cards,
        paginator => to_value(&paginator),
        page_title_suffix => (index > 0).then(|| fill(t("page_n"), index + 1, None)),
        breadcrumb => to_value(vec![
            Link { title: t("home").to_string(), url: url_for(site, "") },
            Link { title: tax_title, url: url_for(site, &tax.path) },
            Link { title: term.name.clone(), url: String::new() },
        ]),
        nav_path => tax.path.clone(),
        canonical => permalink_for(site, &path_of(index)),
        feed_url => feed_url(site, &term.path),
    };
    Ok(Prepared {
        path,
        template: "term.html".to_string(),
        ctx,
        source: None,
    })
}

/// A disclosure archive: one year's or one category's notices.
pub(super) fn archive_job(
    site: &Site,
    shared: &Shared<'_>,
    strings: &BTreeMap<&'static str, String>,
    a: usize,
    path: String,
) -> Result<Prepared, Diagnostic> {
    let t = |key: &str| strings.get(key).map(String::as_str).unwrap_or("");
    let archive = &site.archives[a];
    let sec = &site.sections[archive.section];
    // A year archive groups by category, a category archive by year.
    let mut groups: BTreeMap<(i64, String), Vec<Value>> = BTreeMap::new();
    for &p in &archive.pages {
        let parsed = &site.pages[p].parsed;
        let key = if archive.by_year {
            (0, parsed.front.category.clone().unwrap_or_default())
        } else {
            (-(parsed.date.year() as i64), parsed.date.year().to_string())
        };
        groups.entry(key).or_default().push(shared.cards.get(p));
    }
    let groups: Vec<Value> = groups
        .into_iter()
        .map(|((_, title), items)| context! { title => title, items => items })
        .collect();
    let mut crumbs = breadcrumb(site, archive.section, None, t("home"));
    if let Some(last) = crumbs.last_mut() {
        last.url = url_for(site, &sec.path);
    }
    crumbs.push(Link {
        title: archive.title.clone(),
        url: String::new(),
    });
    let ctx = context! {
        site => shared.site.clone(),
        t => shared.strings.clone(),
        section => section_value(site, shared, archive.section),
        archive => context! { title => archive.title.clone(), by_year => archive.by_year, count => archive.pages.len() },
        groups => groups,
        breadcrumb => to_value(crumbs),
        nav_path => top_path(&sec.path),
        canonical => permalink_for(site, &archive.path),
        feed_url => feed_url(site, &sec.path),
    };
    Ok(Prepared {
        path,
        template: "disclosure-archive.html".to_string(),
        ctx,
        source: None,
    })
}
