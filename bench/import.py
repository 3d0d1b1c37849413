#!/usr/bin/env python3
"""Times `noticeboard import` on a 100-page Word document under GNU time -v.

Makes the document with python-docx (pip install python-docx pillow): 100
pages of a 公文-style report — typed 一、/（一） headings in 黑体/楷体, body
paragraphs, a table and a photo every few pages, a numbered list — imports
it into a fresh site (made with `noticeboard init`) and prints the wall time
and peak memory. Nothing is asserted; the numbers are for the README.

    cargo build --release
    python3 bench/import.py [path/to/noticeboard]
"""

import io
import os
import re
import subprocess
import sys
import tempfile

import docx
from docx.enum.text import WD_BREAK
from docx.shared import Pt
from docx.oxml.ns import qn
from PIL import Image

HAN = "一二三四五六七八九十"


def han(n):
    if n <= 10:
        return HAN[n - 1]
    if n < 20:
        return "十" + (HAN[n - 11] if n > 10 else "")
    return HAN[n // 10 - 1] + "十" + (HAN[n % 10 - 1] if n % 10 else "")


def font(run, name, size=16, bold=False):
    run.font.name = name
    run.font.size = Pt(size)
    run.font.bold = bold
    run._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), name)


def photo(seed):
    img = Image.new("RGB", (640, 480), (seed * 37 % 255, seed * 91 % 255, 120))
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=80)
    buf.seek(0)
    return buf


def make(path, pages=100):
    doc = docx.Document()
    p = doc.add_paragraph()
    font(p.add_run("江城重型机械集团有限公司工会2026年度工作报告"), "方正小标宋简体", 22)
    p.alignment = 1
    sentence = "集团工会坚持以职工为中心，围绕生产经营中心任务，扎实开展劳动竞赛、职工技能提升和困难职工帮扶工作，"
    for page in range(1, pages + 1):
        p = doc.add_paragraph()
        font(p.add_run(f"{han(page)}、第{page}部分工作情况"), "黑体")
        for sub in range(1, 3):
            p = doc.add_paragraph()
            font(p.add_run(f"（{han(sub)}）具体做法"), "楷体_GB2312")
            for k in range(4):
                p = doc.add_paragraph()
                font(p.add_run(sentence * 2 + f"第{page}页第{sub}节第{k + 1}段。"), "仿宋_GB2312")
        if page % 5 == 0:
            t = doc.add_table(rows=6, cols=4)
            for r in range(6):
                for c in range(4):
                    t.cell(r, c).text = f"{r}-{c}" if r else ["单位", "人数", "金额", "备注"][c]
        if page % 10 == 0:
            doc.add_picture(photo(page))
        for item in range(3):
            doc.add_paragraph(f"事项{item + 1}：按计划推进", style="List Number")
        doc.paragraphs[-1].runs[-1].add_break(WD_BREAK.PAGE)
    doc.save(path)


def main():
    exe = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "target", "release", "noticeboard")
    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, "report-100-pages.docx")
        make(src)
        site = os.path.join(tmp, "site")
        subprocess.run([exe, "init", site], check=True, stdout=subprocess.DEVNULL)
        size = os.path.getsize(src)
        run = subprocess.run(
            ["/usr/bin/time", "-v", exe, "import", src, "--root", site, "--now", "2026-11-23"],
            capture_output=True,
            text=True,
        )
        if run.returncode != 0:
            sys.exit(run.stdout + run.stderr)
        wall = re.search(r"Elapsed \(wall clock\) time.*: (.*)", run.stderr).group(1)
        rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", run.stderr).group(1))
        counts = [l.strip() for l in run.stdout.splitlines() if "段落" in l or "paragraphs" in l]
        print(f"document: {size // 1024} KiB, 100 pages")
        print(f"import: wall {wall}, max RSS {rss // 1024} MiB")
        print("report:", counts[0] if counts else "?")
        build = subprocess.run(["/usr/bin/time", "-v", exe, "build", "--root", site], capture_output=True, text=True)
        wall = re.search(r"Elapsed \(wall clock\) time.*: (.*)", build.stderr).group(1)
        print(f"build after import: exit {build.returncode}, wall {wall}")


if __name__ == "__main__":
    main()
