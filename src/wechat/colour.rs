//! Colours as the 公众号 treats them: parsing the few forms the fragment
//! writes, WCAG contrast, and the dark-mode transform WeChat applies to
//! pasted articles.
//!
//! WeChat publishes its dark-mode algorithm (wechatjs/mp-darkmode, MIT). This
//! is our own implementation of its rules, from reading it: perceived
//! brightness is the W3C (AERT) weighting of r, g, b; the dark page is
//! `#191919`; a background that is grey and light has its HSL lightness
//! mirrored, one brighter than 190 is dimmed to 190, one darker than 22 %
//! lightness is lifted to it; a text or border colour less than 65 brightness
//! away from its (dark) background has its HSL lightness mirrored around 45 %
//! (`90 - l`) or, failing that, is moved to 65 away. Nothing here decides what
//! the fragment looks like; `palette` picks colours that survive it.

/// An opaque sRGB colour.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rgb {
    pub r: f64,
    pub g: f64,
    pub b: f64,
}

/// WeChat's dark page background.
pub const DARK_PAGE: Rgb = Rgb::grey(25.0);
/// WeChat's light page background.
pub const LIGHT_PAGE: Rgb = Rgb::grey(255.0);

const WHITE_LIKE: f64 = 250.0;
const MAX_BACKGROUND: f64 = 190.0;
const MIN_OFFSET: f64 = 65.0;
const LIGHT_BACKGROUND: f64 = 100.0;
const GREY_LIGHTNESS: f64 = 40.0;
const LOW_LIGHTNESS: f64 = 22.0;
/// WeChat's default dark text is white at 60 %: brightness 255 as it counts
/// it (without the alpha), so 230 above the dark page.
const MAX_OFFSET: f64 = 255.0 - 25.0;

impl Rgb {
    pub const fn grey(v: f64) -> Rgb {
        Rgb { r: v, g: v, b: v }
    }

    /// `#rgb`, `#rrggbb`, `rgb(r, g, b)` or `rgba(r, g, b, a)` (alpha ignored).
    pub fn parse(text: &str) -> Option<Rgb> {
        let text = text.trim();
        if let Some(hex) = text.strip_prefix('#') {
            let digits: Vec<u8> = hex
                .chars()
                .map(|c| c.to_digit(16).map(|d| d as u8))
                .collect::<Option<_>>()?;
            return match digits.as_slice() {
                [r, g, b] => Some(Rgb::from_u8(r * 17, g * 17, b * 17)),
                [r1, r2, g1, g2, b1, b2] => {
                    Some(Rgb::from_u8(r1 * 16 + r2, g1 * 16 + g2, b1 * 16 + b2))
                }
                _ => None,
            };
        }
        let inner = text
            .strip_prefix("rgba(")
            .or_else(|| text.strip_prefix("rgb("))?
            .strip_suffix(')')?;
        let parts: Vec<f64> = inner
            .split(',')
            .take(3)
            .map(|p| p.trim().parse::<f64>().ok())
            .collect::<Option<_>>()?;
        match parts.as_slice() {
            [r, g, b] => Some(Rgb {
                r: *r,
                g: *g,
                b: *b,
            }),
            _ => None,
        }
    }

    pub fn from_u8(r: u8, g: u8, b: u8) -> Rgb {
        Rgb {
            r: f64::from(r),
            g: f64::from(g),
            b: f64::from(b),
        }
    }

    /// `#rrggbb`, rounded and clamped.
    pub fn hex(self) -> String {
        let c = |v: f64| v.round().clamp(0.0, 255.0) as u8;
        format!("#{:02x}{:02x}{:02x}", c(self.r), c(self.g), c(self.b))
    }

    /// Rounded to what `hex` writes, so that a colour and its text agree.
    pub fn rounded(self) -> Rgb {
        let c = |v: f64| v.round().clamp(0.0, 255.0);
        Rgb {
            r: c(self.r),
            g: c(self.g),
            b: c(self.b),
        }
    }

