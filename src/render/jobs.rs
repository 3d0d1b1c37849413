//! Render jobs: one per output file. What a job is, where it writes
//! ([`Job::output_path`]), which jobs a site has, and a job made ready to
//! render ([`Prepared`]).

use std::collections::BTreeMap;
use std::path::PathBuf;

use minijinja::Value;

use crate::diag::Diagnostic;
use crate::model::{Site, pager_path, pager_paths};

use super::engine::Renderer;
use super::urls::index_file;
use super::{OutputFile, PHOTOS_PATH};

/// One output file to render.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Job {
    Page(usize),
    Listing {
        section: usize,
        index: usize,
    },
    TermList(usize),
    TermPage {
        taxonomy: usize,
        term: usize,
        index: usize,
    },
    Archive(usize),
    Search,
    Photos,
    NotFound,
}

impl Job {
    /// The output file the job writes, relative to the output folder. The one
    /// place that knows it: the job itself, serve's bookkeeping and the
    /// incremental renderer all ask here.
    pub(super) fn output_path(&self, site: &Site) -> String {
        match *self {
            Job::Page(i) => index_file(&site.pages[i].path),
            Job::Listing { section, index } => {
                index_file(&pager_path(&site.sections[section].path, index))
            }
            Job::TermList(t) => index_file(&site.taxonomies[t].path),
            Job::TermPage {
                taxonomy,
                term,
                index,
            } => index_file(&pager_path(
                &site.taxonomies[taxonomy].terms[term].path,
                index,
            )),
            Job::Archive(a) => index_file(&site.archives[a].path),
            Job::Search => "search/index.html".to_string(),
            Job::Photos => index_file(PHOTOS_PATH),
            Job::NotFound => "404.html".to_string(),
        }
    }
}

/// One job per output file; the same for two sites of one shape (and the same
/// `with_photos`).
pub(super) fn jobs(site: &Site, with_photos: bool) -> Vec<Job> {
    let mut jobs = Vec::new();
    jobs.extend((0..site.pages.len()).map(Job::Page));
    for (s, section) in site.sections.iter().enumerate() {
        let count = section.pager_paths().len();
        jobs.extend((0..count).map(|index| Job::Listing { section: s, index }));
    }
    for (t, taxonomy) in site.taxonomies.iter().enumerate() {
        jobs.push(Job::TermList(t));
        for (term_index, term) in taxonomy.terms.iter().enumerate() {
            let count = pager_paths(&term.path, term.pages.len(), site.config.paginate).len();
            jobs.extend((0..count).map(|index| Job::TermPage {
                taxonomy: t,
                term: term_index,
                index,
            }));
        }
    }
    jobs.extend((0..site.archives.len()).map(Job::Archive));
    if site.config.search {
        jobs.push(Job::Search);
    }
    if with_photos {
        jobs.push(Job::Photos);
    }
    jobs.push(Job::NotFound);
    jobs
}

/// A job ready to render: the template and everything it sees.
pub(super) struct Prepared {
    pub(super) path: String,
    pub(super) template: String,
    pub(super) ctx: Value,
    /// The page's source file, named when its template fails.
    pub(super) source: Option<PathBuf>,
}

impl Prepared {
    pub(super) fn render(self, renderer: &Renderer<'_>) -> Result<OutputFile, Diagnostic> {
        let html = renderer
            .render(&self.template, self.ctx)
            .map_err(|d| match &self.source {
                Some(source) => d.help(format!("while rendering {}", source.display())),
                None => d,
            })?;
        Ok(OutputFile {
            path: self.path,
            bytes: html.into_bytes(),
        })
    }

    /// What the output depends on, hashed: the same fingerprint under the same
    /// templates means the same bytes.
    pub(super) fn fingerprint(&self) -> u64 {
        use std::hash::{Hash, Hasher};
        let mut hasher = std::hash::DefaultHasher::new();
        self.template.hash(&mut hasher);
        self.ctx.hash(&mut hasher);
        hasher.finish()
    }
}

pub(super) fn taxonomy_title(name: &str, strings: &BTreeMap<&'static str, String>) -> String {
    if name == "tags" {
        strings
            .get("tags")
            .cloned()
            .unwrap_or_else(|| "tags".to_string())
    } else {
        name.to_string()
    }
}
