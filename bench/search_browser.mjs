// Browser side of bench/search_bench.py: opens a search page with a query in a
// fresh headless Chromium (empty cache) and reports what it requested, how long
// the first results took, and what was found. Uses the test suite's launcher
// (tests/browser/lib.mjs, playwright-core driving Debian's Chromium).
//
// usage: node search_browser.mjs JOBS.json
//   JOBS.json: [{kind: "noticeboard"|"pagefind"|"pagefind-all", url, query}]
// Prints one JSON list with a result per job.
import { readFileSync } from 'node:fs';
import { launch } from '../tests/browser/lib.mjs';

const jobs = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const results = [];

for (const job of jobs) {
  const b = await launch();
  const r = { ...job, requests: [] };
  try {
    const page = await b.context.newPage();
    page.on('request', (req) => r.requests.push(req.url()));
    await page.goto(job.url);
    if (job.kind === 'noticeboard') {
      // The list names the query it shows once it is rendered.
      await page.waitForSelector(`#search-results[data-query="${job.query}||"]`, { timeout: 60000 });
      r.first_result_ms = Number(await page.getAttribute('#search', 'data-first-result-ms'));
      r.status = await page.textContent('#search-status');
    } else if (job.kind === 'pagefind') {
      await page.waitForSelector('body[data-first-result-ms]', { timeout: 60000 });
      r.first_result_ms = Number(await page.getAttribute('body', 'data-first-result-ms'));
      r.status = await page.textContent('.pagefind-ui__message');
    } else {
      // Every result's URL through Pagefind's JS API (not timed: it loads
      // one fragment per result).
      r.urls = await page.evaluate(async ([q, bundle]) => {
        const pf = await import(bundle + 'pagefind.js');
        const found = await pf.search(q);
        const urls = [];
        for (let i = 0; i < found.results.length; i += 200) {
          const part = await Promise.all(found.results.slice(i, i + 200).map((x) => x.data()));
          for (const d of part) urls.push(d.url);
        }
        return urls;
      }, [job.query, job.bundle]);
      r.requests = [];
    }
    await page.close();
  } catch (e) {
    r.error = String(e);
  } finally {
    await b.close();
  }
  results.push(r);
}
console.log(JSON.stringify(results));
