//! Diagnostics: the one shape every user-facing problem takes.
//!
//! A [`Diagnostic`] names the file (relative to the site root), the line and column
//! where there is one, what was wrong and how to fix it. Stages collect them into a
//! [`Report`] instead of stopping at the first one. What was wrong and the help
//! are [`Message`] values; they become text only in [`Diagnostic::render`] and
//! [`print_report`], the one way `main` and `serve` show problems.

use std::collections::HashMap;
use std::fmt;
use std::path::Path;
use std::sync::Arc;

use crate::i18n::Language;
use crate::message::Message;

/// How bad a problem is: errors fail the build, warnings do not.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
pub enum Severity {
    Error,
    Warning,
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Diagnostic {
    pub severity: Severity,
    /// Path relative to the site root, or absolute for files outside it (e.g.
    /// `--output`). Shared like the messages, for the same reason.
    pub path: Option<Arc<Path>>,
    pub line: Option<usize>,
    pub col: Option<usize>,
    /// Behind a pointer, so that a `Result<_, Diagnostic>` stays small (some
    /// messages carry several texts); shared, so that `serve`, which keeps
    /// every page's problems and reports them again on each save, copies a
    /// pointer rather than every text of 10,000 warnings.
    pub message: Arc<Message>,
    pub help: Option<Arc<Message>>,
}

impl Diagnostic {
    pub fn error(message: impl Into<Arc<Message>>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            path: None,
            line: None,
            col: None,
            message: message.into(),
            help: None,
        }
    }

    pub fn warning(message: impl Into<Arc<Message>>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(message)
        }
    }

    pub fn at(mut self, path: impl AsRef<Path>) -> Self {
        self.path = Some(Arc::from(path.as_ref()));
        self
    }

    pub fn line(mut self, line: usize) -> Self {
        self.line = Some(line);
        self
    }

    pub fn line_col(mut self, line: usize, col: usize) -> Self {
        self.line = Some(line);
        self.col = Some(col);
        self
    }

    /// The line when there is one: a key that may be missing from its file.
    pub fn line_maybe(mut self, line: Option<usize>) -> Self {
        if line.is_some() {
            self.line = line;
        }
        self
    }

    pub fn help(mut self, help: impl Into<Arc<Message>>) -> Self {
        self.help = Some(help.into());
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    fn sort_key(&self) -> (Option<&Path>, usize, usize, Severity, &Message) {
        (
            self.path.as_deref(),
            self.line.unwrap_or(0),
            self.col.unwrap_or(0),
            self.severity,
            &self.message,
        )
    }
}

impl Diagnostic {
    /// Renders as `content/news/a.md:3:7: error: message [E0301]`, with the help
    /// text on an indented second line. The `path:line:col: error:` head is the
    /// form editors' and CI logs' problem matchers recognise, so the code goes
    /// after the message rather than into the label.
    pub fn render(&self, language: Language) -> String {
        let mut out = String::new();
        if let Some(path) = &self.path {
            // As the system writes paths: backslashes on Windows, so a path
            // can be pasted into Explorer's address bar.
            out.push_str(&crate::shown_path::shown_path(path));
            out.push(':');
            if let Some(line) = self.line {
                out.push_str(&format!("{line}:"));
                if let Some(col) = self.col {
                    out.push_str(&format!("{col}:"));
                }
            }
            out.push(' ');
        }
        let label = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        out.push_str(&format!(
            "{label}: {} [{}]",
            self.message.render(language),
            self.message.code()
        ));
        if let Some(help) = &self.help {
            out.push_str(&format!("\n  help: {}", help.render(language)));
        }
        out
    }
}

/// All problems found by a run, errors and warnings together.
#[derive(Debug, Default, Clone)]
pub struct Report {
    diagnostics: Vec<Diagnostic>,
}

impl Report {
    pub fn new() -> Self {
        Report::default()
    }

    pub fn push(&mut self, diagnostic: Diagnostic) {
        self.diagnostics.push(diagnostic);
    }

    pub fn extend(&mut self, diagnostics: impl IntoIterator<Item = Diagnostic>) {
        self.diagnostics.extend(diagnostics);
    }

    /// How many problems it holds.
    pub fn len(&self) -> usize {
        self.diagnostics.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }

    pub fn error_count(&self) -> usize {
        self.diagnostics.iter().filter(|d| d.is_error()).count()
    }

    pub fn warning_count(&self) -> usize {
        self.diagnostics.len() - self.error_count()
    }

    /// Diagnostics sorted by file, then position, so output is stable across runs
    /// even though parsing is parallel.
    pub fn sorted(&self) -> Vec<&Diagnostic> {
        let mut all: Vec<&Diagnostic> = self.diagnostics.iter().collect();
        sort_diagnostics(&mut all);
        all
    }

    pub fn iter(&self) -> impl Iterator<Item = &Diagnostic> {
        self.diagnostics.iter()
    }

    pub fn into_vec(self) -> Vec<Diagnostic> {
        self.diagnostics
    }
}

