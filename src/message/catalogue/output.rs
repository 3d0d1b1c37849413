//! Area 08 of the catalogue: the output folder.

macro_rules! area_08 {
    ($($earlier:tt)*) => {
        area_09! {
            $($earlier)*
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
        }
    };
}
