//! Area 10 of the catalogue: commands.

macro_rules! area_10 {
    ($($earlier:tt)*) => {
        area_11! {
            $($earlier)*
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
        }
    };
}
