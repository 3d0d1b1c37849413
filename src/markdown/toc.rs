//! Heading anchors and the table of contents.
//!
//! Anchors keep Chinese (`一、提升劳动精神` → `一-提升劳动精神`), are lowercase,
//! stable for the same heading text, and made unique within a page by a `-2`,
//! `-3` suffix in document order.

use std::collections::{HashMap, HashSet};
use std::fmt;
use std::sync::Mutex;

use comrak::adapters::{HeadingAdapter, HeadingMeta};
use comrak::nodes::Sourcepos;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TocEntry {
    pub level: u8,
    pub text: String,
    pub id: String,
}

/// Turns heading text into an anchor: letters and digits of any script are kept,
/// everything else becomes a single `-`.
pub fn anchor_for(text: &str) -> String {
    let mut id = String::with_capacity(text.len());
    let mut pending_dash = false;
    for c in text.chars() {
        if c.is_alphanumeric() {
            if pending_dash && !id.is_empty() {
                id.push('-');
            }
            pending_dash = false;
            for lower in c.to_lowercase() {
                id.push(lower);
            }
        } else if c == '-' || c == '_' || c.is_whitespace() || !c.is_alphanumeric() {
            pending_dash = true;
        }
    }
    if id.is_empty() {
        id.push_str("section");
    }
    id
}

/// Gives each heading its id as comrak renders it, and records the contents.
#[derive(Default)]
pub struct HeadingCollector {
    state: Mutex<State>,
}

#[derive(Default)]
struct State {
    used: HashSet<String>,
    /// The next suffix to try for each base anchor. Probing `-2`, `-3`, … from
    /// the start for every repeat made a page of 40,000 identical headings
    /// quadratic (69 s); a counter that only grows makes it linear, since each
    /// taken id can turn one probe away once.
    next_suffix: HashMap<String, u64>,
    entries: Vec<TocEntry>,
}

impl HeadingCollector {
    pub fn new() -> Self {
        HeadingCollector::default()
    }

    pub fn into_entries(self) -> Vec<TocEntry> {
        match self.state.into_inner() {
            Ok(state) => state.entries,
            Err(poisoned) => poisoned.into_inner().entries,
        }
    }

    fn next_id(&self, level: u8, text: &str) -> String {
        let mut state = match self.state.lock() {
            Ok(guard) => guard,
            Err(poisoned) => poisoned.into_inner(),
        };
        let base = anchor_for(text);
        let mut id = base.clone();
        if state.used.contains(&id) {
            let mut n = state.next_suffix.get(&base).copied().unwrap_or(2);
            loop {
                id = format!("{base}-{n}");
                n += 1;
                if !state.used.contains(&id) {
                    break;
                }
            }
            state.next_suffix.insert(base, n);
        }
        state.used.insert(id.clone());
        state.entries.push(TocEntry {
            level,
            text: text.trim().to_string(),
            id: id.clone(),
        });
        id
    }
}

impl HeadingAdapter for HeadingCollector {
    fn enter(
        &self,
        output: &mut dyn fmt::Write,
        heading: &HeadingMeta,
        _sourcepos: Option<Sourcepos>,
    ) -> fmt::Result {
        let id = self.next_id(heading.level, &heading.content);
        // Ids are built from letters, digits and `-` only, so they need no escaping.
        write!(output, "<h{} id=\"{}\">", heading.level, id)
    }

    fn exit(&self, output: &mut dyn fmt::Write, heading: &HeadingMeta) -> fmt::Result {
        write!(output, "</h{}>", heading.level)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_numbered_headings() {
        assert_eq!(anchor_for("一、提升劳动精神"), "一-提升劳动精神");
        assert_eq!(anchor_for("（一）着力提升"), "一-着力提升");
        assert_eq!(anchor_for("Safety First!"), "safety-first");
        assert_eq!(anchor_for("！？"), "section");
    }

    #[test]
    fn duplicates_get_suffixes() {
        let c = HeadingCollector::new();
        assert_eq!(c.next_id(2, "总结"), "总结");
        assert_eq!(c.next_id(2, "总结"), "总结-2");
        assert_eq!(c.next_id(3, "总结"), "总结-3");
        assert_eq!(c.into_entries().len(), 3);
    }

    #[test]
    fn a_suffix_taken_by_another_heading_is_skipped() {
        let c = HeadingCollector::new();
        for text in ["总结", "总结 2", "总结", "总结 4", "总结", "总结", "总结-3"] {
            c.next_id(2, text);
        }
        let ids: Vec<String> = c.into_entries().into_iter().map(|e| e.id).collect();
        assert_eq!(
            ids,
            [
                "总结",
                "总结-2",
                "总结-3",
                "总结-4",
                "总结-5",
                "总结-6",
                "总结-3-2"
            ]
        );
    }
}
