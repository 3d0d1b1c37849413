//! URL slugs for page, section and taxonomy names.
//!
//! `slugify` turns a name such as `2026年安全生产月（通知）` into one path
//! segment, `2026-nian-an-quan-sheng-chan-yue-tong-zhi`: Han characters become
//! pinyin read word by word (银行 is `yin-hang`, not `yin-xing`), Latin text is
//! lowercased and folded to ASCII, and everything else separates words. With
//! [`SlugStyle::Unicode`] Han characters stay as they are.
//!
//! Where it stops: the result is one segment that never contains `/`, `\`,
//! `.` or whitespace, but it may be empty (the caller picks a fallback), two
//! names may give the same slug (clashes are the caller's to resolve), and it
//! may hold non-ASCII letters (Han in Unicode style, kana, hangul, Cyrillic),
//! which the caller percent-encodes when it writes URLs. Readings come from a
//! dictionary, not a language model: a word missing from pypinyin's phrase
//! table reads character by character, sometimes wrongly (长效 `zhang-xiao`).

mod pinyin;

use std::collections::HashMap;
use std::sync::OnceLock;

/// How Han characters appear in slugs (`slugs:` in the site config).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum SlugStyle {
    /// 厂务公开 → `chang-wu-gong-kai`: plain ASCII URLs that survive being
    /// pasted into chat apps and printed notices.
    #[default]
    Pinyin,
    /// 厂务公开 → `厂务公开`. A Han run is kept as written, with no `-`
    /// between it and adjacent Latin letters or digits: `2026年工作要点`
    /// stays `2026年工作要点`.
    Unicode,
}

/// Makes one URL path segment out of `input`; see the module docs.
///
/// ```text
/// slugify("GB/T 9704 公文格式", SlugStyle::Pinyin)  → gb-t-9704-gong-wen-ge-shi
/// slugify("厂务公开 2026", SlugStyle::Unicode)      → 厂务公开-2026
/// ```
///
/// (The module is private to the crate, so these are checked by the unit
/// test `the_documented_examples_hold`, not as a doctest.)
pub fn slugify(input: &str, style: SlugStyle) -> String {
    let mut slug = Builder::with_capacity(input.len() * 2);
    // Pinyin style reads a whole run of Han at once so phrases can span it.
    let mut run = String::new();
    for c in input.chars().map(fold_width).map(pinyin::fold_han) {
        if is_ignorable(c) {
            // Invisible: must not split 银<ZWSP>行 into two words.
            continue;
        }
        if pinyin::is_han(c) {
            match style {
                SlugStyle::Pinyin => run.push(c),
                SlugStyle::Unicode => slug.push_char(c),
            }
            continue;
        }
        slug.flush_han(&mut run);
        if c.is_ascii_alphanumeric() {
            slug.push_char(c.to_ascii_lowercase());
        } else if let Some(ascii) = fold_latin(c) {
            // Empty for Latin letters with no obvious ASCII form: dropped
            // rather than splitting the word they sit in.
            slug.push_str(ascii);
        } else if c.is_alphabetic() || matches!(c, '\u{3099}' | '\u{309A}') {
            // Kana, hangul, Cyrillic and the like (and the combining kana
            // voicing marks, which belong to the kana before them).
            for lower in c.to_lowercase() {
                slug.push_char(lower);
            }
        } else {
            slug.end_word();
        }
    }
    slug.flush_han(&mut run);
    slug.out
}

/// The pinyin syllables of the Han characters in `input`, one string per
/// character, read word by word; everything that is not Han is skipped, but
/// still ends a word (银行 and 银·行 read differently).
#[cfg(test)]
pub fn to_pinyin(input: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut run = String::new();
    let mut flush = |run: &mut String| {
        if !run.is_empty() {
            pinyin::for_each_syllable(run, |s| out.push(s.to_string()));
            run.clear();
        }
    };
    for c in input.chars().map(fold_width).map(pinyin::fold_han) {
        if pinyin::is_han(c) {
            run.push(c);
        } else if !is_ignorable(c) {
            flush(&mut run);
        }
    }
    flush(&mut run);
    out
}

/// Words joined by single `-`; a separator only materialises when the next
/// word starts, so leading, trailing and repeated separators never appear.
struct Builder {
    out: String,
    in_word: bool,
}

impl Builder {
    fn with_capacity(capacity: usize) -> Self {
        Self {
            out: String::with_capacity(capacity),
            in_word: false,
        }
    }

