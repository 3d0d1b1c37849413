//! document.xml (and the notes' parts) into [`Block`]s: paragraphs and their
//! runs, tables, pictures, links, note references, text boxes. Tracked
//! insertions are kept and deletions dropped (the changes accepted, and
//! counted for a warning); of an `mc:AlternateContent` only one branch is
//! read (the first `mc:Choice`, else the `mc:Fallback`), since Word and WPS
//! write the same text box twice there.

use crate::message::Message;
use crate::office::xml::Element;

use super::styles::{Styles, font_of, is_center, size_of};
use super::{Block, Cell, Format, Inline, Para, Rels, Table};

/// Run properties as they apply to one run: the style's, then the run's own.
#[derive(Debug, Clone, Default)]
struct RunProps {
    format: Format,
    font: Option<String>,
    size: Option<u32>,
    red: bool,
}

pub struct Reader<'a> {
    styles: &'a Styles,
    rels: &'a Rels,
    pub warnings: Vec<Message>,
    /// Picture parts named, in order.
    pub pictures: Vec<String>,
    /// `(endnote, id)` of each note reference, in order.
    pub note_refs: Vec<(bool, String)>,
    pub insertions: usize,
    pub deletions: usize,
    /// Text boxes met inside the current paragraph: emitted after it.
    floating: Vec<Block>,
    depth: usize,
}

/// Text boxes in tables in text boxes…: deeper than this is not read.
const NESTING_LIMIT: usize = 32;

/// A field being read (`fldChar begin … separate … end`).
#[derive(Debug, Default)]
struct Field {
    instruction: String,
    in_result: bool,
}

#[derive(Debug, Default)]
struct ParaState {
    link: Option<String>,
    fields: Vec<Field>,
}

