//! A fragment as WeChat's dark mode shows it, and the colours of every piece
//! of its text in both modes, for the preview and for the contrast check.
//!
//! The walk follows what the editor does to a pasted article: each element's
//! inline `background-color` is turned by [`dark_background`], its `color`
//! and border colours by [`dark_text`] against the background it ends up on;
//! an element with a background but no colour of its own gets its inherited
//! colour recomputed for that background.

use ego_tree::NodeRef;
use scraper::{Html, Node};

use super::colour::{DARK_PAGE, LIGHT_PAGE, Rgb, contrast, dark_background, dark_text};
use crate::escape::escape_html;

/// WeChat's light-mode text colour where an article sets none.
const LIGHT_TEXT: Rgb = Rgb::grey(25.0);

/// One run of text and the colours it is shown in.
#[derive(Debug, Clone, PartialEq)]
pub struct TextColours {
    pub text: String,
    pub light: (Rgb, Rgb),
    pub dark: (Rgb, Rgb),
}

impl TextColours {
    pub fn light_contrast(&self) -> f64 {
        contrast(self.light.0, self.light.1)
    }

    pub fn dark_contrast(&self) -> f64 {
        contrast(self.dark.0, self.dark.1)
    }
}

#[derive(Clone, Copy)]
struct Colours {
    light_text: Rgb,
    light_back: Rgb,
    dark_text: Rgb,
    dark_back: Rgb,
}

/// The fragment rewritten with its dark-mode colours, and every text's
/// colours in both modes.
pub fn darken(fragment: &str) -> (String, Vec<TextColours>) {
    let doc = Html::parse_fragment(fragment);
    let start = Colours {
        light_text: LIGHT_TEXT,
        light_back: LIGHT_PAGE,
        dark_text: dark_text(LIGHT_TEXT, DARK_PAGE),
        dark_back: DARK_PAGE,
    };
    let mut out = String::with_capacity(fragment.len());
    let mut texts = Vec::new();
    for child in doc.root_element().children() {
        walk(child, start, &mut out, &mut texts);
    }
    (out, texts)
}

/// Every text's colours, light and dark.
pub fn text_colours(fragment: &str) -> Vec<TextColours> {
    darken(fragment).1
}

const VOID: &[&str] = &["br", "hr", "img", "input", "meta", "link", "col", "wbr"];

fn walk(node: NodeRef<'_, Node>, mut c: Colours, out: &mut String, texts: &mut Vec<TextColours>) {
    match node.value() {
        Node::Text(t) => {
            out.push_str(&escape_html(t));
            if !t.trim().is_empty() {
                texts.push(TextColours {
                    text: t.trim().chars().take(24).collect(),
                    light: (c.light_text, c.light_back),
                    dark: (c.dark_text, c.dark_back),
                });
            }
        }
        Node::Element(e) => {
            let declarations: Vec<(String, String)> =
                e.attr("style").map(parse_style).unwrap_or_default();
            let back = declarations
                .iter()
                .find(|(k, _)| k == "background-color" || k == "background")
                .and_then(|(_, v)| Rgb::parse(v));
            let text = declarations
                .iter()
                .find(|(k, _)| k == "color")
                .and_then(|(_, v)| Rgb::parse(v));
            if let Some(back) = back {
                c.light_back = back;
                c.dark_back = dark_background(back);
                if text.is_none() {
                    c.dark_text = dark_text(c.light_text, c.dark_back);
                }
            }
            if let Some(text) = text {
                c.light_text = text;
                c.dark_text = dark_text(text, c.dark_back);
            }
            out.push('<');
            out.push_str(e.name());
            for (name, value) in e.attrs() {
                let value = if name == "style" {
                    dark_style(&declarations, c)
                } else {
                    value.to_string()
                };
                out.push_str(&format!(" {name}=\"{}\"", escape_html(&value)));
            }
            out.push('>');
            if VOID.contains(&e.name()) {
                return;
            }
            for child in node.children() {
                walk(child, c, out, texts);
            }
            out.push_str(&format!("</{}>", e.name()));
        }
        _ => {}
    }
}

/// `a:b;c:d` → `[(a, b), (c, d)]`, names lower-cased.
pub fn parse_style(style: &str) -> Vec<(String, String)> {
    style
        .split(';')
        .filter_map(|d| {
            let (k, v) = d.split_once(':')?;
            Some((k.trim().to_ascii_lowercase(), v.trim().to_string()))
        })
        .filter(|(k, _)| !k.is_empty())
        .collect()
}

fn dark_style(declarations: &[(String, String)], c: Colours) -> String {
    declarations
        .iter()
        .map(|(k, v)| {
            let v = match k.as_str() {
                "color" => c.dark_text.hex(),
                "background-color" | "background" => c.dark_back.hex(),
                k if k.starts_with("border") || k == "outline" => {
                    replace_colours(v, |colour| dark_text(colour, c.dark_back))
                }
                _ => v.clone(),
            };
            format!("{k}:{v}")
        })
        .collect::<Vec<_>>()
        .join(";")
}

/// Each `#hex` in a value passed through `f`.
fn replace_colours(value: &str, f: impl Fn(Rgb) -> Rgb) -> String {
    value
        .split(' ')
        .map(|word| match Rgb::parse(word) {
            Some(colour) if word.starts_with('#') => f(colour).hex(),
            _ => word.to_string(),
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colours_are_turned_and_inherited() {
        let html = "<section style=\"color:#1f1f1f\"><p>正文</p><section style=\"background-color:#ffffff;border-left:4px solid #a4161a\"><p>引用</p></section></section>";
        let (dark, texts) = darken(html);
        assert!(dark.contains("background-color:#191919"), "{dark}");
        assert_eq!(texts.len(), 2);
        for t in &texts {
            assert_eq!(t.light.0.hex(), "#1f1f1f");
            assert!(t.dark_contrast() > 4.5, "{t:?}");
        }
        assert!(!dark.contains("#ffffff"), "{dark}");
    }
}
