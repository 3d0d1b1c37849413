//! Pixels: check, decode once, turn upright, resize, encode.
//!
//! The header is read first and an image is refused before any pixel memory
//! is allocated when it is over the pixel limit, when a side is longer than
//! [`MAX_SIDE`], or when its decoded pixels would take more than
//! [`decode_budget`]; the decoder then gets the same bounds as [`Limits`], so
//! a lying header cannot make it allocate more. The area alone is not enough:
//! resizing costs memory in proportion to the longest side, and a
//! 50,000,000×2 PNG (100 megapixels, under the default limit) took 3.3 GB. The large size is resized from
//! the decoded photo with a SIMD Lanczos filter (fast_image_resize), and the
//! thumbnail from the large size, which costs a fraction of a second resize
//! from the full photo. Re-encoding writes no metadata at all.

use crate::message::Message;
use std::io::Cursor;

use fast_image_resize::images::{Image as FirImage, ImageRef};
use fast_image_resize::{FilterType, PixelType, ResizeAlg, ResizeOptions, Resizer};
use image::{DynamicImage, ImageDecoder, ImageFormat, ImageReader, Limits};

use crate::config::ImageSettings;

/// Why an image could not be used; [`super::process_images`] names the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImageFault {
    NotAnImage,
    Truncated,
    TooLarge {
        width: u32,
        height: u32,
        limit: u64,
    },
    /// A side longer than [`MAX_SIDE`].
    SideTooLong {
        width: u32,
        height: u32,
    },
    /// Decoded pixels over [`decode_budget`] (deep colour: 16 bits a channel).
    TooMuchMemory {
        bytes: u64,
        budget: u64,
    },
    Broken(String),
}

impl ImageFault {
    pub fn message(&self) -> Message {
        match self {
            ImageFault::NotAnImage => Message::NotAnImage {},
            ImageFault::Truncated => Message::ImageTruncated {},
            ImageFault::TooLarge {
                width,
                height,
                limit,
            } => Message::ImageTooLarge {
                width: u64::from(*width),
                height: u64::from(*height),
                megapixels: format!("{:.1}", (*width as f64) * (*height as f64) / 1e6),
                limit: format!("{:.1}", *limit as f64 / 1e6),
            },
            ImageFault::SideTooLong { width, height } => Message::ImageSideTooLong {
                width: u64::from(*width),
                height: u64::from(*height),
                limit: u64::from(MAX_SIDE),
            },
            ImageFault::TooMuchMemory { bytes, budget } => Message::ImageTooMuchMemory {
                megabytes: bytes.div_ceil(1 << 20),
                limit: budget / (1 << 20),
            },
            ImageFault::Broken(why) => Message::ImageBroken {
                detail: why.clone(),
            },
        }
    }
}

/// Width and height of an image as published (after EXIF orientation).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Size {
    pub width: u32,
    pub height: u32,
}

/// What the header says, before any pixels are decoded.
#[derive(Debug, Clone, Copy)]
pub struct Header {
    /// Upright size.
    pub size: Size,
    pub has_alpha: bool,
}

/// One encoded size of an image.
#[derive(Debug, Clone)]
pub struct Encoded {
    pub bytes: Vec<u8>,
}

/// Sizes of the published variants: `widths`, never wider than the photo,
/// duplicates removed, narrowest first.
pub fn variant_sizes(upright: Size, widths: &[u32]) -> Vec<Size> {
    let mut out: Vec<Size> = Vec::new();
    for &w in widths {
        let width = w.min(upright.width).max(1);
        let height = ((upright.height as u64 * width as u64 + upright.width as u64 / 2)
            / upright.width.max(1) as u64)
            .max(1) as u32;
        let size = Size { width, height };
        if !out.contains(&size) {
            out.push(size);
        }
    }
    out.sort_by_key(|s| s.width);
    out
}

/// The longest side accepted, in pixels. No camera or scanner makes a longer
/// one (a phone's panorama is about 16,000 px wide); resizing a picture costs
/// memory in proportion to its longest side.
pub const MAX_SIDE: u32 = 30_000;

/// The most memory a picture's decoded pixels may take: 4 bytes a pixel (8-bit
/// RGBA) at the pixel limit. A 16-bit picture may therefore have half as many
/// pixels; the decoder's own buffers come on top, within the same bound.
pub fn decode_budget(settings: &ImageSettings) -> u64 {
    settings.max_pixels.saturating_mul(4).max(64 << 20)
}

