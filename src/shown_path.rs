//! How a message writes a file's path: as the system the program runs on
//! writes it. On Windows that is backslashes (`content\news\a.md`) and no
//! `\\?\` prefix, which std and `canonicalize` add for long paths and which no
//! person types (a share stays `\\server\share\…`); elsewhere the path as is.
//! A leaf: the diagnostics and every message that names a file use it.

use std::path::Path;

/// `path` as this system writes it.
pub fn shown_path(path: &Path) -> String {
    shown_for(&path.to_string_lossy(), cfg!(windows))
}

/// The rule for either system, so both are tested everywhere.
pub(crate) fn shown_for(text: &str, windows: bool) -> String {
    if !windows {
        return text.to_string();
    }
    let text = text.replace('/', "\\");
    if let Some(share) = text.strip_prefix(r"\\?\UNC\") {
        format!(r"\\{share}")
    } else if let Some(local) = text.strip_prefix(r"\\?\") {
        local.to_string()
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::shown_for;

    #[test]
    fn windows_paths_have_backslashes_and_no_verbatim_prefix() {
        assert_eq!(shown_for("content/news/a.md", true), r"content\news\a.md");
        assert_eq!(
            shown_for(r"\\?\C:\工会\站点\content/news/通知.md", true),
            r"C:\工会\站点\content\news\通知.md"
        );
        assert_eq!(
            shown_for(r"\\?\UNC\server\share\site\site.yaml", true),
            r"\\server\share\site\site.yaml"
        );
        assert_eq!(
            shown_for(r"\\server\share\site/content", true),
            r"\\server\share\site\content"
        );
    }

    #[test]
    fn other_systems_keep_the_path_as_is() {
        assert_eq!(shown_for("content/news/a.md", false), "content/news/a.md");
        // A backslash is an ordinary character of a Linux file name.
        assert_eq!(shown_for(r"content/a\b.md", false), r"content/a\b.md");
    }
}
