//! Lossless metadata stripping for published originals.
//!
//! A JPEG keeps its image data byte for byte; only the segments that carry
//! metadata are dropped: APP1 (Exif, XMP), APP13 (Photoshop/IPTC), comments,
//! and every other APPn except JFIF (APP0), ICC profiles (APP2) and Adobe's
//! colour-transform flag (APP14), which change how the picture looks. Data
//! after the end-of-image marker (phones append a second, EXIF-carrying
//! picture there) goes too. A PNG drops `eXIf`, `tEXt`, `zTXt`, `iTXt` and
//! `tIME` chunks; chunks are copied with their checksums intact.
//!
//! A WebP drops its `EXIF` and `XMP ` chunks (and their flags in `VP8X`);
//! when its EXIF said the picture is turned, a minimal EXIF holding only the
//! orientation takes its place, so it still shows upright without a re-encode.
//!
//! Nothing here decodes pixels; [`super::process`] re-encodes when the EXIF
//! orientation says the picture is not upright.

/// What a scan of a JPEG or PNG found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scan {
    /// The file without its metadata, or `None` when it had none to drop.
    pub stripped: Option<Vec<u8>>,
    /// The EXIF orientation (1–8) when the file carried one.
    pub orientation: Option<u8>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StripError {
    /// Not a JPEG, PNG or WebP at all.
    NotAnImage,
    /// Structure broken or cut off (no end-of-image marker, no `IEND`).
    Truncated,
}

const PNG_SIGNATURE: &[u8] = b"\x89PNG\r\n\x1a\n";

pub fn is_jpeg(bytes: &[u8]) -> bool {
    bytes.starts_with(&[0xFF, 0xD8, 0xFF])
}

pub fn is_png(bytes: &[u8]) -> bool {
    bytes.starts_with(PNG_SIGNATURE)
}

pub fn is_webp(bytes: &[u8]) -> bool {
    bytes.len() >= 12 && bytes.starts_with(b"RIFF") && &bytes[8..12] == b"WEBP"
}

/// Scans a JPEG, PNG or WebP and strips its metadata.
pub fn strip(bytes: &[u8]) -> Result<Scan, StripError> {
    if is_jpeg(bytes) {
        strip_jpeg(bytes)
    } else if is_png(bytes) {
        strip_png(bytes)
    } else if is_webp(bytes) {
        strip_webp(bytes)
    } else {
        Err(StripError::NotAnImage)
    }
}

fn be16(bytes: &[u8], at: usize) -> Option<usize> {
    let hi = *bytes.get(at)?;
    let lo = *bytes.get(at + 1)?;
    Some(usize::from(hi) << 8 | usize::from(lo))
}

fn be32(bytes: &[u8], at: usize) -> Option<usize> {
    let b = bytes.get(at..at + 4)?;
    Some(u32::from_be_bytes([b[0], b[1], b[2], b[3]]) as usize)
}

/// Whether a JPEG marker segment is kept.
fn keep_jpeg_segment(marker: u8, payload: &[u8]) -> bool {
    match marker {
        0xE0 => payload.starts_with(b"JFIF\0") || payload.starts_with(b"JFXX\0"),
        0xE2 => payload.starts_with(b"ICC_PROFILE\0"),
        0xEE => payload.starts_with(b"Adobe"),
        0xE1 | 0xE3..=0xED | 0xEF | 0xFE => false,
        _ => true,
    }
}

