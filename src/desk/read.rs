//! The desk's reading endpoints: the site, the schema, the pages and their
//! states, one page as the form edits it, proposals for a new page (slug,
//! path, 文号), the end of a notice period, and the pages a link may name.
//! Pages, states and problems come from serve's last build; one page's text
//! is read from disk, as it is now.

use std::path::{Path, PathBuf};

use serde::Serialize;
use serde_json::{Value, json};

use crate::clock::Clock;
use crate::config::Config;
use crate::diag::Report;
use crate::disclosure::calendar::NoticeUnit;
use crate::disclosure::number::{self, DocNumber};
use crate::disclosure::status::Phase;
use crate::frontmatter::kind::Kind;
use crate::frontmatter::schema::{Choices, Field};
use crate::i18n::Language;
use crate::layout::CONTENT_DIR;
use crate::message::Message;
use crate::model::kinds::Details;
use crate::model::{Page, Site};
use crate::serve::mount::Reply;

use super::gate::query_value;
use super::{Desk, files, json as reply};

pub fn answer(desk: &Desk, endpoint: &str, query: &str, language: Language) -> Reply {
    let q = |name: &str| query_value(query, name).unwrap_or_default();
    let result = match endpoint {
        "site" => site(desk, language),
        "schema" => schema(desk, language),
        "pages" => pages(desk, language),
        "page" => page(desk, &q("path"), language),
        "propose" => propose(desk, &q("kind"), &q("section"), &q("title"), language),
        "period" => period(desk, &q("start"), &q("days"), &q("calendar"), language),
        "links" => links(desk),
        "file" => bundle_bytes(desk, &q("page"), &q("name"), language),
        "progress" => Ok(reply::ok(&*super::lock(&desk.progress))),
        _ => Err(reply::error(
            404,
            Message::DeskNotFound {
                path: super::gate::shorten(endpoint),
            },
            language,
        )),
    };
    result.unwrap_or_else(|e| e)
}

/// The site's configuration, read again (it may have changed since serve
/// started); a broken `site.yaml` gives the defaults, and the pages list
/// shows its problems.
pub fn config(desk: &Desk) -> Config {
    let mut quiet = Report::new();
    crate::build::load_config(&desk.options.root, None, &mut quiet)
        .unwrap_or_else(|| crate::config::default_config(""))
}

pub fn clock(desk: &Desk, config: &Config) -> Clock {
    Clock::from_sources(
        desk.options.now.as_deref(),
        desk.options.source_date_epoch.as_deref(),
        &config.timezone,
    )
    .unwrap_or_else(|_| Clock::fixed(jiff::Timestamp::now()))
}

fn label(pair: (&str, &str), language: Language) -> String {
    match language {
        Language::ZhCn => pair.0.to_string(),
        Language::En => pair.1.to_string(),
    }
}

fn site(desk: &Desk, language: Language) -> Result<Reply, Reply> {
    let config = config(desk);
    let site = desk.site();
    let sections: Vec<Value> = site
        .iter()
        .flat_map(|s| s.sections.iter())
        .filter(|s| !s.dir.as_os_str().is_empty())
        .map(|s| {
            let dir = s.dir.to_string_lossy().replace('\\', "/");
            json!({
                "path": format!("{CONTENT_DIR}/{dir}"),
                "name": dir,
                "title": s.title,
                "kind": s.kind.name(),
                "url": crate::render::urls::url_for(&config, &s.path),
            })
        })
        .collect();
    let kinds: Vec<Value> = Kind::ALL
        .iter()
        .map(|k| json!({"name": k.name(), "label": label(k.label(), language)}))
        .collect();
    Ok(reply::ok(&json!({
        "title": config.title,
        "language": language_name(language),
        "base_url": config.base_url,
        "organization": config.organization,
        "review": if config.review_required { "required" } else { "off" },
        "sections": sections,
        "kinds": kinds,
        "categories": config.disclosure.categories,
    })))
}

fn language_name(language: Language) -> &'static str {
    match language {
        Language::ZhCn => "zh-CN",
        Language::En => "en",
    }
}

/// One field as the form builds it.
fn field_json(field: &Field, config: &Config, language: Language) -> Value {
    let mut options: Vec<Value> = field
        .options
        .iter()
        .map(|o| json!({"value": o.value, "label": label((o.zh, o.en), language)}))
        .collect();
    match field.choices {
        Some(Choices::Categories) => options
            .extend((config.disclosure.categories.iter()).map(|c| json!({"value": c, "label": c}))),
        Some(Choices::Kinds) => options.extend(
            Kind::ALL
                .iter()
                .map(|k| json!({"value": k.name(), "label": label(k.label(), language)})),
        ),
        None => {}
    }
    let mut value = json!({
        "name": field.name,
        "label": label((field.zh, field.en), language),
        "type": field.ty,
        "required": field.required,
        "hidden": field.hidden,
    });
    if let Some(help) = field.help {
        value["help"] = label(help, language).into();
    }
    if !options.is_empty() || field.choices.is_some() {
        value["options"] = options.into();
    }
    if !field.rows.is_empty() {
        value["fields"] = (field.rows.iter())
            .map(|f| field_json(f, config, language))
            .collect::<Vec<_>>()
            .into();
    }
    value
}

