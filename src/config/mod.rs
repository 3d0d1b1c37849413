//! Site configuration: `site.yaml` read ([`raw`]) and resolved into [`Config`], with
//! every default of the spec filled in and every value checked. Unknown keys are
//! warnings that name the key; wrong types are errors with line and column.

pub mod public;
pub mod raw;

use jiff::tz::TimeZone;

use crate::diag::{Diagnostic, KeyLines, Report};
use crate::i18n::Language;
use crate::layout::CONFIG_FILE;
use crate::message::{List, Message};
use crate::slug::SlugStyle;
use crate::yaml;
use raw::{KNOWN_KEYS, RawConfig};

#[derive(Debug, Clone)]
pub struct MenuItem {
    pub name: String,
    pub url: String,
}

#[derive(Debug, Clone)]
pub struct ReadingSpeed {
    pub cjk_chars_per_minute: u32,
    pub words_per_minute: u32,
}

#[derive(Debug, Clone, Default)]
pub struct DisclosureConfig {
    pub categories: Vec<String>,
    pub number_format: Option<String>,
    /// How a notice's 索引号 is written; none: the index table shows no 索引号.
    pub index_format: Option<public::IndexFormat>,
    /// The organization code `{org_code}` stands for.
    pub org_code: Option<String>,
}

/// The resolved configuration: what `site.yaml` means, with defaults applied.
#[derive(Debug, Clone)]
pub struct Config {
    pub title: String,
    /// Always ends with `/`.
    pub base_url: String,
    pub language: Language,
    pub timezone: TimeZone,
    pub timezone_name: String,
    pub theme: String,
    pub organization: Option<String>,
    pub paginate: usize,
    pub taxonomies: Vec<String>,
    pub slugs: SlugStyle,
    pub reading_speed: ReadingSpeed,
    pub relative_urls: bool,
    pub search: bool,
    pub feeds: bool,
    /// Feed entries carry the whole article (`full`) or only its summary.
    pub feed_full_content: bool,
    /// Entries per feed, newest first.
    pub feed_limit: usize,
    pub cache_dir: String,
    /// Sizes and limits of processed pictures.
    pub images: ImageSettings,
    pub menu: Vec<MenuItem>,
    pub disclosure: DisclosureConfig,
    /// The site's own words for the theme (`i18n: {search: 查找}`), over the
    /// built-in zh-CN / en strings.
    pub i18n: std::collections::BTreeMap<String, String>,
    /// 备案 numbers shown in the footer.
    pub beian: public::Beian,
    /// `review: required`: a page needs `reviewed: {by, at}` to be published.
    pub review_required: bool,
}

impl Config {
    /// The path part of `base_url` (`/` or `/sub/`), prefixed to every site URL.
    pub fn base_path(&self) -> &str {
        match self.base_url.find("://") {
            Some(scheme_end) => {
                let after = &self.base_url[scheme_end + 3..];
                match after.find('/') {
                    Some(slash) => &after[slash..],
                    None => "/",
                }
            }
            None => "/",
        }
    }

    /// `base_url` without its trailing slash, to join with root-relative paths.
    pub fn origin_and_path(&self) -> &str {
        self.base_url.trim_end_matches('/')
    }
}

pub fn default_config(title: &str) -> Config {
    Config {
        title: title.to_string(),
        base_url: "http://localhost/".to_string(),
        language: Language::ZhCn,
        timezone: TimeZone::get("Asia/Shanghai").unwrap_or(TimeZone::UTC),
        timezone_name: "Asia/Shanghai".to_string(),
        theme: "default".to_string(),
        organization: None,
        paginate: 10,
        taxonomies: vec!["tags".to_string()],
        slugs: SlugStyle::Pinyin,
        reading_speed: ReadingSpeed {
            cjk_chars_per_minute: 300,
            words_per_minute: 200,
        },
        relative_urls: false,
        search: true,
        feeds: true,
        feed_full_content: true,
        feed_limit: 20,
        cache_dir: ".noticeboard/cache".to_string(),
        images: ImageSettings::default(),
        menu: Vec::new(),
        disclosure: DisclosureConfig::default(),
        i18n: std::collections::BTreeMap::new(),
        beian: public::Beian::default(),
        review_required: false,
    }
}