    fn push_char(&mut self, c: char) {
        self.open_word();
        self.out.push(c);
    }

    fn push_str(&mut self, s: &str) {
        if !s.is_empty() {
            self.open_word();
            self.out.push_str(s);
        }
    }

    fn open_word(&mut self) {
        if !self.in_word {
            if !self.out.is_empty() {
                self.out.push('-');
            }
            self.in_word = true;
        }
    }

    fn end_word(&mut self) {
        self.in_word = false;
    }

    /// Each syllable is a word of its own: `yin-hang`, and `5g-ji-zhan`
    /// rather than `5gjizhan`.
    fn flush_han(&mut self, run: &mut String) {
        if run.is_empty() {
            return;
        }
        pinyin::for_each_syllable(run, |syllable| {
            self.end_word();
            self.push_str(syllable);
        });
        self.end_word();
        run.clear();
    }
}

/// Full-width ASCII (ＧＢ／Ｔ　９７０４, common in Chinese documents) and the
/// ideographic space to their plain forms.
fn fold_width(c: char) -> char {
    match c {
        '\u{3000}' => ' ',
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(u32::from(c) - 0xFEE0).unwrap_or(c),
        _ => c,
    }
}

/// Characters that carry no letter of their own and must not act as
/// separators: zero-width spaces and joiners, the soft hyphen, the BOM,
/// variation selectors (ideographic variation sequences follow Han names),
/// and combining accents, whose base letter is folded to ASCII anyway.
fn is_ignorable(c: char) -> bool {
    matches!(c,
        '\u{00AD}'
        | '\u{0300}'..='\u{036F}'
        | '\u{1AB0}'..='\u{1AFF}'
        | '\u{1DC0}'..='\u{1DFF}'
        | '\u{200B}'..='\u{200D}'
        | '\u{2060}'
        | '\u{20D0}'..='\u{20FF}'
        | '\u{FE00}'..='\u{FE0F}'
        | '\u{FE20}'..='\u{FE2F}'
        | '\u{FEFF}'
        | '\u{E0100}'..='\u{E01EF}')
}

/// ASCII for a Latin letter beyond ASCII: `Some("e")` for é, `Some("ss")` for
/// ß, `Some("")` for Latin letters with no obvious ASCII form (they are
/// dropped), `None` for anything that is not a Latin letter.
fn fold_latin(c: char) -> Option<&'static str> {
    let latin = matches!(c,
        '\u{00AA}'
        | '\u{00BA}'
        | '\u{00C0}'..='\u{02AF}'
        | '\u{1D00}'..='\u{1DBF}'
        | '\u{1E00}'..='\u{1EFF}'
        | '\u{2C60}'..='\u{2C7F}'
        | '\u{A720}'..='\u{A7FF}'
        | '\u{AB30}'..='\u{AB6F}'
        | '\u{FB00}'..='\u{FB06}');
    // × and ÷ sit among the Latin letters but are separators.
    if !latin || !c.is_alphabetic() {
        return None;
    }
    static MAP: OnceLock<HashMap<char, &'static str>> = OnceLock::new();
    let map = MAP.get_or_init(|| {
        LATIN_FOLDS
            .iter()
            .flat_map(|&(ascii, letters)| letters.chars().map(move |c| (c, ascii)))
            .collect()
    });
    Some(map.get(&c).copied().unwrap_or(""))
}

