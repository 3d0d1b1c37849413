//! What a Chinese public site declares in `site.yaml` beyond its look: the
//! 备案 numbers its footer must show (`beian:`), and the 索引号 pattern of its
//! 公开 index tables (`disclosure.index_format`, `disclosure.org_code`). Read
//! and checked here; the footer and the table are the theme's.

use std::collections::BTreeMap;

use serde::de::IgnoredAny;

use crate::diag::{Diagnostic, KeyLines};
use crate::layout::CONFIG_FILE;
use crate::message::{List, Message};

/// `beian:` as written.
#[derive(Debug, Default, serde::Deserialize)]
pub struct RawBeian {
    pub icp: Option<String>,
    pub police: Option<String>,
    pub site_code: Option<String>,
}

/// Well-formed numbers for help texts, shown in every language: their
/// characters are the point, not words to translate.
pub const ICP_EXAMPLE: &str = "鄂ICP备12345678号-1";
pub const POLICE_EXAMPLE: &str = "鄂公网安备42010002000001号";

/// The keys `beian:` understands; others are warnings.
pub const BEIAN_KEYS: &[&str] = &["icp", "police", "site_code"];
/// The keys `disclosure:` understands; others are warnings.
pub const DISCLOSURE_KEYS: &[&str] = &["categories", "number_format", "index_format", "org_code"];

/// The site's record numbers, shown in its footer.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Beian {
    /// ICP 备案号 as issued, e.g. `鄂ICP备12345678号-1`.
    pub icp: Option<String>,
    /// 公安联网备案号, e.g. `鄂公网安备42010002000001号`.
    pub police: Option<PoliceRecord>,
    /// 网站标识码 of a public body's site (10 digits).
    pub site_code: Option<String>,
}

impl Beian {
    pub fn is_empty(&self) -> bool {
        self.icp.is_none() && self.police.is_none() && self.site_code.is_none()
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PoliceRecord {
    /// As written, shown in the footer.
    pub text: String,
    /// Its digits: the `recordcode` the 公安 备案 system looks up.
    pub record_code: String,
}

/// Checks `beian:`; problems go to `complain`, each with the key it is about.
pub fn resolve_beian(raw: RawBeian, complain: &mut dyn FnMut(&str, Diagnostic)) -> Beian {
    let given = |v: Option<String>| v.map(|s| s.trim().to_string()).filter(|s| !s.is_empty());
    let icp = given(raw.icp);
    if let Some(icp) = &icp
        && !looks_like_icp(icp)
    {
        complain(
            "icp",
            Diagnostic::warning(Message::IcpLooksWrong { value: icp.clone() }).help(
                Message::IcpHelp {
                    example: ICP_EXAMPLE.to_string(),
                },
            ),
        );
    }
    let police = given(raw.police).and_then(|text| {
        let record_code: String = text.chars().filter(char::is_ascii_digit).collect();
        if record_code.is_empty() {
            complain(
                "police",
                Diagnostic::error(Message::PoliceNoDigits { value: text }).help(
                    Message::PoliceHelp {
                        example: POLICE_EXAMPLE.to_string(),
                    },
                ),
            );
            None
        } else {
            Some(PoliceRecord { text, record_code })
        }
    });
    let site_code = given(raw.site_code);
    if let Some(code) = &site_code
        && !(code.len() == 10 && code.chars().all(|c| c.is_ascii_digit()))
    {
        complain(
            "site_code",
            Diagnostic::warning(Message::SiteCodeLooksWrong {
                value: code.clone(),
            }),
        );
    }
    Beian {
        icp,
        police,
        site_code,
    }
}

/// `京ICP备12345678号` with an optional `-1`: a province letter, ICP备, digits, 号.
fn looks_like_icp(text: &str) -> bool {
    let Some((before, after)) = text.split_once("ICP备") else {
        return false;
    };
    let digits = after.chars().take_while(char::is_ascii_digit).count();
    !before.is_empty() && digits > 0 && after[digits..].starts_with('号')
}

/// One piece of an index-number pattern.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Part {
    Text(String),
    OrgCode,
    Prefix,
    Year,
    /// The number's sequence, zero-padded to `width` digits (0: as it is).
    Seq {
        width: usize,
    },
}

/// `disclosure.index_format` read: how a notice's 索引号 is written.
///
/// Placeholders: `{org_code}` (the site's `disclosure.org_code`), `{prefix}`
/// (the 文号's 机关代字), `{year}` (the 文号's year), `{seq}` (the 文号's
/// sequence; `{seq:05}` pads it with zeros to 5 digits). The index number is
/// made from the 文号, not from the order of publication, so it never moves
/// when an older notice is added later.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IndexFormat {
    parts: Vec<Part>,
}

