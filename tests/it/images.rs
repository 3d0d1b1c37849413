//! Galleries and images: orientation, privacy, the cache, bad files,
//! shortcodes and the lightbox, on the `images` fixture. The photos are
//! generated here (synthetic pictures with hand-made EXIF, XMP, IPTC and PNG
//! text chunks), so nothing binary is committed.

use std::fs;
use std::path::Path;

use crate::harness::{TestSite, files_with_extension, playwright, serve_dir};

// ---------------------------------------------------------------- photo makers

fn jpeg(width: u32, height: u32) -> Vec<u8> {
    let img = image::RgbImage::from_fn(width, height, |x, y| {
        image::Rgb([(x * 255 / width) as u8, (y * 255 / height) as u8, 120])
    });
    let mut out = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 85)
        .encode(img.as_raw(), width, height, image::ExtendedColorType::Rgb8)
        .unwrap();
    out
}

pub(crate) fn segment(marker: u8, payload: &[u8]) -> Vec<u8> {
    let mut s = vec![0xFF, marker];
    s.extend_from_slice(&((payload.len() + 2) as u16).to_be_bytes());
    s.extend_from_slice(payload);
    s
}

/// An EXIF block (big-endian TIFF): orientation, a camera serial number and a
/// GPS IFD with a latitude reference.
pub(crate) fn exif(orientation: u16) -> Vec<u8> {
    let mut t = b"MM\0\x2a\0\0\0\x08".to_vec();
    // IFD0 at 8: 3 entries.
    t.extend_from_slice(&3u16.to_be_bytes());
    // Orientation (SHORT).
    t.extend_from_slice(&[0x01, 0x12, 0x00, 0x03, 0, 0, 0, 1]);
    t.extend_from_slice(&orientation.to_be_bytes());
    t.extend_from_slice(&[0, 0]);
    // BodySerialNumber 0xA431 (ASCII, 4 bytes inline): "SN42".
    t.extend_from_slice(&[0xA4, 0x31, 0x00, 0x02, 0, 0, 0, 4]);
    t.extend_from_slice(b"SN42");
    // GPS IFD pointer 0x8825 (LONG) → offset 50.
    t.extend_from_slice(&[0x88, 0x25, 0x00, 0x04, 0, 0, 0, 1, 0, 0, 0, 50]);
    t.extend_from_slice(&[0, 0, 0, 0]); // no next IFD
    assert_eq!(t.len(), 50);
    // GPS IFD: GPSLatitudeRef = "N".
    t.extend_from_slice(&1u16.to_be_bytes());
    t.extend_from_slice(&[0x00, 0x01, 0x00, 0x02, 0, 0, 0, 2, b'N', 0, 0, 0]);
    t.extend_from_slice(&[0, 0, 0, 0]);
    let mut payload = b"Exif\0\0".to_vec();
    payload.extend_from_slice(&t);
    payload
}

/// A phone-like JPEG: EXIF (with GPS), XMP and IPTC before the image data.
pub(crate) fn phone_jpeg(width: u32, height: u32, orientation: u16) -> Vec<u8> {
    let plain = jpeg(width, height);
    let mut out = plain[..2].to_vec();
    out.extend(segment(0xE1, &exif(orientation)));
    out.extend(segment(
        0xE1,
        b"http://ns.adobe.com/xap/1.0/\0<x:xmpmeta><exif:GPSLatitude>31,14.0N</exif:GPSLatitude></x:xmpmeta>",
    ));
    out.extend(segment(
        0xED,
        b"Photoshop 3.0\08BIM\x04\x04\0\0\0\0\0\x05Zhang",
    ));
    out.extend_from_slice(&plain[2..]);
    out
}

