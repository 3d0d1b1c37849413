//! What a page's kind adds around its text, written for WeChat: a
//! disclosure's 文号, 公示期 (absolute dates, no status word that an old
//! article would get wrong), 受理联系 and attachment titles with the page's
//! address; a person's facts; a campaign's dates and slogan.

use crate::escape::escape_html;
use crate::frontmatter::{Contact, HonorLevel};
use crate::model::kinds::Details;
use crate::model::{Page, Site};
use crate::render::status::period_text;

use super::{Context, style};

/// The facts block shown before the text, if the kind has one.
pub fn before_body(page: &Page, ctx: &Context) -> String {
    let front = &page.parsed.front;
    let t = &ctx.words;
    let mut facts: Vec<(String, String)> = Vec::new();
    let mut lists: Vec<(String, Vec<String>)> = Vec::new();
    let label = |key: &str| t.word(key);
    match &page.details {
        Details::Disclosure(d) => {
            facts.push((label("number"), d.number.to_string()));
            for (key, value) in [
                ("issuer", &front.issuer),
                ("category", &front.category),
                ("period", &front.period),
            ] {
                if let Some(v) = value.as_ref().filter(|v| !v.trim().is_empty()) {
                    facts.push((label(key), v.clone()));
                }
            }
            if let Some(notice) = &d.notice {
                facts.push((
                    label("notice_period"),
                    period_text(notice.range, ctx.language),
                ));
            }
        }
        Details::Campaign(c) => {
            facts.push((label("campaign_period"), period_text(c.range, ctx.language)));
            if let Some(slogan) = front.slogan.as_ref().filter(|s| !s.trim().is_empty()) {
                facts.push((label("slogan"), slogan.clone()));
            }
            if let Some(strands) = &front.strands {
                lists.push((label("strands"), strands.0.clone()));
            }
        }
        Details::Plain => {
            for key in ["unit", "position", "trade", "grade", "studio"] {
                let value = match key {
                    "unit" => &front.unit,
                    "position" => &front.position,
                    "trade" => &front.trade,
                    "grade" => &front.grade,
                    _ => &front.studio,
                };
                if let Some(v) = value.as_ref().filter(|v| !v.trim().is_empty()) {
                    facts.push((label(key), v.clone()));
                }
            }
            if let Some(honors) = front.honors.as_ref().filter(|h| !h.is_empty()) {
                let items = honors
                    .iter()
                    .map(|h| {
                        let level = match h.level {
                            HonorLevel::National => "level_national",
                            HonorLevel::Provincial => "level_provincial",
                            HonorLevel::City => "level_city",
                            HonorLevel::Enterprise => "level_enterprise",
                        };
                        format!("{} {}（{}）", h.year, h.title, t.word(level))
                    })
                    .collect();
                lists.push((label("honors"), items));
            }
            if let Some(list) = front.achievements.as_ref().filter(|a| !a.0.is_empty()) {
                lists.push((label("achievements"), list.0.clone()));
            }
        }
    }
    if facts.is_empty() && lists.is_empty() {
        return String::new();
    }
    let p = &ctx.palette;
    let mut out = format!("<section style=\"{}\">", style::facts_box(p));
    for (name, value) in facts {
        out.push_str(&fact_line(ctx, &name, &escape_html(&value)));
    }
    for (name, items) in lists {
        out.push_str(&fact_line(ctx, &name, ""));
        for item in items {
            out.push_str(&format!(
                "<p style=\"{}\"><span style=\"{}\">{}</span>{}</p>",
                style::list_paragraph(p, 0, 0, false),
                style::marker(p),
                style::bullet(0),
                escape_html(&item)
            ));
        }
    }
    out.push_str("</section>");
    out
}

fn fact_line(ctx: &Context, name: &str, value_html: &str) -> String {
    let p = &ctx.palette;
    format!(
        "<p style=\"{}\"><strong style=\"{}\">{}{}</strong>{value_html}</p>",
        style::fact(p),
        style::strong(p),
        escape_html(name),
        escape_html(&ctx.words.colon),
    )
}

