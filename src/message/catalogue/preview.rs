//! Area 11 of the catalogue: the live preview.

macro_rules! area_11 {
    ($($earlier:tt)*) => {
        area_12! {
            $($earlier)*
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
    };
}
