// The writing desk driven as a publicity officer would, in real Chromium
// against a running `serve`: one page of every kind created through 新建
// (fields filled, Word HTML pasted, two photos dropped in, the second made
// the cover), seen in the preview, then 发布; a published disclosure edited
// (the desk asks for 更正说明), and a photo dropped on one waits for its note;
// a save that conflicts with a change on disk
// (both versions shown, each choice tried); and text typed just before the
// tab closed, offered back when the page is reopened.
//
// usage: node desk-flow.mjs DESK_URL SITE_ROOT SHOTS_DIR
// prints { created: [{kind, title, slug, path, url, number?, period?}], publish,
//          revision, upload_note, conflict, autosave, preview_ms, errors }
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch } from './lib.mjs';
import { WORD_HTML } from './desk-clipboard.mjs';

const [desk, root, shots] = process.argv.slice(2);
mkdirSync(shots, { recursive: true });
const origin = new URL(desk).origin;
const b = await launch();
const result = { created: [], errors: [], preview_ms: [] };
let entered = false;

async function open(hash = '#/', width = 1280) {
  const page = await b.context.newPage();
  page.on('pageerror', (e) => result.errors.push(`pageerror: ${e.message}`));
  page.on('dialog', (d) => d.dismiss());
  await page.setViewportSize({ width, height: 900 });
  // The token is exchanged once for the session cookie; after that the
  // desk's own address is enough.
  await page.goto(entered ? `${origin}/_desk/${hash}` : desk);
  entered = true;
  await page.waitForSelector('#top nav');
  if (hash !== '#/' && !page.url().endsWith(hash)) await page.evaluate((h) => { location.hash = h; }, hash);
  await page.waitForSelector('main h1');
  return page;
}

/// Ctrl+S, then the next "saved" status.
async function save(page) {
  await page.keyboard.press('Control+s');
  await page.waitForFunction(() => {
    const s = document.querySelector('.save-status');
    return s && s.classList.contains('ok');
  }, null, { timeout: 45000 });
}

async function frameText(page) {
  return page.evaluate(() => {
    const f = document.querySelector('iframe.preview-frame');
    try {
      return (f && f.contentDocument && f.contentDocument.body && f.contentDocument.body.innerText) || '';
    } catch {
      return '';
    }
  });
}

async function waitFrame(page, text, timeout = 45000) {
  await page.waitForFunction((t) => {
    const f = document.querySelector('iframe.preview-frame');
    try {
      return f.contentDocument.body.innerText.includes(t);
    } catch {
      return false;
    }
  }, text, { timeout });
}

/// Fills every visible required control that is still empty.
async function fillRequired(page) {
  for (const el of await page.$$('main [aria-required="true"]')) {
    if (!(await el.isVisible())) continue;
    const [tag, type] = await el.evaluate((e) => [e.tagName, e.type]);
    if (tag === 'SELECT') {
      if (await el.inputValue()) continue;
      const option = await el.evaluate((e) => ([...e.options].find((o) => o.value) || {}).value);
      if (option) await el.selectOption(option);
      continue;
    }
    if (await el.inputValue()) continue;
    if (type === 'date') await el.fill('2026-11-20');
    else if (type === 'datetime-local') await el.fill('2026-11-20T09:00');
    else if (type === 'number') await el.fill('2025');
    else await el.fill('第一车间');
  }
}

async function dropPhotos(page, specs) {
  const dt = await page.evaluateHandle(async (list) => {
    const transfer = new DataTransfer();
    for (const [name, color] of list) {
      const c = document.createElement('canvas');
      c.width = 480;
      c.height = 320;
      const g = c.getContext('2d');
      g.fillStyle = color;
      g.fillRect(0, 0, 480, 320);
      g.fillStyle = '#fff';
      g.font = '40px sans-serif';
      g.fillText(name, 40, 170);
      const blob = await new Promise((r) => c.toBlob(r, 'image/png'));
      transfer.items.add(new File([blob], name, { type: 'image/png' }));
    }
    return transfer;
  }, specs);
  await page.dispatchEvent('.dropzone', 'dragover', { dataTransfer: dt });
  await page.dispatchEvent('.dropzone', 'drop', { dataTransfer: dt });
}

