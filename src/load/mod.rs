//! Load: read the site folder into [`Sources`].
//!
//! Walks `content/`, `templates/`, `static/` and the theme in file-name order,
//! decodes Markdown to text (BOM stripped, CRLF normalized, UTF-16 decoded with a
//! warning, anything else refused), and classifies each file: section index,
//! page, bundle page, or asset. It reads nothing outside the site root: symlinks
//! that leave it are refused. It does not parse anything.

mod decode;
mod windows_names;

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fs;
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;
use std::time::SystemTime;

use rayon::prelude::*;
use walkdir::WalkDir;

use crate::diag::{Diagnostic, Report};
use crate::layout::{CONFIG_FILE, CONTENT_DIR, STATIC_DIR, TEMPLATES_DIR, THEMES_DIR};
use crate::message::Message;
use crate::theme;

pub use decode::decode_text;
pub use windows_names::windows_name_warning;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// `_index.md`: describes the folder's section.
    SectionIndex,
    /// A Markdown file in a section folder.
    Page,
    /// `index.md` of a page bundle: a folder holding a page and its files.
    BundlePage,
}

#[derive(Debug, Clone)]
pub struct MarkdownSource {
    /// Relative to the site root, e.g. `content/news/a.md`.
    pub path: PathBuf,
    pub role: Role,
    /// Decoded text: no BOM, LF line endings.
    /// Shared: `serve` keeps it between rebuilds, and an unchanged file keeps
    /// the same allocation (which tells the parse cache it is unchanged).
    pub text: Arc<str>,
}

impl MarkdownSource {
    /// The folder, relative to `content/`, that this file describes or lives in.
    pub fn content_dir(&self) -> PathBuf {
        let rel = self.path.strip_prefix(CONTENT_DIR).unwrap_or(&self.path);
        rel.parent().map(Path::to_path_buf).unwrap_or_default()
    }
}

/// A file copied as it is: bundle and section files, `static/` files.
#[derive(Debug, Clone)]
pub struct AssetSource {
    /// Relative to the site root.
    pub path: PathBuf,
    /// Relative to its owner (the bundle or section folder, or `static/`).
    pub rel: PathBuf,
    /// The owning folder relative to `content/` (`None` for `static/` files).
    pub owner: Option<PathBuf>,
}

#[derive(Debug, Clone, Default)]
pub struct Sources {
    pub root: PathBuf,
    pub markdown: Vec<MarkdownSource>,
    pub assets: Vec<AssetSource>,
    pub static_files: Vec<AssetSource>,
    /// Template name → (source text, where it came from for messages).
    pub templates: BTreeMap<String, (String, String)>,
    /// Theme static files: output path → bytes.
    pub theme_static: BTreeMap<String, ThemeFile>,
    /// Pages found but not read ([`load_sources_unread`]): the parse reads
    /// each as it goes ([`read_page`]). In file-name order, like `markdown`.
    pub unread: Vec<(PathBuf, Role)>,
}

#[derive(Debug, Clone)]
pub enum ThemeFile {
    Embedded(&'static [u8]),
    Disk(PathBuf),
}

/// Reads the site at `root`. `theme_name` picks `themes/NAME/` (the built-in
/// default theme is always underneath it).
/// Markdown text read by an earlier run, kept by `serve`: a file whose size and
/// modification time are unchanged is not read again.
#[derive(Default)]
pub struct ReadCache {
    files: HashMap<PathBuf, CachedText>,
}

struct CachedText {
    stamp: (Option<SystemTime>, u64),
    text: Option<Arc<str>>,
    problems: Vec<Diagnostic>,
}

impl ReadCache {
    /// Makes the next load read `path` (relative to the root) whatever its
    /// stamp: the watcher saw it change.
    pub fn forget(&mut self, path: &Path) {
        self.files.remove(path);
    }
}

pub fn load_sources(root: &Path, theme_name: &str, report: &mut Report) -> Sources {
    load_sources_cached(root, theme_name, None, report)
}

/// [`load_sources`] that leaves the pages unread, in [`Sources::unread`]:
/// for a build that keeps nothing, whose parse reads, parses and lets go of
/// one page at a time, so that a 100,000-page site never holds all its
/// Markdown at once. Section introductions are read: every page needs them.
pub fn load_sources_unread(root: &Path, theme_name: &str, report: &mut Report) -> Sources {
    load_sources_with(root, theme_name, Reading::Sections, report)
}

pub fn load_sources_cached(
    root: &Path,
    theme_name: &str,
    cache: Option<&mut ReadCache>,
    report: &mut Report,
) -> Sources {
    load_sources_with(root, theme_name, Reading::All(cache), report)
}

/// Which Markdown files a load reads.
enum Reading<'c> {
    /// Every one, those unchanged since `serve`'s last load from its cache.
    All(Option<&'c mut ReadCache>),
    /// Only section introductions.
    Sections,
}

fn load_sources_with(
    root: &Path,
    theme_name: &str,
    reading: Reading<'_>,
    report: &mut Report,
) -> Sources {
    let mut sources = Sources {
        root: root.to_path_buf(),
        ..Sources::default()
    };
    let canonical_root = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());

