//! An .xlsx workbook's sheet read into a [`Grid`]: shared strings, the
//! number format of each cell's style (so numbers, dates, money and
//! percentages show as Excel shows them), and merged ranges. Read through the
//! same capped package reader as Word documents.

use std::collections::BTreeMap;

use crate::message::{List, Message};
use crate::office::package::{Package, resolve_target};
use crate::office::xml::{self, Element};

use super::numfmt::{builtin, format_number};
use super::{Area, Grid, GridCell, parse_ref};

fn part(package: &mut Package<'_>, name: &str) -> Result<Option<Element>, Message> {
    match package.read_text(name).map_err(|e| e.0)? {
        Some(text) => xml::parse(name, &text).map(Some),
        None => Ok(None),
    }
}

/// The sheet named `sheet` (else the first) of the workbook in `bytes`.
pub fn read_sheet(bytes: &[u8], sheet: Option<&str>) -> Result<(String, Grid), Message> {
    let mut package = Package::open(bytes).map_err(|e| e.0)?;
    let workbook = part(&mut package, "xl/workbook.xml")?.ok_or(Message::OfficeMissingPart {
        part: "xl/workbook.xml".to_string(),
    })?;
    let date1904 = workbook
        .child("workbookPr")
        .and_then(|p| p.attr("date1904"))
        .is_some_and(|v| v == "1" || v == "true");
    let sheets: Vec<(String, String)> = workbook
        .child("sheets")
        .map(|s| {
            s.elements()
                .filter(|e| e.name == "sheet")
                .filter_map(|e| Some((e.attr("name")?.to_string(), e.attr("r:id")?.to_string())))
                .collect()
        })
        .unwrap_or_default();
    let chosen = match sheet {
        Some(name) => sheets.iter().find(|(n, _)| n == name.trim()),
        None => sheets.first(),
    };
    let Some((name, rel_id)) = chosen.cloned() else {
        return Err(Message::SheetNotFound {
            sheet: sheet.unwrap_or("").to_string(),
            sheets: List::of(sheets.iter().map(|(n, _)| n.clone())),
        });
    };
    let rels = part(&mut package, "xl/_rels/workbook.xml.rels")?.unwrap_or_default();
    let target = rels
        .elements()
        .find(|r| r.attr("Id") == Some(rel_id.as_str()))
        .and_then(|r| r.attr("Target"))
        .and_then(|t| resolve_target("xl/workbook.xml", t))
        .ok_or(Message::OfficeMissingPart {
            part: format!("xl/worksheets ({name})"),
        })?;

    let strings: Vec<String> = part(&mut package, "xl/sharedStrings.xml")?
        .map(|root| {
            root.elements()
                .filter(|e| e.name == "si")
                .map(rich_text)
                .collect()
        })
        .unwrap_or_default();
    let formats = part(&mut package, "xl/styles.xml")?
        .map(|root| style_formats(&root))
        .unwrap_or_default();

    let root = part(&mut package, &target)?.ok_or(Message::OfficeMissingPart {
        part: target.clone(),
    })?;
    let mut cells: BTreeMap<(usize, usize), GridCell> = BTreeMap::new();
    let mut next_row = 0;
    if let Some(data) = root.child("sheetData") {
        for row in data.elements().filter(|e| e.name == "row") {
            let r = row
                .attr("r")
                .and_then(|v| v.parse::<usize>().ok())
                .map(|v| v.saturating_sub(1))
                .unwrap_or(next_row);
            next_row = r + 1;
            let mut next_col = 0;
            for c in row.elements().filter(|e| e.name == "c") {
                let (row_at, col) = c.attr("r").and_then(parse_ref).unwrap_or((r, next_col));
                next_col = col + 1;
                if row_at > super::ROW_LIMIT || col > super::COL_LIMIT {
                    continue;
                }
                let value = c.child("v").map(|v| v.text());
                let style: usize = c.attr("s").and_then(|s| s.parse().ok()).unwrap_or(0);
                let (text, numeric) = match c.attr("t") {
                    Some("s") => (
                        value
                            .and_then(|v| v.trim().parse::<usize>().ok())
                            .and_then(|i| strings.get(i).cloned())
                            .unwrap_or_default(),
                        false,
                    ),
                    Some("inlineStr") => (c.child("is").map(rich_text).unwrap_or_default(), false),
                    Some("str") | Some("e") => (value.unwrap_or_default(), false),
                    Some("b") => (
                        if value.as_deref() == Some("1") {
                            "TRUE"
                        } else {
                            "FALSE"
                        }
                        .to_string(),
                        false,
                    ),
                    _ => match value
                        .as_deref()
                        .map(str::trim)
                        .and_then(|v| v.parse::<f64>().ok())
                    {
                        Some(n) => {
                            let code = formats.get(style).map(String::as_str).unwrap_or("General");
                            (format_number(n, code, date1904), true)
                        }
                        None => (value.unwrap_or_default(), false),
                    },
                };
                cells.insert(
                    (row_at, col),
                    GridCell {
                        text,
                        numeric,
                        ..GridCell::default()
                    },
                );
            }
        }
    }
    let merges: Vec<Area> = root
        .child("mergeCells")
        .map(|m| {
            m.elements()
                .filter_map(|e| e.attr("ref"))
                .filter_map(Area::parse)
                .collect()
        })
        .unwrap_or_default();
    Ok((name, Grid::from_cells(cells, &merges)))
}

/// The text of a shared or inline string: `<t>` or its rich runs' `<t>`s.
fn rich_text(si: &Element) -> String {
    let mut out = String::new();
    for e in si.elements() {
        match e.name.as_str() {
            "t" => out.push_str(&e.text()),
            "r" => {
                if let Some(t) = e.child("t") {
                    out.push_str(&t.text());
                }
            }
            _ => {}
        }
    }
    out
}

/// Format code of each cell style (`cellXfs`, by index).
fn style_formats(root: &Element) -> Vec<String> {
    let custom: BTreeMap<u32, String> = root
        .child("numFmts")
        .map(|n| {
            n.elements()
                .filter_map(|f| {
                    Some((
                        f.attr("numFmtId")?.parse().ok()?,
                        f.attr("formatCode")?.to_string(),
                    ))
                })
                .collect()
        })
        .unwrap_or_default();
    root.child("cellXfs")
        .map(|x| {
            x.elements()
                .filter(|e| e.name == "xf")
                .map(|xf| {
                    let id: u32 = xf
                        .attr("numFmtId")
                        .and_then(|v| v.parse().ok())
                        .unwrap_or(0);
                    custom
                        .get(&id)
                        .cloned()
                        .or_else(|| builtin(id).map(str::to_string))
                        .unwrap_or_else(|| "General".to_string())
                })
                .collect()
        })
        .unwrap_or_default()
}
