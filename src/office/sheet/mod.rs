//! Spreadsheets on a page: an .xlsx sheet or a .csv file as a [`Grid`] of
//! cells as Excel shows them (merged ranges kept), cut to a range if asked,
//! empty trailing rows and columns dropped, and written as an accessible
//! HTML table (`<th scope="col">` header row, `colspan`/`rowspan`, numbers
//! right-aligned by a class). Used by the `table` shortcode and by a
//! disclosure's attachment shown inline.

pub mod numfmt;
mod xlsx;

use std::collections::BTreeMap;

use crate::escape::escape_html;
use crate::message::Message;

/// Beyond Excel's own limits nothing is read.
pub const ROW_LIMIT: usize = 1_048_576;
pub const COL_LIMIT: usize = 16_384;
/// What one table on a page may hold: more is an error, not a slow page.
pub const CELL_LIMIT: usize = 200_000;

#[derive(Debug, Clone, Default, PartialEq)]
pub struct GridCell {
    pub text: String,
    pub numeric: bool,
    pub colspan: usize,
    pub rowspan: usize,
    /// Covered by a merged cell to its left or above.
    pub covered: bool,
}

/// A rectangle of cells, 0-based, inclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Area {
    pub top: usize,
    pub left: usize,
    pub bottom: usize,
    pub right: usize,
}

impl Area {
    /// `A1:F40` (or one cell, `B2`).
    pub fn parse(text: &str) -> Option<Area> {
        let text = text.trim().replace('$', "");
        let (a, b) = text.split_once(':').unwrap_or((&text, &text));
        let (top, left) = parse_ref(a)?;
        let (bottom, right) = parse_ref(b)?;
        (top <= bottom && left <= right).then_some(Area {
            top,
            left,
            bottom,
            right,
        })
    }
}