/// The bounds the decoder enforces itself, once the header passed ours.
fn limits(settings: &ImageSettings) -> Limits {
    let mut limits = Limits::default();
    limits.max_image_width = Some(MAX_SIDE);
    limits.max_image_height = Some(MAX_SIDE);
    limits.max_alloc = Some(decode_budget(settings));
    limits
}

fn reader<'b>(
    bytes: &'b [u8],
    settings: &ImageSettings,
) -> Result<ImageReader<Cursor<&'b [u8]>>, ImageFault> {
    let mut reader = ImageReader::new(Cursor::new(bytes))
        .with_guessed_format()
        .map_err(|e| ImageFault::Broken(e.to_string()))?;
    match reader.format() {
        Some(ImageFormat::Jpeg | ImageFormat::Png | ImageFormat::WebP) => {}
        _ => return Err(ImageFault::NotAnImage),
    }
    // Only the allocation bound while the header is read: a side over the
    // limit is reported by `check_header` with the picture's size, not as the
    // decoder's bare "limits exceeded".
    let mut header_limits = Limits::default();
    header_limits.max_alloc = Some(decode_budget(settings));
    reader.limits(header_limits);
    Ok(reader)
}

fn fault(e: image::ImageError) -> ImageFault {
    use image::ImageError;
    match e {
        ImageError::Unsupported(_) => ImageFault::NotAnImage,
        ImageError::IoError(io) if io.kind() == std::io::ErrorKind::UnexpectedEof => {
            ImageFault::Truncated
        }
        other => {
            let text = other.to_string();
            let lower = text.to_ascii_lowercase();
            if lower.contains("eof") || lower.contains("end of") || lower.contains("truncat") {
                ImageFault::Truncated
            } else {
                ImageFault::Broken(text)
            }
        }
    }
}

/// Size, area and decoded bytes against the bounds, from the header alone.
fn check_header(
    width: u32,
    height: u32,
    total_bytes: u64,
    settings: &ImageSettings,
) -> Result<(), ImageFault> {
    if width > MAX_SIDE || height > MAX_SIDE {
        return Err(ImageFault::SideTooLong { width, height });
    }
    if u64::from(width) * u64::from(height) > settings.max_pixels {
        return Err(ImageFault::TooLarge {
            width,
            height,
            limit: settings.max_pixels,
        });
    }
    let budget = decode_budget(settings);
    if total_bytes > budget {
        return Err(ImageFault::TooMuchMemory {
            bytes: total_bytes,
            budget,
        });
    }
    Ok(())
}

fn is_swapped(orientation: image::metadata::Orientation) -> bool {
    use image::metadata::Orientation::*;
    matches!(
        orientation,
        Rotate90 | Rotate270 | Rotate90FlipH | Rotate270FlipH
    )
}

/// Reads the header only: format, upright size, alpha. Cheap; refuses images
/// over the pixel limit.
pub fn read_header(bytes: &[u8], settings: &ImageSettings) -> Result<Header, ImageFault> {
    let reader = reader(bytes, settings)?;
    reader.format().ok_or(ImageFault::NotAnImage)?;
    let (decoder, orientation) = open(reader, settings)?;
    let (width, height) = decoder.dimensions();
    let size = if is_swapped(orientation) {
        Size {
            width: height,
            height: width,
        }
    } else {
        Size { width, height }
    };
    Ok(Header {
        size,
        has_alpha: decoder.color_type().has_alpha(),
    })
}

/// The decoder, once the header is known to be within the bounds (and bound
/// by them itself), and the EXIF orientation that will turn the picture upright.
fn open(
    reader: ImageReader<Cursor<&[u8]>>,
    settings: &ImageSettings,
) -> Result<(impl ImageDecoder, image::metadata::Orientation), ImageFault> {
    let mut decoder = reader.into_decoder().map_err(fault)?;
    let (width, height) = decoder.dimensions();
    check_header(width, height, decoder.total_bytes(), settings)?;
    decoder.set_limits(limits(settings)).map_err(fault)?;
    let orientation = decoder
        .orientation()
        .unwrap_or(image::metadata::Orientation::NoTransforms);
    Ok((decoder, orientation))
}

