//! Area 13 of the catalogue: the WeChat export.

macro_rules! area_13 {
    ($($earlier:tt)*) => {
        area_14! {
            $($earlier)*
            T1301 WechatReferences {}
                => "参考链接" / "References";
            T1302 WechatNotes {}
                => "注释" / "Notes";
            T1303 WechatFootnoteMark { n: usize }
                => "注{n}" / "note {n}";
            T1304 WechatVideo {}
                => "视频" / "Video";
            T1305 WechatAttachmentsOnline { url: String }
                => "公众号文章不能带附件，请到网站原文查看和下载：{url}" / "WeChat articles cannot carry attachments; see and download them on the site: {url}";
            T1306 WechatWritten { file: String, problems: usize }
                => "已写出 {file}：用浏览器打开它，全选并复制，再粘贴到公众号编辑器正文（{problems} 个警告）" / "wrote {file}: open it in a browser, select all, copy, and paste into the WeChat editor ({problems} warning(s))";
            W1310 WechatPictureNotCopied { url: String }
                => "图片 {url} 没有公众号副本（只有 JPEG、PNG、WebP 照片才有），公众号可能无法显示它" / "the picture {url} has no WeChat copy (only JPEG, PNG and WebP photos get one); WeChat may not show it";
            W1311 WechatBaseUrlNotPublic { url: String }
                => "base_url `{url}` 不是公网地址：公众号的服务器取不到这里的图片" / "base_url `{url}` is not a public address: WeChat's servers cannot fetch the pictures from it";
            H1311 WechatBaseUrlHelp {}
                => "在 site.yaml 中把 base_url 设为网站发布后的地址（如 https://gonghui.example.cn/），先用 build 发布网站，再复制到公众号" / "set base_url in site.yaml to the published site's address (e.g. https://union.example.cn/), publish the site with build first, then copy to WeChat";
            E1320 WechatNoSuchPage { file: String }
                => "{file} 不是本站发布的页面" / "{file} is not a page this site publishes";
            H1320 WechatNoSuchPageHelp {}
                => "给出 content/ 中一个页面文件的路径，例如 content/news/2026-11-20-safety-month.md（草稿和栏目首页 _index.md 不能导出）" / "give the path of a page file in content/, e.g. content/news/2026-11-20-safety-month.md (drafts and section pages, _index.md, cannot be exported)";
            E1321 WechatCannotWrite { file: String, detail: String }
                => "无法写入 {file}：{detail}" / "cannot write {file}: {detail}";
            T1322 WechatFailed {}
                => "没有导出：请先修正上面的错误" / "nothing exported: fix the errors above first";
            W1340 WechatLintRoot {}
                => "片段应只有一个带内联样式的 <section> 根元素" / "the fragment should have exactly one <section> root with inline styles";
            W1341 WechatLintElement { name: String }
                => "公众号编辑器会删掉 {name}" / "the WeChat editor removes {name}";
            W1342 WechatLintAttribute { name: String, element: String }
                => "{element} 带有属性 {name}：公众号只保留内联样式" / "{element} has the attribute {name}: WeChat keeps only inline styles";
            W1343 WechatLintDataUri { element: String }
                => "{element} 用了 data: 地址：公众号不接受内嵌数据" / "{element} uses a data: URI, which WeChat does not accept";
            W1344 WechatLintPosition { element: String }
                => "{element} 的样式用了 position：公众号会删掉它" / "{element} is styled with position, which WeChat removes";
            W1345 WechatLintList { name: String }
                => "{name}：公众号会改写列表项，加粗标签会断行，三级列表会丢失层次" / "{name}: WeChat rewrites list items, breaking bold labels onto new lines and flattening a third level";
            W1346 WechatLintPre {}
                => "预排文字应写成 &nbsp; 和 <br>：公众号会合并空格和换行" / "preformatted text should be written with &nbsp; and <br>: WeChat collapses spaces and line breaks";
            W1347 WechatLintLink { url: String }
                => "链接 {url} 不是公众号文章：公众号会拒绝它，应改为文末参考链接" / "the link {url} is not a WeChat article: WeChat refuses it; it belongs in the references at the end";
            W1348 WechatLintPicture { url: String }
                => "图片 `{url}` 应是 JPEG 或 PNG 的绝对网址" / "the picture `{url}` should be an absolute URL of a JPEG or PNG";
            W1349 WechatLintTable {}
                => "表格应设为 100% 宽度，否则在手机上只能横向滚动" / "a table should be 100% wide, or it only scrolls sideways on a phone";
            W1350 WechatLintContrastLight { text: String, ratio: String }
                => "“{text}”在浅色模式下对比度只有 {ratio}:1（至少 4.5:1）" / "“{text}” has a contrast of only {ratio}:1 in light mode (at least 4.5:1)";
            W1351 WechatLintContrastDark { text: String, ratio: String }
                => "“{text}”在公众号深色模式下对比度只有 {ratio}:1（至少 4.5:1）" / "“{text}” has a contrast of only {ratio}:1 in WeChat's dark mode (at least 4.5:1)";
            T1360 WechatCopyButton {}
                => "复制到公众号" / "Copy for WeChat";
            T1361 WechatPreviewButton {}
                => "公众号预览" / "WeChat preview";
            T1362 WechatCopied {}
                => "已复制：到公众号编辑器正文中粘贴即可" / "copied: paste it into the body of the WeChat editor";
            T1363 WechatCopyFailed {}
                => "复制失败：浏览器不允许写入剪贴板，请在预览中全选后复制" / "copy failed: the browser refused the clipboard; select all in the preview and copy";
            T1364 WechatLightMode {}
                => "浅色模式" / "Light mode";
            T1365 WechatDarkMode {}
                => "深色模式（按公众号算法换色）" / "Dark mode (colours turned as WeChat turns them)";
            T1366 WechatClose {}
                => "关闭" / "Close";
            T1367 WechatWarnings { count: usize }
                => "{count} 个提示" / "{count} warning(s)";
        }
    };
}
