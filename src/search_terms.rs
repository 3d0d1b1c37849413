//! Search terms: how the static search index splits text, and one page's
//! terms counted and packed small.
//!
//! The parse stage finds each page's terms as the page goes by, so that a
//! page keeps eight bytes per distinct term instead of its whole text; the
//! emit stage gathers them into the index files (`emit::search`). The theme's
//! `search.js` splits a query the same way.
//!
//! Chinese is split into overlapping character pairs (bigrams), and single
//! characters for titles; Latin words and numbers are kept whole.

use crate::text::is_cjk;

/// Characters of a page's text kept for the result snippets.
pub const SNIPPET_CHARS: usize = 500;

/// Highest count of a term in one page the index records.
pub const MAX_COUNT: u8 = 99;

/// Bits of a packed CJK term: the second character in the low 21, the first
/// (0 for a single character) in the 21 above.
const KEY_BITS: u32 = 42;
const KEY_MASK: u64 = (1 << KEY_BITS) - 1;
const CHAR_MASK: u64 = (1 << 21) - 1;
/// A packed entry's count sits above its key.
const COUNT_SHIFT: u32 = 56;

/// Folds full-width ASCII to half-width and lowercases, as `search.js` does.
pub fn fold(c: char) -> char {
    let c = match c as u32 {
        0xFF01..=0xFF5E => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        _ => c,
    };
    c.to_lowercase().next().unwrap_or(c)
}

/// One term as the tokenizer finds it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Term<'a> {
    /// One or two CJK characters, packed ([`unpack`] gives them back).
    Chars(u64),
    /// A run of other letters and digits, folded.
    Word(&'a str),
}

/// Calls `each` for every term of `text`: CJK bigrams (and single CJK
/// characters when `unigrams`), and runs of other letters and digits.
pub fn for_each_term(text: &str, unigrams: bool, mut each: impl FnMut(Term<'_>)) {
    let mut word = String::new();
    let mut prev_cjk: Option<char> = None;
    for c in text.chars() {
        // Folding leaves CJK as it is; most characters of a Chinese page are.
        if is_cjk(c) {
            if !word.is_empty() {
                each(Term::Word(&word));
                word.clear();
            }
            if unigrams {
                each(Term::Chars(c as u64));
            }
            if let Some(p) = prev_cjk {
                each(Term::Chars(((p as u64) << 21) | c as u64));
            }
            prev_cjk = Some(c);
        } else {
            prev_cjk = None;
            let c = fold(c);
            if c.is_alphanumeric() {
                word.push(c);
            } else if !word.is_empty() {
                each(Term::Word(&word));
                word.clear();
            }
        }
    }
    if !word.is_empty() {
        each(Term::Word(&word));
    }
}

/// The characters of a packed CJK term, as text.
pub fn unpack(key: u64) -> String {
    let mut text = String::with_capacity(6);
    for c in unpacked_chars(key) {
        text.push(c);
    }
    text
}

fn unpacked_chars(key: u64) -> impl Iterator<Item = char> {
    let first = ((key & KEY_MASK) >> 21) as u32;
    let second = (key & CHAR_MASK) as u32;
    [first, second]
        .into_iter()
        .filter(|&c| c != 0)
        .filter_map(char::from_u32)
}

const FNV_OFFSET: u32 = 0x811c_9dc5;
const FNV_PRIME: u32 = 0x0100_0193;

/// FNV-1a over the term's code points: `search.js` computes the same to find
/// a term's shard.
pub fn term_hash(term: &str) -> u32 {
    term.chars().fold(FNV_OFFSET, |hash, c| {
        (hash ^ c as u32).wrapping_mul(FNV_PRIME)
    })
}

/// [`term_hash`] of a packed CJK term, without making its text.
pub fn chars_hash(key: u64) -> u32 {
    unpacked_chars(key).fold(FNV_OFFSET, |hash, c| {
        (hash ^ c as u32).wrapping_mul(FNV_PRIME)
    })
}

/// The shard a term's postings are in, of `shards`.
#[cfg(test)]
pub fn shard_of(term: &str, shards: usize) -> usize {
    (term_hash(term) as usize) % shards.max(1)
}

/// Where a hash sorts in [`PageTerms`]: by its low bits, lowest bit first.
/// For any power-of-two number of shards, the terms of one shard are then
/// side by side, and the shards come in [`Shards::position`] order.
fn order_of(hash: u32) -> u32 {
    hash.reverse_bits()
}

/// A power-of-two number of shards, and the order [`PageTerms`] lists them in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shards {
    bits: u32,
}

