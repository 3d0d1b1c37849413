//! `import`: a Word document becomes a page bundle,
//! `content/<section>/<slug>/index.md` with its pictures (and, for a
//! disclosure, the 附件 files found beside it). The one way in for the
//! `import` command and for the desk's dropped .docx: [`import_docx`].
//!
//! The document is read by `crate::office::docx` (which never panics and
//! refuses hostile packages); here the page is put together and written into
//! a hidden temporary folder inside the section, renamed into place at the
//! end, so a file that fails leaves nothing behind and an existing page is
//! never overwritten.

mod front;
mod pictures;

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use crate::diag::{Diagnostic, Report};
use crate::frontmatter::kind::Kind;
use crate::layout::CONTENT_DIR;
use crate::message::Message;
use crate::office::docx::markdown::{Converter, Counts};
use crate::office::docx::{self, Block, FileKind};
use crate::slug::slugify;

pub use front::PageFront;

/// Larger .docx files are refused before reading (a 100-page report with
/// photos is about 20 MB).
pub const FILE_LIMIT: u64 = 200 * 1024 * 1024;

/// Where the document comes from: a file, or bytes dropped on the desk.
#[derive(Debug, Clone, Copy)]
pub enum DocxSource<'a> {
    Path(&'a Path),
    /// The desk's dropped file (#22, point 6); no 附件 are looked for
    /// unless [`ImportOptions::beside`] says where.
    Bytes {
        name: &'a str,
        bytes: &'a [u8],
    },
}

#[derive(Debug, Clone)]
pub struct ImportOptions {
    /// Folder under content/; default: the section whose `_index.md` has the kind.
    pub section: Option<String>,
    pub kind: Kind,
    /// A disclosure's `category`.
    pub category: Option<String>,
    /// `YYYY-MM-DD`, for a document that gives no date of its own.
    pub today: String,
    /// Where the 附件 files are looked for; default: the .docx's folder.
    pub beside: Option<PathBuf>,
}

/// What one import made and what it approximated.
#[derive(Debug, Clone)]
pub struct ImportReport {
    /// The new page, relative to the site root (`content/news/…/index.md`).
    pub page: PathBuf,
    pub front: PageFront,
    pub counts: Counts,
    /// `(name, from)` of pictures converted to PNG.
    pub converted: Vec<(String, String)>,
    /// What was dropped or guessed, each naming the .docx.
    pub warnings: Vec<Diagnostic>,
}

