//! Area 17 of the catalogue: builds that reuse what the last one made.

macro_rules! area_17 {
    ($($earlier:tt)*) => {
        $crate::message::declare_catalogue! {
            $($earlier)*
            T1701 OutputUnchanged { files: usize }
                => "输出没有变化：{files} 个文件都与上次构建相同，未改动" / "nothing changed: all {files} files are as the last build left them, and were not touched";
            T1702 OutputReused { written: usize, reused: usize }
                => "写入 {written} 个有变化的文件，{reused} 个未变的文件沿用上次的输出" / "wrote {written} changed files and kept {reused} unchanged ones from the last output";
            T1705 InputsUnchanged { files: usize }
                => "站点文件自上次构建以来没有变化，输出原样保留（{files} 个文件）" / "no site file changed since the last build: the output stays as it is ({files} files)";
            T1703 PagesProgress { done: usize, total: usize }
                => "生成页面 {done}/{total}" / "pages: {done}/{total}";
            T1704 ImagesProgress { done: usize, total: usize }
                => "处理图片 {done}/{total}" / "images: {done}/{total}";
            E1706 BodiesUnreadable { file: String, detail: String }
                => "构建时暂存页面正文的文件 {file} 读不回来（{detail}），输出未改动" / "the file {file} this build kept page bodies in could not be read back ({detail}); the output was not changed";
            T1708 BodiesCached { cached: usize, converted: usize }
                => "{cached} 篇页面正文沿用上次构建的转换结果，{converted} 篇有变化的重新转换" / "took {cached} page bodies as the last build converted them, and converted {converted} changed ones";
            T1709 JobsKept { checked: usize, kept: usize }
                => "重新检查了可能受改动影响的 {checked} 个页面，其余 {kept} 个页面不受影响，沿用上次的结果" / "checked again the {checked} pages the changes may touch; the other {kept} cannot have changed and were kept";
            H1707 BodiesUnreadableHelp {}
                => "检查缓存文件夹所在的磁盘是否已满或已拔出，然后重新构建" / "check that the disk of the cache folder is not full or gone, then build again";
        }
    };
}
