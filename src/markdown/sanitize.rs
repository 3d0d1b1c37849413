//! Raw HTML in Markdown is pasted from web pages and Word documents: sanitize it
//! with an allowlist instead of trusting it.
//!
//! Tables, spans, images and the like pass with safe attributes; `<script>`,
//! `<style>`, `<iframe>` and friends are dropped with their content; event
//! handlers (`on*=`) and `style` never pass; URLs must be relative or use a safe
//! scheme (`javascript:`, `vbscript:`, `data:` are removed in any letter case,
//! entity-encoded or with embedded whitespace). Unknown tags are dropped and
//! their text kept. This works fragment by fragment, as comrak hands raw HTML
//! to us one block or one inline tag at a time.

/// Tags that pass (with allowed attributes only).
const ALLOWED_TAGS: &[&str] = &[
    "a",
    "abbr",
    "b",
    "bdi",
    "bdo",
    "blockquote",
    "br",
    "caption",
    "cite",
    "code",
    "col",
    "colgroup",
    "dd",
    "del",
    "details",
    "dfn",
    "div",
    "dl",
    "dt",
    "em",
    "figcaption",
    "figure",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "i",
    "img",
    "ins",
    "kbd",
    "li",
    "mark",
    "ol",
    "p",
    "pre",
    "q",
    "rp",
    "rt",
    "ruby",
    "s",
    "samp",
    "small",
    "span",
    "strike",
    "strong",
    "sub",
    "summary",
    "sup",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "time",
    "tr",
    "u",
    "ul",
    "var",
    "wbr",
];

/// Tags dropped together with everything up to their closing tag.
const DROPPED_WITH_CONTENT: &[&str] = &[
    "script", "style", "iframe", "object", "embed", "noscript", "template", "textarea", "select",
    "svg", "math", "frameset", "frame", "applet", "xml",
];

/// Attributes that pass on any allowed tag.
const GLOBAL_ATTRIBUTES: &[&str] = &["class", "title", "lang", "dir", "id", "align"];

fn tag_attributes(tag: &str) -> &'static [&'static str] {
    match tag {
        "a" => &["href", "name", "rel"],
        "img" => &["src", "alt", "width", "height", "loading"],
        "td" | "th" => &["colspan", "rowspan", "scope", "valign"],
        "col" | "colgroup" => &["span"],
        "ol" => &["start", "reversed", "type"],
        "li" => &["value"],
        "time" => &["datetime"],
        "details" => &["open"],
        "q" | "blockquote" | "del" | "ins" => &["cite"],
        "table" => &["summary"],
        _ => &[],
    }
}

const URL_ATTRIBUTES: &[&str] = &["href", "src", "cite"];

/// State that carries across fragments: inside a dropped element we skip text
/// until its closing tag arrives, possibly in a later fragment.
#[derive(Debug, Default)]
pub struct Sanitizer {
    dropping: Option<String>,
}

impl Sanitizer {
    pub fn new() -> Self {
        Sanitizer::default()
    }

    /// True while inside a dropped element such as `<script>`: text nodes there
    /// must be removed too.
    pub fn is_dropping(&self) -> bool {
        self.dropping.is_some()
    }

    #[cfg(test)]
    pub fn clean(&mut self, html: &str) -> String {
        self.clean_with(html, &mut |_| None)
    }

