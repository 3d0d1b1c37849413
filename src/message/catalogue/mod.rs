//! The catalogue: every message with its code and its zh-CN and English wording.
//!
//! Codes are a letter and four digits and never change meaning once released:
//! `E` a problem that is usually an error, `W` one that is usually a warning
//! (the [`Diagnostic`](crate::diag::Diagnostic) carries the real severity), `H`
//! a help line, `T` a line of a command's own output. The first two digits name
//! the area: 00 summaries, 01 site.yaml, 02 reading files, 03 front matter,
//! 04 addresses and pages, 05 disclosures, 06 images and attachments,
//! 07 templates and shortcodes, 08 the output folder, 09 archives,
//! 10 commands, 11 the live preview, 12 the writing desk, 13 the WeChat
//! export, 14 office documents in, 15 releases and the double-click start,
//! 16 what a Chinese public site shows, 17 builds that reuse the last one,
//! and their progress.
//!
//! Each area is a file of its own; each file's macro adds its messages to
//! those of the areas before it and hands them all to the next, and the
//! last area hands the whole list to [`declare_catalogue`](super::declare_catalogue).

use crate::i18n::Language;
use crate::message::List;

#[macro_use]
mod summary;
#[macro_use]
mod config;
#[macro_use]
mod reading;
#[macro_use]
mod front_matter;
#[macro_use]
mod pages;
#[macro_use]
mod disclosures;
#[macro_use]
mod media;
#[macro_use]
mod templates;
#[macro_use]
mod output;
#[macro_use]
mod archives;
#[macro_use]
mod commands;
#[macro_use]
mod preview;
#[macro_use]
mod desk;
#[macro_use]
mod wechat;
#[macro_use]
mod office;
#[macro_use]
mod release;
#[macro_use]
mod public;
#[macro_use]
mod reuse;

area_00! {}
