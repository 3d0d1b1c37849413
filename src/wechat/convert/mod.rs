//! A page body's HTML (as rendered, shortcodes expanded) walked as a tree and
//! written again as the 公众号 editor keeps it: only our own elements, every
//! one with inline styles, lists as paragraphs with their own markers, links
//! as numbered notes, pictures as their WeChat copies, footnotes gathered.
//!
//! Nothing of the input's attributes passes but table spans, a kept link's
//! `href`, a picture's `alt`; everything else the output has is written here.

use std::collections::BTreeMap;

use ego_tree::NodeRef;
use scraper::{Html, Node};

mod structures;

use super::Context;
use super::style;
use crate::escape::escape_html;
use crate::message::Message;

/// What a body became: its HTML and what it leaves for the end of the article.
#[derive(Debug, Default)]
pub struct Converted {
    /// Numbered notes, in order: `(url as shown, link text)`.
    pub links: Vec<(String, String)>,
    /// Footnotes (注释), in order, as HTML.
    pub footnotes: Vec<String>,
    pub problems: Vec<Message>,
}

/// The walk's state: notes found so far and footnotes by id.
pub struct Converter<'c> {
    ctx: &'c Context,
    links: Vec<(String, String)>,
    footnote_ids: BTreeMap<String, usize>,
    footnotes: Vec<String>,
    problems: Vec<Message>,
    /// Pictures met inside a paragraph of text, shown after it.
    pending: Vec<String>,
}

impl<'c> Converter<'c> {
    pub fn new(ctx: &'c Context) -> Converter<'c> {
        Converter {
            ctx,
            links: Vec::new(),
            footnote_ids: BTreeMap::new(),
            footnotes: Vec::new(),
            problems: Vec::new(),
            pending: Vec::new(),
        }
    }

    /// Converts one more piece of HTML (the body, a gallery…) with the notes
    /// numbered on from the pieces before.
    pub fn convert(&mut self, html: &str) -> String {
        let doc = Html::parse_fragment(html);
        let root = doc.root_element();
        self.number_footnotes(*root);
        self.blocks(*root, 0)
    }

    pub fn finish(self) -> Converted {
        Converted {
            links: self.links,
            footnotes: self.footnotes,
            problems: self.problems,
        }
    }

    /// A numbered note for `url` (the same URL keeps its number).
    pub fn note(&mut self, url: &str, text: &str) -> usize {
        if let Some(i) = self.links.iter().position(|(u, _)| u == url) {
            return i + 1;
        }
        self.links.push((url.to_string(), text.to_string()));
        self.links.len()
    }

    /// Footnotes are numbered by their place in comrak's list, which follows
    /// the first reference to each.
    fn number_footnotes(&mut self, root: NodeRef<'_, Node>) {
        for node in root.descendants() {
            if let Some(e) = node.value().as_element()
                && e.name() == "li"
                && let Some(id) = e.attr("id")
                && id.starts_with("fn-")
                && !self.footnote_ids.contains_key(id)
            {
                let n = self.footnote_ids.len() + 1;
                self.footnote_ids.insert(id.to_string(), n);
            }
        }
    }

    /// Children of `node` as blocks: runs of inline content become paragraphs.
    fn blocks(&mut self, node: NodeRef<'_, Node>, quote: usize) -> String {
        let mut out = String::new();
        let mut run = String::new();
        for child in node.children() {
            if is_block(child) {
                self.flush_run(&mut run, &mut out, quote);
                out.push_str(&self.block(child, quote));
            } else {
                run.push_str(&self.inline(child));
            }
        }
        self.flush_run(&mut run, &mut out, quote);
        out
    }

    fn flush_run(&mut self, run: &mut String, out: &mut String, quote: usize) {
        if !run.trim().is_empty() {
            out.push_str(&format!(
                "<p style=\"{}\">{}</p>",
                style::paragraph(&self.ctx.palette, quote),
                run.trim()
            ));
        }
        run.clear();
        for picture in self.pending.drain(..) {
            out.push_str(&picture);
        }
    }

    fn block(&mut self, node: NodeRef<'_, Node>, quote: usize) -> String {
        let Some(e) = node.value().as_element() else {
            return String::new();
        };
        let p = &self.ctx.palette;
        match e.name() {
            "p" => {
                let inner = self.inline_children(node);
                let mut out = if inner.trim().is_empty() {
                    String::new()
                } else {
                    format!(
                        "<p style=\"{}\">{}</p>",
                        style::paragraph(p, quote),
                        inner.trim()
                    )
                };
                out.extend(self.pending.drain(..));
                out
            }
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                let level = e.name()[1..].parse::<usize>().unwrap_or(2);
                let inner = self.inline_children(node);
                let tag = format!("h{}", level.clamp(2, 4));
                let mut out = format!(
                    "<{tag} style=\"{}\">{}</{tag}>",
                    style::heading(p, level),
                    inner.trim()
                );
                out.extend(self.pending.drain(..));
                out
            }
            "ul" | "ol" => self.list(node, 0, quote),
            "blockquote" => format!(
                "<section style=\"{}\">{}</section>",
                style::quote(p),
                self.blocks(node, quote + 1)
            ),
            "pre" => self.preformatted(node),
            "table" => self.table(node),
            "hr" => format!("<hr style=\"{}\">", style::rule(p)),
            "img" => self.picture(node, None),
            "figure" => self.figure(node, quote),
            "video" | "audio" => self.media(node),
            "section" if has_class(node, "footnotes") => {
                self.gather_footnotes(node);
                String::new()
            }
            "dl" => self.definitions(node, quote),
            "script" | "style" | "template" | "svg" | "iframe" | "object" | "embed"
            | "noscript" | "head" | "link" | "meta" => String::new(),
            _ => self.blocks(node, quote),
        }
    }

