//! The fragment's colours: the theme's own (`--red`, `--ink`… in its
//! `assets/site.css`), each made dark enough, where needed, to keep a text
//! contrast of 4.5:1 on white and on what WeChat's dark mode turns the page
//! and the tints into ([`colour`](super::colour)).

use super::colour::{LIGHT_PAGE, Rgb, contrast, dark_background, dark_text};

/// The contrast every text colour keeps, light and dark, with a little room
/// for rounding in the editor.
pub const MIN_CONTRAST: f64 = 4.6;

#[derive(Debug, Clone, PartialEq)]
pub struct Palette {
    /// Body text.
    pub ink: String,
    /// Captions, notes, quotes.
    pub muted: String,
    /// Headings, list markers, kept links, note numbers.
    pub accent: String,
    /// Borders and rules (not text).
    pub line: String,
    /// Background of quotes, table headers and the facts block.
    pub tint: String,
    /// Background of preformatted text and inline code.
    pub code: String,
}

/// The default theme's values, for a theme that does not name them.
const DEFAULTS: &[(&str, &str)] = &[
    ("--red-dark", "#7a0f12"),
    ("--red", "#a4161a"),
    ("--ink", "#1f1f1f"),
    ("--muted", "#5c5c5c"),
    ("--line", "#e3e0dc"),
    ("--tint", "#faf6f2"),
];

impl Palette {
    /// From a stylesheet's custom properties (the first `--name: #hex;` of
    /// each); missing or unreadable ones take the default theme's value.
    pub fn from_css(css: &str) -> Palette {
        let value = |name: &str| -> Rgb {
            custom_property(css, name)
                .and_then(|v| Rgb::parse(&v))
                .or_else(|| {
                    let (_, d) = DEFAULTS.iter().find(|(n, _)| *n == name)?;
                    Rgb::parse(d)
                })
                .unwrap_or(Rgb::grey(0.0))
        };
        let tint = value("--tint");
        let code = Rgb::from_hsl(0.0, 0.0, 96.0).rounded();
        let grounds = [LIGHT_PAGE, tint, code];
        Palette {
            ink: readable(value("--ink"), &grounds).hex(),
            muted: readable(value("--muted"), &grounds).hex(),
            // The theme's red is its headings' colour; it is darkened only as far
            // as dark mode needs.
            accent: readable(value("--red"), &grounds).hex(),
            line: value("--line").hex(),
            tint: tint.hex(),
            code: code.hex(),
        }
    }
}

/// The value of `name` in `css` (`--ink: #1f1f1f;` → `#1f1f1f`).
fn custom_property(css: &str, name: &str) -> Option<String> {
    let mut rest = css;
    while let Some(at) = rest.find(name) {
        let after = &rest[at + name.len()..];
        rest = after;
        let Some(value) = after.trim_start().strip_prefix(':') else {
            continue;
        };
        let end = value.find([';', '}']).unwrap_or(value.len());
        return Some(value[..end].trim().to_string());
    }
    None
}

/// Whether `colour` as text keeps [`MIN_CONTRAST`] on `ground`, light and in
/// WeChat's dark mode.
pub fn keeps_contrast(colour: Rgb, ground: Rgb) -> bool {
    let dark_ground = dark_background(ground);
    contrast(colour, ground) >= MIN_CONTRAST
        && contrast(dark_text(colour, dark_ground), dark_ground) >= MIN_CONTRAST
}

/// `colour`, darkened step by step in HSL lightness until it keeps its
/// contrast on every ground; near black if nothing lighter does.
fn readable(colour: Rgb, grounds: &[Rgb]) -> Rgb {
    let (h, s, l) = colour.hsl();
    let mut lightness = l;
    loop {
        let candidate = Rgb::from_hsl(h, s, lightness).rounded();
        if grounds.iter().all(|g| keeps_contrast(candidate, *g)) || lightness <= 0.0 {
            return candidate;
        }
        lightness = (lightness - 1.0).max(0.0);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_themes_colours_are_read_and_kept_readable() {
        let css = crate::theme::embedded("static/assets/site.css")
            .map(|b| String::from_utf8_lossy(b).into_owned())
            .unwrap_or_default();
        assert!(css.contains("--red"), "the theme's stylesheet was found");
        let palette = Palette::from_css(&css);
        for text in [&palette.ink, &palette.muted, &palette.accent] {
            let c = Rgb::parse(text).unwrap();
            for ground in [&palette.tint, &palette.code, &"#ffffff".to_string()] {
                assert!(
                    keeps_contrast(c, Rgb::parse(ground).unwrap()),
                    "{text} on {ground}"
                );
            }
        }
        assert_eq!(palette.line, "#e3e0dc");
    }

    #[test]
    fn a_theme_with_a_pale_accent_gets_it_darkened() {
        let palette = Palette::from_css(":root { --red: #ff9999; --ink: #000 }");
        let accent = Rgb::parse(&palette.accent).unwrap();
        assert!(accent.brightness() < Rgb::parse("#ff9999").unwrap().brightness());
        assert!(keeps_contrast(accent, LIGHT_PAGE));
        assert_eq!(palette.ink, "#000000");
    }
}
