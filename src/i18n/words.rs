//! The words the theme shows, in zh-CN and en. Templates read them as `t.KEY`.

use std::collections::BTreeMap;

use super::Language;

const ZH: &[(&str, &str)] = &[
    ("home", "首页"),
    ("you_are_here", "当前位置："),
    ("published", "发布时间"),
    ("updated", "更新时间"),
    ("author", "发布人"),
    ("source", "来源"),
    ("word_count", "共 {n} 字"),
    ("reading_time", "预计阅读 {n} 分钟"),
    ("newer", "上一篇"),
    ("older", "下一篇"),
    ("none", "没有了"),
    ("toc", "目录"),
    ("tags", "标签"),
    ("latest", "最新动态"),
    ("more", "更多"),
    ("page_n", "第 {n} 页"),
    ("page_of", "第 {n} 页，共 {total} 页"),
    ("previous_page", "上一页"),
    ("next_page", "下一页"),
    ("pagination", "分页"),
    ("not_found", "页面未找到"),
    ("not_found_text", "您要访问的页面不存在或已被移动。"),
    ("back_home", "返回首页"),
    ("skip_to_content", "跳到正文"),
    ("all_terms", "全部标签"),
    ("articles", "篇"),
    ("no_pages", "暂无内容。"),
    ("menu", "栏目导航"),
    ("search", "搜索"),
    ("photos", "图片新闻"),
    ("photo_count", "{n} 张图片"),
    ("gallery", "图集"),
    ("lightbox_close", "关闭"),
    ("lightbox_previous", "上一张"),
    ("lightbox_next", "下一张"),
    ("lightbox_counter", "第 {n} 张，共 {total} 张"),
    ("view_large", "查看大图"),
    ("draft", "草稿"),
    ("unit", "单位"),
    ("position", "职务"),
    ("honors", "荣誉"),
    ("trade", "工种"),
    ("grade", "技能等级"),
    ("studio", "工作室"),
    ("achievements", "主要成果"),
    ("campaign_period", "活动时间"),
    ("slogan", "主题"),
    ("strands", "重点行动"),
    ("number", "文号"),
    ("category", "类别"),
    ("issuer", "发文机关"),
    ("period", "所属期间"),
    ("contact", "受理联系"),
    ("attachments", "附件"),
    ("revisions", "更正说明"),
    ("sections", "栏目"),
    ("footer_note", "本站由 noticeboard 生成"),
    ("related", "相关文章"),
    ("notice_period", "公示期"),
    ("archived_on", "归档时间"),
    ("status", "状态"),
    ("corrected_by", "本公示内容已更正，请以更正公告为准："),
    ("corrects", "本公告更正："),
    ("reason", "更正原因"),
    ("attachment_n", "附件{n}"),
    ("campaign_news", "活动动态"),
    ("by_year", "按年份"),
    ("by_category", "按类别"),
    (
        "uncertain_period",
        "（节假日安排未公布，结束日期按周末推算）",
    ),
    ("fingerprint", "SHA-256 校验值"),
    ("print", "打印"),
    ("search_placeholder", "输入关键词，如：安全生产"),
    ("search_needs_script", "站内搜索需要启用 JavaScript。"),
    ("all", "全部"),
    ("year", "年份"),
    ("search_found", "找到 {n} 条结果"),
    ("search_none", "请输入关键词"),
    ("search_error", "搜索索引加载失败"),
    ("font_size", "字号"),
    ("font_large", "大"),
    ("font_medium", "中"),
    ("font_small", "小"),
    ("menu_button", "栏目"),
    ("breadcrumb", "位置导航"),
    ("notices_open", "正在公示"),
    (
        "notices_open_note",
        "公示期内如有异议，请按公示所列方式向受理部门反映。",
    ),
    ("campaigns_now", "主题活动"),
    ("picture_news", "图片新闻"),
    ("people", "劳模工匠风采"),
    ("latest_news", "工会动态"),
    ("print_page", "打印本页"),
    ("level_national", "全国"),
    ("level_provincial", "省级"),
    ("level_city", "市级"),
    ("level_enterprise", "企业"),
    ("photo_of", "{name}的照片"),
    // Punctuation between a label and its value, between two facts, and
    // around a file's type and size: full-width in Chinese text, ASCII with
    // spaces in English.
    ("colon", "："),
    ("comma", "，"),
    ("file_facts", "（{kind}，{size}）"),
    ("contact_phone", "电话"),
    ("contact_email", "邮箱"),
    ("contact_address", "地址"),
];

