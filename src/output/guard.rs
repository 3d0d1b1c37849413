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
            output: crate::shown_path::shown_path(output),
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
        for file in SITE_FILES {
            if out_abs == &root_abs.join(file) {
                return refuse(Message::OutputIsSiteFile {
                    file: file.to_string(),
                });
            }
        }
        for protected in [
            "content",
            "static",
            "templates",
            "themes",
            ".git",
            ".noticeboard",
        ] {
            if out_abs.starts_with(root_abs.join(protected)) {
                return refuse(Message::OutputInsideProtected {
                    folder: protected.to_string(),
                });
            }
        }
    }
    Ok(())
}

/// Files of the site's root folder that an output folder may never replace.
const SITE_FILES: [&str; 3] = ["site.yaml", "disclosures.lock", "holidays.yaml"];

/// The file every output noticeboard writes carries (the build's schedule):
/// a folder holding it is one noticeboard made and may replace.
const OUTPUT_MARKER: [&str; 2] = [".well-known", "noticeboard.json"];

/// The output folder may be replaced: it does not exist yet, is empty, or is
/// one noticeboard made (it holds [`OUTPUT_MARKER`], a real file naming
/// noticeboard as its generator). Anything else, a home folder with `.ssh/`, a
/// web root another tool filled, the ledger file, is refused before a single
/// page is rendered, and again just before the swap.
pub fn check_replaceable(output: &Path) -> Result<(), Diagnostic> {
    let refuse = |why: Message, help: Message| {
        Err(Diagnostic::error(Message::OutputRefused {
            output: crate::shown_path::shown_path(output),
            why: Box::new(why),
        })
        .help(help))
    };
    let Ok(meta) = std::fs::metadata(output) else {
        return Ok(());
    };
    if !meta.is_dir() {
        return refuse(Message::OutputIsFile {}, Message::OutputRefusedHelp {});
    }
    let mut names: Vec<String> = match std::fs::read_dir(output) {
        Ok(entries) => entries
            .flatten()
            .take(64)
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect(),
        Err(_) => return Ok(()),
    };
    if names.is_empty() || made_by_noticeboard(output) {
        return Ok(());
    }
    names.sort();
    let mut shown: Vec<String> = names.iter().take(3).cloned().collect();
    if names.len() > 3 {
        shown.push("…".to_string());
    }
    refuse(
        Message::OutputNotOurs {
            names: shown.join(", "),
        },
        Message::OutputNotOursHelp {},
    )
}

/// The folder holds the output marker as a regular file (not a link: a link
/// could borrow another folder's marker) that names noticeboard.
fn made_by_noticeboard(dir: &Path) -> bool {
    let well_known = dir.join(OUTPUT_MARKER[0]);
    let marker = well_known.join(OUTPUT_MARKER[1]);
    let real = |p: &Path, dir: bool| {
        std::fs::symlink_metadata(p).is_ok_and(|m| {
            !m.file_type().is_symlink() && if dir { m.is_dir() } else { m.is_file() }
        })
    };
    if !real(&well_known, true) || !real(&marker, false) {
        return false;
    }
    let Ok(file) = std::fs::File::open(&marker) else {
        return false;
    };
    let mut head = String::new();
    let _ = std::io::Read::read_to_string(&mut std::io::Read::take(file, 64 * 1024), &mut head);
    serde_json::from_str::<serde_json::Value>(&head)
        .is_ok_and(|v| v.get("generator").and_then(|g| g.as_str()) == Some("noticeboard"))
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
