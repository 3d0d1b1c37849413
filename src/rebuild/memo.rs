//! Rendering again after an edit: the jobs whose recorded reads moved.
//!
//! Each job of the last render left its fingerprint and what it read. A job
//! is prepared again when it is new, when what every page shows moved, or
//! when [`Changes`] says one of its reads moved; it is rendered again only
//! when its fingerprint moved too. The `incremental_render_equals_a_clean_build`
//! tests hold the result to a full render.

use std::collections::HashMap;
use std::sync::Arc;

use super::changes::Changes;
use crate::diag::Report;
use crate::render::{Job, OutputFile, Read, RenderInput, Shared, plan, run_jobs};

/// What a render leaves for the next one.
#[derive(Debug, Default)]
pub(crate) struct RenderMemo {
    pub(super) jobs: Vec<Job>,
    pub(super) paths: Arc<Vec<String>>,
    pub(super) index: Arc<HashMap<String, usize>>,
    /// Per job, the hash of what its template saw, and what it read.
    pub(super) prints: Vec<u64>,
    pub(super) reads: Vec<Arc<[Read]>>,
    /// Hash of what every page shows.
    pub(super) global: u64,
}

impl RenderMemo {
    /// Whether the last render produced `path`.
    pub(crate) fn contains(&self, path: &str) -> bool {
        self.index.contains_key(path)
    }
}

/// What [`render`] did.
pub(crate) struct Rerendered {
    /// Files whose fingerprint moved (all of them without a previous render).
    pub files: Vec<OutputFile>,
    /// Jobs prepared and fingerprinted.
    pub considered: usize,
    /// The same output paths as the previous render.
    pub same_paths: bool,
    pub memo: RenderMemo,
}

/// How much of a render is noted for the next one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Record {
    Nothing,
    /// What each job read; fingerprints only where a last render left one
    /// to compare with (a `build`, whose next build is a new process).
    Reads,
    /// And every job's fingerprint (`serve`).
    All,
}

/// A job kept (its place in the last render, its reads now), or to prepare
/// again (with the fingerprint it had, if any).
type Decided = Result<(usize, Arc<[Read]>), Option<u64>>;

/// Renders what differs from the render that left `last`; everything without
/// one. A job kept from `last` keeps its file through the input's sink, when
/// it has one (a `build`: the file the output already has).
pub(crate) fn render(
    input: RenderInput<'_>,
    last: Option<(&RenderMemo, &Changes)>,
    record: Record,
    report: &mut Report,
) -> Rerendered {
    let mut shared = Shared::new(input, record != Record::Nothing);
    shared.prints = record == Record::All;
    let jobs = plan(&shared);
    let global = shared.key();
    let site = input.site;
    // The same jobs of parts at the same paths write the same files: no need
    // to spell 10,000 paths out again to find so.
    let (paths, index, same_paths) = match last {
        Some((memo, changes)) if changes.same_paths() && memo.jobs == jobs => {
            (memo.paths.clone(), memo.index.clone(), true)
        }
        _ => {
            let paths: Vec<String> = jobs.iter().map(|j| j.output_path(site)).collect();
            match last {
                Some((memo, _)) if *memo.paths == paths => {
                    (memo.paths.clone(), memo.index.clone(), true)
                }
                _ => {
                    let index: HashMap<String, usize> = (paths.iter().enumerate())
                        .map(|(i, p)| (p.clone(), i))
                        .collect();
                    (Arc::new(paths), Arc::new(index), false)
                }
            }
        }
    };

    let mut prints = vec![0u64; jobs.len()];
    let mut reads: Vec<Arc<[Read]>> = vec![Arc::from([]); jobs.len()];
    let mut wanted: Vec<(usize, Option<u64>)> = Vec::new();
    match last {
        Some((memo, changes)) => {
            use rayon::prelude::*;
            // Each job on its own: a build's checks of the output's files
            // (a file system call each) go in parallel.
            let decided: Vec<Decided> = (0..jobs.len())
                .into_par_iter()
                .map(|j| {
                    let old = if same_paths {
                        Some(j)
                    } else {
                        memo.index.get(&paths[j]).copied()
                    };
                    let o = old.ok_or(None)?;
                    let was = &memo.reads[o];
                    let kept = (memo.global == global && !was.iter().any(|&r| changes.touches(r)))
                        .then(|| {
                            if changes.same_places() {
                                return Some(was.clone());
                            }
                            was.iter()
                                .map(|&r| changes.renumber(r))
                                .collect::<Option<Arc<[Read]>>>()
                        })
                        .flatten();
                    // A build's output must still hold the file (a kept job
                    // writes nothing): else it is rendered afresh.
                    kept.filter(|_| input.sink.is_none_or(|sink| sink.keep(&paths[j])))
                        .map(|now| (o, now))
                        .ok_or(Some(memo.prints[o]))
                })
                .collect();
            for (j, decided) in decided.into_iter().enumerate() {
                match decided {
                    Ok((o, now)) => {
                        prints[j] = memo.prints[o];
                        reads[j] = now;
                    }
                    Err(print) => wanted.push((j, print)),
                }
            }
        }
        None => wanted.extend((0..jobs.len()).map(|j| (j, None))),
    }

    let considered = wanted.len();
    let mut files = Vec::new();
    for done in run_jobs(&shared, &jobs, &wanted, report) {
        prints[done.job] = done.fingerprint;
        reads[done.job] = Arc::from(done.reads);
        files.extend(done.file);
    }
    Rerendered {
        files,
        considered,
        same_paths,
        memo: RenderMemo {
            jobs,
            paths,
            index,
            prints,
            reads,
            global,
        },
    }
}
