//! What the site holds now, in the ledger's terms: for each published
//! disclosure the entry it would be recorded as, and for any other page what
//! became of it (a draft, another kind), so a recorded notice that is no longer
//! published can be told apart from one whose file is gone.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::digest::sha256_hex;
use crate::disclosure::skeleton::skeleton;
use crate::frontmatter::kind::Kind;
use crate::images::gallery::{body_images, shown_images, whole_bundle_gallery};
use crate::model::kinds::{Details, Disclosure};
use crate::model::{Page, Site};
use crate::parse::{ParsedPage, ParsedSite};

use super::{AttachmentRecord, Entry, NoteRecord, NoticeRecord, PictureRecord};

/// The site as the ledger sees it: the model, and every parsed page and
/// section (drafts included), to find a recorded page that is not published.
pub struct SiteView<'a> {
    pub site: &'a Site,
    pub parsed: &'a ParsedSite,
    pub root: &'a Path,
}

/// A published disclosure and the entry it would be recorded as today.
pub(super) struct Current<'a> {
    pub page: &'a Page,
    pub entry: Entry,
}

/// What became of a page that is not a published disclosure.
pub(super) struct Unpublished<'a> {
    pub page: &'a ParsedPage,
    /// `draft: true` or `kind: news`, as front matter writes it.
    pub state: String,
}

impl SiteView<'_> {
    /// Every published disclosure (drafts built with `--drafts` are not
    /// published), in path order.
    pub(super) fn current(&self) -> Vec<Current<'_>> {
        use rayon::prelude::*;
        // In parallel: each reads and hashes the pictures it shows. The
        // collected order is the pages' order.
        self.site
            .pages
            .par_iter()
            .filter(|page| !page.parsed.draft)
            .filter_map(|page| match &page.details {
                Details::Disclosure(d) => Some(Current {
                    page,
                    entry: self.entry_for(page, d),
                }),
                _ => None,
            })
            .collect()
    }

    /// The page that was the disclosure `number` from `source`, when it is in
    /// the site but not published as a disclosure: the page at that path, else
    /// one that still gives the number (moved into a news section, say).
    pub(super) fn unpublished(&self, source: &str, number: &str) -> Option<Unpublished<'_>> {
        let pages = || self.parsed.pages.iter().map(Arc::as_ref);
        let key = skeleton(number);
        let page = pages()
            .find(|p| slash_path(&p.path) == source)
            .or_else(|| {
                pages().find(|p| {
                    p.front
                        .number
                        .as_deref()
                        .is_some_and(|n| skeleton(n.trim()) == key)
                })
            })?;
        let state = if page.draft {
            "draft: true".to_string()
        } else if page.kind != Kind::Disclosure {
            // Its own `kind:`, or its section's (`_index.md` changed, or the
            // file moved into a news section).
            format!("kind: {}", page.kind)
        } else {
            // Published (the caller matched it), or left out of the model
            // for an error reported elsewhere. A draft section's pages stay
            // published under an implicit section, so that hides nothing.
            return None;
        };
        Some(Unpublished { page, state })
    }

    fn entry_for(&self, page: &Page, d: &Disclosure) -> Entry {
        let revisions = page.parsed.front.revisions.as_deref().unwrap_or_default();
        let notes: Vec<NoteRecord> = revisions
            .iter()
            .map(|r| NoteRecord {
                date: r.date.trim().to_string(),
                note: r.note.trim().to_string(),
            })
            .collect();
        Entry {
            number: d.number.to_string(),
            url: format!("/{}", page.path),
            title: page.parsed.title.clone(),
            date: page.parsed.date.date().to_string(),
            source: slash_path(&page.parsed.path),
            source_sha256: d.source_sha256.clone(),
            attachments: d
                .attachments
                .iter()
                .map(|a| AttachmentRecord {
                    file: a.name.clone(),
                    size: a.size,
                    sha256: a.sha256.clone(),
                })
                .collect(),
            revisions: notes.len(),
            pictures: self.pictures(page),
            notice: d.notice.as_ref().map(|n| NoticeRecord {
                from: n.range.first.to_string(),
                until: n.range.last.to_string(),
            }),
            notes,
            recorded: String::new(),
            withdrawn: None,
            approved: page
                .parsed
                .front
                .reviewed
                .as_ref()
                .map(|r| super::Approval {
                    by: r.by.trim().to_string(),
                    at: r.at.trim().to_string(),
                }),
        }
    }

    /// Every picture the notice shows, hashed: what a reader sees is the
    /// picture's bytes, not its name. The published sizes are made from these
    /// bytes by the images stage; hashing the source keeps the record the same
    /// when only the encoder or the size settings change.
    fn pictures(&self, page: &Page) -> Vec<PictureRecord> {
        picture_sources(self.site, page)
            .into_iter()
            .filter_map(|source| {
                let path = self.root.join(&source);
                // Only plain files: the images stage reports what is missing,
                // and a FIFO or device must never be read.
                if !path.is_file() {
                    return None;
                }
                let bytes = std::fs::read(&path).ok()?;
                Some(PictureRecord {
                    file: slash_path(&source),
                    sha256: sha256_hex(&bytes),
                })
            })
            .collect()
    }
}

/// The pictures the notice shows, by path from the site root.
fn picture_sources(site: &Site, page: &Page) -> BTreeSet<PathBuf> {
    (shown_images(site, page).into_iter())
        .chain(body_images(page))
        .map(|shown| shown.source)
        .collect()
}

/// The files a notice's record is made from, besides its own text.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Reads {
    /// Relative to the site root, whether they exist or not: the listed
    /// attachments and the pictures the page names or shows.
    pub files: BTreeSet<PathBuf>,
    /// With a gallery of the whole bundle, its folder: any picture put there
    /// is shown, and so recorded.
    pub bundle: Option<PathBuf>,
}

/// What the record of `page` reads: a file made at one of these places
/// changes what the ledger would record for it.
pub fn reads(site: &Site, page: &Page) -> Reads {
    let mut files = picture_sources(site, page);
    let listed = page.parsed.front.attachments.as_deref().unwrap_or_default();
    files.extend(
        (listed.iter())
            .filter_map(|spec| crate::model::kinds::resolve_file(&page.parsed, &spec.file)),
    );
    Reads {
        files,
        bundle: whole_bundle_gallery(page),
    }
}

pub(super) fn slash_path(path: &Path) -> String {
    path.to_string_lossy().replace('\\', "/")
}
