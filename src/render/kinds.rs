//! Views of what each kind adds, for templates: notice and campaign status
//! (with the instants the theme's site.js needs to recompute it in the browser),
//! disclosure facts and attachments, and the grouped listings of the kind
//! sections (劳模 by honour level, 工匠 by trade, campaigns by status,
//! disclosures current first, then 往期 by year).

use std::collections::BTreeMap;

use jiff::Timestamp;
use jiff::civil::Date;
use minijinja::Value;
use serde::Serialize;

use crate::config::Config;
use crate::disclosure::status::{DayRange, Phase, campaign_label, notice_label, phase_key};
use crate::file_label::human_size;
use crate::frontmatter::HonorLevel;
use crate::frontmatter::kind::Kind;
use crate::i18n::Language;
use crate::model::kinds::Details;
use crate::model::{Page, Site};

use super::urls::{Link, url_for};

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
    /// RFC 3339 instants bounding the period, for the status script in site.js.
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

#[derive(Debug, Clone, Serialize)]
pub struct AttachmentView {
    pub index: usize,
    pub title: String,
    pub url: String,
    pub name: String,
    pub kind: &'static str,
    pub size: String,
    pub sha256: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct DisclosureView {
    pub number: String,
    pub attachments: Vec<AttachmentView>,
    /// The notice this one corrects (for a 更正公告).
    pub corrects: Option<Link>,
    pub reason: Option<String>,
    /// Corrections of this notice.
    pub corrected_by: Vec<Link>,
    pub year: i16,
    pub category: Option<String>,
}

pub fn disclosure_view(site: &Site, index: usize) -> Option<DisclosureView> {
    let page = &site.pages[index];
    let Details::Disclosure(d) = &page.details else {
        return None;
    };
    let link = |p: usize| Link {
        title: site.pages[p].parsed.title.clone(),
        url: url_for(site, &site.pages[p].path),
    };
    Some(DisclosureView {
        number: d.number.to_string(),
        attachments: d
            .attachments
            .iter()
            .enumerate()
            .map(|(i, a)| AttachmentView {
                index: i + 1,
                title: a.title.clone(),
                url: url_for(site, &format!("{}{}", page.path, a.name)),
                name: a.name.clone(),
                kind: a.kind,
                size: human_size(a.size),
                sha256: a.sha256.clone(),
            })
            .collect(),
        corrects: site.corrects.get(&index).map(|&o| link(o)),
        reason: page.parsed.front.reason.clone(),
        corrected_by: site
            .corrects
            .iter()
            .filter(|&(_, &original)| original == index)
            .map(|(&c, _)| link(c))
            .collect(),
        year: page.parsed.date.year(),
        category: page.parsed.front.category.clone(),
    })
}

/// News and other pages carrying a campaign's tag, newest first.
pub fn campaign_pages(site: &Site, index: usize) -> Vec<usize> {
    let Details::Campaign(c) = &site.pages[index].details else {
        return Vec::new();
    };
    let Some(tag) = &c.tag else { return Vec::new() };
    let Some(term) = site
        .taxonomies
        .iter()
        .find(|t| t.name == "tags")
        .and_then(|t| t.find(tag))
    else {
        return Vec::new();
    };
    term.pages
        .iter()
        .copied()
        .filter(|&p| p != index && site.pages[p].parsed.kind != Kind::Campaign)
        .collect()
}

/// Group key (rank, title) → (sort key, page index) of its items.
type Grouping = BTreeMap<(usize, String), Vec<(std::cmp::Reverse<i64>, usize)>>;

#[derive(Debug, Clone, Serialize)]
pub struct Group {
    pub title: String,
    pub key: String,
    pub items: Vec<Value>,
}

fn level_rank(level: &HonorLevel) -> usize {
    match level {
        HonorLevel::National => 0,
        HonorLevel::Provincial => 1,
        HonorLevel::City => 2,
        HonorLevel::Enterprise => 3,
    }
}

fn level_title(rank: usize, language: Language) -> &'static str {
    let zh = [
        "全国劳动模范",
        "省部级劳动模范",
        "市级劳动模范",
        "企业劳动模范",
        "其他先进个人",
    ];
    let en = ["National", "Provincial", "City", "Enterprise", "Other"];
    match language {
        Language::ZhCn => zh.get(rank).copied().unwrap_or("其他"),
        Language::En => en.get(rank).copied().unwrap_or("Other"),
    }
}

