#!/usr/bin/env python3
"""The licences of every crate built into the noticeboard binary for one
target, as one text file for the release archives (scripts/dist.sh).

    scripts/licences.py x86_64-pc-windows-gnu > THIRD-PARTY-LICENSES.txt

It asks `cargo metadata` for the resolved dependency graph on that target,
follows the normal dependencies from noticeboard (build scripts, proc macros
and dev-dependencies run at build time and are not in the binary: their
licences do not travel with it), and writes for each crate its name,
version, licence expression and source, then the licence files it ships
(LICENSE*, LICENCE*, COPYING*, NOTICE*, UNLICENSE). A crate that ships none
is listed with its licence expression only, and said so. The output is
sorted and has no dates or paths of this machine, so the same Cargo.lock
gives the same bytes.
"""

import json
import os
import subprocess
import sys

LICENCE_PREFIXES = ("license", "licence", "copying", "notice", "unlicense")


def metadata(target):
    out = subprocess.run(
        ["cargo", "metadata", "--format-version", "1", "--locked",
         "--filter-platform", target],
        check=True, capture_output=True, text=True,
    ).stdout
    return json.loads(out)


def bundled(meta):
    """Package ids linked into the binary: normal dependencies, transitively,
    from the root package. Proc macros are compiled for the host and run by
    the compiler, so they and everything below them are left out."""
    nodes = {n["id"]: n for n in meta["resolve"]["nodes"]}
    packages = {p["id"]: p for p in meta["packages"]}
    root = meta["resolve"]["root"]
    seen = set()
    stack = [root]
    while stack:
        pid = stack.pop()
        if pid in seen:
            continue
        seen.add(pid)
        for dep in nodes[pid]["deps"]:
            kinds = [k["kind"] for k in dep["dep_kinds"]]
            if None not in kinds:  # only build or dev
                continue
            target_kinds = {
                k for t in packages[dep["pkg"]]["targets"] for k in t["kind"]
            }
            if "proc-macro" in target_kinds:
                continue
            stack.append(dep["pkg"])
    seen.discard(root)
    return sorted(
        (packages[pid] for pid in seen),
        key=lambda p: (p["name"], p["version"]),
    )


def licence_files(package):
    folder = os.path.dirname(package["manifest_path"])
    names = []
    for name in os.listdir(folder):
        path = os.path.join(folder, name)
        if os.path.isfile(path) and name.lower().startswith(LICENCE_PREFIXES):
            names.append(name)
    return [(name, os.path.join(folder, name)) for name in sorted(names)]


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: scripts/licences.py TARGET")
    packages = bundled(metadata(sys.argv[1]))
    out = sys.stdout
    out.write(
        "Third-party software in noticeboard\n"
        "noticeboard 包含的第三方软件及其许可证\n"
        "====================================\n\n"
        f"The noticeboard program contains these {len(packages)} Rust crates, "
        "compiled in. Each one's licence follows.\n"
        f"noticeboard 程序内编译进了以下 {len(packages)} 个 Rust 库，各自的许可证附后。\n\n"
    )
    for p in packages:
        out.write(f"  {p['name']} {p['version']}  ({p.get('license') or 'see below'})\n")
    for p in packages:
        out.write("\n" + "=" * 72 + "\n")
        out.write(f"{p['name']} {p['version']}\n")
        out.write(f"licence: {p.get('license') or '(not stated in Cargo.toml)'}\n")
        if p.get("repository"):
            out.write(f"source: {p['repository']}\n")
        files = licence_files(p)
        if not files:
            out.write(
                "(the crate ships no licence file; its licence is the expression "
                "above, whose standard text applies)\n"
            )
        for name, path in files:
            with open(path, encoding="utf-8", errors="replace") as f:
                text = f.read().replace("\r\n", "\n").rstrip("\n")
            out.write(f"\n--- {name} ---\n\n{text}\n")


if __name__ == "__main__":
    main()
