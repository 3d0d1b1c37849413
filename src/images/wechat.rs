//! Where a picture's WeChat copy ([`crate::picture::wechat`]) lives: in the
//! cache under a key of its own, and in the output next to the picture's
//! other sizes, as `photo.wechat.jpg` (or `.png`).

use std::path::{Path, PathBuf};

use super::cache::{ImageCache, cache_key};
use super::{Done, ImageOptions, bad_image, io_failure};
use crate::config::ImageSettings;
use crate::picture::process::{Decoded, decode_pixels};
use crate::picture::wechat::{fingerprint, wechat_copy_from};

/// `news/a/photo.jpg` → `news/a/photo.wechat.jpg`.
pub fn wechat_dest(shown: &str, ext: &str) -> String {
    let (dir, name) = match shown.rfind('/') {
        Some(i) => (&shown[..=i], &shown[i + 1..]),
        None => ("", shown),
    };
    let stem = match name.rfind('.') {
        Some(i) if i > 0 => &name[..i],
        _ => name,
    };
    format!("{dir}{stem}.wechat.{ext}")
}

/// The copy already in the cache, with its extension.
fn cached(cache: &ImageCache, key: &str) -> Option<(PathBuf, &'static str)> {
    ["jpg", "png"]
        .into_iter()
        .map(|ext| (cache.original_path(key, ext), ext))
        .find(|(path, _)| path.is_file())
}

/// The picture a copy is made of.
pub(super) struct Picture<'a> {
    pub source: &'a Path,
    /// The output path the copy is named after.
    pub shown: &'a str,
    pub content: &'a [u8; 32],
    pub bytes: Option<&'a [u8]>,
    /// The picture decoded already (for its sizes), if it was.
    pub decoded: Option<&'a Decoded>,
}

/// Whether the copy of `content` is in the cache.
pub(super) fn is_cached(cache: &ImageCache, settings: &ImageSettings, content: &[u8; 32]) -> bool {
    cached(cache, &cache_key(&fingerprint(settings), content)).is_some()
}

impl Done {
    /// Publishes the copy of `source` under a name made from `shown`, making
    /// it first unless it is cached (or when only checking: then nothing).
    /// `bytes` is `None` when the caller has not read the file: a copy that
    /// is not cached then means the job must be run in full.
    pub(super) fn add_wechat(
        &mut self,
        picture: Picture<'_>,
        settings: &ImageSettings,
        cache: &ImageCache,
        options: &ImageOptions<'_>,
    ) -> Result<bool, crate::diag::Diagnostic> {
        let Picture {
            source,
            shown,
            content,
            bytes,
            decoded,
        } = picture;
        let key = cache_key(&fingerprint(settings), content);
        let found = match cached(cache, &key) {
            Some(found) => Some(found),
            None => match bytes {
                None => return Ok(false),
                Some(_) if !options.write_cache => None,
                Some(bytes) => {
                    let fault = |f| bad_image(source, &f);
                    let copy = match decoded {
                        Some(decoded) => wechat_copy_from(decoded, settings),
                        None => wechat_copy_from(
                            &decode_pixels(bytes, settings).map_err(fault)?,
                            settings,
                        ),
                    }
                    .map_err(fault)?;
                    let ext = if copy.png { "png" } else { "jpg" };
                    let path = cache.original_path(&key, ext);
                    cache
                        .store(&path, &copy.bytes)
                        .map_err(|e| io_failure(&path, &e))?;
                    self.processed = true;
                    Some((path, ext))
                }
            },
        };
        if let Some((path, ext)) = found {
            let dest = wechat_dest(shown, ext);
            if options.write_cache {
                self.files.push((dest.clone(), path));
            }
            self.wechat = Some((source.to_path_buf(), dest));
        }
        self.keys.push(key);
        Ok(true)
    }
}

#[cfg(test)]
mod tests {
    use super::wechat_dest;

    #[test]
    fn copies_sit_next_to_the_picture() {
        assert_eq!(
            wechat_dest("news/a/现场.JPG", "jpg"),
            "news/a/现场.wechat.jpg"
        );
        assert_eq!(wechat_dest("logo.png", "png"), "logo.wechat.png");
    }
}
