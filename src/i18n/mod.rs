//! The site's language and what depends on nothing but it: the theme's words
//! ([`words`]) and dates written the local way (`2026年11月23日`, `23 Nov 2026`).
//! A leaf: config, the message catalogue and render all read it.

mod words;

use jiff::civil;

pub use words::{site_strings, strings};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Language {
    #[default]
    ZhCn,
    En,
}

impl Language {
    pub fn code(self) -> &'static str {
        match self {
            Language::ZhCn => "zh-CN",
            Language::En => "en",
        }
    }

    pub fn parse(text: &str) -> Option<Language> {
        match text.to_ascii_lowercase().as_str() {
            "zh-cn" | "zh" | "zh-hans" | "zh_cn" => Some(Language::ZhCn),
            "en" | "en-us" | "en-gb" => Some(Language::En),
            _ => None,
        }
    }
}

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

pub fn format_date(date: civil::Date, language: Language) -> String {
    match language {
        Language::ZhCn => format!("{}年{}月{}日", date.year(), date.month(), date.day()),
        Language::En => {
            let month = MONTHS
                .get((date.month() as usize).saturating_sub(1))
                .copied()
                .unwrap_or("");
            format!("{} {} {}", date.day(), month, date.year())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_read_locally() {
        let d = civil::date(2026, 11, 3);
        assert_eq!(format_date(d, Language::ZhCn), "2026年11月3日");
        assert_eq!(format_date(d, Language::En), "3 Nov 2026");
    }
}
