//! What `check` warns about in published media, beyond errors: pictures shown
//! without a caption (their `alt` text), and attachments that carry their
//! author's name (PDF `/Author` or XMP `dc:creator`; Word/Excel/PowerPoint
//! `docProps/core.xml` creator and last editor). Reads only; changes nothing.

use crate::message::Message;
use std::io::Read;
use std::path::Path;

use crate::diag::{Diagnostic, Report};
use crate::model::Site;
use crate::model::kinds::Details;

use super::gallery::{figure_images, gallery_images};

/// Warnings about captions and attachment metadata for the whole site.
pub fn audit_media(site: &Site, root: &Path, report: &mut Report) {
    for page in &site.pages {
        let gallery = gallery_images(site, page);
        let missing = gallery.iter().filter(|s| s.caption.is_none()).count();
        if missing > 0 {
            report.push(
                Diagnostic::warning(Message::GalleryNoCaptions { count: missing })
                    .at(&page.parsed.path)
                    .line_maybe(page.parsed.key_line("gallery"))
                    .help(Message::GalleryCaptionsHelp {}),
            );
        }
        for figure in figure_images(page) {
            if figure
                .caption
                .as_deref()
                .is_none_or(|c| c.trim().is_empty())
            {
                let mut d = Diagnostic::warning(Message::FigureNoCaption {
                    file: figure.file.clone(),
                })
                .at(&page.parsed.path)
                .help(Message::FigureCaptionHelp {});
                if let Some(line) = figure.line {
                    d = d.line(line);
                }
                report.push(d);
            }
        }
        if let Details::Disclosure(disclosure) = &page.details {
            for a in &disclosure.attachments {
                if let Ok(bytes) = std::fs::read(root.join(&a.source))
                    && let Some(who) = author_metadata(&a.name, &bytes)
                {
                    report.push(
                        Diagnostic::warning(Message::AttachmentAuthor {
                            file: a.file.clone(),
                            who,
                        })
                        .at(&a.source)
                        .help(Message::RemoveAuthorHelp {}),
                    );
                }
            }
        }
    }
    for asset in &site.assets {
        let name = asset
            .source
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let is_attachment = site.pages.iter().any(|p| match &p.details {
            Details::Disclosure(d) => d.attachments.iter().any(|a| a.source == asset.source),
            _ => false,
        });
        if is_attachment || !is_document(&name) {
            continue;
        }
        if let Ok(bytes) = std::fs::read(root.join(&asset.source))
            && let Some(who) = author_metadata(&name, &bytes)
        {
            report.push(
                Diagnostic::warning(Message::FileAuthor { who })
                    .at(&asset.source)
                    .help(Message::RemoveAuthorHelp {}),
            );
        }
    }
}

fn extension(name: &str) -> String {
    name.rsplit('.').next().unwrap_or("").to_ascii_lowercase()
}

fn is_document(name: &str) -> bool {
    matches!(extension(name).as_str(), "pdf" | "docx" | "xlsx" | "pptx")
}

/// The author fields a document carries, as `field: value` text.
pub fn author_metadata(name: &str, bytes: &[u8]) -> Option<String> {
    match extension(name).as_str() {
        "pdf" => pdf_author(bytes),
        "docx" | "xlsx" | "pptx" => {
            let core = zip_entry(bytes, "docProps/core.xml")?;
            let text = String::from_utf8_lossy(&core);
            let found: Vec<String> = ["dc:creator", "cp:lastModifiedBy"]
                .iter()
                .filter_map(|tag| xml_text(&text, tag).map(|v| format!("{tag}: {v}")))
                .collect();
            (!found.is_empty()).then(|| found.join(", "))
        }
        _ => None,
    }
}