    fn inline_children(&mut self, node: NodeRef<'_, Node>) -> String {
        node.children().map(|c| self.inline(c)).collect()
    }

    fn inline(&mut self, node: NodeRef<'_, Node>) -> String {
        match node.value() {
            Node::Text(t) => escape_html(&t.replace(['\n', '\r'], " ")),
            Node::Element(e) => {
                let p = &self.ctx.palette;
                match e.name() {
                    "strong" | "b" => format!(
                        "<strong style=\"{}\">{}</strong>",
                        style::strong(p),
                        self.inline_children(node)
                    ),
                    "em" | "i" | "cite" | "dfn" => {
                        format!("<em>{}</em>", self.inline_children(node))
                    }
                    "del" | "s" | "strike" => {
                        format!("<del>{}</del>", self.inline_children(node))
                    }
                    "code" | "kbd" | "samp" => format!(
                        "<span style=\"{}\">{}</span>",
                        style::code(p),
                        self.inline_children(node)
                    ),
                    "sup" if has_class(node, "footnote-ref") => self.inline_children(node),
                    "sup" | "sub" => {
                        let tag = e.name();
                        format!("<{tag}>{}</{tag}>", self.inline_children(node))
                    }
                    "br" => "<br>".to_string(),
                    "a" => self.link(node),
                    "img" => {
                        let picture = self.picture(node, None);
                        self.pending.push(picture);
                        String::new()
                    }
                    // A task's box: its item's marker (see `list`).
                    "input" => String::new(),
                    "video" | "audio" => {
                        let block = self.media(node);
                        self.pending.push(block);
                        String::new()
                    }
                    "script" | "style" | "template" | "svg" | "iframe" | "object" | "embed"
                    | "noscript" => String::new(),
                    _ if is_block(node) => {
                        // A block inside inline text (a list in a cell): its
                        // text, with line breaks where its blocks were.
                        let inner = self.blocks(node, 0);
                        inline_text_of_blocks(&inner)
                    }
                    _ => self.inline_children(node),
                }
            }
            _ => String::new(),
        }
    }

