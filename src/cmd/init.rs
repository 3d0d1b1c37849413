//! `noticeboard init DIR`: a new site that builds at once with the built-in
//! theme: `site.yaml`, a home page, and one section per kind with a sample page.

use crate::message::Message;
use std::fs;
use std::path::Path;

use crate::cli::{InitArgs, Lang};
use crate::diag::{Diagnostic, Report};

use super::Outcome;

/// `(path, text)` of every file a new site gets.
fn scaffold(lang: Lang) -> Vec<(&'static str, &'static str)> {
    match lang {
        Lang::ZhCn => ZH.to_vec(),
        Lang::En => EN.to_vec(),
    }
}

pub fn run(args: &InitArgs) -> Outcome {
    let mut report = Report::new();
    match create(&args.dir, args.lang) {
        Ok(count) => Outcome {
            lines: vec![
                Message::SiteCreated {
                    dir: crate::shown_path::shown_path(&args.dir),
                    count,
                },
                Message::SiteNext {
                    dir: crate::shown_path::shown_path(&args.dir),
                },
            ],
            report,
            success: true,
            ..Outcome::default()
        },
        Err(d) => {
            report.push(d);
            Outcome {
                lines: Vec::new(),
                report,
                success: false,
                ..Outcome::default()
            }
        }
    }
}

pub(crate) fn create(dir: &Path, lang: Lang) -> Result<usize, Diagnostic> {
    if dir.exists() {
        let is_empty_dir = fs::read_dir(dir)
            .map(|mut e| e.next().is_none())
            .unwrap_or(false);
        if !is_empty_dir {
            return Err(Diagnostic::error(Message::FolderNotEmpty {})
                .at(dir)
                .help(Message::FolderNotEmptyHelp {}));
        }
    }
    let files = scaffold(lang);
    for (path, text) in &files {
        let target = dir.join(path);
        if let Some(parent) = target.parent() {
            fs::create_dir_all(parent).map_err(|e| {
                Diagnostic::error(Message::CannotCreateFolder {
                    detail: e.to_string(),
                })
                .at(parent)
            })?;
        }
        fs::write(&target, text).map_err(|e| {
            Diagnostic::error(Message::CannotWrite {
                detail: e.to_string(),
            })
            .at(&target)
        })?;
    }
    Ok(files.len())
}

const ZH: &[(&str, &str)] = &[
    (
        "site.yaml",
        "title: 我们的工会\nbase_url: https://gonghui.example.org/\nlanguage: zh-CN\norganization: 某某公司工会委员会\npaginate: 10\ntaxonomies: [tags]\ndisclosure:\n  categories: [评先评优, 财务公开, 福利发放]\n  # index_format: \"{org_code}-{year}-{seq:05}\"  # 公开表格的索引号\n  # org_code: \"机构代码\"\n# 网站备案后填写，页脚会显示并链接到备案系统：\n# beian:\n#   icp: 鄂ICP备12345678号-1\n#   police: 鄂公网安备42010002000001号\n",
    ),
    (".gitignore", "/public\n/.noticeboard/\n"),
    (
        "content/_index.md",
        "---\ntitle: 首页\n---\n\n欢迎访问工会网站。这里发布工会动态、劳模风采、工匠风采、主题活动和厂务公开信息。\n",
    ),
    (
        "content/news/_index.md",
        "---\ntitle: 工会动态\nkind: news\nweight: 1\n---\n\n工会工作的最新消息。\n",
    ),
    (
        "content/news/2026-01-05-first-news.md",
        "---\ntitle: 工会召开新年第一次委员会议\ndate: 2026-01-05\nauthor: 工会办公室\nsource: 公司工会\ntags: [工会工作]\n---\n\n1月5日，公司工会召开新年第一次委员会议，研究部署全年重点工作。\n\n## 一、会议内容\n\n会议听取了各分工会的工作汇报，讨论了职工之家建设方案。\n",
    ),
    (
        "content/model-workers/_index.md",
        "---\ntitle: 劳模风采\nkind: model-worker\nweight: 2\n---\n\n劳动模范和先进工作者的事迹。\n",
    ),
    (
        "content/model-workers/sample-worker.md",
        "---\ntitle: 扎根一线的好班长\ndate: 2026-01-10\nunit: 第一车间\nposition: 班长\nhonors:\n  - {title: 市劳动模范, level: city, year: 2025}\ntags: [劳模精神]\n---\n\n在这里写劳模的先进事迹。\n",
    ),
    (
        "content/craftsmen/_index.md",
        "---\ntitle: 工匠风采\nkind: craftsman\nweight: 3\n---\n\n技术能手和工匠人才。\n",
    ),
    (
        "content/craftsmen/sample-craftsman.md",
        "---\ntitle: 毫厘之间见匠心\ndate: 2026-01-12\nunit: 机加工车间\ntrade: 数控车工\ngrade: 高级技师\nachievements: [革新工装夹具三项]\ntags: [工匠精神]\n---\n\n在这里写工匠的技艺与成果。\n",
    ),
    (
        "content/campaigns/_index.md",
        "---\ntitle: 主题活动\nkind: campaign\nweight: 4\n---\n\n安全生产月、安康杯等主题活动。\n",
    ),
    (
        "content/campaigns/sample-campaign.md",
        "---\ntitle: 安全生产月活动\ndate: 2026-05-20\nstart: 2026-06-01\nend: 2026-06-30\nslogan: 人人讲安全、个个会应急\nstrands: [隐患排查, 应急演练]\ntags: [安全生产]\n---\n\n在这里写活动方案。\n",
    ),
    (
        "content/disclosures/_index.md",
        "---\ntitle: 厂务公开\nkind: disclosure\nweight: 5\n---\n\n依法公开职工关心的事项。\n",
    ),
    (
        "content/disclosures/sample-notice.md",
        "---\ntitle: 关于年度先进个人评选结果的公示\ndate: 2026-01-15\nnumber: 工会〔2026〕1号\ncategory: 评先评优\nissuer: 公司工会\nnotice: {from: 2026-01-15, days: 5, unit: working_days}\ncontact: {department: 工会办公室, phone: 0000-0000000}\n---\n\n经推荐和评审，拟评选以下同志为年度先进个人，现予公示。\n",
    ),
];

