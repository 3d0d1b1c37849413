// Save-to-preview time of the writing desk, as a writer sees it: in headless
// Chromium, the desk's editor for one page of a running `serve`; each round
// adds a line to the text, presses Ctrl+S and waits until the preview (the
// served page in the iframe) shows that line. Two clocks, both started at
// the key press:
//   saved    the desk's "已保存" (the server answered the save)
//   preview  the new line is in the preview's page
// Median, min and max are printed as JSON. Nothing is asserted: this is a
// measurement (see bench/README.md, "The desk").
//
// usage: node bench/desk_preview.mjs DESK_URL PAGE_PATH [SAVES]
//   DESK_URL   the 写作台 address serve printed (with its token)
//   PAGE_PATH  a content file, e.g. content/news/2024/p00042.md
import { launch } from '../tests/browser/lib.mjs';

const [desk, path, savesArg] = process.argv.slice(2);
const saves = Number(savesArg || 7);
const b = await launch();
const saved = [];
const preview = [];
const median = (xs) => [...xs].sort((a, c) => a - c)[Math.floor(xs.length / 2)];
try {
  const page = await b.context.newPage();
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(desk);
  await page.waitForSelector('#top nav');
  await page.evaluate((p) => { location.hash = `#/edit/${encodeURIComponent(p)}`; }, path);
  await page.waitForSelector('textarea.body', { timeout: 120000 });
  await page.waitForFunction(() => {
    const f = document.querySelector('iframe.preview-frame');
    try { return f.contentDocument.readyState === 'complete' && f.contentDocument.body.innerText.length > 0; } catch { return false; }
  }, null, { timeout: 120000 });
  for (let i = 0; i < saves + 1; i += 1) {
    const marker = `基准标记${Date.now().toString(36)}`;
    // Typed with no pause long enough for the autosave, then saved at once.
    await page.evaluate((m) => {
      const a = document.querySelector('textarea.body');
      a.value = `${a.value.replace(/\n*基准标记\w+\s*$/, '')}\n\n${m}\n`;
      a.dispatchEvent(new Event('input', { bubbles: true }));
    }, marker);
    await page.focus('textarea.body');
    const start = Date.now();
    await page.keyboard.press('Control+s');
    const waitSaved = page.waitForFunction(() => document.querySelector('.save-status').classList.contains('ok'), null, { timeout: 120000, polling: 5 })
      .then(() => Date.now() - start);
    const waitPreview = page.waitForFunction((m) => {
      try { return document.querySelector('iframe.preview-frame').contentDocument.body.innerText.includes(m); } catch { return false; }
    }, marker, { timeout: 120000, polling: 5 }).then(() => Date.now() - start);
    const [s, p] = await Promise.all([waitSaved, waitPreview]);
    // The first round warms caches; it is not counted.
    if (i > 0) {
      saved.push(s);
      preview.push(p);
    }
    await page.waitForTimeout(1500);
  }
} finally {
  await b.close();
}
console.log(JSON.stringify({
  saves,
  saved_ms: { median: median(saved), min: Math.min(...saved), max: Math.max(...saved), all: saved },
  preview_ms: { median: median(preview), min: Math.min(...preview), max: Math.max(...preview), all: preview },
}));