    fn link(&mut self, node: NodeRef<'_, Node>) -> String {
        let Some(e) = node.value().as_element() else {
            return String::new();
        };
        let href = e.attr("href").unwrap_or("").trim().to_string();
        let p = &self.ctx.palette;
        if e.attr("data-footnote-backref").is_some() || has_class(node, "footnote-backref") {
            return String::new();
        }
        if e.attr("data-footnote-ref").is_some() {
            let id = href.trim_start_matches('#');
            return match self.footnote_ids.get(id) {
                Some(n) => format!(
                    "<sup style=\"{}\">{}</sup>",
                    style::note_mark(p),
                    escape_html(&self.ctx.words.footnote_mark(*n))
                ),
                None => String::new(),
            };
        }
        let text = self.inline_children(node);
        // A picture that links to its large size is the picture alone.
        if only_pictures(node) {
            return text;
        }
        if href.is_empty() || href.starts_with('#') {
            return text;
        }
        let Some(url) = self.ctx.urls.absolute(&href) else {
            return text;
        };
        if super::links::is_wechat_article(&url) {
            return format!(
                "<a href=\"{}\" style=\"{}\">{}</a>",
                escape_html(&url),
                style::kept_link(p),
                text
            );
        }
        let shown = super::links::shown_url(&url);
        let plain = plain_text(node);
        let n = self.note(&shown, plain.trim());
        format!("{text}<sup style=\"{}\">[{n}]</sup>", style::note_mark(p))
    }

    /// One picture as a block: its WeChat copy, centred, with its caption.
    fn picture(&mut self, node: NodeRef<'_, Node>, caption: Option<&str>) -> String {
        let Some(e) = node.value().as_element() else {
            return String::new();
        };
        let src = e.attr("src").unwrap_or("");
        let alt = e.attr("alt").unwrap_or("").trim();
        let Some(url) = self.ctx.urls.absolute(src) else {
            return String::new();
        };
        let src = match self.ctx.pictures.wechat_url(&url) {
            Some(copy) => copy,
            None => {
                self.problems
                    .push(Message::WechatPictureNotCopied { url: url.clone() });
                url
            }
        };
        let p = &self.ctx.palette;
        let caption = caption.map(str::trim).filter(|c| !c.is_empty());
        let alt = if alt.is_empty() {
            caption.unwrap_or("")
        } else {
            alt
        };
        let mut out = format!(
            "<section style=\"{}\"><img src=\"{}\" alt=\"{}\" style=\"{}\">",
            style::picture_box(),
            escape_html(&crate::render::urls::encode_uri(&src)),
            escape_html(alt),
            style::picture()
        );
        if let Some(caption) = caption {
            out.push_str(&format!(
                "<p style=\"{}\">{}</p>",
                style::caption(p),
                escape_html(caption)
            ));
        }
        out.push_str("</section>");
        out
    }

    /// A figure (the `figure` shortcode, each picture of a gallery): its
    /// pictures with the caption under the last one; anything else in it as
    /// blocks.
    fn figure(&mut self, node: NodeRef<'_, Node>, quote: usize) -> String {
        if has_class(node, "video") {
            return self.media_in(node);
        }
        let caption = node
            .descendants()
            .find(|n| {
                n.value()
                    .as_element()
                    .is_some_and(|e| e.name() == "figcaption")
            })
            .map(plain_text);
        let images: Vec<NodeRef<'_, Node>> = node
            .descendants()
            .filter(|n| n.value().as_element().is_some_and(|e| e.name() == "img"))
            .collect();
        if images.is_empty() {
            return self.blocks(node, quote);
        }
        let last = images.len() - 1;
        images
            .into_iter()
            .enumerate()
            .map(|(i, img)| {
                let c = if i == last { caption.as_deref() } else { None };
                self.picture(img, c)
            })
            .collect()
    }

