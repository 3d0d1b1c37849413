//! Who may use the desk, and the headers every desk answer carries.
//!
//! The server's own [`guard`](crate::serve::guard) has already refused a
//! foreign `Host` (DNS rebinding), a foreign `Origin` and cross-site reads.
//! On top of it the desk wants: its session cookie on every request (given
//! for the token serve printed); on a change, an `Origin` that is exactly
//! the serve origin (a missing one is refused too: browsers send it on every
//! POST) and a body of the one type the endpoint reads, so a plain HTML form
//! of another site (which can only send `text/plain`, urlencoded or
//! multipart without CORS) never gets a JSON endpoint to act.

use crate::escape::percent_decode;
use crate::i18n::Language;
use crate::message::Message;
use crate::serve::guard::Allowed;
use crate::serve::mount::Reply;
use crate::serve::request::Request;

use super::json;

/// The session cookie's name.
pub const COOKIE: &str = "nb_desk";

/// On every desk answer: no framing by anyone (clickjacking), scripts and
/// styles only from the desk itself, frames only of the served site (the
/// preview), no referrer (the first address carries the token).
const CSP: &str = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; \
frame-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; \
frame-ancestors 'none'";

pub fn secured(reply: Reply) -> Reply {
    reply
        .header("Content-Security-Policy", CSP)
        .header("X-Frame-Options", "DENY")
        .header("Referrer-Policy", "no-referrer")
}

/// `bytes` random bytes from the system, as hex.
pub fn random_hex(bytes: usize) -> Option<String> {
    let mut buf = vec![0u8; bytes];
    getrandom::fill(&mut buf).ok()?;
    Some(crate::digest::hex(&buf))
}

/// Compares two secrets in a time that does not tell how much of them
/// matched.
pub fn same_secret(given: &str, ours: &str) -> bool {
    let (a, b) = (given.as_bytes(), ours.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// The decoded value of `name` in a query string (`a=1&b=2`); `+` is a space.
pub fn query_value(query: &str, name: &str) -> Option<String> {
    query.split('&').find_map(|pair| {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        if key != name {
            return None;
        }
        percent_decode(&value.replace('+', " "))
    })
}

/// Every value of the cookie `name`, from all `Cookie` headers.
pub fn cookies(request: &Request, name: &str) -> Vec<String> {
    request
        .headers
        .iter()
        .filter(|(n, _)| n == "cookie")
        .flat_map(|(_, v)| v.split(';'))
        .filter_map(|pair| {
            let (k, v) = pair.trim().split_once('=')?;
            (k.trim() == name).then(|| v.trim().to_string())
        })
        .collect()
}

/// A request that changes something: the exact serve `Origin` and the body
/// type the endpoint reads, else the refusal.
pub fn change_allowed(
    request: &Request,
    allowed: &Allowed,
    language: Language,
) -> Result<(), Reply> {
    let origin_ok = request
        .header("origin")
        .is_some_and(|origin| allowed.origin(origin));
    if !origin_ok {
        return Err(json::error(403, Message::DeskForeignOrigin {}, language));
    }
    let expected = if request.path.ends_with("/api/upload") || request.path.ends_with("/api/import")
    {
        "multipart/form-data"
    } else {
        "application/json"
    };
    let given = request
        .header("content-type")
        .map(|t| {
            t.split(';')
                .next()
                .unwrap_or("")
                .trim()
                .to_ascii_lowercase()
        })
        .unwrap_or_default();
    if given != expected {
        return Err(json::error(
            415,
            Message::DeskNotJson {
                expected: expected.to_string(),
            },
            language,
        ));
    }
    Ok(())
}

/// The only page a visitor without a session sees: what happened and how
/// to get in, in both languages, and nothing of the site.
pub fn how_to_get_in(status: u16, why: &Message) -> Reply {
    let help = Message::DeskHowToGetIn {};
    let mut html = String::from(
        "<!doctype html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>写作台 · Writing desk</title></head><body>",
    );
    for (language, lang) in [(Language::ZhCn, "zh-CN"), (Language::En, "en")] {
        html.push_str(&format!(
            "<h1 lang=\"{lang}\">{}</h1><p lang=\"{lang}\">{} [{}]</p><p lang=\"{lang}\">{}</p>",
            crate::escape::escape_html(&Message::DeskTitle {}.render(language)),
            crate::escape::escape_html(&why.render(language)),
            why.code(),
            crate::escape::escape_html(&help.render(language)),
        ));
    }
    html.push_str("</body></html>");
    Reply::new(status, "text/html; charset=utf-8", html)
}

/// A value from the request as a message may quote it.
pub fn shorten(value: &str) -> String {
    value
        .chars()
        .filter(|c| !c.is_control())
        .take(100)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets_compare_whole() {
        assert!(same_secret("abc", "abc"));
        assert!(!same_secret("abd", "abc"));
        assert!(!same_secret("ab", "abc"));
        assert!(!same_secret("", "abc"));
    }

    #[test]
    fn query_values_are_decoded() {
        assert_eq!(
            query_value("a=1&token=x%41y", "token").as_deref(),
            Some("xAy")
        );
        assert_eq!(
            query_value("title=%E5%85%AC+%E7%A4%BA", "title").as_deref(),
            Some("公 示")
        );
        assert_eq!(query_value("tokens=1", "token"), None);
    }

    #[test]
    fn tokens_are_random_and_long() {
        let a = random_hex(32).unwrap();
        assert_eq!(a.len(), 64);
        assert_ne!(a, random_hex(32).unwrap());
    }
}
