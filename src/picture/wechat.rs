//! A picture's WeChat copy: what the 公众号 takes for an article's pictures
//! (its upload interface accepts JPEG or PNG up to 1 MB; the editor shows an
//! article 1080 px wide at most). Upright, no metadata (a re-encode writes
//! none, so no GPS position leaves with it), at most [`WIDTH`] wide and at
//! most [`MAX_BYTES`]: the JPEG quality is lowered, then the size, until it
//! fits. A picture with transparency stays PNG while it fits, else it is
//! put on white and made a JPEG.

use fast_image_resize::PixelType;

use super::process::{Decoded, ImageFault, encode, resize, variant_sizes};
use crate::config::ImageSettings;

pub const WIDTH: u32 = 1080;
pub const MAX_BYTES: usize = 1 << 20;
/// Lowest JPEG quality tried before the picture is made smaller instead.
const LOWEST_QUALITY: u8 = 50;

pub struct WechatCopy {
    pub bytes: Vec<u8>,
    pub png: bool,
}

/// What the copy depends on besides the source's bytes, for its cache key.
pub fn fingerprint(settings: &ImageSettings) -> String {
    format!("wechat v1 w{WIDTH} q{} max{MAX_BYTES}", settings.quality)
}

#[cfg(test)]
pub fn wechat_copy(bytes: &[u8], settings: &ImageSettings) -> Result<WechatCopy, ImageFault> {
    wechat_copy_from(&super::process::decode_pixels(bytes, settings)?, settings)
}

/// [`wechat_copy`] of a picture already decoded (for its sizes too).
pub fn wechat_copy_from(
    decoded: &Decoded,
    settings: &ImageSettings,
) -> Result<WechatCopy, ImageFault> {
    let (pixels, kind, full) = (&decoded.pixels, decoded.kind, decoded.size);
    let mut resizer = fast_image_resize::Resizer::new();
    let mut size = variant_sizes(full, &[WIDTH])[0];
    let mut resized = resize(&mut resizer, pixels, kind, full, size)?;
    let (mut rgb, mut from) = if kind == PixelType::U8x4 {
        let png = encode(&resized, kind, size, settings.quality)?;
        if png.len() <= MAX_BYTES {
            return Ok(WechatCopy {
                bytes: png,
                png: true,
            });
        }
        (on_white(&resized), size)
    } else {
        (std::mem::take(&mut resized), size)
    };
    loop {
        let mut quality = settings.quality.clamp(LOWEST_QUALITY, 100);
        loop {
            let jpeg = encode(&rgb, PixelType::U8x3, size, quality)?;
            if jpeg.len() <= MAX_BYTES {
                return Ok(WechatCopy {
                    bytes: jpeg,
                    png: false,
                });
            }
            if quality <= LOWEST_QUALITY {
                break;
            }
            quality = quality.saturating_sub(10).max(LOWEST_QUALITY);
        }
        // Still too big (a picture of fine noise): four fifths the width.
        let width = (size.width * 4 / 5).max(1);
        let next = variant_sizes(from, &[width])[0];
        if next == size {
            return Err(ImageFault::Broken("cannot fit 1 MiB".to_string()));
        }
        rgb = resize(&mut resizer, &rgb, PixelType::U8x3, from, next)?;
        from = next;
        size = next;
    }
}

/// RGBA pixels laid on white, as RGB.
fn on_white(rgba: &[u8]) -> Vec<u8> {
    rgba.chunks_exact(4)
        .flat_map(|p| {
            let a = u16::from(p[3]);
            let mix = |c: u8| ((u16::from(c) * a + 255 * (255 - a) + 127) / 255) as u8;
            [mix(p[0]), mix(p[1]), mix(p[2])]
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::picture::process::{Size, read_header};

    fn noisy_jpeg(width: u32, height: u32) -> Vec<u8> {
        // Pseudo-random pixels compress badly: the worst case for the budget.
        let mut state = 12345u32;
        let pixels: Vec<u8> = (0..width * height * 3)
            .map(|_| {
                state = state.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                (state >> 16) as u8
            })
            .collect();
        encode(&pixels, PixelType::U8x3, Size { width, height }, 95).unwrap()
    }

    #[test]
    fn a_big_noisy_photo_is_made_to_fit_1_mib_and_1080_px() {
        let source = noisy_jpeg(2400, 1600);
        assert!(source.len() > MAX_BYTES);
        let copy = wechat_copy(&source, &ImageSettings::default()).unwrap();
        assert!(copy.bytes.len() <= MAX_BYTES, "{}", copy.bytes.len());
        let header = read_header(&copy.bytes, &ImageSettings::default()).unwrap();
        assert_eq!(header.size.width, WIDTH);
        assert!(!copy.png);
        assert!(copy.bytes.starts_with(&[0xff, 0xd8]));
    }

    #[test]
    fn a_small_picture_is_not_made_larger() {
        let source = noisy_jpeg(300, 200);
        let copy = wechat_copy(&source, &ImageSettings::default()).unwrap();
        let header = read_header(&copy.bytes, &ImageSettings::default()).unwrap();
        assert_eq!(
            header.size,
            Size {
                width: 300,
                height: 200
            }
        );
    }
}
