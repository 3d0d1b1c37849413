#!/usr/bin/env python3
"""Peak memory and time of `noticeboard verify` on zip and tar.gz bombs.

Writes a zip holding one entry of 1 GiB of zeros (about 1 MB deflated) and a
tar.gz of the same, each with a manifest that lists the real hash (so a
verify that reads everything says ok), then runs every binary given on them
under GNU time and prints a Markdown table of exit code, wall time and peak
resident memory. Standard library only; needs /usr/bin/time (GNU).

    python3 bench/verify_bomb.py --binary target/debug/noticeboard
    python3 bench/verify_bomb.py --binary old/noticeboard --binary target/release/noticeboard
"""

import argparse
import hashlib
import io
import os
import re
import subprocess
import tarfile
import tempfile
import zipfile

CHUNK = b"\0" * (1 << 20)


def zeros_hash(size):
    h = hashlib.sha256()
    for _ in range(size // len(CHUNK)):
        h.update(CHUNK)
    return h.hexdigest()


def write_zip(path, size, manifest):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        with z.open("F/zeros.bin", "w", force_zip64=True) as f:
            for _ in range(size // len(CHUNK)):
                f.write(CHUNK)
        z.writestr("F/MANIFEST.sha256", manifest)


class Zeros(io.RawIOBase):
    def __init__(self, size):
        self.left = size

    def readable(self):
        return True

    def readinto(self, b):
        n = min(len(b), self.left)
        b[:n] = b"\0" * n
        self.left -= n
        return n


def write_tar_gz(path, size, manifest):
    with tarfile.open(path, "w:gz", compresslevel=9) as t:
        info = tarfile.TarInfo("F/zeros.bin")
        info.size = size
        t.addfile(info, io.BufferedReader(Zeros(size)))
        data = manifest.encode()
        info = tarfile.TarInfo("F/MANIFEST.sha256")
        info.size = len(data)
        t.addfile(info, io.BytesIO(data))


def measure(binary, target):
    run = subprocess.run(
        ["/usr/bin/time", "-v", binary, "verify", target],
        capture_output=True,
        text=True,
    )
    rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", run.stderr)
    wall = re.search(r"Elapsed \(wall clock\) time .*: (\S+)", run.stderr)
    return run.returncode, wall.group(1) if wall else "?", int(rss.group(1)) if rss else 0


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--binary", action="append", required=True)
    parser.add_argument("--gib", type=int, default=1, help="unpacked size in GiB")
    args = parser.parse_args()
    size = args.gib << 30
    manifest = f"{zeros_hash(size)}  zeros.bin\n"
    with tempfile.TemporaryDirectory() as work:
        bombs = [os.path.join(work, "bomb.zip"), os.path.join(work, "bomb.tar.gz")]
        write_zip(bombs[0], size, manifest)
        write_tar_gz(bombs[1], size, manifest)
        print("| binary | bomb | bomb size | exit | wall | peak RSS |")
        print("|---|---|---|---|---|---|")
        for binary in args.binary:
            for bomb in bombs:
                code, wall, rss = measure(binary, bomb)
                print(
                    f"| {binary} | {os.path.basename(bomb)} | "
                    f"{os.path.getsize(bomb) / 1e6:.2f} MB | {code} | {wall} | {rss / 1024:.0f} MB |"
                )


if __name__ == "__main__":
    main()
