// A keyboard-only reader, in the normal look and in 长辈模式, at 375 px (where
// the menu folds): Tab, Enter and Escape through the header (skip link, font
// sizes, the mode switch, the menu), the search page (type, Enter, a result),
// and a gallery (open, next, Escape). After every key it notes what has the
// focus and whether a focus ring shows (an outline of 2 px or more, or a
// shadow) on an element on screen.
//
// usage: node keyboard.mjs BASE_URL GALLERY_PAGE_PATH
// prints { runs: [{ mode, steps, unseen, ...facts }] }
import { careMode, launch } from './lib.mjs';

const [base, galleryPath] = process.argv.slice(2);
const b = await launch();
const runs = [];

async function walk(care) {
  const page = await b.context.newPage();
  await page.setViewportSize({ width: 375, height: 740 });
  await careMode(page, care);
  const steps = [];
  const facts = { mode: care ? 'care' : 'normal' };
  const focus = () => page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return { what: 'body', ring: false };
    const cs = getComputedStyle(el);
    const outline = cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) >= 2;
    const shadow = cs.boxShadow !== 'none';
    const r = el.getBoundingClientRect();
    const onScreen = r.bottom > 0 && r.top < innerHeight && r.right > 0 && r.left < innerWidth && el.checkVisibility();
    const what = el.tagName.toLowerCase() + (el.className ? '.' + String(el.className).trim().split(/\s+/).join('.') : '')
      + ' "' + (el.textContent || el.getAttribute('aria-label') || '').trim().slice(0, 12) + '"';
    return { what, ring: (outline || shadow) && onScreen };
  });
  const press = async (key) => {
    await page.keyboard.press(key);
    const f = await focus();
    steps.push({ key, ...f });
    return f;
  };
  // Tab until the focus is on `selector`; false when it never gets there.
  const tabTo = async (selector, max = 60) => {
    for (let i = 0; i < max; i++) {
      await press('Tab');
      if (await page.evaluate((s) => document.activeElement && document.activeElement.matches(s), selector)) return true;
    }
    return false;
  };
  const attr = (name) => page.evaluate((n) => document.documentElement.getAttribute(n), name);

  // The header.
  await page.goto(new URL('index.html', base).href);
  facts.skipLinkFirst = (await press('Tab')).what.startsWith('a.skip-link');
  facts.reachedFontLarge = await tabTo('.font-switch button[data-font="l"]');
  await press('Enter');
  facts.fontAfterEnter = await attr('data-font');
  await press('Tab');
  await press('Tab');
  await press('Enter');
  facts.fontAfterSmall = await attr('data-font');
  await press('Shift+Tab');
  await press('Enter');
  facts.fontAfterMedium = await attr('data-font');
  facts.reachedCare = await tabTo('.care-switch');
  await press('Enter');
  facts.careAfterEnter = await attr('data-care');
  facts.carePressed = await page.getAttribute('.care-switch', 'aria-pressed');
  await press('Enter');
  facts.careAfterSecondEnter = await attr('data-care');
  facts.reachedMenu = await tabTo('.nav-toggle');
  await press('Enter');
  facts.menuOpen = await page.isVisible('#site-nav a');
  await press('Tab');
  facts.focusInMenu = await page.evaluate(() => !!document.activeElement.closest('#site-nav'));
  await press('Escape');
  facts.menuClosedByEscape = !(await page.isVisible('#site-nav a'));
  facts.focusBackOnToggle = await page.evaluate(() => document.activeElement.matches('.nav-toggle'));

  // Search: type, Enter, Tab to a result, Enter.
  await page.goto(new URL('search/index.html', base).href);
  facts.reachedSearch = await page.evaluate(() => document.activeElement.matches('#search-q')) || await tabTo('#search-q');
  await page.keyboard.type('安全');
  // The form may reload the page with ?q= (it also works without script).
  await page.keyboard.press('Enter');
  await page.waitForSelector('.search-hit a', { timeout: 5000 });
  facts.reachedResult = await tabTo('.search-hit a');
  const target = await page.evaluate(() => document.activeElement.href);
  await Promise.all([page.waitForURL((u) => u.href === target, { timeout: 5000 }), page.keyboard.press('Enter')]);
  facts.resultOpened = page.url() === target;

  // A gallery: open a picture, the next one, then Escape.
  await page.goto(new URL(galleryPath, base).href);
  facts.reachedGallery = await tabTo('.article-gallery a.gallery-link');
  await press('Enter');
  await page.waitForSelector('.lightbox:not([hidden])', { timeout: 5000 });
  facts.focusInLightbox = await page.evaluate(() => !!document.activeElement.closest('.lightbox'));
  const counter = () => page.locator('.lightbox-counter').textContent();
  facts.counterFirst = (await counter()).trim();
  await press('ArrowRight');
  facts.counterNext = (await counter()).trim();
  await press('Tab');
  facts.tabStaysInLightbox = await page.evaluate(() => !!document.activeElement.closest('.lightbox'));
  await press('Escape');
  facts.lightboxClosed = await page.isHidden('.lightbox');
  facts.focusBackOnPicture = await page.evaluate(() => document.activeElement.matches('a.gallery-link'));

  facts.steps = steps.length;
  facts.unseen = steps.filter((s) => !s.ring).map((s) => `${s.key} → ${s.what}`);
  await page.close();
  return facts;
}

try {
  runs.push(await walk(false));
  runs.push(await walk(true));
} finally {
  await b.close();
}
console.log(JSON.stringify({ runs }));
