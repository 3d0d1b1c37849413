//! Rendered Markdown kept from one build to the next.
//!
//! Turning a body into HTML is most of the parse stage: 0.5 s of a 10,000-page
//! build on two cores. A body's rendering depends only on its text, the
//! shortcodes the templates define and the program, so a `build` keeps each
//! one in the site's cache folder (`.noticeboard/cache/markdown/`) and the next
//! build takes it from there when the same text comes again: a build after a
//! one-page edit renders one body.
//!
//! Two files: `bodies`, each body's HTML and plain text one after the other,
//! only ever added to, and `index`, what else each body rendered to (table of
//! contents, links, summaries, counts), by the SHA-256 of the shortcode names
//! and the text. Of the plain text only the opening a page shows is kept
//! ([`OPENING_CHARS`]), unless the build asks for the whole (for its search
//! index); a record says which. The index names the program that wrote it
//! and carries a checksum of its lines; each body, a checksum of its bytes
//! ([`crate::digest::quick_sum`]: damage is what they find, and a quicker sum
//! than SHA-256 keeps the cache from slowing a first build). An index of
//! another program, a damaged or cut index, or bodies shorter than it says
//! start the cache over; a body whose bytes do not match is rendered again.
//! Two builds of one site at once: the second does without the cache (a lock
//! file says which holds it).

use std::collections::{BTreeSet, HashMap};
use std::fs::{self, File};
use std::io::{self, Write as _};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use sha2::{Digest as _, Sha256};

use super::aside::Aside;
use super::{BodyLink, RenderedMarkdown, ShortcodeCall, TocEntry, render_markdown_with};
use crate::text::WordCount;

const HEADER: &str = "noticeboard markdown cache 2";
const INDEX: &str = "index";
const BODIES: &str = "bodies";
const LOCK: &str = "lock";
/// Bodies no longer used past this (and past as many as are used) start the
/// cache over, so the file does not grow without end.
const SLACK: u64 = 64 * 1024 * 1024;

/// Characters other than whitespace of a body's plain text that the cache
/// keeps when the build does not ask for all of it: more than a description
/// or a stand-in summary shows.
pub const OPENING_CHARS: usize = 256;

/// What a body rendered to, but its bytes, which are in `bodies`.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct Record {
    /// Where the HTML starts in `bodies`, its length, then the plain text's.
    at: u64,
    html: usize,
    plain: usize,
    /// Whether the plain text is all there, or only its opening.
    whole: bool,
    /// [`crate::digest::quick_sum`] of the HTML and plain text together, as
    /// `bodies` holds them.
    check: u64,
    more_summary: Option<String>,
    first_paragraph: Option<String>,
    toc: Vec<TocEntry>,
    cjk: usize,
    words: usize,
    shortcodes: Vec<ShortcodeCall>,
    links: Vec<BodyLink>,
    ids: Vec<String>,
    img_sources: Vec<String>,
}

/// The cache, open for one build.
pub struct Store {
    dir: PathBuf,
    bodies: Arc<Aside>,
    /// The earlier build's records, until the parse is done ([`Store::let_go`]).
    earlier: Mutex<HashMap<String, Record>>,
    /// The new index, written as bodies are rendered or taken.
    index: Mutex<Writing>,
    hits: AtomicUsize,
    misses: AtomicUsize,
    _lock: File,
}

/// The new index on its way to disk: a 100,000-page site's records are not
/// all held at once.
struct Writing {
    file: Option<io::BufWriter<File>>,
    /// The record lines written, and the wrapping sum of their checksums:
    /// the trailer, which a reader checks in any order.
    lines: u64,
    sum: u64,
}

/// What the bodies of one build are looked up under, and what it needs of
/// them: the shortcode names go into every key.
#[derive(Clone)]
pub struct Keys {
    hasher: Sha256,
    /// The whole plain text is wanted, not only its opening.
    whole_text: bool,
}

impl Keys {
    pub fn new(shortcodes: &BTreeSet<String>, whole_text: bool) -> Keys {
        let mut hasher = Sha256::new();
        for name in shortcodes {
            hasher.update(name.as_bytes());
            hasher.update(b"\n");
        }
        hasher.update(b"\0");
        Keys { hasher, whole_text }
    }

