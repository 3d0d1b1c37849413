//! Pictures and attachments a hostile (or careless) author commits: a picture
//! under the pixel limit whose shape or depth would still take gigabytes, and
//! a photo attachment whose listed fingerprint must be that of the file
//! visitors download, not of the one on the officer's disk.

use std::io::Write;

use flate2::Compression;
use flate2::write::ZlibEncoder;

use crate::harness::{TestSite, sha256_hex};
use crate::images::{phone_jpeg, phone_webp, png_chunk, tagged_png};

/// A PNG that claims `width`×`height` (colour type and bit depth as given)
/// with a few bytes of pixel data: the header is all a build may look at
/// before it refuses the picture.
fn claimed_png(width: u32, height: u32, depth: u8, colour: u8) -> Vec<u8> {
    let mut ihdr = width.to_be_bytes().to_vec();
    ihdr.extend_from_slice(&height.to_be_bytes());
    ihdr.extend_from_slice(&[depth, colour, 0, 0, 0]);
    let mut zlib = ZlibEncoder::new(Vec::new(), Compression::default());
    zlib.write_all(&[0u8; 64]).unwrap();
    let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
    out.extend(png_chunk(b"IHDR", &ihdr));
    out.extend(png_chunk(b"IDAT", &zlib.finish().unwrap()));
    out.extend(png_chunk(b"IEND", b""));
    out
}

/// A real JPEG whose frame header is rewritten to claim `width`×`height`.
fn claimed_jpeg(width: u16, height: u16) -> Vec<u8> {
    let mut jpeg = phone_jpeg(16, 8, 1);
    let sof = jpeg
        .windows(2)
        .position(|w| w == [0xFF, 0xC0])
        .expect("a baseline frame header");
    jpeg[sof + 5..sof + 7].copy_from_slice(&height.to_be_bytes());
    jpeg[sof + 7..sof + 9].copy_from_slice(&width.to_be_bytes());
    jpeg
}

fn site_showing(file: &str, bytes: &[u8]) -> TestSite {
    let site = TestSite::empty();
    site.write("site.yaml", "title: 测试\nbase_url: https://example.org/\n");
    site.write("content/news/_index.md", "---\ntitle: 新闻\n---\n");
    site.write(
        "content/news/big/index.md",
        "---\ntitle: 长图\ndate: 2026-11-20\ngallery: true\n---\n正文。\n",
    );
    site.write(&format!("content/news/big/{file}"), bytes);
    site
}

fn assert_refused(site: &TestSite, file: &str, expected: &[&str]) {
    for run in [site.build(&[]), site.check()] {
        run.assert_code(1);
        let named = format!("content/news/big/{file}");
        assert!(run.stderr.contains(&named), "{named}:\n{}", run.stderr);
        for text in expected {
            assert!(
                run.stderr.contains(text),
                "{file}: `{text}`:\n{}",
                run.stderr
            );
        }
        assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
    }
    assert!(!site.public().exists(), "{file}: nothing is written");
}

/// A 50,000,000×2 PNG is 100 megapixels, not over the default limit, and its
/// resize took 3.3 GB: the longest side is bounded too, from the header.
#[test]
fn regression_a_long_thin_picture_under_the_pixel_limit_is_refused_from_its_header() {
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("strip.png", claimed_png(50_000_000, 2, 8, 2), "50000000×2"),
        ("tower.png", claimed_png(2, 50_000_000, 8, 2), "2×50000000"),
        ("wide.png", claimed_png(30_001, 3_000, 8, 6), "30001×3000"),
        ("grey.png", claimed_png(1_000_000, 1, 16, 0), "1000000×1"),
        ("banner.jpg", claimed_jpeg(60_000, 8), "60000×8"),
    ];
    for (file, bytes, size) in cases {
        let site = site_showing(file, &bytes);
        assert_refused(&site, file, &[size, "30000 像素的上限", "[E0680]"]);
    }
}

/// 9,000×9,000 is 81 megapixels, under the limit, but 16 bits a channel of
/// RGBA is 648 MB of decoded pixels: the decode is bounded by memory as well.
#[test]
fn regression_a_deep_colour_picture_is_refused_by_its_decoded_size() {
    for (file, bytes) in [
        ("deep.png", claimed_png(9_000, 9_000, 16, 6)),
        ("deep-rgb.png", claimed_png(11_000, 9_000, 16, 2)),
    ] {
        let site = site_showing(file, &bytes);
        assert_refused(&site, file, &["MB 内存", "[E0681]"]);
    }
}

