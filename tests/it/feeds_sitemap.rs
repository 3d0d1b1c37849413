//! Atom feeds (checked as RFC 4287 requires), sitemap and robots.txt.

use std::collections::BTreeSet;

use crate::harness::TestSite;
use quick_xml::Reader;
use quick_xml::events::Event;

/// A tiny XML tree, enough to check feed and sitemap structure.
#[derive(Debug, Default, Clone)]
struct Node {
    name: String,
    attrs: Vec<(String, String)>,
    text: String,
    children: Vec<Node>,
}

impl Node {
    fn child(&self, name: &str) -> Option<&Node> {
        self.children.iter().find(|c| c.name == name)
    }
    fn all(&self, name: &str) -> Vec<&Node> {
        self.children.iter().filter(|c| c.name == name).collect()
    }
    fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }
}

fn element(e: &quick_xml::events::BytesStart<'_>) -> Node {
    let qname = e.name();
    let name: &str = qname.as_ref();
    let mut node = Node {
        name: name.to_string(),
        ..Node::default()
    };
    for a in e.attributes() {
        let a = a.unwrap();
        let key: &str = a.key.as_ref();
        node.attrs.push((
            key.to_string(),
            a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .unwrap()
                .into_owned(),
        ));
    }
    node
}

fn parse_xml(text: &str) -> Node {
    let mut reader = Reader::from_str(text);
    let mut stack = vec![Node::default()];
    loop {
        match reader.read_event().expect("well-formed XML") {
            Event::Start(e) => stack.push(element(&e)),
            Event::Empty(e) => stack.last_mut().unwrap().children.push(element(&e)),
            Event::Text(t) => {
                let raw: &str = t.as_ref();
                let text = quick_xml::escape::unescape(raw).unwrap().into_owned();
                stack.last_mut().unwrap().text.push_str(&text);
            }
            Event::GeneralRef(r) => {
                let name: &str = r.as_ref();
                let entity = format!("&{name};");
                let text = quick_xml::escape::unescape(&entity).unwrap().into_owned();
                stack.last_mut().unwrap().text.push_str(&text);
            }
            Event::End(_) => {
                let node = stack.pop().unwrap();
                stack.last_mut().unwrap().children.push(node);
            }
            Event::Eof => break,
            _ => {}
        }
    }
    assert_eq!(stack.len(), 1, "unbalanced XML");
    stack
        .pop()
        .unwrap()
        .children
        .into_iter()
        .next()
        .expect("a root element")
}

fn is_rfc3339(s: &str) -> bool {
    s.len() >= 20
        && s.as_bytes()[4] == b'-'
        && s.as_bytes()[10] == b'T'
        && (s.ends_with('Z') || s[19..].contains('+') || s[19..].contains('-'))
}

/// The RFC 4287 rules a reader relies on: feed id/title/updated/author/self
/// link; each entry id/title/updated/alternate link.
fn check_atom(feed: &Node) {
    assert_eq!(feed.name, "feed");
    assert_eq!(feed.attr("xmlns"), Some("http://www.w3.org/2005/Atom"));
    assert!(!feed.child("id").unwrap().text.is_empty());
    assert!(!feed.child("title").unwrap().text.is_empty());
    assert!(is_rfc3339(&feed.child("updated").unwrap().text));
    assert!(feed.child("author").and_then(|a| a.child("name")).is_some());
    assert!(
        feed.all("link")
            .iter()
            .any(|l| l.attr("rel") == Some("self"))
    );
    for entry in feed.all("entry") {
        assert!(entry.child("id").unwrap().text.starts_with("https://"));
        assert!(!entry.child("title").unwrap().text.is_empty());
        assert!(is_rfc3339(&entry.child("updated").unwrap().text));
        assert!(
            entry
                .all("link")
                .iter()
                .any(|l| l.attr("rel") == Some("alternate"))
        );
    }
}

#[test]
fn site_feed_is_valid_and_complete() {
    let site = TestSite::fixture("tags");
    site.build(&[]).assert_ok();
    let feed = parse_xml(&site.read("atom.xml"));
    check_atom(&feed);
    let entries = feed.all("entry");
    let titles: Vec<&str> = entries
        .iter()
        .map(|e| e.child("title").unwrap().text.as_str())
        .collect();
    assert_eq!(
        titles,
        vec!["丙", "乙", "甲", "丁 <script>alert(1)</script>"]
    );
    // `updated` of the feed is the newest entry's (丙 was updated 2026-02-01).
    assert_eq!(
        feed.child("updated").unwrap().text,
        "2026-02-01T00:00:00+08:00"
    );
    let c = entries[0];
    assert_eq!(
        c.child("published").unwrap().text,
        "2026-01-03T00:00:00+08:00"
    );
    assert_eq!(
        c.child("author").unwrap().child("name").unwrap().text,
        "张三"
    );
    let categories: Vec<&str> = c
        .all("category")
        .iter()
        .filter_map(|n| n.attr("term"))
        .collect();
    assert_eq!(categories, vec!["三篇", "一篇"]);
    // Full content, HTML escaped once, with absolute URLs.
    let content = &entries[2].child("content").unwrap().text;
    assert!(
        content.contains("src=\"https://example.org/news/a/photo.jpg\""),
        "{content}"
    );
    assert!(
        content.contains("href=\"https://example.org/news/b/\""),
        "{content}"
    );
    assert!(
        entries[0]
            .child("content")
            .unwrap()
            .text
            .contains("<b>粗体</b>")
    );
}

