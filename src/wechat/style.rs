//! The inline styles of the fragment, one function per kind of element, so
//! that every colour comes from the [`Palette`] and every size is in one place.
//! Sizes are in px: the editor rewrites `rem` and `em` unevenly.

use super::palette::Palette;

const FONT: &str = "font-family:-apple-system,BlinkMacSystemFont,'PingFang SC','Hiragino Sans GB','Microsoft YaHei',sans-serif";
const MONO: &str = "font-family:Menlo,Consolas,'Courier New',monospace";

/// The root `<section>`: the article's type and colour.
pub fn root(p: &Palette) -> String {
    format!(
        "{FONT};font-size:16px;line-height:1.75;color:{};letter-spacing:0.5px;word-break:break-word;overflow-wrap:break-word;text-align:left",
        p.ink
    )
}

pub fn title(p: &Palette) -> String {
    format!(
        "margin:0 0 8px;font-size:22px;line-height:1.4;font-weight:bold;color:{}",
        p.ink
    )
}

pub fn meta(p: &Palette) -> String {
    format!("margin:0 0 16px;font-size:14px;color:{}", p.muted)
}

pub fn paragraph(p: &Palette, quote: usize) -> String {
    let colour = if quote > 0 { &p.muted } else { &p.ink };
    format!("margin:0 0 16px;color:{colour}")
}

pub fn heading(p: &Palette, level: usize) -> String {
    match level {
        1 | 2 => format!(
            "margin:28px 0 14px;padding-bottom:6px;font-size:19px;line-height:1.4;font-weight:bold;color:{};border-bottom:2px solid {}",
            p.accent, p.accent
        ),
        3 => format!(
            "margin:24px 0 12px;padding-left:8px;font-size:17px;line-height:1.4;font-weight:bold;color:{};border-left:4px solid {}",
            p.accent, p.accent
        ),
        _ => format!(
            "margin:20px 0 10px;font-size:16px;line-height:1.4;font-weight:bold;color:{}",
            p.ink
        ),
    }
}

pub fn strong(p: &Palette) -> String {
    format!("font-weight:bold;color:{}", p.ink)
}

pub fn code(p: &Palette) -> String {
    format!(
        "{MONO};font-size:14px;padding:1px 4px;border-radius:3px;background-color:{};color:{}",
        p.code, p.ink
    )
}

pub fn kept_link(p: &Palette) -> String {
    format!("color:{};text-decoration:underline", p.accent)
}

pub fn note_mark(p: &Palette) -> String {
    format!("font-size:12px;line-height:0;color:{}", p.accent)
}

pub fn quote(p: &Palette) -> String {
    format!(
        "margin:0 0 16px;padding:12px 14px 0;border-left:4px solid {};background-color:{};color:{}",
        p.accent, p.tint, p.muted
    )
}

pub fn rule(p: &Palette) -> String {
    format!(
        "margin:24px 0;border:0;border-top:1px solid {};height:0",
        p.line
    )
}

pub fn picture_box() -> &'static str {
    "margin:0 0 16px;text-align:center"
}

pub fn picture() -> &'static str {
    "display:block;max-width:100%;height:auto;margin:0 auto"
}

pub fn caption(p: &Palette) -> String {
    format!(
        "margin:6px 0 16px;font-size:14px;line-height:1.6;text-align:center;color:{}",
        p.muted
    )
}

/// `•`, `◦`, `▪` by level, as a reader of a printed list expects.
pub fn bullet(depth: usize) -> &'static str {
    match depth % 3 {
        0 => "•",
        1 => "◦",
        _ => "▪",
    }
}

/// `1.`, `(1)`, `a)` by level, the order Chinese documents number in.
pub fn ordered_marker(n: usize, depth: usize) -> String {
    match depth % 3 {
        0 => format!("{n}."),
        1 => format!("({n})"),
        _ => {
            let letter = char::from(b'a' + ((n.saturating_sub(1)) % 26) as u8);
            format!("{letter})")
        }
    }
}

pub fn marker(p: &Palette) -> String {
    format!(
        "display:inline-block;min-width:24px;text-indent:0;color:{};font-weight:bold",
        p.accent
    )
}

/// An item's paragraph: a hanging indent of one marker, deeper by level.
pub fn list_paragraph(p: &Palette, depth: usize, quote: usize, continued: bool) -> String {
    let indent = 24 * (depth + 1);
    let colour = if quote > 0 { &p.muted } else { &p.ink };
    let hang = if continued { 0 } else { 24 };
    format!("margin:0 0 8px;padding-left:{indent}px;text-indent:-{hang}px;color:{colour}")
}

pub fn pre_box(p: &Palette) -> String {
    format!(
        "margin:0 0 16px;padding:10px 12px;border-radius:4px;background-color:{};overflow-x:auto",
        p.code
    )
}

pub fn pre_text(p: &Palette) -> String {
    format!(
        "margin:0;{MONO};font-size:13px;line-height:1.6;color:{};word-break:break-all",
        p.ink
    )
}

pub fn table_box() -> &'static str {
    "margin:0 0 16px;width:100%"
}

pub fn table(p: &Palette) -> String {
    format!(
        "width:100%;border-collapse:collapse;font-size:13px;line-height:1.5;color:{}",
        p.ink
    )
}

pub fn cell(p: &Palette, header: bool, align: Option<&str>) -> String {
    let align = align.unwrap_or("left");
    let back = if header {
        format!(";background-color:{};font-weight:bold", p.tint)
    } else {
        String::new()
    };
    format!(
        "padding:5px 6px;border:1px solid {};text-align:{align};vertical-align:top;word-break:normal;overflow-wrap:break-word;color:{}{back}",
        p.line, p.ink
    )
}

/// The facts block of a disclosure, a profile, a campaign.
pub fn facts_box(p: &Palette) -> String {
    format!(
        "margin:0 0 20px;padding:12px 14px 4px;border-top:3px solid {};background-color:{};color:{}",
        p.accent, p.tint, p.ink
    )
}

pub fn fact(p: &Palette) -> String {
    format!("margin:0 0 8px;font-size:15px;color:{}", p.ink)
}

pub fn end_box(p: &Palette) -> String {
    format!(
        "margin:28px 0 0;padding-top:10px;border-top:1px solid {}",
        p.line
    )
}

pub fn end_heading(p: &Palette) -> String {
    format!(
        "margin:0 0 8px;font-size:15px;font-weight:bold;color:{}",
        p.accent
    )
}

pub fn end_item(p: &Palette) -> String {
    format!(
        "margin:0 0 6px;font-size:13px;line-height:1.6;color:{};word-break:break-all",
        p.muted
    )
}
