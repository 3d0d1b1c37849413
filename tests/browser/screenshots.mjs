// Renders pages at phone and desktop widths, saves full-page PNGs, and reports
// per page: horizontal overflow, broken images, and the elements that stick out.
//
// usage: node screenshots.mjs BASE_URL OUT_DIR NAME=PATH[@print|@care] ...
// (@care: in 长辈模式)
// prints one JSON object: { shots: [{ name, width, media, overflow, scrollWidth,
//   innerWidth, broken: [src], wide: [selector] , file }] }
import { careMode, launch } from './lib.mjs';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

const [base, outDir, ...specs] = process.argv.slice(2);
const WIDTHS = [375, 1280];
mkdirSync(outDir, { recursive: true });

const b = await launch();
const shots = [];
try {
  for (const spec of specs) {
    const eq = spec.indexOf('=');
    const name = spec.slice(0, eq);
    let path = spec.slice(eq + 1);
    let media = 'screen';
    if (path.endsWith('@print')) {
      media = 'print';
      path = path.slice(0, -'@print'.length);
    }
    const care = path.endsWith('@care');
    if (care) path = path.slice(0, -'@care'.length);
    for (const width of WIDTHS) {
      const page = await b.context.newPage();
      await page.setViewportSize({ width, height: width < 600 ? 740 : 900 });
      await page.emulateMedia({ media });
      await careMode(page, care);
      await page.goto(new URL(path, base).href, { waitUntil: 'load' });
      // Lazy images below the fold would never load in a still picture.
      await page.evaluate(async () => {
        const imgs = [...document.images];
        for (const img of imgs) img.loading = 'eager';
        await Promise.all(imgs.map((img) => img.complete ? null : new Promise((ok) => {
          img.addEventListener('load', ok, { once: true });
          img.addEventListener('error', ok, { once: true });
          setTimeout(ok, 3000);
        })));
      });
      const result = await page.evaluate(() => {
        const se = document.scrollingElement;
        const vw = window.innerWidth;
        const broken = [...document.images]
          .filter((img) => !(img.complete && img.naturalWidth > 0))
          .map((img) => img.getAttribute('src'));
        const describe = (el) => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
          (el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\s+/).join('.') : '');
        const wide = [...document.querySelectorAll('body *')]
          .filter((el) => el.getBoundingClientRect().right > vw + 0.5)
          .slice(0, 8)
          .map(describe);
        return { scrollWidth: se.scrollWidth, innerWidth: vw, broken, wide };
      });
      const file = join(outDir, `${name}-${width}${media === 'print' ? '-print' : ''}${care ? '-care' : ''}.png`);
      await page.screenshot({ path: file, fullPage: true });
      shots.push({ name, width, media, care, overflow: result.scrollWidth > result.innerWidth, ...result, file });
      await page.close();
    }
  }
} finally {
  await b.close();
}
console.log(JSON.stringify({ shots }));
