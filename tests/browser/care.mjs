// 长辈模式 and the normal look, measured in the browser on each page given, at
// 1280 and 375 px:
// - the contrast of every piece of text: its computed colour against the
//   background it is painted on (the first opaque background up the tree, with
//   semi-transparent layers and gradients composited; every stop of a
//   gradient is tried and the worst counts). At least 4.5:1 in the normal
//   palette, 7:1 in 长辈模式.
// - in 长辈模式 only: text of 20 px and more, line height 1.6 and more, every
//   control and every link outside running text at least 44 × 44 px, no
//   animation or transition, and the mode set before <body> is parsed.
//
// usage: node care.mjs BASE_URL PATH...
// prints { pages: [{ path, width, mode, checked, minContrast, lowContrast,
//   small, tight, targets, moving, setBeforeBody }] }
import { careMode, launch } from './lib.mjs';

const [base, ...paths] = process.argv.slice(2);
const b = await launch();
const pages = [];

function measure(care) {
  const parse = (text) => {
    const m = text.match(/rgba?\(([^)]+)\)/);
    if (!m) return null;
    const p = m[1].split(/[\s,/]+/).filter(Boolean).map(Number);
    return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1];
  };
  const colours = (text) => (text.match(/rgba?\([^)]+\)/g) || []).map(parse);
  const over = (top, under) => {
    const a = top[3];
    return [0, 1, 2].map((i) => top[i] * a + under[i] * (1 - a)).concat(1);
  };
  const lum = (c) => {
    const [r, g, b] = c.slice(0, 3).map((v) => {
      v /= 255;
      return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const ratio = (a, b) => {
    const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
    return (x + 0.05) / (y + 0.05);
  };
  // The backgrounds an element's text may sit on: layers up to the first opaque one.
  const backgrounds = (el) => {
    const layers = [];
    for (let n = el; n && n.nodeType === 1; n = n.parentElement) {
      const cs = getComputedStyle(n);
      if (cs.backgroundImage.includes('gradient')) {
        let bases = colours(cs.backgroundImage).filter(Boolean);
        const under = parse(cs.backgroundColor);
        if (under && under[3] > 0) bases = bases.map((c) => over(c, over(under, [255, 255, 255, 1])));
        else bases = bases.map((c) => over(c, [255, 255, 255, 1]));
        return bases.map((base) => layers.reduceRight((acc, layer) => over(layer, acc), base));
      }
      const bg = parse(cs.backgroundColor);
      if (bg && bg[3] > 0) {
        if (bg[3] >= 1) return [layers.reduceRight((acc, layer) => over(layer, acc), bg)];
        layers.push(bg);
      }
    }
    return [layers.reduceRight((acc, layer) => over(layer, acc), [255, 255, 255, 1])];
  };
  const describe = (el) => el.tagName.toLowerCase() + (el.className && typeof el.className === 'string'
    ? '.' + el.className.trim().split(/\s+/).join('.') : '') + ' "' + (el.textContent || el.value || '').trim().slice(0, 20) + '"';
  const hidden = (el) => {
    if (!el.checkVisibility || !el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) return true;
    if (el.closest('[aria-hidden="true"], .visually-hidden')) return true;
    const r = el.getBoundingClientRect();
    return r.width <= 1 || r.height <= 1 || r.right < 0 || r.bottom < 0 || r.left > document.documentElement.scrollWidth;
  };
  const ownText = (el) => [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim())
    || ['INPUT', 'SELECT'].includes(el.tagName);

  const out = { checked: 0, minContrast: 99, lowContrast: [], small: [], tight: [], targets: [], moving: [] };
  const need = care ? 7 : 4.5;
  // The measure measured: #999 on white is 2.85:1.
  const probe = document.createElement('p');
  probe.style.cssText = 'color:#999;background:#fff';
  probe.textContent = 'probe';
  document.body.appendChild(probe);
  out.probe = Number(ratio(parse(getComputedStyle(probe).color), backgrounds(probe)[0]).toFixed(2));
  probe.remove();
  for (const el of document.querySelectorAll('body *')) {
    if (hidden(el)) continue;
    const cs = getComputedStyle(el);
    if (care && (cs.animationName !== 'none' || parseFloat(cs.transitionDuration) > 0)) out.moving.push(describe(el));
    if (!ownText(el)) continue;
    out.checked++;
    const fg = parse(cs.color);
    const worst = Math.min(...backgrounds(el).map((bg) => ratio(over(fg, bg), bg)));
    out.minContrast = Math.min(out.minContrast, worst);
    if (worst < need) out.lowContrast.push(`${describe(el)} ${cs.color} ${worst.toFixed(2)}:1`);
    if (care) {
      const size = parseFloat(cs.fontSize);
      if (size < 19.95) out.small.push(`${describe(el)} ${cs.fontSize}`);
      const lh = cs.lineHeight === 'normal' ? 1.2 : parseFloat(cs.lineHeight) / size;
      // Chromium draws a closed <select> on one line whatever its line-height.
      if (lh < 1.6 && el.tagName !== 'SELECT') out.tight.push(`${describe(el)} ${cs.lineHeight}/${cs.fontSize}`);
    }
  }
  if (care) {
    for (const el of document.querySelectorAll('button, input, select, a[href]')) {
      if (hidden(el) || el.closest('.article-body')) continue;
      const r = el.getBoundingClientRect();
      if (r.width < 43.5 || r.height < 43.5) out.targets.push(`${describe(el)} ${r.width.toFixed(0)}×${r.height.toFixed(0)}`);
    }
  }
  out.minContrast = Number(out.minContrast.toFixed(2));
  for (const k of ['lowContrast', 'small', 'tight', 'targets', 'moving']) out[k] = out[k].slice(0, 12);
  return out;
}

try {
  for (const path of paths) for (const width of [1280, 375]) for (const care of [false, true]) {
    const page = await b.context.newPage();
    await page.setViewportSize({ width, height: 900 });
    await careMode(page, care);
    // When does the mode arrive? Before the parser reaches <body>, nothing of
    // the page has been painted in the other look.
    await page.addInitScript(() => {
      new MutationObserver(() => {
        const root = document.documentElement;
        if (root && root.hasAttribute('data-care') && window.__careSeen === undefined) {
          window.__careSeen = document.body === null;
        }
      }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-care'] });
    });
    await page.goto(new URL(path, base).href, { waitUntil: 'load' });
    const result = await page.evaluate(measure, care);
    result.mode = await page.evaluate(() => document.documentElement.getAttribute('data-care') || 'normal');
    result.setBeforeBody = await page.evaluate(() => window.__careSeen === true);
    pages.push({ path, width, ...result });
    await page.close();
  }
} finally {
  await b.close();
}
console.log(JSON.stringify({ pages }));
