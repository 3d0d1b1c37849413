#!/usr/bin/env python3
"""What the disclosure ledger costs a build: N disclosures, each with a cover
picture and a figure, built with the release binary.

Prints the `ledger` stage (as `build` reports it) and the whole build's wall
time and peak memory (GNU time -v), median of --runs, for:

  record   first build: empty disclosures.lock, every notice recorded
  compare  the next builds: every notice compared with disclosures.lock and
           with the previous output's disclosures/ledger.json

Standard library only.

  python3 bench/ledger.py --notices 2000 --runs 5
  python3 bench/ledger.py --binary target/release/noticeboard --notices 10000
"""

import argparse
import re
import shutil
import statistics
import struct
import subprocess
import sys
import tempfile
import zlib
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
NOW = "2026-11-23T09:00:00+08:00"


def png(seed: int, size: int = 64) -> bytes:
    """A small valid PNG, different for every seed."""
    rows = b"".join(
        b"\x00" + b"".join(bytes(((x + seed) % 256, (y * 3) % 256, (seed * 7) % 256)) for x in range(size))
        for y in range(size)
    )

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")


def make_site(root: Path, notices: int) -> None:
    (root / "content/disclosures").mkdir(parents=True)
    (root / "site.yaml").write_text(
        "title: 台账基准\nbase_url: https://example.org/\norganization: 测试工会\n"
        "disclosure:\n  categories: [财务公开]\n",
        encoding="utf-8",
    )
    (root / "content/_index.md").write_text("---\ntitle: 首页\n---\n", encoding="utf-8")
    (root / "content/disclosures/_index.md").write_text(
        "---\ntitle: 厂务公开\nkind: disclosure\n---\n", encoding="utf-8"
    )
    for i in range(1, notices + 1):
        bundle = root / f"content/disclosures/n{i:05d}"
        bundle.mkdir()
        (bundle / "cover.png").write_bytes(png(i))
        (bundle / "fig.png").write_bytes(png(i + 100_000))
        day = 1 + i % 28
        (bundle / "index.md").write_text(
            f"---\ntitle: 第{i}号公示\ndate: 2026-10-{day:02d}\nnumber: 工会〔2026〕{i}号\n"
            f"category: 财务公开\ncover: cover.png\n"
            f"notice: {{from: 2026-10-{day:02d}, days: 5, unit: working_days}}\n---\n"
            f"公示内容第{i}条。\n\n{{{{ figure(src=\"fig.png\", caption=\"附图\") }}}}\n",
            encoding="utf-8",
        )


def build(binary: Path, root: Path) -> tuple[float, float, float]:
    """(ledger stage ms, wall s, peak MB) of one build."""
    run = subprocess.run(
        ["/usr/bin/time", "-v", str(binary), "build", "--root", str(root), "--now", NOW],
        capture_output=True,
        text=True,
    )
    if run.returncode != 0:
        sys.exit(f"build failed:\n{run.stdout}\n{run.stderr}")
    ledger = re.search(r"ledger (\d+) ms", run.stdout)
    wall = re.search(r"Elapsed \(wall clock\) time.*: (?:(\d+):)?(\d+):([\d.]+)", run.stderr)
    peak = re.search(r"Maximum resident set size \(kbytes\): (\d+)", run.stderr)
    if not (ledger and wall and peak):
        sys.exit(f"cannot read the timings:\n{run.stdout}\n{run.stderr}")
    h, m, s = wall.groups()
    seconds = int(h or 0) * 3600 + int(m) * 60 + float(s)
    return float(ledger.group(1)), seconds, int(peak.group(1)) / 1024


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--notices", type=int, default=2000)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--binary", type=Path, default=REPO / "target/release/noticeboard")
    args = ap.parse_args()
    if not args.binary.exists():
        sys.exit(f"{args.binary} not found: cargo build --release first")
    work = Path(tempfile.mkdtemp(prefix="nb-ledger-"))
    try:
        rows = {"record": [], "compare": []}
        for _ in range(args.runs):
            site = work / "site"
            shutil.rmtree(site, ignore_errors=True)
            make_site(site, args.notices)
            rows["record"].append(build(args.binary, site))
            rows["compare"].append(build(args.binary, site))
        print(f"{args.notices} disclosures, 2 pictures each, median of {args.runs}\n")
        print("| build | ledger stage | whole build | peak memory |")
        print("|---|---|---|---|")
        for name, results in rows.items():
            ledger = statistics.median(r[0] for r in results)
            wall = statistics.median(r[1] for r in results)
            peak = statistics.median(r[2] for r in results)
            print(f"| {name} | {ledger:.0f} ms | {wall:.2f} s | {peak:.0f} MB |")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
