//! The link check: every link written in a page's Markdown (and its raw HTML)
//! that stays on the site must lead to a file the build makes, and its
//! `#anchor` must be on that page. Broken links are errors in `check` and
//! warnings in `build` and `serve`, each at the file and line it is written on.
//!
//! One pass over the links the parse stage noted, against what the build
//! made ([`Built`]: output paths, and the bytes of the files made in memory):
//! nothing is parsed again. An anchor is looked up among the target page's
//! heading and raw-HTML ids first; only when it is not there is the built
//! file read for its ids (a theme's, a footnote's, a shortcode's), once.
//!
//! A link to a content file (`a.md`) leads to that file's page
//! ([`crate::model::links`]); a file that exists but is no page of this build
//! is a draft (or not yet reviewed): the link is broken in what is published.
//!
//! `serve` checks again after every save: [`check_links_again`] notes, per
//! page, which output files its links looked at ([`LinkMemo`]), and checks
//! again only the pages that changed or whose files did.

mod anchors;
mod resolve;

use std::borrow::Cow;
use std::cell::OnceCell;
use std::collections::{HashMap, HashSet};
use std::path::Path;
use std::sync::Arc;

use crate::diag::{Diagnostic, Report};
use crate::escape::percent_decode;
use crate::layout::CONFIG_FILE;
use crate::markdown::links::has_scheme;
use crate::markdown::{BodyLink, RenderedMarkdown};
use crate::message::{List, Message};
use crate::model::Site;
use crate::model::links::{ContentTargets, linked_file};
use resolve::{Resolved, SitePath, resolve};

/// What the build made, as the link check sees it.
pub trait Built {
    /// Whether the build makes a file at `path` (`news/a/index.html`).
    fn has(&self, path: &str) -> bool;
    /// The bytes of a file the build made (pages, feeds), if any; not those
    /// of files it copied.
    fn bytes(&self, path: &str) -> Option<Cow<'_, [u8]>>;
}

/// How broken links are reported.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Strictness {
    /// `check`: errors.
    Errors,
    /// `build`, `serve`: warnings.
    Warnings,
}

/// One page's text whose links are checked.
struct Source<'s> {
    file: &'s Path,
    /// Site path of the page it becomes (`news/a/`).
    path: &'s str,
    body: &'s RenderedMarkdown,
}

/// Checks every link of every page and section introduction of `site`
/// against `built`; `root` is the site folder (a linked file that is no page
/// may still be there: a draft).
pub fn check_links(
    site: &Site,
    built: &dyn Built,
    root: &Path,
    strictness: Strictness,
    report: &mut Report,
) {
    check_pages(site, built, root, strictness, None, report);
}

/// What a link check leaves for the next one: the site it checked, and each
/// page's problems and what its links looked at.
pub struct LinkMemo {
    site: Arc<Site>,
    strictness: Strictness,
    pages: Vec<Checked>,
}

/// One page's links, checked.
#[derive(Default)]
struct Checked {
    problems: Vec<Diagnostic>,
    /// Output files its links looked for (their presence, bytes and page).
    files: Vec<String>,
    /// It has content links (`a.md`): they follow which file is which page.
    content: bool,
    /// A linked file is no page: whether it is on disk was looked up.
    disk: bool,
}

/// What changed since a [`LinkMemo`] was left: `changed(path)` says whether
/// the output file at `path` came, went or changed since.
pub struct Since<'a> {
    pub memo: LinkMemo,
    pub changed: &'a dyn Fn(&str) -> bool,
}

/// [`check_links`], again after an edit: the pages of `last` whose text, site
/// path and looked-at files are unchanged report what they reported then.
/// Returns what the next check may start from.
pub fn check_links_again(
    site: &Arc<Site>,
    built: &dyn Built,
    root: &Path,
    strictness: Strictness,
    last: Option<Since<'_>>,
    report: &mut Report,
) -> LinkMemo {
    let pages = check_pages(site, built, root, strictness, last, report);
    LinkMemo {
        site: site.clone(),
        strictness,
        pages,
    }
}