    load_theme(root, &canonical_root, theme_name, &mut sources, report);
    load_content(root, &canonical_root, &mut sources, reading, report);
    for file in list_files(root, &canonical_root, Path::new(STATIC_DIR), report) {
        let rel = file.strip_prefix(STATIC_DIR).unwrap_or(&file).to_path_buf();
        sources.static_files.push(AssetSource {
            path: file,
            rel,
            owner: None,
        });
    }
    sources
}

pub fn read_config(root: &Path) -> Result<String, Diagnostic> {
    let path = root.join(CONFIG_FILE);
    let bytes = fs::read(&path).map_err(|e| {
        Diagnostic::error(Message::ConfigUnreadable {
            detail: e.to_string(),
        })
        .at(CONFIG_FILE)
        .help(Message::NotASiteHelp {
            root: crate::shown_path::shown_path(root),
        })
    })?;
    let mut report = Report::new();
    decode_text(&bytes, Path::new(CONFIG_FILE), &mut report).ok_or_else(|| {
        report
            .into_vec()
            .into_iter()
            .find(Diagnostic::is_error)
            .unwrap_or_else(|| Diagnostic::error(Message::ConfigNotUtf8 {}))
    })
}

fn load_theme(
    root: &Path,
    canonical_root: &Path,
    theme_name: &str,
    sources: &mut Sources,
    report: &mut Report,
) {
    // Built-in default theme first, then the theme folder, then the site's own
    // templates: later layers override earlier ones file by file.
    for (name, bytes) in theme::EMBEDDED {
        if let Some(template) = name.strip_prefix("templates/") {
            let text = String::from_utf8_lossy(bytes).into_owned();
            sources.templates.insert(
                template.to_string(),
                (text, format!("themes/default/{name}")),
            );
        } else if let Some(file) = name.strip_prefix("static/") {
            sources
                .theme_static
                .insert(file.to_string(), ThemeFile::Embedded(bytes));
        }
    }
    let theme_dir = Path::new(THEMES_DIR).join(theme_name);
    if theme_name != "default" && !root.join(&theme_dir).is_dir() {
        report.push(
            Diagnostic::error(Message::ThemeNotFound {
                theme: theme_name.to_string(),
            })
            .at(CONFIG_FILE)
            .help(Message::ThemeNotFoundHelp {
                dir: crate::shown_path::shown_path(&theme_dir),
            }),
        );
    }
    let layers = [theme_dir.join(TEMPLATES_DIR), PathBuf::from(TEMPLATES_DIR)];
    for layer in layers {
        for file in list_files(root, canonical_root, &layer, report) {
            let name = template_name(&file, &layer);
            if let Ok(bytes) = fs::read(root.join(&file))
                && let Some(text) = decode_text(&bytes, &file, report)
            {
                sources
                    .templates
                    .insert(name, (text, file.to_string_lossy().replace('\\', "/")));
            }
        }
    }
    let theme_static = theme_dir.join(STATIC_DIR);
    for file in list_files(root, canonical_root, &theme_static, report) {
        let rel = template_name(&file, &theme_static);
        sources.theme_static.insert(rel, ThemeFile::Disk(file));
    }
}

