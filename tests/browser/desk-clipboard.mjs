// Clipboard HTML as Word, WPS, Google Docs and a web page put it on the
// clipboard (the text/html flavour), for the desk's paste tests. The Word
// sample has what Word really writes: Office namespaces, a <style> in a
// comment, conditional comments, `mso-list` paragraphs whose bullet is text
// in an `mso-list:Ignore` span, <o:p>, MsoTableGrid, fonts and colours.

export const WORD_HTML = `<html xmlns:v="urn:schemas-microsoft-com:vml"
xmlns:o="urn:schemas-microsoft-com:office:office"
xmlns:w="urn:schemas-microsoft-com:office:word"
xmlns:m="http://schemas.microsoft.com/office/2004/12/omml"
xmlns="http://www.w3.org/TR/REC-html40">
<head>
<meta http-equiv=Content-Type content="text/html; charset=utf-8">
<meta name=ProgId content=Word.Document>
<meta name=Generator content="Microsoft Word 15">
<meta name=Originator content="Microsoft Word 15">
<link rel=File-List href="file:///C:/Users/gh/AppData/Local/Temp/msohtmlclip1/01/clip_filelist.xml">
<!--[if gte mso 9]><xml>
 <o:OfficeDocumentSettings>
  <o:AllowPNG/>
 </o:OfficeDocumentSettings>
</xml><![endif]-->
<style>
<!--
 /* Font Definitions */
 @font-face {font-family:宋体; panose-1:2 1 6 0 3 1 1 1 1 1;}
p.MsoNormal, li.MsoNormal, div.MsoNormal
	{mso-style-unhide:no; margin:0cm; text-align:justify; font-size:10.5pt; font-family:等线; color:#333333;}
@list l0 {mso-list-id:1398627422; mso-list-type:hybrid;}
@list l0:level1 {mso-level-number-format:bullet; mso-level-text:; mso-level-tab-stop:none;}
-->
</style>
</head>
<body lang=ZH-CN style='tab-interval:21.0pt;word-wrap:break-word;text-justify-trim:punctuation'>
<!--StartFragment-->
<h1><span style='font-family:黑体;mso-ascii-font-family:"Times New Roman";color:#C00000'>关于推荐先进集体的通知<o:p></o:p></span></h1>
<p class=MsoNormal><span style='font-family:仿宋_GB2312;color:red;mso-bidi-font-size:14pt'>各分会：</span><b><span style='font-family:仿宋_GB2312;mso-bidi-font-weight:bold'>请于11月30日前</span></b><span style='font-family:仿宋_GB2312'>报送以下材料。<o:p></o:p></span></p>
<p class=MsoListParagraph style='margin-left:18.0pt;text-indent:-18.0pt;mso-char-indent-count:0;mso-list:l0 level1 lfo1'><![if !supportLists]><span lang=EN-US style='font-family:Symbol;mso-fareast-font-family:Symbol;mso-bidi-font-family:Symbol'><span style='mso-list:Ignore'>·<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; </span></span></span><![endif]><span style='font-family:仿宋_GB2312'>推荐表一份<o:p></o:p></span></p>
<p class=MsoListParagraph style='margin-left:18.0pt;text-indent:-18.0pt;mso-char-indent-count:0;mso-list:l0 level1 lfo1'><![if !supportLists]><span lang=EN-US style='font-family:Symbol;mso-fareast-font-family:Symbol'><span style='mso-list:Ignore'>·<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; </span></span></span><![endif]><span style='font-family:仿宋_GB2312'>事迹材料<o:p></o:p></span></p>
<p class=MsoListParagraph style='margin-left:39.0pt;text-indent:-18.0pt;mso-list:l0 level2 lfo1'><![if !supportLists]><span lang=EN-US style='font-family:"Courier New"'><span style='mso-list:Ignore'>o<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp; </span></span></span><![endif]><span style='font-family:仿宋_GB2312'>不超过1500字<o:p></o:p></span></p>
<p class=MsoNormal><span lang=EN-US><o:p>&nbsp;</o:p></span></p>
<p class=MsoListParagraph style='margin-left:18.0pt;text-indent:-18.0pt;mso-list:l1 level1 lfo2'><!--[if !supportLists]--><span lang=EN-US><span style='mso-list:Ignore'>1.<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp; </span></span></span><!--[endif]--><span style='font-family:仿宋_GB2312'>分会初审<o:p></o:p></span></p>
<p class=MsoListParagraph style='margin-left:18.0pt;text-indent:-18.0pt;mso-list:l1 level1 lfo2'><!--[if !supportLists]--><span lang=EN-US><span style='mso-list:Ignore'>2.<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp; </span></span></span><!--[endif]--><span style='font-family:仿宋_GB2312'>工会审核<o:p></o:p></span></p>
<table class=MsoTableGrid border=1 cellspacing=0 cellpadding=0 style='border-collapse:collapse;border:none;mso-border-alt:solid windowtext .5pt;mso-yfti-tbllook:1184;mso-padding-alt:0cm 5.4pt 0cm 5.4pt'>
 <tr style='mso-yfti-irow:0;mso-yfti-firstrow:yes'>
  <td width=277 valign=top style='width:207.4pt;border:solid windowtext 1.0pt;mso-border-alt:solid windowtext .5pt;padding:0cm 5.4pt 0cm 5.4pt'>
  <p class=MsoNormal><b><span style='font-family:黑体'>姓名<o:p></o:p></span></b></p>
  </td>
  <td width=277 valign=top style='width:207.4pt;border:solid windowtext 1.0pt;border-left:none'>
  <p class=MsoNormal><b><span style='font-family:黑体'>单位<o:p></o:p></span></b></p>
  </td>
 </tr>
 <tr style='mso-yfti-irow:1;mso-yfti-lastrow:yes'>
  <td width=277 valign=top style='width:207.4pt;border:solid windowtext 1.0pt;border-top:none'>
  <p class=MsoNormal><span style='font-family:仿宋_GB2312'>张三<o:p></o:p></span></p>
  </td>
  <td width=277 valign=top style='width:207.4pt;border-top:none;border-left:none'>
  <p class=MsoNormal><span style='font-family:仿宋_GB2312'>一车间<o:p></o:p></span></p>
  </td>
 </tr>
</table>
<p class=MsoNormal><span style='font-family:仿宋_GB2312'>详见<a href="https://www.acftu.org/rules.html"><span style='color:#0563C1'>评选办法</span></a>。<a href="javascript:alert(1)">坏链接</a><o:p></o:p></span></p>
<p class=MsoNormal><!--[if gte vml 1]><v:shape id="图片_x0020_1" o:spid="_x0000_i1025" type="#_x0000_t75" style='width:100pt;height:60pt'><v:imagedata src="file:///C:/Users/gh/AppData/Local/Temp/msohtmlclip1/01/clip_image001.png" o:title=""/></v:shape><![endif]--><![if !vml]><img width=133 height=80 src="file:///C:/Users/gh/AppData/Local/Temp/msohtmlclip1/01/clip_image002.png" v:shapes="图片_x0020_1"><![endif]><o:p></o:p></p>
<!--EndFragment-->
</body>
</html>`;

