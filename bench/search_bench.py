#!/usr/bin/env python3
"""Measure noticeboard's static search on a generated corpus, against Pagefind.

On a copy of a corpus (by default the 10,000-page one that bench/run.py
generates), this script:

1. builds the site with the release binary, alternately with `search: false`
   and `search: true` in site.yaml (median of --runs each), so the difference
   is the build time the index costs; the `emit` stage time is reported too;
2. sizes the index: total and per shard kind (docs.js, terms-N.js, text-N.js),
   raw and gzip -6;
3. opens /search/?q=… for each query in a fresh headless Chromium (empty
   cache; tests/browser/lib.mjs) over http://127.0.0.1 and, from a `--relative`
   build, over file://, and records the files the page requested, their bytes,
   and the page's `data-first-result-ms` (performance.now() when the first
   results were shown, counted from navigation start);
4. unless --no-pagefind: runs Pagefind (pip install 'pagefind[bin]' and
   'pagefind[extended]' into <work>/pagefind-venv; only the extended binary
   splits Chinese into words) on the same built output, restricted to the
   article element so both index the same text, and measures the same things
   with Pagefind's own UI on a bare page (http only: Pagefind fetches its
   files, which file:// does not allow); then compares the pages each finds
   (all of Pagefind's results, through its JS API, against every page
   noticeboard's index matches, not only the 50 its page shows).

Prints a Markdown report, also written to <work>/search-results.md.
Standard library plus Node (tests/browser/node_modules) and Chromium.
"""

import argparse
import gzip
import http.server
import json
import re
import shutil
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse
from functools import partial
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
NOW = "2026-11-23T09:00:00+08:00"
DEFAULT_QUERIES = "安全,职工,劳模,技能,工匠精神,2026,〔2026〕,隐患排查"


def log(msg):
    print(f"[search-bench] {msg}", file=sys.stderr, flush=True)


def parse_args(argv):
    ap = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0],
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="""example:
  cargo build --release
  python3 bench/search_bench.py --corpus /work/main/bench/.work/corpora/p10000/nb-default

See the module docstring (head of this file) for what is measured.""")
    ap.add_argument("--corpus", default=str(BENCH / ".work/corpora/p10000/nb-default"),
                    help="corpus folder with site.yaml and content/ (read only; copied to <work>/search-site)")
    ap.add_argument("--work", default=str(BENCH / ".work"), help="scratch folder (default bench/.work)")
    ap.add_argument("--binary", default=str(REPO / "target/release/noticeboard"),
                    help="noticeboard binary (default target/release/noticeboard)")
    ap.add_argument("--runs", type=int, default=3, help="timed builds with and without search (default 3)")
    ap.add_argument("--queries", default=DEFAULT_QUERIES, help=f"comma-separated (default {DEFAULT_QUERIES})")
    ap.add_argument("--no-pagefind", action="store_true", help="measure noticeboard alone")
    ap.add_argument("--no-build", action="store_true", help="reuse the builds in <work>/search-site")
    return ap.parse_args(argv)


# --------------------------------------------------------------------------
# The same query noticeboard's search.js runs, over the index files, to know
# every page it finds (the page shows the first 50).
# --------------------------------------------------------------------------
CJK = [(0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF), (0x20000, 0x2FA1F), (0x30000, 0x323AF),
       (0x3041, 0x3096), (0x30A1, 0x30FA), (0x31F0, 0x31FF), (0x1100, 0x11FF), (0xAC00, 0xD7AF),
       (0x3130, 0x318F), (0x3007, 0x3007)]


def is_cjk(c):
    n = ord(c)
    return any(lo <= n <= hi for lo, hi in CJK)


def fold(c):
    n = ord(c)
    if 0xFF01 <= n <= 0xFF5E:
        c = chr(n - 0xFEE0)
    return c.lower()


