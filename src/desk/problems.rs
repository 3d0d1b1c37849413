//! Problems of the last build placed where the form shows them: on the
//! front matter field a problem's line falls on (or that its message names),
//! or on a line of the Markdown body.

use crate::frontmatter::kind::Kind;
use crate::frontmatter::schema;

use super::Problem;

/// The problems of `path`, each with the front matter field (or `body`) its
/// line falls on in `text`.
pub fn problems_of(problems: &[Problem], path: &str, text: &str) -> Vec<Problem> {
    let (keys, body_line) = key_lines(text);
    problems
        .iter()
        .filter(|p| p.path.as_deref() == Some(path))
        .map(|p| {
            let mut p = p.clone();
            // "missing required field `unit`" has no line of its own, but
            // names the field.
            p.field = named_field(&p.message);
            if p.field.is_none()
                && let Some(line) = p.line
            {
                match body_line {
                    Some(first) if line >= first => p.body_line = Some(line - first + 1),
                    _ => {
                        p.field = keys
                            .iter()
                            .rev()
                            .find(|(_, at)| *at <= line)
                            .map(|(k, _)| k.clone());
                    }
                }
            }
            p
        })
        .collect()
}

/// A field the message names in backquotes, when the schema knows it.
fn named_field(message: &str) -> Option<String> {
    let mut parts = message.split('`');
    parts.next();
    let named = parts.next()?;
    schema::COMMON
        .iter()
        .chain(Kind::ALL.iter().flat_map(|k| k.schema()))
        .find(|f| f.name == named)
        .map(|f| f.name.to_string())
}

/// File lines of the top-level keys, and the body's first line.
fn key_lines(text: &str) -> (Vec<(String, usize)>, Option<usize>) {
    let Ok(split) = crate::frontmatter::split(text) else {
        return (Vec::new(), None);
    };
    let mut keys = Vec::new();
    for (i, line) in split.yaml.lines().enumerate() {
        if !line.starts_with([' ', '\t', '-', '#'])
            && let Some((key, _)) = line.split_once(':')
        {
            keys.push((key.trim().to_string(), i + 1 + split.yaml_line_offset));
        }
    }
    (keys, Some(split.body_line))
}
