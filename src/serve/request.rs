//! Reading one request head off a connection, and what its path means.
//!
//! The whole head must arrive within one deadline: a client that trickles a
//! byte every few seconds is cut off when the deadline passes, however often
//! it sends. Paths are decoded once and turned into a key of the served site
//! that can never leave it; redirects are built from that key, never from
//! what the client wrote.

use std::io::{self, BufRead, BufReader, Read};
use std::net::TcpStream;
use std::time::Instant;

use super::guard::Fetch;
use crate::escape::percent_decode;

/// The most a request head may take.
pub const MAX_HEAD: u64 = 16 * 1024;

pub struct Request {
    pub method: String,
    /// Decoded path without the query, starting with `/`.
    pub path: String,
    /// The query as sent (still percent-encoded), without the `?`.
    pub query: String,
    /// The headers the origin checks read.
    pub fetch: Fetch,
    /// Every header, names lowercased, values trimmed, in the order sent.
    pub headers: Vec<(String, String)>,
    /// Bytes of the body that came in with the head.
    pub early_body: Vec<u8>,
}

impl Request {
    /// The value of the one header named `name` (lowercase); `None` when it is
    /// missing or sent more than once.
    pub fn header(&self, name: &str) -> Option<&str> {
        let mut values = self.headers.iter().filter(|(n, _)| n == name);
        match (values.next(), values.next()) {
            (Some((_, v)), None) => Some(v.as_str()),
            _ => None,
        }
    }

    /// Whether a header named `name` was sent at all.
    pub fn has_header(&self, name: &str) -> bool {
        self.headers.iter().any(|(n, _)| n == name)
    }
}

/// Why a body was not read.
#[derive(Debug, PartialEq, Eq)]
pub enum BodyError {
    /// Over the limit given (status 413).
    TooLarge,
    /// No usable `Content-Length`, or chunked (status 411).
    NoLength,
    /// The client went away or ran out of time.
    Cut,
}

/// Reads the request's body (`Content-Length` bytes, at most `limit`) before
/// `deadline`. Chunked bodies are refused: the desk's browser never sends them.
pub fn read_body(
    stream: &TcpStream,
    request: &Request,
    limit: u64,
    deadline: Instant,
) -> Result<Vec<u8>, BodyError> {
    if request.has_header("transfer-encoding") {
        return Err(BodyError::NoLength);
    }
    let length: u64 = match request.header("content-length") {
        None if !request.has_header("content-length") => 0,
        Some(text) if !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit()) => {
            text.parse().map_err(|_| BodyError::TooLarge)?
        }
        _ => return Err(BodyError::NoLength),
    };
    if length > limit {
        return Err(BodyError::TooLarge);
    }
    let length = length as usize;
    let mut body = request.early_body.clone();
    if body.len() > length {
        body.truncate(length);
        return Ok(body);
    }
    let rest = (length - body.len()) as u64;
    let mut reader = DeadlineReader { stream, deadline }.take(rest);
    reader.read_to_end(&mut body).map_err(|_| BodyError::Cut)?;
    if body.len() != length {
        return Err(BodyError::Cut);
    }
    Ok(body)
}

pub enum Parsed {
    Ok(Box<Request>),
    Bad(u16, &'static str),
}

/// Reads from a socket until `deadline`, whatever each read's own timeout.
struct DeadlineReader<'a> {
    stream: &'a TcpStream,
    deadline: Instant,
}

impl Read for DeadlineReader<'_> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let left = self.deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return Err(io::Error::new(
                io::ErrorKind::TimedOut,
                "request head too slow",
            ));
        }
        self.stream.set_read_timeout(Some(left))?;
        let mut stream = self.stream;
        stream.read(buf)
    }
}

