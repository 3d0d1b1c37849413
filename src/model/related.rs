//! Related pages: the pages sharing most tags with each page, and after an
//! edit, which pages' lists may have changed.

use std::sync::Arc;

use super::{MAX_EDITED, Page, Previous, Site, Taxonomy};

/// Pages sharing tags with each page: most shared tags first, then newest, at
/// most five. Counting goes through the term lists, so it costs the sum of the
/// terms' sizes rather than pages squared.
pub(super) fn related_pages(
    pages: &[Page],
    taxonomies: &[Taxonomy],
    rank: &[usize],
    previous: Option<Previous<'_>>,
) -> (Arc<Vec<Vec<usize>>>, u64) {
    let Some(tags) = taxonomies.iter().find(|t| t.name == "tags") else {
        return (Arc::new(vec![Vec::new(); pages.len()]), 0);
    };
    let mut terms_of: Vec<Vec<usize>> = vec![Vec::new(); pages.len()];
    for (t, term) in tags.terms.iter().enumerate() {
        for &p in &term.pages {
            terms_of[p].push(t);
        }
    }
    let key = {
        use std::hash::{Hash, Hasher};
        let mut h = std::hash::DefaultHasher::new();
        (&terms_of, rank).hash(&mut h);
        h.finish()
    };
    if let Some(old) = previous
        && old.memo.related_key == key
        && old.site.related.len() == pages.len()
    {
        return (old.site.related.clone(), key);
    }
    // Shared-tag counts in a dense per-thread array: the work is the sum of the
    // tag sizes over each page's tags, with no sorting of candidate lists (a
    // popular tag on thousands of pages made that the slowest part of the model).
    use rayon::prelude::*;
    let one = |(counts, touched): &mut (Vec<u16>, Vec<usize>), p: usize| {
        related_of(p, &terms_of, tags, rank, counts, touched)
    };
    let scratch = || (vec![0u16; pages.len()], Vec::new());
    if let Some(old) = previous.map(|p| p.site)
        && let Some(affected) = related_reach(pages, tags, old)
    {
        // Only pages sharing a tag with an edited page (before or after the
        // edit) can see their list change.
        let fresh: Vec<Vec<usize>> = affected
            .par_iter()
            .map_init(scratch, |s, &p| one(s, p))
            .collect();
        let mut related = Vec::clone(&old.related);
        for (p, list) in affected.into_iter().zip(fresh) {
            related[p] = list;
        }
        return (Arc::new(related), key);
    }
    let related: Vec<Vec<usize>> = (0..pages.len())
        .into_par_iter()
        .map_init(scratch, one)
        .collect();
    (Arc::new(related), key)
}

/// Page `p`'s related pages: the best five by (more shared tags, newer).
pub(super) fn related_of(
    p: usize,
    terms_of: &[Vec<usize>],
    tags: &Taxonomy,
    rank: &[usize],
    counts: &mut [u16],
    touched: &mut Vec<usize>,
) -> Vec<usize> {
    for &t in &terms_of[p] {
        for &o in &tags.terms[t].pages {
            if o != p {
                if counts[o] == 0 {
                    touched.push(o);
                }
                counts[o] = counts[o].saturating_add(1);
            }
        }
    }
    // Kept sorted.
    let mut best: Vec<(std::cmp::Reverse<u16>, usize, usize)> = Vec::with_capacity(6);
    for &o in touched.iter() {
        let key = (std::cmp::Reverse(counts[o]), rank[o], o);
        counts[o] = 0;
        if best.len() == 5 && key >= best[4] {
            continue;
        }
        let at = best.partition_point(|b| *b < key);
        best.insert(at, key);
        best.truncate(5);
    }
    touched.clear();
    best.into_iter().map(|(_, _, other)| other).collect()
}

/// After an edit of a few pages, the pages whose related list may change:
/// those sharing a tag with an edited page, before or after the edit. Every
/// other page has the same candidates, with the same tags, in the same order
/// among themselves (ranks shift, but only around the edited pages). `None`
/// when pages came or went, or when so many are reached that computing all
/// is as cheap.
pub(super) fn related_reach(pages: &[Page], tags: &Taxonomy, old: &Site) -> Option<Vec<usize>> {
    let n = pages.len();
    if old.pages.len() != n || old.related.len() != n {
        return None;
    }
    let old_tags = old.taxonomies.iter().find(|t| t.name == "tags")?;
    let mut reached = vec![false; n];
    let mut edited = 0;
    for (i, (page, was)) in pages.iter().zip(&old.pages).enumerate() {
        if page.parsed.path != was.parsed.path {
            return None;
        }
        if !Arc::ptr_eq(&page.parsed, &was.parsed) {
            reached[i] = true;
            edited += 1;
            if edited > MAX_EDITED {
                return None;
            }
        }
    }
    let edited_pages = reached.clone();
    for term in old_tags.terms.iter().chain(&tags.terms) {
        if term.pages.iter().any(|&p| edited_pages[p]) {
            for &p in &term.pages {
                reached[p] = true;
            }
        }
    }
    let list: Vec<usize> = (0..n).filter(|&p| reached[p]).collect();
    (list.len() <= n / 2).then_some(list)
}
