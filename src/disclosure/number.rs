//! Document numbers (发文字号, 文号) as GB/T 9704 writes them: the issuing agency's
//! prefix (机关代字), the year in hexagonal brackets 〔〕, the sequence number without
//! leading zeros, then 号 — `工会〔2026〕12号`.
//!
//! This module reads, writes and allocates single numbers. Finding duplicates across
//! a site, and knowing which prefix a site uses, belong to the disclosure ledger.

use std::fmt;
use std::str::FromStr;

/// What a number should look like, for error messages.
pub const EXPECTED: &str = "机关代字〔年份〕序号号, e.g. 工会〔2026〕12号";

/// A parsed document number.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct DocNumber {
    /// The agency prefix (机关代字), e.g. `工会`.
    pub prefix: String,
    pub year: i32,
    /// The sequence number within the prefix and year, from 1.
    pub seq: u32,
}

impl fmt::Display for DocNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}〔{}〕{}号", self.prefix, self.year, self.seq)
    }
}

impl FromStr for DocNumber {
    type Err = NumberError;

    fn from_str(s: &str) -> Result<DocNumber, NumberError> {
        parse(s)
    }
}

/// Which rule a malformed number breaks, for callers that react differently to
/// different mistakes (and for tests).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NumberProblem {
    Empty,
    Whitespace,
    /// No brackets around the year at all.
    MissingBrackets,
    /// `[ ]`, `( )`, `【】`, `（）`, `〖〗` or a look-alike instead of `〔〕`.
    WrongBrackets,
    /// `〔` without a closing `〕`.
    UnclosedBracket,
    EmptyPrefix,
    /// The prefix holds something other than letters (digits, punctuation, brackets).
    BadPrefix,
    /// Full-width digits (`１２`) in the year or the sequence.
    FullWidthDigits,
    /// A two-digit year such as `〔26〕`.
    ShortYear,
    /// Anything else wrong with the year.
    BadYear,
    MissingSequence,
    /// `第12号`: GB/T 9704 writes no 第.
    OrdinalPrefix,
    /// `012号`.
    LeadingZero,
    /// `0号`.
    ZeroSequence,
    /// The sequence is not made of digits.
    BadSequence,
    SequenceTooLarge,
    MissingHao,
    /// Text after 号.
    TrailingText,
}

/// A malformed document number. `message` says what is wrong, in Chinese and then
/// in English; `expected` is the shape to follow.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct NumberError {
    pub problem: NumberProblem,
    pub message: String,
    pub expected: &'static str,
}

impl NumberError {
    fn new(problem: NumberProblem, input: &str, zh: &str, en: &str) -> NumberError {
        NumberError {
            problem,
            message: format!("文号“{input}”格式不正确：{zh}（{en}）"),
            expected: EXPECTED,
        }
    }
}

/// Brackets people type instead of 〔〕: ASCII and full-width ones from the keyboard,
/// the lenticular and white lenticular brackets IMEs offer first, and tortoise-shell
/// look-alikes that render almost the same.
const OPENING: &[char] = &[
    '[', '(', '{', '<', '［', '（', '｛', '＜', '【', '〖', '〘', '﹝', '❲', '《', '〈',
];
const CLOSING: &[char] = &[
    ']', ')', '}', '>', '］', '）', '｝', '＞', '】', '〗', '〙', '﹞', '❳', '》', '〉',
];

fn is_full_width_digit(c: char) -> bool {
    ('０'..='９').contains(&c)
}

/// `c (U+XXXX)`, so look-alike characters can be told apart in a message.
fn code_point(c: char) -> String {
    format!("“{c}” (U+{:04X})", u32::from(c))
}

