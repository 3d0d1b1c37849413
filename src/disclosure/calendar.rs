//! The holiday calendar (节假日与调休) and notice periods (公示期).
//!
//! A [`HolidayCalendar`] knows, for each year it covers, which days are public
//! holidays and which weekend days are make-up workdays (调休上班). Mainland China's
//! published calendars ship inside the binary (`data/cn-holidays.yaml`); a site adds
//! or corrects years with its own `holidays.yaml` in the same format.
//! [`HolidayCalendar::notice_end`] turns "N working (or calendar) days from a date"
//! into the last day of the period.
//!
//! This module stops at dates. It does not read files, know about pages or front
//! matter, decide 公示中 / 公示结束 (that needs the build clock and time zone), or
//! print warnings: it reports an uncertain result and the caller says so.

use crate::message::Message;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::OnceLock;

use jiff::Span;
use jiff::civil::{Date, Weekday};
use serde::Deserialize;
use serde_saphyr::{Location, Spanned};

/// Mainland China's calendars, one entry per published State Council notice.
const BUILTIN_YAML: &str = include_str!("../../data/cn-holidays.yaml");

/// Public holidays and make-up workdays for the years that are known.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HolidayCalendar {
    /// Years whose holidays and make-up workdays are all listed; outside them only
    /// explicit entries are known.
    years: BTreeSet<i16>,
    /// Every listed day. Keyed by date rather than by year because a holiday block
    /// around New Year spills into the neighbouring year (2023-12-30 is 元旦 2024).
    days: BTreeMap<Date, DayKind>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum DayKind {
    /// A day off: a public holiday or a weekend inside a holiday block.
    Holiday,
    /// A weekend day worked to make up for a holiday (调休上班).
    Workday,
}

/// How a notice period is counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NoticeUnit {
    /// Skip weekends and public holidays, count make-up workdays (`working_days`).
    WorkingDays,
    /// Count every day (`calendar_days`).
    CalendarDays,
}

/// The end of a notice period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct NoticeEnd {
    /// The last day of the period, inclusive.
    pub last_day: Date,
    /// True when the date rests on a guess: a working-day count went through a year
    /// the calendar does not cover (those days were taken as Monday–Friday working,
    /// weekends off), or the period ran past 9999-12-31 and was cut there. The
    /// caller must warn; the date may be wrong.
    pub uncertain: bool,
}

/// A problem in a holiday calendar file. `line` and `column` are 1-based and
/// relative to the text given; `Display` shows only the message, so the caller can
/// prefix the file name and position in its own format.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message:?}")]
pub struct CalendarError {
    /// Boxed, so that results carrying it stay small.
    pub message: Box<Message>,
    pub line: Option<usize>,
    pub column: Option<usize>,
    /// How to fix it.
    pub help: Option<Box<Message>>,
}

impl CalendarError {
    fn at(location: Location, message: Message) -> CalendarError {
        let (line, column) = position(location);
        CalendarError {
            message: Box::new(message),
            line,
            column,
            help: Some(Box::new(Message::CalendarFormatHelp {})),
        }
    }

    fn from_yaml(error: serde_saphyr::Error) -> CalendarError {
        let (line, column) = error.location().map_or((None, None), position);
        let options = serde_saphyr::render_options! {
            snippets: serde_saphyr::SnippetMode::Off,
        };
        let rendered = error.render_with_options(options);
        CalendarError {
            message: Box::new(Message::Yaml {
                detail: strip_location_suffix(rendered.trim()).to_string(),
            }),
            line,
            column,
            help: Some(Box::new(Message::CalendarFormatHelp {})),
        }
    }
}

/// serde-saphyr's unknown location is line 0; callers expect `None` then.
fn position(location: Location) -> (Option<usize>, Option<usize>) {
    let line = usize::try_from(location.line()).ok().filter(|&l| l > 0);
    let column = usize::try_from(location.column()).ok().filter(|&c| c > 0);
    match line {
        Some(line) => (Some(line), column),
        None => (None, None),
    }
}

