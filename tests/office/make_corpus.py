#!/usr/bin/env python3
"""Makes the Word/Excel test corpus under tests/office/ from our own Chinese text.

Needs python-docx, openpyxl and pillow (pip), and for the LibreOffice round
trips and the .doc/.odt/.rtf cases `soffice` from Debian's
libreoffice-writer-nogui. The files it writes are committed; the tests never
run this script. Run it again after changing it:

    python3 tests/office/make_corpus.py
"""

import io
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.shared import Pt, RGBColor
from PIL import Image
import openpyxl
from openpyxl.styles import Alignment, Font

HERE = os.path.dirname(os.path.abspath(__file__))
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
R = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
NS = (
    W + " " + R + ' xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"'
    ' xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"'
    ' xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"'
    ' xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'
    ' xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"'
    ' xmlns:v="urn:schemas-microsoft-com:vml"'
)
FIXED_TIME = (2026, 11, 20, 9, 0, 0)


def out(*parts):
    path = os.path.join(HERE, *parts)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    return path


def esc(text):
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def run(text, font=None, size=None, bold=False, italic=False, underline=False, color=None):
    props = ""
    if font:
        props += f'<w:rFonts w:ascii="{font}" w:hAnsi="{font}" w:eastAsia="{font}"/>'
    if bold:
        props += "<w:b/>"
    if italic:
        props += "<w:i/>"
    if underline:
        props += '<w:u w:val="single"/>'
    if color:
        props += f'<w:color w:val="{color}"/>'
    if size:
        props += f'<w:sz w:val="{size}"/><w:szCs w:val="{size}"/>'
    return f'<w:r><w:rPr>{props}</w:rPr><w:t xml:space="preserve">{esc(text)}</w:t></w:r>'


def para(inner, jc=None, style=None, num=None, ind=False):
    ppr = ""
    if style:
        ppr += f'<w:pStyle w:val="{style}"/>'
    if num:
        ppr += f'<w:numPr><w:ilvl w:val="{num[1]}"/><w:numId w:val="{num[0]}"/></w:numPr>'
    if ind:
        ppr += '<w:ind w:firstLineChars="200" w:firstLine="640"/>'
    if jc:
        ppr += f'<w:jc w:val="{jc}"/>'
    return f"<w:p {NS}><w:pPr>{ppr}</w:pPr>{inner}</w:p>"


def add_xml(doc, xml):
    doc.element.body.sectPr.addprevious(parse_xml(xml))


def fix_metadata(doc, title=""):
    core = doc.core_properties
    core.author = "张秘书（不应出现在网页上）"
    core.last_modified_by = "李干事"
    core.title = title
    import datetime

    core.created = datetime.datetime(2026, 11, 18, 8, 30, 0)
    core.modified = datetime.datetime(2026, 11, 19, 8, 30, 0)


def patch_zip(path, add=None, replace=None):
    """Rewrites a .docx with parts added or changed, entries in a fixed order and time."""
    add = add or {}
    replace = replace or {}
    with zipfile.ZipFile(path) as z:
        items = [(i.filename, z.read(i.filename)) for i in z.infolist()]
    names = [n for n, _ in items]
    tmp = path + ".tmp"
    with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in items:
            if name in replace:
                data = replace[name](data)
            z.writestr(zipfile.ZipInfo(name, FIXED_TIME), data, zipfile.ZIP_DEFLATED)
        for name, data in add.items():
            if name not in names:
                z.writestr(zipfile.ZipInfo(name, FIXED_TIME), data, zipfile.ZIP_DEFLATED)
    os.replace(tmp, path)


def add_notes(path, footnotes, endnotes):
    """Adds footnotes.xml/endnotes.xml (python-docx writes neither)."""

    def notes_xml(tag, notes):
        body = "".join(
            f'<w:{tag} w:id="{i}"><w:p><w:r><w:{tag}Ref/></w:r>'
            f'<w:r><w:t xml:space="preserve"> {esc(t)}</w:t></w:r></w:p></w:{tag}>'
            for i, t in notes
        )
        sep = (
            f'<w:{tag} w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:{tag}>'
            f'<w:{tag} w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:{tag}>'
        )
        return f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:{tag}s {W}>{sep}{body}</w:{tag}s>'.encode()

    def rels(data):
        text = data.decode()
        extra = (
            '<Relationship Id="rIdFn" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/>'
            '<Relationship Id="rIdEn" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/endnotes" Target="endnotes.xml"/>'
        )
        return text.replace("</Relationships>", extra + "</Relationships>").encode()

    def types(data):
        text = data.decode()
        extra = (
            '<Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/>'
            '<Override PartName="/word/endnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.endnotes+xml"/>'
        )
        return text.replace("</Types>", extra + "</Types>").encode()

    patch_zip(
        path,
        add={"word/footnotes.xml": notes_xml("footnote", footnotes), "word/endnotes.xml": notes_xml("endnote", endnotes)},
        replace={"word/_rels/document.xml.rels": rels, "[Content_Types].xml": types},
    )