    fn of(&self, body: &str) -> String {
        crate::digest::hex(&self.hasher.clone().chain_update(body.as_bytes()).finalize())
    }
}

impl Store {
    /// The cache in `dir` (made if there is none), for this program; `None`
    /// when another build holds it or the folder cannot be used.
    /// Never through a symbolic link on the way from the site's `root`: the
    /// cache writes only in real folders of the site.
    pub fn open(root: &Path, dir: &Path) -> Option<Store> {
        // A cache folder given outside the site is not used either.
        if !dir.starts_with(root) || crate::layout::link_on_the_way(root, dir).is_some() {
            return None;
        }
        Store::open_for(dir, &program_key()?)
    }

    fn open_for(dir: &Path, program: &str) -> Option<Store> {
        fs::create_dir_all(dir).ok()?;
        let lock = File::create(dir.join(LOCK)).ok()?;
        lock.try_lock().ok()?;
        let bodies = Aside::keep(&dir.join(BODIES)).ok()?;
        let earlier = read_index(dir, program, bodies.len());
        let bodies = match earlier {
            Some(_) => bodies,
            None => {
                drop(bodies);
                let file = fs::OpenOptions::new()
                    .write(true)
                    .open(dir.join(BODIES))
                    .ok()?;
                file.set_len(0).ok()?;
                drop(file);
                Aside::keep(&dir.join(BODIES)).ok()?
            }
        };
        let file = File::create(dir.join(format!("{INDEX}.tmp"))).ok()?;
        let mut file = io::BufWriter::new(file);
        writeln!(file, "{HEADER}\nprogram {program}").ok()?;
        Some(Store {
            dir: dir.to_path_buf(),
            bodies,
            earlier: Mutex::new(earlier.unwrap_or_default()),
            index: Mutex::new(Writing {
                file: Some(file),
                lines: 0,
                sum: 0,
            }),
            hits: AtomicUsize::new(0),
            misses: AtomicUsize::new(0),
            _lock: lock,
        })
    }

    /// The file the bodies are read from, for its failures: a body that could
    /// not be read back made a wrong page.
    pub fn bodies(&self) -> &Arc<Aside> {
        &self.bodies
    }

    /// How many bodies came from the cache.
    pub fn hits(&self) -> usize {
        self.hits.load(Ordering::Relaxed)
    }

    /// How many bodies were rendered from their Markdown.
    pub fn misses(&self) -> usize {
        self.misses.load(Ordering::Relaxed)
    }

    /// `body` rendered ([`render_markdown_with`]), from the cache if an
    /// earlier build rendered the same text with the same shortcodes. The
    /// HTML stays in the cache's file. Safe from several threads.
    pub fn render(
        &self,
        keys: &Keys,
        body: &str,
        known: &dyn Fn(&str) -> bool,
    ) -> RenderedMarkdown {
        let key = keys.of(body);
        // Cloned, not taken: pages with the same text find it too.
        let earlier = (self.earlier.lock())
            .unwrap_or_else(|p| p.into_inner())
            .get(&key)
            .cloned();
        if let Some(record) = earlier
            && (record.whole || !keys.whole_text)
            && let Ok(line) = serde_json::to_string(&record)
            && let Some(rendered) = self.revive(record)
        {
            self.hits.fetch_add(1, Ordering::Relaxed);
            self.note(&key, &line);
            return rendered;
        }
        self.misses.fetch_add(1, Ordering::Relaxed);
        let mut rendered = render_markdown_with(body, known);
        // A body with broken shortcodes is reported on every build.
        if rendered.shortcode_errors.is_empty()
            && let Ok(record) = self.put(&mut rendered, keys.whole_text)
            && let Ok(line) = serde_json::to_string(&record)
        {
            self.note(&key, &line);
        }
        rendered
    }

    /// Lets the earlier build's records go: a 100,000-page site's fill
    /// 150 MB, and every page has taken its own by now.
    pub fn let_go(&self) {
        let earlier = std::mem::take(&mut *self.earlier.lock().unwrap_or_else(|p| p.into_inner()));
        drop(earlier);
    }