/// Drops files given as [name, type, text] on the photo area.
async function dropFiles(page, specs) {
  const dt = await page.evaluateHandle((list) => {
    const transfer = new DataTransfer();
    for (const [name, type, text] of list) transfer.items.add(new File([text], name, { type }));
    return transfer;
  }, specs);
  await page.dispatchEvent('.dropzone', 'drop', { dataTransfer: dt });
}

async function galleryOnDisk(path) {
  const text = readFileSync(join(root, path), 'utf8');
  return [...text.matchAll(/src: (photo-[ab]\.png)/g)].map((m) => m[1]);
}

async function pasteHtml(page, html) {
  await page.evaluate((source) => {
    const area = document.querySelector('textarea.body');
    area.focus();
    area.setSelectionRange(area.value.length, area.value.length);
    const data = new DataTransfer();
    data.setData('text/html', source);
    data.setData('text/plain', 'plain fallback');
    area.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, html);
}

const TITLES = {
  news: '职工运动会圆满落幕',
  'model-worker': '全国劳动模范李明',
  craftsman: '焊接工匠王强',
  campaign: '二〇二七年安康杯竞赛',
  disclosure: '关于推荐先进集体的公示',
};
const ROWS = { 'model-worker': 'honors', craftsman: 'achievements', campaign: 'strands' };

try {
  // ---- one page of every kind ------------------------------------------
  const list = await open('#/');
  const kinds = await list.evaluate(() => [...document.querySelectorAll('a[data-nav]')].length);
  result.nav_links = kinds;
  // A null handed to the DOM shows as the word "null": never on a page.
  result.list_text = await list.evaluate(() => document.querySelector('main').innerText);
  await list.screenshot({ path: join(shots, 'desk-list-before.png') });
  for (const kind of Object.keys(TITLES)) {
    const page = list;
    await page.evaluate(() => { location.hash = '#/new'; });
    await page.waitForSelector('.kind-choice');
    if (kind === 'news') await page.screenshot({ path: join(shots, 'desk-new.png') });
    await page.click(`.kind-choice[data-kind="${kind}"]`);
    await page.waitForSelector('textarea.body');
    const title = TITLES[kind];
    const entry = { kind, title };
    const titleInput = page.locator('[data-field="title"] input');
    await titleInput.fill(title);
    // serve runs with a fixed clock (--now): a date after it would not be
    // published yet.
    await page.fill('[data-field="date"] input', '2026-11-20T09:00');
    // The slug is proposed (pinyin) from the title.
    await page.waitForFunction(() => {
      const s = document.querySelector('input[id^="slug"]');
      return s && s.value;
    }, null, { timeout: 10000 });
    entry.slug = await page.inputValue('input[id^="slug"]');
    if (kind === 'disclosure') {
      entry.number = await page.inputValue('[data-field="number"] input');
      await page.fill('[data-field="notice.from"] input', '2026-11-23');
      await page.fill('[data-field="notice.days"] input', '5');
      await page.waitForFunction(() => (document.querySelector('output.period') || {}).textContent, null, { timeout: 10000 });
      entry.period = await page.textContent('output.period');
      await page.fill('[data-field="notice.days"] input', '10');
      await page.waitForFunction((before) => {
        const o = document.querySelector('output.period');
        return o && o.textContent && o.textContent !== before;
      }, entry.period, { timeout: 10000 });
      entry.period_10 = await page.textContent('output.period');
    }
    if (ROWS[kind]) {
      await page.click(`[data-field="${ROWS[kind]}"] > button.add`);
      const row = page.locator(`[data-field="${ROWS[kind]}"] .row`).first();
      for (const input of await row.locator('input, select').all()) {
        const type = await input.evaluate((e) => (e.tagName === 'SELECT' ? 'select' : e.type));
        if (type === 'select') await input.selectOption({ index: 1 });
        else if (type === 'number') await input.fill('2025');
        else await input.fill(kind === 'model-worker' ? '全国劳动模范' : '首届焊接技能大赛金奖');
      }
    }
    if (kind === 'model-worker') {
      // A second honour, moved above the first with the keyboard.
      await page.click('[data-field="honors"] > button.add');
      const second = page.locator('[data-field="honors"] .row').nth(1);
      await second.locator('[data-field="honors[].title"] input').fill('省劳动模范');
      await second.locator('select').selectOption('provincial');
      await second.locator('input[type="number"]').fill('2023');
      await second.locator('button', { hasText: '上移' }).focus();
      await page.keyboard.press('Enter');
      entry.rows_after_move = await page.$$eval('[data-field="honors"] .row [data-field="honors[].title"] input', (els) => els.map((e) => e.value));
      entry.focus_in_first_row = await page.evaluate(() => {
        const row = document.querySelector('[data-field="honors"] .row');
        return row.contains(document.activeElement) && document.activeElement.tagName === 'BUTTON';
      });
    }
    await fillRequired(page);
    await page.click('textarea.body');
    await page.keyboard.type('第一段正文。');
    await pasteHtml(page, WORD_HTML);
    await page.waitForFunction(() => document.querySelector('textarea.body').value.includes('推荐表一份'));
    await dropPhotos(page, [['photo-a.png', '#a4161a'], ['photo-b.png', '#1d4ed8']]);
    await page.waitForFunction(() => document.querySelectorAll('.photos li').length === 2, null, { timeout: 20000 });
    await page.click('.photos li:nth-child(2) [data-act="cover"]');
    await page.fill('.photos li:nth-child(1) input', '颁奖现场');
    await save(page);
    entry.path = await page.evaluate(() => decodeURIComponent(location.hash.replace('#/edit/', '')));
    entry.body = await page.inputValue('textarea.body');
    // The real page, as serve serves it, shows what was written.
    await waitFrame(page, '推荐表一份');
    entry.url = await page.evaluate(() => new URL(document.querySelector('iframe.preview-frame').src).pathname);
    // A save reaches the preview: Ctrl+S → the served page shows the change.
    await page.click('textarea.body');
    await page.keyboard.press('Control+End');
    const marker = `预览标记${kind.length}`;
    await page.keyboard.type(`\n\n${marker}`);
    const started = Date.now();
    await page.keyboard.press('Control+s');
    await waitFrame(page, marker);
    result.preview_ms.push(Date.now() - started);
    await page.waitForFunction(() => document.querySelector('.save-status').classList.contains('ok'));
    if (kind === 'disclosure') {
      // Gallery order by keyboard: photo-a's ↓ button, Enter.
      await page.focus('.photos li:nth-child(1) [data-act="down"]');
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => document.querySelector('.photos li').dataset.name === 'photo-b.png');
      entry.focus_after_move = await page.evaluate(() => document.activeElement.closest('li')?.dataset.name || '');
      await save(page);
      entry.order_keyboard = await galleryOnDisk(entry.path);
      // And by drag: photo-a (now second) dropped on the first.
      await page.dragAndDrop('.photos li:nth-child(2)', '.photos li:nth-child(1)');
      await page.waitForFunction(() => document.querySelector('.photos li').dataset.name === 'photo-a.png');
      await save(page);
      entry.order_drag = await galleryOnDisk(entry.path);
      // An attachment: listed with type, size and SHA-256, then added to the 附件 list.
      await dropFiles(page, [['名单.pdf', 'application/pdf', '%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n']]);
      await page.waitForSelector('table.attachments tbody tr', { timeout: 20000 });
      entry.attachment_row = await page.$$eval('table.attachments tbody tr td', (tds) => tds.slice(0, 4).map((td) => td.textContent));
      await page.click('table.attachments tbody tr button:nth-child(2)');
      await page.waitForSelector('[data-field="attachments"] .row');
      await save(page);
      await page.screenshot({ path: join(shots, 'desk-editor-preview.png') });
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: join(shots, 'desk-form.png'), fullPage: true });
    }
    result.created.push(entry);
  }

  // ---- publish --------------------------------------------------------------
  await list.evaluate(() => { location.hash = '#/'; });
  await list.waitForSelector('table.pages');
  await list.click('#publish');
  await list.waitForFunction(() => [...document.querySelectorAll('.toast-item')].some((t) => /已发布|Published|没有发布|Not published/.test(t.textContent)), null, { timeout: 60000 });
  result.publish = await list.evaluate(() => [...document.querySelectorAll('.toast-item')].map((t) => t.textContent));
  await list.evaluate(() => { location.hash = '#/x'; location.hash = '#/'; });
  await list.waitForSelector('table.pages');
  await list.screenshot({ path: join(shots, 'desk-list.png'), fullPage: true });
  result.list_titles = await list.evaluate(() => [...document.querySelectorAll('table.pages td.title')].map((t) => t.textContent));
  // The list's search and state filter.
  await list.fill('input[type="search"]', '焊接');
  result.search_hits = await list.evaluate(() => [...document.querySelectorAll('table.pages td.title')].map((t) => t.textContent));
  await list.fill('input[type="search"]', '');
  await list.selectOption('select[name="state"]', 'open');
  result.open_hits = await list.evaluate(() => [...document.querySelectorAll('table.pages td.title')].map((t) => t.textContent));
  await list.close();

  // ---- a published disclosure asks for its revision note ---------------------
  {
    const page = await open('#/edit/content%2Fdisclosures%2Fopen.md');
    await page.waitForSelector('textarea.body');
    await page.click('textarea.body');
    await page.keyboard.press('Control+End');
    await page.keyboard.type('\n\n补充：公示期内受理电话 12345。');
    await page.keyboard.press('Control+s');
    await page.waitForSelector('.revision:not([hidden])', { timeout: 20000 });
    result.revision = {
      asked: true,
      message: await page.textContent('.revision .problem'),
      focused: await page.evaluate(() => document.activeElement === document.querySelector('.revision textarea')),
    };
    await page.screenshot({ path: join(shots, 'desk-revision.png') });
    await page.fill('.revision textarea', '补充受理电话');
    await save(page);
    result.revision.hidden_after = await page.evaluate(() => document.querySelector('.revision').hidden);
    await page.close();
  }

  // ---- a photo dropped on a recorded notice waits for its 更正说明 -------------
  {
    const page = await open('#/edit/content%2Fdisclosures%2Fphotos%2Findex.md');
    await page.waitForSelector('textarea.body');
    await dropPhotos(page, [['photo-c.png', '#15803d']]);
    await page.waitForSelector('.revision:not([hidden])', { timeout: 20000 });
    result.upload_note = {
      message: await page.textContent('.revision .problem'),
      focused: await page.evaluate(() => document.activeElement === document.querySelector('.revision textarea')),
      waiting: await page.textContent('.uploads li'),
      on_disk_before: existsSync(join(root, 'content/disclosures/photos/photo-c.png')),
    };
    await page.fill('.revision textarea', '补充一张活动照片');
    await save(page);
    await page.waitForFunction(() => document.querySelectorAll('.photos li').length === 2, null, { timeout: 20000 });
    // The gallery list the desk writes for the new photo goes in with the
    // same note: no second ask, no conflict.
    await page.waitForFunction(() => document.querySelector('.save-status').classList.contains('ok'), null, { timeout: 20000 });
    await page.waitForTimeout(2000);
    await page.waitForFunction(() => document.querySelector('.save-status').classList.contains('ok'), null, { timeout: 20000 });
    result.upload_note.hidden_after = await page.evaluate(() => document.querySelector('.revision').hidden);
    result.upload_note.photos = await page.$$eval('.photos li', (els) => els.map((e) => e.dataset.name));
    result.upload_note.conflict = await page.evaluate(() => Boolean(document.querySelector('dialog.wide[open]')));
    await page.close();
  }

  // ---- a conflicting save -------------------------------------------------
  {
    const file = join(root, 'content/news/ankang.md');
    const page = await open('#/edit/content%2Fnews%2Fankang.md');
    await page.waitForSelector('textarea.body');
    writeFileSync(file, `${readFileSync(file, 'utf8')}\n磁盘上的修改。\n`);
    await page.click('textarea.body');
    await page.keyboard.press('Control+End');
    await page.keyboard.type('我的修改。');
    await page.keyboard.press('Control+s');
    await page.waitForSelector('dialog.wide[open]', { timeout: 20000 });
    const sides = await page.$$eval('dialog.wide textarea', (els) => els.map((e) => e.value));
    await page.screenshot({ path: join(shots, 'desk-conflict.png') });
    await page.click('dialog.wide button:not(.primary)');
    // The disk's text replaces mine once the choice is handled (a save
    // still in flight on a loaded machine finishes first); give it time,
    // then read what the editor holds, right or wrong.
    await page.waitForFunction(() => document.querySelector('textarea.body').value.includes('磁盘上的修改。'), null, { timeout: 10000 }).catch(() => {});
    const afterTheirs = await page.inputValue('textarea.body');
    // Again, and this time keep mine.
    writeFileSync(file, `${readFileSync(file, 'utf8')}\n第二次磁盘修改。\n`);
    await page.click('textarea.body');
    await page.keyboard.press('Control+End');
    await page.keyboard.type('我坚持的修改。');
    await page.keyboard.press('Control+s');
    await page.waitForSelector('dialog.wide[open]', { timeout: 20000 });
    await page.click('dialog.wide button.primary');
    await page.waitForFunction(() => document.querySelector('.save-status').classList.contains('ok'), null, { timeout: 20000 });
    result.conflict = {
      mine: sides[0],
      theirs: sides[1],
      after_theirs: afterTheirs,
      disk_after_mine: readFileSync(file, 'utf8'),
    };
    await page.close();
  }

  // ---- autosave survives a closed tab ----------------------------------------
  {
    const file = join(root, 'content/news/ankang.md');
    const page = await open('#/edit/content%2Fnews%2Fankang.md');
    await page.waitForSelector('textarea.body');
    await page.click('textarea.body');
    await page.keyboard.press('Control+End');
    await page.keyboard.type('关标签页前最后一句。');
    await page.close(); // before the pause that would have saved it
    const diskBefore = readFileSync(file, 'utf8');
    const again = await open('#/edit/content%2Fnews%2Fankang.md');
    await again.waitForSelector('.banner:not([hidden])', { timeout: 10000 });
    const banner = await again.textContent('.banner');
    await again.screenshot({ path: join(shots, 'desk-restore.png') });
    await again.click('.banner button.primary');
    const restored = await again.inputValue('textarea.body');
    await save(again);
    // The server gone in the middle of a save: the writer is told the text
    // is kept here, and it comes back in the next tab.
    const down = await open('#/edit/content%2Fnews%2Fankang.md');
    await down.waitForSelector('textarea.body');
    await down.route('**/_desk/api/page', (route) => (route.request().method() === 'POST' ? route.abort('connectionrefused') : route.continue()));
    await down.click('textarea.body');
    await down.keyboard.press('Control+End');
    await down.keyboard.type('服务器停了也不丢。');
    await down.keyboard.press('Control+s');
    await down.waitForFunction(() => document.querySelector('.save-status').classList.contains('warn'), null, { timeout: 20000 });
    const offline = await down.textContent('.save-status');
    await down.close();
    const back = await open('#/edit/content%2Fnews%2Fankang.md');
    await back.waitForSelector('.banner:not([hidden])', { timeout: 10000 });
    await back.click('.banner button.primary');
    const offlineRestored = (await back.inputValue('textarea.body')).includes('服务器停了也不丢。');
    await save(back);
    await back.close();
    result.autosave = {
      offline,
      offline_restored: offlineRestored,
      banner,
      on_disk_before: diskBefore.includes('关标签页前最后一句。'),
      restored: restored.includes('关标签页前最后一句。'),
      on_disk_after: readFileSync(file, 'utf8').includes('关标签页前最后一句。'),
    };
    await again.close();
  }

  // ---- phone ------------------------------------------------------------------
  {
    const page = await open('#/', 375);
    await page.waitForSelector('table.pages');
    await page.screenshot({ path: join(shots, 'desk-phone-list.png'), fullPage: true });
    const created = result.created.find((c) => c.kind === 'disclosure');
    await page.evaluate((p) => { location.hash = `#/edit/${encodeURIComponent(p)}`; }, created.path);
    await page.waitForSelector('textarea.body');
    await page.waitForTimeout(1500);
    await page.screenshot({ path: join(shots, 'desk-phone-editor.png'), fullPage: true });
    result.phone_overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    await page.close();
  }
  // ---- problems next to their field and line; a dropped .docx ----------------
  {
    const page = await open('#/new/model-worker?section=content%2Fmodel-workers');
    await page.waitForSelector('textarea.body');
    await page.fill('[data-field="title"] input', '缺少单位的劳模');
    await page.fill('[data-field="date"] input', '2026-11-20T09:00');
    await page.fill('textarea.body', '第一行。\n\n第三行有[坏链接](@/news/none.md)。\n');
    await page.keyboard.press('Control+s');
    await page.waitForSelector('[data-field="unit"] .problem:not([hidden])', { timeout: 20000 });
    const unit = await page.textContent('[data-field="unit"] .problem');
    // With the field filled, the build gets as far as the links.
    await page.fill('[data-field="unit"] input', '第二车间');
    await save(page);
    const cleared = await page.evaluate(() => document.querySelector('[data-field="unit"] .problem').hidden);
    await page.waitForSelector('.line-problems button', { timeout: 20000 });
    const line = await page.textContent('.line-problems li');
    await page.click('.line-problems button');
    const cursorLine = await page.evaluate(() => {
      const a = document.querySelector('textarea.body');
      return a.value.slice(0, a.selectionStart).split('\n').length;
    });
    await page.screenshot({ path: join(shots, 'desk-problems.png') });
    // A picture pasted from the clipboard, and one inside pasted HTML as a
    // data: URL, both become uploaded photos referenced in the text.
    await page.evaluate(async () => {
      const area = document.querySelector('textarea.body');
      area.focus();
      area.setSelectionRange(area.value.length, area.value.length);
      const c = document.createElement('canvas');
      c.width = 200;
      c.height = 120;
      c.getContext('2d').fillRect(0, 0, 200, 120);
      const blob = await new Promise((r) => c.toBlob(r, 'image/png'));
      const data = new DataTransfer();
      data.items.add(new File([blob], 'image.png', { type: 'image/png' }));
      area.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
      const html = new DataTransfer();
      html.setData('text/html', `<p>截图如下：<img alt="截图" src="${c.toDataURL('image/png')}"></p>`);
      area.dispatchEvent(new ClipboardEvent('paste', { clipboardData: html, bubbles: true, cancelable: true }));
    });
    await page.waitForFunction(() => document.querySelectorAll('.photos li').length === 2, null, { timeout: 20000 });
    await page.waitForFunction(() => (document.querySelector('textarea.body').value.match(/!\[[^\]]*\]\([^)]+\.png\)/g) || []).length === 2, null, { timeout: 20000 });
    const pictures = await page.evaluate(() => ({
      refs: document.querySelector('textarea.body').value.match(/!\[[^\]]*\]\([^)]+\)/g),
      photos: [...document.querySelectorAll('.photos li')].map((li) => li.dataset.name),
    }));
    await save(page);
    await dropFiles(page, [['通知.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'PK\u0003\u0004 not really']]);
    const done = /(无法导入|已导入).*通知\.docx|通知\.docx.*(无法导入|已导入)/;
    await page.waitForFunction((re) => [...document.querySelectorAll('.toast-item')].some((t) => new RegExp(re).test(t.textContent)), done.source, { timeout: 20000 });
    const docx = await page.evaluate((re) => [...document.querySelectorAll('.toast-item')].map((t) => t.textContent).filter((t) => new RegExp(re).test(t)).pop(), done.source);
    result.problems = { unit, cleared, line, cursor_line: cursorLine, docx, pictures, path: await page.evaluate(() => decodeURIComponent(location.hash.replace('#/edit/', ''))) };
    await page.close();
  }

} catch (e) {
  result.errors.push(`failed: ${e.stack || e}`);
} finally {
  await b.close();
}
console.log(JSON.stringify(result));
