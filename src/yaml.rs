//! YAML reading for `site.yaml` and front matter, through serde-saphyr.
//!
//! Wraps its errors into [`YamlError`] (message, line, column) so callers can
//! shift the line to where the YAML sits in its file (front matter starts on
//! line 2 of a Markdown file) and report it as a [`Diagnostic`].

use std::path::Path;

use serde::de::DeserializeOwned;

use crate::diag::Diagnostic;
use crate::message::Message;

#[derive(Debug, Clone)]
pub struct YamlError {
    /// Boxed, so that results carrying it stay small.
    pub message: Box<Message>,
    /// 1-based, relative to the YAML text given.
    pub line: Option<usize>,
    pub col: Option<usize>,
}

impl YamlError {
    /// A diagnostic for `path`, with lines shifted by `line_offset` (the number of
    /// file lines before the YAML text).
    pub fn into_diagnostic(self, path: impl AsRef<Path>, line_offset: usize) -> Diagnostic {
        let d = Diagnostic::error(self.message).at(path);
        match (self.line, self.col) {
            (Some(line), Some(col)) => d.line_col(line + line_offset, col),
            (Some(line), None) => d.line(line + line_offset),
            _ => d,
        }
    }
}

fn convert(error: serde_saphyr::Error) -> YamlError {
    let (line, col) = match error.location() {
        Some(loc) if loc.line() > 0 => (Some(loc.line() as usize), Some(loc.column() as usize)),
        _ => (None, None),
    };
    let options = serde_saphyr::render_options! {
        snippets: serde_saphyr::SnippetMode::Off,
    };
    let rendered = error.render_with_options(options);
    YamlError {
        message: Box::new(plain_words(strip_location_suffix(rendered.trim()))),
        line,
        col,
    }
}

/// serde-saphyr appends ` at line L column C`; we show positions in the
/// `file:line:col:` prefix instead, so drop the suffix.
fn strip_location_suffix(message: &str) -> &str {
    match message.rfind(" at line ") {
        Some(index)
            if message[index + 9..]
                .chars()
                .all(|c| c.is_ascii_digit() || c == ' ' || c.is_ascii_alphabetic() || c == ',') =>
        {
            &message[..index]
        }
        _ => message,
    }
}

/// serde's messages speak Rust (`use Option<String>`); say what the writer did.
/// The two everyone meets get sentences of their own; the rest is the parser's
/// English, inside a translated sentence.
fn plain_words(message: &str) -> Message {
    if message.starts_with("cannot deserialize null into") {
        return Message::NoValue {};
    }
    if message == "expected string scalar" {
        return Message::ExpectedSingleValue {};
    }
    Message::Yaml {
        detail: message
            .replace("a string", "text")
            .replace("a sequence", "a list (`[a, b]` or `- a` lines)"),
    }
}

pub fn from_str<T: DeserializeOwned>(text: &str) -> Result<T, YamlError> {
    serde_saphyr::from_str(text).map_err(convert)
}

/// Deserializes with a seed, for visitors that need outside knowledge.
pub fn from_str_seed<'de, S>(text: &'de str, seed: S) -> Result<S::Value, YamlError>
where
    S: serde::de::DeserializeSeed<'de>,
{
    serde_saphyr::with_deserializer_from_str(text, |de| seed.deserialize(de)).map_err(convert)
}

/// The keys of a top-level mapping, in file order. An empty document has none.
pub fn top_level_keys(text: &str) -> Result<Vec<String>, YamlError> {
    if text.trim().is_empty() {
        return Ok(Vec::new());
    }
    let map: Option<ordered_keys::OrderedKeys> = from_str(text)?;
    Ok(map.map(|m| m.0).unwrap_or_default())
}

/// Collects mapping keys in order without keeping values (no extra crate needed).
mod ordered_keys {
    use std::fmt;

    use serde::de::{Deserialize, Deserializer, IgnoredAny, MapAccess, Visitor};

    pub struct OrderedKeys(pub Vec<String>);

    impl<'de> Deserialize<'de> for OrderedKeys {
        fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            struct KeysVisitor;
            impl<'de> Visitor<'de> for KeysVisitor {
                type Value = OrderedKeys;
                fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                    f.write_str("a mapping of `key: value` lines")
                }
                fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<OrderedKeys, A::Error> {
                    let mut keys = Vec::new();
                    while let Some(key) = map.next_key::<String>()? {
                        map.next_value::<IgnoredAny>()?;
                        keys.push(key);
                    }
                    Ok(OrderedKeys(keys))
                }
            }
            deserializer.deserialize_map(KeysVisitor)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_in_order() {
        let keys = top_level_keys("b: 1\na: [1, 2]\nc: {x: 1}\n").unwrap();
        assert_eq!(keys, vec!["b", "a", "c"]);
    }

    #[test]
    fn error_has_position() {
        let e = from_str::<std::collections::BTreeMap<String, u32>>("a: 1\nb: x\n").unwrap_err();
        assert_eq!(e.line, Some(2));
        let Message::Yaml { detail } = &*e.message else {
            panic!("{:?}", e.message)
        };
        assert!(!detail.contains(" at line "), "{detail}");
    }
}