    /// Adds a record to the new index; a failed write leaves it unsaved.
    fn note(&self, key: &str, json: &str) {
        let line = format!("{key}\t{json}\n");
        let sum = crate::digest::quick_sum(line.as_bytes());
        let mut index = self.index.lock().unwrap_or_else(|p| p.into_inner());
        index.lines += 1;
        index.sum = index.sum.wrapping_add(sum);
        if let Some(file) = &mut index.file
            && file.write_all(line.as_bytes()).is_err()
        {
            index.file = None;
        }
    }

    fn put(&self, rendered: &mut RenderedMarkdown, whole_text: bool) -> io::Result<Record> {
        let plain = match whole_text {
            true => rendered.plain_text.as_str(),
            false => crate::text::opening(&rendered.plain_text, OPENING_CHARS),
        };
        let mut both = String::with_capacity(rendered.html.len() + plain.len());
        both.push_str(&rendered.html);
        both.push_str(plain);
        let placed = self.bodies.put(&both)?;
        let record = Record {
            at: placed.offset(),
            html: rendered.html.len(),
            plain: plain.len(),
            whole: plain.len() == rendered.plain_text.len(),
            check: crate::digest::quick_sum(both.as_bytes()),
            more_summary: rendered.more_summary.clone(),
            first_paragraph: rendered.first_paragraph.clone(),
            toc: rendered.toc.clone(),
            cjk: rendered.word_count.cjk,
            words: rendered.word_count.words,
            shortcodes: rendered.shortcodes.clone(),
            links: rendered.links.clone(),
            ids: rendered.ids.clone(),
            img_sources: rendered.img_sources.clone(),
        };
        rendered.aside = Some(self.bodies.placed(record.at, record.html));
        rendered.html = String::new();
        Ok(record)
    }

    /// What `record` rendered to, its bytes checked; `None` when they are
    /// not there as they were written.
    fn revive(&self, record: Record) -> Option<RenderedMarkdown> {
        let len = record.html.checked_add(record.plain)?;
        let bytes = self.bodies.read_bytes(record.at, len).ok()?;
        if crate::digest::quick_sum(&bytes) != record.check {
            return None;
        }
        // The HTML is read (and checked to be text) where the page is
        // rendered.
        let plain_text = crate::text::utf8(bytes.get(record.html..)?)?.to_string();
        Some(RenderedMarkdown {
            html: String::new(),
            aside: Some(self.bodies.placed(record.at, record.html)),
            more_summary: record.more_summary,
            first_paragraph: record.first_paragraph,
            toc: record.toc,
            plain_text,
            word_count: WordCount {
                cjk: record.cjk,
                words: record.words,
            },
            shortcodes: record.shortcodes,
            shortcode_errors: Vec::new(),
            links: record.links,
            ids: record.ids,
            img_sources: record.img_sources,
        })
    }

    /// Puts the index of the bodies this build used in place, for the next
    /// one; the others are left behind.
    pub fn save(&self) -> io::Result<()> {
        let mut index = self.index.lock().unwrap_or_else(|p| p.into_inner());
        let mut file = index
            .file
            .take()
            .ok_or_else(|| io::Error::other("not written"))?;
        let (lines, sum) = (index.lines, index.sum);
        writeln!(file, "end {} {lines} {sum:016x}", self.bodies.len())?;
        file.into_inner().map_err(|e| e.into_error())?;
        fs::rename(self.dir.join(format!("{INDEX}.tmp")), self.dir.join(INDEX))
    }
}

