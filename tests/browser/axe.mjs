// Runs axe-core (WCAG 2.1 A/AA rules and best practices) on each page given, at a
// desktop width (1280 px) and a phone width (375 px, where the menu folds), and
// prints the violations:
// { pages: [{ path, width, violations: [{ id, impact, nodes, help }] }] }
//
// usage: node axe.mjs [--care] BASE_URL PATH...   (--care: in 长辈模式)
import { careMode, launch } from './lib.mjs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const axePath = require.resolve('axe-core/axe.min.js');
const args = process.argv.slice(2);
const care = args[0] === '--care';
const [base, ...paths] = care ? args.slice(1) : args;

const b = await launch();
const pages = [];
try {
  for (const path of paths) for (const width of [1280, 375]) {
    const page = await b.context.newPage();
    await page.setViewportSize({ width, height: 900 });
    await careMode(page, care);
    await page.goto(new URL(path, base).href, { waitUntil: 'load' });
    await page.addScriptTag({ path: axePath });
    const violations = await page.evaluate(async () => {
      const result = await window.axe.run(document, {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
        resultTypes: ['violations'],
      });
      return result.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5),
      }));
    });
    const mode = await page.evaluate(() => document.documentElement.getAttribute('data-care') || 'normal');
    pages.push({ path, width, mode, violations });
    await page.close();
  }
} finally {
  await b.close();
}
console.log(JSON.stringify({ pages }));
