//! Area 15 of the catalogue: releases and the double-click start.

macro_rules! area_15 {
    ($($earlier:tt)*) => {
        area_16! {
            $($earlier)*
        }
    };
}
