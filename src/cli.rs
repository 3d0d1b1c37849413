//! Command-line types (clap). No behaviour here: `cmd/` turns these into calls.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

#[derive(Debug, Parser)]
#[command(
    name = "noticeboard",
    version,
    about = "Static sites for trade-union publicity and disclosure (工会宣传与厂务公开)",
    long_about = "noticeboard turns a folder of Markdown (news, model workers, craftsmen, campaigns, \
disclosure notices) into a static website that any web server can host or that opens from a folder.\n\n\
Start with `noticeboard init mysite`, then `noticeboard build --root mysite`.",
    after_help = "With no command (a double-click on noticeboard.exe), previews the site in the current \
folder, or else in the program's folder, and opens the browser.\n\n\
Exit codes: 0 success, 1 problems in the site (each named with file:line:column), 2 bad usage."
)]
pub struct Cli {
    /// None: started with no arguments (a double-click): serve the site here
    /// with the writing desk open, or the desk's new-site page.
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create a new site: site.yaml, one section per kind with a sample page each.
    Init(InitArgs),
    /// Build the site into public/ (replaced atomically: a failed build leaves it as it was).
    Build(BuildArgs),
    /// Validate everything and write nothing: front matter, templates, duplicate URLs.
    Check(CheckArgs),
    /// Preview while writing: build into memory, serve on 127.0.0.1, rebuild on
    /// every save and reload the browser.
    Serve(ServeArgs),
    /// Create a page from its kind's archetype: `noticeboard new disclosure 关于…的公示`.
    New(NewArgs),
    /// Turn Word documents (.docx) into pages, with their pictures:
    /// `noticeboard import 通知.docx --kind disclosure`.
    Import(ImportArgs),
    /// Write a dated offline snapshot (.zip or .tar.gz) that opens from a folder.
    Archive(ArchiveArgs),
    /// Check a snapshot (.zip, .tar.gz or unpacked folder) against its MANIFEST.sha256.
    Verify(VerifyArgs),
    /// One page as an HTML fragment for the WeChat 公众号 editor (复制到公众号).
    Wechat(WechatArgs),
    /// Internal: deletes a replaced output folder after `build` (started by
    /// `build` itself, detached).
    #[command(hide = true)]
    RemoveOldOutput {
        /// A `.public.nb-trash-*` folder; anything else is refused.
        dir: PathBuf,
    },
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum KindArg {
    News,
    ModelWorker,
    Craftsman,
    Campaign,
    Disclosure,
}

#[derive(Debug, Args)]
#[command(
    after_help = "The file goes to content/<section>/<slug>.md: the slug comes from the title \
(pinyin for Chinese), news files get the date in front. Required fields are stubbed with comments; a \
disclosure gets the next free number of the year. An existing file is never overwritten (exit 1)."
)]
pub struct NewArgs {
    /// Kind of page: news, model-worker, craftsman, campaign or disclosure.
    #[arg(value_enum)]
    pub kind: KindArg,
    /// Title of the page, e.g. "关于2026年度先进个人的公示".
    pub title: String,
    /// Site folder (holding site.yaml).
    #[arg(long, default_value = ".", value_name = "DIR")]
    pub root: PathBuf,
    /// Section folder under content/; default: the section whose _index.md has this kind.
    #[arg(long, value_name = "S")]
    pub section: Option<String>,
    #[command(flatten)]
    pub clock: ClockArgs,
}

