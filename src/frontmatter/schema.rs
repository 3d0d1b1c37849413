//! The front matter schema: every field each kind accepts, its type, whether
//! it is required, its label in both languages and, for lists, the fields of
//! one row. It is the one description of the fields: the parse stage reads
//! it for unknown and missing fields ([`Kind::accepts`], [`Kind::required_fields`]),
//! and the writing desk sends it to the browser to build its forms. The
//! values themselves are read by [`FrontMatter`](super::FrontMatter)'s serde
//! types, which say what a wrong type is.

use serde::Serialize;

/// How a field is written, and so how the desk asks for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum FieldType {
    /// One line of text.
    Text,
    /// Several lines of text.
    Textarea,
    /// A day: `2026-11-20`.
    Date,
    /// A day with an optional time: `2026-11-20 09:30`.
    Datetime,
    Number,
    Bool,
    /// One of [`Field::options`] (or, with [`Field::choices`], of the site's).
    Select,
    /// A list of short words (`tags: [安全生产, 职工之家]`).
    Tags,
    /// A list of lines, one row each (achievements, strands).
    Strings,
    /// A list of rows, each with [`Field::rows`].
    List,
    /// A mapping with [`Field::rows`] as its keys (`notice: {from, days, unit}`).
    Object,
    /// A file of the page's bundle (or `/static/…`).
    File,
}

/// Where a select's choices come from when they are the site's own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Choices {
    /// `site.yaml` `disclosure.categories`.
    Categories,
    /// The content kinds.
    Kinds,
}

/// One choice of a select: the value written, its labels.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Choice {
    pub value: &'static str,
    pub zh: &'static str,
    pub en: &'static str,
}

#[derive(Debug, Clone, Copy, Serialize)]
pub struct Field {
    pub name: &'static str,
    #[serde(rename = "type")]
    pub ty: FieldType,
    pub required: bool,
    pub zh: &'static str,
    pub en: &'static str,
    /// A help line in both languages, when the label is not enough.
    pub help: Option<(&'static str, &'static str)>,
    pub options: &'static [Choice],
    pub choices: Option<Choices>,
    /// The fields of one row of a list, or the keys of a group.
    pub rows: &'static [Field],
    /// Not for the desk's form: set by the tool itself or for experts only.
    pub hidden: bool,
}

const fn field(name: &'static str, ty: FieldType, zh: &'static str, en: &'static str) -> Field {
    Field {
        name,
        ty,
        required: false,
        zh,
        en,
        help: None,
        options: &[],
        choices: None,
        rows: &[],
        hidden: false,
    }
}

impl Field {
    const fn required(mut self) -> Field {
        self.required = true;
        self
    }

    const fn help(mut self, zh: &'static str, en: &'static str) -> Field {
        self.help = Some((zh, en));
        self
    }

    const fn options(mut self, options: &'static [Choice]) -> Field {
        self.options = options;
        self
    }

    const fn choices(mut self, choices: Choices) -> Field {
        self.choices = Some(choices);
        self
    }

    const fn rows(mut self, rows: &'static [Field]) -> Field {
        self.rows = rows;
        self
    }

    const fn hidden(mut self) -> Field {
        self.hidden = true;
        self
    }
}

use FieldType::*;

/// Fields every page may have.
pub const COMMON: &[Field] = &[
    field("title", Text, "标题", "Title").required(),
    field("date", Datetime, "日期", "Date").required(),
    field("updated", Datetime, "更新日期", "Updated"),
    field("draft", Bool, "草稿（不发布）", "Draft (not published)"),
    field("slug", Text, "网址名", "URL name").help(
        "网址中的名字；留空则由标题生成拼音",
        "The name in the address; left empty, it is made from the title",
    ),
    field("summary", Textarea, "摘要", "Summary"),
    field("tags", Tags, "标签", "Tags"),
    field("author", Text, "发布人", "Author"),
    field("source", Text, "来源", "Source"),
    field("cover", File, "封面图", "Cover picture"),
    field("gallery", List, "图集", "Gallery").rows(&[
        field("src", File, "图片", "Picture").required(),
        field("caption", Text, "说明", "Caption"),
    ]),
    field("weight", Number, "排序权重", "Sort weight")
        .help("数字小的排在前面", "Lower numbers come first"),
    field("aliases", Tags, "旧网址", "Old addresses").help(
        "这些旧网址会跳转到本页",
        "These old addresses redirect here",
    ),
    field("template", Text, "模板", "Template").hidden(),
    field("kind", Select, "类型", "Kind")
        .choices(Choices::Kinds)
        .hidden(),
    field("reviewed", Object, "审核", "Review")
        .rows(&[
            field("by", Text, "审核人", "Reviewed by").required(),
            field("at", Datetime, "审核时间", "Reviewed at").required(),
        ])
        .hidden(),
    field("submitted", Object, "提交审核", "Submitted for review")
        .rows(&[
            field("by", Text, "提交人", "Submitted by").required(),
            field("at", Datetime, "提交时间", "Submitted at").required(),
        ])
        .hidden(),
];

/// Fields a section's `_index.md` may have.
pub const SECTION: &[&str] = &[
    "title", "kind", "summary", "weight", "paginate", "template", "cover", "date", "updated",
    "draft", "slug", "aliases",
];

const HONOR_LEVELS: &[Choice] = &[
    Choice {
        value: "national",
        zh: "全国",
        en: "National",
    },
    Choice {
        value: "provincial",
        zh: "省部级",
        en: "Provincial",
    },
    Choice {
        value: "city",
        zh: "市级",
        en: "City",
    },
    Choice {
        value: "enterprise",
        zh: "企业级",
        en: "Enterprise",
    },
];

