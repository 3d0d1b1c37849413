//! Markdown to HTML with comrak, the Chinese way.
//!
//! One call, [`render_markdown`], parses a page body once and returns everything
//! later stages need: the HTML, the summary, the table of contents, the plain
//! text and its word count. GFM extensions and CJK-friendly emphasis are on; a
//! soft line break between two CJK characters is removed (it would show as a
//! space); raw HTML is sanitized ([`sanitize`]); link and image URLs with unsafe
//! schemes are dropped. Every link is noted with its line ([`links`]), and a
//! link to a content file holds a marker until the render stage resolves it.
//! Shortcodes and URL resolution live elsewhere.

pub mod aside;
pub mod links;
pub mod sanitize;
pub mod shortcode;
pub mod store;
pub mod toc;

use comrak::nodes::{AstNode, NodeValue};
use comrak::options::Plugins;
use comrak::{Arena, Options, format_html_with_plugins, parse_document};

use crate::text::{WordCount, count_words, is_cjk, is_cjk_punctuation};
pub use links::BodyLink;
use sanitize::{Place, Sanitizer, is_safe_url};
use shortcode::{ShortcodeCall, ShortcodeError, extract_shortcodes, is_marker};
use toc::HeadingCollector;
pub use toc::TocEntry;

/// The marker that ends a hand-picked summary.
const MORE_MARKER: &str = "<!-- more -->";
/// Placed where the marker was so the rendered HTML can be split there.
const SPLIT_MARKER: &str = "<!--noticeboard:more-->";

#[derive(Debug, Clone, Default)]
pub struct RenderedMarkdown {
    /// The HTML, unless it was put aside ([`RenderedMarkdown::html`]).
    html: String,
    /// Where the HTML is when it was put aside.
    aside: Option<aside::Placed>,
    /// HTML before `<!-- more -->`, if the body has the marker.
    pub more_summary: Option<String>,
    /// The first paragraph as HTML, the summary of last resort.
    pub first_paragraph: Option<String>,
    pub toc: Vec<TocEntry>,
    /// Text without markup, blocks separated by newlines (search, word count).
    pub plain_text: String,
    pub word_count: WordCount,
    /// Shortcode calls, in order; the HTML holds a marker for each
    /// ([`shortcode::marker`]) until the render stage expands it.
    pub shortcodes: Vec<ShortcodeCall>,
    /// Unknown or malformed shortcodes, with their body lines.
    pub shortcode_errors: Vec<ShortcodeError>,
    /// Every link and picture, in order; a content link's marker
    /// ([`links::marker`]) is its index here.
    pub links: Vec<BodyLink>,
    /// Anchors the body's raw HTML sets (`id`, `<a name>`); headings' are in
    /// `toc`.
    pub ids: Vec<String>,
    /// The `src` of every `img` of the HTML, as written there (escaped):
    /// what the pictures stage and the ledger look at without the HTML.
    pub img_sources: Vec<String>,
}

impl RenderedMarkdown {
    /// The HTML, read back if it was put aside.
    pub fn html(&self) -> std::borrow::Cow<'_, str> {
        match &self.aside {
            Some(placed) => placed.text(),
            None => std::borrow::Cow::Borrowed(&self.html),
        }
    }

    /// Moves the HTML into `store`, keeping where it is.
    pub fn put_aside(&mut self, store: &std::sync::Arc<aside::Aside>) -> std::io::Result<()> {
        if self.aside.is_none() {
            self.aside = Some(store.put(&self.html)?);
            self.html = String::new();
        }
        Ok(())
    }

    /// Whether the HTML holds a content link's marker.
    pub fn has_content_links(&self) -> bool {
        self.links.iter().any(|l| l.content)
    }
}

fn comrak_options() -> Options<'static> {
    let mut options = Options::default();
    options.extension.strikethrough = true;
    options.extension.table = true;
    options.extension.autolink = true;
    options.extension.tasklist = true;
    options.extension.footnotes = true;
    options.extension.cjk_friendly_emphasis = true;
    // Raw HTML is let through comrak and cleaned by our own sanitizer, which keeps
    // what union pages need (tables, spans) and drops what is dangerous.
    options.render.r#unsafe = true;
    options
}

/// Renders a body with no shortcodes known (every call is an error).
pub fn render_markdown(body: &str) -> RenderedMarkdown {
    render_markdown_with(body, &|_| false)
}