/// Imports one Word document into the site at `site_root`.
pub fn import_docx(
    site_root: &Path,
    source: DocxSource<'_>,
    options: &ImportOptions,
) -> Result<ImportReport, Diagnostic> {
    let (label, bytes, beside) = match source {
        DocxSource::Path(path) => {
            let too_big = fs::metadata(path)
                .map(|m| m.len() > FILE_LIMIT)
                .unwrap_or(false);
            if too_big {
                return Err(Diagnostic::error(Message::OfficeTooLarge {
                    part: path.display().to_string(),
                    megabytes: (FILE_LIMIT >> 20) as usize,
                })
                .at(path));
            }
            let bytes = fs::read(path).map_err(|e| {
                Diagnostic::error(Message::ImportCannotRead {
                    detail: e.to_string(),
                })
                .at(path)
            })?;
            let beside = options
                .beside
                .clone()
                .or_else(|| path.parent().map(Path::to_path_buf));
            (path.to_path_buf(), bytes, beside)
        }
        DocxSource::Bytes { name, bytes } => {
            (PathBuf::from(name), bytes.to_vec(), options.beside.clone())
        }
    };
    let fail = |m: Message| Diagnostic::error(m).at(&label);
    match docx::sniff(&bytes) {
        FileKind::Docx => {}
        FileKind::OldOffice => {
            return Err(fail(Message::ImportOldFormat {}).help(Message::SaveAsDocxHelp {}));
        }
        FileKind::Rtf => return Err(fail(Message::ImportRtf {}).help(Message::SaveAsDocxHelp {})),
        FileKind::OpenDocument => {
            return Err(fail(Message::ImportOpenDocument {}).help(Message::SaveAsDocxHelp {}));
        }
        FileKind::OtherZip | FileKind::Other => {
            return Err(fail(Message::ImportNotDocx {}).help(Message::SaveAsDocxHelp {}));
        }
    }
    let document = docx::read_docx(&bytes).map_err(fail)?;

    let mut quiet = Report::new();
    let Some(config) = crate::build::load_config(site_root, None, &mut quiet) else {
        return Err(quiet
            .into_vec()
            .into_iter()
            .find(Diagnostic::is_error)
            .unwrap_or_else(|| {
                fail(Message::ImportCannotRead {
                    detail: "site.yaml".to_string(),
                })
            }));
    };
    let sources = crate::load::load_sources(site_root, &config.theme, &mut quiet);
    let parsed = crate::parse::parse_sources(&sources, &config, &mut quiet);

    let stem = label
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "page".to_string());
    let mut warnings: Vec<Diagnostic> = document
        .warnings
        .iter()
        .map(|m| Diagnostic::warning(m.clone()).at(&label))
        .collect();
    let pictures = pictures::convert_pictures(&document.media, &config.images);
    warnings.extend(
        pictures
            .warnings
            .iter()
            .map(|m| Diagnostic::warning(m.clone()).at(&label)),
    );

    let mut page = front::page_front(&document, &stem, options, &parsed, &config, site_root);
    warnings.extend(
        page.warnings
            .drain(..)
            .map(|m| Diagnostic::warning(m).at(&label)),
    );
    let attachments = match &beside {
        Some(dir) if options.kind == Kind::Disclosure => {
            front::find_attachments(dir, &page.gongwen.attachments)
        }
        _ => Vec::new(),
    };
    let missing: Vec<&String> = (page.gongwen.attachments.iter())
        .filter(|name| !attachments.iter().any(|a| &a.title == *name))
        .collect();
    if options.kind == Kind::Disclosure {
        for name in &missing {
            warnings.push(
                Diagnostic::warning(Message::ImportAttachmentMissing {
                    name: name.to_string(),
                })
                .at(&label),
            );
        }
    }
    let mut skip: BTreeSet<usize> = page.used.iter().copied().collect();
    if options.kind == Kind::Disclosure && missing.is_empty() {
        skip.extend(page.gongwen.attachment_blocks.iter().copied());
    }
    page.front.attachments = attachments
        .iter()
        .map(|a| (a.file.clone(), a.title.clone()))
        .collect();

    let mut converter = Converter::new(&document, &pictures.names);
    let body = converter.body(&skip);
    let counts = converter.counts.clone();

    // Where it goes.
    let section = match &options.section {
        Some(s) => s.trim_matches(['/', '\\']).replace('\\', "/"),
        None => (parsed.sections.iter())
            .filter(|s| s.kind == Some(options.kind))
            .map(|s| s.dir.to_string_lossy().replace('\\', "/"))
            .min()
            .unwrap_or_else(|| default_folder(options.kind).to_string()),
    };
    if section.is_empty()
        || section.split('/').any(|p| {
            p == ".." || p.is_empty() || p.contains(':') || crate::layout::is_ignored_name(p)
        })
    {
        return Err(Diagnostic::error(Message::SectionNotFolder { section }));
    }
    let mut slug = slugify(&page.front.title, config.slugs);
    if slug.is_empty() {
        slug = "page".to_string();
    }
    if options.kind == Kind::News {
        slug = format!("{}-{slug}", page.front.date);
    }
    let folder = site_root.join(CONTENT_DIR).join(&section);
    let bundle = folder.join(&slug);
    let rel_page = Path::new(CONTENT_DIR)
        .join(&section)
        .join(&slug)
        .join("index.md");
    for existing in [bundle.clone(), folder.join(format!("{slug}.md"))] {
        if existing.exists() {
            return Err(Diagnostic::error(Message::ImportPageExists {
                path: existing
                    .strip_prefix(site_root)
                    .unwrap_or(&existing)
                    .display()
                    .to_string(),
            })
            .at(&label)
            .help(Message::ImportPageExistsHelp {}));
        }
    }

    let text = format!("{}\n{}\n", page.front.to_yaml(options.kind), body);
    let mut files: Vec<(String, Vec<u8>)> = vec![("index.md".to_string(), text.into_bytes())];
    files.extend(pictures.files.iter().cloned());
    for a in &attachments {
        match fs::read(&a.source) {
            Ok(bytes) => files.push((a.file.clone(), bytes)),
            Err(e) => {
                return Err(fail(Message::ImportCannotRead {
                    detail: format!("{}: {e}", a.source.display()),
                }));
            }
        }
    }
    write_bundle(&folder, &bundle, &slug, &files).map_err(|e| {
        Diagnostic::error(Message::ImportWriteFailed {
            detail: e.to_string(),
        })
        .at(&label)
    })?;
    Ok(ImportReport {
        page: rel_page,
        front: page.front,
        counts,
        converted: pictures.converted,
        warnings,
    })
}

