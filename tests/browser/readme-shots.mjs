// The README pictures: the home page on a desktop and a disclosure on a phone,
// each in the normal look and in 长辈模式 (with the reading guide under the pointer).
// usage: node readme-shots.mjs BASE_URL OUT_DIR   (BASE_URL: a relative build of the demo site)
import { careMode, launch } from './lib.mjs';
import { join } from 'node:path';

const [base, outDir] = process.argv.slice(2);
const b = await launch();
try {
  const disclosure = 'disclosures/2026-model-worker-nominees/index.html';
  const shots = [
    ['home-desktop.png', 'index.html', 1280, 860, false],
    ['disclosure-phone.png', disclosure, 375, 780, false],
    ['home-desktop-care.png', 'index.html', 1280, 860, true],
    ['disclosure-phone-care.png', disclosure, 375, 780, true],
  ];
  for (const [file, path, width, height, care] of shots) {
    const page = await b.context.newPage();
    await page.setViewportSize({ width, height });
    await careMode(page, care);
    // The visitor's clock at the build's date, so the open notice reads 公示中.
    await page.clock.setFixedTime(new Date('2026-11-23T10:00:00+08:00'));
    await page.goto(new URL(path, base).href, { waitUntil: 'load' });
    // The guide line under the pointer, on a line of text.
    if (care) await page.mouse.move(width / 2, width < 600 ? 560 : 330);
    await page.screenshot({ path: join(outDir, file) });
    await page.close();
  }
} finally {
  await b.close();
}