/// A real (lossless) WebP of `width`×`height` with an `EXIF` chunk carrying a
/// GPS position and an `XMP ` chunk naming its author, as phones and editors
/// write them.
pub(crate) fn phone_webp(width: u32, height: u32) -> Vec<u8> {
    let mut plain = Vec::new();
    image::RgbImage::from_fn(width, height, |x, y| {
        image::Rgb([(x % 251) as u8, (y % 241) as u8, 90])
    })
    .write_to(
        &mut std::io::Cursor::new(&mut plain),
        image::ImageFormat::WebP,
    )
    .unwrap();
    assert_eq!(
        &plain[12..16],
        b"VP8L",
        "the encoder writes the simple lossless form"
    );
    let chunk = |fourcc: &[u8], payload: &[u8]| {
        let mut c = fourcc.to_vec();
        c.extend_from_slice(&(payload.len() as u32).to_le_bytes());
        c.extend_from_slice(payload);
        if payload.len() % 2 == 1 {
            c.push(0);
        }
        c
    };
    let mut vp8x = vec![0x08 | 0x04, 0, 0, 0];
    vp8x.extend_from_slice(&(width - 1).to_le_bytes()[..3]);
    vp8x.extend_from_slice(&(height - 1).to_le_bytes()[..3]);
    let mut exif_tiff = exif(1)[6..].to_vec(); // without "Exif\0\0"
    exif_tiff.extend_from_slice(b"GPSLatitude 30.59");
    let mut body = chunk(b"VP8X", &vp8x);
    body.extend_from_slice(&plain[12..]);
    body.extend_from_slice(&chunk(b"EXIF", &exif_tiff));
    body.extend_from_slice(&chunk(
        b"XMP ",
        b"<x:xmpmeta><dc:creator>Wang</dc:creator></x:xmpmeta>",
    ));
    let mut out = b"RIFF".to_vec();
    out.extend_from_slice(&(body.len() as u32 + 4).to_le_bytes());
    out.extend_from_slice(b"WEBP");
    out.extend_from_slice(&body);
    out
}

