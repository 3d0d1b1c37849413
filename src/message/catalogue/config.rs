//! Area 01 of the catalogue: site.yaml.

macro_rules! area_01 {
    ($($earlier:tt)*) => {
        area_02! {
            $($earlier)*
            E0101 ConfigEmpty {}
                => "site.yaml 是空的" / "site.yaml is empty";
            H0101 ConfigEmptyHelp {}
                => "至少写上 `title: 我们的工会`" / "write at least `title: Our Union`";
            W0102 UnknownSetting { key: String }
                => "site.yaml 中的未知设置 `{key}` 已忽略" / "unknown key `{key}` in site.yaml is ignored";
            H0102 KnownSettings { keys: List }
                => "可用的设置：{keys}" / "known keys: {keys}";
            E0103 ConfigNoTitle {}
                => "site.yaml 没有 `title`" / "site.yaml has no `title`";
            H0103 ConfigNoTitleHelp {}
                => "在 site.yaml 开头加上，例如 `title: 江城工会`" / "add e.g. `title: Riverside Union` at the top of site.yaml";
            E0104 BaseUrlNotAbsolute { url: String }
                => "base_url `{url}` 不是完整的 http(s) 网址" / "base_url `{url}` is not an absolute http(s) URL";
            H0104 BaseUrlHelp {}
                => "写成 `base_url: https://gonghui.example.org/` 的样子" / "write it like `base_url: https://gonghui.example.org/`";
            W0105 NoBaseUrl {}
                => "site.yaml 没有 `base_url`；规范链接将指向 http://localhost/" / "site.yaml has no `base_url`; canonical links point to http://localhost/";
            H0105 NoBaseUrlHelp {}
                => "设置 `base_url: https://your.site/`（或使用 --base-url）" / "set `base_url: https://your.site/` (or pass --base-url)";
            E0106 UnsupportedLanguage { language: String }
                => "不支持语言 `{language}`" / "language `{language}` is not supported";
            H0106 LanguageHelp {}
                => "使用 `zh-CN` 或 `en`" / "use `zh-CN` or `en`";
            E0107 UnknownTimeZone { zone: String }
                => "未知的时区 `{zone}`" / "unknown time zone `{zone}`";
            H0107 TimeZoneHelp {}
                => "使用 IANA 时区名，例如 `Asia/Shanghai`" / "use an IANA name such as `Asia/Shanghai`";
            E0108 ThemeNotFolderName { theme: String }
                => "主题 `{theme}` 不是文件夹名" / "theme `{theme}` is not a folder name";
            H0108 ThemeHelp {}
                => "写 themes/ 下的一个文件夹名，例如 `theme: default`" / "name a folder under themes/, e.g. `theme: default`";
            E0109 PaginateZero {}
                => "paginate 至少为 1" / "paginate must be at least 1";
            E0110 TaxonomyNotPlain { name: String }
                => "分类法 `{name}` 必须是简单的名字" / "taxonomy `{name}` must be a plain name";
            H0110 TaxonomyHelp {}
                => "使用小写英文字母、数字和 `-`，例如 `tags` 或 `columns`" / "use lowercase ASCII letters, digits and `-`, e.g. `tags` or `columns`";
            E0111 UnknownSlugs { value: String }
                => "slugs 的取值 `{value}` 无法识别" / "slugs `{value}` is not known";
            H0111 SlugsHelp {}
                => "使用 `pinyin`（默认）或 `unicode`" / "use `pinyin` (default) or `unicode`";
            E0112 UnknownFeedContent { value: String }
                => "feed_content 的取值 `{value}` 无法识别" / "feed_content `{value}` is not known";
            H0112 FeedContentHelp {}
                => "使用 `full`（默认）或 `summary`" / "use `full` (default) or `summary`";
            E0113 CacheDirOutside { dir: String }
                => "cache_dir `{dir}` 必须在站点文件夹之内" / "cache_dir `{dir}` must stay inside the site folder";
            W0114 UnknownWord { key: String }
                => "i18n 键 `{key}` 不是主题使用的词语，已忽略" / "i18n key `{key}` is not a word the theme uses; ignored";
            H0114 KnownWords { keys: List }
                => "可用的键：{keys}" / "keys: {keys}";
            E0115 ImageWidthRange { key: String, width: u64 }
                => "images.{key} 为 {width}，必须在 16 到 8192 像素之间" / "images.{key} {width} must be between 16 and 8192 pixels";
            H0115 ImageWidthHelp {}
                => "例如 images: {{thumb_width: 480, large_width: 1600}}" / "e.g. images: {{thumb_width: 480, large_width: 1600}}";
            E0116 ImageQualityRange { quality: u64 }
                => "images.quality 为 {quality}，必须在 1 到 100 之间" / "images.quality {quality} must be between 1 and 100";
            E0117 MegapixelsRange { megapixels: String }
                => "images.max_megapixels 为 {megapixels}，必须大于 0 且不超过 1000" / "images.max_megapixels {megapixels} must be more than 0 and at most 1000";
            E0119 BaseUrlFlagNotAbsolute { url: String }
                => "--base-url `{url}` 不是完整的 http(s) 网址" / "--base-url `{url}` is not an absolute http(s) URL";
            H0119 BaseUrlFlagHelp {}
                => "例如 --base-url https://gonghui.example.org/" / "e.g. --base-url https://gonghui.example.org/";
            E0118 ConfigUnreadable { detail: String }
                => "无法读取 site.yaml：{detail}" / "cannot read site.yaml: {detail}";
        }
    };
}
