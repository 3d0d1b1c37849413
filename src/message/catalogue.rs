//! The catalogue: every message with its code and its zh-CN and English wording.
//!
//! Codes are a letter and four digits and never change meaning once released:
//! `E` a problem that is usually an error, `W` one that is usually a warning
//! (the [`Diagnostic`](crate::diag::Diagnostic) carries the real severity), `H`
//! a help line, `T` a line of a command's own output. The first two digits name
//! the area: 00 summaries, 01 site.yaml, 02 reading files, 03 front matter,
//! 04 addresses and pages, 05 disclosures, 06 images and attachments,
//! 07 templates and shortcodes, 08 the output folder, 09 archives,
//! 10 commands, 11 the live preview.

use crate::i18n::Language;
use crate::message::List;

super::declare_catalogue! {
    // 00: what a whole run found.
    T0001 Summary { errors: usize, warnings: usize }
        => "{errors} 个错误，{warnings} 个警告" / "{errors} error(s), {warnings} warning(s)";
    T0002 RepeatedWarning { more: usize, message: Box<Message> }
        => "warning: …另有 {more} 个文件有同样的问题：{message}" / "warning: … and {more} more file(s) with: {message}";
    T0003 ErrorCount { count: usize }
        => "{count} 个错误" / "{count} error(s)";
    T0004 BuildFailed {}
        => "构建失败；输出文件夹保持原样" / "build failed; the output folder was left as it was";
    T0005 CheckPassed { warnings: usize }
        => "检查通过（{warnings} 个警告）" / "check passed ({warnings} warning(s))";
    T0006 CheckFailed { errors: usize, warnings: usize }
        => "检查发现 {errors} 个错误、{warnings} 个警告" / "check found {errors} error(s) and {warnings} warning(s)";

    // 01: site.yaml.
    E0101 ConfigEmpty {}
        => "site.yaml 是空的" / "site.yaml is empty";
    H0101 ConfigEmptyHelp {}
        => "至少写上 `title: 我们的工会`" / "write at least `title: Our Union`";
    W0102 UnknownSetting { key: String }
        => "site.yaml 中的未知设置 `{key}` 已忽略" / "unknown key `{key}` in site.yaml is ignored";
    H0102 KnownSettings { keys: List }
        => "可用的设置：{keys}" / "known keys: {keys}";
    E0103 ConfigNoTitle {}
        => "site.yaml 没有 `title`" / "site.yaml has no `title`";
    H0103 ConfigNoTitleHelp {}
        => "在 site.yaml 开头加上，例如 `title: 江城工会`" / "add e.g. `title: Riverside Union` at the top of site.yaml";
    E0104 BaseUrlNotAbsolute { url: String }
        => "base_url `{url}` 不是完整的 http(s) 网址" / "base_url `{url}` is not an absolute http(s) URL";
    H0104 BaseUrlHelp {}
        => "写成 `base_url: https://gonghui.example.org/` 的样子" / "write it like `base_url: https://gonghui.example.org/`";
    W0105 NoBaseUrl {}
        => "site.yaml 没有 `base_url`；规范链接将指向 http://localhost/" / "site.yaml has no `base_url`; canonical links point to http://localhost/";
    H0105 NoBaseUrlHelp {}
        => "设置 `base_url: https://your.site/`（或使用 --base-url）" / "set `base_url: https://your.site/` (or pass --base-url)";
    E0106 UnsupportedLanguage { language: String }
        => "不支持语言 `{language}`" / "language `{language}` is not supported";
    H0106 LanguageHelp {}
        => "使用 `zh-CN` 或 `en`" / "use `zh-CN` or `en`";
    E0107 UnknownTimeZone { zone: String }
        => "未知的时区 `{zone}`" / "unknown time zone `{zone}`";
    H0107 TimeZoneHelp {}
        => "使用 IANA 时区名，例如 `Asia/Shanghai`" / "use an IANA name such as `Asia/Shanghai`";
    E0108 ThemeNotFolderName { theme: String }
        => "主题 `{theme}` 不是文件夹名" / "theme `{theme}` is not a folder name";
    H0108 ThemeHelp {}
        => "写 themes/ 下的一个文件夹名，例如 `theme: default`" / "name a folder under themes/, e.g. `theme: default`";
    E0109 PaginateZero {}
        => "paginate 至少为 1" / "paginate must be at least 1";
    E0110 TaxonomyNotPlain { name: String }
        => "分类法 `{name}` 必须是简单的名字" / "taxonomy `{name}` must be a plain name";
    H0110 TaxonomyHelp {}
        => "使用小写英文字母、数字和 `-`，例如 `tags` 或 `columns`" / "use lowercase ASCII letters, digits and `-`, e.g. `tags` or `columns`";
    E0111 UnknownSlugs { value: String }
        => "slugs 的取值 `{value}` 无法识别" / "slugs `{value}` is not known";
    H0111 SlugsHelp {}
        => "使用 `pinyin`（默认）或 `unicode`" / "use `pinyin` (default) or `unicode`";
    E0112 UnknownFeedContent { value: String }
        => "feed_content 的取值 `{value}` 无法识别" / "feed_content `{value}` is not known";
    H0112 FeedContentHelp {}
        => "使用 `full`（默认）或 `summary`" / "use `full` (default) or `summary`";
    E0113 CacheDirOutside { dir: String }
        => "cache_dir `{dir}` 必须在站点文件夹之内" / "cache_dir `{dir}` must stay inside the site folder";
    W0114 UnknownWord { key: String }
        => "i18n 键 `{key}` 不是主题使用的词语，已忽略" / "i18n key `{key}` is not a word the theme uses; ignored";
    H0114 KnownWords { keys: List }
        => "可用的键：{keys}" / "keys: {keys}";
    E0115 ImageWidthRange { key: String, width: u64 }
        => "images.{key} 为 {width}，必须在 16 到 8192 像素之间" / "images.{key} {width} must be between 16 and 8192 pixels";
    H0115 ImageWidthHelp {}
        => "例如 images: {{thumb_width: 480, large_width: 1600}}" / "e.g. images: {{thumb_width: 480, large_width: 1600}}";
    E0116 ImageQualityRange { quality: u64 }
        => "images.quality 为 {quality}，必须在 1 到 100 之间" / "images.quality {quality} must be between 1 and 100";
    E0117 MegapixelsRange { megapixels: String }
        => "images.max_megapixels 为 {megapixels}，必须大于 0 且不超过 1000" / "images.max_megapixels {megapixels} must be more than 0 and at most 1000";
    E0119 BaseUrlFlagNotAbsolute { url: String }
        => "--base-url `{url}` 不是完整的 http(s) 网址" / "--base-url `{url}` is not an absolute http(s) URL";
    H0119 BaseUrlFlagHelp {}
        => "例如 --base-url https://gonghui.example.org/" / "e.g. --base-url https://gonghui.example.org/";
    E0118 ConfigUnreadable { detail: String }
        => "无法读取 site.yaml：{detail}" / "cannot read site.yaml: {detail}";

    // 02: reading the site's files.
    H0201 NotASiteHelp { root: String }
        => "`{root}` 是 noticeboard 站点吗？`noticeboard init 目录` 可以新建一个" / "is `{root}` a noticeboard site? `noticeboard init DIR` creates one";
    E0202 ConfigNotUtf8 {}
        => "site.yaml 不是 UTF-8 文本" / "site.yaml is not UTF-8 text";
    E0203 ThemeNotFound { theme: String }
        => "找不到主题 `{theme}`" / "theme `{theme}` not found";
    H0203 ThemeNotFoundHelp { dir: String }
        => "创建 `{dir}`，或删除 `theme` 设置" / "create `{dir}` or remove the `theme` key";
    W0204 NoContentFolder {}
        => "站点没有 content/ 文件夹；只生成首页" / "the site has no content/ folder; only the home page is built";
    E0205 MarkdownTooLarge { megabytes: String, limit: usize }
        => "文件有 {megabytes} MB；超过 {limit} MB 的 Markdown 文件不予处理" / "file is {megabytes} MB; Markdown files over {limit} MB are refused";
    H0205 MarkdownTooLargeHelp {}
        => "拆成几页，或作为附件（PDF）发布" / "split it into several pages, or publish it as an attachment (PDF)";
    E0206 CannotReadFile { detail: String }
        => "无法读取文件：{detail}" / "cannot read file: {detail}";
    E0207 CannotReadFolder { detail: String }
        => "无法读取文件夹：{detail}" / "cannot read folder: {detail}";
    E0208 LinkOutside {}
        => "符号链接指向站点文件夹之外；拒绝读取" / "symbolic link points outside the site folder; refusing to read it";
    H0208 LinkOutsideHelp {}
        => "把文件复制到站点里，而不是链接过去" / "copy the file into the site instead of linking to it";
    W0209 WindowsName { name: String, why: Box<Message> }
        => "名称 `{name}` 在 Windows 上不能使用：{why}" / "the name `{name}` cannot be used on Windows: {why}";
    H0209 WindowsNameHelp {}
        => "请改名；站点的副本（归档、U 盘）常常会拷到 Windows 电脑上" / "rename it; copies of the site (archives, USB sticks) often go to Windows machines";
    E0210 NameHasControl {}
        => "含有控制字符" / "it contains a control character";
    E0211 NameHasReserved {}
        => "含有 < > : \" | ? * \\ 之一" / "it contains one of < > : \" | ? * \\";
    E0212 NameEndsBadly {}
        => "以句点或空格结尾" / "it ends with a dot or a space";
    E0213 NameIsDevice {}
        => "是保留的设备名（CON、PRN、AUX、NUL、COM1…、LPT1…）" / "it is a reserved device name (CON, PRN, AUX, NUL, COM1…, LPT1…)";
    W0214 Utf16 {}
        => "文件是 UTF-16 编码，已读取，请另存为 UTF-8" / "file is UTF-16; decoded it, but please save it as UTF-8";
    E0215 BadUtf16 { offset: usize }
        => "文件看似 UTF-16，但第 {offset} 字节处无效" / "file starts like UTF-16 but is not valid UTF-16 (invalid unit at byte offset {offset})";
    H0215 SaveAsUtf8 {}
        => "打开它并另存为 UTF-8" / "open it and save it as UTF-8";
    E0216 NotUtf8 { offset: usize }
        => "文件不是 UTF-8 编码（第 {offset} 字节无效），可能是记事本保存的 GBK" / "file is not UTF-8 (invalid byte at offset {offset}); it may be GBK from Notepad";
    H0216 SaveAsUtf8FromNotepad {}
        => "打开它并另存为 UTF-8（记事本：另存为 → 编码 UTF-8）" / "open it and save it as UTF-8 (Notepad: Save As, Encoding UTF-8)";
    W0250 SymlinkLoop { target: String }
        => "符号链接绕回到包含它的文件夹 `{target}`，形成循环；已跳过" / "symbolic link loops back to `{target}`, a folder it is inside; skipped";
    H0250 SymlinkLoopHelp {}
        => "指向文件夹的链接不会被读取：删除这个链接，或把要发布的文件放进 content/" / "links to folders are not followed: delete the link, or put the files to publish in content/";
    W0251 FolderLinkSkipped { target: String }
        => "符号链接指向文件夹 `{target}`，不会读取其中的文件；已跳过" / "symbolic link to the folder `{target}` is not followed; skipped";

    // 03: front matter and YAML.
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

    // 04: pages, addresses and kinds.
    H0401 DayFormat {}
        => "日期写作 2026-05-14" / "write dates as 2026-05-14";
    E0402 CampaignEndsEarly { end: String, start: String }
        => "活动结束日期（{end}）早于开始日期（{start}）" / "campaign ends ({end}) before it starts ({start})";
    H0402 CampaignSpanHelp {}
        => "年度活动可以跨两年，例如 start: 2026-03-01, end: 2027-02-28" / "a yearly campaign may span two years: e.g. start: 2026-03-01, end: 2027-02-28";
    E0403 FieldFileNotFound { field: String, file: String }
        => "`{field}` 指定的图片 `{file}` 不存在" / "{field} `{file}` not found";
    H0403 PutFileHelp {}
        => "把文件放在这一页旁边（页面文件夹里），或写从站点根目录开始、以 / 开头的路径" / "put the file next to the page (in its bundle folder) or give a path from the site root starting with /";
    E0441 FileNotPublishable { field: String, file: String }
        => "`{field}` 指定的 `{file}` 不能发布：只发布 content/ 和 static/ 里的文件，不经过隐藏的（以 . 开头的）或编辑器临时的名字，也不含 `..` 或 `:`" / "{field} `{file}` may not be published: only files in content/ and static/ are, never through a hidden (dot) or editor's temporary name, `..` or `:`";
    E0405 AttachmentNotFound { file: String }
        => "附件 `{file}` 不存在" / "attachment `{file}` not found";
    H0405 ExpectedAt { path: String }
        => "文件应在 {path}" / "expected the file at {path}";
    E0406 PageIsArchive { path: String, title: String }
        => "网址 /{path} 既是这一页，又是公示归档 `{title}`" / "URL /{path} is both this page and the disclosure archive `{title}`";
    H0406 RenamePageHelp {}
        => "给这一页换个文件名，或写一个 `slug:`" / "give the page another file name or a `slug:`";
    E0407 AliasBad { alias: String }
        => "别名 `{alias}` 不是可用的旧网址" / "alias `{alias}` is not a usable old URL";
    H0407 AliasHelp {}
        => "把旧地址写成路径，例如 `aliases: [/news/2019/old-title/]`" / "write the old address as a path, e.g. `aliases: [/news/2019/old-title/]`";
    E0408 SlugEmpty { slug: String }
        => "slug `{slug}` 不含字母或数字" / "slug `{slug}` has no letters or digits";
    H0408 SlugHelp {}
        => "使用字母、数字和 `-`，例如 `slug: safety-month-2026`" / "use letters, digits and `-`, e.g. `slug: safety-month-2026`";
    E0409 AliasOverPage { path: String, files: List }
        => "网址 /{path} 是一个页面，同时又是别名：{files}" / "URL /{path} is a page and also an alias in {files}";
    E0410 AliasTwice { path: String, files: List }
        => "网址 /{path} 是多个文件的别名：{files}" / "URL /{path} is an alias in {files}";
    H0410 AliasOnceHelp {}
        => "一个旧网址只能跳转到一个页面，且不能盖过现有页面" / "an old URL may redirect to one page only, and never over a live page";
    E0411 UrlTwice { path: String, count: usize, files: List }
        => "网址 /{path} 由 {count} 个文件生成：{files}" / "URL /{path} is produced by {count} files: {files}";
    H0411 RenameOneHelp {}
        => "给其中一个换个文件名，或在前置信息里写 `slug:`" / "give one of them another file name or a `slug:` in its front matter";
    H0412 NamesDecomposedHelp {}
        => "这些名字看起来一样，但其中一个用组合重音符号书写（NFD，macOS 的写法）：删除其中一个文件，或给一个写 `slug:`" / "the names look alike but one is written with combining accents (NFD, as macOS writes them): delete one of the files, or give one a `slug:`";
    W0413 TermsCollide { taxonomy: String, term: String, other: String, url: String, unique: String }
        => "{taxonomy} 中的 `{term}` 和 `{other}` 生成同一个网址 {url}；`{term}` 改用 {unique}" / "{taxonomy} `{term}` and `{other}` both make the URL {url}; `{term}` gets {unique}";
    H0413 TermsCollideHelp {}
        => "如果是不同的主题，给其中一个改名；如果是同一个，写成一样" / "rename one of the terms if they are different topics, or spell them the same if they are one";
    E0440 AliasOverGenerated { alias: String, taken: String }
        => "别名 `{alias}` 会替换站点自己生成的 `{taken}`" / "the alias `{alias}` would replace `{taken}`, which the site itself generates";
    H0440 AliasOverGeneratedHelp {}
        => "别名只用于文章搬家前的旧网址；删掉这个别名，或换成站点没有用到的网址" / "an alias is for the old address of a moved page; remove it or use an address the site does not use";
    E0480 LinkBroken { url: String }
        => "链接 `{url}` 指向的网址本站没有生成" / "link `{url}` leads to no page or file this site builds";
    H0480 LinkBrokenHelp {}
        => "检查地址是否写对：站内页面的地址以 / 结尾（如 /news/safety-month/）；也可以直接链接页面文件，如 ../news/a.md" / "check the address: the site's page addresses end with / (e.g. /news/safety-month/); or link the page's file, e.g. ../news/a.md";
    E0481 AnchorMissing { url: String, anchor: String }
        => "链接 `{url}` 指向的页面上没有锚点 `#{anchor}`" / "link `{url}`: the page it leads to has no anchor `#{anchor}`";
    H0481 AnchorsOnPage { anchors: List }
        => "那一页的标题锚点：{anchors}" / "that page's heading anchors: {anchors}";
    H0482 HeadingAnchorHelp {}
        => "标题的锚点由标题文字生成：`## 一、总体情况` 的锚点是 `#一-总体情况`" / "headings get anchors from their text: `## Safety month` is `#safety-month`";
    E0483 ContentFileMissing { url: String, file: String }
        => "链接 `{url}` 指向的页面文件 {file} 不存在" / "link `{url}` names the page file {file}, which does not exist";
    H0483 ContentFileHelp {}
        => "页面文件的路径相对于本文件所在的文件夹（如 ../news/a.md），或以 @/ 开头、从 content/ 写起（如 @/news/a.md）" / "name a page's file relative to this file's folder (e.g. ../news/a.md), or from content/ starting with @/ (e.g. @/news/a.md)";
    E0484 LinkToUnpublished { url: String, file: String }
        => "链接 `{url}` 指向的 {file} 这次不发布（是草稿，或尚未审核）" / "link `{url}` leads to {file}, which this build does not publish (a draft, or not yet reviewed)";
    H0484 UnpublishedHelp {}
        => "先发布那一页（去掉 `draft: true`），或删掉这个链接；加 --drafts 可连草稿一起构建" / "publish that page first (remove `draft: true`) or remove the link; --drafts builds drafts too";
    E0485 LinkOutsideBase { url: String, base: String }
        => "链接 `{url}` 不在本站的路径 {base} 之下" / "link `{url}` is not under the site's path {base}";
    H0485 LinkOutsideBaseHelp { base: String }
        => "本站发布在 {base} 下：把地址写成 {base}…，或写相对链接" / "the site is published under {base}: write the address as {base}…, or as a relative link";

    // 05: disclosures.
    H0517 NumberExpected { example: String }
        => "应写作：机关代字〔年份〕序号号，例如 {example}" / "expected: agency prefix, the year in U+3014/U+3015 brackets, the sequence and U+53F7, e.g. {example}";
    E0518 UnknownCategory { category: String }
        => "类别 `{category}` 不在 site.yaml 的 disclosure.categories 之中" / "category `{category}` is not one of site.yaml's disclosure.categories";
    H0518 KnownCategories { categories: List }
        => "使用其中之一：{categories}（或把它加到 site.yaml）" / "use one of: {categories} (or add it to site.yaml)";
    E0519 NoticeTwice {}
        => "`notice` 和 `notice_until` 同时写了" / "both `notice` and `notice_until` are set";
    H0519 NoticeTwiceHelp {}
        => "只保留一个：`notice: {{from, days, unit}}` 或 `notice_until: 日期`" / "keep one: `notice: {{from, days, unit}}` or `notice_until: DATE`";
    E0520 NoticeDays { days: u64 }
        => "公示天数应在 1 到 366 之间，而不是 {days}" / "notice days must be between 1 and 366, not {days}";
    H0520 NoticeHelp {}
        => "例如 notice: {{from: 2026-05-14, days: 5, unit: working_days}}" / "e.g. notice: {{from: 2026-05-14, days: 5, unit: working_days}}";
    E0521 NoticeUnit { unit: String }
        => "公示期单位 `{unit}` 无法识别" / "notice unit `{unit}` is not known";
    H0521 NoticeUnitHelp {}
        => "使用 `working_days`（工作日，默认）或 `calendar_days`（自然日）" / "use `working_days` (working days, the default) or `calendar_days`";
    W0522 NoticeUncertain { from: String, range: String, end: String }
        => "从 {from} 开始的公示期跨入了节假日日历不知道的年份（日历覆盖 {range}）；只跳过了周末，所以结束日期 {end} 可能不对" / "the notice period from {from} runs into a year the holiday calendar does not know (it knows {range}); weekends only were skipped, so the end date {end} may be wrong";
    H0522 NoticeUncertainHelp {}
        => "在站点根目录的 holidays.yaml 中加上那一年的节假日和调休上班日，或直接写明 `notice_until`" / "add that year's holidays and make-up workdays to holidays.yaml at the site root, or give `notice_until` explicitly";
    E0523 NoticeUntilEarly { last: String, first: String }
        => "notice_until（{last}）早于页面日期（{first}）" / "notice_until ({last}) is before the page's date ({first})";
    E0524 NumberUsedTwice { number: String, files: List }
        => "文号 {number} 被多个文件使用：{files}" / "document number {number} is used by {files}";
    H0524 NumberUsedTwiceHelp {}
        => "每份公示需要自己的文号；`noticeboard new disclosure` 会分配下一个空闲文号" / "each disclosure needs its own number; `noticeboard new disclosure` assigns the next free one";
    E0525 CorrectsUnknown { target: String }
        => "`corrects: {target}` 指向的公示在本站不存在" / "`corrects: {target}` names no disclosure of this site";
    H0525 CorrectsHelp {}
        => "写被更正公告的文号（例如 工会〔2026〕12号）或网址（例如 /disclosures/q1-funds/）" / "give the corrected notice's number or its URL (e.g. /disclosures/q1-funds/)";
    E0526 CorrectionNeedsReason {}
        => "更正公告（`corrects:`）需要写明 `reason:`（更正原因）" / "a correction (`corrects:`) needs a `reason:`";
    E0501 LedgerUnreadable { detail: String }
        => "无法读取公示台账：{detail}" / "cannot read the disclosure ledger: {detail}";
    E0502 LedgerDamaged { detail: String }
        => "公示台账已损坏：{detail}" / "the disclosure ledger is damaged: {detail}";
    H0502 LedgerRestoreHelp { file: String }
        => "从版本库恢复 {file}（git checkout {file}）；不要手工编辑它" / "restore {file} from version control (git checkout {file}); never edit it by hand";
    E0503 DisclosureChanged { number: String, changes: Vec<Message> }
        => "公示 {number} 发布后被修改（{changes}）；已发布的公示只能通过更正说明修改" / "disclosure {number} was changed after it was published ({changes}); a published disclosure may only change with a correction note";
    E0504 TextChanged { source: String }
        => "{source} 的正文有改动" / "the text of {source} changed";
    E0505 AttachmentRemoved { file: String }
        => "附件 {file} 被删除" / "attachment {file} was removed";
    E0506 AttachmentChanged { file: String }
        => "附件 {file} 有改动" / "attachment {file} changed";
    E0507 AttachmentAdded { file: String }
        => "新增了附件 {file}" / "attachment {file} was added";
    E0509 LedgerWrite { detail: String }
        => "无法写入公示台账：{detail}" / "cannot write the disclosure ledger: {detail}";

    H0510 CalendarFormatHelp {}
        => "应是 `years:` 映射，每年下有 `holidays:` 和 `workdays:` 列表，例如 `years: {{2027: {{holidays: [{{date: 2027-01-01, name: 元旦}}], workdays: [{{date: 2027-02-06, for: 春节}}]}}}}`" / "expected `years:` mapping each year to `holidays:` and `workdays:` lists, e.g. `years: {{2027: {{holidays: [{{date: 2027-01-01, name: New Year}}], workdays: [{{date: 2027-02-06, for: Spring Festival}}]}}}}`";
    E0511 CalendarNotAYear { year: String }
        => "`{year}` 不是年份；请写完整的四位年份，例如 2027" / "`{year}` is not a year; write the full four-digit year, e.g. 2027";
    E0512 CalendarEmptyYear { year: String }
        => "{year} 年既没有节假日也没有调休上班日；请列出节假日和调休上班日，或删除这一年" / "year {year} lists no holidays and no workdays; list its public holidays and make-up workdays, or remove the year";
    E0513 CalendarWrongYear { date: String, year: String }
        => "{date} 列在 {year} 年下；每个日期请列在它自己的年份下" / "{date} is listed under year {year}; list each date under its own year";
    E0514 CalendarWeekdayWorkday { date: String, weekday: String }
        => "{date} 是工作日（{weekday}）；`workdays` 只列为补节假日而上班的周末（调休上班）" / "{date} is a {weekday}, already a working day; `workdays` lists weekend days worked to make up for a holiday";
    E0515 CalendarTwice { date: String, line: u64 }
        => "{date} 列了两次（另见第 {line} 行）" / "{date} is listed twice (also on line {line})";
    E0516 CalendarBoth { date: String, line: u64 }
        => "{date} 同时列为节假日和调休上班日（另见第 {line} 行）" / "{date} is listed both as a holiday and as a workday (also on line {line})";

    E0527 BadNumber { input: String, why: Box<Message> }
        => "文号“{input}”格式不正确：{why}" / "document number `{input}` is malformed: {why}";
    E0528 NumberEmpty {}
        => "文号为空" / "the number is empty";
    E0529 NumberWhitespace { c: String }
        => "含有空白字符 {c}，请删除" / "remove the whitespace {c}";
    E0530 NumberNoBrackets {}
        => "年份须放在六角括号〔〕中" / "put the year in the brackets U+3014/U+3015";
    E0531 NumberWrongBrackets { c: String }
        => "年份须用六角括号〔〕，不能用 {c}" / "use the brackets U+3014/U+3015 around the year, not {c}";
    E0532 NumberUnclosed {}
        => "年份缺少右括号〕" / "close the year with U+3015";
    E0533 NumberNoPrefix {}
        => "缺少机关代字，例如“工会”" / "add the agency prefix before the year's bracket";
    E0534 NumberBadPrefix { prefix: String, c: String }
        => "机关代字“{prefix}”中不能有 {c}" / "the agency prefix `{prefix}` may hold only letters or Chinese characters, not {c}";
    E0535 NumberTrailing { extra: String }
        => "“号”之后不应再有“{extra}”" / "nothing may follow U+53F7; remove `{extra}`";
    E0536 NumberNoHao {}
        => "序号后缺少“号”" / "end the number with U+53F7 after the sequence";
    E0537 NumberYearFullWidth { text: String }
        => "年份“{text}”用了全角数字，请改用半角数字 0-9" / "write the year `{text}` with ASCII digits 0-9, not full-width ones";
    E0538 NumberYearNotDigits { text: String }
        => "年份“{text}”应为四位阿拉伯数字" / "write the year `{text}` as four ASCII digits, e.g. 2026";
    E0539 NumberYearShort { text: String }
        => "年份“{text}”须写全四位，如〔20{text}〕" / "write the full four-digit year, e.g. 20{text}";
    E0540 NumberYearNotFour { text: String }
        => "年份“{text}”应为四位数字" / "write the year `{text}` as four digits, e.g. 2026";
    E0541 NumberYearUnreadable { text: String }
        => "年份“{text}”无法识别" / "the year `{text}` cannot be read; write four digits, e.g. 2026";
    E0542 NumberNoSequence {}
        => "〕与“号”之间缺少序号" / "put the sequence number between the closing bracket and U+53F7";
    E0543 NumberOrdinal { rest: String }
        => "序号前不加“第”，应写作“{rest}号”" / "GB/T 9704 writes no ordinal mark (U+7B2C) before the sequence: write {rest} alone";
    E0544 NumberSequenceFullWidth { text: String }
        => "序号“{text}”用了全角数字，请改用半角数字 0-9" / "write the sequence `{text}` with ASCII digits 0-9, not full-width ones";
    E0545 NumberSequenceNotDigits { text: String }
        => "序号“{text}”应为阿拉伯数字" / "write the sequence number `{text}` with ASCII digits, e.g. 12";
    E0546 NumberSequenceZero {}
        => "序号从 1 开始，不能为 0" / "sequence numbers start at 1";
    E0547 NumberLeadingZero { text: String, trimmed: String }
        => "序号不编虚位，“{text}”应写作“{trimmed}”" / "no leading zeros: write {trimmed}, not {text}";
    E0548 NumberSequenceTooLarge { text: String, max: u64 }
        => "序号“{text}”过大（最大 {max}）" / "the sequence number `{text}` must be at most {max}";
    E0560 DisclosureMissing { number: String, url: String, source: String }
        => "公示 {number}（{url}）记录在台账中，但站点里已经没有它（原文件 {source}）；已发布的公示不能悄悄消失" / "disclosure {number} ({url}) is recorded in the ledger but is no longer in the site (its file was {source}); a published disclosure may not silently disappear";
    H0560 WithdrawHelp { source: String, date: String, ledger: String }
        => "如果是误删，从版本库恢复 {source}（git checkout -- {source}）。如果确要撤下：恢复该文件，写上 `draft: true`，在 revisions: 列表末尾写明撤下原因，构建一次：\n  revisions:\n    - date: {date}\n      note: 撤下原因：……\n台账 {ledger} 记下撤下原因之后，才可以删除该文件" / "if it was deleted by mistake, restore {source} from version control (git checkout -- {source}). To withdraw it on purpose: restore the file, set `draft: true`, say why at the end of its revisions: list, and build once:\n  revisions:\n    - date: {date}\n      note: Withdrawn because …\nOnce the ledger {ledger} holds the reason, the file may be deleted";
    E0561 NumberChanged { old: String, new: String }
        => "文号由 {old} 改为 {new}" / "its number changed from {old} to {new}";
    H0561 LookAlikeHelp { chars: List }
        => "这些文号看起来一样，其中却有冒充常用字母或汉字的字符：{chars}；请用输入法重新输入文号" / "these numbers look the same, but some characters only pass for ordinary letters: {chars}; type the number again with the keyboard";
    E0562 NoLongerPublished { state: String }
        => "它现在是 `{state}`，不再作为公示发布" / "it is now `{state}` and no longer published as a disclosure";
    H0562 NumberWithdrawnHelp { date: String, note: String }
        => "这个文号的公示已于 {date} 撤下（{note}）；撤下的文号不再使用：请换一个新文号（`noticeboard new disclosure` 会分配下一个空闲文号）" / "the disclosure with this number was withdrawn on {date} ({note}); a withdrawn number is not used again: give the notice a new number (`noticeboard new disclosure` assigns the next free one)";
    E0563 PictureChanged { file: String }
        => "图片 {file} 被换过" / "the picture {file} was replaced";
    E0564 PictureAdded { file: String }
        => "新增了图片 {file}" / "the picture {file} was added";
    E0565 PictureRemoved { file: String }
        => "图片 {file} 不再显示" / "the picture {file} is no longer shown";
    E0566 NoticePeriodChanged { old: String, new: String }
        => "公示期由 {old} 变为 {new}（公示期随 notice 或 holidays.yaml 计算）" / "the notice period changed from {old} to {new} (it is counted from `notice` and holidays.yaml)";
    E0567 AddressChanged { old: String, new: String }
        => "网址由 {old} 改为 {new}，旧网址将失效（在 aliases: 中写上 {old} 可让旧网址继续有效）" / "its address changed from {old} to {new} and the old one would stop working (list {old} in its aliases: to keep it working)";
    E0568 NoteNotAccepted { date: String, since: String, today: String }
        => "日期为 `{date}` 的更正说明不能作为这次改动的说明：它的日期须在 {since} 到 {today} 之间（不能倒签），且 note 不能为空" / "the revision dated `{date}` cannot account for this change: its date must be from {since} to {today} (no backdating) and its note must not be empty";
    H0568 RecordNoteHelp { date: String, since: String, ledger: String }
        => "在 revisions: 列表末尾加一条更正说明（没有这个列表就新建），日期不早于 {since}，写明改了什么、为什么，再重新构建：\n  revisions:\n    - date: {date}\n      note: 更正说明：……\n（或撤销改动；台账 {ledger} 保存着发布时的指纹）" / "add a correction note at the end of its revisions: list (start the list if there is none), dated {since} or later, saying what changed and why, then build again:\n  revisions:\n    - date: {date}\n      note: Corrected … because …\n(or undo the change; the ledger {ledger} keeps what was published)";
    W0569 LedgerUpgraded { count: usize, file: String }
        => "{file} 由旧版 noticeboard 写成：{count} 份公示此前未记录图片、公示期和更正说明，现按当前内容补记；此前对这些内容的改动已无从发现" / "{file} was written by an older noticeboard: for {count} disclosure(s) it did not record pictures, notice periods or correction notes, which are recorded now as they are; changes made to them before today cannot be found";
    E0569 LedgerTooNew { version: u64, known: u64 }
        => "台账格式版本为 {version}，比这个 noticeboard 所知的（{known}）更新" / "the ledger has format version {version}, newer than this noticeboard knows ({known})";
    H0569 PublishedLedgerHelp { published: String, ledger: String, date: String, since: String }
        => "这是与已发布的台账 {published} 比较的结果，{ledger} 与它不一致（可能被改写过）。从已发布的副本恢复 {ledger}，或在 revisions: 末尾写明原因（日期不早于 {since}）：\n  revisions:\n    - date: {date}\n      note: 更正说明：……" / "this is what the ledger already published, {published}, records, and {ledger} no longer agrees with it (it may have been rewritten). Restore {ledger} from the published copy, or say why at the end of its revisions: list (dated {since} or later):\n  revisions:\n    - date: {date}\n      note: Corrected … because …";

    // 06: images and attachments.
    W0601 GalleryNoCaptions { count: usize }
        => "{count} 张图集图片没有说明文字，读屏软件无从描述" / "{count} gallery image(s) have no caption, so they have no alt text";
    H0601 GalleryCaptionsHelp {}
        => "写成 `gallery: [{{src: a.jpg, caption: 说明文字}}]`，让使用读屏软件的读者知道图片内容" / "list them as `gallery: [{{src: a.jpg, caption: A caption}}]` so screen-reader users know what they show";
    W0602 FigureNoCaption { file: String }
        => "图片 `{file}` 没有说明文字，读屏软件无从描述" / "figure `{file}` has no caption, so it has no alt text";
    H0602 FigureCaptionHelp {}
        => "加上描述图片的 caption=\"…\"" / "add caption=\"…\" describing the picture";
    W0603 AttachmentAuthor { file: String, who: String }
        => "附件 `{file}` 的元数据中写有作者（{who}）" / "attachment `{file}` names its author in its metadata ({who})";
    H0603 RemoveAuthorHelp {}
        => "发布前从文件属性中删除作者（Word：文件 → 信息 → 检查文档；PDF：文档属性）" / "remove the author from the file's properties before publishing (Word: File, Info, Inspect Document; PDF: Document Properties)";
    W0604 FileAuthor { who: String }
        => "发布的文件在元数据中写有作者（{who}）" / "published file names its author in its metadata ({who})";
    E0605 ImageNotFound { file: String }
        => "图片 `{file}` 不存在" / "image `{file}` not found";
    H0605 ImageExpectedAt { path: String }
        => "文件应在 {path}；文件名相对于页面所在文件夹，以 / 开头时相对于站点根目录" / "expected the file at {path}; names are relative to the page's folder, or to the site root when they start with /";
    H0606 ImageTooLargeHelp {}
        => "把照片缩小（例如宽 4000 像素），或调高 site.yaml 中的 `images.max_megapixels`" / "scale the photo down (e.g. to 4000 px wide) or raise `images.max_megapixels` in site.yaml";
    H0607 NotAnImageHelp {}
        => "换成 JPEG、PNG 或 WebP 文件，或删除它" / "replace it with a JPEG, PNG or WebP file, or remove it";
    H0608 ImageIncompleteHelp {}
        => "从相机或手机重新复制照片；这个文件不完整" / "copy the photo again from the camera or phone; the file is incomplete";
    E0609 NotAnImage {}
        => "图片不是 JPEG、PNG 或 WebP 格式" / "image is not a JPEG, PNG or WebP image";
    E0610 ImageTruncated {}
        => "图片被截断或已损坏（文件提前结束）" / "image is truncated or damaged (the file ends too early)";
    E0611 ImageTooLarge { width: u64, height: u64, megapixels: String, limit: String }
        => "图片为 {width}×{height} 像素（{megapixels} 百万像素），超过 {limit} 百万像素的上限" / "image is {width}×{height} pixels ({megapixels} megapixels), over the limit of {limit} megapixels";
    E0612 ImageBroken { detail: String }
        => "图片无法解码：{detail}" / "image cannot be decoded: {detail}";
    E0613 ImageCacheWrite { detail: String }
        => "无法写入图片缓存：{detail}" / "cannot write the image cache: {detail}";
    E0614 ImageUnreadable { detail: String }
        => "无法读取图片：{detail}" / "cannot read image: {detail}";
    E0680 ImageSideTooLong { width: u64, height: u64, limit: u64 }
        => "图片为 {width}×{height} 像素，有一边超过 {limit} 像素的上限" / "image is {width}×{height} pixels; a side is longer than the limit of {limit} pixels";
    H0680 ImageSideHelp {}
        => "把图片裁切或缩小，使长边不超过上限；相机和扫描仪不会生成这样的图片" / "crop or scale the picture so its longest side is within the limit; no camera or scanner makes such a picture";
    E0681 ImageTooMuchMemory { megabytes: u64, limit: u64 }
        => "解码这张图片需要 {megabytes} MB 内存，超过 {limit} MB 的上限" / "decoding this image takes {megabytes} MB of memory, over the limit of {limit} MB";
    H0681 ImageDepthHelp {}
        => "把图片另存为每通道 8 位（普通 JPEG 或 PNG），或缩小它" / "save the picture with 8 bits per channel (a plain JPEG or PNG), or scale it down";

    // 07: templates and shortcodes.
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

    // 08: the output folder.
    E0801 OutputUnusable { output: String }
        => "不能把 `{output}` 用作输出文件夹" / "cannot use `{output}` as the output folder";
    E0802 OutsideOutput { path: String }
        => "拒绝在输出文件夹之外写入 `{path}`" / "refusing to write `{path}` outside the output folder";
    E0803 CannotCopy { detail: String }
        => "无法复制文件：{detail}" / "cannot copy file: {detail}";
    E0804 OldOutputMove { detail: String }
        => "无法把旧的输出移开：{detail}" / "cannot move the old output aside: {detail}";
    E0806 OutputRefused { output: String, why: Box<Message> }
        => "拒绝把 `{output}` 用作输出文件夹：{why}" / "refusing to use `{output}` as the output folder: {why}";
    H0806 OutputRefusedHelp {}
        => "换一个新的文件夹，例如 `public` 或 `dist`" / "choose a new folder such as `public` or `dist`";
    E0807 OutputIsRoot {}
        => "它是文件系统的根目录" / "it is the file-system root";
    E0808 OutputContainsSite {}
        => "它包含站点本身" / "it contains the site";
    E0809 OutputInsideProtected { folder: String }
        => "它在站点的 {folder}/ 文件夹里" / "it is inside the site's {folder}/ folder";
    E0805 NewOutputPlace { detail: String }
        => "无法把新的输出放到位：{detail}" / "cannot put the new output in place: {detail}";
    E0840 OutputNotOurs { names: String }
        => "这个文件夹已有内容（{names}），却不是 noticeboard 生成的（没有 .well-known/noticeboard.json），替换它会删掉这些文件" / "it already holds files ({names}) and was not made by noticeboard (it has no .well-known/noticeboard.json); replacing it would delete them";
    H0840 OutputNotOursHelp {}
        => "换一个新的或空的文件夹；如果确实不再需要其中的文件，请先自己删除它" / "choose a new or empty folder; if you really no longer need its files, delete the folder yourself first";
    E0841 OutputIsFile {}
        => "那里已经有一个同名文件，不是文件夹" / "a file of that name is already there, not a folder";
    E0842 OutputIsSiteFile { file: String }
        => "它是站点的 {file}" / "it is the site's {file}";
    E0843 CacheIsLink { path: String }
        => "缓存文件夹 `{path}` 是符号链接；noticeboard 只在站点里的真实文件夹中保存和清理缓存" / "the cache folder `{path}` is a symbolic link; noticeboard keeps and cleans its cache only in a real folder inside the site";
    E0140 CacheInsideProtected { dir: String, folder: String }
        => "cache_dir `{dir}` 在站点的 {folder}/ 文件夹里；缓存清理会删掉那里的文件" / "cache_dir `{dir}` is inside the site's {folder}/ folder, where cache clean-up would delete files";

    // 09: archives and their verification.
    E0901 ArchiveName { name: String }
        => "`{name}` 既不是 .zip 也不是 .tar.gz 文件名" / "`{name}` is neither a .zip nor a .tar.gz file name";
    H0901 ArchiveNameHelp {}
        => "归档文件命名为例如 site-20261123.zip 或 site-20261123.tar.gz" / "name the archive e.g. site-20261123.zip or site-20261123.tar.gz";
    E0902 CannotRead { detail: String }
        => "无法读取：{detail}" / "cannot read: {detail}";
    E0903 ManifestTaken { file: String }
        => "站点自己发布了 `{file}`，而归档需要用这个文件名存放清单" / "the site publishes its own `{file}`, which the archive needs for its manifest";
    H0903 ManifestTakenHelp {}
        => "把 static/ 里的这个文件改名" / "rename that file in static/";
    E0904 ArchiveWrite { detail: String }
        => "无法写入归档：{detail}" / "cannot write the archive: {detail}";
    E0905 NoManifest { manifest: String }
        => "没有找到 {manifest}" / "no {manifest} found";
    H0905 NoManifestHelp {}
        => "verify 检查由 `noticeboard archive` 生成的快照；这个快照顶层没有清单" / "verify checks snapshots made by `noticeboard archive`; this one has no manifest at its top";
    E0906 ManifestLine { manifest: String, line: usize, problem: Box<Message> }
        => "{manifest} 第 {line} 行：{problem}" / "{manifest} line {line}: {problem}";
    E0907 ManifestExpectedHash {}
        => "应是 64 位 SHA-256 哈希、两个空格和一个路径" / "expected a 64-digit SHA-256 hash, two spaces and a path";
    E0908 ManifestHashNotHex {}
        => "哈希不是 64 位十六进制数字" / "the hash is not 64 hexadecimal digits";
    E0909 ManifestExpectedPath {}
        => "哈希后面应是两个空格和一个路径" / "expected two spaces and a path after the hash";
    E0910 ManifestListedTwice { path: String }
        => "`{path}` 列出了两次" / "`{path}` is listed twice";
    E0911 UnreadableZip { detail: String }
        => "不是可读的 zip 归档：{detail}" / "not a readable zip archive: {detail}";
    E0912 UnreadableTarGz { detail: String }
        => "不是可读的 tar.gz 归档：{detail}" / "not a readable tar.gz archive: {detail}";
    E0913 NotASnapshot {}
        => "不是快照：应是 .zip、.tar.gz 或文件夹" / "not a snapshot: expected a .zip, a .tar.gz or a folder";
    E0914 SnapshotMissing { path: String, manifest: String }
        => "缺少文件：{path}（{manifest} 中列有）" / "missing file: {path} (listed in {manifest})";
    E0915 SnapshotAdded { path: String, manifest: String }
        => "多出文件：{path}（{manifest} 中没有）" / "added file: {path} (not in {manifest})";
    E0916 SnapshotAltered { path: String, manifest: String }
        => "文件被改动：{path}（SHA-256 与 {manifest} 不符）" / "altered file: {path} (its SHA-256 differs from {manifest})";
    T0917 VerifyPassed { count: usize, manifest: String }
        => "通过：全部 {count} 个文件与 {manifest} 一致" / "ok: all {count} files match {manifest}";
    T0918 VerifyFailedCounts { missing: usize, added: usize, altered: usize, listed: usize, manifest: String }
        => "校验未通过：缺少 {missing} 个，多出 {added} 个，改动 {altered} 个（{manifest} 共列 {listed} 个文件）" / "verify failed: {missing} missing, {added} added, {altered} altered (of {listed} files in {manifest})";
    T0919 VerifyFailed {}
        => "校验未通过" / "verify failed";
    T0920 Archived { files: usize, manifest: String, folder: String, path: String, megabytes: String }
        => "已归档 {files} 个文件（另加 {manifest}），位于 {folder}/ → {path}（{megabytes} MB）" / "archived {files} files (+ {manifest}) in {folder}/ → {path} ({megabytes} MB)";
    T0921 ArchiveFailed {}
        => "归档失败；没有写出归档文件" / "archive failed; no archive was written";
    E0940 ArchiveNotReplaced { name: String }
        => "`{name}` 已经存在，且不是 noticeboard 能替换的归档文件；拒绝覆盖" / "`{name}` already exists and is not an archive noticeboard may replace; refusing to overwrite it";
    E0970 UnsafeEntryName { name: String, problem: Box<Message> }
        => "名字 `{name}` 不安全：{problem}" / "the name `{name}` is unsafe: {problem}";
    H0970 UnsafeNamesHelp {}
        => "noticeboard archive 从不写这样的名字：这个快照被别人做过或改过，解包它可能写到文件夹外或覆盖别的文件，不要解包" / "noticeboard archive never writes such names: someone else made or changed this snapshot, and unpacking it could write outside the folder or over other files. Do not unpack it";
    E0971 NameAbsolute {}
        => "它是绝对路径，解包时会写到文件夹外" / "it is an absolute path, which unpacks outside the folder";
    E0972 NameParent {}
        => "它含有 `..`，解包时会写到文件夹外" / "it contains `..`, which unpacks outside the folder";
    E0973 NameBackslash {}
        => "它含有反斜杠，Windows 会把它当作文件夹分隔符" / "it contains a backslash, which Windows takes for a folder separator";
    E0974 NameDrive {}
        => "它含有 `:`，Windows 会把它当作盘符或数据流" / "it contains `:`, which Windows takes for a drive letter or a data stream";
    E0975 NameControl {}
        => "它含有控制字符（NUL、换行等）" / "it contains a control character (NUL, a line break…)";
    E0976 NameDotSegment {}
        => "它含有空的或 `.` 路径段" / "it has an empty or `.` path segment";
    E0977 EntryTwice { name: String }
        => "`{name}` 出现了不止一次：解包时一个会覆盖另一个" / "`{name}` is in the archive more than once: unpacking would write one over the other";
    E0978 EntriesCollide { first: String, second: String }
        => "`{first}` 和 `{second}` 只差大小写或 Unicode 写法：在 Windows 和 macOS 上它们是同一个文件，解包时一个会覆盖另一个" / "`{first}` and `{second}` differ only in case or Unicode form: on Windows and macOS they are one file, and unpacking would write one over the other";
    E0979 TooMuchUnpacked { entry: String, megabytes: usize }
        => "解包到 `{entry}` 时已超过 {megabytes} MB 的上限，校验已停止" / "unpacking went past the limit of {megabytes} MB at `{entry}`; verify stopped";
    H0979 TooMuchUnpackedHelp {}
        => "一个快照解包后最多是它大小的 100 倍（至少 256 MB）；远超于此的是压缩炸弹，不要解包" / "a snapshot may unpack to at most 100 times its size (256 MB at least); one that goes far past that is a zip bomb: do not unpack it";

    // 10: commands.
    E1001 BadNow { text: String }
        => "--now：无法把 `{text}` 读作时间；应写作例如 2026-11-23T09:00:00+08:00 或 2026-11-23" / "--now: cannot read `{text}` as a time; expected e.g. 2026-11-23T09:00:00+08:00 or 2026-11-23";
    E1002 EpochNotSeconds { text: String }
        => "SOURCE_DATE_EPOCH：`{text}` 不是整数秒" / "SOURCE_DATE_EPOCH: `{text}` is not a whole number of seconds";
    E1003 EpochOutOfRange { detail: String }
        => "SOURCE_DATE_EPOCH 超出范围：{detail}" / "SOURCE_DATE_EPOCH: {detail}";
    E1004 TitleEmpty {}
        => "标题是空的" / "the title is empty";
    H1004 NewHelp {}
        => "例如 noticeboard new news \"工会召开职代会\"" / "e.g. noticeboard new news \"Union congress meets\"";
    E1005 SectionNotFolder { section: String }
        => "栏目 `{section}` 不是 content/ 下的文件夹名" / "section `{section}` is not a folder name under content/";
    E1006 FileExists {}
        => "文件已存在；没有做任何改动" / "file already exists; nothing was changed";
    H1006 FileExistsHelp {}
        => "换一个标题，或直接编辑已有的文件" / "choose another title, or edit the existing file";
    E1007 CannotCreatePage { detail: String }
        => "无法创建页面：{detail}" / "cannot create the page: {detail}";
    T1008 Created { path: String }
        => "已创建 {path}" / "created {path}";
    E1009 FolderNotEmpty {}
        => "文件夹已存在且不是空的；没有做任何改动" / "folder already exists and is not empty; nothing was changed";
    H1009 FolderNotEmptyHelp {}
        => "换一个新的文件夹名" / "choose a new folder name";
    E1010 CannotCreateFolder { detail: String }
        => "无法创建文件夹：{detail}" / "cannot create folder: {detail}";
    E1011 CannotWrite { detail: String }
        => "无法写入：{detail}" / "cannot write: {detail}";
    T1012 SiteCreated { dir: String, count: usize }
        => "已在 {dir} 创建新站点（{count} 个文件）" / "created a new site in {dir} ({count} files)";
    T1013 SiteNext { dir: String }
        => "下一步：noticeboard build --root {dir}" / "next: noticeboard build --root {dir}";
    T1014 Built { pages: usize, sections: usize, terms: usize, files: usize, output: String, seconds: String, stages: String }
        => "已构建 {pages} 个页面、{sections} 个栏目、{terms} 个分类词 → {files} 个文件，位于 {output}（{seconds} 秒：{stages}）" / "built {pages} pages, {sections} sections, {terms} terms → {files} files in {output} ({seconds} s: {stages})";
    T1015 ImagesDone { processed: usize, cached: usize }
        => "图片：处理 {processed} 张，缓存 {cached} 张" / "images: {processed} processed, {cached} cached";
    T1016 NextStatusChange { at: String, what: String }
        => "下一次状态变化：{at}（{what}）；届时请重新构建" / "next status change: {at} ({what}); rebuild then";
    E1070 ManifestNotExpected { manifest: String, actual: String, expected: String }
        => "{manifest} 的 SHA-256 是 {actual}，不是 --expect 给出的 {expected}：清单被换过，这个快照不是记下的那一个" / "the SHA-256 of {manifest} is {actual}, not {expected} as given to --expect: the manifest was replaced, this is not the snapshot whose hash was kept";
    H1070 ManifestNotExpectedHelp {}
        => "文件与新清单一致也不说明什么：改了文件的人也能重写清单。请向发布者取得原来的快照" / "that the files match the new manifest proves nothing: whoever changed the files can rewrite it. Get the original snapshot from its publisher";
    E1071 ExpectNotHash { text: String }
        => "--expect：`{text}` 不是 64 位十六进制的 SHA-256" / "--expect: `{text}` is not a SHA-256 of 64 hexadecimal digits";
    T1072 VerifyPinned { hash: String }
        => "清单的 SHA-256 与 --expect 一致：{hash}" / "the manifest's SHA-256 matches --expect: {hash}";
    T1073 VerifyUnpinned { hash: String }
        => "清单的 SHA-256：{hash}。这只证明文件与快照里的清单一致；要证明快照没有连同清单一起被换掉，请用 --expect 对照归档时记下或公布的哈希" / "manifest SHA-256: {hash}. This shows only that the files match the manifest inside the snapshot; to show that nobody replaced both, compare with --expect against the hash kept or published when it was archived";
    T1074 ArchiveManifestHash { hash: String, path: String }
        => "清单的 SHA-256：{hash}。请记下或公布它；以后用 noticeboard verify {path} --expect {hash} 核对" / "manifest SHA-256: {hash}. Keep or publish it; later, noticeboard verify {path} --expect {hash} checks the snapshot against it";
    T1075 VerifyUnsafeNames { count: usize }
        => "校验未通过：{count} 个名字不安全或相互冲突；不要解包这个快照" / "verify failed: {count} unsafe or colliding name(s); do not unpack this snapshot";

    // 11: the live preview.
    E1101 ServeNoSite { root: String }
        => "{root} 中没有 site.yaml：请在站点文件夹中运行 serve，或使用 --root 目录" / "no site.yaml in {root}: run serve in a site folder, or give --root DIR";
    E1102 PortInUse { port: usize, bind: String, next: usize }
        => "{bind} 上的端口 {port} 已被占用（另一个 serve？）；试试 --port {next}" / "port {port} on {bind} is in use (another serve?); try --port {next}";
    E1103 CannotListen { address: String, detail: String }
        => "无法在 {address} 上监听：{detail}" / "cannot listen on {address}: {detail}";
    E1104 CannotWatch { root: String, detail: String }
        => "无法监视 {root}：{detail}" / "cannot watch {root}: {detail}";
    E1105 CannotStartServer { detail: String }
        => "无法启动服务器：{detail}" / "cannot start the server: {detail}";
    E1106 WatcherStopped {}
        => "文件监视已停止" / "the file watcher stopped";
    T1107 Serving { url: String }
        => "正在预览 {url} （显示草稿；监视改动中；按 Ctrl-C 停止）" / "serving {url} (drafts shown; watching for changes; Ctrl-C stops)";
    T1108 WatchPolling {}
        => "注意：系统的文件监视数已用完；改为每 0.3 秒轮询" / "note: the system ran out of file watches; polling every 0.3 s instead";
    T1109 StillServing {}
        => "构建失败；仍在提供上一次成功的站点。修改后保存即可。" / "build failed; still serving the last good site. Fix and save.";
    T1110 ServeBuilt { pages: usize, ms: String }
        => "已构建 {pages} 个页面，用时 {ms} 毫秒" / "built {pages} pages in {ms} ms";
    T1111 Rebuilt { ms: String, stages: String, parsed: usize, checked: usize, rendered: usize, changed: usize }
        => "重新构建用时 {ms} 毫秒（{stages} 毫秒）：解析 {parsed} 页，检查 {checked} 个视图，渲染 {rendered} 个文件，{changed} 个有变化" / "rebuilt in {ms} ms ({stages} ms): {parsed} page(s) parsed, {checked} view(s) checked, {rendered} file(s) rendered, {changed} changed";
    T1112 NoBrowser { url: String }
        => "无法打开浏览器；请自行打开 {url}" / "could not open a browser; open {url} yourself";
    E1170 ForeignHost { host: String }
        => "这个预览不回答 `{host}` 这个地址" / "this preview does not answer at `{host}`";
    H1170 PreviewAddressHelp { url: String }
        => "请打开 serve 显示的地址 {url}（或 localhost）。别的网站不能借用其他域名读取预览" / "open the address serve printed, {url} (or localhost). No other site may read the preview under another name";
    E1171 NoHostHeader {}
        => "请求没有 Host 头，或有多个" / "the request has no Host header, or more than one";
    E1172 ForeignOrigin { origin: String }
        => "拒绝来自 `{origin}` 的请求：预览只回答它自己的页面" / "refused a request from `{origin}`: the preview answers only its own pages";
    E1173 CrossSiteRead {}
        => "另一个网站的页面不能读取预览" / "a page of another site may not read the preview";
}
