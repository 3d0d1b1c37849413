//! Watching the site folder: `site.yaml`, `holidays.yaml`, `content/`,
//! `templates/`, `static/` and `themes/`. Events come in bursts (an editor's
//! atomic save is a write, a rename and a few metadata changes); they are
//! gathered until the folder has been quiet for a moment, then handed over as
//! one batch of paths relative to the site root.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

use notify::{PollWatcher, RecommendedWatcher, RecursiveMode, Watcher};

/// Top-level names whose changes matter; anything else (public/, .git/, the
/// cache) is ignored.
const WATCHED: &[&str] = &[
    "site.yaml",
    "holidays.yaml",
    "disclosures.lock",
    "content",
    "templates",
    "static",
    "themes",
];

/// Quiet time that ends a burst, and the longest a burst may be held.
const QUIET: Duration = Duration::from_millis(20);
const LONGEST: Duration = Duration::from_millis(500);

pub struct SiteWatcher {
    root: PathBuf,
    canonical_root: PathBuf,
    rx: Receiver<notify::Result<notify::Event>>,
    // Kept alive for as long as events are wanted.
    watcher: Box<dyn Watcher + Send>,
    pub polling: bool,
}

impl SiteWatcher {
    /// Watches the root (not recursively, to see site.yaml and new folders) and
    /// every watched folder recursively. Falls back to polling when the system
    /// runs out of watches (Linux's inotify limit on very big sites).
    pub fn new(root: &Path) -> notify::Result<SiteWatcher> {
        let (tx, rx) = mpsc::channel();
        let canonical_root = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
        let tx2 = tx.clone();
        let mut native = RecommendedWatcher::new(tx, notify::Config::default())?;
        let polling = match watch_all(&mut native, &canonical_root) {
            Ok(()) => false,
            Err(_) => true,
        };
        let watcher: Box<dyn Watcher + Send> = if polling {
            let config = notify::Config::default().with_poll_interval(Duration::from_millis(300));
            let mut poll = PollWatcher::new(tx2, config)?;
            watch_all(&mut poll, &canonical_root)?;
            Box::new(poll)
        } else {
            Box::new(native)
        };
        Ok(SiteWatcher {
            root: root.to_path_buf(),
            canonical_root,
            rx,
            watcher,
            polling,
        })
    }

    /// The system's change notifications in use, by the name its
    /// documentation gives them; `None` when polling.
    pub fn native_backend(&self) -> Option<&'static str> {
        if self.polling {
            return None;
        }
        Some(if cfg!(windows) {
            "ReadDirectoryChangesW"
        } else if cfg!(target_os = "macos") {
            "FSEvents"
        } else if cfg!(any(target_os = "linux", target_os = "android")) {
            "inotify"
        } else {
            "kqueue"
        })
    }

    /// Blocks until something in the site changes, then returns the changed
    /// paths (relative to the root) of the whole burst. `None` when the watcher
    /// is gone.
    pub fn next_batch(&mut self) -> Option<BTreeSet<PathBuf>> {
        let mut batch = BTreeSet::new();
        loop {
            let event = self.rx.recv().ok()?;
            self.collect(event, &mut batch);
            if !batch.is_empty() {
                break;
            }
        }
        let started = Instant::now();
        loop {
            match self.rx.recv_timeout(QUIET) {
                Ok(event) => self.collect(event, &mut batch),
                Err(RecvTimeoutError::Timeout) => break,
                Err(RecvTimeoutError::Disconnected) => break,
            }
            if started.elapsed() > LONGEST {
                break;
            }
        }
        Some(batch)
    }

    fn collect(&mut self, event: notify::Result<notify::Event>, batch: &mut BTreeSet<PathBuf>) {
        let Ok(event) = event else {
            // An overflowed queue loses events: rebuild with the stamps check.
            batch.insert(PathBuf::from("content"));
            return;
        };
        if matches!(event.kind, notify::EventKind::Access(_)) {
            return;
        }
        for path in event.paths {
            let rel = path
                .strip_prefix(&self.canonical_root)
                .or_else(|_| path.strip_prefix(&self.root))
                .map(Path::to_path_buf);
            let Ok(rel) = rel else { continue };
            let top = rel
                .components()
                .next()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .unwrap_or_default();
            if !WATCHED.contains(&top.as_str()) {
                continue;
            }
            // A watched folder that appeared after start: watch it now.
            if rel.components().count() == 1 && path.is_dir() {
                let _ = self.watcher.watch(&path, RecursiveMode::Recursive);
            }
            batch.insert(rel);
        }
    }
}

fn watch_all(watcher: &mut dyn Watcher, root: &Path) -> notify::Result<()> {
    watcher.watch(root, RecursiveMode::NonRecursive)?;
    for name in WATCHED {
        let path = root.join(name);
        if path.is_dir() {
            watcher.watch(&path, RecursiveMode::Recursive)?;
        }
    }
    Ok(())
}
