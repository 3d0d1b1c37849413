//! Views of what each kind adds, for templates: disclosure facts and
//! attachments, a campaign's pages, and the grouped listings of the kind
//! sections (劳模 by honour level, 工匠 by trade, campaigns by status,
//! disclosures current first, then 往期 by year).

use std::collections::BTreeMap;

use jiff::Timestamp;
use jiff::civil::Date;
use minijinja::Value;
use serde::Serialize;

use crate::disclosure::status::{Phase, campaign_label};
use crate::file_label::human_size;
use crate::frontmatter::HonorLevel;
use crate::frontmatter::kind::Kind;
use crate::i18n::Language;
use crate::model::kinds::Details;

use super::cards::Cards;
use super::reads::SiteReads;
use super::urls::url_for;
use super::views::{AttachmentView, DisclosureView, Link};

pub(crate) fn disclosure_view(r: &SiteReads<'_>, index: usize) -> Option<DisclosureView> {
    let page = r.page(index);
    let Details::Disclosure(d) = &page.details else {
        return None;
    };
    let config = r.config();
    let link = |p: usize| {
        let other = r.page(p);
        Link {
            title: other.parsed.title.clone(),
            url: url_for(config, &other.path),
        }
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
                url: url_for(config, &format!("{}{}", page.path, a.name)),
                name: a.name.clone(),
                kind: a.kind,
                size: human_size(a.size),
                sha256: a.sha256.clone(),
                table: (a.table.as_ref())
                    .map(|g| crate::office::sheet::table_html(g, None, Some(&a.title))),
            })
            .collect(),
        corrects: r.corrects(index).map(link),
        reason: page.parsed.front.reason.clone(),
        corrected_by: r.corrected_by(index).into_iter().map(link).collect(),
        year: page.parsed.date.year(),
        category: page.parsed.front.category.clone(),
        index_number: config.disclosure.index_format.as_ref().map(|f| {
            let org_code = config.disclosure.org_code.as_deref().unwrap_or("");
            f.render(org_code, &d.number.prefix, d.number.year, d.number.seq)
        }),
    })
}

/// News and other pages carrying a campaign's tag, newest first.
pub(crate) fn campaign_pages(r: &SiteReads<'_>, index: usize) -> Vec<usize> {
    let Details::Campaign(c) = &r.page(index).details else {
        return Vec::new();
    };
    let Some(tag) = &c.tag else { return Vec::new() };
    let Some(term) = r.term_by_name("tags", tag) else {
        return Vec::new();
    };
    term.pages
        .iter()
        .copied()
        .filter(|&p| p != index && r.page(p).parsed.kind != Kind::Campaign)
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
pub(crate) fn section_groups(
    r: &SiteReads<'_>,
    kind: Kind,
    pages: &[usize],
    cards: &Cards,
    now: Timestamp,
) -> Option<Vec<Group>> {
    let config = r.config();
    let zh = config.language == Language::ZhCn;
    let mut keyed: Grouping = BTreeMap::new();
    match kind {
        Kind::ModelWorker => {
            for (order, &p) in pages.iter().enumerate() {
                let honors = r.page(p).parsed.front.honors.as_deref().unwrap_or(&[]);
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
                let trade = r.page(p).parsed.front.trade.clone().unwrap_or_default();
                keyed
                    .entry((0, trade))
                    .or_default()
                    .push((std::cmp::Reverse(-(order as i64)), p));
            }
        }
        Kind::Campaign => {
            for &p in pages {
                let Details::Campaign(c) = &r.page(p).details else {
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
                let page = &r.page(p);
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
                    items: items.into_iter().map(|(_, p)| cards.get(r, p)).collect(),
                }
            })
            .collect(),
    )
}
