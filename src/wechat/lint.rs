//! The 公众号 editor's rules, checked on a fragment: one problem per
//! violation, each a warning naming what broke it. `wechat` runs it on what
//! it writes; the tests run it on every demo page.
//!
//! The rules are what the editor is known to do to pasted HTML: it keeps only
//! inline styles (no `<style>`, classes, ids, `position`), refuses links to
//! anything but its own articles, re-fetches pictures from their address
//! (JPEG or PNG, not `data:`), rewrites list items, collapses spaces and line
//! breaks of preformatted text, and turns colours for dark mode, where a text
//! must stay readable.

use ego_tree::NodeRef;
use scraper::{Html, Node};

use super::dark::{parse_style, text_colours};
use super::links::is_wechat_article;
use crate::message::Message;

/// The contrast a text needs, light and dark (WCAG AA for body text).
pub const MIN_CONTRAST: f64 = 4.5;

const FORBIDDEN: &[&str] = &[
    "style", "script", "link", "svg", "iframe", "object", "embed", "form", "input", "button",
    "textarea", "select", "meta", "base", "video", "audio", "canvas", "math", "frame", "frameset",
    "template", "noscript",
];

/// Every rule the fragment breaks.
pub fn lint(fragment: &str) -> Vec<Message> {
    let doc = Html::parse_fragment(fragment);
    let mut problems = Vec::new();
    let top: Vec<_> = doc
        .root_element()
        .children()
        .filter(|n| match n.value() {
            Node::Text(t) => !t.trim().is_empty(),
            Node::Comment(_) => true,
            _ => true,
        })
        .collect();
    let root_ok = top.len() == 1
        && top[0]
            .value()
            .as_element()
            .is_some_and(|e| e.name() == "section" && e.attr("style").is_some());
    if !root_ok {
        problems.push(Message::WechatLintRoot {});
    }
    for node in doc.root_element().descendants().skip(1) {
        check_node(node, &mut problems);
    }
    for t in text_colours(fragment) {
        let light = t.light_contrast();
        if light < MIN_CONTRAST {
            problems.push(Message::WechatLintContrastLight {
                text: t.text.clone(),
                ratio: format!("{light:.2}"),
            });
        }
        let dark = t.dark_contrast();
        if dark < MIN_CONTRAST {
            problems.push(Message::WechatLintContrastDark {
                text: t.text.clone(),
                ratio: format!("{dark:.2}"),
            });
        }
    }
    problems
}

fn check_node(node: NodeRef<'_, Node>, problems: &mut Vec<Message>) {
    let e = match node.value() {
        Node::Element(e) => e,
        Node::Comment(_) => {
            problems.push(Message::WechatLintElement {
                name: "<!-- -->".to_string(),
            });
            return;
        }
        _ => return,
    };
    let name = e.name();
    if FORBIDDEN.contains(&name) {
        problems.push(Message::WechatLintElement {
            name: format!("<{name}>"),
        });
    }
    if matches!(name, "ul" | "ol" | "li") {
        problems.push(Message::WechatLintList {
            name: format!("<{name}>"),
        });
    }
    if name == "pre" {
        problems.push(Message::WechatLintPre {});
    }
    for (attr, value) in e.attrs() {
        let attr_lower = attr.to_ascii_lowercase();
        if attr_lower == "class"
            || attr_lower == "id"
            || attr_lower.starts_with("on")
            || attr_lower.starts_with("data-")
        {
            problems.push(Message::WechatLintAttribute {
                name: attr.to_string(),
                element: format!("<{name}>"),
            });
        }
        if value.trim().to_ascii_lowercase().starts_with("data:")
            || value.to_ascii_lowercase().contains("url(data:")
        {
            problems.push(Message::WechatLintDataUri {
                element: format!("<{name}>"),
            });
        }
    }
    if let Some(style) = e.attr("style") {
        for (property, value) in parse_style(style) {
            if property == "position" {
                problems.push(Message::WechatLintPosition {
                    element: format!("<{name}>"),
                });
            }
            if property == "white-space" && value.starts_with("pre") {
                problems.push(Message::WechatLintPre {});
            }
        }
    }
    match name {
        "a" => {
            let href = e.attr("href").unwrap_or("");
            if !is_wechat_article(href) {
                problems.push(Message::WechatLintLink {
                    url: href.to_string(),
                });
            }
        }
        "img" => {
            let src = e.attr("src").unwrap_or("");
            let lower = src.to_ascii_lowercase();
            let path = lower.split(['?', '#']).next().unwrap_or("");
            let absolute = lower.starts_with("https://") || lower.starts_with("http://");
            let format = [".jpg", ".jpeg", ".png"].iter().any(|x| path.ends_with(x));
            if !absolute || !format {
                problems.push(Message::WechatLintPicture {
                    url: src.to_string(),
                });
            }
        }
        "table" => {
            let full = e.attr("style").is_some_and(|s| {
                parse_style(s)
                    .iter()
                    .any(|(k, v)| k == "width" && v == "100%")
            });
            if !full {
                problems.push(Message::WechatLintTable {});
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_clean_fragment_passes() {
        let html = "<section style=\"color:#1f1f1f\"><p style=\"color:#1f1f1f\">正文<sup>[1]</sup></p><a href=\"https://mp.weixin.qq.com/s/x\" style=\"color:#8b1216\">往期</a><img src=\"https://gh.example.cn/a.wechat.jpg\" alt=\"\"></section>";
        assert_eq!(lint(html), Vec::<Message>::new());
    }

    #[test]
    fn a_red_readable_on_white_but_not_in_dark_mode_is_reported() {
        // #a4161a keeps 7:1 on white; WeChat's dark mode lifts it to a red
        // that keeps under 4.5:1 on its dark page.
        let html = "<section style=\"color:#a4161a\"><p>标题</p></section>";
        let codes: Vec<&str> = lint(html).iter().map(|m| m.code()).collect();
        assert_eq!(codes, ["W1351"]);
    }

    #[test]
    fn every_rule_is_reported() {
        let html = "<section><style>p{}</style><p class=\"x\" id=\"y\" style=\"position:absolute\">a</p>\
<ul><li>b</li></ul><pre>c</pre><a href=\"https://example.org/\">d</a>\
<img src=\"data:image/png;base64,xx\"><img src=\"/a.gif\"><table><tr><td>e</td></tr></table>\
<svg></svg><p style=\"color:#777777\">f</p></section>";
        let codes: Vec<&str> = lint(html).iter().map(|m| m.code()).collect();
        for code in [
            "W1340", "W1341", "W1342", "W1343", "W1344", "W1345", "W1346", "W1347", "W1348",
            "W1349", "W1350",
        ] {
            assert!(codes.contains(&code), "{code} missing from {codes:?}");
        }
        assert!(
            !lint("<section style=\"x:y\"></section><p>two roots</p>").is_empty(),
            "two roots"
        );
    }
}
