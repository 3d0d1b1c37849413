//! The last render of a `build`, kept in the cache for the next one.
//!
//! What `serve` holds in memory between saves — each job's output path,
//! fingerprint and reads, and the model's parts — a `build` writes to
//! `<cache_dir>/render-memo.bin` once its output is in place, and the next
//! build reads it back: a job whose reads did not move keeps the file the
//! output already has. Like the output manifest, it is only a hint: a
//! missing, damaged or foreign file means every job is rendered.
//!
//! The format is ours and simple: little-endian numbers, strings as a length
//! and UTF-8 bytes, and a [`crate::digest::quick_sum`] of it all at the end.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::RenderOutcome;
use super::digests::{Digests, PageDigest, TaxonomyDigest, TermDigest};
use super::memo::RenderMemo;
use crate::diag::Report;
use crate::load::Sources;
use crate::render::{Job, Read, RenderInput};

const MAGIC: &[u8; 8] = b"nbmemo01";

pub const FILE: &str = "render-memo.bin";

/// A render as the next build needs it: made under `key` (the program,
/// options, `site.yaml`, templates and the files beside the pages).
pub(crate) struct Saved {
    pub key: u64,
    pub digests: Digests,
    pub memo: RenderMemo,
}

impl Saved {
    /// The render saved at `file`, if it is whole.
    pub(crate) fn read(file: &Path) -> Option<Saved> {
        let bytes = std::fs::read(file).ok()?;
        let (body, sum) = bytes.split_at_checked(bytes.len().checked_sub(8)?)?;
        if crate::digest::quick_sum(body) != u64::from_le_bytes(sum.try_into().ok()?) {
            return None;
        }
        let mut r = Reader { bytes: body };
        (r.take(MAGIC.len())? == MAGIC).then_some(())?;
        let key = r.u64()?;
        let digests = read_digests(&mut r)?;
        let memo = read_memo(&mut r)?;
        r.bytes.is_empty().then_some(Saved { key, digests, memo })
    }

    /// Writes the render to `file` (beside it first, then renamed).
    pub(crate) fn write(&self, file: &Path) -> std::io::Result<()> {
        let mut w = Writer(Vec::with_capacity(1 << 20));
        w.0.extend_from_slice(MAGIC);
        w.u64(self.key);
        write_digests(&mut w, &self.digests);
        write_memo(&mut w, &self.memo);
        let sum = crate::digest::quick_sum(&w.0);
        w.u64(sum);
        if let Some(dir) = file.parent() {
            std::fs::create_dir_all(dir)?;
        }
        let tmp = file.with_extension(format!("tmp-{}", std::process::id()));
        std::fs::write(&tmp, &w.0)?;
        std::fs::rename(&tmp, file).inspect_err(|_| {
            let _ = std::fs::remove_file(&tmp);
        })
    }
}

/// Where a `build` keeps its render, and what it is made under.
pub(super) struct SavedAt {
    pub file: PathBuf,
    /// The program and the build's options.
    pub settings: u64,
    /// `site.yaml`, as read.
    pub config: u64,
    /// The stamps of every file beside the pages and in `static/`, the
    /// holiday calendar and the ledger: a render made with other files is
    /// not compared with.
    pub files: u64,
    pub made: Option<Saved>,
}

impl SavedAt {
    /// A build's render: compared with the one kept, when that was made
    /// under the same key, and kept for the next build.
    pub(super) fn render(
        &mut self,
        input: RenderInput<'_>,
        templates: u64,
        report: &mut Report,
    ) -> RenderOutcome {
        let key = digest_of((self.settings, self.config, self.files, templates));
        let digests = Digests::of(input.site, input.expanded, input.clock.now());
        let last = Saved::read(&self.file).filter(|last| last.key == key);
        // Files beside the pages are in the key: with a render kept, none moved.
        let changes = last
            .as_ref()
            .map(|last| last.digests.changes(&digests, false));
        let previous = last.as_ref().zip(changes.as_ref());
        let previous = previous.map(|(last, changes)| (&last.memo, changes));
        let done = super::memo::render(input, previous, super::memo::Record::Reads, report);
        let jobs = done.memo.jobs.len();
        self.made = Some(Saved {
            key,
            digests,
            memo: done.memo,
        });
        RenderOutcome {
            files: done.files,
            considered: done.considered,
            jobs,
            same_paths: done.same_paths,
        }
    }
}

