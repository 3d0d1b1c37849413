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

use std::collections::BTreeMap;
use std::fmt::Write;

use serde::Serialize;

use crate::model::Site;
use crate::render::OutputFile;
use crate::text::is_cjk;

/// Characters of page text kept for snippets.
const SNIPPET_CHARS: usize = 1200;
/// Pages per text shard.
const TEXT_SHARD_DOCS: usize = 64;
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

    // term → [(doc, count)], docs ascending.
    let mut postings: BTreeMap<String, Vec<(usize, u32)>> = BTreeMap::new();
    let mut tokens = Vec::new();
    for (doc, &p) in order.iter().enumerate() {
        let parsed = &site.pages[p].parsed;
        tokens.clear();
        tokenize(&parsed.title, true, &mut tokens);
        tokenize(&parsed.body.plain_text, false, &mut tokens);
        // Terms (tags…) describe the page too: 劳模 finds a page tagged 劳模精神.
        for terms in parsed.taxonomies.values() {
            for term in terms {
                tokenize(term, false, &mut tokens);
            }
        }
        tokens.sort_unstable();
        for run in tokens.chunk_by(|a, b| a == b) {
            postings
                .entry(run[0].clone())
                .or_default()
                .push((doc, run.len() as u32));
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
    // `delta.count,delta.count…` — compact and cheap to parse.
    let mut by_shard: Vec<String> = vec![String::from("{"); shards];
    for (term, list) in &postings {
        let shard = &mut by_shard[shard_of(term, shards)];
        if shard.len() > 1 {
            shard.push(',');
        }
        let _ = write!(
            shard,
            "{}:\"",
            serde_json::to_string(term).unwrap_or_default()
        );
        let mut last = 0usize;
        for (i, &(doc, count)) in list.iter().enumerate() {
            if i > 0 {
                shard.push(',');
            }
            let _ = write!(
                shard,
                "{}.{}",
                radix36((doc - last) as u64),
                radix36(count.min(99) as u64)
            );
            last = doc;
        }
        shard.push('"');
    }
    for (n, mut body) in by_shard.into_iter().enumerate() {
        body.push('}');
        files.push(script(&format!("terms-{n}.js"), &format!("t{n}"), &body));
    }

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
