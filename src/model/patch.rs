//! Patching the previous model after an edit that moved nothing, for `serve`.
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
use std::sync::atomic::{AtomicU64, Ordering};

use super::kinds::{self, Details};
use super::{
    ModelOptions, Page, Section, Site, alias_files, build_sections, listing_order, page_slug,
    previous_places,
};
use crate::config::Config;
use crate::diag::Report;
use crate::parse::{ParsedPage, ParsedSite};

/// More edited pages than this at once (a search-and-replace over the site) are
/// cheaper to build in full than to check one by one.
pub(super) const MAX_PATCHED: usize = 64;

/// A shape no other site has.
pub(super) fn new_shape() -> u64 {
    static NEXT: AtomicU64 = AtomicU64::new(1);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

/// The previous model with the edited pages put in, if the edit moved nothing;
/// `previous` must come from the same `site.yaml`, and only Markdown may have
/// changed since (see [`ModelOptions::patchable`]).
pub(super) fn patch(
    previous: &Site,
    config: &Config,
    parsed: &ParsedSite,
    options: &ModelOptions<'_>,
    report: &mut Report,
) -> Option<Site> {
    let pages_in: Vec<&Arc<ParsedPage>> = parsed
        .pages
        .iter()
        .filter(|p| options.drafts || !p.draft)
        .collect();
    if pages_in.len() != previous.pages.len() {
        return None;
    }

    // Pair each page with the previous one of the same file (both lists hold
    // distinct files, and as many: pairing all is a one-to-one match).
    let mut edited: Vec<(usize, &Arc<ParsedPage>)> = Vec::new();
    for (&page, at) in pages_in.iter().zip(previous_places(&pages_in, previous)) {
        let at = at?;
        if !Arc::ptr_eq(&previous.pages[at].origin, page) {
            edited.push((at, page));
            if edited.len() > MAX_PATCHED {
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
    // Shortcodes are expanded after the model is built: start again from the
    // parse, as a full build does.
    let mut pages = previous.pages.clone();
    for page in &mut pages {
        if !Arc::ptr_eq(&page.parsed, &page.origin) {
            Arc::make_mut(page).parsed = page.origin.clone();
        }
    }
    for &(at, page) in &edited {
        let was = &previous.pages[at];
        let mut local = Report::new();
        let details = kinds::page_details(page, &kind_context, &mut local)?;
        let slug = page_slug(page, config.slugs, &mut local);
        let aliases = alias_files(page, &mut local);
        let stays = !local.has_errors()
            && slug == was.slug
            && aliases == was.aliases
            && stands_where_it_was(&was.origin, page)
            && same_links(&was.details, &details);
        if !stays {
            return None;
        }
        pages[at] = Arc::new(Page {
            parsed: page.clone(),
            origin: page.clone(),
            details,
            notes: local.into_vec(),
            ..Page::clone(was)
        });
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

    for page in &pages {
        report.extend(page.notes.iter().cloned());
    }
    report.extend(previous.notes.iter().cloned());
    Some(Site {
        config: config.clone(),
        pages,
        ..previous.clone_without_pages()
    })
}

/// Whether an edited page keeps everything the model files it under: its
/// section, date, kind, terms, category and correction link.
fn stands_where_it_was(was: &ParsedPage, now: &ParsedPage) -> bool {
    was.path == now.path
        && was.section_dir == now.section_dir
        && was.bundle_dir == now.bundle_dir
        && was.date == now.date
        && was.kind == now.kind
        && was.draft == now.draft
        && was.taxonomies == now.taxonomies
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
    (super::Kind, i64, usize, &'a str, &'a str, Option<&'a str>),
    (Option<usize>, &'a [usize]),
);

fn section_key(s: &Section) -> SectionKey<'_> {
    // An introduction with shortcodes is compared as written: the previous
    // model's `content_html` has their output in it.
    let (html, summary) = match &s.intro {
        Some(intro) => (intro.body.html.as_str(), ""),
        None => (s.content_html.as_str(), s.summary_html.as_str()),
    };
    (
        (&s.source, &s.dir, &s.path, &s.title),
        (
            s.kind,
            s.weight,
            s.paginate,
            html,
            summary,
            s.template.as_deref(),
        ),
        (s.parent, &s.subsections),
    )
}

impl Site {
    /// A copy sharing nothing with `self`, with an empty page list.
    fn clone_without_pages(&self) -> Site {
        Site {
            config: self.config.clone(),
            sections: self.sections.clone(),
            pages: Vec::new(),
            taxonomies: self.taxonomies.clone(),
            assets: self.assets.clone(),
            related: self.related.clone(),
            related_key: self.related_key,
            corrects: self.corrects.clone(),
            archives: self.archives.clone(),
            by_date: self.by_date.clone(),
            rank: self.rank.clone(),
            notes: self.notes.clone(),
            shape: self.shape,
        }
    }
}

#[cfg(test)]
mod tests {
    use std::path::{Path, PathBuf};
    use std::sync::Arc;

    use crate::build::{self, BuildOptions, Caches};
    use crate::diag::Report;
    use crate::model::Site;

    /// The demo site (content and site.yaml) in a folder of its own.
    fn demo_copy() -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
        std::fs::copy(repo.join("site.yaml"), dir.path().join("site.yaml")).unwrap();
        for entry in walkdir::WalkDir::new(repo.join("content")) {
            let entry = entry.unwrap();
            let to = dir.path().join(entry.path().strip_prefix(repo).unwrap());
            if entry.file_type().is_dir() {
                std::fs::create_dir_all(&to).unwrap();
            } else {
                std::fs::copy(entry.path(), &to).unwrap();
            }
        }
        dir
    }

    fn options(root: &Path) -> BuildOptions {
        BuildOptions {
            root: root.to_path_buf(),
            drafts: true,
            now: Some("2026-06-10T09:00:00+08:00".into()),
            ..BuildOptions::default()
        }
    }

    fn load(options: &BuildOptions, caches: Option<&mut Caches>) -> (Site, Vec<String>) {
        let mut report = Report::new();
        let loaded = build::load_site(options, &mut Vec::new(), &mut report, caches)
            .expect("the site loads");
        let notes = report
            .sorted()
            .iter()
            .map(|d| d.render(crate::config::Language::En))
            .collect();
        (loaded.site, notes)
    }

    /// Everything in the model but its shape number.
    fn shown(site: &Site) -> String {
        let mut site = site.clone();
        site.shape = 0;
        format!("{site:#?}")
    }

    struct Editor {
        dir: tempfile::TempDir,
        caches: Caches,
    }

    impl Editor {
        fn new() -> Editor {
            let dir = demo_copy();
            let mut caches = Caches::default();
            let (site, _) = load(&options(dir.path()), Some(&mut caches));
            caches.site = Some(Arc::new(site));
            Editor { dir, caches }
        }

        /// Saves `file` changed by `edit`, builds with the caches (as `serve`
        /// does) and from scratch, checks both models and their problems are
        /// the same, and tells whether the previous model was patched.
        fn save(&mut self, file: &str, edit: impl Fn(&str) -> String) -> bool {
            let path = self.dir.path().join(file);
            let text = std::fs::read_to_string(&path).unwrap();
            let changed = edit(&text);
            assert_ne!(text, changed, "the edit of {file} changes nothing");
            std::fs::write(&path, changed).unwrap();
            let rel = PathBuf::from(file);
            self.caches.read.forget(&rel);
            self.caches.changed = Some(vec![rel]);
            self.caches.patchable = true;
            let before = self.caches.site.as_ref().unwrap().shape;
            let options = options(self.dir.path());
            let (patched, notes) = load(&options, Some(&mut self.caches));
            let (full, full_notes) = load(&options, None);
            assert_eq!(shown(&patched), shown(&full), "model after editing {file}");
            assert_eq!(notes, full_notes, "problems after editing {file}");
            let was_patched = patched.shape == before;
            self.caches.site = Some(Arc::new(patched));
            was_patched
        }
    }

    const NEWS: &str = "content/news/2026-03-09-womens-day.md";
    const DISCLOSURE: &str = "content/disclosures/2026-q1-union-funds.md";
    const CAMPAIGN: &str = "content/campaigns/safety-month-2026.md";

    #[test]
    fn patched_model_equals_a_full_build_for_edits_that_move_nothing() {
        let mut editor = Editor::new();
        assert!(editor.save(NEWS, |t| t.replace("1870名", "1871名")));
        assert!(editor.save(NEWS, |t| {
            t.replace("三八节系列活动\n", "三八节系列活动（更新）\n")
        }));
        assert!(editor.save(DISCLOSURE, |t| {
            t.replace("接受全体会员监督", "欢迎全体会员监督")
        }));
        assert!(editor.save(DISCLOSURE, |t| t.replace("days: 5", "days: 7")));
        assert!(editor.save(CAMPAIGN, |t| {
            t.replace("end: 2026-06-30", "end: 2026-07-05")
        }));
    }

    #[test]
    fn edits_that_move_a_page_build_the_model_in_full() {
        let mut editor = Editor::new();
        assert!(!editor.save(NEWS, |t| t.replace("date: 2026-03-09", "date: 2026-03-10")));
        assert!(!editor.save(NEWS, |t| t.replace("女职工, 职工之家", "女职工")));
        assert!(!editor.save(NEWS, |t| t.replace("---\n\n", "slug: womens-day\n---\n\n")));
        assert!(!editor.save(DISCLOSURE, |t| t.replace("〔2026〕12号", "〔2026〕13号")));
        assert!(!editor.save(DISCLOSURE, |t| {
            t.replace("category: 财务公开", "category: 福利")
        }));
        assert!(!editor.save(CAMPAIGN, |t| {
            t.replace("tags: [安全生产, 安康杯]", "tags: [安康杯, 安全生产]")
        }));
        assert!(!editor.save("content/news/_index.md", |t| format!("{t}\n栏目说明。\n")));
        // A draft flag is kept in the model: drafts show in `serve`.
        assert!(!editor.save(NEWS, |t| t.replace("---\n\n", "draft: true\n---\n\n")));
        // A page that fails leaves the model to the full build, which reports it.
        let path = editor.dir.path().join(NEWS);
        let text = std::fs::read_to_string(&path).unwrap();
        std::fs::write(&path, text.replace("date: 2026-03-10", "date: 2026-13-40")).unwrap();
        editor.caches.read.forget(Path::new(NEWS));
        editor.caches.changed = Some(vec![NEWS.into()]);
        editor.caches.patchable = true;
        let mut report = Report::new();
        let _ = build::load_site(
            &options(editor.dir.path()),
            &mut Vec::new(),
            &mut report,
            Some(&mut editor.caches),
        );
        assert!(report.has_errors());
    }

    #[test]
    fn a_title_that_reorders_pages_of_one_date_is_not_patched() {
        let mut editor = Editor::new();
        let news = editor.dir.path().join("content/news");
        for (name, title) in [
            ("same-a.md", "乙"),
            ("same-b.md", "丙"),
            ("same-c.md", "丁"),
        ] {
            std::fs::write(
                news.join(name),
                format!("---\ntitle: {title}\ndate: 2026-04-01\n---\n\n正文。\n"),
            )
            .unwrap();
        }
        // New files: a full build.
        assert!(!editor.save("content/news/same-a.md", |t| t.replace("正文", "正文二")));
        // Between its neighbours (乙 < 丙 < 丁 by code point): patched.
        assert!(editor.save("content/news/same-b.md", |t| {
            t.replace("title: 丙", "title: 丙二")
        }));
        // Past a neighbour: the order moves.
        assert!(!editor.save("content/news/same-b.md", |t| {
            t.replace("title: 丙二", "title: 一")
        }));
    }
}
