//! Related pages: the pages sharing most tags with each page, and after an
//! edit, which pages' lists may have changed.

use std::sync::Arc;

use super::{MAX_EDITED, Page, Previous, Site, Taxonomy};

/// Pages sharing tags with each page: most shared tags first, then newest, at
/// most five. Counting goes through the term lists, so it costs the sum of the
/// terms' sizes rather than pages squared.
pub(crate) fn related_pages(
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
    let big = BigTags::new(tags, rank, pages.len());
    let one = |(counts, touched): &mut (Vec<u16>, Vec<usize>), p: usize| {
        related_with(p, &terms_of, tags, &big, rank, counts, touched)
    };
    let scratch = || (vec![0u16; pages.len()], Vec::new());
    if let Some(old) = previous.map(|p| p.site)
        && let Some(related) = related_after_edit(pages, tags, rank, &terms_of, old)
    {
        return (Arc::new(related), key);
    }
    let related: Vec<Vec<usize>> = (0..pages.len())
        .into_par_iter()
        .map_init(scratch, one)
        .collect();
    (Arc::new(related), key)
}

/// Tags on so many pages that counting through them is most of the work:
/// looked up instead (a bit per page), and walked newest first.
pub(super) struct BigTags {
    /// Per tag: whether each page has it, when the tag is big.
    bits: Vec<Option<Vec<u64>>>,
    /// Per big tag, its pages newest first.
    newest: Vec<Vec<usize>>,
}

/// A tag on more pages than this is looked up rather than counted through.
const BIG_TAG: usize = 512;

impl BigTags {
    pub(super) fn new(tags: &Taxonomy, rank: &[usize], pages: usize) -> BigTags {
        let mut bits = Vec::with_capacity(tags.terms.len());
        let mut newest = Vec::with_capacity(tags.terms.len());
        for term in &tags.terms {
            if term.pages.len() <= BIG_TAG {
                bits.push(None);
                newest.push(Vec::new());
                continue;
            }
            let mut set = vec![0u64; pages.div_ceil(64)];
            for &o in &term.pages {
                set[o / 64] |= 1 << (o % 64);
            }
            let mut order = term.pages.clone();
            order.sort_unstable_by_key(|&o| (rank[o], o));
            order.dedup();
            bits.push(Some(set));
            newest.push(order);
        }
        BigTags { bits, newest }
    }

    fn has(&self, t: usize, o: usize) -> Option<bool> {
        let set = self.bits[t].as_ref()?;
        Some(set[o / 64] & (1 << (o % 64)) != 0)
    }
}

/// [`related_of`], with the page's biggest tag looked up instead of counted
/// through: every other tag is counted as there, then each page counted
/// gets one more if it has the big tag, and the pages that share only the
/// big tag (one tag each) are its newest pages not counted already. The
/// same five as counting everything, for the sum of the other tags' sizes.
fn related_with(
    p: usize,
    terms_of: &[Vec<usize>],
    tags: &Taxonomy,
    big: &BigTags,
    rank: &[usize],
    counts: &mut [u16],
    touched: &mut Vec<usize>,
) -> Vec<usize> {
    let mine = &terms_of[p];
    let biggest = (mine.iter().copied())
        .filter(|&t| big.has(t, p).is_some())
        .max_by_key(|&t| (big.newest[t].len(), std::cmp::Reverse(t)));
    let (Some(b), false) = (
        biggest,
        mine.iter().filter(|&&t| Some(t) == biggest).count() > 1,
    ) else {
        return related_of(p, terms_of, tags, rank, counts, touched);
    };
    count_shared(p, mine.iter().filter(|&&t| t != b), tags, counts, touched);
    let mut best = BestFive::default();
    let mut offer = |key| best.offer(key);
    for &o in touched.iter() {
        let shared = counts[o].saturating_add(u16::from(big.has(b, o) == Some(true)));
        offer((std::cmp::Reverse(shared), rank[o], o));
    }
    // Pages sharing the big tag alone: newest first, the first five that
    // were not counted are all that can make the list.
    let mut alone = 0;
    for &o in &big.newest[b] {
        if alone == 5 {
            break;
        }
        if o != p && counts[o] == 0 {
            offer((std::cmp::Reverse(1), rank[o], o));
            alone += 1;
        }
    }
    for &o in touched.iter() {
        counts[o] = 0;
    }
    touched.clear();
    best.pages()
}

