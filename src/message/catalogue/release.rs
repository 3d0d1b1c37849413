//! Area 15 of the catalogue: releases and the double-click start.

macro_rules! area_15 {
    ($($earlier:tt)*) => {
        area_16! {
            $($earlier)*
            T1501 StartServing { root: String }
                => "noticeboard 正在预览 {root} 中的站点，浏览器会自动打开。关闭此窗口或按 Ctrl+C 停止。" / "noticeboard is previewing the site in {root}; the browser opens by itself. Close this window or press Ctrl+C to stop.";
            E1502 StartNoSite { here: String, beside: String }
                => "这里没有站点：{here} 和 {beside} 中都没有 site.yaml" / "no site here: neither {here} nor {beside} holds a site.yaml";
            E1503 StartNoSiteHere { here: String }
                => "这里没有站点：{here} 中没有 site.yaml" / "no site here: {here} holds no site.yaml";
            T1506 StartNewSite { here: String }
                => "{here} 中还没有站点：浏览器中已打开“新建站点”页。关闭此窗口或按 Ctrl+C 停止。" / "{here} holds no site yet: the browser shows the new-site page. Close this window or press Ctrl+C to stop.";
            H1502 StartNoSiteHelp {}
                => "把 noticeboard.exe 放进站点文件夹（有 site.yaml 的那个文件夹）再双击它；还没有站点时，在命令行运行 noticeboard init 我的站点 新建一个" / "put noticeboard.exe in the site folder (the one with site.yaml) and double-click it there; to make a site, run noticeboard init mysite in a terminal";
            T1504 PressEnterToClose {}
                => "按回车键关闭" / "press Enter to close";
            T1505 WatchNative { backend: String }
                => "正在监视文件改动（{backend}）" / "watching for file changes ({backend})";
            E1507 OutputHeldOpen { tries: usize, seconds: String, detail: String }
                => "无法替换输出文件夹：其中的文件被别的程序占用（重试 {tries} 次、共 {seconds} 秒后仍然如此：{detail}）；原来的站点保持不变" / "cannot replace the output folder: a program holds one of its files open (still so after {tries} tries over {seconds} s: {detail}); the old site is left as it was";
            H1507 OutputHeldOpenHelp {}
                => "关掉正在打开其中文件的程序（浏览器、WPS、资源管理器的预览窗格、杀毒软件扫描），再构建一次" / "close the program that has one of its files open (a browser, WPS, Explorer's preview pane, a virus scan) and build again";
        }
    };
}
