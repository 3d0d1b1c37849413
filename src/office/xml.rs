//! A small tree of one XML part, read with quick-xml under limits: nesting
//! depth, number of elements, and an end that must come (an element left open
//! is an error, not a silent truncation). quick-xml expands no custom DTD
//! entities, so no entity bombs. Element names are kept without their prefix
//! (`w:p` → `p`); attributes keep theirs (`r:id`), since `w:id` and `r:id`
//! mean different things. Whitespace-only text is kept only inside the text
//! elements where Word means it (`w:t`, `w:delText`, `w:instrText`, cells).

use quick_xml::events::Event;

use crate::message::Message;

/// Deeper than any document Word writes (tables in text boxes in tables
/// reach about 60).
pub const DEPTH_LIMIT: usize = 256;
/// Elements in one part: a 100-page document has about 100,000; at the cap
/// the tree takes a few hundred MB, so memory stays bounded.
pub const ELEMENT_LIMIT: usize = 2_000_000;

#[derive(Debug, Clone, Default)]
pub struct Element {
    pub name: String,
    pub attrs: Vec<(String, String)>,
    pub children: Vec<Node>,
}

#[derive(Debug, Clone)]
pub enum Node {
    Element(Element),
    Text(String),
}

impl Element {
    /// The attribute with this qualified name (`w:val`), else any with this
    /// local name (`val`) when the name given has no prefix.
    pub fn attr(&self, name: &str) -> Option<&str> {
        if let Some((_, v)) = self.attrs.iter().find(|(k, _)| k == name) {
            return Some(v);
        }
        let local = name.rsplit(':').next().unwrap_or(name);
        self.attrs
            .iter()
            .find(|(k, _)| k.rsplit(':').next() == Some(local))
            .map(|(_, v)| v.as_str())
    }

    /// Children elements.
    pub fn elements(&self) -> impl Iterator<Item = &Element> {
        self.children.iter().filter_map(|n| match n {
            Node::Element(e) => Some(e),
            Node::Text(_) => None,
        })
    }

    pub fn child(&self, name: &str) -> Option<&Element> {
        self.elements().find(|e| e.name == name)
    }

    /// `<name w:val="…"/>`'s value under this element.
    pub fn child_val(&self, name: &str) -> Option<&str> {
        self.child(name).and_then(|e| e.attr("w:val"))
    }

    /// Whether a toggle property (`<w:b/>`, `<w:b w:val="0"/>`) is on.
    pub fn toggle(&self, name: &str) -> Option<bool> {
        self.child(name)
            .map(|e| !matches!(e.attr("w:val"), Some("0" | "false" | "off" | "none")))
    }

    /// Every descendant with this name, in document order, not looking inside a match.
    pub fn find_all<'e>(&'e self, name: &str, out: &mut Vec<&'e Element>) {
        for e in self.elements() {
            if e.name == name {
                out.push(e);
            } else {
                e.find_all(name, out);
            }
        }
    }

    /// All text below, in order.
    pub fn text(&self) -> String {
        let mut out = String::new();
        self.collect_text(&mut out);
        out
    }

    fn collect_text(&self, out: &mut String) {
        for n in &self.children {
            match n {
                Node::Text(t) => out.push_str(t),
                Node::Element(e) => e.collect_text(out),
            }
        }
    }
}

fn local(name: &str) -> String {
    match name.rsplit_once(':') {
        Some((_, l)) => l.to_string(),
        None => name.to_string(),
    }
}

const KEEPS_SPACE: &[&str] = &["t", "delText", "instrText", "v", "is"];