/// `C12` → (11, 2).
pub fn parse_ref(text: &str) -> Option<(usize, usize)> {
    let text = text.trim();
    let letters = text.bytes().take_while(u8::is_ascii_alphabetic).count();
    if letters == 0 || letters > 3 {
        return None;
    }
    let col = text[..letters].bytes().fold(0usize, |acc, b| {
        acc * 26 + usize::from(b.to_ascii_uppercase() - b'A' + 1)
    });
    let row: usize = text[letters..].parse().ok()?;
    ((1..=ROW_LIMIT).contains(&row) && (1..=COL_LIMIT).contains(&col)).then(|| (row - 1, col - 1))
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Grid {
    pub rows: Vec<Vec<GridCell>>,
}

impl Grid {
    fn from_cells(cells: BTreeMap<(usize, usize), GridCell>, merges: &[Area]) -> Grid {
        let height = cells.keys().map(|(r, _)| r + 1).max().unwrap_or(0);
        let width = cells.keys().map(|(_, c)| c + 1).max().unwrap_or(0);
        let height = merges
            .iter()
            .map(|m| m.bottom + 1)
            .fold(height, usize::max)
            .min(ROW_LIMIT);
        let width = merges
            .iter()
            .map(|m| m.right + 1)
            .fold(width, usize::max)
            .min(COL_LIMIT);
        let mut rows = Vec::new();
        if height.saturating_mul(width) > CELL_LIMIT * 4 {
            // A stray far-away cell: keep only what was written.
            return Grid::sparse(cells, merges);
        }
        for r in 0..height {
            let row = (0..width)
                .map(|c| {
                    let mut cell = cells.get(&(r, c)).cloned().unwrap_or_default();
                    cell.colspan = 1;
                    cell.rowspan = 1;
                    cell
                })
                .collect();
            rows.push(row);
        }
        let mut grid = Grid { rows };
        grid.apply_merges(merges);
        grid
    }

    fn sparse(cells: BTreeMap<(usize, usize), GridCell>, merges: &[Area]) -> Grid {
        let height = cells
            .keys()
            .map(|(r, _)| r + 1)
            .max()
            .unwrap_or(0)
            .min(CELL_LIMIT);
        let width = cells.keys().map(|(_, c)| c + 1).max().unwrap_or(0).min(64);
        let mut rows = vec![
            vec![
                GridCell {
                    colspan: 1,
                    rowspan: 1,
                    ..GridCell::default()
                };
                width
            ];
            height
        ];
        for ((r, c), cell) in cells {
            if r < height && c < width {
                rows[r][c] = GridCell {
                    colspan: 1,
                    rowspan: 1,
                    ..cell
                };
            }
        }
        let mut grid = Grid { rows };
        grid.apply_merges(merges);
        grid
    }

    fn apply_merges(&mut self, merges: &[Area]) {
        for m in merges {
            if m.bottom >= self.rows.len() || self.rows.first().is_none_or(|r| m.right >= r.len()) {
                continue;
            }
            for r in m.top..=m.bottom {
                for c in m.left..=m.right {
                    self.rows[r][c].covered = (r, c) != (m.top, m.left);
                }
            }
            let head = &mut self.rows[m.top][m.left];
            head.colspan = m.right - m.left + 1;
            head.rowspan = m.bottom - m.top + 1;
        }
    }

    /// The cells inside `area` only; merges cut at its edges.
    fn cut(self, area: Area) -> Grid {
        let rows = self
            .rows
            .into_iter()
            .enumerate()
            .filter(|(r, _)| (area.top..=area.bottom).contains(r))
            .map(|(r, row)| {
                row.into_iter()
                    .enumerate()
                    .filter(|(c, _)| (area.left..=area.right).contains(c))
                    .map(|(c, mut cell)| {
                        cell.colspan = cell.colspan.min(area.right - c + 1);
                        cell.rowspan = cell.rowspan.min(area.bottom - r + 1);
                        cell
                    })
                    .collect()
            })
            .collect();
        Grid { rows }
    }

    /// Empty rows at the bottom and empty columns at the right dropped.
    fn trimmed(mut self) -> Grid {
        let empty = |cell: &GridCell| {
            cell.text.trim().is_empty() && !cell.covered && cell.colspan <= 1 && cell.rowspan <= 1
        };
        while self.rows.last().is_some_and(|row| row.iter().all(empty)) {
            self.rows.pop();
        }
        let width = self
            .rows
            .iter()
            .map(|row| row.iter().rposition(|c| !empty(c)).map_or(0, |p| p + 1))
            .max()
            .unwrap_or(0);
        for row in &mut self.rows {
            row.truncate(width);
        }
        self
    }

    pub fn cell_count(&self) -> usize {
        self.rows.iter().map(Vec::len).sum()
    }
}

/// What kind of spreadsheet the bytes are.
fn is_zip(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04")
}

/// Reads the table a `table` shortcode or an inline attachment names.
/// `name` is the file's name (its extension decides CSV), `sheet` and
/// `range` as written.
pub fn read_table(
    name: &str,
    bytes: &[u8],
    sheet: Option<&str>,
    range: Option<&str>,
) -> Result<Grid, Message> {
    let area = match range {
        Some(r) => Some(Area::parse(r).ok_or_else(|| Message::SheetBadRange {
            range: r.to_string(),
        })?),
        None => None,
    };
    let lower = name.to_lowercase();
    let grid = if is_zip(bytes) && !lower.ends_with(".csv") {
        if lower.ends_with(".ods") {
            return Err(Message::SheetFormat {
                file: name.to_string(),
            });
        }
        xlsx::read_sheet(bytes, sheet)?.1
    } else if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        return Err(Message::SheetFormat {
            file: name.to_string(),
        });
    } else if lower.ends_with(".csv") || lower.ends_with(".txt") {
        if let Some(s) = sheet {
            return Err(Message::SheetNotInCsv {
                sheet: s.to_string(),
            });
        }
        read_csv(bytes)?
    } else {
        return Err(Message::SheetFormat {
            file: name.to_string(),
        });
    };
    let grid = match area {
        Some(area) => grid.cut(area),
        None => grid,
    };
    let grid = grid.trimmed();
    if grid.cell_count() > CELL_LIMIT {
        return Err(Message::SheetTooLarge {
            cells: grid.cell_count(),
            limit: CELL_LIMIT,
        });
    }
    Ok(grid)
}

/// A CSV file: UTF-8 (with or without BOM) or, as Excel on Chinese Windows
/// saves it, GBK; commas, quotes with doubled quotes, CRLF.
fn read_csv(bytes: &[u8]) -> Result<Grid, Message> {
    let text = match std::str::from_utf8(bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes)) {
        Ok(t) => t.to_string(),
        Err(_) => {
            let (text, _, bad) = encoding_rs::GB18030.decode(bytes);
            if bad {
                return Err(Message::SheetCsvEncoding {});
            }
            text.into_owned()
        }
    };
    let mut rows: Vec<Vec<GridCell>> = Vec::new();
    let mut row: Vec<GridCell> = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    let cell = |text: &mut String| {
        let t = std::mem::take(text);
        GridCell {
            numeric: looks_numeric(&t),
            text: t,
            colspan: 1,
            rowspan: 1,
            covered: false,
        }
    };
    let mut cells = 0usize;
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') if field.is_empty() => quoted = true,
            (false, ',') => {
                row.push(cell(&mut field));
                cells += 1;
            }
            (false, '\r') => {}
            (false, '\n') => {
                row.push(cell(&mut field));
                rows.push(std::mem::take(&mut row));
                cells += 1;
            }
            (false, c) => field.push(c),
        }
        if cells > CELL_LIMIT {
            return Err(Message::SheetTooLarge {
                cells,
                limit: CELL_LIMIT,
            });
        }
    }
    if !field.is_empty() || !row.is_empty() {
        row.push(cell(&mut field));
        rows.push(row);
    }
    let width = rows.iter().map(Vec::len).max().unwrap_or(0);
    for r in &mut rows {
        r.resize(
            width,
            GridCell {
                colspan: 1,
                rowspan: 1,
                ..GridCell::default()
            },
        );
    }
    Ok(Grid { rows })
}

