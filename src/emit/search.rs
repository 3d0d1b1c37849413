//! The static search index: built here, queried in the browser by the theme's
//! `search.js`, from a web server or from `file://` (every part is a script that
//! registers itself, so nothing is fetched).
//!
//! Chinese is indexed as overlapping character pairs (bigrams), so any query of
//! two or more Chinese characters finds pages containing it, inside words too;
//! single characters are indexed for titles only. Latin words and numbers are
//! indexed whole (`2026`, `12`, `gb`). The same tokenizer runs in `search.js`.
//!
//! Files, under `search/`:
//! - `docs.js`: every page's title, URL, section, date (loaded for each search);
//! - `terms-NN.js`: postings for the terms whose hash falls in shard NN (a query
//!   loads only its terms' shards);
//! - `text-NN.js`: the start of each page's text, for snippets, by doc id.

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write;

use serde::Serialize;

use crate::model::Site;
use crate::render::OutputFile;
use crate::text::is_cjk;

/// Characters of page text kept for snippets.
const SNIPPET_CHARS: usize = 500;
/// Pages per text shard.
const TEXT_SHARD_DOCS: usize = 16;
/// Postings wanted per term shard, to size the shard count.
const POSTINGS_PER_SHARD: usize = 40_000;

/// Folds full-width ASCII to half-width and lowercases, as `search.js` does.
fn fold(c: char) -> char {
    let c = match c as u32 {
        0xFF01..=0xFF5E => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        _ => c,
    };
    c.to_lowercase().next().unwrap_or(c)
}

/// Splits text into search terms: CJK bigrams (and, if `unigrams`, single CJK
/// characters), and runs of Latin letters and digits.
pub fn tokenize(text: &str, unigrams: bool, out: &mut Vec<String>) {
    let mut word = String::new();
    let mut prev_cjk: Option<char> = None;
    for c in text.chars().map(fold) {
        if is_cjk(c) {
            if !word.is_empty() {
                out.push(std::mem::take(&mut word));
            }
            if unigrams {
                out.push(c.to_string());
            }
            if let Some(p) = prev_cjk {
                let mut pair = String::with_capacity(8);
                pair.push(p);
                pair.push(c);
                out.push(pair);
            }
            prev_cjk = Some(c);
        } else {
            prev_cjk = None;
            if c.is_alphanumeric() {
                word.push(c);
            } else if !word.is_empty() {
                out.push(std::mem::take(&mut word));
            }
        }
    }
    if !word.is_empty() {
        out.push(word);
    }
}

/// FNV-1a over the term's code points: `search.js` computes the same.
pub fn shard_of(term: &str, shards: usize) -> usize {
    let mut hash: u32 = 0x811c_9dc5;
    for c in term.chars() {
        hash ^= c as u32;
        hash = hash.wrapping_mul(0x0100_0193);
    }
    (hash as usize) % shards.max(1)
}