/// Reads a document number such as `工会〔2026〕12号`.
///
/// Strict: the text must be exactly prefix, `〔`, four ASCII digits, `〕`, a
/// sequence of ASCII digits without leading zeros, `号`; no spaces. The error names
/// the first rule broken and how to fix it.
pub fn parse(s: &str) -> Result<DocNumber, NumberError> {
    use NumberProblem as P;
    let fail = |problem, zh: &str, en: &str| Err(NumberError::new(problem, s, zh, en));

    if s.is_empty() {
        return fail(P::Empty, "文号为空", "the number is empty");
    }
    if let Some(c) = s.chars().find(|c| c.is_whitespace()) {
        let zh = format!("含有空白字符 {}，请删除", code_point(c));
        let en = format!("remove the whitespace {}", code_point(c));
        return fail(P::Whitespace, &zh, &en);
    }

    // Prefer the real bracket when it is there, so `(总)工会〔2026〕1号` is blamed on
    // its prefix rather than on the year's brackets.
    let open = s
        .char_indices()
        .find(|&(_, c)| c == '〔')
        .or_else(|| s.char_indices().find(|(_, c)| OPENING.contains(c)));
    let Some((open_at, open_char)) = open else {
        return fail(
            P::MissingBrackets,
            "年份须放在六角括号〔〕中",
            "put the year in 〔〕 (U+3014/U+3015), e.g. 工会〔2026〕12号",
        );
    };
    let prefix = &s[..open_at];
    let after_open = &s[open_at + open_char.len_utf8()..];
    let close = after_open
        .char_indices()
        .find(|&(_, c)| c == '〕')
        .or_else(|| after_open.char_indices().find(|(_, c)| CLOSING.contains(c)));

    let wrong = [Some(open_char), close.map(|(_, c)| c)]
        .into_iter()
        .flatten()
        .find(|&c| c != '〔' && c != '〕');
    if let Some(c) = wrong {
        let zh = format!("年份须用六角括号〔〕，不能用 {}", code_point(c));
        let en = format!(
            "use 〔〕 (U+3014/U+3015) around the year, not {}",
            code_point(c)
        );
        return fail(P::WrongBrackets, &zh, &en);
    }
    let Some((close_at, close_char)) = close else {
        return fail(
            P::UnclosedBracket,
            "年份缺少右括号〕",
            "close the year with 〕 (U+3015)",
        );
    };

    if prefix.is_empty() {
        return fail(
            P::EmptyPrefix,
            "缺少机关代字，例如“工会”",
            "add the agency prefix before 〔, e.g. 工会〔2026〕12号",
        );
    }
    if let Some(c) = prefix.chars().find(|c| !c.is_alphabetic()) {
        let zh = format!("机关代字“{prefix}”中不能有 {}", code_point(c));
        let en = format!(
            "the agency prefix may hold only letters or Chinese characters, not {}",
            code_point(c)
        );
        return fail(P::BadPrefix, &zh, &en);
    }

    let year_text = &after_open[..close_at];
    let year = parse_year(year_text)
        .map_err(|(problem, zh, en)| NumberError::new(problem, s, &zh, &en))?;

    let tail = &after_open[close_at + close_char.len_utf8()..];
    let seq_text = match tail.find('号') {
        Some(at) if at + '号'.len_utf8() == tail.len() => &tail[..at],
        Some(at) => {
            let extra = &tail[at + '号'.len_utf8()..];
            let zh = format!("“号”之后不应再有“{extra}”");
            let en = format!("nothing may follow 号; remove “{extra}”");
            return fail(P::TrailingText, &zh, &en);
        }
        None => {
            return fail(
                P::MissingHao,
                "序号后缺少“号”",
                "end the number with 号, e.g. 〔2026〕12号",
            );
        }
    };
    let seq =
        parse_seq(seq_text).map_err(|(problem, zh, en)| NumberError::new(problem, s, &zh, &en))?;

    Ok(DocNumber {
        prefix: prefix.to_string(),
        year,
        seq,
    })
}

type Rejection = (NumberProblem, String, String);

fn parse_year(text: &str) -> Result<i32, Rejection> {
    use NumberProblem as P;
    if text.chars().any(is_full_width_digit) {
        return Err((
            P::FullWidthDigits,
            format!("年份“{text}”用了全角数字，请改用半角数字 0-9"),
            "write the year with ASCII digits 0-9, not full-width ones".to_string(),
        ));
    }
    if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
        return Err((
            P::BadYear,
            format!("年份“{text}”应为四位阿拉伯数字"),
            "write the year as four ASCII digits, e.g. 〔2026〕".to_string(),
        ));
    }
    if text.len() == 2 {
        return Err((
            P::ShortYear,
            format!("年份“{text}”须写全四位，如〔20{text}〕"),
            format!("write the full four-digit year, e.g. 〔20{text}〕"),
        ));
    }
    if text.len() != 4 || text.starts_with('0') {
        return Err((
            P::BadYear,
            format!("年份“{text}”应为四位数字"),
            "write the year as four digits, e.g. 〔2026〕".to_string(),
        ));
    }
    text.parse().map_err(|_| {
        (
            P::BadYear,
            format!("年份“{text}”无法识别"),
            "write the year as four digits, e.g. 〔2026〕".to_string(),
        )
    })
}

