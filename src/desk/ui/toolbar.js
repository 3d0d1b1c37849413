// The writing toolbar: 标题, 加粗, 列表, 编号, 表格, 图片, 附件, 链接, acting
// on the Markdown textarea the way a word processor's buttons act on text.
// Edits go through `insertText` so Ctrl+Z undoes them like typing.

import { h } from './api.js';
import { t } from './i18n.js';

/// Replaces the selection (or inserts at the cursor) with `text`, selecting
/// `select` = [start, end] offsets inside `text` afterwards.
export function replaceSelection(area, text, select) {
  area.focus();
  const start = area.selectionStart;
  let ok = false;
  try {
    ok = document.execCommand('insertText', false, text);
  } catch {
    ok = false;
  }
  if (!ok || area.value.slice(start, start + text.length) !== text) {
    area.setRangeText(text, start, area.selectionEnd, 'end');
    area.dispatchEvent(new Event('input', { bubbles: true }));
  }
  if (select) area.setSelectionRange(start + select[0], start + select[1]);
}

/// Inserts `block` on lines of its own, with a blank line before and after.
export function insertBlock(area, block) {
  const before = area.value.slice(0, area.selectionStart);
  const after = area.value.slice(area.selectionEnd);
  const lead = before === '' || before.endsWith('\n\n') ? '' : before.endsWith('\n') ? '\n' : '\n\n';
  const trail = after.startsWith('\n\n') || after === '' ? '' : after.startsWith('\n') ? '\n' : '\n\n';
  replaceSelection(area, `${lead}${block.replace(/\n+$/, '')}${trail || '\n'}`);
}

/// Selects the whole lines the selection touches.
function selectLines(area) {
  const v = area.value;
  const start = v.lastIndexOf('\n', area.selectionStart - 1) + 1;
  let end = v.indexOf('\n', Math.max(area.selectionEnd - (area.selectionEnd > area.selectionStart ? 1 : 0), area.selectionStart));
  if (end === -1) end = v.length;
  area.setSelectionRange(start, end);
  return v.slice(start, end);
}

function heading(area) {
  const line = selectLines(area);
  const m = /^(#{2,6}) /.exec(line);
  // ## → ### → plain text → ## …
  const next = !m ? `## ${line}` : m[1].length >= 3 ? line.slice(m[0].length) : `#${line}`;
  replaceSelection(area, next);
}

function bold(area) {
  const selected = area.value.slice(area.selectionStart, area.selectionEnd);
  if (selected) {
    replaceSelection(area, `**${selected}**`);
  } else {
    const word = t('tb_bold');
    replaceSelection(area, `**${word}**`, [2, 2 + word.length]);
  }
}

function list(area, ordered) {
  const lines = selectLines(area).split('\n');
  const plain = lines.map((l) => l.replace(/^(\s*)([-*+]|\d+[.)]) /, '$1'));
  const already = lines.every((l) => (ordered ? /^\s*\d+[.)] /.test(l) : /^\s*[-*+] /.test(l)));
  const next = already ? plain : plain.map((l, i) => `${ordered ? `${i + 1}.` : '-'} ${l}`);
  replaceSelection(area, next.join('\n'));
}

/// The toolbar element. `actions` supplies `image()`, `attachment()` and
/// `link()` (each opens a chooser and inserts what was chosen).
export function toolbar(area, actions, label) {
  const button = (key, run, shortcut) => {
    const b = h('button', { type: 'button', class: `tb tb-${key}`, 'aria-keyshortcuts': shortcut || false, title: shortcut ? `${t(`tb_${key}`)} (${shortcut})` : false }, t(`tb_${key}`));
    b.addEventListener('click', () => run());
    return b;
  };
  const bar = h(
    'div',
    { class: 'toolbar', role: 'group', 'aria-label': label },
    button('heading', () => heading(area)),
    button('bold', () => bold(area), 'Control+B'),
    button('list', () => list(area, false)),
    button('olist', () => list(area, true)),
    button('table', () => insertBlock(area, t('table_template'))),
    button('image', actions.image),
    button('attachment', actions.attachment),
    button('link', actions.link, 'Control+K'),
  );
  area.addEventListener('keydown', (e) => {
    if (!(e.ctrlKey || e.metaKey) || e.altKey) return;
    if (e.key === 'b' || e.key === 'B') {
      e.preventDefault();
      bold(area);
    } else if (e.key === 'k' || e.key === 'K') {
      e.preventDefault();
      actions.link();
    }
  });
  return bar;
}

/// Moves the cursor to the start of 1-based `line` of the textarea and
/// scrolls it into view.
export function goToLine(area, line) {
  const lines = area.value.split('\n');
  const n = Math.max(1, Math.min(lines.length, line));
  const offset = lines.slice(0, n - 1).reduce((sum, l) => sum + l.length + 1, 0);
  area.focus();
  area.setSelectionRange(offset, offset + lines[n - 1].length);
  const lineHeight = parseFloat(getComputedStyle(area).lineHeight) || 24;
  area.scrollTop = Math.max(0, (n - 3) * lineHeight);
}
