//! Area 12 of the catalogue: the writing desk.

macro_rules! area_12 {
    ($($earlier:tt)*) => {
        area_13! {
            $($earlier)*
            T1200 DeskAddress { url: String }
                => "写作台：{url}" / "Writing desk: {url}";
            E1201 DeskNoSession {}
                => "请用 noticeboard 窗口里显示的写作台地址打开写作台" / "open the desk with the address shown in the noticeboard window";
            H1201 DeskHowToGetIn {}
                => "在运行 noticeboard 的窗口里找到以“写作台：”开头的一行，把其中的地址复制到浏览器打开。每次启动地址都不同" / "in the window where noticeboard runs, find the line starting with \"Writing desk:\" and open that address in the browser. It changes every time noticeboard starts";
            E1202 DeskWrongToken {}
                => "这个写作台地址已失效（每次启动都会换新地址）" / "this desk address is no longer valid (a new one is made at every start)";
            E1203 DeskForeignOrigin {}
                => "修改只能来自写作台自己的页面" / "changes may come only from the desk's own page";
            E1204 DeskNotJson { expected: String }
                => "请求内容的类型必须是 {expected}" / "the request body must be {expected}";
            E1205 DeskBadRequest { detail: String }
                => "无法读取请求：{detail}" / "cannot read the request: {detail}";
            E1206 DeskPathOutside { path: String }
                => "`{path}` 不是 content/ 或 static/ 中可以写入的文件" / "`{path}` is not a file the desk may write in content/ or static/";
            E1207 DeskNotFound { path: String }
                => "找不到 `{path}`" / "`{path}` not found";
            E1208 DeskConflict { path: String }
                => "`{path}` 在你打开之后已被别处修改；请比较两个版本后选择" / "`{path}` was changed elsewhere after you opened it; compare both versions and choose";
            E1209 DeskNeedsRevisionNote { number: String }
                => "公示 {number} 已发布并记入台账：修改它需要填写更正说明" / "disclosure {number} is published and recorded in the ledger: changing it needs a revision note";
            E1210 DeskWriteFailed { path: String, detail: String }
                => "无法写入 `{path}`：{detail}" / "cannot write `{path}`: {detail}";
            E1211 DeskBodyTooLarge { limit: String }
                => "请求太大（上限 {limit}）" / "the request is too large (limit {limit})";
            E1212 DeskUploadType { name: String }
                => "`{name}` 不是可以上传的照片或附件（按文件内容判断：照片 JPEG/PNG/WebP/GIF，附件 PDF/Word/Excel/PowerPoint/ZIP）" / "`{name}` is not a photo or attachment the desk takes (judged by its content: photos JPEG/PNG/WebP/GIF, attachments PDF/Word/Excel/PowerPoint/ZIP)";
            E1213 DeskSvgRefused { name: String }
                => "`{name}` 是 SVG 图形：它可以带脚本，写作台不接收；请另存为 PNG" / "`{name}` is an SVG drawing: it can carry scripts, so the desk refuses it; save it as PNG";
            E1214 DeskFileTooLarge { name: String, limit: String }
                => "`{name}` 太大（每个文件上限 {limit}）" / "`{name}` is too large (limit {limit} per file)";
            E1215 DeskFileExists { path: String }
                => "`{path}` 已存在；写作台不会覆盖它" / "`{path}` exists already; the desk does not overwrite it";
            E1216 DeskUnknownKind { kind: String }
                => "没有 `{kind}` 这种页面类型" / "there is no page kind `{kind}`";
            E1217 DeskUnknownSection { section: String }
                => "`{section}` 不是 content/ 中的栏目文件夹" / "`{section}` is not a section folder in content/";
            E1218 DeskBadName { name: String }
                => "`{name}` 不能用作文件名（Windows 不能保存，或是隐藏文件）" / "`{name}` cannot be a file name (Windows cannot store it, or it is hidden)";
            E1219 DeskMethod { method: String }
                => "写作台不接受 {method} 请求" / "the desk does not take {method} requests";
            E1220 DeskBadDate { text: String }
                => "`{text}` 不是日期（例如 2026-11-20）" / "`{text}` is not a date (e.g. 2026-11-20)";
            E1221 DeskReviewOff {}
                => "本站没有开启审核（site.yaml 中 review: required）" / "review is not turned on for this site (review: required in site.yaml)";
            E1222 DeskNoName {}
                => "请填写你的姓名" / "enter your name";
            E1223 DeskBusy {}
                => "正在发布或归档，请稍候" / "publishing or archiving is under way; wait a moment";
            E1224 DeskImportMissing {}
                => "没有收到 Word 文档（.docx）" / "no Word document (.docx) was sent";
            E1225 DeskNotAPage { path: String }
                => "`{path}` 不是写作台能编辑的页面（content/ 中的 .md 文件，栏目说明 _index.md 除外）" / "`{path}` is not a page the desk edits (a .md file in content/, other than a section's _index.md)";
            E1226 DeskNoTitle {}
                => "请填写标题" / "enter a title";
            E1227 DeskNotSubmitted { path: String }
                => "`{path}` 还没有提交审核" / "`{path}` has not been submitted for review";
            E1228 DeskBrokenPicture { name: String, why: Box<Message> }
                => "`{name}` 无法作为照片读取：{why}" / "`{name}` cannot be read as a photo: {why}";
            E1229 DeskUploadNeedsRevisionNote { number: String, files: List }
                => "公示 {number} 已发布并记入台账：上传 {files} 会改变它记录的附件或图片，需要填写更正说明" / "disclosure {number} is published and recorded in the ledger: uploading {files} changes the attachments or pictures it records, so it needs a revision note";
            T1230 StateDraft {}
                => "草稿" / "draft";
            T1231 StateReview {}
                => "待审" / "waiting for review";
            T1232 StatePublished {}
                => "已发布" / "published";
            T1233 StateOpen {}
                => "公示中" / "notice open";
            T1234 StateClosed {}
                => "公示结束" / "notice ended";
            T1235 StateCorrected {}
                => "已更正" / "corrected";
            T1236 DeskPeriod { from: String, until: String }
                => "公示期：{from}至{until}" / "notice period: {from} to {until}";
            W1240 Unreviewed { count: usize, pages: List }
                => "{count} 个页面尚未审核，没有发布：{pages}" / "{count} page(s) not reviewed and so not published: {pages}";
            H1240 UnreviewedHelp {}
                => "本站要求审核（review: required）：在写作台中审核通过后再发布" / "this site requires review (review: required): approve them in the writing desk, then publish";
            E1244 ReviewValue { value: String }
                => "review 只能是 off（不审核）或 required（发布前须审核），而不是 `{value}`" / "review is off or required, not `{value}`";
            T1243 DeskTitle {}
                => "写作台" / "Writing desk";
        }
    };
}
