//! Pagination: the site paths of a listing's pages (`news/`, `news/page/2/`).

/// The site path of pager page `index` (0-based) of the listing at `base`.
pub fn pager_path(base: &str, index: usize) -> String {
    if index == 0 {
        base.to_string()
    } else {
        format!("{base}page/{}/", index + 1)
    }
}

/// How many pages `count` items make, shown `per_page` at a time: always at
/// least one.
pub fn pager_count(count: usize, per_page: usize) -> usize {
    count.div_ceil(per_page.max(1)).max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pager_boundaries() {
        assert_eq!(pager_count(0, 10), 1);
        assert_eq!(pager_count(10, 10), 1);
        assert_eq!(pager_count(11, 10), 2);
        assert_eq!(pager_path("news/", 0), "news/");
        assert_eq!(pager_path("news/", 1), "news/page/2/");
    }
}
