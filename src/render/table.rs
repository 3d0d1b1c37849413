//! The `table` shortcode: `{{ table(file="名单.xlsx", sheet="公示名单",
//! range="A1:F40", caption="…") }}` or `{{ table(file="明细.csv") }}` — a
//! sheet as an accessible HTML table, read by `crate::office::sheet` from a
//! file the page may name (the build's containment rules, as for any file).
//! A missing file, sheet or a bad range is an error with the page's line.

use std::path::Path;

use crate::diag::{Diagnostic, Report};
use crate::markdown::shortcode::ShortcodeCall;
use crate::message::Message;
use crate::model::Page;
use crate::model::kinds::resolve_file;
use crate::office::sheet::{read_table, table_html};

/// The table's HTML, or `None` (reported) when it cannot be made.
pub fn table_shortcode(
    page: &Page,
    call: &ShortcodeCall,
    root: &Path,
    report: &mut Report,
) -> Option<String> {
    let error = |message: Message| {
        Diagnostic::error(message)
            .at(&page.parsed.path)
            .line(call.line)
    };
    let Some(file) = call.str_arg("file") else {
        report.push(error(Message::TableNeedsFile {}));
        return None;
    };
    // A missing or unpublishable file is reported with the other shortcodes'.
    let rel = resolve_file(&page.parsed, file)?;
    let bytes = std::fs::read(root.join(&rel)).ok()?;
    match read_table(file, &bytes, call.str_arg("sheet"), call.str_arg("range")) {
        Ok(grid) => Some(table_html(&grid, call.str_arg("caption"), None)),
        Err(problem) => {
            let help = matches!(problem, Message::SheetFormat { .. });
            let mut d = error(Message::TableUnreadable {
                file: file.to_string(),
                problem: Box::new(problem),
            });
            if help {
                d = d.help(Message::SheetFormatHelp {});
            }
            report.push(d);
            None
        }
    }
}