def add_numbering(doc):
    """Our own list definitions: 90 numbers (two levels), 91 bullets; num 92
    is list 90 again, restarted at 1 by a startOverride."""
    numbering = doc.part.numbering_part.element
    abstract = f"""<w:abstractNum {W} w:abstractNumId="90">
      <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
      <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="(%2)"/></w:lvl>
    </w:abstractNum>"""
    bullets = f"""<w:abstractNum {W} w:abstractNumId="91">
      <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl>
      <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="◦"/></w:lvl>
    </w:abstractNum>"""
    first_num = numbering.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}num")
    for xml in (abstract, bullets):
        el = parse_xml(xml)
        if first_num is not None:
            first_num.addprevious(el)
        else:
            numbering.append(el)
    numbering.append(parse_xml(f'<w:num {W} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))
    numbering.append(parse_xml(f'<w:num {W} w:numId="91"><w:abstractNumId w:val="91"/></w:num>'))
    numbering.append(
        parse_xml(
            f'<w:num {W} w:numId="92"><w:abstractNumId w:val="90"/>'
            '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>'
        )
    )


def gps_jpeg():
    """A small photo with camera and GPS data in its EXIF."""
    img = Image.new("RGB", (96, 64), (200, 40, 40))
    for x in range(96):
        for y in range(20, 44):
            img.putpixel((x, y), (250, 220, 0))
    exif = Image.Exif()
    exif[0x010F] = "TestCam"
    exif[0x0110] = "TC-100"
    gps = exif.get_ifd(0x8825)
    gps[1] = "N"
    gps[2] = (30.0, 35.0, 12.0)
    gps[3] = "E"
    gps[4] = (114.0, 17.0, 30.0)
    buf = io.BytesIO()
    img.save(buf, "JPEG", exif=exif, quality=85)
    return buf.getvalue()


def picture_bytes(fmt, color):
    img = Image.new("RGB", (80, 60), color)
    buf = io.BytesIO()
    img.save(buf, fmt)
    return buf.getvalue()


# ---------------------------------------------------------------- documents


def word_styled():
    """Word's own styles: Title, Heading 1–3, lists with nesting and a restart,
    a table with merged cells, a link, notes, a photo with GPS, formatting."""
    doc = docx.Document()
    fix_metadata(doc, "职工书屋")
    add_numbering(doc)
    doc.add_paragraph("2026年职工书屋建设情况通报", style="Title")
    doc.add_paragraph("为推进职工文化阵地建设，集团工会今年新建职工书屋12个，现将情况通报如下。")
    doc.add_heading("一年来的主要做法", level=1)
    p = doc.add_paragraph("各基层工会")
    p.add_run("高度重视").bold = True
    p.add_run("书屋建设，")
    p.add_run("精心挑选").italic = True
    p.add_run("图书，并")
    p.add_run("按时上报").underline = True
    p.add_run("建设台账。")
    p = doc.add_paragraph("第一行")
    p.add_run().add_break()
    p.add_run("第二行（同一段内换行）")
    doc.add_heading("书屋分布", level=2)
    add_xml(doc, para(run("机加工分厂：新建书屋3个；"), num=("90", 0)))
    add_xml(doc, para(run("其中二楼阅览室1个"), num=("90", 1)))
    add_xml(doc, para(run("其中车间休息区2个"), num=("90", 1)))
    add_xml(doc, para(run("铸造分厂：新建书屋2个。"), num=("90", 0)))
    doc.add_paragraph("下一批书屋的安排如下：")
    add_xml(doc, para(run("物流公司：计划新建1个；"), num=("92", 0)))
    add_xml(doc, para(run("销售公司：计划新建1个。"), num=("92", 0)))
    add_xml(doc, para(run("图书以技术类为主"), num=("91", 0)))
    add_xml(doc, para(run("兼顾文学和健康类"), num=("91", 1)))
    doc.add_heading("藏书情况", level=3)
    table = doc.add_table(rows=4, cols=3)
    table.style = "Table Grid"
    cells = [["单位", "书屋数", "藏书（册）"], ["机加工分厂", "3", "4500"], ["铸造分厂", "2", "3000"], ["合计", "", "7500"]]
    for r, row in enumerate(cells):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    table.cell(3, 0).merge(table.cell(3, 1))
    table.cell(3, 0).text = "合计（两个分厂）"
    t2 = doc.add_table(rows=3, cols=2)
    t2.style = "Table Grid"
    t2.cell(0, 0).text = "类别"
    t2.cell(0, 1).text = "说明"
    t2.cell(1, 0).text = "技术类"
    t2.cell(1, 1).text = "数控、焊接"
    t2.cell(2, 1).text = "电工、起重"
    t2.cell(1, 0).merge(t2.cell(2, 0))
    doc.add_paragraph("书屋开放时间以各单位公告为准[脚注见文末]。")
    # A link and two notes, written as Word writes them.
    rel = doc.part.relate_to("https://shuwu.example.com/", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink", is_external=True)
    add_xml(
        doc,
        para(
            run("详见")
            + f'<w:hyperlink r:id="{rel}">{run("职工书屋专栏", color="0563C1", underline=True)}</w:hyperlink>'
            + run("。书屋由工会经费保障")
            + '<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteReference w:id="1"/></w:r>'
            + run("，图书目录另行公布")
            + '<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:endnoteReference w:id="1"/></w:r>'
            + run("。")
        ),
    )
    photo = out("corpus", "photo-gps.jpg")
    with open(photo, "wb") as f:
        f.write(gps_jpeg())
    doc.add_picture(photo)
    os.remove(photo)
    doc.add_paragraph("图为职工在新建书屋阅读。")
    path = out("corpus", "word-styled.docx")
    doc.save(path)
    add_notes(path, [(1, "按《基层工会经费收支管理办法》列支。")], [(1, "目录将在工会网站公布。")])
    return path


def gongwen(name="gongwen.docx", date="二〇二六年十一月二十日", folder="gongwen"):
    """A 公文 typed as offices type it: no heading styles, only direct formatting."""
    doc = docx.Document()
    fix_metadata(doc)
    fs, hei, kai, song = "仿宋_GB2312", "黑体", "楷体_GB2312", "方正小标宋简体"
    add_xml(doc, para(run("江城重型机械集团有限公司工会文件", font=song, size=72, color="FF0000"), jc="center"))
    add_xml(doc, para(run("江重工〔2026〕31号", font=fs, size=32), jc="center"))
    add_xml(doc, para(run("关于2026年度优秀工会积极分子", font=song, size=44), jc="center"))
    add_xml(doc, para(run("评选结果的公示", font=song, size=44), jc="center"))
    add_xml(doc, para(run("各分厂工会、各部门：", font=fs, size=32)))
    add_xml(doc, para(run("根据年度评先工作安排，经基层推荐、资格审查和集团工会研究，评出优秀工会积极分子20名，现予公示。", font=fs, size=32), ind=True))
    add_xml(doc, para(run("一、评选过程", font=hei, size=32), ind=True))
    add_xml(doc, para(run("（一）基层推荐", font=kai, size=32), ind=True))
    add_xml(doc, para(run("1．推荐范围", font=fs, size=32, bold=True), ind=True))
    add_xml(doc, para(run("推荐对象为在会员服务、劳动竞赛和职工维权工作中表现突出的工会积极分子。", font=fs, size=32), ind=True))
    add_xml(doc, para(run("（1）分厂推荐。", font=fs, size=32, bold=True), ind=True))
    add_xml(doc, para(run("各分厂工会按会员人数的千分之三推荐。", font=fs, size=32), ind=True))
    add_xml(doc, para(run("（二）资格审查", font=kai, size=32), ind=True))
    add_xml(doc, para(run("二、公示期间，职工群众可以通过来信、来电或者当面反映等方式向集团工会提出意见，反映问题要实事求是。", font=fs, size=32), ind=True))
    add_xml(doc, para(run("二、意见反映", font=hei, size=32), ind=True))
    add_xml(doc, para(run("公示期为5个工作日。联系电话：0716-55501201。", font=fs, size=32), ind=True))
    add_xml(doc, para(run("附件：1．优秀工会积极分子名单", font=fs, size=32), ind=True))
    add_xml(doc, para(run("2．评选明细", font=fs, size=32), ind=True))
    add_xml(doc, para(run("江城重型机械集团有限公司工会", font=fs, size=32), jc="right"))
    add_xml(doc, para(run(date, font=fs, size=32), jc="right"))
    path = out(folder, name)
    doc.save(path)
    return path


def gongwen_sheets(folder="gongwen"):
    """The 附件 beside the 公文: a workbook and a CSV of the same names."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "公示名单"
    ws.append(["2026年度优秀工会积极分子名单"])
    ws.merge_cells("A1:F1")
    ws.append(["序号", "姓名", "单位", "奖励金额", "得票率", "推荐日期"])
    rows = [
        (1, "王海涛", "机加工分厂", 1500, 0.925, "2026-10-12"),
        (2, "李秀英", "机加工分厂", 1500, 0.881, "2026-10-12"),
        (3, "张建国", "铸造分厂", 1200.5, 0.8, "2026-10-15"),
        (4, "陈志强", "物流公司", 1000, 0.756, "2026-10-16"),
    ]
    import datetime

    for r in rows:
        ws.append(list(r[:5]) + [datetime.date.fromisoformat(r[5])])
    for row in ws.iter_rows(min_row=3, max_row=6):
        row[3].number_format = '"¥"#,##0.00'
        row[4].number_format = "0.0%"
        row[5].number_format = 'yyyy"年"m"月"d"日"'
    ws.merge_cells("C3:C4")
    ws.append(["合计", None, None, 5200.5, None, None])
    ws.merge_cells("A7:C7")
    ws["D7"].number_format = "#,##0.00"
    # Formatted but empty rows at the bottom, as offices leave them.
    for r in range(8, 14):
        ws.cell(row=r, column=1).font = Font(bold=True)
    ws2 = wb.create_sheet("说明")
    ws2.append(["本表由集团工会组织部编制"])
    path = out(folder, "优秀工会积极分子名单.xlsx")
    wb.save(path)
    with open(out(folder, "评选明细.csv"), "w", encoding="utf-8-sig", newline="") as f:
        f.write("单位,推荐人数,当选人数,当选率\r\n机加工分厂,8,6,75%\r\n铸造分厂,5,4,80%\r\n\"物流公司,销售公司\",3,2,66.7%\r\n,,,\r\n")


def wps_like():
    """What WPS writes: style ids by number, a text box twice (mc:Choice and
    mc:Fallback), tracked changes and a comment."""
    doc = docx.Document()
    fix_metadata(doc)
    styles = doc.styles.element
    styles.append(parse_xml(f'<w:style {W} w:type="paragraph" w:styleId="2"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/><w:sz w:val="44"/></w:rPr></w:style>'))
    styles.append(parse_xml(f'<w:style {W} w:type="paragraph" w:styleId="3"><w:name w:val="标题 2"/><w:basedOn w:val="Normal"/><w:rPr><w:b/></w:rPr></w:style>'))
    styles.append(parse_xml(f'<w:style {W} w:type="paragraph" w:styleId="a5"><w:name w:val="我的小标题"/><w:basedOn w:val="2"/></w:style>'))
    styles.append(parse_xml(f'<w:style {W} w:type="paragraph" w:styleId="TOC1"><w:name w:val="toc 1"/><w:basedOn w:val="Normal"/></w:style>'))
    add_xml(doc, para(run("安康杯竞赛推进会召开"), style="2"))
    # Word's own table of contents: a line per heading, linked to a bookmark.
    add_xml(doc, para('<w:hyperlink w:anchor="_Toc1">' + run("会议议程……………………1") + "</w:hyperlink>", style="TOC1"))
    add_xml(doc, para(run("会议要求各单位落实安全生产责任，") + '<w:hyperlink w:anchor="_Toc1">' + run("见会议议程") + "</w:hyperlink>" + run("。")))
    add_xml(doc, para(run("会议议程"), style="3"))
    add_xml(doc, para(run("继承大纲级别的小标题"), style="a5"))
    textbox = (
        '<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor><wp:docPr id="5" name="文本框 5"/>'
        '<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp><wps:txbx><w:txbxContent>'
        '<w:p><w:r><w:t>文本框：安全生产无小事</w:t></w:r></w:p></w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>'
        '<mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent><w:p><w:r><w:t>文本框：安全生产无小事</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback>'
        "</mc:AlternateContent></w:r>"
    )
    add_xml(doc, para(run("会场设在集团礼堂。") + textbox))
    add_xml(
        doc,
        para(
            run("参会人员共")
            + '<w:del w:id="11" w:author="李干事" w:date="2026-11-19T10:00:00Z"><w:r><w:delText>一百</w:delText></w:r></w:del>'
            + '<w:ins w:id="12" w:author="李干事" w:date="2026-11-19T10:00:00Z"><w:r><w:t>一百二十</w:t></w:r></w:ins>'
            + run("人。")
        ),
    )
    p = doc.add_paragraph("会议由工会主席主持。")
    doc.add_comment(p.runs, text="这句要不要删？", author="王主任")
    path = out("corpus", "wps-like.docx")
    doc.save(path)
    return path


def pictures_doc():
    """Every picture format Word holds: JPEG, PNG, GIF, BMP, TIFF kept or
    converted, WebP added by hand, an EMF refused, an external link never fetched."""
    doc = docx.Document()
    fix_metadata(doc)
    doc.add_paragraph("各种格式的图片")
    tmp = tempfile.mkdtemp()
    for fmt, color in [("PNG", (0, 128, 0)), ("GIF", (0, 0, 200)), ("BMP", (128, 0, 128)), ("TIFF", (0, 128, 128))]:
        path = os.path.join(tmp, "p." + fmt.lower())
        with open(path, "wb") as f:
            f.write(picture_bytes(fmt, color))
        doc.add_paragraph(f"{fmt} 图片：")
        doc.add_picture(path)
    shutil.rmtree(tmp)
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part

    def raw_picture(name, content_type, blob, external=None):
        if external:
            rid = doc.part.relate_to(external, "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image", is_external=True)
            attr = f'r:link="{rid}"'
        else:
            part = Part(PackURI(f"/word/media/{name}"), content_type, blob, doc.part.package)
            rid = doc.part.relate_to(part, "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image")
            attr = f'r:embed="{rid}"'
        return (
            f'<w:r><w:drawing><wp:inline><wp:extent cx="762000" cy="571500"/><wp:docPr id="9{len(name)}" name="{name}" descr="{name} 的说明"/>'
            f'<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic><pic:blipFill><a:blip {attr}/></pic:blipFill></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>'
        )

    add_xml(doc, para(run("WebP 图片：") + raw_picture("web.webp", "image/webp", picture_bytes("WEBP", (250, 128, 0)))))
    emf = bytearray(88)
    emf[0:4] = (1).to_bytes(4, "little")
    emf[40:44] = b" EMF"
    add_xml(doc, para(run("EMF 矢量图：") + raw_picture("drawing.emf", "image/x-emf", bytes(emf))))
    add_xml(doc, para(run("外链图片：") + raw_picture("x", "", b"", external="http://tracker.example.invalid/pixel.png")))
    path = out("corpus", "pictures.docx")
    doc.save(path)
    return path


# ------------------------------------------------------------ LibreOffice


def soffice(src, fmt, outdir):
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    if not exe:
        sys.exit("soffice not found: apt-get install libreoffice-writer-nogui")
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            [exe, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", fmt, "--outdir", outdir, src],
            check=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
    base = os.path.splitext(os.path.basename(src))[0]
    return os.path.join(outdir, base + "." + fmt.split(":")[0])


def round_trips(styled, gw):
    """Our documents through LibreOffice (to .odt and back), as a WPS or
    LibreOffice user's file arrives; and the formats import refuses."""
    with tempfile.TemporaryDirectory() as tmp:
        for src, name in [(styled, "lo-word-styled.docx"), (gw, "lo-gongwen.docx")]:
            odt = soffice(src, "odt", tmp)
            back = soffice(odt, "docx:MS Word 2007 XML", os.path.join(tmp, "back"))
            shutil.copy(back, out("corpus", name))
        small = out("bad", "tmp-small.docx")
        d = docx.Document()
        d.add_paragraph("旧格式的文件")
        d.save(small)
        for fmt, name in [("doc", "old-word.doc"), ("odt", "open-document.odt"), ("rtf", "rich-text.rtf")]:
            made = soffice(small, fmt, tmp)
            shutil.copy(made, out("bad", name))
        os.remove(small)
        # WPS saves .wps as the same OLE compound file as .doc.
        shutil.copy(out("bad", "old-word.doc"), out("bad", "wps-file.wps"))
        # A .doc renamed .docx: caught by its bytes.
        shutil.copy(out("bad", "old-word.doc"), out("bad", "renamed-doc.docx"))


# ---------------------------------------------------------------- hostile


def minimal_docx_parts(body_xml):
    types = (
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
    )
    rels = (
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>'
    )
    return [("[Content_Types].xml", types.encode()), ("_rels/.rels", rels.encode()), ("word/document.xml", body_xml)]


def write_zip(path, entries, compress=zipfile.ZIP_DEFLATED):
    with zipfile.ZipFile(path, "w", compress) as z:
        for name, data in entries:
            z.writestr(zipfile.ZipInfo(name, FIXED_TIME), data, compress)


def hostile():
    good = f'<?xml version="1.0"?><w:document {W}><w:body><w:p><w:r><w:t>正常的一段</w:t></w:r></w:p></w:body></w:document>'.encode()
    write_zip(out("bad", "dotdot.docx"), minimal_docx_parts(good) + [("../../evil.txt", b"outside")])
    write_zip(out("bad", "absolute.docx"), minimal_docx_parts(good) + [("/tmp/evil.txt", b"outside")])
    # 100 MB of one byte deflates to about 100 KB: far past the ratio cap.
    bomb = f'<?xml version="1.0"?><w:document {W}><w:body><w:p><w:r><w:t>'.encode() + b"A" * (100 * 1024 * 1024) + b"</w:t></w:r></w:p></w:body></w:document>"
    with zipfile.ZipFile(out("bad", "zip-bomb.docx"), "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        for name, data in minimal_docx_parts(bomb):
            z.writestr(zipfile.ZipInfo(name, FIXED_TIME), data, zipfile.ZIP_DEFLATED, compresslevel=9)
    never_ends = f'<?xml version="1.0"?><w:document {W}><w:body><w:p><w:r><w:t>没有结尾的文档'.encode()
    write_zip(out("bad", "never-ends.docx"), minimal_docx_parts(never_ends))
    deep = f'<?xml version="1.0"?><w:document {W}><w:body>'.encode() + b"<w:sdt><w:sdtContent>" * 5000 + b"</w:sdtContent></w:sdt>" * 5000 + b"</w:body></w:document>"
    write_zip(out("bad", "deep-nesting.docx"), minimal_docx_parts(deep))
    with open(out("corpus", "word-styled.docx"), "rb") as f:
        whole = f.read()
    with open(out("bad", "truncated.docx"), "wb") as f:
        f.write(whole[: len(whole) // 2])
    with open(out("bad", "not-word.docx"), "wb") as f:
        f.write("这是一个被改了扩展名的文本文件。\n".encode())
    wb = openpyxl.Workbook()
    wb.active["A1"] = "表格不是文档"
    wb.save(out("bad", "spreadsheet.docx"))


def bad_sheets():
    folder = "sheets"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "明细"
    ws.append(["项目", "金额", "占比", "日期", "时间"])
    import datetime

    data = [
        ("慰问品", 186420.0, 0.7387, datetime.date(2026, 9, 24), datetime.datetime(2026, 9, 24, 14, 30)),
        ("职工书屋", 33150.5, 0.1314, datetime.date(2026, 10, 8), datetime.datetime(2026, 10, 8, 9, 5)),
        ("技能大赛", -1200, 0.05, datetime.date(2026, 10, 28), datetime.datetime(2026, 10, 28, 16, 0)),
    ]
    for row in data:
        ws.append(list(row))
    for row in ws.iter_rows(min_row=2, max_row=4):
        row[1].number_format = "#,##0.00;[Red]-#,##0.00"
        row[2].number_format = "0.00%"
        row[3].number_format = "yyyy/m/d"
        row[4].number_format = "yyyy-mm-dd hh:mm"
    ws.append(["说明：金额单位为元", None, None, None, None])
    ws.merge_cells("A5:E5")
    wb.save(out(folder, "经费明细.xlsx"))
    with open(out(folder, "gbk.csv"), "wb") as f:
        f.write("姓名,部门,金额\r\n赵德伟,工会办公室,\"1,200.00\"\r\n孙黎明,组织部,800\r\n".encode("gbk"))


def main():
    styled = word_styled()
    gw = gongwen()
    gongwen_sheets()
    gongwen("gongwen-arabic-date.docx", "2026年11月20日", folder="gongwen-alone")
    wps_like()
    pictures_doc()
    hostile()
    bad_sheets()
    round_trips(styled, gw)
    total = 0
    for root, _, files in os.walk(HERE):
        for name in files:
            total += os.path.getsize(os.path.join(root, name))
    print(f"corpus written, {total // 1024} KiB")


if __name__ == "__main__":
    main()
