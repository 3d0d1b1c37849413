// The desk's paste cleaner on real clipboard HTML (Word, WPS, Google Docs, a
// web page), run in Chromium on the desk's own module, as the editor runs it.
// Prints { word, wps, gdocs, web: {markdown, images} }.
//
// usage: node desk-paste.mjs DESK_URL   (the address serve prints, with its token)
import { launch } from './lib.mjs';
import { GDOCS_HTML, WEB_HTML, WORD_HTML, WPS_HTML } from './desk-clipboard.mjs';

const [desk] = process.argv.slice(2);
const b = await launch();
const result = {};
try {
  const page = await b.context.newPage();
  await page.goto(desk);
  await page.waitForSelector('#top nav');
  const samples = { word: WORD_HTML, wps: WPS_HTML, gdocs: GDOCS_HTML, web: WEB_HTML };
  for (const [name, html] of Object.entries(samples)) {
    result[name] = await page.evaluate(async (source) => {
      const { htmlToMarkdown } = await import('/_desk/ui/paste.js');
      return htmlToMarkdown(source);
    }, html);
  }
  result.script_ran = await page.evaluate(() => 'stolen' in window);
  // The UI's strings: both languages have every key; English has no Chinese.
  result.strings = await page.evaluate(async () => {
    const { ALL_STRINGS } = await import('/_desk/ui/i18n.js');
    const zh = ALL_STRINGS['zh-CN'];
    const en = ALL_STRINGS.en;
    // Han characters and CJK punctuation (：、（）).
    const cjk = /[\u4e00-\u9fff\u3000-\u303f\uff00-\uffef]/;
    return {
      count: Object.keys(zh).length,
      only_zh: Object.keys(zh).filter((k) => !(k in en)),
      only_en: Object.keys(en).filter((k) => !(k in zh)),
      en_with_cjk: Object.keys(en).filter((k) => cjk.test(en[k])),
      zh_without_cjk: Object.keys(zh).filter((k) => !cjk.test(zh[k]) && k !== 'lang_attr'),
    };
  });
} finally {
  await b.close();
}
console.log(JSON.stringify(result));
