// Shared launcher for the browser tests: Debian's Chromium, headless, with a
// fresh profile and no background traffic. Each test script imports `launch`.
import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const CHROMIUM = process.env.NB_CHROMIUM || '/usr/bin/chromium';

const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-sync',
  '--disable-background-networking',
  '--disable-component-update',
];

/// Starts Chromium with a throw-away profile. Call `close()` on the result.
export async function launch() {
  const profile = mkdtempSync(join(tmpdir(), 'nb-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: FLAGS,
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/// Puts a page in 长辈模式 before its first script runs, the way a reader's
/// remembered choice (localStorage, also on file://) does.
export async function careMode(page, on = true) {
  await page.addInitScript((value) => {
    try { localStorage.setItem('nb-care', value); } catch (e) { /* about:blank */ }
  }, on ? 'on' : 'off');
}
