//! Which page a content file is. A page links another by its file (`a.md`,
//! `../news/a.md`, or `@/news/a.md` from `content/`); the model knows which
//! page, or section, each file became, and so that page's URL.

use std::collections::HashMap;
use std::path::{Component, Path, PathBuf};

use crate::escape::percent_decode;
use crate::layout::CONTENT_DIR;
use crate::markdown::links::content_file_link;

use super::Site;

/// The file a content link names, relative to the site root
/// (`content/news/a.md`), `from` being the file it is written in (also
/// relative to the root). `None` for a link that is not to a content file, or
/// that climbs out of `content/`. A folder (`@/news/`) names its `_index.md`.
pub fn linked_file(from: &Path, url: &str) -> Option<PathBuf> {
    let (written, _) = content_file_link(url)?;
    let written = percent_decode(written)?.replace('\\', "/");
    let (mut path, rest) = match written.strip_prefix("@/") {
        Some(rest) => (PathBuf::from(CONTENT_DIR), rest.to_string()),
        None => (from.parent()?.to_path_buf(), written),
    };
    let folder = rest.ends_with('/');
    for part in Path::new(&rest).components() {
        match part {
            Component::Normal(name) => path.push(name),
            Component::ParentDir => {
                path.pop();
            }
            Component::CurDir => {}
            // `/x.md` from the root, `C:\x.md`: not a content file.
            Component::RootDir | Component::Prefix(_) => return None,
        }
    }
    if folder {
        path.push("_index.md");
    }
    path.starts_with(CONTENT_DIR).then_some(path)
}

/// Content files and the paths of the pages and sections they became.
pub struct ContentTargets<'s> {
    by_file: HashMap<&'s Path, &'s str>,
}

impl<'s> ContentTargets<'s> {
    pub fn new(site: &'s Site) -> ContentTargets<'s> {
        let mut by_file = HashMap::with_capacity(site.pages.len() + site.sections.len());
        for page in &site.pages {
            by_file.insert(page.parsed.path.as_path(), page.path.as_str());
        }
        for section in &site.sections {
            if let Some(source) = &section.source {
                by_file.insert(source.as_path(), section.path.as_str());
            }
        }
        ContentTargets { by_file }
    }

    /// The site path (`news/a/`) of the page built from `file`.
    pub fn path_of(&self, file: &Path) -> Option<&'s str> {
        self.by_file.get(file).copied().or_else(|| {
            // `news/skills/` names the bundle's `index.md` as well.
            let name = file.file_name()?;
            (name == "_index.md")
                .then(|| file.with_file_name("index.md"))
                .and_then(|bundle| self.by_file.get(bundle.as_path()).copied())
        })
    }

    /// The site path a link written in `from` leads to, when it names the
    /// file of a page or section of this build.
    pub fn resolve(&self, from: &Path, url: &str) -> Option<&'s str> {
        self.path_of(&linked_file(from, url)?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn linked(from: &str, url: &str) -> Option<String> {
        linked_file(Path::new(from), url).map(|p| {
            p.components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect::<Vec<_>>()
                .join("/")
        })
    }

    #[test]
    fn links_resolve_against_the_file_they_are_written_in() {
        let from = "content/news/a.md";
        assert_eq!(linked(from, "b.md").as_deref(), Some("content/news/b.md"));
        assert_eq!(
            linked(from, "./sub/../b.md#x").as_deref(),
            Some("content/news/b.md")
        );
        assert_eq!(
            linked(from, "../campaigns/c.md").as_deref(),
            Some("content/campaigns/c.md")
        );
        assert_eq!(
            linked(from, "..\\campaigns\\c.md").as_deref(),
            Some("content/campaigns/c.md")
        );
        assert_eq!(
            linked(from, "@/disclosures/d/index.md").as_deref(),
            Some("content/disclosures/d/index.md")
        );
        assert_eq!(
            linked(from, "@/news/").as_deref(),
            Some("content/news/_index.md")
        );
        assert_eq!(
            linked(from, "%E5%85%AC%E7%A4%BA.md").as_deref(),
            Some("content/news/公示.md")
        );
    }

    #[test]
    fn links_never_leave_content() {
        let from = "content/news/a.md";
        for url in [
            "../../site.md",
            "@/../x.md",
            "/etc/x.md",
            "https://x.org/a.md",
        ] {
            assert_eq!(linked(from, url), None, "{url}");
        }
    }
}