#[derive(Serialize)]
struct Meta<'a> {
    shards: usize,
    text_shard_docs: usize,
    sections: Vec<(&'a str, String)>,
    /// Per doc: [title, site-relative path, section index, "YYYY-MM-DD"]; the
    /// search page prefixes its root so the links work relative or absolute.
    docs: Vec<(&'a str, String, usize, String)>,
}

/// Builds the index files. Pages are numbered newest first, so a lower id is
/// more recent (the last tie-breaker of the ranking).
pub fn search_files(site: &Site) -> Vec<OutputFile> {
    let order = site.pages_by_date();
    let section_ids: BTreeMap<usize, usize> = site
        .sections
        .iter()
        .enumerate()
        .filter(|(_, s)| !s.is_home())
        .enumerate()
        .map(|(id, (s, _))| (s, id))
        .collect();
    let sections: Vec<(&str, String)> = site
        .sections
        .iter()
        .filter(|s| !s.is_home())
        .map(|s| (s.title.as_str(), s.path.clone()))
        .collect();

    // Terms per page, in parallel; CJK terms are packed into integers so the
    // merge below hashes numbers, not strings (10,000 pages make ~20 million
    // postings).
    let per_doc: Vec<Vec<(TermKey, u32)>> = {
        use rayon::prelude::*;
        order
            .par_iter()
            .map(|&p| {
                let parsed = &site.pages[p].parsed;
                let mut tokens = Vec::new();
                tokenize(&parsed.title, true, &mut tokens);
                tokenize(&parsed.body.plain_text, false, &mut tokens);
                // Terms (tags…) describe the page too: 劳模 finds a page tagged 劳模精神.
                for terms in parsed.taxonomies.values() {
                    for term in terms {
                        tokenize(term, false, &mut tokens);
                    }
                }
                let mut keys: Vec<TermKey> = tokens.into_iter().map(TermKey::from_token).collect();
                keys.sort_unstable();
                keys.chunk_by(|a, b| a == b)
                    .map(|run| (run[0].clone(), run.len() as u32))
                    .collect()
            })
            .collect()
    };
    let mut postings: HashMap<TermKey, Vec<(u32, u32)>> = HashMap::new();
    for (doc, keys) in per_doc.into_iter().enumerate() {
        for (key, count) in keys {
            postings.entry(key).or_default().push((doc as u32, count));
        }
    }
    let total: usize = postings.values().map(Vec::len).sum();
    let shards = total.div_ceil(POSTINGS_PER_SHARD).clamp(1, 512);

    let mut files = Vec::new();
    let meta = Meta {
        shards,
        text_shard_docs: TEXT_SHARD_DOCS,
        sections,
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
    files.push(script(
        "docs.js",
        "meta",
        &serde_json::to_string(&meta).unwrap_or_default(),
    ));

    // Postings as one string per term: doc-id deltas and counts, base 36,
    // `delta.count,delta.count…` — compact and cheap to parse. Terms sorted
    // within a shard so the output is the same every time.
    let mut by_shard: Vec<Vec<TermPostings>> = vec![Vec::new(); shards];
    for (key, list) in postings {
        let term = key.to_term();
        by_shard[shard_of(&term, shards)].push((term, list));
    }
    let shard_files: Vec<OutputFile> = {
        use rayon::prelude::*;
        by_shard
            .into_par_iter()
            .enumerate()
            .map(|(n, mut terms)| {
                terms.sort_unstable_by(|a, b| a.0.cmp(&b.0));
                let mut body = String::from("{");
                for (i, (term, list)) in terms.iter().enumerate() {
                    if i > 0 {
                        body.push(',');
                    }
                    let _ = write!(
                        body,
                        "{}:\"",
                        serde_json::to_string(term).unwrap_or_default()
                    );
                    let mut last = 0u32;
                    for (j, &(doc, count)) in list.iter().enumerate() {
                        if j > 0 {
                            body.push(',');
                        }
                        push_radix36(&mut body, u64::from(doc - last));
                        body.push('.');
                        push_radix36(&mut body, u64::from(count.min(99)));
                        last = doc;
                    }
                    body.push('"');
                }
                body.push('}');
                script(&format!("terms-{n}.js"), &format!("t{n}"), &body)
            })
            .collect()
    };
    files.extend(shard_files);

    for (n, chunk) in order.chunks(TEXT_SHARD_DOCS).enumerate() {
        let texts: Vec<String> = chunk
            .iter()
            .map(|&p| {
                site.pages[p]
                    .parsed
                    .body
                    .plain_text
                    .chars()
                    .take(SNIPPET_CHARS)
                    .collect()
            })
            .collect();
        files.push(script(
            &format!("text-{n}.js"),
            &format!("x{n}"),
            &serde_json::to_string(&texts).unwrap_or_default(),
        ));
    }
    files
}

/// A term with its (doc, count) postings, docs ascending.
type TermPostings = (String, Vec<(u32, u32)>);

/// A term, packed: CJK pairs and single characters as numbers, other words
/// as text.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum TermKey {
    Chars(u64),
    Word(String),
}

impl TermKey {
    fn from_token(token: String) -> TermKey {
        let mut chars = token.chars();
        match (chars.next(), chars.next(), chars.next()) {
            (Some(a), None, None) if is_cjk(a) => TermKey::Chars(a as u64),
            (Some(a), Some(b), None) if is_cjk(a) && is_cjk(b) => {
                TermKey::Chars(((a as u64) << 21) | b as u64)
            }
            _ => TermKey::Word(token),
        }
    }

    fn to_term(&self) -> String {
        match self {
            TermKey::Word(w) => w.clone(),
            TermKey::Chars(packed) => {
                let first = (packed >> 21) as u32;
                let second = (packed & 0x1F_FFFF) as u32;
                let mut s = String::new();
                if first != 0
                    && let Some(c) = char::from_u32(first)
                {
                    s.push(c);
                }
                if let Some(c) = char::from_u32(second) {
                    s.push(c);
                }
                s
            }
        }
    }
}

fn push_radix36(out: &mut String, n: u64) {
    out.push_str(&radix36(n));
}

fn radix36(mut n: u64) -> String {
    const DIGITS: &[u8] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    if n == 0 {
        return "0".to_string();
    }
    let mut out = Vec::new();
    while n > 0 {
        out.push(DIGITS[(n % 36) as usize]);
        n /= 36;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
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
    use super::*;

    fn tokens(text: &str, unigrams: bool) -> Vec<String> {
        let mut out = Vec::new();
        tokenize(text, unigrams, &mut out);
        out
    }

    #[test]
    fn chinese_becomes_bigrams_and_latin_words() {
        assert_eq!(tokens("安全生产", false), vec!["安全", "全生", "生产"]);
        assert_eq!(
            tokens("工会〔2026〕12号", false),
            vec!["工会", "2026", "12"]
        );
        assert_eq!(tokens("ＧＢ/T 9704", false), vec!["gb", "t", "9704"]);
        assert_eq!(tokens("劳模", true), vec!["劳", "模", "劳模"]);
    }

    #[test]
    fn shards_are_stable() {
        assert_eq!(shard_of("安全", 1), 0);
        assert_eq!(shard_of("安全", 64), shard_of("安全", 64));
        assert_eq!(radix36(0), "0");
        assert_eq!(radix36(71), "1z");
    }
}
