//! Excel's number formats: a cell's value shown as Excel shows it — `0.00`,
//! `#,##0`, `0.0%`, `¥#,##0.00`, `yyyy"年"m"月"d"日"`, `yyyy/m/d` — from the
//! format code of the cell's style (or a built-in format's number). Covers
//! the codes offices use; an unknown part of a code is shown as written.

/// The format code of a built-in format id, as Excel shows it in zh-CN.
pub fn builtin(id: u32) -> Option<&'static str> {
    Some(match id {
        0 => "General",
        1 => "0",
        2 => "0.00",
        3 => "#,##0",
        4 => "#,##0.00",
        5 | 37 => "#,##0;-#,##0",
        6 | 38 => "#,##0;[Red]-#,##0",
        7 | 39 => "#,##0.00;-#,##0.00",
        8 | 40 => "#,##0.00;[Red]-#,##0.00",
        9 => "0%",
        10 => "0.00%",
        11 => "0.00E+00",
        14 => "yyyy/m/d",
        15 => "d-mmm-yy",
        16 => "d-mmm",
        17 => "mmm-yy",
        18 => "h:mm AM/PM",
        19 => "h:mm:ss AM/PM",
        20 => "h:mm",
        21 => "h:mm:ss",
        22 => "yyyy/m/d h:mm",
        27..=31 | 50..=54 => "yyyy\"年\"m\"月\"d\"日\"",
        32 | 33 | 55 | 56 => "h\"时\"mm\"分\"",
        45 => "mm:ss",
        46 => "[h]:mm:ss",
        47 => "mm:ss.0",
        49 => "@",
        57 | 58 => "yyyy\"年\"m\"月\"",
        _ => return None,
    })
}

/// `value` shown with `code`; `date1904` for workbooks made on old Macs.
pub fn format_number(value: f64, code: &str, date1904: bool) -> String {
    let sections = split_sections(code);
    let (section, value) = match sections.len() {
        0 => return general(value),
        1 => (sections[0].as_str(), value),
        _ if value < 0.0 => (sections[1].as_str(), -value),
        _ if value == 0.0 && sections.len() > 2 => (sections[2].as_str(), value),
        _ => (sections[0].as_str(), value),
    };
    let negative_sign = sections.len() == 1 && value < 0.0;
    let tokens = tokenize(section);
    if tokens.iter().all(|t| matches!(t, Token::Literal(_))) {
        let text: String = tokens.iter().map(Token::text).collect();
        if text.eq_ignore_ascii_case("general") || text.is_empty() {
            return general(value);
        }
        if text == "@" {
            return general(value);
        }
    }
    if tokens.iter().any(Token::is_date) {
        return format_date(value, &tokens, date1904);
    }
    let shown = format_plain(value.abs(), &tokens);
    if negative_sign && shown.chars().any(|c| c.is_ascii_digit() && c != '0') {
        format!("-{shown}")
    } else {
        shown
    }
}

/// Up to 11 significant digits, trailing zeros dropped: Excel's General.
pub fn general(value: f64) -> String {
    if value.fract() == 0.0 && value.abs() < 1e15 {
        return format!("{}", value as i64);
    }
    let magnitude = value.abs().log10().floor() as i32;
    let decimals = (10 - magnitude).clamp(0, 15) as usize;
    let text = format!("{value:.decimals$}");
    let text = if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        text
    };
    if text == "-0" { "0".to_string() } else { text }
}

fn split_sections(code: &str) -> Vec<String> {
    let mut out = vec![String::new()];
    let mut quoted = false;
    let mut chars = code.chars();
    while let Some(c) = chars.next() {
        match c {
            '"' => {
                quoted = !quoted;
                if let Some(last) = out.last_mut() {
                    last.push(c);
                }
            }
            '\\' => {
                if let Some(last) = out.last_mut() {
                    last.push(c);
                    if let Some(n) = chars.next() {
                        last.push(n);
                    }
                }
            }
            ';' if !quoted => out.push(String::new()),
            c => {
                if let Some(last) = out.last_mut() {
                    last.push(c);
                }
            }
        }
    }
    if out.len() == 1 && out[0].is_empty() {
        out.clear();
    }
    out
}

