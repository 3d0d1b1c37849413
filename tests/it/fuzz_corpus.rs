//! The fuzz targets of `fuzz/` as plain tests: every committed seed and every
//! input that once crashed (`fuzz/regressions/<target>/`) is replayed, then a
//! few thousand cheap mutations of the seeds (fixed seed, so failures repeat).
//! The real fuzzing is `cargo +nightly fuzz run <target>` (see README).

use std::fs;
use std::path::Path;

fn inputs(target: &str) -> Vec<(String, Vec<u8>)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz");
    let mut out = Vec::new();
    for dir in ["corpus", "regressions"] {
        let Ok(entries) = fs::read_dir(root.join(dir).join(target)) else {
            continue;
        };
        for entry in entries.flatten() {
            if let Ok(bytes) = fs::read(entry.path()) {
                out.push((entry.path().display().to_string(), bytes));
            }
        }
    }
    out.sort();
    out
}

/// xorshift: a deterministic stream without a dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// Bytes that matter to the parsers: fences, YAML and Markdown punctuation,
/// HTML, multi-byte UTF-8 and invalid bytes.
const DICTIONARY: &[&[u8]] = &[
    b"---\n",
    b"\n",
    b"\r\n",
    b": ",
    b"- ",
    b"[",
    b"]",
    b"{",
    b"}",
    b"&a ",
    b"*a",
    b"!!str ",
    b"'",
    b"\"",
    b"|\n",
    b">",
    b"#",
    b"**",
    b"_",
    b"`",
    b"```\n",
    b"<",
    b"</div>",
    b"<script>",
    b" onerror=",
    b"javascript:",
    b"](",
    b"[^1]",
    b"<!-- more -->",
    b"\t",
    b"\xef\xbb\xbf",
    b"\xff\xfe",
    b"\xe5\xb7\xa5",
    b"\xb9\xa4",
    b"\xe3\x80",
    b"2026-02-30",
    b"title: ",
    b"date: ",
    b"kind: disclosure\n",
    b"0",
    b"\\",
    b" href=\"/",
    b" srcset=\"",
    b" data-root=\"",
    b"&#58;",
    b"&colon;",
    b"index.html\n",
    b"/sub/\n",
];

fn mutate(rng: &mut Rng, input: &[u8]) -> Vec<u8> {
    let mut data = input.to_vec();
    for _ in 0..1 + rng.below(4) {
        let at = rng.below(data.len() + 1);
        match rng.below(5) {
            0 if !data.is_empty() => {
                let end = (at + rng.below(16)).min(data.len());
                data.drain(at.min(end)..end);
            }
            1 => {
                let word = DICTIONARY[rng.below(DICTIONARY.len())];
                data.splice(at..at, word.iter().copied());
            }
            2 if at < data.len() => data[at] = rng.next() as u8,
            3 if !data.is_empty() => {
                // Repeat a slice: nesting and long runs.
                let start = rng.below(data.len());
                let end = (start + 1 + rng.below(8)).min(data.len());
                let piece = data[start..end].repeat(1 + rng.below(64));
                data.splice(at..at, piece);
            }
            _ => data.insert(at, rng.next() as u8),
        }
    }
    data
}

fn run(target: &str, entry: fn(&[u8]), mutations: usize) {
    let seeds = inputs(target);
    assert!(!seeds.is_empty(), "no corpus for {target}");
    for (name, bytes) in &seeds {
        let result = std::panic::catch_unwind(|| entry(bytes));
        assert!(result.is_ok(), "{target} crashed on {name}");
    }
    // Mutate the small committed seeds, not the 100 kB regressions: those are
    // replayed above, and mutating them is slow without finding more.
    let small: Vec<&(String, Vec<u8>)> = seeds.iter().filter(|(_, b)| b.len() < 16_384).collect();
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    for i in 0..mutations {
        let (name, seed) = small[rng.below(small.len())];
        let input = mutate(&mut rng, seed);
        let result = std::panic::catch_unwind(|| entry(&input));
        assert!(
            result.is_ok(),
            "{target} crashed on mutation {i} of {name}: {:?}",
            String::from_utf8_lossy(&input)
        );
    }
}

#[test]
fn front_matter_corpus_and_mutations() {
    run("front_matter", noticeboard::fuzzing::front_matter, 3000);
}

#[test]
fn markdown_corpus_and_mutations() {
    run("markdown", noticeboard::fuzzing::markdown, 3000);
}

#[test]
fn site_yaml_corpus_and_mutations() {
    run("site_yaml", noticeboard::fuzzing::site_yaml, 3000);
}

#[test]
fn paths_corpus_and_mutations() {
    run("paths", noticeboard::fuzzing::paths, 5000);
}

#[test]
fn relative_corpus_and_mutations() {
    run("relative", noticeboard::fuzzing::relative, 3000);
}
