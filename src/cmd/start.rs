//! `noticeboard` with no arguments: what a double-click does. The site in
//! the current folder (or the program's own folder) is served with the
//! writing desk opened in the browser; where there is no site, the desk's
//! new-site page is, and the site it makes is then served the same way.
//! Never usage text and an instant exit.

use std::net::{IpAddr, SocketAddr, TcpListener};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::desk::{Desk, DeskOptions, NewSite};
use crate::diag::{Diagnostic, Report};
use crate::i18n::Language;
use crate::layout::CONFIG_FILE;
use crate::message::Message;
use crate::serve::mount::Mount;
use crate::serve::{ServeOptions, open_browser, serve, serve_mount_only};

use super::{Outcome, source_date_epoch};

/// The preview's usual port; another free one when it is taken (a second
/// double-click, another program).
const PORT: u16 = 1111;

/// Where the site is: the current folder, else the program's folder.
fn site_folder() -> Option<PathBuf> {
    let here = std::env::current_dir().ok();
    let beside = std::env::current_exe()
        .ok()
        .and_then(|exe| exe.parent().map(Path::to_path_buf));
    [here, beside]
        .into_iter()
        .flatten()
        .find(|dir| dir.join(CONFIG_FILE).is_file())
}

fn desk(root: &Path, new_site: Option<NewSite>) -> Option<Arc<Desk>> {
    Desk::new(DeskOptions {
        root: root.to_path_buf(),
        now: None,
        source_date_epoch: source_date_epoch(),
        new_site,
    })
    .map(Arc::new)
}

fn failed(message: Message) -> Outcome {
    let mut report = Report::new();
    report.push(Diagnostic::error(message));
    Outcome {
        report,
        success: false,
        ..Outcome::default()
    }
}

/// Listens on loopback, on the usual port if free.
fn listen() -> Result<TcpListener, Message> {
    let bind = IpAddr::from([127, 0, 0, 1]);
    TcpListener::bind(SocketAddr::new(bind, PORT))
        .or_else(|_| TcpListener::bind(SocketAddr::new(bind, 0)))
        .map_err(|e| Message::CannotListen {
            address: format!("{bind}:{PORT}"),
            detail: e.to_string(),
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
        bind: IpAddr::from([127, 0, 0, 1]),
        port: 0,
        open,
        now: None,
        source_date_epoch: source_date_epoch(),
        mount: Some(desk as Arc<dyn Mount>),
        listener: Some(listener),
    })
}

pub fn run() -> Outcome {
    if let Some(root) = site_folder() {
        let Some(desk) = desk(&root, None) else {
            return failed(Message::CannotStartServer {
                detail: "no random numbers".to_string(),
            });
        };
        let result = listen().and_then(|listener| serve_site(&root, listener, desk, true));
        return match result {
            Ok(()) => Outcome::default(),
            Err(message) => failed(message),
        };
    }
    new_site_page()
}

/// No site: the new-site page. Making a site starts its own server (a new
/// address and token, shown to the page, which goes there); this one keeps
/// answering until the program is closed.
fn new_site_page() -> Outcome {
    let here = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
    let make: NewSite = Arc::new(|folder: &Path, language: Language| {
        if !folder.join(CONFIG_FILE).is_file() {
            let lang = match language {
                Language::ZhCn => crate::cli::Lang::ZhCn,
                Language::En => crate::cli::Lang::En,
            };
            super::init::create(folder, lang).map_err(|d| *d.message)?;
        }
        let desk = desk(folder, None).ok_or(Message::CannotStartServer {
            detail: "no random numbers".to_string(),
        })?;
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
    let Some(desk) = desk(&here, Some(make)) else {
        return failed(Message::CannotStartServer {
            detail: "no random numbers".to_string(),
        });
    };
    let language = Language::default();
    match serve_mount_only(PORT, desk, language) {
        Ok((line, url)) => {
            println!("{line}");
            open_browser(&url, language);
            loop {
                std::thread::park();
            }
        }
        Err(message) => failed(message),
    }
}
