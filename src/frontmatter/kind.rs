//! Content kinds: news, model workers (劳模), craftsmen (工匠), campaigns and
//! disclosures (厂务公开), with the front matter fields each one accepts and
//! requires. A section's `_index.md` sets the kind of its pages; it is never
//! guessed from a folder name.

use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    News,
    ModelWorker,
    Craftsman,
    Campaign,
    Disclosure,
}

/// Fields every page may have.
pub const COMMON_FIELDS: &[&str] = &[
    "title", "date", "updated", "draft", "slug", "summary", "tags", "author", "source", "cover",
    "gallery", "weight", "aliases", "template", "kind",
];

/// Fields a section's `_index.md` may have.
pub const SECTION_FIELDS: &[&str] = &[
    "title", "kind", "summary", "weight", "paginate", "template", "cover", "date", "updated",
    "draft", "slug", "aliases",
];

impl Kind {
    pub const ALL: [Kind; 5] = [
        Kind::News,
        Kind::ModelWorker,
        Kind::Craftsman,
        Kind::Campaign,
        Kind::Disclosure,
    ];

    pub fn parse(name: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.name() == name.trim())
    }

    /// The name used in front matter, template names and CSS classes.
    pub fn name(self) -> &'static str {
        match self {
            Kind::News => "news",
            Kind::ModelWorker => "model-worker",
            Kind::Craftsman => "craftsman",
            Kind::Campaign => "campaign",
            Kind::Disclosure => "disclosure",
        }
    }

    /// Fields this kind adds to [`COMMON_FIELDS`].
    pub fn extra_fields(self) -> &'static [&'static str] {
        match self {
            Kind::News => &[],
            Kind::ModelWorker => &["photo", "unit", "position", "honors"],
            Kind::Craftsman => &["photo", "unit", "trade", "grade", "studio", "achievements"],
            Kind::Campaign => &["start", "end", "slogan", "strands"],
            Kind::Disclosure => &[
                "number",
                "category",
                "notice",
                "notice_until",
                "period",
                "issuer",
                "attachments",
                "contact",
                "corrects",
                "reason",
                "revisions",
            ],
        }
    }

    /// Fields that must be present beyond `title` and `date`.
    pub fn required_fields(self) -> &'static [&'static str] {
        match self {
            Kind::News => &[],
            Kind::ModelWorker => &["unit"],
            Kind::Craftsman => &["unit", "trade"],
            Kind::Campaign => &["start", "end"],
            Kind::Disclosure => &["number"],
        }
    }

    /// Kinds whose section listing is grouped (by honour, trade, status, year)
    /// on one page rather than paginated newest first.
    pub fn is_grouped(self) -> bool {
        !matches!(self, Kind::News)
    }

    pub fn accepts(self, field: &str) -> bool {
        COMMON_FIELDS.contains(&field) || self.extra_fields().contains(&field)
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}
