//! Parse: one Markdown source → one [`ParsedPage`] or [`ParsedSection`].
//!
//! Splits and reads the front matter, checks it against the page's kind
//! (required fields, field names, dates), and renders the Markdown body once.
//! Pages are parsed in parallel; each returns its own diagnostics, merged in
//! file order. URLs, slugs and listings are the model stage's business.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use jiff::civil;

use crate::clock::parse_civil;
use crate::config::Config;
use crate::diag::{Diagnostic, KeyLines, Report};
use crate::escape::escape_html;
use crate::frontmatter::kind::{Kind, SECTION_FIELDS};
use crate::frontmatter::{
    FrontMatter, KeyScan, MAX_TERMS_PER_PAGE, SplitError, parse_front_matter, read_once, scan_keys,
    split,
};
use crate::load::{MarkdownSource, Role};
use crate::markdown::store::{Keys, Store};
use crate::markdown::{RenderedMarkdown, render_markdown_with};
use crate::message::{List, Message};

mod sources;

pub use sources::{Bodies, ParseCache, parse_sources, parse_sources_cached, parse_sources_once};

#[derive(Debug, Clone)]
pub struct ParsedSection {
    pub path: PathBuf,
    /// Folder relative to `content/`; empty for the home page.
    pub dir: PathBuf,
    pub title: String,
    /// Kind of the pages in this section.
    pub kind: Option<Kind>,
    pub front: FrontMatter,
    pub body: RenderedMarkdown,
}

#[derive(Debug, Clone)]
pub struct ParsedPage {
    pub path: PathBuf,
    /// Folder of the section holding the page, relative to `content/`.
    pub section_dir: PathBuf,
    /// The bundle folder relative to `content/`, for bundle pages.
    pub bundle_dir: Option<PathBuf>,
    /// File stem, or the bundle folder's name: the slug when none is given.
    pub name: String,
    pub kind: Kind,
    pub title: String,
    pub date: civil::DateTime,
    pub updated: Option<civil::DateTime>,
    pub draft: bool,
    pub front: FrontMatter,
    /// Taxonomy name → terms as written.
    pub taxonomies: BTreeMap<String, Vec<String>>,
    pub body: RenderedMarkdown,
    /// Summary as HTML: front matter `summary`, else before `<!-- more -->`,
    /// else the first paragraph.
    pub summary_html: String,
    /// 1-based line of each top-level front matter key, for later messages.
    pub key_lines: BTreeMap<String, usize>,
    /// The page's search terms, when the site has a search index.
    pub search_terms: Option<crate::search_terms::PageTerms>,
    /// SHA-256 of the decoded source text, for disclosures (the ledger); empty
    /// for other kinds, which nothing needs to verify.
    pub source_sha256: String,
    /// A quick checksum of the source text: with the file's path, config
    /// and templates, it decides everything else here (a later build's
    /// comparison, [`crate::rebuild`]).
    pub source_sum: u64,
}

impl ParsedPage {
    /// The file line of a front-matter key, for diagnostics found after parsing.
    pub fn key_line(&self, key: &str) -> Option<usize> {
        self.key_lines.get(key).copied()
    }
}

#[derive(Debug, Clone, Default)]
pub struct ParsedSite {
    pub sections: Vec<ParsedSection>,
    /// Shared, so that `serve` keeps them between rebuilds without copying.
    pub pages: Vec<Arc<ParsedPage>>,
}

/// What every file's parse needs.
struct Ctx<'a> {
    config: &'a Config,
    /// The shortcodes the templates define.
    shortcodes: std::collections::BTreeSet<String>,
    /// Bodies rendered by earlier builds, and what they are found under.
    store: Option<(&'a Store, Keys)>,
}

