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
/// looked up instead, a bit per page in newest-first order, so that the
/// newest pages sharing some of them are the lowest bits of a few words.
pub(super) struct BigTags {
    /// Per tag, when it is big: bit `r` says whether the page of rank `r`
    /// has it.
    bits: Vec<Option<Vec<u64>>>,
    /// The page of each rank.
    by_rank: Vec<usize>,
}

/// A tag on more pages than this is looked up rather than counted through.
const BIG_TAG: usize = 512;

impl BigTags {
    pub(super) fn new(tags: &Taxonomy, rank: &[usize], pages: usize) -> BigTags {
        let words = pages.div_ceil(64);
        let bits = (tags.terms.iter())
            .map(|term| {
                (term.pages.len() > BIG_TAG).then(|| {
                    let mut set = vec![0u64; words];
                    for &o in &term.pages {
                        set[rank[o] / 64] |= 1 << (rank[o] % 64);
                    }
                    set
                })
            })
            .collect();
        let mut by_rank = vec![0; pages];
        for (o, &r) in rank.iter().enumerate() {
            by_rank[r] = o;
        }
        BigTags { bits, by_rank }
    }

    fn set(&self, t: usize) -> Option<&[u64]> {
        self.bits[t].as_deref()
    }
}

/// Of the words `w` of `sets`, the bits set in exactly `c` of them.
fn exactly(sets: &[&[u64]], w: usize, c: usize) -> u64 {
    // Bit-sliced counting: `planes[i]` holds bit `i` of each bit's count.
    let mut planes = [0u64; 8];
    for set in sets {
        let mut carry = set[w];
        for plane in planes.iter_mut() {
            if carry == 0 {
                break;
            }
            let next = *plane & carry;
            *plane ^= carry;
            carry = next;
        }
    }
    (planes.iter().enumerate()).fold(!0u64, |mask, (i, &plane)| {
        mask & if (c >> i) & 1 == 1 { plane } else { !plane }
    })
}

/// [`related_of`], with the page's big tags looked up instead of counted
/// through: its small tags are counted as there, and each page counted gets
/// one more per big tag it has too. The pages sharing big tags only are
/// found level by level, most shared first: the newest pages with exactly
/// that many of the big tags, of which five are all a level can give. The
/// same five as counting everything, for the small tags' sizes and a scan
/// of a few words per level.
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
    let bigs: Vec<usize> = mine
        .iter()
        .copied()
        .filter(|&t| big.set(t).is_some())
        .collect();
    let repeated = (1..bigs.len()).any(|i| bigs[..i].contains(&bigs[i]));
    // Counts up to 255 fit the planes; no page has that many tags.
    if bigs.is_empty() || repeated || bigs.len() > 255 {
        return related_of(p, terms_of, tags, rank, counts, touched);
    }
    let sets: Vec<&[u64]> = bigs.iter().filter_map(|&t| big.set(t)).collect();
    let has = |set: &[u64], o: usize| set[rank[o] / 64] & (1 << (rank[o] % 64)) != 0;
    count_shared(
        p,
        mine.iter().filter(|t| !bigs.contains(t)),
        tags,
        counts,
        touched,
    );
    let mut best = BestFive::default();
    for &o in touched.iter() {
        let more = sets.iter().filter(|set| has(set, o)).count();
        let shared = counts[o].saturating_add(more as u16);
        best.offer((std::cmp::Reverse(shared), rank[o], o));
    }
    for c in (1..=sets.len()).rev() {
        // Five that share more: no page of this level or below can enter.
        if best.worst_shared().is_some_and(|worst| worst > c) {
            break;
        }
        // With five already, one of this level enters only if it is newer
        // than the fifth: the words past it need no look.
        let words = match best.worst() {
            Some((shared, rank)) if shared == c => rank / 64 + 1,
            _ => big.by_rank.len().div_ceil(64),
        };
        let mut found = 0;
        'words: for w in 0..words {
            // All of them: a plain AND, the commonest first look.
            let mut mask = if c == sets.len() {
                sets.iter().fold(!0u64, |m, set| m & set[w])
            } else {
                exactly(&sets, w, c)
            };
            while mask != 0 {
                let r = w * 64 + mask.trailing_zeros() as usize;
                mask &= mask - 1;
                let o = big.by_rank[r];
                // Counted pages were offered with all they share.
                if o == p || counts[o] != 0 {
                    continue;
                }
                best.offer((std::cmp::Reverse(c as u16), r, o));
                found += 1;
                if found == 5 {
                    break 'words;
                }
            }
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

    /// How many tags the fifth shares, once there are five.
    fn worst_shared(&self) -> Option<usize> {
        self.worst().map(|(shared, _)| shared)
    }

    /// The fifth's shared tags and rank, once there are five.
    fn worst(&self) -> Option<(usize, usize)> {
        (self.0.len() == 5).then(|| (usize::from(self.0[4].0.0), self.0[4].1))
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

    /// Looking the big tags up finds the same five as counting through
    /// them, on a random site with a few huge tags and many small ones.
    #[test]
    fn big_tags_looked_up_give_what_counting_gives() {
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
            for _ in 0..next(7) {
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