#[derive(Debug, Args)]
#[command(
    after_help = "Each .docx becomes a folder content/<section>/<slug>/ holding index.md and the document's \
pictures; the slug is the title in pinyin (news get the date in front). Headings come from Word's heading \
styles, or from a 公文's typed numbering (一、 （一） 1． （1）) when the line is short and set in 黑体/楷体 or \
bold. The title, date (成文日期), and for a disclosure the 文号 (number), issuer and 附件 (files of the same \
name beside the .docx) go into the front matter; the author is never copied. After each file a report says \
what was guessed or left out. An existing page is never overwritten; a file that cannot be read (.doc, .wps, \
.rtf, .odt, damaged or hostile files) is exit 1 and nothing is created for it. Save old files as .docx first: \
Word or WPS, 文件 → 另存为 → Word 文档 (*.docx).\n\n\
每个 .docx 成为 content/<栏目>/<slug>/ 文件夹（index.md 和文中图片）；旧版 .doc/.wps 请先在 Word 或 WPS 中\
“文件 → 另存为”存成 .docx。"
)]
pub struct ImportArgs {
    /// Word documents (.docx), or folders: every .docx directly inside.
    #[arg(value_name = "FILE", required = true)]
    pub files: Vec<PathBuf>,
    /// Site folder (holding site.yaml).
    #[arg(long, default_value = ".", value_name = "DIR")]
    pub root: PathBuf,
    /// Section folder under content/; default: the section whose _index.md has the kind.
    #[arg(long, value_name = "S")]
    pub section: Option<String>,
    /// Kind of page: news (default), model-worker, craftsman, campaign or disclosure.
    #[arg(long, value_enum, default_value = "news", value_name = "K")]
    pub kind: KindArg,
    /// A disclosure's category (one of site.yaml's disclosure.categories), e.g. 评先评优.
    #[arg(long, value_name = "C")]
    pub category: Option<String>,
    #[command(flatten)]
    pub clock: ClockArgs,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum Lang {
    #[value(name = "zh-CN", alias = "zh")]
    ZhCn,
    #[value(name = "en")]
    En,
}

#[derive(Debug, Args)]
pub struct InitArgs {
    /// Folder to create the site in (must not exist, or be empty).
    pub dir: PathBuf,
    /// Language of the sample site and the theme's words.
    #[arg(long, value_enum, default_value = "zh-CN")]
    pub lang: Lang,
}

#[derive(Debug, Args)]
pub struct ClockArgs {
    /// Build clock, e.g. 2026-11-23T09:00:00+08:00 or 2026-11-23 (notice periods,
    /// campaign status). Default: SOURCE_DATE_EPOCH if set, else the system clock.
    #[arg(long, value_name = "TIME")]
    pub now: Option<String>,
}

#[derive(Debug, Args)]
pub struct BuildArgs {
    /// Site folder (holding site.yaml).
    #[arg(long, default_value = ".", value_name = "DIR")]
    pub root: PathBuf,
    /// Output folder. Default: public/ inside the site folder.
    #[arg(long, value_name = "DIR")]
    pub output: Option<PathBuf>,
    /// Override site.yaml's base_url, e.g. https://gonghui.example.org/
    #[arg(long, value_name = "URL")]
    pub base_url: Option<String>,
    /// Include pages marked `draft: true`.
    #[arg(long)]
    pub drafts: bool,
    /// Make every internal link relative, so the site works from any sub-path
    /// and when opened from a folder (file://).
    #[arg(long)]
    pub relative: bool,
    #[command(flatten)]
    pub ledger: LedgerArgs,
    #[command(flatten)]
    pub clock: ClockArgs,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Site folder (holding site.yaml).
    #[arg(long, default_value = ".", value_name = "DIR")]
    pub root: PathBuf,
    /// Check drafts too.
    #[arg(long)]
    pub drafts: bool,
    #[command(flatten)]
    pub ledger: LedgerArgs,
    #[command(flatten)]
    pub clock: ClockArgs,
}

#[derive(Debug, Args)]
pub struct LedgerArgs {
    /// Also compare with the ledger already published: a copy of the live site's
    /// /disclosures/ledger.json (download it first; URLs are not fetched). Without
    /// this, the previous output's disclosures/ledger.json is used when it exists.
    /// 同时与已发布的公示台账比对：先下载线上网站的 /disclosures/ledger.json，
    /// 再给出文件路径（不直接读取网址）；不写此项时，使用上次输出中的
    /// disclosures/ledger.json（如果有）。
    #[arg(long = "ledger-from", value_name = "FILE", value_parser = published_ledger_file)]
    pub from: Option<PathBuf>,
}

/// `--ledger-from` takes a file: a URL is a usage error (exit 2) that says
/// how to get the file, since noticeboard carries no HTTP client.
fn published_ledger_file(text: &str) -> Result<PathBuf, String> {
    let lower = text.trim().to_ascii_lowercase();
    if lower.starts_with("http://") || lower.starts_with("https://") {
        return Err(format!(
            "noticeboard does not download; save the file first (e.g. `curl -o ledger.json {text}`) \
and pass its path / 不直接下载网址：请先保存该文件（例如 `curl -o ledger.json {text}`），再给出文件路径"
        ));
    }
    Ok(PathBuf::from(text))
}

#[derive(Debug, Args)]
#[command(
    after_help = "The preview shows drafts (marked 草稿) and never touches public/ or \
disclosures.lock. A save re-renders only what changed; a stylesheet change is swapped in without \
a reload; a build error shows in the browser and here, and the last good site stays served."
)]
pub struct ServeArgs {
    /// Site folder (holding site.yaml).
    #[arg(long, default_value = ".", value_name = "DIR")]
    pub root: PathBuf,
    /// Address to listen on. Only 127.0.0.1 is private to this computer; use
    /// 0.0.0.0 to show the preview to others on the network.
    #[arg(long, default_value = "127.0.0.1", value_name = "ADDR")]
    pub bind: std::net::IpAddr,
    /// Port to listen on (0: any free port).
    #[arg(long, default_value_t = 1111)]
    pub port: u16,
    /// Open the writing desk (写作台) in the default browser.
    #[arg(long)]
    pub open: bool,
    /// Serve the writing desk even on a --bind address other computers can
    /// reach (it is off there by default; its token is still required).
    /// 在其他电脑可访问的地址上也开启写作台（默认关闭；仍须令牌）。
    #[arg(long = "desk-on-network")]
    pub desk_on_network: bool,
    #[command(flatten)]
    pub clock: ClockArgs,
}

