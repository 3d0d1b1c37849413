//! The home page's blocks, chosen from the whole site: notices open now
//! (公示中), campaigns under way or coming, picture news (pages with a `cover`),
//! model workers and craftsmen with a photo, and the latest news. Each list is
//! newest first and short; the template decides how to show them.

use minijinja::Value;
use serde::Serialize;

use crate::frontmatter::kind::Kind;

use super::cards::Cards;
use super::reads::SiteReads;
use super::status::status_view;
use super::urls::url_for;

const PICTURES: usize = 4;
const PEOPLE: usize = 4;
const NEWS: usize = 6;
const CAMPAIGNS: usize = 3;

#[derive(Debug, Clone, Serialize)]
pub struct HomeView {
    /// Disclosures whose notice period is running (公示中).
    pub notices: Vec<Value>,
    /// Campaigns under way, then the next ones to start.
    pub campaigns: Vec<Value>,
    /// Pages with a cover image, for the picture-news strip.
    pub pictures: Vec<Picture>,
    /// Model workers and craftsmen with a photo.
    pub people: Vec<Value>,
    /// The latest pages of kind news.
    pub news: Vec<Value>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Picture {
    pub title: String,
    pub url: String,
    pub image: String,
    pub date: String,
}

pub(crate) fn home_view(r: &SiteReads<'_>, cards: &Cards, now: jiff::Timestamp) -> HomeView {
    let by_date = r.by_date();
    let config = r.config();
    let kind = |p: usize| r.page(p).parsed.kind;
    let phase = |p: usize| status_view(r.page(p), config, now).map(|s| s.key);
    let (site, _) = r.files();

    let notices = by_date
        .iter()
        .copied()
        .filter(|&p| kind(p) == Kind::Disclosure && phase(p) == Some("during"))
        .map(|p| cards.get(r, p))
        .collect();

    let mut campaigns: Vec<(u8, usize)> = by_date
        .iter()
        .copied()
        .filter(|&p| kind(p) == Kind::Campaign)
        .filter_map(|p| match phase(p) {
            Some("during") => Some((0, p)),
            Some("before") => Some((1, p)),
            _ => None,
        })
        .collect();
    // Stable: under way first, each group newest first.
    campaigns.sort_by_key(|&(rank, _)| rank);
    let campaigns = campaigns
        .into_iter()
        .take(CAMPAIGNS)
        .map(|(_, p)| cards.get(r, p))
        .collect();

    let pictures = by_date
        .iter()
        .filter_map(|&p| {
            let page = r.page(p);
            let cover = page.parsed.front.cover.as_deref()?;
            let path = site.file_path_for(page, cover)?;
            Some(Picture {
                title: page.parsed.title.clone(),
                url: url_for(config, &page.path),
                image: url_for(config, &path),
                date: crate::i18n::format_date(page.parsed.date.date(), config.language),
            })
        })
        .take(PICTURES)
        .collect();

    let people = by_date
        .iter()
        .copied()
        .filter(|&p| matches!(kind(p), Kind::ModelWorker | Kind::Craftsman))
        .filter(|&p| r.page(p).parsed.front.photo.is_some())
        .take(PEOPLE)
        .map(|p| cards.get(r, p))
        .collect();

    let news = by_date
        .iter()
        .copied()
        .filter(|&p| kind(p) == Kind::News)
        .take(NEWS)
        .map(|p| cards.get(r, p))
        .collect();

    HomeView {
        notices,
        campaigns,
        pictures,
        people,
        news,
    }
}