/// A correction notice's banner (本公告更正：《原公示》, with its address as a
/// note) and its reason; a corrected notice's pointer to the correction.
pub fn corrections(
    site: &Site,
    index: usize,
    ctx: &Context,
    notes: &mut dyn FnMut(&str, &str) -> usize,
) -> String {
    let t = &ctx.words;
    let p = &ctx.palette;
    let mut out = String::new();
    let line = |lead: &str, other: usize, notes: &mut dyn FnMut(&str, &str) -> usize| {
        let target = &site.pages[other];
        let url = format!("{}{}", ctx.urls.origin_base(), target.path);
        let n = notes(&super::links::shown_url(&url), &target.parsed.title);
        format!(
            "<p style=\"{}\"><strong style=\"{}\">{}</strong>{}<sup style=\"{}\">[{n}]</sup></p>",
            style::fact(p),
            style::strong(p),
            escape_html(lead),
            escape_html(&target.parsed.title),
            style::note_mark(p)
        )
    };
    if let Some(&original) = site.corrects.get(&index) {
        out.push_str(&line(&t.word("corrects"), original, notes));
        if let Some(reason) = site.pages[index]
            .parsed
            .front
            .reason
            .as_ref()
            .filter(|r| !r.trim().is_empty())
        {
            out.push_str(&fact_line(ctx, &t.word("reason"), &escape_html(reason)));
        }
    }
    for (&correction, _) in site.corrects.iter().filter(|(_, o)| **o == index) {
        out.push_str(&line(&t.word("corrected_by"), correction, notes));
    }
    if out.is_empty() {
        return out;
    }
    format!("<section style=\"{}\">{out}</section>", style::facts_box(p))
}

/// After the text: a disclosure's attachments (by title, with the page's
/// address, since WeChat cannot carry files) and whom to contact.
pub fn after_body(page: &Page, ctx: &Context, permalink: &str) -> String {
    let Details::Disclosure(d) = &page.details else {
        return String::new();
    };
    let p = &ctx.palette;
    let t = &ctx.words;
    let mut out = String::new();
    if !d.attachments.is_empty() {
        out.push_str(&format!(
            "<section style=\"{}\"><p style=\"{}\">{}</p>",
            style::end_box(p),
            style::end_heading(p),
            escape_html(&t.word("attachments"))
        ));
        for (i, a) in d.attachments.iter().enumerate() {
            let n = t.word("attachment_n").replace("{n}", &(i + 1).to_string());
            out.push_str(&format!(
                "<p style=\"{}\">{}{}{}（{}）</p>",
                style::fact(p),
                escape_html(&n),
                escape_html(&t.colon),
                escape_html(&a.title),
                escape_html(a.kind)
            ));
        }
        out.push_str(&format!(
            "<p style=\"{}\">{}</p></section>",
            style::end_item(p),
            escape_html(&t.attachments_online(permalink))
        ));
    }
    if let Some(revisions) = page
        .parsed
        .front
        .revisions
        .as_ref()
        .filter(|r| !r.is_empty())
    {
        out.push_str(&format!(
            "<section style=\"{}\"><p style=\"{}\">{}</p>",
            style::end_box(p),
            style::end_heading(p),
            escape_html(&t.word("revisions"))
        ));
        for r in revisions {
            out.push_str(&format!(
                "<p style=\"{}\">{}{}{}</p>",
                style::fact(p),
                escape_html(&r.date),
                escape_html(&t.colon),
                escape_html(&r.note)
            ));
        }
        out.push_str("</section>");
    }
    if let Some(contact) = &page.parsed.front.contact {
        let text = match contact {
            Contact::Text(text) => text.clone(),
            Contact::Details {
                department,
                phone,
                email,
                address,
            } => {
                let mut parts = Vec::new();
                if let Some(d) = department {
                    parts.push(d.clone());
                }
                for (key, value) in [
                    ("contact_phone", phone),
                    ("contact_email", email),
                    ("contact_address", address),
                ] {
                    if let Some(v) = value {
                        parts.push(format!("{}{}{v}", t.word(key), t.colon));
                    }
                }
                parts.join("　")
            }
        };
        if !text.trim().is_empty() {
            out.push_str(&format!("<section style=\"{}\">", style::end_box(p)));
            out.push_str(&fact_line(ctx, &t.word("contact"), &escape_html(&text)));
            out.push_str("</section>");
        }
    }
    out
}
