//! Images: the stage between model and render that makes every published
//! picture safe and every gallery picture small.
//!
//! ```text
//! Site (+ files on disk) -> ImageSet  (sizes of each picture, files to publish)
//! ```
//!
//! Two jobs, done in one read of each file, in parallel:
//! - pictures shown in galleries, figures and as covers get a thumbnail and a
//!   large size ([`process`]), cached by content and settings ([`cache`]);
//! - every published JPEG and PNG loses its EXIF/XMP/IPTC ([`strip`]), and one
//!   whose EXIF orientation is not upright is re-encoded upright
//!   ([`crate::picture::published_original`]).
//!
//! Which pictures a page shows is decided by [`gallery`]. Bad pictures (not an
//! image, truncated, over the pixel limit) are errors naming the file. This
//! stage writes only into the cache; the output stage copies from there.

pub mod audit;
pub mod cache;
pub mod gallery;
mod wechat;

use crate::message::Message;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use rayon::prelude::*;

use crate::config::ImageSettings;
use crate::diag::{Diagnostic, Report};
use crate::model::Site;
use crate::picture::process::{self, ImageFault, Size, variant_sizes};
use crate::picture::strip;
use cache::{Facts, ImageCache, Stamp, cache_key, content_hash};

/// Bumped whenever processing changes what it writes for the same input.
const PIPELINE_VERSION: u32 = 1;

impl ImageSettings {
    fn widths(&self) -> [u32; 2] {
        [self.thumb_width, self.large_width]
    }

    /// What the processed files depend on besides the source bytes.
    fn fingerprint(&self) -> String {
        format!(
            "v{PIPELINE_VERSION} w{} w{} q{}",
            self.thumb_width, self.large_width, self.quality
        )
    }
}

/// Reports progress: `(done, total)` after each picture.
#[derive(Clone)]
pub struct Progress(pub Arc<dyn Fn(usize, usize) + Send + Sync>);

impl std::fmt::Debug for Progress {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Progress")
    }
}

pub struct ImageOptions<'a> {
    pub root: &'a Path,
    /// `false` for `check`: read and verify, write nothing, encode nothing.
    pub write_cache: bool,
    pub progress: Option<&'a Progress>,
}

/// One published size of a picture.
#[derive(Debug, Clone)]
pub struct Variant {
    pub size: Size,
    /// Output path, `/`-separated.
    pub dest: String,
}

/// A picture shown in a gallery, figure or listing.
#[derive(Debug, Clone)]
pub struct ImageInfo {
    /// Narrowest first: the first is the thumbnail, the last the large size.
    pub variants: Vec<Variant>,
}

#[derive(Debug, Clone, Default)]
pub struct ImageSet {
    /// By source path relative to the site root.
    pub images: BTreeMap<PathBuf, ImageInfo>,
    /// Output path → file (in the cache) to publish there: processed sizes
    /// and originals without their metadata.
    pub files: BTreeMap<String, PathBuf>,
    /// Pictures encoded by this build (sizes and upright originals).
    pub processed: usize,
    /// Pictures whose files all came from the cache.
    pub cached: usize,
    /// Cache keys this build used; everything else in the cache is stale.
    pub keys: BTreeSet<String>,
    /// Source → output path of its WeChat copy (`photo.wechat.jpg`), for
    /// every picture a page shows.
    pub wechat: BTreeMap<PathBuf, String>,
}

impl ImageSet {
    pub fn get(&self, source: &Path) -> Option<&ImageInfo> {
        self.images.get(source)
    }
}

/// What is to be done with one file.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Job {
    /// Output path of the original, when the file is published as it is.
    original: Option<String>,
    /// Output path the processed sizes are named after, when it is shown.
    shown: Option<String>,
    /// Output path the WeChat copy is named after, when a page shows it.
    wechat: Option<String>,
}

pub use crate::picture::is_picture_path as is_image_path;

/// `news/a/photo.jpg` + 480×320 → `news/a/photo.480w.jpg`.
fn variant_dest(original: &str, size: Size, ext: &str) -> String {
    let (dir, name) = match original.rfind('/') {
        Some(i) => (&original[..=i], &original[i + 1..]),
        None => ("", original),
    };
    let stem = match name.rfind('.') {
        Some(i) if i > 0 => &name[..i],
        _ => name,
    };
    format!("{dir}{stem}.{}w.{ext}", size.width)
}

