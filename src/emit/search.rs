//! The static search index: built here, queried in the browser by the theme's
//! `search.js`, from a web server or from `file://` (every part is a script that
//! registers itself, so nothing is fetched).
//!
//! Chinese is indexed as overlapping character pairs (bigrams), so any query of
//! two or more Chinese characters finds pages containing it, inside words too;
//! single characters are indexed for titles only. Latin words and numbers are
//! indexed whole (`2026`, `12`, `gb`). The same tokenizer runs in `search.js`
//! ([`crate::search_terms`]).
//!
//! Files, under `search/`:
//! - `docs.js`: every page's title, URL, section, date (loaded for each search);
//! - `terms-NN.js`: postings for the terms whose hash falls in shard NN (a query
//!   loads only its terms' shards);
//! - `text-NN.js`: the start of each page's text, for snippets, by doc id.
//!
//! Each page's terms were counted and packed as it was parsed
//! ([`PageTerms`], in shard order). The term files are made a few shards at
//! a time: one pass over the pages gathers those shards' postings, and they
//! are written and let go before the next, so the index never holds every
//! posting of the site at once.

use std::borrow::Cow;
use std::collections::BTreeMap;

use rayon::prelude::*;
use serde::Serialize;

use crate::diag::Diagnostic;
use crate::model::Site;
use crate::render::OutputFile;
use crate::search_terms::{
    PageTerms, SNIPPET_CHARS, Shards, chars_hash, entry_count, entry_key, term_hash, unpack,
};

/// Pages per text shard.
const TEXT_SHARD_DOCS: usize = 16;
/// Postings wanted per term shard, to size the shard count.
const POSTINGS_PER_SHARD: usize = 40_000;
/// Most term shards: a query of a few terms loads a few of them.
const MOST_SHARDS: usize = 512;
/// Term shards gathered in one pass over the pages.
const SHARDS_PER_PASS: usize = 32;

/// Where the index files go, as they are made (from several threads).
pub type Put<'a> = &'a (dyn Fn(OutputFile) -> Result<(), Diagnostic> + Sync);

#[derive(Serialize)]
struct Meta<'a> {
    shards: usize,
    text_shard_docs: usize,
    sections: Vec<(&'a str, String)>,
    /// Per doc: [title, site-relative path, section index, "YYYY-MM-DD"]; the
    /// search page prefixes its root so the links work relative or absolute.
    docs: Vec<(&'a str, String, usize, String)>,
}

/// Makes the index files and hands each to `put`. Pages are numbered newest
/// first, so a lower id is more recent (the last tie-breaker of the ranking).
pub fn search_files(site: &Site, put: Put<'_>) -> Result<(), Diagnostic> {
    let order = site.pages_by_date();
    // The parse splits every page when the site has an index; a page
    // without terms would still be listed, found by nothing.
    let none = PageTerms::default();
    let docs: Vec<&PageTerms> = order
        .iter()
        .map(|&p| site.pages[p].parsed.search_terms.as_ref().unwrap_or(&none))
        .collect();
    let postings: usize = docs.iter().map(|d| d.distinct()).sum();
    let shards = Shards::about(postings.div_ceil(POSTINGS_PER_SHARD), MOST_SHARDS);

    put(docs_file(site, order, shards))?;
    term_shards(&docs, shards, SHARDS_PER_PASS, &|shard, body| {
        put(script(
            &format!("terms-{shard}.js"),
            &format!("t{shard}"),
            &body,
        ))
    })?;
    order
        .par_chunks(TEXT_SHARD_DOCS)
        .enumerate()
        .try_for_each(|(n, chunk)| {
            let texts: Vec<&str> = chunk
                .iter()
                .map(|&p| snippet(&site.pages[p].parsed.body.plain_text))
                .collect();
            let json = serde_json::to_string(&texts).unwrap_or_default();
            put(script(&format!("text-{n}.js"), &format!("x{n}"), &json))
        })
}

/// The opening of a page's text the results show.
fn snippet(text: &str) -> &str {
    match text.char_indices().nth(SNIPPET_CHARS) {
        Some((at, _)) => &text[..at],
        None => text,
    }
}

/// `docs.js`: the shard count, the sections, and each page's title, path,
/// section and date, by doc id.
fn docs_file(site: &Site, order: &[usize], shards: Shards) -> OutputFile {
    let section_ids: BTreeMap<usize, usize> = site
        .sections
        .iter()
        .enumerate()
        .filter(|(_, s)| !s.is_home())
        .enumerate()
        .map(|(id, (s, _))| (s, id))
        .collect();
    let meta = Meta {
        shards: shards.count(),
        text_shard_docs: TEXT_SHARD_DOCS,
        sections: site
            .sections
            .iter()
            .filter(|s| !s.is_home())
            .map(|s| (s.title.as_str(), s.path.clone()))
            .collect(),
        docs: order
            .iter()
            .map(|&p| {
                let page = &site.pages[p];
                (
                    page.parsed.title.as_str(),
                    page.path.clone(),
                    section_ids.get(&page.section).copied().unwrap_or(0),
                    page.parsed.date.date().to_string(),
                )
            })
            .collect(),
    };
    script(
        "docs.js",
        "meta",
        &serde_json::to_string(&meta).unwrap_or_default(),
    )
}

/// One CJK posting: the packed entry (term and count) and its doc.
type CharsPosting = (u64, u32);
/// One word posting: the word, its doc and its count.
type WordPosting<'a> = (&'a str, u32, u8);

