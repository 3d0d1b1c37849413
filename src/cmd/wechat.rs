//! `noticeboard wechat PAGE`: the site's stages as a build runs them, then
//! the one page as a fragment for the 公众号 editor, linted, on stdout or in
//! `--out`.

use std::path::{Path, PathBuf};

use crate::build::{BuildOptions, Mode, run_stages};
use crate::cli::WechatArgs;
use crate::diag::{Diagnostic, Report};
use crate::message::Message;
use crate::rebuild::State;
use crate::wechat::{ExportOptions, export_page, find_page, is_public_base_url, lint, stylesheet};

use super::{Outcome, source_date_epoch};

pub fn run(args: &WechatArgs) -> Outcome {
    let options = BuildOptions {
        root: args.root.clone(),
        now: args.clock.now.clone(),
        source_date_epoch: source_date_epoch(),
        ..BuildOptions::default()
    };
    let mut report = Report::new();
    let Some(staged) = run_stages(
        &options,
        Mode::Build,
        &mut State::once(),
        &mut Vec::new(),
        &mut report,
    ) else {
        return failed(report);
    };
    let page_file = site_relative(&args.root, &args.page);
    let Some(index) = find_page(&staged.site, &page_file) else {
        report.push(
            Diagnostic::error(Message::WechatNoSuchPage {
                file: args.page.display().to_string(),
            })
            .help(Message::WechatNoSuchPageHelp {}),
        );
        return failed(report);
    };
    let base_url = staged.config.base_url.clone();
    if !is_public_base_url(&base_url) {
        report.push(
            Diagnostic::warning(Message::WechatBaseUrlNotPublic {
                url: base_url.clone(),
            })
            .at(crate::layout::CONFIG_FILE)
            .help(Message::WechatBaseUrlHelp {}),
        );
    }
    let export = ExportOptions {
        base_url,
        title: args.title,
        css: stylesheet(&staged.sources),
    };
    let fragment = export_page(
        &staged.site,
        &staged.images,
        &staged.expanded,
        index,
        &export,
    );
    let problems = fragment
        .problems
        .iter()
        .cloned()
        .chain(lint::lint(&fragment.html));
    let mut count = 0;
    for problem in problems {
        count += 1;
        report.push(Diagnostic::warning(problem).at(&page_file));
    }
    let html = format!("{}\n", fragment.html);
    match &args.out {
        Some(out) => {
            if let Err(e) = std::fs::write(out, html.as_bytes()) {
                report.push(Diagnostic::error(Message::WechatCannotWrite {
                    file: out.display().to_string(),
                    detail: e.to_string(),
                }));
                return failed(report);
            }
            Outcome {
                lines: vec![Message::WechatWritten {
                    file: out.display().to_string(),
                    problems: count,
                }],
                report,
                success: true,
                ..Outcome::default()
            }
        }
        None => Outcome {
            report,
            success: true,
            stdout: Some(html),
            ..Outcome::default()
        },
    }
}

/// PAGE as the site names it (`content/news/a.md`): given from the site
/// folder, or from the current folder through `--root`, or absolute.
fn site_relative(root: &Path, page: &Path) -> PathBuf {
    if let Ok(rel) = page.strip_prefix(root)
        && root != Path::new(".")
    {
        return rel.to_path_buf();
    }
    if let (Ok(root), Ok(page)) = (root.canonicalize(), page.canonicalize())
        && let Ok(rel) = page.strip_prefix(&root)
    {
        return rel.to_path_buf();
    }
    page.to_path_buf()
}

fn failed(report: Report) -> Outcome {
    Outcome {
        lines: vec![Message::WechatFailed {}],
        report,
        success: false,
        ..Outcome::default()
    }
}