/// ASCII form, then the letters that fold to it: NFKD with the accents
/// stripped, or the base letter named in the Unicode name ("LATIN SMALL
/// LETTER D WITH STROKE"), plus the usual ß/æ/œ/þ/ð/ŋ spellings. Covers
/// Latin-1, Latin Extended-A/B and Additional (Vietnamese), pinyin tone
/// letters and the ﬁ ligatures.
const LATIN_FOLDS: &[(&str, &str)] = &[
    (
        "a",
        "ªÀÁÂÃÄÅàáâãäåĀāĂăĄąǍǎǞǟǠǡǺǻȀȁȂȃȦȧȺḀḁẚẠạẢảẤấẦầẨẩẪẫẬậẮắẰằẲẳẴẵẶặ",
    ),
    ("ae", "ÆæǢǣǼǽ"),
    ("b", "ƀƁƂƃɃḂḃḄḅḆḇ"),
    ("c", "ÇçĆćĈĉĊċČčƇƈȻȼḈḉ"),
    ("d", "ÐðĎďĐđƊƋƌȡḊḋḌḍḎḏḐḑḒḓ"),
    ("dz", "ǄǅǆǱǲǳ"),
    ("e", "ÈÉÊËèéêëĒēĔĕĖėĘęĚěȄȅȆȇȨȩɆɇḔḕḖḗḘḙḚḛḜḝẸẹẺẻẼẽẾếỀềỂểỄễỆệ"),
    ("f", "ƑƒḞḟ"),
    ("ff", "ﬀ"),
    ("ffi", "ﬃ"),
    ("ffl", "ﬄ"),
    ("fi", "ﬁ"),
    ("fl", "ﬂ"),
    ("g", "ĜĝĞğĠġĢģƓǤǥǦǧǴǵḠḡ"),
    ("h", "ĤĥĦħȞȟḢḣḤḥḦḧḨḩḪḫẖ"),
    ("hv", "ƕ"),
    ("i", "ÌÍÎÏìíîïĨĩĪīĬĭĮįİıƗǏǐȈȉȊȋḬḭḮḯỈỉỊị"),
    ("ij", "Ĳĳ"),
    ("j", "ĴĵǰɈɉ"),
    ("k", "ĶķƘƙǨǩḰḱḲḳḴḵ"),
    ("l", "ĹĺĻļĽľĿŀŁłƚȴȽḶḷḸḹḺḻḼḽ"),
    ("lj", "Ǉǈǉ"),
    ("m", "ḾḿṀṁṂṃ"),
    ("n", "ÑñŃńŅņŇňƝƞǸǹȠȵṄṅṆṇṈṉṊṋ"),
    ("ng", "Ŋŋ"),
    ("nj", "Ǌǋǌ"),
    (
        "o",
        "ºÒÓÔÕÖØòóôõöøŌōŎŏŐőƟƠơǑǒǪǫǬǭǾǿȌȍȎȏȪȫȬȭȮȯȰȱṌṍṎṏṐṑṒṓỌọỎỏỐốỒồỔổỖỗỘộỚớỜờỞởỠỡỢợ",
    ),
    ("oe", "Œœ"),
    ("oi", "Ƣƣ"),
    ("ou", "Ȣȣ"),
    ("p", "ƤƥṔṕṖṗ"),
    ("q", "ɋ"),
    ("r", "ŔŕŖŗŘřȐȑȒȓɌɍṘṙṚṛṜṝṞṟ"),
    ("s", "ŚśŜŝŞşŠšſȘșȿṠṡṢṣṤṥṦṧṨṩẛ"),
    ("ss", "ßẞ"),
    ("st", "ﬅﬆ"),
    ("t", "ŢţŤťŦŧƫƬƭƮȚțȶȾṪṫṬṭṮṯṰṱẗ"),
    ("th", "Þþ"),
    (
        "u",
        "ÙÚÛÜùúûüŨũŪūŬŭŮůŰűŲųƯưǓǔǕǖǗǘǙǚǛǜȔȕȖȗṲṳṴṵṶṷṸṹṺṻỤụỦủỨứỪừỬửỮữỰự",
    ),
    ("v", "ƲṼṽṾṿ"),
    ("w", "ŴŵẀẁẂẃẄẅẆẇẈẉẘ"),
    ("x", "ẊẋẌẍ"),
    ("y", "ÝýÿŶŷŸƳƴȲȳɎɏẎẏẙỲỳỴỵỶỷỸỹỾỿ"),
    ("z", "ŹźŻżŽžƵƶȤȥɀẐẑẒẓẔẕ"),
];

#[cfg(test)]
mod tests {
    #[test]
    fn the_documented_examples_hold() {
        use super::{SlugStyle, slugify};
        assert_eq!(
            slugify("GB/T 9704 公文格式", SlugStyle::Pinyin),
            "gb-t-9704-gong-wen-ge-shi"
        );
        assert_eq!(
            slugify("厂务公开 2026", SlugStyle::Unicode),
            "厂务公开-2026"
        );
    }

    use super::*;

    fn py(s: &str) -> String {
        slugify(s, SlugStyle::Pinyin)
    }

    fn uni(s: &str) -> String {
        slugify(s, SlugStyle::Unicode)
    }

    #[test]
    fn module_doc_example() {
        assert_eq!(
            py("2026年安全生产月（通知）"),
            "2026-nian-an-quan-sheng-chan-yue-tong-zhi"
        );
    }