impl<'a> Reader<'a> {
    pub fn new(styles: &'a Styles, rels: &'a Rels) -> Reader<'a> {
        Reader {
            styles,
            rels,
            warnings: Vec::new(),
            pictures: Vec::new(),
            note_refs: Vec::new(),
            insertions: 0,
            deletions: 0,
            floating: Vec::new(),
            depth: 0,
        }
    }

    /// Takes what another reader (of a notes part) found.
    pub fn absorb(&mut self, other: Reader<'_>) {
        self.warnings.extend(other.warnings);
        self.pictures.extend(other.pictures);
        self.insertions += other.insertions;
        self.deletions += other.deletions;
    }

    /// The blocks of a container (body, cell, text box, note).
    pub fn blocks(&mut self, container: &Element) -> Vec<Block> {
        let mut out = Vec::new();
        if self.depth > NESTING_LIMIT {
            return out;
        }
        self.depth += 1;
        self.blocks_into(container, &mut out);
        self.depth -= 1;
        out
    }

    fn blocks_into(&mut self, container: &Element, out: &mut Vec<Block>) {
        for e in container.elements() {
            match e.name.as_str() {
                "p" => {
                    let para = self.paragraph(e);
                    out.push(Block::Para(para));
                    out.append(&mut self.floating);
                }
                "tbl" => out.push(Block::Table(self.table(e))),
                "sdt" => {
                    if let Some(content) = e.child("sdtContent") {
                        self.blocks_into(content, out);
                    }
                }
                "customXml" | "smartTag" | "sdtContent" | "moveTo" => self.blocks_into(e, out),
                "ins" => {
                    self.insertions += 1;
                    self.blocks_into(e, out);
                }
                "del" | "moveFrom" => self.deletions += 1,
                "AlternateContent" => {
                    if let Some(branch) = one_branch(e) {
                        self.blocks_into(branch, out);
                    }
                }
                _ => {}
            }
        }
    }

    fn table(&mut self, tbl: &Element) -> Table {
        let mut table = Table::default();
        for tr in tbl.elements().filter(|e| e.name == "tr") {
            let mut row = Vec::new();
            for tc in tr.elements().filter(|e| e.name == "tc") {
                let pr = tc.child("tcPr");
                let span = pr
                    .and_then(|p| p.child_val("gridSpan"))
                    .and_then(|v| v.parse::<usize>().ok())
                    .unwrap_or(1)
                    .clamp(1, 64);
                let vmerge = pr
                    .and_then(|p| p.child("vMerge"))
                    .map(|v| v.attr("w:val") == Some("restart"));
                let blocks = self.blocks(tc);
                row.push(Cell {
                    span,
                    vmerge,
                    blocks,
                });
            }
            table.rows.push(row);
        }
        table
    }

    fn paragraph(&mut self, p: &Element) -> Para {
        let ppr = p.child("pPr");
        let style = ppr.and_then(|p| p.child_val("pStyle")).map(str::to_string);
        let info = self.styles.resolve(style.as_deref());
        let own_num = ppr.and_then(|p| p.child("numPr")).map(|n| {
            let id = n.child_val("numId").unwrap_or("0").to_string();
            let level = n
                .child_val("ilvl")
                .and_then(|v| v.parse().ok())
                .unwrap_or(0);
            (id, level)
        });
        let list = own_num
            .or(info.num.clone())
            .filter(|(id, _)| id != "0" && !id.is_empty());
        let jc = ppr.and_then(|p| p.child_val("jc"));
        let outline = ppr
            .and_then(|p| p.child_val("outlineLvl"))
            .and_then(|v| v.parse::<u8>().ok())
            .filter(|o| *o < 9)
            .map(|o| o + 1);
        let base = RunProps {
            format: Format {
                bold: info.bold.unwrap_or(false),
                italic: info.italic.unwrap_or(false),
                ..Format::default()
            },
            font: info.font.clone(),
            size: info.size,
            red: false,
        };
        let mut para = Para {
            style,
            heading: outline.or(info.heading),
            title_style: info.title,
            toc: info.toc,
            list,
            centered: ppr.and_then(is_center).or(info.center).unwrap_or(false),
            right: matches!(jc, Some("right" | "end")),
            inlines: Vec::new(),
        };
        let mut state = ParaState::default();
        self.inlines(p, &base, &mut state, &mut para.inlines);
        para
    }

    fn inlines(
        &mut self,
        parent: &Element,
        base: &RunProps,
        state: &mut ParaState,
        out: &mut Vec<Inline>,
    ) {
        for e in parent.elements() {
            match e.name.as_str() {
                "r" => self.run(e, base, state, out),
                "hyperlink" => {
                    // A link to a bookmark (`w:anchor`) leads nowhere on the
                    // web page: its text stays, the link goes.
                    let target = e
                        .attr("r:id")
                        .and_then(|id| self.rels.get(id))
                        .filter(|(_, external)| *external)
                        .map(|(t, _)| t.to_string());
                    let outer = std::mem::replace(&mut state.link, target);
                    self.inlines(e, base, state, out);
                    state.link = outer;
                }
                "ins" | "moveTo" => {
                    self.insertions += 1;
                    self.inlines(e, base, state, out);
                }
                "del" | "moveFrom" => self.deletions += 1,
                "smartTag" | "customXml" | "fldSimple" | "sdtContent" | "bdo" | "dir" => {
                    self.inlines(e, base, state, out)
                }
                "sdt" => {
                    if let Some(c) = e.child("sdtContent") {
                        self.inlines(c, base, state, out);
                    }
                }
                "AlternateContent" => {
                    if let Some(branch) = one_branch(e) {
                        self.inlines(branch, base, state, out);
                    }
                }
                _ => {}
            }
        }
    }

    fn run(&mut self, r: &Element, base: &RunProps, state: &mut ParaState, out: &mut Vec<Inline>) {
        let mut props = base.clone();
        if let Some(rpr) = r.child("rPr") {
            if let Some(b) = rpr.toggle("b") {
                props.format.bold = b;
            }
            if let Some(i) = rpr.toggle("i") {
                props.format.italic = i;
            }
            if let Some(u) = rpr.child_val("u") {
                props.format.underline = u != "none";
            } else if rpr.child("u").is_some() {
                props.format.underline = true;
            }
            props.format.strike = rpr.toggle("strike").unwrap_or(false);
            match rpr.child_val("vertAlign") {
                Some("superscript") => props.format.sup = true,
                Some("subscript") => props.format.sub = true,
                _ => {}
            }
            if let Some(f) = font_of(rpr) {
                props.font = Some(f);
            }
            if let Some(s) = size_of(rpr) {
                props.size = Some(s);
            }
            props.red = rpr.child_val("color").is_some_and(is_red);
        }
        let link = state.link.clone();
        let mut text = String::new();
        let flush = |text: &mut String, out: &mut Vec<Inline>, state: &ParaState| {
            if text.is_empty() {
                return;
            }
            let field_link = state
                .fields
                .iter()
                .rev()
                .find_map(|f| hyperlink_of(&f.instruction));
            out.push(Inline::Text {
                text: std::mem::take(text),
                format: props.format.clone(),
                font: props.font.clone(),
                size: props.size,
                red: props.red,
                link: link.clone().or(field_link),
            });
        };
        for e in r.elements() {
            let in_instruction = state.fields.last().is_some_and(|f| !f.in_result);
            match e.name.as_str() {
                "t" if !in_instruction => text.push_str(&e.text()),
                "instrText" => {
                    if let Some(f) = state.fields.last_mut() {
                        f.instruction.push_str(&e.text());
                    }
                }
                "fldChar" => {
                    flush(&mut text, out, state);
                    match e.attr("w:fldCharType") {
                        Some("begin") => state.fields.push(Field::default()),
                        Some("separate") => {
                            if let Some(f) = state.fields.last_mut() {
                                f.in_result = true;
                            }
                        }
                        Some("end") => {
                            state.fields.pop();
                        }
                        _ => {}
                    }
                }
                "tab" | "ptab" if !in_instruction => text.push(' '),
                "br" | "cr" if !in_instruction => {
                    if e.attr("w:type")
                        .is_some_and(|t| t == "page" || t == "column")
                    {
                        continue;
                    }
                    flush(&mut text, out, state);
                    out.push(Inline::Break);
                }
                "noBreakHyphen" => text.push('-'),
                "sym" => {
                    if let Some(c) = e
                        .attr("w:char")
                        .and_then(|h| u32::from_str_radix(h, 16).ok())
                        .and_then(char::from_u32)
                        .filter(|c| !('\u{F000}'..='\u{F0FF}').contains(c))
                    {
                        text.push(c);
                    }
                }
                "footnoteReference" | "endnoteReference" => {
                    flush(&mut text, out, state);
                    let endnote = e.name == "endnoteReference";
                    if let Some(id) = e.attr("w:id") {
                        self.note_refs.push((endnote, id.to_string()));
                        out.push(Inline::Note {
                            endnote,
                            id: id.to_string(),
                        });
                    }
                }
                "drawing" | "pict" | "object" => {
                    flush(&mut text, out, state);
                    self.graphic(e, out);
                }
                "AlternateContent" => {
                    flush(&mut text, out, state);
                    if let Some(branch) = one_branch(e) {
                        for g in branch.elements() {
                            if matches!(g.name.as_str(), "drawing" | "pict" | "object") {
                                self.graphic(g, out);
                            }
                        }
                    }
                }
                _ => {}
            }
        }
        flush(&mut text, out, state);
    }

    /// A drawing, VML picture or object: its pictures inline, its text
    /// boxes' paragraphs as blocks after the paragraph.
    fn graphic(&mut self, g: &Element, out: &mut Vec<Inline>) {
        let mut boxes = Vec::new();
        g.find_all("txbxContent", &mut boxes);
        for content in boxes {
            let blocks = self.blocks(content);
            self.floating.extend(blocks);
        }
        let alt = {
            let mut props = Vec::new();
            g.find_all("docPr", &mut props);
            props
                .first()
                .and_then(|p| p.attr("descr").or(p.attr("title")))
                .unwrap_or("")
                .to_string()
        };
        let mut blips = Vec::new();
        g.find_all("blip", &mut blips);
        g.find_all("imagedata", &mut blips);
        for blip in blips {
            let embed = blip.attr("r:embed").or(blip.attr("r:id"));
            let linked = blip.attr("r:link");
            match (embed.and_then(|id| self.rels.get(id)), linked) {
                (Some((target, false)), _) => {
                    self.pictures.push(target.to_string());
                    out.push(Inline::Picture {
                        part: Some(target.to_string()),
                        alt: alt.clone(),
                    });
                }
                (Some((url, true)), _) => self.warnings.push(Message::OfficeExternalPicture {
                    target: url.to_string(),
                }),
                (None, Some(id)) => self.warnings.push(Message::OfficeExternalPicture {
                    target: self
                        .rels
                        .get(id)
                        .map(|(t, _)| t.to_string())
                        .unwrap_or_else(|| id.to_string()),
                }),
                (None, None) => {}
            }
        }
    }
}

