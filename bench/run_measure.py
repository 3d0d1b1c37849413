"""One timed build, for bench/run.py: what is run (Variant), what one run gave (Run),
the runs of one tool on one corpus (Row), and noticeboard's own stage timings.

Standard library only. This module only runs and reads builds; choosing and
preparing corpora is run.py's, printing tables is run_report.py's.
"""

import os
import re
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

GNU_TIME = "/usr/bin/time"
# noticeboard moves the old output aside as `.public.nb-trash-<pid>` and deletes it in a
# detached process after `build` returns (src/output/mod.rs, TRASH_MARK).
TRASH_MARK = ".nb-trash-"
TRASH_WAIT_S = 600

# Set by run.py from --no-sync.
SYNC_BEFORE_RUN = True


def log(msg):
    print(f"[bench] {msg}", file=sys.stderr, flush=True)


@dataclass
class Variant:
    key: str          # nb-minimal, nb-default, hugo
    label: str        # as shown in the table
    kind: str         # "nb" or "hugo"
    site: Path
    cmd: list
    env: dict = field(default_factory=dict)
    out: Path | None = None  # an --output folder given in cmd; default the site's public/

    @property
    def output(self):
        return self.out or self.site / "public"

    def cache_dirs(self):
        if self.kind == "nb":
            return [self.site / ".noticeboard"]
        return [self.site / "resources", self.site / ".hugo_cache"]


@dataclass
class Run:
    ok: bool
    wall: float
    rss_kb: int
    last_line: str
    rc: int
    # From noticeboard's summary line: its own total in seconds and {stage: ms}, in its order.
    total_s: float | None = None
    stages: dict = field(default_factory=dict)


@dataclass
class Row:
    corpus: str
    variant: Variant
    runs: list
    counts: dict
    note: str = ""
    pages: int = 0

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


# The summary line of `build` (src/message/catalogue/commands.rs, T1014 Built), in either
# language of site.yaml's `language:`:
#   zh-CN  已构建 … 位于 DIR（2.44 秒：load 134 ms, parse 640 ms, …, write 150 ms）
#   en     built … files in DIR (2.44 s: load 134 ms, parse 640 ms, …, write 150 ms)
# Lines about images or the next status change may follow it, so it is searched for,
# not taken to be the last line. The stage names are read, not assumed.
SUMMARY_ZH = re.compile(r"（(\d+(?:\.\d+)?) 秒：([^（）]*)）\s*$")
SUMMARY_EN = re.compile(r"\((\d+(?:\.\d+)?) s: ([^()]*)\)\s*$")
STAGE = re.compile(r"([A-Za-z][\w-]*) (\d+(?:\.\d+)?) ms\b")


def parse_summary(lines):
    """(total seconds, {stage: ms}) from the last summary line among `lines`, or (None, {})."""
    for line in reversed(lines):
        m = SUMMARY_ZH.search(line) or SUMMARY_EN.search(line)
        if not m:
            continue
        stages = {name: float(ms) for name, ms in STAGE.findall(m.group(2))}
        if stages:
            return float(m.group(1)), stages
    return None, {}


def clean(paths):
    for p in paths:
        if p.exists():
            shutil.rmtree(p)


def use_gnu_time():
    return os.path.exists(GNU_TIME) and os.environ.get("BENCH_NO_GNU_TIME") != "1"


def wait_for_old_output_removal(output):
    """Wait (untimed) until noticeboard's detached removal of an older output is done.

    Otherwise that deletion runs during the next build, which may be another tool's,
    and a folder deleted by the script could still be being deleted by it.
    """
    parent = output.parent
    prefix = f".{output.name}{TRASH_MARK}"
    t0 = time.perf_counter()
    while parent.is_dir() and any(n.startswith(prefix) for n in os.listdir(parent)):
        if time.perf_counter() - t0 > TRASH_WAIT_S:
            log(f"{parent}: the old output is still being deleted after {TRASH_WAIT_S} s; going on")
            return
        time.sleep(0.05)
    waited = time.perf_counter() - t0
    if waited >= 1:
        log(f"waited {waited:.1f} s for noticeboard's detached removal of the old {output}")


def measure(v, logdir, tag):
    """Run one build; wall clock from here, peak RSS from GNU time (or wait4's rusage).

    Unless --no-sync, dirty pages are flushed first (untimed), so a build is not
    throttled by writing back the previous build's output, possibly another tool's.
    """
    wait_for_old_output_removal(v.output)
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
    total, stages = parse_summary(lines) if v.kind == "nb" else (None, {})
    return Run(rc == 0, wall, rss, lines[-1] if lines else "", rc, total, stages)


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