/// Adds one to `counts` of every page other than `p` on each of `terms`,
/// noting in `touched` the pages counted for the first time.
fn count_shared<'t>(
    p: usize,
    terms: impl Iterator<Item = &'t usize>,
    tags: &Taxonomy,
    counts: &mut [u16],
    touched: &mut Vec<usize>,
) {
    for &t in terms {
        for &o in &tags.terms[t].pages {
            if o != p {
                if counts[o] == 0 {
                    touched.push(o);
                }
                counts[o] = counts[o].saturating_add(1);
            }
        }
    }
}

/// The five best candidates so far by (more shared tags, newer, index),
/// kept sorted.
#[derive(Default)]
struct BestFive(Vec<(std::cmp::Reverse<u16>, usize, usize)>);

impl BestFive {
    fn offer(&mut self, key: (std::cmp::Reverse<u16>, usize, usize)) {
        let best = &mut self.0;
        if best.len() == 5 && key >= best[4] {
            return;
        }
        let at = best.partition_point(|k| *k < key);
        best.insert(at, key);
        best.truncate(5);
    }

    fn pages(self) -> Vec<usize> {
        self.0.into_iter().map(|(_, _, other)| other).collect()
    }
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
    count_shared(p, terms_of[p].iter(), tags, counts, touched);
    let mut best = BestFive::default();
    for &o in touched.iter() {
        best.offer((std::cmp::Reverse(counts[o]), rank[o], o));
        counts[o] = 0;
    }
    touched.clear();
    best.pages()
}

