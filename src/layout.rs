//! The names of the files and folders a site is made of. A leaf: every stage
//! that finds something in the site root by name reads it from here.

/// The site's configuration, at the root.
pub const CONFIG_FILE: &str = "site.yaml";
/// Pages and sections, one folder per section.
pub const CONTENT_DIR: &str = "content";
/// Files published as they are.
pub const STATIC_DIR: &str = "static";
/// The site's own templates, over the theme's.
pub const TEMPLATES_DIR: &str = "templates";
/// Themes, one folder each (`themes/<name>/templates`, `themes/<name>/static`).
pub const THEMES_DIR: &str = "themes";
/// The disclosure ledger: numbers and fingerprints of published notices.
pub const LEDGER_FILE: &str = "disclosures.lock";
/// The site's additions to the built-in holiday calendar.
pub const HOLIDAYS_FILE: &str = "holidays.yaml";

/// A name the site never reads or publishes: hidden files and folders (`.git`,
/// `.env`), editors' leftovers (`a.md~`, `.a.md.swp`, `x.tmp`) and the files
/// Windows leaves in folders.
pub fn is_ignored_name(name: &str) -> bool {
    name.starts_with('.')
        || name.starts_with('~')
        || name.ends_with('~')
        || name.ends_with(".swp")
        || name.ends_with(".tmp")
        || name.eq_ignore_ascii_case("thumbs.db")
        || name.eq_ignore_ascii_case("desktop.ini")
}

/// Whether a path relative to the site root is one a page may name: inside
/// `content/` or `static/`, through no ignored name.
pub fn is_publishable(rel: &std::path::Path) -> bool {
    let mut parts = rel.components();
    let top = match parts.next() {
        Some(std::path::Component::Normal(top)) => top,
        _ => return false,
    };
    (top == CONTENT_DIR || top == STATIC_DIR)
        && rel.components().all(|c| match c {
            std::path::Component::Normal(name) => !is_ignored_name(&name.to_string_lossy()),
            _ => false,
        })
}

/// The first folder on the way from the site's `root` down to `dir` that is a
/// symbolic link, if any: what noticeboard writes and cleans in the site (its
/// caches) it writes only in real folders, or a clean-up would delete files
/// in whatever folder the link names.
pub fn link_on_the_way(
    root: &std::path::Path,
    dir: &std::path::Path,
) -> Option<std::path::PathBuf> {
    let rest = dir.strip_prefix(root).ok()?;
    let mut at = root.to_path_buf();
    for part in rest.components() {
        at.push(part);
        match std::fs::symlink_metadata(&at) {
            Ok(meta) if meta.file_type().is_symlink() => return Some(at),
            Ok(_) => {}
            Err(_) => return None,
        }
    }
    None
}
