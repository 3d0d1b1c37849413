//! What a 公文 (GB/T 9704 official document) says in its layout rather than
//! its styles: headings typed as numbering (一、 （一） 1． （1）) and set apart
//! by font or weight; the red header (版头) with the issuing body, the 文号,
//! the centred title, the 附件 list, the signature and the 成文日期. Each is
//! a guess from the text and its direct formatting, so the import reports
//! what it guessed.

use super::{Block, Para};

/// The heading level (2–5) a 公文 paragraph's typed numbering gives, when it
/// reads as a heading: it starts with the numbering, is short, and all of it
/// is set apart (黑体 or 楷体, as GB/T 9704 sets levels one and two, or bold).
pub fn typed_heading(para: &Para) -> Option<u8> {
    if para.list.is_some() || para.heading.is_some() || para.has_pictures() {
        return None;
    }
    let text = para.text();
    let text = text.trim();
    // Real headings run to about 40 characters, a full stop included.
    if text.is_empty() || text.chars().count() > 40 || text.contains('\n') {
        return None;
    }
    let level = numbering_level(text)?;
    let set_apart = para
        .text_runs()
        .all(|(_, format, font, _, _)| format.bold || font.is_some_and(is_display_font));
    set_apart.then_some(level)
}

/// 一、 → 2, （一） → 3, 1． → 4, （1） → 5.
pub fn numbering_level(text: &str) -> Option<u8> {
    const HAN: &str = "一二三四五六七八九十";
    let chars: Vec<char> = text.chars().collect();
    let han_run = |from: usize| {
        chars[from..]
            .iter()
            .take_while(|c| HAN.contains(**c))
            .count()
    };
    let digit_run = |from: usize| {
        chars[from..]
            .iter()
            .take_while(|c| c.is_ascii_digit() || ('０'..='９').contains(c))
            .count()
    };
    let n = han_run(0);
    if n > 0 && chars.get(n) == Some(&'、') {
        return Some(2);
    }
    if matches!(chars.first(), Some('（' | '(')) {
        let n = han_run(1);
        if n > 0 && matches!(chars.get(1 + n), Some('）' | ')')) {
            return Some(3);
        }
        let n = digit_run(1);
        if n > 0 && matches!(chars.get(1 + n), Some('）' | ')')) {
            return Some(5);
        }
    }
    let n = digit_run(0);
    if n > 0
        && matches!(chars.get(n), Some('．' | '.' | '、'))
        && !chars.get(n + 1).is_some_and(|c| c.is_ascii_digit())
    {
        return Some(4);
    }
    None
}

/// 黑体 and 楷体 (any foundry's), the fonts GB/T 9704 sets headings in.
pub fn is_display_font(font: &str) -> bool {
    let f = font.to_lowercase();
    [
        "黑体",
        "simhei",
        "hei",
        "楷体",
        "kaiti",
        "kai",
        "小标宋",
        "xiaobiaosong",
    ]
    .iter()
    .any(|k| f.contains(k))
}

/// What the front of a 公文 gave, and which body blocks it used up.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Front {
    pub title: Option<String>,
    pub number: Option<String>,
    /// From the signature, else the red header.
    pub issuer: Option<String>,
    /// `YYYY-MM-DD` from the 成文日期.
    pub date: Option<String>,
    /// The 附件 names as written, and the blocks holding them.
    pub attachments: Vec<String>,
    pub attachment_blocks: Vec<usize>,
    /// Blocks the front matter now says (header, number, title, signature, date).
    pub used: Vec<usize>,
}

fn para_at(blocks: &[Block], i: usize) -> Option<&Para> {
    match blocks.get(i)? {
        Block::Para(p) => Some(p),
        Block::Table(_) => None,
    }
}