/// `themes/x/templates/partials/a.html` → `partials/a.html`, always with `/`.
fn template_name(file: &Path, layer: &Path) -> String {
    file.strip_prefix(layer)
        .unwrap_or(file)
        .components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

fn load_content(
    root: &Path,
    canonical_root: &Path,
    sources: &mut Sources,
    reading: Reading<'_>,
    report: &mut Report,
) {
    let files = list_files(root, canonical_root, Path::new(CONTENT_DIR), report);
    if files.is_empty() && !root.join(CONTENT_DIR).is_dir() {
        report.push(Diagnostic::warning(Message::NoContentFolder {}).at(CONTENT_DIR));
    }

    // A folder holding `index.md` (and no `_index.md`) is a page bundle: everything
    // beneath it belongs to that page.
    let mut bundles: Vec<PathBuf> = files
        .iter()
        .filter(|f| f.file_name().is_some_and(|n| n == "index.md"))
        .filter_map(|f| f.parent().map(Path::to_path_buf))
        .filter(|dir| !files.contains(&dir.join("_index.md")))
        .collect();
    bundles.sort();
    let bundle_of = |file: &Path| -> Option<PathBuf> {
        bundles
            .iter()
            .filter(|b| file.starts_with(b))
            .min_by_key(|b| b.components().count())
            .cloned()
    };

    let mut markdown_paths = Vec::new();
    for file in files {
        let is_md = file
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("md") || e.eq_ignore_ascii_case("markdown"));
        let bundle = bundle_of(&file);
        let role = match (&bundle, file.file_name().and_then(|n| n.to_str())) {
            (Some(b), Some("index.md")) if file.parent() == Some(b.as_path()) => {
                Some(Role::BundlePage)
            }
            (Some(_), _) => None,
            (None, Some("_index.md")) => Some(Role::SectionIndex),
            (None, _) if is_md => Some(Role::Page),
            (None, _) => None,
        };
        match role {
            Some(role) => markdown_paths.push((file, role)),
            None => {
                let owner_abs = bundle
                    .clone()
                    .or_else(|| file.parent().map(Path::to_path_buf))
                    .unwrap_or_default();
                let rel = file.strip_prefix(&owner_abs).unwrap_or(&file).to_path_buf();
                let owner = owner_abs
                    .strip_prefix(CONTENT_DIR)
                    .unwrap_or(&owner_abs)
                    .to_path_buf();
                sources.assets.push(AssetSource {
                    path: file,
                    rel,
                    owner: Some(owner),
                });
            }
        }
    }

    let cache = match reading {
        Reading::All(cache) => cache,
        Reading::Sections => {
            let (sections, pages) = markdown_paths
                .into_iter()
                .partition(|(_, role)| *role == Role::SectionIndex);
            markdown_paths = sections;
            sources.unread = pages;
            None
        }
    };
    let old = cache.as_deref();
    let decoded: Vec<(PathBuf, Role, CachedText)> = markdown_paths
        .into_par_iter()
        .map(|(path, role)| {
            let full = root.join(&path);
            let stamp = fs::metadata(&full)
                .map(|m| (m.modified().ok(), m.len()))
                .unwrap_or((None, 0));
            if let Some(hit) = old.and_then(|c| c.files.get(&path))
                && hit.stamp.0.is_some()
                && hit.stamp == stamp
            {
                let copy = CachedText {
                    stamp,
                    text: hit.text.clone(),
                    problems: hit.problems.clone(),
                };
                return (path, role, copy);
            }
            let read = read_markdown(root, &path, stamp);
            (path, role, read)
        })
        .collect();
    let mut fresh = HashMap::new();
    for (path, role, read) in decoded {
        report.extend(read.problems.iter().cloned());
        if let Some(text) = &read.text {
            sources.markdown.push(MarkdownSource {
                path: path.clone(),
                role,
                text: text.clone(),
            });
        }
        if cache.is_some() {
            fresh.insert(path, read);
        }
    }
    if let Some(cache) = cache {
        cache.files = fresh;
    }
}

/// The text of the page at `path` (relative to `root`), found by
/// [`load_sources_unread`]; `None`, with the reason in `report`, when it
/// cannot be read or is not text.
pub fn read_page(root: &Path, path: &Path, report: &mut Report) -> Option<Arc<str>> {
    let read = read_markdown(root, path, (None, 0));
    report.extend(read.problems);
    read.text
}

fn read_markdown(root: &Path, path: &Path, stamp: (Option<SystemTime>, u64)) -> CachedText {
    let mut local = Report::new();
    let text = match read_limited(&root.join(path)) {
        Ok(bytes) => decode_text(&bytes, path, &mut local).map(Arc::from),
        Err(ReadError::TooLarge(size)) => {
            local.push(
                Diagnostic::error(Message::MarkdownTooLarge {
                    megabytes: format!("{:.1}", size as f64 / 1_000_000.0),
                    limit: (MAX_MARKDOWN_BYTES / 1_000_000) as usize,
                })
                .at(path)
                .help(Message::MarkdownTooLargeHelp {}),
            );
            None
        }
        Err(ReadError::Io(e)) => {
            local.push(
                Diagnostic::error(Message::CannotReadFile {
                    detail: e.to_string(),
                })
                .at(path),
            );
            None
        }
    };
    CachedText {
        stamp,
        text,
        problems: local.into_vec(),
    }
}

