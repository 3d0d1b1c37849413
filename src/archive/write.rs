//! Writing the container: zip (deflate) or tar.gz, byte-identical for the same
//! files and clock. Everything that could vary between runs or machines is
//! fixed: entry order, timestamps, permissions (0644 files, 0755 folders),
//! owner (0, no names), the zip "made by" system (Unix, on every platform),
//! the gzip header (no name, no time).

use crate::message::Message;
use std::collections::BTreeSet;
use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use super::{Format, SnapshotFile};
use crate::diag::Diagnostic;

const FILE_MODE: u32 = 0o644;
const DIR_MODE: u32 = 0o755;

/// The one time stamped on every entry: the build clock.
pub struct EntryTime {
    /// Seconds since 1970 for tar (never negative).
    unix: u64,
    /// Local civil time for zip (which has no time zone), clamped to its range.
    zip: zip::DateTime,
}

impl EntryTime {
    pub fn new(now: jiff::Timestamp, tz: &jiff::tz::TimeZone) -> EntryTime {
        let local = now.to_zoned_datetime(tz.clone());
        let clamp = |v: i64, lo: i64, hi: i64| v.clamp(lo, hi);
        let year = clamp(local.year().into(), 1980, 2107) as u16;
        let zip = zip::DateTime::from_date_and_time(
            year,
            local.month() as u8,
            local.day() as u8,
            local.hour() as u8,
            local.minute() as u8,
            local.second() as u8,
        )
        .unwrap_or_default();
        EntryTime {
            unix: now.as_second().max(0) as u64,
            zip,
        }
    }
}

/// Writes the archive next to `path` and renames it into place, so a failed
/// run never leaves half an archive under the real name. Returns its size.
pub fn write_archive(
    path: &Path,
    format: Format,
    folder: &str,
    files: &[SnapshotFile],
    when: &EntryTime,
) -> Result<u64, Diagnostic> {
    let tmp = temp_name(path);
    let result = File::create(&tmp).and_then(|file| match format {
        Format::Zip => write_zip(file, folder, files, when),
        Format::TarGz => write_tar_gz(file, folder, files, when),
    });
    if let Err(e) = result {
        let _ = std::fs::remove_file(&tmp);
        return Err(Diagnostic::error(Message::ArchiveWrite {
            detail: e.to_string(),
        })
        .at(path));
    }
    if let Err(e) = replace_file(&tmp, path) {
        let _ = std::fs::remove_file(&tmp);
        return Err(Diagnostic::error(Message::ArchiveWrite {
            detail: e.to_string(),
        })
        .at(path));
    }
    Ok(std::fs::metadata(path).map(|m| m.len()).unwrap_or(0))
}

fn temp_name(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    path.with_file_name(format!(".{name}.nb-tmp-{}", std::process::id()))
}

/// `rename` over an existing file fails on some Windows set-ups; remove first there.
fn replace_file(from: &Path, to: &Path) -> io::Result<()> {
    if cfg!(windows) && to.exists() {
        std::fs::remove_file(to)?;
    }
    std::fs::rename(from, to)
}

/// Every folder that holds a file, as `top/a/`, `top/a/b/`, sorted, so unpacking
/// tools that need folder entries (and people listing the archive) see them.
fn folders(folder: &str, files: &[SnapshotFile]) -> BTreeSet<String> {
    let mut dirs = BTreeSet::new();
    dirs.insert(format!("{folder}/"));
    for file in files {
        let mut at = 0;
        while let Some(i) = file.path[at..].find('/') {
            at += i + 1;
            dirs.insert(format!("{folder}/{}", &file.path[..at]));
        }
    }
    dirs
}

/// Entries in one sorted order: folders and files by their full name.
enum Item<'a> {
    Dir(String),
    File(String, &'a [u8]),
}