/// A CSV field that reads as a number, money or a percentage.
fn looks_numeric(text: &str) -> bool {
    let t = text
        .trim()
        .trim_start_matches(['¥', '￥', '$', '-', '+'])
        .trim_end_matches('%');
    !t.is_empty()
        && t.chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
        && t.chars().any(|c| c.is_ascii_digit())
}

/// The grid's title row: one cell merged across the whole width, as an
/// office puts a sheet's title above its headers.
fn title_row(grid: &Grid) -> Option<&str> {
    let first = grid.rows.first()?;
    let width = first.len();
    let mut visible = first.iter().filter(|c| !c.covered);
    let cell = visible.next()?;
    (width > 1
        && visible.next().is_none()
        && cell.colspan == width
        && cell.rowspan == 1
        && grid.rows.len() > 1)
        .then_some(cell.text.trim())
}

/// The grid as an HTML table, the first row as column headers. The caption
/// is `caption` as given, else the sheet's title row (which is not repeated
/// as a row), else `fallback`.
pub fn table_html(grid: &Grid, caption: Option<&str>, fallback: Option<&str>) -> String {
    let mut out = String::from("<div class=\"table-wrap\"><table class=\"sheet\">");
    let title = title_row(grid);
    if let Some(c) = caption
        .or(title)
        .or(fallback)
        .filter(|c| !c.trim().is_empty())
    {
        out.push_str(&format!("<caption>{}</caption>", escape_html(c)));
    }
    let rows = &grid.rows[usize::from(title.is_some())..];
    for (r, row) in rows.iter().enumerate() {
        if r == 0 {
            out.push_str("<thead>");
        } else if r == 1 {
            out.push_str("<tbody>");
        }
        out.push_str("<tr>");
        for cell in row.iter().filter(|c| !c.covered) {
            let (tag, scope) = if r == 0 {
                ("th", " scope=\"col\"")
            } else {
                ("td", "")
            };
            let mut attrs = scope.to_string();
            if cell.colspan > 1 {
                attrs.push_str(&format!(" colspan=\"{}\"", cell.colspan));
            }
            if cell.rowspan > 1 {
                attrs.push_str(&format!(" rowspan=\"{}\"", cell.rowspan));
            }
            if cell.numeric && r > 0 {
                attrs.push_str(" class=\"num\"");
            }
            let text = escape_html(&cell.text).replace('\n', "<br>");
            out.push_str(&format!("<{tag}{attrs}>{text}</{tag}>"));
        }
        out.push_str("</tr>");
        if r == 0 {
            out.push_str("</thead>");
        }
    }
    if rows.len() > 1 {
        out.push_str("</tbody>");
    }
    out.push_str("</table></div>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_and_refs() {
        assert_eq!(parse_ref("A1"), Some((0, 0)));
        assert_eq!(parse_ref("AA10"), Some((9, 26)));
        assert_eq!(
            Area::parse("A1:F40").map(|a| (a.bottom, a.right)),
            Some((39, 5))
        );
        assert_eq!(Area::parse("F1:A40"), None);
        assert_eq!(Area::parse("名单"), None);
    }

    #[test]
    fn csv_with_quotes_and_trailing_rows() {
        let grid = read_table(
            "a.csv",
            "姓名,金额\n\"张,三\",\"1,200.00\"\n,\n".as_bytes(),
            None,
            None,
        )
        .unwrap();
        assert_eq!(grid.rows.len(), 2);
        assert_eq!(grid.rows[1][0].text, "张,三");
        assert!(grid.rows[1][1].numeric);
        let gbk = encoding_rs::GBK.encode("姓名,部门\n李四,工会\n").0;
        let grid = read_table("b.csv", &gbk, None, None).unwrap();
        assert_eq!(grid.rows[1][1].text, "工会");
    }
}
