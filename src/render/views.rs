//! Typed views handed to templates: what a template may read about the site, a
//! page, a listing. Built from the model once; pages' cards are reused by every
//! listing they appear in (as cheap `minijinja::Value` clones).

use serde::Serialize;

use crate::config::Config;
use crate::frontmatter::FrontMatter;
use crate::markdown::TocEntry;

use crate::i18n::format_date;

#[derive(Debug, Clone, Serialize)]
pub struct DateView {
    /// `2026-11-20T09:30:00+08:00`, for `<time datetime>` and feeds.
    pub iso: String,
    /// `2026-11-20`.
    pub ymd: String,
    /// `2026年11月20日` or `20 Nov 2026`.
    pub display: String,
    pub year: i16,
    pub month: i8,
    pub day: i8,
}

impl DateView {
    pub fn new(dt: jiff::civil::DateTime, config: &Config) -> DateView {
        let iso = match dt.to_zoned_datetime(config.timezone.clone()) {
            Ok(z) => z.strftime("%Y-%m-%dT%H:%M:%S%:z").to_string(),
            Err(_) => dt.to_string(),
        };
        DateView {
            iso,
            ymd: dt.date().to_string(),
            display: format_date(dt.date(), config.language),
            year: dt.year(),
            month: dt.month(),
            day: dt.day(),
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Link {
    pub title: String,
    pub url: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct NavItem {
    pub title: String,
    pub url: String,
    /// The site path it covers, to mark the current section.
    pub path: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct SiteView {
    pub title: String,
    pub organization: Option<String>,
    pub base_url: String,
    pub base_path: String,
    pub language: &'static str,
    pub nav: Vec<NavItem>,
    pub feeds: bool,
    pub search: bool,
    /// Links are made relative after rendering (`--relative`).
    pub relative: bool,
    pub build_year: i16,
    /// 备案 numbers for the footer; none when `site.yaml` gives none.
    pub beian: Option<BeianView>,
}

/// The footer's 备案 lines: each number with where it can be looked up.
#[derive(Debug, Clone, Serialize)]
pub struct BeianView {
    pub icp: Option<String>,
    /// The MIIT 备案 system, where the ICP number is looked up.
    pub icp_url: &'static str,
    pub police: Option<String>,
    /// The 公安 备案 system's page for the police number.
    pub police_url: Option<String>,
    pub site_code: Option<String>,
}

impl BeianView {
    /// The record systems' own addresses: the only place the numbers can be checked.
    const ICP_SYSTEM: &'static str = "https://beian.miit.gov.cn/";
    const POLICE_SYSTEM: &'static str =
        "http://www.beian.gov.cn/portal/registerSystemInfo?recordcode=";

    pub fn of(beian: &crate::config::public::Beian) -> Option<BeianView> {
        (!beian.is_empty()).then(|| BeianView {
            icp: beian.icp.clone(),
            icp_url: Self::ICP_SYSTEM,
            police: beian.police.as_ref().map(|p| p.text.clone()),
            police_url: beian
                .police
                .as_ref()
                .map(|p| format!("{}{}", Self::POLICE_SYSTEM, p.record_code)),
            site_code: beian.site_code.clone(),
        })
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct TermLink {
    pub name: String,
    pub url: String,
}

/// A page as it appears in listings.
#[derive(Debug, Clone, Serialize)]
pub struct CardView<'a> {
    pub title: &'a str,
    pub url: String,
    pub date: DateView,
    pub summary: minijinja::Value,
    pub kind: &'static str,
    pub section_title: &'a str,
    pub section_url: String,
    pub tags: Vec<TermLink>,
    pub draft: bool,
    pub meta: &'a FrontMatter,
    pub status: Option<super::status::StatusView>,
    pub number: Option<String>,
    /// URL of the `cover`'s (or, for profiles, the `photo`'s) thumbnail.
    pub image: Option<String>,
    /// The same picture with its sizes, for `srcset`.
    pub thumb: Option<super::media::ImageView>,
}

#[derive(Debug, Clone, Serialize)]
pub struct PageView<'a> {
    pub title: &'a str,
    pub url: String,
    pub permalink: String,
    pub date: DateView,
    pub updated: Option<DateView>,
    pub author: Option<&'a str>,
    pub source: Option<&'a str>,
    pub summary: minijinja::Value,
    /// Plain-text summary for `<meta name="description">`, at most 120 characters.
    pub description: String,
    pub content: minijinja::Value,
    pub toc: &'a [TocEntry],
    pub word_count: usize,
    pub word_count_text: String,
    pub reading_minutes: usize,
    pub reading_time_text: String,
    pub kind: &'static str,
    pub draft: bool,
    pub tags: Vec<TermLink>,
    pub taxonomies: std::collections::BTreeMap<&'a str, Vec<TermLink>>,
    pub meta: &'a FrontMatter,
    pub section: Link,
    pub newer: Option<Link>,
    pub older: Option<Link>,
    /// Pages sharing the most tags with this one.
    pub related: Vec<minijinja::Value>,
    pub status: Option<super::status::StatusView>,
    pub disclosure: Option<DisclosureView>,
    /// For a campaign: pages carrying its tag.
    pub campaign_pages: Vec<minijinja::Value>,
    /// URLs of the `photo` and `cover` files.
    pub photo_url: Option<String>,
    pub cover_url: Option<String>,
    /// The page's gallery (front matter `gallery`, or `{{ gallery() }}`).
    pub gallery: Vec<super::media::ImageView>,
    /// The body places the gallery itself with `{{ gallery() }}`.
    pub gallery_in_body: bool,
    /// The page shows a gallery (so the theme loads its lightbox script).
    pub has_lightbox: bool,
    /// The profile `photo`, processed.
    pub photo: Option<super::media::ImageView>,
}

#[derive(Debug, Clone, Serialize)]
pub struct PagerLink {
    pub number: usize,
    pub url: String,
    pub current: bool,
    /// Stands for the numbers left out (…) between two links.
    pub gap: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct Paginator {
    pub current: usize,
    pub total: usize,
    pub items: usize,
    pub per_page: usize,
    pub previous_url: Option<String>,
    pub next_url: Option<String>,
    pub pages: Vec<PagerLink>,
}

impl Paginator {
    /// The pager of page `current_index` (0-based) of `total` pages;
    /// `url_of(i)` gives page `i`'s URL. It links the first and last pages and
    /// two either side of the current one, with gaps between: a listing of
    /// 2,500 pages does not carry 2,500 links on each of them.
    pub fn new(
        url_of: impl Fn(usize) -> String,
        total: usize,
        current_index: usize,
        items: usize,
        per_page: usize,
    ) -> Paginator {
        const AROUND: usize = 2;
        let total = total.max(1);
        let mut shown: Vec<usize> = vec![0, total - 1];
        shown
            .extend(current_index.saturating_sub(AROUND)..=(current_index + AROUND).min(total - 1));
        shown.sort_unstable();
        shown.dedup();
        let mut pages = Vec::with_capacity(shown.len() * 2);
        let mut last: Option<usize> = None;
        for i in shown {
            match last {
                // A gap of one number shows the number instead.
                Some(l) if i == l + 2 => pages.push(PagerLink {
                    number: l + 2,
                    url: url_of(l + 1),
                    current: false,
                    gap: false,
                }),
                Some(l) if i > l + 2 => pages.push(PagerLink {
                    number: 0,
                    url: String::new(),
                    current: false,
                    gap: true,
                }),
                _ => {}
            }
            pages.push(PagerLink {
                number: i + 1,
                url: url_of(i),
                current: i == current_index,
                gap: false,
            });
            last = Some(i);
        }
        Paginator {
            current: current_index + 1,
            total,
            items,
            per_page,
            previous_url: current_index.checked_sub(1).map(&url_of),
            next_url: (current_index + 1 < total).then(|| url_of(current_index + 1)),
            pages,
        }
    }
}

/// Fills `{n}` (and `{total}`) in a UI string.
pub fn fill(template: &str, n: usize, total: Option<usize>) -> String {
    let s = template.replace("{n}", &n.to_string());
    match total {
        Some(t) => s.replace("{total}", &t.to_string()),
        None => s,
    }
}

/// A plain-text description of a page: its `summary`, else the start of its
/// text; [`crate::text::opening`] of the text with one character more than
/// [`crate::text::DESCRIPTION_CHARS`] gives the same.
pub fn describe(summary: Option<&str>, plain_text: &str) -> String {
    let source = summary
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .unwrap_or(plain_text);
    let flat: String = source.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut out: String = flat.chars().take(crate::text::DESCRIPTION_CHARS).collect();
    if flat.chars().count() > crate::text::DESCRIPTION_CHARS {
        out.push('…');
    }
    out
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
    /// A spreadsheet shown inline, as an HTML table.
    pub table: Option<String>,
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
    /// 索引号, from `disclosure.index_format`.
    pub index_number: Option<String>,
}

#[cfg(test)]
mod pager_tests {
    use super::Paginator;

    fn shown(p: &Paginator) -> String {
        p.pages
            .iter()
            .map(|l| {
                if l.gap {
                    "…".to_string()
                } else if l.current {
                    format!("[{}]", l.number)
                } else {
                    l.number.to_string()
                }
            })
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn long_listings_link_a_window_not_every_page() {
        let url = |i: usize| format!("/news/page/{}/", i + 1);
        let p = Paginator::new(url, 2500, 1199, 25000, 10);
        assert_eq!(shown(&p), "1 … 1198 1199 [1200] 1201 1202 … 2500");
        assert_eq!(p.previous_url.as_deref(), Some("/news/page/1199/"));
        assert_eq!(p.next_url.as_deref(), Some("/news/page/1201/"));
        assert_eq!(shown(&Paginator::new(url, 5, 0, 50, 10)), "[1] 2 3 4 5");
        assert_eq!(shown(&Paginator::new(url, 9, 8, 90, 10)), "1 … 7 8 [9]");
        let single = Paginator::new(url, 1, 0, 3, 10);
        assert_eq!(shown(&single), "[1]");
        assert!(single.previous_url.is_none() && single.next_url.is_none());
    }
}
