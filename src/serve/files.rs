//! Reading a file of the site for the preview, only as the last good build
//! saw it.
//!
//! Static files, bundle files and pictures are served from the site folder
//! when asked, not copied at build time. Between the build and the request
//! the file may have been swapped for a symlink to a file outside the site
//! (a build that then fails keeps the old, good site on show, and with it the
//! old path). So each file is resolved when the build takes it, and read only
//! if it still resolves to the same place and is a plain file there: no link,
//! no folder on the way turned into one.

use std::fs::File;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

/// Where the build found `source`, links resolved. A path that cannot be
/// resolved (gone already) is kept as it is; reading it will fail.
pub fn resolve(source: &Path) -> PathBuf {
    std::fs::canonicalize(source).unwrap_or_else(|_| source.to_path_buf())
}

/// The bytes of the file the build resolved to `resolved`, if it is still a
/// plain file at that very path.
pub fn read_as_built(resolved: &Path) -> io::Result<Vec<u8>> {
    let changed = || io::Error::other("the file changed since the last build");
    let mut file = File::open(resolved)?;
    let opened = file.metadata()?;
    // Checked after opening, so that a swap between the check and the open
    // cannot slip through: what was opened must be what the path now is.
    let at_path = std::fs::symlink_metadata(resolved)?;
    if !opened.is_file() || !at_path.file_type().is_file() {
        return Err(changed());
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        if (opened.dev(), opened.ino()) != (at_path.dev(), at_path.ino()) {
            return Err(changed());
        }
    }
    // A folder on the way that became a link.
    if std::fs::canonicalize(resolved)? != resolved {
        return Err(changed());
    }
    let mut bytes = Vec::with_capacity(opened.len().min(1 << 26) as usize);
    file.read_to_end(&mut bytes)?;
    Ok(bytes)
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::fs::symlink;

    #[test]
    fn a_file_swapped_for_a_link_is_not_read() {
        let dir = tempfile::tempdir().unwrap();
        let site = dir.path().join("site");
        std::fs::create_dir_all(site.join("static/docs")).unwrap();
        std::fs::write(dir.path().join("secret.txt"), "TOP-SECRET").unwrap();
        let file = site.join("static/a.css");
        std::fs::write(&file, "a{}").unwrap();
        let resolved = resolve(&file);
        assert_eq!(read_as_built(&resolved).unwrap(), b"a{}");

        // An edit in place, or a save through a new file, is still the file.
        std::fs::write(&file, "b{}").unwrap();
        assert_eq!(read_as_built(&resolved).unwrap(), b"b{}");

        std::fs::remove_file(&file).unwrap();
        symlink(dir.path().join("secret.txt"), &file).unwrap();
        assert!(read_as_built(&resolved).is_err());

        // A folder on the way swapped for a link to a folder with the same names.
        let inner = site.join("static/docs/b.txt");
        std::fs::write(&inner, "b").unwrap();
        let resolved = resolve(&inner);
        let elsewhere = dir.path().join("elsewhere");
        std::fs::create_dir_all(&elsewhere).unwrap();
        std::fs::write(elsewhere.join("b.txt"), "TOP-SECRET").unwrap();
        std::fs::remove_dir_all(site.join("static/docs")).unwrap();
        symlink(&elsewhere, site.join("static/docs")).unwrap();
        assert!(read_as_built(&resolved).is_err());
    }

    #[test]
    fn a_link_the_build_accepted_is_read_where_it_pointed() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("b.css"), "b{}").unwrap();
        std::fs::write(dir.path().join("secret.txt"), "TOP-SECRET").unwrap();
        let link = dir.path().join("a.css");
        symlink(dir.path().join("b.css"), &link).unwrap();
        let resolved = resolve(&link);
        // Pointed elsewhere after the build: the build's target is still read.
        std::fs::remove_file(&link).unwrap();
        symlink(dir.path().join("secret.txt"), &link).unwrap();
        assert_eq!(read_as_built(&resolved).unwrap(), b"b{}");
    }
}
