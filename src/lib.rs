//! noticeboard: a static-site generator for trade-union publicity and disclosure.
//!
//! The build is a pipeline; each stage is a module with its own types:
//!
//! ```text
//! load     site root      -> Sources      (files, decoded text; nothing outside the root)
//! parse    Sources        -> ParsedSite   (front matter checked, Markdown rendered once)
//! model    ParsedSite     -> Site         (sections, URLs, slugs, listings, taxonomies)
//! images   Site + files   -> ImageSet     (thumbnails, large sizes, originals stripped; cached)
//! render   Site + theme   -> OutputFile…  (shortcodes expanded, minijinja, typed views, in parallel)
//! wechat   Site + one page -> Fragment    (`wechat`, serve's 复制到公众号: inline styles, notes)
//! emit     Site           -> OutputFile…  (feeds, sitemap, search index, redirects, the ledger)
//! links    Site + output  -> diagnostics  (every internal link and #anchor against what was made)
//! output   OutputFile…    -> public/      (atomic swap)
//!          or             -> a .zip/.tar.gz snapshot with a manifest (`archive`)
//! ```
//!
//! `build::build` drives them. Problems are collected as `diag::Diagnostic`s
//! in a `diag::Report`; the library never prints. Modules only use modules
//! below them in the layer table of `layers.rs` (leaf helpers such as `i18n`,
//! `layout` and `digest` at the bottom, then config and the stages in order,
//! then the drivers), and a unit test there holds them to it. Only what
//! `main.rs` and the fuzzers use is public.

pub(crate) mod archive;
pub(crate) mod build;
pub mod cli;
pub(crate) mod clock;
pub mod cmd;
pub(crate) mod config;
pub(crate) mod desk;
pub(crate) mod diag;
pub(crate) mod digest;
pub(crate) mod disclosure;
pub(crate) mod durable;
pub(crate) mod emit;
pub(crate) mod escape;
pub(crate) mod file_label;
pub(crate) mod frontmatter;
#[doc(hidden)]
pub mod fuzzing;
pub(crate) mod i18n;
pub(crate) mod images;
pub(crate) mod import;
#[cfg(test)]
mod layers;
pub(crate) mod layout;
pub(crate) mod links;
pub(crate) mod load;
pub(crate) mod markdown;
pub(crate) mod message;
pub(crate) mod model;
pub(crate) mod office;
pub(crate) mod output;
pub(crate) mod parse;
pub(crate) mod picture;
pub(crate) mod rebuild;
pub(crate) mod render;
pub(crate) mod search_terms;
pub(crate) mod serve;
pub(crate) mod shown_path;
pub(crate) mod slug;
pub(crate) mod text;
pub(crate) mod theme;
pub(crate) mod wechat;
pub(crate) mod yaml;
