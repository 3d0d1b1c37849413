//! The output-folder guard: the output folder must not be the site, hold it,
//! or sit inside its source folders, because the swap replaces it whole.

use std::path::{Path, PathBuf};

use crate::diag::Diagnostic;
use crate::message::Message;

/// The output folder must not be the site itself, hold it, or sit inside its
/// source folders: replacing it would destroy the site.
pub fn check_output_dir(root: &Path, output: &Path) -> Result<(), Diagnostic> {
    let absolute = |p: &Path| -> PathBuf {
        let p = if p.is_absolute() {
            p.to_path_buf()
        } else {
            std::env::current_dir()
                .map(|d| d.join(p))
                .unwrap_or_else(|_| p.to_path_buf())
        };
        normalize(&p)
    };
    let root_abs = absolute(root);
    let out_abs = absolute(output);
    // Compared twice: as written, and with symlinks resolved, so that neither a
    // link to the site (`--output link-to-site`) nor a site reached through a link
    // (`--root link --output real-path`) slips past.
    let root_real = resolve_existing(&root_abs);
    let out_real = resolve_existing(&out_abs);
    let refuse = |why: Message| {
        Err(Diagnostic::error(Message::OutputRefused {
            output: output.display().to_string(),
            why: Box::new(why),
        })
        .help(Message::OutputRefusedHelp {}))
    };
    for (root_abs, out_abs) in [(&root_abs, &out_abs), (&root_real, &out_real)] {
        if out_abs.parent().is_none() {
            return refuse(Message::OutputIsRoot {});
        }
        if root_abs.starts_with(out_abs) {
            return refuse(Message::OutputContainsSite {});
        }
        for protected in ["content", "static", "templates", "themes", ".git"] {
            if out_abs.starts_with(root_abs.join(protected)) {
                return refuse(Message::OutputInsideProtected {
                    folder: protected.to_string(),
                });
            }
        }
    }
    Ok(())
}

/// `path` with symlinks resolved as far as it exists; the part that does not
/// exist yet (a new output folder) is appended as written.
fn resolve_existing(path: &Path) -> PathBuf {
    let mut existing = path.to_path_buf();
    let mut rest = Vec::new();
    loop {
        if let Ok(real) = existing.canonicalize() {
            return rest
                .iter()
                .rev()
                .fold(real, |acc: PathBuf, part| acc.join(part));
        }
        match (
            existing.file_name().map(|n| n.to_os_string()),
            existing.parent(),
        ) {
            (Some(name), Some(parent)) => {
                rest.push(name);
                existing = parent.to_path_buf();
            }
            _ => return path.to_path_buf(),
        }
    }
}

/// Where `path` points when it is a symbolic link to a folder.
pub fn fs_symlink_target(path: &Path) -> Option<PathBuf> {
    let meta = std::fs::symlink_metadata(path).ok()?;
    if !meta.file_type().is_symlink() {
        return None;
    }
    path.canonicalize().ok().filter(|p| p.is_dir())
}

/// Resolves `.` and `..` without touching the disk (the folder may not exist yet).
fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for component in path.components() {
        match component {
            std::path::Component::ParentDir => {
                out.pop();
            }
            std::path::Component::CurDir => {}
            other => out.push(other.as_os_str()),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn output_dir_guards() {
        let root = Path::new("/srv/site");
        assert!(check_output_dir(root, Path::new("/srv/site/public")).is_ok());
        assert!(check_output_dir(root, Path::new("/srv/site")).is_err());
        assert!(check_output_dir(root, Path::new("/srv")).is_err());
        assert!(check_output_dir(root, Path::new("/")).is_err());
        assert!(check_output_dir(root, Path::new("/srv/site/content/x")).is_err());
        assert!(check_output_dir(root, Path::new("/srv/site/public/../content")).is_err());
        assert!(check_output_dir(root, Path::new("/tmp/out")).is_ok());
    }

    /// Regression: `--output link-to-the-site` passed the check and the swap's
    /// clean-up deleted the site through the link.
    #[cfg(unix)]
    #[test]
    fn output_dir_guards_see_through_symlinks() {
        let dir = tempfile::tempdir().unwrap();
        let site = dir.path().join("site");
        std::fs::create_dir_all(site.join("content")).unwrap();
        let link = dir.path().join("link");
        std::os::unix::fs::symlink(&site, &link).unwrap();
        assert!(check_output_dir(&site, &link).is_err());
        assert!(check_output_dir(&link, &site).is_err());
        assert!(check_output_dir(&link, &link.join("content/x")).is_err());
        assert!(check_output_dir(&link, &site.join("public")).is_ok());
        assert!(check_output_dir(&site, &dir.path().join("new/out")).is_ok());
    }
}
