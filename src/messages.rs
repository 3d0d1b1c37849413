//! The message catalogue: the words `main` prints, in the site's language.
//!
//! Diagnostics are written in English where they are raised; this catalogue
//! turns the summary lines and the most common messages (front matter, YAML,
//! dates, missing fields, encodings) into Chinese for `language: zh-CN` sites.
//! Messages it does not know stay English. The `error:`/`warning:` labels and
//! the `path:line:col:` prefix never change: editors and CI logs parse them.

use crate::config::Language;

/// `3 error(s), 1 warning(s)`.
pub fn summary(language: Language, errors: usize, warnings: usize) -> String {
    match language {
        Language::ZhCn => format!("{errors} 个错误，{warnings} 个警告"),
        Language::En => format!("{errors} error(s), {warnings} warning(s)"),
    }
}

/// `… and 12 more file(s) with: <message>`.
pub fn repeated(language: Language, more: usize, message: &str) -> String {
    match language {
        Language::ZhCn => format!("warning: …另有 {more} 个文件有同样的问题：{message}"),
        Language::En => format!("warning: … and {more} more file(s) with: {message}"),
    }
}

pub fn build_failed(language: Language) -> &'static str {
    match language {
        Language::ZhCn => "构建失败；输出文件夹保持原样",
        Language::En => "build failed; the output folder was left as it was",
    }
}

pub fn check_passed(language: Language, warnings: usize) -> String {
    match language {
        Language::ZhCn => format!("检查通过（{warnings} 个警告）"),
        Language::En => format!("check passed ({warnings} warning(s))"),
    }
}

pub fn check_failed(language: Language, errors: usize, warnings: usize) -> String {
    match language {
        Language::ZhCn => format!("检查发现 {errors} 个错误、{warnings} 个警告"),
        Language::En => format!("check found {errors} error(s) and {warnings} warning(s)"),
    }
}

/// A diagnostic's message (or help) in `language`; unknown texts are returned
/// as they are.
pub fn translate(language: Language, message: &str) -> String {
    match language {
        Language::En => message.to_string(),
        Language::ZhCn => to_chinese(message).unwrap_or_else(|| message.to_string()),
    }
}

fn to_chinese(m: &str) -> Option<String> {
    const FIXED: &[(&str, &str)] = &[
        ("file is empty", "文件是空的"),
        (
            "front matter is not closed: no second `---` line",
            "前置信息没有结束：缺少第二个 `---` 行",
        ),
        (
            "expected front matter: the file must start with a `---` line",
            "缺少前置信息：文件必须以 `---` 行开头",
        ),
        ("site.yaml is empty", "site.yaml 是空的"),
        (
            "add a `---` line after the last front matter field",
            "在最后一个字段之后加一行 `---`",
        ),
        (
            "this field has no value; write a value after the colon, or delete the line",
            "这个字段没有值：在冒号后写上值，或删除这一行",
        ),
        (
            "expected a single value (text, a number, a date), not a list or a mapping",
            "这里应是单个值（文字、数字或日期），不能是列表或映射",
        ),
        (
            "write dates as 2026-11-23, 2026-11-23 09:30 or 2026-11-23T09:30:00+08:00",
            "日期写作 2026-11-23、2026-11-23 09:30 或 2026-11-23T09:30:00+08:00",
        ),
        (
            "file is UTF-16; decoded it, but please save it as UTF-8",
            "文件是 UTF-16 编码，已读取，请另存为 UTF-8",
        ),
    ];
    if let Some((_, zh)) = FIXED.iter().find(|(en, _)| *en == m) {
        return Some((*zh).to_string());
    }
    if let Some(rest) = m.strip_prefix("field `")
        && let Some((field, detail)) = rest.split_once("`: ")
    {
        let detail = to_chinese(detail).unwrap_or_else(|| detail.to_string());
        return Some(format!("字段 `{field}`：{detail}"));
    }
    if let Some(rest) = m.strip_prefix("missing required field `") {
        return Some(match rest.split_once("` for a ") {
            Some((field, kind)) => {
                let kind = kind.strip_suffix(" page").unwrap_or(kind);
                format!("{kind} 页面缺少必填字段 `{field}`")
            }
            None => format!("缺少必填字段 `{}`", rest.trim_end_matches('`')),
        });
    }
    if let Some(field) = m
        .strip_prefix("required field `")
        .and_then(|r| r.strip_suffix("` is empty"))
    {
        return Some(format!("必填字段 `{field}` 是空的"));
    }
    if let Some(what) = m.strip_suffix("` is not a date")
        && let Some(what) = what.strip_prefix('`')
    {
        return Some(format!("`{what}` 不是有效日期"));
    }
    if let Some(rest) = m.strip_prefix("unknown field `")
        && let Some((field, tail)) = rest.split_once("` for a ")
    {
        let kind = tail.strip_suffix(" page is ignored").unwrap_or(tail);
        return Some(format!("未知字段 `{field}`（{kind} 页面）已忽略"));
    }
    if let Some(rest) = m.strip_prefix("file is not UTF-8 (invalid byte at offset ")
        && let Some((offset, _)) = rest.split_once(')')
    {
        return Some(format!(
            "文件不是 UTF-8 编码（第 {offset} 字节无效），可能是记事本保存的 GBK"
        ));
    }
    if let Some(rest) = m.strip_prefix("file starts like UTF-16 but is not valid UTF-16") {
        let offset = rest
            .strip_prefix(" (invalid unit at byte offset ")
            .and_then(|r| r.strip_suffix(')'));
        return Some(match offset {
            Some(o) => format!("文件看似 UTF-16，但第 {o} 字节处无效"),
            None => "文件看似 UTF-16，但内容无效".to_string(),
        });
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_messages_in_chinese() {
        let zh = |m| translate(Language::ZhCn, m);
        assert_eq!(zh("missing required field `title`"), "缺少必填字段 `title`");
        assert_eq!(
            zh("missing required field `unit` for a model-worker page"),
            "model-worker 页面缺少必填字段 `unit`"
        );
        assert_eq!(
            zh("`date: 2026-02-30` is not a date"),
            "`date: 2026-02-30` 不是有效日期"
        );
        assert_eq!(
            zh(
                "field `draft`: expected a single value (text, a number, a date), not a list or a mapping"
            ),
            "字段 `draft`：这里应是单个值（文字、数字或日期），不能是列表或映射"
        );
        assert!(
            zh("file is not UTF-8 (invalid byte at offset 11); it may be GBK from Notepad")
                .contains("第 11 字节")
        );
        assert_eq!(zh("something new"), "something new");
        assert_eq!(translate(Language::En, "file is empty"), "file is empty");
        assert_eq!(summary(Language::ZhCn, 3, 0), "3 个错误，0 个警告");
    }
}
