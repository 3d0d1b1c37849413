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

/// Fields a section's `_index.md` may have.
pub const SECTION_FIELDS: &[&str] = super::schema::SECTION;

/// Names of the fields every page may have.
pub fn common_fields() -> Vec<&'static str> {
    super::schema::COMMON.iter().map(|f| f.name).collect()
}

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

    /// The [schema](super::schema) of the fields this kind adds to the
    /// common ones.
    pub fn schema(self) -> &'static [super::schema::Field] {
        use super::schema::{CAMPAIGN, CRAFTSMAN, DISCLOSURE, MODEL_WORKER};
        match self {
            Kind::News => &[],
            Kind::ModelWorker => MODEL_WORKER,
            Kind::Craftsman => CRAFTSMAN,
            Kind::Campaign => CAMPAIGN,
            Kind::Disclosure => DISCLOSURE,
        }
    }

    /// Every field of a page of this kind: the common ones, then its own.
    pub fn fields(self) -> impl Iterator<Item = &'static super::schema::Field> {
        super::schema::COMMON.iter().chain(self.schema())
    }

    /// The kind's name as the desk shows it: (zh-CN, en).
    pub fn label(self) -> (&'static str, &'static str) {
        match self {
            Kind::News => ("新闻", "News"),
            Kind::ModelWorker => ("劳模", "Model worker"),
            Kind::Craftsman => ("工匠", "Craftsman"),
            Kind::Campaign => ("活动", "Campaign"),
            Kind::Disclosure => ("公示", "Disclosure"),
        }
    }

    /// Names of the fields this kind adds to [`common_fields`], from the
    /// [schema](super::schema).
    pub fn extra_fields(self) -> Vec<&'static str> {
        self.schema().iter().map(|f| f.name).collect()
    }

    /// Fields that must be present beyond `title` and `date`.
    pub fn required_fields(self) -> Vec<&'static str> {
        self.schema()
            .iter()
            .filter(|f| f.required)
            .map(|f| f.name)
            .collect()
    }

    /// Kinds whose section listing is grouped (by honour, trade, status, year)
    /// on one page rather than paginated newest first.
    pub fn is_grouped(self) -> bool {
        !matches!(self, Kind::News)
    }

    pub fn accepts(self, field: &str) -> bool {
        self.fields().any(|f| f.name == field)
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}
