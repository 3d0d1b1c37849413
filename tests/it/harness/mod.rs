//! Test harness: copy a fixture site from `tests/sites/NAME` into a temporary
//! folder, run the real `noticeboard` binary on it, and read the built HTML.
//! The external programs some tests drive (Node, Chromium, the Nu checker) are
//! in `external`.

mod external;
mod serving;

pub use external::{browser_dom, chromium, file_url, percent_decode, playwright, serve_dir, vnu};
pub use serving::Serving;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use scraper::{Html, Selector};
use tempfile::TempDir;

pub const NOW: &str = "2026-11-23T09:00:00+08:00";

pub struct TestSite {
    _dir: TempDir,
    pub root: PathBuf,
}

pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    fn from(output: Output) -> Run {
        Run {
            code: output.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        }
    }

    pub fn assert_ok(&self) -> &Run {
        assert_eq!(
            self.code, 0,
            "expected success\nstdout:\n{}\nstderr:\n{}",
            self.stdout, self.stderr
        );
        self
    }

    pub fn assert_code(&self, code: i32) -> &Run {
        assert_eq!(
            self.code, code,
            "expected exit {code}\nstdout:\n{}\nstderr:\n{}",
            self.stdout, self.stderr
        );
        self
    }
}

pub fn bin() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_noticeboard"));
    cmd.env_remove("SOURCE_DATE_EPOCH");
    cmd
}

/// Copies the folder `from` to `to`, which need not exist yet.
pub fn copy_tree(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_tree(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), &target).unwrap();
        }
    }
}

impl TestSite {
    /// A copy of `tests/sites/<name>`.
    pub fn fixture(name: &str) -> TestSite {
        let source = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/sites")
            .join(name);
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("site");
        copy_tree(&source, &root);
        TestSite { _dir: dir, root }
    }

    /// An empty folder (for `init`).
    pub fn empty() -> TestSite {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("site");
        TestSite { _dir: dir, root }
    }

    pub fn write(&self, rel: &str, contents: impl AsRef<[u8]>) -> &Self {
        let path = self.root.join(rel);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, contents).unwrap();
        self
    }

    pub fn remove(&self, rel: &str) -> &Self {
        fs::remove_file(self.root.join(rel)).unwrap();
        self
    }

    pub fn run(&self, args: &[&str]) -> Run {
        Run::from(bin().args(args).output().unwrap())
    }

    pub fn build(&self, extra: &[&str]) -> Run {
        let root = self.root.to_string_lossy().into_owned();
        let mut args = vec!["build", "--root", root.as_str(), "--now", NOW];
        args.extend_from_slice(extra);
        self.run(&args)
    }

    pub fn check(&self) -> Run {
        let root = self.root.to_string_lossy().into_owned();
        self.run(&["check", "--root", root.as_str(), "--now", NOW])
    }

    pub fn public(&self) -> PathBuf {
        self.root.join("public")
    }

    pub fn exists(&self, rel: &str) -> bool {
        self.public().join(rel).exists()
    }

    pub fn read(&self, rel: &str) -> String {
        let path = self.public().join(rel);
        fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
    }

    pub fn html(&self, rel: &str) -> Page {
        Page {
            doc: Html::parse_document(&self.read(rel)),
        }
    }

    /// Every file under `public/`, relative, sorted, with its bytes.
    pub fn snapshot(&self) -> Vec<(String, Vec<u8>)> {
        let public = self.public();
        let mut out: Vec<(String, Vec<u8>)> = files_under(&public)
            .into_iter()
            .map(|path| {
                let rel = path.strip_prefix(&public).unwrap();
                (rel.to_string_lossy().into_owned(), fs::read(&path).unwrap())
            })
            .collect();
        // By the relative path as text, which is not how paths sort.
        out.sort();
        out
    }
}

/// Every file under `dir` (links are not followed), sorted.
pub fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(folder) = stack.pop() {
        for entry in fs::read_dir(&folder).unwrap() {
            let entry = entry.unwrap();
            if entry.file_type().unwrap().is_dir() {
                stack.push(entry.path());
            } else {
                out.push(entry.path());
            }
        }
    }
    out.sort();
    out
}

/// The files under `dir` with one of `extensions` (without the dot), sorted.
pub fn files_with_extension(dir: &Path, extensions: &[&str]) -> Vec<PathBuf> {
    files_under(dir)
        .into_iter()
        .filter(|path| {
            path.extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| extensions.contains(&e))
        })
        .collect()
}

/// Lowercase hex SHA-256, as manifests and the ledger write it.
pub fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::{Digest, Sha256};
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

pub struct Page {
    pub doc: Html,
}

impl Page {
    pub fn texts(&self, selector: &str) -> Vec<String> {
        let sel = Selector::parse(selector).unwrap();
        self.doc
            .select(&sel)
            .map(|e| {
                e.text()
                    .collect::<String>()
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect()
    }

    pub fn text(&self, selector: &str) -> String {
        let all = self.texts(selector);
        assert!(!all.is_empty(), "no element matches `{selector}`");
        all[0].clone()
    }

    pub fn attrs(&self, selector: &str, attr: &str) -> Vec<String> {
        let sel = Selector::parse(selector).unwrap();
        self.doc
            .select(&sel)
            .filter_map(|e| e.value().attr(attr).map(str::to_string))
            .collect()
    }

    pub fn attr(&self, selector: &str, attr: &str) -> String {
        let all = self.attrs(selector, attr);
        assert!(!all.is_empty(), "no `{attr}` on `{selector}`");
        all[0].clone()
    }

    pub fn count(&self, selector: &str) -> usize {
        self.doc.select(&Selector::parse(selector).unwrap()).count()
    }

    pub fn inner_html(&self, selector: &str) -> String {
        let sel = Selector::parse(selector).unwrap();
        self.doc
            .select(&sel)
            .next()
            .map(|e| e.inner_html())
            .unwrap_or_default()
    }
}
