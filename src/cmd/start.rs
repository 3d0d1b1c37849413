//! `noticeboard` with no arguments: what a double-click on `noticeboard.exe`
//! does. The site of the current folder, or else of the folder the program
//! is in (Explorer starts a double-clicked program in its own folder, a
//! shortcut may start it elsewhere), is served with the writing desk opened
//! in the browser. Where neither folder holds a site, the desk's new-site
//! page is opened, and the site it makes is then served the same way.
//! Never usage text and an instant exit: the window's first line says what
//! it is and how to stop it, and a start-up problem waits for Enter.

use std::io::Write;
use std::net::{IpAddr, Ipv4Addr, SocketAddr, TcpListener};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::desk::{Desk, DeskOptions, NewSite};
use crate::diag::{Diagnostic, Report};
use crate::i18n::Language;
use crate::layout::CONFIG_FILE;
use crate::message::Message;
use crate::serve::mount::Mount;
use crate::serve::{ServeOptions, open_browser, serve, serve_mount_only};
use crate::shown_path::shown_path;

use super::{Outcome, source_date_epoch};

/// The preview's usual port, and the last one tried before any free one:
/// a second double-click (or another program on 1111) must not end in a
/// port number the user never chose.
const PORTS: std::ops::RangeInclusive<u16> = 1111..=1120;

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

    /// Where a new site would be made: the current folder, else the program's.
    fn here(&self) -> PathBuf {
        (self.current.clone().or_else(|| self.beside.clone())).unwrap_or_else(|| PathBuf::from("."))
    }
}

pub fn run(places: &Places) -> Outcome {
    let Some(root) = places.site() else {
        return new_site_page(places);
    };
    let language = crate::config::language_of(root);
    say(Message::StartServing {
        root: shown_path(root),
    }
    .render(language));
    let result = desk(root, None)
        .and_then(|desk| listen().and_then(|listener| serve_site(root, listener, desk, true)));
    // serve returns only on a start-up problem.
    match result {
        Ok(()) => Outcome {
            language,
            ..Outcome::default()
        },
        Err(message) => Outcome {
            language,
            ..failed(message)
        },
    }
}

/// Printed before serve's own lines, so it is the window's first words.
fn say(line: String) {
    let mut out = std::io::stdout().lock();
    let _ = writeln!(out, "{line}");
    let _ = out.flush();
}

fn desk(root: &Path, new_site: Option<NewSite>) -> Result<Arc<Desk>, Message> {
    Desk::new(DeskOptions {
        root: root.to_path_buf(),
        now: None,
        source_date_epoch: source_date_epoch(),
        new_site,
    })
    .map(Arc::new)
    .ok_or(Message::CannotStartServer {
        detail: "no random numbers".to_string(),
    })
}

/// A start-up problem: said, and the window waits for Enter so it can be read.
fn failed(message: Message) -> Outcome {
    let mut report = Report::new();
    report.push(Diagnostic::error(message));
    Outcome {
        report,
        success: false,
        pause: true,
        ..Outcome::default()
    }
}

/// Listens on loopback: 1111, or the next free port up to 1120, or any.
/// The listener is kept, so no other program can take the port between the
/// probe and serve.
fn listen() -> Result<TcpListener, Message> {
    let bind = IpAddr::V4(Ipv4Addr::LOCALHOST);
    PORTS
        .chain(std::iter::once(0))
        .find_map(|port| TcpListener::bind(SocketAddr::new(bind, port)).ok())
        .ok_or_else(|| Message::CannotListen {
            address: format!("{bind}:{}", PORTS.start()),
            detail: std::io::Error::from(std::io::ErrorKind::AddrInUse).to_string(),
        })
}

/// Serves the site at `root` with its desk on `listener`; returns when the
/// server stops (a start-up problem).
fn serve_site(
    root: &Path,
    listener: TcpListener,
    desk: Arc<Desk>,
    open: bool,
) -> Result<(), Message> {
    serve(&ServeOptions {
        root: root.to_path_buf(),
        bind: IpAddr::V4(Ipv4Addr::LOCALHOST),
        port: 0,
        open,
        now: None,
        source_date_epoch: source_date_epoch(),
        mount: Some(desk as Arc<dyn Mount>),
        listener: Some(listener),
    })
}

/// No site: the new-site page. Making a site starts its own server (a new
/// address and token, shown to the page, which goes there); this one keeps
/// answering until the program is closed.
fn new_site_page(places: &Places) -> Outcome {
    let here = places.here();
    let make: NewSite = Arc::new(|folder: &Path, language: Language| {
        if !folder.join(CONFIG_FILE).is_file() {
            let lang = match language {
                Language::ZhCn => crate::cli::Lang::ZhCn,
                Language::En => crate::cli::Lang::En,
            };
            super::init::create(folder, lang)
                .map_err(|d| std::sync::Arc::unwrap_or_clone(d.message))?;
        }
        let desk = desk(folder, None)?;
        let listener = listen()?;
        let address = listener.local_addr().map_err(|e| Message::CannotListen {
            address: String::new(),
            detail: e.to_string(),
        })?;
        let (_, url) = desk
            .started(address, language)
            .ok_or(Message::CannotStartServer {
                detail: "no desk".to_string(),
            })?;
        let root = folder.to_path_buf();
        std::thread::spawn(move || {
            if let Err(message) = serve_site(&root, listener, desk, false) {
                eprintln!("{}", message.render(language));
            }
        });
        Ok(url)
    });
    let language = Language::default();
    let started =
        desk(&here, Some(make)).and_then(|desk| serve_mount_only(*PORTS.start(), desk, language));
    match started {
        Ok((line, url)) => {
            say(Message::StartNewSite {
                here: shown_path(&here),
            }
            .render(language));
            say(line);
            open_browser(&url, language);
            loop {
                std::thread::park();
            }
        }
        Err(message) => {
            // Not even the new-site page: say where a site should be.
            let mut outcome = failed(message);
            outcome
                .report
                .push(no_site(places).help(Message::StartNoSiteHelp {}));
            outcome
        }
    }
}

fn no_site(places: &Places) -> Diagnostic {
    let shown = |p: &Option<PathBuf>| p.as_deref().map(shown_path).unwrap_or_default();
    Diagnostic::error(match (&places.current, &places.beside) {
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
    })
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
        assert_eq!(places.here(), here);
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
        let text = no_site(&same).message.render(Language::En);
        assert!(text.contains("holds no site.yaml"), "{text}");
        let apart = Places {
            current: Some(dir.path().join("a")),
            beside: Some(dir.path().join("b")),
        };
        let text = no_site(&apart).message.render(Language::ZhCn);
        assert!(text.contains("都没有 site.yaml"), "{text}");
    }
}