impl<'a> Ctx<'a> {
    fn new(config: &'a Config, sources: &crate::load::Sources) -> Ctx<'a> {
        Ctx {
            config,
            shortcodes: sources::shortcode_names(sources),
            store: None,
        }
    }

    fn with_store(mut self, store: Option<&'a Store>) -> Ctx<'a> {
        let keys = Keys::new(&self.shortcodes, self.config.search);
        self.store = store.map(|store| (store, keys));
        self
    }
}

struct Head<'a> {
    offset: usize,
    body: &'a str,
    /// 1-based file line where the body starts.
    body_line: usize,
    front: FrontMatter,
    keys: Vec<String>,
    /// Read once: every diagnostic about a key looks its line up here.
    lines: KeyLines,
    taxonomies: BTreeMap<String, Vec<String>>,
}

impl Head<'_> {
    fn key_line(&self, key: &str) -> Option<usize> {
        self.lines.get(key).map(|l| l + self.offset)
    }

    fn key_lines(&self) -> BTreeMap<String, usize> {
        self.keys
            .iter()
            .filter_map(|k| self.key_line(k).map(|l| (k.clone(), l)))
            .collect()
    }
}

fn read_head<'a>(
    source: &'a MarkdownSource,
    config: &Config,
    report: &mut Report,
) -> Option<Head<'a>> {
    let path = &source.path;
    let parts = match split(&source.text) {
        Ok(parts) => parts,
        Err(SplitError::Missing) if source.text.trim().is_empty() => {
            report.push(
                Diagnostic::error(Message::FileEmpty {})
                    .at(path)
                    .line(1)
                    .help(Message::FileEmptyHelp {}),
            );
            return None;
        }
        Err(SplitError::Missing) => {
            report.push(
                Diagnostic::error(Message::FrontMatterMissing {})
                    .at(path)
                    .line_col(1, 1)
                    .help(Message::FrontMatterMissingHelp {}),
            );
            return None;
        }
        Err(SplitError::Unclosed) => {
            report.push(
                Diagnostic::error(Message::FrontMatterUnclosed {})
                    .at(path)
                    .line_col(1, 1)
                    .help(Message::FrontMatterClose {}),
            );
            return None;
        }
    };
    let offset = parts.yaml_line_offset;
    let (scan, front) = match read_once(parts.yaml, &config.taxonomies) {
        Some(read) => read,
        None => read_twice(parts.yaml, offset, config, path, report)?,
    };
    Some(Head {
        offset,
        body: parts.body,
        body_line: parts.body_line,
        front,
        keys: scan.keys,
        lines: KeyLines::of(parts.yaml),
        taxonomies: scan.taxonomies,
    })
}

/// The front matter read the two-pass way, which tells a YAML problem's
/// field and line: for a YAML [`read_once`] does not read.
fn read_twice(
    yaml: &str,
    offset: usize,
    config: &Config,
    path: &Path,
    report: &mut Report,
) -> Option<(KeyScan, FrontMatter)> {
    let scan = match scan_keys(yaml, &config.taxonomies) {
        Ok(scan) => scan,
        Err(e) => {
            report.push(
                e.into_diagnostic(path, offset)
                    .help(Message::FrontMatterIsYaml {}),
            );
            return None;
        }
    };
    let front = match parse_front_matter(yaml) {
        Ok(front) => front,
        Err(mut e) => {
            // serde says "expected text"; the writer needs to know which field.
            if let Some(key) = e.line.and_then(|line| top_level_key_at(yaml, line)) {
                e.message = Message::InField {
                    field: key,
                    problem: e.message,
                }
                .into();
            }
            report.push(e.into_diagnostic(path, offset));
            return None;
        }
    };
    Some((scan, front))
}

