#!/usr/bin/env python3
"""Save-to-reload latency of the live preview: noticeboard serve vs hugo server.

Starts each tool's preview server on a generated corpus (made by bench/run.py,
which this script calls when the corpus is missing), edits one page several
times, and measures from the end of the write to:

  noticeboard  the live-reload event naming that page (server-sent events)
  hugo         the "Total in N ms" line Hugo prints when its rebuild is done

Both clocks start at the same moment (right after the file is closed), so the
numbers include the file watcher's delay. `--edit title` changes the page's
title (the model keeps its shape); `--edit tag` adds one more tag that other
pages carry (the page joins a term: listings, term pages, related lists move). Between edits the script waits until
the tool is idle (noticeboard's background search index included).
"""
import argparse
import json
import os
import re
import socket
import statistics
import subprocess
import sys
import threading
import time
import queue
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
sys.path.insert(0, str(BENCH))
import run as runbench  # noqa: E402  (bench/run.py: corpora and Hugo)

NOW = "2026-11-23T09:00:00+08:00"


def parse_args(argv):
    p = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="example: python3 bench/serve_latency.py --pages 10000 --edits 7")
    p.add_argument("--pages", type=int, default=10000, help="corpus size (default 10000)")
    p.add_argument("--edits", type=int, default=7, help="edits per tool; the median is reported (default 7)")
    p.add_argument("--work", type=Path, default=BENCH / ".work", help="scratch folder (default bench/.work)")
    p.add_argument("--binary", type=Path, help="noticeboard binary (default: cargo build --release)")
    p.add_argument("--no-hugo", action="store_true", help="measure noticeboard alone")
    p.add_argument("--theme", choices=["minimal", "default"], default="default",
                   help="noticeboard templates (default: the built-in default theme)")
    p.add_argument("--edit", choices=["title", "tag"], default="title",
                   help="what each save changes (default: the title)")
    return p.parse_args(argv)


def ensure_corpus(a, nb_bin):
    base = a.work / "corpora" / f"p{a.pages}"
    nb_site = base / f"nb-{a.theme}"
    if not (nb_site / "site.yaml").exists() or (not a.no_hugo and not (base / "hugo").exists()):
        runbench.log(f"making the {a.pages}-page corpus with bench/run.py")
        cmd = [sys.executable, str(BENCH / "run.py"), "--sizes", str(a.pages), "--runs", "1",
               "--theme", a.theme, "--work", str(a.work), "--binary", str(nb_bin)]
        if a.no_hugo:
            cmd.append("--no-hugo")
        subprocess.run(cmd, check=True)
    return nb_site, base / "hugo"