/// serde-saphyr ends messages with ` at line L, column C`; the position is in our
/// fields, and repeating it would print it twice.
fn strip_location_suffix(message: &str) -> &str {
    match message.rsplit_once(" at line ") {
        Some((head, tail))
            if tail
                .chars()
                .all(|c| c.is_ascii_digit() || c.is_ascii_alphabetic() || c == ' ' || c == ',') =>
        {
            head
        }
        _ => message,
    }
}

impl HolidayCalendar {
    /// Mainland China's published calendars (see `data/cn-holidays.yaml` for the
    /// years covered). Parsed once per process; each call returns a copy that a site
    /// can extend.
    pub fn builtin() -> HolidayCalendar {
        static BUILTIN: OnceLock<HolidayCalendar> = OnceLock::new();
        BUILTIN
            .get_or_init(|| {
                let mut calendar = HolidayCalendar::default();
                calendar.extend_from_yaml(BUILTIN_YAML).expect(
                    "the embedded data/cn-holidays.yaml must be a valid holiday calendar \
                     (it is checked by the calendar tests)",
                );
                calendar
            })
            .clone()
    }

    /// Adds a site's `holidays.yaml` (same format as the built-in data). Each listed
    /// year becomes covered; each listed date replaces what the calendar said about
    /// that date, so a site can add a year, add a local day off, or turn a built-in
    /// make-up workday into a day off. A weekday cannot be listed as a workday, so a
    /// built-in weekday holiday cannot be removed.
    ///
    /// On error the calendar is left unchanged. An empty file adds nothing.
    pub fn extend_from_yaml(&mut self, text: &str) -> Result<(), CalendarError> {
        let parsed = parse_calendar(text)?;
        self.years.extend(parsed.years);
        self.days.extend(parsed.days);
        Ok(())
    }

    /// Whether every holiday and make-up workday of `year` is known.
    pub fn covers(&self, year: i16) -> bool {
        self.years.contains(&year)
    }

    /// The covered years, in order (for messages such as "known for 2004–2026").
    pub fn years(&self) -> impl Iterator<Item = i16> + '_ {
        self.years.iter().copied()
    }

    /// Whether `d` is a working day: weekends are off unless listed as make-up
    /// workdays, listed holidays are off, other days are working days. `None` when
    /// the year is not covered and the date is not listed, because then a weekday
    /// may well be an unlisted holiday.
    pub fn is_working_day(&self, d: Date) -> Option<bool> {
        // An explicit entry is known even outside a covered year: the December end
        // of a New Year block is filed with the next year in a site's file.
        if let Some(kind) = self.days.get(&d) {
            return Some(*kind == DayKind::Workday);
        }
        if self.covers(d.year()) {
            Some(!is_weekend(d))
        } else {
            None
        }
    }

    /// The last day of a notice period of `days` days starting at `from`.
    ///
    /// Working days: `from` is day 1 when it is a working day; otherwise counting
    /// starts at the next working day (5 working days from Thursday 2020-05-14 end on
    /// Wednesday 2020-05-20). Calendar days: `from + days - 1`.
    ///
    /// `days == 0` is meaningless and the caller should reject it; it returns
    /// `last_day = from`. A period that would run past 9999-12-31 ends there with
    /// `uncertain` set.
    pub fn notice_end(&self, from: Date, days: u32, unit: NoticeUnit) -> NoticeEnd {
        if days == 0 {
            return NoticeEnd {
                last_day: from,
                uncertain: false,
            };
        }
        match unit {
            NoticeUnit::CalendarDays => calendar_days_end(from, days),
            NoticeUnit::WorkingDays => self.working_days_end(from, days),
        }
    }

    fn working_days_end(&self, from: Date, days: u32) -> NoticeEnd {
        let mut day = from;
        let mut counted = 0u32;
        let mut uncertain = false;
        loop {
            let working = match self.is_working_day(day) {
                Some(working) => working,
                None => {
                    uncertain = true;
                    !is_weekend(day)
                }
            };
            if working {
                counted += 1;
                if counted == days {
                    return NoticeEnd {
                        last_day: day,
                        uncertain,
                    };
                }
            }
            match day.tomorrow() {
                Ok(next) => day = next,
                Err(_) => {
                    return NoticeEnd {
                        last_day: day,
                        uncertain: true,
                    };
                }
            }
        }
    }
}

