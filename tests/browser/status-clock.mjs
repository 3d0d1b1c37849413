// The theme's site.js recomputing notice and campaign status from the
// visitor's clock: each TIME opens URL afresh with the browser's clock fixed
// there, and reports every status element as the script left it.
//
// usage: node status-clock.mjs URL TIME...
import { launch } from './lib.mjs';

const [url, ...times] = process.argv.slice(2);
const b = await launch();
const out = {};
try {
  for (const time of times) {
    const page = await b.context.newPage();
    await page.clock.setFixedTime(new Date(time));
    await page.goto(url);
    await page.waitForLoadState('load');
    out[time] = await page.evaluate(() =>
      Array.from(document.querySelectorAll('[data-status-ends]'), (e) => ({
        text: e.textContent,
        status: e.getAttribute('data-status'),
        className: e.className,
      })));
    await page.close();
  }
} finally {
  await b.close();
}
console.log(JSON.stringify(out));
