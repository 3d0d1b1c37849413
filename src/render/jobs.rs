//! Render jobs: one per output file, each prepared (its template and the
//! values it sees) and then rendered.
//!
//! A job sees the site only through [`SiteReads`], so preparing it also tells
//! what it read; `serve` keeps that with the job's fingerprint (a hash of its
//! template and values) to skip, next time, the jobs whose reads did not move
//! and the renders whose fingerprint stayed.

use rayon::prelude::*;

use super::OutputFile;
use super::reads::{Read, SiteReads};
use super::shared::{Prepared, Shared};
use super::urls::{PHOTOS_PATH, index_file};
use super::{listings, page};
use crate::diag::{Diagnostic, Report};
use crate::model::{Site, pager_count, pager_path};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Job {
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
    /// The file this job writes, relative to the output folder.
    pub(crate) fn output_path(&self, site: &Site) -> String {
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

/// One job per output file.
pub(crate) fn plan(shared: &Shared<'_>) -> Vec<Job> {
    let site = shared.input.site;
    let mut jobs = Vec::new();
    jobs.extend((0..site.pages.len()).map(Job::Page));
    for (s, section) in site.sections.iter().enumerate() {
        let count = section.pager_count();
        jobs.extend((0..count).map(|index| Job::Listing { section: s, index }));
    }
    for (t, taxonomy) in site.taxonomies.iter().enumerate() {
        jobs.push(Job::TermList(t));
        for (term_index, term) in taxonomy.terms.iter().enumerate() {
            let count = pager_count(term.pages.len(), site.config.paginate);
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
    if shared.with_photos {
        jobs.push(Job::Photos);
    }
    jobs.push(Job::NotFound);
    jobs
}

fn prepare(shared: &Shared<'_>, r: &SiteReads<'_>, job: Job) -> Result<Prepared, Diagnostic> {
    match job {
        Job::Page(i) => page::prepare_page(shared, r, i),
        Job::Listing { section, index } => listings::prepare_listing(shared, r, section, index),
        Job::TermList(t) => listings::prepare_term_list(shared, r, t),
        Job::TermPage {
            taxonomy,
            term,
            index,
        } => listings::prepare_term_page(shared, r, taxonomy, term, index),
        Job::Archive(a) => listings::prepare_archive(shared, r, a),
        Job::Search => listings::prepare_search(shared, r),
        Job::Photos => listings::prepare_photos(shared, r),
        Job::NotFound => Ok(listings::prepare_not_found(shared, r)),
    }
}

/// One job done: its fingerprint, what it read (when reads are noted), and
/// its file unless the fingerprint was the one it had.
pub(crate) struct Done {
    pub job: usize,
    pub fingerprint: u64,
    pub reads: Vec<Read>,
    pub file: Option<OutputFile>,
}

/// Prepares `wanted` jobs — `(job index, fingerprint it had)` — in parallel,
/// rendering those whose fingerprint moved. Failed jobs go to `report`.
pub(crate) fn run_jobs(
    shared: &Shared<'_>,
    jobs: &[Job],
    wanted: &[(usize, Option<u64>)],
    report: &mut Report,
) -> Vec<Done> {
    let finished = std::sync::atomic::AtomicUsize::new(0);
    let tell = |_: &Result<Done, Diagnostic>| {
        if let Some(progress) = shared.input.progress {
            let done = finished.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1;
            (progress.0)(done, wanted.len());
        }
    };
    let results: Vec<Result<Done, Diagnostic>> = wanted
        .par_iter()
        .map(|&(j, old)| {
            let r = shared.reader();
            let prepared = prepare(shared, &r, jobs[j])?;
            // A fingerprint is only worth its cost (hashing every value the
            // template sees) when a render before this one or after it will
            // compare with it: a one-off build renders every job anyway.
            let fingerprint = match (old, shared.prints) {
                (None, false) => 0,
                _ => prepared.fingerprint(),
            };
            // The same fingerprint, the same file: a sink keeps the one the
            // output has, if it still can.
            let same = old == Some(fingerprint)
                && shared
                    .input
                    .sink
                    .is_none_or(|sink| sink.keep(&prepared.path));
            let file = if same {
                None
            } else {
                let file = prepared.render(shared.input.renderer)?;
                match shared.input.sink {
                    Some(sink) => {
                        sink.put(shared.input.site, file)?;
                        None
                    }
                    None => Some(file),
                }
            };
            Ok(Done {
                job: j,
                fingerprint,
                reads: r.into_reads(),
                file,
            })
        })
        .inspect(tell)
        .collect();
    let mut done = Vec::with_capacity(results.len());
    for result in results {
        match result {
            Ok(d) => done.push(d),
            Err(d) => report.push(d),
        }
    }
    done
}
