//! `serve` under abuse, on loopback and bounded in time: a thousand hostile
//! requests, two hundred connections held open, clients that never read. The
//! preview must stay up, leak nothing outside the site, and keep answering
//! everyone else.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

use super::Serve;
use crate::harness::TestSite;

/// What only the abuse tests ask of a running serve.
impl Serve {
    /// Sends raw bytes, returns the status (0 if the server closed without one)
    /// and the body.
    fn send_bytes(&self, request: &[u8]) -> (u16, Vec<u8>) {
        let mut stream = self.connect();
        let _ = stream.write_all(request);
        let mut response = Vec::new();
        let _ = stream.read_to_end(&mut response);
        let status = String::from_utf8_lossy(&response)
            .split_whitespace()
            .nth(1)
            .and_then(|s| s.parse().ok())
            .unwrap_or(0);
        (status, response)
    }

    fn get_home_within(&self, limit: Duration) {
        let started = Instant::now();
        let (status, _) =
            self.send_bytes(format!("GET / HTTP/1.1\r\nHost: {}\r\n\r\n", self.host).as_bytes());
        assert_eq!(status, 200, "the home page is not served");
        assert!(
            started.elapsed() < limit,
            "the home page took {:?}",
            started.elapsed()
        );
        assert!(self.alive(), "serve exited");
    }

    fn alive(&self) -> bool {
        // `try_wait` needs `&mut`; a connection is as good a sign of life.
        TcpStream::connect(&self.host).is_ok()
    }
}

fn site() -> TestSite {
    let site = TestSite::fixture("basic");
    site.write("secret.txt", "TOP-SECRET");
    // Big enough to fill the socket buffers of a client that never reads.
    site.write("static/big.bin", vec![b'x'; 8 * 1024 * 1024]);
    site
}

#[test]
fn a_thousand_hostile_requests_leak_nothing_and_the_server_stays_up() {
    let site = site();
    let serve = Serve::start(&site);
    let paths = [
        "/../secret.txt",
        "/..%2fsecret.txt",
        "/%2e%2e/%2e%2e/etc/passwd",
        "/news/..%5c..%5csite.yaml",
        "/static/../../site.yaml",
        "//etc/passwd",
        "/%00/../site.yaml",
        "/news/%c0%ae%c0%ae/site.yaml",
        "/C:%5cWindows%5cwin.ini",
        "/%",
        "/%%32%65%32%65/site.yaml",
        "/\\..\\site.yaml",
        "/news/./../../content/news/2026-10-01-autumn.md",
    ];
    let lines = [
        "GET {} HTTP/1.1",
        "HEAD {} HTTP/1.0",
        "GET {}?x=../../site.yaml HTTP/1.1",
        "GET {}#frag HTTP/1.1",
        "POST {} HTTP/1.1",
        "GET {} HTTP/2.0",
        "GET  {}  HTTP/1.1",
        "get {} http/1.1",
    ];
    let mut sent = 0;
    let mut seed: u64 = 0x2545_F491_4F6C_DD1D;
    while sent < 1000 {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let path = paths[(seed % paths.len() as u64) as usize];
        let line = lines[((seed >> 8) % lines.len() as u64) as usize].replace("{}", path);
        let mut request = line.into_bytes();
        match (seed >> 16) % 5 {
            // Well-formed head.
            0 | 1 => request.extend_from_slice(b"\r\nHost: x\r\n\r\n"),
            // Invalid UTF-8 and NUL bytes in the head.
            2 => request.extend_from_slice(&[
                0xff, 0x00, b'\r', b'\n', 0xc3, 0x28, b'\r', b'\n', b'\r', b'\n',
            ]),
            // A header line far over the head limit.
            3 => {
                request.extend_from_slice(b"\r\nX-Long: ");
                request.extend(std::iter::repeat_n(b'a', 20_000));
                request.extend_from_slice(b"\r\n\r\n");
            }
            _ => request.extend_from_slice(b"\n\n"),
        }
        let (status, body) = serve.send_bytes(&request);
        let body = String::from_utf8_lossy(&body);
        assert!(
            !body.contains("TOP-SECRET")
                && !body.contains("base_url:")
                && !body.contains("root:x:0"),
            "leaked on {:?}",
            String::from_utf8_lossy(&request[..request.len().min(80)])
        );
        assert!(
            status != 200 || path.starts_with("/news/./"),
            "{path} → 200"
        );
        sent += 1;
    }
    serve.get_home_within(Duration::from_secs(5));
}

#[test]
fn two_hundred_idle_connections_do_not_block_others() {
    let site = site();
    let serve = Serve::start(&site);
    let mut held = Vec::new();
    for i in 0..200 {
        let mut stream = serve.connect();
        // Half send a partial head (slowloris), half send nothing at all.
        if i % 2 == 0 {
            let _ = stream.write_all(b"GET / HTTP/1.1\r\nHost: x\r\n");
        }
        held.push(stream);
    }
    for _ in 0..5 {
        serve.get_home_within(Duration::from_secs(5));
    }
    drop(held);
    serve.get_home_within(Duration::from_secs(5));
}

#[test]
fn clients_that_never_read_do_not_block_others() {
    let site = site();
    let serve = Serve::start(&site);
    let mut stalled = Vec::new();
    for _ in 0..20 {
        let mut stream = serve.connect();
        stream
            .write_all(format!("GET /big.bin HTTP/1.1\r\nHost: {}\r\n\r\n", serve.host).as_bytes())
            .unwrap();
        // …and never read the 8 MB answer.
        stalled.push(stream);
    }
    std::thread::sleep(Duration::from_millis(300));
    for _ in 0..5 {
        serve.get_home_within(Duration::from_secs(5));
    }
    // The big file is still served whole to someone who reads it.
    let (status, body) = serve
        .send_bytes(format!("GET /big.bin HTTP/1.1\r\nHost: {}\r\n\r\n", serve.host).as_bytes());
    assert_eq!(status, 200);
    assert!(body.len() > 8 * 1024 * 1024);
    drop(stalled);
    serve.get_home_within(Duration::from_secs(5));
}
