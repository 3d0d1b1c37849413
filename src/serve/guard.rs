//! Who may talk to the preview: the `Host` a request names and the site it
//! comes from. Every request passes [`Allowed::check`] before anything is read
//! from the site; the writing desk shares the same piece.
//!
//! The `Host` check stops DNS rebinding: a page of `evil.example` whose name
//! is later pointed at 127.0.0.1 reaches this server from the browser with
//! `Host: evil.example:1111`, and would otherwise read every page, the drafts
//! and the event stream as its own. Only loopback names and addresses, and
//! the address given to `--bind`, are answered; a name never is, except
//! `localhost` (browsers resolve it to loopback themselves). On an unspecified
//! `--bind` (0.0.0.0, ::) any IP address with our port is answered: a request
//! naming an IP address cannot come from a rebound name.
//!
//! The fetch-metadata check stops the other reads a foreign page can make
//! without the browser's CORS: a `<script src>` of the search index, an
//! `EventSource` of the live stream. A request the browser marks as coming
//! from another site (`Sec-Fetch-Site: cross-site` or `same-site`) is refused
//! unless it is a navigation (a link followed, which shows the page to the
//! person, not to the other site); one whose `Origin` is not ours is refused
//! outright. Browsers too old for fetch metadata still honour the
//! `Cross-Origin-Resource-Policy: same-origin` every response carries.
//!
//! This file stops at the decision; the answer (status, page) is the
//! server's.

use std::net::IpAddr;

use crate::message::Message;

/// The request headers the checks read, as the client sent them.
#[derive(Debug, Default, Clone)]
pub struct Fetch {
    /// Every `Host` header: exactly one is required.
    pub hosts: Vec<String>,
    pub origin: Option<String>,
    pub site: Option<String>,
    pub mode: Option<String>,
    pub dest: Option<String>,
}

impl Fetch {
    /// Files a header away if the checks read it; others are ignored.
    pub fn header(&mut self, name: &str, value: &str) {
        let value = value.trim().to_string();
        match name.trim().to_ascii_lowercase().as_str() {
            "host" => self.hosts.push(value),
            "origin" => self.origin = Some(value),
            "sec-fetch-site" => self.site = Some(value.to_ascii_lowercase()),
            "sec-fetch-mode" => self.mode = Some(value.to_ascii_lowercase()),
            "sec-fetch-dest" => self.dest = Some(value.to_ascii_lowercase()),
            _ => {}
        }
    }
}

/// Why a request was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// No `Host`, or more than one.
    NoHost,
    /// A `Host` that is not one of ours (as sent, cut to a readable length).
    ForeignHost(String),
    /// An `Origin` that is not ours.
    ForeignOrigin(String),
    /// A read by a page of another site.
    CrossSite,
}

impl Refusal {
    pub fn status(&self) -> u16 {
        match self {
            Refusal::NoHost => 400,
            _ => 403,
        }
    }

    /// What the refused person reads, with `url` the preview's own address.
    pub fn message(&self, url: &str) -> (Message, Message) {
        let help = Message::PreviewAddressHelp {
            url: url.to_string(),
        };
        let message = match self {
            Refusal::NoHost => Message::NoHostHeader {},
            Refusal::ForeignHost(host) => Message::ForeignHost { host: host.clone() },
            Refusal::ForeignOrigin(origin) => Message::ForeignOrigin {
                origin: origin.clone(),
            },
            Refusal::CrossSite => Message::CrossSiteRead {},
        };
        (message, help)
    }
}

/// The addresses the preview answers at.
#[derive(Debug, Clone)]
pub struct Allowed {
    port: u16,
    /// Lowercase host names and addresses (without brackets or port).
    hosts: Vec<String>,
    /// Any IP address (an unspecified `--bind`).
    any_address: bool,
}

impl Allowed {
    /// For a server listening on `bind`, port `port`.
    pub fn new(bind: IpAddr, port: u16) -> Allowed {
        let mut hosts: Vec<String> = ["127.0.0.1", "localhost", "::1"]
            .iter()
            .map(|h| h.to_string())
            .collect();
        let bound = bind.to_string();
        if !bind.is_unspecified() && !hosts.contains(&bound) {
            hosts.push(bound);
        }
        Allowed {
            port,
            hosts,
            any_address: bind.is_unspecified(),
        }
    }

    /// The preview's own address, for the refusal page.
    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}/", self.port)
    }

    /// Whether a `Host` value (`127.0.0.1:1111`, `[::1]:1111`,
    /// `localhost:1111`) names this server.
    pub fn host(&self, value: &str) -> bool {
        let Some((host, port)) = split_host(value) else {
            return false;
        };
        if port != self.port {
            return false;
        }
        let host = host.to_ascii_lowercase();
        if self.hosts.contains(&host) {
            return true;
        }
        match host.parse::<IpAddr>() {
            Ok(ip) => self.any_address || self.hosts.contains(&ip.to_string()),
            Err(_) => false,
        }
    }

    /// Whether an `Origin` value (`http://127.0.0.1:1111`) is this server.
    pub fn origin(&self, value: &str) -> bool {
        value
            .strip_prefix("http://")
            .is_some_and(|rest| !rest.contains('/') && self.host(rest))
    }

    /// Refuses a request that names another host, comes from another origin,
    /// or is a read by a page of another site.
    pub fn check(&self, fetch: &Fetch) -> Result<(), Refusal> {
        let [host] = fetch.hosts.as_slice() else {
            return Err(Refusal::NoHost);
        };
        if !self.host(host) {
            return Err(Refusal::ForeignHost(shorten(host)));
        }
        if let Some(origin) = &fetch.origin
            && !self.origin(origin)
        {
            return Err(Refusal::ForeignOrigin(shorten(origin)));
        }
        match fetch.site.as_deref() {
            None | Some("same-origin") | Some("none") => Ok(()),
            // A link followed from elsewhere shows the page to the person.
            _ if fetch.mode.as_deref() == Some("navigate")
                && !matches!(fetch.dest.as_deref(), Some("object" | "embed")) =>
            {
                Ok(())
            }
            _ => Err(Refusal::CrossSite),
        }
    }
}