impl IndexFormat {
    pub fn parse(format: &str) -> Result<IndexFormat, Diagnostic> {
        let braces = || {
            Diagnostic::error(Message::IndexFormatBraces {
                format: format.to_string(),
            })
            .help(Message::IndexFormatExample {})
        };
        let mut parts = Vec::new();
        let mut rest = format;
        while !rest.is_empty() {
            let open = rest.find('{');
            let close = rest.find('}');
            match open {
                Some(o) if close.is_some_and(|c| c > o) => {
                    if o > 0 {
                        parts.push(Part::Text(rest[..o].to_string()));
                    }
                    let end = rest[o..].find('}').map(|c| c + o).ok_or_else(braces)?;
                    let field = &rest[o + 1..end];
                    if field.contains('{') {
                        return Err(braces());
                    }
                    parts.push(Self::field(field, format)?);
                    rest = &rest[end + 1..];
                }
                _ if close.is_some() || open.is_some() => return Err(braces()),
                _ => {
                    parts.push(Part::Text(rest.to_string()));
                    rest = "";
                }
            }
        }
        if !parts.iter().any(|p| matches!(p, Part::Seq { .. })) {
            return Err(Diagnostic::error(Message::IndexFormatNoSeq {
                format: format.to_string(),
            })
            .help(Message::IndexFormatExample {}));
        }
        Ok(IndexFormat { parts })
    }

    fn field(field: &str, format: &str) -> Result<Part, Diagnostic> {
        match field.split_once(':') {
            None => match field {
                "org_code" => Ok(Part::OrgCode),
                "prefix" => Ok(Part::Prefix),
                "year" => Ok(Part::Year),
                "seq" => Ok(Part::Seq { width: 0 }),
                _ => Err(Self::unknown(field, format)),
            },
            Some(("seq", spec)) => {
                let width = spec
                    .strip_prefix('0')
                    .filter(|w| w.len() == 1)
                    .and_then(|w| w.parse::<usize>().ok())
                    .filter(|w| (1..=9).contains(w));
                match width {
                    Some(width) => Ok(Part::Seq { width }),
                    None => Err(Diagnostic::error(Message::IndexFormatWidth {
                        spec: spec.to_string(),
                    })
                    .help(Message::IndexFormatWidthHelp {})),
                }
            }
            Some(_) => Err(Self::unknown(field, format)),
        }
    }

    fn unknown(field: &str, format: &str) -> Diagnostic {
        Diagnostic::error(Message::IndexFormatUnknownField {
            field: field.to_string(),
            format: format.to_string(),
        })
        .help(Message::IndexFormatFields {})
    }

    pub fn uses_org_code(&self) -> bool {
        self.parts.contains(&Part::OrgCode)
    }

    /// The 索引号 of the notice numbered `prefix〔year〕seq号`.
    pub fn render(&self, org_code: &str, prefix: &str, year: i32, seq: u32) -> String {
        let mut out = String::new();
        for part in &self.parts {
            match part {
                Part::Text(t) => out.push_str(t),
                Part::OrgCode => out.push_str(org_code),
                Part::Prefix => out.push_str(prefix),
                Part::Year => out.push_str(&year.to_string()),
                Part::Seq { width } => out.push_str(&format!("{seq:0width$}")),
            }
        }
        out
    }
}