    /// Cleans `html`, telling `on_place` of every attribute that names a
    /// place and passes: URLs (`href`, `src`, `cite`) and anchors (`id`,
    /// `<a name>`). For a URL, what it returns is written instead.
    pub fn clean_with(
        &mut self,
        html: &str,
        on_place: &mut dyn FnMut(&Place<'_>) -> Option<String>,
    ) -> String {
        let mut out = String::with_capacity(html.len());
        let mut rest = html;
        // Lines before the current tag, counted as the scan passes them.
        let (mut line, mut counted) = (0, 0);
        // Where the last `>` is: a `<!` or `<?` after it can close nowhere, and
        // searching the rest for a `>` from each one made 3 MB of `<!A` take a
        // minute.
        let last_gt = html.rfind('>');
        while !rest.is_empty() {
            let Some(lt) = rest.find('<') else {
                self.push_text(&mut out, rest);
                break;
            };
            self.push_text(&mut out, &rest[..lt]);
            rest = &rest[lt..];
            if let Some(after) = rest.strip_prefix("<!--") {
                // Comments never reach the output (conditional comments from Word).
                rest = match after.find("-->") {
                    Some(end) => &after[end + 3..],
                    None => "",
                };
                continue;
            }
            let offset = html.len() - rest.len();
            let closes = last_gt.is_some_and(|gt| gt > offset);
            match parse_tag(rest, closes) {
                Some((tag, consumed)) => {
                    let at = html.len() - rest.len();
                    line += html[counted..at].matches('\n').count();
                    counted = at;
                    self.push_tag(&mut out, &tag, line, on_place);
                    rest = &rest[consumed..];
                }
                None => {
                    if self.dropping.is_none() {
                        out.push_str("&lt;");
                    }
                    rest = &rest[1..];
                }
            }
        }
        out
    }

    fn push_text(&self, out: &mut String, text: &str) {
        if self.dropping.is_none() {
            // Text between tags in raw HTML is already HTML text; keep entities but
            // never let a stray `>` be mistaken for markup.
            out.push_str(&text.replace('>', "&gt;"));
        }
    }

    fn push_tag(
        &mut self,
        out: &mut String,
        tag: &Tag,
        line: usize,
        on_place: &mut dyn FnMut(&Place<'_>) -> Option<String>,
    ) {
        if let Some(dropping) = &self.dropping {
            if tag.closing && &tag.name == dropping {
                self.dropping = None;
            }
            return;
        }
        if DROPPED_WITH_CONTENT.contains(&tag.name.as_str()) {
            if !tag.closing && !tag.self_closing {
                self.dropping = Some(tag.name.clone());
            }
            return;
        }
        if !ALLOWED_TAGS.contains(&tag.name.as_str()) {
            return;
        }
        if tag.closing {
            out.push_str("</");
            out.push_str(&tag.name);
            out.push('>');
            return;
        }
        out.push('<');
        out.push_str(&tag.name);
        let specific = tag_attributes(&tag.name);
        for (name, value) in &tag.attributes {
            let allowed =
                GLOBAL_ATTRIBUTES.contains(&name.as_str()) || specific.contains(&name.as_str());
            if !allowed {
                continue;
            }
            let is_url = URL_ATTRIBUTES.contains(&name.as_str());
            if is_url && !is_safe_url(value) {
                continue;
            }
            let mut written = None;
            if is_url || name == "id" || name == "name" {
                let place = Place { name, value, line };
                written = on_place(&place).filter(|_| is_url);
            }
            out.push(' ');
            out.push_str(name);
            out.push_str("=\"");
            push_attribute_value(out, written.as_deref().unwrap_or(value));
            out.push('"');
        }
        if tag.name == "a"
            && tag
                .attributes
                .iter()
                .any(|(n, v)| n == "href" && is_external(v))
        {
            out.push_str(" rel=\"noopener\"");
        }
        out.push('>');
    }
}

/// An attribute of raw HTML that names a place, as [`Sanitizer::clean_with`]
/// hands it out: the value with entities decoded.
pub struct Place<'a> {
    /// `href`, `src`, `cite`, `id` or `name`.
    pub name: &'a str,
    pub value: &'a str,
    /// Lines of the fragment before its tag (0 on the first line).
    pub line: usize,
}

struct Tag {
    name: String,
    closing: bool,
    self_closing: bool,
    /// Names lowercased, values with entities decoded.
    attributes: Vec<(String, String)>,
}

/// Parses one tag at the start of `s` (which starts with `<`); returns it and the
/// bytes consumed, or `None` when this `<` does not start a tag. `closes` says
/// whether a `>` follows anywhere in `s`.
fn parse_tag(s: &str, closes: bool) -> Option<(Tag, usize)> {
    let bytes = s.as_bytes();
    let mut i = 1;
    let closing = bytes.get(i) == Some(&b'/');
    if closing {
        i += 1;
    }
    if bytes.get(i) == Some(&b'!') || bytes.get(i) == Some(&b'?') {
        // <!DOCTYPE …>, <?xml …?>: drop up to the next `>`.
        if !closes {
            return None;
        }
        let end = s.find('>')?;
        return Some((
            Tag {
                name: String::from("!"),
                closing: false,
                self_closing: true,
                attributes: Vec::new(),
            },
            end + 1,
        ));
    }
    let name_start = i;
    while i < bytes.len()
        && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'-' || bytes[i] == b':')
    {
        i += 1;
    }
    if i == name_start || !bytes[name_start].is_ascii_alphabetic() {
        return None;
    }
    let name = s[name_start..i].to_ascii_lowercase();
    let mut attributes = Vec::new();
    let mut self_closing = false;
    loop {
        while i < bytes.len() && (bytes[i].is_ascii_whitespace() || bytes[i] == b'/') {
            if bytes[i] == b'/' {
                self_closing = true;
            }
            i += 1;
        }
        if i >= bytes.len() {
            // An unterminated tag: treat the whole rest as consumed so nothing of
            // it leaks as markup.
            return Some((
                Tag {
                    name,
                    closing,
                    self_closing,
                    attributes,
                },
                s.len(),
            ));
        }
        if bytes[i] == b'>' {
            i += 1;
            break;
        }
        self_closing = false;
        let attr_start = i;
        while i < bytes.len()
            && !bytes[i].is_ascii_whitespace()
            && !matches!(bytes[i], b'=' | b'>' | b'/')
        {
            i += 1;
        }
        let attr_name = s[attr_start..i].to_ascii_lowercase();
        while i < bytes.len() && bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        let mut value = String::new();
        if bytes.get(i) == Some(&b'=') {
            i += 1;
            while i < bytes.len() && bytes[i].is_ascii_whitespace() {
                i += 1;
            }
            match bytes.get(i) {
                Some(&quote) if quote == b'"' || quote == b'\'' => {
                    i += 1;
                    let start = i;
                    while i < bytes.len() && bytes[i] != quote {
                        i += 1;
                    }
                    value = decode_entities(&s[start..i]);
                    i = (i + 1).min(bytes.len());
                }
                _ => {
                    let start = i;
                    while i < bytes.len() && !bytes[i].is_ascii_whitespace() && bytes[i] != b'>' {
                        i += 1;
                    }
                    value = decode_entities(&s[start..i]);
                }
            }
        }
        if !attr_name.is_empty() {
            attributes.push((attr_name, value));
        }
    }
    Some((
        Tag {
            name,
            closing,
            self_closing,
            attributes,
        },
        i,
    ))
}

fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        // Only the next 12 bytes can hold the `;`: searching the whole rest
        // from every `&` made an attribute of bare `&`s quadratic.
        let end = rest.bytes().take(13).position(|b| b == b';');
        let decoded = end.and_then(|e| {
            let entity = &rest[1..e];
            let c = match entity {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                "colon" => Some(':'),
                "tab" => Some('\t'),
                "newline" => Some('\n'),
                _ => {
                    let number = entity.strip_prefix('#')?;
                    let code = match number.strip_prefix(['x', 'X']) {
                        Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                        None => number.parse().ok()?,
                    };
                    char::from_u32(code)
                }
            }?;
            Some((c, e + 1))
        });
        match decoded {
            Some((c, len)) => {
                out.push(c);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn push_attribute_value(out: &mut String, value: &str) {
    for c in value.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            _ => out.push(c),
        }
    }
}

/// Relative URLs, fragments and http(s)/mailto/tel pass; every other scheme is
/// refused. Browsers ignore whitespace and control characters inside a scheme,
/// so those are removed before looking.
pub fn is_safe_url(url: &str) -> bool {
    let compact: String = url
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .collect::<String>()
        .to_ascii_lowercase();
    let scheme_end = compact.find(':');
    let first_delimiter = compact.find(['/', '?', '#']);
    match (scheme_end, first_delimiter) {
        (None, _) => true,
        (Some(colon), Some(delim)) if delim < colon => true,
        (Some(colon), _) => {
            let scheme = &compact[..colon];
            matches!(scheme, "http" | "https" | "mailto" | "tel")
        }
    }
}

