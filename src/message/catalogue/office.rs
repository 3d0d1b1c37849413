//! Area 14 of the catalogue: office documents in (Word import, Excel and CSV tables).

macro_rules! area_14 {
    ($($earlier:tt)*) => {
        area_15! {
            $($earlier)*
            E1401 OfficeDamaged { detail: String }
                => "文件损坏或不完整，无法读取：{detail}" / "the file is damaged or incomplete and cannot be read: {detail}";
            E1402 OfficeTooManyEntries { count: usize }
                => "压缩包里有 {count} 个文件，远超正常文档，拒绝读取" / "the package holds {count} entries, far more than any real document; refusing to read it";
            E1403 OfficeUnsafeName { name: String }
                => "包内文件名 `{name}` 不安全（含 .. 或绝对路径），这个文件被人为改过，拒绝读取" / "the package holds an unsafe name `{name}` (with .. or an absolute path); the file has been tampered with and is refused";
            E1404 OfficeTooLarge { part: String, megabytes: usize }
                => "{part} 解压后超过 {megabytes} MB，可能是压缩炸弹，已停止读取" / "{part} inflates beyond {megabytes} MB, maybe a zip bomb; reading stopped";
            E1405 OfficeRatio { part: String, ratio: usize }
                => "{part} 的压缩比达到 {ratio} 倍，可能是压缩炸弹，已停止读取" / "{part} inflates {ratio} times its packed size, maybe a zip bomb; reading stopped";
            E1406 OfficeXmlBroken { part: String, detail: String }
                => "{part} 不是正确的 XML：{detail}" / "{part} is not well-formed XML: {detail}";
            E1407 OfficeXmlTooDeep { part: String, depth: usize }
                => "{part} 的嵌套超过 {depth} 层，不像正常文档，拒绝读取" / "{part} nests deeper than {depth} levels, unlike any real document; refusing to read it";
            E1408 OfficeXmlTooBig { part: String, count: usize }
                => "{part} 的元素超过 {count} 个，拒绝读取" / "{part} has more than {count} elements; refusing to read it";
            E1409 OfficeXmlUnfinished { part: String }
                => "{part} 没有结尾（文件被截断或损坏）" / "{part} never ends (the file is truncated or damaged)";
            E1410 OfficeMissingPart { part: String }
                => "缺少 {part}，不是完整的 Office 文档" / "{part} is missing: this is no complete Office document";
            W1411 OfficeTrackedChanges { count: usize }
                => "文档中有 {count} 处修订，已全部按“接受修订”导入" / "the document has {count} tracked changes; all were accepted";
            W1412 OfficeCommentsDropped { count: usize }
                => "文档中的 {count} 条批注没有导入" / "the document's {count} comments were left out";
            W1413 OfficePictureMissing { part: String }
                => "文档引用的图片 {part} 不在文件里，已跳过" / "the picture {part} the document refers to is not in the file; skipped";
            W1414 OfficeExternalPicture { target: String }
                => "有一张图片链接到外部地址 {target}，没有下载，也没有导入；请在 Word 中把图片嵌入文档后再导入" / "a picture links to {target} outside the document; it was neither fetched nor imported. Embed the picture in Word and import again";
            W1415 OfficeVectorPicture { name: String }
                => "图片 {name} 是 EMF/WMF 矢量图，网页无法显示，没有导入；请在 Word 中右击图片“另存为图片”存成 PNG，再插入" / "the picture {name} is an EMF/WMF drawing that browsers cannot show; it was not imported. In Word, right-click it, save it as PNG and insert that instead";
            W1416 OfficePictureUnreadable { name: String, detail: String }
                => "图片 {name} 无法读取，没有导入：{detail}" / "the picture {name} cannot be read and was not imported: {detail}";
            E1417 ImportNotDocx {}
                => "不是 Word 文档（.docx）" / "not a Word document (.docx)";
            E1418 ImportOldFormat {}
                => "这是旧版 Word（.doc）或 WPS（.wps）格式，不能直接导入" / "this is an old Word (.doc) or WPS (.wps) file, which cannot be imported directly";
            E1419 ImportRtf {}
                => "这是 RTF 格式，不能直接导入" / "this is an RTF file, which cannot be imported directly";
            E1420 ImportOpenDocument {}
                => "这是 OpenDocument（.odt）格式，不能直接导入" / "this is an OpenDocument (.odt) file, which cannot be imported directly";
            H1421 SaveAsDocxHelp {}
                => "在 Word 或 WPS 中打开它，点 文件 → 另存为，文件类型选“Word 文档（*.docx）”，再导入新文件" / "open it in Word or WPS, choose File → Save As, pick “Word Document (*.docx)” and import the new file";
            E1422 ImportPageExists { path: String }
                => "已有页面 {path}，没有覆盖" / "the page {path} exists already; it was not overwritten";
            H1422 ImportPageExistsHelp {}
                => "同一份文档已经导入过；如确需再次导入，先删除或改名原来的页面文件夹" / "this document was imported before; to import it again, first delete or rename the existing page's folder";
            E1423 ImportWriteFailed { detail: String }
                => "无法写入页面：{detail}；没有留下任何文件" / "cannot write the page: {detail}; nothing was left behind";
            E1424 ImportNoDocx {}
                => "这个文件夹里没有 .docx 文件" / "this folder holds no .docx file";
            E1425 ImportCannotRead { detail: String }
                => "无法读取：{detail}" / "cannot read: {detail}";
            W1426 ImportAttachmentMissing { name: String }
                => "附件“{name}”不在 .docx 旁边，保留为正文文字；把同名文件放在 .docx 所在文件夹再导入，就会成为可下载的附件" / "the attachment “{name}” is not beside the .docx, so it stays as text; put a file of that name beside the .docx and import again to make it a download";
            W1427 ImportNumberAssigned { number: String }
                => "文档中没有找到文号，已编为 {number}，请核对" / "no document number was found; {number} was given, please check it";
            T1428 Imported { path: String }
                => "已导入 {path}" / "imported {path}";
            T1429 ImportCounts { paragraphs: usize, headings: usize, tables: usize, pictures: usize }
                => "  {paragraphs} 个段落，{headings} 个标题，{tables} 个表格，{pictures} 张图片" / "  {paragraphs} paragraphs, {headings} headings, {tables} tables, {pictures} pictures";
            T1430 ImportGuessedHeading { level: usize, text: String }
                => "  按公文编号和字体判为 {level} 级标题：{text}" / "  read as a level-{level} heading from its typed numbering and font: {text}";
            T1431 ImportConvertedPicture { name: String, from: String }
                => "  图片 {name} 由 {from} 转为 PNG" / "  picture {name} converted from {from} to PNG";
            T1432 ImportTitleFound { title: String }
                => "  标题：{title}" / "  title: {title}";
            T1443 ImportDateFound { date: String }
                => "  日期：{date}" / "  date: {date}";
            T1444 ImportNumberFound { number: String }
                => "  文号：{number}" / "  number: {number}";
            T1445 ImportIssuerFound { issuer: String }
                => "  发文机关：{issuer}" / "  issuer: {issuer}";
            T1433 ImportFailed { count: usize }
                => "{count} 个文件没有导入；没有为它们创建任何文件" / "{count} files were not imported; nothing was created for them";
            E1434 SheetNotFound { sheet: String, sheets: List }
                => "工作簿里没有名为“{sheet}”的工作表（有：{sheets}）" / "the workbook has no sheet named “{sheet}” (it has: {sheets})";
            E1435 SheetBadRange { range: String }
                => "区域“{range}”看不懂：应写成 A1:F40 这样" / "cannot read the range “{range}”: write it like A1:F40";
            E1436 SheetFormat { file: String }
                => "{file} 不是 .xlsx 或 .csv 表格" / "{file} is not an .xlsx or .csv sheet";
            H1436 SheetFormatHelp {}
                => "在 Excel 或 WPS 表格中打开它，点 文件 → 另存为，文件类型选“Excel 工作簿（*.xlsx）”" / "open it in Excel or WPS, choose File → Save As and pick “Excel Workbook (*.xlsx)”";
            E1437 SheetNotInCsv { sheet: String }
                => "CSV 文件只有一张表，不能选工作表“{sheet}”" / "a CSV file has a single sheet; the sheet “{sheet}” cannot be chosen";
            E1438 SheetTooLarge { cells: usize, limit: usize }
                => "表格有 {cells} 个单元格，超过网页上一张表的上限 {limit}；请用 range 只显示一部分，或作为附件下载" / "the table has {cells} cells, over the limit of {limit} for one table on a page; show a part with range, or offer it as a download";
            E1439 SheetCsvEncoding {}
                => "CSV 文件既不是 UTF-8 也不是 GBK 编码" / "the CSV file is neither UTF-8 nor GBK";
            W1440 AttachmentNotShown { file: String }
                => "附件 {file} 不是 .xlsx 或 .csv 表格，show: true 不起作用" / "the attachment {file} is not an .xlsx or .csv sheet, so show: true does nothing";
            E1441 TableNeedsFile {}
                => "table 需要 file 参数，例如 table(file=\"名单.xlsx\")" / "table needs a file argument, e.g. table(file=\"list.xlsx\")";
            E1442 TableUnreadable { file: String, problem: Box<Message> }
                => "表格 {file}：{problem}" / "table {file}: {problem}";
        }
    };
}