/// The records of the index in `dir`, if it is whole, this program's, and
/// the bodies it names are all there (and not mostly unused).
fn read_index(dir: &Path, program: &str, bodies: u64) -> Option<HashMap<String, Record>> {
    let bytes = fs::read(dir.join(INDEX)).ok()?;
    let text = crate::text::utf8(&bytes)?;
    let mut head = text.splitn(3, '\n');
    if head.next()? != HEADER || head.next()?.strip_prefix("program ")? != program {
        return None;
    }
    let rest = head.next()?.strip_suffix('\n')?;
    let (payload, trailer) = match rest.rsplit_once('\n') {
        Some((lines, trailer)) => (&rest[..lines.len() + 1], trailer),
        None => ("", rest),
    };
    let mut trailer = trailer.strip_prefix("end ")?.split(' ');
    let recorded: u64 = trailer.next()?.parse().ok()?;
    let lines: usize = trailer.next()?.parse().ok()?;
    let sum = u64::from_str_radix(trailer.next()?, 16).ok()?;
    if recorded > bodies || trailer.next().is_some() {
        return None;
    }
    let read: Vec<(u64, String, Record)> = payload
        .par_split_inclusive('\n')
        .map(|line| {
            let (key, json) = line.strip_suffix('\n')?.split_once('\t')?;
            let record = serde_json::from_str(json).ok()?;
            Some((
                crate::digest::quick_sum(line.as_bytes()),
                key.to_string(),
                record,
            ))
        })
        .collect::<Option<_>>()?;
    let summed = read
        .iter()
        .fold(0u64, |sum, (line, ..)| sum.wrapping_add(*line));
    if read.len() != lines || summed != sum {
        return None;
    }
    let records: HashMap<String, Record> = read
        .into_iter()
        .map(|(_, key, record)| (key, record))
        .collect();
    let used: u64 = records.values().map(|r| (r.html + r.plain) as u64).sum();
    (bodies <= 2 * used + SLACK).then_some(records)
}