/// Renders a body; `known` says which shortcode names have a template.
pub fn render_markdown_with(body: &str, known: &dyn Fn(&str) -> bool) -> RenderedMarkdown {
    let extracted = extract_shortcodes(body, known);
    let arena = Arena::new();
    let options = comrak_options();
    let root = parse_document(&arena, &extracted.text, &options);

    let Cleaned {
        has_more,
        links,
        ids,
    } = clean_tree(root);
    let first_paragraph = root
        .children()
        .find(|n| matches!(n.data().value, NodeValue::Paragraph))
        .map(|p| render_node(p, &options, &HeadingCollector::new()));

    let headings = HeadingCollector::new();
    let mut html = cell_alignment_as_classes(render_node(root, &options, &headings));
    let toc = headings.into_entries();

    let more_summary = if has_more {
        html.find(SPLIT_MARKER).map(|at| {
            let summary = html[..at].trim_end().to_string();
            html.replace_range(at..at + SPLIT_MARKER.len(), "");
            summary
        })
    } else {
        None
    };

    let plain_text = plain_text_of(root);
    let word_count = count_words(&plain_text);
    let img_sources = img_sources(&html);
    RenderedMarkdown {
        html,
        aside: None,
        more_summary,
        first_paragraph,
        toc,
        plain_text,
        word_count,
        shortcodes: extracted.calls,
        shortcode_errors: extracted.errors,
        links,
        ids,
        img_sources,
    }
}

/// The `src` of every `img` in `html` (comrak and the sanitizer both write
/// it as ` src="…"`), as written.
fn img_sources(html: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut rest = html;
    while let Some(at) = rest.find("<img") {
        rest = &rest[at + 4..];
        let tag = &rest[..rest.find('>').unwrap_or(rest.len())];
        let Some(value) = tag.find(" src=\"").map(|i| &tag[i + 6..]) else {
            continue;
        };
        found.push(value[..value.find('"').unwrap_or(value.len())].to_string());
    }
    found
}

/// comrak writes GFM column alignment as `align="…"`, which HTML5 made obsolete
/// (the Nu checker rejects it); the theme styles `align-left/center/right`
/// classes instead.
fn cell_alignment_as_classes(html: String) -> String {
    if !html.contains(" align=\"") {
        return html;
    }
    let mut out = html;
    for tag in ["td", "th"] {
        for side in ["left", "center", "right"] {
            out = out.replace(
                &format!("<{tag} align=\"{side}\">"),
                &format!("<{tag} class=\"align-{side}\">"),
            );
        }
    }
    out
}

fn render_node<'a>(
    node: &'a AstNode<'a>,
    options: &Options,
    headings: &HeadingCollector,
) -> String {
    let mut plugins = Plugins::default();
    plugins.render.heading_adapter = Some(headings);
    let mut html = String::new();
    // Writing into a String cannot fail.
    let _ = format_html_with_plugins(node, options, &mut html, &plugins);
    html
}

/// What cleaning the tree found.
struct Cleaned {
    /// It had a `<!-- more -->` marker.
    has_more: bool,
    links: Vec<BodyLink>,
    ids: Vec<String>,
}

