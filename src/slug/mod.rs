//! Slugs (placeholder until the word-aware pinyin converter lands).

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SlugStyle {
    Pinyin,
    Unicode,
}

pub fn slugify(input: &str, _style: SlugStyle) -> String {
    let mut out = String::new();
    let mut dash = false;
    for c in input.chars() {
        if c.is_alphanumeric() {
            if dash && !out.is_empty() {
                out.push('-');
            }
            dash = false;
            out.extend(c.to_lowercase());
        } else if c != '\'' {
            dash = true;
        }
    }
    out
}