    /// A video or audio: WeChat takes neither from pasted HTML, so its
    /// address becomes a note.
    fn media(&mut self, node: NodeRef<'_, Node>) -> String {
        let Some(e) = node.value().as_element() else {
            return String::new();
        };
        let src = e.attr("src").map(str::to_string).or_else(|| {
            node.descendants()
                .filter_map(|n| n.value().as_element())
                .find_map(|s| s.attr("src").map(str::to_string))
        });
        let Some(url) = src.and_then(|s| self.ctx.urls.absolute(&s)) else {
            return String::new();
        };
        let label = self.ctx.words.video.clone();
        let n = self.note(&super::links::shown_url(&url), &label);
        format!(
            "<p style=\"{}\">{}<sup style=\"{}\">[{n}]</sup></p>",
            style::caption(&self.ctx.palette),
            escape_html(&label),
            style::note_mark(&self.ctx.palette)
        )
    }

    /// The video shortcode's figure: the video's note with its caption.
    fn media_in(&mut self, node: NodeRef<'_, Node>) -> String {
        let caption = node
            .descendants()
            .find(|n| {
                n.value()
                    .as_element()
                    .is_some_and(|e| e.name() == "figcaption")
            })
            .map(plain_text);
        let Some(video) = node.descendants().find(|n| {
            n.value()
                .as_element()
                .is_some_and(|e| matches!(e.name(), "video" | "audio"))
        }) else {
            return String::new();
        };
        let mut out = self.media(video);
        if let Some(caption) = caption.filter(|c| !c.trim().is_empty()) {
            out.push_str(&format!(
                "<p style=\"{}\">{}</p>",
                style::caption(&self.ctx.palette),
                escape_html(caption.trim())
            ));
        }
        out
    }
}

/// Elements that start a block of their own.
fn is_block(node: NodeRef<'_, Node>) -> bool {
    node.value().as_element().is_some_and(|e| {
        matches!(
            e.name(),
            "p" | "h1"
                | "h2"
                | "h3"
                | "h4"
                | "h5"
                | "h6"
                | "ul"
                | "ol"
                | "li"
                | "blockquote"
                | "pre"
                | "table"
                | "hr"
                | "figure"
                | "figcaption"
                | "div"
                | "section"
                | "article"
                | "aside"
                | "header"
                | "footer"
                | "nav"
                | "details"
                | "summary"
                | "dl"
                | "dt"
                | "dd"
                | "video"
                | "audio"
        )
    })
}

fn has_class(node: NodeRef<'_, Node>, class: &str) -> bool {
    node.value()
        .as_element()
        .and_then(|e| e.attr("class"))
        .is_some_and(|c| c.split_ascii_whitespace().any(|c| c == class))
}

/// A link holding nothing but pictures (and white space).
fn only_pictures(node: NodeRef<'_, Node>) -> bool {
    let mut any = false;
    for d in node.descendants().skip(1) {
        match d.value() {
            Node::Element(e) if e.name() == "img" => any = true,
            Node::Text(t) if !t.trim().is_empty() => return false,
            _ => {}
        }
    }
    any
}

pub fn plain_text(node: NodeRef<'_, Node>) -> String {
    node.descendants()
        .filter_map(|n| n.value().as_text().map(|t| t.to_string()))
        .collect()
}

/// Blocks made inline: their paragraphs' contents joined by line breaks.
fn inline_text_of_blocks(html: &str) -> String {
    let mut out = String::new();
    let mut rest = html;
    while let Some(start) = rest.find("<p style=\"") {
        let after = &rest[start..];
        let Some(open_end) = after.find('>') else {
            break;
        };
        let body = &after[open_end + 1..];
        let Some(close) = body.find("</p>") else {
            break;
        };
        if !out.is_empty() {
            out.push_str("<br>");
        }
        out.push_str(&body[..close]);
        rest = &body[close + 4..];
    }
    out
}
