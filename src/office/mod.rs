//! Office documents in: Word (.docx) documents read into a model and turned
//! into a page's Markdown and front matter, and Excel (.xlsx) or CSV sheets
//! read into a grid for an HTML table. Pure functions of bytes: which file,
//! where a page goes and what is written belong to `crate::import` and to
//! the render stage's `table` shortcode.
//!
//! Everything read here may be hostile: the zip is opened by [`package`]
//! (names checked, sizes and ratios capped, inflated as a stream) and XML by
//! [`xml`] (depth and size capped, an unfinished part an error).

pub mod docx;
pub mod package;
pub mod sheet;
pub mod xml;