// WPS Writer: its own class names and a <font> tag.
export const WPS_HTML = `<html><head><meta charset="utf-8"><style>p{mso-style-name:正文}</style></head><body>
<!--StartFragment--><p class="MsoTitle" style="text-align:center"><font face="方正小标宋简体" color="#ff0000">职工之家建设情况</font></p>
<p class="MsoNormal" style="text-indent:2em"><span style="font-family:仿宋;font-size:16pt;font-weight:bold">一、基本情况</span></p>
<p class="MsoNormal"><span class="15" style="mso-spacerun:yes;font-family:仿宋">全年开展活动</span><strong>12次</strong>。</p><!--EndFragment-->
</body></html>`;

// Google Docs wraps everything in <b style="font-weight:normal">, which is
// not bold at all.
export const GDOCS_HTML = `<meta charset="utf-8"><b style="font-weight:normal;" id="docs-internal-guid-1a2b3c"><h2 dir="ltr" style="line-height:1.38;margin-top:18pt"><span style="font-size:16pt;font-family:Arial;color:#000000;font-weight:400">活动安排</span></h2><p dir="ltr"><span style="font-size:11pt;font-family:Arial;color:#000000;font-weight:400">时间：</span><span style="font-size:11pt;font-family:Arial;color:#000000;font-weight:700">周六上午</span></p><ul><li dir="ltr"><p dir="ltr"><span style="font-weight:400">签到</span></p></li><li dir="ltr"><p dir="ltr"><span style="font-weight:400">比赛</span></p></li></ul></b>`;

// A web page: scripts, event handlers, classes, inline styles, an iframe.
export const WEB_HTML = `<div class="article-content" style="color:#333;font-family:'Microsoft YaHei'" onclick="track()">
<script>window.stolen = document.cookie</script><style>.x{color:red}</style>
<h3 class="title" style="font-size:20px">参赛须知</h3>
<p>请携带<strong style="color:red">工作证</strong>，<em>准时</em>到场。<img src="x.png" onerror="alert(1)" alt=""></p>
<ol><li>第一轮：理论</li><li>第二轮：<a href="/news/rules/" class="lnk" target="_blank">实操</a></li></ol>
<iframe src="https://ads.example.com/"></iframe>
<p>价格 5*3 [说明] &lt;b&gt;</p>
</div>`;
