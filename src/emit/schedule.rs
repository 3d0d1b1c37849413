//! When does the site next need a rebuild? Notice periods and campaigns change
//! status at local midnight; `build` prints the next such moment and writes it
//! to `.well-known/noticeboard.json`, so a scheduled job can rebuild exactly then.

use jiff::Timestamp;
use serde::Serialize;

use crate::clock::Clock;
use crate::model::Site;
use crate::model::kinds::Details;
use crate::render::OutputFile;
use crate::render::urls::url_for;

/// Where the output says when it was built and when it next changes.
pub const STATUS_FILE: &str = ".well-known/noticeboard.json";

#[derive(Debug, Clone, Serialize)]
pub struct Change {
    pub at: String,
    pub url: String,
    pub title: String,
    /// What happens then, e.g. `公示结束`.
    pub becomes: String,
}

#[derive(Debug, Clone, Serialize)]
struct StatusFile {
    generator: &'static str,
    built_at: String,
    next_status_change: Option<String>,
    changes: Vec<Change>,
    /// Where this output publishes its disclosure ledger, so the next build
    /// finds it even if the disclosure section was renamed.
    #[serde(skip_serializing_if = "Option::is_none")]
    ledger: Option<String>,
}

/// Where the previous output says it published its ledger (output-relative),
/// read from its `.well-known/noticeboard.json`.
pub fn published_ledger_path(status_json: &str) -> Option<String> {
    let value: serde_json::Value = serde_json::from_str(status_json).ok()?;
    value.get("ledger")?.as_str().map(str::to_string)
}

/// Every future status change, soonest first.
pub fn upcoming_changes(site: &Site, clock: &Clock) -> Vec<(Timestamp, Change)> {
    let tz = &site.config.timezone;
    let zh = site.config.language == crate::i18n::Language::ZhCn;
    let now = clock.now();
    let mut changes = Vec::new();
    for page in &site.pages {
        let (range, labels): (
            _,
            fn(crate::disclosure::status::Phase, bool) -> &'static str,
        ) = match &page.details {
            Details::Disclosure(d) => match &d.notice {
                Some(n) => (n.range, crate::disclosure::status::notice_label),
                None => continue,
            },
            Details::Campaign(c) => (c.range, crate::disclosure::status::campaign_label),
            Details::Plain => continue,
        };
        for (at, phase) in [
            (
                range.starts_at(tz),
                crate::disclosure::status::Phase::During,
            ),
            (range.ends_at(tz), crate::disclosure::status::Phase::After),
        ] {
            if at > now {
                changes.push((
                    at,
                    Change {
                        at: format_instant(at, site),
                        url: url_for(&site.config, &page.path),
                        title: page.parsed.title.clone(),
                        becomes: labels(phase, zh).to_string(),
                    },
                ));
            }
        }
    }
    changes.sort_by(|a, b| (a.0, &a.1.url).cmp(&(b.0, &b.1.url)));
    changes
}

pub fn format_instant(at: Timestamp, site: &Site) -> String {
    at.to_zoned_datetime(site.config.timezone.clone())
        .strftime("%Y-%m-%dT%H:%M:%S%:z")
        .to_string()
}

/// `.well-known/noticeboard.json`; `ledger` is the output path of the
/// published ledger, when there is one.
pub fn status_file(site: &Site, clock: &Clock, ledger: Option<String>) -> OutputFile {
    let changes: Vec<Change> = upcoming_changes(site, clock)
        .into_iter()
        .map(|(_, c)| c)
        .collect();
    let file = StatusFile {
        generator: "noticeboard",
        built_at: format_instant(clock.now(), site),
        next_status_change: changes.first().map(|c| c.at.clone()),
        changes,
        ledger,
    };
    let mut text = serde_json::to_string_pretty(&file).unwrap_or_default();
    text.push('\n');
    OutputFile {
        path: STATUS_FILE.to_string(),
        bytes: text.into_bytes(),
    }
}
