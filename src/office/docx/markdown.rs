//! A [`Document`]'s body as Markdown: headings (from styles, else guessed
//! from 公文 numbering), paragraphs with bold/italic/underline as inline HTML
//! (CommonMark's `**` does not close before a Chinese character after
//! punctuation), lists with their real numbers and restarts, tables as GFM
//! where GFM can say it and as HTML where cells are merged or hold more than
//! a line, pictures by their new names, notes as Markdown footnotes.

use std::collections::{BTreeMap, BTreeSet};

use crate::escape::escape_html;

use super::gongwen::typed_heading;
use super::numbering::Counter;
use super::{Block, Cell, Document, Inline, Para, Table};

/// How the body came through, for the import's report.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Counts {
    pub paragraphs: usize,
    pub headings: usize,
    /// Paragraphs read as headings from their typed numbering: `(level, text)`.
    pub guessed: Vec<(u8, String)>,
    pub tables: usize,
    pub pictures: usize,
}

pub struct Converter<'d> {
    doc: &'d Document,
    /// Picture part → file name in the bundle (missing: left out).
    pictures: &'d BTreeMap<String, String>,
    counter: Counter,
    notes: Vec<(bool, String)>,
    pub counts: Counts,
    /// The heading level the document's own top headings get (h2 when a
    /// page title sits above them).
    shift: u8,
}