fn strip_jpeg(bytes: &[u8]) -> Result<Scan, StripError> {
    let mut out = Vec::with_capacity(bytes.len());
    out.extend_from_slice(&bytes[..2]);
    let mut orientation = None;
    let mut dropped = false;
    let mut pos = 2;
    loop {
        // Markers may be preceded by fill bytes (0xFF).
        if bytes.get(pos) != Some(&0xFF) {
            return Err(StripError::Truncated);
        }
        while bytes.get(pos + 1) == Some(&0xFF) {
            pos += 1;
        }
        let marker = *bytes.get(pos + 1).ok_or(StripError::Truncated)?;
        match marker {
            0xD9 => {
                out.extend_from_slice(&[0xFF, 0xD9]);
                if pos + 2 < bytes.len() {
                    dropped = true;
                }
                break;
            }
            0x01 | 0xD0..=0xD7 => {
                out.extend_from_slice(&bytes[pos..pos + 2]);
                pos += 2;
                continue;
            }
            _ => {}
        }
        let len = be16(bytes, pos + 2).ok_or(StripError::Truncated)?;
        let end = pos + 2 + len;
        if len < 2 || end > bytes.len() {
            return Err(StripError::Truncated);
        }
        let payload = &bytes[pos + 4..end];
        if marker == 0xE1 && payload.starts_with(b"Exif\0") && orientation.is_none() {
            orientation =
                image::metadata::Orientation::from_exif_chunk(&payload[6.min(payload.len())..])
                    .map(|o| o.to_exif());
        }
        if keep_jpeg_segment(marker, payload) {
            out.extend_from_slice(&bytes[pos..end]);
        } else {
            dropped = true;
        }
        pos = end;
        if marker == 0xDA {
            // Entropy-coded data: a 0xFF is followed by 0x00 (stuffing) or a
            // restart marker; anything else starts the next segment.
            let start = pos;
            loop {
                let Some(offset) = bytes[pos..].iter().position(|&b| b == 0xFF) else {
                    return Err(StripError::Truncated);
                };
                pos += offset;
                match bytes.get(pos + 1) {
                    None => return Err(StripError::Truncated),
                    Some(0x00) | Some(0xD0..=0xD7) | Some(0xFF) => pos += 1,
                    Some(_) => break,
                }
            }
            out.extend_from_slice(&bytes[start..pos]);
        }
    }
    Ok(Scan {
        stripped: dropped.then_some(out),
        orientation,
    })
}

const PNG_METADATA_CHUNKS: &[&[u8; 4]] = &[b"eXIf", b"tEXt", b"zTXt", b"iTXt", b"tIME"];

fn strip_png(bytes: &[u8]) -> Result<Scan, StripError> {
    let mut out = Vec::with_capacity(bytes.len());
    out.extend_from_slice(PNG_SIGNATURE);
    let mut pos = PNG_SIGNATURE.len();
    let mut dropped = false;
    let mut orientation = None;
    loop {
        let len = be32(bytes, pos).ok_or(StripError::Truncated)?;
        let end = pos
            .checked_add(12)
            .and_then(|n| n.checked_add(len))
            .ok_or(StripError::Truncated)?;
        if end > bytes.len() {
            return Err(StripError::Truncated);
        }
        let kind = &bytes[pos + 4..pos + 8];
        if kind == b"eXIf" {
            orientation = image::metadata::Orientation::from_exif_chunk(&bytes[pos + 8..end - 4])
                .map(|o| o.to_exif());
        }
        if PNG_METADATA_CHUNKS.iter().any(|c| c.as_slice() == kind) {
            dropped = true;
        } else {
            out.extend_from_slice(&bytes[pos..end]);
        }
        pos = end;
        if kind == b"IEND" {
            if pos < bytes.len() {
                dropped = true;
            }
            break;
        }
    }
    Ok(Scan {
        stripped: dropped.then_some(out),
        orientation,
    })
}

fn le32(bytes: &[u8], at: usize) -> Option<usize> {
    let b = bytes.get(at..at + 4)?;
    Some(u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as usize)
}

/// `VP8X` flags: EXIF and XMP present.
const VP8X_EXIF: u8 = 0x08;
const VP8X_XMP: u8 = 0x04;

