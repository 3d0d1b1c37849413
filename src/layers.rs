//! The layer table, and the test that holds the crate to it: every `crate::`
//! and `super::` path in `src/` may point only down the table or across it,
//! and no two modules (nor two files of one module) may use each other.
//!
//! The table is the pipeline read from the bottom: leaf helpers and config,
//! then each stage over the previous one's result, then the drivers. A new
//! top-level module has to be given a row here before the test passes.
//!
//! Test code is left out (everything from a file's first `#[cfg(test)] mod`,
//! and files named `tests.rs`): an oracle test in the model may well build a
//! whole site. `src/main.rs` is a separate crate and not read.

/// Bottom first. A module may use modules of its own row and of rows below.
const LAYERS: &[(&str, &[&str])] = &[
    (
        "leaf",
        &[
            "clock",
            "diag",
            "digest",
            "durable",
            "escape",
            "file_label",
            "i18n",
            "layers",
            "layout",
            "message",
            "search_terms",
            "shown_path",
            "slug",
            "text",
            "theme",
            "yaml",
        ],
    ),
    ("config", &["config"]),
    // One picture's bytes (header, metadata, pixels): the model lists
    // attachments as they are published, the images stage makes them.
    ("picture", &["picture"]),
    // Word and Excel files read into documents and grids: pure functions of
    // bytes, below the model (an inline spreadsheet attachment) and render
    // (the table shortcode).
    ("office", &["office"]),
    ("load", &["load"]),
    ("parse", &["parse", "frontmatter", "markdown"]),
    // Notice periods and document numbers: rules the model applies.
    ("disclosure", &["disclosure"]),
    ("model", &["model"]),
    ("images", &["images"]),
    ("render", &["render"]),
    // One page for the 公众号 editor, from what render expanded.
    ("wechat", &["wechat"]),
    ("emit", &["emit"]),
    ("output", &["output"]),
    // Links against what the build made.
    ("links", &["links"]),
    ("rebuild", &["rebuild"]),
    ("build", &["build"]),
    // Above build: an archive is a build written to a .zip/.tar.gz.
    ("archive", &["archive"]),
    // A Word document made into a page bundle: reads the site like `new`,
    // used by the import command and the desk.
    ("import", &["import"]),
    ("serve", &["serve"]),
    // Mounted on serve's address: reads serve's last build, runs build and archive.
    ("desk", &["desk"]),
    ("cmd", &["cmd", "cli", "fuzzing"]),
];

#[cfg(test)]
mod tests {
    use std::collections::{BTreeMap, BTreeSet};
    use std::path::{Path, PathBuf};

    use super::LAYERS;

    /// A module path inside the crate, e.g. `["render", "urls"]`.
    type Module = Vec<String>;

    /// One use of another module: where it is written, for the failure message.
    #[derive(Debug, Clone)]
    struct Use {
        file: String,
        line: usize,
        path: String,
    }

    fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
        let mut entries: Vec<_> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        entries.sort();
        for path in entries {
            if path.is_dir() {
                rust_files(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }

    fn module_of(rel: &Path) -> Module {
        let mut parts: Vec<String> = rel
            .with_extension("")
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect();
        if matches!(parts.last().map(String::as_str), Some("mod" | "lib")) {
            parts.pop();
        }
        parts
    }

    /// The file's text without comments and without its test module.
    fn library_text(text: &str) -> Vec<String> {
        let mut lines = Vec::new();
        let mut in_block = false;
        let mut cfg_test = false;
        for raw in text.lines() {
            let mut line = String::new();
            let mut rest = raw;
            loop {
                if in_block {
                    match rest.find("*/") {
                        Some(end) => {
                            rest = &rest[end + 2..];
                            in_block = false;
                        }
                        None => break,
                    }
                } else {
                    let line_comment = rest.find("//");
                    let block = rest.find("/*");
                    match (line_comment, block) {
                        (Some(l), b) if b.is_none_or(|b| l < b) => {
                            line.push_str(&rest[..l]);
                            break;
                        }
                        (_, Some(b)) => {
                            line.push_str(&rest[..b]);
                            rest = &rest[b + 2..];
                            in_block = true;
                        }
                        _ => {
                            line.push_str(rest);
                            break;
                        }
                    }
                }
            }
            let trimmed = line.trim();
            if cfg_test && (trimmed.starts_with("mod ") || trimmed.starts_with("pub mod ")) {
                if trimmed.ends_with(';') {
                    // `mod tests;`: a file of its own, skipped by name.
                    cfg_test = false;
                    lines.push(String::new());
                    continue;
                }
                break;
            }
            cfg_test = trimmed == "#[cfg(test)]" || (cfg_test && trimmed.is_empty());
            lines.push(line);
        }
        lines
    }

    fn is_ident(c: char) -> bool {
        c.is_ascii_alphanumeric() || c == '_'
    }

    /// The paths a `crate::`/`super::` reference at `at` names, as segments
    /// after the prefix: `crate::{a::b, c}` gives `[a, b]` and `[c]`.
    fn paths_after(text: &str) -> Vec<Vec<String>> {
        let text = text.trim_start();
        if let Some(group) = text.strip_prefix('{') {
            let mut depth = 0;
            let mut item = String::new();
            let mut items = Vec::new();
            for c in group.chars() {
                match c {
                    '{' => depth += 1,
                    '}' if depth == 0 => break,
                    '}' => depth -= 1,
                    ',' if depth == 0 => {
                        items.push(std::mem::take(&mut item));
                        continue;
                    }
                    _ => {}
                }
                item.push(c);
            }
            items.push(item);
            return items
                .iter()
                .flat_map(|i| paths_after(i))
                .filter(|p| !p.is_empty())
                .collect();
        }
        let mut segments = Vec::new();
        let mut rest = text;
        loop {
            let end = rest.find(|c: char| !is_ident(c)).unwrap_or(rest.len());
            if end == 0 {
                break;
            }
            segments.push(rest[..end].to_string());
            match rest[end..].strip_prefix("::") {
                Some(next) if next.starts_with('{') => {
                    // `a::{b, c}`: each of b, c under a.
                    return paths_after(next)
                        .into_iter()
                        .map(|tail| segments.iter().cloned().chain(tail).collect())
                        .collect();
                }
                Some(next) => rest = next,
                None => break,
            }
        }
        vec![segments]
    }

    /// Every module the library text of `module`'s file names, with where.
    fn uses_in(module: &Module, file: &str, text: &str) -> Vec<(Vec<String>, Use)> {
        let lines = library_text(text);
        let joined = lines.join("\n");
        let mut out = Vec::new();
        for prefix in ["crate::", "super::"] {
            for (at, _) in joined.match_indices(prefix) {
                let before = joined[..at].chars().next_back();
                if before.is_some_and(|c| is_ident(c) || c == '$' || c == ':') {
                    continue;
                }
                let line = joined[..at].matches('\n').count() + 1;
                let mut base: Vec<String> = Vec::new();
                let mut rest = &joined[at + prefix.len()..];
                if prefix == "super::" {
                    base = module.clone();
                    base.pop();
                    while let Some(more) = rest.strip_prefix("super::") {
                        base.pop();
                        rest = more;
                    }
                }
                for tail in paths_after(rest) {
                    let target: Vec<String> = base.iter().cloned().chain(tail).collect();
                    let shown = format!(
                        "{prefix}{}",
                        lines[line - 1]
                            .trim()
                            .split(prefix)
                            .nth(1)
                            .unwrap_or("")
                            .trim()
                    );
                    out.push((
                        target,
                        Use {
                            file: file.to_string(),
                            line,
                            path: shown,
                        },
                    ));
                }
            }
        }
        out
    }

    /// The longest module of the crate that `path` starts with.
    fn resolve(path: &[String], modules: &BTreeSet<Module>) -> Option<Module> {
        (1..=path.len())
            .rev()
            .map(|n| path[..n].to_vec())
            .find(|m| modules.contains(m))
    }

    fn layer_of(top: &str) -> Option<(usize, &'static str)> {
        LAYERS
            .iter()
            .enumerate()
            .find(|(_, (_, members))| members.contains(&top))
            .map(|(rank, (name, _))| (rank, *name))
    }

    /// Every edge of the crate: from the module of a file to the module it names.
    fn edges() -> Vec<(Module, Module, Use)> {
        let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut files = Vec::new();
        rust_files(&src, &mut files);
        let mut by_module = Vec::new();
        for path in &files {
            let rel = path.strip_prefix(&src).unwrap();
            if rel == Path::new("main.rs") || rel.file_name().is_some_and(|n| n == "tests.rs") {
                continue;
            }
            let text = std::fs::read_to_string(path).unwrap();
            by_module.push((module_of(rel), format!("src/{}", rel.display()), text));
        }
        let modules: BTreeSet<Module> = by_module.iter().map(|(m, _, _)| m.clone()).collect();
        let mut out = Vec::new();
        for (module, file, text) in &by_module {
            for (path, at) in uses_in(module, file, text) {
                if let Some(target) = resolve(&path, &modules)
                    && &target != module
                {
                    out.push((module.clone(), target, at));
                }
            }
        }
        out
    }

    #[test]
    fn every_top_level_module_has_a_layer() {
        let unknown: BTreeSet<String> = edges()
            .into_iter()
            .flat_map(|(from, to, _)| [from, to])
            .filter_map(|m| m.first().cloned())
            .filter(|top| layer_of(top).is_none())
            .collect();
        assert!(
            unknown.is_empty(),
            "modules missing from the layer table in src/layers.rs: {unknown:?}"
        );
    }

    #[test]
    fn layers_only_point_down() {
        let mut wrong = Vec::new();
        for (from, to, at) in edges() {
            let (Some((from_rank, from_layer)), Some((to_rank, to_layer))) =
                (layer_of(&from[0]), layer_of(&to[0]))
            else {
                continue;
            };
            if to_rank > from_rank {
                wrong.push(format!(
                    "{}:{}: `{}` — {} (layer {from_layer}) uses {} (layer {to_layer}, above it)",
                    at.file,
                    at.line,
                    at.path,
                    from.join("::"),
                    to.join("::"),
                ));
            }
        }
        assert!(
            wrong.is_empty(),
            "edges that point up:\n{}",
            wrong.join("\n")
        );
    }

    /// Among the children of one module (the crate's top-level modules, or the
    /// files of one folder, its `mod.rs` aside), which use which.
    fn sibling_graph(
        edges: &[(Module, Module, Use)],
    ) -> BTreeMap<Module, BTreeMap<String, BTreeMap<String, Use>>> {
        let mut graph: BTreeMap<Module, BTreeMap<String, BTreeMap<String, Use>>> = BTreeMap::new();
        for (from, to, at) in edges {
            let common = from.iter().zip(to).take_while(|(a, b)| a == b).count();
            let (Some(a), Some(b)) = (from.get(common), to.get(common)) else {
                // One is inside the other: a module and its own parts.
                continue;
            };
            graph
                .entry(from[..common].to_vec())
                .or_default()
                .entry(a.clone())
                .or_default()
                .entry(b.clone())
                .or_insert_with(|| at.clone());
        }
        graph
    }

    fn find_cycle(
        graph: &BTreeMap<String, BTreeMap<String, Use>>,
        node: &str,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(start) = path.iter().position(|n| n == node) {
            let mut cycle = path[start..].to_vec();
            cycle.push(node.to_string());
            return Some(cycle);
        }
        if done.contains(node) {
            return None;
        }
        path.push(node.to_string());
        for next in graph.get(node).into_iter().flat_map(|n| n.keys()) {
            if let Some(cycle) = find_cycle(graph, next, path, done) {
                return Some(cycle);
            }
        }
        path.pop();
        done.insert(node.to_string());
        None
    }

    #[test]
    fn no_two_modules_use_each_other() {
        let edges = edges();
        let mut cycles = Vec::new();
        for (parent, graph) in sibling_graph(&edges) {
            let mut done = BTreeSet::new();
            for node in graph.keys() {
                let Some(cycle) = find_cycle(&graph, node, &mut Vec::new(), &mut done) else {
                    continue;
                };
                let name = |n: &String| parent.iter().chain([n]).cloned().collect::<Vec<_>>();
                let steps: Vec<String> = cycle
                    .windows(2)
                    .map(|w| {
                        let at = &graph[&w[0]][&w[1]];
                        format!(
                            "  {} -> {}  ({}:{}: `{}`)",
                            name(&w[0]).join("::"),
                            name(&w[1]).join("::"),
                            at.file,
                            at.line,
                            at.path
                        )
                    })
                    .collect();
                cycles.push(steps.join("\n"));
                break;
            }
        }
        assert!(cycles.is_empty(), "module cycles:\n{}", cycles.join("\n\n"));
    }

    #[test]
    fn the_reader_sees_what_it_should() {
        let module: Module = vec!["render".into(), "kinds".into()];
        let text = "use super::urls::{Link, url_for};\n\
                    use crate::{diag::Report, model::{Site, kinds::Details}};\n\
                    // use crate::serve;\n\
                    fn f() { crate::i18n::format_date(d, l); }\n\
                    #[cfg(test)]\nmod tests { use crate::build; }\n";
        let targets: Vec<String> = uses_in(&module, "f.rs", text)
            .into_iter()
            .map(|(p, _)| p.join("::"))
            .collect();
        assert_eq!(
            targets,
            [
                "diag::Report",
                "model::Site",
                "model::kinds::Details",
                "i18n::format_date",
                "render::urls::Link",
                "render::urls::url_for",
            ]
        );
    }
}