/// `serve`'s quick path after a save. When every path the watcher named is a
/// Markdown file the site already had (saved in place, or renamed over by an
/// editor's atomic save) or a file that is gone and never belonged to the
/// site (the editor's temporary), nothing needs walking: the previous sources
/// with those files read again. `None` when anything else changed (a file
/// added, removed or renamed, a folder, a template): then load as usual.
/// Takes the previous sources to change them in place: copying 10,000
/// files' entries to change one was most of a save's load.
pub fn reload_saved(
    previous: Sources,
    changed: &[PathBuf],
    cache: &mut ReadCache,
    report: &mut Report,
) -> Option<Sources> {
    let root = previous.root.clone();
    // A save names a file or two: a scan costs less than a map of every path.
    let position = |path: &Path| previous.markdown.iter().position(|m| m.path == path);
    let is_site_file = |p: &Path| {
        previous
            .assets
            .iter()
            .chain(&previous.static_files)
            .any(|a| a.path == p)
    };
    let mut reread = Vec::new();
    for path in changed {
        let full = root.join(path);
        match position(path) {
            Some(i) if full.is_file() => reread.push(i),
            Some(_) => return None,
            None if !full.exists() && !is_site_file(path) => {
                let top = path.components().next().map(|c| c.as_os_str());
                if top != Some(std::ffi::OsStr::new(CONTENT_DIR)) {
                    return None;
                }
            }
            None => return None,
        }
    }
    let mut sources = previous;
    for i in reread {
        let path = sources.markdown[i].path.clone();
        let stamp = fs::metadata(root.join(&path))
            .map(|m| (m.modified().ok(), m.len()))
            .unwrap_or((None, 0));
        let read = read_markdown(&root, &path, stamp);
        let Some(text) = read.text.clone() else {
            // Now unreadable or not UTF-8: the full load reports it.
            return None;
        };
        cache.files.insert(path, read);
        sources.markdown[i].text = text;
    }
    // Problems of files not read again are reported as before (only files of
    // the site: the cache may remember files since gone).
    let troubled: Vec<(&PathBuf, &Vec<Diagnostic>)> = cache
        .files
        .iter()
        .filter(|(_, read)| !read.problems.is_empty())
        .map(|(path, read)| (path, &read.problems))
        .collect();
    if !troubled.is_empty() {
        let live: HashSet<&Path> = sources.markdown.iter().map(|m| m.path.as_path()).collect();
        for (path, problems) in troubled {
            if live.contains(path.as_path()) {
                report.extend(problems.iter().cloned());
            }
        }
    }
    Some(sources)
}

/// The largest Markdown file read: a memory bound, not a judgement of size.
/// Every stage is linear in a page's length, and a build holds about 20 bytes
/// for each byte of the largest page (a 25 MB yearbook: 0.6 GB, 50 MB: 1 GB;
/// `bench/hostile_inputs.py`), so a collected volume far beyond a real one
/// builds, and a pasted export or a binary renamed to `.md` is refused by name
/// before it is read.
pub const MAX_MARKDOWN_BYTES: u64 = 50_000_000;

enum ReadError {
    TooLarge(u64),
    Io(std::io::Error),
}

/// The bytes of the file at `path`, measured on the open file first: one
/// open for the size and the bytes.
fn read_limited(path: &Path) -> Result<Vec<u8>, ReadError> {
    use std::io::Read as _;
    let mut file = fs::File::open(path).map_err(ReadError::Io)?;
    let size = file.metadata().map_err(ReadError::Io)?.len();
    if size > MAX_MARKDOWN_BYTES {
        return Err(ReadError::TooLarge(size));
    }
    let mut bytes = Vec::with_capacity(size as usize);
    file.read_to_end(&mut bytes).map_err(ReadError::Io)?;
    // The file may have grown since it was measured.
    if bytes.len() as u64 > MAX_MARKDOWN_BYTES {
        return Err(ReadError::TooLarge(bytes.len() as u64));
    }
    Ok(bytes)
}

