"""The Markdown report of bench/run.py: the results header, the time and memory table,
the output counts, noticeboard's stage times per corpus with their growth between
sizes, and the --incremental table. Standard library only; it prints nothing itself.
"""

import os
import platform
import time
from pathlib import Path

from run_incremental import median_run as inc_median_run
from run_incremental import median_wall
import run_measure
from run_measure import use_gnu_time
from run_space import describe_workdir


def fmt(x, nd=2):
    return "—" if x is None else f"{x:.{nd}f}"


def short(n):
    """10000 -> 10k, as in "100k / 10k"."""
    return f"{n // 1000}k" if n >= 1000 and n % 1000 == 0 else f"{n:,}"


def ratio(a, b):
    return f"{a / b:.1f}×" if a is not None and b else "—"


def render_main_table(rows):
    out = ["| corpus | tool | median wall s | min–max | peak MiB | files | MB | ratio nb/hugo (time) | ratio nb/hugo (memory) |",
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
    return out


def by_variant(rows):
    """{variant key: [rows of the pages case, smallest size first]}, in first-seen order."""
    groups = {}
    for r in rows:
        if r.pages:
            groups.setdefault(r.variant.key, []).append(r)
    return {k: sorted(v, key=lambda r: r.pages) for k, v in groups.items()}


def render_scaling(rows):
    lines = []
    for group in by_variant(rows).values():
        parts = [f"{short(b.pages)} / {short(a.pages)} = {ratio(b.median, a.median)} "
                 f"({b.pages / a.pages:g}× the pages)" for a, b in zip(group, group[1:])]
        if parts:
            lines.append(f"- {group[0].variant.label}: " + "; ".join(parts))
    if not lines:
        return []
    return ["", "Median wall time between consecutive sizes:", ""] + lines


def render_stage_table(rows):
    """Per corpus and noticeboard variant, the median run's stage times; growth rows between sizes."""
    nb = [r for r in rows if r.variant.kind == "nb" and r.median_run() and r.median_run().stages]
    if not nb:
        return []
    names = []
    for r in nb:
        names += [n for n in r.median_run().stages if n not in names]
    out = ["", "noticeboard's own stage times in ms (from its summary line, median run; "
           "the ratio rows divide consecutive sizes):", "",
           "| tool | corpus | wall s | its total s | " + " | ".join(names) + " |",
           "|---|---|---:|---:|" + "---:|" * len(names)]

    def cells(m):
        return " | ".join(fmt(m.stages.get(n), 0) if n in m.stages else "—" for n in names)

    grouped = by_variant(nb)
    for group in grouped.values():
        prev = None
        for r in group:
            m = r.median_run()
            if prev is not None:
                p = prev.median_run()
                growth = " | ".join(ratio(m.stages.get(n), p.stages.get(n)) if p.stages.get(n, 0) >= 1 else "—"
                                    for n in names)
                out.append(f"| {r.variant.label} | {short(r.pages)} / {short(prev.pages)} | "
                           f"{ratio(m.wall, p.wall)} | {ratio(m.total_s, p.total_s)} | {growth} |")
            out.append(f"| {r.variant.label} | {r.corpus} | {m.wall:.2f} | {fmt(m.total_s)} | {cells(m)} |")
            prev = r
    for r in nb:  # the image case, which has no size series
        if not r.pages:
            m = r.median_run()
            out.append(f"| {r.variant.label} | {r.corpus} | {m.wall:.2f} | {fmt(m.total_s)} | {cells(m)} |")
    return out


def render_incremental(inc_rows):
    if not inc_rows:
        return []
    out = ["", "Incremental builds (`--incremental`; medians over the rounds; a clean build first, then per "
           "round a build with no change and one after appending a line to the edited page; Hugo rebuilds "
           "everything after the same edit; the last output is compared with a clean build file by file):", "",
           "| corpus | tool | edited page | clean build s | no-change s | one-edit s | hugo after edit s | "
           "identical to a clean build |",
           "|---|---|---|---:|---:|---:|---:|---|"]
    stage_lines = []
    for r in inc_rows:
        n = len(r.differences)
        same = {True: "yes", False: f"**no** ({n} {'path differs' if n == 1 else 'paths differ'})",
                None: "—"}[r.identical]
        clean = r.clean.wall if r.clean and r.clean.ok else None
        out.append(f"| {r.corpus} | {r.variant.label} | `{r.page}` | {fmt(clean)} | {fmt(median_wall(r.nochange))} | "
                   f"{fmt(median_wall(r.edit))} | {fmt(median_wall(r.hugo))} | {same} |")
        for what, runs in (("no-change", r.nochange), ("one-edit", r.edit)):
            m = inc_median_run(runs)
            if m and m.stages:
                st = ", ".join(f"{n} {ms:.0f}" for n, ms in m.stages.items())
                stage_lines.append(f"- {r.corpus}, {r.variant.label}, {what} build ({m.wall:.2f} s wall): {st} ms")
    if stage_lines:
        out += ["", "Their stage times (median run):", ""] + stage_lines
    return out


def render_report(rows, inc_rows, header):
    out = [header, ""]
    if rows:
        out += render_main_table(rows) + render_scaling(rows) + render_stage_table(rows)
    out += render_incremental(inc_rows)
    return "\n".join(out) + "\n"


def machine_header(a, nb_bin, hugo_info, now):
    cpu = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    warm = "no warm-up (--no-warmup)" if a.no_warmup else "one untimed warm-up build per tool"
    return "\n".join([
        "## noticeboard vs Hugo",
        "",
        f"- date: {time.strftime('%Y-%m-%d %H:%M:%S %z')}; runs per tool: {a.runs} (median; order alternates); {warm}",
        f"- machine: {os.cpu_count()} cores{', ' + cpu if cpu else ''}; {platform.system()} {platform.release()}",
        f"- workdir: {describe_workdir(a.workdir)}",
        f"- noticeboard: {nb_bin} (build --now {now})",
        f"- hugo: {hugo_info}",
        f"- peak memory: {'GNU time %M' if use_gnu_time() else 'wait4 ru_maxrss'}; "
        "wall: the whole command, over the previous build's output"
        + ("" if run_measure.SYNC_BEFORE_RUN else " (no sync between builds)"),
    ])