/// Image settings from `site.yaml` (`images:`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImageSettings {
    pub thumb_width: u32,
    pub large_width: u32,
    /// JPEG quality, 1–100.
    pub quality: u8,
    /// Largest accepted picture, in pixels (width × height).
    pub max_pixels: u64,
}

impl Default for ImageSettings {
    fn default() -> Self {
        ImageSettings {
            thumb_width: 480,
            large_width: 1600,
            quality: 80,
            max_pixels: 100_000_000,
        }
    }
}

/// The `language:` of the site at `root`, for printing its messages: read
/// leniently (a broken site.yaml still gets messages in its language); the
/// default, zh-CN, when it cannot be found.
pub fn language_of(root: &std::path::Path) -> Language {
    match std::fs::read_to_string(root.join(CONFIG_FILE)) {
        Ok(text) => language_in(&text),
        Err(_) => Language::default(),
    }
}

/// The `language:` of `site.yaml` text, read the same lenient way.
pub fn language_in(text: &str) -> Language {
    // Notepad and WPS may start the file with a byte-order mark.
    text.trim_start_matches('\u{feff}')
        .lines()
        .filter_map(|line| line.strip_prefix("language:"))
        .filter_map(|value| Language::parse(value.trim().trim_matches(['"', '\''])))
        .next()
        .unwrap_or_default()
}

/// What `check` adds about a site meant for the public: a public `base_url`
/// with no ICP number (the law wants it at the foot of the home page). Build
/// stays quiet about it: a test site has no number to show.
pub fn public_site_warnings(root: &std::path::Path) -> Vec<Diagnostic> {
    let Ok(text) = std::fs::read_to_string(root.join(CONFIG_FILE)) else {
        return Vec::new();
    };
    let Some(config) = resolve(&text, &mut Report::new()) else {
        return Vec::new();
    };
    if config.beian.icp.is_some() || !public::is_public_url(&config.base_url) {
        return Vec::new();
    }
    let line = KeyLines::of(&text)
        .get("beian")
        .or_else(|| KeyLines::of(&text).get("base_url"));
    vec![
        Diagnostic::warning(Message::PublicSiteNoIcp {
            url: config.base_url,
        })
        .at(CONFIG_FILE)
        .line_maybe(line)
        .help(Message::PublicSiteNoIcpHelp {
            example: public::ICP_EXAMPLE.to_string(),
        }),
    ]
}

/// Reads `site.yaml` text into a [`Config`]. Problems go into `report`; `None`
/// means the file could not be used at all.
pub fn resolve(text: &str, report: &mut Report) -> Option<Config> {
    let file = CONFIG_FILE;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        report.push(
            Diagnostic::error(Message::ConfigEmpty {})
                .at(file)
                .help(Message::ConfigEmptyHelp {}),
        );
        return None;
    }

    let lines = KeyLines::of(text);
    match yaml::top_level_keys(text) {
        Ok(keys) => {
            for key in keys {
                if !KNOWN_KEYS.contains(&key.as_str()) {
                    let line = lines.get(&key);
                    report.push(
                        Diagnostic::warning(Message::UnknownSetting { key })
                            .at(file)
                            .line_maybe(line)
                            .help(Message::KnownSettings {
                                keys: List::of(KNOWN_KEYS),
                            }),
                    );
                }
            }
        }
        Err(e) => {
            report.push(e.into_diagnostic(file, 0));
            return None;
        }
    }

    let raw: RawConfig = match yaml::from_str(text) {
        Ok(raw) => raw,
        Err(e) => {
            report.push(e.into_diagnostic(file, 0));
            return None;
        }
    };
    report.extend(public::unknown_sub_keys(text, &lines));
    resolve_raw(raw, text, &lines, report)
}

