//! Area 02 of the catalogue: reading the site's files.

macro_rules! area_02 {
    ($($earlier:tt)*) => {
        area_03! {
            $($earlier)*
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
        }
    };
}
