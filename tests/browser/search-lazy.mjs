// Snippets load lazily: the first screen's with the list, the rest as they
// scroll into view, so a common query does not fetch every result's text.
//
// usage: node search-lazy.mjs SEARCH_PAGE_URL_WITH_QUERY
// Prints {hits, filled_first, shards_first, filled_after, shards_after, errors}.
import { launch } from './lib.mjs';

const url = process.argv[2];
const b = await launch();
const r = { errors: [] };
try {
  const page = await b.context.newPage();
  await page.setViewportSize({ width: 1280, height: 800 });
  page.on('pageerror', (e) => r.errors.push(String(e)));
  await page.goto(url);
  await page.waitForFunction(() => document.getElementById('search-results').hasAttribute('data-query'), null, { timeout: 10000 });
  const count = () => page.evaluate(() => ({
    hits: document.querySelectorAll('.search-hit').length,
    filled: document.querySelectorAll('.search-snippet[data-filled]').length,
    shards: [...document.querySelectorAll('script[src]')].filter((s) => /text-\d+\.js/.test(s.src)).length,
    empty_filled: [...document.querySelectorAll('.search-snippet[data-filled]')].filter((p) => !p.textContent.trim()).length,
  }));
  const first = await count();
  r.hits = first.hits;
  r.filled_first = first.filled;
  r.shards_first = first.shards;
  // Scroll to the end, a screen at a time, as a reader does.
  for (let i = 0; i < 40; i++) {
    await page.mouse.wheel(0, 700);
    await page.waitForTimeout(50);
  }
  await page.waitForFunction(() => !document.querySelector('.search-snippet:not([data-filled])'), null, { timeout: 10000 });
  const after = await count();
  r.filled_after = after.filled;
  r.shards_after = after.shards;
  r.empty_filled = after.empty_filled;
  await page.close();
} finally {
  await b.close();
}
console.log(JSON.stringify(r));
