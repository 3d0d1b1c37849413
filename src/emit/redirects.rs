//! Redirect pages for `aliases`: a moved article keeps its old links alive. Each
//! is a tiny HTML page with a meta refresh, a canonical link and a visible link
//! for browsers that do not follow the refresh.

use crate::escape::escape_html;
use crate::model::Site;
use crate::render::OutputFile;
use crate::render::urls::{permalink_for, url_for};

pub fn alias_pages(site: &Site) -> Vec<OutputFile> {
    let lang = site.config.language.code();
    let moved = match site.config.language {
        crate::i18n::Language::ZhCn => "本页已迁移至",
        crate::i18n::Language::En => "This page has moved to",
    };
    let mut files = Vec::new();
    for page in &site.pages {
        for alias in &page.aliases {
            let target = url_for(&site.config, &page.path);
            let canonical = permalink_for(&site.config, &page.path);
            let title = escape_html(&page.parsed.title);
            let html = format!(
                "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{title}</title>\n<link rel=\"canonical\" href=\"{canonical}\">\n<meta name=\"robots\" content=\"noindex\">\n<meta http-equiv=\"refresh\" content=\"0; url={target}\">\n</head>\n<body>\n<p>{moved} <a href=\"{target}\">{title}</a></p>\n</body>\n</html>\n",
                canonical = escape_html(&canonical),
                target = escape_html(&target),
            );
            files.push(OutputFile {
                path: alias.clone(),
                bytes: html.into_bytes(),
            });
        }
    }
    files
}