fn parse_seq(text: &str) -> Result<u32, Rejection> {
    use NumberProblem as P;
    if text.is_empty() {
        return Err((
            P::MissingSequence,
            "〕与“号”之间缺少序号".to_string(),
            "put the sequence number between 〕 and 号, e.g. 〔2026〕12号".to_string(),
        ));
    }
    if let Some(rest) = text.strip_prefix('第') {
        return Err((
            P::OrdinalPrefix,
            format!("序号前不加“第”，应写作“{rest}号”"),
            format!("GB/T 9704 writes no 第 before the sequence: write {rest}号"),
        ));
    }
    if text.chars().any(is_full_width_digit) {
        return Err((
            P::FullWidthDigits,
            format!("序号“{text}”用了全角数字，请改用半角数字 0-9"),
            "write the sequence with ASCII digits 0-9, not full-width ones".to_string(),
        ));
    }
    if !text.bytes().all(|b| b.is_ascii_digit()) {
        return Err((
            P::BadSequence,
            format!("序号“{text}”应为阿拉伯数字"),
            "write the sequence number with ASCII digits, e.g. 12".to_string(),
        ));
    }
    let trimmed = text.trim_start_matches('0');
    if trimmed.is_empty() {
        return Err((
            P::ZeroSequence,
            "序号从 1 开始，不能为 0".to_string(),
            "sequence numbers start at 1".to_string(),
        ));
    }
    if trimmed.len() != text.len() {
        return Err((
            P::LeadingZero,
            format!("序号不编虚位，“{text}”应写作“{trimmed}”"),
            format!("no leading zeros: write {trimmed}, not {text}"),
        ));
    }
    text.parse().map_err(|_| {
        (
            P::SequenceTooLarge,
            format!("序号“{text}”过大"),
            format!("the sequence number must be at most {}", u32::MAX),
        )
    })
}

