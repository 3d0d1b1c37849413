//! Area 16 of the catalogue: what a Chinese public site shows (备案, 长辈模式, 公开 tables).

macro_rules! area_16 {
    ($($earlier:tt)*) => {
        $crate::message::declare_catalogue! {
            $($earlier)*
        }
    };
}