def tokenize(text, unigrams):
    out, word, prev = [], "", None
    for c in map(fold, text):
        if is_cjk(c):
            if word:
                out.append(word)
                word = ""
            if unigrams:
                out.append(c)
            if prev is not None:
                out.append(prev + c)
            prev = c
        else:
            prev = None
            if c.isalnum():
                word += c
            elif word:
                out.append(word)
                word = ""
    if word:
        out.append(word)
    return out


def shard_of(term, shards):
    h = 0x811C9DC5
    for c in term:
        h ^= ord(c)
        h = (h * 0x01000193) & 0xFFFFFFFF
    return h % shards


def read_script(path):
    text = path.read_text(encoding="utf-8")
    start = text.index(",") + 1
    return json.loads(text[start:text.rindex(");")])


def noticeboard_finds(public, query):
    meta = read_script(public / "search/docs.js")
    terms = list(dict.fromkeys(tokenize(query, False)))
    if not terms:
        return None  # title-only single characters: not used here
    docs = None
    for t in terms:
        shard = read_script(public / f"search/terms-{shard_of(t, meta['shards'])}.js")
        found, doc = set(), 0
        for pair in filter(None, shard.get(t, "").split(",")):
            delta = pair.split(".")[0]
            doc += int(delta, 36)
            found.add(doc)
        docs = found if docs is None else docs & found
    return {meta["docs"][d][1].lstrip("/") for d in docs}


# --------------------------------------------------------------------------
# Builds
# --------------------------------------------------------------------------
def build(binary, site, extra=()):
    start = time.perf_counter()
    out = subprocess.run([binary, "build", "--root", str(site), "--now", NOW, *extra],
                         capture_output=True, text=True)
    wall = time.perf_counter() - start
    if out.returncode != 0:
        sys.exit(f"build failed:\n{out.stdout}\n{out.stderr}")
    line = out.stdout.strip().splitlines()[-1]
    emit = re.search(r"emit (\d+) ms", line)
    return wall, int(emit.group(1)) if emit else None, line


def set_search(site, on):
    yaml = site / "site.yaml"
    lines = [l for l in yaml.read_text(encoding="utf-8").splitlines() if not l.startswith("search:")]
    lines.append(f"search: {'true' if on else 'false'}")
    yaml.write_text("\n".join(lines) + "\n", encoding="utf-8")


def measure_builds(args, site):
    runs = {True: [], False: []}
    set_search(site, True)
    log("warm-up build")
    build(args.binary, site)
    for n in range(args.runs):
        for on in (False, True):  # ends on a build with the index
            set_search(site, on)
            wall, emit, line = build(args.binary, site)
            runs[on].append((wall, emit, line))
            log(f"run {n + 1}, search {on}: {wall:.2f} s ({line})")
    log("relative build for file://")
    build(args.binary, site, ["--relative", "--output", str(site / "public-relative")])
    return runs


# --------------------------------------------------------------------------
# Sizes, servers, browser
# --------------------------------------------------------------------------
def gz(data):
    return len(gzip.compress(data, 6))


def index_sizes(folder, pattern_kinds):
    kinds = {}
    for f in sorted(folder.iterdir()):
        if not f.is_file() or f.suffix == ".html":  # search/index.html is the page, not the index
            continue
        kind = next((k for k, rx in pattern_kinds if re.fullmatch(rx, f.name)), "other")
        data = f.read_bytes()
        k = kinds.setdefault(kind, [0, 0, 0])
        k[0] += 1
        k[1] += len(data)
        k[2] += gz(data)
    return kinds


def serve(folder):
    handler = partial(QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map,
                      ".js": "text/javascript", ".mjs": "text/javascript", ".wasm": "application/wasm"}

    def log_message(self, *a):
        pass


