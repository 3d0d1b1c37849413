//! Text from front matter and bodies reaches feeds, the sitemap and the search
//! index. A YAML escape writes any character (`"\u0001"`, `"\uFFFE"`), and a
//! body's `&#xFFFE;` becomes one too: none of them may make an XML file
//! invalid, nor the search index's scripts fail to load.

use crate::harness::{TestSite, files_with_extension};

/// Characters written into every field a feed, the sitemap or the search
/// index shows, as YAML double-quoted escapes.
const HOSTILE: &[&str] = &[
    "\\x01", "\\x08", "\\x0B", "\\x0C", "\\x1B", "\\x1F", "\\x7F", "\\x80", "\\x85", "\\x9F",
    "\\uFFFE", "\\uFFFF", "\\u2028", "\\u2029",
];

/// One of the hostile characters inside a word: `甲\x01乙`.
fn hostile(i: usize, word: &str) -> String {
    format!("{word}{}{word}", HOSTILE[i % HOSTILE.len()])
}

/// XML 1.0 allows these, and of the control characters only tab, newline
/// and carriage return are wanted in our files.
fn is_clean(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r') || !(c.is_control() || c == '\u{FFFE}' || c == '\u{FFFF}')
}

fn assert_clean(name: &str, text: &str) {
    if let Some(c) = text.chars().find(|&c| !is_clean(c)) {
        panic!("{name}: U+{:04X} in\n{text}", c as u32);
    }
    // A character reference to one of them is as invalid as the character.
    for (at, _) in text.match_indices("&#") {
        let rest = &text[at + 2..];
        let end = rest.find(';').unwrap_or(rest.len());
        let code = match rest.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(&hex[..end - 1], 16).ok(),
            None => rest[..end].parse().ok(),
        };
        let c = code.and_then(char::from_u32);
        assert!(
            c.is_some_and(is_clean),
            "{name}: `&#{}` in\n{text}",
            &rest[..end]
        );
    }
}

#[test]
fn regression_control_characters_in_any_field_never_reach_xml_or_the_search_index() {
    let site = TestSite::empty();
    site.write(
        "site.yaml",
        format!(
            "title: \"{}\"\nbase_url: https://example.org/\norganization: \"{}\"\ntaxonomies: [tags, categories]\n",
            hostile(0, "站"),
            hostile(1, "会")
        ),
    );
    site.write(
        "content/news/_index.md",
        format!("---\ntitle: \"{}\"\n---\n", hostile(2, "栏")),
    );
    for i in 0..HOSTILE.len() {
        site.write(
            &format!("content/news/p{i:02}.md"),
            format!(
                "---\ntitle: \"{}\"\ndate: 2026-11-{:02}\nsummary: \"{}\"\nauthor: \"{}\"\ntags: [\"{}\"]\ncategories: [\"{}\"]\n---\n正文&#x1;&#xFFFE;&#x85;&#x7F;&#x2028;结束。\n",
                hostile(i, "题"),
                i + 1,
                hostile(i + 3, "摘"),
                hostile(i + 5, "人"),
                hostile(i + 7, "签"),
                hostile(i + 9, "类"),
            ),
        );
    }
    // The same body shown in full in the feeds too.
    let config = std::fs::read_to_string(site.root.join("site.yaml")).unwrap();
    for feed_content in ["summary", "full"] {
        site.write(
            "site.yaml",
            format!("{config}feed_content: {feed_content}\n"),
        );
        site.build(&[]).assert_ok();
        let xml = files_with_extension(&site.public(), &["xml"]);
        assert!(xml.len() > 5, "{xml:?}");
        for path in xml {
            let text = std::fs::read_to_string(&path).unwrap();
            assert_clean(&path.display().to_string(), &text);
            let mut reader = quick_xml::Reader::from_str(&text);
            loop {
                match reader.read_event() {
                    Ok(quick_xml::events::Event::Eof) => break,
                    Ok(_) => {}
                    Err(e) => panic!("{}: {e}", path.display()),
                }
            }
        }
        let feed = site.read("atom.xml");
        assert!(feed.contains("题题"), "the words around it stay: {feed}");
        for path in files_with_extension(&site.public().join("search"), &["js"]) {
            let text = std::fs::read_to_string(&path).unwrap();
            let name = path.display().to_string();
            // Before ES2019 these end a string literal's line: the script fails.
            assert!(
                !text.contains(['\u{2028}', '\u{2029}']),
                "{name}: a raw line separator"
            );
            let json = text
                .trim_end()
                .strip_suffix(");")
                .and_then(|t| t.split_once(',').map(|(_, json)| json))
                .unwrap_or_else(|| panic!("{name}: {text}"));
            serde_json::from_str::<serde_json::Value>(json)
                .unwrap_or_else(|e| panic!("{name}: {e}\n{json}"));
        }
        for json in ["disclosures/ledger.json", ".well-known/noticeboard.json"] {
            if site.exists(json) {
                serde_json::from_str::<serde_json::Value>(&site.read(json)).unwrap();
            }
        }
    }
}