/// Parses a whole part into its root element.
pub fn parse(part: &str, text: &str) -> Result<Element, Message> {
    let broken = |detail: String| Message::OfficeXmlBroken {
        part: part.to_string(),
        detail,
    };
    let mut reader = quick_xml::Reader::from_str(text);
    let mut stack: Vec<Element> = vec![Element::default()];
    let mut count = 0usize;
    let open = |e: &quick_xml::events::BytesStart<'_>| -> Result<Element, Message> {
        let mut attrs = Vec::new();
        for a in e.attributes().with_checks(false) {
            let a = a.map_err(|e| broken(e.to_string()))?;
            let value = a
                .normalized_value(quick_xml::XmlVersion::Explicit1_0)
                .map_err(|e| broken(e.to_string()))?
                .into_owned();
            attrs.push((a.key.as_ref().to_string(), value));
        }
        Ok(Element {
            name: local(e.name().as_ref()),
            attrs,
            children: Vec::new(),
        })
    };
    loop {
        let event = reader
            .read_event()
            .map_err(|e| broken(format!("{e} (byte {})", reader.buffer_position())))?;
        match event {
            Event::Start(e) => {
                count += 1;
                if stack.len() > DEPTH_LIMIT {
                    return Err(Message::OfficeXmlTooDeep {
                        part: part.to_string(),
                        depth: DEPTH_LIMIT,
                    });
                }
                if count > ELEMENT_LIMIT {
                    return Err(Message::OfficeXmlTooBig {
                        part: part.to_string(),
                        count: ELEMENT_LIMIT,
                    });
                }
                stack.push(open(&e)?);
            }
            Event::Empty(e) => {
                count += 1;
                if count > ELEMENT_LIMIT {
                    return Err(Message::OfficeXmlTooBig {
                        part: part.to_string(),
                        count: ELEMENT_LIMIT,
                    });
                }
                let element = open(&e)?;
                if let Some(parent) = stack.last_mut() {
                    parent.children.push(Node::Element(element));
                }
            }
            Event::End(_) => {
                let done = stack.pop();
                match (done, stack.last_mut()) {
                    (Some(done), Some(parent)) => parent.children.push(Node::Element(done)),
                    _ => return Err(broken("unexpected end tag".to_string())),
                }
            }
            Event::Text(t) => push_text(&mut stack, &t.xml10_content()),
            Event::CData(t) => push_text(&mut stack, &t.xml10_content()),
            Event::GeneralRef(r) => {
                let name = r.into_inner();
                let ch = match name.as_ref() {
                    "amp" => Some('&'),
                    "lt" => Some('<'),
                    "gt" => Some('>'),
                    "quot" => Some('"'),
                    "apos" => Some('\''),
                    n => n
                        .strip_prefix("#x")
                        .and_then(|h| u32::from_str_radix(h, 16).ok())
                        .or_else(|| n.strip_prefix('#').and_then(|d| d.parse().ok()))
                        .and_then(char::from_u32),
                };
                if let Some(ch) = ch {
                    push_text(&mut stack, ch.encode_utf8(&mut [0; 4]));
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if stack.len() != 1 {
        return Err(Message::OfficeXmlUnfinished {
            part: part.to_string(),
        });
    }
    let root = stack.pop().unwrap_or_default();
    root.children
        .into_iter()
        .find_map(|n| match n {
            Node::Element(e) => Some(e),
            Node::Text(_) => None,
        })
        .ok_or_else(|| broken("no root element".to_string()))
}

fn push_text(stack: &mut [Element], text: &str) {
    let Some(parent) = stack.last_mut() else {
        return;
    };
    if text.trim().is_empty() && !KEEPS_SPACE.contains(&parent.name.as_str()) {
        return;
    }
    if let Some(Node::Text(last)) = parent.children.last_mut() {
        last.push_str(text);
    } else {
        parent.children.push(Node::Text(text.to_string()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_names_attributes_and_references() {
        let root = parse(
            "x.xml",
            r#"<w:document xmlns:w="w"><w:p><w:r><w:t xml:space="preserve"> a &amp; b&#x4E00;</w:t></w:r></w:p></w:document>"#,
        )
        .unwrap();
        assert_eq!(root.name, "document");
        assert_eq!(root.text(), " a & b一");
    }

    #[test]
    fn an_unfinished_part_is_an_error() {
        assert!(matches!(
            parse("x.xml", "<a><b>text"),
            Err(Message::OfficeXmlUnfinished { .. })
        ));
    }

    #[test]
    fn absurd_nesting_is_an_error() {
        let deep = "<a>".repeat(10_000);
        assert!(matches!(
            parse("x.xml", &deep),
            Err(Message::OfficeXmlTooDeep { .. })
        ));
    }
}