/// Reads the front and the signature block of a document's body.
pub fn read_front(blocks: &[Block]) -> Front {
    let mut front = Front::default();
    let nonempty: Vec<usize> = (0..blocks.len())
        .filter(|&i| match &blocks[i] {
            Block::Para(p) => !p.text().trim().is_empty() || p.has_pictures(),
            Block::Table(_) => true,
        })
        .collect();

    // A paragraph in the Title style wins.
    if let Some(&i) = nonempty
        .iter()
        .find(|&&i| para_at(blocks, i).is_some_and(|p| p.title_style))
    {
        front.title = para_at(blocks, i).map(|p| squash(&p.text()));
        front.used.push(i);
    }

    // The red header, the 文号 and the centred title, among the first lines.
    let head: Vec<usize> = nonempty.iter().copied().take(12).collect();
    let mut header_text = None;
    let mut after_header = 0;
    for (k, &i) in head.iter().enumerate() {
        let Some(p) = para_at(blocks, i) else { break };
        let text = squash(&p.text());
        let red = p.text_runs().next().is_some() && p.text_runs().all(|r| r.4);
        if red && front.title.is_none() {
            if header_text.is_none() && !text.is_empty() {
                header_text = Some(text.trim_end_matches("文件").trim().to_string());
            }
            front.used.push(i);
            after_header = k + 1;
            continue;
        }
        if front.number.is_none()
            && let Some(number) = doc_number_in(&text)
            && text.chars().count() <= number.chars().count() + 12
        {
            front.number = Some(number);
            front.used.push(i);
            after_header = k + 1;
        }
    }
    if front.title.is_none() {
        let mut k = after_header;
        while let Some(&i) = head.get(k) {
            let Some(p) = para_at(blocks, i) else { break };
            let size = p.max_size().unwrap_or(0);
            if p.centered && size >= 32 && !front.used.contains(&i) {
                // A long title is set on two or three centred lines.
                let mut title = squash(&p.text());
                front.used.push(i);
                let mut next = k + 1;
                while let Some(&j) = head.get(next) {
                    match para_at(blocks, j) {
                        Some(q) if q.centered && q.max_size() == Some(size) => {
                            title.push_str(&squash(&q.text()));
                            front.used.push(j);
                            next += 1;
                        }
                        _ => break,
                    }
                }
                front.title = Some(title);
                break;
            }
            if p.heading.is_some() || typed_heading(p).is_some() {
                break;
            }
            k += 1;
        }
    }

    // The 成文日期 and the signature just above it, among the last lines.
    for &i in nonempty.iter().rev().take(10) {
        let Some(p) = para_at(blocks, i) else {
            continue;
        };
        let text = squash(&p.text());
        if let Some(date) = written_date(&text) {
            front.date = Some(date);
            front.used.push(i);
            let before = nonempty
                .iter()
                .position(|&j| j == i)
                .and_then(|k| k.checked_sub(1));
            if let Some(&j) = before.and_then(|k| nonempty.get(k))
                && let Some(q) = para_at(blocks, j)
            {
                let sign = squash(&q.text());
                let len = sign.chars().count();
                if (2..=30).contains(&len)
                    && !sign.contains(['。', '，', '：', ':', '；'])
                    && written_date(&sign).is_none()
                    && !sign.starts_with("附件")
                {
                    front.issuer = Some(sign);
                    front.used.push(j);
                }
            }
            break;
        }
    }
    if front.issuer.is_none() {
        front.issuer = header_text.filter(|h| !h.is_empty());
    }

    // The 附件 list: "附件：1．名单" and the lines after it that go on numbering.
    for (k, &i) in nonempty.iter().enumerate() {
        let Some(p) = para_at(blocks, i) else {
            continue;
        };
        let text = squash(&p.text());
        let Some(rest) = text
            .strip_prefix("附件：")
            .or_else(|| text.strip_prefix("附件:"))
        else {
            continue;
        };
        let mut names = vec![attachment_name(rest)];
        let mut used = vec![i];
        for &j in &nonempty[k + 1..] {
            let Some(q) = para_at(blocks, j) else { break };
            let line = squash(&q.text());
            if line
                .chars()
                .next()
                .is_some_and(|c| c.is_ascii_digit() || ('０'..='９').contains(&c))
                && numbering_level(&line) == Some(4)
                && !front.used.contains(&j)
            {
                names.push(attachment_name(&line));
                used.push(j);
            } else {
                break;
            }
        }
        names.retain(|n| !n.is_empty());
        if !names.is_empty() {
            front.attachments = names;
            front.attachment_blocks = used;
        }
        break;
    }
    front.used.sort_unstable();
    front.used.dedup();
    front
}

/// `1．职工名单.xlsx` → `职工名单.xlsx`; `《名单》` → `名单`.
fn attachment_name(text: &str) -> String {
    let t = text.trim();
    let digits = t
        .char_indices()
        .take_while(|(_, c)| c.is_ascii_digit() || ('０'..='９').contains(c))
        .last()
        .map(|(i, c)| i + c.len_utf8());
    let t = match digits {
        Some(end) if t[end..].starts_with(['．', '.', '、']) => {
            let rest = &t[end..];
            rest.trim_start_matches(['．', '.', '、'])
        }
        _ => t,
    };
    t.trim()
        .trim_start_matches('《')
        .trim_end_matches('》')
        .trim()
        .to_string()
}