/// Reads the request line and headers, all before `deadline`. `None`: the
/// client went away or ran out of time.
pub fn read_request(stream: &TcpStream, deadline: Instant) -> io::Result<Option<Parsed>> {
    let mut reader = BufReader::new(DeadlineReader { stream, deadline }.take(MAX_HEAD));
    let mut line = String::new();
    if reader.read_line(&mut line)? == 0 {
        return Ok(None);
    }
    let mut fetch = Fetch::default();
    let mut headers = Vec::new();
    // Headers up to the blank line; a head over the limit is cut off by
    // `take`, which shows as a missing blank line.
    let mut header = String::new();
    loop {
        header.clear();
        match reader.read_line(&mut header) {
            Ok(0) => return Ok(Some(Parsed::Bad(431, "request head too large or cut off"))),
            Ok(_) if header == "\r\n" || header == "\n" => break,
            // A folded line could smuggle a second value past the checks.
            Ok(_) if header.starts_with([' ', '\t']) => {
                return Ok(Some(Parsed::Bad(400, "folded header line")));
            }
            Ok(_) => {
                if let Some((name, value)) = header.split_once(':') {
                    fetch.header(name, value);
                    headers.push((name.trim().to_ascii_lowercase(), value.trim().to_string()));
                }
            }
            Err(e) if e.kind() == io::ErrorKind::InvalidData => {
                return Ok(Some(Parsed::Bad(400, "request is not text")));
            }
            Err(e) => return Err(e),
        }
    }
    let mut parts = line.split_whitespace();
    let (Some(method), Some(target), Some(version)) = (parts.next(), parts.next(), parts.next())
    else {
        return Ok(Some(Parsed::Bad(400, "malformed request line")));
    };
    if !version.starts_with("HTTP/1.") {
        return Ok(Some(Parsed::Bad(505, "HTTP/1.x only")));
    }
    let early_body = reader.buffer().to_vec();
    let without_fragment = target.split('#').next().unwrap_or("");
    let (raw, query) = without_fragment
        .split_once('?')
        .unwrap_or((without_fragment, ""));
    if !raw.starts_with('/') {
        return Ok(Some(Parsed::Bad(400, "the path must start with /")));
    }
    let Some(path) = percent_decode(raw) else {
        return Ok(Some(Parsed::Bad(400, "bad percent-encoding")));
    };
    Ok(Some(Parsed::Ok(Box::new(Request {
        method: method.to_string(),
        path,
        query: query.to_string(),
        fetch,
        headers,
        early_body,
    }))))
}

/// The output path for a URL path: `/news/a/` → `news/a/index.html`. `None` for
/// anything that could leave the site: `..`, backslashes, NUL, drive letters.
pub fn site_key(path: &str) -> Option<String> {
    let rel = path.strip_prefix('/')?;
    let mut segments = Vec::new();
    for segment in rel.split('/') {
        if segment == ".."
            || segment.contains('\\')
            || segment.contains('\0')
            || segment.contains(':')
        {
            return None;
        }
        if !segment.is_empty() && segment != "." {
            segments.push(segment);
        }
    }
    let mut key = segments.join("/");
    if rel.is_empty() || rel.ends_with('/') {
        if !key.is_empty() {
            key.push('/');
        }
        key.push_str("index.html");
    }
    Some(key)
}

/// Where a folder named without its slash lives: the key `news` → `/news/`.
/// Made from the key, whose segments are never empty, so it is always one
/// slash and a local path: `//evil.example` must not become a redirect to
/// another host.
pub fn folder_location(key: &str) -> String {
    encode_path(&format!("/{key}/"))
}

/// Percent-encodes what may not stand in a header (`Location`).
fn encode_path(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || b"/-._~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_stay_inside_the_site() {
        assert_eq!(site_key("/").as_deref(), Some("index.html"));
        assert_eq!(site_key("/news/a/").as_deref(), Some("news/a/index.html"));
        assert_eq!(
            site_key("/assets/site.css").as_deref(),
            Some("assets/site.css")
        );
        assert_eq!(site_key("/a//b/./c.css").as_deref(), Some("a/b/c.css"));
        assert_eq!(site_key("/../etc/passwd"), None);
        assert_eq!(site_key("/a/../../x"), None);
        assert_eq!(site_key("/a\\..\\x"), None);
        assert_eq!(site_key("/C:/x"), None);
        assert_eq!(site_key("/a\0b"), None);
    }

    #[test]
    fn folder_redirects_stay_on_this_host() {
        for path in [
            "/news", "//news", "///news", "/./news", "//./news", "/.//news",
        ] {
            let key = site_key(path).unwrap();
            assert_eq!(folder_location(&key), "/news/", "{path}");
        }
        let key = site_key("//evil.example/a").unwrap();
        assert_eq!(folder_location(&key), "/evil.example/a/");
        assert_eq!(folder_location("新闻"), "/%E6%96%B0%E9%97%BB/");
    }

    #[test]
    fn percent_decoding() {
        assert_eq!(percent_decode("/%E6%96%B0/").as_deref(), Some("/新/"));
        assert_eq!(percent_decode("/%2e%2e/x").as_deref(), Some("/../x"));
        assert_eq!(percent_decode("/%zz"), None);
        assert_eq!(percent_decode("/%ff"), None);
        assert_eq!(percent_decode("/%4"), None);
    }
}
