//! `noticeboard` with no arguments: what a double-click on `noticeboard.exe`
//! does. It previews the site of the current folder, or else the site of the
//! folder the program is in (Explorer starts a double-clicked program in its
//! own folder, a shortcut may start it elsewhere), and opens the browser.
//! Where neither folder holds a site it says so in plain words and waits for
//! Enter, so a window that Explorer opened does not vanish before it is read.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::diag::{Diagnostic, Report};
use crate::layout::CONFIG_FILE;
use crate::message::Message;
use crate::shown_path::shown_path;

use super::Outcome;

/// Where a double-click looks for a site, in order.
pub struct Places {
    pub current: Option<PathBuf>,
    /// The folder holding the program.
    pub beside: Option<PathBuf>,
}

impl Places {
    pub fn of_this_process() -> Places {
        Places {
            current: std::env::current_dir().ok(),
            beside: std::env::current_exe()
                .ok()
                .and_then(|exe| exe.parent().map(Path::to_path_buf)),
        }
    }

    /// The first folder that holds a `site.yaml`.
    pub fn site(&self) -> Option<&Path> {
        [&self.current, &self.beside]
            .into_iter()
            .flatten()
            .map(PathBuf::as_path)
            .find(|dir| dir.join(CONFIG_FILE).is_file())
    }
}

pub fn run(places: &Places) -> Outcome {
    let Some(root) = places.site() else {
        return no_site(places);
    };
    let language = crate::config::language_of(root);
    // Printed before serve's own lines: the window's first words say what
    // it is and how to make it stop.
    let mut out = std::io::stdout().lock();
    let _ = writeln!(
        out,
        "{}",
        Message::StartServing {
            root: shown_path(root),
        }
        .render(language)
    );
    let _ = out.flush();
    drop(out);
    let args = crate::cli::ServeArgs {
        root: root.to_path_buf(),
        bind: std::net::IpAddr::V4(std::net::Ipv4Addr::LOCALHOST),
        port: free_port(),
        open: true,
        clock: crate::cli::ClockArgs { now: None },
    };
    // serve returns only on a start-up problem: the window waits for Enter
    // so it can be read.
    Outcome {
        language,
        pause: true,
        ..super::serve::run(&args)
    }
}

/// serve's port, 1111, or the next free one up to 1120, or any: a second
/// double-click (or another program on 1111) must not end in a port number
/// the user never chose. The probe is let go before serve binds; losing that
/// race only costs serve's own "port in use" message.
fn free_port() -> u16 {
    (1111..=1120)
        .find(|&port| std::net::TcpListener::bind((std::net::Ipv4Addr::LOCALHOST, port)).is_ok())
        .unwrap_or(0)
}

fn no_site(places: &Places) -> Outcome {
    let shown = |p: &Option<PathBuf>| p.as_deref().map(shown_path).unwrap_or_default();
    let message = match (&places.current, &places.beside) {
        (Some(here), Some(beside)) if here != beside => Message::StartNoSite {
            here: shown(&places.current),
            beside: shown_path(beside),
        },
        (Some(_), _) => Message::StartNoSiteHere {
            here: shown(&places.current),
        },
        (None, _) => Message::StartNoSiteHere {
            here: shown(&places.beside),
        },
    };
    let mut report = Report::new();
    report.push(Diagnostic::error(message).help(Message::StartNoSiteHelp {}));
    Outcome {
        report,
        success: false,
        pause: true,
        ..Outcome::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_current_folder_wins_then_the_programs_folder() {
        let dir = tempfile::tempdir().unwrap();
        let here = dir.path().join("这里");
        let beside = dir.path().join("程序旁");
        std::fs::create_dir_all(&here).unwrap();
        std::fs::create_dir_all(&beside).unwrap();
        let places = Places {
            current: Some(here.clone()),
            beside: Some(beside.clone()),
        };
        assert_eq!(places.site(), None);
        std::fs::write(beside.join(CONFIG_FILE), "title: x\n").unwrap();
        assert_eq!(places.site(), Some(beside.as_path()));
        std::fs::write(here.join(CONFIG_FILE), "title: x\n").unwrap();
        assert_eq!(places.site(), Some(here.as_path()));
    }

    #[test]
    fn no_site_names_both_folders_once_each() {
        let dir = tempfile::tempdir().unwrap();
        let same = Places {
            current: Some(dir.path().to_path_buf()),
            beside: Some(dir.path().to_path_buf()),
        };
        let outcome = run(&same);
        assert!(!outcome.success && outcome.pause);
        let text = outcome.report_lines().join("\n");
        assert!(text.contains("[E1503]"), "{text}");
        let apart = Places {
            current: Some(dir.path().join("a")),
            beside: Some(dir.path().join("b")),
        };
        let text = run(&apart).report_lines().join("\n");
        assert!(
            text.contains("[E1502]") && text.contains("noticeboard init"),
            "{text}"
        );
    }
}
