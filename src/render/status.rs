//! A notice's or campaign's status at the build clock (公示中, 进行中…), with
//! the instants `site.js` needs to recompute it from the visitor's clock.

use jiff::Timestamp;
use jiff::civil::Date;
use serde::Serialize;

use crate::config::Config;
use crate::disclosure::status::{DayRange, Phase, campaign_label, notice_label, phase_key};
use crate::i18n::Language;
use crate::model::Page;
use crate::model::kinds::Details;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StatusView {
    /// `notice` or `campaign`.
    pub kind: &'static str,
    /// `before`, `during` or `after` at build time.
    pub key: &'static str,
    pub label: &'static str,
    pub label_before: &'static str,
    pub label_during: &'static str,
    pub label_after: &'static str,
    /// RFC 3339 instants bounding the period, for `site.js`.
    pub starts_at: String,
    pub ends_at: String,
    /// `5月14日至5月20日`.
    pub period: String,
    /// The day the item moved to 往期 (the day after the period).
    pub archived_on: Option<String>,
    pub uncertain: bool,
}

fn instant(ts: Timestamp, config: &Config) -> String {
    ts.to_zoned_datetime(config.timezone.clone())
        .strftime("%Y-%m-%dT%H:%M:%S%:z")
        .to_string()
}

/// `5月14日至5月20日`, with years when the period is not within one year.
pub fn period_text(range: DayRange, language: Language) -> String {
    let same_year = range.first.year() == range.last.year();
    match language {
        Language::ZhCn => {
            let day = |d: Date, year: bool| {
                if year {
                    format!("{}年{}月{}日", d.year(), d.month(), d.day())
                } else {
                    format!("{}月{}日", d.month(), d.day())
                }
            };
            format!(
                "{}至{}",
                day(range.first, !same_year),
                day(range.last, !same_year)
            )
        }
        Language::En => {
            let day = |d: Date| crate::i18n::format_date(d, Language::En);
            format!("{} – {}", day(range.first), day(range.last))
        }
    }
}

pub fn status_view(page: &Page, config: &Config, now: Timestamp) -> Option<StatusView> {
    let zh = config.language == Language::ZhCn;
    let tz = &config.timezone;
    let (kind, range, uncertain, labels): (_, DayRange, bool, fn(Phase, bool) -> &'static str) =
        match &page.details {
            Details::Disclosure(d) => {
                let notice = d.notice.as_ref()?;
                ("notice", notice.range, notice.uncertain, notice_label)
            }
            Details::Campaign(c) => ("campaign", c.range, false, campaign_label),
            Details::Plain => return None,
        };
    let phase = range.phase(now, tz);
    let archived_on = (kind == "notice" && phase == Phase::After).then(|| {
        let next = range.last.tomorrow().unwrap_or(range.last);
        crate::i18n::format_date(next, config.language)
    });
    Some(StatusView {
        kind,
        key: phase_key(phase),
        label: labels(phase, zh),
        label_before: labels(Phase::Before, zh),
        label_during: labels(Phase::During, zh),
        label_after: labels(Phase::After, zh),
        starts_at: instant(range.starts_at(tz), config),
        ends_at: instant(range.ends_at(tz), config),
        period: period_text(range, config.language),
        archived_on,
        uncertain,
    })
}
