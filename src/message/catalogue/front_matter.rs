//! Area 03 of the catalogue: front matter and YAML.

macro_rules! area_03 {
    ($($earlier:tt)*) => {
        area_04! {
            $($earlier)*
            E0301 FileEmpty {}
                => "文件是空的" / "file is empty";
            H0301 FileEmptyHelp {}
                => "以前置信息开头：\n---\ntitle: 标题\ndate: 2026-11-23\n---" / "start it with front matter:\n---\ntitle: A title\ndate: 2026-11-23\n---";
            E0302 FrontMatterMissing {}
                => "缺少前置信息：文件必须以 `---` 行开头" / "expected front matter: the file must start with a `---` line";
            H0302 FrontMatterMissingHelp {}
                => "文件开头写：\n---\ntitle: 标题\ndate: 2026-11-23\n---" / "start the file with:\n---\ntitle: A title\ndate: 2026-11-23\n---";
            E0303 FrontMatterUnclosed {}
                => "前置信息没有结束：缺少第二个 `---` 行" / "front matter is not closed: no second `---` line";
            H0303 FrontMatterClose {}
                => "在最后一个字段之后加一行 `---`" / "add a `---` line after the last front matter field";
            H0304 FrontMatterIsYaml {}
                => "前置信息是 YAML：每行一个 `键: 值`；值里有 `: `，或以 [ {{ * & ! | > ' \" % @ ` 开头时，请加引号" / "front matter is YAML: `key: value` per line; quote values that contain `: ` or start with [ {{ * & ! | > ' \" % @ `";
            E0305 Yaml { detail: String }
                => "YAML 写法有误：{detail}" / "{detail}";
            E0306 NoValue {}
                => "这个字段没有值：在冒号后写上值，或删除这一行" / "this field has no value; write a value after the colon, or delete the line";
            E0307 ExpectedSingleValue {}
                => "这里应是单个值（文字、数字或日期），不能是列表或映射" / "expected a single value (text, a number, a date), not a list or a mapping";
            E0308 InField { field: String, problem: Box<Message> }
                => "字段 `{field}`：{problem}" / "field `{field}`: {problem}";
            W0309 UnknownSectionField { field: String }
                => "栏目 _index.md 中的未知字段 `{field}` 已忽略" / "unknown field `{field}` in a section's _index.md is ignored";
            H0309 SectionFields { fields: List }
                => "栏目可用的字段：{fields}" / "section fields: {fields}";
            E0310 UnknownKind { kind: String }
                => "未知的页面类型 `{kind}`" / "unknown kind `{kind}`";
            H0310 KindsHelp { kinds: List }
                => "页面类型可以是：{kinds}" / "kind is one of: {kinds}";
            W0311 UnknownField { field: String, kind: String }
                => "未知字段 `{field}`（{kind} 页面）已忽略" / "unknown field `{field}` for a {kind} page is ignored";
            H0311 KindFields { kind: String, fields: List }
                => "{kind} 页面可用的字段：{fields}" / "{kind} fields: {fields}";
            E0312 MissingField { field: String }
                => "缺少必填字段 `{field}`" / "missing required field `{field}`";
            H0312 AddTitle {}
                => "加一行，例如 `title: 关于开展安全生产月活动的通知`" / "add a line like `title: Safety month begins`";
            H0313 AddDate {}
                => "加一行，例如 `date: 2026-11-23`（或 `2026-11-23 09:30`）" / "add a line like `date: 2026-11-23` (or `2026-11-23 09:30`)";
            E0314 EmptyField { field: String }
                => "必填字段 `{field}` 是空的" / "required field `{field}` is empty";
            H0314 WriteValue { field: String }
                => "在 `{field}:` 后写上值" / "write a value after `{field}:`";
            E0315 MissingKindField { field: String, kind: String }
                => "{kind} 页面缺少必填字段 `{field}`" / "missing required field `{field}` for a {kind} page";
            H0315 KindNeeds { kind: String, fields: List }
                => "{kind} 页面需要：title、date、{fields}" / "{kind} pages need: title, date, {fields}";
            E0316 NotADate { field: String, text: String }
                => "`{field}: {text}` 不是有效日期" / "`{field}: {text}` is not a date";
            H0316 DateFormats {}
                => "日期写作 2026-11-23、2026-11-23 09:30 或 2026-11-23T09:30:00+08:00" / "write dates as 2026-11-23, 2026-11-23 09:30 or 2026-11-23T09:30:00+08:00";
            E0350 TooManyTerms { field: String, count: usize, limit: usize }
                => "`{field}` 列了 {count} 项，一页最多 {limit} 项；这一页没有生成" / "`{field}` lists {count} entries; a page may have at most {limit}, so this page is not built";
            H0350 TooManyTermsHelp {}
                => "只留下读者会按它查找的几项；每一项都会生成自己的列表页和订阅源" / "keep the few that readers will look for; each one gets a listing page and a feed of its own";
        }
    };
}