#[derive(Debug, Clone, PartialEq)]
enum Token {
    Literal(String),
    /// A run of number placeholders and separators: `#,##0.00`.
    Number(String),
    Percent,
    Exponent(String),
    /// `yyyy`, `m`, `dd`, `h`, `ss`, `AM/PM`…
    Date(String),
}

impl Token {
    fn text(&self) -> String {
        match self {
            Token::Literal(s) | Token::Number(s) | Token::Exponent(s) | Token::Date(s) => s.clone(),
            Token::Percent => "%".to_string(),
        }
    }

    fn is_date(&self) -> bool {
        matches!(self, Token::Date(_))
    }
}

fn tokenize(section: &str) -> Vec<Token> {
    let chars: Vec<char> = section.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    let literal = |out: &mut Vec<Token>, s: &str| match out.last_mut() {
        Some(Token::Literal(l)) => l.push_str(s),
        _ => out.push(Token::Literal(s.to_string())),
    };
    while i < chars.len() {
        let c = chars[i];
        match c {
            '"' => {
                let end = chars[i + 1..]
                    .iter()
                    .position(|&c| c == '"')
                    .map_or(chars.len(), |p| i + 1 + p);
                let text: String = chars[i + 1..end].iter().collect();
                literal(&mut out, &text);
                i = end + 1;
            }
            '\\' => {
                if let Some(n) = chars.get(i + 1) {
                    literal(&mut out, &n.to_string());
                }
                i += 2;
            }
            '_' => {
                literal(&mut out, " ");
                i += 2;
            }
            '*' => i += 2,
            '[' => {
                let end = chars[i..]
                    .iter()
                    .position(|&c| c == ']')
                    .map_or(chars.len(), |p| i + p);
                let inner: String = chars[i + 1..end].iter().collect();
                // [$¥-804] is a currency sign; [Red], [>100] are conditions.
                if let Some(currency) = inner.strip_prefix('$') {
                    let sign = currency.split('-').next().unwrap_or("");
                    literal(&mut out, sign);
                } else if inner
                    .chars()
                    .all(|c| "hms".contains(c.to_ascii_lowercase()))
                    && !inner.is_empty()
                {
                    out.push(Token::Date(format!("[{inner}]")));
                }
                i = end + 1;
            }
            '0' | '#' | '?' | '.' | ',' => {
                let start = i;
                while i < chars.len() && "0#?.,".contains(chars[i]) {
                    i += 1;
                }
                let run: String = chars[start..i].iter().collect();
                if run == "." || run == "," {
                    literal(&mut out, &run);
                } else {
                    out.push(Token::Number(run));
                }
            }
            '%' => {
                out.push(Token::Percent);
                i += 1;
            }
            'E' | 'e' if matches!(chars.get(i + 1), Some('+' | '-')) => {
                let start = i;
                i += 2;
                while i < chars.len() && "0#".contains(chars[i]) {
                    i += 1;
                }
                out.push(Token::Exponent(chars[start..i].iter().collect()));
            }
            c if "yYmMdDhHsS".contains(c) => {
                let start = i;
                while i < chars.len() && chars[i].eq_ignore_ascii_case(&c) {
                    i += 1;
                }
                out.push(Token::Date(
                    chars[start..i].iter().collect::<String>().to_lowercase(),
                ));
            }
            'A' | 'a'
                if chars[i..]
                    .iter()
                    .collect::<String>()
                    .to_uppercase()
                    .starts_with("AM/PM") =>
            {
                out.push(Token::Date("AM/PM".to_string()));
                i += 5;
            }
            'a' if chars[i..].starts_with(&['a', 'a', 'a']) => {
                let n = chars[i..].iter().take_while(|&&c| c == 'a').count();
                out.push(Token::Date("a".repeat(n)));
                i += n;
            }
            c => {
                literal(&mut out, &c.to_string());
                i += 1;
            }
        }
    }
    out
}

