//! What a document number looks like, as opposed to how it is encoded: two
//! numbers that a reader cannot tell apart are one number. `Union〔2026〕1号`
//! written with a Cyrillic `о` (U+043E), with full-width `Ｕｎｉｏｎ`, or with a
//! Kangxi radical `⼯` for `工`, is the same notice to the eye; the duplicate check
//! and the ledger compare [`skeleton`]s, never the raw text.
//!
//! The skeleton is NFKC (which folds full-width and mathematical letters and
//! digits, compatibility ideographs and radicals), then the small table of
//! look-alikes below, then the invisible format characters removed. The table
//! is ours and deliberately short: the letters that matter in a GB/T 9704
//! prefix — Latin, Cyrillic and Greek capitals and lower case that render the
//! same, and the Katakana that pass for Chinese characters in a CJK font. It
//! is not Unicode's full confusables list (UTS #39), which would map far more
//! and needs a large data table for text that never appears in a prefix.

use unicode_normalization::UnicodeNormalization;

/// Look-alike → the character it passes for. After NFKC, so full-width and
/// other compatibility forms are already folded. Sorted by the first column.
const LOOK_ALIKES: &[(char, char)] = &[
    // Latin: capital I and small l are one stroke in most sans-serif fonts.
    ('I', 'l'),
    ('ı', 'i'),
    // Greek capitals.
    ('Α', 'A'),
    ('Β', 'B'),
    ('Ε', 'E'),
    ('Ζ', 'Z'),
    ('Η', 'H'),
    ('Ι', 'l'),
    ('Κ', 'K'),
    ('Μ', 'M'),
    ('Ν', 'N'),
    ('Ο', 'O'),
    ('Ρ', 'P'),
    ('Τ', 'T'),
    ('Υ', 'Y'),
    ('Χ', 'X'),
    // Greek small letters.
    ('α', 'a'),
    ('ι', 'i'),
    ('κ', 'k'),
    ('ν', 'v'),
    ('ο', 'o'),
    ('ρ', 'p'),
    ('υ', 'u'),
    // Cyrillic capitals.
    ('Ѕ', 'S'),
    ('І', 'l'),
    ('Ј', 'J'),
    ('А', 'A'),
    ('В', 'B'),
    ('Е', 'E'),
    ('К', 'K'),
    ('М', 'M'),
    ('Н', 'H'),
    ('О', 'O'),
    ('Р', 'P'),
    ('С', 'C'),
    ('Т', 'T'),
    ('У', 'Y'),
    ('Х', 'X'),
    // Cyrillic small letters.
    ('а', 'a'),
    ('е', 'e'),
    ('о', 'o'),
    ('р', 'p'),
    ('с', 'c'),
    ('у', 'y'),
    ('х', 'x'),
    ('ѕ', 's'),
    ('і', 'i'),
    ('ј', 'j'),
    ('Ӏ', 'l'),
    ('ӏ', 'l'),
    ('Ԛ', 'Q'),
    ('ԛ', 'q'),
    ('Ԝ', 'W'),
    ('ԝ', 'w'),
    // Katakana that pass for the Chinese characters of agency names.
    ('エ', '工'),
    ('カ', '力'),
    ('タ', '夕'),
    ('ト', '卜'),
    ('ニ', '二'),
    ('ハ', '八'),
    ('ロ', '口'),
    ('ー', '一'),
];

/// The character `c` passes for, or `c`.
fn passes_for(c: char) -> char {
    match LOOK_ALIKES.binary_search_by_key(&c, |&(from, _)| from) {
        Ok(i) => LOOK_ALIKES[i].1,
        Err(_) => c,
    }
}

/// Zero-width and other invisible format characters: they change the text,
/// not what a reader sees.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}' | '\u{034F}' | '\u{061C}' | '\u{115F}' | '\u{1160}' | '\u{180E}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{206F}'
            | '\u{3164}'
            | '\u{FE00}'..='\u{FE0F}'
            | '\u{FEFF}'
            | '\u{FFA0}'
    )
}

/// What `text` looks like: equal skeletons, indistinguishable numbers.
pub fn skeleton(text: &str) -> String {
    text.nfkc()
        .filter(|&c| !is_invisible(c))
        .map(passes_for)
        .collect()
}

/// The characters of `text` that are not what they look like, as
/// `“о” (U+043E)`, for telling a reader why two numbers are one. ASCII is
/// what the keyboard types, so it is never the disguise (`I` and `l` are
/// folded together, but neither is blamed).
pub fn disguised_characters(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for c in text.chars().filter(|c| !c.is_ascii()) {
        let mut buffer = [0u8; 4];
        let alone: &str = c.encode_utf8(&mut buffer);
        if skeleton(alone) != alone {
            let shown = format!("“{c}” (U+{:04X})", u32::from(c));
            if !out.contains(&shown) {
                out.push(shown);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_is_sorted_and_maps_nothing_to_itself() {
        for pair in LOOK_ALIKES.windows(2) {
            assert!(pair[0].0 < pair[1].0, "{pair:?} out of order");
        }
        for &(from, to) in LOOK_ALIKES {
            assert_ne!(from, to);
            // Each entry must survive NFKC, or it would never be looked up.
            assert_eq!(
                from.to_string().nfkc().collect::<String>(),
                from.to_string()
            );
        }
    }

    #[test]
    fn look_alike_numbers_share_a_skeleton() {
        let plain = skeleton("Union〔2026〕1号");
        for disguised in [
            "Uniоn〔2026〕1号",         // Cyrillic о
            "Unіon〔2026〕1号",         // Cyrillic і
            "Uniοn〔2026〕1号",         // Greek ο
            "Ｕｎｉｏｎ〔2026〕1号",    // full width
            "𝐔nion〔2026〕1号",         // mathematical bold
            "Uni\u{200B}on〔2026〕1号", // zero-width space
            "Union〔２０２６〕１号",    // full-width digits
        ] {
            assert_eq!(skeleton(disguised), plain, "{disguised}");
        }
        assert_eq!(skeleton("⼯会〔2026〕1号"), skeleton("工会〔2026〕1号"));
        assert_eq!(skeleton("エ会〔2026〕1号"), skeleton("工会〔2026〕1号"));
        assert_eq!(skeleton("ｴ会〔2026〕1号"), skeleton("工会〔2026〕1号"));
        assert_eq!(skeleton("PЕT〔2026〕1号"), skeleton("PET〔2026〕1号"));
    }

    #[test]
    fn different_numbers_stay_different() {
        let plain = skeleton("工会〔2026〕1号");
        for other in [
            "工会〔2026〕11号",
            "工会〔2025〕1号",
            "总工会〔2026〕1号",
            "工委〔2026〕1号",
        ] {
            assert_ne!(skeleton(other), plain, "{other}");
        }
        assert_ne!(skeleton("Union〔2026〕1号"), skeleton("Onion〔2026〕1号"));
    }

    #[test]
    fn disguised_characters_are_named_with_their_code_points() {
        assert_eq!(disguised_characters("Uniоn〔2026〕1号"), ["“о” (U+043E)"]);
        assert!(disguised_characters("工会〔2026〕1号").is_empty());
    }
}