fn strip_webp(bytes: &[u8]) -> Result<Scan, StripError> {
    let end = le32(bytes, 4)
        .and_then(|n| n.checked_add(8))
        .ok_or(StripError::Truncated)?;
    if end > bytes.len() || end < 12 {
        return Err(StripError::Truncated);
    }
    let mut chunks: Vec<(&[u8], &[u8])> = Vec::new();
    let mut pos = 12;
    while pos < end {
        let size = le32(bytes, pos + 4).ok_or(StripError::Truncated)?;
        let data_end = (pos + 8).checked_add(size).ok_or(StripError::Truncated)?;
        if data_end > end {
            return Err(StripError::Truncated);
        }
        chunks.push((&bytes[pos..pos + 4], &bytes[pos + 8..data_end]));
        // Chunks are padded to an even size.
        pos = data_end + (size & 1);
    }
    let mut orientation = None;
    let mut dropped = end < bytes.len();
    let mut kept: Vec<(&[u8], std::borrow::Cow<'_, [u8]>)> = Vec::new();
    for &(fourcc, payload) in &chunks {
        match fourcc {
            b"EXIF" => {
                let tiff = payload.strip_prefix(b"Exif\0\0").unwrap_or(payload);
                orientation =
                    image::metadata::Orientation::from_exif_chunk(tiff).map(|o| o.to_exif());
                dropped = true;
            }
            b"XMP " => dropped = true,
            _ => kept.push((fourcc, payload.into())),
        }
    }
    if !dropped {
        return Ok(Scan {
            stripped: None,
            orientation,
        });
    }
    let turned = orientation.filter(|&o| o != 1);
    for (fourcc, payload) in &mut kept {
        if *fourcc == b"VP8X" && !payload.is_empty() {
            let mut flags = payload[0] & !(VP8X_EXIF | VP8X_XMP);
            if turned.is_some() {
                flags |= VP8X_EXIF;
            }
            payload.to_mut()[0] = flags;
        }
    }
    if let Some(o) = turned {
        kept.push((b"EXIF", orientation_only_exif(o).into()));
    }
    let mut out = Vec::with_capacity(bytes.len());
    out.extend_from_slice(b"RIFF\0\0\0\0WEBP");
    for (fourcc, payload) in &kept {
        out.extend_from_slice(fourcc);
        out.extend_from_slice(&(payload.len() as u32).to_le_bytes());
        out.extend_from_slice(payload);
        if payload.len() % 2 == 1 {
            out.push(0);
        }
    }
    let riff = (out.len() - 8) as u32;
    out[4..8].copy_from_slice(&riff.to_le_bytes());
    Ok(Scan {
        stripped: Some(out),
        orientation,
    })
}

/// A little-endian TIFF with one tag: the orientation.
fn orientation_only_exif(orientation: u8) -> Vec<u8> {
    let mut tiff = Vec::with_capacity(26);
    tiff.extend_from_slice(b"II*\0");
    tiff.extend_from_slice(&8u32.to_le_bytes()); // first IFD
    tiff.extend_from_slice(&1u16.to_le_bytes()); // one entry
    tiff.extend_from_slice(&0x0112u16.to_le_bytes()); // Orientation
    tiff.extend_from_slice(&3u16.to_le_bytes()); // SHORT
    tiff.extend_from_slice(&1u32.to_le_bytes()); // one value
    tiff.extend_from_slice(&u16::from(orientation).to_le_bytes());
    tiff.extend_from_slice(&[0, 0]);
    tiff.extend_from_slice(&0u32.to_le_bytes()); // no next IFD
    tiff
}

/// Whether a JPEG's bytes hold any metadata segment.
#[cfg(test)]
pub fn jpeg_metadata_segments(bytes: &[u8]) -> Vec<String> {
    let mut found = Vec::new();
    let mut pos = 2;
    while pos + 4 <= bytes.len() && bytes[pos] == 0xFF {
        let marker = bytes[pos + 1];
        if marker == 0xDA || marker == 0xD9 {
            break;
        }
        let Some(len) = be16(bytes, pos + 2) else {
            break;
        };
        let payload = &bytes[(pos + 4).min(bytes.len())..(pos + 2 + len).min(bytes.len())];
        if !keep_jpeg_segment(marker, payload) {
            let tag: String = payload
                .iter()
                .take(4)
                .map(|&b| if b.is_ascii_graphic() { b as char } else { '.' })
                .collect();
            found.push(format!("APP{:X} {tag}", marker.wrapping_sub(0xE0)));
        }
        pos += 2 + len;
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn segment(marker: u8, payload: &[u8]) -> Vec<u8> {
        let mut s = vec![0xFF, marker];
        s.extend_from_slice(&((payload.len() + 2) as u16).to_be_bytes());
        s.extend_from_slice(payload);
        s
    }

    fn tiny_jpeg() -> Vec<u8> {
        let img = image::RgbImage::from_pixel(8, 8, image::Rgb([200, 10, 10]));
        let mut out = Vec::new();
        image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 80)
            .encode(img.as_raw(), 8, 8, image::ExtendedColorType::Rgb8)
            .unwrap();
        out
    }

    fn with_segments(jpeg: &[u8], segments: &[Vec<u8>]) -> Vec<u8> {
        let mut out = jpeg[..2].to_vec();
        for s in segments {
            out.extend_from_slice(s);
        }
        out.extend_from_slice(&jpeg[2..]);
        out
    }

    /// A big-endian TIFF with one IFD entry: orientation = `value`.
    fn exif_orientation(value: u16) -> Vec<u8> {
        let mut p = b"Exif\0\0MM\0\x2a\0\0\0\x08\0\x01".to_vec();
        p.extend_from_slice(&[0x01, 0x12, 0x00, 0x03, 0, 0, 0, 1]);
        p.extend_from_slice(&value.to_be_bytes());
        p.extend_from_slice(&[0, 0, 0, 0, 0, 0]);
        p
    }

    #[test]
    fn jpeg_loses_exif_xmp_iptc_keeps_pixels() {
        let plain = tiny_jpeg();
        let dirty = with_segments(
            &plain,
            &[
                segment(0xE1, &exif_orientation(1)),
                segment(0xE1, b"http://ns.adobe.com/xap/1.0/\0<x:xmpmeta/>"),
                segment(0xED, b"Photoshop 3.0\0 8BIM"),
                segment(0xFE, b"comment"),
            ],
        );
        let scan = strip(&dirty).unwrap();
        assert_eq!(scan.orientation, Some(1));
        let clean = scan.stripped.unwrap();
        assert!(jpeg_metadata_segments(&clean).is_empty());
        assert_eq!(jpeg_metadata_segments(&dirty).len(), 4);
        let a = image::load_from_memory(&plain).unwrap().to_rgb8();
        let b = image::load_from_memory(&clean).unwrap().to_rgb8();
        assert_eq!(a, b);
    }

    #[test]
    fn clean_jpeg_is_left_alone() {
        let scan = strip(&tiny_jpeg()).unwrap();
        assert_eq!(scan.stripped, None);
        assert_eq!(scan.orientation, None);
    }

    #[test]
    fn orientation_is_read() {
        let dirty = with_segments(&tiny_jpeg(), &[segment(0xE1, &exif_orientation(6))]);
        assert_eq!(strip(&dirty).unwrap().orientation, Some(6));
    }

    #[test]
    fn trailing_picture_after_eoi_is_dropped() {
        let mut dirty = tiny_jpeg();
        dirty.extend_from_slice(b"\xFF\xD8\xFF\xE1 second picture with exif");
        let clean = strip(&dirty).unwrap().stripped.unwrap();
        assert_eq!(clean, tiny_jpeg());
    }

    #[test]
    fn truncated_and_foreign_files_are_refused() {
        let jpeg = tiny_jpeg();
        assert_eq!(strip(&jpeg[..jpeg.len() - 10]), Err(StripError::Truncated));
        assert_eq!(strip(b"hello"), Err(StripError::NotAnImage));
        let mut png = Vec::new();
        image::RgbImage::new(4, 4)
            .write_to(&mut std::io::Cursor::new(&mut png), image::ImageFormat::Png)
            .unwrap();
        assert_eq!(strip(&png[..png.len() - 6]), Err(StripError::Truncated));
    }

    fn riff_chunk(fourcc: &[u8; 4], payload: &[u8]) -> Vec<u8> {
        let mut c = fourcc.to_vec();
        c.extend_from_slice(&(payload.len() as u32).to_le_bytes());
        c.extend_from_slice(payload);
        if payload.len() % 2 == 1 {
            c.push(0);
        }
        c
    }

    fn riff(chunks: &[Vec<u8>]) -> Vec<u8> {
        let body: Vec<u8> = chunks.concat();
        let mut out = b"RIFF".to_vec();
        out.extend_from_slice(&(body.len() as u32 + 4).to_le_bytes());
        out.extend_from_slice(b"WEBP");
        out.extend_from_slice(&body);
        out
    }

    /// EXIF as WebP stores it (a TIFF), with an orientation and a GPS marker.
    fn webp_exif(orientation: u16) -> Vec<u8> {
        let mut tiff = exif_orientation(orientation)[6..].to_vec();
        tiff.extend_from_slice(b"GPS 30.59N 114.30E");
        tiff
    }

    #[test]
    fn webp_loses_exif_and_xmp_chunks_and_flags() {
        let vp8x = riff_chunk(
            b"VP8X",
            &[VP8X_EXIF | VP8X_XMP | 0x10, 0, 0, 0, 3, 0, 0, 3, 0, 0],
        );
        let image = riff_chunk(b"VP8L", b"pixels");
        let dirty = riff(&[
            vp8x,
            image.clone(),
            riff_chunk(b"EXIF", &webp_exif(1)),
            riff_chunk(b"XMP ", b"<x:xmpmeta>author</x:xmpmeta>"),
        ]);
        let scan = strip(&dirty).unwrap();
        assert_eq!(scan.orientation, Some(1));
        let clean = scan.stripped.unwrap();
        let expected = riff(&[
            riff_chunk(b"VP8X", &[0x10, 0, 0, 0, 3, 0, 0, 3, 0, 0]),
            image,
        ]);
        assert_eq!(clean, expected);
        assert_eq!(
            strip(&clean).unwrap().stripped,
            None,
            "nothing left to strip"
        );
    }

    #[test]
    fn a_turned_webp_keeps_only_its_orientation() {
        let dirty = riff(&[
            riff_chunk(b"VP8X", &[VP8X_EXIF, 0, 0, 0, 3, 0, 0, 3, 0, 0]),
            riff_chunk(b"VP8L", b"pixels"),
            riff_chunk(b"EXIF", &webp_exif(6)),
        ]);
        let clean = strip(&dirty).unwrap().stripped.unwrap();
        assert!(!clean.windows(3).any(|w| w == b"GPS"));
        let again = strip(&clean).unwrap();
        assert_eq!(again.orientation, Some(6));
        // Stripping again gives the same file.
        assert_eq!(again.stripped.as_ref(), Some(&clean));
        assert_eq!(clean[20] & VP8X_EXIF, VP8X_EXIF);
    }

    #[test]
    fn a_cut_webp_is_refused() {
        let whole = riff(&[riff_chunk(b"VP8L", b"pixels")]);
        assert_eq!(strip(&whole).unwrap().stripped, None);
        assert_eq!(strip(&whole[..whole.len() - 3]), Err(StripError::Truncated));
    }

    #[test]
    fn png_text_chunks_are_dropped() {
        let mut png = Vec::new();
        image::RgbImage::new(4, 4)
            .write_to(&mut std::io::Cursor::new(&mut png), image::ImageFormat::Png)
            .unwrap();
        assert_eq!(strip(&png).unwrap().stripped, None);
        // Insert a tEXt chunk after IHDR (8 + 25 bytes); its CRC is not checked here.
        let mut dirty = png[..33].to_vec();
        dirty.extend_from_slice(&[0, 0, 0, 5]);
        dirty.extend_from_slice(b"tEXtAuthr");
        dirty.extend_from_slice(&[0, 0, 0, 0]);
        dirty.extend_from_slice(&png[33..]);
        assert_eq!(strip(&dirty).unwrap().stripped, Some(png));
    }
}
