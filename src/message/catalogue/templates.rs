//! Area 07 of the catalogue: templates and shortcodes.

macro_rules! area_07 {
    ($($earlier:tt)*) => {
        area_08! {
            $($earlier)*
            E0701 UnknownShortcode { name: String }
                => "未知的短代码 `{name}`" / "unknown shortcode `{name}`";
            H0701 KnownShortcodes {}
                => "内置短代码：figure、gallery、attachment、video；站点可以在 templates/shortcodes/名称.html 添加自己的短代码" / "built-in shortcodes: figure, gallery, attachment, video; a site adds its own as templates/shortcodes/NAME.html";
            E0702 MalformedShortcode { name: String, why: Box<Message> }
                => "短代码 `{name}` 写法有误：{why}" / "shortcode `{name}` is malformed: {why}";
            H0702 ShortcodeForm {}
                => "写成 {{{{ figure(src=\"a.jpg\", caption=\"说明\") }}}} 的样子；要原样显示，请放进 `反引号`" / "write it like {{{{ figure(src=\"a.jpg\", caption=\"A caption\") }}}}; put it in `backticks` to show it as text";
            E0703 ShortcodeExpectedComma {}
                => "参数之间应有 `,` 或 `)`" / "expected `,` or `)` between arguments";
            E0704 ShortcodeExpectedName {}
                => "应是参数名，例如 src=" / "expected an argument name such as src=";
            E0705 ShortcodeExpectedEquals { name: String }
                => "`{name}` 后面应有 `=`" / "expected `=` after `{name}`";
            E0706 ShortcodeExpectedClose {}
                => "`)` 后面应有 `}}}}`" / "expected `}}}}` after `)`";
            E0707 ShortcodeValueMissing {}
                => "缺少参数值" / "a value is missing";
            E0708 ShortcodeQuoteUnclosed {}
                => "带引号的值在本行没有结束" / "a quoted value is not closed on its line";
            E0710 ShortcodeFileNotFound { file: String, shortcode: String }
                => "短代码 `{shortcode}` 指定的文件 `{file}` 不存在" / "file `{file}` named by `{shortcode}` not found";
            H0710 PutFileInBundleHelp {}
                => "把文件放在这一页旁边（页面文件夹里）" / "put the file next to the page (in its bundle folder)";
            H0711 WhileExpanding { shortcode: String, path: String, line: usize }
                => "展开 {path}:{line} 处的 `{shortcode}` 时出错" / "while expanding `{shortcode}` at {path}:{line}";
            E0712 Template { name: String, detail: String }
                => "模板 {name}：{detail}" / "template {name}: {detail}";
            H0712 WhileRendering { source: String }
                => "渲染 {source} 时出错" / "while rendering {source}";
            E0713 NoTemplate { names: List }
                => "找不到模板；查找过 {names}" / "no template found; looked for {names}";
            H0713 NoTemplateHelp {}
                => "把模板加到 templates/，或删除 `template` 字段" / "add the template to templates/ or remove the `template` field";
            E0709 ShortcodeNotAValue { text: String }
                => "`{text}` 不是有效的值；文字请加引号，例如 \"这样\"" / "`{text}` is not a value; quote text like \"this\"";
        }
    };
}
