//! The message catalogue: the words `main` prints, in the site's language.
//!
//! Diagnostics are written in English where they are raised; this catalogue
//! turns the summary lines and the most common messages (front matter, YAML,
//! dates, missing fields, encodings) into Chinese for `language: zh-CN` sites.
//! Messages it does not know stay English. The `error:`/`warning:` labels and
//! the `path:line:col:` prefix never change: editors and CI logs parse them.

use crate::i18n::Language;

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

/// The diagnostic with its message and help in the site's language.
pub fn localize(
    diagnostic: &crate::diag::Diagnostic,
    language: Language,
) -> crate::diag::Diagnostic {
    let mut shown = diagnostic.clone();
    shown.message = translate(language, &shown.message);
    shown.help = shown.help.map(|h| translate(language, &h));
    shown
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
        ("the title is empty", "标题是空的"),
        (
            "a correction (`corrects:`) needs a `reason:` (更正原因)",
            "更正公告（`corrects:`）需要写明 `reason:`（更正原因）",
        ),
        (
            "give the page another file name or a `slug:`",
            "给这一页换个文件名，或写一个 `slug:`",
        ),
        (
            "give one of them another file name or a `slug:` in its front matter",
            "给其中一个换个文件名，或在前置信息里写 `slug:`",
        ),
        (
            "each disclosure needs its own number; `noticeboard new disclosure` assigns the next free one",
            "每份公示需要自己的文号；`noticeboard new disclosure` 会分配下一个空闲文号",
        ),
        (
            "put the file next to the page (in its bundle folder)",
            "把文件放在这一页旁边（页面文件夹里）",
        ),
    ];
    if let Some((_, zh)) = FIXED.iter().find(|(en, _)| *en == m) {
        return Some((*zh).to_string());
    }
    // Pictures, attachments and shortcodes.
    if let Some(name) = between(m, "image `", "` not found") {
        return Some(format!("图片 `{name}` 不存在"));
    }
    if let Some(name) = between(m, "attachment `", "` not found") {
        return Some(format!("附件 `{name}` 不存在"));
    }
    if let Some(rest) = m.strip_prefix("file `")
        && let Some((file, tail)) = rest.split_once("` named by `")
        && let Some(shortcode) = tail.strip_suffix("` not found")
    {
        return Some(format!("短代码 `{shortcode}` 指定的文件 `{file}` 不存在"));
    }
    for key in ["photo", "cover"] {
        if let Some(file) = m
            .strip_prefix(key)
            .and_then(|r| between(r, " `", "` not found"))
        {
            return Some(format!("`{key}` 指定的图片 `{file}` 不存在"));
        }
    }
    if let Some(name) = between(m, "unknown shortcode `", "`") {
        return Some(format!("未知的短代码 `{name}`"));
    }
    if let Some(n) = m.strip_suffix(" gallery image(s) have no caption, so they have no alt text") {
        return Some(format!("{n} 张图集图片没有说明文字，读屏软件无从描述"));
    }
    if let Some(who) = between(m, "published file names its author in its metadata (", ")") {
        return Some(format!("发布的文件在元数据中写有作者（{who}）"));
    }
    // Disclosures.
    if let Some(rest) = m.strip_prefix("document number ")
        && let Some((number, files)) = rest.split_once(" is used by ")
    {
        return Some(format!(
            "文号 {number} 被多个文件使用：{}",
            files.replace(" and ", "、")
        ));
    }
    if let Some(target) = between(m, "`corrects: ", "` names no disclosure of this site") {
        return Some(format!("`corrects: {target}` 指向的公示在本站不存在"));
    }
    if let Some(rest) = m.strip_prefix("campaign ends (")
        && let Some((end, tail)) = rest.split_once(") before it starts (")
    {
        let start = tail.trim_end_matches(')');
        return Some(format!("活动结束日期（{end}）早于开始日期（{start}）"));
    }
    if let Some(rest) = m.strip_prefix("disclosure ")
        && let Some((number, tail)) = rest.split_once(" was changed after it was published (")
        && let Some((changes, _)) = tail.split_once("); ")
    {
        return Some(format!(
            "公示 {number} 发布后被修改（{changes}）；已发布的公示只能通过更正说明修改"
        ));
    }
    // Addresses.
    if let Some(rest) = m.strip_prefix("URL /")
        && let Some((path, tail)) = rest.split_once(" is produced by ")
        && let Some((count, files)) = tail.split_once(" files: ")
    {
        return Some(format!(
            "网址 /{path} 由 {count} 个文件生成：{}",
            files.replace(" and ", "、")
        ));
    }
    if let Some(slug) = between(m, "slug `", "` has no letters or digits") {
        return Some(format!("slug `{slug}` 不含字母或数字"));
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

/// The text between `start` and `end` when `m` is exactly that.
fn between<'a>(m: &'a str, start: &str, end: &str) -> Option<&'a str> {
    m.strip_prefix(start)?.strip_suffix(end)
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
    }

    #[test]
    fn writing_time_messages_in_chinese() {
        let zh = |m| translate(Language::ZhCn, m);
        assert_eq!(zh("image `现场.jpg` not found"), "图片 `现场.jpg` 不存在");
        assert_eq!(
            zh("photo `a.jpg` not found"),
            "`photo` 指定的图片 `a.jpg` 不存在"
        );
        assert_eq!(
            zh("attachment `名单.pdf` not found"),
            "附件 `名单.pdf` 不存在"
        );
        assert_eq!(
            zh("file `x.pdf` named by `attachment` not found"),
            "短代码 `attachment` 指定的文件 `x.pdf` 不存在"
        );
        assert_eq!(zh("unknown shortcode `figur`"), "未知的短代码 `figur`");
        assert_eq!(
            zh("document number 工会〔2026〕12号 is used by content/a.md and content/b.md"),
            "文号 工会〔2026〕12号 被多个文件使用：content/a.md、content/b.md"
        );
        assert_eq!(
            zh("`corrects: 工会〔2026〕9号` names no disclosure of this site"),
            "`corrects: 工会〔2026〕9号` 指向的公示在本站不存在"
        );
        assert_eq!(
            zh("campaign ends (2026-06-01) before it starts (2026-06-30)"),
            "活动结束日期（2026-06-01）早于开始日期（2026-06-30）"
        );
        assert_eq!(
            zh(
                "URL /news/a/ is produced by 2 files: content/news/a.md and content/news/a/index.md"
            ),
            "网址 /news/a/ 由 2 个文件生成：content/news/a.md、content/news/a/index.md"
        );
        assert!(
            zh("disclosure 工会〔2026〕12号 was changed after it was published (the text of content/d.md changed); a published disclosure may only change with a correction note")
                .starts_with("公示 工会〔2026〕12号 发布后被修改（the text of content/d.md changed）")
        );
        assert_eq!(
            zh("3 gallery image(s) have no caption, so they have no alt text"),
            "3 张图集图片没有说明文字，读屏软件无从描述"
        );
        assert_eq!(translate(Language::En, "file is empty"), "file is empty");
        assert_eq!(summary(Language::ZhCn, 3, 0), "3 个错误，0 个警告");
    }
}