/// The check, each page's links looked at again unless `last` holds them.
fn check_pages(
    site: &Site,
    built: &dyn Built,
    root: &Path,
    strictness: Strictness,
    last: Option<Since<'_>>,
    report: &mut Report,
) -> Vec<Checked> {
    let config = &site.config;
    let last = last.filter(|l| {
        let (was, now) = (&l.memo.site.config, config);
        was.base_url == now.base_url
            && was.base_path() == now.base_path()
            && l.memo.strictness == strictness
            && l.memo.pages.len() == site.pages.len()
    });
    let (old, changed) = match last {
        Some(Since { memo, changed }) => (Some((memo.site, memo.pages)), changed),
        None => (None, &(|_: &str| true) as &dyn Fn(&str) -> bool),
    };
    // Content links follow the files' pages: the same when every page keeps
    // its file and path (a patched model shares its unedited pages).
    let same_targets = OnceCell::new();
    let targets_held = |was: &Site| {
        *same_targets.get_or_init(|| {
            let file_and_path = |s: &crate::model::Section| (s.source.clone(), s.path.clone());
            (was.sections.iter().map(file_and_path)).eq(site.sections.iter().map(file_and_path))
                && (was.pages.iter().zip(&site.pages)).all(|(a, b)| {
                    Arc::ptr_eq(a, b) || (a.parsed.path == b.parsed.path && a.path == b.path)
                })
        })
    };
    let mut checker = Checker {
        site,
        built,
        root,
        targets: OnceCell::new(),
        bodies: OnceCell::new(),
        scanned: HashMap::new(),
        strictness,
        looked: Looked::default(),
    };
    let (old_site, mut old_pages) = old.unzip();
    let mut pages = Vec::with_capacity(site.pages.len());
    for (p, page) in site.pages.iter().enumerate() {
        let kept = old_site
            .as_ref()
            .zip(old_pages.as_mut())
            .and_then(|(was_site, checked)| {
                let (was, now) = (&was_site.pages[p], page);
                let same_page = Arc::ptr_eq(was, now)
                    || (Arc::ptr_eq(&was.parsed, &now.parsed) && was.path == now.path);
                let held = &checked[p];
                (same_page
                    && !held.disk
                    && (!held.content || targets_held(was_site))
                    && !held.files.iter().any(|f| changed(f)))
                .then(|| std::mem::take(&mut checked[p]))
            });
        let checked = match kept {
            Some(checked) => checked,
            None => {
                let source = Source {
                    file: &page.parsed.path,
                    path: &page.path,
                    body: &page.parsed.body,
                };
                let problems = checker.check(&source);
                let looked = std::mem::take(&mut checker.looked);
                Checked {
                    problems,
                    files: looked.files,
                    content: looked.content,
                    disk: looked.disk,
                }
            }
        };
        report.extend(checked.problems.iter().cloned());
        pages.push(checked);
    }
    // Section introductions are few: checked every time.
    for section in &site.sections {
        if let Some(intro) = &section.intro {
            let source = Source {
                file: &intro.path,
                path: &section.path,
                body: &intro.body,
            };
            report.extend(checker.check(&source));
        }
    }
    checker.check_menu(report);
    pages
}

/// The Markdown of the pages and section introductions, by site path.
fn bodies_of(site: &Site) -> HashMap<&str, &RenderedMarkdown> {
    let pages = (site.pages.iter()).map(|p| (p.path.as_str(), &p.parsed.body));
    let intros =
        (site.sections.iter()).filter_map(|s| Some((s.path.as_str(), &s.intro.as_ref()?.body)));
    pages.chain(intros).collect()
}

/// What checking one page's links looked at.
#[derive(Default)]
struct Looked {
    files: Vec<String>,
    content: bool,
    disk: bool,
}

/// What is wrong with one link.
enum Problem {
    NoSuchUrl,
    OutsideBase,
    NoAnchor { anchor: String, known: Vec<String> },
    NoContentFile { file: String },
    Unpublished { file: String },
}

