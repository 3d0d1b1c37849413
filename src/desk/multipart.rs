//! `multipart/form-data` bodies, as the desk's uploads and Word imports send
//! them: the files, and the few text fields beside them (the revision note
//! of an upload into a published disclosure).

use crate::serve::request::Request;

/// One file of a multipart body: the name the browser gave and its bytes.
pub(super) struct Part<'a> {
    pub filename: String,
    pub bytes: &'a [u8],
}

/// What a multipart body holds: its files, and its text fields by name.
#[derive(Default)]
pub(super) struct Form<'a> {
    pub files: Vec<Part<'a>>,
    pub fields: Vec<(String, String)>,
}

impl Form<'_> {
    /// The text field `name`, if sent.
    pub fn field(&self, name: &str) -> Option<&str> {
        (self.fields.iter())
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

/// The file parts of a `multipart/form-data` body.
pub(super) fn parts<'a>(body: &'a [u8], boundary: &str) -> Option<Vec<Part<'a>>> {
    Some(form(body, boundary)?.files)
}

/// The files and text fields of a `multipart/form-data` body; `None` when
/// it is not one.
pub(super) fn form<'a>(body: &'a [u8], boundary: &str) -> Option<Form<'a>> {
    let delimiter = format!("--{boundary}");
    let delimiter = delimiter.as_bytes();
    let find = |hay: &[u8], needle: &[u8], from: usize| -> Option<usize> {
        hay.get(from..)?
            .windows(needle.len())
            .position(|w| w == needle)
            .map(|i| i + from)
    };
    let mut out = Form::default();
    let mut at = find(body, delimiter, 0)? + delimiter.len();
    loop {
        if body.get(at..at + 2) == Some(b"--") {
            return Some(out);
        }
        let head_start = at + 2; // the CRLF after the delimiter
        let head_end = find(body, b"\r\n\r\n", head_start)?;
        let head = String::from_utf8_lossy(body.get(head_start..head_end)?).into_owned();
        let content_start = head_end + 4;
        let mut next = Vec::with_capacity(delimiter.len() + 2);
        next.extend_from_slice(b"\r\n");
        next.extend_from_slice(delimiter);
        let content_end = find(body, &next, content_start)?;
        let bytes = body.get(content_start..content_end)?;
        let disposition = head.lines().find(|line| {
            line.to_ascii_lowercase()
                .starts_with("content-disposition:")
        });
        let value = |key: &str| disposition.and_then(|line| parameter(line, key));
        match (value("filename"), value("name")) {
            (Some(filename), _) => out.files.push(Part { filename, bytes }),
            (None, Some(name)) => out
                .fields
                .push((name, String::from_utf8_lossy(bytes).into_owned())),
            (None, None) => {}
        }
        at = content_end + next.len();
    }
}

/// The quoted parameter `key` of a `Content-Disposition` line
/// (`form-data; name="files[]"; filename="a.jpg"`): `name` is not the end of
/// `filename`, and a `;` inside the quotes is part of the value.
fn parameter(line: &str, key: &str) -> Option<String> {
    let lower = line.to_ascii_lowercase();
    let wanted = format!("{key}=\"");
    let mut from = 0;
    while let Some(i) = lower.get(from..)?.find(&wanted) {
        let at = from + i;
        from = at + wanted.len();
        if lower[..at].ends_with([' ', ';']) {
            let rest = &line[from..];
            let end = rest.find('"')?;
            return Some(rest[..end].replace("%22", "\""));
        }
    }
    None
}

/// The name a file keeps in the bundle: its last path part (browsers on
/// Windows once sent `C:\…\a.jpg`), checked as the desk writes names.
pub(super) fn file_name(given: &str) -> &str {
    given.rsplit(['/', '\\']).next().unwrap_or(given).trim()
}

/// The multipart boundary of `request`, when it has a sane one.
pub(super) fn boundary(request: &Request) -> Option<String> {
    request
        .header("content-type")
        .and_then(|t| {
            t.split(';')
                .find_map(|p| p.trim().strip_prefix("boundary="))
        })
        .map(|b| b.trim_matches('"').to_string())
        .filter(|b| !b.is_empty() && b.len() <= 200)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn multipart_files_and_fields_are_found() {
        let body = "--XyZ\r\nContent-Disposition: form-data; name=\"files[]\"; filename=\"a.jpg\"\r\nContent-Type: image/jpeg\r\n\r\n\u{1}\u{2}\r\n--XyZ\r\nContent-Disposition: form-data; name=\"revision_note\"\r\n\r\n补充附件\r\n--XyZ\r\nContent-Disposition: form-data; name=\"files[]\"; filename=\"C:\\x\\b.pdf\"\r\n\r\n%PDF-\r\n--XyZ--\r\n";
        let form = form(body.as_bytes(), "XyZ").unwrap();
        assert_eq!(form.files.len(), 2);
        assert_eq!(form.files[0].filename, "a.jpg");
        assert_eq!(form.files[0].bytes, b"\x01\x02");
        assert_eq!(file_name(&form.files[1].filename), "b.pdf");
        assert_eq!(form.files[1].bytes, b"%PDF-");
        assert_eq!(form.field("revision_note"), Some("补充附件"));
        assert_eq!(form.field("note"), None);
        assert!(parts(b"junk", "XyZ").is_none());
    }

    #[test]
    fn a_filename_is_not_taken_for_a_name() {
        let line = "Content-Disposition: form-data; filename=\"a;b.pdf\"; name=\"files[]\"";
        assert_eq!(parameter(line, "name").as_deref(), Some("files[]"));
        assert_eq!(parameter(line, "filename").as_deref(), Some("a;b.pdf"));
        assert_eq!(parameter("Content-Disposition: form-data", "name"), None);
    }
}