#[test]
fn section_and_term_feeds_exist_and_link_from_pages() {
    let site = TestSite::fixture("tags");
    site.build(&[]).assert_ok();
    let section = parse_xml(&site.read("news/atom.xml"));
    check_atom(&section);
    assert_eq!(section.all("entry").len(), 4);
    let listing = site.html("news/index.html");
    assert_eq!(
        listing.attr("link[rel=alternate][type='application/atom+xml']", "href"),
        "/news/atom.xml"
    );
    let list = site.html("tags/index.html");
    for url in list.attrs(".term-list a", "href") {
        let feed = parse_xml(&site.read(&format!("{}atom.xml", url.trim_start_matches('/'))));
        check_atom(&feed);
        assert!(!feed.all("entry").is_empty());
    }
}

#[test]
fn summary_feeds_leave_out_content() {
    let site = TestSite::fixture("tags");
    site.write(
        "site.yaml",
        "title: 标签测试\nbase_url: https://example.org/\nfeed_content: summary\nfeed_limit: 2\n",
    );
    site.build(&[]).assert_ok();
    let feed = parse_xml(&site.read("atom.xml"));
    check_atom(&feed);
    assert_eq!(feed.all("entry").len(), 2);
    assert!(
        feed.all("entry")
            .iter()
            .all(|e| e.child("content").is_none())
    );
    assert!(
        feed.all("entry")
            .iter()
            .all(|e| e.child("summary").is_some())
    );
}

#[test]
fn sitemap_lists_exactly_the_built_pages() {
    let site = TestSite::fixture("tags");
    site.build(&[]).assert_ok();
    let sitemap = parse_xml(&site.read("sitemap.xml"));
    assert_eq!(sitemap.name, "urlset");
    let mut in_sitemap = BTreeSet::new();
    for url in sitemap.all("url") {
        let loc = url.child("loc").unwrap().text.clone();
        assert!(is_rfc3339(&url.child("lastmod").unwrap().text), "{loc}");
        in_sitemap.insert(
            loc.strip_prefix("https://example.org/")
                .unwrap()
                .to_string(),
        );
    }
    // Every index.html except later listing pages and redirects; nothing else.
    let mut built = BTreeSet::new();
    for (path, bytes) in site.snapshot() {
        let path = path.replace('\\', "/");
        let Some(dir) = path.strip_suffix("index.html") else {
            continue;
        };
        let text = String::from_utf8_lossy(&bytes);
        // Not in a sitemap: later listing pages, redirects, the search page.
        if dir.contains("page/") || dir == "search/" || text.contains("http-equiv=\"refresh\"") {
            continue;
        }
        built.insert(dir.to_string());
    }
    assert_eq!(in_sitemap, built);
    assert!(
        !in_sitemap
            .iter()
            .any(|p| p.contains("404") || p.contains("search"))
    );
}

#[test]
fn robots_points_at_the_sitemap() {
    let site = TestSite::fixture("tags");
    site.build(&[]).assert_ok();
    assert!(
        site.read("robots.txt")
            .contains("Sitemap: https://example.org/sitemap.xml")
    );
}

#[test]
fn feeds_can_be_turned_off() {
    let site = TestSite::fixture("tags");
    site.write(
        "site.yaml",
        "title: t\nbase_url: https://example.org/\nfeeds: false\n",
    );
    site.build(&[]).assert_ok();
    assert!(!site.exists("atom.xml"));
    assert_eq!(
        site.html("index.html")
            .count("link[type='application/atom+xml']"),
        0
    );
}

#[test]
fn unicode_slugs_are_percent_encoded_in_sitemap_and_feeds() {
    let site = TestSite::fixture("tags");
    site.write(
        "site.yaml",
        "title: t\nbase_url: https://example.org/\nslugs: unicode\n",
    );
    site.build(&[]).assert_ok();
    let sitemap = site.read("sitemap.xml");
    assert!(
        sitemap.contains("https://example.org/tags/%E4%B8%89%E7%AF%87/"),
        "{sitemap}"
    );
    assert!(!sitemap.contains("三篇"));
    let feed = parse_xml(&site.read("tags/三篇/atom.xml"));
    assert!(feed.child("id").unwrap().text.is_ascii());
}