    #[test]
    fn spec_word_readings() {
        for (input, want) in [
            ("厂务公开", "chang-wu-gong-kai"),
            ("银行", "yin-hang"),
            ("重庆", "chong-qing"),
            ("行业", "hang-ye"),
            ("重要", "zhong-yao"),
            ("长城", "chang-cheng"),
            ("成长", "cheng-zhang"),
            ("安全生产月", "an-quan-sheng-chan-yue"),
            ("劳模", "lao-mo"),
            ("工会", "gong-hui"),
            ("会计", "kuai-ji"),
            ("单于", "chan-yu"),
        ] {
            assert_eq!(py(input), want, "{input}");
        }
    }

    #[test]
    fn readings_depend_on_the_word_around_the_character() {
        assert_eq!(py("银行行长"), "yin-hang-hang-zhang");
        assert_eq!(py("工会会计"), "gong-hui-kuai-ji");
        assert_eq!(py("重庆重要会议"), "chong-qing-zhong-yao-hui-yi");
        assert_eq!(py("长城 成长"), "chang-cheng-cheng-zhang");
        // Default-reading phrases the generator keeps because a shorter
        // phrase inside them (行道 hang dao, 朝阳 zhao yang) would win.
        assert_eq!(py("人行道"), "ren-xing-dao");
        assert_eq!(py("朝阳区工会"), "chao-yang-qu-gong-hui");
        // A separator ends the word: no phrase reading across it.
        assert_eq!(py("银，行"), "yin-xing");
    }

    #[test]
    fn umlaut_is_v() {
        assert_eq!(py("绿色工厂"), "lv-se-gong-chang");
        assert_eq!(to_pinyin("女"), ["nv"]);
    }

    #[test]
    fn to_pinyin_reads_han_only() {
        assert_eq!(
            to_pinyin("2026年 重庆银行, GB/T"),
            ["nian", "chong", "qing", "yin", "hang"]
        );
        assert!(to_pinyin("abc 123 ,./").is_empty());
        assert!(to_pinyin("").is_empty());
    }

    #[test]
    fn latin_and_digit_runs_stay_together() {
        assert_eq!(py("2026年安全生产月"), "2026-nian-an-quan-sheng-chan-yue");
        assert_eq!(py("GB/T 9704"), "gb-t-9704");
        assert_eq!(py("5G基站"), "5g-ji-zhan");
        assert_eq!(py("基站5G建设"), "ji-zhan-5g-jian-she");
        assert_eq!(py("Hello World 2026"), "hello-world-2026");
        assert_eq!(py("iPhone15Pro"), "iphone15pro");
    }

    #[test]
    fn full_width_folds_to_half_width() {
        assert_eq!(py("ＡＢＣ１２３"), "abc123");
        assert_eq!(py("ＧＢ／Ｔ　９７０４"), "gb-t-9704");
        assert_eq!(py("第５届职工技能大赛"), "di-5-jie-zhi-gong-ji-neng-da-sai");
        assert_eq!(uni("ＡＢＣ　厂务公开"), "abc-厂务公开");
    }

    #[test]
    fn punctuation_separates_and_collapses() {
        assert_eq!(
            py("关于〔2026〕3号文件《安全生产》的通知"),
            "guan-yu-2026-3-hao-wen-jian-an-quan-sheng-chan-de-tong-zhi"
        );
        assert_eq!(
            py("工会、职工：通知，公告"),
            "gong-hui-zhi-gong-tong-zhi-gong-gao"
        );
        assert_eq!(py("--a__b--c  d..e"), "a-b-c-d-e");
        assert_eq!(py("  ——厂务公开！！  "), "chang-wu-gong-kai");
        assert_eq!(py("a × b ÷ c"), "a-b-c");
    }

    #[test]
    fn punctuation_only_is_empty() {
        for input in [
            "",
            "   ",
            "——",
            "《》〔〕、，：",
            "...///\\\\",
            "-_-",
            "！？。",
            "\u{3000}",
        ] {
            assert_eq!(py(input), "", "{input:?}");
            assert_eq!(uni(input), "", "{input:?}");
        }
    }