/// Keys of the `beian:` and `disclosure:` mappings, for unknown-key warnings.
/// Read apart from [`super::raw::RawConfig`], which keeps reading every value by
/// its type; a document that is not a mapping has none (its error comes from there).
fn section_keys(text: &str) -> Vec<(&'static str, &'static [&'static str], String)> {
    #[derive(serde::Deserialize)]
    struct Sections {
        beian: Option<BTreeMap<String, IgnoredAny>>,
        disclosure: Option<BTreeMap<String, IgnoredAny>>,
    }
    let Ok(sections) = crate::yaml::from_str::<Sections>(text) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for (section, known, keys) in [
        ("beian", BEIAN_KEYS, sections.beian),
        ("disclosure", DISCLOSURE_KEYS, sections.disclosure),
    ] {
        for key in keys.into_iter().flat_map(BTreeMap::into_keys) {
            if !known.contains(&key.as_str()) {
                out.push((section, known, key));
            }
        }
    }
    out
}

/// A warning for every key of `beian:` and `disclosure:` that is not known,
/// at its line and column.
pub fn unknown_sub_keys(text: &str, lines: &KeyLines) -> Vec<Diagnostic> {
    section_keys(text)
        .into_iter()
        .map(|(section, known, key)| {
            let d = Diagnostic::warning(Message::UnknownSubSetting {
                section: section.to_string(),
                key: key.clone(),
            })
            .help(Message::KnownSettings {
                keys: List::of(known),
            });
            at_sub_key(d, text, lines, section, &key)
        })
        .collect()
}

/// `d` placed at `key:` inside the top-level `section:` of site.yaml, or at
/// the section when the key cannot be found.
pub fn at_sub_key(
    d: Diagnostic,
    text: &str,
    lines: &KeyLines,
    section: &str,
    key: &str,
) -> Diagnostic {
    let d = d.at(CONFIG_FILE);
    match lines
        .get(section)
        .and_then(|l| sub_key_position(text, l, key))
    {
        Some((line, col)) => d.line_col(line, col),
        None => d.line_maybe(lines.get(section)),
    }
}

/// The line (1-based) and column of `key:` inside the top-level `section:`
/// starting on `section_line`: an indented line of its block, or the section's
/// own line when it is written `{key: value}` style.
pub fn sub_key_position(text: &str, section_line: usize, key: &str) -> Option<(usize, usize)> {
    let needle = format!("{key}:");
    let mut lines = text.lines().enumerate().skip(section_line.checked_sub(1)?);
    let (index, first) = lines.next()?;
    if let Some(col) = first.find(&needle) {
        return Some((index + 1, first[..col].chars().count() + 1));
    }
    for (index, line) in lines {
        if !line.starts_with([' ', '\t']) && !line.trim().is_empty() {
            break;
        }
        let trimmed = line.trim_start();
        if trimmed.starts_with(&needle) {
            let col = line.len() - trimmed.len();
            return Some((index + 1, col + 1));
        }
    }
    None
}

/// Whether `base_url` names a host the public reaches: not localhost, a
/// reserved name (`.example`, `.test`, `example.org`…), a one-label intranet
/// name, or a loopback, private or link-local address.
pub fn is_public_url(base_url: &str) -> bool {
    let Some(after) = base_url.split_once("://").map(|(_, rest)| rest) else {
        return false;
    };
    let authority = after.split(['/', '?', '#']).next().unwrap_or("");
    let host = authority.rsplit('@').next().unwrap_or("");
    let host = if let Some(v6) = host.strip_prefix('[') {
        v6.split(']').next().unwrap_or("")
    } else {
        host.split(':').next().unwrap_or("")
    };
    let host = host.trim_end_matches('.').to_ascii_lowercase();
    if let Ok(ip) = host.parse::<std::net::IpAddr>() {
        return match ip {
            std::net::IpAddr::V4(v4) => {
                let [a, b, ..] = v4.octets();
                !(v4.is_loopback()
                    || v4.is_private()
                    || v4.is_link_local()
                    || v4.is_unspecified()
                    || (a == 100 && (64..128).contains(&b)))
            }
            std::net::IpAddr::V6(v6) => {
                let first = v6.segments()[0];
                !(v6.is_loopback()
                    || v6.is_unspecified()
                    || (first & 0xfe00) == 0xfc00
                    || (first & 0xffc0) == 0xfe80)
            }
        };
    }
    if !host.contains('.') {
        return false;
    }
    const RESERVED_TLDS: &[&str] = &[
        "example",
        "test",
        "invalid",
        "localhost",
        "local",
        "internal",
        "lan",
        "home.arpa",
    ];
    const RESERVED_DOMAINS: &[&str] = &["example.com", "example.net", "example.org"];
    let under = |name: &str| host == name || host.ends_with(&format!(".{name}"));
    !(RESERVED_TLDS.iter().any(|t| under(t)) || RESERVED_DOMAINS.iter().any(|d| under(d)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn index_format_fills_every_placeholder() {
        let f = IndexFormat::parse("{org_code}-{year}-{seq:05}").unwrap();
        assert_eq!(f.render("MA01", "工会", 2026, 31), "MA01-2026-00031");
        let f = IndexFormat::parse("{prefix}/{year}/{seq}").unwrap();
        assert_eq!(f.render("", "江重工", 2026, 7), "江重工/2026/7");
        assert!(!f.uses_org_code());
    }

    #[test]
    fn index_format_mistakes_are_named() {
        let message =
            |f: &str| std::sync::Arc::unwrap_or_clone(IndexFormat::parse(f).unwrap_err().message);
        assert!(matches!(
            message("{org}-{seq}"),
            Message::IndexFormatUnknownField { field, .. } if field == "org"
        ));
        for braces in ["{seq", "seq}", "{year-{seq}", "{{seq}}"] {
            assert!(
                matches!(message(braces), Message::IndexFormatBraces { .. }),
                "{braces}"
            );
        }
        for width in ["{seq:5}", "{seq:0}", "{seq:012}", "{seq:0x}"] {
            assert!(
                matches!(message(width), Message::IndexFormatWidth { .. }),
                "{width}"
            );
        }
        assert!(matches!(
            message("{org_code}-{year}"),
            Message::IndexFormatNoSeq { .. }
        ));
    }

    #[test]
    fn police_record_code_is_its_digits() {
        let mut problems = Vec::new();
        let beian = resolve_beian(
            RawBeian {
                icp: Some("鄂ICP备12345678号-1".into()),
                police: Some("鄂公网安备 42010002000001号".into()),
                site_code: Some("4201000001".into()),
            },
            &mut |key, d| problems.push((key.to_string(), d)),
        );
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(beian.police.unwrap().record_code, "42010002000001");

        let beian = resolve_beian(
            RawBeian {
                icp: Some("12345678".into()),
                police: Some("公安备案".into()),
                site_code: Some("12".into()),
            },
            &mut |key, d| problems.push((key.to_string(), d)),
        );
        let keys: Vec<_> = problems
            .iter()
            .map(|(k, d)| (k.as_str(), d.is_error()))
            .collect();
        assert_eq!(
            keys,
            [("icp", false), ("police", true), ("site_code", false)]
        );
        assert!(beian.police.is_none());
    }

    #[test]
    fn public_addresses_are_told_from_test_and_private_ones() {
        for public in [
            "https://gonghui.jczj.com.cn/",
            "http://8.8.8.8/",
            "https://[2001:db9::1]/",
            "https://user@union.cn:8443/sub/",
        ] {
            assert!(is_public_url(public), "{public}");
        }
        for private in [
            "http://localhost/",
            "http://localhost:1313/",
            "https://gonghui.example.org/",
            "https://site.example/",
            "https://a.test/",
            "http://intranet/",
            "http://10.1.2.3/",
            "http://192.168.1.10:8080/",
            "http://172.20.0.1/",
            "http://127.0.0.1/",
            "http://[::1]/",
            "http://[fd00::1]/",
            "http://100.64.0.1/",
        ] {
            assert!(!is_public_url(private), "{private}");
        }
    }

    #[test]
    fn sub_keys_are_found_in_block_and_flow_style() {
        let text = "title: t\ndisclosure:\n  categories: [a]\n  index_format: x\nbeian: {icp: 1}\n";
        assert_eq!(sub_key_position(text, 2, "index_format"), Some((4, 3)));
        assert_eq!(sub_key_position(text, 5, "icp"), Some((5, 9)));
        assert_eq!(sub_key_position(text, 2, "icp"), None);
    }
}