fn format_plain(value: f64, tokens: &[Token]) -> String {
    let percents = tokens.iter().filter(|t| **t == Token::Percent).count();
    let value = value * 100f64.powi(percents as i32);
    let exponent = tokens.iter().any(|t| matches!(t, Token::Exponent(_)));
    let mut out = String::new();
    let mut number_done = false;
    for t in tokens {
        match t {
            Token::Literal(s) => out.push_str(s),
            Token::Percent => out.push('%'),
            Token::Date(s) => out.push_str(s),
            Token::Exponent(e) => {
                let (_, exp) = scientific_parts(value);
                let digits = e.len().saturating_sub(2).max(1);
                let sign = if exp < 0 {
                    "-"
                } else if e.contains('+') {
                    "+"
                } else {
                    ""
                };
                out.push_str(&format!("E{sign}{:0digits$}", exp.abs()));
            }
            Token::Number(pattern) if !number_done => {
                number_done = true;
                let shown = if exponent {
                    scientific_parts(value).0
                } else {
                    value
                };
                out.push_str(&place_digits(shown, pattern));
            }
            Token::Number(_) => {}
        }
    }
    out
}

fn scientific_parts(value: f64) -> (f64, i32) {
    if value == 0.0 {
        return (0.0, 0);
    }
    let exp = value.abs().log10().floor() as i32;
    (value / 10f64.powi(exp), exp)
}

/// `1234.5` with `#,##0.00` → `1,234.50`.
fn place_digits(value: f64, pattern: &str) -> String {
    let (int_pattern, frac_pattern) = pattern.split_once('.').unwrap_or((pattern, ""));
    // Trailing commas scale by thousands.
    let scale = int_pattern.len() - int_pattern.trim_end_matches(',').len();
    let int_pattern = int_pattern.trim_end_matches(',');
    let value = value / 1000f64.powi(scale as i32);
    let grouping = int_pattern.contains(',');
    let min_int = int_pattern.chars().filter(|&c| c == '0').count();
    let min_frac = frac_pattern.chars().filter(|&c| c == '0').count();
    let max_frac = frac_pattern.chars().filter(|&c| "0#?".contains(c)).count();
    let rounded = format!("{value:.max_frac$}");
    let (int_digits, frac_digits) = rounded.split_once('.').unwrap_or((&rounded, ""));
    let mut frac = frac_digits.to_string();
    while frac.len() > min_frac && frac.ends_with('0') {
        frac.pop();
    }
    let mut int = int_digits.trim_start_matches('0').to_string();
    while int.len() < min_int {
        int.insert(0, '0');
    }
    if grouping {
        let bytes: Vec<char> = int.chars().collect();
        let mut grouped = String::new();
        for (k, c) in bytes.iter().enumerate() {
            if k > 0 && (bytes.len() - k).is_multiple_of(3) {
                grouped.push(',');
            }
            grouped.push(*c);
        }
        int = grouped;
    }
    if frac.is_empty() && !frac_pattern.contains('0') {
        if pattern.contains('.') && max_frac == 0 {
            return format!("{int}.");
        }
        return int;
    }
    format!("{int}.{frac}")
}

