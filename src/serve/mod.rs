//! `noticeboard serve`: build into memory, serve on loopback, watch, rebuild
//! what changed, tell the browser.
//!
//! ```text
//! watcher (burst of saves) → Rebuilder::rebuild → Snapshot → http (served)
//!                                   ↓                  ↘ Hub: reload / css / error event
//!                          search index (background thread)
//! ```
//!
//! Nothing is written to the site folder: not `public/`, not the ledger (the
//! preview shows what would be published; `build` publishes it). Unlike the
//! other commands, `serve` prints as it goes: it runs until Ctrl-C.

mod files;
pub mod guard;
pub mod http;
pub mod mount;
#[cfg(test)]
mod oracle;
pub mod request;
pub mod state;
pub mod watch;
pub mod wechat;

use std::io::Write;
use std::net::{IpAddr, SocketAddr, TcpListener};
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc;
use std::sync::{Arc, Mutex, RwLock};

use crate::build::BuildOptions;
use crate::diag::report_lines;
use crate::i18n::Language;
use crate::message::Message;
use http::{Hub, Served, Server};
use state::{ExtrasJob, Rebuilder, Rebuilt, overlay_json};

pub struct ServeOptions {
    pub root: PathBuf,
    pub bind: IpAddr,
    /// 0 picks a free port (tests).
    pub port: u16,
    pub open: bool,
    pub now: Option<String>,
    pub source_date_epoch: Option<String>,
    /// What else answers on the same address (the writing desk).
    pub mount: Option<Arc<dyn mount::Mount>>,
    /// Already listening (the double-click start binds first, to know the
    /// address); `bind` and `port` are then not used.
    pub listener: Option<TcpListener>,
}

/// Serves only `mount` (the desk's new-site page, where there is no site
/// yet) on 127.0.0.1, on `port` or, when taken, any free port; returns the
/// mount's line to print and the address to open, the server running on
/// its own thread.
pub fn serve_mount_only(
    port: u16,
    mount: Arc<dyn mount::Mount>,
    language: Language,
) -> Result<(String, String), Message> {
    let bind = IpAddr::from([127, 0, 0, 1]);
    let listener = TcpListener::bind(SocketAddr::new(bind, port))
        .or_else(|_| TcpListener::bind(SocketAddr::new(bind, 0)))
        .map_err(|e| Message::CannotListen {
            address: format!("{bind}:{port}"),
            detail: e.to_string(),
        })?;
    let address = listener.local_addr().map_err(|e| Message::CannotListen {
        address: format!("{bind}:{port}"),
        detail: e.to_string(),
    })?;
    let started = mount.started(address, language);
    let server = Server::new(
        Arc::new(RwLock::new(Served::default())),
        Arc::new(Hub::default()),
        guard::Allowed::new(bind, address.port()),
        Some(mount),
    );
    std::thread::Builder::new()
        .name("nb-accept".into())
        .spawn(move || server.run(listener))
        .map_err(|e| Message::CannotStartServer {
            detail: e.to_string(),
        })?;
    started.ok_or(Message::CannotStartServer {
        detail: "no desk".to_string(),
    })
}

