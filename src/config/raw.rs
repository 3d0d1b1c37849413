//! `site.yaml` exactly as written: every key optional, no defaults, no meaning.
//! [`super::resolve`] turns it into a [`super::Config`].

use serde::Deserialize;

#[derive(Debug, Default, Deserialize)]
pub struct RawConfig {
    pub title: Option<String>,
    pub base_url: Option<String>,
    pub language: Option<String>,
    pub timezone: Option<String>,
    pub theme: Option<String>,
    pub organization: Option<String>,
    pub paginate: Option<u32>,
    pub taxonomies: Option<Vec<String>>,
    pub slugs: Option<String>,
    pub reading_speed: Option<RawReadingSpeed>,
    pub relative_urls: Option<bool>,
    pub search: Option<bool>,
    pub feeds: Option<bool>,
    pub feed_content: Option<String>,
    pub feed_limit: Option<u32>,
    pub cache_dir: Option<String>,
    pub images: Option<RawImages>,
    pub menu: Option<Vec<RawMenuItem>>,
    pub disclosure: Option<RawDisclosure>,
    pub i18n: Option<std::collections::BTreeMap<String, String>>,
    pub beian: Option<super::public::RawBeian>,
    /// `off` (default) or `required`.
    pub review: Option<String>,
}

/// Every top-level key [`RawConfig`] understands; anything else is a warning.
pub const KNOWN_KEYS: &[&str] = &[
    "title",
    "base_url",
    "language",
    "timezone",
    "theme",
    "organization",
    "paginate",
    "taxonomies",
    "slugs",
    "reading_speed",
    "relative_urls",
    "search",
    "feeds",
    "feed_content",
    "feed_limit",
    "cache_dir",
    "images",
    "menu",
    "disclosure",
    "i18n",
    "beian",
    "review",
];

#[derive(Debug, Default, Deserialize)]
pub struct RawReadingSpeed {
    pub cjk_chars_per_minute: Option<u32>,
    pub words_per_minute: Option<u32>,
}

/// `images:` — sizes and limits of processed pictures.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawImages {
    pub thumb_width: Option<u32>,
    pub large_width: Option<u32>,
    pub quality: Option<u8>,
    pub max_megapixels: Option<f64>,
}

#[derive(Debug, Deserialize)]
pub struct RawMenuItem {
    pub name: String,
    pub url: String,
}

#[derive(Debug, Default, Deserialize)]
pub struct RawDisclosure {
    pub categories: Option<Vec<String>>,
    pub number_format: Option<String>,
    pub index_format: Option<String>,
    pub org_code: Option<String>,
}