/// Writes into `<folder>/.nb-import-<slug>-<pid>/`, then renames it to
/// `bundle`; on any failure the temporary folder goes and nothing stays.
fn write_bundle(
    folder: &Path,
    bundle: &Path,
    slug: &str,
    files: &[(String, Vec<u8>)],
) -> std::io::Result<()> {
    fs::create_dir_all(folder)?;
    let temp = folder.join(format!(".nb-import-{slug}-{}", std::process::id()));
    let result = (|| {
        fs::create_dir(&temp)?;
        for (name, bytes) in files {
            // Names are ours (index.md, image-N.ext) or a plain file name read
            // from the folder beside the .docx: never a path.
            if name.contains(['/', '\\', ':']) || name.starts_with('.') {
                return Err(std::io::Error::other(format!("unsafe name {name}")));
            }
            fs::write(temp.join(name), bytes)?;
        }
        if bundle.exists() {
            return Err(std::io::Error::new(
                std::io::ErrorKind::AlreadyExists,
                bundle.display().to_string(),
            ));
        }
        fs::rename(&temp, bundle)
    })();
    if result.is_err() {
        let _ = fs::remove_dir_all(&temp);
    }
    result
}

/// The folder a kind's section usually has, when no `_index.md` claims the
/// kind (the same defaults as `noticeboard new`).
fn default_folder(kind: Kind) -> &'static str {
    match kind {
        Kind::News => "news",
        Kind::ModelWorker => "model-workers",
        Kind::Craftsman => "craftsmen",
        Kind::Campaign => "campaigns",
        Kind::Disclosure => "disclosures",
    }
}

/// The body's blocks, for `front` (a heading taken as the title).
fn first_heading(blocks: &[Block], used: &[usize]) -> Option<(usize, String)> {
    blocks.iter().enumerate().find_map(|(i, b)| match b {
        Block::Para(p)
            if !used.contains(&i)
                && (p.heading.is_some() || docx::gongwen::typed_heading(p).is_some()) =>
        {
            let t = p.text().trim().to_string();
            (!t.is_empty()).then_some((i, t))
        }
        _ => None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The desk's way in: bytes and a name, no file on disk.
    #[test]
    fn bytes_dropped_on_the_desk_become_a_bundle() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        fs::write(
            root.join("site.yaml"),
            "title: 测试\nbase_url: https://example.org/\n",
        )
        .unwrap();
        let bytes = include_bytes!("../../tests/office/corpus/wps-like.docx");
        let options = ImportOptions {
            section: None,
            kind: Kind::News,
            category: None,
            today: "2026-11-23".to_string(),
            beside: None,
        };
        let source = DocxSource::Bytes {
            name: "稿件.docx",
            bytes,
        };
        let done = import_docx(root, source, &options).unwrap();
        assert_eq!(done.front.title, "安康杯竞赛推进会召开");
        assert!(done.page.starts_with("content/news"));
        assert!(root.join(&done.page).is_file());
        assert!(done.warnings.iter().all(|w| !w.is_error()));
        // Again: refused, and the page stays as it was.
        let again = import_docx(root, source, &options).unwrap_err();
        assert!(matches!(*again.message, Message::ImportPageExists { .. }));
        // Not a .docx: refused with the name given.
        let bad = DocxSource::Bytes {
            name: "旧文件.doc",
            bytes: &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0],
        };
        let refused = import_docx(root, bad, &options).unwrap_err();
        assert!(matches!(*refused.message, Message::ImportOldFormat {}));
    }
}
