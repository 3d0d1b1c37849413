//! Status over time: a notice period (公示期) is pending, open (公示中) or closed
//! (公示结束); a campaign is upcoming (未开始), ongoing (进行中) or ended (已结束).
//! Both are intervals of whole days in the site's time zone, compared with the
//! build clock; the page also carries the instants so a small script can
//! recompute the status from the visitor's clock.

use jiff::civil::{Date, Time};
use jiff::tz::TimeZone;
use jiff::{Timestamp, ToSpan};

/// Whole days from `first` to `last`, inclusive, as instants in `tz`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DayRange {
    pub first: Date,
    pub last: Date,
}

impl DayRange {
    /// 00:00 of the first day.
    pub fn starts_at(&self, tz: &TimeZone) -> Timestamp {
        midnight(self.first, tz)
    }

    /// 00:00 of the day after the last day: the moment the range is over.
    pub fn ends_at(&self, tz: &TimeZone) -> Timestamp {
        let next = self.last.checked_add(1.day()).unwrap_or(self.last);
        midnight(next, tz)
    }

    pub fn phase(&self, now: Timestamp, tz: &TimeZone) -> Phase {
        if now < self.starts_at(tz) {
            Phase::Before
        } else if now < self.ends_at(tz) {
            Phase::During
        } else {
            Phase::After
        }
    }

    /// The next moment the phase changes after `now`, if any.
    #[cfg(test)]
    pub fn next_change(&self, now: Timestamp, tz: &TimeZone) -> Option<Timestamp> {
        [self.starts_at(tz), self.ends_at(tz)]
            .into_iter()
            .find(|&t| t > now)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Phase {
    Before,
    During,
    After,
}

fn midnight(date: Date, tz: &TimeZone) -> Timestamp {
    date.to_datetime(Time::midnight())
        .to_zoned_datetime(tz.clone())
        .map(|z| z.timestamp())
        .unwrap_or(Timestamp::UNIX_EPOCH)
}

/// A disclosure's notice status, named as the page shows it.
pub fn notice_label(phase: Phase, zh: bool) -> &'static str {
    match (phase, zh) {
        (Phase::Before, true) => "待公示",
        (Phase::During, true) => "公示中",
        (Phase::After, true) => "公示结束",
        (Phase::Before, false) => "Not yet open",
        (Phase::During, false) => "Open for comment",
        (Phase::After, false) => "Closed",
    }
}

pub fn campaign_label(phase: Phase, zh: bool) -> &'static str {
    match (phase, zh) {
        (Phase::Before, true) => "未开始",
        (Phase::During, true) => "进行中",
        (Phase::After, true) => "已结束",
        (Phase::Before, false) => "Upcoming",
        (Phase::During, false) => "Ongoing",
        (Phase::After, false) => "Ended",
    }
}

pub fn phase_key(phase: Phase) -> &'static str {
    match phase {
        Phase::Before => "before",
        Phase::During => "during",
        Phase::After => "after",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn phases_turn_at_local_midnight() {
        let tz = TimeZone::get("Asia/Shanghai").unwrap();
        let range = DayRange {
            first: date(2026, 11, 19),
            last: date(2026, 11, 25),
        };
        let at = |s: &str| s.parse::<Timestamp>().unwrap();
        assert_eq!(range.phase(at("2026-11-18T15:59:59Z"), &tz), Phase::Before);
        assert_eq!(range.phase(at("2026-11-18T16:00:00Z"), &tz), Phase::During);
        assert_eq!(range.phase(at("2026-11-25T15:59:59Z"), &tz), Phase::During);
        assert_eq!(range.phase(at("2026-11-25T16:00:00Z"), &tz), Phase::After);
        assert_eq!(
            range.next_change(at("2026-11-23T01:00:00Z"), &tz),
            Some(at("2026-11-25T16:00:00Z"))
        );
        assert_eq!(range.next_change(at("2026-12-01T00:00:00Z"), &tz), None);
    }
}
