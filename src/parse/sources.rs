//! The whole site's sources parsed: section introductions first (their kinds
//! are their pages'), then every page in parallel, with `serve`'s cache of
//! unchanged pages or, for a build that keeps nothing, letting each text go
//! once it is parsed.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;

use super::{Ctx, ParsedPage, ParsedSite, parse_page, parse_section};
use crate::config::Config;
use crate::diag::{Diagnostic, Report};
use crate::frontmatter::kind::Kind;
use crate::load::{MarkdownSource, Role, Sources};
use crate::markdown::aside::Aside;
use crate::markdown::store::Store;

/// Where a build that keeps nothing puts page bodies until they are
/// rendered, and the cache of earlier builds' bodies.
#[derive(Clone, Copy, Default)]
pub struct Bodies<'a> {
    pub aside: Option<&'a Arc<Aside>>,
    pub store: Option<&'a Store>,
}

/// Pages parsed by an earlier run, kept by `serve`: a page whose text and section
/// kind are unchanged is reused, with the problems it had, instead of parsed
/// again. Valid for one `site.yaml`; a config change starts a new cache.
#[derive(Default)]
pub struct ParseCache {
    entries: HashMap<PathBuf, CachedPage>,
    /// Pages inherit their kind from sections, and shortcodes come from
    /// templates: a change to either invalidates all.
    section_kinds: BTreeMap<PathBuf, Kind>,
    shortcodes: std::collections::BTreeSet<String>,
}

/// One page's parse, its problems, and whether it was parsed (not reused).
type Parsed = (Option<Arc<ParsedPage>>, Arc<[Diagnostic]>, bool);

struct CachedPage {
    text: Arc<str>,
    page: Option<Arc<ParsedPage>>,
    /// Shared with the results of the parses that reuse it: a site with a
    /// warning on every page reports them all on every save.
    problems: Arc<[Diagnostic]>,
}

/// Names of the shortcodes the templates define: `shortcodes/NAME.html`.
pub fn shortcode_names(sources: &Sources) -> std::collections::BTreeSet<String> {
    sources
        .templates
        .keys()
        .filter_map(|name| name.strip_prefix("shortcodes/")?.strip_suffix(".html"))
        .filter(|name| !name.contains('/'))
        .map(str::to_string)
        .collect()
}

pub fn parse_sources(sources: &Sources, config: &Config, report: &mut Report) -> ParsedSite {
    parse_sources_cached(sources, config, None, report).0
}

/// Parses every source; with a cache, only those that changed since it was
/// filled. Returns the site and how many pages were parsed (not reused).
pub fn parse_sources_cached(
    sources: &Sources,
    config: &Config,
    mut cache: Option<&mut ParseCache>,
    report: &mut Report,
) -> (ParsedSite, usize) {
    let mut site = ParsedSite::default();
    let ctx = Ctx::new(config, sources);
    let section_kinds = parse_sections(sources, &ctx, &mut site, report);

    if let Some(cache) = cache.as_deref_mut()
        && (cache.section_kinds != section_kinds || cache.shortcodes != ctx.shortcodes)
    {
        cache.entries.clear();
        cache.section_kinds = section_kinds.clone();
        cache.shortcodes = ctx.shortcodes.clone();
    }
    let old = cache.as_deref();
    let results: Vec<Parsed> = sources
        .markdown
        .par_iter()
        .filter(|s| s.role != Role::SectionIndex)
        .map(|source| {
            if let Some(hit) = old.and_then(|c| c.entries.get(&source.path))
                && (Arc::ptr_eq(&hit.text, &source.text) || hit.text == source.text)
            {
                return (hit.page.clone(), hit.problems.clone(), false);
            }
            let mut local = Report::new();
            let page = parse_page(source, &ctx, &section_kinds, &mut local).map(Arc::new);
            (page, Arc::from(local.into_vec()), true)
        })
        .collect();
    let mut parsed = 0;
    let mut count = 0;
    let page_sources = sources
        .markdown
        .iter()
        .filter(|s| s.role != Role::SectionIndex);
    for (source, (page, problems, was_parsed)) in page_sources.zip(results) {
        count += 1;
        parsed += usize::from(was_parsed);
        report.extend(problems.iter().cloned());
        if let Some(page) = &page {
            site.pages.push(page.clone());
        }
        // Only what was parsed changes the cache; reused entries stay put.
        if was_parsed && let Some(cache) = cache.as_deref_mut() {
            let entry = CachedPage {
                text: source.text.clone(),
                page,
                problems,
            };
            cache.entries.insert(source.path.clone(), entry);
        }
    }
    if let Some(cache) = cache
        && cache.entries.len() != count
    {
        // Files went away: drop their entries.
        let live: std::collections::HashSet<&Path> =
            sources.markdown.iter().map(|s| s.path.as_path()).collect();
        cache
            .entries
            .retain(|path, _| live.contains(path.as_path()));
    }
    (site, parsed)
}

/// Parses the section introductions (`_index.md`) into `site`; returns the
/// kind each section gives its pages, by folder.
fn parse_sections(
    sources: &Sources,
    ctx: &Ctx<'_>,
    site: &mut ParsedSite,
    report: &mut Report,
) -> BTreeMap<PathBuf, Kind> {
    for source in sources
        .markdown
        .iter()
        .filter(|s| s.role == Role::SectionIndex)
    {
        if let Some(section) = parse_section(source, ctx, report) {
            site.sections.push(section);
        }
    }
    site.sections
        .iter()
        .filter_map(|s| s.kind.map(|k| (s.dir.clone(), k)))
        .collect()
}

/// [`parse_sources`] for a build that keeps nothing: each page's text is
/// let go as soon as it is parsed, so that a big site never holds all its
/// Markdown and all its HTML at once. `sources` is left without Markdown.
///
/// With `aside`, each page's HTML goes there until the page is rendered;
/// with `store`, bodies rendered by earlier builds come from there, and the
/// HTML of the others goes there.
pub fn parse_sources_once(
    sources: &mut Sources,
    config: &Config,
    bodies: Bodies<'_>,
    report: &mut Report,
) -> ParsedSite {
    let Bodies { aside, store } = bodies;
    let mut site = ParsedSite::default();
    let ctx = Ctx::new(config, sources).with_store(store);
    let section_kinds = parse_sections(sources, &ctx, &mut site, report);
    // Pages the load read, then those it left for this stage to read; each
    // text goes when its page is parsed.
    let read = std::mem::take(&mut sources.markdown)
        .into_par_iter()
        .filter(|s| s.role != Role::SectionIndex)
        .map(|source| (Some(source), Report::new()));
    let unread = std::mem::take(&mut sources.unread)
        .into_par_iter()
        .map(|(path, role)| {
            let mut local = Report::new();
            let text = crate::load::read_page(&sources.root, &path, &mut local);
            let source = text.map(|text| MarkdownSource { path, role, text });
            (source, local)
        });
    let results: Vec<(Option<ParsedPage>, Vec<Diagnostic>)> = read
        .chain(unread)
        .map(|(source, mut local)| {
            let Some(source) = source else {
                return (None, local.into_vec());
            };
            let mut page = parse_page(&source, &ctx, &section_kinds, &mut local);
            // Where it cannot go aside, the body stays in memory.
            if let (Some(page), Some(aside)) = (&mut page, aside) {
                let _ = page.body.put_aside(aside);
            }
            (page, local.into_vec())
        })
        .collect();
    if let Some(store) = store {
        store.let_go();
    }
    for (page, problems) in results {
        report.extend(problems);
        site.pages.extend(page.map(Arc::new));
    }
    site
}
