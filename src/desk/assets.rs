//! The desk's browser files, embedded in the binary: one line per file of
//! `src/desk/ui/`. Served at `/_desk/ui/<name>`; `index.html` is the app
//! shell served at `/_desk/` itself. (Shared with the UI's author: add a line
//! here for every file added to `ui/`.)

/// (name, content type, bytes).
pub(crate) const ASSETS: &[(&str, &str, &[u8])] = &[
    (
        "index.html",
        "text/html; charset=utf-8",
        include_bytes!("ui/index.html"),
    ),
    (
        "desk.js",
        "text/javascript; charset=utf-8",
        include_bytes!("ui/desk.js"),
    ),
    (
        "desk.css",
        "text/css; charset=utf-8",
        include_bytes!("ui/desk.css"),
    ),
    (
        "api.js",
        "text/javascript; charset=utf-8",
        include_bytes!("ui/api.js"),
    ),
    (
        "i18n.js",
        "text/javascript; charset=utf-8",
        include_bytes!("ui/i18n.js"),
    ),
    (
        "list.js",
        "text/javascript; charset=utf-8",
        include_bytes!("ui/list.js"),
    ),
    (
        "form.js",
        "text/javascript; charset=utf-8",
        include_bytes!("ui/form.js"),
    ),
    (
        "period.js",
        "text/javascript; charset=utf-8",
        include_bytes!("ui/period.js"),
    ),
    (
        "editor.js",
        "text/javascript; charset=utf-8",
        include_bytes!("ui/editor.js"),
    ),
    (
        "preview.js",
        "text/javascript; charset=utf-8",
        include_bytes!("ui/preview.js"),
    ),
    (
        "toolbar.js",
        "text/javascript; charset=utf-8",
        include_bytes!("ui/toolbar.js"),
    ),
    (
        "dialogs.js",
        "text/javascript; charset=utf-8",
        include_bytes!("ui/dialogs.js"),
    ),
    (
        "media.js",
        "text/javascript; charset=utf-8",
        include_bytes!("ui/media.js"),
    ),
    (
        "paste.js",
        "text/javascript; charset=utf-8",
        include_bytes!("ui/paste.js"),
    ),
    (
        "new-site.html",
        "text/html; charset=utf-8",
        include_bytes!("ui/new-site.html"),
    ),
    (
        "new-site.js",
        "text/javascript; charset=utf-8",
        include_bytes!("ui/new-site.js"),
    ),
    (
        "new-site.css",
        "text/css; charset=utf-8",
        include_bytes!("ui/new-site.css"),
    ),
];

/// The embedded file named `name`, with its content type.
pub(crate) fn asset(name: &str) -> Option<(&'static str, &'static [u8])> {
    ASSETS
        .iter()
        .find(|(n, _, _)| *n == name)
        .map(|(_, kind, bytes)| (*kind, *bytes))
}

/// The app shell, for `/_desk/` itself.
pub(crate) fn app() -> crate::serve::mount::Reply {
    file("index.html")
}

/// `/_desk/ui/<name>`.
pub(crate) fn file(name: &str) -> crate::serve::mount::Reply {
    match asset(name) {
        Some((kind, bytes)) => crate::serve::mount::Reply::new(200, kind, bytes),
        None => crate::serve::mount::Reply::new(404, "text/plain; charset=utf-8", "not found"),
    }
}
