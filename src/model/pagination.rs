//! Pagination: the site paths of a listing's pages (`news/`, `news/page/2/`).

/// The site path of pager page `index` (0-based) of the listing at `base`.
pub fn pager_path(base: &str, index: usize) -> String {
    if index == 0 {
        base.to_string()
    } else {
        format!("{base}page/{}/", index + 1)
    }
}

/// `base/`, `base/page/2/`, … for `count` items shown `per_page` at a time;
/// always at least the first page.
pub fn pager_paths(base: &str, count: usize, per_page: usize) -> Vec<String> {
    let pages = count.div_ceil(per_page.max(1)).max(1);
    (1..=pages)
        .map(|n| {
            if n == 1 {
                base.to_string()
            } else {
                format!("{base}page/{n}/")
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pager_paths_boundaries() {
        assert_eq!(pager_paths("news/", 0, 10), vec!["news/"]);
        assert_eq!(pager_paths("news/", 10, 10), vec!["news/"]);
        assert_eq!(pager_paths("news/", 11, 10), vec!["news/", "news/page/2/"]);
    }
}
