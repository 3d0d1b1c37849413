//! What a render job reads of the site, noted as it reads.
//!
//! Views reach the model only through [`SiteReads`]: every accessor notes the
//! part of the site it hands out. What a job depends on is therefore whatever
//! its code read, never a second list kept by hand; `serve` compares those
//! parts between two models (`rebuild::changes`) and prepares again only the
//! jobs that read a part that moved. A plain `build` records nothing.
//!
//! An accessor that hands out a whole struct (`page`, `section`, `taxonomy`)
//! covers every field of it, so a view may read any of them. Where that would
//! make too many jobs depend on a big list, a narrower accessor hands out a
//! copy of what the view needs (`term_link`).

use std::cell::RefCell;
use std::sync::Arc;

use crate::config::Config;
use crate::images::ImageSet;
use crate::model::taxonomy::Term;
use crate::model::taxonomy::term_key_of;
use crate::model::{Archive, Page, Section, Site, Taxonomy};

/// One part of the site a view read. Indexes are those of the site rendered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum Read {
    /// A page: its parse and expanded body, URL, section, neighbours, kind
    /// details and status at the build clock.
    Page(u32),
    /// A page's related list.
    Related(u32),
    /// A section: its fields and its list of pages.
    Section(u32),
    /// A term's name and URL.
    Term(u16, u32),
    /// A term's list of pages.
    TermPages(u16, u32),
    /// A taxonomy: its terms and their pages.
    Taxonomy(u16),
    /// A disclosure archive and its pages.
    Archive(u32),
    /// Which archives there are.
    Archives,
    /// Which pages there are, newest first.
    AllPages,
    /// Which notices correct which.
    Corrections,
    /// Files beside the pages and processed pictures.
    Files,
}

/// Shortcode output of the pages that call shortcodes, by page index: what the
/// shortcode stage made, kept beside the model instead of written into it.
#[derive(Debug, Clone, Default)]
pub struct Expanded {
    pub pages: Vec<Option<Arc<ExpandedBody>>>,
    /// Sections' introductions: `(content_html, summary_html)` by section.
    pub sections: Vec<Option<(String, String)>>,
}

/// A page's HTML with its shortcodes and content links filled in.
#[derive(Debug, Clone)]
pub struct ExpandedBody {
    pub html: String,
    pub summary_html: String,
    /// Problems expanding them (a missing file, a template error).
    pub notes: Vec<crate::diag::Diagnostic>,
    /// What each content link (`a.md`) of the body shows, by link index
    /// (`None` for other links): an expansion is reused only while they stay.
    pub link_urls: Vec<Option<String>>,
}

impl ExpandedBody {
    /// Whether two expansions show the same.
    pub fn shows_as(&self, other: &ExpandedBody) -> bool {
        self.html == other.html && self.summary_html == other.summary_html
    }
}

/// The site as views see it, noting what they read.
pub(crate) struct SiteReads<'s> {
    site: &'s Site,
    images: &'s ImageSet,
    expanded: &'s Expanded,
    log: Option<RefCell<Vec<Read>>>,
}

/// A term as a link: what a page or a card shows of its terms.
pub(crate) struct TermRef<'s> {
    pub name: &'s str,
    pub path: &'s str,
}