/// The next number to issue for `prefix` and `year`: one after the highest already
/// used (gaps are left alone: a withdrawn number is not reissued), or 1 if none.
/// At `u32::MAX` it returns `u32::MAX` again, which the duplicate check reports.
pub fn next_free(existing: &[DocNumber], prefix: &str, year: i32) -> DocNumber {
    let highest = existing
        .iter()
        .filter(|n| n.prefix == prefix && n.year == year)
        .map(|n| n.seq)
        .max()
        .unwrap_or(0);
    DocNumber {
        prefix: prefix.to_string(),
        year,
        seq: highest.saturating_add(1),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn number(prefix: &str, year: i32, seq: u32) -> DocNumber {
        DocNumber {
            prefix: prefix.to_string(),
            year,
            seq,
        }
    }

    fn problem(s: &str) -> NumberProblem {
        let e = parse(s).unwrap_err();
        assert_eq!(e.expected, EXPECTED);
        assert!(
            e.message.contains(s),
            "message names the input: {}",
            e.message
        );
        e.problem
    }

    #[test]
    fn displays_in_gbt_9704_form() {
        assert_eq!(number("工会", 2026, 12).to_string(), "工会〔2026〕12号");
    }

    #[test]
    fn parses_well_formed_numbers() {
        assert_eq!(parse("工会〔2026〕12号"), Ok(number("工会", 2026, 12)));
        assert_eq!(parse("国办发〔2025〕1号"), Ok(number("国办发", 2025, 1)));
        assert_eq!(
            parse("XX工发〔2026〕105号"),
            Ok(number("XX工发", 2026, 105))
        );
        assert_eq!("工会〔2026〕12号".parse(), Ok(number("工会", 2026, 12)));
    }

    #[test]
    fn round_trips() {
        for s in [
            "工会〔2026〕12号",
            "厂务公开〔2004〕1号",
            "ABC〔2030〕4294967295号",
        ] {
            assert_eq!(parse(s).unwrap().to_string(), s);
        }
    }

    #[test]
    fn rejects_other_brackets_and_names_the_right_ones() {
        for s in [
            "工会[2026]12号",
            "工会(2026)12号",
            "工会【2026】12号",
            "工会（2026）12号",
            "工会〖2026〗12号",
            "工会［2026］12号",
            "工会﹝2026﹞12号",
            "工会〔2026]12号",
            "工会[2026〕12号",
        ] {
            let e = parse(s).unwrap_err();
            assert_eq!(e.problem, NumberProblem::WrongBrackets, "{s}");
            assert!(e.message.contains("U+3014/U+3015"), "{}", e.message);
        }
        let e = parse("工会﹝2026﹞12号").unwrap_err();
        assert!(
            e.message.contains("U+FE5D"),
            "look-alikes are named: {}",
            e.message
        );
    }

    #[test]
    fn rejects_missing_or_unclosed_brackets() {
        assert_eq!(problem("工会2026年12号"), NumberProblem::MissingBrackets);
        assert_eq!(problem("工会〔202612号"), NumberProblem::UnclosedBracket);
    }

    #[test]
    fn rejects_leading_zeros_with_the_fix() {
        let e = parse("工会〔2026〕012号").unwrap_err();
        assert_eq!(e.problem, NumberProblem::LeadingZero);
        assert!(e.message.contains("write 12, not 012"), "{}", e.message);
        assert_eq!(problem("工会〔2026〕0号"), NumberProblem::ZeroSequence);
        assert_eq!(problem("工会〔2026〕000号"), NumberProblem::ZeroSequence);
    }

    #[test]
    fn rejects_missing_hao_and_trailing_text() {
        assert_eq!(problem("工会〔2026〕12"), NumberProblem::MissingHao);
        assert_eq!(problem("工会〔2026〕12号文"), NumberProblem::TrailingText);
        assert_eq!(problem("工会〔2026〕号"), NumberProblem::MissingSequence);
    }

    #[test]
    fn rejects_short_and_malformed_years() {
        let e = parse("工会〔26〕12号").unwrap_err();
        assert_eq!(e.problem, NumberProblem::ShortYear);
        assert!(e.message.contains("〔2026〕"), "{}", e.message);
        assert_eq!(problem("工会〔〕12号"), NumberProblem::BadYear);
        assert_eq!(problem("工会〔二〇二六〕12号"), NumberProblem::BadYear);
        assert_eq!(problem("工会〔20260〕12号"), NumberProblem::BadYear);
        assert_eq!(problem("工会〔0026〕12号"), NumberProblem::BadYear);
    }

    #[test]
    fn rejects_empty_or_bad_prefix() {
        assert_eq!(problem("〔2026〕12号"), NumberProblem::EmptyPrefix);
        assert_eq!(problem("工会2〔2026〕12号"), NumberProblem::BadPrefix);
        assert_eq!(problem("(总)工会〔2026〕12号"), NumberProblem::BadPrefix);
        assert_eq!(problem("工会-〔2026〕12号"), NumberProblem::BadPrefix);
    }

    #[test]
    fn rejects_full_width_digits_with_a_hint() {
        let e = parse("工会〔2026〕１２号").unwrap_err();
        assert_eq!(e.problem, NumberProblem::FullWidthDigits);
        assert!(e.message.contains("半角"), "{}", e.message);
        assert!(e.message.contains("ASCII digits"), "{}", e.message);
        assert_eq!(
            problem("工会〔２０２６〕12号"),
            NumberProblem::FullWidthDigits
        );
    }

    #[test]
    fn rejects_whitespace_and_empty_input() {
        assert_eq!(problem("工会〔2026〕 12号"), NumberProblem::Whitespace);
        assert_eq!(problem(" 工会〔2026〕12号"), NumberProblem::Whitespace);
        assert_eq!(
            problem("工会\u{3000}〔2026〕12号"),
            NumberProblem::Whitespace
        );
        assert_eq!(parse("").unwrap_err().problem, NumberProblem::Empty);
    }

    #[test]
    fn rejects_other_sequence_mistakes() {
        let e = parse("工会〔2026〕第12号").unwrap_err();
        assert_eq!(e.problem, NumberProblem::OrdinalPrefix);
        assert!(e.message.contains("12号"), "{}", e.message);
        assert_eq!(problem("工会〔2026〕十二号"), NumberProblem::BadSequence);
        assert_eq!(
            problem("工会〔2026〕4294967296号"),
            NumberProblem::SequenceTooLarge
        );
    }

    #[test]
    fn message_is_chinese_then_english() {
        let e = parse("工会[2026]12号").unwrap_err();
        assert_eq!(
            e.to_string(),
            "文号“工会[2026]12号”格式不正确：年份须用六角括号〔〕，不能用 “[” (U+005B)\
             （use 〔〕 (U+3014/U+3015) around the year, not “[” (U+005B)）"
        );
    }

    #[test]
    fn next_free_follows_the_highest_of_its_prefix_and_year() {
        let existing = [
            number("工会", 2026, 3),
            number("工会", 2026, 12),
            number("工会", 2026, 7),
            number("工会", 2025, 40),
            number("工会办", 2026, 99),
        ];
        assert_eq!(next_free(&existing, "工会", 2026), number("工会", 2026, 13));
        assert_eq!(next_free(&existing, "工会", 2027), number("工会", 2027, 1));
        assert_eq!(
            next_free(&existing, "女工委", 2026),
            number("女工委", 2026, 1)
        );
        assert_eq!(next_free(&[], "工会", 2026), number("工会", 2026, 1));
    }

    #[test]
    fn next_free_saturates_at_the_largest_sequence() {
        let existing = [number("工会", 2026, u32::MAX)];
        assert_eq!(next_free(&existing, "工会", 2026).seq, u32::MAX);
    }
}