fn resolve_raw(
    raw: RawConfig,
    text: &str,
    lines: &KeyLines,
    report: &mut Report,
) -> Option<Config> {
    let file = CONFIG_FILE;
    let at_key = |key: &str, d: Diagnostic| d.at(file).line_maybe(lines.get(key));
    let errors_before = report.error_count();

    let RawConfig {
        title,
        base_url,
        language,
        timezone,
        theme,
        organization,
        paginate,
        taxonomies,
        slugs,
        reading_speed,
        relative_urls,
        search,
        feeds,
        feed_content,
        feed_limit,
        cache_dir,
        images,
        menu,
        disclosure,
        i18n,
        beian,
        review,
    } = raw;
    let at_sub_key =
        |section: &str, key: &str, d: Diagnostic| public::at_sub_key(d, text, lines, section, key);

    let title = match title.filter(|t| !t.trim().is_empty()) {
        Some(t) => t,
        None => {
            report.push(
                Diagnostic::error(Message::ConfigNoTitle {})
                    .at(file)
                    .help(Message::ConfigNoTitleHelp {}),
            );
            String::new()
        }
    };
    let mut config = default_config(&title);

    match base_url {
        Some(url) => match normalize_base_url(&url) {
            Some(url) => config.base_url = url,
            None => report.push(at_key(
                "base_url",
                Diagnostic::error(Message::BaseUrlNotAbsolute { url })
                    .help(Message::BaseUrlHelp {}),
            )),
        },
        None => report.push(
            Diagnostic::warning(Message::NoBaseUrl {})
                .at(file)
                .help(Message::NoBaseUrlHelp {}),
        ),
    }

    if let Some(lang) = language {
        match Language::parse(&lang) {
            Some(l) => config.language = l,
            None => report.push(at_key(
                "language",
                Diagnostic::error(Message::UnsupportedLanguage { language: lang })
                    .help(Message::LanguageHelp {}),
            )),
        }
    }

    if let Some(tz) = timezone {
        match TimeZone::get(&tz) {
            Ok(zone) => {
                config.timezone = zone;
                config.timezone_name = tz;
            }
            Err(_) => report.push(at_key(
                "timezone",
                Diagnostic::error(Message::UnknownTimeZone { zone: tz })
                    .help(Message::TimeZoneHelp {}),
            )),
        }
    }

    if let Some(theme) = theme {
        if is_plain_name(&theme) {
            config.theme = theme;
        } else {
            report.push(at_key(
                "theme",
                Diagnostic::error(Message::ThemeNotFolderName { theme })
                    .help(Message::ThemeHelp {}),
            ));
        }
    }

    config.organization = organization.filter(|o| !o.trim().is_empty());

    match review.as_deref().map(str::trim) {
        None | Some("off") => {}
        Some("required") => config.review_required = true,
        Some(other) => report.push(at_key(
            "review",
            Diagnostic::error(Message::ReviewValue {
                value: other.to_string(),
            }),
        )),
    }

    if let Some(n) = paginate {
        if n == 0 {
            report.push(at_key(
                "paginate",
                Diagnostic::error(Message::PaginateZero {}),
            ));
        } else {
            config.paginate = n as usize;
        }
    }

    if let Some(list) = taxonomies {
        let mut names = Vec::new();
        for name in list {
            if is_plain_name(&name) {
                if !names.contains(&name) {
                    names.push(name);
                }
            } else {
                report.push(at_key(
                    "taxonomies",
                    Diagnostic::error(Message::TaxonomyNotPlain { name })
                        .help(Message::TaxonomyHelp {}),
                ));
            }
        }
        config.taxonomies = names;
    }

    if let Some(style) = slugs {
        match style.as_str() {
            "pinyin" => config.slugs = SlugStyle::Pinyin,
            "unicode" => config.slugs = SlugStyle::Unicode,
            other => report.push(at_key(
                "slugs",
                Diagnostic::error(Message::UnknownSlugs {
                    value: other.to_string(),
                })
                .help(Message::SlugsHelp {}),
            )),
        }
    }

    if let Some(speed) = reading_speed {
        if let Some(c) = speed.cjk_chars_per_minute {
            config.reading_speed.cjk_chars_per_minute = c.max(1);
        }
        if let Some(w) = speed.words_per_minute {
            config.reading_speed.words_per_minute = w.max(1);
        }
    }

    config.relative_urls = relative_urls.unwrap_or(false);
    config.search = search.unwrap_or(true);
    config.feeds = feeds.unwrap_or(true);
    match feed_content.as_deref() {
        None | Some("full") => {}
        Some("summary") => config.feed_full_content = false,
        Some(other) => report.push(at_key(
            "feed_content",
            Diagnostic::error(Message::UnknownFeedContent {
                value: other.to_string(),
            })
            .help(Message::FeedContentHelp {}),
        )),
    }
    if let Some(limit) = feed_limit {
        config.feed_limit = limit.max(1) as usize;
    }

    if let Some(dir) = cache_dir {
        let parts: Vec<&str> = dir
            .split(['/', '\\'])
            .filter(|p| !p.is_empty() && *p != ".")
            .collect();
        let outside = dir.trim().is_empty()
            || dir.starts_with(['/', '\\'])
            || parts.iter().any(|part| *part == ".." || part.contains(':'));
        // The cache clean-up deletes what the build did not use: never among
        // the sources, the theme or the repository.
        let protected = parts.first().copied().filter(|first| {
            ["content", "static", "templates", "themes", ".git", "public"]
                .iter()
                .any(|p| p.eq_ignore_ascii_case(first))
        });
        if outside {
            report.push(at_key(
                "cache_dir",
                Diagnostic::error(Message::CacheDirOutside { dir }),
            ));
        } else if let Some(folder) = protected {
            report.push(at_key(
                "cache_dir",
                Diagnostic::error(Message::CacheInsideProtected {
                    folder: folder.to_string(),
                    dir,
                }),
            ));
        } else if parts.is_empty() {
            report.push(at_key(
                "cache_dir",
                Diagnostic::error(Message::CacheDirOutside { dir }),
            ));
        } else {
            config.cache_dir = dir;
        }
    }

    if let Some(images) = images {
        resolve_images(images, &mut config.images, &mut |d| {
            report.push(at_key("images", d))
        });
    }

    if let Some(items) = menu {
        config.menu = items
            .into_iter()
            .map(|item| MenuItem {
                name: item.name,
                url: item.url,
            })
            .collect();
    }

    if let Some(words) = i18n {
        let known = crate::i18n::strings(config.language);
        for (key, value) in words {
            if known.contains_key(key.as_str()) {
                config.i18n.insert(key, value);
            } else {
                report.push(at_key(
                    "i18n",
                    Diagnostic::warning(Message::UnknownWord { key }).help(Message::KnownWords {
                        keys: List::of(known.keys()),
                    }),
                ));
            }
        }
    }

    if let Some(d) = disclosure {
        let org_code = d.org_code.filter(|c| !c.trim().is_empty());
        let index_format = d
            .index_format
            .and_then(|f| match public::IndexFormat::parse(&f) {
                Ok(format) if format.uses_org_code() && org_code.is_none() => {
                    report.push(at_sub_key(
                        "disclosure",
                        "index_format",
                        Diagnostic::error(Message::IndexFormatNoOrgCode {})
                            .help(Message::OrgCodeHelp {}),
                    ));
                    None
                }
                Ok(format) => Some(format),
                Err(d) => {
                    report.push(at_sub_key("disclosure", "index_format", d));
                    None
                }
            });
        config.disclosure = DisclosureConfig {
            categories: d.categories.unwrap_or_default(),
            number_format: d.number_format,
            index_format,
            org_code,
        };
    }

    if let Some(raw) = beian {
        config.beian =
            public::resolve_beian(raw, &mut |key, d| report.push(at_sub_key("beian", key, d)));
    }

    (report.error_count() == errors_before).then_some(config)
}

