#!/usr/bin/env python3
"""Writes one release archive reproducibly (scripts/dist.sh calls it):

    scripts/pack.py OUT.zip|OUT.tar.gz FOLDER EPOCH SOURCE=NAME...

Every entry goes under FOLDER/, sorted by name, stamped with EPOCH (the
commit's time, SOURCE_DATE_EPOCH), with fixed modes (0755 for programs,
0644 otherwise) and no owner: the same files and the same EPOCH give the
same archive bytes on any machine. Zip names are UTF-8 (with the flag that
says so, which Windows 10 and 11 read) so 使用说明.txt keeps its name.
"""

import gzip
import io
import sys
import tarfile
import time
import zipfile


def entries(pairs):
    out = []
    for pair in pairs:
        source, name = pair.split("=", 1)
        with open(source, "rb") as f:
            data = f.read()
        executable = name.endswith(".exe") or "." not in name
        out.append((name, data, 0o755 if executable else 0o644))
    return sorted(out)


def write_zip(path, folder, epoch, files):
    # Zip times are local, two-second, from 1980: the UTC time of the commit.
    stamp = time.gmtime(max(epoch, 315532800))[:6]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        names = [f"{folder}/"] + [f"{folder}/{name}" for name, _, _ in files]
        datas = [None] + files
        for name, item in zip(names, datas):
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.create_system = 3  # Unix, so the modes below are read
            if item is None:
                info.external_attr = (0o40755 << 16) | 0x10
                z.writestr(info, b"")
                continue
            _, data, mode = item
            info.external_attr = (0o100000 | mode) << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data, compress_type=zipfile.ZIP_DEFLATED, compresslevel=9)


def write_tar_gz(path, folder, epoch, files):
    raw = io.BytesIO()
    with tarfile.open(fileobj=raw, mode="w", format=tarfile.PAX_FORMAT) as t:
        def add(name, data, mode, kind):
            info = tarfile.TarInfo(name)
            info.mtime = epoch
            info.mode = mode
            info.uid = info.gid = 0
            info.uname = info.gname = ""
            info.type = kind
            info.size = 0 if data is None else len(data)
            t.addfile(info, None if data is None else io.BytesIO(data))
        add(folder, None, 0o755, tarfile.DIRTYPE)
        for name, data, mode in files:
            add(f"{folder}/{name}", data, mode, tarfile.REGTYPE)
    with open(path, "wb") as out:
        # mtime 0 and no file name in the gzip header.
        with gzip.GzipFile(filename="", mode="wb", fileobj=out, mtime=0, compresslevel=9) as g:
            g.write(raw.getvalue())


def main():
    if len(sys.argv) < 5:
        sys.exit("usage: scripts/pack.py OUT FOLDER EPOCH SOURCE=NAME...")
    out, folder, epoch = sys.argv[1], sys.argv[2], int(sys.argv[3])
    files = entries(sys.argv[4:])
    if out.endswith(".zip"):
        write_zip(out, folder, epoch, files)
    elif out.endswith(".tar.gz"):
        write_tar_gz(out, folder, epoch, files)
    else:
        sys.exit(f"pack.py: {out}: expected .zip or .tar.gz")


if __name__ == "__main__":
    main()
