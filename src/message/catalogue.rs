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

use crate::config::Language;
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
    E0118 ConfigUnreadable { detail: String }
        => "无法读取 site.yaml：{detail}" / "cannot read site.yaml: {detail}";

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
    E0709 ShortcodeNotAValue { text: String }
        => "`{text}` 不是有效的值；文字请加引号，例如 \"这样\"" / "`{text}` is not a value; quote text like \"this\"";

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
        => "正在预览 {url}（显示草稿；监视改动中；按 Ctrl-C 停止）" / "serving {url} (drafts shown; watching for changes; Ctrl-C stops)";
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

    // 05: disclosures.
    E0501 LedgerUnreadable { detail: String }
        => "无法读取公示台账：{detail}" / "cannot read the disclosure ledger: {detail}";
    E0502 LedgerDamaged { detail: String }
        => "公示台账已损坏：{detail}" / "the disclosure ledger is damaged: {detail}";
    H0502 LedgerRestoreHelp { file: String }
        => "从版本库恢复 {file}（git checkout {file}）；不要手工编辑它" / "restore {file} from version control (git checkout {file}); never edit it by hand";
    E0503 DisclosureChanged { number: String, changes: Vec<Message> }
        => "公示 {number} 发布后被修改（{changes}）；已发布的公示只能通过更正说明修改" / "disclosure {number} was changed after it was published ({changes}); a published disclosure may only change with a correction note";
    H0503 RecordRevisionHelp { today: String, ledger: String }
        => "在前置信息里写明原因，再重新构建：\n  revisions:\n    - {{date: {today}, note: 更正说明：……}}\n（或撤销改动；台账 {ledger} 保存着发布时的指纹）" / "record why in its front matter, then build again:\n  revisions:\n    - {{date: {today}, note: What was corrected and why}}\n(or undo the change; the ledger {ledger} keeps the published fingerprint)";
    E0504 TextChanged { source: String }
        => "{source} 的正文有改动" / "the text of {source} changed";
    E0505 AttachmentRemoved { file: String }
        => "附件 {file} 被删除" / "attachment {file} was removed";
    E0506 AttachmentChanged { file: String }
        => "附件 {file} 有改动" / "attachment {file} changed";
    E0507 AttachmentAdded { file: String }
        => "新增了附件 {file}" / "attachment {file} was added";
    W0508 DisclosureGone { number: String, url: String }
        => "公示 {number}（{url}）记录在台账中，但站点里已没有它；记录予以保留" / "disclosure {number} ({url}) is recorded in the ledger but no longer in the site; its record is kept";
    H0508 DisclosureGoneHelp { source: String }
        => "已发布的公示应当一直可以访问；请恢复 {source}" / "published disclosures should stay reachable; restore {source}";
    E0509 LedgerWrite { detail: String }
        => "无法写入公示台账：{detail}" / "cannot write the disclosure ledger: {detail}";

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

    // 08: the output folder.
    E0801 OutputUnusable { output: String }
        => "不能把 `{output}` 用作输出文件夹" / "cannot use `{output}` as the output folder";
    E0802 OutsideOutput { path: String }
        => "拒绝在输出文件夹之外写入 `{path}`" / "refusing to write `{path}` outside the output folder";
    E0803 CannotCopy { detail: String }
        => "无法复制文件：{detail}" / "cannot copy file: {detail}";
    E0804 OldOutputMove { detail: String }
        => "无法把旧的输出移开：{detail}" / "cannot move the old output aside: {detail}";
    E0805 NewOutputPlace { detail: String }
        => "无法把新的输出放到位：{detail}" / "cannot put the new output in place: {detail}";

    // TEMPORARY: text from call sites not yet converted.
    X9999 Uncoded { text: String } => "{text}" / "{text}";
}
