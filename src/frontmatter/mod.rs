//! Front matter: the YAML block between `---` lines at the top of a Markdown
//! file, split off by hand (so YAML error lines can be shifted to file lines) and
//! read into [`FrontMatter`], one typed struct for every kind. Which fields a kind
//! accepts and requires is in [`kind`]; checking them is the parse stage's job.

pub mod kind;
mod once;
pub mod schema;

use std::collections::BTreeMap;
use std::fmt;

use serde::de::{Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Serialize};

use crate::yaml::{self, YamlError};

pub use once::read_once;

/// A Markdown file cut in two.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Split<'a> {
    /// The YAML text, without the `---` lines.
    pub yaml: &'a str,
    /// Number of file lines before the YAML (1 for the opening `---`).
    pub yaml_line_offset: usize,
    pub body: &'a str,
    /// 1-based file line on which the body starts.
    pub body_line: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SplitError {
    /// The file does not start with `---`.
    Missing,
    /// `---` opens the block but no closing `---` follows.
    Unclosed,
}

/// Splits `text` (BOM removed, LF line endings) at its front matter fences.
pub fn split(text: &str) -> Result<Split<'_>, SplitError> {
    let first_line_end = text.find('\n').unwrap_or(text.len());
    if text[..first_line_end].trim_end() != "---" {
        return Err(SplitError::Missing);
    }
    let yaml_start = (first_line_end + 1).min(text.len());
    let mut offset = yaml_start;
    for (line, raw_line) in (2..).zip(text[yaml_start..].split_inclusive('\n')) {
        let content = raw_line.trim_end_matches(['\n', '\r']);
        if content.trim_end() == "---" || content.trim_end() == "..." {
            let body_start = offset + raw_line.len();
            return Ok(Split {
                yaml: &text[yaml_start..offset],
                yaml_line_offset: 1,
                body: &text[body_start.min(text.len())..],
                body_line: line + 1,
            });
        }
        offset += raw_line.len();
    }
    Err(SplitError::Unclosed)
}

/// The most entries a page may list in `tags` or another taxonomy. Each one
/// puts the page on a listing and in a feed of its own, and every feed entry
/// lists them all: a page with 20,000 tags made 11.5 GB of output. Real notices
/// have a handful; 100 leaves room for any honest use.
pub const MAX_TERMS_PER_PAGE: usize = 100;

/// A string or a list of strings, both accepted where a list is expected
/// (`tags: 安全生产` means one tag).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Default)]
pub struct StringList(pub Vec<String>);

impl<'de> Deserialize<'de> for StringList {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        // A visitor of its own, not an untagged enum: that one copies every
        // value into a buffer first, which every page's tags paid for.
        struct OneOrMany;

        impl<'de> Visitor<'de> for OneOrMany {
            type Value = StringList;

            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a text or a list of texts")
            }

            fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<StringList, E> {
                Ok(StringList(vec![text.to_string()]))
            }

            fn visit_string<E: serde::de::Error>(self, text: String) -> Result<StringList, E> {
                Ok(StringList(vec![text]))
            }

            // `tags: 2024`, as `tags: [2024]` reads.
            fn visit_u64<E: serde::de::Error>(self, number: u64) -> Result<StringList, E> {
                Ok(StringList(vec![number.to_string()]))
            }

            fn visit_i64<E: serde::de::Error>(self, number: i64) -> Result<StringList, E> {
                Ok(StringList(vec![number.to_string()]))
            }