/// Every regular file under `root/dir`, relative to `root`, in file-name order.
/// Hidden files and editor leftovers are skipped; symlinks leaving the root are
/// refused.
fn list_files(root: &Path, canonical_root: &Path, dir: &Path, report: &mut Report) -> Vec<PathBuf> {
    let base = root.join(dir);
    if !base.is_dir() {
        return Vec::new();
    }
    let mut files = Vec::new();
    let walker = WalkDir::new(&base)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| {
            e.depth() == 0 || !crate::layout::is_ignored_name(&e.file_name().to_string_lossy())
        });
    for entry in walker {
        let entry = match entry {
            Ok(entry) => entry,
            Err(e) => {
                let path = e
                    .path()
                    .and_then(|p| p.strip_prefix(root).ok())
                    .map(Path::to_path_buf)
                    .unwrap_or_else(|| dir.to_path_buf());
                report.push(
                    Diagnostic::error(Message::CannotReadFolder {
                        detail: e.to_string(),
                    })
                    .at(path),
                );
                continue;
            }
        };
        let rel = entry
            .path()
            .strip_prefix(root)
            .unwrap_or(entry.path())
            .to_path_buf();
        if entry.path_is_symlink() {
            // A link may point at another file of the site's sources, never
            // outside them: not out of the root, not into `.git/` or a file
            // beside `site.yaml`, not at a name the site never publishes.
            let within = |target: &Path| {
                target.strip_prefix(canonical_root).is_ok_and(|inside| {
                    let top = inside.components().next().map(|c| c.as_os_str().to_owned());
                    let source_tree = top.is_some_and(|t| {
                        [CONTENT_DIR, STATIC_DIR, TEMPLATES_DIR, THEMES_DIR]
                            .iter()
                            .any(|d| t == *d)
                    });
                    source_tree
                        && inside.components().all(|c| {
                            !crate::layout::is_ignored_name(&c.as_os_str().to_string_lossy())
                        })
                })
            };
            match entry.path().canonicalize() {
                Ok(target) if within(&target) => {
                    if target.is_file() {
                        files.push(rel);
                    } else if target.is_dir() {
                        report.push(folder_link_warning(
                            &rel,
                            &target,
                            entry.path(),
                            canonical_root,
                        ));
                    }
                }
                Err(_) if is_link_cycle(entry.path()) => report.push(
                    Diagnostic::warning(Message::SymlinkLoop {
                        target: crate::shown_path::shown_path(&rel),
                    })
                    .at(&rel)
                    .help(Message::SymlinkLoopHelp {}),
                ),
                _ => report.push(
                    Diagnostic::error(Message::LinkOutside {})
                        .at(&rel)
                        .help(Message::LinkOutsideHelp {}),
                ),
            }
            continue;
        }
        if entry.file_type().is_file() && is_safe_relative(&rel) {
            if let Some(d) = windows_name_warning(&rel) {
                report.push(d);
            }
            files.push(rel);
        }
    }
    files
}

/// Links to folders are not followed (a link to a folder above it would make
/// the walk endless, and any other is a second name for files the site has or
/// should hold itself); say so instead of leaving the folder out unseen.
fn folder_link_warning(
    rel: &Path,
    target: &Path,
    link: &Path,
    canonical_root: &Path,
) -> Diagnostic {
    let shown =
        crate::shown_path::shown_path(target.strip_prefix(canonical_root).unwrap_or(target));
    let shown = if shown.is_empty() {
        String::from(".")
    } else {
        shown
    };
    let encloses_link = link
        .parent()
        .and_then(|parent| parent.canonicalize().ok())
        .is_some_and(|parent| parent.starts_with(target));
    let message = if encloses_link {
        Message::SymlinkLoop { target: shown }
    } else {
        Message::FolderLinkSkipped { target: shown }
    };
    Diagnostic::warning(message)
        .at(rel)
        .help(Message::SymlinkLoopHelp {})
}

/// True when following `link` comes back to a link already passed
/// (`a -> b`, `b -> a`): the system refuses to resolve it.
fn is_link_cycle(link: &Path) -> bool {
    let mut seen = HashSet::new();
    let mut at = link.to_path_buf();
    // The same bound as the system's own (40 on Linux).
    for _ in 0..40 {
        let Ok(next) = fs::read_link(&at) else {
            return false;
        };
        let next = match at.parent() {
            Some(parent) => parent.join(next),
            None => next,
        };
        if !seen.insert(at) {
            return true;
        }
        at = next;
    }
    true
}

fn is_safe_relative(path: &Path) -> bool {
    path.components().all(|c| matches!(c, Component::Normal(_)))
}