/// Decodes the whole picture, upright.
pub fn decode(bytes: &[u8], settings: &ImageSettings) -> Result<DynamicImage, ImageFault> {
    let (decoder, orientation) = open(reader(bytes, settings)?, settings)?;
    let mut image = DynamicImage::from_decoder(decoder).map_err(fault)?;
    image.apply_orientation(orientation);
    Ok(image)
}

/// The pixels in the two layouts we publish: RGB for JPEG, RGBA for images
/// with transparency (published as PNG).
pub(crate) fn normalize(image: DynamicImage) -> (Vec<u8>, PixelType, Size) {
    let size = Size {
        width: image.width(),
        height: image.height(),
    };
    if image.color().has_alpha() {
        (image.into_rgba8().into_raw(), PixelType::U8x4, size)
    } else {
        (image.into_rgb8().into_raw(), PixelType::U8x3, size)
    }
}

pub(crate) fn resize(
    resizer: &mut Resizer,
    pixels: &[u8],
    kind: PixelType,
    from: Size,
    to: Size,
) -> Result<Vec<u8>, ImageFault> {
    if from == to {
        return Ok(pixels.to_vec());
    }
    let src = ImageRef::new(from.width, from.height, pixels, kind)
        .map_err(|e| ImageFault::Broken(e.to_string()))?;
    let mut dst = FirImage::new(to.width, to.height, kind);
    let options = ResizeOptions::new().resize_alg(ResizeAlg::Convolution(FilterType::Lanczos3));
    resizer
        .resize(&src, &mut dst, &options)
        .map_err(|e| ImageFault::Broken(e.to_string()))?;
    Ok(dst.into_vec())
}

pub fn encode(
    pixels: &[u8],
    kind: PixelType,
    size: Size,
    quality: u8,
) -> Result<Vec<u8>, ImageFault> {
    let mut out = Vec::new();
    let result = if kind == PixelType::U8x4 {
        image::codecs::png::PngEncoder::new(&mut out).write_image_checked(pixels, size)
    } else {
        image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, quality).encode(
            pixels,
            size.width,
            size.height,
            image::ExtendedColorType::Rgb8,
        )
    };
    result.map_err(|e| ImageFault::Broken(e.to_string()))?;
    Ok(out)
}

trait WriteChecked {
    fn write_image_checked(self, pixels: &[u8], size: Size) -> image::ImageResult<()>;
}

impl<W: std::io::Write> WriteChecked for image::codecs::png::PngEncoder<W> {
    fn write_image_checked(self, pixels: &[u8], size: Size) -> image::ImageResult<()> {
        use image::ImageEncoder;
        self.write_image(
            pixels,
            size.width,
            size.height,
            image::ExtendedColorType::Rgba8,
        )
    }
}

/// Whether the published variants of an image are PNG (it has transparency).
pub fn variant_is_png(header: &Header) -> bool {
    header.has_alpha
}

/// Decodes once and encodes every size of `sizes` (narrowest first, as
/// [`variant_sizes`] gives them). Each narrower size is made from the next
/// wider one.
#[cfg(test)]
pub fn make_variants(
    bytes: &[u8],
    sizes: &[Size],
    settings: &ImageSettings,
) -> Result<Vec<Encoded>, ImageFault> {
    make_variants_from(&decode_pixels(bytes, settings)?, sizes, settings)
}

/// A picture decoded upright, in one of the two layouts we publish, for
/// making more than one thing of it (its sizes, its WeChat copy).
pub struct Decoded {
    pub pixels: Vec<u8>,
    pub kind: PixelType,
    pub size: Size,
}

pub fn decode_pixels(bytes: &[u8], settings: &ImageSettings) -> Result<Decoded, ImageFault> {
    let (pixels, kind, size) = normalize(decode(bytes, settings)?);
    Ok(Decoded { pixels, kind, size })
}

/// Every size of `sizes` (narrowest first, as [`variant_sizes`] gives them)
/// of a decoded picture, each narrower size made from the next wider one.
pub fn make_variants_from(
    decoded: &Decoded,
    sizes: &[Size],
    settings: &ImageSettings,
) -> Result<Vec<Encoded>, ImageFault> {
    let kind = decoded.kind;
    let mut resizer = Resizer::new();
    let mut out: Vec<Encoded> = Vec::with_capacity(sizes.len());
    let mut source = (
        std::borrow::Cow::Borrowed(decoded.pixels.as_slice()),
        decoded.size,
    );
    for &size in sizes.iter().rev() {
        let resized = resize(&mut resizer, &source.0, kind, source.1, size)?;
        let bytes = encode(&resized, kind, size, settings.quality)?;
        out.push(Encoded { bytes });
        source = (std::borrow::Cow::Owned(resized), size);
    }
    out.reverse();
    Ok(out)
}