/// Groups a kind section's pages the way the office reads them. `None` for
/// kinds listed as a plain newest-first list.
pub fn section_groups(
    site: &Site,
    kind: Kind,
    pages: &[usize],
    cards: &super::Cards<'_>,
    now: Timestamp,
) -> Option<Vec<Group>> {
    let config = &site.config;
    let zh = config.language == Language::ZhCn;
    let mut keyed: Grouping = BTreeMap::new();
    match kind {
        Kind::ModelWorker => {
            for (order, &p) in pages.iter().enumerate() {
                let honors = site.pages[p].parsed.front.honors.as_deref().unwrap_or(&[]);
                // A worker is listed under the highest level reached, then by that
                // honour's year, newest first.
                let best = honors
                    .iter()
                    .min_by_key(|h| (level_rank(&h.level), std::cmp::Reverse(h.year)));
                let (rank, year) = best
                    .map(|h| (level_rank(&h.level), h.year as i64))
                    .unwrap_or((4, 0));
                keyed
                    .entry((rank, level_title(rank, config.language).to_string()))
                    .or_default()
                    .push((std::cmp::Reverse(year * 100_000 - order as i64), p));
            }
        }
        Kind::Craftsman => {
            for (order, &p) in pages.iter().enumerate() {
                let trade = site.pages[p].parsed.front.trade.clone().unwrap_or_default();
                keyed
                    .entry((0, trade))
                    .or_default()
                    .push((std::cmp::Reverse(-(order as i64)), p));
            }
        }
        Kind::Campaign => {
            for &p in pages {
                let Details::Campaign(c) = &site.pages[p].details else {
                    continue;
                };
                let phase = c.range.phase(now, &config.timezone);
                let day = |d: Date| {
                    i64::from(d.year()) * 10_000 + i64::from(d.month()) * 100 + i64::from(d.day())
                };
                // Running: newest start first; upcoming: soonest first; ended:
                // most recently ended first.
                let (rank, sort) = match phase {
                    Phase::During => (0, -day(c.range.first)),
                    Phase::Before => (1, day(c.range.first)),
                    Phase::After => (2, -day(c.range.last)),
                };
                keyed
                    .entry((rank, campaign_label(phase, zh).to_string()))
                    .or_default()
                    .push((std::cmp::Reverse(-sort), p));
            }
        }
        Kind::Disclosure => {
            for (order, &p) in pages.iter().enumerate() {
                let page = &site.pages[p];
                let open = match &page.details {
                    Details::Disclosure(d) => d
                        .notice
                        .as_ref()
                        .is_some_and(|n| n.range.phase(now, &config.timezone) != Phase::After),
                    _ => false,
                };
                let key = if open {
                    (
                        0,
                        if zh {
                            "正在公示".to_string()
                        } else {
                            "Open now".to_string()
                        },
                    )
                } else {
                    let year = page.parsed.date.year();
                    (
                        10_000 - year as usize,
                        if zh {
                            format!("往期公示 · {year}年")
                        } else {
                            format!("Archive · {year}")
                        },
                    )
                };
                keyed
                    .entry(key)
                    .or_default()
                    .push((std::cmp::Reverse(-(order as i64)), p));
            }
        }
        Kind::News => return None,
    }
    Some(
        keyed
            .into_iter()
            .enumerate()
            // Ranks repeat across group kinds (a level and a year may share
            // one), so ids come from the position: unique on the page.
            .map(|(i, ((_, title), mut items))| {
                items.sort();
                Group {
                    key: format!("g{}", i + 1),
                    title,
                    items: items.into_iter().map(|(_, p)| cards.get(p)).collect(),
                }
            })
            .collect(),
    )
}