impl<'d> Converter<'d> {
    pub fn new(doc: &'d Document, pictures: &'d BTreeMap<String, String>) -> Converter<'d> {
        Converter {
            doc,
            pictures,
            counter: Counter::default(),
            notes: Vec::new(),
            counts: Counts::default(),
            shift: 1,
        }
    }

    /// The body without the blocks in `skip`, footnotes at the end.
    pub fn body(&mut self, skip: &BTreeSet<usize>) -> String {
        let mut out = String::new();
        let mut in_list = false;
        for (i, block) in self.doc.blocks.iter().enumerate() {
            if skip.contains(&i) {
                continue;
            }
            match block {
                Block::Para(p) if p.list.is_some() && !p.text().trim().is_empty() => {
                    let (num_id, ilvl) = p.list.clone().unwrap_or_default();
                    let level = self.doc.numbering.level(&num_id, ilvl);
                    let Some(level) = level else {
                        self.paragraph(p, &mut out);
                        in_list = false;
                        continue;
                    };
                    let (n, restarted) = self.counter.next(&self.doc.numbering, &num_id, ilvl);
                    let new_list = !in_list || (restarted && ilvl == 0);
                    if new_list && in_list {
                        // Two lists in a row: a comment keeps Markdown from joining them.
                        out.push_str("<!-- -->\n\n");
                    } else if !in_list && !out.is_empty() && !out.ends_with("\n\n") {
                        out.push('\n');
                    }
                    let indent = "    ".repeat(usize::from(ilvl.min(8)));
                    let marker = if level.bullet {
                        "-".to_string()
                    } else {
                        format!("{n}.")
                    };
                    out.push_str(&format!("{indent}{marker} {}\n", self.inline_markdown(p)));
                    self.counts.paragraphs += 1;
                    in_list = true;
                }
                Block::Para(p) => {
                    if (p.text().trim().is_empty() && !p.has_pictures()) || p.toc {
                        continue;
                    }
                    if in_list {
                        out.push('\n');
                        in_list = false;
                    }
                    self.paragraph(p, &mut out);
                }
                Block::Table(t) => {
                    if in_list {
                        out.push('\n');
                        in_list = false;
                    }
                    self.counts.tables += 1;
                    out.push_str(&self.table(t));
                    out.push_str("\n\n");
                }
            }
        }
        let notes = std::mem::take(&mut self.notes);
        if !notes.is_empty() {
            out.push('\n');
        }
        for (k, (endnote, id)) in notes.iter().enumerate() {
            let Some(note) = self
                .doc
                .notes
                .iter()
                .find(|n| n.endnote == *endnote && &n.id == id)
            else {
                continue;
            };
            let text: Vec<String> = note
                .blocks
                .iter()
                .filter_map(|b| match b {
                    Block::Para(p) => Some(self.inline_markdown(p)),
                    Block::Table(_) => None,
                })
                .filter(|t| !t.trim().is_empty())
                .collect();
            out.push_str(&format!("[^{}]: {}\n", k + 1, text.join(" ").trim()));
        }
        while out.ends_with("\n\n") {
            out.pop();
        }
        out
    }

    fn paragraph(&mut self, p: &Para, out: &mut String) {
        let level = p.heading.map(|h| (h + self.shift).min(6)).or_else(|| {
            let level = typed_heading(p)?;
            self.counts
                .guessed
                .push((level, p.text().trim().to_string()));
            Some(level)
        });
        if let Some(level) = level {
            let text = escape_markdown(p.text().replace('\n', " ").trim(), true);
            if !text.is_empty() {
                self.counts.headings += 1;
                out.push_str(&format!("{} {text}\n\n", "#".repeat(usize::from(level))));
                return;
            }
        }
        self.counts.paragraphs += 1;
        out.push_str(&self.inline_markdown(p));
        out.push_str("\n\n");
    }

    /// A paragraph's text as Markdown on one line.
    fn inline_markdown(&mut self, p: &Para) -> String {
        let text = self.inlines(&p.inlines, false);
        // A line that starts like a block (`#`, `>`, `-`, `1.`) is escaped.
        let trimmed = text.trim_start();
        match trimmed.chars().next() {
            Some('#' | '>' | '-' | '+' | '=') => format!("\\{trimmed}"),
            Some(c) if c.is_ascii_digit() => {
                let digits = trimmed.bytes().take_while(u8::is_ascii_digit).count();
                match trimmed.as_bytes().get(digits) {
                    Some(b'.' | b')') => format!("{}\\{}", &trimmed[..digits], &trimmed[digits..]),
                    _ => trimmed.to_string(),
                }
            }
            _ => trimmed.to_string(),
        }
    }

    /// Runs as Markdown (or, with `html`, as HTML for a table cell).
    fn inlines(&mut self, inlines: &[Inline], html: bool) -> String {
        let mut out = String::new();
        let mut open_link: Option<String> = None;
        for inline in inlines {
            let link = match inline {
                Inline::Text { link, .. } => link.clone(),
                _ => None,
            };
            if open_link != link {
                if open_link.is_some() {
                    out.push_str("</a>");
                }
                if let Some(url) = &link {
                    out.push_str(&format!("<a href=\"{}\">", escape_html(url)));
                }
                open_link = link;
            }
            match inline {
                Inline::Text { text, format, .. } => {
                    let body = if html {
                        escape_html(text)
                    } else {
                        escape_markdown(text, false)
                    };
                    let mut piece = body;
                    for (on, tag) in [
                        (format.sup, "sup"),
                        (format.sub, "sub"),
                        (format.strike, "s"),
                        (format.underline, "u"),
                        (format.italic, "em"),
                        (format.bold, "strong"),
                    ] {
                        if on && !text.trim().is_empty() {
                            piece = format!("<{tag}>{piece}</{tag}>");
                        }
                    }
                    out.push_str(&piece);
                }
                Inline::Break => out.push_str("<br>"),
                Inline::Picture { part, alt } => {
                    let Some(name) = part.as_ref().and_then(|p| self.pictures.get(p)) else {
                        continue;
                    };
                    self.counts.pictures += 1;
                    if html {
                        out.push_str(&format!(
                            "<img src=\"{}\" alt=\"{}\">",
                            escape_html(name),
                            escape_html(alt)
                        ));
                    } else {
                        out.push_str(&format!("![{}]({name})", escape_markdown(alt, false)));
                    }
                }
                Inline::Note { endnote, id } => {
                    let key = (*endnote, id.clone());
                    let n = match self.notes.iter().position(|k| *k == key) {
                        Some(n) => n + 1,
                        None => {
                            self.notes.push(key);
                            self.notes.len()
                        }
                    };
                    out.push_str(&format!("[^{n}]"));
                }
            }
        }
        if open_link.is_some() {
            out.push_str("</a>");
        }
        // Adjacent runs of one format, written separately by Word, rejoin.
        for tag in ["strong", "em", "u"] {
            out = out.replace(&format!("</{tag}><{tag}>"), "");
        }
        out
    }

    fn table(&mut self, t: &Table) -> String {
        let simple = t.rows.len() > 1
            && t.rows.iter().all(|r| {
                r.iter().all(|c| {
                    c.span == 1
                        && c.vmerge.is_none()
                        && c.blocks.iter().filter(|b| is_content(b)).count() <= 1
                        && c.blocks
                            .iter()
                            .all(|b| matches!(b, Block::Para(p) if p.list.is_none()))
                })
            })
            && t.rows.iter().all(|r| r.len() == t.rows[0].len());
        if simple {
            self.gfm_table(t)
        } else {
            self.html_table(t)
        }
    }

    fn cell_text(&mut self, cell: &Cell, html: bool) -> String {
        let mut parts = Vec::new();
        for b in &cell.blocks {
            match b {
                Block::Para(p) => {
                    let text = self.inlines(&p.inlines, html);
                    if !text.trim().is_empty() {
                        parts.push(text.trim().to_string());
                    }
                }
                Block::Table(inner) => {
                    self.counts.tables += 1;
                    parts.push(self.html_table(inner));
                }
            }
        }
        parts.join("<br>")
    }

    fn gfm_table(&mut self, t: &Table) -> String {
        let mut lines = Vec::new();
        for (r, row) in t.rows.iter().enumerate() {
            let cells: Vec<String> = row
                .iter()
                .map(|c| self.cell_text(c, false).replace('|', "\\|"))
                .collect();
            lines.push(format!("| {} |", cells.join(" | ")));
            if r == 0 {
                lines.push(format!("|{}", "---|".repeat(row.len())));
            }
        }
        lines.join("\n")
    }

    /// Merged cells as colspan/rowspan; the first row as column headers.
    fn html_table(&mut self, t: &Table) -> String {
        // Grid column of each cell, to find what a vertical merge continues.
        let mut grid: Vec<Vec<(usize, &Cell)>> = Vec::new();
        for row in &t.rows {
            let mut col = 0;
            let mut placed = Vec::new();
            for cell in row {
                placed.push((col, cell));
                col += cell.span;
            }
            grid.push(placed);
        }
        let rowspan = |r: usize, col: usize| -> usize {
            let mut n = 1;
            for later in grid.iter().skip(r + 1) {
                match later.iter().find(|(c, _)| *c == col) {
                    Some((_, cell)) if cell.vmerge == Some(false) => n += 1,
                    _ => break,
                }
            }
            n
        };
        let mut out = String::from("<table>\n");
        for (r, row) in grid.iter().enumerate() {
            out.push_str("<tr>");
            for (col, cell) in row {
                if cell.vmerge == Some(false) {
                    continue;
                }
                let tag = if r == 0 { "th" } else { "td" };
                let mut attrs = String::new();
                if r == 0 {
                    attrs.push_str(" scope=\"col\"");
                }
                if cell.span > 1 {
                    attrs.push_str(&format!(" colspan=\"{}\"", cell.span));
                }
                let down = if cell.vmerge == Some(true) {
                    rowspan(r, *col)
                } else {
                    1
                };
                if down > 1 {
                    attrs.push_str(&format!(" rowspan=\"{down}\""));
                }
                let text = self.cell_text(cell, true);
                out.push_str(&format!("<{tag}{attrs}>{text}</{tag}>"));
            }
            out.push_str("</tr>\n");
        }
        out.push_str("</table>");
        out
    }
}

fn is_content(b: &Block) -> bool {
    match b {
        Block::Para(p) => !p.text().trim().is_empty() || p.has_pictures(),
        Block::Table(_) => true,
    }
}

/// Text safe in Markdown: the characters that start emphasis, links, code,
/// HTML or a shortcode (`{{`) are escaped.
pub fn escape_markdown(text: &str, heading: bool) -> String {
    let mut out = String::with_capacity(text.len());
    let mut previous = '\0';
    for c in text.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' => {
                out.push('\\');
                out.push(c);
            }
            '{' if previous == '{' => out.push_str("\\{"),
            '#' if heading => out.push_str("\\#"),
            '&' => out.push_str("&amp;"),
            '\n' => out.push(' '),
            c => out.push(c),
        }
        previous = c;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_specials_and_shortcodes_are_escaped() {
        assert_eq!(escape_markdown("a*b_c", false), "a\\*b\\_c");
        assert_eq!(escape_markdown("{{ x }}", false), "{\\{ x }}");
    }
}
