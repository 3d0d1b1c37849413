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
//! write    OutputFile…    -> public/      (atomic swap)
//!          or             -> a .zip/.tar.gz snapshot with a manifest (`archive`)
//! ```
//!
//! [`build::build`] drives them. Problems are collected as [`diag::Diagnostic`]s
//! in a [`diag::Report`]; the library never prints.

pub mod archive;
pub mod build;
pub mod cli;
pub mod clock;
pub mod cmd;
pub mod config;
pub mod diag;
pub mod digest;
pub mod disclosure;
pub mod durable;
pub mod emit;
pub mod escape;
pub mod file_label;
pub mod frontmatter;
#[doc(hidden)]
pub mod fuzzing;
pub mod i18n;
pub mod images;
#[cfg(test)]
mod layers;
pub mod layout;
pub mod load;
pub mod markdown;
pub mod messages;
pub mod model;
pub mod output;
pub mod parse;
pub mod render;
pub mod serve;
pub mod slug;
pub mod text;
pub mod theme;
pub mod yaml;