/// The body of every term shard, handed to `put` with its number, `per_pass`
/// shards at a time. `docs` are in doc-id order.
fn term_shards(
    docs: &[&PageTerms],
    shards: Shards,
    per_pass: usize,
    put: &(dyn Fn(usize, String) -> Result<(), Diagnostic> + Sync),
) -> Result<(), Diagnostic> {
    // How far each page's terms have been gathered: (CJK, words).
    let mut cursors = vec![(0usize, 0usize); docs.len()];
    let count = shards.count();
    for lo in (0..count).step_by(per_pass.max(1)) {
        let hi = (lo + per_pass.max(1)).min(count);
        let mut chars: Vec<Vec<CharsPosting>> = vec![Vec::new(); hi - lo];
        let mut words: Vec<Vec<WordPosting<'_>>> = vec![Vec::new(); hi - lo];
        for (doc, (terms, (c, w))) in docs.iter().zip(&mut cursors).enumerate() {
            let doc = doc as u32;
            // A page's terms are in position order: this pass's are next.
            while let Some(&entry) = terms.chars().get(*c) {
                let at = shards.position(chars_hash(entry_key(entry)));
                if at >= hi {
                    break;
                }
                chars[at - lo].push((entry, doc));
                *c += 1;
            }
            while let Some((word, n)) = terms.words().get(*w) {
                let at = shards.position(term_hash(word));
                if at >= hi {
                    break;
                }
                words[at - lo].push((word, doc, *n));
                *w += 1;
            }
        }
        (lo..hi)
            .into_par_iter()
            .zip(chars.into_par_iter().zip(words))
            .try_for_each(|(at, (chars, words))| {
                put(shards.shard_at(at), shard_body(chars, words))
            })?;
    }
    Ok(())
}

/// One term's postings, from either kind of term.
enum Run<'p, 'a> {
    Chars(&'p [CharsPosting]),
    Words(&'p [WordPosting<'a>]),
}

