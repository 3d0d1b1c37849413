//! Area 13 of the catalogue: the WeChat export.

macro_rules! area_13 {
    ($($earlier:tt)*) => {
        area_14! {
            $($earlier)*
        }
    };
}