/// Rewrites the tree in place before rendering: raw HTML sanitized, unsafe
/// URLs dropped, content links turned into markers, CJK line breaks joined.
fn clean_tree<'a>(root: &'a AstNode<'a>) -> Cleaned {
    let mut has_more = false;
    let mut sanitizer = Sanitizer::new();
    let mut soft_breaks = Vec::new();
    let mut dropped = Vec::new();
    let mut links: Vec<BodyLink> = Vec::new();
    let mut ids = Vec::new();
    for node in root.descendants() {
        let mut data = node.data_mut();
        let line = data.sourcepos.start.line;
        let image = matches!(data.value, NodeValue::Image(_));
        // Raw HTML's places, and its content links as markers.
        let mut on_place = |place: &Place<'_>| -> Option<String> {
            if matches!(place.name, "id" | "name") {
                ids.push(place.value.to_string());
                return None;
            }
            let written = links::written_url(place.value, links.len());
            links.push(BodyLink {
                url: place.value.to_string(),
                line: line + place.line,
                image: place.name == "src",
                content: written.is_some(),
            });
            written
        };
        match &mut data.value {
            NodeValue::HtmlBlock(block) if is_marker(&block.literal) => {}
            NodeValue::HtmlInline(raw) if is_marker(raw) => {}
            NodeValue::HtmlBlock(block) => {
                if !has_more && block.literal.trim() == MORE_MARKER {
                    has_more = true;
                    block.literal = SPLIT_MARKER.to_string();
                } else {
                    block.literal = sanitizer.clean_with(&block.literal, &mut on_place);
                }
            }
            NodeValue::HtmlInline(raw) => {
                *raw = sanitizer.clean_with(raw, &mut on_place);
            }
            NodeValue::Text(_) | NodeValue::Code(_) if sanitizer.is_dropping() => {
                dropped.push(node);
            }
            NodeValue::Link(link) | NodeValue::Image(link) if !is_safe_url(&link.url) => {
                link.url.clear();
            }
            NodeValue::Link(link) | NodeValue::Image(link) if !link.url.is_empty() => {
                let written = links::written_url(&link.url, links.len());
                links.push(BodyLink {
                    url: link.url.clone(),
                    line,
                    image,
                    content: written.is_some(),
                });
                if let Some(marker) = written {
                    link.url = marker;
                }
            }
            NodeValue::SoftBreak => soft_breaks.push(node),
            _ => {}
        }
    }
    for node in dropped {
        node.detach();
    }
    for node in soft_breaks {
        let before = node.previous_sibling().and_then(last_char);
        let after = node.next_sibling().and_then(first_char);
        if let (Some(b), Some(a)) = (before, after)
            && joins_without_space(b)
            && joins_without_space(a)
        {
            node.detach();
        }
    }
    Cleaned {
        has_more,
        links,
        ids,
    }
}

/// CJK characters and CJK punctuation glue to their neighbours across a line break.
fn joins_without_space(c: char) -> bool {
    is_cjk(c) || is_cjk_punctuation(c)
}

/// The last character of a node's text. Walks down last children in a loop, not
/// by recursion: a body of 100,000 `>` nests that deep and would overflow the stack.
fn last_char<'a>(node: &'a AstNode<'a>) -> Option<char> {
    let mut current = Some(node);
    while let Some(node) = current {
        match &node.data().value {
            NodeValue::Text(t) => return t.chars().last(),
            NodeValue::Code(c) => return c.literal.chars().last(),
            _ => {}
        }
        current = node.last_child();
    }
    None
}

/// The first character of a node's text (a loop, like [`last_char`]).
fn first_char<'a>(node: &'a AstNode<'a>) -> Option<char> {
    let mut current = Some(node);
    while let Some(node) = current {
        match &node.data().value {
            NodeValue::Text(t) => return t.chars().next(),
            NodeValue::Code(c) => return c.literal.chars().next(),
            _ => {}
        }
        current = node.first_child();
    }
    None
}

fn plain_text_of<'a>(root: &'a AstNode<'a>) -> String {
    let mut out = String::new();
    collect_plain(root, &mut out);
    out.trim().to_string()
}

