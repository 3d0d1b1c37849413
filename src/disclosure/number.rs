//! Document numbers (发文字号, 文号) as GB/T 9704 writes them: the issuing agency's
//! prefix (机关代字), the year in hexagonal brackets 〔〕, the sequence number without
//! leading zeros, then 号 — `工会〔2026〕12号`.
//!
//! This module reads, writes and allocates single numbers. Finding duplicates across
//! a site, and knowing which prefix a site uses, belong to the disclosure ledger.

use crate::message::Message;
use std::fmt;
use std::str::FromStr;

/// What a number should look like, for error messages.
pub const EXPECTED: &str = "机关代字〔年份〕序号号, e.g. 工会〔2026〕12号";
/// A well-formed number, shown in help texts in every language: its characters
/// are the point, not words to translate.
pub const EXAMPLE: &str = "工会〔2026〕12号";

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

/// A malformed document number. `message` says what is wrong (the catalogue
/// words it in the site's language); `expected` is the shape to follow.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message:?}")]
pub struct NumberError {
    pub problem: NumberProblem,
    /// Boxed, so that results carrying it stay small.
    pub message: Box<Message>,
    pub expected: &'static str,
}

impl NumberError {
    fn new(problem: NumberProblem, input: &str, why: Message) -> NumberError {
        NumberError {
            problem,
            message: Box::new(Message::BadNumber {
                input: input.to_string(),
                why: Box::new(why),
            }),
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
    let fail = |problem, why| Err(NumberError::new(problem, s, why));

    if s.is_empty() {
        return fail(P::Empty, Message::NumberEmpty {});
    }
    if let Some(c) = s.chars().find(|c| c.is_whitespace()) {
        let c = code_point(c);
        return fail(P::Whitespace, Message::NumberWhitespace { c });
    }

    // Prefer the real bracket when it is there, so `(总)工会〔2026〕1号` is blamed on
    // its prefix rather than on the year's brackets.
    let open = s
        .char_indices()
        .find(|&(_, c)| c == '〔')
        .or_else(|| s.char_indices().find(|(_, c)| OPENING.contains(c)));
    let Some((open_at, open_char)) = open else {
        return fail(P::MissingBrackets, Message::NumberNoBrackets {});
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
        let c = code_point(c);
        return fail(P::WrongBrackets, Message::NumberWrongBrackets { c });
    }
    let Some((close_at, close_char)) = close else {
        return fail(P::UnclosedBracket, Message::NumberUnclosed {});
    };

    if prefix.is_empty() {
        return fail(P::EmptyPrefix, Message::NumberNoPrefix {});
    }
    if let Some(c) = prefix.chars().find(|c| !c.is_alphabetic()) {
        let why = Message::NumberBadPrefix {
            prefix: prefix.to_string(),
            c: code_point(c),
        };
        return fail(P::BadPrefix, why);
    }

    let year_text = &after_open[..close_at];
    let year =
        parse_year(year_text).map_err(|(problem, why)| NumberError::new(problem, s, *why))?;

    let tail = &after_open[close_at + close_char.len_utf8()..];
    let seq_text = match tail.find('号') {
        Some(at) if at + '号'.len_utf8() == tail.len() => &tail[..at],
        Some(at) => {
            let extra = &tail[at + '号'.len_utf8()..];
            let extra = extra.to_string();
            return fail(P::TrailingText, Message::NumberTrailing { extra });
        }
        None => {
            return fail(P::MissingHao, Message::NumberNoHao {});
        }
    };
    let seq = parse_seq(seq_text).map_err(|(problem, why)| NumberError::new(problem, s, *why))?;

    Ok(DocNumber {
        prefix: prefix.to_string(),
        year,
        seq,
    })
}

/// The message boxed, so that results carrying it stay small.
type Rejection = (NumberProblem, Box<Message>);

fn parse_year(text: &str) -> Result<i32, Rejection> {
    use NumberProblem as P;
    let t = || text.to_string();
    if text.chars().any(is_full_width_digit) {
        return Err((
            P::FullWidthDigits,
            Box::new(Message::NumberYearFullWidth { text: t() }),
        ));
    }
    if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
        return Err((
            P::BadYear,
            Box::new(Message::NumberYearNotDigits { text: t() }),
        ));
    }
    if text.len() == 2 {
        return Err((
            P::ShortYear,
            Box::new(Message::NumberYearShort { text: t() }),
        ));
    }
    if text.len() != 4 || text.starts_with('0') {
        return Err((
            P::BadYear,
            Box::new(Message::NumberYearNotFour { text: t() }),
        ));
    }
    text.parse().map_err(|_| {
        (
            P::BadYear,
            Box::new(Message::NumberYearUnreadable { text: t() }),
        )
    })
}

fn parse_seq(text: &str) -> Result<u32, Rejection> {
    use NumberProblem as P;
    let t = || text.to_string();
    if text.is_empty() {
        return Err((P::MissingSequence, Box::new(Message::NumberNoSequence {})));
    }
    if let Some(rest) = text.strip_prefix('第') {
        return Err((
            P::OrdinalPrefix,
            Box::new(Message::NumberOrdinal {
                rest: rest.to_string(),
            }),
        ));
    }
    if text.chars().any(is_full_width_digit) {
        return Err((
            P::FullWidthDigits,
            Box::new(Message::NumberSequenceFullWidth { text: t() }),
        ));
    }
    if !text.bytes().all(|b| b.is_ascii_digit()) {
        return Err((
            P::BadSequence,
            Box::new(Message::NumberSequenceNotDigits { text: t() }),
        ));
    }
    let trimmed = text.trim_start_matches('0');
    if trimmed.is_empty() {
        return Err((P::ZeroSequence, Box::new(Message::NumberSequenceZero {})));
    }
    if trimmed.len() != text.len() {
        return Err((
            P::LeadingZero,
            Box::new(Message::NumberLeadingZero {
                text: t(),
                trimmed: trimmed.to_string(),
            }),
        ));
    }
    text.parse().map_err(|_| {
        (
            P::SequenceTooLarge,
            Box::new(Message::NumberSequenceTooLarge {
                text: t(),
                max: u64::from(u32::MAX),
            }),
        )
    })
}

/// The agency prefix for new numbers: from `disclosure.number_format` (e.g.
/// `江重工〔{year}〕{seq}号`), else the newest existing number's, else 工会.
pub fn prefix_for(number_format: Option<&str>, existing: &[DocNumber]) -> String {
    if let Some(format) = number_format
        && let Some(prefix) = format.split('〔').next()
        && !prefix.trim().is_empty()
    {
        return prefix.trim().to_string();
    }
    existing
        .iter()
        .max_by_key(|n| (n.year, n.seq))
        .map(|n| n.prefix.clone())
        .unwrap_or_else(|| "工会".to_string())
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

    /// The message in both languages, so a test can look for words of either.
    fn both(e: &NumberError) -> String {
        use crate::i18n::Language;
        format!(
            "{} / {}",
            e.message.render(Language::ZhCn),
            e.message.render(Language::En)
        )
    }

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
            both(&e).contains(s),
            "message names the input: {}",
            both(&e)
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
            assert!(both(&e).contains("U+3014/U+3015"), "{}", both(&e));
        }
        let e = parse("工会﹝2026﹞12号").unwrap_err();
        assert!(
            both(&e).contains("U+FE5D"),
            "look-alikes are named: {}",
            both(&e)
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
        assert!(both(&e).contains("write 12, not 012"), "{}", both(&e));
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
        assert!(both(&e).contains("〔2026〕"), "{}", both(&e));
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
        assert!(both(&e).contains("半角"), "{}", both(&e));
        assert!(both(&e).contains("ASCII digits"), "{}", both(&e));
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
        assert!(both(&e).contains("12号"), "{}", both(&e));
        assert_eq!(problem("工会〔2026〕十二号"), NumberProblem::BadSequence);
        assert_eq!(
            problem("工会〔2026〕4294967296号"),
            NumberProblem::SequenceTooLarge
        );
    }

    #[test]
    fn message_in_each_language() {
        use crate::i18n::Language;
        let e = parse("工会[2026]12号").unwrap_err();
        assert_eq!(
            e.message.render(Language::ZhCn),
            "文号“工会[2026]12号”格式不正确：年份须用六角括号〔〕，不能用 “[” (U+005B)"
        );
        assert_eq!(
            e.message.render(Language::En),
            "document number `工会[2026]12号` is malformed: use the brackets U+3014/U+3015 around the year, not “[” (U+005B)"
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