impl Shards {
    /// The power of two nearest `wanted` (a shard then holds 0.75 to 1.5
    /// times the postings aimed at), at most `most` rounded down to one.
    pub fn about(wanted: usize, most: usize) -> Shards {
        let floor = |n: usize| usize::BITS - 1 - n.max(1).leading_zeros();
        let below = floor(wanted);
        let nearest = match wanted.saturating_mul(2) >= 3 << below {
            true => below + 1,
            false => below,
        };
        Shards {
            bits: nearest.min(floor(most)),
        }
    }

    pub fn count(self) -> usize {
        1 << self.bits
    }

    /// Where the shard of `hash` comes in a page's terms: shard
    /// [`Shards::shard_at`] of this.
    pub fn position(self, hash: u32) -> usize {
        match self.bits {
            0 => 0,
            bits => (order_of(hash) >> (32 - bits)) as usize,
        }
    }

    /// The shard at `position`.
    pub fn shard_at(self, position: usize) -> usize {
        match self.bits {
            0 => 0,
            bits => ((position as u32).reverse_bits() >> (32 - bits)) as usize,
        }
    }
}

/// One page's terms, each with how often it occurs (at most [`MAX_COUNT`]),
/// in shard order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PageTerms {
    /// CJK terms: key in the low bits, count above [`COUNT_SHIFT`].
    chars: Box<[u64]>,
    words: Box<[(Box<str>, u8)]>,
}

impl PageTerms {
    /// The terms of a page with this title, text and taxonomy terms: single
    /// characters count for the title only.
    pub fn of<'a>(title: &str, text: &str, terms: impl IntoIterator<Item = &'a str>) -> PageTerms {
        // Each with the place its hash gives it, worked out once: sorted so,
        // equal terms are side by side, to be counted.
        let mut chars: Vec<(u32, u64)> = Vec::with_capacity(text.len() / 3 + title.len());
        let mut words: Vec<(u32, Box<str>)> = Vec::new();
        let mut add = |term: Term<'_>| match term {
            Term::Chars(key) => chars.push((order_of(chars_hash(key)), key)),
            Term::Word(word) => words.push((order_of(term_hash(word)), word.into())),
        };
        for_each_term(title, true, &mut add);
        for_each_term(text, false, &mut add);
        // Terms (tags…) describe the page too: 劳模 finds a page tagged 劳模精神.
        for term in terms {
            for_each_term(term, false, &mut add);
        }
        chars.sort_unstable();
        words.sort_unstable();
        let chars = chars
            .chunk_by(|a, b| a == b)
            .map(|run| run[0].1 | (u64::from(capped(run.len())) << COUNT_SHIFT))
            .collect();
        let words = words
            .chunk_by(|a, b| a == b)
            .map(|run| (run[0].1.clone(), capped(run.len())))
            .collect();
        PageTerms { chars, words }
    }

    /// How many different terms the page has: its postings in the index.
    pub fn distinct(&self) -> usize {
        self.chars.len() + self.words.len()
    }

    /// The packed CJK terms, in shard order: [`entry_key`] and
    /// [`entry_count`] read one.
    pub fn chars(&self) -> &[u64] {
        &self.chars
    }

    /// The other words with their counts, in shard order.
    pub fn words(&self) -> &[(Box<str>, u8)] {
        &self.words
    }
}

fn capped(count: usize) -> u8 {
    count.min(usize::from(MAX_COUNT)) as u8
}

/// The term of a packed entry of [`PageTerms::chars`].
pub fn entry_key(entry: u64) -> u64 {
    entry & KEY_MASK
}

