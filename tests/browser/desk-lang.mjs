// The desk speaks the site's language: on an `en` site every screen's own
// text (header, list, kind choice, form labels, toolbar, photo panel) is
// English, and <html lang> says so. Prints { lang, screens: {name: text} }
// where text is what the desk itself shows (the preview iframe excluded).
//
// usage: node desk-lang.mjs DESK_URL PAGE_PATH OUT_DIR
import { join } from 'node:path';
import { launch } from './lib.mjs';

const [desk, pagePath, out] = process.argv.slice(2);
const b = await launch();
const result = { screens: {} };
try {
  const page = await b.context.newPage();
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(desk);
  await page.waitForSelector('#top nav');
  for (const [name, hash, ready] of [
    ['list', '#/', 'table.pages'],
    ['new', '#/new', '.kind-choice'],
    ['edit', `#/edit/${encodeURIComponent(pagePath)}`, 'textarea.body'],
  ]) {
    await page.evaluate((h) => { location.hash = h; }, hash);
    await page.waitForSelector(ready);
    await page.waitForTimeout(300);
    result.screens[name] = await page.evaluate(() => {
      const clone = document.body.cloneNode(true);
      // What the writer wrote is not the desk's text.
      for (const el of clone.querySelectorAll('iframe, textarea, input, td.title, .file-name, .photo-body, [data-field] select option:checked')) el.remove();
      const labels = [...document.querySelectorAll('label, legend, button, th, summary, h1, h2, h3')].map((e) => e.textContent);
      return `${clone.innerText}\n${labels.join('\n')}`;
    });
    if (name === 'edit') await page.screenshot({ path: join(out, 'desk-english-editor.png') });
  }
  result.lang = await page.evaluate(() => document.documentElement.lang);
} finally {
  await b.close();
}
console.log(JSON.stringify(result));
