//! `noticeboard new KIND TITLE`: a new page from the kind's archetype, in the
//! kind's section, with the date (and for a disclosure the next free number of
//! the year) filled in. Never overwrites.

use crate::message::Message;
use std::fs;
use std::path::{Path, PathBuf};

use crate::build::load_config;
use crate::cli::{KindArg, NewArgs};
use crate::config::Config;
use crate::diag::{Diagnostic, Report};
use crate::disclosure::number::{self, DocNumber};
use crate::frontmatter::kind::Kind;
use crate::layout::CONTENT_DIR;
use crate::load;
use crate::parse;
use crate::slug::slugify;

use super::Outcome;

fn kind_of(arg: KindArg) -> Kind {
    match arg {
        KindArg::News => Kind::News,
        KindArg::ModelWorker => Kind::ModelWorker,
        KindArg::Craftsman => Kind::Craftsman,
        KindArg::Campaign => Kind::Campaign,
        KindArg::Disclosure => Kind::Disclosure,
    }
}

/// The folder a kind's section usually has, used when no `_index.md` claims it.
fn default_folder(kind: Kind) -> &'static str {
    match kind {
        Kind::News => "news",
        Kind::ModelWorker => "model-workers",
        Kind::Craftsman => "craftsmen",
        Kind::Campaign => "campaigns",
        Kind::Disclosure => "disclosures",
    }
}

pub fn run(args: &NewArgs) -> Outcome {
    let mut report = Report::new();
    match create(args, &mut report) {
        Some(path) => Outcome {
            lines: vec![Message::Created {
                path: crate::shown_path::shown_path(&path),
            }],
            report,
            success: true,
            ..Outcome::default()
        },
        None => Outcome {
            lines: Vec::new(),
            report,
            success: false,
            ..Outcome::default()
        },
    }
}

fn create(args: &NewArgs, report: &mut Report) -> Option<PathBuf> {
    let root = &args.root;
    let kind = kind_of(args.kind);
    let config = load_config(root, None, report)?;
    let clock = super::clock_or_report(args.clock.now.as_deref(), &config.timezone, report)?;
    let title = args.title.trim();
    if title.is_empty() {
        report.push(Diagnostic::error(Message::TitleEmpty {}).help(Message::NewHelp {}));
        return None;
    }

    // Read the site quietly: we only need sections' kinds and existing numbers.
    let mut quiet = Report::new();
    let sources = load::load_sources(root, &config.theme, &mut quiet);
    let parsed = parse::parse_sources(&sources, &config, &mut quiet);

    let section = match &args.section {
        Some(s) => s.trim_matches(['/', '\\']).to_string(),
        None => parsed
            .sections
            .iter()
            .filter(|s| s.kind == Some(kind))
            .map(|s| s.dir.to_string_lossy().replace('\\', "/"))
            .min()
            .unwrap_or_else(|| default_folder(kind).to_string()),
    };
    if section.split('/').any(|p| p == ".." || p.is_empty()) {
        report.push(Diagnostic::error(Message::SectionNotFolder { section }));
        return None;
    }
    let folder = root.join(CONTENT_DIR).join(&section);

    let now = clock.now_in(&config.timezone);
    let today = now.date();
    let mut slug = slugify(title, config.slugs);
    if slug.is_empty() {
        slug = "page".to_string();
    }
    if kind == Kind::News {
        slug = format!("{today}-{slug}");
    }
    let file = folder.join(format!("{slug}.md"));
    let bundle = folder.join(&slug).join("index.md");
    for existing in [&file, &bundle] {
        if existing.exists() {
            report.push(
                Diagnostic::error(Message::FileExists {})
                    .at(existing.strip_prefix(root).unwrap_or(existing))
                    .help(Message::FileExistsHelp {}),
            );
            return None;
        }
    }

    let number = if kind == Kind::Disclosure {
        let existing: Vec<DocNumber> = parsed
            .pages
            .iter()
            .filter_map(|p| p.front.number.as_deref())
            .filter_map(|n| number::parse(n).ok())
            .collect();
        let year = today.year() as i32;
        let prefix = number::prefix_for(config.disclosure.number_format.as_deref(), &existing);
        // A number the ledger holds stays used, even when its page was
        // withdrawn and deleted: GB/T 9704 numbers are never given twice.
        let mut used = existing;
        if let Some(file) = crate::emit::ledger::read_ledger(root, &mut quiet) {
            used.extend((file.ledger.entries.iter()).filter_map(|e| number::parse(&e.number).ok()));
        }
        number::next_free(&used, &prefix, year).to_string()
    } else {
        String::new()
    };
    let archetype = read_archetype(root, &config, kind);
    let text = archetype
        .replace("{{title}}", &title.replace('"', "\\\""))
        .replace("{{date}}", &now.strftime("%Y-%m-%d %H:%M").to_string())
        .replace("{{date_only}}", &today.to_string())
        .replace("{{year}}", &today.year().to_string())
        .replace("{{number}}", &number)
        .replace(
            "{{category}}",
            config
                .disclosure
                .categories
                .first()
                .map(String::as_str)
                .unwrap_or(""),
        );

    if let Err(e) = fs::create_dir_all(&folder).and_then(|_| write_new(&file, &text)) {
        report.push(
            Diagnostic::error(Message::CannotCreatePage {
                detail: e.to_string(),
            })
            .at(&file),
        );
        return None;
    }
    Some(
        file.strip_prefix(root)
            .map(Path::to_path_buf)
            .unwrap_or(file),
    )
}

/// Creates the file only if it does not exist, so a race never overwrites.
fn write_new(path: &Path, text: &str) -> std::io::Result<()> {
    use std::io::Write;
    let mut file = fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)?;
    file.write_all(text.as_bytes())
}

/// The site's `archetypes/KIND.md`, else the theme's, else the built-in one.
fn read_archetype(root: &Path, config: &Config, kind: Kind) -> String {
    let name = format!("archetypes/{}.md", kind.name());
    let candidates = [
        root.join(&name),
        root.join("themes").join(&config.theme).join(&name),
    ];
    for path in candidates {
        if let Ok(text) = fs::read_to_string(path) {
            return text;
        }
    }
    crate::theme::embedded(&name)
        .map(|b| String::from_utf8_lossy(b).into_owned())
        .unwrap_or_else(|| "---\ntitle: \"{{title}}\"\ndate: {{date}}\n---\n".to_string())
}