/// Postings as one string per term: doc-id deltas and counts, base 36,
/// `delta.count,delta.count…`: compact and cheap to parse. Terms sorted, so
/// the output is the same every time.
fn shard_body(mut chars: Vec<CharsPosting>, mut words: Vec<WordPosting<'_>>) -> String {
    chars.sort_unstable_by_key(|&(entry, doc)| (entry_key(entry), doc));
    words.sort_unstable();
    let mut runs: Vec<(Cow<'_, str>, Run<'_, '_>)> = chars
        .chunk_by(|a, b| entry_key(a.0) == entry_key(b.0))
        .map(|run| (Cow::Owned(unpack(entry_key(run[0].0))), Run::Chars(run)))
        .chain(
            words
                .chunk_by(|a, b| a.0 == b.0)
                .map(|run| (Cow::Borrowed(run[0].0), Run::Words(run))),
        )
        .collect();
    runs.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    let mut body = String::with_capacity(16 * (chars.len() + words.len()) + 2);
    body.push('{');
    for (i, (term, run)) in runs.iter().enumerate() {
        if i > 0 {
            body.push(',');
        }
        body.push_str(&serde_json::to_string(term).unwrap_or_default());
        body.push_str(":\"");
        let mut last = None;
        let mut posting = |doc: u32, count: u8| {
            if last.is_some() {
                body.push(',');
            }
            push_radix36(&mut body, doc - last.unwrap_or(0));
            body.push('.');
            push_radix36(&mut body, u32::from(count));
            last = Some(doc);
        };
        match run {
            Run::Chars(run) => {
                for &(entry, doc) in run.iter() {
                    posting(doc, entry_count(entry));
                }
            }
            Run::Words(run) => {
                for &(_, doc, count) in run.iter() {
                    posting(doc, count);
                }
            }
        }
        body.push('"');
    }
    body.push('}');
    body
}

fn push_radix36(out: &mut String, mut n: u32) {
    const DIGITS: &[u8; 36] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let mut digits = [0u8; 7];
    let mut at = digits.len();
    loop {
        at -= 1;
        digits[at] = DIGITS[(n % 36) as usize];
        n /= 36;
        if n == 0 {
            break;
        }
    }
    for &d in &digits[at..] {
        out.push(char::from(d));
    }
}

/// A script that hands its data to the search page: `NB_SEARCH("key", data)`.
fn script(name: &str, key: &str, json: &str) -> OutputFile {
    // `</script` can never appear: JSON strings escape `/` only optionally, so
    // guard it, since these files are loaded as scripts.
    let json = json.replace("</", "<\\/");
    // U+2028 and U+2029 end a line inside a string literal for every script
    // engine before ES2019 (older phones' browsers): the whole file would fail.
    let json = json
        .replace('\u{2028}', "\\u2028")
        .replace('\u{2029}', "\\u2029");
    OutputFile {
        path: format!("search/{name}"),
        bytes: format!("NB_SEARCH({key:?},{json});\n").into_bytes(),
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;
    use std::sync::Mutex;

    use super::*;
    use crate::search_terms::{Term, for_each_term, shard_of};

    /// The index the plain way: every term as text, every posting in one map.
    fn plain_shards(texts: &[(&str, &str)], shards: usize) -> BTreeMap<usize, String> {
        let mut postings: BTreeMap<String, Vec<(u32, usize)>> = BTreeMap::new();
        for (doc, (title, text)) in texts.iter().enumerate() {
            let mut counts: BTreeMap<String, usize> = BTreeMap::new();
            let mut add = |t: Term<'_>| {
                let term = match t {
                    Term::Chars(key) => unpack(key),
                    Term::Word(w) => w.to_string(),
                };
                *counts.entry(term).or_default() += 1;
            };
            for_each_term(title, true, &mut add);
            for_each_term(text, false, &mut add);
            for (term, n) in counts {
                postings.entry(term).or_default().push((doc as u32, n));
            }
        }
        let mut by_shard: BTreeMap<usize, Vec<String>> = BTreeMap::new();
        for (term, list) in postings {
            let mut out = format!("{}:\"", serde_json::to_string(&term).unwrap());
            let mut last = 0;
            let list: Vec<String> = list
                .iter()
                .map(|&(doc, n)| {
                    let s = format!("{}.{}", radix(doc - last), radix(n.min(99) as u32));
                    last = doc;
                    s
                })
                .collect();
            out.push_str(&list.join(","));
            out.push('"');
            by_shard
                .entry(shard_of(&term, shards))
                .or_default()
                .push(out);
        }
        (0..shards)
            .map(|s| {
                let terms = by_shard.remove(&s).unwrap_or_default();
                (s, format!("{{{}}}", terms.join(",")))
            })
            .collect()
    }

    fn radix(n: u32) -> String {
        let mut s = String::new();
        push_radix36(&mut s, n);
        s
    }

    /// Chinese-looking text with some Latin words and numbers, from a seed.
    fn random_text(seed: &mut u64, len: usize) -> String {
        const CHARS: &[char] = &[
            '工', '会', '安', '全', '生', '产', '劳', '模', '职', '代', '表', '大', '，', '。',
            ' ', 'a', 'B', '7', '２', '〔', '〕',
        ];
        (0..len)
            .map(|_| {
                *seed ^= *seed << 13;
                *seed ^= *seed >> 7;
                *seed ^= *seed << 17;
                CHARS[(*seed % CHARS.len() as u64) as usize]
            })
            .collect()
    }

    #[test]
    fn shards_made_a_few_at_a_time_equal_the_plain_index() {
        let mut seed = 0x9e37_79b9_7f4a_7c15;
        let texts: Vec<(String, String)> = (0..300)
            .map(|i| {
                let title = random_text(&mut seed, 4 + i % 9);
                let text = random_text(&mut seed, (i * 37) % 400);
                (title, text)
            })
            .collect();
        let pages: Vec<PageTerms> = texts
            .iter()
            .map(|(title, text)| PageTerms::of(title, text, []))
            .collect();
        let docs: Vec<&PageTerms> = pages.iter().collect();
        let plain: Vec<(&str, &str)> = (texts.iter())
            .map(|(a, b)| (a.as_str(), b.as_str()))
            .collect();
        for (wanted, per_pass) in [(1, 32), (2, 1), (8, 3), (64, 5), (64, 64)] {
            let shards = Shards::about(wanted, MOST_SHARDS);
            let made = Mutex::new(BTreeMap::new());
            term_shards(&docs, shards, per_pass, &|shard, body| {
                assert!(made.lock().unwrap().insert(shard, body).is_none());
                Ok(())
            })
            .unwrap();
            let made = made.into_inner().unwrap();
            assert_eq!(
                made,
                plain_shards(&plain, shards.count()),
                "{wanted} {per_pass}"
            );
        }
    }

    #[test]
    fn numbers_are_written_in_base_36() {
        assert_eq!(radix(0), "0");
        assert_eq!(radix(35), "z");
        assert_eq!(radix(71), "1z");
        assert_eq!(radix(u32::MAX), "1z141z3");
    }

    #[test]
    fn snippets_stop_at_a_character_boundary() {
        let text = "工".repeat(SNIPPET_CHARS + 3);
        assert_eq!(snippet(&text).chars().count(), SNIPPET_CHARS);
        assert_eq!(snippet("短文"), "短文");
    }
}
