//! Render: site model + templates → HTML files, in parallel.
//!
//! Templates come from three layers (built-in theme, `themes/NAME/templates/`,
//! the site's `templates/`), are all compiled up front so a syntax error is
//! reported once with its file and line ([`engine`]), and see typed views
//! ([`views`]). This stage returns bytes; writing them is the output stage's job.
//!
//! 1. [`media::expand_shortcodes`] fills shortcode markers in, beside the model
//!    ([`Expanded`]).
//! 2. [`jobs::plan`] lists one job per output file.
//! 3. Each job is prepared — its template and the values it sees, read through
//!    [`reads::SiteReads`], which notes what it read — and rendered.

mod cards;
mod engine;
mod home;
mod jobs;
mod kinds;
mod listings;
pub(crate) mod media;
mod page;
mod reads;
mod shared;
pub(crate) mod status;
mod table;
pub(crate) mod urls;
pub(crate) mod views;

pub(crate) use engine::{Renderer, TemplateSources};
pub(crate) use jobs::{Job, plan, run_jobs};
pub(crate) use reads::{Expanded, ExpandedBody, Read};
pub(crate) use shared::{RenderInput, Shared};
pub(crate) use status::status_view;

/// Where a build that writes as it renders sends each file it renders,
/// instead of keeping it (`build` puts it in the new output folder).
pub(crate) trait FileSink: Sync {
    /// Takes one rendered file of `site`.
    fn put(
        &self,
        site: &crate::model::Site,
        file: OutputFile,
    ) -> Result<(), crate::diag::Diagnostic>;

    /// Keeps the file the current output has at `path`, as the last build
    /// wrote it; `false` when it cannot (the file is gone or was changed),
    /// and the job must be rendered.
    fn keep(&self, _path: &str) -> bool {
        false
    }
}

/// One file of output, path relative to the output folder (`/`-separated).
#[derive(Debug, Clone)]
pub(crate) struct OutputFile {
    pub path: String,
    pub bytes: Vec<u8>,
}
