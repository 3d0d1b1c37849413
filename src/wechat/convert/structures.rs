//! The structures the editor breaks, written as it keeps them: lists as
//! paragraphs with their own markers, preformatted text with `&nbsp;` and
//! `<br>`, tables a phone's width, definition lists, and comrak's footnotes
//! gathered for the end.

use ego_tree::NodeRef;
use scraper::Node;

use super::{Converter, has_class, is_block, plain_text};
use crate::escape::escape_html;
use crate::wechat::style;

impl Converter<'_> {
    /// A list as paragraphs: WeChat's editor rewrites `li` (a bold label
    /// breaks onto its own line, a third level is flattened), so each item is
    /// a paragraph with its marker and a hanging indent for its level.
    pub(super) fn list(&mut self, node: NodeRef<'_, Node>, depth: usize, quote: usize) -> String {
        let ordered = node.value().as_element().is_some_and(|e| e.name() == "ol");
        let start = node
            .value()
            .as_element()
            .and_then(|e| e.attr("start"))
            .and_then(|s| s.parse::<usize>().ok())
            .unwrap_or(1);
        let mut out = String::new();
        let mut n = start;
        for item in node.children() {
            if item.value().as_element().is_none_or(|e| e.name() != "li") {
                continue;
            }
            // A task's box is its marker.
            let task = item
                .children()
                .filter_map(|c| c.value().as_element())
                .find(|e| e.name() == "input" && e.attr("type") == Some("checkbox"))
                .map(|e| {
                    if e.attr("checked").is_some() {
                        "☑"
                    } else {
                        "☐"
                    }
                });
            let marker = if let Some(task) = task {
                task.to_string()
            } else if ordered {
                style::ordered_marker(n, depth)
            } else {
                style::bullet(depth).to_string()
            };
            n += 1;
            out.push_str(&self.item(item, &marker, depth, quote));
        }
        out
    }

    pub(super) fn item(
        &mut self,
        item: NodeRef<'_, Node>,
        marker: &str,
        depth: usize,
        quote: usize,
    ) -> String {
        let mut out = String::new();
        let mut first = true;
        let mut run = String::new();
        let paragraph = |me: &mut Self, run: &mut String, out: &mut String, first: &mut bool| {
            if run.trim().is_empty() {
                run.clear();
                return;
            }
            let mark = if *first {
                format!(
                    "<span style=\"{}\">{}</span>",
                    style::marker(&me.ctx.palette),
                    escape_html(marker)
                )
            } else {
                String::new()
            };
            out.push_str(&format!(
                "<p style=\"{}\">{mark}{}</p>",
                style::list_paragraph(&me.ctx.palette, depth, quote, !*first),
                run.trim()
            ));
            *first = false;
            run.clear();
            out.extend(me.pending.drain(..));
        };
        for child in item.children() {
            let name = child.value().as_element().map(|e| e.name());
            match name {
                Some("ul" | "ol") => {
                    paragraph(self, &mut run, &mut out, &mut first);
                    out.push_str(&self.list(child, depth + 1, quote));
                }
                Some("p") => {
                    paragraph(self, &mut run, &mut out, &mut first);
                    run = self.inline_children(child);
                    paragraph(self, &mut run, &mut out, &mut first);
                }
                _ if is_block(child) => {
                    paragraph(self, &mut run, &mut out, &mut first);
                    out.push_str(&self.block(child, quote));
                }
                _ => run.push_str(&self.inline(child)),
            }
        }
        paragraph(self, &mut run, &mut out, &mut first);
        out
    }

    /// Spaces and line breaks kept as the editor keeps them: `&nbsp;` and
    /// `<br>` (it collapses both otherwise, `white-space` included).
    pub(super) fn preformatted(&mut self, node: NodeRef<'_, Node>) -> String {
        let text = plain_text(node);
        let text = text.strip_suffix('\n').unwrap_or(&text);
        let lines: Vec<String> = text
            .split('\n')
            .map(|line| {
                let line = line.trim_end_matches('\r').replace('\t', "    ");
                escape_html(&line).replace(' ', "&nbsp;")
            })
            .collect();
        format!(
            "<section style=\"{}\"><p style=\"{}\">{}</p></section>",
            style::pre_box(&self.ctx.palette),
            style::pre_text(&self.ctx.palette),
            lines.join("<br>")
        )
    }

    /// A table fitted to a phone: the screen's width, smaller type, cells
    /// that wrap (a number stays whole) rather than scroll.
    pub(super) fn table(&mut self, node: NodeRef<'_, Node>) -> String {
        let p = &self.ctx.palette;
        let mut rows = String::new();
        for row in node
            .descendants()
            .filter(|n| n.value().as_element().is_some_and(|e| e.name() == "tr"))
        {
            let mut cells = String::new();
            for cell in row.children() {
                let Some(e) = cell.value().as_element() else {
                    continue;
                };
                let header = match e.name() {
                    "th" => true,
                    "td" => false,
                    _ => continue,
                };
                let align = ["left", "center", "right"]
                    .into_iter()
                    .find(|a| has_class(cell, &format!("align-{a}")));
                let mut spans = String::new();
                for name in ["colspan", "rowspan"] {
                    if let Some(v) = e.attr(name).and_then(|v| v.trim().parse::<u16>().ok()) {
                        spans.push_str(&format!(" {name}=\"{v}\""));
                    }
                }
                let tag = if header { "th" } else { "td" };
                let inner = self.inline_children(cell);
                cells.push_str(&format!(
                    "<{tag}{spans} style=\"{}\">{}</{tag}>",
                    style::cell(&self.ctx.palette, header, align),
                    inner.trim()
                ));
            }
            rows.push_str(&format!("<tr>{cells}</tr>"));
        }
        let caption = node
            .children()
            .find(|n| {
                n.value()
                    .as_element()
                    .is_some_and(|e| e.name() == "caption")
            })
            .map(plain_text);
        let mut out = format!(
            "<section style=\"{}\"><table style=\"{}\"><tbody>{rows}</tbody></table>",
            style::table_box(),
            style::table(p)
        );
        if let Some(caption) = caption.filter(|c| !c.trim().is_empty()) {
            out.push_str(&format!(
                "<p style=\"{}\">{}</p>",
                style::caption(&self.ctx.palette),
                escape_html(caption.trim())
            ));
        }
        out.push_str("</section>");
        out.extend(self.pending.drain(..));
        out
    }

    pub(super) fn definitions(&mut self, node: NodeRef<'_, Node>, quote: usize) -> String {
        let mut out = String::new();
        for child in node.children() {
            match child.value().as_element().map(|e| e.name()) {
                Some("dt") => out.push_str(&format!(
                    "<p style=\"{}\"><strong style=\"{}\">{}</strong></p>",
                    style::paragraph(&self.ctx.palette, quote),
                    style::strong(&self.ctx.palette),
                    self.inline_children(child).trim()
                )),
                Some("dd") => out.push_str(&self.blocks(child, quote)),
                _ => {}
            }
        }
        out
    }

    /// comrak's footnote list: each item's text, its back link left out.
    pub(super) fn gather_footnotes(&mut self, node: NodeRef<'_, Node>) {
        let items: Vec<_> = node
            .descendants()
            .filter(|n| {
                n.value()
                    .as_element()
                    .is_some_and(|e| e.name() == "li" && e.attr("id").is_some())
            })
            .collect();
        for item in items {
            let mut text = String::new();
            for child in item.children() {
                let inner = match child.value().as_element().map(|e| e.name()) {
                    Some("p") => self.inline_children(child),
                    _ => self.inline(child),
                };
                if !inner.trim().is_empty() {
                    if !text.is_empty() {
                        text.push_str("<br>");
                    }
                    text.push_str(inner.trim());
                }
            }
            self.footnotes.push(text);
        }
    }
}