#[derive(Debug, Args)]
#[command(
    after_help = "The archive holds one folder, <site>-<YYYYMMDD>/, with the site built with relative \
links (it opens from file:// and from any sub-path, search included) and a MANIFEST.sha256 listing every \
file (check it with `noticeboard verify` or `sha256sum -c`), and prints the manifest's SHA-256 to keep \
or publish (`noticeboard verify FILE --expect HASH`). The same site and the same --now (or \
SOURCE_DATE_EPOCH) give a byte-identical archive."
)]
pub struct ArchiveArgs {
    /// Site folder (holding site.yaml).
    #[arg(long, default_value = ".", value_name = "DIR")]
    pub root: PathBuf,
    /// Archive file: .zip or .tar.gz (by its extension). Default: <site>-<YYYYMMDD>.zip
    /// in the current folder.
    #[arg(long, value_name = "FILE", value_parser = archive_file_name)]
    pub out: Option<PathBuf>,
    #[command(flatten)]
    pub clock: ClockArgs,
}

/// `--out` must name a .zip or a .tar.gz: anything else is a usage error (exit 2).
fn archive_file_name(text: &str) -> Result<PathBuf, String> {
    let path = PathBuf::from(text);
    match crate::archive::Format::from_path(&path) {
        Some(_) => Ok(path),
        None => Err("expected a file name ending in .zip, .tar.gz or .tgz".to_string()),
    }
}

#[derive(Debug, Args)]
#[command(
    after_help = "Exit 0 when every file matches the manifest; exit 1 naming each missing, added or \
altered file, and for names that would unpack outside the folder or over one another. A manifest \
proves only that the files match it: whoever changes a file can rewrite the manifest too. `archive` \
prints the manifest's SHA-256; kept or published somewhere trusted, --expect pins the snapshot to it."
)]
pub struct VerifyArgs {
    /// A snapshot: .zip, .tar.gz, or the folder it was unpacked into.
    #[arg(value_name = "FILE_OR_DIR")]
    pub target: PathBuf,
    /// The SHA-256 of the snapshot's MANIFEST.sha256, as `archive` printed it:
    /// verify fails unless the manifest is that very one.
    #[arg(long, value_name = "SHA256", value_parser = manifest_hash)]
    pub expect: Option<String>,
}

/// `--expect` must be a SHA-256 in hex (either case); a usage error otherwise.
fn manifest_hash(text: &str) -> Result<String, String> {
    let hash = text.trim();
    if hash.len() == 64 && hash.bytes().all(|b| b.is_ascii_hexdigit()) {
        Ok(hash.to_ascii_lowercase())
    } else {
        let message = crate::message::Message::ExpectNotHash {
            text: text.to_string(),
        };
        Err(format!(
            "{} [{}]",
            message.render(crate::i18n::Language::En),
            message.code()
        ))
    }
}

#[derive(Debug, Args)]
#[command(
    after_help = "The fragment has only inline styles in the theme's colours, lists and preformatted \
text written so the editor keeps them, links other than mp.weixin.qq.com as numbered notes [1] with a \
参考链接 list at the end, footnotes as 注释, and pictures as their WeChat copies (JPEG/PNG, at most \
1080 px wide and 1 MiB) under base_url. 外部链接变为文末参考链接；图片指向网站上的公众号副本。\n\n\
The pictures are fetched by WeChat from base_url: publish the site with `build` first, \
with base_url set to its public address. Open the --out file in a browser, select all, copy, and paste \
into the editor; or use the 复制到公众号 button of `serve`. Problems found by the check of WeChat's rules \
are printed as warnings. Exit 0 when written, 1 for a page the site does not publish, 2 for bad usage.\n\
先用 build 发布网站（base_url 设为公网地址），公众号才能取到图片。"
)]
pub struct WechatArgs {
    /// The page's content file, e.g. content/news/2026-11-20-safety-month.md.
    #[arg(value_name = "PAGE")]
    pub page: PathBuf,
    /// Site folder (holding site.yaml).
    #[arg(long, default_value = ".", value_name = "DIR")]
    pub root: PathBuf,
    /// Write the fragment to FILE instead of stdout.
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// Put the title at the top (the editor has a title field of its own).
    #[arg(long)]
    pub title: bool,
    #[command(flatten)]
    pub clock: ClockArgs,
}
