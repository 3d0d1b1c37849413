//! Patching the previous model after an edit that moved nothing.
//!
//! Most saves change a page's words, not where it stands: the same URL, date,
//! tags, section and document number. Then every listing, term, archive and
//! related list of the previous model is still right, and only the edited
//! pages' own parts (their parse, kind details and problems) need replacing.
//! [`patch`] checks that, and gives up (returning `None`, so the model is built
//! in full) on anything else: a page added, removed or moved, a section
//! changed, an error. The `patched_model_equals_a_full_build` tests hold the
//! result to what a full build makes.

use std::sync::Arc;

use crate::config::Config;
use crate::diag::Report;
use crate::model::kinds::{self, Details};
use crate::model::taxonomy::build_taxonomies;
use crate::model::{
    MAX_EDITED, ModelMemo, ModelOptions, Page, Previous, Section, Site, alias_files,
    build_sections, listing_order, page_slug, previous_places, related_pages,
};
use crate::parse::{ParsedPage, ParsedSite};

/// The previous model with the edited pages put in, if the edit moved nothing;
/// `previous` must come from the same `site.yaml`, and only Markdown may have
/// changed since.
pub(super) fn patch(
    previous: &Site,
    memo: &ModelMemo,
    config: &Config,
    parsed: &ParsedSite,
    options: &ModelOptions<'_>,
    report: &mut Report,
) -> Option<(Site, ModelMemo)> {
    let pages_in: Vec<&Arc<ParsedPage>> = parsed
        .pages
        .iter()
        .filter(|p| options.drafts || !p.draft)
        .collect();
    if pages_in.len() != previous.pages.len() || memo.page_notes.len() != previous.pages.len() {
        return None;
    }

    // Pair each page with the previous one of the same file (both lists hold
    // distinct files, and as many: pairing all is a one-to-one match).
    let mut edited: Vec<(usize, &Arc<ParsedPage>)> = Vec::new();
    for (&page, at) in pages_in.iter().zip(previous_places(&pages_in, previous)) {
        let at = at?;
        if !Arc::ptr_eq(&previous.pages[at].parsed, page) {
            edited.push((at, page));
            if edited.len() > MAX_EDITED {
                return None;
            }
        }
    }

    // Sections are few: build them again and compare (an `_index.md` edit
    // changes a title or a kind).
    let (sections, _) = build_sections(config, &parsed.sections, &pages_in, options.drafts);
    if !same_sections(&sections, &previous.sections) {
        return None;
    }

    let kind_context = kinds::KindContext {
        root: options.root,
        config,
        calendar: options.calendar,
    };
    let mut pages = previous.pages.clone();
    let mut page_notes = memo.page_notes.clone();
    for &(at, page) in &edited {
        let was = &previous.pages[at];
        let mut local = Report::new();
        let details = kinds::page_details(page, &kind_context, &mut local)?;
        let slug = page_slug(page, config.slugs, &mut local);
        let aliases = alias_files(page, &mut local);
        let stays = !local.has_errors()
            && slug == was.slug
            && aliases == was.aliases
            && stands_where_it_was(&was.parsed, page)
            && same_links(&was.details, &details);
        if !stays {
            return None;
        }
        pages[at] = Arc::new(Page {
            parsed: page.clone(),
            details,
            ..Page::clone(was)
        });
        page_notes[at] = local.into_vec();
    }
    // Newest-first order: each edited page must still sort between its
    // neighbours (a title is the tie-break between pages of one date).
    for &(at, _) in &edited {
        let r = previous.rank[at];
        let this = &pages[at].parsed;
        let before = r.checked_sub(1).map(|b| &pages[previous.by_date[b]].parsed);
        let after = previous.by_date.get(r + 1).map(|&a| &pages[a].parsed);
        if before.is_some_and(|b| listing_order(b, this).is_ge())
            || after.is_some_and(|a| listing_order(this, a).is_ge())
        {
            return None;
        }
    }

    // New tags: the terms and related lists follow (the rest of what the model
    // files pages under stands, as checked above).
    let tags_moved = edited
        .iter()
        .any(|&(at, page)| previous.pages[at].parsed.taxonomies != page.taxonomies);
    let mut site = Site {
        config: config.clone(),
        pages,
        ..previous.clone()
    };
    let mut memo = ModelMemo {
        page_notes,
        ..memo.clone()
    };
    if tags_moved {
        let plain: Vec<Page> = site.pages.iter().map(|p| Page::clone(p)).collect();
        let mut term_notes = Report::new();
        site.taxonomies = build_taxonomies(config, &plain, &site.rank, &mut term_notes);
        let was = Previous {
            site: previous,
            memo: &memo,
            pages_hold: true,
        };
        let (related, key) = related_pages(&plain, &site.taxonomies, &site.rank, Some(was));
        site.related = related;
        memo.related_key = key;
        let (start, count) = memo.term_notes;
        let term_notes = term_notes.into_vec();
        memo.term_notes = (start, term_notes.len());
        memo.notes.splice(start..start + count, term_notes);
    }
    for notes in &memo.page_notes {
        report.extend(notes.iter().cloned());
    }
    report.extend(memo.notes.iter().cloned());
    Some((site, memo))
}

/// Whether an edited page keeps everything the model files it under: its
/// section, date, kind, category and correction link (its terms are
/// filed again by the patch).
fn stands_where_it_was(was: &ParsedPage, now: &ParsedPage) -> bool {
    was.path == now.path
        && was.section_dir == now.section_dir
        && was.bundle_dir == now.bundle_dir
        && was.date == now.date
        && was.kind == now.kind
        && was.draft == now.draft
        && was.front.category == now.front.category
        && was.front.corrects == now.front.corrects
        && was.front.reason == now.front.reason
}

/// Whether kind details keep what other pages and files depend on: a
/// campaign's tag; a disclosure's number and attachments. Dates and notice
/// periods only show on the page itself.
fn same_links(was: &Details, now: &Details) -> bool {
    match (was, now) {
        (Details::Plain, Details::Plain) => true,
        (Details::Campaign(a), Details::Campaign(b)) => a.tag == b.tag,
        (Details::Disclosure(a), Details::Disclosure(b)) => {
            a.number == b.number && a.attachments == b.attachments
        }
        _ => false,
    }
}

/// Sections built again against the previous model's: equal in everything
/// but their page lists (which the new ones do not have yet).
fn same_sections(fresh: &[Section], previous: &[Section]) -> bool {
    fresh.len() == previous.len()
        && fresh
            .iter()
            .zip(previous)
            .all(|(a, b)| section_key(a) == section_key(b))
}

type SectionKey<'a> = (
    (
        &'a Option<std::path::PathBuf>,
        &'a std::path::Path,
        &'a str,
        &'a str,
    ),
    (
        crate::frontmatter::kind::Kind,
        i64,
        usize,
        &'a str,
        &'a str,
        Option<&'a str>,
    ),
    (Option<usize>, &'a [usize]),
);

fn section_key(s: &Section) -> SectionKey<'_> {
    (
        (&s.source, &s.dir, &s.path, &s.title),
        (
            s.kind,
            s.weight,
            s.paginate,
            s.content_html.as_str(),
            s.summary_html.as_str(),
            s.template.as_deref(),
        ),
        (s.parent, &s.subsections),
    )
}
