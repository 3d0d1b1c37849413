//! A Word document (.docx) read into a small model of its own: paragraphs
//! with the formatting that matters for a web page (heading level from the
//! style, the run fonts, bold, centring), lists, tables with merged cells,
//! pictures, links, notes. Read tolerantly: what we do not understand is
//! skipped, what we drop or approximate is said as a warning; only a package
//! that cannot be opened, or XML that is broken, is an error.
//!
//! [`read_docx`] turns bytes into a [`Document`]; `markdown` and `gongwen`
//! turn that into a page. Writing files is `crate::import`'s business.

mod body;
pub mod gongwen;
pub mod markdown;
mod numbering;
mod styles;

use std::collections::BTreeMap;

use crate::message::Message;

use super::package::{Package, PackageError, resolve_target};
use super::xml::{self, Element};

pub use numbering::Numbering;
pub use styles::Styles;

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Format {
    pub bold: bool,
    pub italic: bool,
    pub underline: bool,
    pub strike: bool,
    pub sup: bool,
    pub sub: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Inline {
    Text {
        text: String,
        format: Format,
        /// The East Asian font (else the Latin one), as the run or its style says.
        font: Option<String>,
        /// Half-points, as Word stores it (二号 = 44).
        size: Option<u32>,
        red: bool,
        link: Option<String>,
    },
    Break,
    /// A picture: the package part holding it, or an external link (never fetched).
    Picture {
        part: Option<String>,
        alt: String,
    },
    Note {
        endnote: bool,
        id: String,
    },
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Para {
    pub style: Option<String>,
    /// 1 for `Heading 1` / `标题 1` / outline level 0.
    pub heading: Option<u8>,
    pub title_style: bool,
    /// A line of Word's own table of contents.
    pub toc: bool,
    /// `(numId, level)` from numbering.xml.
    pub list: Option<(String, u8)>,
    pub centered: bool,
    pub right: bool,
    pub inlines: Vec<Inline>,
}

impl Para {
    pub fn text(&self) -> String {
        let mut out = String::new();
        for i in &self.inlines {
            match i {
                Inline::Text { text, .. } => out.push_str(text),
                Inline::Break => out.push('\n'),
                _ => {}
            }
        }
        out
    }

    /// The largest font size of its text, in half-points.
    pub fn max_size(&self) -> Option<u32> {
        self.text_runs().filter_map(|(_, _, _, size, _)| size).max()
    }

    /// `(text, format, font, size, red)` of each non-blank text run.
    pub fn text_runs(
        &self,
    ) -> impl Iterator<Item = (&str, &Format, Option<&str>, Option<u32>, bool)> {
        self.inlines.iter().filter_map(|i| match i {
            Inline::Text {
                text,
                format,
                font,
                size,
                red,
                ..
            } if !text.trim().is_empty() => {
                Some((text.as_str(), format, font.as_deref(), *size, *red))
            }
            _ => None,
        })
    }

    pub fn has_pictures(&self) -> bool {
        self.inlines
            .iter()
            .any(|i| matches!(i, Inline::Picture { .. }))
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Cell {
    pub span: usize,
    /// `Some(true)` starts a vertical merge, `Some(false)` continues one.
    pub vmerge: Option<bool>,
    pub blocks: Vec<Block>,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Table {
    pub rows: Vec<Vec<Cell>>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    Para(Para),
    Table(Table),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Note {
    pub endnote: bool,
    pub id: String,
    pub blocks: Vec<Block>,
}

#[derive(Debug, Clone, Default)]
pub struct Document {
    pub blocks: Vec<Block>,
    pub notes: Vec<Note>,
    pub numbering: Numbering,
    /// Picture parts and their bytes, by part name.
    pub media: BTreeMap<String, Vec<u8>>,
    /// `dcterms:created` (else `modified`) from docProps/core.xml.
    pub created: Option<String>,
    /// What was dropped or approximated.
    pub warnings: Vec<Message>,
}

/// What kind of file the bytes are, by their first bytes and, for a zip, its
/// parts: only [`FileKind::Docx`] can be imported.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    Docx,
    /// Word 97–2003 .doc, WPS .wps, Excel .xls (OLE compound file).
    OldOffice,
    Rtf,
    OpenDocument,
    /// A zip that is no Word document (.xlsx, .pptx, any zip).
    OtherZip,
    Other,
}

pub fn sniff(bytes: &[u8]) -> FileKind {
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
        return FileKind::OldOffice;
    }
    if bytes.starts_with(b"{\\rtf") {
        return FileKind::Rtf;
    }
    if !bytes.starts_with(b"PK") {
        return FileKind::Other;
    }
    // An ODF package stores `mimetype` first, uncompressed, by rule.
    if bytes.len() > 60 && bytes[30..].starts_with(b"mimetype") {
        let head = &bytes[38..bytes.len().min(120)];
        if head.starts_with(b"application/vnd.oasis.opendocument") {
            return FileKind::OpenDocument;
        }
    }
    match Package::open(bytes) {
        Ok(p)
            if p.has("word/document.xml")
                || p.has("[Content_Types].xml")
                    && p.names().iter().any(|n| n.starts_with("word/")) =>
        {
            FileKind::Docx
        }
        Ok(p) if p.has("mimetype") && p.has("content.xml") => FileKind::OpenDocument,
        Ok(_) => FileKind::OtherZip,
        // A damaged zip that claims to be one: reading it says what is wrong.
        Err(_) => FileKind::Docx,
    }
}

/// Relationship targets of one part: id → (target part or URL, external).
#[derive(Debug, Clone, Default)]
pub struct Rels(BTreeMap<String, (String, bool)>);

impl Rels {
    fn read(package: &mut Package<'_>, part: &str) -> Result<Rels, Message> {
        let (folder, file) = part.rsplit_once('/').unwrap_or(("", part));
        let name = if folder.is_empty() {
            format!("_rels/{file}.rels")
        } else {
            format!("{folder}/_rels/{file}.rels")
        };
        let Some(text) = package.read_text(&name).map_err(|e| e.0)? else {
            return Ok(Rels::default());
        };
        let root = xml::parse(&name, &text)?;
        let mut map = BTreeMap::new();
        for r in root.elements().filter(|e| e.name == "Relationship") {
            let (Some(id), Some(target)) = (r.attr("Id"), r.attr("Target")) else {
                continue;
            };
            let external = r.attr("TargetMode") == Some("External");
            let target = if external {
                Some(target.to_string())
            } else {
                resolve_target(part, target)
            };
            if let Some(target) = target {
                map.insert(id.to_string(), (target, external));
            }
        }
        Ok(Rels(map))
    }

    pub fn get(&self, id: &str) -> Option<(&str, bool)> {
        self.0.get(id).map(|(t, e)| (t.as_str(), *e))
    }
}

fn part_root(package: &mut Package<'_>, name: &str) -> Result<Option<Element>, Message> {
    match package.read_text(name).map_err(|e: PackageError| e.0)? {
        Some(text) => xml::parse(name, &text).map(Some),
        None => Ok(None),
    }
}

/// Reads a .docx's bytes into a [`Document`].
pub fn read_docx(bytes: &[u8]) -> Result<Document, Message> {
    let mut package = Package::open(bytes).map_err(|e| e.0)?;
    let main = "word/document.xml";
    let root = part_root(&mut package, main)?.ok_or(Message::OfficeMissingPart {
        part: main.to_string(),
    })?;
    let styles = match part_root(&mut package, "word/styles.xml")? {
        Some(root) => Styles::from_xml(&root),
        None => Styles::default(),
    };
    let numbering = match part_root(&mut package, "word/numbering.xml")? {
        Some(root) => Numbering::from_xml(&root),
        None => Numbering::default(),
    };
    let rels = Rels::read(&mut package, main)?;
    let mut reader = body::Reader::new(&styles, &rels);
    let body_element = root.child("body").cloned().unwrap_or_default();
    let blocks = reader.blocks(&body_element);

    let mut notes = Vec::new();
    for (part, endnote, tag) in [
        ("word/footnotes.xml", false, "footnote"),
        ("word/endnotes.xml", true, "endnote"),
    ] {
        let wanted: Vec<String> = reader
            .note_refs
            .iter()
            .filter(|(e, _)| *e == endnote)
            .map(|(_, id)| id.clone())
            .collect();
        if wanted.is_empty() {
            continue;
        }
        let Some(root) = part_root(&mut package, part)? else {
            continue;
        };
        let note_rels = Rels::read(&mut package, part)?;
        let mut note_reader = body::Reader::new(&styles, &note_rels);
        for note in root.elements().filter(|e| e.name == tag) {
            let Some(id) = note.attr("w:id") else {
                continue;
            };
            if wanted.iter().any(|w| w == id) {
                let blocks = note_reader.blocks(note);
                notes.push(Note {
                    endnote,
                    id: id.to_string(),
                    blocks,
                });
            }
        }
        reader.absorb(note_reader);
    }

    let mut warnings = std::mem::take(&mut reader.warnings);
    if reader.insertions + reader.deletions > 0 {
        warnings.push(Message::OfficeTrackedChanges {
            count: reader.insertions + reader.deletions,
        });
    }
    let comments = match part_root(&mut package, "word/comments.xml")? {
        Some(root) => root.elements().filter(|e| e.name == "comment").count(),
        None => 0,
    };
    if comments > 0 {
        warnings.push(Message::OfficeCommentsDropped { count: comments });
    }

    let mut media = BTreeMap::new();
    for part in reader.pictures.clone() {
        if media.contains_key(&part) {
            continue;
        }
        match package.read(&part).map_err(|e| e.0)? {
            Some(bytes) => {
                media.insert(part, bytes);
            }
            None => warnings.push(Message::OfficePictureMissing { part }),
        }
    }

    let created = part_root(&mut package, "docProps/core.xml")?.and_then(|core| {
        ["created", "modified"]
            .iter()
            .find_map(|n| core.child(n).map(|e| e.text().trim().to_string()))
            .filter(|t| !t.is_empty())
    });

    Ok(Document {
        blocks,
        notes,
        numbering,
        media,
        created,
        warnings,
    })
}