/// The bounds leave real pictures alone: a strip exactly at the side limit and
/// a small 16-bit PNG are published with their sizes.
#[test]
fn pictures_within_the_bounds_still_build() {
    let mut strip = Vec::new();
    image::RgbImage::from_pixel(30_000, 2, image::Rgb([10, 20, 30]))
        .write_to(
            &mut std::io::Cursor::new(&mut strip),
            image::ImageFormat::Png,
        )
        .unwrap();
    let mut deep = Vec::new();
    image::ImageBuffer::<image::Rgba<u16>, Vec<u16>>::from_pixel(
        640,
        480,
        image::Rgba([1000, 2000, 3000, 65535]),
    )
    .write_to(
        &mut std::io::Cursor::new(&mut deep),
        image::ImageFormat::Png,
    )
    .unwrap();
    // The strip has no transparency (its sizes are JPEG), the 16-bit one has.
    for (file, bytes, thumb) in [
        ("strip.png", strip, "strip.480w.jpg"),
        ("deep.png", deep, "deep.480w.png"),
    ] {
        let site = site_showing(file, &bytes);
        site.build(&[]).assert_ok();
        assert!(site.exists(&format!("news/big/{thumb}")), "{file}");
    }
}

/// What the page and the ledger list for each attachment: `(file, sha256)`.
fn listed(site: &TestSite) -> Vec<(String, String, String)> {
    let page = site.html("disclosures/photos/index.html");
    let names = page.attrs(".attachments a", "href");
    let hashes = page.texts(".attachments .sha code");
    let sizes = page.texts(".attachments li");
    assert_eq!(names.len(), hashes.len());
    names
        .into_iter()
        .zip(hashes)
        .zip(sizes)
        .map(|((n, h), s)| (n, h, s))
        .collect()
}

/// `(size, sha256)` a ledger records for an attachment of a disclosure.
fn recorded_attachment(ledger: &str, number: &str, file: &str) -> (u64, String) {
    let json: serde_json::Value = serde_json::from_str(ledger).unwrap();
    let entry = json["entries"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["number"] == number)
        .unwrap_or_else(|| panic!("no {number} in {ledger}"));
    let a = entry["attachments"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["file"] == file)
        .unwrap_or_else(|| panic!("no {file} in {ledger}"));
    (
        a["size"].as_u64().unwrap(),
        a["sha256"].as_str().unwrap().to_string(),
    )
}

/// A JPEG (or PNG, WebP) attachment goes out without its EXIF, and a turned
/// one upright; the page and the ledger listed the SHA-256 and size of the
/// original, so nobody could check a download against them.
#[test]
fn regression_a_photo_attachment_is_listed_with_the_fingerprint_of_what_is_published() {
    let site = TestSite::fixture("kinds");
    let files: Vec<(&str, Vec<u8>)> = vec![
        ("现场.jpg", phone_jpeg(800, 600, 1)),
        ("turned.jpg", phone_jpeg(600, 400, 6)),
        ("logo.png", tagged_png(120, 80)),
        ("phone.webp", phone_webp(90, 60)),
        ("plain.pdf", b"%PDF-1.4 unchanged\n".to_vec()),
    ];
    let mut list = String::new();
    for (name, bytes) in &files {
        site.write(&format!("content/disclosures/photos/{name}"), bytes);
        list.push_str(&format!("  - {{file: {name}, title: {name}}}\n"));
    }
    site.write(
        "content/disclosures/photos/index.md",
        format!(
            "---\ntitle: 现场照片\ndate: 2026-11-20\nnumber: 工会〔2026〕81号\ncategory: 评先评优\nattachments:\n{list}---\n正文。\n"
        ),
    );
    site.build(&[]).assert_ok();
    let lock = std::fs::read_to_string(site.root.join("disclosures.lock")).unwrap();
    let public_ledger = site.read("disclosures/ledger.json");
    let listed = listed(&site);
    assert_eq!(listed.len(), files.len());
    for ((name, original), (href, hash, item)) in files.iter().zip(&listed) {
        assert_eq!(href, &format!("/disclosures/photos/{name}"));
        let published =
            std::fs::read(site.public().join(format!("disclosures/photos/{name}"))).unwrap();
        let published_hash = sha256_hex(&published);
        assert_eq!(hash, &published_hash, "{name}: the page lists the download");
        if !name.ends_with(".pdf") {
            assert_ne!(
                published_hash,
                sha256_hex(original),
                "{name}: its metadata went"
            );
            assert!(!lock.contains(&sha256_hex(original)), "{name}: {lock}");
        }
        for ledger in [&lock, &public_ledger] {
            let recorded = recorded_attachment(ledger, "工会〔2026〕81号", name);
            assert_eq!(
                recorded,
                (published.len() as u64, published_hash.clone()),
                "{name}: {ledger}"
            );
        }
        let size = published.len();
        let shown = if size < 1024 {
            format!("{size} B")
        } else {
            format!("{:.0} KB", size as f64 / 1024.0)
        };
        assert!(item.contains(&shown), "{name}: `{shown}` in {item}");
    }
    // And the next build finds the ledger as it left it.
    site.build(&[]).assert_ok();
    site.check().assert_ok();
}
