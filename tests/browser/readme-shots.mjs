// The two README pictures: the home page on a desktop and a disclosure on a phone.
// usage: node readme-shots.mjs BASE_URL OUT_DIR   (BASE_URL: a relative build of the demo site)
import { launch } from './lib.mjs';
import { join } from 'node:path';

const [base, outDir] = process.argv.slice(2);
const b = await launch();
try {
  const shots = [
    ['home-desktop.png', 'index.html', 1280, 860],
    ['disclosure-phone.png', 'disclosures/2026-model-worker-nominees/index.html', 375, 780],
  ];
  for (const [file, path, width, height] of shots) {
    const page = await b.context.newPage();
    await page.setViewportSize({ width, height });
    await page.goto(new URL(path, base).href, { waitUntil: 'load' });
    await page.screenshot({ path: join(outDir, file) });
    await page.close();
  }
} finally {
  await b.close();
}
