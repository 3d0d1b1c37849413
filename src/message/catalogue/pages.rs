//! Area 04 of the catalogue: pages, addresses and kinds.

macro_rules! area_04 {
    ($($earlier:tt)*) => {
        area_05! {
            $($earlier)*
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
        }
    };
}
