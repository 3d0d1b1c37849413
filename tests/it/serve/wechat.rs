//! serve's WeChat tools: every page gets the script (the built site never
//! does), `/__noticeboard/wechat/<page>` answers with the fragment to copy
//! (for the published site), the preview's and its dark-mode version, behind
//! the Host guard; and in Chromium the button fills the clipboard and the
//! preview shows both modes at 375 px.

use std::io::{Read, Write};
use std::path::Path;

use super::Serve;
use crate::harness::{TestSite, playwright};

#[test]
fn pages_get_the_tools_and_the_endpoint_answers_for_pages_only() {
    let site = TestSite::fixture("wechat");
    let serve = Serve::start(&site);
    let (status, _, body) = serve.get("/news/links/");
    assert_eq!(status, 200);
    let html = String::from_utf8(body).unwrap();
    assert!(html.contains("/__noticeboard/wechat.js"), "{html}");
    let (status, head, script) = serve.get("/__noticeboard/wechat.js");
    assert_eq!(status, 200);
    assert!(head.contains("javascript"), "{head}");
    assert!(String::from_utf8(script).unwrap().contains("ClipboardItem"));

    let (status, head, body) = serve.get("/__noticeboard/wechat/news/links/");
    assert_eq!(status, 200);
    assert!(head.contains("application/json"), "{head}");
    assert!(
        head.contains("Cross-Origin-Resource-Policy: same-origin"),
        "{head}"
    );
    let json: serde_json::Value = serde_json::from_slice(&body).unwrap();
    let copy = json["copy"].as_str().unwrap();
    let preview = json["preview"].as_str().unwrap();
    let dark = json["dark"].as_str().unwrap();
    // The copy points at the published site, the preview at serve itself.
    assert!(
        copy.contains("https://gonghui.jczj.com.cn/news/other/"),
        "{copy}"
    );
    assert!(
        preview.contains(&serve.url.trim_end_matches('/').to_string()),
        "{preview}"
    );
    assert!(dark.contains("#191919") || dark != preview, "dark differs");
    assert_ne!(dark, preview);
    assert_eq!(json["labels"]["copy"], "复制到公众号");
    assert_eq!(json["problems"].as_array().unwrap().len(), 0, "{json}");

    // Listings have no fragment.
    assert_eq!(serve.get("/__noticeboard/wechat/news/").0, 404);
    assert_eq!(serve.get("/__noticeboard/wechat/no/such/").0, 404);
    // Another name for the host is refused, as for every preview answer.
    let port = serve.host.rsplit(':').next().unwrap();
    let mut stream = std::net::TcpStream::connect(&serve.host).unwrap();
    write!(
        stream,
        "GET /__noticeboard/wechat/news/links/ HTTP/1.1\r\nHost: evil.example:{port}\r\n\r\n"
    )
    .unwrap();
    let mut reply = String::new();
    stream.read_to_string(&mut reply).unwrap();
    assert!(reply.starts_with("HTTP/1.1 403"), "{reply}");
    assert!(!reply.contains("gonghui.jczj.com.cn"), "{reply}");
}

#[test]
fn the_button_copies_rich_text_and_the_preview_shows_light_and_dark() {
    let site = TestSite::fixture("wechat");
    let serve = Serve::start(&site);
    let shots = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/screenshots");
    let url = format!("{}news/links/", serve.url);
    let Some(result) = playwright("wechat.mjs", &[&url, &shots.to_string_lossy()]) else {
        return;
    };
    assert_eq!(result["button"], "复制到公众号");
    let types: Vec<&str> = result["clipboard_types"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|t| t.as_str())
        .collect();
    assert!(types.contains(&"text/html"), "{result}");
    assert!(types.contains(&"text/plain"), "{result}");
    assert_eq!(result["clipboard_html_has_section"], true, "{result}");
    // Pasted into a contenteditable, the inline styles stay.
    let pasted = &result["pasted"];
    assert!(pasted["styled"].as_u64().unwrap() >= 20, "{result}");
    assert!(
        pasted["h2_style_attr"]
            .as_str()
            .unwrap_or("")
            .contains("border-bottom"),
        "{result}"
    );
    assert_eq!(pasted["tables"], 1, "{result}");
    let frames = result["frames"].as_array().unwrap();
    assert_eq!(frames.len(), 2, "{result}");
    for f in frames {
        assert_eq!(f["width"], 375 + 2, "375 px and a border: {result}");
    }
    assert_eq!(frames[0]["background"], "rgb(255, 255, 255)");
    assert_eq!(frames[1]["background"], "rgb(25, 25, 25)");
    assert_ne!(
        frames[0]["heading"], frames[1]["heading"],
        "dark mode turns the heading colour"
    );
    assert_eq!(result["closed"], true);
    assert_eq!(result["focus_back"], "nb-wechat-preview-button");
    assert!(shots.join("wechat-preview-light.png").is_file());
    assert!(shots.join("wechat-preview-dark.png").is_file());
}
