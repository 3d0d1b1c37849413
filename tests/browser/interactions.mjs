// The theme's scripts as a reader meets them: the font-size switch remembers
// the choice across pages (localStorage), and the phone menu opens and closes.
//
// usage: node interactions.mjs BASE_URL
import { launch } from './lib.mjs';

const [base] = process.argv.slice(2);
const b = await launch();
const out = {};
try {
  const page = await b.context.newPage();
  await page.setViewportSize({ width: 375, height: 740 });
  await page.goto(new URL('index.html', base).href);
  out.navHiddenAtFirst = !(await page.isVisible('#site-nav'));
  out.toggleVisible = await page.isVisible('.nav-toggle');
  await page.click('.nav-toggle');
  out.navShownAfterClick = await page.isVisible('#site-nav a');
  out.expanded = await page.getAttribute('.nav-toggle', 'aria-expanded');
  await page.keyboard.press('Escape');
  out.navHiddenAfterEscape = !(await page.isVisible('#site-nav'));

  const size = () => page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
  out.sizeMedium = await size();
  await page.click('.font-switch button[data-font="l"]');
  out.sizeLarge = await size();
  out.pressedLarge = await page.getAttribute('.font-switch button[data-font="l"]', 'aria-pressed');
  // Another page, opened afresh: the choice is remembered.
  await page.goto(new URL('news/index.html', base).href);
  out.sizeLargeElsewhere = await size();
  out.pressedLargeElsewhere = await page.getAttribute('.font-switch button[data-font="l"]', 'aria-pressed');
  await page.click('.font-switch button[data-font="s"]');
  out.sizeSmall = await size();
  await page.click('.font-switch button[data-font="m"]');
  out.sizeBack = await size();
  await page.close();
} finally {
  await b.close();
}
console.log(JSON.stringify(out));