def pick_page(site):
    pages = sorted((site / "content" / "news").glob("*.md"))
    pages = [p for p in pages if p.name != "_index.md"]
    return pages[len(pages) // 2]


def edit_title(path, n):
    text = path.read_text(encoding="utf-8")
    text = re.sub(r'^title: ("?)(.*?)(（第\d+次修改）)?("?)$',
                  lambda m: f"title: {m.group(1)}{m.group(2)}（第{n}次修改）{m.group(4)}",
                  text, count=1, flags=re.M)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    return time.perf_counter()


TAG_LINE = re.compile(r"^tags: \[(.*)\]$", re.M)


def corpus_tags(site, page):
    """Tags other pages of the corpus carry and `page` does not, most used first."""
    counts = {}
    for other in (site / "content").rglob("*.md"):
        m = TAG_LINE.search(other.read_text(encoding="utf-8"))
        for tag in (m.group(1).split(",") if m else []):
            tag = tag.strip().strip('"')
            if tag:
                counts[tag] = counts.get(tag, 0) + 1
    m = TAG_LINE.search(page.read_text(encoding="utf-8"))
    own = {t.strip().strip('"') for t in m.group(1).split(",")} if m else set()
    return [t for t, _ in sorted(counts.items(), key=lambda kv: -kv[1]) if t not in own]


def edit_tags(path, n, pool):
    """Adds the n-th tag of `pool` to the page's tags (a tags line is added if it has none)."""
    text = path.read_text(encoding="utf-8")
    tag = pool[(n - 1) % len(pool)]
    if TAG_LINE.search(text):
        text = TAG_LINE.sub(lambda m: f"tags: [{m.group(1)}, {tag}]" if m.group(1).strip()
                            else f"tags: [{tag}]", text, count=1)
    else:
        text = text.replace("\n---\n", f"\ntags: [{tag}]\n---\n", 1)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    return time.perf_counter()


def editor(kind, site, page):
    if kind == "tag":
        pool = corpus_tags(site, page)
        return lambda path, n: edit_tags(path, n, pool)
    return edit_title


def reader(stream, q):
    for line in iter(stream.readline, ""):
        q.put((time.perf_counter(), line))
    q.put((time.perf_counter(), None))


def measure_noticeboard(nb_bin, site, edits, kind):
    page = pick_page(site)
    edit = editor(kind, site, page)
    original = page.read_text(encoding="utf-8")
    slug = page.stem
    proc = subprocess.Popen([str(nb_bin), "serve", "--root", str(site), "--port", "0", "--now", NOW],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        started = time.perf_counter()
        line = proc.stdout.readline()
        m = re.search(r"http://([\d.]+):(\d+)/", line)
        if not m:
            raise RuntimeError(f"serve did not start: {line!r} {proc.stderr.read()[:500]}")
        first_build = time.perf_counter() - started
        host, port = m.group(1), int(m.group(2))
        sock = socket.create_connection((host, port))
        sock.sendall(b"GET /__noticeboard/events HTTP/1.1\r\nHost: x\r\n\r\n")
        events = queue.Queue()

        def listen():
            buf = b""
            name = None
            while True:
                chunk = sock.recv(65536)
                if not chunk:
                    return
                buf += chunk
                while b"\n" in buf:
                    raw, buf = buf.split(b"\n", 1)
                    text = raw.decode("utf-8", "replace")
                    if text.startswith("event: "):
                        name = text[7:]
                    elif text.startswith("data: "):
                        events.put((time.perf_counter(), name, text[6:]))

        threading.Thread(target=listen, daemon=True).start()
        wait_idle_nb(events, first=True)
        samples = []
        for n in range(1, edits + 1):
            t0 = edit(page, n)
            while True:
                t, name, data = events.get(timeout=60)
                if name == "reload" and f"{slug}/index.html" in data:
                    samples.append((t - t0) * 1000)
                    break
                if name == "error":
                    raise RuntimeError(data)
            wait_idle_nb(events)
        return {"first_build_s": first_build, "samples_ms": samples}
    finally:
        page.write_text(original, encoding="utf-8")
        proc.terminate()
        proc.wait(timeout=10)


def wait_idle_nb(events, first=False):
    """Until the background files (feeds, sitemap, search index) of the last rebuild have landed."""
    deadline = time.perf_counter() + 60
    while time.perf_counter() < deadline:
        try:
            _, name, data = events.get(timeout=20)
        except queue.Empty:
            return
        if name == "extras":
            return
        if first and name == "ok":
            continue


def measure_hugo(hugo_bin, site, edits, kind):
    page = pick_page(site)
    edit = editor(kind, site, page)
    original = page.read_text(encoding="utf-8")
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    env = dict(os.environ, HUGO_CACHEDIR=str(site / ".hugo_cache"))
    proc = subprocess.Popen([str(hugo_bin), "server", "--source", str(site), "--bind", "127.0.0.1",
                             "--port", str(port), "--disableFastRender=false"],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env)
    lines = queue.Queue()
    threading.Thread(target=reader, args=(proc.stdout, lines), daemon=True).start()
    try:
        started = time.perf_counter()
        while True:
            t, line = lines.get(timeout=600)
            if line is None:
                raise RuntimeError("hugo server exited")
            if "Web Server is available" in line:
                break
        first_build = t - started
        time.sleep(2)
        while not lines.empty():
            lines.get()
        samples, reported = [], []
        for n in range(1, edits + 1):
            t0 = edit(page, n)
            while True:
                t, line = lines.get(timeout=120)
                if line is None:
                    raise RuntimeError("hugo server exited")
                m = re.search(r"Total in (\d+) ms", line)
                if m:
                    samples.append((t - t0) * 1000)
                    reported.append(int(m.group(1)))
                    break
            time.sleep(2)
            while not lines.empty():
                lines.get()
        return {"first_build_s": first_build, "samples_ms": samples, "hugo_reported_ms": reported}
    finally:
        page.write_text(original, encoding="utf-8")
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


def main(argv=None):
    a = parse_args(argv or sys.argv[1:])
    a.work.mkdir(parents=True, exist_ok=True)
    nb_bin = a.binary or runbench.build_noticeboard(None)
    hugo_bin = None
    if not a.no_hugo:
        hugo_bin, info = runbench.find_or_install_hugo(a.work)
        if not hugo_bin:
            runbench.log(f"no Hugo: {info}; measuring noticeboard alone")
    nb_site, hugo_site = ensure_corpus(a, nb_bin)
    results = {"pages": a.pages, "noticeboard": measure_noticeboard(nb_bin, nb_site, a.edits, a.edit)}
    if hugo_bin:
        results["hugo"] = measure_hugo(hugo_bin, hugo_site, a.edits, a.edit)
    print(f"\none-page edit ({a.edit}) in the live preview, {a.pages} pages, {a.edits} edits, save → rebuilt")
    print(f"{'tool':<14}{'first build':>13}{'median':>10}{'min':>9}{'max':>9}")
    for tool in ("noticeboard", "hugo"):
        if tool in results:
            r = results[tool]
            xs = r["samples_ms"]
            print(f"{tool:<14}{r['first_build_s']:>11.1f} s{statistics.median(xs):>7.0f} ms"
                  f"{min(xs):>6.0f} ms{max(xs):>6.0f} ms")
    if "hugo" in results:
        ratio = statistics.median(results["noticeboard"]["samples_ms"]) / statistics.median(
            results["hugo"]["samples_ms"])
        print(f"noticeboard / hugo (median): {ratio:.3f}")
    out = a.work / f"serve-latency-{a.pages}-{a.edit}.json"
    out.write_text(json.dumps(results, indent=2))
    print(f"raw samples: {out}")


if __name__ == "__main__":
    main()