fn resolve_images(
    raw: raw::RawImages,
    settings: &mut ImageSettings,
    complain: &mut dyn FnMut(Diagnostic),
) {
    for (key, value, target) in [
        ("thumb_width", raw.thumb_width, &mut settings.thumb_width),
        ("large_width", raw.large_width, &mut settings.large_width),
    ] {
        match value {
            Some(w) if (16..=8192).contains(&w) => *target = w,
            Some(w) => complain(
                Diagnostic::error(Message::ImageWidthRange {
                    key: key.to_string(),
                    width: u64::from(w),
                })
                .help(Message::ImageWidthHelp {}),
            ),
            None => {}
        }
    }
    match raw.quality {
        Some(q) if (1..=100).contains(&q) => settings.quality = q,
        Some(q) => complain(Diagnostic::error(Message::ImageQualityRange {
            quality: u64::from(q),
        })),
        None => {}
    }
    match raw.max_megapixels {
        Some(mp) if mp > 0.0 && mp <= 1000.0 => settings.max_pixels = (mp * 1e6) as u64,
        Some(mp) => complain(Diagnostic::error(Message::MegapixelsRange {
            megapixels: mp.to_string(),
        })),
        None => {}
    }
}

/// Lowercase ASCII letters, digits, `-` and `_`: safe as a folder and URL segment.
fn is_plain_name(name: &str) -> bool {
    !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
}

