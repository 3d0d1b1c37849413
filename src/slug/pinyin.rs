//! Word-aware Han → pinyin, from tables generated out of pypinyin (MIT, see
//! `PYPINYIN-LICENSE.txt`) by `gen_pinyin_data.py`, which also documents the
//! data format.
//!
//! A character reads as its default (most common) reading unless a phrase in
//! the table covers it. The phrase table holds only the phrases the defaults
//! get wrong (银行 yin hang, 重庆 chong qing), so its absence from a word
//! means "read it character by character".

use std::collections::HashMap;
use std::sync::OnceLock;

const CHARS: &str = include_str!("data/chars.txt");
const PHRASES: &str = include_str!("data/phrases.txt");
const HAN_FOLD: &str = include_str!("data/han_fold.txt");

struct Tables {
    chars: HashMap<char, &'static str>,
    /// Phrase → its syllables joined by single spaces.
    phrases: HashMap<&'static str, &'static str>,
    /// Longest phrase (in characters) starting with each character: most
    /// characters start none, which spares the phrase lookups there.
    longest_from: HashMap<char, usize>,
    fold: HashMap<char, char>,
}

fn data_lines(data: &'static str) -> impl Iterator<Item = &'static str> {
    data.lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

fn tables() -> &'static Tables {
    static TABLES: OnceLock<Tables> = OnceLock::new();
    TABLES.get_or_init(|| {
        let mut chars = HashMap::with_capacity(42_000);
        for line in data_lines(CHARS) {
            let split = line
                .find(|c: char| !c.is_ascii_lowercase())
                .expect("chars.txt: a reading must be followed by characters");
            let (reading, han) = line.split_at(split);
            for c in han.chars() {
                chars.insert(c, reading);
            }
        }

        let mut phrases = HashMap::with_capacity(3_000);
        let mut longest_from = HashMap::with_capacity(2_000);
        for line in data_lines(PHRASES) {
            let (phrase, reading) = line
                .split_once(' ')
                .expect("phrases.txt: a phrase must be followed by its syllables");
            let len = phrase.chars().count();
            assert_eq!(
                len,
                reading.split(' ').count(),
                "phrases.txt: {phrase} needs one syllable per character"
            );
            let first = phrase.chars().next().expect("phrases.txt: empty phrase");
            let longest = longest_from.entry(first).or_insert(0);
            *longest = len.max(*longest);
            phrases.insert(phrase, reading);
        }

        let mut fold = HashMap::with_capacity(1_300);
        for line in data_lines(HAN_FOLD) {
            let mut pair = line.chars();
            match (pair.next(), pair.next(), pair.next()) {
                (Some(from), Some(to), None) => {
                    fold.insert(from, to);
                }
                _ => panic!("han_fold.txt: `{line}` is not a pair of characters"),
            }
        }

        Tables {
            chars,
            phrases,
            longest_from,
            fold,
        }
    })
}

/// Han ideographs: the blocks pypinyin's table draws on, plus planes 2 and 3,
/// which Unicode reserves for ideographs. Must match `is_han` in the generator.
pub(super) fn is_han(c: char) -> bool {
    matches!(c,
        '\u{3007}'
        | '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{20000}'..='\u{3FFFF}')
}

/// Maps radicals and compatibility ideographs to the ideograph they look
/// like, so that text pasted from PDFs (⼯会, with the Kangxi radical ⼯)
/// slugs the same as typed text.
pub(super) fn fold_han(c: char) -> char {
    // Skip the table lookup for the overwhelmingly common case.
    if matches!(c, '\u{2E80}'..='\u{2FDF}' | '\u{F900}'..='\u{FAFF}' | '\u{2F800}'..='\u{2FA1F}') {
        tables().fold.get(&c).copied().unwrap_or(c)
    } else {
        c
    }
}

/// Calls `emit` with each syllable of `run`, a string of Han characters only
/// (already passed through [`fold_han`]). Characters the table does not know
/// come out as `u` + lowercase hex code point, which keeps slugs ASCII.
pub(super) fn for_each_syllable(run: &str, mut emit: impl FnMut(&str)) {
    let t = tables();
    // Byte offset of each character and of the end, so phrases can be looked
    // up as plain slices of `run`.
    let bounds: Vec<usize> = run
        .char_indices()
        .map(|(i, _)| i)
        .chain(std::iter::once(run.len()))
        .collect();
    let n = bounds.len() - 1;
    let mut fallback = String::new();
    let mut i = 0;
    for len in segment(run, &bounds, t) {
        let piece = &run[bounds[i]..bounds[i + len]];
        if len > 1 {
            if let Some(reading) = t.phrases.get(piece) {
                reading.split(' ').for_each(&mut emit);
            }
        } else if let Some(c) = piece.chars().next() {
            match t.chars.get(&c) {
                Some(reading) => emit(reading),
                None => {
                    use std::fmt::Write;
                    fallback.clear();
                    let _ = write!(fallback, "u{:x}", u32::from(c));
                    emit(&fallback);
                }
            }
        }
        i += len;
    }
    debug_assert_eq!(i, n);
}

/// Splits the run into the fewest segments, a lone character counting as a
/// segment, so phrases cover as much of the run as they can; on a tie the
/// longer segment on the left wins, as in forward maximum matching. Returns
/// segment lengths in characters, left to right. Must match `segment` in the
/// generator, whose pruning is only sound for this exact choice.
fn segment(run: &str, bounds: &[usize], t: &Tables) -> Vec<usize> {
    let n = bounds.len() - 1;
    let longest: Vec<usize> = run
        .chars()
        .map(|c| t.longest_from.get(&c).copied().unwrap_or(1))
        .collect();
    // cost[i]: fewest segments for characters i..n; take[i]: first segment.
    let mut cost = vec![0u32; n + 1];
    let mut take = vec![1usize; n + 1];
    for i in (0..n).rev() {
        let mut best = cost[i + 1] + 1;
        let mut best_len = 1;
        for len in 2..=longest[i].min(n - i) {
            if cost[i + len] < best && t.phrases.contains_key(&run[bounds[i]..bounds[i + len]]) {
                best = cost[i + len] + 1;
                best_len = len;
            }
        }
        cost[i] = best;
        take[i] = best_len;
    }
    let mut lengths = Vec::new();
    let mut i = 0;
    while i < n {
        lengths.push(take[i]);
        i += take[i];
    }
    lengths
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(run: &str) -> String {
        let mut out = Vec::new();
        for_each_syllable(run, |s| out.push(s.to_string()));
        out.join(" ")
    }

    #[test]
    fn tables_load_and_are_sane() {
        let t = tables();
        assert!(t.chars.len() > 40_000, "{}", t.chars.len());
        assert!(t.phrases.len() > 1_000, "{}", t.phrases.len());
        assert!(t.longest_from.values().all(|len| (2..=16).contains(len)));
        assert!(
            t.chars
                .values()
                .all(|r| !r.is_empty() && r.bytes().all(|b| b.is_ascii_lowercase()))
        );
        assert!(t.chars.keys().all(|&c| is_han(c)));
        assert!(t.phrases.values().all(|r| {
            r.split(' ')
                .all(|s| !s.is_empty() && s.bytes().all(|b| b.is_ascii_lowercase()))
        }));
    }

    #[test]
    fn defaults_and_phrases() {
        assert_eq!(read("绿"), "lv");
        assert_eq!(read("行"), "xing");
        assert_eq!(read("银行"), "yin hang");
        assert_eq!(read("银行行长"), "yin hang hang zhang");
        assert_eq!(read("会计"), "kuai ji");
    }

    #[test]
    fn tie_prefers_longer_left_segment() {
        // Overlapping phrases must not lose or duplicate characters.
        let run = "重庆银行行长会计";
        let mut n = 0;
        for_each_syllable(run, |_| n += 1);
        assert_eq!(n, run.chars().count());
    }

    #[test]
    fn unknown_han_falls_back_to_hex() {
        // U+3FFFD is in the ideograph planes but has no character assigned.
        assert_eq!(read("\u{3FFFD}"), "u3fffd");
    }

    #[test]
    fn folds_radicals_and_compatibility_ideographs() {
        assert_eq!(fold_han('\u{2F2F}'), '工');
        assert_eq!(fold_han('\u{F900}'), '\u{8C48}');
        assert_eq!(fold_han('工'), '工');
    }
}
