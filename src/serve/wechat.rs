//! The preview's WeChat tools: every page `serve` shows gets a 复制到公众号
//! button and a 公众号预览 ([`SCRIPT`], added like the live-reload script and
//! never part of a built site), which fetch the page's fragment from
//! `/__noticeboard/wechat/<page path>` ([`answer`]), behind the same Host and
//! cross-origin guards as every other answer of the preview.
//!
//! The fragment to copy points at the published site (`base_url` of
//! site.yaml), where WeChat will fetch the pictures; the one to look at points
//! at the preview, which has them now. The dark preview is the fragment with
//! WeChat's dark-mode colours, computed here ([`crate::wechat::dark`]).

use std::sync::Arc;

use crate::i18n::Language;
use crate::images::ImageSet;
use crate::message::Message;
use crate::model::Site;
use crate::render::Expanded;
use crate::wechat::{ExportOptions, dark, export_page, lint};

pub const SCRIPT: &str = include_str!("wechat.js");

/// What the last good build gives the WeChat tools.
pub struct WechatSource {
    pub site: Arc<Site>,
    pub images: Arc<ImageSet>,
    pub expanded: Arc<Expanded>,
    /// The theme's stylesheet.
    pub css: String,
    /// `base_url` as site.yaml has it (serve renders for its own address).
    pub published_base: String,
}

/// The JSON for the page at `path` (`news/a/`, as in its URL), or `None` when
/// no page is published there (a listing, a search page).
pub fn answer(source: &WechatSource, path: &str) -> Option<String> {
    let path = crate::escape::percent_decode(path)?;
    let path = path.strip_suffix("index.html").unwrap_or(&path);
    let site = &source.site;
    let base = site.config.base_path().trim_start_matches('/');
    let path = path.strip_prefix(base).unwrap_or(path);
    let index = site.pages.iter().position(|p| p.path == path)?;
    let export = |base_url: &str| {
        let options = ExportOptions {
            base_url: base_url.to_string(),
            title: false,
            css: source.css.clone(),
        };
        export_page(site, &source.images, &source.expanded, index, &options)
    };
    let copy = export(&source.published_base);
    let preview = export(&site.config.base_url);
    let (dark_html, _) = dark::darken(&preview.html);
    let language = site.config.language;
    let problems: Vec<String> = (copy.problems.iter().cloned())
        .chain(lint::lint(&copy.html))
        .map(|m| format!("{} [{}]", m.render(language), m.code()))
        .collect();
    let labels = labels(language, problems.len());
    let json = serde_json::json!({
        "lang": language.code(),
        "copy": copy.html,
        "preview": preview.html,
        "dark": dark_html,
        "problems": problems,
        "labels": labels,
    });
    Some(json.to_string())
}

fn labels(language: Language, problems: usize) -> serde_json::Value {
    let r = |m: Message| m.render(language);
    serde_json::json!({
        "copy": r(Message::WechatCopyButton {}),
        "preview": r(Message::WechatPreviewButton {}),
        "copied": r(Message::WechatCopied {}),
        "failed": r(Message::WechatCopyFailed {}),
        "light": r(Message::WechatLightMode {}),
        "dark": r(Message::WechatDarkMode {}),
        "close": r(Message::WechatClose {}),
        "warnings": r(Message::WechatWarnings { count: problems }),
    })
}