            fn visit_seq<A: SeqAccess<'de>>(self, mut items: A) -> Result<StringList, A::Error> {
                let mut list = Vec::with_capacity(items.size_hint().unwrap_or(0).min(64));
                while let Some(item) = items.next_element::<String>()? {
                    list.push(item);
                }
                Ok(StringList(list))
            }
        }

        deserializer.deserialize_any(OneOrMany)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum HonorLevel {
    National,
    Provincial,
    City,
    Enterprise,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct Honor {
    pub title: String,
    pub level: HonorLevel,
    pub year: i32,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct Notice {
    pub from: String,
    pub days: u32,
    pub unit: Option<String>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct AttachmentSpec {
    pub file: String,
    pub title: Option<String>,
    /// A spreadsheet (.xlsx, .csv) shown as a table on the page, too.
    #[serde(default)]
    pub show: bool,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(untagged)]
pub enum Contact {
    Text(String),
    Details {
        department: Option<String>,
        phone: Option<String>,
        email: Option<String>,
        address: Option<String>,
    },
}

#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct Revision {
    pub date: String,
    pub note: String,
}

/// Who approved the page for publishing, and when (`review: required`).
#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct Reviewed {
    pub by: String,
    pub at: String,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct GalleryItem {
    pub src: String,
    pub caption: Option<String>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(untagged)]
pub enum Gallery {
    All(bool),
    Items(Vec<GalleryItem>),
}

/// Every field any kind may use, as written. Dates stay strings here and are
/// read by the parse stage, which knows the file and line to blame.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
pub struct FrontMatter {
    pub title: Option<String>,
    pub date: Option<String>,
    pub updated: Option<String>,
    pub draft: Option<bool>,
    pub slug: Option<String>,
    pub summary: Option<String>,
    pub tags: Option<StringList>,
    pub author: Option<String>,
    pub source: Option<String>,
    pub cover: Option<String>,
    pub gallery: Option<Gallery>,
    pub weight: Option<i64>,
    pub aliases: Option<StringList>,
    pub template: Option<String>,
    pub kind: Option<String>,
    /// Set by the desk's 审核通过 (`review: required`).
    pub reviewed: Option<Reviewed>,
    /// Set by the desk's 提交审核: who asks for the review, and when.
    pub submitted: Option<Reviewed>,
    /// Sections only: page size of this section's listing.
    pub paginate: Option<u32>,

    // model-worker and craftsman
    pub photo: Option<String>,
    pub unit: Option<String>,
    pub position: Option<String>,
    pub honors: Option<Vec<Honor>>,
    pub trade: Option<String>,
    pub grade: Option<String>,
    pub studio: Option<String>,
    pub achievements: Option<StringList>,

    // campaign
    pub start: Option<String>,
    pub end: Option<String>,
    pub slogan: Option<String>,
    pub strands: Option<StringList>,

    // disclosure
    pub number: Option<String>,
    pub category: Option<String>,
    pub notice: Option<Notice>,
    pub notice_until: Option<String>,
    pub period: Option<String>,
    pub issuer: Option<String>,
    pub attachments: Option<Vec<AttachmentSpec>>,
    pub contact: Option<Contact>,
    pub corrects: Option<String>,
    pub reason: Option<String>,
    pub revisions: Option<Vec<Revision>>,
}

/// The keys [`FrontMatter`] reads, as written.
const FIELDS: &[&str] = &[
    "title",
    "date",
    "updated",
    "draft",
    "slug",
    "summary",
    "tags",
    "author",
    "source",
    "cover",
    "gallery",
    "weight",
    "aliases",
    "template",
    "kind",
    "reviewed",
    "submitted",
    "paginate",
    "photo",
    "unit",
    "position",
    "honors",
    "trade",
    "grade",
    "studio",
    "achievements",
    "start",
    "end",
    "slogan",
    "strands",
    "number",
    "category",
    "notice",
    "notice_until",
    "period",
    "issuer",
    "attachments",
    "contact",
    "corrects",
    "reason",
    "revisions",
];

/// What one pass over the keys finds: their names in order, and the values of
/// the site's extra taxonomies (which have names no struct can know).
#[derive(Debug, Default)]
pub struct KeyScan {
    pub keys: Vec<String>,
    pub taxonomies: BTreeMap<String, Vec<String>>,
}

/// Lists the keys of the front matter and collects the values of `taxonomies`
/// (other than `tags`, which [`FrontMatter`] reads).
pub fn scan_keys(yaml_text: &str, taxonomies: &[String]) -> Result<KeyScan, YamlError> {
    if yaml_text.trim().is_empty() {
        return Ok(KeyScan::default());
    }
    let seed = ScanSeed { taxonomies };
    yaml::from_str_seed(yaml_text, seed).map(|scan| scan.unwrap_or_default())
}

pub struct ScanSeed<'t> {
    taxonomies: &'t [String],
}

impl<'de> serde::de::DeserializeSeed<'de> for ScanSeed<'_> {
    type Value = Option<KeyScan>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_option(self)
    }
}

