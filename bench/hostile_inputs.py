#!/usr/bin/env python3
"""Time `noticeboard build` on the hostile inputs of issue #16, class 5 and 7.

Each case is one small site whose one page is built to be slow for a
quadratic stage: many identical headings, megabytes of `<!A` or `<?x`, many
unknown front-matter keys, many links with `--relative`, many tags, and a
Markdown file far over the old 10 MB limit. Every build runs under GNU
`time -v`, which gives wall time and maximum resident set size; the result is
a Markdown table on stdout (and in <work>/hostile.md).

    python3 bench/hostile_inputs.py                    # every case, sizes of the issue
    python3 bench/hostile_inputs.py --cases headings,tags --scale 0.1
    python3 bench/hostile_inputs.py --binary target/release/noticeboard --timeout 120

Standard library only. Without --binary it runs `cargo build --release`
(with CARGO_BUILD_JOBS=1, the machine is shared) first.
"""

import argparse
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
GNU_TIME = "/usr/bin/time"
NOW = "2026-11-23T09:00:00+08:00"

SITE_YAML = "title: 压力测试\nbase_url: https://example.org/\nlanguage: zh-CN\n"


def page(front, body):
    return f"---\ntitle: 压力测试页\ndate: 2026-11-20\n{front}---\n{body}"


def headings(n):
    return page("", "## 总结\n\n正文。\n\n" * n)


def declarations(marker, megabytes):
    # No `>` anywhere after them: each once searched to the end for one.
    count = megabytes * 1_000_000 // len(marker)
    return page("", marker * count + "\n")


def unknown_keys(n):
    return page("".join(f"field_{i}: {i}\n" for i in range(n)), "正文。\n")


def links(n):
    return page("", "".join(f"[链接{i}](/news/p{i}/) " for i in range(n)) + "\n")


def tags(n):
    listed = "".join(f"  - 标签{i}\n" for i in range(n))
    return page(f"tags:\n{listed}", "正文。\n")


def entities(megabytes):
    # An attribute value of bare `&`: each once searched for a `;` to the end.
    return page("", '<span title="' + "&" * (megabytes * 1_000_000) + '">x</span>\n')


def yearbook(megabytes):
    # A collected volume: chapters of headings, paragraphs, lists and tables.
    chapter = (
        "## 第{n}章 年度工作\n\n"
        + "工会坚持以职工为中心，推进民主管理和厂务公开，维护职工合法权益。" * 8
        + "\n\n- 职工代表大会\n- 劳动竞赛\n- 困难帮扶\n\n"
        + "| 项目 | 人数 |\n| --- | --- |\n| 培训 | 120 |\n| 慰问 | 45 |\n\n"
    )
    size = len(chapter.encode())
    count = megabytes * 1_000_000 // size
    return page("", "".join(chapter.replace("{n}", str(i)) for i in range(count)))


def cases(scale):
    def s(n):
        return max(1, int(n * scale))

    return [
        # (name, what, markdown text, extra build arguments)
        ("headings", f"{s(40_000):,} identical headings", lambda: headings(s(40_000)), []),
        ("bang", f"{s(3)} MB of `<!A`", lambda: declarations("<!A", s(3)), []),
        ("question", f"{s(3)} MB of `<?x`", lambda: declarations("<?x", s(3)), []),
        ("entities", f"{s(3)} MB of `&` in an attribute", lambda: entities(s(3)), []),
        ("keys", f"{s(100_000):,} unknown front-matter keys", lambda: unknown_keys(s(100_000)), []),
        ("links", f"{s(100_000):,} links", lambda: links(s(100_000)), []),
        ("links-relative", f"{s(100_000):,} links, `--relative`", lambda: links(s(100_000)), ["--relative"]),
        ("tags", f"{s(20_000):,} tags on one page", lambda: tags(s(20_000)), []),
        ("tags-limit", "100 tags on one page (the limit)", lambda: tags(100), []),
        ("yearbook", f"a {s(25)} MB yearbook page", lambda: yearbook(s(25)), []),
    ]