fn schema(desk: &Desk, language: Language) -> Result<Reply, Reply> {
    let config = config(desk);
    let mut kinds = serde_json::Map::new();
    for kind in Kind::ALL {
        let fields: Vec<Value> = kind
            .fields()
            .map(|f| field_json(f, &config, language))
            .collect();
        kinds.insert(
            kind.name().to_string(),
            json!({"label": label(kind.label(), language), "fields": fields}),
        );
    }
    Ok(reply::ok(&json!({ "kinds": kinds })))
}

/// A page's state, as the list shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum State {
    Draft,
    Review,
    Published,
    Open,
    Closed,
    Corrected,
}

impl State {
    fn label(self) -> Message {
        match self {
            State::Draft => Message::StateDraft {},
            State::Review => Message::StateReview {},
            State::Published => Message::StatePublished {},
            State::Open => Message::StateOpen {},
            State::Closed => Message::StateClosed {},
            State::Corrected => Message::StateCorrected {},
        }
    }
}

pub fn state_of(site: &Site, index: usize, config: &Config, clock: &Clock) -> State {
    let page = &site.pages[index];
    let front = &page.parsed.front;
    if front.draft == Some(true) {
        return State::Draft;
    }
    if config.review_required && page.parsed.draft {
        return if front.submitted.is_some() {
            State::Review
        } else {
            State::Draft
        };
    }
    let Details::Disclosure(d) = &page.details else {
        return State::Published;
    };
    let corrected = front.revisions.as_ref().is_some_and(|r| !r.is_empty())
        || site.corrects.values().any(|&original| original == index);
    if corrected {
        return State::Corrected;
    }
    match d
        .notice
        .as_ref()
        .map(|n| n.range.phase(clock.now(), &config.timezone))
    {
        Some(Phase::During) => State::Open,
        Some(Phase::After) => State::Closed,
        _ => State::Published,
    }
}

fn rel(path: &Path) -> String {
    path.to_string_lossy().replace('\\', "/")
}

fn pages(desk: &Desk, language: Language) -> Result<Reply, Reply> {
    let config = config(desk);
    let clock = clock(desk, &config);
    let problems = desk.problems();
    let Some(site) = desk.site() else {
        return Ok(reply::ok(&json!({"pages": [], "problems": problems})));
    };
    // By file, in order: a site may have a problem on each of 10,000 pages,
    // and looking through all of them for each page took seconds.
    let mut by_file: std::collections::HashMap<&str, Vec<super::Problem>> =
        std::collections::HashMap::new();
    for problem in &problems {
        if let Some(path) = &problem.path {
            by_file.entry(path).or_default().push(problem.clone());
        }
    }
    let list: Vec<Value> = (site.pages.iter().enumerate())
        .map(|(i, page)| {
            let path = rel(&page.parsed.path);
            let state = state_of(&site, i, &config, &clock);
            let mine = match by_file.get(path.as_str()) {
                Some(theirs) => {
                    let text =
                        std::fs::read_to_string(desk.options.root.join(&path)).unwrap_or_default();
                    super::problems::problems_of(theirs, &path, &text)
                }
                None => Vec::new(),
            };
            let section = &site.sections[page.section];
            json!({
                "path": path,
                "url": crate::render::urls::url_for(&site.config, &page.path),
                "section": format!("{CONTENT_DIR}/{}", rel(&section.dir)),
                "kind": page.parsed.kind.name(),
                "title": page.parsed.title,
                "date": page.parsed.date.date().to_string(),
                "year": page.parsed.date.year(),
                "state": state,
                "state_label": state.label().render(language),
                "problems": mine,
            })
        })
        .collect();
    // Problems of files that are no page of the site (a page that failed to
    // parse is not in the site at all).
    let known: std::collections::HashSet<String> =
        site.pages.iter().map(|p| rel(&p.parsed.path)).collect();
    let other: Vec<&super::Problem> = (problems.iter())
        .filter(|p| !p.path.as_ref().is_some_and(|path| known.contains(path)))
        .collect();
    Ok(reply::ok(&json!({"pages": list, "problems": other})))
}

