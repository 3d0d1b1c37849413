//! A running `noticeboard serve` of a test site, shared by the serve, desk
//! and desk-in-the-browser tests.

use std::io::{BufRead, BufReader};
use std::process::{Child, Stdio};
use std::sync::mpsc::{self, Receiver};
use std::time::Duration;

use super::{NOW, TestSite, bin};

/// `noticeboard serve --port 0` of a test site, killed when dropped. Its
/// output is read to the end on a thread, so serve never blocks on a full
/// pipe; the lines after the first are there for [`Serving::desk`].
pub struct Serving {
    child: Child,
    /// The address it printed: `http://127.0.0.1:PORT/`.
    pub url: String,
    /// `127.0.0.1:PORT`, the loopback address of that port whatever the
    /// `--bind`.
    pub host: String,
    lines: Receiver<String>,
}

impl Drop for Serving {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Serving {
    /// Starts serve with `extra` arguments and waits for its address (the
    /// first line it prints).
    pub fn start(site: &TestSite, extra: &[&str]) -> Serving {
        let mut child = bin()
            .args(["serve", "--port", "0", "--now", NOW])
            .args(extra)
            .arg("--root")
            .arg(&site.root)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let stdout = child.stdout.take().unwrap();
        let (tx, lines) = mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines() {
                let Ok(line) = line else { return };
                // Nobody listens any more: keep reading all the same.
                let _ = tx.send(line);
            }
        });
        let first = lines
            .recv_timeout(Duration::from_secs(60))
            .expect("serve printed no address");
        let url = first
            .split_whitespace()
            .find(|w| w.starts_with("http://"))
            .unwrap_or_else(|| panic!("no URL in {first:?}"))
            .to_string();
        let port = url.trim_end_matches('/').rsplit(':').next().unwrap_or("");
        let host = format!("127.0.0.1:{port}");
        Serving {
            child,
            url,
            host,
            lines,
        }
    }

    /// The desk's address with its token, from the line serve prints after
    /// its own (zh-CN `写作台：…` or en `Writing desk: …`); `None` when no
    /// such line comes within `wait`.
    pub fn desk(&self, wait: Duration) -> Option<String> {
        let until = std::time::Instant::now() + wait;
        loop {
            let left = until.saturating_duration_since(std::time::Instant::now());
            let line = self.lines.recv_timeout(left).ok()?;
            if let Some(at) = line.find("http://")
                && line.contains("/_desk/?token=")
            {
                return line[at..].split_whitespace().next().map(str::to_string);
            }
        }
    }
}