/// Sorts diagnostics as [`Report::sorted`] does, dropping repeats: for a
/// few of a report's, picked out first.
pub fn sort_diagnostics(list: &mut Vec<&Diagnostic>) {
    list.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    list.dedup();
}

/// The failure of a whole command: the report that made it fail.
#[derive(Debug, Clone)]
pub struct Failed(pub Report);

impl fmt::Display for Failed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let count = self.0.error_count();
        f.write_str(&Message::ErrorCount { count }.render(Language::En))
    }
}

impl std::error::Error for Failed {}

/// A warning shown this many times is then only counted: the same warning in
/// hundreds of files (a field every page has) must not bury the errors.
const REPEATED_WARNINGS_SHOWN: usize = 3;

/// The lines that show `report` to a person, in `language`: every error, each
/// warning up to a few times and then a count, and a summary. `main` and
/// `serve` both print these, so problems read the same in both.
pub fn report_lines(report: &Report, language: Language) -> Vec<String> {
    let mut lines = Vec::new();
    let mut seen: std::collections::BTreeMap<&Message, usize> = std::collections::BTreeMap::new();
    for diagnostic in report.sorted() {
        if !diagnostic.is_error() {
            let count = seen.entry(&diagnostic.message).or_default();
            *count += 1;
            if *count > REPEATED_WARNINGS_SHOWN {
                continue;
            }
        }
        lines.push(diagnostic.render(language));
    }
    for (message, n) in seen {
        if n > REPEATED_WARNINGS_SHOWN {
            let more = Message::RepeatedWarning {
                more: n - REPEATED_WARNINGS_SHOWN,
                message: Box::new(Message::clone(message)),
            };
            lines.push(more.render(language));
        }
    }
    let errors = report.error_count();
    let warnings = report.warning_count();
    if errors + warnings > 0 {
        lines.push(Message::Summary { errors, warnings }.render(language));
    }
    lines
}

/// The 1-based lines on which top-level YAML `key:`s are written, so that
/// problems found after deserializing (unknown keys, missing values) still point
/// at a line. Read in one pass: looking each key up by scanning the text again
/// made 100,000 unknown keys take minutes.
#[derive(Debug, Clone, Default)]
pub struct KeyLines(HashMap<String, usize>);

impl KeyLines {
    pub fn of(yaml: &str) -> KeyLines {
        let mut lines = HashMap::new();
        for (index, line) in yaml.lines().enumerate() {
            if let Some(key) = top_level_key(line) {
                lines.entry(key.to_string()).or_insert(index + 1);
            }
        }
        KeyLines(lines)
    }

    /// The line of the first `key:`, if it is written at the top level.
    pub fn get(&self, key: &str) -> Option<usize> {
        self.0.get(key).copied()
    }
}

/// The key of an unindented `key: value` line: up to the first `:` that ends
/// the line or is followed by a space (so `a:b: 1` has the key `a:b`), or the
/// text between the quotes of a quoted key.
fn top_level_key(line: &str) -> Option<&str> {
    let first = line.chars().next()?;
    if first.is_whitespace() || matches!(first, '#' | '-' | '?') {
        return None;
    }
    if first == '"' || first == '\'' {
        let inner = &line[1..];
        let close = inner.find(first)?;
        let after = inner[close + 1..].trim_start();
        return after.starts_with(':').then_some(&inner[..close]);
    }
    let bytes = line.as_bytes();
    let colon = bytes.iter().enumerate().position(|(i, &b)| {
        b == b':'
            && bytes
                .get(i + 1)
                .is_none_or(|next| next.is_ascii_whitespace())
    })?;
    Some(line[..colon].trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_names_file_line_and_column() {
        let d = Diagnostic::error(Message::FileEmpty {})
            .at("content/news/a.md")
            .line_col(3, 7)
            .help(Message::FrontMatterClose {});
        assert_eq!(
            d.render(Language::En),
            "content/news/a.md:3:7: error: file is empty [E0301]\n  help: add a `---` line after the last front matter field"
        );
        assert!(
            d.render(Language::ZhCn)
                .starts_with("content/news/a.md:3:7: error: 文件是空的 [E0301]")
        );
    }

    #[test]
    fn finds_key_lines() {
        let yaml = "title: x\n  nested: y\ndate: 2026-01-01\n# c: 1\n- item: 2\na:b: 3\n\"q: x\" : 4\nlast:\ntitle: again\nurl: http://a.org/\n";
        let lines = KeyLines::of(yaml);
        assert_eq!(lines.get("title"), Some(1));
        assert_eq!(lines.get("date"), Some(3));
        assert_eq!(lines.get("nested"), None);
        assert_eq!(lines.get("c"), None);
        assert_eq!(lines.get("item"), None);
        assert_eq!(lines.get("a:b"), Some(6));
        assert_eq!(lines.get("a"), None);
        assert_eq!(lines.get("q: x"), Some(7));
        assert_eq!(lines.get("last"), Some(8));
        assert_eq!(lines.get("url"), Some(10));
    }
}