/// `host:port` → (host, port); brackets taken off an IPv6 address; a missing
/// port is HTTP's 80. `None` for anything else.
fn split_host(value: &str) -> Option<(&str, u16)> {
    let (host, port) = if let Some(rest) = value.strip_prefix('[') {
        let (host, after) = rest.split_once(']')?;
        (host, after)
    } else {
        match value.split_once(':') {
            Some((host, _)) => (host, &value[host.len()..]),
            None => (value, ""),
        }
    };
    if host.is_empty() {
        return None;
    }
    let port = match port.strip_prefix(':') {
        None if port.is_empty() => 80,
        Some(digits) if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) => {
            digits.parse().ok()?
        }
        _ => return None,
    };
    Some((host, port))
}

/// A header value as a message may quote it: at most 100 characters, no
/// control characters.
fn shorten(value: &str) -> String {
    value
        .chars()
        .filter(|c| !c.is_control())
        .take(100)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fetch(host: &str) -> Fetch {
        let mut f = Fetch::default();
        f.header("Host", host);
        f
    }

    #[test]
    fn loopback_names_with_our_port_only() {
        let allowed = Allowed::new("127.0.0.1".parse().unwrap(), 1111);
        for ok in [
            "127.0.0.1:1111",
            "localhost:1111",
            "LOCALHOST:1111",
            "[::1]:1111",
        ] {
            assert!(allowed.host(ok), "{ok}");
        }
        for bad in [
            "evil.example:1111",
            "127.0.0.1.evil.example:1111",
            "localhost.:1111",
            "sub.localhost:1111",
            "127.0.0.1:1112",
            "127.0.0.1",
            "127.0.0.1:",
            "127.0.0.1:+1111",
            "127.0.0.1:1111:1111",
            "[::1]",
            "::1:1111",
            "[::1]x:1111",
            "192.168.1.5:1111",
            "",
            ":1111",
            "localhost:1111 evil",
        ] {
            assert!(!allowed.host(bad), "{bad}");
        }
        let on_80 = Allowed::new("127.0.0.1".parse().unwrap(), 80);
        assert!(on_80.host("localhost") && on_80.host("127.0.0.1:80"));
    }

    #[test]
    fn the_bound_address_and_any_address_when_unspecified() {
        let lan = Allowed::new("192.168.1.5".parse().unwrap(), 1111);
        assert!(lan.host("192.168.1.5:1111") && lan.host("127.0.0.1:1111"));
        assert!(!lan.host("192.168.1.6:1111") && !lan.host("intranet:1111"));
        let all = Allowed::new("0.0.0.0".parse().unwrap(), 1111);
        assert!(all.host("10.0.0.7:1111") && all.host("[fe80::1]:1111"));
        assert!(!all.host("pc-07.lan:1111") && !all.host("0.0.0.0.evil.example:1111"));
    }

    #[test]
    fn one_host_header_exactly() {
        let allowed = Allowed::new("127.0.0.1".parse().unwrap(), 1111);
        assert_eq!(allowed.check(&Fetch::default()), Err(Refusal::NoHost));
        let mut two = fetch("127.0.0.1:1111");
        two.header("host", "evil.example:1111");
        assert_eq!(allowed.check(&two), Err(Refusal::NoHost));
        assert_eq!(allowed.check(&fetch("127.0.0.1:1111")), Ok(()));
    }

    #[test]
    fn other_sites_may_navigate_but_not_read() {
        let allowed = Allowed::new("127.0.0.1".parse().unwrap(), 1111);
        let with = |pairs: &[(&str, &str)]| {
            let mut f = fetch("localhost:1111");
            for (name, value) in pairs {
                f.header(name, value);
            }
            allowed.check(&f)
        };
        assert_eq!(with(&[("Sec-Fetch-Site", "same-origin")]), Ok(()));
        assert_eq!(with(&[("Sec-Fetch-Site", "none")]), Ok(()));
        assert_eq!(with(&[("Origin", "http://localhost:1111")]), Ok(()));
        assert_eq!(with(&[("Origin", "http://127.0.0.1:1111")]), Ok(()));
        assert_eq!(
            with(&[
                ("Sec-Fetch-Site", "cross-site"),
                ("Sec-Fetch-Mode", "navigate"),
                ("Sec-Fetch-Dest", "document")
            ]),
            Ok(())
        );
        for read in [
            &[
                ("Sec-Fetch-Site", "cross-site"),
                ("Sec-Fetch-Mode", "no-cors"),
            ][..],
            &[("Sec-Fetch-Site", "same-site"), ("Sec-Fetch-Mode", "cors")],
            &[("Sec-Fetch-Site", "cross-site")],
            &[
                ("Sec-Fetch-Site", "cross-site"),
                ("Sec-Fetch-Mode", "navigate"),
                ("Sec-Fetch-Dest", "embed"),
            ],
        ] {
            assert_eq!(with(read), Err(Refusal::CrossSite), "{read:?}");
        }
        for origin in [
            "null",
            "http://evil.example",
            "https://127.0.0.1:1111",
            "http://127.0.0.1:1112",
            "http://127.0.0.1:1111/x",
            "http://evil.example:1111",
        ] {
            assert_eq!(
                with(&[("Origin", origin)]),
                Err(Refusal::ForeignOrigin(origin.to_string())),
                "{origin}"
            );
        }
    }
}