const EN: &[(&str, &str)] = &[
    ("home", "Home"),
    ("you_are_here", "You are here: "),
    ("published", "Published"),
    ("updated", "Updated"),
    ("author", "By"),
    ("source", "Source"),
    ("word_count", "{n} words"),
    ("reading_time", "{n} min read"),
    ("newer", "Newer"),
    ("older", "Older"),
    ("none", "None"),
    ("toc", "Contents"),
    ("tags", "Tags"),
    ("latest", "Latest"),
    ("more", "More"),
    ("page_n", "Page {n}"),
    ("page_of", "Page {n} of {total}"),
    ("previous_page", "Previous"),
    ("next_page", "Next"),
    ("pagination", "Pagination"),
    ("not_found", "Page not found"),
    (
        "not_found_text",
        "The page you asked for does not exist or has moved.",
    ),
    ("back_home", "Back to the home page"),
    ("skip_to_content", "Skip to content"),
    ("all_terms", "All tags"),
    ("articles", "articles"),
    ("no_pages", "Nothing here yet."),
    ("menu", "Sections"),
    ("search", "Search"),
    ("photos", "Photo news"),
    ("photo_count", "{n} photos"),
    ("gallery", "Gallery"),
    ("lightbox_close", "Close"),
    ("lightbox_previous", "Previous"),
    ("lightbox_next", "Next"),
    ("lightbox_counter", "{n} of {total}"),
    ("view_large", "View large"),
    ("draft", "Draft"),
    ("unit", "Unit"),
    ("position", "Position"),
    ("honors", "Honours"),
    ("trade", "Trade"),
    ("grade", "Skill grade"),
    ("studio", "Studio"),
    ("achievements", "Achievements"),
    ("campaign_period", "Dates"),
    ("slogan", "Slogan"),
    ("strands", "Actions"),
    ("number", "Number"),
    ("category", "Category"),
    ("issuer", "Issued by"),
    ("period", "Period"),
    ("contact", "Contact"),
    ("attachments", "Attachments"),
    ("revisions", "Corrections"),
    ("sections", "Sections"),
    ("footer_note", "Built with noticeboard"),
    ("related", "Related articles"),
    ("notice_period", "Notice period"),
    ("archived_on", "Archived"),
    ("status", "Status"),
    (
        "corrected_by",
        "This notice has been corrected; see the correction: ",
    ),
    ("corrects", "This notice corrects: "),
    ("reason", "Reason"),
    ("attachment_n", "Attachment {n}"),
    ("campaign_news", "Campaign news"),
    ("by_year", "By year"),
    ("by_category", "By category"),
    (
        "uncertain_period",
        "(holiday calendar not yet published; end date assumes weekends only)",
    ),
    ("fingerprint", "SHA-256"),
    ("print", "Print"),
    ("search_placeholder", "Search, e.g. safety"),
    ("search_needs_script", "Search needs JavaScript."),
    ("all", "All"),
    ("year", "Year"),
    ("search_found", "{n} results"),
    ("search_none", "Type a word to search"),
    ("search_error", "Could not load the search index"),
    ("font_size", "Text size"),
    ("font_large", "L"),
    ("font_medium", "M"),
    ("font_small", "S"),
    ("menu_button", "Menu"),
    ("breadcrumb", "Breadcrumb"),
    ("notices_open", "Open for comment"),
    (
        "notices_open_note",
        "Objections during the notice period go to the contact named in each notice.",
    ),
    ("campaigns_now", "Campaigns"),
    ("picture_news", "In pictures"),
    ("people", "Model workers and craftsmen"),
    ("latest_news", "News"),
    ("print_page", "Print this page"),
    ("level_national", "National"),
    ("level_provincial", "Provincial"),
    ("level_city", "City"),
    ("level_enterprise", "Enterprise"),
    ("photo_of", "Photo: {name}"),
    ("colon", ": "),
    ("comma", ", "),
    ("file_facts", " ({kind}, {size})"),
    ("contact_phone", "Phone"),
    ("contact_email", "Email"),
    ("contact_address", "Address"),
];

/// The theme's words for a site: built-in ones for its language, with the
/// site's `i18n` overrides on top.
pub fn site_strings(
    language: Language,
    overrides: &BTreeMap<String, String>,
) -> BTreeMap<&'static str, String> {
    strings(language)
        .into_iter()
        .map(|(key, value)| {
            let word = overrides
                .get(key)
                .cloned()
                .unwrap_or_else(|| value.to_string());
            (key, word)
        })
        .collect()
}

pub fn strings(language: Language) -> BTreeMap<&'static str, &'static str> {
    let table = match language {
        Language::ZhCn => ZH,
        Language::En => EN,
    };
    table.iter().copied().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_languages_have_every_key() {
        let zh: Vec<_> = ZH.iter().map(|(k, _)| k).collect();
        let en: Vec<_> = EN.iter().map(|(k, _)| k).collect();
        assert_eq!(zh, en);
    }
}