    #[test]
    fn path_like_input_cannot_escape() {
        assert_eq!(py("../etc/passwd"), "etc-passwd");
        assert_eq!(py("..\\..\\windows\\system32"), "windows-system32");
        assert_eq!(py("/abs/path/"), "abs-path");
        assert_eq!(uni("../厂务/../公开"), "厂务-公开");
        for input in [
            "../a/./b",
            "a\\b",
            "a..b",
            "a . . b",
            "x\t\ny",
            "．．／ｅｔｃ",
        ] {
            for out in [py(input), uni(input)] {
                assert!(
                    !out.contains('/')
                        && !out.contains('\\')
                        && !out.contains("..")
                        && !out.chars().any(char::is_whitespace),
                    "{input:?} -> {out:?}"
                );
            }
        }
    }

    #[test]
    fn latin_diacritics_fold_or_drop() {
        assert_eq!(py("Café Über Straße"), "cafe-uber-strasse");
        assert_eq!(py("Nguyễn Văn Đức"), "nguyen-van-duc");
        assert_eq!(py("Chóngqìng lǜ"), "chongqing-lu");
        assert_eq!(py("Æsir ﬁle"), "aesir-file");
        // Decomposed accents fold the same as precomposed ones.
        assert_eq!(py("cafe\u{301}"), "cafe");
        // Latin letters without an obvious ASCII form are dropped, not split on.
        assert_eq!(py("aʃb"), "ab");
    }

    #[test]
    fn kana_hangul_and_other_scripts_are_kept() {
        assert_eq!(py("東京タワー"), "dong-jing-タワー");
        assert_eq!(py("한국 노동"), "한국-노동");
        assert_eq!(py("Москва 2026"), "москва-2026");
        assert_eq!(uni("ひらがな"), "ひらがな");
    }

    #[test]
    fn rare_han_fall_back_to_code_point() {
        assert_eq!(py("\u{3FFFD}"), "u3fffd");
        assert_eq!(py("工\u{3FFFD}会"), "gong-u3fffd-hui");
    }

    #[test]
    fn invisible_characters_do_not_split_words() {
        assert_eq!(py("银\u{200B}行"), "yin-hang");
        assert_eq!(py("\u{FEFF}工会"), "gong-hui");
        // Ideographic variation selector after a Han character.
        assert_eq!(py("会\u{E0100}计"), "kuai-ji");
    }

    #[test]
    fn radicals_from_pdfs_read_as_ideographs() {
        // ⼯ is KANGXI RADICAL WORK, which PDF text extraction often yields.
        assert_eq!(py("\u{2F2F}会"), "gong-hui");
        assert_eq!(uni("\u{2F2F}会"), "工会");
    }

    #[test]
    fn unicode_style_keeps_han() {
        assert_eq!(uni("厂务公开 2026"), "厂务公开-2026");
        assert_eq!(uni("2026年安全生产月"), "2026年安全生产月");
        assert_eq!(
            uni("GB/T 9704《党政机关公文格式》"),
            "gb-t-9704-党政机关公文格式"
        );
        assert_eq!(uni("Café 工会"), "cafe-工会");
    }

    #[test]
    fn output_alphabet() {
        let out = py("Ｘ：关于2026年“安全生产月”活动的通知（第三版）——Café/ＡＢＣ_v2.1");
        assert_eq!(
            out,
            "x-guan-yu-2026-nian-an-quan-sheng-chan-yue-huo-dong-de-tong-zhi-di-san-ban-cafe-abc-v2-1"
        );
        assert!(
            out.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        );
    }

    #[test]
    fn deterministic() {
        let input = "2026年重庆银行行长会议：工会会计培训（第５期）";
        let first = py(input);
        for _ in 0..20 {
            assert_eq!(py(input), first);
        }
        // Fresh threads share the one table, but check nothing depends on
        // which thread built it.
        let from_threads: Vec<String> = (0..4)
            .map(|_| std::thread::spawn(move || slugify(input, SlugStyle::Pinyin)))
            .map(|h| h.join().unwrap_or_default())
            .collect();
        assert!(from_threads.iter().all(|s| *s == first));
    }

    #[test]
    fn fast_enough() {
        let title = "关于开展2026年安全生产月暨厂务公开民主管理工作检查的通知（重庆）";
        assert!(title.chars().count() >= 30);
        let _ = py(title); // builds the tables
        let rounds = 2_000;
        let start = std::time::Instant::now();
        for _ in 0..rounds {
            std::hint::black_box(py(std::hint::black_box(title)));
        }
        let per = start.elapsed() / rounds;
        // Generous bound for unoptimised test builds on a busy machine; the
        // release figure is a few microseconds.
        assert!(
            per < std::time::Duration::from_millis(1),
            "{per:?} per slug"
        );
    }
}