fn parse_section(
    source: &MarkdownSource,
    ctx: &Ctx<'_>,
    report: &mut Report,
) -> Option<ParsedSection> {
    let config = ctx.config;
    let head = read_head(source, config, report)?;
    let path = &source.path;
    for key in &head.keys {
        if !SECTION_FIELDS.contains(&key.as_str()) && !config.taxonomies.contains(key) {
            push_at(
                report,
                Diagnostic::warning(Message::UnknownSectionField { field: key.clone() }).help(
                    Message::SectionFields {
                        fields: List::of(SECTION_FIELDS),
                    },
                ),
                path,
                head.key_line(key),
            );
        }
    }
    let kind = match &head.front.kind {
        Some(name) => match Kind::parse(name) {
            Some(kind) => Some(kind),
            None => {
                push_at(
                    report,
                    Diagnostic::error(Message::UnknownKind { kind: name.clone() }).help(
                        Message::KindsHelp {
                            kinds: List::of(Kind::ALL.iter().map(|k| k.name())),
                        },
                    ),
                    path,
                    head.key_line("kind"),
                );
                None
            }
        },
        None => None,
    };
    let dir = source.content_dir();
    let title = head
        .front
        .title
        .clone()
        .filter(|t| !t.trim().is_empty())
        .unwrap_or_else(|| {
            if dir.as_os_str().is_empty() {
                config.title.clone()
            } else {
                dir.file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default()
            }
        });
    let body = render_body(&head, ctx, path, report);
    Some(ParsedSection {
        path: path.clone(),
        dir,
        title,
        kind,
        front: head.front,
        body,
    })
}

