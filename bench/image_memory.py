#!/usr/bin/env python3
"""image_memory.py - peak memory of a build that meets a hostile picture.

Writes a one-page site whose gallery holds one PNG of the given size (all
black, so the file stays small however many pixels it claims), builds it with
the given noticeboard binary under GNU time, and prints the exit code, the
wall time and the maximum resident set size.

    image_memory.py --bin target/release/noticeboard --size 50000000x2
    image_memory.py --bin target/release/noticeboard --size 30000x3333 --depth 16

Only the standard library: the PNG is written by hand (zlib, one IDAT chunk
per row).
"""

import argparse
import os
import re
import struct
import subprocess
import tempfile
import zlib


def chunk(kind: bytes, data: bytes) -> bytes:
    crc = zlib.crc32(kind + data) & 0xFFFFFFFF
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)


def black_png(width: int, height: int, depth: int) -> bytes:
    """An RGB PNG of `depth` bits per sample, every pixel black."""
    out = [b"\x89PNG\r\n\x1a\n"]
    out.append(chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, depth, 2, 0, 0, 0)))
    row = b"\x00" + bytes(width * 3 * depth // 8)
    comp = zlib.compressobj(9)
    data = b"".join(comp.compress(row) for _ in range(height)) + comp.flush()
    out.append(chunk(b"IDAT", data))
    out.append(chunk(b"IEND", b""))
    return b"".join(out)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--bin", required=True, help="the noticeboard binary")
    ap.add_argument("--size", required=True, help="WIDTHxHEIGHT")
    ap.add_argument("--depth", type=int, default=8, choices=[8, 16])
    args = ap.parse_args()
    width, height = (int(n) for n in args.size.lower().split("x"))
    with tempfile.TemporaryDirectory() as site:
        os.makedirs(os.path.join(site, "content", "news", "big"))
        with open(os.path.join(site, "site.yaml"), "w", encoding="utf-8") as f:
            f.write("title: 测试\nbase_url: https://example.org/\n")
        with open(os.path.join(site, "content", "news", "_index.md"), "w", encoding="utf-8") as f:
            f.write("---\ntitle: 新闻\n---\n")
        with open(os.path.join(site, "content", "news", "big", "index.md"), "w", encoding="utf-8") as f:
            f.write("---\ntitle: 图\ndate: 2026-01-01\ngallery: true\n---\n正文。\n")
        with open(os.path.join(site, "content", "news", "big", "a.png"), "wb") as f:
            f.write(black_png(width, height, args.depth))
        run = subprocess.run(
            ["/usr/bin/time", "-v", os.path.abspath(args.bin), "build", "--root", site],
            capture_output=True, text=True,
        )
        rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", run.stderr)
        wall = re.search(r"Elapsed \(wall clock\) time.*: (\S+)", run.stderr)
        errors = [l for l in run.stderr.splitlines() if "error" in l][:2]
        print(f"{width}x{height} depth {args.depth}: exit {run.returncode}, "
              f"wall {wall.group(1) if wall else '?'}, "
              f"max RSS {int(rss.group(1)) / 1024:.0f} MiB" if rss else "max RSS ?")
        for line in errors:
            print("  " + line)


if __name__ == "__main__":
    main()
