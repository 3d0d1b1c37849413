//! The build clock: the only place that reads "now".
//!
//! `--now` wins, then `SOURCE_DATE_EPOCH`, then the system clock. Everything that
//! depends on the time (notice status, campaign status, `new`'s date, feed `updated`)
//! takes a [`Clock`], so builds are reproducible and statuses are testable.

use crate::message::Message;
use jiff::{Timestamp, ZonedDateTime, civil, tz::TimeZone};

#[derive(Debug, Clone)]
pub struct Clock {
    now: Timestamp,
}

impl Clock {
    pub fn fixed(now: Timestamp) -> Self {
        Clock { now }
    }

    /// Reads `--now` (RFC 3339, or a plain date/date-time in `tz`) or
    /// `SOURCE_DATE_EPOCH` (seconds since 1970), else the system clock.
    pub fn from_sources(
        now_flag: Option<&str>,
        source_date_epoch: Option<&str>,
        tz: &TimeZone,
    ) -> Result<Clock, Message> {
        if let Some(text) = now_flag {
            return parse_instant(text, tz)
                .map(Clock::fixed)
                .ok_or_else(|| Message::BadNow {
                    text: text.to_string(),
                });
        }
        if let Some(text) = source_date_epoch.filter(|s| !s.trim().is_empty()) {
            let seconds: i64 = text.trim().parse().map_err(|_| Message::EpochNotSeconds {
                text: text.to_string(),
            })?;
            return Timestamp::from_second(seconds)
                .map(Clock::fixed)
                .map_err(|e| Message::EpochOutOfRange {
                    detail: e.to_string(),
                });
        }
        Ok(Clock::fixed(Timestamp::now()))
    }

    pub fn now(&self) -> Timestamp {
        self.now
    }

    pub fn now_in(&self, tz: &TimeZone) -> ZonedDateTime {
        self.now.to_zoned_datetime(tz.clone())
    }

    pub fn today_in(&self, tz: &TimeZone) -> civil::Date {
        self.now_in(tz).date()
    }
}

/// Reads an instant written the ways people write them: RFC 3339 with an offset,
/// or a civil date / date-time taken in the site's time zone.
pub fn parse_instant(text: &str, tz: &TimeZone) -> Option<Timestamp> {
    let text = text.trim();
    if let Ok(ts) = text.parse::<Timestamp>() {
        return Some(ts);
    }
    let civil = parse_civil(text)?;
    civil
        .to_zoned_datetime(tz.clone())
        .ok()
        .map(|z| z.timestamp())
}

/// A civil date-time from `2026-11-20`, `2026-11-20 09:30`, `2026-11-20T09:30:00`.
pub fn parse_civil(text: &str) -> Option<civil::DateTime> {
    let text = text.trim();
    // Try date-times first: jiff's date parser accepts a date-time and drops the time.
    if text.len() > 10 {
        if let Ok(dt) = text.parse::<civil::DateTime>() {
            return Some(dt);
        }
        // Accept a lone space between date and time, as people write it.
        return text.replacen(' ', "T", 1).parse::<civil::DateTime>().ok();
    }
    text.parse::<civil::Date>()
        .ok()
        .map(|date| date.to_datetime(civil::Time::midnight()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shanghai() -> TimeZone {
        TimeZone::get("Asia/Shanghai").unwrap()
    }

    #[test]
    fn now_flag_beats_epoch() {
        let clock =
            Clock::from_sources(Some("2026-11-23T09:00:00+08:00"), Some("0"), &shanghai()).unwrap();
        assert_eq!(clock.now().as_second(), 1_795_395_600);
    }

    #[test]
    fn epoch_is_read() {
        let clock = Clock::from_sources(None, Some("86400"), &shanghai()).unwrap();
        assert_eq!(clock.now().as_second(), 86_400);
    }

    #[test]
    fn plain_dates_are_site_local() {
        let ts = parse_instant("2026-11-23", &shanghai()).unwrap();
        assert_eq!(ts.to_string(), "2026-11-22T16:00:00Z");
        assert_eq!(parse_civil("2026-11-20 09:30").unwrap().hour(), 9);
        assert_eq!(parse_civil("2026-11-20T09:30:15").unwrap().second(), 15);
        assert!(parse_civil("2026-02-30").is_none());
    }

    #[test]
    fn bad_now_is_an_error() {
        assert!(Clock::from_sources(Some("yesterday"), None, &shanghai()).is_err());
    }
}