/// Text of the first `<tag>…</tag>` when not empty.
fn xml_text(xml: &str, tag: &str) -> Option<String> {
    let open = xml.find(&format!("<{tag}"))?;
    let start = open + xml[open..].find('>')? + 1;
    if xml[open..start].ends_with("/>") {
        return None;
    }
    let end = start + xml[start..].find(&format!("</{tag}>"))?;
    let value = xml[start..end].trim();
    // XMP wraps the name in rdf:Seq/rdf:li.
    let value = match value.find("<rdf:li") {
        Some(li) => {
            let s = li + value[li..].find('>')? + 1;
            let e = s + value[s..].find("</rdf:li>")?;
            value[s..e].trim()
        }
        None => value,
    };
    (!value.is_empty()).then(|| value.to_string())
}

fn pdf_author(bytes: &[u8]) -> Option<String> {
    // The Info dictionary: /Author (text) or /Author <hex>.
    let mut from = 0;
    while let Some(at) = find(&bytes[from..], b"/Author") {
        let mut i = from + at + b"/Author".len();
        while bytes.get(i).is_some_and(|b| b.is_ascii_whitespace()) {
            i += 1;
        }
        match bytes.get(i) {
            Some(b'(') => {
                let end = i + find(&bytes[i..], b")")?;
                if end > i + 1 {
                    return Some("/Author".to_string());
                }
            }
            Some(b'<') if bytes.get(i + 1) != Some(&b'<') => {
                let end = i + find(&bytes[i..], b">")?;
                if bytes[i + 1..end].iter().any(|b| !b.is_ascii_whitespace()) {
                    return Some("/Author".to_string());
                }
            }
            _ => {}
        }
        from = i;
    }
    // XMP metadata (usually an uncompressed stream).
    let start = find(bytes, b"<x:xmpmeta")?;
    let end = start + find(&bytes[start..], b"</x:xmpmeta>")?;
    let xmp = String::from_utf8_lossy(&bytes[start..end]);
    xml_text(&xmp, "dc:creator").map(|v| format!("XMP dc:creator: {v}"))
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// One entry of a zip archive (an Office file), at most 4 MiB unpacked.
fn zip_entry(zip: &[u8], wanted: &str) -> Option<Vec<u8>> {
    const LIMIT: u64 = 4 << 20;
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(zip)).ok()?;
    let entry = archive.by_name(wanted).ok()?;
    let mut out = Vec::new();
    entry.take(LIMIT).read_to_end(&mut out).ok()?;
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pdf_info_author_and_xmp_creator_are_found() {
        assert!(
            pdf_author(b"%PDF-1.4\n1 0 obj << /Title (x) /Author (Zhang San) >> endobj").is_some()
        );
        assert!(pdf_author(b"%PDF-1.4\n1 0 obj << /Author () >> endobj").is_none());
        assert!(pdf_author(b"%PDF-1.4\n<< /Author <FEFF5F20> >>").is_some());
        let xmp = b"%PDF-1.7 <x:xmpmeta><dc:creator><rdf:Seq><rdf:li>Li Si</rdf:li></rdf:Seq></dc:creator></x:xmpmeta>";
        assert_eq!(pdf_author(xmp).as_deref(), Some("XMP dc:creator: Li Si"));
        assert!(pdf_author(b"%PDF-1.4 nothing here").is_none());
    }

    /// A zip with one stored entry.
    fn stored_zip(name: &str, data: &[u8]) -> Vec<u8> {
        use std::io::Write;
        let mut out = std::io::Cursor::new(Vec::new());
        let mut z = zip::ZipWriter::new(&mut out);
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Stored);
        z.start_file(name, options).unwrap();
        z.write_all(data).unwrap();
        z.finish().unwrap();
        out.into_inner()
    }

    #[test]
    fn office_core_properties_are_read() {
        let core = r#"<cp:coreProperties><dc:creator>王五</dc:creator><cp:lastModifiedBy></cp:lastModifiedBy></cp:coreProperties>"#.as_bytes();
        let docx = stored_zip("docProps/core.xml", core);
        assert_eq!(
            author_metadata("a.docx", &docx).as_deref(),
            Some("dc:creator: 王五")
        );
        let clean = stored_zip(
            "docProps/core.xml",
            b"<cp:coreProperties><dc:creator/></cp:coreProperties>",
        );
        assert_eq!(author_metadata("a.xlsx", &clean), None);
    }
}
