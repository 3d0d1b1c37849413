//! Area 06 of the catalogue: images and attachments.

macro_rules! area_06 {
    ($($earlier:tt)*) => {
        area_07! {
            $($earlier)*
            W0601 GalleryNoCaptions { count: usize }
                => "{count} 张图集图片没有说明文字，读屏软件无从描述" / "{count} gallery image(s) have no caption, so they have no alt text";
            H0601 GalleryCaptionsHelp {}
                => "写成 `gallery: [{{src: a.jpg, caption: 说明文字}}]`，让使用读屏软件的读者知道图片内容" / "list them as `gallery: [{{src: a.jpg, caption: A caption}}]` so screen-reader users know what they show";
            W0602 FigureNoCaption { file: String }
                => "图片 `{file}` 没有说明文字，读屏软件无从描述" / "figure `{file}` has no caption, so it has no alt text";
            H0602 FigureCaptionHelp {}
                => "加上描述图片的 caption=\"…\"" / "add caption=\"…\" describing the picture";
            W0603 AttachmentAuthor { file: String, who: String }
                => "附件 `{file}` 的元数据中写有作者（{who}）" / "attachment `{file}` names its author in its metadata ({who})";
            H0603 RemoveAuthorHelp {}
                => "发布前从文件属性中删除作者（Word：文件 → 信息 → 检查文档；PDF：文档属性）" / "remove the author from the file's properties before publishing (Word: File, Info, Inspect Document; PDF: Document Properties)";
            W0604 FileAuthor { who: String }
                => "发布的文件在元数据中写有作者（{who}）" / "published file names its author in its metadata ({who})";
            E0605 ImageNotFound { file: String }
                => "图片 `{file}` 不存在" / "image `{file}` not found";
            H0605 ImageExpectedAt { path: String }
                => "文件应在 {path}；文件名相对于页面所在文件夹，以 / 开头时相对于站点根目录" / "expected the file at {path}; names are relative to the page's folder, or to the site root when they start with /";
            H0606 ImageTooLargeHelp {}
                => "把照片缩小（例如宽 4000 像素），或调高 site.yaml 中的 `images.max_megapixels`" / "scale the photo down (e.g. to 4000 px wide) or raise `images.max_megapixels` in site.yaml";
            H0607 NotAnImageHelp {}
                => "换成 JPEG、PNG 或 WebP 文件，或删除它" / "replace it with a JPEG, PNG or WebP file, or remove it";
            H0608 ImageIncompleteHelp {}
                => "从相机或手机重新复制照片；这个文件不完整" / "copy the photo again from the camera or phone; the file is incomplete";
            E0609 NotAnImage {}
                => "图片不是 JPEG、PNG 或 WebP 格式" / "image is not a JPEG, PNG or WebP image";
            E0610 ImageTruncated {}
                => "图片被截断或已损坏（文件提前结束）" / "image is truncated or damaged (the file ends too early)";
            E0611 ImageTooLarge { width: u64, height: u64, megapixels: String, limit: String }
                => "图片为 {width}×{height} 像素（{megapixels} 百万像素），超过 {limit} 百万像素的上限" / "image is {width}×{height} pixels ({megapixels} megapixels), over the limit of {limit} megapixels";
            E0612 ImageBroken { detail: String }
                => "图片无法解码：{detail}" / "image cannot be decoded: {detail}";
            E0613 ImageCacheWrite { detail: String }
                => "无法写入图片缓存：{detail}" / "cannot write the image cache: {detail}";
            E0614 ImageUnreadable { detail: String }
                => "无法读取图片：{detail}" / "cannot read image: {detail}";
            E0680 ImageSideTooLong { width: u64, height: u64, limit: u64 }
                => "图片为 {width}×{height} 像素，有一边超过 {limit} 像素的上限" / "image is {width}×{height} pixels; a side is longer than the limit of {limit} pixels";
            H0680 ImageSideHelp {}
                => "把图片裁切或缩小，使长边不超过上限；相机和扫描仪不会生成这样的图片" / "crop or scale the picture so its longest side is within the limit; no camera or scanner makes such a picture";
            E0681 ImageTooMuchMemory { megabytes: u64, limit: u64 }
                => "解码这张图片需要 {megabytes} MB 内存，超过 {limit} MB 的上限" / "decoding this image takes {megabytes} MB of memory, over the limit of {limit} MB";
            H0681 ImageDepthHelp {}
                => "把图片另存为每通道 8 位（普通 JPEG 或 PNG），或缩小它" / "save the picture with 8 bits per channel (a plain JPEG or PNG), or scale it down";
        }
    };
}
