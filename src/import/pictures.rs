//! A Word document's pictures as files of a page bundle: JPEG, PNG and WebP
//! kept as they are (their metadata stripped as the build would strip it),
//! GIF, BMP and TIFF converted to PNG (browsers and our image stage take the
//! first three only), EMF/WMF refused with a warning naming the picture.

use std::collections::BTreeMap;
use std::io::Cursor;

use crate::config::ImageSettings;
use crate::message::Message;

pub struct Pictures {
    /// Picture part → file name in the bundle.
    pub names: BTreeMap<String, String>,
    /// File name → bytes to write.
    pub files: Vec<(String, Vec<u8>)>,
    /// `(name, from format)` of each converted picture.
    pub converted: Vec<(String, String)>,
    pub warnings: Vec<Message>,
}

enum Format {
    Keep(&'static str),
    Convert(image::ImageFormat, &'static str),
    Vector,
    Unknown,
}

fn sniff(bytes: &[u8]) -> Format {
    if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Format::Keep("jpg")
    } else if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        Format::Keep("png")
    } else if bytes.len() > 12 && bytes.starts_with(b"RIFF") && &bytes[8..12] == b"WEBP" {
        Format::Keep("webp")
    } else if bytes.starts_with(b"GIF87a") || bytes.starts_with(b"GIF89a") {
        Format::Convert(image::ImageFormat::Gif, "GIF")
    } else if bytes.starts_with(b"BM") {
        Format::Convert(image::ImageFormat::Bmp, "BMP")
    } else if bytes.starts_with(b"II*\0") || bytes.starts_with(b"MM\0*") {
        Format::Convert(image::ImageFormat::Tiff, "TIFF")
    } else if bytes.starts_with(&[0xD7, 0xCD, 0xC6, 0x9A])
        || bytes.starts_with(&[0x01, 0x00, 0x09, 0x00])
        || (bytes.len() > 44 && bytes.starts_with(&[1, 0, 0, 0]) && &bytes[40..44] == b" EMF")
    {
        Format::Vector
    } else {
        Format::Unknown
    }
}

/// Converts the document's pictures, named `image-1.png`… in order of part name.
pub fn convert_pictures(media: &BTreeMap<String, Vec<u8>>, settings: &ImageSettings) -> Pictures {
    let mut out = Pictures {
        names: BTreeMap::new(),
        files: Vec::new(),
        converted: Vec::new(),
        warnings: Vec::new(),
    };
    for (part, bytes) in media {
        let shown = part.rsplit('/').next().unwrap_or(part).to_string();
        let n = out.files.len() + 1;
        match sniff(bytes) {
            Format::Keep(ext) => {
                let name = format!("image-{n}.{ext}");
                let published =
                    crate::picture::published_file(std::path::Path::new(&name), bytes, settings);
                out.files.push((name.clone(), published.into_owned()));
                out.names.insert(part.clone(), name);
            }
            Format::Convert(format, from) => match to_png(bytes, format, settings) {
                Ok(png) => {
                    let name = format!("image-{n}.png");
                    out.files.push((name.clone(), png));
                    out.names.insert(part.clone(), name.clone());
                    out.converted.push((name, from.to_string()));
                }
                Err(detail) => out.warnings.push(Message::OfficePictureUnreadable {
                    name: shown,
                    detail,
                }),
            },
            Format::Vector => out
                .warnings
                .push(Message::OfficeVectorPicture { name: shown }),
            Format::Unknown => out.warnings.push(Message::OfficePictureUnreadable {
                name: shown,
                detail: "unknown format".to_string(),
            }),
        }
    }
    out
}

/// Decodes within the site's pixel budget and writes a PNG.
fn to_png(
    bytes: &[u8],
    format: image::ImageFormat,
    settings: &ImageSettings,
) -> Result<Vec<u8>, String> {
    let mut reader = image::ImageReader::with_format(Cursor::new(bytes), format);
    let mut limits = image::Limits::default();
    limits.max_alloc = Some(crate::picture::process::decode_budget(settings));
    limits.max_image_width = Some(20_000);
    limits.max_image_height = Some(20_000);
    reader.limits(limits);
    let picture = reader.decode().map_err(|e| e.to_string())?;
    let mut png = Vec::new();
    picture
        .write_to(&mut Cursor::new(&mut png), image::ImageFormat::Png)
        .map_err(|e| e.to_string())?;
    Ok(png)
}