/// The page file at `path` (relative, with `/`), checked as the desk writes.
fn page_file(desk: &Desk, path: &str, language: Language) -> Result<PathBuf, Reply> {
    files::page(&desk.options.root, path).map_err(|m| reply::field_error(400, m, "path", language))
}

/// What the form edits: front matter as JSON, the body, and the version
/// (the SHA-256 of the bytes on disk) a save must name.
pub struct OnDisk {
    pub front: serde_json::Map<String, Value>,
    pub body: String,
    pub version: String,
}

pub fn read_page(file: &Path) -> Option<OnDisk> {
    let bytes = std::fs::read(file).ok()?;
    let version = crate::digest::sha256_hex(&bytes);
    let mut quiet = Report::new();
    let text = crate::load::decode_text(&bytes, file, &mut quiet)?;
    let (front, body) = match crate::frontmatter::split(&text) {
        Ok(split) => {
            let front: Option<Value> = crate::yaml::from_str(split.yaml).ok()?;
            let front = match front {
                Some(Value::Object(map)) => map,
                _ => serde_json::Map::new(),
            };
            (front, split.body.to_string())
        }
        Err(_) => (serde_json::Map::new(), text.clone()),
    };
    Some(OnDisk {
        front,
        body,
        version,
    })
}

fn page(desk: &Desk, path: &str, language: Language) -> Result<Reply, Reply> {
    let file = page_file(desk, path, language)?;
    let Some(disk) = read_page(&file) else {
        return Err(reply::error(
            404,
            Message::DeskNotFound {
                path: super::gate::shorten(path),
            },
            language,
        ));
    };
    let site = desk.site();
    let found = site.as_ref().and_then(|s| {
        s.pages
            .iter()
            .find(|p| rel(&p.parsed.path) == path)
            .cloned()
    });
    let bundle = path.ends_with("/index.md");
    let files = if bundle {
        super::bundle::bundle_files(file.parent().unwrap_or(&file))
    } else {
        Vec::new()
    };
    let ledger = super::ledger::record_of(desk, path, Some(&disk.front));
    Ok(reply::ok(&json!({
        "path": path,
        "url": found.as_ref().zip(site.as_ref()).map(|(p, s)| crate::render::urls::url_for(&s.config, &p.path)),
        "kind": found.as_ref().map(|p| p.parsed.kind.name()),
        "section": found.as_ref().zip(site.as_ref()).map(|(p, s)| format!("{CONTENT_DIR}/{}", rel(&s.sections[p.section].dir))),
        "front": disk.front,
        "body": disk.body,
        "version": disk.version,
        "bundle": bundle,
        "files": files,
        "ledger": match &ledger {
            Some(e) => json!({"recorded": true, "number": e.number}),
            None => json!({"recorded": false}),
        },
    })))
}

/// Numbers in use: on pages of the last build and in the ledger (a
/// withdrawn number is never given again).
fn used_numbers(desk: &Desk, site: Option<&Site>) -> Vec<DocNumber> {
    let mut used: Vec<DocNumber> = site
        .iter()
        .flat_map(|s| s.pages.iter())
        .filter_map(|p| p.parsed.front.number.as_deref())
        .filter_map(|n| number::parse(n).ok())
        .collect();
    let mut quiet = Report::new();
    if let Some(file) = crate::emit::ledger::read_ledger(&desk.options.root, &mut quiet) {
        used.extend((file.ledger.entries.iter()).filter_map(|e| number::parse(&e.number).ok()));
    }
    used
}

/// The section folder `section` (`content/news`) if it is one the desk may
/// write into.
pub fn section_dir(desk: &Desk, section: &str, language: Language) -> Result<PathBuf, Reply> {
    let bad = || {
        reply::field_error(
            400,
            Message::DeskUnknownSection {
                section: super::gate::shorten(section),
            },
            "section",
            language,
        )
    };
    let section = section.trim_end_matches('/');
    if !section.starts_with(&format!("{CONTENT_DIR}/")) {
        return Err(bad());
    }
    let dir = files::writable(&desk.options.root, section).map_err(|_| bad())?;
    if !dir.is_dir() {
        return Err(bad());
    }
    Ok(dir)
}