fn rel_string(path: &Path) -> String {
    path.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// Every image file the site publishes or shows, and what to do with it. A
/// gallery picture or figure that does not exist is an error at its line
/// (`cover` and `photo` are checked with the page's other fields).
/// The pictures a site publishes and shows, and what each needs.
pub type ImagePlan = BTreeMap<PathBuf, Job>;

/// Which pictures the site publishes (originals to strip) and shows (sizes to
/// make); a picture a page names that is not there is reported.
pub fn plan(
    site: &Site,
    static_files: &[(PathBuf, String)],
    root: &Path,
    report: &mut Report,
) -> ImagePlan {
    let mut jobs: BTreeMap<PathBuf, Job> = BTreeMap::new();
    for asset in &site.assets {
        if is_image_path(&asset.source) {
            jobs.entry(asset.source.clone()).or_default().original = Some(asset.dest.clone());
        }
    }
    for (source, dest) in static_files {
        if is_image_path(source) {
            jobs.entry(source.clone()).or_default().original = Some(dest.clone());
        }
    }
    // Sections' introductions may show pictures too.
    let intros: Vec<crate::model::Page> = (site.sections.iter().enumerate())
        .filter_map(|(i, s)| s.intro_page(i))
        .collect();
    for page in site.pages.iter().map(|p| &**p).chain(&intros) {
        let mut named = gallery::gallery_images(site, page);
        named.extend(gallery::figure_images(page));
        for shown in named {
            if !root.join(&shown.source).is_file() {
                let mut d = Diagnostic::error(Message::ImageNotFound {
                    file: shown.file.clone(),
                })
                .at(&page.parsed.path)
                .help(Message::ImageExpectedAt {
                    path: rel_string(&shown.source),
                });
                if let Some(line) = shown.line {
                    d = d.line(line);
                }
                report.push(d);
            }
        }
        for shown in gallery::shown_images(site, page) {
            if let Some(dest) = site.file_path_for(page, &shown.file)
                && is_image_path(&shown.source)
                && root.join(&shown.source).is_file()
            {
                let job = jobs.entry(shown.source).or_default();
                job.wechat = Some(dest.clone());
                job.shown = Some(dest);
            }
        }
        // Pictures in the text are published as they are, and exported to
        // WeChat as copies.
        for shown in gallery::body_images(page) {
            if let Some(dest) = site.file_path_for(page, &shown.file)
                && is_image_path(&shown.source)
                && root.join(&shown.source).is_file()
            {
                let job = jobs.entry(shown.source).or_default();
                if job.wechat.is_none() {
                    job.wechat = Some(dest);
                }
            }
        }
    }
    jobs
}

struct Done {
    info: Option<(PathBuf, ImageInfo)>,
    files: Vec<(String, PathBuf)>,
    keys: Vec<String>,
    processed: bool,
    cached: bool,
    /// What reading the file told (none for a file that is not a JPEG, PNG
    /// or WebP), and with its stamp, what to remember.
    facts: Option<Facts>,
    stamp: Option<(Stamp, Facts)>,
    /// `(source, output path)` of the WeChat copy.
    wechat: Option<(PathBuf, String)>,
}

impl Done {
    /// Publishes the processed sizes of `source` (each with its cache file)
    /// under names made from `shown`, and records them.
    fn add_sizes(
        &mut self,
        source: &Path,
        shown: &str,
        cached: Vec<(Size, PathBuf)>,
        ext: &str,
        key: String,
    ) {
        let variants = cached
            .into_iter()
            .map(|(size, path)| {
                let dest = variant_dest(shown, size, ext);
                self.files.push((dest.clone(), path));
                Variant { size, dest }
            })
            .collect();
        self.keys.push(key);
        self.info = Some((source.to_path_buf(), ImageInfo { variants }));
    }

    fn new() -> Done {
        Done {
            info: None,
            files: Vec::new(),
            keys: Vec::new(),
            processed: false,
            cached: false,
            facts: None,
            stamp: None,
            wechat: None,
        }
    }
}

/// Processes the pictures of a [`plan`].
pub fn process_planned(
    site: &Site,
    plan: &ImagePlan,
    options: &ImageOptions<'_>,
    report: &mut Report,
) -> ImageSet {
    let settings = &site.config.images;
    let cache = ImageCache::new(options.root, &site.config.cache_dir);
    if let Some(link) = cache.link_on_the_way() {
        report.push(
            Diagnostic::error(Message::CacheIsLink {
                path: link
                    .strip_prefix(options.root)
                    .unwrap_or(&link)
                    .display()
                    .to_string(),
            })
            .at("site.yaml"),
        );
        return ImageSet::default();
    }
    let jobs: Vec<(&PathBuf, &Job)> = plan.iter().collect();
    let total = jobs.len();
    let done_count = AtomicUsize::new(0);
    let stamps_for = format!("{} max{}", settings.fingerprint(), settings.max_pixels);
    let known = cache.read_stamps(&stamps_for);
    let results: Vec<Result<Done, Diagnostic>> = jobs
        .par_iter()
        .map(|&(source, job)| {
            // A file of the same size and time as last time is not read
            // again, as long as its processed files are in the cache.
            let stamp = cache::stamp_of(&options.root.join(source));
            let remembered = known
                .get(source)
                .filter(|(s, _)| Some(*s) == stamp)
                .and_then(|(_, facts)| from_cache(source, job, facts, settings, &cache, options));
            let result = match remembered {
                Some(done) => Ok(done),
                None => run_job(source, job, settings, &cache, options),
            }
            .map(|mut done| {
                done.stamp = stamp.zip(done.facts);
                done
            });
            let n = done_count.fetch_add(1, Ordering::Relaxed) + 1;
            if let Some(progress) = options.progress {
                (progress.0)(n, total);
            }
            result
        })
        .collect();
    let mut set = ImageSet::default();
    let mut stamps = Vec::new();
    for ((source, _), result) in jobs.iter().zip(results) {
        match result {
            Ok(done) => {
                if let Some((stamp, facts)) = done.stamp {
                    stamps.push(((*source).clone(), stamp, facts));
                }
                if let Some((source, info)) = done.info {
                    set.images.insert(source, info);
                }
                if let Some((source, dest)) = done.wechat {
                    set.wechat.insert(source, dest);
                }
                set.files.extend(done.files);
                set.keys.extend(done.keys);
                set.processed += usize::from(done.processed);
                set.cached += usize::from(done.cached);
            }
            Err(d) => report.push(d),
        }
    }
    if options.write_cache
        && (stamps.len() != known.len()
            || stamps
                .iter()
                .any(|(p, s, f)| known.get(p) != Some(&(*s, *f))))
    {
        // Not being able to remember only costs the next build a read.
        let _ = cache.write_stamps(&stamps_for, &stamps);
    }
    set
}

/// The outcome of a job from its remembered facts alone, if every file it
/// needs is in the cache.
fn from_cache(
    source: &Path,
    job: &Job,
    facts: &Facts,
    settings: &ImageSettings,
    cache: &ImageCache,
    options: &ImageOptions<'_>,
) -> Option<Done> {
    let mut done = Done::new();
    if let Some(shown) = &job.shown {
        let ext = if facts.png_variants { "png" } else { "jpg" };
        let key = cache_key(&settings.fingerprint(), &facts.content);
        let sizes = variant_sizes(facts.size, &settings.widths());
        let paths: Vec<PathBuf> = sizes
            .iter()
            .map(|&s| cache.variant_path(&key, s, ext))
            .collect();
        if !paths.iter().all(|p| p.is_file()) {
            return None;
        }
        done.cached = true;
        let cached = sizes.into_iter().zip(paths).collect();
        done.add_sizes(source, shown, cached, ext, key);
    }
    if let Some(original) = &job.original {
        let key = cache_key(&format!("orig v{PIPELINE_VERSION}"), &facts.content);
        let path = cache.original_path(&key, facts.original_ext);
        if !path.is_file() {
            return None;
        }
        if options.write_cache {
            done.files.push((original.clone(), path));
        }
        done.keys.push(key);
    }
    if let Some(base) = &job.wechat {
        let found = done
            .add_wechat(
                wechat::Picture {
                    source,
                    shown: base,
                    content: &facts.content,
                    bytes: None,
                    decoded: None,
                },
                settings,
                cache,
                options,
            )
            .ok()?;
        if !found {
            return None;
        }
    }
    done.facts = Some(*facts);
    Some(done)
}

fn bad_image(source: &Path, fault: &ImageFault) -> Diagnostic {
    let help = match fault {
        ImageFault::TooLarge { .. } => Message::ImageTooLargeHelp {},
        ImageFault::SideTooLong { .. } => Message::ImageSideHelp {},
        ImageFault::TooMuchMemory { .. } => Message::ImageDepthHelp {},
        ImageFault::NotAnImage => Message::NotAnImageHelp {},
        _ => Message::ImageIncompleteHelp {},
    };
    Diagnostic::error(fault.message()).at(source).help(help)
}

fn io_failure(path: &Path, e: &std::io::Error) -> Diagnostic {
    Diagnostic::error(Message::ImageCacheWrite {
        detail: e.to_string(),
    })
    .at(path)
}

fn run_job(
    source: &Path,
    job: &Job,
    settings: &ImageSettings,
    cache: &ImageCache,
    options: &ImageOptions<'_>,
) -> Result<Done, Diagnostic> {
    let bytes = std::fs::read(options.root.join(source)).map_err(|e| {
        Diagnostic::error(Message::ImageUnreadable {
            detail: e.to_string(),
        })
        .at(source)
    })?;
    let mut done = Done::new();
    let mut decoded = None;
    // JPEG and PNG structure (and truncation) is checked without decoding.
    let scan = if strip::is_jpeg(&bytes) || strip::is_png(&bytes) || strip::is_webp(&bytes) {
        match strip::strip(&bytes) {
            Ok(scan) => Some(scan),
            Err(strip::StripError::Truncated) => {
                return Err(bad_image(source, &ImageFault::Truncated));
            }
            Err(strip::StripError::NotAnImage) => {
                return Err(bad_image(source, &ImageFault::NotAnImage));
            }
        }
    } else {
        None
    };
    let header = process::read_header(&bytes, settings).map_err(|f| bad_image(source, &f))?;
    let content = content_hash(&bytes);
    done.facts = scan.as_ref().map(|_| Facts {
        content,
        size: header.size,
        png_variants: process::variant_is_png(&header),
        original_ext: if strip::is_webp(&bytes) {
            "webp"
        } else if strip::is_png(&bytes) {
            "png"
        } else {
            "jpg"
        },
    });

    if let Some(shown) = &job.shown {
        let png = process::variant_is_png(&header);
        let ext = if png { "png" } else { "jpg" };
        let key = cache_key(&settings.fingerprint(), &content);
        let sizes = variant_sizes(header.size, &settings.widths());
        let paths: Vec<PathBuf> = sizes
            .iter()
            .map(|&s| cache.variant_path(&key, s, ext))
            .collect();
        if paths.iter().all(|p| p.is_file()) {
            done.cached = true;
        } else if options.write_cache {
            // Decoded once for the sizes and, when it is to be made too, the
            // WeChat copy.
            let pixels =
                process::decode_pixels(&bytes, settings).map_err(|f| bad_image(source, &f))?;
            let encoded = process::make_variants_from(&pixels, &sizes, settings)
                .map_err(|f| bad_image(source, &f))?;
            if job.wechat.is_some() && !wechat::is_cached(cache, settings, &content) {
                decoded = Some(pixels);
            }
            for (e, path) in encoded.iter().zip(&paths) {
                cache
                    .store(path, &e.bytes)
                    .map_err(|e| io_failure(path, &e))?;
            }
            done.processed = true;
        }
        let cached = sizes.into_iter().zip(paths).collect();
        done.add_sizes(source, shown, cached, ext, key);
    }

    // Originals are published from the cache too, even when they had nothing
    // to strip: a cache file is never changed in place, so the output can
    // hard-link it, and a warm build copies no photo bytes at all.
    if let (Some(original), Some(scan)) = (&job.original, scan) {
        let ext = done.facts.map_or("jpg", |f| f.original_ext);
        let key = cache_key(&format!("orig v{PIPELINE_VERSION}"), &content);
        let path = cache.original_path(&key, ext);
        if !path.is_file() && options.write_cache {
            let clean = crate::picture::published_original(&bytes, scan, settings)
                .map_err(|f| bad_image(source, &f))?;
            done.processed |= clean.reencoded;
            cache
                .store(&path, &clean.bytes)
                .map_err(|e| io_failure(&path, &e))?;
        }
        if options.write_cache {
            done.files.push((original.clone(), path));
        }
        done.keys.push(key);
    }
    if let Some(base) = &job.wechat
        && done.facts.is_some()
    {
        let picture = wechat::Picture {
            source,
            shown: base,
            content: &content,
            bytes: Some(&bytes),
            decoded: decoded.as_ref(),
        };
        done.add_wechat(picture, settings, cache, options)?;
    }
    Ok(done)
}

/// Removes cache entries this build did not use.
pub fn clean_cache(root: &Path, cache_dir: &str, set: &ImageSet) -> usize {
    ImageCache::new(root, cache_dir).clean(&set.keys)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn variant_names_keep_the_folder_and_stem() {
        let size = Size {
            width: 480,
            height: 320,
        };
        assert_eq!(
            variant_dest("news/a/现场.JPG", size, "jpg"),
            "news/a/现场.480w.jpg"
        );
        assert_eq!(variant_dest("logo.png", size, "png"), "logo.480w.png");
    }
}