const EN: &[(&str, &str)] = &[
    (
        "site.yaml",
        "title: Our Union\nbase_url: https://union.example.org/\nlanguage: en\norganization: Example Works Trade Union Committee\npaginate: 10\ntaxonomies: [tags]\ndisclosure:\n  categories: [Awards, Finance, Welfare]\n",
    ),
    (".gitignore", "/public\n/.noticeboard/\n"),
    (
        "content/_index.md",
        "---\ntitle: Home\n---\n\nWelcome to the union's website: news, model workers, craftsmen, campaigns and disclosures.\n",
    ),
    (
        "content/news/_index.md",
        "---\ntitle: News\nkind: news\nweight: 1\n---\n\nThe latest from the union.\n",
    ),
    (
        "content/news/2026-01-05-first-news.md",
        "---\ntitle: The union committee holds its first meeting of the year\ndate: 2026-01-05\nauthor: Union office\ntags: [union work]\n---\n\nOn 5 January the union committee met to plan the year's work.\n",
    ),
    (
        "content/model-workers/_index.md",
        "---\ntitle: Model Workers\nkind: model-worker\nweight: 2\n---\n\nProfiles of model workers.\n",
    ),
    (
        "content/model-workers/sample-worker.md",
        "---\ntitle: A team leader on the shop floor\ndate: 2026-01-10\nunit: Workshop 1\nposition: Team leader\nhonors:\n  - {title: City model worker, level: city, year: 2025}\n---\n\nWrite the profile here.\n",
    ),
    (
        "content/craftsmen/_index.md",
        "---\ntitle: Craftsmen\nkind: craftsman\nweight: 3\n---\n\nSkilled craftsmen.\n",
    ),
    (
        "content/craftsmen/sample-craftsman.md",
        "---\ntitle: Precision by the micron\ndate: 2026-01-12\nunit: Machining workshop\ntrade: CNC turner\ngrade: Senior technician\n---\n\nWrite the profile here.\n",
    ),
    (
        "content/campaigns/_index.md",
        "---\ntitle: Campaigns\nkind: campaign\nweight: 4\n---\n\nSafety month and other campaigns.\n",
    ),
    (
        "content/campaigns/sample-campaign.md",
        "---\ntitle: Safety month\ndate: 2026-05-20\nstart: 2026-06-01\nend: 2026-06-30\nslogan: Safety is everyone's job\n---\n\nWrite the plan here.\n",
    ),
    (
        "content/disclosures/_index.md",
        "---\ntitle: Disclosures\nkind: disclosure\nweight: 5\n---\n\nNotices published for the workforce.\n",
    ),
    (
        "content/disclosures/sample-notice.md",
        "---\ntitle: Notice of this year's award nominees\ndate: 2026-01-15\nnumber: Union〔2026〕1号\ncategory: Awards\nnotice: {from: 2026-01-15, days: 5, unit: working_days}\n---\n\nThe following nominees are published for comment.\n",
    ),
];