fn parse_page(
    source: &MarkdownSource,
    ctx: &Ctx<'_>,
    section_kinds: &BTreeMap<PathBuf, Kind>,
    report: &mut Report,
) -> Option<ParsedPage> {
    let config = ctx.config;
    let head = read_head(source, config, report)?;
    let path = &source.path;
    let errors_before = report.error_count();

    let own_dir = source.content_dir();
    let (section_dir, bundle_dir, name) = match source.role {
        Role::BundlePage => {
            let name = own_dir
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            let parent = own_dir.parent().map(Path::to_path_buf).unwrap_or_default();
            (parent, Some(own_dir.clone()), name)
        }
        _ => {
            let name = source
                .path
                .file_stem()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            (own_dir.clone(), None, name)
        }
    };

    let inherited = section_dir
        .ancestors()
        .find_map(|dir| section_kinds.get(dir).copied())
        .unwrap_or(Kind::News);
    let kind = match &head.front.kind {
        Some(name) => match Kind::parse(name) {
            Some(kind) => kind,
            None => {
                push_at(
                    report,
                    Diagnostic::error(Message::UnknownKind { kind: name.clone() }).help(
                        Message::KindsHelp {
                            kinds: List::of(Kind::ALL.iter().map(|k| k.name())),
                        },
                    ),
                    path,
                    head.key_line("kind"),
                );
                inherited
            }
        },
        None => inherited,
    };

    for key in &head.keys {
        if !kind.accepts(key) && !config.taxonomies.contains(key) {
            let known: Vec<&str> = crate::frontmatter::kind::common_fields()
                .into_iter()
                .chain(kind.extra_fields())
                .collect();
            push_at(
                report,
                Diagnostic::warning(Message::UnknownField {
                    field: key.clone(),
                    kind: kind.to_string(),
                })
                .help(Message::KindFields {
                    kind: kind.to_string(),
                    fields: List::of(known),
                }),
                path,
                head.key_line(key),
            );
        }
    }

    let title = match head.front.title.as_deref().map(str::trim) {
        Some(t) if !t.is_empty() => t.to_string(),
        _ => {
            push_at(
                report,
                Diagnostic::error(Message::MissingField {
                    field: "title".into(),
                })
                .help(Message::AddTitle {}),
                path,
                head.key_line("title").or(Some(head.offset + 1)),
            );
            String::new()
        }
    };

    let date = match &head.front.date {
        Some(text) => read_date(text, "date", &head, &config.timezone, path, report),
        None => {
            push_at(
                report,
                Diagnostic::error(Message::MissingField {
                    field: "date".into(),
                })
                .help(Message::AddDate {}),
                path,
                Some(head.offset + 1),
            );
            None
        }
    };
    let updated = head
        .front
        .updated
        .as_ref()
        .and_then(|text| read_date(text, "updated", &head, &config.timezone, path, report));

    for field in kind.required_fields() {
        let field = &field;
        if head.keys.iter().any(|k| k == field) && is_blank(&head.front, field) {
            push_at(
                report,
                Diagnostic::error(Message::EmptyField {
                    field: field.to_string(),
                })
                .help(Message::WriteValue {
                    field: field.to_string(),
                }),
                path,
                head.key_line(field),
            );
        } else if !head.keys.iter().any(|k| k == field) {
            push_at(
                report,
                Diagnostic::error(Message::MissingKindField {
                    field: field.to_string(),
                    kind: kind.to_string(),
                })
                .help(Message::KindNeeds {
                    kind: kind.to_string(),
                    fields: List::of(kind.required_fields()),
                }),
                path,
                Some(head.offset + 1),
            );
        }
    }

    if report.error_count() > errors_before {
        return None;
    }
    let date = date?;

    let mut taxonomies = head.taxonomies.clone();
    if config.taxonomies.iter().any(|t| t == "tags")
        && let Some(tags) = &head.front.tags
    {
        taxonomies.insert("tags".to_string(), tags.0.clone());
    }
    for (field, terms) in &taxonomies {
        if terms.len() > MAX_TERMS_PER_PAGE {
            push_at(
                report,
                Diagnostic::error(Message::TooManyTerms {
                    field: field.clone(),
                    count: terms.len(),
                    limit: MAX_TERMS_PER_PAGE,
                })
                .help(Message::TooManyTermsHelp {}),
                path,
                head.key_line(field),
            );
        }
    }
    if report.error_count() > errors_before {
        return None;
    }

    let mut body = render_body(&head, ctx, path, report);
    if report.error_count() > errors_before {
        return None;
    }
    let summary_html = match head.front.summary.as_deref().map(str::trim) {
        Some(s) if !s.is_empty() => format!("<p>{}</p>", escape_html(s)),
        _ => body
            .more_summary
            .clone()
            .or_else(|| body.first_paragraph.clone())
            .unwrap_or_default(),
    };
    let summary_html = bounded_summary(summary_html, &body.plain_text);
    // What the summary was made of is not needed again: a 100,000-page site
    // would hold every first paragraph twice.
    body.more_summary = None;
    body.first_paragraph = None;
    // The search index needs the whole text once, here; after that only its
    // opening is shown (the description, the results' snippets), so a big
    // site keeps that and the terms, not every page's text.
    let search_terms = ctx.config.search.then(|| {
        let terms = taxonomies.values().flatten().map(String::as_str);
        crate::search_terms::PageTerms::of(&title, &body.plain_text, terms)
    });
    let shown = match ctx.config.search {
        true => crate::search_terms::SNIPPET_CHARS,
        false => crate::text::DESCRIPTION_CHARS + 1,
    };
    let opening = crate::text::opening(&body.plain_text, shown);
    body.plain_text.truncate(opening.len());
    body.plain_text.shrink_to_fit();
    let key_lines = head.key_lines();
    let source_sha256 = if kind == Kind::Disclosure {
        crate::digest::sha256_hex(source.text.as_bytes())
    } else {
        String::new()
    };
    Some(ParsedPage {
        source_sha256,
        source_sum: crate::digest::quick_sum(source.text.as_bytes()),
        path: path.clone(),
        section_dir,
        bundle_dir,
        name,
        kind,
        title,
        date,
        updated,
        // `review: required`: not approved is not published, like a draft.
        draft: head.front.draft.unwrap_or(false)
            || (config.review_required
                && head
                    .front
                    .reviewed
                    .as_ref()
                    .is_none_or(|r| r.by.trim().is_empty())),
        taxonomies,
        summary_html,
        search_terms,
        key_lines,
        front: head.front,
        body,
    })
}

/// Renders the body; shortcode calls and links get file lines, and unknown or
/// malformed shortcodes become errors.
fn render_body(
    head: &Head<'_>,
    ctx: &Ctx<'_>,
    path: &Path,
    report: &mut Report,
) -> RenderedMarkdown {
    let known = |name: &str| ctx.shortcodes.contains(name);
    let mut body = match &ctx.store {
        Some((store, keys)) => store.render(keys, head.body, &known),
        None => render_markdown_with(head.body, &known),
    };
    let first = head.body_line.saturating_sub(1);
    for call in &mut body.shortcodes {
        call.line += first;
    }
    for link in &mut body.links {
        link.line += first;
    }
    for e in std::mem::take(&mut body.shortcode_errors) {
        report.push(
            Diagnostic::error(e.message)
                .at(path)
                .line(e.line + first)
                .help(e.help),
        );
    }
    body
}