/// A serial date (days since 1899-12-30, or 1904-01-01) shown with date tokens.
fn format_date(value: f64, tokens: &[Token], date1904: bool) -> String {
    let mut days = value.floor() as i64;
    let mut seconds = ((value - value.floor()) * 86_400.0).round() as i64;
    if seconds >= 86_400 {
        days += 1;
        seconds -= 86_400;
    }
    // Excel's day 60 is the 29 February 1900 that never was.
    let base = if date1904 {
        jiff::civil::date(1904, 1, 1)
    } else if days < 61 {
        jiff::civil::date(1899, 12, 31)
    } else {
        jiff::civil::date(1899, 12, 30)
    };
    let date = base
        .checked_add(jiff::Span::new().days(days.clamp(-1_000_000, 3_000_000)))
        .unwrap_or(base);
    let (h, mi, s) = (seconds / 3600, (seconds / 60) % 60, seconds % 60);
    let twelve = tokens
        .iter()
        .any(|t| *t == Token::Date("AM/PM".to_string()));
    let mut out = String::new();
    for (k, t) in tokens.iter().enumerate() {
        match t {
            Token::Date(d) => {
                // `m` after an hour or before a second is minutes.
                let minute = d.starts_with('m')
                    && (tokens[..k]
                        .iter()
                        .rev()
                        .find(|t| t.is_date())
                        .is_some_and(|t| t.text().starts_with('h') || t.text().starts_with("[h"))
                        || tokens[k + 1..]
                            .iter()
                            .find(|t| t.is_date())
                            .is_some_and(|t| t.text().starts_with('s')));
                let piece = match d.as_str() {
                    "yyyy" | "yyy" => format!("{:04}", date.year()),
                    "yy" | "y" => format!("{:02}", date.year() % 100),
                    "m" if minute => mi.to_string(),
                    "mm" if minute => format!("{mi:02}"),
                    "m" => date.month().to_string(),
                    "mm" => format!("{:02}", date.month()),
                    "mmm" => [
                        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
                        "Nov", "Dec",
                    ][date.month() as usize - 1]
                        .to_string(),
                    "mmmm" => format!("{}月", date.month()),
                    "d" => date.day().to_string(),
                    "dd" => format!("{:02}", date.day()),
                    "ddd" | "aaa" => ["一", "二", "三", "四", "五", "六", "日"]
                        [date.weekday().to_monday_zero_offset() as usize]
                        .to_string(),
                    "dddd" | "aaaa" => format!(
                        "星期{}",
                        ["一", "二", "三", "四", "五", "六", "日"]
                            [date.weekday().to_monday_zero_offset() as usize]
                    ),
                    "h" => (if twelve { (h + 11) % 12 + 1 } else { h }).to_string(),
                    "hh" => format!("{:02}", if twelve { (h + 11) % 12 + 1 } else { h }),
                    "[h]" => (days * 24 + h).to_string(),
                    "s" => s.to_string(),
                    "ss" => format!("{s:02}"),
                    "AM/PM" => (if h < 12 { "AM" } else { "PM" }).to_string(),
                    other => other.to_string(),
                };
                out.push_str(&piece);
            }
            other => out.push_str(&other.text()),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_as_excel_shows_them() {
        assert_eq!(format_number(1234.5, "#,##0.00", false), "1,234.50");
        assert_eq!(format_number(0.256, "0.0%", false), "25.6%");
        assert_eq!(format_number(3000.0, "\"¥\"#,##0.00", false), "¥3,000.00");
        assert_eq!(
            format_number(3000.0, "[$¥-804]#,##0.00", false),
            "¥3,000.00"
        );
        assert_eq!(
            format_number(-5.0, "#,##0.00;[Red]-#,##0.00", false),
            "-5.00"
        );
        assert_eq!(format_number(12.0, "0", false), "12");
        assert_eq!(format_number(0.1 + 0.2, "General", false), "0.3");
        assert_eq!(format_number(1234567.0, "0.00E+00", false), "1.23E+06");
    }

    #[test]
    fn dates_as_excel_shows_them() {
        // 46346 is 2026-11-20.
        assert_eq!(
            format_number(46346.0, "yyyy\"年\"m\"月\"d\"日\"", false),
            "2026年11月20日"
        );
        assert_eq!(format_number(46346.0, "yyyy/m/d", false), "2026/11/20");
        assert_eq!(format_number(46346.0, "yyyy-mm-dd", false), "2026-11-20");
        assert_eq!(
            format_number(46346.5, "yyyy/m/d h:mm", false),
            "2026/11/20 12:00"
        );
    }
}