/// The count of a packed entry of [`PageTerms::chars`].
pub fn entry_count(entry: u64) -> u8 {
    (entry >> COUNT_SHIFT) as u8
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms(text: &str, unigrams: bool) -> Vec<String> {
        let mut out = Vec::new();
        for_each_term(text, unigrams, |t| match t {
            Term::Chars(key) => out.push(unpack(key)),
            Term::Word(w) => out.push(w.to_string()),
        });
        out
    }

    #[test]
    fn chinese_becomes_bigrams_and_latin_words() {
        assert_eq!(terms("安全生产", false), ["安全", "全生", "生产"]);
        assert_eq!(terms("劳模", true), ["劳", "模", "劳模"]);
        assert_eq!(terms("ＧＢ 2026年", false), ["gb", "2026"]);
        assert_eq!(terms("第12号", false), ["12"]);
    }

    #[test]
    fn shards_are_stable() {
        // search.js must agree: FNV-1a over code points.
        assert_eq!(shard_of("安全", 64), shard_of("安全", 64));
        assert!(shard_of("安全", 64) < 64);
        for term in ["安全", "劳", "模范", "gb", "2026"] {
            let mut packed = None;
            for_each_term(term, true, |t| {
                if let Term::Chars(key) = t {
                    packed = Some(key);
                }
            });
            if let Some(key) = packed {
                assert_eq!(chars_hash(key), term_hash(term), "{term}");
            }
        }
    }

    #[test]
    fn a_page_lists_each_shard_side_by_side_for_every_shard_count() {
        let text = "工会组织开展安全生产月活动，职工代表大会审议通过2026年度工作报告 GB 50016 规范。\
                    劳动模范和大国工匠在一线岗位上发挥带头作用，安全生产人人有责。";
        let page = PageTerms::of("安全生产月", text, ["安全", "工会"]);
        assert!(page.distinct() > 40);
        for bits in 0..=9 {
            let shards = Shards::about(1 << bits, 512);
            assert_eq!(shards.count(), 1 << bits);
            let positions: Vec<usize> = (page.chars().iter())
                .map(|&e| shards.position(chars_hash(entry_key(e))))
                .collect();
            assert!(positions.is_sorted(), "{bits} bits");
            for &e in page.chars() {
                let hash = chars_hash(entry_key(e));
                let shard = shards.shard_at(shards.position(hash));
                assert_eq!(shard, shard_of(&unpack(entry_key(e)), shards.count()));
            }
            let positions: Vec<usize> = (page.words().iter())
                .map(|(w, _)| shards.position(term_hash(w)))
                .collect();
            assert!(positions.is_sorted(), "{bits} bits");
        }
        let count = |term: &str| {
            let hash = term_hash(term);
            (page.chars().iter())
                .find(|&&e| chars_hash(entry_key(e)) == hash && unpack(entry_key(e)) == term)
                .map(|&e| entry_count(e))
        };
        // 安全 in the title, twice in the text, and as a taxonomy term.
        assert_eq!(count("安全"), Some(4));
        // Single characters come from the title only.
        assert_eq!(count("月"), Some(1));
        assert_eq!(count("劳"), None);
        assert!(page.words().iter().any(|(w, n)| &**w == "gb" && *n == 1));
    }

    #[test]
    fn counts_stop_at_the_most_the_index_records() {
        let page = PageTerms::of("", &"工会".repeat(500), []);
        assert_eq!(page.chars().len(), 2);
        let most = page.chars().iter().map(|&e| entry_count(e)).max();
        assert_eq!(most, Some(MAX_COUNT));
    }

    #[test]
    fn shard_counts_are_powers_of_two_within_the_limit() {
        assert_eq!(Shards::about(0, 512).count(), 1);
        assert_eq!(Shards::about(1, 512).count(), 1);
        assert_eq!(Shards::about(113, 512).count(), 128);
        assert_eq!(Shards::about(95, 512).count(), 64);
        assert_eq!(Shards::about(3, 512).count(), 4);
        assert_eq!(Shards::about(128, 512).count(), 128);
        assert_eq!(Shards::about(9000, 512).count(), 512);
    }
}
