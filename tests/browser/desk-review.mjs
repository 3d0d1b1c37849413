// 审核 in the desk on a `review: required` site: the editor offers 提交审核
// and 审核通过 with the reviewer's name; each shows the new state, and a
// save after them neither conflicts with the file the server rewrote nor
// drops what it recorded.
//
// usage: node desk-review.mjs DESK_URL PAGE_PATH
// prints { offered, submitted, approved, saved_after, conflict_dialog, errors }
import { launch } from './lib.mjs';

const [desk, path] = process.argv.slice(2);
const b = await launch();
const result = { errors: [] };
try {
  const page = await b.context.newPage();
  page.on('pageerror', (e) => result.errors.push(e.message));
  await page.goto(desk);
  await page.waitForSelector('#top nav');
  await page.evaluate((p) => { location.hash = `#/edit/${encodeURIComponent(p)}`; }, path);
  await page.waitForSelector('textarea.body');
  result.offered = await page.$$eval('section.review button', (bs) => bs.map((x) => x.textContent));
  await page.fill('section.review input', '李干事');
  await page.click('section.review button:nth-of-type(1)');
  await page.waitForFunction(() => document.querySelector('.review-state').textContent, null, { timeout: 20000 });
  result.submitted = await page.textContent('.review-state');
  await page.fill('section.review input', '王主席');
  await page.click('section.review button:nth-of-type(2)');
  await page.waitForFunction((before) => document.querySelector('.review-state').textContent !== before, result.submitted, { timeout: 20000 });
  result.approved = await page.textContent('.review-state');
  await page.click('textarea.body');
  await page.keyboard.press('Control+End');
  await page.keyboard.type('审核后补一句。');
  await page.keyboard.press('Control+s');
  await page.waitForFunction(() => document.querySelector('.save-status').classList.contains('ok') || document.querySelector('dialog[open]'), null, { timeout: 20000 });
  result.conflict_dialog = await page.evaluate(() => Boolean(document.querySelector('dialog[open]')));
  result.saved_after = await page.textContent('.save-status');
} catch (e) {
  result.errors.push(String(e.stack || e));
} finally {
  await b.close();
}
console.log(JSON.stringify(result));