    /// W3C perceived brightness, 0–255.
    pub fn brightness(self) -> f64 {
        (self.r * 299.0 + self.g * 587.0 + self.b * 114.0) / 1000.0
    }

    /// WCAG 2 relative luminance.
    pub fn luminance(self) -> f64 {
        let channel = |v: f64| {
            let s = (v / 255.0).clamp(0.0, 1.0);
            if s <= 0.03928 {
                s / 12.92
            } else {
                ((s + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * channel(self.r) + 0.7152 * channel(self.g) + 0.0722 * channel(self.b)
    }

    /// `(hue 0–360, saturation 0–100, lightness 0–100)`.
    pub fn hsl(self) -> (f64, f64, f64) {
        let (r, g, b) = (self.r / 255.0, self.g / 255.0, self.b / 255.0);
        let max = r.max(g).max(b);
        let min = r.min(g).min(b);
        let l = (max + min) / 2.0;
        if (max - min).abs() < 1e-9 {
            return (0.0, 0.0, l * 100.0);
        }
        let d = max - min;
        let s = if l > 0.5 {
            d / (2.0 - max - min)
        } else {
            d / (max + min)
        };
        let h = if max == r {
            (g - b) / d + if g < b { 6.0 } else { 0.0 }
        } else if max == g {
            (b - r) / d + 2.0
        } else {
            (r - g) / d + 4.0
        };
        (h * 60.0, s * 100.0, l * 100.0)
    }

    pub fn from_hsl(h: f64, s: f64, l: f64) -> Rgb {
        let (s, l) = (s / 100.0, l / 100.0);
        let c = (1.0 - (2.0 * l - 1.0).abs()) * s;
        let hp = (h.rem_euclid(360.0)) / 60.0;
        let x = c * (1.0 - (hp % 2.0 - 1.0).abs());
        let (r, g, b) = match hp as u32 {
            0 => (c, x, 0.0),
            1 => (x, c, 0.0),
            2 => (0.0, c, x),
            3 => (0.0, x, c),
            4 => (x, 0.0, c),
            _ => (c, 0.0, x),
        };
        let m = l - c / 2.0;
        Rgb {
            r: (r + m) * 255.0,
            g: (g + m) * 255.0,
            b: (b + m) * 255.0,
        }
    }

    /// The same hue brought to perceived brightness `target`: scaled, and
    /// mixed towards white where scaling alone runs into 255.
    pub fn with_brightness(self, target: f64) -> Rgb {
        let target = target.clamp(0.0, 255.0);
        let now = self.brightness();
        if now <= 0.0 {
            return Rgb::grey(target);
        }
        let k = target / now;
        let scaled = Rgb {
            r: (self.r * k).min(255.0),
            g: (self.g * k).min(255.0),
            b: (self.b * k).min(255.0),
        };
        let short = target - scaled.brightness();
        if short <= 0.01 {
            return scaled;
        }
        // Mixing with white raises brightness linearly: solve for the share.
        let room = 255.0 - scaled.brightness();
        let t = if room > 0.0 {
            (short / room).min(1.0)
        } else {
            0.0
        };
        Rgb {
            r: scaled.r + (255.0 - scaled.r) * t,
            g: scaled.g + (255.0 - scaled.g) * t,
            b: scaled.b + (255.0 - scaled.b) * t,
        }
    }
}

/// WCAG contrast ratio, 1–21.
pub fn contrast(a: Rgb, b: Rgb) -> f64 {
    let (la, lb) = (a.luminance(), b.luminance());
    let (hi, lo) = if la > lb { (la, lb) } else { (lb, la) };
    (hi + 0.05) / (lo + 0.05)
}

/// What WeChat's dark mode makes of a background colour.
pub fn dark_background(colour: Rgb) -> Rgb {
    let (h, s, l) = colour.hsl();
    let brightness = colour.brightness();
    let dark_page_lightness = DARK_PAGE.hsl().2;
    let out = if (s == 0.0 && l > GREY_LIGHTNESS) || brightness > WHITE_LIKE {
        Rgb::from_hsl(0.0, 0.0, (100.0 + dark_page_lightness - l).min(100.0))
    } else if brightness > MAX_BACKGROUND {
        colour.with_brightness(MAX_BACKGROUND)
    } else if l < LOW_LIGHTNESS {
        Rgb::from_hsl(h, s, LOW_LIGHTNESS)
    } else {
        colour
    };
    out.rounded()
}

/// What WeChat's dark mode makes of a text (or border) colour shown on the
/// dark-mode background `background`.
pub fn dark_text(colour: Rgb, background: Rgb) -> Rgb {
    dark_text_step(colour, background, 0).rounded()
}

fn dark_text_step(colour: Rgb, background: Rgb, depth: u8) -> Rgb {
    let text = colour.brightness();
    let back = background.brightness();
    let offset = (back - text).abs();
    if text >= WHITE_LIKE {
        return colour;
    }
    if offset > MAX_OFFSET && back <= DARK_PAGE.brightness() + 2.0 {
        return colour.with_brightness(MAX_OFFSET + back);
    }
    if offset >= MIN_OFFSET || depth > 2 {
        return colour;
    }
    let (h, s, l) = colour.hsl();
    if back >= LIGHT_BACKGROUND {
        if l > 90.0 - GREY_LIGHTNESS {
            return dark_text_step(Rgb::from_hsl(h, s, 90.0 - l), background, depth + 1);
        }
        colour.with_brightness((back - MIN_OFFSET).min(MAX_OFFSET))
    } else {
        if l <= GREY_LIGHTNESS {
            return dark_text_step(Rgb::from_hsl(h, s, 90.0 - l), background, depth + 1);
        }
        colour.with_brightness((back + MIN_OFFSET).min(MAX_OFFSET))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hex(text: &str) -> Rgb {
        Rgb::parse(text).unwrap()
    }

    #[test]
    fn colours_parse_in_the_forms_the_fragment_writes() {
        assert_eq!(hex("#fff"), Rgb::grey(255.0));
        assert_eq!(hex("#a4161a").hex(), "#a4161a");
        assert_eq!(hex("rgb(1, 2, 3)").hex(), "#010203");
        assert_eq!(Rgb::parse("red"), None);
        assert_eq!(Rgb::parse("#12"), None);
    }

    #[test]
    fn hsl_goes_there_and_back() {
        for c in ["#a4161a", "#1f1f1f", "#faf6f2", "#5c5c5c", "#c9a227"] {
            let (h, s, l) = hex(c).hsl();
            assert_eq!(Rgb::from_hsl(h, s, l).hex(), c);
        }
    }

    #[test]
    fn contrast_is_wcags() {
        assert!((contrast(Rgb::grey(0.0), Rgb::grey(255.0)) - 21.0).abs() < 1e-9);
        assert!((contrast(hex("#777777"), LIGHT_PAGE) - 4.48).abs() < 0.01);
    }

    #[test]
    fn white_backgrounds_turn_dark_and_tints_are_dimmed() {
        assert_eq!(dark_background(LIGHT_PAGE).hex(), "#191919");
        let tint = dark_background(hex("#faf6f2"));
        assert!((tint.brightness() - 190.0).abs() < 1.0, "{}", tint.hex());
        // Dark enough already: left alone.
        assert_eq!(dark_background(hex("#7a0f12")).hex(), "#7a0f12");
    }

    #[test]
    fn dark_text_on_the_dark_page_is_lightened_and_light_text_is_kept() {
        let ink = dark_text(hex("#1f1f1f"), DARK_PAGE);
        assert!(
            ink.brightness() - DARK_PAGE.brightness() >= 65.0,
            "{}",
            ink.hex()
        );
        assert_eq!(dark_text(hex("#ffffff"), DARK_PAGE).hex(), "#ffffff");
        // Far enough from the background: unchanged.
        assert_eq!(dark_text(hex("#c0c0c0"), DARK_PAGE).hex(), "#c0c0c0");
    }
}