impl<'s> SiteReads<'s> {
    pub(crate) fn new(
        site: &'s Site,
        images: &'s ImageSet,
        expanded: &'s Expanded,
        record: bool,
    ) -> SiteReads<'s> {
        SiteReads {
            site,
            images,
            expanded,
            log: record.then(|| RefCell::new(Vec::new())),
        }
    }

    /// Another reader of the same site with a log of its own.
    pub(crate) fn fork(&self) -> SiteReads<'s> {
        SiteReads::new(self.site, self.images, self.expanded, self.log.is_some())
    }

    fn note(&self, read: Read) {
        if let Some(log) = &self.log {
            log.borrow_mut().push(read);
        }
    }

    /// Notes reads made elsewhere (a card built for another job) as this one's.
    pub(crate) fn note_all(&self, reads: &[Read]) {
        if let Some(log) = &self.log {
            log.borrow_mut().extend_from_slice(reads);
        }
    }

    /// What was read, sorted, without repeats.
    pub(crate) fn into_reads(self) -> Vec<Read> {
        let mut reads = self.log.map(RefCell::into_inner).unwrap_or_default();
        reads.sort_unstable();
        reads.dedup();
        reads
    }

    /// `site.yaml` as resolved. Not noted: a new `site.yaml` starts every
    /// rebuild afresh.
    pub(crate) fn config(&self) -> &'s Config {
        &self.site.config
    }

    pub(crate) fn page(&self, p: usize) -> &'s Page {
        self.note(Read::Page(p as u32));
        &self.site.pages[p]
    }

    /// The page's Markdown as shown: shortcodes filled in where it has any.
    pub(crate) fn body(&self, p: usize) -> Body<'s> {
        let page = self.page(p);
        match self.expanded.pages.get(p).and_then(Option::as_ref) {
            Some(e) => Body {
                html: std::borrow::Cow::Borrowed(&e.html),
                summary_html: &e.summary_html,
            },
            None => Body {
                html: page.parsed.body.html(),
                summary_html: &page.parsed.summary_html,
            },
        }
    }

    /// The page's summary as shown, without reading the rest of its body
    /// (which may wait on disk).
    pub(crate) fn summary_html(&self, p: usize) -> &'s str {
        let page = self.page(p);
        match self.expanded.pages.get(p).and_then(Option::as_ref) {
            Some(e) => &e.summary_html,
            None => &page.parsed.summary_html,
        }
    }

    /// All pages, newest first.
    pub(crate) fn by_date(&self) -> &'s [usize] {
        self.note(Read::AllPages);
        &self.site.by_date
    }

    pub(crate) fn related(&self, p: usize) -> &'s [usize] {
        self.note(Read::Related(p as u32));
        &self.site.related[p]
    }

    pub(crate) fn section(&self, s: usize) -> &'s Section {
        self.note(Read::Section(s as u32));
        &self.site.sections[s]
    }

    /// A section's introduction as shown: `(content_html, summary_html)`.
    pub(crate) fn section_text(&self, s: usize) -> (&'s str, &'s str) {
        let section = self.section(s);
        match self.expanded.sections.get(s).and_then(Option::as_ref) {
            Some((content, summary)) => (content, summary),
            None => (&section.content_html, &section.summary_html),
        }
    }

    pub(crate) fn taxonomy_count(&self) -> usize {
        self.site.taxonomies.len()
    }

    /// A taxonomy with all its terms and their pages.
    pub(crate) fn taxonomy(&self, t: usize) -> &'s Taxonomy {
        self.note(Read::Taxonomy(t as u16));
        &self.site.taxonomies[t]
    }

    /// A taxonomy's name and URL path, which only `site.yaml` sets.
    pub(crate) fn taxonomy_name(&self, t: usize) -> (&'s str, &'s str) {
        let tax = &self.site.taxonomies[t];
        (&tax.name, &tax.path)
    }

    fn taxonomy_index(&self, name: &str) -> Option<usize> {
        self.site.taxonomies.iter().position(|t| t.name == name)
    }

    /// The term `name` of taxonomy `taxonomy` as a link.
    pub(crate) fn term_link(&self, taxonomy: &str, name: &str) -> Option<TermRef<'s>> {
        let t = self.taxonomy_index(taxonomy)?;
        let tax = &self.site.taxonomies[t];
        match tax.index.get(term_key_of(name).as_ref()) {
            Some(&k) => {
                self.note(Read::Term(t as u16, k as u32));
                let term = &tax.terms[k];
                Some(TermRef {
                    name: &term.name,
                    path: &term.path,
                })
            }
            None => {
                // Whether a term exists is a fact about the whole taxonomy.
                self.note(Read::Taxonomy(t as u16));
                None
            }
        }
    }

    /// The term `name` with its pages.
    pub(crate) fn term_by_name(&self, taxonomy: &str, name: &str) -> Option<&'s Term> {
        let t = self.taxonomy_index(taxonomy)?;
        let tax = &self.site.taxonomies[t];
        match tax.index.get(term_key_of(name).as_ref()) {
            Some(&k) => {
                self.note(Read::Term(t as u16, k as u32));
                self.note(Read::TermPages(t as u16, k as u32));
                Some(&tax.terms[k])
            }
            None => {
                self.note(Read::Taxonomy(t as u16));
                None
            }
        }
    }

    /// Term `k` of taxonomy `t`, with its pages.
    pub(crate) fn term(&self, t: usize, k: usize) -> &'s Term {
        self.note(Read::Term(t as u16, k as u32));
        self.note(Read::TermPages(t as u16, k as u32));
        &self.site.taxonomies[t].terms[k]
    }

    pub(crate) fn archive(&self, a: usize) -> &'s Archive {
        self.note(Read::Archive(a as u32));
        &self.site.archives[a]
    }

    /// The archives of section `s`, by index.
    pub(crate) fn archives_of(&self, s: usize) -> Vec<usize> {
        self.note(Read::Archives);
        (self.site.archives.iter().enumerate())
            .filter(|(_, a)| a.section == s)
            .map(|(a, _)| a)
            .collect()
    }

    /// The notice that page `p` corrects.
    pub(crate) fn corrects(&self, p: usize) -> Option<usize> {
        self.note(Read::Corrections);
        self.site.corrects.get(&p).copied()
    }

    /// The corrections of page `p`.
    pub(crate) fn corrected_by(&self, p: usize) -> Vec<usize> {
        self.note(Read::Corrections);
        (self.site.corrects.iter())
            .filter(|&(_, &original)| original == p)
            .map(|(&c, _)| c)
            .collect()
    }

    /// The processed pictures, and the site with the files beside its pages
    /// (for the gallery and file look-ups, which read `Site::assets`).
    pub(crate) fn files(&self) -> (&'s Site, &'s ImageSet) {
        self.note(Read::Files);
        (self.site, self.images)
    }
}

/// A page's Markdown as shown.
pub(crate) struct Body<'s> {
    pub html: std::borrow::Cow<'s, str>,
    pub summary_html: &'s str,
}