fn read_date(
    text: &str,
    field: &str,
    head: &Head<'_>,
    tz: &jiff::tz::TimeZone,
    path: &Path,
    report: &mut Report,
) -> Option<civil::DateTime> {
    if let Ok(ts) = text.trim().parse::<jiff::Timestamp>() {
        // An instant with an offset: show it as the site's wall-clock time.
        return Some(ts.to_zoned_datetime(tz.clone()).datetime());
    }
    if let Some(dt) = parse_civil(text) {
        return Some(dt);
    }
    push_at(
        report,
        Diagnostic::error(Message::NotADate {
            field: field.to_string(),
            text: text.to_string(),
        })
        .help(Message::DateFormats {}),
        path,
        head.key_line(field),
    );
    None
}

/// The most bytes of summary HTML a page keeps. The summary is repeated on
/// every listing and in every feed the page is in (up to a hundred terms), so
/// a book-length first paragraph would be copied a hundred times.
pub const MAX_SUMMARY_BYTES: usize = 16 * 1024;

/// Characters of the page's text that stand in for a summary too long to keep.
const SHORT_SUMMARY_CHARS: usize = 200;

// Without a search index, a page's text is read only for its description and
// a stand-in summary: the cache of rendered Markdown keeps that much of it.
const _: () = assert!(
    crate::markdown::store::OPENING_CHARS > SHORT_SUMMARY_CHARS
        && crate::markdown::store::OPENING_CHARS > crate::text::DESCRIPTION_CHARS
);

/// The summary as it is, or, when it is longer than [`MAX_SUMMARY_BYTES`], the
/// start of the page's text.
fn bounded_summary(summary_html: String, plain_text: &str) -> String {
    if summary_html.len() <= MAX_SUMMARY_BYTES {
        return summary_html;
    }
    let text = plain_text.trim();
    let start: String = text.chars().take(SHORT_SUMMARY_CHARS).collect();
    let ellipsis = if start.len() < text.len() { "…" } else { "" };
    format!("<p>{}{ellipsis}</p>", escape_html(start.trim_end()))
}

/// A required field written with an empty value (`unit: ""`, as `new` stubs it).
fn is_blank(front: &FrontMatter, field: &str) -> bool {
    let value = match field {
        "unit" => &front.unit,
        "trade" => &front.trade,
        "start" => &front.start,
        "end" => &front.end,
        "number" => &front.number,
        _ => return false,
    };
    value.as_deref().is_some_and(|v| v.trim().is_empty())
}

/// The top-level key whose value spans 1-based `line` of `yaml`: the last
/// unindented `key:` line at or before it.
fn top_level_key_at(yaml: &str, line: usize) -> Option<String> {
    yaml.lines()
        .take(line)
        .filter(|l| !l.starts_with([' ', '\t', '#', '-']) && !l.trim().is_empty())
        .filter_map(|l| l.split_once(':').map(|(k, _)| k.trim()))
        .filter(|k| !k.is_empty() && !k.contains(' '))
        .last()
        .map(|k| k.trim_matches(['"', '\'']).to_string())
}

fn push_at(report: &mut Report, d: Diagnostic, path: &Path, line: Option<usize>) {
    report.push(d.at(path).line_maybe(line));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_field_a_yaml_error_is_in() {
        let yaml = "title: a\nhonors:\n  - {title: t, level: galaxy}\ndraft: [1]\n";
        assert_eq!(top_level_key_at(yaml, 1).as_deref(), Some("title"));
        assert_eq!(top_level_key_at(yaml, 3).as_deref(), Some("honors"));
        assert_eq!(top_level_key_at(yaml, 4).as_deref(), Some("draft"));
    }
}