pub(super) fn digest_of(value: impl std::hash::Hash) -> u64 {
    use std::hash::Hasher;
    let mut h = std::hash::DefaultHasher::new();
    value.hash(&mut h);
    h.finish()
}

/// The stamps of the files a render reads besides the pages: those beside
/// them and in `static/`, the holiday calendar and the ledger.
pub(super) fn files_key(sources: &Sources) -> u64 {
    use rayon::prelude::*;
    let root = &sources.root;
    let named = [crate::layout::HOLIDAYS_FILE, crate::layout::LEDGER_FILE];
    let stamps: Vec<Option<String>> = (sources.assets.iter())
        .chain(&sources.static_files)
        .map(|a| a.path.as_path())
        .chain(named.iter().map(Path::new))
        .collect::<Vec<_>>()
        .par_iter()
        .map(|path| super::inputs::stamp_line(&root.join(path)))
        .collect();
    digest_of(stamps)
}

struct Writer(Vec<u8>);

impl Writer {
    fn u8(&mut self, v: u8) {
        self.0.push(v);
    }
    fn u32(&mut self, v: u32) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }
    fn u64(&mut self, v: u64) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }
    fn len(&mut self, n: usize) {
        self.u32(u32::try_from(n).unwrap_or(u32::MAX));
    }
    fn str(&mut self, s: &str) {
        self.len(s.len());
        self.0.extend_from_slice(s.as_bytes());
    }
}

struct Reader<'a> {
    bytes: &'a [u8],
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let (head, rest) = self.bytes.split_at_checked(n)?;
        self.bytes = rest;
        Some(head)
    }
    fn u8(&mut self) -> Option<u8> {
        Some(self.take(1)?[0])
    }
    fn u32(&mut self) -> Option<u32> {
        Some(u32::from_le_bytes(self.take(4)?.try_into().ok()?))
    }
    fn u64(&mut self) -> Option<u64> {
        Some(u64::from_le_bytes(self.take(8)?.try_into().ok()?))
    }
    /// A count of items each at least `min` bytes long: never more than the
    /// bytes left could hold, so a damaged count allocates nothing big.
    fn len(&mut self, min: usize) -> Option<usize> {
        let n = self.u32()? as usize;
        (n.saturating_mul(min.max(1)) <= self.bytes.len()).then_some(n)
    }
    fn str(&mut self) -> Option<String> {
        let n = self.len(1)?;
        Some(crate::text::utf8(self.take(n)?)?.to_string())
    }
    fn list<T>(&mut self, min: usize, item: impl Fn(&mut Self) -> Option<T>) -> Option<Vec<T>> {
        let n = self.len(min)?;
        (0..n).map(|_| item(self)).collect()
    }
}

fn write_digests(w: &mut Writer, d: &Digests) {
    w.len(d.pages.len());
    for p in &d.pages {
        w.str(&p.source);
        w.str(&p.path);
        w.u64(p.shown);
        w.u64(p.related);
    }
    let pairs = |w: &mut Writer, list: &[(String, u64)]| {
        w.len(list.len());
        for (k, v) in list {
            w.str(k);
            w.u64(*v);
        }
    };
    pairs(w, &d.sections);
    w.len(d.taxonomies.len());
    for tax in &d.taxonomies {
        w.str(&tax.path);
        w.len(tax.terms.len());
        for term in &tax.terms {
            w.str(&term.path);
            w.u64(term.name);
            w.u64(term.pages);
        }
    }
    pairs(w, &d.archives);
    w.u64(d.archive_list);
    w.u64(d.all_pages);
    w.u64(d.corrections);
}