/// Runs until the process is stopped. Returns only on a start-up problem
/// (port taken, watcher refused), as a message for the terminal.
pub fn serve(options: &ServeOptions) -> Result<(), Message> {
    if !options.root.join(crate::layout::CONFIG_FILE).is_file() {
        return Err(Message::ServeNoSite {
            root: crate::shown_path::shown_path(&options.root),
        });
    }
    let address = SocketAddr::new(options.bind, options.port);
    let bound = match &options.listener {
        Some(listener) => listener.try_clone(),
        None => TcpListener::bind(address),
    };
    let listener = bound.map_err(|e| {
        if e.kind() == std::io::ErrorKind::AddrInUse {
            Message::PortInUse {
                port: usize::from(options.port),
                bind: options.bind.to_string(),
                next: usize::from(options.port.saturating_add(1)),
            }
        } else {
            Message::CannotListen {
                address: address.to_string(),
                detail: e.to_string(),
            }
        }
    })?;
    let address = listener.local_addr().map_err(|e| Message::CannotListen {
        address: address.to_string(),
        detail: e.to_string(),
    })?;
    let url = format!("http://{address}/");

    let mut rebuilder = Rebuilder::new(BuildOptions {
        root: options.root.clone(),
        output: None,
        base_url: Some(url.clone()),
        drafts: true,
        relative: false,
        now: options.now.clone(),
        source_date_epoch: options.source_date_epoch.clone(),
        progress: None,
        pages_progress: None,
        detach_cleanup: false,
        ledger_from: None,
    });
    let mut watcher = watch::SiteWatcher::new(&options.root).map_err(|e| Message::CannotWatch {
        root: crate::shown_path::shown_path(&options.root),
        detail: e.to_string(),
    })?;
    let served = Arc::new(RwLock::new(Served {
        never_built: true,
        ..Served::default()
    }));
    let hub = Arc::new(Hub::default());

    // The first build makes everything before the server opens.
    let mut first = rebuilder.rebuild(&[]);
    if let Some(job) = rebuilder.take_extras_job() {
        let files = job.run();
        first.changed.extend(rebuilder.set_extras(files));
    }
    print_rebuild(&first, true);
    apply(&rebuilder, &first, &served, &hub);
    tell_mount(options.mount.as_deref(), &first);

    let rebuilder = Arc::new(Mutex::new(rebuilder));
    let generation = Arc::new(AtomicU64::new(0));
    let extras = spawn_extras_worker(
        rebuilder.clone(),
        served.clone(),
        hub.clone(),
        generation.clone(),
    );

    let server = Server::new(
        served.clone(),
        hub.clone(),
        guard::Allowed::new(options.bind, address.port()),
        options.mount.clone(),
    );
    std::thread::Builder::new()
        .name("nb-accept".into())
        .spawn(move || server.run(listener))
        .map_err(|e| Message::CannotStartServer {
            detail: e.to_string(),
        })?;

    let mut out = std::io::stdout().lock();
    let language = first.language;
    let _ = writeln!(
        out,
        "{}",
        Message::Serving { url: url.clone() }.render(language)
    );
    let mut open = url.clone();
    if let Some(mount) = &options.mount
        && let Some((line, address)) = mount.started(address, language)
    {
        let _ = writeln!(out, "{line}");
        open = address;
    }
    // Which watcher runs is worth a line: on a network share Windows may
    // refuse change notifications, and polling is slower to notice a save.
    let watching = match watcher.native_backend() {
        Some(backend) => Message::WatchNative {
            backend: backend.to_string(),
        },
        None => Message::WatchPolling {},
    };
    let _ = writeln!(out, "{}", watching.render(language));
    let _ = out.flush();
    drop(out);
    if options.open {
        open_browser(&open, language);
    }

    while let Some(batch) = watcher.next_batch() {
        let dirty: Vec<PathBuf> = batch.into_iter().collect();
        let mut guard = lock(&rebuilder);
        let result = guard.rebuild(&dirty);
        apply(&guard, &result, &served, &hub);
        // The desk's save waits for this news; the terminal can wait.
        tell_mount(options.mount.as_deref(), &result);
        print_rebuild(&result, false);
        if let Some(job) = guard.take_extras_job() {
            let g = generation.fetch_add(1, Ordering::SeqCst) + 1;
            let _ = extras.send((g, job));
        }
    }
    Err(Message::WatcherStopped {})
}

