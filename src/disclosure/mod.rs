//! Disclosure integrity (厂务公开): the rules behind 公示 pages — notice periods counted
//! on the holiday calendar, and document numbers (文号) per GB/T 9704. Below the
//! model, which applies them; the ledger of published notices is an emit stage
//! over the built site (`emit::ledger`).

pub mod calendar;
pub mod number;
pub mod skeleton;
pub mod status;

use std::path::Path;

use crate::diag::{Diagnostic, Report};
use crate::layout::HOLIDAYS_FILE;
use crate::load;
use calendar::HolidayCalendar;

/// The built-in holiday calendar, extended by the site's `holidays.yaml`.
pub fn load_calendar(root: &Path, report: &mut Report) -> HolidayCalendar {
    let mut calendar = HolidayCalendar::builtin();
    let path = root.join(HOLIDAYS_FILE);
    if let Ok(bytes) = std::fs::read(&path)
        && let Some(text) = load::decode_text(&bytes, Path::new(HOLIDAYS_FILE), report)
        && let Err(e) = calendar.extend_from_yaml(&text)
    {
        let mut d = Diagnostic::error(e.message.clone()).at(HOLIDAYS_FILE);
        if let (Some(line), Some(col)) = (e.line, e.column) {
            d = d.line_col(line, col);
        } else if let Some(line) = e.line {
            d = d.line(line);
        }
        if let Some(help) = &e.help {
            d = d.help(help.clone());
        }
        report.push(d);
    }
    calendar
}
