//! Emit: the files that are not theme pages: Atom feeds (site, sections,
//! terms), `sitemap.xml`, `robots.txt`, redirect pages for `aliases`, and the
//! disclosure ledger ([`ledger`]: `disclosures.lock` beside the site, its public
//! copy in the output). Reads the site model, returns bytes; the output stage
//! writes them.

pub mod feeds;
pub mod ledger;
pub mod redirects;
pub mod schedule;
pub mod search;
pub mod sitemap;

use std::sync::Mutex;

use crate::clock::Clock;
use crate::diag::Diagnostic;
use crate::frontmatter::kind::Kind;
use crate::model::Site;
use crate::render::{Expanded, FileSink, OutputFile};
use ledger::Ledger;

/// The files made from the whole site, in memory.
pub fn emit_extras(
    site: &Site,
    expanded: &Expanded,
    clock: &Clock,
    ledger: Option<&Ledger>,
) -> Vec<OutputFile> {
    let mut files = extras(site, expanded, clock, ledger);
    if site.config.search {
        let made = Mutex::new(Vec::new());
        let kept = search::search_files(site, &|file| {
            made.lock().unwrap_or_else(|e| e.into_inner()).push(file);
            Ok(())
        });
        debug_assert!(kept.is_ok(), "keeping a file in memory cannot fail");
        let mut made = made.into_inner().unwrap_or_else(|e| e.into_inner());
        made.sort_unstable_by(|a, b| a.path.cmp(&b.path));
        files.extend(made);
    }
    files
}

/// [`emit_extras`] for a streamed build: the search index, the one big
/// part, goes into `sink` as it is made, and the rest is returned.
pub fn emit_extras_into(
    site: &Site,
    expanded: &Expanded,
    clock: &Clock,
    ledger: Option<&Ledger>,
    sink: &dyn FileSink,
) -> Result<Vec<OutputFile>, Diagnostic> {
    let files = extras(site, expanded, clock, ledger);
    if site.config.search {
        search::search_files(site, &|file| sink.put(site, file))?;
    }
    Ok(files)
}

/// Everything made from the whole site but the search index.
fn extras(
    site: &Site,
    expanded: &Expanded,
    clock: &Clock,
    ledger: Option<&Ledger>,
) -> Vec<OutputFile> {
    let mut files = Vec::new();
    let ledger_path = ledger.map(|_| published_ledger_path(site));
    files.push(schedule::status_file(site, clock, ledger_path.clone()));
    if let (Some(ledger), Some(path)) = (ledger, ledger_path) {
        files.push(OutputFile {
            path,
            bytes: ledger::to_json(ledger).into_bytes(),
        });
    }
    if site.config.feeds {
        files.extend(feeds::all_feeds(site, expanded, clock));
    }
    files.push(sitemap::sitemap(site, clock));
    files.push(sitemap::robots(site));
    files.extend(redirects::alias_pages(site));
    files
}

/// Escapes text for XML element content and attribute values.
pub fn xml_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c if !is_xml_char(c) => {}
            c => out.push(c),
        }
    }
    out
}

/// Whether `c` may appear in our XML: a character XML 1.0 allows (not C0
/// controls other than tab, newline and carriage return, not U+FFFE/U+FFFF)
/// and not a control character XML allows but discourages (DEL, C1). Titles,
/// tags and names come from front matter, where a YAML escape (`"\u0001"`)
/// writes any of them; a body's `&#xFFFE;` becomes one too.
pub fn is_xml_char(c: char) -> bool {
    match c {
        '\t' | '\n' | '\r' => true,
        '\u{0}'..='\u{1F}' | '\u{7F}'..='\u{9F}' | '\u{FFFE}' | '\u{FFFF}' => false,
        _ => true,
    }
}

/// Where the ledger is published, output-relative: `disclosures/ledger.json`
/// in the disclosure section.
pub fn published_ledger_path(site: &Site) -> String {
    format!("{}ledger.json", disclosure_section_path(site))
}

/// The disclosure section's path (`disclosures/`).
pub fn disclosure_section_path(site: &Site) -> String {
    site.sections
        .iter()
        .find(|s| s.kind == Kind::Disclosure && !s.is_home())
        .map(|s| s.path.clone())
        .unwrap_or_else(|| "disclosures/".to_string())
}

/// Local midnight of the build's day, for a date nothing else gives (an
/// empty listing's `lastmod`, an empty feed's `updated`): the same all day,
/// so a rebuild with nothing edited makes the same files.
fn start_of_today(clock: &crate::clock::Clock, tz: &jiff::tz::TimeZone) -> String {
    clock
        .today_in(tz)
        .to_datetime(jiff::civil::Time::midnight())
        .to_zoned_datetime(tz.clone())
        .map(|day| day.strftime("%Y-%m-%dT%H:%M:%S%:z").to_string())
        .unwrap_or_else(|_| {
            clock
                .now_in(tz)
                .strftime("%Y-%m-%dT%H:%M:%S%:z")
                .to_string()
        })
}
