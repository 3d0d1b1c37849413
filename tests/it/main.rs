//! The integration tests, as one test binary: each module is a feature, run
//! against the real `noticeboard` binary (or, for `fuzz_corpus`, the library's
//! fuzzing entry points) on a fixture site from `tests/sites/<name>/`. One
//! binary because every extra one links the whole crate again (STYLE.md, 15).
//!
//! Run one feature with `cargo test --test it serve::`. The tests of every
//! module share one process and run on parallel threads: each works in its own
//! temporary folder and passes environment to the child processes it starts,
//! never to its own process.

mod harness;

mod aliases;
mod archive;
mod bad_inputs;
mod build_site;
mod cli;
mod containment;
mod desk;
mod desk_ui;
mod destructive;
mod errors;
mod feeds_sitemap;
mod fuzz_corpus;
mod hostile_media;
mod hostile_sizes;
mod images;
mod import;
mod import_hostile;
mod incremental;
#[cfg(unix)]
mod kill;
mod kinds;
mod ledger;
mod links;
mod platform_paths;
mod public_site;
mod script_urls;
mod search;
mod serve;
mod sheets;
mod start;
mod taxonomies;
mod theme;
mod verify_hostile;
mod wechat;
mod xml_text;
