//! Chinese-aware text measures: which characters are CJK, word counts and
//! reading time as the spec defines them.
//!
//! Each CJK character (Han, kana, hangul) counts as one word; CJK punctuation
//! does not count; each run of Latin letters or digits (half- or full-width)
//! counts as one. Reading time = CJK / cjk_per_minute + words / words_per_minute,
//! rounded up, at least one minute.

/// Characters of a page's description made from its text.
pub const DESCRIPTION_CHARS: usize = 120;

/// `bytes` as text, if they are UTF-8: the check of [`std::str::from_utf8`],
/// several times quicker on Chinese text. A build checks every page's
/// Markdown and every body it reads back from disk.
pub fn utf8(bytes: &[u8]) -> Option<&str> {
    simdutf8::basic::from_utf8(bytes).ok()
}

/// The shortest start of `text` that holds `chars` characters other than
/// whitespace (all of `text` when it has fewer): what a description made of
/// the first `chars - 1` such characters, and whether there are more, needs.
pub fn opening(text: &str, chars: usize) -> &str {
    let mut seen = 0;
    for (at, c) in text.char_indices() {
        if !c.is_whitespace() {
            seen += 1;
            if seen == chars {
                return &text[..at + c.len_utf8()];
            }
        }
    }
    text
}

/// Han ideographs, kana and hangul: the characters that count one each.
pub fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3400..=0x4DBF       // CJK Extension A
        | 0x4E00..=0x9FFF     // CJK Unified Ideographs
        | 0xF900..=0xFAFF     // Compatibility Ideographs
        | 0x20000..=0x2FA1F   // Extensions B–F and compatibility supplement
        | 0x30000..=0x323AF   // Extensions G–H
        | 0x3041..=0x3096     // Hiragana
        | 0x30A1..=0x30FA     // Katakana
        | 0x31F0..=0x31FF     // Katakana phonetic extensions
        | 0x1100..=0x11FF     // Hangul Jamo
        | 0xAC00..=0xD7AF     // Hangul syllables
        | 0x3130..=0x318F // Hangul compatibility Jamo
    ) || c == '〇'
}

/// CJK punctuation and full-width forms that are not letters or digits.
pub fn is_cjk_punctuation(c: char) -> bool {
    matches!(c as u32,
        0x3000..=0x303F       // CJK symbols and punctuation
        | 0xFE30..=0xFE4F     // CJK compatibility forms
        | 0xFF00..=0xFF0F
        | 0xFF1A..=0xFF20
        | 0xFF3B..=0xFF40
        | 0xFF5B..=0xFF65
        | 0x2018..=0x201F     // curly quotes used in Chinese text
        | 0x2026              // …
        | 0x2014              // —
        | 0x00B7 // ·
    ) && c != '〇'
}

/// Letters and digits that form Latin-style words, full-width ones included.
fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    // Ideographs and the punctuation between them, most of a Chinese text,
    // without the slow look-up of Unicode's letter tables.
    if is_cjk(c) || is_plain_punctuation(c) {
        return false;
    }
    c.is_alphanumeric() || matches!(c as u32, 0xFF10..=0xFF19 | 0xFF21..=0xFF3A | 0xFF41..=0xFF5A)
}

/// Punctuation of Chinese text that is no letter or digit by Unicode.
fn is_plain_punctuation(c: char) -> bool {
    matches!(c as u32,
        0x3000..=0x3004
        | 0x3008..=0x3020
        | 0xFF00..=0xFF0F
        | 0xFF1A..=0xFF20
        | 0xFF3B..=0xFF40
        | 0xFF5B..=0xFF65
        | 0x2010..=0x2027
        | 0x00B7
    )
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct WordCount {
    pub cjk: usize,
    pub words: usize,
}

impl WordCount {
    pub fn total(&self) -> usize {
        self.cjk + self.words
    }

    pub fn reading_minutes(&self, cjk_per_minute: u32, words_per_minute: u32) -> usize {
        let cjk_rate = cjk_per_minute.max(1) as f64;
        let word_rate = words_per_minute.max(1) as f64;
        let minutes = self.cjk as f64 / cjk_rate + self.words as f64 / word_rate;
        (minutes.ceil() as usize).max(1)
    }
}

pub fn count_words(text: &str) -> WordCount {
    let mut count = WordCount::default();
    let mut in_word = false;
    for c in text.chars() {
        if is_cjk(c) {
            count.cjk += 1;
            in_word = false;
        } else if is_word_char(c) || (in_word && (c == '\'' || c == '’')) {
            if !in_word {
                count.words += 1;
            }
            in_word = true;
        } else {
            in_word = false;
        }
    }
    count
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_quick_punctuation_test_names_no_letter_or_digit() {
        let plain = (0..=0x10FFFFu32)
            .filter_map(char::from_u32)
            .filter(|&c| super::is_plain_punctuation(c));
        for c in plain {
            assert!(!c.is_alphanumeric(), "{c:?}");
        }
    }

    #[test]
    fn an_opening_describes_as_the_whole_text_does() {
        use crate::render::views::describe;
        let long: String = (0..400)
            .map(|i| {
                if i % 7 == 0 {
                    " \n ".to_string()
                } else {
                    "工".to_string()
                }
            })
            .collect();
        for text in [long.as_str(), "短 文", "", "  a  b  "] {
            for n in [1, 5, DESCRIPTION_CHARS + 1] {
                let cut = opening(text, n);
                assert!(text.starts_with(cut));
            }
            let cut = opening(text, DESCRIPTION_CHARS + 1);
            assert_eq!(describe(None, cut), describe(None, text), "{text:?}");
        }
        assert_eq!(opening("a b c", 2), "a b");
    }

    use super::*;
    use crate::escape::percent_decode;

    #[test]
    fn chinese_counts_characters_not_punctuation() {
        let c = count_words("工会召开安全生产月动员会。");
        assert_eq!(c, WordCount { cjk: 12, words: 0 });
    }

    #[test]
    fn mixed_text_counts_runs() {
        // 2026 and GB and T and 9704 are four runs; full-width ２０２６ is one more.
        let c = count_words("2026年按GB/T 9704执行，第２０２６号");
        assert_eq!(c.words, 5);
        assert_eq!(c.cjk, 6);
    }

    #[test]
    fn english_words() {
        assert_eq!(count_words("Safety first, don't rush.").words, 4);
    }

    #[test]
    fn reading_time_rounds_up_and_is_at_least_one() {
        assert_eq!(WordCount { cjk: 0, words: 0 }.reading_minutes(300, 200), 1);
        assert_eq!(
            WordCount { cjk: 301, words: 0 }.reading_minutes(300, 200),
            2
        );
        assert_eq!(
            WordCount {
                cjk: 300,
                words: 200
            }
            .reading_minutes(300, 200),
            2
        );
    }

    #[test]
    fn kana_and_hangul_count() {
        assert_eq!(count_words("ひらがな한국").cjk, 6);
    }

    #[test]
    fn percent_escapes_decode_to_utf8_or_nothing() {
        assert_eq!(percent_decode("%E7%85%A7.jpg").as_deref(), Some("照.jpg"));
        assert_eq!(percent_decode("a%20b").as_deref(), Some("a b"));
        assert_eq!(percent_decode("%zz"), None);
        assert_eq!(percent_decode("%ff"), None);
        assert_eq!(percent_decode("%E7"), None);
    }
}
