// Live reload in a real browser: open a page of a running `serve`, save a
// change to its Markdown file, and wait for the page to show it with no user
// action; then change a stylesheet and check it is swapped without a reload.
// Usage: node live-reload.mjs URL PAGE_FILE CSS_FILE
import { readFileSync, writeFileSync } from 'node:fs';
import { launch } from './lib.mjs';

const [url, pageFile, cssFile] = process.argv.slice(2);
const b = await launch();
const result = {};
try {
  const page = await b.context.newPage();
  await page.setViewportSize({ width: 1000, height: 400 });
  await page.goto(url);
  await page.waitForSelector('html[data-nb-live="connected"]');
  result.before = (await page.textContent('h1')).trim();

  // Scroll down, then save an edit: the page reloads by itself, same place.
  await page.evaluate(() => {
    document.body.style.minHeight = '5000px';
    window.scrollTo(0, 600);
  });
  const source = readFileSync(pageFile, 'utf8');
  const started = Date.now();
  writeFileSync(pageFile, source.replace(/^title: (.*)$/m, 'title: $1（已更新）'));
  await page.waitForFunction(
    () => document.querySelector('h1') && document.querySelector('h1').textContent.includes('已更新'),
    null,
    { timeout: 15000 },
  );
  result.reload_ms = Date.now() - started;
  result.after = (await page.textContent('h1')).trim();
  await page.waitForTimeout(300);
  result.scroll_y = await page.evaluate(() => window.scrollY);

  // A stylesheet change: no navigation, the new rule applies.
  await page.evaluate(() => { window.__nbMarker = 'still-here'; });
  writeFileSync(cssFile, 'body { background-color: rgb(1, 2, 3); }\n');
  await page.waitForFunction(
    () => getComputedStyle(document.body).backgroundColor === 'rgb(1, 2, 3)',
    null,
    { timeout: 15000 },
  );
  result.css_applied = true;
  result.marker = await page.evaluate(() => window.__nbMarker || null);

  // A broken save shows the overlay; fixing it removes the overlay.
  const fixed = readFileSync(pageFile, 'utf8');
  writeFileSync(pageFile, fixed.replace(/^date: .*$/m, 'date: 2026-02-31'));
  await page.waitForSelector('#nb-live-overlay', { timeout: 15000 });
  result.overlay = (await page.textContent('#nb-live-overlay .nb-live-where')).trim();
  writeFileSync(pageFile, fixed);
  await page.waitForSelector('#nb-live-overlay', { state: 'detached', timeout: 15000 });
  result.overlay_cleared = true;
} finally {
  await b.close();
}
console.log(JSON.stringify(result));