/// What names this program: a cache another build of noticeboard wrote may
/// render Markdown otherwise.
fn program_key() -> Option<String> {
    let exe = std::env::current_exe().ok()?;
    let meta = fs::metadata(exe).ok()?;
    let modified = meta
        .modified()
        .ok()?
        .duration_since(std::time::UNIX_EPOCH)
        .ok()?;
    let text = format!(
        "{} {} {}",
        env!("CARGO_PKG_VERSION"),
        meta.len(),
        modified.as_nanos()
    );
    Some(crate::digest::sha256_hex(text.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    const PROGRAM: &str = "test-program";

    fn known(name: &str) -> bool {
        name == "figure"
    }

    const BODY: &str = "## 职工代表大会\n\n第一段，[链接](/news/)。\n\n{{ figure(src=\"a.jpg\") }}\n\n![图](a.jpg)\n";

    /// Everything a render gives, HTML read back, for comparing.
    fn seen(r: &RenderedMarkdown) -> String {
        format!(
            "{}|{:?}|{:?}|{:?}|{}|{:?}|{:?}|{:?}|{:?}|{:?}",
            r.html(),
            r.more_summary,
            r.first_paragraph,
            r.toc,
            r.plain_text,
            r.word_count,
            r.shortcodes,
            r.links,
            r.ids,
            r.img_sources
        )
    }

    fn keys() -> Keys {
        Keys::new(&BTreeSet::from(["figure".to_string()]), false)
    }

    /// Renders BODY in a store opened on `dir`, saves; whether it was a hit.
    fn build_once(dir: &Path, program: &str) -> (String, bool) {
        let store = Store::open_for(dir, program).expect("the store opens");
        let rendered = store.render(&keys(), BODY, &known);
        let hit = store.hits() == 1;
        let text = seen(&rendered);
        assert!(store.bodies().failure().is_none());
        store.save().unwrap();
        (text, hit)
    }

    #[test]
    fn a_body_rendered_once_comes_back_the_same_from_the_next_build() {
        let dir = tempfile::tempdir().unwrap();
        let fresh = render_markdown_with(BODY, &known);
        assert_eq!(fresh.shortcodes.len(), 1, "the shortcode call is kept too");
        let fresh = seen(&fresh);
        assert_eq!(build_once(dir.path(), PROGRAM), (fresh.clone(), false));
        assert_eq!(build_once(dir.path(), PROGRAM), (fresh.clone(), true));
        // Other shortcodes, another key: rendered again.
        let store = Store::open_for(dir.path(), PROGRAM).unwrap();
        let other = Keys::new(&BTreeSet::new(), false);
        store.render(&other, BODY, &|_| false);
        assert_eq!(store.hits(), 0);
    }

    #[test]
    fn only_the_opening_of_a_long_text_is_kept_unless_the_whole_is_asked_for() {
        let dir = tempfile::tempdir().unwrap();
        let body = "职工之家建设。".repeat(100);
        let fresh = render_markdown_with(&body, &known);
        let run = |whole: bool| {
            let store = Store::open_for(dir.path(), PROGRAM).unwrap();
            let keys = Keys::new(&BTreeSet::from(["figure".to_string()]), whole);
            let rendered = store.render(&keys, &body, &known);
            store.save().unwrap();
            (rendered, store.hits() == 1)
        };
        assert!(!run(false).1);
        let (opening, hit) = run(false);
        assert!(hit);
        assert_eq!(
            opening.plain_text,
            crate::text::opening(&fresh.plain_text, OPENING_CHARS)
        );
        assert!(opening.plain_text.len() < fresh.plain_text.len());
        assert_eq!(opening.word_count, fresh.word_count, "counted on the whole");
        assert_eq!(opening.html(), fresh.html());
        // A build with a search index needs the whole text: rendered again,
        // then kept whole for the builds after.
        let (whole, hit) = run(true);
        assert!(!hit);
        assert_eq!(whole.plain_text, fresh.plain_text);
        let (whole, hit) = run(true);
        assert!(hit);
        assert_eq!(whole.plain_text, fresh.plain_text);
        assert!(run(false).1, "a whole text does for an opening too");
    }

    #[test]
    fn a_damaged_or_foreign_cache_is_not_used() {
        let dir = tempfile::tempdir().unwrap();
        let fresh = seen(&render_markdown_with(BODY, &known));
        build_once(dir.path(), PROGRAM);
        // Another program's cache.
        assert_eq!(build_once(dir.path(), "other"), (fresh.clone(), false));
        build_once(dir.path(), PROGRAM);

        // A changed byte in a body: that body is rendered again.
        let bodies = dir.path().join(BODIES);
        let mut bytes = fs::read(&bodies).unwrap();
        bytes[3] ^= 0x20;
        fs::write(&bodies, &bytes).unwrap();
        assert_eq!(build_once(dir.path(), PROGRAM), (fresh.clone(), false));
        assert_eq!(build_once(dir.path(), PROGRAM), (fresh.clone(), true));

        // A cut index, a changed one, bodies shorter than the index says.
        let index = dir.path().join(INDEX);
        let whole = fs::read_to_string(&index).unwrap();
        fs::write(&index, &whole[..whole.len() - 9]).unwrap();
        assert_eq!(build_once(dir.path(), PROGRAM), (fresh.clone(), false));
        let changed = fs::read_to_string(&index)
            .unwrap()
            .replace("\"cjk\":", "\"cjk\":1");
        fs::write(&index, changed).unwrap();
        assert_eq!(build_once(dir.path(), PROGRAM), (fresh.clone(), false));
        let len = fs::metadata(&bodies).unwrap().len();
        fs::OpenOptions::new()
            .write(true)
            .open(&bodies)
            .unwrap()
            .set_len(len - 1)
            .unwrap();
        assert_eq!(build_once(dir.path(), PROGRAM), (fresh.clone(), false));
        assert_eq!(build_once(dir.path(), PROGRAM), (fresh, true));
    }

    #[test]
    fn a_second_build_at_once_does_without_the_cache() {
        let dir = tempfile::tempdir().unwrap();
        let first = Store::open_for(dir.path(), PROGRAM).unwrap();
        assert!(Store::open_for(dir.path(), PROGRAM).is_none());
        drop(first);
        assert!(Store::open_for(dir.path(), PROGRAM).is_some());
    }

    #[test]
    fn bodies_no_longer_used_start_the_cache_over() {
        let dir = tempfile::tempdir().unwrap();
        build_once(dir.path(), PROGRAM);
        // Far more bytes than the index uses, as after many edits.
        let bodies = dir.path().join(BODIES);
        let file = fs::OpenOptions::new().write(true).open(&bodies).unwrap();
        file.set_len(SLACK + 4096).unwrap();
        drop(file);
        let (_, hit) = build_once(dir.path(), PROGRAM);
        assert!(!hit);
        assert!(
            fs::metadata(&bodies).unwrap().len() < 4096,
            "the file starts over"
        );
    }

    #[test]
    fn a_body_with_broken_shortcodes_is_not_kept() {
        let dir = tempfile::tempdir().unwrap();
        let body = "{{ nosuch() }}\n";
        for _ in 0..2 {
            let store = Store::open_for(dir.path(), PROGRAM).unwrap();
            let rendered = store.render(&keys(), body, &known);
            assert!(!rendered.shortcode_errors.is_empty());
            assert_eq!(store.hits(), 0);
            store.save().unwrap();
        }
    }
}
