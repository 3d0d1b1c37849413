//! The disclosure ledger as a build leaves it: `disclosures.lock` brought up
//! to date, compared with the ledger already published (the previous
//! output's copy, or the file `--ledger-from` names).

use std::path::{Path, PathBuf};

use crate::clock::Clock;
use crate::config::Config;
use crate::diag::Report;
use crate::emit::ledger::{
    Ledger, LedgerFile, Loaded, SiteView, read_ledger, read_ledger_file, update_ledger,
};
use crate::layout::LEDGER_FILE;
use crate::model::Site;
use crate::model::kinds::Details;

/// Where a build finds the ledgers it compares.
pub(crate) struct Places<'a> {
    pub root: &'a Path,
    /// `--output`; the site's `public/` without it.
    pub output: Option<&'a Path>,
    /// `--ledger-from`.
    pub ledger_from: Option<&'a Path>,
}

/// The ledger as this build leaves it, and whether that differs from the file.
pub(crate) fn ledger_after(
    options: &Places<'_>,
    view: &SiteView<'_>,
    clock: &Clock,
    config: &Config,
    report: &mut Report,
) -> Option<(Ledger, bool)> {
    let root = options.root;
    let has_disclosures =
        (view.site.pages.iter()).any(|p| matches!(p.details, Details::Disclosure(_)));
    let published = published_ledger(options, view.site, report);
    if !has_disclosures && !root.join(LEDGER_FILE).exists() && published.is_none() {
        return None;
    }
    let old = read_ledger(root, report)?;
    let today = clock.today_in(&config.timezone);
    let new = update_ledger(view, &old, published.as_ref(), today, report);
    let changed = new.version != old.ledger.version || new.entries != old.ledger.entries;
    Some((new, changed))
}

/// Where the previous output keeps its ledger: where its status file says
/// (the disclosure section may have been renamed since), else where this
/// build would put it.
fn previous_output_ledger(options: &Places<'_>, site: &Site) -> PathBuf {
    let output =
        (options.output.map(Path::to_path_buf)).unwrap_or_else(|| options.root.join("public"));
    let status = output.join(".well-known").join("noticeboard.json");
    let named = std::fs::metadata(&status)
        .ok()
        .filter(|m| m.is_file() && m.len() < 16 << 20)
        .and_then(|_| std::fs::read_to_string(&status).ok())
        .and_then(|text| crate::emit::schedule::published_ledger_path(&text))
        .filter(|rel| is_output_ledger_path(rel));
    let rel = named.unwrap_or_else(|| crate::emit::published_ledger_path(site));
    rel.split('/').fold(output, |path, part| path.join(part))
}

/// `disclosures/ledger.json`: plain names inside the output, nothing that
/// climbs out of it or names a drive.
fn is_output_ledger_path(rel: &str) -> bool {
    rel.ends_with("/ledger.json")
        && rel.split('/').all(|part| {
            !part.is_empty() && part != "." && part != ".." && !part.contains(['\\', ':'])
        })
}

/// The ledger already published, to compare with besides `disclosures.lock`
/// (which anyone editing the site can rewrite): the file `--ledger-from`
/// names, else the previous output's copy when there is one.
fn published_ledger(options: &Places<'_>, site: &Site, report: &mut Report) -> Option<LedgerFile> {
    let root = options.root;
    let (path, required) = match options.ledger_from {
        Some(path) => (path.to_path_buf(), true),
        None => (previous_output_ledger(options, site), false),
    };
    // Named from the site folder when it is inside it, as other messages are.
    let shown = match path.strip_prefix(root) {
        Ok(rel) => crate::shown_path::shown_path(rel),
        Err(_) => crate::shown_path::shown_path(&path),
    };
    match read_ledger_file(&path, &shown, required, report) {
        Loaded::Read(file) => Some(file),
        Loaded::Missing | Loaded::Failed => None,
    }
}

#[cfg(test)]
mod tests {
    use super::is_output_ledger_path;

    #[test]
    fn the_previous_outputs_ledger_path_stays_inside_it() {
        assert!(is_output_ledger_path("disclosures/ledger.json"));
        assert!(is_output_ledger_path("gong-kai/2026/ledger.json"));
        for bad in [
            "/etc/ledger.json",
            "../ledger.json",
            "disclosures/../../ledger.json",
            "C:/ledger.json",
            "a\\..\\ledger.json",
            "disclosures//ledger.json",
            "ledger.json",
            "disclosures/site.yaml",
        ] {
            assert!(!is_output_ledger_path(bad), "{bad}");
        }
    }
}
