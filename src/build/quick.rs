//! `build` when nothing changed: the record of the last build
//! ([`crate::rebuild::inputs`]) and the output manifest agree that the
//! output already is what this build would make, so it is left alone and the
//! last build's report is told again.

use std::path::{Path, PathBuf};
use std::time::Instant;

use crate::clock::Clock;
use crate::diag::Report;
use crate::rebuild::inputs::{LastBuild, Setting, inputs_key, ledger_stamp};

/// What a build is given, as far as the shortcut cares.
pub(crate) struct Asked<'a> {
    pub root: &'a Path,
    pub output: &'a Path,
    pub base_url: Option<&'a str>,
    pub drafts: bool,
    pub relative: bool,
    pub now: Option<&'a str>,
    pub source_date_epoch: Option<&'a str>,
    pub ledger_from: Option<&'a Path>,
}

/// This build's key, day and clock, and where the cache is.
pub(crate) struct Quick {
    root: PathBuf,
    pub cache_dir: PathBuf,
    key: String,
    day: String,
    now: i64,
    pub started: Instant,
}

impl Quick {
    /// `None` when `site.yaml` or the clock cannot be read: the full build
    /// says why.
    pub(crate) fn new(asked: &Asked<'_>) -> Option<Quick> {
        let started = Instant::now();
        let text = crate::load::read_config(asked.root).ok()?;
        let mut report = Report::new();
        let config = crate::config::resolve(&text, &mut report)?;
        if report.has_errors() {
            return None;
        }
        let clock =
            Clock::from_sources(asked.now, asked.source_date_epoch, &config.timezone).ok()?;
        let absolute = |p: &Path| {
            std::path::absolute(p)
                .unwrap_or_else(|_| p.to_path_buf())
                .to_string_lossy()
                .into_owned()
        };
        let root = absolute(asked.root);
        let output = absolute(asked.output);
        // The published ledger compared with: where it is and its stamp.
        let ledger_from = asked
            .ledger_from
            .map(|p| {
                let meta = std::fs::metadata(p).ok();
                let modified = meta.as_ref().and_then(|m| m.modified().ok());
                format!("{}|{:?}|{modified:?}", absolute(p), meta.map(|m| m.len()))
            })
            .unwrap_or_default();
        let flag = |b: bool| if b { "yes" } else { "no" };
        let settings = [
            Setting {
                name: "root",
                value: &root,
            },
            Setting {
                name: "output",
                value: &output,
            },
            Setting {
                name: "base_url",
                value: asked.base_url.unwrap_or(""),
            },
            Setting {
                name: "drafts",
                value: flag(asked.drafts),
            },
            Setting {
                name: "relative",
                value: flag(asked.relative),
            },
            Setting {
                name: "ledger_from",
                value: &ledger_from,
            },
        ];
        Some(Quick {
            root: asked.root.to_path_buf(),
            cache_dir: asked.root.join(&config.cache_dir),
            key: inputs_key(asked.root, &settings),
            day: clock.today_in(&config.timezone).to_string(),
            now: clock.now().as_second(),
            started,
        })
    }

    /// The last build, if this one would make just what it made and the
    /// output is still as it left it.
    pub(crate) fn unchanged(&self, output: &Path) -> Option<LastBuild> {
        let last = LastBuild::read(&self.cache_dir)?;
        let ledger = ledger_stamp(&self.root);
        if !last.holds_for((&self.key, &ledger), &self.day, self.now) {
            return None;
        }
        let manifest = crate::output::manifest_path(&self.cache_dir);
        (crate::output::still_as_written(output, &manifest) == Some(last.files)).then_some(last)
    }

    /// Forgets the last build: this one is about to change the output.
    pub(crate) fn forget(&self) {
        LastBuild::forget(&self.cache_dir);
    }

    /// Keeps what this build made, for the next one.
    pub(crate) fn record(
        &self,
        next_change_at: Option<i64>,
        next_change: Option<(String, String)>,
        counts: [usize; 5],
        report: &Report,
    ) {
        LastBuild::new(
            (self.key.clone(), ledger_stamp(&self.root)),
            self.day.clone(),
            self.now,
            next_change_at,
            next_change,
            counts,
            report.iter().cloned().collect(),
        )
        .write(&self.cache_dir);
    }
}