/// An original re-encoded upright (its EXIF orientation applied), in its own
/// format, at a high quality: what a JPEG whose orientation is not upright
/// becomes when published as it is.
pub fn upright_original(bytes: &[u8], settings: &ImageSettings) -> Result<Vec<u8>, ImageFault> {
    let image = decode(bytes, settings)?;
    let (pixels, kind, size) = normalize(image);
    let is_png = super::strip::is_png(bytes);
    if is_png {
        let rgba = if kind == PixelType::U8x4 {
            pixels
        } else {
            pixels
                .chunks_exact(3)
                .flat_map(|p| [p[0], p[1], p[2], 255])
                .collect()
        };
        encode(&rgba, PixelType::U8x4, size, 100)
    } else if kind == PixelType::U8x3 {
        encode(&pixels, kind, size, 92)
    } else {
        let rgb: Vec<u8> = pixels
            .chunks_exact(4)
            .flat_map(|p| [p[0], p[1], p[2]])
            .collect();
        encode(&rgb, PixelType::U8x3, size, 92)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn settings() -> ImageSettings {
        ImageSettings::default()
    }

    #[test]
    fn sizes_never_upscale_and_keep_aspect() {
        let s = variant_sizes(
            Size {
                width: 3000,
                height: 2000,
            },
            &[480, 1600],
        );
        assert_eq!(
            s,
            vec![
                Size {
                    width: 480,
                    height: 320
                },
                Size {
                    width: 1600,
                    height: 1067
                }
            ]
        );
        let small = variant_sizes(
            Size {
                width: 300,
                height: 200,
            },
            &[480, 1600],
        );
        assert_eq!(small.len(), 1);
        assert_eq!(small[0].width, 300);
    }

    fn crc32(bytes: &[u8]) -> u32 {
        let mut crc = !0u32;
        for &b in bytes {
            crc ^= u32::from(b);
            for _ in 0..8 {
                crc = if crc & 1 == 1 {
                    (crc >> 1) ^ 0xEDB8_8320
                } else {
                    crc >> 1
                };
            }
        }
        !crc
    }

    #[test]
    fn over_the_pixel_limit_is_refused_from_the_header() {
        // A PNG header claiming 20000×20000 with no pixel data behind it.
        let mut png = Vec::new();
        image::RgbImage::new(4, 4)
            .write_to(&mut Cursor::new(&mut png), ImageFormat::Png)
            .unwrap();
        png[16..20].copy_from_slice(&20000u32.to_be_bytes());
        png[20..24].copy_from_slice(&20000u32.to_be_bytes());
        let crc = crc32(&png[12..29]);
        png[29..33].copy_from_slice(&crc.to_be_bytes());
        let err = read_header(&png, &settings()).unwrap_err();
        assert!(matches!(err, ImageFault::TooLarge { .. }), "{err:?}");
        assert!(decode(&png, &settings()).is_err());
    }

    #[test]
    fn garbage_is_not_an_image() {
        assert_eq!(
            read_header(b"not an image at all", &settings()).unwrap_err(),
            ImageFault::NotAnImage
        );
    }

    #[test]
    fn variants_are_encoded_at_their_sizes() {
        let img = image::RgbImage::from_fn(900, 600, |x, y| image::Rgb([x as u8, y as u8, 90]));
        let mut jpeg = Vec::new();
        img.write_to(&mut Cursor::new(&mut jpeg), ImageFormat::Jpeg)
            .unwrap();
        let sizes = variant_sizes(
            Size {
                width: 900,
                height: 600,
            },
            &[300, 600],
        );
        let out = make_variants(&jpeg, &sizes, &settings()).unwrap();
        assert_eq!(out.len(), 2);
        let thumb = image::load_from_memory(&out[0].bytes).unwrap();
        assert_eq!((thumb.width(), thumb.height()), (300, 200));
    }
}