def run_browser(jobs, work):
    path = work / "search-jobs.json"
    path.write_text(json.dumps(jobs, ensure_ascii=False), encoding="utf-8")
    out = subprocess.run(["node", str(BENCH / "search_browser.mjs"), str(path)], capture_output=True, text=True)
    if out.returncode != 0:
        sys.exit(f"browser script failed:\n{out.stdout}\n{out.stderr}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def local_file(url, http_base, http_root, file_root):
    """The file on disk a request was for (None for pages and other hosts)."""
    if url.startswith(http_base):
        rel = urllib.parse.unquote(urllib.parse.urlsplit(url).path)
        root = http_root
    elif url.startswith("file://"):
        rel = urllib.parse.unquote(urllib.parse.urlsplit(url).path)
        return Path(rel)
    else:
        return None
    p = root / rel.lstrip("/")
    return p / "index.html" if p.is_dir() else p


def loaded(result, pick, http_base, http_root):
    """Bytes (raw, gzip) of the requests `pick` accepts, and their names."""
    raw = zipped = 0
    names = []
    for url in result["requests"]:
        f = local_file(url, http_base, http_root, None)
        if f is None or not f.is_file() or not pick(url):
            continue
        data = f.read_bytes()
        raw += len(data)
        zipped += gz(data)
        names.append(f.name)
    return raw, zipped, names


PAGEFIND_PAGE = """<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>Pagefind</title>
<link href="/pagefind/pagefind-ui.css" rel="stylesheet">
<script src="/pagefind/pagefind-ui.js"></script></head>
<body><div id="search"></div>
<script>
  // performance.now() when the first result is on the page, as noticeboard's
  // search page records it.
  new MutationObserver(function () {
    if (!document.body.dataset.firstResultMs && document.querySelector('.pagefind-ui__result-link')) {
      document.body.dataset.firstResultMs = String(Math.round(performance.now()));
    }
  }).observe(document.body, { childList: true, subtree: true });
  var ui = new PagefindUI({ element: '#search', showSubResults: false, showImages: false });
  ui.triggerSearch(new URLSearchParams(location.search).get('q'));
</script></body></html>
"""


def kb(n):
    return f"{n / 1024:,.0f} KB" if n < 10 * 1024 * 1024 else f"{n / 1048576:,.1f} MB"


def main(argv):
    args = parse_args(argv)
    work = Path(args.work).resolve()
    corpus = Path(args.corpus).resolve()
    site = work / "search-site"
    queries = [q for q in args.queries.split(",") if q]
    report = []

    if not args.no_build:
        if site.exists():
            shutil.rmtree(site)
        site.mkdir(parents=True)
        log(f"copying {corpus} to {site}")
        shutil.copytree(corpus / "content", site / "content")
        shutil.copy(corpus / "site.yaml", site / "site.yaml")
        for extra in ("static", "templates", "data"):
            if (corpus / extra).is_dir():
                shutil.copytree(corpus / extra, site / extra)
        runs = measure_builds(args, site)
        (work / "search-builds.json").write_text(json.dumps({"on": runs[True], "off": runs[False]}))
    builds = json.loads((work / "search-builds.json").read_text())
    public = site / "public"
    relative = site / "public-relative"
    pages = len(read_script(public / "search/docs.js")["docs"])

    on = statistics.median(w for w, _, _ in builds["on"])
    off = statistics.median(w for w, _, _ in builds["off"])
    emit_on = statistics.median(e for _, e, _ in builds["on"])
    emit_off = statistics.median(e for _, e, _ in builds["off"])
    report.append(f"## noticeboard search on {pages:,} pages\n")
    report.append(f"- corpus: {corpus}; binary: {args.binary}; {args.runs} builds each (median)")
    report.append(f"- build: {off:.2f} s with `search: false`, {on:.2f} s with `search: true`: "
                  f"index adds {on - off:.2f} s; `emit` stage {emit_off} ms → {emit_on} ms (+{emit_on - emit_off} ms)")
    report.append(f"- last build line: `{builds['on'][-1][2]}`\n")

    kinds = index_sizes(public / "search", [("docs.js", r"docs\.js"), ("terms-N.js", r"terms-\d+\.js"),
                                            ("text-N.js", r"text-\d+\.js")])
    report.append("| index part | files | raw | gzip -6 |\n|---|---:|---:|---:|")
    for k, (n, raw, z) in kinds.items():
        report.append(f"| {k} | {n} | {kb(raw)} | {kb(z)} |")
    total = [sum(v[i] for v in kinds.values()) for i in range(3)]
    report.append(f"| **total** | {total[0]} | {kb(total[1])} | {kb(total[2])} |\n")

    # Browser: noticeboard over http and file://.
    server, base = serve(public)
    rel_server, rel_base = serve(relative)
    try:
        jobs = []
        for q in queries:
            enc = urllib.parse.quote(q)
            jobs.append({"kind": "noticeboard", "via": "http", "query": q, "url": f"{base}search/?q={enc}"})
            jobs.append({"kind": "noticeboard", "via": "file", "query": q,
                         "url": f"{(relative / 'search/index.html').as_uri()}?q={enc}"})
        log(f"browser: noticeboard, {len(jobs)} page loads")
        nb = run_browser(jobs, work)
    finally:
        server.shutdown()
        rel_server.shutdown()

    def is_nb_search(url):
        return "/search/" in url and url.endswith(".js") or url.endswith("assets/search.js")

    def is_index(url):
        return "/search/" in url and url.endswith(".js")

    rows = {}
    for r in nb:
        if "error" in r:
            sys.exit(f"noticeboard page failed for {r['query']} ({r['via']}): {r['error']}")
        root = public if r["via"] == "http" else relative
        raw, z, names = loaded(r, is_index, base, root)
        code_raw, code_z, _ = loaded(r, lambda u: u.endswith("assets/search.js"), base, root)
        row = rows.setdefault(r["query"], {})
        row[r["via"]] = r
        row["nb_index"] = (raw, z, names)
        row["nb_code"] = (code_raw, code_z)
        count = re.search(r"(\d+)", r["status"] or "")
        row["nb_shown_count"] = int(count.group(1)) if count else None
        row["nb_set"] = noticeboard_finds(public, r["query"])
    report.append("| query | found | shards fetched | index bytes raw / gzip | first result http | first result file:// |")
    report.append("|---|---:|---|---:|---:|---:|")
    for q in queries:
        row = rows[q]
        raw, z, names = row["nb_index"]
        terms = sorted(n for n in names if n.startswith("terms"))
        texts = sorted(n for n in names if n.startswith("text"))
        report.append(f"| {q} | {row['nb_shown_count']:,} | docs.js + {len(terms)} terms + {len(texts)} text "
                      f"| {kb(raw)} / {kb(z)} | {row['http']['first_result_ms']:.0f} ms "
                      f"| {row['file']['first_result_ms']:.0f} ms |")
        if row["nb_set"] is not None and len(row["nb_set"]) != row["nb_shown_count"]:
            sys.exit(f"{q}: the page says {row['nb_shown_count']}, the index has {len(row['nb_set'])}")
    nb_http = statistics.median(rows[q]["http"]["first_result_ms"] for q in queries)
    nb_file = statistics.median(rows[q]["file"]["first_result_ms"] for q in queries)
    nb_bytes = statistics.median(rows[q]["nb_index"][0] for q in queries)
    nb_bytes_z = statistics.median(rows[q]["nb_index"][1] for q in queries)
    report.append(f"\nMedian over the queries: first result {nb_http:.0f} ms (http), {nb_file:.0f} ms (file://); "
                  f"index loaded {kb(nb_bytes)} raw / {kb(nb_bytes_z)} gzip, plus search.js "
                  f"{kb(rows[queries[0]]['nb_code'][0])}.\n")
    two = [q for q in queries if len(q) == 2 and all(is_cjk(c) for c in q)]
    if two:
        r = rows[two[0]]
        report.append(f"A two-character query ({two[0]}) fetches: {', '.join(r['nb_index'][2])}.\n")

    if not args.no_pagefind:
        report.extend(pagefind_part(args, work, public, queries, rows, total, nb_http, nb_bytes, nb_bytes_z,
                                    rows[queries[0]]["nb_code"][0]))

    text = "\n".join(report)
    print(text)
    (work / "search-results.md").write_text(text + "\n", encoding="utf-8")


def pagefind_binaries(work):
    """Pagefind's two binaries from PyPI: `pagefind[bin]` (does not split text
    that has no spaces, so Chinese runs are indexed as whole "words") and
    `pagefind[extended]` (segments Chinese into words)."""
    venv = work / "pagefind-venv"
    python = venv / "bin/python"
    if not python.exists():
        log("installing pagefind into " + str(venv))
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    subprocess.run([str(venv / "bin/pip"), "install", "-q", "pagefind[bin]", "pagefind[extended]"], check=True)
    found = subprocess.run(
        [str(python), "-c", "import os, pagefind_bin as a, pagefind_bin_extended as b; "
         "print(os.path.join(os.path.dirname(a.__file__), 'pagefind')); "
         "print(os.path.join(os.path.dirname(b.__file__), 'pagefind_extended'))"],
        capture_output=True, text=True, check=True).stdout.split()
    return [("Pagefind", "pagefind", found[0]), ("Pagefind extended", "pagefind-ext", found[1])]


# The article's title, text and tags: what noticeboard indexes (the date line
# is left out: noticeboard filters by year instead of matching date text; the
# table of contents repeats the headings).
PAGEFIND_EXCLUDE = ["--exclude-selectors", ".article-meta", "--exclude-selectors", ".toc"]


def is_code(url):
    name = url.rsplit("/", 1)[-1]
    return name.endswith((".js", ".css")) or name.startswith("wasm.")


def pagefind_part(args, work, public, queries, rows, nb_total, nb_http, nb_bytes, nb_bytes_z, nb_code):
    variants = pagefind_binaries(work)
    report = []
    summary = []
    articles = {d[1].lstrip("/") for d in read_script(public / "search/docs.js")["docs"]}
    for label, subdir, binary in variants:
        version = subprocess.run([binary, "--version"], capture_output=True, text=True).stdout.strip()
        shutil.rmtree(public / subdir, ignore_errors=True)
        log(f"running {version}")
        start = time.perf_counter()
        out = subprocess.run([binary, "--site", str(public), "--root-selector", "article.article",
                              *PAGEFIND_EXCLUDE, "--output-subdir", subdir], capture_output=True, text=True)
        pf_time = time.perf_counter() - start
        if out.returncode != 0:
            sys.exit(f"pagefind failed:\n{out.stdout}\n{out.stderr}")
        page = f"{subdir}-bench.html"
        (public / page).write_text(PAGEFIND_PAGE.replace("/pagefind/", f"/{subdir}/"), encoding="utf-8")

        sizes = {}
        for f in (public / subdir).rglob("*"):
            if f.is_file():
                kind = ("fragment" if "/fragment/" in str(f) else "index chunk" if "/index/" in str(f)
                        else "filter" if "/filter/" in str(f) else "code (js, css, wasm)" if is_code(str(f))
                        else "metadata")
                s = sizes.setdefault(kind, [0, 0])
                s[0] += 1
                s[1] += f.stat().st_size
        pf_total = [sum(v[i] for v in sizes.values()) for i in range(2)]

        server, base = serve(public)
        try:
            jobs = []
            for q in queries:
                enc = urllib.parse.quote(q)
                jobs.append({"kind": "pagefind", "via": "http", "query": q, "url": f"{base}{page}?q={enc}"})
                jobs.append({"kind": "pagefind-all", "via": "http", "query": q, "url": f"{base}{page}",
                             "bundle": f"/{subdir}/"})
            log(f"browser: {label}, {len(jobs)} page loads")
            pf = run_browser(jobs, work)
        finally:
            server.shutdown()

        report += [f"## {label} ({version}) on the same output\n",
                   f"- `{Path(binary).name} --site public --root-selector article.article {' '.join(PAGEFIND_EXCLUDE)} "
                   f"--output-subdir {subdir}` took {pf_time:.1f} s",
                   "- its UI fetches its files, so it runs over http only: a bare page with PagefindUI and "
                   "`triggerSearch(q)`; first result = performance.now() when the first result link appears\n",
                   "| part | files | bytes on disk (Pagefind gzips them) |\n|---|---:|---:|"]
        for k, (n, raw) in sorted(sizes.items()):
            report.append(f"| {k} | {n:,} | {kb(raw)} |")
        report.append(f"| **total** | {pf_total[0]:,} | {kb(pf_total[1])} |\n")

        by = {}
        for r in pf:
            by.setdefault(r["query"], {})[r["kind"]] = r
        report.append(f"| query | noticeboard finds | {label} finds (articles) | both | only noticeboard "
                      f"| only {label} | index bytes loaded | first result |")
        report.append("|---|---:|---:|---:|---:|---:|---:|---:|")
        pf_ms, pf_bytes, pf_code, agree = [], [], [], []
        notes = []
        for q in queries:
            timed, every = by[q].get("pagefind", {}), by[q].get("pagefind-all", {})
            nb_set = rows[q]["nb_set"] or set()
            pf_set = {urllib.parse.unquote(u).lstrip("/") for u in every.get("urls", [])} & articles
            raw, _, _ = loaded(timed, lambda u: f"/{subdir}/" in u and not is_code(u), base, public)
            code, _, _ = loaded(timed, lambda u: f"/{subdir}/" in u and is_code(u), base, public)
            pf_code.append(code)
            ms = timed.get("first_result_ms")
            if ms:
                pf_ms.append(ms)
            pf_bytes.append(raw)
            only_nb, only_pf = nb_set - pf_set, pf_set - nb_set
            union = nb_set | pf_set
            agree.append(f"{q} {len(nb_set & pf_set) / len(union):.0%}" if union else f"{q} (none)")
            if only_nb or only_pf:
                notes.append(f"- {q}: only noticeboard e.g. {sorted(only_nb)[:2]}; only {label} e.g. {sorted(only_pf)[:2]}")
            shown = f"{ms:.0f} ms" if ms else "no result shown"
            report.append(f"| {q} | {len(nb_set):,} | {len(pf_set):,} | {len(nb_set & pf_set):,} | {len(only_nb):,} "
                          f"| {len(only_pf):,} | {kb(raw)} | {shown} |")
        report.append("")
        report.extend(notes)
        report.append("")
        report.append(f"Besides the index, each search loaded {kb(statistics.median(pf_code))} of Pagefind's "
                      "code (pagefind.js, pagefind-ui.js/css, wasm; gzipped).\n")
        summary.append((label, version, pf_total, pf_bytes, pf_ms, agree, pf_time, statistics.median(pf_code)))

    report.append("## Comparison (median over the queries, http, fresh browser each)\n")
    report.append("| | index on disk | index loaded per query | + code | time to first result "
                  "| same pages as noticeboard (shared / either) |\n|---|---:|---:|---:|---:|---|")
    report.append(f"| noticeboard | {kb(nb_total[1])} ({kb(nb_total[2])} gzip) | {kb(nb_bytes)} "
                  f"({kb(nb_bytes_z)} gzip) | {kb(nb_code)} | {nb_http:.0f} ms | — |")
    for label, version, pf_total, pf_bytes, pf_ms, agree, _, code in summary:
        med = f"{statistics.median(pf_ms):.0f} ms" if pf_ms else "—"
        report.append(f"| {label} {version.split()[-1]} | {kb(pf_total[1])} (gzipped) "
                      f"| {kb(statistics.median(pf_bytes))} (gzipped) | {kb(code)} | {med} "
                      f"({len(pf_ms)}/{len(queries)} queries show results) | {', '.join(agree)} |")
    return report


if __name__ == "__main__":
    main(sys.argv[1:])
