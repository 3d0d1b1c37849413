//! Front matter as the desk writes it: the form's JSON as block-style YAML a
//! person can still read and edit by hand, keys in the schema's order, every
//! string that YAML could read as something else (a number, `yes`, a date
//! with a colon, a leading `-`) double-quoted.

use serde_json::{Map, Value};

/// The YAML text (without the `---` lines) of `front`; keys named in
/// `order` first, in that order, then the rest as given. Empty values (null,
/// `""`, `[]`, `{}`) are left out: a field the writer cleared is gone.
/// Nested mappings (`notice`, a row of `honors`) follow `order` too.
pub fn front_matter(front: &Map<String, Value>, order: &[&str]) -> String {
    let mut out = String::new();
    for (key, value) in ordered(front, order) {
        out.push_str(&scalar_key(key));
        out.push(':');
        emit_value(value, 0, order, &mut out);
    }
    out
}

/// The non-empty entries of `map`: keys named in `order` first, in that
/// order, then the others.
fn ordered<'m>(map: &'m Map<String, Value>, order: &[&str]) -> Vec<(&'m String, &'m Value)> {
    let mut entries: Vec<(&String, &Value)> = map.iter().filter(|(_, v)| !is_empty(v)).collect();
    entries.sort_by_key(|(k, _)| order.iter().position(|o| o == k).unwrap_or(usize::MAX));
    entries
}

fn is_empty(value: &Value) -> bool {
    match value {
        Value::Null => true,
        Value::String(s) => s.trim().is_empty(),
        Value::Array(a) => a.iter().all(is_empty),
        Value::Object(o) => o.values().all(is_empty),
        _ => false,
    }
}

/// Writes what follows `key:` — a scalar on the same line, or a block on
/// the next lines indented by `indent + 2`.
fn emit_value(value: &Value, indent: usize, order: &[&str], out: &mut String) {
    let pad = " ".repeat(indent + 2);
    match value {
        Value::Array(items) => {
            out.push('\n');
            for item in items.iter().filter(|v| !is_empty(v)) {
                out.push_str(&pad);
                out.push('-');
                match item {
                    Value::Object(map) => emit_map_inline(map, indent + 2, order, out),
                    Value::Array(_) => emit_value(item, indent + 2, order, out),
                    _ => {
                        out.push(' ');
                        out.push_str(&scalar(item, indent + 2));
                        out.push('\n');
                    }
                }
            }
        }
        Value::Object(map) => {
            out.push('\n');
            for (key, v) in ordered(map, order) {
                out.push_str(&pad);
                out.push_str(&scalar_key(key));
                out.push(':');
                emit_value(v, indent + 2, order, out);
            }
        }
        _ => {
            out.push(' ');
            out.push_str(&scalar(value, indent));
            out.push('\n');
        }
    }
}

/// A mapping as a list item: its first key on the `-` line, the others
/// under it.
fn emit_map_inline(map: &Map<String, Value>, indent: usize, order: &[&str], out: &mut String) {
    let pad = " ".repeat(indent + 2);
    let mut first = true;
    for (key, v) in ordered(map, order) {
        if first {
            out.push(' ');
            first = false;
        } else {
            out.push_str(&pad);
        }
        out.push_str(&scalar_key(key));
        out.push(':');
        emit_value(v, indent + 2, order, out);
    }
    if first {
        out.push_str(" {}\n");
    }
}

fn scalar_key(key: &str) -> String {
    if is_plain(key) {
        key.to_string()
    } else {
        quoted(key)
    }
}

fn scalar(value: &Value, indent: usize) -> String {
    match value {
        Value::String(s) => {
            let s = s.trim_end_matches([' ', '\t']);
            if is_plain(s) {
                s.to_string()
            } else if s.contains('\n') && literal_ok(s) {
                let pad = " ".repeat(indent + 2);
                let mut block = String::from("|-");
                for line in s.lines() {
                    block.push('\n');
                    if !line.is_empty() {
                        block.push_str(&pad);
                        block.push_str(line);
                    }
                }
                block
            } else {
                quoted(s)
            }
        }
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => n.to_string(),
        _ => quoted(&value.to_string()),
    }
}

