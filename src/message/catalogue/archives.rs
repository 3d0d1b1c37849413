//! Area 09 of the catalogue: archives and their verification.

macro_rules! area_09 {
    ($($earlier:tt)*) => {
        area_10! {
            $($earlier)*
            E0901 ArchiveName { name: String }
                => "`{name}` 既不是 .zip 也不是 .tar.gz 文件名" / "`{name}` is neither a .zip nor a .tar.gz file name";
            H0901 ArchiveNameHelp {}
                => "归档文件命名为例如 site-20261123.zip 或 site-20261123.tar.gz" / "name the archive e.g. site-20261123.zip or site-20261123.tar.gz";
            E0902 CannotRead { detail: String }
                => "无法读取：{detail}" / "cannot read: {detail}";
            E0903 ManifestTaken { file: String }
                => "站点自己发布了 `{file}`，而归档需要用这个文件名存放清单" / "the site publishes its own `{file}`, which the archive needs for its manifest";
            H0903 ManifestTakenHelp {}
                => "把 static/ 里的这个文件改名" / "rename that file in static/";
            E0904 ArchiveWrite { detail: String }
                => "无法写入归档：{detail}" / "cannot write the archive: {detail}";
            E0905 NoManifest { manifest: String }
                => "没有找到 {manifest}" / "no {manifest} found";
            H0905 NoManifestHelp {}
                => "verify 检查由 `noticeboard archive` 生成的快照；这个快照顶层没有清单" / "verify checks snapshots made by `noticeboard archive`; this one has no manifest at its top";
            E0906 ManifestLine { manifest: String, line: usize, problem: Box<Message> }
                => "{manifest} 第 {line} 行：{problem}" / "{manifest} line {line}: {problem}";
            E0907 ManifestExpectedHash {}
                => "应是 64 位 SHA-256 哈希、两个空格和一个路径" / "expected a 64-digit SHA-256 hash, two spaces and a path";
            E0908 ManifestHashNotHex {}
                => "哈希不是 64 位十六进制数字" / "the hash is not 64 hexadecimal digits";
            E0909 ManifestExpectedPath {}
                => "哈希后面应是两个空格和一个路径" / "expected two spaces and a path after the hash";
            E0910 ManifestListedTwice { path: String }
                => "`{path}` 列出了两次" / "`{path}` is listed twice";
            E0911 UnreadableZip { detail: String }
                => "不是可读的 zip 归档：{detail}" / "not a readable zip archive: {detail}";
            E0912 UnreadableTarGz { detail: String }
                => "不是可读的 tar.gz 归档：{detail}" / "not a readable tar.gz archive: {detail}";
            E0913 NotASnapshot {}
                => "不是快照：应是 .zip、.tar.gz 或文件夹" / "not a snapshot: expected a .zip, a .tar.gz or a folder";
            E0914 SnapshotMissing { path: String, manifest: String }
                => "缺少文件：{path}（{manifest} 中列有）" / "missing file: {path} (listed in {manifest})";
            E0915 SnapshotAdded { path: String, manifest: String }
                => "多出文件：{path}（{manifest} 中没有）" / "added file: {path} (not in {manifest})";
            E0916 SnapshotAltered { path: String, manifest: String }
                => "文件被改动：{path}（SHA-256 与 {manifest} 不符）" / "altered file: {path} (its SHA-256 differs from {manifest})";
            T0917 VerifyPassed { count: usize, manifest: String }
                => "通过：全部 {count} 个文件与 {manifest} 一致" / "ok: all {count} files match {manifest}";
            T0918 VerifyFailedCounts { missing: usize, added: usize, altered: usize, listed: usize, manifest: String }
                => "校验未通过：缺少 {missing} 个，多出 {added} 个，改动 {altered} 个（{manifest} 共列 {listed} 个文件）" / "verify failed: {missing} missing, {added} added, {altered} altered (of {listed} files in {manifest})";
            T0919 VerifyFailed {}
                => "校验未通过" / "verify failed";
            T0920 Archived { files: usize, manifest: String, folder: String, path: String, megabytes: String }
                => "已归档 {files} 个文件（另加 {manifest}），位于 {folder}/ → {path}（{megabytes} MB）" / "archived {files} files (+ {manifest}) in {folder}/ → {path} ({megabytes} MB)";
            T0921 ArchiveFailed {}
                => "归档失败；没有写出归档文件" / "archive failed; no archive was written";
            E0940 ArchiveNotReplaced { name: String }
                => "`{name}` 已经存在，且不是 noticeboard 能替换的归档文件；拒绝覆盖" / "`{name}` already exists and is not an archive noticeboard may replace; refusing to overwrite it";
            E0970 UnsafeEntryName { name: String, problem: Box<Message> }
                => "名字 `{name}` 不安全：{problem}" / "the name `{name}` is unsafe: {problem}";
            H0970 UnsafeNamesHelp {}
                => "noticeboard archive 从不写这样的名字：这个快照被别人做过或改过，解包它可能写到文件夹外或覆盖别的文件，不要解包" / "noticeboard archive never writes such names: someone else made or changed this snapshot, and unpacking it could write outside the folder or over other files. Do not unpack it";
            E0971 NameAbsolute {}
                => "它是绝对路径，解包时会写到文件夹外" / "it is an absolute path, which unpacks outside the folder";
            E0972 NameParent {}
                => "它含有 `..`，解包时会写到文件夹外" / "it contains `..`, which unpacks outside the folder";
            E0973 NameBackslash {}
                => "它含有反斜杠，Windows 会把它当作文件夹分隔符" / "it contains a backslash, which Windows takes for a folder separator";
            E0974 NameDrive {}
                => "它含有 `:`，Windows 会把它当作盘符或数据流" / "it contains `:`, which Windows takes for a drive letter or a data stream";
            E0975 NameControl {}
                => "它含有控制字符（NUL、换行等）" / "it contains a control character (NUL, a line break…)";
            E0976 NameDotSegment {}
                => "它含有空的或 `.` 路径段" / "it has an empty or `.` path segment";
            E0977 EntryTwice { name: String }
                => "`{name}` 出现了不止一次：解包时一个会覆盖另一个" / "`{name}` is in the archive more than once: unpacking would write one over the other";
            E0978 EntriesCollide { first: String, second: String }
                => "`{first}` 和 `{second}` 只差大小写或 Unicode 写法：在 Windows 和 macOS 上它们是同一个文件，解包时一个会覆盖另一个" / "`{first}` and `{second}` differ only in case or Unicode form: on Windows and macOS they are one file, and unpacking would write one over the other";
            E0979 TooMuchUnpacked { entry: String, megabytes: usize }
                => "解包到 `{entry}` 时已超过 {megabytes} MB 的上限，校验已停止" / "unpacking went past the limit of {megabytes} MB at `{entry}`; verify stopped";
            H0979 TooMuchUnpackedHelp {}
                => "一个快照解包后最多是它大小的 100 倍（至少 256 MB）；远超于此的是压缩炸弹，不要解包" / "a snapshot may unpack to at most 100 times its size (256 MB at least); one that goes far past that is a zip bomb: do not unpack it";
        }
    };
}
