//! A part of the server that answers its own paths: the writing desk mounts
//! itself at `/_desk/` through this, so the preview server knows nothing of
//! it but the prefix, and the desk (a layer above) reuses the server's
//! connection handling, limits and Host/Origin checks.

use std::net::SocketAddr;
use std::sync::Arc;

use super::guard::Allowed;
use super::request::{BodyError, Request};
use crate::diag::Report;
use crate::i18n::Language;
use crate::model::Site;

/// One answer, as the mount made it; the server adds its own headers
/// (length, `Cache-Control: no-store`, CORP, nosniff, `Connection: close`).
#[derive(Debug, Clone)]
pub struct Reply {
    pub status: u16,
    pub content_type: String,
    pub body: Vec<u8>,
    pub headers: Vec<(String, String)>,
}

impl Reply {
    pub fn new(status: u16, content_type: &str, body: impl Into<Vec<u8>>) -> Reply {
        Reply {
            status,
            content_type: content_type.to_string(),
            body: body.into(),
            headers: Vec::new(),
        }
    }

    pub fn header(mut self, name: &str, value: impl Into<String>) -> Reply {
        self.headers.push((name.to_string(), value.into()));
        self
    }
}

/// Reads the request's body on demand, at most the given number of bytes:
/// a mount refuses what it must before a single byte of the body is read.
pub type BodyReader<'a> = dyn FnMut(u64) -> Result<Vec<u8>, BodyError> + 'a;

/// What the server tells a mount after each rebuild.
pub struct BuildNews {
    /// Shared with the server, which keeps it to print and show.
    pub report: Arc<Report>,
    /// The new site; `None` when the rebuild failed (the last good one stays).
    pub site: Option<Arc<Site>>,
    pub language: Language,
    /// When the rebuild began: it read every file written before then.
    pub started: std::time::Instant,
}

pub trait Mount: Send + Sync {
    /// The path prefix it answers, with both slashes (`/_desk/`). The prefix
    /// without its last slash is redirected to it.
    fn prefix(&self) -> &'static str;

    /// Answers one request that passed the server's Host and Origin checks.
    /// `allowed` is the server's own address book (for the mount's stricter
    /// checks); `body` reads the body, if the mount wants it.
    fn handle(&self, request: &Request, allowed: &Allowed, body: &mut BodyReader<'_>) -> Reply;

    /// The server listens at `address`; returns the line to print (already
    /// in `language`) and the address to open with `--open`.
    fn started(&self, address: SocketAddr, language: Language) -> Option<(String, String)>;

    /// A rebuild finished.
    fn rebuilt(&self, news: BuildNews);
}