/// A file name for a new page of `kind` titled `title` in `section`: the
/// slug from the title (pinyin), news with the date in front, as `new`
/// names files; `-2`, `-3`… when taken.
pub fn new_page_path(
    desk: &Desk,
    kind: Kind,
    section: &str,
    slug: &str,
    config: &Config,
    language: Language,
) -> Result<(String, String), Reply> {
    let dir = section_dir(desk, section, language)?;
    let mut slug = crate::slug::slugify(slug, config.slugs);
    if slug.is_empty() {
        slug = "page".to_string();
    }
    let today = clock(desk, config).today_in(&config.timezone);
    let stem = if kind == Kind::News {
        format!("{today}-{slug}")
    } else {
        slug.clone()
    };
    let section = section.trim_end_matches('/');
    for n in 1.. {
        let name = if n == 1 {
            stem.clone()
        } else {
            format!("{stem}-{n}")
        };
        if !dir.join(format!("{name}.md")).exists() && !dir.join(&name).exists() {
            let slug = if n == 1 { slug } else { format!("{slug}-{n}") };
            return Ok((slug, format!("{section}/{name}.md")));
        }
    }
    unreachable!("some name is free")
}

fn propose(
    desk: &Desk,
    kind: &str,
    section: &str,
    title: &str,
    language: Language,
) -> Result<Reply, Reply> {
    let Some(kind) = Kind::parse(kind) else {
        return Err(reply::field_error(
            400,
            Message::DeskUnknownKind {
                kind: super::gate::shorten(kind),
            },
            "kind",
            language,
        ));
    };
    let config = config(desk);
    let (slug, path) = new_page_path(desk, kind, section, title, &config, language)?;
    let mut answer = json!({"slug": slug, "path": path});
    if kind == Kind::Disclosure {
        let site = desk.site();
        let used = used_numbers(desk, site.as_deref());
        let year = clock(desk, &config).today_in(&config.timezone).year() as i32;
        let prefix = number::prefix_for(config.disclosure.number_format.as_deref(), &used);
        answer["number"] = number::next_free(&used, &prefix, year).to_string().into();
    }
    Ok(reply::ok(&answer))
}

fn period(
    desk: &Desk,
    start: &str,
    days: &str,
    unit: &str,
    language: Language,
) -> Result<Reply, Reply> {
    let bad_date = || {
        reply::field_error(
            400,
            Message::DeskBadDate {
                text: super::gate::shorten(start),
            },
            "start",
            language,
        )
    };
    let from: jiff::civil::Date = start.trim().parse().map_err(|_| bad_date())?;
    let days: u32 = days.trim().parse().unwrap_or(5).clamp(1, 366);
    let unit = match unit {
        "calendar" | "calendar_days" => NoticeUnit::CalendarDays,
        _ => NoticeUnit::WorkingDays,
    };
    let mut quiet = Report::new();
    let calendar = crate::disclosure::load_calendar(&desk.options.root, &mut quiet);
    let end = calendar.notice_end(from, days, unit);
    let shown = |d: jiff::civil::Date| match language {
        Language::ZhCn if d.year() == from.year() && end.last_day.year() == from.year() => {
            format!("{}月{}日", d.month(), d.day())
        }
        Language::ZhCn => format!("{}年{}月{}日", d.year(), d.month(), d.day()),
        Language::En => d.to_string(),
    };
    let label = Message::DeskPeriod {
        from: shown(from),
        until: shown(end.last_day),
    }
    .render(language);
    Ok(reply::ok(&json!({
        "end": end.last_day.to_string(),
        "label": label,
        "uncertain": end.uncertain,
    })))
}

fn links(desk: &Desk) -> Result<Reply, Reply> {
    let site = desk.site();
    let pages: Vec<Value> = site
        .iter()
        .flat_map(|s| s.pages.iter().map(move |p| (s, p)))
        .map(|(s, p): (&std::sync::Arc<Site>, &std::sync::Arc<Page>)| {
            json!({
                "title": p.parsed.title,
                "url": crate::render::urls::url_for(&s.config, &p.path),
                "path": rel(&p.parsed.path),
            })
        })
        .collect();
    Ok(reply::ok(&json!({ "pages": pages })))
}

/// One file of a page's bundle, for the desk's thumbnails; only the types
/// the desk takes in uploads, sent with the type their bytes show.
fn bundle_bytes(desk: &Desk, page: &str, name: &str, language: Language) -> Result<Reply, Reply> {
    let file = page_file(desk, page, language)?;
    let not_found = || {
        reply::error(
            404,
            Message::DeskNotFound {
                path: super::gate::shorten(name),
            },
            language,
        )
    };
    if !page.ends_with("/index.md") || name.contains(['/', '\\']) {
        return Err(not_found());
    }
    let dir = page.trim_end_matches("index.md");
    let target =
        files::writable(&desk.options.root, &format!("{dir}{name}")).map_err(|_| not_found())?;
    let _ = file;
    let bytes = std::fs::read(&target).map_err(|_| not_found())?;
    let mime = super::types::mime_of(&bytes, name);
    if mime == "application/octet-stream" {
        return Err(not_found());
    }
    Ok(Reply::new(200, mime, bytes))
}
