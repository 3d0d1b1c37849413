//! How an attachment list describes a file: its kind (PDF, Word, 图片…) by
//! extension, and its size as a notice writes it (`1.2 MB`). A leaf.

/// PDF, Word, Excel, 图片…: what an attachment list calls a file.
pub fn file_kind(name: &str) -> &'static str {
    let ext = name.rsplit('.').next().unwrap_or("").to_ascii_lowercase();
    match ext.as_str() {
        "pdf" => "PDF",
        "doc" | "docx" | "wps" => "Word",
        "xls" | "xlsx" | "et" | "csv" => "Excel",
        "ppt" | "pptx" => "PPT",
        "jpg" | "jpeg" | "png" | "gif" | "webp" => "图片",
        "zip" | "rar" | "7z" => "压缩包",
        "ofd" => "OFD",
        _ => "文件",
    }
}

/// `1.2 MB`, `356 KB`, `12 B`: the size as the attachment list shows it.
pub fn human_size(bytes: u64) -> String {
    const KB: f64 = 1024.0;
    let b = bytes as f64;
    if b >= KB * KB {
        format!("{:.1} MB", b / (KB * KB))
    } else if b >= KB {
        format!("{:.0} KB", (b / KB).max(1.0))
    } else {
        format!("{bytes} B")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_read_like_a_notice() {
        assert_eq!(human_size(1_258_291), "1.2 MB");
        assert_eq!(human_size(2400), "2 KB");
        assert_eq!(human_size(12), "12 B");
    }

    #[test]
    fn kinds_by_extension() {
        assert_eq!(file_kind("公示名单.PDF"), "PDF");
        assert_eq!(file_kind("a.xlsx"), "Excel");
        assert_eq!(file_kind("a.docx"), "Word");
    }
}
