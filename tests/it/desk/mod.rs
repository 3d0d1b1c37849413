//! The writing desk's server side against a real `noticeboard serve` on an
//! ephemeral port: raw HTTP requests, as a browser (or an attacker's page)
//! would send them, and the files on disk checked after each.

mod api;
mod ledger;
mod review;
mod security;
mod start;

use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::Duration;

use crate::harness::{Serving, TestSite};

/// A running serve with its desk, killed when dropped.
pub struct Desk {
    /// The serve this test started (none for one started elsewhere).
    _running: Option<Serving>,
    /// `127.0.0.1:PORT`
    pub host: String,
    /// `http://127.0.0.1:PORT`
    pub origin: String,
    /// The printed desk address, with its token.
    pub address: String,
    /// A session cookie got with the token.
    pub cookie: String,
}

/// One answer: status, head (as text, for header checks), body.
pub struct Answer {
    pub status: u16,
    pub head: String,
    pub body: Vec<u8>,
}

impl Answer {
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.body).unwrap_or_else(|e| {
            panic!(
                "not JSON ({e}): {} {}",
                self.status,
                String::from_utf8_lossy(&self.body)
            )
        })
    }

    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }

    /// The value of header `name` (case-insensitive), if sent.
    pub fn header(&self, name: &str) -> Option<String> {
        self.head.lines().find_map(|line| {
            let (n, v) = line.split_once(':')?;
            n.trim()
                .eq_ignore_ascii_case(name)
                .then(|| v.trim().to_string())
        })
    }
}

impl Desk {
    pub fn start(site: &TestSite) -> Desk {
        Desk::start_with(site, &[]).expect("no desk line")
    }

    /// Starts serve with `extra` arguments; `None` when it printed no desk
    /// address (the serve is then stopped).
    pub fn start_with(site: &TestSite, extra: &[&str]) -> Option<Desk> {
        let running = Serving::start(site, extra);
        // The desk's line comes right after the address, when there is a desk.
        let address = running.desk(Duration::from_secs(2))?;
        let host = running.host.clone();
        let mut desk = Desk {
            _running: Some(running),
            origin: format!("http://{host}"),
            host,
            address,
            cookie: String::new(),
        };
        desk.cookie = desk.session();
        Some(desk)
    }

    /// The desk at a printed `address` of a process started elsewhere.
    pub fn attach(address: &str) -> Desk {
        let host = address
            .trim_start_matches("http://")
            .split('/')
            .next()
            .unwrap()
            .to_string();
        let mut desk = Desk {
            _running: None,
            origin: format!("http://{host}"),
            host,
            address: address.to_string(),
            cookie: String::new(),
        };
        desk.cookie = desk.session();
        desk
    }

    /// Exchanges the printed token for a session cookie.
    pub fn session(&self) -> String {
        let path = self
            .address
            .split_once(&self.host)
            .map(|(_, p)| p.to_string())
            .unwrap();
        let answer = self.send("GET", &path, &[], b"");
        assert_eq!(answer.status, 303, "{}", answer.head);
        let cookie = answer.header("set-cookie").expect("no cookie");
        cookie.split(';').next().unwrap().trim().to_string()
    }

    /// A request with our Host and exactly the `headers` given.
    pub fn send(&self, method: &str, path: &str, headers: &[(&str, &str)], body: &[u8]) -> Answer {
        self.send_host(&self.host, method, path, headers, body)
    }

    pub fn send_host(
        &self,
        host: &str,
        method: &str,
        path: &str,
        headers: &[(&str, &str)],
        body: &[u8],
    ) -> Answer {
        let mut stream = TcpStream::connect(&self.host).unwrap();
        stream
            .set_read_timeout(Some(Duration::from_secs(20)))
            .unwrap();
        let mut head = format!("{method} {path} HTTP/1.1\r\nHost: {host}\r\n");
        for (name, value) in headers {
            head.push_str(&format!("{name}: {value}\r\n"));
        }
        let has_length = headers
            .iter()
            .any(|(n, _)| n.eq_ignore_ascii_case("content-length"));
        if (!body.is_empty() || method == "POST") && !has_length {
            head.push_str(&format!("Content-Length: {}\r\n", body.len()));
        }
        head.push_str("\r\n");
        stream.write_all(head.as_bytes()).unwrap();
        // The server may refuse before reading the body and close.
        let _ = stream.write_all(body);
        let mut response = Vec::new();
        let _ = stream.read_to_end(&mut response);
        let split = response
            .windows(4)
            .position(|w| w == b"\r\n\r\n")
            .unwrap_or_else(|| panic!("no end of head: {:?}", String::from_utf8_lossy(&response)));
        let head = String::from_utf8_lossy(&response[..split]).into_owned();
        let status = head
            .split_whitespace()
            .nth(1)
            .and_then(|s| s.parse().ok())
            .unwrap();
        Answer {
            status,
            head,
            body: response[split + 4..].to_vec(),
        }
    }

