//! Lists from numbering.xml: each `w:num` points at an abstract definition
//! (per level: bullet or a number format, and a start) and may override a
//! level's start (`lvlOverride/startOverride`), which is how Word restarts a
//! list. [`Counter`] numbers the items in document order as Word does: a
//! level counts on across `w:num`s of one abstract definition, restarts
//! where an override says so, and deeper levels restart under a new item.

use std::collections::{BTreeMap, BTreeSet};

use crate::office::xml::Element;

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Level {
    pub bullet: bool,
    pub start: u32,
}

#[derive(Debug, Clone, Default, PartialEq)]
struct Num {
    abstract_id: String,
    overrides: BTreeMap<u8, u32>,
}

#[derive(Debug, Clone, Default)]
pub struct Numbering {
    abstracts: BTreeMap<String, BTreeMap<u8, Level>>,
    nums: BTreeMap<String, Num>,
}

impl Numbering {
    pub fn from_xml(root: &Element) -> Numbering {
        let mut numbering = Numbering::default();
        for a in root.elements().filter(|e| e.name == "abstractNum") {
            let Some(id) = a.attr("w:abstractNumId") else {
                continue;
            };
            let levels = a
                .elements()
                .filter(|e| e.name == "lvl")
                .filter_map(|l| {
                    let ilvl: u8 = l.attr("w:ilvl")?.parse().ok()?;
                    Some((ilvl, level_of(l)))
                })
                .collect();
            numbering.abstracts.insert(id.to_string(), levels);
        }
        for n in root.elements().filter(|e| e.name == "num") {
            let (Some(id), Some(abstract_id)) = (n.attr("w:numId"), n.child_val("abstractNumId"))
            else {
                continue;
            };
            let overrides = n
                .elements()
                .filter(|e| e.name == "lvlOverride")
                .filter_map(|o| {
                    let ilvl: u8 = o.attr("w:ilvl")?.parse().ok()?;
                    let start = o
                        .child_val("startOverride")
                        .and_then(|v| v.parse().ok())
                        .or_else(|| o.child("lvl").map(|l| level_of(l).start))?;
                    Some((ilvl, start))
                })
                .collect();
            numbering.nums.insert(
                id.to_string(),
                Num {
                    abstract_id: abstract_id.to_string(),
                    overrides,
                },
            );
        }
        numbering
    }

    /// The level's definition, `None` when `numId` is 0 or unknown (no list).
    pub fn level(&self, num_id: &str, ilvl: u8) -> Option<Level> {
        let num = self.nums.get(num_id)?;
        let levels = self.abstracts.get(&num.abstract_id)?;
        Some(levels.get(&ilvl).cloned().unwrap_or(Level {
            bullet: false,
            start: 1,
        }))
    }
}

fn level_of(l: &Element) -> Level {
    let format = l.child_val("numFmt").unwrap_or("decimal");
    Level {
        bullet: format == "bullet" || format == "none",
        start: l
            .child_val("start")
            .and_then(|v| v.parse().ok())
            .unwrap_or(1),
    }
}

/// Item numbers in document order.
#[derive(Debug, Default)]
pub struct Counter {
    /// (abstract, level) → the last number given.
    counts: BTreeMap<(String, u8), u32>,
    /// `w:num`s whose overrides were applied already.
    started: BTreeSet<String>,
}

impl Counter {
    /// The number of the next item of `num_id` at `ilvl`, and whether it
    /// restarts the list (an override applied).
    pub fn next(&mut self, numbering: &Numbering, num_id: &str, ilvl: u8) -> (u32, bool) {
        let Some(num) = numbering.nums.get(num_id) else {
            return (1, false);
        };
        let level = numbering.level(num_id, ilvl).unwrap_or_default();
        let mut restarted = false;
        if self.started.insert(num_id.to_string()) {
            for (l, start) in &num.overrides {
                self.counts
                    .insert((num.abstract_id.clone(), *l), start.saturating_sub(1));
                restarted = true;
            }
        }
        let key = (num.abstract_id.clone(), ilvl);
        let n = match self.counts.get(&key) {
            Some(n) => n + 1,
            None => level.start.max(1),
        };
        self.counts.insert(key, n);
        // Deeper levels start again under this item.
        let abstract_id = num.abstract_id.clone();
        self.counts
            .retain(|(a, l), _| *a != abstract_id || *l <= ilvl);
        (n, restarted)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn start_override_restarts_the_count() {
        let xml = r#"<w:numbering xmlns:w="w">
          <w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/></w:lvl></w:abstractNum>
          <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
          <w:num w:numId="2"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>
        </w:numbering>"#;
        let root = crate::office::xml::parse("numbering.xml", xml).unwrap();
        let numbering = Numbering::from_xml(&root);
        let mut c = Counter::default();
        assert_eq!(c.next(&numbering, "1", 0), (1, false));
        assert_eq!(c.next(&numbering, "1", 0), (2, false));
        assert_eq!(c.next(&numbering, "2", 0), (1, true));
        assert_eq!(c.next(&numbering, "2", 0), (2, false));
    }
}
