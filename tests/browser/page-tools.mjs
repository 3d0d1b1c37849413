// The article page's 【朗读】【打印】【关闭】 buttons as a reader meets them.
// 关闭: a window the site opened is closed; a page reached by a link goes
// back; a page opened first goes to the home page. 朗读: shown only where the
// browser has a voice of the page's language that runs on the computer, and
// reads the title and the article with it. Speech is faked (a headless
// browser has no voices); the real browser's answer is reported too.
//
// usage: node page-tools.mjs BASE_URL ARTICLE_PATH
import { launch } from './lib.mjs';

const [base, articlePath] = process.argv.slice(2);
const home = new URL('index.html', base).href;
const article = new URL(articlePath, base).href;
const b = await launch();
const out = {};

// A speechSynthesis that records what it is asked to say.
function fakeSpeech({ voices, late }) {
  const spoken = [];
  const listeners = [];
  let list = late ? [] : voices;
  const synth = {
    speaking: false,
    getVoices: () => list,
    speak(u) { spoken.push({ text: u.text, lang: u.lang, voice: u.voice && u.voice.name }); this.speaking = true; },
    cancel() { window.__cancelled = (window.__cancelled || 0) + 1; this.speaking = false; },
    addEventListener(type, f) { if (type === 'voiceschanged') listeners.push(f); },
  };
  Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true });
  window.SpeechSynthesisUtterance = function (text) { this.text = text; };
  window.__spoken = spoken;
  window.__voicesArrive = () => { list = voices; listeners.forEach((f) => f()); };
}

try {
  const page = await b.context.newPage();
  await page.goto(article);
  out.printShown = await page.isVisible('[data-print]');
  await page.emulateMedia({ media: 'print' });
  out.indexTablePrints = await page.isVisible('.index-table');
  out.toolsHiddenInPrint = !(await page.isVisible('.page-tools'));
  await page.emulateMedia({ media: 'screen' });
  out.closeShown = await page.isVisible('[data-close]');
  out.realLocalVoices = await page.evaluate(() => new Promise((done) => {
    const count = () => (window.speechSynthesis ? speechSynthesis.getVoices() : [])
      .filter((v) => v.localService && v.lang.toLowerCase().startsWith('zh')).length;
    if (count() || !window.speechSynthesis) return done(count());
    speechSynthesis.addEventListener('voiceschanged', () => done(count()));
    setTimeout(() => done(count()), 1500);
  }));
  out.readShownForReal = await page.isVisible('[data-read-aloud]');

  // 关闭 in a window the site opened.
  await page.goto(home);
  const [popup] = await Promise.all([page.waitForEvent('popup'), page.evaluate((u) => { window.open(u); }, article)]);
  await popup.waitForLoadState();
  await Promise.all([popup.waitForEvent('close', { timeout: 5000 }), popup.click('[data-close]')]);
  out.openedWindowClosed = popup.isClosed();

  // 关闭 on a page reached by a link: back where the reader came from.
  await page.goto(new URL('news/index.html', base).href);
  await page.goto(article);
  await Promise.all([page.waitForURL((u) => u.href.endsWith('news/index.html'), { timeout: 5000 }), page.click('[data-close]')]);
  out.linkedPageWentBack = page.url().endsWith('news/index.html');

  // 关闭 on a page opened first, in a tab of its own (no opener, no history):
  // the home page.
  const [first] = await Promise.all([
    page.waitForEvent('popup'),
    page.evaluate((u) => { window.open(u, '_blank', 'noopener'); }, article),
  ]);
  await first.waitForLoadState();
  await page.close();
  out.firstPageHistory = await first.evaluate(() => history.length);
  await Promise.all([first.waitForURL((u) => u.href === home, { timeout: 5000 }), first.click('[data-close]')]);
  out.firstPageWentHome = first.url() === home;
  await first.close();

  // 朗读 with a local Chinese voice.
  const zh = { name: 'Local zh', lang: 'zh-CN', localService: true };
  const remoteZh = { name: 'Network zh', lang: 'zh-CN', localService: false };
  const en = { name: 'Local en', lang: 'en-US', localService: true };
  const reader = await b.context.newPage();
  await reader.addInitScript(fakeSpeech, { voices: [zh, en] });
  await reader.goto(article);
  out.readShownWithVoice = await reader.isVisible('[data-read-aloud]');
  out.readLabel = (await reader.textContent('[data-read-aloud]')).trim();
  await reader.click('[data-read-aloud]');
  out.spoken = await reader.evaluate(() => window.__spoken);
  out.title = (await reader.textContent('.article h1')).trim();
  out.pressedWhileReading = await reader.getAttribute('[data-read-aloud]', 'aria-pressed');
  out.labelWhileReading = (await reader.textContent('[data-read-aloud]')).trim();
  await reader.click('[data-read-aloud]');
  out.cancelled = await reader.evaluate(() => window.__cancelled || 0);
  out.labelAfterStop = (await reader.textContent('[data-read-aloud]')).trim();
  await reader.close();

  // Only a network voice (it would send the text away) and an English one: no button.
  const remote = await b.context.newPage();
  await remote.addInitScript(fakeSpeech, { voices: [remoteZh, en] });
  await remote.goto(article);
  out.readShownWithNetworkVoiceOnly = await remote.isVisible('[data-read-aloud]');
  await remote.close();

  // Voices that arrive after the page (Chromium loads them late).
  const late = await b.context.newPage();
  await late.addInitScript(fakeSpeech, { voices: [zh], late: true });
  await late.goto(article);
  out.readShownBeforeVoices = await late.isVisible('[data-read-aloud]');
  await late.evaluate(() => window.__voicesArrive());
  out.readShownAfterVoices = await late.isVisible('[data-read-aloud]');
  await late.close();
} finally {
  await b.close();
}
console.log(JSON.stringify(out));