    /// A GET with the session cookie.
    pub fn get(&self, path: &str) -> Answer {
        let cookie = self.cookie.clone();
        self.send("GET", path, &[("Cookie", &cookie)], b"")
    }

    /// A POST as the desk's own page sends it: cookie, Origin, JSON.
    pub fn post(&self, path: &str, body: &serde_json::Value) -> Answer {
        let (cookie, origin) = (self.cookie.clone(), self.origin.clone());
        self.send(
            "POST",
            path,
            &[
                ("Cookie", &cookie),
                ("Origin", &origin),
                ("Content-Type", "application/json"),
            ],
            body.to_string().as_bytes(),
        )
    }

    /// A multipart upload of `files` (name, bytes) to the page `page`.
    pub fn upload(&self, page: &str, files: &[(&str, &[u8])]) -> Answer {
        self.upload_with(page, files, &[])
    }

    /// An upload with text `fields` (name, value) beside the files.
    pub fn upload_with(
        &self,
        page: &str,
        files: &[(&str, &[u8])],
        fields: &[(&str, &str)],
    ) -> Answer {
        let url = format!("/_desk/api/upload?page={}", encode(page));
        self.multipart(&url, files, fields)
    }

    /// Word documents dropped on the desk, with `query` (`section=…&kind=…`).
    pub fn import(&self, query: &str, files: &[(&str, &[u8])]) -> Answer {
        self.multipart(&format!("/_desk/api/import?{query}"), files, &[])
    }

    /// A multipart POST of `fields` (name, text) and `files` (name, bytes)
    /// to `url`.
    fn multipart(&self, url: &str, files: &[(&str, &[u8])], fields: &[(&str, &str)]) -> Answer {
        let boundary = "----nbtest7f3a";
        let mut body = Vec::new();
        for (name, value) in fields {
            body.extend_from_slice(
                format!(
                    "--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n"
                )
                .as_bytes(),
            );
        }
        for (name, bytes) in files {
            body.extend_from_slice(
                format!(
                    "--{boundary}\r\nContent-Disposition: form-data; name=\"files[]\"; filename=\"{name}\"\r\nContent-Type: application/octet-stream\r\n\r\n"
                )
                .as_bytes(),
            );
            body.extend_from_slice(bytes);
            body.extend_from_slice(b"\r\n");
        }
        body.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
        let (cookie, origin) = (self.cookie.clone(), self.origin.clone());
        let content_type = format!("multipart/form-data; boundary={boundary}");
        self.send(
            "POST",
            url,
            &[
                ("Cookie", &cookie),
                ("Origin", &origin),
                ("Content-Type", &content_type),
            ],
            &body,
        )
    }

    /// A page as the desk reads it.
    pub fn page(&self, path: &str) -> serde_json::Value {
        let answer = self.get(&format!("/_desk/api/page?path={}", encode(path)));
        assert_eq!(answer.status, 200, "{}", answer.text());
        answer.json()
    }
}

/// Percent-encodes a query value.
pub fn encode(value: &str) -> String {
    value
        .bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

/// A file of the site folder (not of its output), as text.
pub fn source(site: &TestSite, rel: &str) -> String {
    std::fs::read_to_string(site.root.join(rel))
        .unwrap_or_else(|e| panic!("cannot read {rel}: {e}"))
}

/// Whether the site folder holds `rel`.
pub fn has(site: &TestSite, rel: &str) -> bool {
    site.root.join(rel).exists()
}

/// A real JPEG photo, small.
pub fn jpeg() -> Vec<u8> {
    let img = image::RgbImage::from_fn(40, 30, |x, y| {
        image::Rgb([(x * 6) as u8, (y * 8) as u8, 120])
    });
    let mut out = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 85)
        .encode(img.as_raw(), 40, 30, image::ExtendedColorType::Rgb8)
        .unwrap();
    out
}

/// A real PNG picture, small.
pub fn png() -> Vec<u8> {
    let img = image::RgbImage::from_fn(20, 20, |x, _| image::Rgb([(x * 10) as u8, 0, 0]));
    let mut out = std::io::Cursor::new(Vec::new());
    img.write_to(&mut out, image::ImageFormat::Png).unwrap();
    out.into_inner()
}
