// Opens a gallery page, clicks the first thumbnail, reads the lightbox's
// counter and caption, presses ArrowRight, then Escape. Prints one JSON line.
// Also records every request to another host (there must be none).
import { launch } from './lib.mjs';

const url = process.argv[2];
const origin = new URL(url).origin;
const b = await launch();
const otherHosts = [];
try {
  const page = await b.context.newPage();
  page.on('request', (r) => {
    const u = r.url();
    if (!u.startsWith(origin) && !u.startsWith('data:')) otherHosts.push(u);
  });
  await page.goto(url, { waitUntil: 'load' });
  await page.click('.article-gallery a.gallery-link >> nth=0');
  const box = page.locator('.lightbox');
  await box.waitFor({ state: 'visible', timeout: 5000 });
  const read = async () => ({
    counter: (await page.locator('.lightbox-counter').textContent()).trim(),
    caption: (await page.locator('.lightbox-caption').textContent()).trim(),
    image: await page.locator('.lightbox-image').getAttribute('src'),
  });
  const first = await read();
  await page.keyboard.press('ArrowRight');
  const second = await read();
  await page.keyboard.press('Escape');
  await box.waitFor({ state: 'hidden', timeout: 5000 });
  console.log(JSON.stringify({
    opened: true,
    counter: first.counter,
    caption: first.caption,
    counterAfterRight: second.counter,
    captionAfterRight: second.caption,
    imageAfterRight: second.image,
    closed: await box.isHidden(),
    otherHosts,
  }));
} finally {
  await b.close();
}
