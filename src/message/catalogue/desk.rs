//! Area 12 of the catalogue: the writing desk.

macro_rules! area_12 {
    ($($earlier:tt)*) => {
        area_13! {
            $($earlier)*
        }
    };
}
