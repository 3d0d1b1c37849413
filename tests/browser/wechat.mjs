// The 复制到公众号 button and the 公众号预览 of `serve`, in a real Chromium:
// press the button (clipboard permission granted through CDP), read the
// clipboard's text/html and text/plain, paste it into a contenteditable and
// check the inline styles survived; open the preview, check both frames are
// 375 px wide, and screenshot them light and dark.
// Usage: node wechat.mjs PAGE_URL SCREENSHOT_DIR
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launch } from './lib.mjs';

const [url, shots] = process.argv.slice(2);
mkdirSync(shots, { recursive: true });
const b = await launch();
const result = {};
try {
  const page = await b.context.newPage();
  await page.setViewportSize({ width: 1000, height: 900 });
  const origin = new URL(url).origin;
  const cdp = await b.context.newCDPSession(page);
  await cdp.send('Browser.grantPermissions', {
    origin,
    permissions: ['clipboardReadWrite', 'clipboardSanitizedWrite'],
  });
  await page.goto(url);
  await page.waitForSelector('html[data-nb-wechat="ready"]', { timeout: 15000 });
  result.button = (await page.textContent('#nb-wechat-copy')).trim();

  await page.click('#nb-wechat-copy');
  await page.waitForSelector('html[data-nb-wechat-copied="yes"]', { timeout: 10000 });
  result.status = (await page.textContent('#nb-wechat [role="status"]')).trim();
  const clip = await page.evaluate(async () => {
    const items = await navigator.clipboard.read();
    const out = { types: [] };
    for (const item of items) {
      out.types.push(...item.types);
      if (item.types.includes('text/html')) out.html = await (await item.getType('text/html')).text();
      if (item.types.includes('text/plain')) out.plain = await (await item.getType('text/plain')).text();
    }
    return out;
  });
  result.clipboard_types = clip.types;
  result.clipboard_html_has_section = /<section style="/.test(clip.html || '');
  result.clipboard_plain_start = (clip.plain || '').slice(0, 40);

  // Paste into an editor like the 公众号's: a contenteditable.
  await page.evaluate(() => {
    const ed = document.createElement('div');
    ed.id = 'nb-test-editor';
    ed.setAttribute('contenteditable', 'true');
    ed.style.cssText = 'width:375px;min-height:50px;border:1px solid #000';
    document.body.prepend(ed);
    ed.focus();
  });
  await page.keyboard.press('Control+V');
  await page.waitForFunction(() => document.getElementById('nb-test-editor').children.length > 0, null, { timeout: 10000 });
  result.pasted = await page.evaluate(() => {
    const ed = document.getElementById('nb-test-editor');
    const all = [...ed.querySelectorAll('*')];
    const styled = all.filter(e => (e.getAttribute('style') || '').length > 0);
    const h2 = ed.querySelector('h2');
    return {
      elements: all.length,
      styled: styled.length,
      h2_colour: h2 ? getComputedStyle(h2).color : null,
      h2_style_attr: h2 ? h2.getAttribute('style') : null,
      tables: ed.querySelectorAll('table[style*="width"]').length,
    };
  });
  await page.evaluate(() => document.getElementById('nb-test-editor').remove());

  // The preview: two phone-width frames, light and dark.
  // Tall enough for the whole preview, for the screenshots.
  await page.setViewportSize({ width: 1000, height: 2600 });
  await page.click('#nb-wechat-preview-button');
  await page.waitForSelector('#nb-wechat-preview iframe');
  await page.waitForTimeout(800);
  const frames = await page.$$('#nb-wechat-preview iframe');
  result.frames = [];
  for (const f of frames) {
    const box = await f.boundingBox();
    const inner = await f.contentFrame();
    const bg = await inner.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const heading = await inner.evaluate(() => {
      const h = document.querySelector('h2');
      return h ? getComputedStyle(h).color : null;
    });
    result.frames.push({ width: Math.round(box.width), background: bg, heading });
  }
  const figures = await page.$$('#nb-wechat-preview figure');
  await figures[0].screenshot({ path: join(shots, 'wechat-preview-light.png') });
  await figures[1].screenshot({ path: join(shots, 'wechat-preview-dark.png') });
  await page.screenshot({ path: join(shots, 'wechat-preview.png') });
  // Escape closes it and gives the focus back to the button.
  await page.keyboard.press('Escape');
  result.closed = (await page.$('#nb-wechat-preview')) === null;
  result.focus_back = await page.evaluate(() => document.activeElement && document.activeElement.id);
} finally {
  await b.close();
}
console.log(JSON.stringify(result));
