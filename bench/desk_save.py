#!/usr/bin/env python3
"""The server half of a desk save: POST /_desk/api/page until its answer.

The answer comes after serve has rebuilt the page (the desk waits for the
rebuild that read the file, so it can return that build's problems), so the
time measured is: JSON in, YAML written (temporary file + rename), the
watcher's quiet period, the incremental rebuild, the answer. The browser
side (Ctrl+S to the preview showing the change) is bench/desk_preview.mjs.

    python3 bench/desk_save.py --pages 10000 --runs 20
    python3 bench/desk_save.py --bin target/release/noticeboard --corpus /tmp/c10k

Generates the corpus with bench/gen_corpus.py when --corpus is missing.
Prints the median, p90 and max in milliseconds.
"""
import argparse
import http.client
import json
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import quote, urlsplit

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
NOW = "2026-11-23T09:00:00+08:00"


def request(host, method, path, headers=None, body=None):
    conn = http.client.HTTPConnection(host, timeout=60)
    conn.request(method, path, body=body, headers=headers or {})
    response = conn.getresponse()
    data = response.read()
    conn.close()
    return response.status, dict(response.getheaders()), data


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--bin", default=str(REPO / "target/release/noticeboard"))
    p.add_argument("--corpus", help="a noticeboard site (default: generated in a temp folder)")
    p.add_argument("--pages", type=int, default=10000)
    p.add_argument("--runs", type=int, default=20)
    args = p.parse_args()

    corpus = args.corpus
    if not corpus or not Path(corpus, "site.yaml").exists():
        corpus = corpus or tempfile.mkdtemp(prefix="nb-desk-bench-")
        subprocess.run(
            [sys.executable, str(BENCH / "gen_corpus.py"), "--out", corpus, "--pages", str(args.pages),
             "--flavor", "noticeboard", "--force"],
            check=True, stdout=subprocess.DEVNULL)
    serve = subprocess.Popen([args.bin, "serve", "--port", "0", "--now", NOW, "--root", corpus],
                             stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        address = None
        while address is None:
            line = serve.stdout.readline()
            if not line:
                sys.exit("serve stopped")
            m = re.search(r"(http://\S+/_desk/\?token=[0-9a-f]+)", line)
            if m:
                address = m.group(1)
        parts = urlsplit(address)
        host = parts.netloc
        origin = f"http://{host}"
        status, headers, _ = request(host, "GET", f"{parts.path}?{parts.query}")
        cookie = headers["Set-Cookie"].split(";")[0]
        _, _, body = request(host, "GET", "/_desk/api/pages", {"Cookie": cookie})
        pages = json.loads(body)["pages"]
        page = next(p for p in pages if p["kind"] == "news")["path"]
        print(f"{len(pages)} pages; editing {page}", file=sys.stderr)
        _, _, body = request(host, "GET", "/_desk/api/page?path=" + quote(page), {"Cookie": cookie})
        current = json.loads(body)
        times = []
        for i in range(args.runs + 2):
            save = {"path": page, "front": current["front"], "body": current["body"] + f"\n第 {i} 次修改。\n",
                    "base_version": current["version"]}
            start = time.perf_counter()
            status, _, body = request(host, "POST", "/_desk/api/page",
                                      {"Cookie": cookie, "Origin": origin, "Content-Type": "application/json"},
                                      json.dumps(save).encode())
            elapsed = (time.perf_counter() - start) * 1000
            answer = json.loads(body)
            if status != 200:
                sys.exit(f"save failed: {status} {answer}")
            current["version"] = answer["version"]
            if i >= 2:  # the first saves warm the caches
                times.append(elapsed)
            time.sleep(0.3)
        times.sort()
        p90 = times[int(len(times) * 0.9) - 1]
        print(f"save answered (after the rebuild): median {statistics.median(times):.1f} ms, "
              f"p90 {p90:.1f} ms, max {times[-1]:.1f} ms over {len(times)} saves")
    finally:
        serve.kill()
        serve.wait()


if __name__ == "__main__":
    main()