/// Depth-first walk with an explicit stack (comrak's own renderer works the
/// same way): nesting depth in Markdown is unbounded and must not cost stack.
fn collect_plain<'a>(root: &'a AstNode<'a>, out: &mut String) {
    enum Step<'a> {
        Enter(&'a AstNode<'a>),
        Leave,
    }
    let mut stack = vec![Step::Enter(root)];
    while let Some(step) = stack.pop() {
        let node = match step {
            Step::Enter(node) => node,
            Step::Leave => {
                out.push('\n');
                continue;
            }
        };
        match &node.data().value {
            NodeValue::Text(t) => out.push_str(t),
            NodeValue::Code(c) => out.push_str(&c.literal),
            NodeValue::CodeBlock(c) => {
                out.push_str(&c.literal);
                out.push('\n');
            }
            NodeValue::SoftBreak | NodeValue::LineBreak => out.push(' '),
            _ => {}
        }
        if node.data().value.block() {
            stack.push(Step::Leave);
        }
        stack.extend(node.reverse_children().map(Step::Enter));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cjk_emphasis_next_to_punctuation() {
        let r = render_markdown("**工会通知：**请准时参加。**加粗**。");
        assert!(r.html.contains("<strong>工会通知：</strong>"), "{}", r.html);
        assert!(r.html.contains("<strong>加粗</strong>。"), "{}", r.html);
    }

    #[test]
    fn table_alignment_uses_classes_not_obsolete_attributes() {
        let r = render_markdown("| 项目 | 金额 |\n|:---|---:|\n| 慰问品 | 12.5 |\n");
        assert!(!r.html.contains(" align="), "{}", r.html);
        assert!(
            r.html.contains("<th class=\"align-left\">项目</th>"),
            "{}",
            r.html
        );
        assert!(
            r.html.contains("<td class=\"align-right\">12.5</td>"),
            "{}",
            r.html
        );
    }

    #[test]
    fn soft_break_between_cjk_disappears() {
        let r = render_markdown("职工代表\n大会召开\nand English\nwords");
        assert!(r.html.contains("职工代表大会召开"), "{}", r.html);
        assert!(r.html.contains("and English\nwords"), "{}", r.html);
        assert!(r.plain_text.contains("职工代表大会召开"));
    }

    #[test]
    fn gfm_extensions() {
        let r = render_markdown(
            "| a | b |\n|---|---|\n| 1 | 2 |\n\n~~删除~~\n\n- [x] 完成\n\n脚注[^1]\n\n[^1]: 注释\n\nhttps://example.org",
        );
        assert!(r.html.contains("<table>"));
        assert!(r.html.contains("<del>删除</del>"));
        assert!(r.html.contains("type=\"checkbox\""));
        assert!(r.html.contains("footnote"));
        assert!(r.html.contains("<a href=\"https://example.org\">"));
    }

    #[test]
    fn headings_get_anchors_and_toc() {
        let r = render_markdown("## 一、总体情况\n\n### （一）主要做法\n\n## 一、总体情况\n");
        assert!(
            r.html.contains("<h2 id=\"一-总体情况\">一、总体情况</h2>"),
            "{}",
            r.html
        );
        assert_eq!(r.toc.len(), 3);
        assert_eq!(r.toc[2].id, "一-总体情况-2");
        assert_eq!(r.toc[1].level, 3);
    }

    #[test]
    fn more_marker_splits_summary() {
        let r = render_markdown("第一段。\n\n第二段。\n\n<!-- more -->\n\n正文。");
        let summary = r.more_summary.unwrap();
        assert!(summary.contains("第二段"));
        assert!(!summary.contains("正文"));
        assert!(!r.html.contains("noticeboard:more"));
        assert!(r.html.contains("正文"));
    }

    #[test]
    fn first_paragraph_is_kept() {
        let r = render_markdown("## 标题\n\n开头一段。\n\n后文。");
        assert_eq!(r.first_paragraph.as_deref(), Some("<p>开头一段。</p>\n"));
    }

    #[test]
    fn hostile_html_and_links_are_neutralised() {
        let r = render_markdown(
            "<script>alert(1)</script>\n\n[x](javascript:alert(1)) <img src=x onerror=alert(1)>\n\n<div onclick=\"x\">内容</div>",
        );
        assert!(!r.html.contains("<script"), "{}", r.html);
        assert!(!r.html.contains("alert(1)"), "{}", r.html);
        assert!(!r.html.contains("onerror"), "{}", r.html);
        assert!(!r.html.contains("onclick"), "{}", r.html);
        assert!(r.html.contains("内容"));
    }

    /// comrak nests block quotes and emphasis without limit (it caps only lists
    /// at 100 and inline footnotes at 5) and walks its tree with a work stack; our
    /// own walks recursed and overflowed the stack at ~100,000 levels.
    #[test]
    fn deeply_nested_markdown_does_not_overflow_the_stack() {
        let body = format!(
            "{} 引用\n\n{}加粗{}\n\n# {}标题{}\n",
            ">".repeat(200_000),
            "*".repeat(100_000),
            "*".repeat(100_000),
            "_".repeat(50_000),
            "_".repeat(50_000),
        );
        // A small stack, so a recursion that slipped back in fails here and not
        // only on the 8 MB main thread.
        let rendered = std::thread::Builder::new()
            .stack_size(256 * 1024)
            .spawn(move || render_markdown(&body))
            .unwrap()
            .join()
            .expect("render_markdown overflowed the stack");
        assert!(rendered.plain_text.contains("引用"));
        assert!(rendered.plain_text.contains("加粗"));
    }

    #[test]
    fn word_count_of_body() {
        let r = render_markdown("# 标题\n\n安全生产，人人有责。Safety first.");
        assert_eq!(r.word_count.cjk, 10);
        assert_eq!(r.word_count.words, 2);
    }
}
