//! Paragraph styles from styles.xml, resolved through `basedOn`: which are
//! headings (by name in any language Word or WPS writes — `heading 1`,
//! `标题 1` — or by outline level), which is the title, and the font, size,
//! weight and alignment a paragraph inherits from its style.

use std::collections::BTreeMap;

use crate::office::xml::Element;

/// What a paragraph gets from its style.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct StyleInfo {
    pub heading: Option<u8>,
    pub title: bool,
    /// A table of contents line (`toc 1`, `目录 1`): the page makes its own.
    pub toc: bool,
    pub font: Option<String>,
    pub size: Option<u32>,
    pub bold: Option<bool>,
    pub italic: Option<bool>,
    pub center: Option<bool>,
    pub num: Option<(String, u8)>,
}

#[derive(Debug, Clone, Default)]
struct Raw {
    name: String,
    based_on: Option<String>,
    outline: Option<u8>,
    font: Option<String>,
    size: Option<u32>,
    bold: Option<bool>,
    italic: Option<bool>,
    center: Option<bool>,
    num: Option<(String, u8)>,
}

#[derive(Debug, Clone, Default)]
pub struct Styles {
    raw: BTreeMap<String, Raw>,
    default_font: Option<String>,
    default_size: Option<u32>,
    /// The paragraph style used when a paragraph names none.
    default_para: Option<String>,
}

/// The East Asian font of an `rFonts`, else its Latin one.
pub fn font_of(rpr: &Element) -> Option<String> {
    let fonts = rpr.child("rFonts")?;
    ["w:eastAsia", "w:ascii", "w:hAnsi"]
        .iter()
        .find_map(|k| fonts.attr(k))
        .map(str::to_string)
}

pub fn size_of(rpr: &Element) -> Option<u32> {
    rpr.child_val("sz")
        .or_else(|| rpr.child_val("szCs"))
        .and_then(|v| v.parse().ok())
}

pub fn is_center(ppr: &Element) -> Option<bool> {
    ppr.child_val("jc").map(|v| v == "center")
}

/// `Heading 3`, `heading3`, `标题 3`, `标题3` → 3.
fn heading_by_name(name: &str) -> Option<u8> {
    let squashed: String = name
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_lowercase();
    let digits = squashed
        .strip_prefix("heading")
        .or_else(|| squashed.strip_prefix("标题"))?;
    let level: u8 = digits.parse().ok()?;
    (1..=9).contains(&level).then_some(level)
}

fn is_title_name(name: &str) -> bool {
    let squashed: String = name.chars().filter(|c| !c.is_whitespace()).collect();
    matches!(squashed.to_lowercase().as_str(), "title" | "标题")
}

impl Styles {
    pub fn from_xml(root: &Element) -> Styles {
        let mut styles = Styles::default();
        if let Some(defaults) = root.child("docDefaults")
            && let Some(rpr) = defaults.child("rPrDefault").and_then(|d| d.child("rPr"))
        {
            styles.default_font = font_of(rpr);
            styles.default_size = size_of(rpr);
        }
        for style in root.elements().filter(|e| e.name == "style") {
            if style.attr("w:type").is_some_and(|t| t != "paragraph") {
                continue;
            }
            let Some(id) = style.attr("w:styleId") else {
                continue;
            };
            let ppr = style.child("pPr");
            let rpr = style.child("rPr");
            let raw = Raw {
                name: style.child_val("name").unwrap_or("").to_string(),
                based_on: style.child_val("basedOn").map(str::to_string),
                outline: ppr
                    .and_then(|p| p.child_val("outlineLvl"))
                    .and_then(|v| v.parse().ok()),
                font: rpr.and_then(font_of),
                size: rpr.and_then(size_of),
                bold: rpr.and_then(|r| r.toggle("b")),
                italic: rpr.and_then(|r| r.toggle("i")),
                center: ppr.and_then(is_center),
                num: ppr.and_then(|p| p.child("numPr")).and_then(|n| {
                    let id = n.child_val("numId")?.to_string();
                    let level = n
                        .child_val("ilvl")
                        .and_then(|v| v.parse().ok())
                        .unwrap_or(0);
                    Some((id, level))
                }),
            };
            if style
                .attr("w:default")
                .is_some_and(|d| d == "1" || d == "true")
            {
                styles.default_para = Some(id.to_string());
            }
            styles.raw.insert(id.to_string(), raw);
        }
        styles
    }

    /// What the paragraph style `id` (or the default one) gives, `basedOn`
    /// followed to its root (at most 20 steps: a loop stops there).
    pub fn resolve(&self, id: Option<&str>) -> StyleInfo {
        let mut info = StyleInfo::default();
        let mut next = id.map(str::to_string).or_else(|| self.default_para.clone());
        let mut first = true;
        let mut outline = None;
        for _ in 0..20 {
            let Some(current) = next.take() else { break };
            let Some(raw) = self.raw.get(&current) else {
                // WPS sometimes names styles by their number only.
                if first && let Some(level) = heading_by_name(&format!("heading{current}")) {
                    info.heading = Some(level);
                }
                break;
            };
            if first {
                info.title = is_title_name(&raw.name) || current == "Title";
                let lower = raw.name.to_lowercase();
                info.toc = lower.starts_with("toc")
                    || lower.starts_with("目录")
                    || current.to_lowercase().starts_with("toc");
                info.heading = heading_by_name(&raw.name).or_else(|| heading_by_name(&current));
                first = false;
            }
            outline = outline.or(raw.outline);
            info.font = info.font.or_else(|| raw.font.clone());
            info.size = info.size.or(raw.size);
            info.bold = info.bold.or(raw.bold);
            info.italic = info.italic.or(raw.italic);
            info.center = info.center.or(raw.center);
            info.num = info.num.take().or_else(|| raw.num.clone());
            // A heading style's base says nothing more about the level.
            next = raw.based_on.clone();
        }
        if info.heading.is_none() && !info.title {
            info.heading = outline.filter(|o| *o < 9).map(|o| o + 1);
        }
        info.font = info.font.or_else(|| self.default_font.clone());
        info.size = info.size.or(self.default_size);
        info
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heading_names_in_any_language() {
        assert_eq!(heading_by_name("heading 1"), Some(1));
        assert_eq!(heading_by_name("标题 2"), Some(2));
        assert_eq!(heading_by_name("Heading3"), Some(3));
        assert_eq!(heading_by_name("Normal"), None);
        assert!(is_title_name("Title"));
        assert!(is_title_name("标题"));
    }

    #[test]
    fn outline_level_is_inherited_through_based_on() {
        let xml = r#"<w:styles xmlns:w="w">
            <w:style w:type="paragraph" w:styleId="a1"><w:name w:val="一级"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>
            <w:style w:type="paragraph" w:styleId="a2"><w:name w:val="我的标题"/><w:basedOn w:val="a1"/></w:style>
        </w:styles>"#;
        let root = crate::office::xml::parse("styles.xml", xml).unwrap();
        let styles = Styles::from_xml(&root);
        assert_eq!(styles.resolve(Some("a2")).heading, Some(1));
    }
}
