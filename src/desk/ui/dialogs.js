// The desk's two dialogs: choosing a page to link to, and choosing between
// my version and the one on disk after a conflicting save. Both are native
// <dialog>s: focus moves in, Esc leaves, focus returns where it was.

import { get, h, uid } from './api.js';
import { t } from './i18n.js';

function open(dialog) {
  const back = document.activeElement;
  document.body.append(dialog);
  dialog.addEventListener('close', () => {
    dialog.remove();
    if (back && back.isConnected) back.focus();
  });
  dialog.showModal();
}

/// Resolves to `{title, target}` for the chosen page (target `@/news/a.md`,
/// a link to the content file, so it survives a change of URL), or null.
export function chooseLink() {
  return new Promise((resolve) => {
    const headId = uid('lh');
    const searchId = uid('ls');
    const search = h('input', { type: 'search', id: searchId, autocomplete: 'off' });
    const list = h('ul', { class: 'link-list' });
    let pages = [];
    let chosen = null;
    const dialog = h('dialog', { class: 'dialog', 'aria-labelledby': headId });
    const render = () => {
      const q = search.value.trim().toLowerCase();
      const shown = pages.filter((p) => !q || `${p.title} ${p.url}`.toLowerCase().includes(q)).slice(0, 50);
      list.replaceChildren(...shown.map((p) => {
        const b = h('button', { type: 'button', class: 'link-choice' }, h('span', {}, p.title), h('span', { class: 'muted' }, p.url));
        b.addEventListener('click', () => {
          chosen = { title: p.title, target: p.path.replace(/^content\//, '@/') };
          dialog.close();
        });
        return h('li', {}, b);
      }));
      if (!shown.length) list.append(h('li', { class: 'muted' }, t('link_none')));
    };
    const cancel = h('button', { type: 'button' }, t('cancel'));
    cancel.addEventListener('click', () => dialog.close());
    dialog.append(
      h('h2', { id: headId }, t('link_title')),
      h('label', { for: searchId }, t('link_search')),
      search,
      list,
      h('div', { class: 'dialog-actions' }, cancel),
    );
    search.addEventListener('input', render);
    dialog.addEventListener('close', () => resolve(chosen));
    open(dialog);
    get('links').then((r) => {
      pages = r.pages || [];
      render();
    }).catch(() => render());
  });
}

function version(title, front, body) {
  const id = uid('cv');
  return h(
    'div',
    { class: 'conflict-side' },
    h('h3', {}, title),
    h('p', { class: 'conflict-title' }, front.title || t('untitled')),
    h('label', { for: id, class: 'visually-hidden' }, title),
    h('textarea', { id, readonly: true, rows: 14, value: body }),
  );
}

/// Shows both versions side by side; resolves to 'mine', 'theirs' or null.
export function chooseVersion(mine, theirs) {
  return new Promise((resolve) => {
    const headId = uid('ch');
    let choice = null; // Esc decides nothing: the next save asks again
    const dialog = h('dialog', { class: 'dialog wide', 'aria-labelledby': headId, role: 'alertdialog' });
    const keep = h('button', { type: 'button', class: 'primary' }, t('keep_mine'));
    const take = h('button', { type: 'button' }, t('take_theirs'));
    keep.addEventListener('click', () => { choice = 'mine'; dialog.close(); });
    take.addEventListener('click', () => { choice = 'theirs'; dialog.close(); });
    dialog.append(
      h('h2', { id: headId }, t('conflict_title')),
      h('p', {}, t('conflict_text')),
      h('div', { class: 'conflict' },
        version(t('conflict_mine'), mine.front, mine.body),
        version(t('conflict_theirs'), theirs.front || {}, theirs.body || '')),
      h('div', { class: 'dialog-actions' }, keep, take),
    );
    dialog.addEventListener('close', () => resolve(choice));
    open(dialog);
    keep.focus();
  });
}
