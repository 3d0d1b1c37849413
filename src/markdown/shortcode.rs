//! Shortcodes: `{{ figure(src="a.jpg", caption="…") }}` in a page body.
//!
//! Before Markdown is parsed, [`extract_shortcodes`] finds each call outside
//! code (fenced and indented blocks, backtick spans stay text), records its
//! name, arguments and line, and leaves an HTML-comment marker in its place.
//! The markers survive Markdown rendering; the render stage replaces them with
//! the output of the template `shortcodes/NAME.html`, once images are known.
//! A call of a shortcode no template defines is an error with its line.

use crate::message::Message;
use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

const MARKER_PREFIX: &str = "<!--nb-shortcode:";
const MARKER_SUFFIX: &str = "-->";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum ArgValue {
    Str(String),
    Int(i64),
    Bool(bool),
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ShortcodeCall {
    pub name: String,
    pub args: BTreeMap<String, ArgValue>,
    /// 1-based line in the body (the caller adds the front matter's lines).
    pub line: usize,
}

impl ShortcodeCall {
    pub fn str_arg(&self, key: &str) -> Option<&str> {
        match self.args.get(key) {
            Some(ArgValue::Str(s)) => Some(s.as_str()),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShortcodeError {
    pub line: usize,
    pub message: Message,
    pub help: Message,
}

#[derive(Debug, Clone, Default)]
pub struct Extracted {
    /// The body with markers where the calls were.
    pub text: String,
    pub calls: Vec<ShortcodeCall>,
    pub errors: Vec<ShortcodeError>,
}

/// The marker standing for call number `index`.
pub fn marker(index: usize) -> String {
    format!("{MARKER_PREFIX}{index}{MARKER_SUFFIX}")
}

/// Whether raw HTML is a marker (the sanitizer must leave it alone).
pub fn is_marker(html: &str) -> bool {
    let t = html.trim();
    t.strip_prefix(MARKER_PREFIX)
        .and_then(|r| r.strip_suffix(MARKER_SUFFIX))
        .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

/// Replaces every marker in `html` with `render(index)`.
pub fn replace_markers(html: &str, mut render: impl FnMut(usize) -> String) -> String {
    if !html.contains(MARKER_PREFIX) {
        return html.to_string();
    }
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(at) = rest.find(MARKER_PREFIX) {
        out.push_str(&rest[..at]);
        let after = &rest[at + MARKER_PREFIX.len()..];
        let digits = after.bytes().take_while(u8::is_ascii_digit).count();
        let tail = &after[digits..];
        match (
            after[..digits].parse::<usize>(),
            tail.strip_prefix(MARKER_SUFFIX),
        ) {
            (Ok(index), Some(tail)) => {
                out.push_str(&render(index));
                rest = tail;
            }
            _ => {
                out.push_str(MARKER_PREFIX);
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

struct Fence {
    ch: char,
    len: usize,
}

/// `(char, run length)` when `line` opens or closes a code fence.
fn fence_of(line: &str) -> Option<(char, usize)> {
    let indent = line.len() - line.trim_start_matches(' ').len();
    if indent > 3 {
        return None;
    }
    let rest = &line[indent..];
    let ch = rest.chars().next()?;
    if ch != '`' && ch != '~' {
        return None;
    }
    let len = rest.chars().take_while(|&c| c == ch).count();
    (len >= 3).then_some((ch, len))
}

/// Finds shortcode calls outside code and replaces them with markers.
/// `known` says whether a shortcode name has a template.
pub fn extract_shortcodes(body: &str, known: &dyn Fn(&str) -> bool) -> Extracted {
    let mut out = Extracted::default();
    if !body.contains("{{") {
        out.text = body.to_string();
        return out;
    }
    out.text.reserve(body.len());
    let mut fence: Option<Fence> = None;
    let mut previous_blank = true;
    let mut in_indented_code = false;
    for (index, line) in body.split_inclusive('\n').enumerate() {
        let number = index + 1;
        let content = line.trim_end_matches(['\n', '\r']);
        if let Some(open) = &fence {
            if let Some((ch, len)) = fence_of(content)
                && ch == open.ch
                && len >= open.len
                && content.trim().chars().all(|c| c == ch)
            {
                fence = None;
            }
            out.text.push_str(line);
            continue;
        }
        if let Some((ch, len)) = fence_of(content) {
            fence = Some(Fence { ch, len });
            out.text.push_str(line);
            previous_blank = false;
            continue;
        }
        let blank = content.trim().is_empty();
        let indented = content.starts_with("    ") || content.starts_with('\t');
        in_indented_code = !blank && indented && (previous_blank || in_indented_code);
        previous_blank = blank;
        if in_indented_code {
            out.text.push_str(line);
            continue;
        }
        scan_line(line, number, known, &mut out);
    }
    out
}

fn scan_line(line: &str, number: usize, known: &dyn Fn(&str) -> bool, out: &mut Extracted) {
    let bytes = line.as_bytes();
    let mut i = 0;
    let mut copied = 0;
    while i < bytes.len() {
        if bytes[i] == b'`' {
            let run = bytes[i..].iter().take_while(|&&b| b == b'`').count();
            let after = i + run;
            // The closing run has exactly the same length.
            let mut j = after;
            let mut closed = None;
            while j < bytes.len() {
                if bytes[j] == b'`' {
                    let r = bytes[j..].iter().take_while(|&&b| b == b'`').count();
                    if r == run {
                        closed = Some(j + r);
                        break;
                    }
                    j += r;
                } else {
                    j += 1;
                }
            }
            i = closed.unwrap_or(after);
            continue;
        }
        if bytes[i] == b'{' && bytes.get(i + 1) == Some(&b'{') {
            match parse_call(&line[i..]) {
                Parsed::NotACall => {
                    i += 2;
                }
                Parsed::Call { name, args, len } => {
                    out.text.push_str(&line[copied..i]);
                    if known(&name) {
                        out.text.push_str(&marker(out.calls.len()));
                        out.calls.push(ShortcodeCall {
                            name,
                            args,
                            line: number,
                        });
                    } else {
                        out.text.push_str(&line[i..i + len]);
                        out.errors.push(ShortcodeError {
                            line: number,
                            message: Message::UnknownShortcode { name },
                            help: Message::KnownShortcodes {},
                        });
                    }
                    i += len;
                    copied = i;
                }
                Parsed::Malformed { name, why } => {
                    out.errors.push(ShortcodeError {
                        line: number,
                        message: Message::MalformedShortcode {
                            name,
                            why: Box::new(why),
                        },
                        help: Message::ShortcodeForm {},
                    });
                    i += 2;
                }
            }
            continue;
        }
        i += 1;
    }
    out.text.push_str(&line[copied..]);
}

enum Parsed {
    NotACall,
    Call {
        name: String,
        args: BTreeMap<String, ArgValue>,
        len: usize,
    },
    Malformed {
        name: String,
        why: Message,
    },
}

struct Cursor<'a> {
    text: &'a str,
    pos: usize,
}

impl Cursor<'_> {
    fn skip_ws(&mut self) {
        while self.text[self.pos..].starts_with([' ', '\t']) {
            self.pos += 1;
        }
    }

    fn eat(&mut self, s: &str) -> bool {
        if self.text[self.pos..].starts_with(s) {
            self.pos += s.len();
            true
        } else {
            false
        }
    }

    fn ident(&mut self) -> Option<String> {
        let rest = &self.text[self.pos..];
        let len = rest
            .char_indices()
            .take_while(|&(i, c)| {
                c.is_ascii_alphabetic() || c == '_' || (i > 0 && (c.is_ascii_digit() || c == '-'))
            })
            .count();
        if len == 0 {
            return None;
        }
        self.pos += len;
        Some(rest[..len].to_string())
    }

    fn value(&mut self) -> Result<ArgValue, Message> {
        let rest = &self.text[self.pos..];
        let Some(first) = rest.chars().next() else {
            return Err(Message::ShortcodeValueMissing {});
        };
        if first == '"' || first == '\'' {
            let mut value = String::new();
            let mut chars = rest.char_indices().skip(1);
            while let Some((i, c)) = chars.next() {
                if c == '\\' {
                    match chars.next() {
                        Some((_, 'n')) => value.push('\n'),
                        Some((_, e)) => value.push(e),
                        None => break,
                    }
                } else if c == first {
                    self.pos += i + c.len_utf8();
                    return Ok(ArgValue::Str(value));
                } else if c == '\n' {
                    break;
                } else {
                    value.push(c);
                }
            }
            return Err(Message::ShortcodeQuoteUnclosed {});
        }
        let len = rest
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
            .count();
        let word = &rest[..len];
        let value = match word {
            "true" => ArgValue::Bool(true),
            "false" => ArgValue::Bool(false),
            _ => match word.parse::<i64>() {
                Ok(n) => ArgValue::Int(n),
                Err(_) => {
                    let text = if word.is_empty() {
                        rest.trim_end()
                    } else {
                        word
                    };
                    return Err(Message::ShortcodeNotAValue {
                        text: text.to_string(),
                    });
                }
            },
        };
        self.pos += len;
        Ok(value)
    }
}

fn parse_call(text: &str) -> Parsed {
    let mut c = Cursor { text, pos: 0 };
    if !c.eat("{{") {
        return Parsed::NotACall;
    }
    c.skip_ws();
    let Some(name) = c.ident() else {
        return Parsed::NotACall;
    };
    c.skip_ws();
    if !c.eat("(") {
        return Parsed::NotACall;
    }
    let malformed = |why: Message| Parsed::Malformed {
        name: name.clone(),
        why,
    };
    let mut args = BTreeMap::new();
    loop {
        c.skip_ws();
        if c.eat(")") {
            break;
        }
        if !args.is_empty() && !c.eat(",") {
            return malformed(Message::ShortcodeExpectedComma {});
        }
        c.skip_ws();
        if c.eat(")") {
            break;
        }
        let Some(key) = c.ident() else {
            return malformed(Message::ShortcodeExpectedName {});
        };
        c.skip_ws();
        if !c.eat("=") {
            return malformed(Message::ShortcodeExpectedEquals { name: key });
        }
        c.skip_ws();
        match c.value() {
            Ok(v) => {
                args.insert(key, v);
            }
            Err(why) => return malformed(why),
        }
    }
    c.skip_ws();
    if !c.eat("}}") {
        return malformed(Message::ShortcodeExpectedClose {});
    }
    Parsed::Call {
        name,
        args,
        len: c.pos,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn known(name: &str) -> bool {
        ["figure", "gallery", "video", "attachment"].contains(&name)
    }

    #[test]
    fn calls_become_markers_with_their_lines() {
        let e = extract_shortcodes(
            "段落。\n\n{{ figure(src=\"a.jpg\", caption=\"技能比武，“决赛”现场\") }}\n\n{{gallery()}}\n",
            &known,
        );
        assert!(e.errors.is_empty(), "{:?}", e.errors);
        assert_eq!(e.calls.len(), 2);
        assert_eq!(e.calls[0].line, 3);
        assert_eq!(e.calls[0].str_arg("src"), Some("a.jpg"));
        assert_eq!(e.calls[0].str_arg("caption"), Some("技能比武，“决赛”现场"));
        assert_eq!(e.calls[1].name, "gallery");
        assert!(e.text.contains(&marker(0)));
        assert!(e.text.contains(&marker(1)));
        assert!(!e.text.contains("{{"));
    }

    #[test]
    fn code_keeps_shortcodes_as_text() {
        let body = "`{{ figure(src=\"a.jpg\") }}` 示例\n\n```\n{{ nope() }}\n```\n\n    {{ nope() }}\n\n~~~~md\n{{ gallery() }}\n~~~~\n";
        let e = extract_shortcodes(body, &known);
        assert!(e.calls.is_empty());
        assert!(e.errors.is_empty(), "{:?}", e.errors);
        assert_eq!(e.text, body);
    }

    #[test]
    fn unknown_and_malformed_calls_are_errors_with_lines() {
        let e = extract_shortcodes("a\n{{ chart(x=1) }}\n{{ figure(src=a.jpg) }}\n", &known);
        assert_eq!(e.errors.len(), 2);
        assert_eq!(e.errors[0].line, 2);
        assert_eq!(
            e.errors[0].message,
            Message::UnknownShortcode {
                name: "chart".into()
            }
        );
        assert_eq!(e.errors[1].line, 3);
        assert!(matches!(
            e.errors[1].message,
            Message::MalformedShortcode { .. }
        ));
    }

    #[test]
    fn template_braces_that_are_not_calls_stay() {
        let e = extract_shortcodes("价格 {{ 100 }} 与 {{name}}\n", &known);
        assert!(e.calls.is_empty() && e.errors.is_empty());
    }

    #[test]
    fn values_of_every_type() {
        let e = extract_shortcodes(
            "{{ video(src='v.mp4', autoplay=false, width=640) }}",
            &known,
        );
        let args = &e.calls[0].args;
        assert_eq!(args["autoplay"], ArgValue::Bool(false));
        assert_eq!(args["width"], ArgValue::Int(640));
        assert_eq!(args["src"], ArgValue::Str("v.mp4".into()));
    }

    #[test]
    fn markers_are_replaced() {
        let html = format!("<p>a</p>\n{}\n<p>{} b</p>", marker(0), marker(1));
        let out = replace_markers(&html, |i| format!("[{i}]"));
        assert_eq!(out, "<p>a</p>\n[0]\n<p>[1] b</p>");
        assert!(is_marker(&format!("{}\n", marker(12))));
    }
}
