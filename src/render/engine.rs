//! The template engine: every template compiled once, errors with file and
//! line, and the escaping our pages want.

use std::collections::BTreeMap;
use std::path::PathBuf;

use minijinja::{Environment, UndefinedBehavior, Value};

use crate::diag::{Diagnostic, Report};
use crate::message::Message;

/// Template name → (source, where it came from).
pub type TemplateSources = BTreeMap<String, (String, String)>;

pub struct Renderer<'s> {
    env: Environment<'s>,
    origins: BTreeMap<String, String>,
}

impl<'s> Renderer<'s> {
    /// Compiles every template; `strict` makes undefined variables errors (for `check`).
    pub fn new(templates: &'s TemplateSources, strict: bool, report: &mut Report) -> Renderer<'s> {
        let mut env = Environment::new();
        env.set_debug(true);
        if let Ok(syntax) = minijinja::syntax::SyntaxConfig::builder()
            .trim_blocks(true)
            .lstrip_blocks(true)
            .build()
        {
            env.set_syntax(syntax);
        }
        if strict {
            env.set_undefined_behavior(UndefinedBehavior::SemiStrict);
        }
        env.set_formatter(format_value);
        let mut origins = BTreeMap::new();
        for (name, (source, origin)) in templates {
            origins.insert(name.clone(), origin.clone());
            if let Err(e) = env.add_template(name, source) {
                report.push(template_diagnostic(&e, &origins));
            }
        }
        Renderer { env, origins }
    }

    pub fn has_template(&self, name: &str) -> bool {
        self.env.get_template(name).is_ok()
    }

    pub(crate) fn render(&self, name: &str, ctx: Value) -> Result<String, Diagnostic> {
        let template = self
            .env
            .get_template(name)
            .map_err(|e| template_diagnostic(&e, &self.origins))?;
        template
            .render(ctx)
            .map_err(|e| template_diagnostic(&e, &self.origins))
    }

    /// The first template of `names` that exists.
    pub(crate) fn pick<'n>(&self, names: &[&'n str]) -> Option<&'n str> {
        names.iter().copied().find(|n| self.has_template(n))
    }
}

/// Escapes like minijinja's default, but leaves `/` alone: URLs full of `&#x2f;`
/// are valid yet unreadable and larger.
fn format_value(
    out: &mut minijinja::Output,
    state: &mut minijinja::State,
    value: &Value,
) -> Result<(), minijinja::Error> {
    let escaping = !matches!(state.auto_escape(), minijinja::AutoEscape::None);
    if !escaping || value.is_safe() || value.is_none() || value.is_undefined() {
        return minijinja::escape_formatter(out, state, value);
    }
    let text = match value.as_str() {
        Some(s) => std::borrow::Cow::Borrowed(s),
        None => std::borrow::Cow::Owned(value.to_string()),
    };
    let escaped = crate::escape::escape_html(&text);
    std::fmt::Write::write_str(out, &escaped).map_err(|_| {
        minijinja::Error::new(
            minijinja::ErrorKind::WriteFailure,
            "cannot write template output",
        )
    })
}

fn template_diagnostic(e: &minijinja::Error, origins: &BTreeMap<String, String>) -> Diagnostic {
    let name = e.name().unwrap_or("template").to_string();
    let origin = origins
        .get(&name)
        .cloned()
        .unwrap_or_else(|| format!("templates/{name}"));
    let mut message = e
        .detail()
        .map(str::to_string)
        .unwrap_or_else(|| e.kind().to_string());
    let mut source = std::error::Error::source(e);
    while let Some(inner) = source {
        message.push_str(&format!(": {inner}"));
        source = inner.source();
    }
    Diagnostic::error(Message::Template {
        name,
        detail: message,
    })
    .at(PathBuf::from(origin))
    .line_maybe(e.line())
}

/// Any serializable view as a template value.
pub fn to_value<T: serde::Serialize>(view: T) -> Value {
    Value::from(minijinja::value::Serde(view))
}
