//! Area 00 of the catalogue: what a whole run found.

macro_rules! area_00 {
    ($($earlier:tt)*) => {
        area_01! {
            $($earlier)*
            T0001 Summary { errors: usize, warnings: usize }
                => "{errors} 个错误，{warnings} 个警告" / "{errors} error(s), {warnings} warning(s)";
            T0002 RepeatedWarning { more: usize, message: Box<Message> }
                => "warning: …另有 {more} 个文件有同样的问题：{message}" / "warning: … and {more} more file(s) with: {message}";
            T0003 ErrorCount { count: usize }
                => "{count} 个错误" / "{count} error(s)";
            T0004 BuildFailed {}
                => "构建失败；输出文件夹保持原样" / "build failed; the output folder was left as it was";
            T0005 CheckPassed { warnings: usize }
                => "检查通过（{warnings} 个警告）" / "check passed ({warnings} warning(s))";
            T0006 CheckFailed { errors: usize, warnings: usize }
                => "检查发现 {errors} 个错误、{warnings} 个警告" / "check found {errors} error(s) and {warnings} warning(s)";
        }
    };
}