struct Checker<'s> {
    site: &'s Site,
    built: &'s dyn Built,
    root: &'s Path,
    /// Made when a link first needs it: after an edit, few pages are checked.
    targets: OnceCell<ContentTargets<'s>>,
    /// Markdown of the pages and section introductions, by site path.
    bodies: OnceCell<HashMap<&'s str, &'s RenderedMarkdown>>,
    /// Ids read from built files, by output path, for anchors not found above.
    scanned: HashMap<String, Option<HashSet<String>>>,
    strictness: Strictness,
    /// What the page being checked looked at.
    looked: Looked,
}

impl<'s> Checker<'s> {
    /// The problems of one page's (or introduction's) links.
    fn check(&mut self, source: &Source<'_>) -> Vec<Diagnostic> {
        let mut problems = Vec::new();
        for link in &source.body.links {
            if let Some(problem) = self.problem(source, link) {
                problems.push(self.diagnostic(source.file, link, problem));
            }
        }
        problems
    }

    fn targets(&self) -> &ContentTargets<'s> {
        self.targets.get_or_init(|| ContentTargets::new(self.site))
    }

    fn bodies(&self) -> &HashMap<&'s str, &'s RenderedMarkdown> {
        self.bodies.get_or_init(|| bodies_of(self.site))
    }

    fn problem(&mut self, source: &Source<'_>, link: &BodyLink) -> Option<Problem> {
        let target = if link.content {
            match self.content_target(source, link) {
                Ok(target) => target,
                Err(problem) => return Some(problem),
            }
        } else {
            let config = &self.site.config;
            match resolve(&link.url, source.path, &config.base_url, config.base_path()) {
                Resolved::Elsewhere => return None,
                Resolved::OutsideBase => return Some(Problem::OutsideBase),
                Resolved::Site(target) => target,
            }
        };
        let Some(file) = self.file_for(&target.path) else {
            return Some(Problem::NoSuchUrl);
        };
        self.anchor_problem(&target, &file)
    }

    /// Where a link to a content file leads, or what is wrong with it.
    fn content_target(
        &mut self,
        source: &Source<'_>,
        link: &BodyLink,
    ) -> Result<SitePath, Problem> {
        let anchor = link.url.split_once('#').map_or("", |(_, a)| a);
        let anchor = percent_decode(anchor).unwrap_or_default();
        let Some(file) = linked_file(source.file, &link.url) else {
            return Err(Problem::NoContentFile {
                file: link.url.clone(),
            });
        };
        self.looked.content = true;
        match self.targets().path_of(&file) {
            Some(path) => Ok(SitePath {
                path: path.to_string(),
                anchor,
            }),
            None => {
                let shown = crate::shown_path::shown_path(&file);
                self.looked.disk = true;
                if self.root.join(&file).is_file() {
                    Err(Problem::Unpublished { file: shown })
                } else {
                    Err(Problem::NoContentFile { file: shown })
                }
            }
        }
    }

    /// The output file a site path is served from: `news/a/` from
    /// `news/a/index.html`, `news/a` too (servers redirect to the folder).
    fn file_for(&mut self, path: &str) -> Option<String> {
        if path.is_empty() || path.ends_with('/') {
            let index = format!("{path}index.html");
            return self.has(index);
        }
        if let Some(file) = self.has(path.to_string()) {
            return Some(file);
        }
        self.has(format!("{path}/index.html"))
    }

    /// `file` when the build makes it; noted as looked at either way.
    fn has(&mut self, file: String) -> Option<String> {
        let found = self.built.has(&file);
        self.looked.files.push(file.clone());
        found.then_some(file)
    }

    fn anchor_problem(&mut self, target: &SitePath, file: &str) -> Option<Problem> {
        let anchor = target.anchor.as_str();
        // `#top` scrolls to the top of any page (HTML's "indicated part").
        if anchor.is_empty() || anchor.eq_ignore_ascii_case("top") || !file.ends_with(".html") {
            return None;
        }
        let page = file.strip_suffix("index.html");
        let body = page.and_then(|p| self.bodies().get(p).copied());
        if let Some(body) = body
            && (body.toc.iter().any(|h| h.id == anchor) || body.ids.iter().any(|id| id == anchor))
        {
            return None;
        }
        let built = self.built;
        // A file copied as it is (static HTML) is not read: its anchors are
        // its own business.
        let ids = self.scanned.entry(file.to_string()).or_insert_with(|| {
            built
                .bytes(file)
                .map(|bytes| anchors::ids_in(&String::from_utf8_lossy(&bytes)))
        });
        let Some(ids) = ids else {
            return None;
        };
        if ids.contains(anchor) {
            return None;
        }
        let known = body
            .map(|b| b.toc.iter().map(|h| h.id.clone()).take(8).collect())
            .unwrap_or_default();
        Some(Problem::NoAnchor {
            anchor: anchor.to_string(),
            known,
        })
    }

    /// The menu of `site.yaml`: its entries are site paths (`/news/`), shown
    /// under the base path on every page.
    fn check_menu(&mut self, report: &mut Report) {
        let menu = &self.site.config.menu;
        if menu.is_empty() {
            return;
        }
        let text = std::fs::read_to_string(self.root.join(CONFIG_FILE)).unwrap_or_default();
        for item in menu {
            let url = item.url.trim();
            if url.contains("://") || has_scheme(url) || url.starts_with("//") {
                continue;
            }
            let (rest, anchor) = url.split_once('#').unwrap_or((url, ""));
            let rest = rest.split_once('?').map_or(rest, |(path, _)| path);
            let target = SitePath {
                path: percent_decode(rest.trim_start_matches('/'))
                    .unwrap_or_else(|| rest.to_string()),
                anchor: percent_decode(anchor).unwrap_or_default(),
            };
            let problem = match self.file_for(&target.path) {
                None => Some(Problem::NoSuchUrl),
                Some(file) => self.anchor_problem(&target, &file),
            };
            if let Some(problem) = problem {
                let link = BodyLink {
                    url: item.url.clone(),
                    line: text
                        .lines()
                        .position(|l| l.contains(url))
                        .map_or(0, |i| i + 1),
                    image: false,
                    content: false,
                };
                let d = self.diagnostic(Path::new(CONFIG_FILE), &link, problem);
                report.push(if link.line == 0 {
                    Diagnostic { line: None, ..d }
                } else {
                    d
                });
            }
        }
    }

    fn diagnostic(&self, file: &Path, link: &BodyLink, problem: Problem) -> Diagnostic {
        let url = link.url.clone();
        let (message, help) = match problem {
            Problem::NoSuchUrl => (Message::LinkBroken { url }, Message::LinkBrokenHelp {}),
            Problem::OutsideBase => (
                Message::LinkOutsideBase {
                    url,
                    base: self.site.config.base_path().to_string(),
                },
                Message::LinkOutsideBaseHelp {
                    base: self.site.config.base_path().to_string(),
                },
            ),
            Problem::NoAnchor { anchor, known } => (
                Message::AnchorMissing { url, anchor },
                if known.is_empty() {
                    Message::HeadingAnchorHelp {}
                } else {
                    Message::AnchorsOnPage {
                        anchors: List::of(known.iter().map(|id| format!("#{id}"))),
                    }
                },
            ),
            Problem::NoContentFile { file } => (
                Message::ContentFileMissing { url, file },
                Message::ContentFileHelp {},
            ),
            Problem::Unpublished { file } => (
                Message::LinkToUnpublished { url, file },
                Message::UnpublishedHelp {},
            ),
        };
        let d = match self.strictness {
            Strictness::Errors => Diagnostic::error(message),
            Strictness::Warnings => Diagnostic::warning(message),
        };
        d.at(file).line(link.line).help(help)
    }
}

/// The files of a build as one sorted list of output paths, with the bytes of
/// those made in memory.
pub struct BuiltList<'a> {
    /// Sorted by path.
    pub files: Vec<(&'a str, Option<&'a [u8]>)>,
}

impl Built for BuiltList<'_> {
    fn has(&self, path: &str) -> bool {
        self.files.binary_search_by(|(p, _)| (*p).cmp(path)).is_ok()
    }

    fn bytes(&self, path: &str) -> Option<Cow<'_, [u8]>> {
        let at = self.files.binary_search_by(|(p, _)| (*p).cmp(path)).ok()?;
        self.files[at].1.map(Cow::Borrowed)
    }
}