fn read_digests(r: &mut Reader<'_>) -> Option<Digests> {
    let pages = r.list(24, |r| {
        Some(PageDigest {
            source: r.str()?,
            path: r.str()?,
            shown: r.u64()?,
            related: r.u64()?,
        })
    })?;
    let pairs = |r: &mut Reader<'_>| r.list(12, |r| Some((r.str()?, r.u64()?)));
    let sections = pairs(r)?;
    let taxonomies = r.list(8, |r| {
        Some(TaxonomyDigest {
            path: r.str()?,
            terms: r.list(20, |r| {
                Some(TermDigest {
                    path: r.str()?,
                    name: r.u64()?,
                    pages: r.u64()?,
                })
            })?,
        })
    })?;
    let archives = pairs(r)?;
    Some(Digests {
        pages,
        sections,
        taxonomies,
        archives,
        archive_list: r.u64()?,
        all_pages: r.u64()?,
        corrections: r.u64()?,
    })
}

fn write_memo(w: &mut Writer, m: &RenderMemo) {
    w.u64(m.global);
    w.len(m.jobs.len());
    for (j, job) in m.jobs.iter().enumerate() {
        write_job(w, job);
        w.str(&m.paths[j]);
        w.u64(m.prints[j]);
        w.len(m.reads[j].len());
        for &read in m.reads[j].iter() {
            write_read(w, read);
        }
    }
}

fn read_memo(r: &mut Reader<'_>) -> Option<RenderMemo> {
    let global = r.u64()?;
    let count = r.len(17)?;
    let mut memo = RenderMemo {
        global,
        ..RenderMemo::default()
    };
    let mut paths = Vec::with_capacity(count);
    for _ in 0..count {
        memo.jobs.push(read_job(r)?);
        paths.push(r.str()?);
        memo.prints.push(r.u64()?);
        memo.reads.push(Arc::from(r.list(1, read_read)?));
    }
    let index = (paths.iter().enumerate())
        .map(|(i, p)| (p.clone(), i))
        .collect();
    memo.paths = Arc::new(paths);
    memo.index = Arc::new(index);
    Some(memo)
}

fn write_job(w: &mut Writer, job: &Job) {
    let n = |v: usize| u32::try_from(v).unwrap_or(u32::MAX);
    let (tag, a, b, c) = match *job {
        Job::Page(p) => (0, n(p), 0, 0),
        Job::Listing { section, index } => (1, n(section), n(index), 0),
        Job::TermList(t) => (2, n(t), 0, 0),
        Job::TermPage {
            taxonomy,
            term,
            index,
        } => (3, n(taxonomy), n(term), n(index)),
        Job::Archive(a) => (4, n(a), 0, 0),
        Job::Search => (5, 0, 0, 0),
        Job::Photos => (6, 0, 0, 0),
        Job::NotFound => (7, 0, 0, 0),
    };
    w.u8(tag);
    for v in [a, b, c] {
        w.u32(v);
    }
}

fn read_job(r: &mut Reader<'_>) -> Option<Job> {
    let tag = r.u8()?;
    let [a, b, c] = [r.u32()? as usize, r.u32()? as usize, r.u32()? as usize];
    Some(match tag {
        0 => Job::Page(a),
        1 => Job::Listing {
            section: a,
            index: b,
        },
        2 => Job::TermList(a),
        3 => Job::TermPage {
            taxonomy: a,
            term: b,
            index: c,
        },
        4 => Job::Archive(a),
        5 => Job::Search,
        6 => Job::Photos,
        7 => Job::NotFound,
        _ => return None,
    })
}

