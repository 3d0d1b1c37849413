// The search page as a reader uses it: Chinese typed key by key (and inserted
// whole, as an input method does), results that follow the keyboard, the
// section and year filters, arrow keys through the results and Enter to open
// one, and the address that follows the query (and opens with its results).
//
// usage: node search-typing.mjs SEARCH_PAGE_URL...
// Prints {"<url>": {steps: [...], keys: {...}, opened: {...}}} for each URL.
import { launch } from './lib.mjs';

const urls = process.argv.slice(2);
const b = await launch();
const out = {};

// What the page shows once the list has caught up with the box and filters.
async function settle(page) {
  const want = await page.evaluate(() =>
    [document.getElementById('search-q').value.trim(),
      document.getElementById('search-section').value,
      document.getElementById('search-year').value].join('|'));
  await page.waitForFunction(
    (w) => document.getElementById('search-results').getAttribute('data-query') === w,
    want,
    { timeout: 10000 },
  );
  return page.evaluate(() => ({
    box: document.getElementById('search-q').value,
    q: new URLSearchParams(location.search).get('q'),
    section: new URLSearchParams(location.search).get('section'),
    year: new URLSearchParams(location.search).get('year'),
    status: document.getElementById('search-status').textContent,
    titles: [...document.querySelectorAll('.search-hit > a')].map((a) => a.textContent),
    title_marks: [...document.querySelectorAll('.search-hit > a mark')].map((m) => m.textContent),
    snippet_marks: [...document.querySelectorAll('.search-snippet mark')].map((m) => m.textContent),
  }));
}

async function clearBox(page) {
  await page.focus('#search-q');
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Backspace');
}

const focused = (page) => page.evaluate(() => {
  const el = document.activeElement;
  return el && el.id === 'search-q' ? '#search-q' : (el ? el.textContent : null);
});

try {
  for (const url of urls) {
    const r = { steps: [] };
    const page = await b.context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(url);
    await page.waitForSelector('#search[data-ready="true"]');

    // Key by key, slower than the page's 150 ms pause, so every prefix shows.
    await page.focus('#search-q');
    for (const ch of ['安', '全', '生', '产']) {
      await page.keyboard.type(ch);
      r.steps.push({ typed: ch, ...(await settle(page)) });
    }
    // Fast typing (no pause between keys) ends on the whole query.
    await clearBox(page);
    r.cleared = await settle(page);
    await page.locator('#search-q').pressSequentially('合同', { delay: 20 });
    r.fast = await settle(page);

    // An input method commits several characters in one input event.
    await clearBox(page);
    await page.keyboard.insertText('安全生产');
    r.ime = await settle(page);

    // Filters, with the query kept.
    await page.selectOption('#search-year', '2026');
    r.year = await settle(page);
    await page.selectOption('#search-section', '1');
    r.year_section = await settle(page);
    await page.selectOption('#search-year', '');
    await page.selectOption('#search-section', '');
    r.unfiltered = await settle(page);

    // Arrow keys: box -> first -> second -> first -> box; then Enter opens.
    await page.focus('#search-q');
    const keys = [];
    for (const key of ['ArrowDown', 'ArrowDown', 'ArrowUp', 'ArrowUp', 'ArrowDown', 'ArrowDown']) {
      await page.keyboard.press(key);
      keys.push(await focused(page));
    }
    r.keys = keys;
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    r.opened = { h1: (await page.textContent('h1')).trim(), path: new URL(page.url()).pathname };

    // A linked search opens with its results.
    const linked = new URL(url);
    linked.searchParams.set('q', '合同');
    await page.goto(linked.href);
    await page.waitForSelector('#search[data-ready="true"]');
    r.linked = await settle(page);
    r.first_result_ms = Number(await page.getAttribute('#search', 'data-first-result-ms'));
    r.errors = errors;
    await page.close();
    out[url] = r;
  }
} finally {
  await b.close();
}
console.log(JSON.stringify(out));
