//! Area 14 of the catalogue: office documents in (Word import, Excel and CSV tables).

macro_rules! area_14 {
    ($($earlier:tt)*) => {
        area_15! {
            $($earlier)*
        }
    };
}