impl<'de> Visitor<'de> for ScanSeed<'_> {
    type Value = Option<KeyScan>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("`key: value` lines (a YAML mapping)")
    }

    fn visit_none<E: serde::de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_unit<E: serde::de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_map(self)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut scan = KeyScan::default();
        while let Some(key) = map.next_key::<String>()? {
            if key != "tags" && self.taxonomies.contains(&key) {
                let values: Option<StringList> = map.next_value()?;
                scan.taxonomies
                    .insert(key.clone(), values.map(|v| v.0).unwrap_or_default());
            } else {
                map.next_value::<IgnoredAny>()?;
            }
            scan.keys.push(key);
        }
        Ok(Some(scan))
    }
}

pub fn parse_front_matter(yaml_text: &str) -> Result<FrontMatter, YamlError> {
    if yaml_text.trim().is_empty() {
        return Ok(FrontMatter::default());
    }
    let parsed: Option<FrontMatter> = yaml::from_str(yaml_text)?;
    Ok(parsed.unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_are_one_text_or_a_list_of_texts() {
        let tags = |yaml: &str| parse_front_matter(yaml).map(|f| f.tags.map(|t| t.0));
        assert_eq!(
            tags("tags: 安全生产\n").unwrap(),
            Some(vec!["安全生产".to_string()])
        );
        assert_eq!(
            tags("tags: [安全生产, 安康杯]\n").unwrap(),
            Some(vec!["安全生产".to_string(), "安康杯".to_string()])
        );
        assert_eq!(
            tags("tags:\n  - 一\n  - 二\n").unwrap().map(|t| t.len()),
            Some(2)
        );
        assert_eq!(
            tags("tags: 2024\n").unwrap(),
            Some(vec!["2024".to_string()])
        );
        assert_eq!(
            tags("tags: [2024]\n").unwrap(),
            Some(vec!["2024".to_string()])
        );
        assert_eq!(tags("tags: []\n").unwrap(), Some(vec![]));
        assert_eq!(tags("tags:\n").unwrap(), None);
        assert!(tags("tags: {a: 1}\n").is_err());
        assert!(tags("tags: [[a]]\n").is_err());
    }

    #[test]
    fn the_field_list_names_every_field() {
        let shown = serde_json::to_value(FrontMatter::default()).unwrap();
        let mut written: Vec<&str> = shown
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        let mut listed = FIELDS.to_vec();
        written.sort();
        listed.sort();
        assert_eq!(written, listed);
    }

    #[test]
    fn split_finds_yaml_and_body() {
        let s = split("---\ntitle: 通知\n---\n正文\n").unwrap();
        assert_eq!(s.yaml, "title: 通知\n");
        assert_eq!(s.body, "正文\n");
        assert_eq!(s.body_line, 4);
    }

    #[test]
    fn split_errors() {
        assert_eq!(split("title: x\n"), Err(SplitError::Missing));
        assert_eq!(split("---\ntitle: x\n"), Err(SplitError::Unclosed));
        assert!(split("---\n---\n").is_ok());
    }

    #[test]
    fn reads_by_target_type() {
        let fm = parse_front_matter("title: no\ndraft: no\ntags: 安全生产\n").unwrap();
        assert_eq!(fm.title.as_deref(), Some("no"));
        assert_eq!(fm.draft, Some(false));
        assert_eq!(fm.tags.unwrap().0, vec!["安全生产"]);
    }

    #[test]
    fn kind_fields_parse() {
        let fm = parse_front_matter(
            "title: 张师傅\nhonors:\n  - {title: 全国劳动模范, level: national, year: 2025}\ngallery: true\ncontact: 工会办公室\n",
        )
        .unwrap();
        assert_eq!(fm.honors.unwrap()[0].level, HonorLevel::National);
        assert!(matches!(fm.gallery, Some(Gallery::All(true))));
        assert!(matches!(fm.contact, Some(Contact::Text(_))));
    }

    #[test]
    fn bad_honor_level_has_position() {
        let e =
            parse_front_matter("title: x\nhonors:\n  - {title: a, level: galactic, year: 2025}\n")
                .unwrap_err();
        assert_eq!(e.line, Some(3));
    }

    #[test]
    fn scan_collects_extra_taxonomies() {
        let scan = scan_keys(
            "title: t\ncolumns: [职工之家]\nfoo: 1\n",
            &["tags".into(), "columns".into()],
        )
        .unwrap();
        assert_eq!(scan.keys, vec!["title", "columns", "foo"]);
        assert_eq!(scan.taxonomies["columns"], vec!["职工之家"]);
    }
}
