"""bench/run.py --incremental: rebuilding after no change and after a one-line edit.

On each noticeboard corpus of a size: a clean build (output and .noticeboard/ deleted
first), then per round a no-change `build` and, after appending one line to the body
of one fixed page (the middle news post), another `build`; Hugo, which has no
incremental `hugo` build, is timed after the same edit for comparison. Then the
edited corpus is built again with no .noticeboard/ into a fresh --output folder,
and both trees must be identical, file by file (relative path and SHA-256 of the
bytes; nothing is ignored). The edited page is restored at the end.

Standard library only.
"""

import hashlib
import os
import shutil
import statistics
from dataclasses import dataclass, field, replace
from pathlib import Path

from run_measure import log, measure, wait_for_old_output_removal

STAMP = ".bench-stamp.json"
SHOWN_DIFFERENCES = 10


def middle_news_post(site):
    """The edited page: the middle one of content/news/*.md in name order (as bench/serve_latency.py)."""
    pages = sorted(p for p in (site / "content" / "news").glob("*.md") if p.name != "_index.md")
    if not pages:
        raise RuntimeError(f"{site}: no content/news/*.md to edit")
    return pages[len(pages) // 2].relative_to(site)


class PageEdit:
    """Appends lines to one page in several corpus folders; puts every byte back on exit.

    The corpus stamp is removed while the page is edited, so a run killed halfway
    leaves a corpus that the next run regenerates instead of reusing.
    """

    def __init__(self, sites, rel):
        self.rel = rel
        self.sites = list(sites)
        self.saved = {}

    def __enter__(self):
        for site in self.sites:
            stamp = site / STAMP
            self.saved[site] = ((site / self.rel).read_bytes(), stamp.read_bytes() if stamp.exists() else None)
            stamp.unlink(missing_ok=True)
        return self

    def append(self, k):
        line = f"基准测试追加的第 {k} 行：本段文字只为测量一次修改后的重新构建。"
        for site in self.sites:
            page = site / self.rel
            text = page.read_text(encoding="utf-8")
            page.write_text(text.rstrip("\n") + f"\n\n{line}\n", encoding="utf-8")

    def __exit__(self, *exc):
        for site, (page, stamp) in self.saved.items():
            (site / self.rel).write_bytes(page)
            if stamp is not None:
                (site / STAMP).write_bytes(stamp)
        return False


def tree_entries(root):
    """{relative path: ("file", sha256) | ("dir",) | ("link", target)} for everything under `root`."""
    entries = {}
    for dirpath, dirs, files in os.walk(root):
        base = Path(dirpath)
        for n in dirs + files:
            p = base / n
            rel = p.relative_to(root).as_posix()
            if p.is_symlink():
                entries[rel] = ("link", os.readlink(p))
            elif p.is_dir():
                entries[rel] = ("dir",)
            else:
                with open(p, "rb") as f:
                    entries[rel] = ("file", hashlib.file_digest(f, "sha256").hexdigest())
    return entries


def compare_trees(a, b):
    """Differences between two output trees, as sentences; empty when identical."""
    ea, eb = tree_entries(a), tree_entries(b)
    diffs = []
    for rel in sorted(ea.keys() | eb.keys()):
        x, y = ea.get(rel), eb.get(rel)
        if x == y:
            continue
        if y is None:
            diffs.append(f"{rel}: only in the incremental output")
        elif x is None:
            diffs.append(f"{rel}: only in the clean build")
        elif x[0] != y[0]:
            diffs.append(f"{rel}: a {x[0]} in the incremental output, a {y[0]} in the clean build")
        else:
            diffs.append(f"{rel}: different bytes (SHA-256 {x[1][:12]}… vs {y[1][:12]}…)"
                         if x[0] == "file" else f"{rel}: link to {x[1]} vs {y[1]}")
    return diffs


@dataclass
class IncRow:
    corpus: str
    variant: object
    page: str
    clean: object = None
    nochange: list = field(default_factory=list)
    edit: list = field(default_factory=list)
    hugo: list = field(default_factory=list)
    identical: bool | None = None
    differences: list = field(default_factory=list)
    pages: int = 0


def median_wall(runs):
    ok = [r.wall for r in runs if r.ok]
    return statistics.median(ok) if ok else None


def median_run(runs):
    ok = sorted((r for r in runs if r.ok), key=lambda r: r.wall)
    return ok[(len(ok) - 1) // 2] if ok else None


def _timed(v, logdir, tag, label, what, failures):
    res = measure(v, logdir, tag)
    log(f"{label}: {v.label} {what}: {res.wall:.2f} s" + ("" if res.ok else f"  FAILED (exit {res.rc})"))
    if not res.ok:
        failures.append(f"{label}: {v.label} {what} failed (exit {res.rc}); see {logdir}")
    return res


def check_against_clean_build(row, v, check_dir, logdir, label, failures):
    """Build the edited corpus with no .noticeboard/ into a fresh folder and compare it with v's output."""
    fresh = check_dir / f"{v.site.parent.name}-{v.key}"
    wait_for_old_output_removal(v.output)
    for d in [fresh] + v.cache_dirs():
        if d.exists():
            shutil.rmtree(d)
    check_dir.mkdir(parents=True, exist_ok=True)
    clean_v = replace(v, cmd=v.cmd + ["--output", str(fresh)], out=fresh)
    res = _timed(clean_v, logdir, "inc-check", label, "clean build for the check", failures)
    if not res.ok:
        return
    row.differences = compare_trees(v.output, fresh)
    row.identical = not row.differences
    if row.identical:
        shutil.rmtree(fresh)
        if not any(check_dir.iterdir()):
            check_dir.rmdir()
        log(f"{label}: {v.label}: the incremental output is identical to a clean build")
        return
    shown = "; ".join(row.differences[:SHOWN_DIFFERENCES])
    more = len(row.differences) - SHOWN_DIFFERENCES
    n = len(row.differences)
    failures.append(f"{label}: {v.label}: the output after the edit differs from a clean build "
                    f"({n} {'path' if n == 1 else 'paths'}; {v.output} vs {fresh}, kept): {shown}"
                    + (f"; and {more} more" if more > 0 else ""))


def run_incremental_case(label, pages, nb_variants, hugo, runs, logdir, check_dir, failures):
    if not nb_variants:
        return []
    rel = middle_news_post(nb_variants[0].site)
    rows = [IncRow(label, v, rel.as_posix(), pages=pages) for v in nb_variants]
    sites = [v.site for v in nb_variants] + ([hugo.site] if hugo else [])
    with PageEdit(sites, rel) as edit:
        for row, v in zip(rows, nb_variants):
            wait_for_old_output_removal(v.output)
            for d in [v.output] + v.cache_dirs():
                if d.exists():
                    shutil.rmtree(d)
            row.clean = _timed(v, logdir, "inc-clean", label, "clean build", failures)
        live = [(row, v) for row, v in zip(rows, nb_variants) if row.clean.ok]
        hugo_runs = []
        for r in range(runs):
            for row, v in live:
                row.nochange.append(_timed(v, logdir, f"inc-nochange{r + 1}", label,
                                           f"no-change build {r + 1}/{runs}", failures))
            edit.append(r + 1)
            for row, v in live:
                row.edit.append(_timed(v, logdir, f"inc-edit{r + 1}", label,
                                       f"build after editing {rel.as_posix()} {r + 1}/{runs}", failures))
            if hugo:
                hugo_runs.append(_timed(hugo, logdir, f"inc-edit{r + 1}", label,
                                        f"after the same edit {r + 1}/{runs}", failures))
        for row, v in live:
            row.hugo = hugo_runs
            if row.edit and all(res.ok for res in row.edit):
                check_against_clean_build(row, v, check_dir, logdir, label, failures)
    return rows