fn items<'a>(folder: &str, files: &'a [SnapshotFile]) -> Vec<Item<'a>> {
    let mut all: Vec<(String, Item<'a>)> = folders(folder, files)
        .into_iter()
        .map(|d| (d.clone(), Item::Dir(d)))
        .collect();
    for file in files {
        let name = format!("{folder}/{}", file.path);
        all.push((name.clone(), Item::File(name, &file.bytes)));
    }
    all.sort_by(|a, b| a.0.cmp(&b.0));
    all.into_iter().map(|(_, item)| item).collect()
}

/// Formats that are compressed already gain nothing from deflate.
fn is_compressed(name: &str) -> bool {
    let ext = name.rsplit('.').next().unwrap_or("").to_ascii_lowercase();
    matches!(
        ext.as_str(),
        "jpg" | "jpeg" | "png" | "gif" | "webp" | "zip" | "gz" | "docx" | "xlsx" | "pptx" | "mp4"
    )
}

fn write_zip(file: File, folder: &str, files: &[SnapshotFile], when: &EntryTime) -> io::Result<()> {
    use zip::write::SimpleFileOptions;
    use zip::{CompressionMethod, System};
    let mut zip = zip::ZipWriter::new(BufWriter::new(file));
    let base = SimpleFileOptions::default()
        .system(System::Unix)
        .last_modified_time(when.zip)
        .large_file(false);
    for item in items(folder, files) {
        match item {
            Item::Dir(name) => zip
                .add_directory(name, base.unix_permissions(DIR_MODE))
                .map_err(io::Error::other)?,
            Item::File(name, bytes) => {
                let method = if is_compressed(&name) {
                    CompressionMethod::Stored
                } else {
                    CompressionMethod::Deflated
                };
                let options = base
                    .compression_method(method)
                    .unix_permissions(FILE_MODE)
                    .large_file(bytes.len() as u64 >= u64::from(u32::MAX));
                zip.start_file(name, options).map_err(io::Error::other)?;
                zip.write_all(bytes)?;
            }
        }
    }
    let mut inner = zip.finish().map_err(io::Error::other)?;
    inner.flush()
}

fn write_tar_gz(
    file: File,
    folder: &str,
    files: &[SnapshotFile],
    when: &EntryTime,
) -> io::Result<()> {
    // GzBuilder writes no file name and mtime 0: nothing of this machine.
    let gz = flate2::GzBuilder::new().write(BufWriter::new(file), flate2::Compression::default());
    let mut tar = tar::Builder::new(gz);
    tar.mode(tar::HeaderMode::Deterministic);
    for item in items(folder, files) {
        let mut header = tar::Header::new_gnu();
        header.set_mtime(when.unix);
        header.set_uid(0);
        header.set_gid(0);
        match item {
            Item::Dir(name) => {
                header.set_entry_type(tar::EntryType::Directory);
                header.set_mode(DIR_MODE);
                header.set_size(0);
                tar.append_data(&mut header, &name, io::empty())?;
            }
            Item::File(name, bytes) => {
                header.set_entry_type(tar::EntryType::Regular);
                header.set_mode(FILE_MODE);
                header.set_size(bytes.len() as u64);
                tar.append_data(&mut header, &name, bytes)?;
            }
        }
    }
    let gz = tar.into_inner()?;
    let mut inner = gz.finish()?;
    inner.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folders_are_listed_once_in_order() {
        let files = vec![
            SnapshotFile {
                path: "news/a/index.html".into(),
                bytes: Vec::new(),
            },
            SnapshotFile {
                path: "index.html".into(),
                bytes: Vec::new(),
            },
        ];
        let names: Vec<String> = items("site-20261123", &files)
            .into_iter()
            .map(|i| match i {
                Item::Dir(n) | Item::File(n, _) => n,
            })
            .collect();
        assert_eq!(
            names,
            [
                "site-20261123/",
                "site-20261123/index.html",
                "site-20261123/news/",
                "site-20261123/news/a/",
                "site-20261123/news/a/index.html"
            ]
        );
    }
}
