//! Area 05 of the catalogue: disclosures.

macro_rules! area_05 {
    ($($earlier:tt)*) => {
        area_06! {
            $($earlier)*
            H0517 NumberExpected { example: String }
                => "应写作：机关代字〔年份〕序号号，例如 {example}" / "expected: agency prefix, the year in U+3014/U+3015 brackets, the sequence and U+53F7, e.g. {example}";
            E0518 UnknownCategory { category: String }
                => "类别 `{category}` 不在 site.yaml 的 disclosure.categories 之中" / "category `{category}` is not one of site.yaml's disclosure.categories";
            H0518 KnownCategories { categories: List }
                => "使用其中之一：{categories}（或把它加到 site.yaml）" / "use one of: {categories} (or add it to site.yaml)";
            E0519 NoticeTwice {}
                => "`notice` 和 `notice_until` 同时写了" / "both `notice` and `notice_until` are set";
            H0519 NoticeTwiceHelp {}
                => "只保留一个：`notice: {{from, days, unit}}` 或 `notice_until: 日期`" / "keep one: `notice: {{from, days, unit}}` or `notice_until: DATE`";
            E0520 NoticeDays { days: u64 }
                => "公示天数应在 1 到 366 之间，而不是 {days}" / "notice days must be between 1 and 366, not {days}";
            H0520 NoticeHelp {}
                => "例如 notice: {{from: 2026-05-14, days: 5, unit: working_days}}" / "e.g. notice: {{from: 2026-05-14, days: 5, unit: working_days}}";
            E0521 NoticeUnit { unit: String }
                => "公示期单位 `{unit}` 无法识别" / "notice unit `{unit}` is not known";
            H0521 NoticeUnitHelp {}
                => "使用 `working_days`（工作日，默认）或 `calendar_days`（自然日）" / "use `working_days` (working days, the default) or `calendar_days`";
            W0522 NoticeUncertain { from: String, range: String, end: String }
                => "从 {from} 开始的公示期跨入了节假日日历不知道的年份（日历覆盖 {range}）；只跳过了周末，所以结束日期 {end} 可能不对" / "the notice period from {from} runs into a year the holiday calendar does not know (it knows {range}); weekends only were skipped, so the end date {end} may be wrong";
            H0522 NoticeUncertainHelp {}
                => "在站点根目录的 holidays.yaml 中加上那一年的节假日和调休上班日，或直接写明 `notice_until`" / "add that year's holidays and make-up workdays to holidays.yaml at the site root, or give `notice_until` explicitly";
            E0523 NoticeUntilEarly { last: String, first: String }
                => "notice_until（{last}）早于页面日期（{first}）" / "notice_until ({last}) is before the page's date ({first})";
            E0524 NumberUsedTwice { number: String, files: List }
                => "文号 {number} 被多个文件使用：{files}" / "document number {number} is used by {files}";
            H0524 NumberUsedTwiceHelp {}
                => "每份公示需要自己的文号；`noticeboard new disclosure` 会分配下一个空闲文号" / "each disclosure needs its own number; `noticeboard new disclosure` assigns the next free one";
            E0525 CorrectsUnknown { target: String }
                => "`corrects: {target}` 指向的公示在本站不存在" / "`corrects: {target}` names no disclosure of this site";
            H0525 CorrectsHelp {}
                => "写被更正公告的文号（例如 工会〔2026〕12号）或网址（例如 /disclosures/q1-funds/）" / "give the corrected notice's number or its URL (e.g. /disclosures/q1-funds/)";
            E0526 CorrectionNeedsReason {}
                => "更正公告（`corrects:`）需要写明 `reason:`（更正原因）" / "a correction (`corrects:`) needs a `reason:`";
            E0501 LedgerUnreadable { detail: String }
                => "无法读取公示台账：{detail}" / "cannot read the disclosure ledger: {detail}";
            E0502 LedgerDamaged { detail: String }
                => "公示台账已损坏：{detail}" / "the disclosure ledger is damaged: {detail}";
            H0502 LedgerRestoreHelp { file: String }
                => "从版本库恢复 {file}（git checkout {file}）；不要手工编辑它" / "restore {file} from version control (git checkout {file}); never edit it by hand";
            E0503 DisclosureChanged { number: String, changes: Vec<Message> }
                => "公示 {number} 发布后被修改（{changes}）；已发布的公示只能通过更正说明修改" / "disclosure {number} was changed after it was published ({changes}); a published disclosure may only change with a correction note";
            E0504 TextChanged { source: String }
                => "{source} 的正文有改动" / "the text of {source} changed";
            E0505 AttachmentRemoved { file: String }
                => "附件 {file} 被删除" / "attachment {file} was removed";
            E0506 AttachmentChanged { file: String }
                => "附件 {file} 有改动" / "attachment {file} changed";
            E0507 AttachmentAdded { file: String }
                => "新增了附件 {file}" / "attachment {file} was added";
            E0509 LedgerWrite { detail: String }
                => "无法写入公示台账：{detail}" / "cannot write the disclosure ledger: {detail}";

            H0510 CalendarFormatHelp {}
                => "应是 `years:` 映射，每年下有 `holidays:` 和 `workdays:` 列表，例如 `years: {{2027: {{holidays: [{{date: 2027-01-01, name: 元旦}}], workdays: [{{date: 2027-02-06, for: 春节}}]}}}}`" / "expected `years:` mapping each year to `holidays:` and `workdays:` lists, e.g. `years: {{2027: {{holidays: [{{date: 2027-01-01, name: New Year}}], workdays: [{{date: 2027-02-06, for: Spring Festival}}]}}}}`";
            E0511 CalendarNotAYear { year: String }
                => "`{year}` 不是年份；请写完整的四位年份，例如 2027" / "`{year}` is not a year; write the full four-digit year, e.g. 2027";
            E0512 CalendarEmptyYear { year: String }
                => "{year} 年既没有节假日也没有调休上班日；请列出节假日和调休上班日，或删除这一年" / "year {year} lists no holidays and no workdays; list its public holidays and make-up workdays, or remove the year";
            E0513 CalendarWrongYear { date: String, year: String }
                => "{date} 列在 {year} 年下；每个日期请列在它自己的年份下" / "{date} is listed under year {year}; list each date under its own year";
            E0514 CalendarWeekdayWorkday { date: String, weekday: String }
                => "{date} 是工作日（{weekday}）；`workdays` 只列为补节假日而上班的周末（调休上班）" / "{date} is a {weekday}, already a working day; `workdays` lists weekend days worked to make up for a holiday";
            E0515 CalendarTwice { date: String, line: u64 }
                => "{date} 列了两次（另见第 {line} 行）" / "{date} is listed twice (also on line {line})";
            E0516 CalendarBoth { date: String, line: u64 }
                => "{date} 同时列为节假日和调休上班日（另见第 {line} 行）" / "{date} is listed both as a holiday and as a workday (also on line {line})";

            E0527 BadNumber { input: String, why: Box<Message> }
                => "文号“{input}”格式不正确：{why}" / "document number `{input}` is malformed: {why}";
            E0528 NumberEmpty {}
                => "文号为空" / "the number is empty";
            E0529 NumberWhitespace { c: String }
                => "含有空白字符 {c}，请删除" / "remove the whitespace {c}";
            E0530 NumberNoBrackets {}
                => "年份须放在六角括号〔〕中" / "put the year in the brackets U+3014/U+3015";
            E0531 NumberWrongBrackets { c: String }
                => "年份须用六角括号〔〕，不能用 {c}" / "use the brackets U+3014/U+3015 around the year, not {c}";
            E0532 NumberUnclosed {}
                => "年份缺少右括号〕" / "close the year with U+3015";
            E0533 NumberNoPrefix {}
                => "缺少机关代字，例如“工会”" / "add the agency prefix before the year's bracket";
            E0534 NumberBadPrefix { prefix: String, c: String }
                => "机关代字“{prefix}”中不能有 {c}" / "the agency prefix `{prefix}` may hold only letters or Chinese characters, not {c}";
            E0535 NumberTrailing { extra: String }
                => "“号”之后不应再有“{extra}”" / "nothing may follow U+53F7; remove `{extra}`";
            E0536 NumberNoHao {}
                => "序号后缺少“号”" / "end the number with U+53F7 after the sequence";
            E0537 NumberYearFullWidth { text: String }
                => "年份“{text}”用了全角数字，请改用半角数字 0-9" / "write the year `{text}` with ASCII digits 0-9, not full-width ones";
            E0538 NumberYearNotDigits { text: String }
                => "年份“{text}”应为四位阿拉伯数字" / "write the year `{text}` as four ASCII digits, e.g. 2026";
            E0539 NumberYearShort { text: String }
                => "年份“{text}”须写全四位，如〔20{text}〕" / "write the full four-digit year, e.g. 20{text}";
            E0540 NumberYearNotFour { text: String }
                => "年份“{text}”应为四位数字" / "write the year `{text}` as four digits, e.g. 2026";
            E0541 NumberYearUnreadable { text: String }
                => "年份“{text}”无法识别" / "the year `{text}` cannot be read; write four digits, e.g. 2026";
            E0542 NumberNoSequence {}
                => "〕与“号”之间缺少序号" / "put the sequence number between the closing bracket and U+53F7";
            E0543 NumberOrdinal { rest: String }
                => "序号前不加“第”，应写作“{rest}号”" / "GB/T 9704 writes no ordinal mark (U+7B2C) before the sequence: write {rest} alone";
            E0544 NumberSequenceFullWidth { text: String }
                => "序号“{text}”用了全角数字，请改用半角数字 0-9" / "write the sequence `{text}` with ASCII digits 0-9, not full-width ones";
            E0545 NumberSequenceNotDigits { text: String }
                => "序号“{text}”应为阿拉伯数字" / "write the sequence number `{text}` with ASCII digits, e.g. 12";
            E0546 NumberSequenceZero {}
                => "序号从 1 开始，不能为 0" / "sequence numbers start at 1";
            E0547 NumberLeadingZero { text: String, trimmed: String }
                => "序号不编虚位，“{text}”应写作“{trimmed}”" / "no leading zeros: write {trimmed}, not {text}";
            E0548 NumberSequenceTooLarge { text: String, max: u64 }
                => "序号“{text}”过大（最大 {max}）" / "the sequence number `{text}` must be at most {max}";
            E0560 DisclosureMissing { number: String, url: String, source: String }
                => "公示 {number}（{url}）记录在台账中，但站点里已经没有它（原文件 {source}）；已发布的公示不能悄悄消失" / "disclosure {number} ({url}) is recorded in the ledger but is no longer in the site (its file was {source}); a published disclosure may not silently disappear";
            H0560 WithdrawHelp { source: String, date: String, ledger: String }
                => "如果是误删，从版本库恢复 {source}（git checkout -- {source}）。如果确要撤下：恢复该文件，写上 `draft: true`，在 revisions: 列表末尾写明撤下原因，构建一次：\n  revisions:\n    - date: {date}\n      note: 撤下原因：……\n台账 {ledger} 记下撤下原因之后，才可以删除该文件" / "if it was deleted by mistake, restore {source} from version control (git checkout -- {source}). To withdraw it on purpose: restore the file, set `draft: true`, say why at the end of its revisions: list, and build once:\n  revisions:\n    - date: {date}\n      note: Withdrawn because …\nOnce the ledger {ledger} holds the reason, the file may be deleted";
            E0561 NumberChanged { old: String, new: String }
                => "文号由 {old} 改为 {new}" / "its number changed from {old} to {new}";
            H0561 LookAlikeHelp { chars: List }
                => "这些文号看起来一样，其中却有冒充常用字母或汉字的字符：{chars}；请用输入法重新输入文号" / "these numbers look the same, but some characters only pass for ordinary letters: {chars}; type the number again with the keyboard";
            E0562 NoLongerPublished { state: String }
                => "它现在是 `{state}`，不再作为公示发布" / "it is now `{state}` and no longer published as a disclosure";
            H0562 NumberWithdrawnHelp { date: String, note: String }
                => "这个文号的公示已于 {date} 撤下（{note}）；撤下的文号不再使用：请换一个新文号（`noticeboard new disclosure` 会分配下一个空闲文号）" / "the disclosure with this number was withdrawn on {date} ({note}); a withdrawn number is not used again: give the notice a new number (`noticeboard new disclosure` assigns the next free one)";
            E0563 PictureChanged { file: String }
                => "图片 {file} 被换过" / "the picture {file} was replaced";
            E0564 PictureAdded { file: String }
                => "新增了图片 {file}" / "the picture {file} was added";
            E0565 PictureRemoved { file: String }
                => "图片 {file} 不再显示" / "the picture {file} is no longer shown";
            E0566 NoticePeriodChanged { old: String, new: String }
                => "公示期由 {old} 变为 {new}（公示期随 notice 或 holidays.yaml 计算）" / "the notice period changed from {old} to {new} (it is counted from `notice` and holidays.yaml)";
            E0567 AddressChanged { old: String, new: String }
                => "网址由 {old} 改为 {new}，旧网址将失效（在 aliases: 中写上 {old} 可让旧网址继续有效）" / "its address changed from {old} to {new} and the old one would stop working (list {old} in its aliases: to keep it working)";
            E0568 NoteNotAccepted { date: String, since: String, today: String }
                => "日期为 `{date}` 的更正说明不能作为这次改动的说明：它的日期须在 {since} 到 {today} 之间（不能倒签），且 note 不能为空" / "the revision dated `{date}` cannot account for this change: its date must be from {since} to {today} (no backdating) and its note must not be empty";
            H0568 RecordNoteHelp { date: String, since: String, ledger: String }
                => "在 revisions: 列表末尾加一条更正说明（没有这个列表就新建），日期不早于 {since}，写明改了什么、为什么，再重新构建：\n  revisions:\n    - date: {date}\n      note: 更正说明：……\n（或撤销改动；台账 {ledger} 保存着发布时的指纹）" / "add a correction note at the end of its revisions: list (start the list if there is none), dated {since} or later, saying what changed and why, then build again:\n  revisions:\n    - date: {date}\n      note: Corrected … because …\n(or undo the change; the ledger {ledger} keeps what was published)";
            W0569 LedgerUpgraded { count: usize, file: String }
                => "{file} 由旧版 noticeboard 写成：{count} 份公示此前未记录图片、公示期和更正说明，现按当前内容补记；此前对这些内容的改动已无从发现" / "{file} was written by an older noticeboard: for {count} disclosure(s) it did not record pictures, notice periods or correction notes, which are recorded now as they are; changes made to them before today cannot be found";
            E0569 LedgerTooNew { version: u64, known: u64 }
                => "台账格式版本为 {version}，比这个 noticeboard 所知的（{known}）更新" / "the ledger has format version {version}, newer than this noticeboard knows ({known})";
            H0569 PublishedLedgerHelp { published: String, ledger: String, date: String, since: String }
                => "这是与已发布的台账 {published} 比较的结果，{ledger} 与它不一致（可能被改写过）。从已发布的副本恢复 {ledger}，或在 revisions: 末尾写明原因（日期不早于 {since}）：\n  revisions:\n    - date: {date}\n      note: 更正说明：……" / "this is what the ledger already published, {published}, records, and {ledger} no longer agrees with it (it may have been rewritten). Restore {ledger} from the published copy, or say why at the end of its revisions: list (dated {since} or later):\n  revisions:\n    - date: {date}\n      note: Corrected … because …";
        }
    };
}
