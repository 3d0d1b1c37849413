// axe-core (WCAG 2.1 A/AA and best practices) on the writing desk's list,
// kind choice, new-page form and editor, at 1280 px and on a 375 px phone,
// plus keyboard checks: every control reachable by Tab shows a visible focus
// ring, and Tab leaves the editor's textarea (no keyboard trap). axe-core
// comes from node_modules, like tests/browser/axe.mjs. The preview iframe is
// the site's own page, which the theme's axe test covers; here only the
// desk is audited. Screenshots of each screen go to OUT_DIR.
//
// usage: node desk-axe.mjs DESK_URL OUT_DIR DISCLOSURE_PATH
// prints { pages: [{ name, width, violations: [{id, impact, help, nodes}] }], focus: {...} }
import { createRequire } from 'node:module';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch } from './lib.mjs';

const require = createRequire(import.meta.url);
// The desk's CSP refuses inline scripts, so axe is evaluated through the
// DevTools protocol rather than added as a <script>; the CSP stays on.
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const [desk, out, disclosure] = process.argv.slice(2);
mkdirSync(out, { recursive: true });
const origin = new URL(desk).origin;
const screens = [
  ['list', '#/'],
  ['new', '#/new'],
  ['form', '#/new/disclosure?section=content%2Fdisclosures'],
  ['editor', `#/edit/${encodeURIComponent(disclosure)}`],
];
const b = await launch();
const pages = [];
const focus = {};
try {
  const first = await b.context.newPage();
  await first.goto(desk);
  await first.waitForSelector('#top nav');
  await first.close();
  for (const [name, hash] of screens) for (const width of [1280, 375]) {
    const page = await b.context.newPage();
    await page.setViewportSize({ width, height: 900 });
    await page.goto(`${origin}/_desk/${hash}`);
    await page.waitForSelector('main h1');
    await page.waitForTimeout(name === 'editor' ? 1500 : 300);
    await page.screenshot({ path: join(out, `desk-${name}-${width}.png`), fullPage: width === 375 });
    await page.evaluate(axeSource);
    const violations = await page.evaluate(async () => {
      const r = await window.axe.run(document, {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
        resultTypes: ['violations'],
        iframes: false,
      });
      return r.violations.map((v) => ({
        id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5),
      }));
    });
    pages.push({ name, width, violations });
    if (width === 1280 && (name === 'editor' || name === 'form')) {
      // Tab through the whole screen: each stop has a visible outline, and
      // the stops include controls after the writing surface.
      const stops = [];
      for (let i = 0; i < 80; i += 1) {
        await page.keyboard.press('Tab');
        await page.waitForTimeout(20);
        const info = await page.evaluate(() => {
          const el = document.activeElement;
          if (!el || el === document.body) return null;
          const s = getComputedStyle(el);
          // A date input's calendar button is focused inside the browser's
          // own shadow DOM (the input no longer matches :focus); desk.css
          // gives that button its ring (::-webkit-calendar-picker-indicator).
          const picker = /^(date|datetime-local)$/.test(el.type) && !el.matches(':focus');
          const ring = picker || (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2) || s.boxShadow !== 'none';
          return { tag: el.tagName, cls: `${el.className}${el.type ? `[${el.type}]` : ''}`, text: (el.textContent || el.getAttribute('aria-label') || '').slice(0, 20), ring };
        });
        if (info) stops.push(info);
      }
      const areaAt = stops.findIndex((s) => s.tag === 'TEXTAREA' && /body/.test(s.cls));
      focus[name] = {
        stops: stops.length,
        // Inside the preview iframe the site's own focus styles apply.
        without_ring: stops.filter((s) => !s.ring && s.tag !== 'IFRAME').map((s) => `${s.tag}.${s.cls}:${s.text}`),
        left_textarea: areaAt === -1 || stops.slice(areaAt + 1).some((s) => s.tag !== 'TEXTAREA'),
      };
      if (name === 'editor') {
        // From the last control before the preview: Tab goes through the
        // preview's own links and back out to the desk's first link.
        await page.focus('.dropzone button');
        const after = [];
        for (let i = 0; i < 60; i += 1) {
          await page.keyboard.press('Tab');
          after.push(await page.evaluate(() => `${document.activeElement.tagName}.${document.activeElement.className}`));
        }
        const inFrame = after.indexOf('IFRAME.preview-frame');
        focus[name].into_preview = inFrame !== -1;
        focus[name].back_to_desk = inFrame !== -1 && after.slice(inFrame).includes('A.skip');
      }
    }
    await page.close();
  }
} finally {
  await b.close();
}
console.log(JSON.stringify({ pages, focus }));