/// `https://x.org/sub` → `https://x.org/sub/`; `None` unless it is absolute http(s).
pub fn normalize_base_url(url: &str) -> Option<String> {
    let url = url.trim();
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))?;
    if rest.is_empty() || rest.starts_with('/') || rest.contains(char::is_whitespace) {
        return None;
    }
    let mut url = url.to_string();
    if !url.ends_with('/') {
        url.push('/');
    }
    Some(url)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn resolve_text(text: &str) -> (Option<Config>, Report) {
        let mut report = Report::new();
        let config = resolve(text, &mut report);
        (config, report)
    }

    #[test]
    fn defaults_fill_every_key() {
        let (config, report) = resolve_text("title: 测试\nbase_url: https://a.org/sub\n");
        let config = config.unwrap();
        assert!(!report.has_errors());
        assert_eq!(config.base_url, "https://a.org/sub/");
        assert_eq!(config.base_path(), "/sub/");
        assert_eq!(config.paginate, 10);
        assert_eq!(config.taxonomies, vec!["tags"]);
        assert_eq!(config.language, Language::ZhCn);
        assert_eq!(config.reading_speed.cjk_chars_per_minute, 300);
        assert_eq!(config.cache_dir, ".noticeboard/cache");
    }

    #[test]
    fn unknown_key_is_a_warning_with_line() {
        let (config, report) = resolve_text("title: t\nbase_url: https://a.org/\ncolour: red\n");
        assert!(config.is_some());
        let d = report
            .iter()
            .find(|d| {
                *d.message
                    == Message::UnknownSetting {
                        key: "colour".into(),
                    }
            })
            .unwrap();
        assert!(!d.is_error());
        assert_eq!(d.line, Some(3));
    }

    #[test]
    fn wrong_type_is_an_error_with_line_and_column() {
        let (config, report) = resolve_text("title: t\npaginate: many\n");
        assert!(config.is_none());
        let d = report.iter().find(|d| d.is_error()).unwrap();
        assert_eq!(d.line, Some(2));
        assert!(d.col.is_some());
    }
}