def parse_args(argv):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--binary", help="noticeboard binary (default: cargo build --release)")
    p.add_argument("--cases", help="comma-separated case names (default: all)")
    p.add_argument("--scale", type=float, default=1.0, help="multiply every size (default 1)")
    p.add_argument("--timeout", type=float, default=300, help="seconds before a build is killed")
    p.add_argument("--work", default=str(BENCH / ".work"), help="scratch folder")
    return p.parse_args(argv)


def build_binary():
    env = dict(os.environ, CARGO_BUILD_JOBS="1")
    subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=REPO, env=env, check=True)
    return REPO / "target" / "release" / ("noticeboard.exe" if os.name == "nt" else "noticeboard")


def write_site(root, text):
    if root.exists():
        shutil.rmtree(root)
    (root / "content" / "news").mkdir(parents=True)
    (root / "site.yaml").write_text(SITE_YAML, encoding="utf-8")
    (root / "content" / "_index.md").write_text("---\ntitle: 首页\n---\n", encoding="utf-8")
    (root / "content" / "news" / "_index.md").write_text("---\ntitle: 新闻\n---\n", encoding="utf-8")
    (root / "content" / "news" / "page.md").write_text(text, encoding="utf-8")


def du(path):
    total = 0
    for dirpath, _, files in os.walk(path):
        for f in files:
            total += os.path.getsize(os.path.join(dirpath, f))
    return total


def timed_build(binary, root, extra, timeout):
    out = root / "public"
    cmd = [GNU_TIME, "-v", str(binary), "build", "--root", str(root), "--output", str(out), "--now", NOW, *extra]
    try:
        run = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return {"status": f"killed after {timeout:.0f} s"}
    wall = re.search(r"Elapsed \(wall clock\) time.*: (?:(\d+):)?(\d+):([\d.]+)", run.stderr)
    rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", run.stderr)
    seconds = None
    if wall:
        h, m, sec = wall.groups()
        seconds = int(h or 0) * 3600 + int(m) * 60 + float(sec)
    first_error = next((l for l in run.stderr.splitlines() if ": error:" in l), "")
    return {
        "status": f"exit {run.returncode}",
        "seconds": seconds,
        "rss_mb": int(rss.group(1)) / 1024 if rss else None,
        "output_mb": du(out) / 1e6 if out.exists() else 0.0,
        "error": first_error.strip(),
    }


def main(argv):
    args = parse_args(argv)
    if not Path(GNU_TIME).exists():
        sys.exit(f"{GNU_TIME} (GNU time) is needed")
    binary = Path(args.binary) if args.binary else build_binary()
    work = Path(args.work) / "hostile"
    wanted = set(args.cases.split(",")) if args.cases else None
    rows = []
    for name, what, make, extra in cases(args.scale):
        if wanted and name not in wanted:
            continue
        root = work / name
        text = make()
        write_site(root, text)
        print(f"[hostile] {name}: {len(text.encode()) / 1e6:.1f} MB of Markdown", file=sys.stderr, flush=True)
        r = timed_build(binary.resolve(), root, extra, args.timeout)
        rows.append((what, len(text.encode()) / 1e6, r))
        shutil.rmtree(root / "public", ignore_errors=True)
    lines = [
        "| input (one page) | Markdown MB | wall s | max RSS MB | output MB | result |",
        "| --- | ---: | ---: | ---: | ---: | --- |",
    ]
    for what, size, r in rows:
        sec = f"{r['seconds']:.2f}" if r.get("seconds") is not None else "–"
        rss = f"{r['rss_mb']:.0f}" if r.get("rss_mb") is not None else "–"
        out = f"{r['output_mb']:.1f}" if "output_mb" in r else "–"
        result = r["status"]
        if r.get("error"):
            result += ": " + re.sub(r"^.*?error: ", "", r["error"])[:90]
        lines.append(f"| {what} | {size:.1f} | {sec} | {rss} | {out} | {result} |")
    table = "\n".join(lines)
    print(table)
    (Path(args.work)).mkdir(parents=True, exist_ok=True)
    (Path(args.work) / "hostile.md").write_text(table + "\n", encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1:])