fn write_read(w: &mut Writer, read: Read) {
    let (tag, a, b) = match read {
        Read::Page(p) => (0, p, 0),
        Read::Related(p) => (1, p, 0),
        Read::Section(s) => (2, s, 0),
        Read::Term(t, k) => (3, u32::from(t), k),
        Read::TermPages(t, k) => (4, u32::from(t), k),
        Read::Taxonomy(t) => (5, u32::from(t), 0),
        Read::Archive(a) => (6, a, 0),
        Read::Archives => (7, 0, 0),
        Read::AllPages => (8, 0, 0),
        Read::Corrections => (9, 0, 0),
        Read::Files => (10, 0, 0),
    };
    w.u8(tag);
    w.u32(a);
    if matches!(tag, 3 | 4) {
        w.u32(b);
    }
}

fn read_read(r: &mut Reader<'_>) -> Option<Read> {
    let tag = r.u8()?;
    let a = r.u32()?;
    let t = || u16::try_from(a).ok();
    Some(match tag {
        0 => Read::Page(a),
        1 => Read::Related(a),
        2 => Read::Section(a),
        3 => Read::Term(t()?, r.u32()?),
        4 => Read::TermPages(t()?, r.u32()?),
        5 => Read::Taxonomy(t()?),
        6 => Read::Archive(a),
        7 => Read::Archives,
        8 => Read::AllPages,
        9 => Read::Corrections,
        10 => Read::Files,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Saved {
        let digests = Digests {
            pages: vec![PageDigest {
                source: "content/news/a.md".into(),
                path: "/news/a/".into(),
                shown: 7,
                related: 8,
            }],
            sections: vec![("/news/".into(), 9)],
            taxonomies: vec![TaxonomyDigest {
                path: "/tags/".into(),
                terms: vec![TermDigest {
                    path: "/tags/安全/".into(),
                    name: 1,
                    pages: 2,
                }],
            }],
            archives: vec![],
            archive_list: 3,
            all_pages: 4,
            corrections: 5,
        };
        let memo = RenderMemo {
            jobs: vec![
                Job::Page(0),
                Job::TermPage {
                    taxonomy: 0,
                    term: 0,
                    index: 1,
                },
            ],
            paths: Arc::new(vec![
                "news/a/index.html".into(),
                "tags/安全/page/2/index.html".into(),
            ]),
            prints: vec![11, 12],
            reads: vec![
                Arc::from([Read::Page(0), Read::Section(0)]),
                Arc::from([Read::TermPages(0, 0), Read::Files]),
            ],
            global: 13,
            ..RenderMemo::default()
        };
        Saved {
            key: 42,
            digests,
            memo,
        }
    }

    #[test]
    fn a_saved_render_reads_back_as_written() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("cache").join(FILE);
        let saved = sample();
        saved.write(&file).unwrap();
        let back = Saved::read(&file).unwrap();
        assert_eq!(back.key, 42);
        assert_eq!(back.digests, saved.digests);
        assert_eq!(back.memo.jobs, saved.memo.jobs);
        assert_eq!(back.memo.paths, saved.memo.paths);
        assert_eq!(back.memo.prints, saved.memo.prints);
        assert_eq!(back.memo.reads, saved.memo.reads);
        assert_eq!(back.memo.global, 13);
        assert!(back.memo.contains("tags/安全/page/2/index.html"));
    }

    #[test]
    fn a_damaged_or_cut_file_is_no_render() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join(FILE);
        sample().write(&file).unwrap();
        let whole = std::fs::read(&file).unwrap();
        let mut damaged = whole.clone();
        damaged[20] ^= 1;
        std::fs::write(&file, &damaged).unwrap();
        assert!(Saved::read(&file).is_none());
        for cut in [0, 7, 8, whole.len() / 2, whole.len() - 1] {
            std::fs::write(&file, &whole[..cut]).unwrap();
            assert!(Saved::read(&file).is_none(), "cut at {cut}");
        }
    }
}