pub(crate) fn crc32(bytes: &[u8]) -> u32 {
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

pub(crate) fn png_chunk(kind: &[u8; 4], data: &[u8]) -> Vec<u8> {
    let mut c = (data.len() as u32).to_be_bytes().to_vec();
    c.extend_from_slice(kind);
    c.extend_from_slice(data);
    let mut crc_input = kind.to_vec();
    crc_input.extend_from_slice(data);
    c.extend_from_slice(&crc32(&crc_input).to_be_bytes());
    c
}

/// A PNG with transparency and eXIf, tEXt and iTXt (XMP) chunks.
pub(crate) fn tagged_png(width: u32, height: u32) -> Vec<u8> {
    let img = image::RgbaImage::from_fn(width, height, |x, _| {
        image::Rgba([200, 30, 30, (x % 256) as u8])
    });
    let mut plain = Vec::new();
    img.write_to(
        &mut std::io::Cursor::new(&mut plain),
        image::ImageFormat::Png,
    )
    .unwrap();
    // After the signature (8) and IHDR (25).
    let mut out = plain[..33].to_vec();
    out.extend(png_chunk(b"tEXt", b"Author\0Zhang San"));
    out.extend(png_chunk(
        b"iTXt",
        b"XML:com.adobe.xmp\0\0\0\0\0<x:xmpmeta/>",
    ));
    out.extend(png_chunk(b"eXIf", &exif(1)[6..]));
    out.extend_from_slice(&plain[33..]);
    out
}

pub(crate) fn site_with_photos() -> TestSite {
    let site = TestSite::fixture("images");
    site.write("content/news/contest/rotated.jpg", phone_jpeg(1200, 800, 6));
    site.write("content/news/contest/award.jpg", phone_jpeg(1000, 600, 1));
    site.write("content/news/contest/logo.png", tagged_png(300, 200));
    for (i, name) in ["01.jpg", "02.jpg", "03.jpg"].iter().enumerate() {
        site.write(
            &format!("content/news/drill/{name}"),
            phone_jpeg(640 + i as u32 * 10, 480, 1),
        );
    }
    site
}

// ---------------------------------------------------------------- output readers

/// Metadata a JPEG still carries: APP1 (Exif/XMP), APP13, comments.
pub(crate) fn jpeg_metadata(bytes: &[u8]) -> Vec<String> {
    assert!(bytes.starts_with(&[0xFF, 0xD8]), "not a JPEG");
    let mut found = Vec::new();
    let mut pos = 2;
    while pos + 4 <= bytes.len() && bytes[pos] == 0xFF {
        let marker = bytes[pos + 1];
        if marker == 0xDA {
            break;
        }
        let len = u16::from_be_bytes([bytes[pos + 2], bytes[pos + 3]]) as usize;
        if matches!(marker, 0xE1 | 0xED | 0xFE) {
            found.push(format!("marker {marker:02X}"));
        }
        pos += 2 + len;
    }
    for needle in [&b"Exif\0"[..], b"SN42", b"GPSLatitude", b"8BIM"] {
        if bytes.windows(needle.len()).any(|w| w == needle) {
            found.push(String::from_utf8_lossy(needle).into_owned());
        }
    }
    found
}

fn png_metadata(bytes: &[u8]) -> Vec<String> {
    let mut found = Vec::new();
    let mut pos = 8;
    while pos + 8 <= bytes.len() {
        let len = u32::from_be_bytes(bytes[pos..pos + 4].try_into().unwrap()) as usize;
        let kind = String::from_utf8_lossy(&bytes[pos + 4..pos + 8]).into_owned();
        if ["eXIf", "tEXt", "zTXt", "iTXt"].contains(&kind.as_str()) {
            found.push(kind);
        }
        pos += 12 + len;
    }
    found
}

fn dimensions(path: &Path) -> (u32, u32) {
    image::image_dimensions(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn images_line(stdout: &str) -> String {
    stdout
        .lines()
        .find(|l| l.starts_with("图片："))
        .unwrap_or_else(|| panic!("no `图片：` line in\n{stdout}"))
        .to_string()
}

// ---------------------------------------------------------------- tests

#[test]
fn rotated_exif_photo_comes_out_upright_with_swapped_dimensions() {
    let site = site_with_photos();
    site.build(&[]).assert_ok();
    // 1200×800 with orientation 6 (rotate 90°) is a 800×1200 portrait.
    assert_eq!(
        dimensions(&site.public().join("news/contest/rotated.800w.jpg")),
        (800, 1200)
    );
    assert_eq!(
        dimensions(&site.public().join("news/contest/rotated.240w.jpg")),
        (240, 360)
    );
    // The published original is re-encoded upright too.
    assert_eq!(
        dimensions(&site.public().join("news/contest/rotated.jpg")),
        (800, 1200)
    );
    // An upright original keeps its size.
    assert_eq!(
        dimensions(&site.public().join("news/contest/award.jpg")),
        (1000, 600)
    );
    let page = site.html("news/contest/index.html");
    let first = page.attr(".article-gallery .gallery img", "width");
    assert_eq!(first, "240");
    assert_eq!(page.attr(".article-gallery .gallery img", "height"), "360");
}

#[test]
fn no_exif_gps_xmp_or_iptc_leaves_the_site() {
    let site = site_with_photos();
    site.build(&[]).assert_ok();
    let files = files_with_extension(&site.public(), &["jpg", "jpeg", "png"]);
    // 5 JPEG originals + 1 PNG original + their sizes.
    assert!(files.len() >= 12, "{files:?}");
    for file in files {
        let bytes = fs::read(&file).unwrap();
        let left = if bytes.starts_with(b"\x89PNG") {
            png_metadata(&bytes)
        } else {
            jpeg_metadata(&bytes)
        };
        assert!(left.is_empty(), "{} still has {left:?}", file.display());
    }
    // Stripping is lossless: the upright original decodes to the same pixels.
    let source = image::load_from_memory(&phone_jpeg(1000, 600, 1))
        .unwrap()
        .to_rgb8();
    let published = image::open(site.public().join("news/contest/award.jpg"))
        .unwrap()
        .to_rgb8();
    assert_eq!(source, published);
}

/// A WebP from a phone or an editor carries EXIF (GPS) and XMP (author) in
/// chunks of their own: the published original has neither, and the same
/// pixels.
#[test]
fn a_webp_original_is_published_without_exif_or_xmp() {
    let site = site_with_photos();
    let webp = phone_webp(64, 48);
    site.write("content/news/drill/04.webp", webp.clone());
    site.build(&[]).assert_ok();
    let published = fs::read(site.public().join("news/drill/04.webp")).unwrap();
    let has = |bytes: &[u8], what: &[u8]| bytes.windows(what.len()).any(|w| w == what);
    assert!(has(&webp, b"GPSLatitude") && has(&webp, b"Wang"));
    assert!(!has(&published, b"GPSLatitude"), "EXIF left in the WebP");
    assert!(!has(&published, b"Wang"), "XMP left in the WebP");
    assert!(!has(&published, b"EXIF") && !has(&published, b"XMP "));
    let before = image::load_from_memory(&webp).unwrap().to_rgb8();
    let after = image::load_from_memory(&published).unwrap().to_rgb8();
    assert_eq!(before, after);
    // It is shown in the gallery like the others.
    let page = site.html("news/drill/index.html");
    assert_eq!(page.count(".gallery .gallery-item"), 4);
    let thumb = page.attrs(".gallery img", "src")[3].clone();
    assert!(
        thumb.starts_with("/news/drill/04.") && thumb.ends_with("w.jpg"),
        "{thumb}"
    );
    assert!(
        site.exists(thumb.trim_start_matches('/')),
        "a thumbnail is made from it"
    );
}

#[test]
fn second_build_is_served_from_the_cache_and_stale_entries_go() {
    let site = site_with_photos();
    let first = site.build(&[]);
    first.assert_ok();
    assert_eq!(images_line(&first.stdout), "图片：处理 6 张，缓存 0 张");
    let second = site.build(&[]);
    second.assert_ok();
    assert_eq!(images_line(&second.stdout), "图片：处理 0 张，缓存 6 张");
    let cache = site.root.join(".noticeboard/cache/images");
    let before = fs::read_dir(&cache).unwrap().count();

    // One changed photo is the only one processed; its old sizes are cleaned.
    site.write("content/news/drill/02.jpg", phone_jpeg(700, 500, 1));
    let third = site.build(&[]);
    third.assert_ok();
    assert_eq!(images_line(&third.stdout), "图片：处理 1 张，缓存 5 张");
    assert_eq!(fs::read_dir(&cache).unwrap().count(), before);

    // A removed photo's entries are cleaned.
    site.remove("content/news/drill/03.jpg");
    site.build(&[]).assert_ok();
    assert!(fs::read_dir(&cache).unwrap().count() < before);
}

/// A warm build knows a photo by its size and modification time and does not
/// read it again; a new time (any save) makes it read, and checked, again.
#[test]
fn a_warm_build_does_not_read_unchanged_photos() {
    let site = site_with_photos();
    site.build(&[]).assert_ok();
    let cache = site.root.join(".noticeboard/cache/images");
    assert!(
        cache.join("stamps.tsv").is_file(),
        "the stamps are kept with the cache"
    );

    // Same size, same time, other bytes: taken from the cache unread.
    let photo = site.root.join("content/news/drill/01.jpg");
    let time = fs::metadata(&photo).unwrap().modified().unwrap();
    let len = fs::metadata(&photo).unwrap().len() as usize;
    fs::write(&photo, vec![b'x'; len]).unwrap();
    fs::File::options()
        .write(true)
        .open(&photo)
        .unwrap()
        .set_modified(time)
        .unwrap();
    let warm = site.build(&[]);
    warm.assert_ok();
    assert_eq!(images_line(&warm.stdout), "图片：处理 0 张，缓存 6 张");
    assert!(
        cache.join("stamps.tsv").is_file(),
        "cleaning keeps the stamps"
    );

    // Saved again (a new time): read, and found broken.
    fs::File::options()
        .write(true)
        .open(&photo)
        .unwrap()
        .set_modified(time + std::time::Duration::from_secs(1))
        .unwrap();
    let run = site.build(&[]);
    run.assert_code(1);
    assert!(run.stderr.contains("01.jpg"), "{}", run.stderr);
}

#[test]
fn cache_dir_in_site_yaml_moves_the_cache() {
    let site = site_with_photos();
    let config = fs::read_to_string(site.root.join("site.yaml")).unwrap();
    site.write("site.yaml", format!("{config}cache_dir: build-cache\n"));
    site.build(&[]).assert_ok();
    assert!(site.root.join("build-cache/images").is_dir());
    assert!(!site.root.join(".noticeboard").exists());
}

fn assert_bad_image(site: &TestSite, file: &str, what: &str) {
    let run = site.build(&[]);
    run.assert_code(1);
    assert!(
        run.stderr.contains(file),
        "{file} not named:\n{}",
        run.stderr
    );
    assert!(
        run.stderr.contains(what),
        "expected `{what}`:\n{}",
        run.stderr
    );
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
}

#[test]
fn truncated_photo_is_an_error_naming_it() {
    let site = site_with_photos();
    let whole = phone_jpeg(640, 480, 1);
    site.write("content/news/drill/02.jpg", &whole[..whole.len() / 2]);
    assert_bad_image(&site, "content/news/drill/02.jpg", "截断");
}

#[test]
fn a_text_file_named_jpg_is_an_error_naming_it() {
    let site = site_with_photos();
    site.write("content/news/drill/02.jpg", "这不是图片");
    assert_bad_image(
        &site,
        "content/news/drill/02.jpg",
        "不是 JPEG、PNG 或 WebP 格式 [E0609]",
    );
}

#[test]
fn photo_over_the_pixel_limit_is_an_error_naming_it() {
    let site = site_with_photos();
    let config = fs::read_to_string(site.root.join("site.yaml")).unwrap();
    site.write(
        "site.yaml",
        config.replace(
            "large_width: 800",
            "large_width: 800\n  max_megapixels: 0.5",
        ),
    );
    // 1200×800 = 0.96 megapixels.
    assert_bad_image(&site, "content/news/contest/rotated.jpg", "百万像素的上限");
}

#[test]
fn gallery_html_has_srcset_sizes_dimensions_lazy_loading_and_alt() {
    let site = site_with_photos();
    site.build(&[]).assert_ok();
    let page = site.html("news/contest/index.html");
    assert_eq!(page.count(".article-gallery .gallery-item"), 3);
    let links = page.attrs(".article-gallery a.gallery-link", "href");
    assert_eq!(links[0], "/news/contest/rotated.800w.jpg");
    assert_eq!(
        page.attr(".article-gallery img", "srcset"),
        "/news/contest/rotated.240w.jpg 240w, /news/contest/rotated.800w.jpg 800w"
    );
    assert!(!page.attr(".article-gallery img", "sizes").is_empty());
    assert_eq!(
        page.attrs(".article-gallery img", "loading"),
        vec!["lazy"; 3]
    );
    assert_eq!(
        page.attrs(".article-gallery img", "alt"),
        vec!["决赛现场", "颁奖仪式", "比武标志"]
    );
    assert_eq!(page.texts(".article-gallery figcaption")[1], "颁奖仪式");
    // A transparent PNG stays PNG.
    assert!(site.exists("news/contest/logo.240w.png"));
    // The lightbox script is local.
    let scripts = page.attrs("script[src]", "src");
    assert!(
        scripts.contains(&"/assets/lightbox.js".to_string()),
        "{scripts:?}"
    );
    assert!(
        scripts.iter().all(|s| s.starts_with("/assets/")),
        "{scripts:?}"
    );
    assert!(site.exists("assets/lightbox.js"));
    // `gallery: true` order is file-name order, from {{ gallery() }} in the body.
    let drill = site.html("news/drill/index.html");
    assert_eq!(
        drill.attrs(".article-body .gallery img", "src"),
        vec![
            "/news/drill/01.240w.jpg",
            "/news/drill/02.240w.jpg",
            "/news/drill/03.240w.jpg"
        ]
    );
    assert_eq!(drill.count(".article-gallery"), 0);
}

#[test]
fn shortcodes_render_from_templates_and_code_keeps_them_as_text() {
    let site = site_with_photos();
    site.build(&[]).assert_ok();
    let page = site.html("news/contest/index.html");
    assert_eq!(
        page.attr(".article-body figure.figure img", "alt"),
        "一等奖获得者"
    );
    assert_eq!(page.attr(".article-body figure.figure img", "width"), "240");
    assert_eq!(page.text(".article-body figcaption"), "一等奖获得者");
    assert_eq!(
        page.text(".article-body code"),
        "{{ figure(src=\"a.jpg\") }}"
    );
    // The site's own shortcode template.
    assert_eq!(page.text(".article-body aside.notice-box"), "报名截止");
    let drill = site.html("news/drill/index.html");
    assert_eq!(
        drill.attr(".attachment-link a", "href"),
        "/news/drill/plan.pdf"
    );
    assert!(drill.text(".attachment-link").contains("PDF"));
}

#[test]
fn unknown_shortcode_is_an_error_naming_file_and_line() {
    let site = site_with_photos();
    site.write(
        "content/news/broken.md",
        "---\ntitle: 错误\ndate: 2026-01-01\n---\n\n第一段。\n\n{{ chart(data=\"x\") }}\n",
    );
    let run = site.build(&[]);
    run.assert_code(1);
    assert!(
        run.stderr.contains("content/news/broken.md:8")
            && run.stderr.contains("未知的短代码 `chart`"),
        "{}",
        run.stderr
    );
}

/// A section's introduction (`_index.md`) may show a picture like a page.
#[test]
fn figure_in_a_section_introduction_is_processed_and_shown() {
    let site = site_with_photos();
    site.write("content/news/banner.jpg", phone_jpeg(900, 600, 1));
    site.write(
        "content/news/_index.md",
        "---\ntitle: 工会要闻\n---\n\n本栏目发布工会要闻。\n\n{{ figure(src=\"banner.jpg\", caption=\"职工运动会\") }}\n",
    );
    site.build(&[]).assert_ok();
    let listing = site.html("news/index.html");
    assert_eq!(
        listing.attr(".intro figure img", "srcset"),
        "/news/banner.240w.jpg 240w, /news/banner.800w.jpg 800w"
    );
    assert_eq!(listing.attr(".intro figure img", "alt"), "职工运动会");
    assert_eq!(listing.texts(".intro figcaption"), vec!["职工运动会"]);
    assert!(site.exists("news/banner.240w.jpg") && site.exists("news/banner.800w.jpg"));
    let raw = std::fs::read_to_string(site.root.join("public/news/index.html")).unwrap();
    assert!(
        !raw.contains("nb-shortcode"),
        "a marker was left in the listing"
    );

    // A missing one is an error at its line.
    site.remove("content/news/banner.jpg");
    let run = site.build(&[]);
    run.assert_code(1);
    assert!(
        run.stderr.contains("content/news/_index.md:7"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("banner.jpg"), "{}", run.stderr);
}

#[test]
fn missing_gallery_image_is_an_error_at_its_line() {
    let site = site_with_photos();
    site.remove("content/news/contest/logo.png");
    let run = site.build(&[]);
    run.assert_code(1);
    assert!(
        run.stderr.contains("content/news/contest/index.md:5"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("logo.png"), "{}", run.stderr);
}

#[test]
fn covers_become_thumbnails_in_listings_and_photo_news_lists_galleries() {
    let site = site_with_photos();
    site.build(&[]).assert_ok();
    let news = site.html("news/index.html");
    assert_eq!(
        news.attr(".card-image img", "src"),
        "/news/contest/award.240w.jpg"
    );
    assert_eq!(news.attr(".card-image img", "width"), "240");
    let photos = site.html("photos/index.html");
    assert_eq!(photos.text("h1"), "图片新闻");
    assert_eq!(
        photos.texts(".photo-card h2"),
        vec!["职工技能比武决赛", "消防应急演练"]
    );
    let home = site.html("index.html");
    assert!(
        home.attrs(".site-nav a", "href")
            .contains(&"/photos/".to_string())
    );
}

#[test]
fn check_warns_about_captions_and_document_authors_and_writes_nothing() {
    let site = site_with_photos();
    let run = site.check();
    run.assert_ok();
    assert!(
        run.stderr.contains("content/news/drill/index.md"),
        "{}",
        run.stderr
    );
    // In the site's language (zh-CN).
    assert!(run.stderr.contains("没有说明文字"), "{}", run.stderr);
    assert!(
        run.stderr.contains("plan.pdf") && run.stderr.contains("写有作者"),
        "{}",
        run.stderr
    );
    assert!(!site.root.join(".noticeboard").exists());
    assert!(!site.public().exists());
}

#[test]
fn relative_builds_rewrite_srcset() {
    let site = site_with_photos();
    site.build(&["--relative"]).assert_ok();
    let page = site.html("news/contest/index.html");
    assert!(
        page.attr(".article-gallery img", "srcset")
            .starts_with("../../news/contest/rotated.240w.jpg 240w"),
    );
}

#[test]
fn lightbox_opens_counts_captions_and_closes_in_a_browser() {
    let site = site_with_photos();
    site.build(&[]).assert_ok();
    let server = serve_dir(&site.public());
    let url = format!("{}news/contest/", server.url);
    let Some(result) = playwright("lightbox.mjs", &[&url]) else {
        return;
    };
    assert_eq!(result["opened"], true, "{result}");
    assert_eq!(result["counter"], "第 1 张，共 3 张", "{result}");
    assert_eq!(result["caption"], "决赛现场", "{result}");
    assert_eq!(result["counterAfterRight"], "第 2 张，共 3 张", "{result}");
    assert_eq!(result["captionAfterRight"], "颁奖仪式", "{result}");
    assert!(
        result["imageAfterRight"]
            .as_str()
            .unwrap()
            .ends_with("award.800w.jpg"),
        "{result}"
    );
    assert_eq!(result["closed"], true, "{result}");
    assert_eq!(result["otherHosts"], serde_json::json!([]), "{result}");
}
