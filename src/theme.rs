//! The built-in default theme, embedded from `themes/default/` at compile time.
//! A `themes/default/` folder in a site overrides it file by file (see `load`).

/// `(path inside the theme, bytes)`, sorted by path.
pub static EMBEDDED: &[(&str, &[u8])] = include!(concat!(env!("OUT_DIR"), "/theme_files.rs"));

pub fn embedded(path: &str) -> Option<&'static [u8]> {
    EMBEDDED
        .iter()
        .find(|(p, _)| *p == path)
        .map(|(_, bytes)| *bytes)
}