fn is_external(url: &str) -> bool {
    let lower = url.trim().to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://") || lower.starts_with("//")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn clean(html: &str) -> String {
        Sanitizer::new().clean(html)
    }

    #[test]
    fn keeps_tables_and_spans() {
        let html = "<table class=\"x\"><tr><td colspan=\"2\"><span>工会</span></td></tr></table>";
        assert_eq!(clean(html), html);
    }

    #[test]
    fn drops_scripts_with_content() {
        assert_eq!(clean("<p>a<script>alert(1)</script>b</p>"), "<p>ab</p>");
        assert_eq!(clean("<SCRIPT SRC=x></SCRIPT>"), "");
    }

    #[test]
    fn drops_handlers_and_styles() {
        assert_eq!(
            clean("<img src=\"a.jpg\" onerror=\"alert(1)\" style=\"x\" alt=\"照片\">"),
            "<img src=\"a.jpg\" alt=\"照片\">"
        );
        assert_eq!(clean("<span OnMouseOver=x>t</span>"), "<span>t</span>");
    }

    #[test]
    fn refuses_dangerous_urls_in_any_disguise() {
        for url in [
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            " java\tscript:alert(1)",
            "&#106;avascript:alert(1)",
            "vbscript:msgbox",
            "data:text/html,<b>",
            "javascript&colon;alert(1)",
        ] {
            let out = clean(&format!("<a href=\"{url}\">x</a>"));
            assert_eq!(out, "<a>x</a>", "{url}");
        }
        assert_eq!(
            clean("<a href=\"/news/\">x</a>"),
            "<a href=\"/news/\">x</a>"
        );
        assert_eq!(
            clean("<a href=\"https://a.org/\">x</a>"),
            "<a href=\"https://a.org/\" rel=\"noopener\">x</a>"
        );
    }

    #[test]
    fn drops_comments_and_unknown_tags_but_keeps_text() {
        assert_eq!(
            clean("<!--[if gte mso 9]>x<![endif]--><o:p>文字</o:p>"),
            "文字"
        );
        assert_eq!(clean("<font color=red>红</font>"), "红");
    }

    #[test]
    fn escapes_stray_brackets() {
        assert_eq!(clean("a < b > c"), "a &lt; b &gt; c");
    }

    #[test]
    fn unclosed_declarations_stay_text_and_closed_ones_go() {
        assert_eq!(clean("<!A<?x<!A"), "&lt;!A&lt;?x&lt;!A");
        assert_eq!(clean("<!A<?x<!DOCTYPE html>t"), "t");
        assert_eq!(clean("</!x <?y"), "&lt;/!x &lt;?y");
        assert_eq!(clean(&"<!A".repeat(10_000)), "&lt;!A".repeat(10_000));
    }

    #[test]
    fn entities_decode_only_within_their_length() {
        assert_eq!(
            clean("<span title=\"&&&amp;&#106;&#x6A;&unknown;&lt\">t</span>"),
            "<span title=\"&amp;&amp;&amp;jj&amp;unknown;&amp;lt\">t</span>"
        );
        let many = format!("<span title=\"{}&amp;\">t</span>", "&".repeat(10_000));
        assert_eq!(
            clean(&many),
            format!("<span title=\"{}\">t</span>", "&amp;".repeat(10_001))
        );
        // A `;` too far away does not end an entity.
        assert_eq!(
            clean("<a href=\"&#106;avascript&colon;x\">t</a>"),
            "<a>t</a>"
        );
        assert_eq!(
            clean("<span title=\"&#0000000000000106;\">t</span>"),
            "<span title=\"&amp;#0000000000000106;\">t</span>"
        );
    }

    #[test]
    fn dropping_spans_fragments() {
        let mut s = Sanitizer::new();
        assert_eq!(s.clean("<script>"), "");
        assert!(s.is_dropping());
        assert_eq!(s.clean("</script>"), "");
        assert!(!s.is_dropping());
    }
}