const NOTICE_UNITS: &[Choice] = &[
    Choice {
        value: "working_days",
        zh: "工作日",
        en: "Working days",
    },
    Choice {
        value: "calendar_days",
        zh: "自然日",
        en: "Calendar days",
    },
];

const PHOTO: Field = field("photo", File, "照片", "Photo");
const UNIT: Field = field("unit", Text, "单位", "Unit").required();

pub const MODEL_WORKER: &[Field] = &[
    PHOTO,
    UNIT,
    field("position", Text, "职务", "Position"),
    field("honors", List, "荣誉", "Honours").rows(&[
        field("title", Text, "荣誉称号", "Title").required(),
        field("level", Select, "级别", "Level")
            .required()
            .options(HONOR_LEVELS),
        field("year", Number, "年份", "Year").required(),
    ]),
];

pub const CRAFTSMAN: &[Field] = &[
    PHOTO,
    UNIT,
    field("trade", Text, "工种", "Trade").required(),
    field("grade", Text, "技能等级", "Skill grade"),
    field("studio", Text, "工作室", "Studio"),
    field("achievements", Strings, "成果", "Achievements"),
];

pub const CAMPAIGN: &[Field] = &[
    field("start", Date, "开始日期", "Start").required(),
    field("end", Date, "结束日期", "End").required(),
    field("slogan", Text, "口号", "Slogan"),
    field("strands", Strings, "行动", "Strands"),
];

pub const DISCLOSURE: &[Field] = &[
    field("number", Text, "文号", "Number")
        .required()
        .help("例如 工会〔2026〕12号", "e.g. 工会〔2026〕12号"),
    field("category", Select, "类别", "Category").choices(Choices::Categories),
    field("notice", Object, "公示期", "Notice period").rows(&[
        field("from", Date, "开始日期", "From").required(),
        field("days", Number, "天数", "Days").required(),
        field("unit", Select, "计算方式", "Counted in").options(NOTICE_UNITS),
    ]),
    field("notice_until", Date, "公示截止日", "Notice until")
        .help("与“公示期”二选一", "Instead of the notice period"),
    field("period", Text, "所属期间", "Period covered"),
    field("issuer", Text, "发文机关", "Issued by"),
    field("attachments", List, "附件", "Attachments").rows(&[
        field("file", File, "文件", "File").required(),
        field("title", Text, "标题", "Title"),
    ]),
    field("contact", Object, "受理部门", "Contact").rows(&[
        field("department", Text, "部门", "Department"),
        field("phone", Text, "电话", "Phone"),
        field("email", Text, "邮箱", "Email"),
        field("address", Text, "地址", "Address"),
    ]),
    field("corrects", Text, "更正的公示", "Corrects").help(
        "被更正公示的网址或文号",
        "Address or number of the notice corrected",
    ),
    field("reason", Textarea, "更正原因", "Reason for the correction"),
    field("revisions", List, "更正说明", "Revisions").rows(&[
        field("date", Date, "日期", "Date").required(),
        field("note", Textarea, "说明", "Note").required(),
    ]),
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::frontmatter::FrontMatter;
    use crate::frontmatter::kind::Kind;

    fn kind_fields(kind: Kind) -> &'static [Field] {
        kind.schema()
    }

    fn page_fields(kind: Kind) -> impl Iterator<Item = &'static Field> {
        kind.fields()
    }

    fn all_fields() -> Vec<&'static Field> {
        fn walk(fields: &'static [Field], out: &mut Vec<&'static Field>) {
            for f in fields {
                out.push(f);
                walk(f.rows, out);
            }
        }
        let mut out = Vec::new();
        walk(COMMON, &mut out);
        for kind in Kind::ALL {
            walk(kind_fields(kind), &mut out);
        }
        out
    }

    #[test]
    fn labels_in_both_languages() {
        let cjk = |s: &str| s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
        for f in all_fields() {
            assert!(cjk(f.zh), "{}: {}", f.name, f.zh);
            assert!(!cjk(f.en), "{}: {}", f.name, f.en);
            if let Some((zh, en)) = f.help {
                assert!(cjk(zh) && !en.is_empty(), "{}", f.name);
            }
            for o in f.options {
                assert!(cjk(o.zh) && !cjk(o.en), "{}", o.value);
            }
            assert_eq!(
                f.rows.is_empty(),
                !matches!(f.ty, FieldType::List | FieldType::Object),
                "{}",
                f.name
            );
        }
    }

    /// Every top-level field is one `FrontMatter` reads: a field in the
    /// schema that the struct ignored would be accepted and then lost.
    #[test]
    fn every_field_is_read() {
        let value = serde_json::to_value(FrontMatter::default()).unwrap();
        let known = value.as_object().unwrap();
        for kind in Kind::ALL {
            for f in page_fields(kind) {
                assert!(known.contains_key(f.name), "{kind}: {}", f.name);
            }
        }
        for name in SECTION {
            assert!(known.contains_key(*name), "{name}");
        }
    }

    #[test]
    fn honour_levels_are_the_ones_read() {
        for level in HONOR_LEVELS {
            let yaml = format!("honors: [{{title: t, level: {}, year: 2025}}]", level.value);
            assert!(
                crate::frontmatter::parse_front_matter(&yaml).is_ok(),
                "{yaml}"
            );
        }
    }
}