/// Whitespace (full-width too) squeezed out: 公文 lines are spaced by hand.
fn squash(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{3000}')
        .collect()
}

/// A GB/T 9704 文号 inside a line: 机关代字〔年份〕序号号, also typed with [] or ().
pub fn doc_number_in(text: &str) -> Option<String> {
    let open = text.find(['〔', '[', '［', '(', '（'])?;
    let prefix: String = text[..open]
        .chars()
        .rev()
        .take_while(|c| !c.is_whitespace() && !"：:，,".contains(*c))
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let after = &text[open..];
    let bracket = after.chars().next()?;
    let rest = &after[bracket.len_utf8()..];
    let year: String = rest.chars().take_while(char::is_ascii_digit).collect();
    if year.len() != 4 || prefix.is_empty() {
        return None;
    }
    let rest = &rest[4..];
    let close = rest.chars().next()?;
    if !"〕]］)）".contains(close) {
        return None;
    }
    let rest = &rest[close.len_utf8()..];
    let seq: String = rest.chars().take_while(char::is_ascii_digit).collect();
    if seq.is_empty() || !rest[seq.len()..].starts_with('号') {
        return None;
    }
    Some(format!("{prefix}〔{year}〕{seq}号"))
}

/// `2026年11月20日` or `二〇二六年十一月二十日` (the whole line) → `2026-11-20`.
pub fn written_date(text: &str) -> Option<String> {
    let (year, rest) = text.split_once('年')?;
    let (month, rest) = rest.split_once('月')?;
    let day = rest.strip_suffix('日')?;
    let year: u32 = if year.chars().all(|c| c.is_ascii_digit()) {
        year.parse().ok()?
    } else {
        let digits: String = year.chars().map(han_digit).collect::<Option<_>>()?;
        digits.parse().ok()?
    };
    let month = small_number(month)?;
    let day = small_number(day)?;
    ((1900..=2200).contains(&year) && (1..=12).contains(&month) && (1..=31).contains(&day))
        .then(|| format!("{year:04}-{month:02}-{day:02}"))
}

fn han_digit(c: char) -> Option<char> {
    let i = "〇一二三四五六七八九"
        .chars()
        .position(|d| d == c)
        .or_else(|| (c == '零' || c == 'Ｏ' || c == 'O').then_some(0))?;
    char::from_digit(i as u32, 10)
}

/// `11`, `十一`, `二十`, `三十一` → the number.
fn small_number(text: &str) -> Option<u32> {
    if !text.is_empty() && text.chars().all(|c| c.is_ascii_digit()) {
        return text.parse().ok();
    }
    let value = |c: char| han_digit(c).and_then(|d| d.to_digit(10));
    let chars: Vec<char> = text.chars().collect();
    match chars.as_slice() {
        [c] if *c == '十' => Some(10),
        [c] => value(*c),
        ['十', u] => Some(10 + value(*u)?),
        [t, '十'] => Some(10 * value(*t)?),
        [t, '十', u] => Some(10 * value(*t)? + value(*u)?),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_numbering_levels() {
        assert_eq!(numbering_level("一、总体要求"), Some(2));
        assert_eq!(numbering_level("（二）工作安排"), Some(3));
        assert_eq!(numbering_level("3．具体措施"), Some(4));
        assert_eq!(numbering_level("（4）时间"), Some(5));
        assert_eq!(numbering_level("2026年工作"), None);
        assert_eq!(numbering_level("3.5万元"), None);
    }

    #[test]
    fn dates_in_both_writings() {
        assert_eq!(
            written_date("2026年11月20日").as_deref(),
            Some("2026-11-20")
        );
        assert_eq!(
            written_date("二〇二六年十一月二十日").as_deref(),
            Some("2026-11-20")
        );
        assert_eq!(
            written_date("二〇二六年三月九日").as_deref(),
            Some("2026-03-09")
        );
        assert_eq!(written_date("2026年11月20日召开"), None);
    }

    #[test]
    fn document_numbers() {
        assert_eq!(
            doc_number_in("工字〔2026〕12号").as_deref(),
            Some("工字〔2026〕12号")
        );
        assert_eq!(
            doc_number_in("江重工[2026]7号").as_deref(),
            Some("江重工〔2026〕7号")
        );
        assert_eq!(doc_number_in("签发人：张三"), None);
        assert_eq!(attachment_name("1．《先进个人名单》"), "先进个人名单");
    }
}
