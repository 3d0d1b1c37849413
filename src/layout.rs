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