/// The related lists after an edit of a few pages that kept every page's
/// place (same files, same newest-first order), from the previous lists.
///
/// An edited page's list is computed afresh. For any other page `p`, only its
/// shared-tag counts with the edited pages can have moved, since its own tags
/// did not: if none of those fell for a page in its list, its new list is the
/// best five of its old list and the edited pages, as every page outside the
/// old list ranked below it and still does. Otherwise (an edited page in its
/// list now shares fewer tags) it is computed afresh too. `None` when pages
/// came, went or moved, or too many changed.
fn related_after_edit(
    pages: &[Page],
    tags: &Taxonomy,
    rank: &[usize],
    terms_of: &[Vec<usize>],
    old: &Site,
) -> Option<Vec<Vec<usize>>> {
    let n = pages.len();
    if old.pages.len() != n || old.related.len() != n || old.rank != rank {
        return None;
    }
    let old_tags = old.taxonomies.iter().find(|t| t.name == "tags")?;
    let mut edited: Vec<usize> = Vec::new();
    for (i, (page, was)) in pages.iter().zip(&old.pages).enumerate() {
        if page.parsed.path != was.parsed.path {
            return None;
        }
        if !Arc::ptr_eq(&page.parsed, &was.parsed) {
            edited.push(i);
            if edited.len() > MAX_EDITED {
                return None;
            }
        }
    }
    // The edited pages' tags before the edit, as terms of the new taxonomy
    // (a term that is gone is on no page now, so it counts for no one).
    let new_index: std::collections::HashMap<&str, usize> = (tags.terms.iter().enumerate())
        .map(|(t, term)| (term.path.as_str(), t))
        .collect();
    let mut old_terms_of: std::collections::HashMap<usize, Vec<usize>> =
        edited.iter().map(|&e| (e, Vec::new())).collect();
    for term in &old_tags.terms {
        for &p in &term.pages {
            if let Some(list) = old_terms_of.get_mut(&p)
                && let Some(&t) = new_index.get(term.path.as_str())
            {
                list.push(t);
            }
        }
    }
    let shared = |a: &[usize], b: &[usize]| a.iter().filter(|t| b.contains(t)).count();
    let is_edited = |p: usize| edited.binary_search(&p).is_ok();
    // Pages that share a tag with an edited page, before or after the edit.
    let mut reached: Vec<usize> = edited
        .iter()
        .flat_map(|&e| terms_of[e].iter().chain(&old_terms_of[&e]))
        .flat_map(|&t| tags.terms[t].pages.iter().copied())
        .filter(|&p| !is_edited(p))
        .collect();
    reached.sort_unstable();
    reached.dedup();

    let mut related = Vec::clone(&old.related);
    let mut afresh: Vec<usize> = edited.clone();
    for &p in &reached {
        let mine = &terms_of[p];
        let fell = edited.iter().any(|&e| {
            old.related[p].contains(&e)
                && shared(mine, &terms_of[e]) < shared(mine, &old_terms_of[&e])
        });
        if fell {
            afresh.push(p);
            continue;
        }
        let mut best: Vec<(std::cmp::Reverse<usize>, usize, usize)> = old.related[p]
            .iter()
            .filter(|&&o| !is_edited(o))
            .chain(edited.iter())
            .map(|&o| (std::cmp::Reverse(shared(mine, &terms_of[o])), rank[o], o))
            .filter(|&(std::cmp::Reverse(c), _, o)| c > 0 && o != p)
            .collect();
        best.sort_unstable();
        best.truncate(5);
        related[p] = best.into_iter().map(|(_, _, o)| o).collect();
    }
    use rayon::prelude::*;
    let scratch = || (vec![0u16; n], Vec::new());
    let fresh: Vec<Vec<usize>> = afresh
        .par_iter()
        .map_init(scratch, |(counts, touched), &p| {
            related_of(p, terms_of, tags, rank, counts, touched)
        })
        .collect();
    for (p, list) in afresh.into_iter().zip(fresh) {
        related[p] = list;
    }
    Some(related)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::taxonomy::Term;

    /// Looking the biggest tag up finds the same five as counting through
    /// it, on a random site with a few huge tags and many small ones.
    #[test]
    fn a_big_tag_looked_up_gives_what_counting_gives() {
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        let mut next = |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n as u64) as usize
        };
        let (pages, count) = (6000, 60);
        let mut rank: Vec<usize> = (0..pages).collect();
        for i in (1..pages).rev() {
            rank.swap(i, next(i + 1));
        }
        let mut terms_of: Vec<Vec<usize>> = vec![Vec::new(); pages];
        for mine in terms_of.iter_mut() {
            for _ in 0..next(5) {
                // Low tags are on thousands of pages, high ones on a few.
                let t = next(count).min(next(count)).min(next(count));
                if !mine.contains(&t) {
                    mine.push(t);
                }
            }
        }
        let mut terms: Vec<Term> = (0..count)
            .map(|t| Term {
                name: format!("t{t}"),
                slug: format!("t{t}"),
                path: format!("tags/t{t}/"),
                pages: Vec::new(),
            })
            .collect();
        for (p, mine) in terms_of.iter().enumerate() {
            for &t in mine {
                terms[t].pages.push(p);
            }
        }
        for term in &mut terms {
            term.pages.sort_by_key(|&o| rank[o]);
        }
        assert!(
            terms.iter().any(|t| t.pages.len() > BIG_TAG),
            "some tags are big"
        );
        let tags = Taxonomy {
            name: "tags".into(),
            path: "tags/".into(),
            terms,
            index: Default::default(),
        };
        let big = BigTags::new(&tags, &rank, pages);
        let (mut counts, mut touched) = (vec![0u16; pages], Vec::new());
        for p in 0..pages {
            let looked = related_with(p, &terms_of, &tags, &big, &rank, &mut counts, &mut touched);
            let plain = related_of(p, &terms_of, &tags, &rank, &mut counts, &mut touched);
            assert_eq!(looked, plain, "page {p}, tags {:?}", terms_of[p]);
        }
    }
}