/// A multi-line text YAML keeps as it is in a `|-` block.
fn literal_ok(s: &str) -> bool {
    !s.starts_with([' ', '\t', '\n'])
        && !s.ends_with('\n')
        && !s.contains('\r')
        && !s.chars().any(|c| c.is_control() && c != '\n' && c != '\t')
}

/// Double-quoted, with JSON's escapes (which YAML's double quotes read the
/// same way).
fn quoted(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_else(|_| "\"\"".to_string())
}

/// Whether YAML reads `s` written bare as this very string.
fn is_plain(s: &str) -> bool {
    let Some(first) = s.chars().next() else {
        return false;
    };
    if s != s.trim() || s.contains(['\n', '\r', '\t']) || s.chars().any(char::is_control) {
        return false;
    }
    if "-?:,[]{}#&*!|>'\"%@`~".contains(first) {
        return false;
    }
    if s.contains(": ") || s.contains(" #") || s.ends_with(':') {
        return false;
    }
    let lower = s.to_ascii_lowercase();
    if matches!(
        lower.as_str(),
        "true" | "false" | "yes" | "no" | "on" | "off" | "y" | "n" | "null" | "~" | ".nan" | ".inf"
    ) {
        return false;
    }
    // Numbers in any of YAML's spellings stay strings only when quoted.
    let numeric = s.trim_start_matches(['+', '-']).chars().all(|c| {
        c.is_ascii_hexdigit() || matches!(c, '.' | '_' | 'x' | 'o' | 'e' | 'E' | '+' | '-')
    });
    !(numeric && s.chars().any(|c| c.is_ascii_digit()) && !looks_like_date(s))
}

/// `2026-11-20` and `2026-11-20 09:30` stay bare, as people write them.
fn looks_like_date(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() >= 10
        && b[..4].iter().all(u8::is_ascii_digit)
        && b[4] == b'-'
        && b[5..7].iter().all(u8::is_ascii_digit)
        && b[7] == b'-'
        && b[8..10].iter().all(u8::is_ascii_digit)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::frontmatter::parse_front_matter;

    #[test]
    fn what_is_written_reads_back() {
        let front = serde_json::json!({
            "summary": "第一行\n第二行",
            "title": "关于: 2026 年度 #1 的公示",
            "date": "2026-11-20 09:30",
            "unit": "123",
            "position": "yes",
            "tags": ["安全生产", "-x", "[a]"],
            "honors": [{"title": "全国劳动模范", "level": "national", "year": 2025}],
            "notice": {"from": "2026-11-19", "days": 5, "unit": "working_days"},
            "draft": true,
            "slug": "",
            "author": null,
        });
        let text = front_matter(
            front.as_object().unwrap(),
            &["title", "date", "from", "days"],
        );
        assert!(
            text.contains("notice:\n  from: 2026-11-19\n  days: 5\n  unit: working_days\n"),
            "{text}"
        );
        assert!(
            text.starts_with("title: \"关于: 2026 年度 #1 的公示\"\ndate: 2026-11-20 09:30\n"),
            "{text}"
        );
        assert!(!text.contains("slug") && !text.contains("author"), "{text}");
        let fm = parse_front_matter(&text).unwrap();
        assert_eq!(fm.title.as_deref(), Some("关于: 2026 年度 #1 的公示"));
        assert_eq!(fm.summary.as_deref(), Some("第一行\n第二行"));
        assert_eq!(fm.unit.as_deref(), Some("123"));
        assert_eq!(fm.position.as_deref(), Some("yes"));
        assert_eq!(fm.tags.unwrap().0, vec!["安全生产", "-x", "[a]"]);
        assert_eq!(fm.honors.unwrap()[0].year, 2025);
        assert_eq!(fm.notice.unwrap().days, 5);
        assert_eq!(fm.draft, Some(true));
        assert_eq!(fm.date.as_deref(), Some("2026-11-20 09:30"));
    }
}
