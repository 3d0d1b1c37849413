//! One picture's bytes: its header, its metadata, its pixels. Pure functions of
//! the bytes and the image settings; which pictures a site has, and the cache,
//! are the images stage's business (`crate::images`).
//!
//! It sits below the model because the model lists what is published: an
//! attachment that is a photo goes out as [`published_original`] makes it, and
//! its listed size and SHA-256 are of those bytes, not of the file as given.

pub mod process;
pub mod strip;
pub mod wechat;

use std::borrow::Cow;
use std::path::Path;

use crate::config::ImageSettings;
use process::ImageFault;
use strip::Scan;

const PICTURE_EXTENSIONS: &[&str] = &["jpg", "jpeg", "png", "webp"];

/// Whether a file is treated as a picture: stripped when published, resized
/// when shown. Decided by its name, as the output names it.
pub fn is_picture_path(path: &Path) -> bool {
    path.extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .is_some_and(|e| PICTURE_EXTENSIONS.contains(&e.as_str()))
}

/// An original as it is published.
pub struct Published<'b> {
    pub bytes: Cow<'b, [u8]>,
    /// Turned upright by a re-encode (not a lossless strip).
    pub reencoded: bool,
}

/// The bytes an original is published as, given its [`strip::strip`] scan:
/// without metadata, and re-encoded upright when its EXIF orientation says it
/// is turned (a WebP keeps a minimal EXIF orientation instead, see [`strip`]).
pub fn published_original<'b>(
    bytes: &'b [u8],
    scan: Scan,
    settings: &ImageSettings,
) -> Result<Published<'b>, ImageFault> {
    let upright = strip::is_webp(bytes) || scan.orientation.is_none_or(|o| o == 1);
    if !upright {
        return Ok(Published {
            bytes: Cow::Owned(process::upright_original(bytes, settings)?),
            reencoded: true,
        });
    }
    Ok(Published {
        bytes: match scan.stripped {
            Some(stripped) => Cow::Owned(stripped),
            None => Cow::Borrowed(bytes),
        },
        reencoded: false,
    })
}

/// What a file named `path` is published as: a picture as
/// [`published_original`] makes it, anything else as it is. A picture that
/// cannot be read is left as it is here; the images stage reports it (and the
/// build fails), so these bytes are never published.
pub fn published_file<'b>(path: &Path, bytes: &'b [u8], settings: &ImageSettings) -> Cow<'b, [u8]> {
    if !is_picture_path(path) {
        return Cow::Borrowed(bytes);
    }
    let Ok(scan) = strip::strip(bytes) else {
        return Cow::Borrowed(bytes);
    };
    if process::read_header(bytes, settings).is_err() {
        return Cow::Borrowed(bytes);
    }
    match published_original(bytes, scan, settings) {
        Ok(published) => published.bytes,
        Err(_) => Cow::Borrowed(bytes),
    }
}
