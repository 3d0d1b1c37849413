#!/usr/bin/env python3
"""add_links.py - give a generated noticeboard corpus internal links.

gen_corpus.py's pages link only to example.org. This appends to each page of a
noticeboard-flavor corpus one paragraph with three internal links, so that
`build` and `check` have links to rewrite and check:

  - the previous page of its section by URL, relative (`../post-000007/`),
  - the next page by its content file (`post-000012.md`),
  - the first page of another section by `@/` path, with the anchor of its
    first `## ` heading (`@/news/post-000001.md#一-提升职工代表大会制度`).

    add_links.py DIR        (a corpus written by gen_corpus.py --flavor noticeboard)

Every link resolves, so the site still builds and checks without a warning.
Run it once: it appends again on a second run.
"""

import argparse
import re
from pathlib import Path


def anchor(text: str) -> str:
    """noticeboard's heading anchor: letters and digits kept, lowercased,
    every other run of characters one `-`."""
    out, dash = [], False
    for c in text:
        if c.isalnum():
            if dash and out:
                out.append("-")
            dash = False
            out.append(c.lower())
        else:
            dash = True
    return "".join(out) or "section"


def first_heading(path: Path) -> str:
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("## "):
            return anchor(line[3:].strip())
    return ""


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("dir", type=Path)
    args = ap.parse_args()
    content = args.dir / "content"
    sections = sorted(p for p in content.iterdir() if p.is_dir())
    pages = {s.name: sorted(p for p in s.glob("*.md") if p.name != "_index.md") for s in sections}
    firsts = {name: (files[0], first_heading(files[0])) for name, files in pages.items() if files}
    names = sorted(firsts)
    count = 0
    for si, (name, files) in enumerate(sorted(pages.items())):
        other = names[(si + 1) % len(names)]
        target, heading = firsts[other]
        for i, page in enumerate(files):
            prev = files[i - 1].stem
            nxt = files[(i + 1) % len(files)].name
            frag = f"#{heading}" if heading else ""
            text = (f"\n相关阅读：[上一篇](../{prev}/)、[下一篇]({nxt})、"
                    f"[其他栏目](@/{other}/{target.name}{frag})。\n")
            with page.open("a", encoding="utf-8") as f:
                f.write(text)
            count += 1
    print(f"added 3 links to each of {count} pages in {content}")


if __name__ == "__main__":
    main()