fn tell_mount(mount: Option<&dyn mount::Mount>, result: &Rebuilt) {
    if let Some(mount) = mount {
        mount.rebuilt(mount::BuildNews {
            report: result.report.clone(),
            site: result.site.clone(),
            language: result.language,
            started: std::time::Instant::now()
                .checked_sub(result.elapsed)
                .unwrap_or_else(std::time::Instant::now),
        });
    }
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

/// Serves the result of a rebuild and tells the open pages.
fn apply(rebuilder: &Rebuilder, result: &Rebuilt, served: &RwLock<Served>, hub: &Hub) {
    let mut s = served.write().unwrap_or_else(|e| e.into_inner());
    if result.failed() {
        let json = overlay_json(&result.report, result.language);
        s.error = Some(json.clone());
        drop(s);
        hub.send("error", &json);
        return;
    }
    let had_error = s.error.take().is_some() || s.never_built;
    if s.never_built {
        s.snapshot = rebuilder.snapshot();
    } else {
        rebuilder.update(&mut s.snapshot, &result.changed);
    }
    s.never_built = false;
    s.wechat = rebuilder.wechat_source();
    drop(s);
    announce(hub, &result.changed, had_error);
}

/// `css` when only stylesheets changed (swapped in place), else `reload` with
/// the changed paths: a page reloads if it is one of them, or if something it
/// may use (an image, a script) changed.
fn announce(hub: &Hub, changed: &[String], had_error: bool) {
    let changed = shown_by_pages(changed);
    if changed.is_empty() {
        if had_error {
            hub.send("ok", "{}");
        }
        return;
    }
    if !had_error && changed.iter().all(|p| p.ends_with(".css")) {
        hub.send("css", &serde_json::json!({ "paths": changed }).to_string());
        return;
    }
    let all = had_error
        || changed.iter().any(|p| {
            !(p.ends_with(".html")
                || p.ends_with(".xml")
                || p.ends_with(".json")
                || p.ends_with(".txt")
                || (p.starts_with("search/") && p.ends_with(".js")))
        });
    const LISTED: usize = 2000;
    let data = if changed.len() > LISTED {
        serde_json::json!({ "all": true, "paths": [] })
    } else {
        serde_json::json!({ "all": all, "paths": changed })
    };
    hub.send("reload", &data.to_string());
}

/// Changed paths worth telling the pages about: the status file carries the
/// build time, so it changes every time, and no page shows it.
fn shown_by_pages(changed: &[String]) -> Vec<&String> {
    changed
        .iter()
        .filter(|p| !p.starts_with(".well-known/"))
        .collect()
}

/// Feeds, sitemap and the search index are made off the edit path: they are
/// the slowest part of a big site and nobody looks at them while writing. Only
/// the newest site's are made; an `extras` event names what changed.
fn spawn_extras_worker(
    rebuilder: Arc<Mutex<Rebuilder>>,
    served: Arc<RwLock<Served>>,
    hub: Arc<Hub>,
    generation: Arc<AtomicU64>,
) -> mpsc::Sender<(u64, ExtrasJob)> {
    let (tx, rx) = mpsc::channel::<(u64, ExtrasJob)>();
    let _ = std::thread::Builder::new()
        .name("nb-extras".into())
        .spawn(move || {
            // Its own single thread, not rayon's global pool: a search index
            // of 10,000 pages takes seconds, and an edit's parse and render
            // must never queue behind it.
            let pool = rayon::ThreadPoolBuilder::new()
                .num_threads(1)
                .thread_name(|_| "nb-extras-pool".into())
                .build()
                .ok();
            while let Ok(mut job) = rx.recv() {
                while let Ok(newer) = rx.try_recv() {
                    job = newer;
                }
                let (g, job) = job;
                let files = match &pool {
                    Some(pool) => pool.install(|| job.run()),
                    None => job.run(),
                };
                let mut guard = lock(&rebuilder);
                if generation.load(Ordering::SeqCst) != g {
                    continue;
                }
                let changed = guard.set_extras(files);
                if !changed.is_empty() {
                    let mut s = served.write().unwrap_or_else(|e| e.into_inner());
                    guard.update(&mut s.snapshot, &changed);
                    drop(s);
                    let changed = shown_by_pages(&changed);
                    if !changed.is_empty() {
                        // Not a reload: no page shows these files.
                        let data = serde_json::json!({ "paths": changed });
                        hub.send("extras", &data.to_string());
                    }
                }
            }
        });
    tx
}

fn print_rebuild(result: &Rebuilt, first: bool) {
    let language = result.language;
    let mut err = std::io::stderr().lock();
    for line in report_lines(&result.report, language) {
        let _ = writeln!(err, "{line}");
    }
    let ms = format!("{:.0}", result.elapsed.as_secs_f64() * 1000.0);
    let line = if result.failed() {
        Message::StillServing {}
    } else if first {
        Message::ServeBuilt {
            pages: result.pages,
            ms,
        }
    } else {
        let stages = result
            .timings
            .iter()
            .map(|(name, d)| format!("{name} {:.0}", d.as_secs_f64() * 1000.0))
            .collect::<Vec<_>>()
            .join(", ");
        Message::Rebuilt {
            ms,
            stages,
            parsed: result.parsed,
            checked: result.checked,
            rendered: result.rendered,
            changed: result.changed.len(),
        }
    };
    let _ = writeln!(err, "{}", line.render(language));
    let _ = err.flush();
}

/// Opens `url` in the desktop's browser; failing quietly is fine (the URL is
/// printed).
pub fn open_browser(url: &str, language: Language) {
    #[cfg(target_os = "windows")]
    let result = std::process::Command::new("cmd")
        .args(["/C", "start", "", url])
        .spawn();
    #[cfg(target_os = "macos")]
    let result = std::process::Command::new("open").arg(url).spawn();
    #[cfg(all(not(target_os = "windows"), not(target_os = "macos")))]
    let result = std::process::Command::new("xdg-open").arg(url).spawn();
    if result.is_err() {
        eprintln!(
            "{}",
            Message::NoBrowser {
                url: url.to_string()
            }
            .render(language)
        );
    }
}