fn calendar_days_end(from: Date, days: u32) -> NoticeEnd {
    let end = Span::new()
        .try_days(i64::from(days) - 1)
        .and_then(|span| from.checked_add(span));
    match end {
        Ok(last_day) => NoticeEnd {
            last_day,
            uncertain: false,
        },
        Err(_) => NoticeEnd {
            last_day: Date::MAX,
            uncertain: true,
        },
    }
}

fn is_weekend(d: Date) -> bool {
    matches!(d.weekday(), Weekday::Saturday | Weekday::Sunday)
}

/// A calendar file as written. Unknown keys are errors, so a misspelt `holiday:`
/// cannot silently leave a year without its holidays.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCalendar {
    years: HashMap<Spanned<i16>, RawYear>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawYear {
    #[serde(default)]
    holidays: Vec<RawHoliday>,
    #[serde(default)]
    workdays: Vec<RawWorkday>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawHoliday {
    date: Spanned<CalendarDate>,
    // Documentation for people reading the file; the calendar only needs the date.
    #[serde(rename = "name", default)]
    _name: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawWorkday {
    date: Spanned<CalendarDate>,
    #[serde(rename = "for", default)]
    _for: Option<String>,
}

/// A `YYYY-MM-DD` date. Parsed inside deserialization so that a bad date is
/// reported at its own line and column.
struct CalendarDate(Date);

impl<'de> Deserialize<'de> for CalendarDate {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        // jiff also reads `20270101` and other ISO 8601 forms; the calendar format
        // is one form only, so a mistyped date is not read as some other day.
        let shaped = text.len() == 10
            && text.bytes().enumerate().all(|(i, b)| match i {
                4 | 7 => b == b'-',
                _ => b.is_ascii_digit(),
            });
        if !shaped {
            return Err(serde::de::Error::custom(format!(
                "`{text}` is not a date; expected YYYY-MM-DD, e.g. 2027-01-01"
            )));
        }
        text.parse::<Date>()
            .map(CalendarDate)
            .map_err(|e| serde::de::Error::custom(format!("no such date `{text}` ({e})")))
    }
}

/// A checked calendar file, ready to merge.
#[derive(Default)]
struct ParsedCalendar {
    years: BTreeSet<i16>,
    days: BTreeMap<Date, DayKind>,
}

fn parse_calendar(text: &str) -> Result<ParsedCalendar, CalendarError> {
    let raw: Option<RawCalendar> =
        serde_saphyr::from_str(text).map_err(CalendarError::from_yaml)?;
    let mut parsed = ParsedCalendar::default();
    let Some(raw) = raw else {
        return Ok(parsed);
    };
    // File order, so the problem reported is the first one in the file.
    let mut years: Vec<(Spanned<i16>, RawYear)> = raw.years.into_iter().collect();
    years.sort_by_key(|(key, _)| (key.referenced.line(), key.referenced.column()));

    let mut listed: HashMap<Date, (DayKind, Location)> = HashMap::new();
    for (key, year) in years {
        let y = key.value;
        if !(1000..=9999).contains(&y) {
            return Err(CalendarError::at(
                key.referenced,
                Message::CalendarNotAYear {
                    year: y.to_string(),
                },
            ));
        }
        if year.holidays.is_empty() && year.workdays.is_empty() {
            // Listing a year marks it as fully known; an empty one would make every
            // weekday a working day without a warning.
            return Err(CalendarError::at(
                key.referenced,
                Message::CalendarEmptyYear {
                    year: y.to_string(),
                },
            ));
        }
        let entries = year
            .holidays
            .into_iter()
            .map(|h| (h.date, DayKind::Holiday))
            .chain(
                year.workdays
                    .into_iter()
                    .map(|w| (w.date, DayKind::Workday)),
            );
        for (date, kind) in entries {
            let at = date.referenced;
            let d = date.value.0;
            check_entry(y, d, kind, at)?;
            if let Some((earlier_kind, earlier_at)) = listed.insert(d, (kind, at)) {
                return Err(duplicate_error(d, (kind, at), (earlier_kind, earlier_at)));
            }
            parsed.days.insert(d, kind);
        }
        parsed.years.insert(y);
    }
    Ok(parsed)
}

fn check_entry(year: i16, d: Date, kind: DayKind, at: Location) -> Result<(), CalendarError> {
    // A holiday block around New Year may be filed under either year.
    let near_year = d.year() == year
        || (d.year() == year - 1 && d.month() == 12)
        || (d.year() == year + 1 && d.month() == 1);
    if !near_year {
        return Err(CalendarError::at(
            at,
            Message::CalendarWrongYear {
                date: d.to_string(),
                year: year.to_string(),
            },
        ));
    }
    if kind == DayKind::Workday && !is_weekend(d) {
        return Err(CalendarError::at(
            at,
            Message::CalendarWeekdayWorkday {
                date: d.to_string(),
                weekday: format!("{:?}", d.weekday()),
            },
        ));
    }
    Ok(())
}

/// Reports the later of two entries for one date, pointing back at the earlier.
fn duplicate_error(
    d: Date,
    this: (DayKind, Location),
    other: (DayKind, Location),
) -> CalendarError {
    let (later, earlier) = if (this.1.line(), this.1.column()) >= (other.1.line(), other.1.column())
    {
        (this, other)
    } else {
        (other, this)
    };
    let date = d.to_string();
    let line = earlier.1.line();
    CalendarError::at(
        later.1,
        if later.0 == earlier.0 {
            Message::CalendarTwice { date, line }
        } else {
            Message::CalendarBoth { date, line }
        },
    )
}

#[cfg(test)]
mod tests {
    use jiff::civil::date;

    use super::*;

    fn en(e: &CalendarError) -> String {
        e.message.render(crate::i18n::Language::En)
    }

    fn working(calendar: &HolidayCalendar, from: Date, days: u32) -> NoticeEnd {
        calendar.notice_end(from, days, NoticeUnit::WorkingDays)
    }

    fn certain(last_day: Date) -> NoticeEnd {
        NoticeEnd {
            last_day,
            uncertain: false,
        }
    }

    /// A hypothetical 2027 for tests: the real one had not been published when this
    /// was written.
    const SITE_2027: &str = "\
years:
  2027:
    holidays:
      - {date: 2027-01-01, name: 元旦}
      - {date: 2027-01-02, name: 元旦}
      - {date: 2027-01-03, name: 元旦}
";

    #[test]
    fn builtin_covers_2004_to_2026() {
        let calendar = HolidayCalendar::builtin();
        let years: Vec<i16> = calendar.years().collect();
        assert_eq!(years, (2004..=2026).collect::<Vec<i16>>());
        assert!(!calendar.covers(2003));
        assert!(!calendar.covers(2027));
    }

    #[test]
    fn spec_example_five_working_days_from_thursday() {
        let calendar = HolidayCalendar::builtin();
        assert_eq!(
            working(&calendar, date(2020, 5, 14), 5),
            certain(date(2020, 5, 20))
        );
    }

    #[test]
    fn national_day_2025_counts_the_make_up_sunday() {
        let calendar = HolidayCalendar::builtin();
        assert_eq!(calendar.is_working_day(date(2025, 9, 27)), Some(false));
        assert_eq!(calendar.is_working_day(date(2025, 9, 28)), Some(true));
        assert_eq!(calendar.is_working_day(date(2025, 10, 6)), Some(false));
        assert_eq!(calendar.is_working_day(date(2025, 10, 8)), Some(false));
        assert_eq!(calendar.is_working_day(date(2025, 10, 11)), Some(true));
        // Fri 26 (1), Sun 28 make-up (2), Mon 29 (3), Tue 30 (4), Oct 1–8 off, Thu 9 (5).
        assert_eq!(
            working(&calendar, date(2025, 9, 26), 5),
            certain(date(2025, 10, 9))
        );
    }

    #[test]
    fn spring_festival_2026_with_make_up_saturday() {
        let calendar = HolidayCalendar::builtin();
        // Thu 12 (1), Fri 13 (2), Sat 14 make-up (3), Feb 15–23 off, Tue 24 (4), Wed 25 (5).
        assert_eq!(
            working(&calendar, date(2026, 2, 12), 5),
            certain(date(2026, 2, 25))
        );
        assert_eq!(calendar.is_working_day(date(2026, 2, 28)), Some(true));
    }

    #[test]
    fn start_on_a_day_off_counts_from_the_next_working_day() {
        let calendar = HolidayCalendar::builtin();
        assert_eq!(
            working(&calendar, date(2020, 5, 16), 1),
            certain(date(2020, 5, 18))
        );
        assert_eq!(
            working(&calendar, date(2025, 10, 1), 1),
            certain(date(2025, 10, 9))
        );
        // A make-up Sunday is a working day, so it is day 1.
        assert_eq!(
            working(&calendar, date(2025, 9, 28), 1),
            certain(date(2025, 9, 28))
        );
    }

    #[test]
    fn calendar_days_include_the_start_day() {
        let calendar = HolidayCalendar::builtin();
        let end = calendar.notice_end(date(2026, 5, 14), 7, NoticeUnit::CalendarDays);
        assert_eq!(end, certain(date(2026, 5, 20)));
        // Calendar days need no holiday data, so an unknown year is no guess.
        let end = calendar.notice_end(date(2026, 12, 28), 7, NoticeUnit::CalendarDays);
        assert_eq!(end, certain(date(2027, 1, 3)));
    }

    #[test]
    fn zero_days_returns_the_start() {
        let calendar = HolidayCalendar::builtin();
        for unit in [NoticeUnit::WorkingDays, NoticeUnit::CalendarDays] {
            assert_eq!(
                calendar.notice_end(date(2026, 5, 14), 0, unit),
                certain(date(2026, 5, 14))
            );
        }
    }

    #[test]
    fn unknown_year_is_none() {
        let calendar = HolidayCalendar::builtin();
        assert_eq!(calendar.is_working_day(date(2027, 1, 4)), None);
        assert_eq!(calendar.is_working_day(date(2003, 6, 2)), None);
        assert_eq!(calendar.is_working_day(date(2026, 12, 31)), Some(true));
    }

    #[test]
    fn period_reaching_2027_is_uncertain() {
        let calendar = HolidayCalendar::builtin();
        // Ends on 2026-12-31: no 2027 day consulted, so certain.
        assert_eq!(
            working(&calendar, date(2026, 12, 28), 4),
            certain(date(2026, 12, 31))
        );
        // Fri 2027-01-01 is taken as a working day (weekends-only guess).
        assert_eq!(
            working(&calendar, date(2026, 12, 28), 10),
            NoticeEnd {
                last_day: date(2027, 1, 8),
                uncertain: true
            }
        );
    }

    #[test]
    fn site_extension_makes_2027_certain() {
        let mut calendar = HolidayCalendar::builtin();
        calendar.extend_from_yaml(SITE_2027).unwrap();
        assert!(calendar.covers(2027));
        assert!(calendar.covers(2026), "built-in years stay");
        // Dec 28–31 (4), Jan 1–3 off, Jan 4–8 (9), Mon Jan 11 (10).
        assert_eq!(
            working(&calendar, date(2026, 12, 28), 10),
            certain(date(2027, 1, 11))
        );
    }

    #[test]
    fn site_entries_override_builtin_days() {
        let mut calendar = HolidayCalendar::builtin();
        calendar
            .extend_from_yaml(
                "years:\n  2026:\n    holidays:\n      - {date: 2026-02-28, name: 厂休}\n      - {date: 2026-03-02, name: 厂休}\n    workdays:\n      - {date: 2026-02-21, for: 春节}\n",
            )
            .unwrap();
        assert_eq!(calendar.is_working_day(date(2026, 2, 28)), Some(false));
        assert_eq!(calendar.is_working_day(date(2026, 3, 2)), Some(false));
        assert_eq!(calendar.is_working_day(date(2026, 2, 21)), Some(true));
        // Untouched built-in days stay.
        assert_eq!(calendar.is_working_day(date(2026, 2, 14)), Some(true));
        assert_eq!(calendar.is_working_day(date(2026, 10, 1)), Some(false));
    }

    #[test]
    fn new_year_block_may_spill_into_the_previous_december() {
        let mut calendar = HolidayCalendar::builtin();
        calendar
            .extend_from_yaml(
                "years:\n  2027:\n    holidays:\n      - {date: 2027-01-01}\n    workdays:\n      - {date: 2026-12-26, for: 元旦}\n",
            )
            .unwrap();
        assert_eq!(calendar.is_working_day(date(2026, 12, 26)), Some(true));
    }

    #[test]
    fn empty_extension_adds_nothing() {
        let builtin = HolidayCalendar::builtin();
        for text in ["", "# no local changes\n"] {
            let mut calendar = builtin.clone();
            calendar.extend_from_yaml(text).unwrap();
            assert_eq!(calendar, builtin);
        }
    }

    fn extension_error(text: &str) -> CalendarError {
        let mut calendar = HolidayCalendar::builtin();
        let error = calendar.extend_from_yaml(text).unwrap_err();
        assert_eq!(
            calendar,
            HolidayCalendar::builtin(),
            "a failed extension changes nothing"
        );
        assert!(error.help.is_some());
        error
    }

    #[test]
    fn extension_error_reports_line_and_column() {
        let e = extension_error(
            "years:\n  2027:\n    holidays:\n      - {date: 2027-02-30, name: 春节}\n",
        );
        assert_eq!(e.line, Some(4));
        assert!(e.column.is_some());
        assert!(en(&e).contains("2027-02-30"), "{}", en(&e));
        assert!(!en(&e).contains(" at line "), "{}", en(&e));

        let e = extension_error("years:\n  2027:\n    holiday:\n      - {date: 2027-02-03}\n");
        assert_eq!((e.line, e.column), (Some(3), Some(5)));
        assert!(en(&e).contains("holiday"), "{}", en(&e));

        let e = extension_error("years:\n  2027:\n    holidays:\n      - {date: 2027-02-03\n");
        assert_eq!(e.line, Some(4));
    }

    #[test]
    fn extension_rejects_dates_in_other_shapes() {
        let e = extension_error("years:\n  2027:\n    holidays:\n      - date: 20270203\n");
        assert_eq!(e.line, Some(4));
        assert!(en(&e).contains("YYYY-MM-DD"), "{}", en(&e));
    }

    #[test]
    fn extension_rejects_contradictions_at_the_later_line() {
        let e = extension_error(
            "years:\n  2027:\n    holidays:\n      - {date: 2027-02-06}\n    workdays:\n      - {date: 2027-02-06}\n",
        );
        assert_eq!(e.line, Some(6));
        assert!(en(&e).contains("line 4"), "{}", en(&e));
    }

    #[test]
    fn extension_rejects_misfiled_and_weekday_entries() {
        let e = extension_error("years:\n  2027:\n    holidays:\n      - {date: 2072-10-01}\n");
        assert_eq!(e.line, Some(4));
        assert!(en(&e).contains("under year 2027"), "{}", en(&e));

        // 2027-10-01 is a Friday.
        let e = extension_error("years:\n  2027:\n    workdays:\n      - {date: 2027-10-01}\n");
        assert_eq!(e.line, Some(4));
        assert!(en(&e).contains("Friday"), "{}", en(&e));
    }

    #[test]
    fn extension_rejects_empty_and_short_years() {
        let e = extension_error("years:\n  2027: {}\n");
        assert_eq!(e.line, Some(2));
        let e = extension_error("years:\n  27:\n    holidays:\n      - {date: 2027-01-01}\n");
        assert_eq!(e.line, Some(2));
        assert!(en(&e).contains("four-digit"), "{}", en(&e));
    }

    #[test]
    fn far_future_periods_stop_at_the_last_date() {
        let calendar = HolidayCalendar::builtin();
        let from = date(9999, 12, 30);
        for unit in [NoticeUnit::WorkingDays, NoticeUnit::CalendarDays] {
            let end = calendar.notice_end(from, u32::MAX, unit);
            assert_eq!(end.last_day, Date::MAX);
            assert!(end.uncertain);
        }
    }

    #[test]
    fn notice_unit_reads_front_matter_names() {
        let unit: NoticeUnit = serde_saphyr::from_str("working_days").unwrap();
        assert_eq!(unit, NoticeUnit::WorkingDays);
        let unit: NoticeUnit = serde_saphyr::from_str("calendar_days").unwrap();
        assert_eq!(unit, NoticeUnit::CalendarDays);
    }
}