/// `HYPERLINK "https://…"` → the URL.
fn hyperlink_of(instruction: &str) -> Option<String> {
    let rest = instruction.trim().strip_prefix("HYPERLINK")?.trim();
    if rest.starts_with("\\l") {
        return None;
    }
    let url = rest.trim_start_matches('"');
    let end = url.find('"').unwrap_or(url.len());
    let url = url[..end].trim();
    (!url.is_empty()).then(|| url.to_string())
}

/// Red as a red-header 公文 is printed: strong red, little green or blue.
fn is_red(hex: &str) -> bool {
    if hex.len() != 6 {
        return false;
    }
    let channel = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).unwrap_or(0);
    let (r, g, b) = (channel(0), channel(2), channel(4));
    r >= 0xC0 && g < 0x50 && b < 0x50
}

/// The one branch of an `mc:AlternateContent` we read.
fn one_branch(alternate: &Element) -> Option<&Element> {
    alternate
        .elements()
        .find(|e| e.name == "Choice")
        .or_else(|| alternate.elements().find(|e| e.name == "Fallback"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn field_hyperlinks_and_red() {
        assert_eq!(
            hyperlink_of(r#" HYPERLINK "https://example.org/a" \o "x""#).as_deref(),
            Some("https://example.org/a")
        );
        assert!(is_red("FF0000"));
        assert!(is_red("E60012"));
        assert!(!is_red("000000"));
    }
}
