// The writing desk in the browser: loads the site and the schema, builds the
// header (publish, archive), and routes between the page list (#/), choosing
// a kind (#/new), a new page (#/new/KIND?section=…) and editing one
// (#/edit/PATH). Plain modules, no build step; everything it loads comes from
// /_desk/ on this origin.

import { get, h, post } from './api.js';
import { openEditor } from './editor.js';
import { formatSize, setLanguage, t } from './i18n.js';
import { openList, openNew } from './list.js';

/// The schema as the server writes it (labels in both languages, `rows`,
/// `group`, `strings`, `hidden`) turned into what the form builder reads:
/// one label, `fields`, `object`, `list`, and hidden fields left out.
export function normaliseFields(fields, site, zh) {
  const pick = (x, a, b) => (x.label !== undefined ? x.label : zh ? x[a] : x[b]);
  return (fields || []).filter((f) => !f.hidden).map((f) => {
    const type = { group: 'object', strings: 'list' }[f.type] || f.type;
    let options = (f.options || []).map((o) => ({ value: o.value, label: pick(o, 'zh', 'en') || String(o.value) }));
    if (!options.length && f.choices === 'categories') options = (site.categories || []).map((c) => ({ value: c, label: c }));
    if (!options.length && f.choices === 'kinds') options = (site.kinds || []).map((k) => ({ value: k.name, label: k.label }));
    let help = f.help;
    if (Array.isArray(help)) help = zh ? help[0] : help[1];
    return {
      name: f.name,
      type,
      required: Boolean(f.required),
      label: pick(f, 'zh', 'en') || f.name,
      help: help || undefined,
      options,
      fields: normaliseFields(f.fields || f.rows, site, zh),
      default: f.default,
    };
  });
}

const main = document.getElementById('main');
const toast = document.getElementById('toast');

/// A message at the bottom corner for a few seconds; the same message twice
/// shows once, for longer. `spoken` ones (where a moved photo now is) are
/// for screen readers only: the eye sees the move itself.
function announce(text, isError = false, spoken = false) {
  if (spoken) {
    const region = document.getElementById('spoken');
    region.textContent = text;
    return;
  }
  const same = [...toast.children].find((c) => c.textContent === text);
  if (same) same.remove();
  const item = h('p', { class: isError ? 'toast-item error' : 'toast-item', role: isError ? 'alert' : false }, text);
  toast.append(item);
  while (toast.children.length > 4) toast.firstElementChild.remove();
  setTimeout(() => item.remove(), isError ? 12000 : 6000);
}

async function runBuild(button, busyKey, action) {
  button.disabled = true;
  const label = button.textContent;
  button.textContent = t(busyKey);
  // The build says how far it is (pictures, then pages): shown on the button.
  const poll = setInterval(async () => {
    try {
      const p = await get('progress');
      const key = { images: 'progress_images', pages: 'progress_pages' }[p.stage];
      if (p.running && key && p.total) button.textContent = `${t(busyKey)} ${t(key, { done: p.done, total: p.total })}`;
    } catch {
      // The count is a courtesy; the build's own answer still comes.
    }
  }, 400);
  try {
    await action();
  } catch (e) {
    announce(t('error', { message: e.message }), true);
  } finally {
    clearInterval(poll);
    button.disabled = false;
    button.textContent = label;
  }
}

function header(site) {
  const publish = h('button', { type: 'button', class: 'primary', id: 'publish' }, t('publish'));
  const archive = h('button', { type: 'button', id: 'archive' }, t('archive'));
  const problems = (list) => {
    for (const p of (list || []).slice(0, 5)) announce(`${p.path || ''}${p.line ? `:${p.line}` : ''} ${p.message}`, p.severity === 'error');
  };
  publish.addEventListener('click', () => runBuild(publish, 'publishing', async () => {
    let r;
    try {
      r = await post('publish', {});
    } catch (e) {
      // A failed build leaves public/ as it was; say so, with its problems.
      announce(t('publish_failed', { message: e.message }), true);
      problems(e.body && e.body.problems);
      return;
    }
    announce(t('published', { pages: r.pages ?? 0, files: r.files ?? 0, written: r.written ?? 0 }));
    problems(r.problems);
    const next = r.next_change;
    if (next) announce(t('next_change', { at: next.at, what: next.what || [next.page, next.state].filter(Boolean).join(' ') }));
  }));
  archive.addEventListener('click', () => runBuild(archive, 'archiving', async () => {
    const r = await post('archive', {});
    announce(t('archived', { file: r.file, size: formatSize(r.size) }));
  }));
  const bar = document.getElementById('top');
  bar.replaceChildren(
    h('a', { class: 'skip', href: '#main' }, t('skip')),
    h('div', { class: 'brand' }, h('span', { class: 'app' }, t('app')), h('span', { class: 'site' }, site.organization || site.title || '')),
    h('nav', { 'aria-label': t('app') },
      h('a', { href: '#/', 'data-nav': 'list' }, t('nav_list')),
      h('a', { href: '#/new', 'data-nav': 'new' }, t('nav_new'))),
    h('div', { class: 'top-actions' }, archive, publish),
  );
  bar.querySelector('.skip').addEventListener('click', (e) => {
    e.preventDefault();
    main.focus();
  });
}

async function route(ctx) {
  const hash = location.hash.replace(/^#/, '') || '/';
  const [path, query = ''] = hash.split('?');
  const params = new URLSearchParams(query);
  for (const a of document.querySelectorAll('[data-nav]')) a.removeAttribute('aria-current');
  try {
    if (path.startsWith('/edit/')) {
      await openEditor(main, ctx, { path: decodeURIComponent(path.slice(6)) });
    } else if (path.startsWith('/new/')) {
      await openEditor(main, ctx, { kind: decodeURIComponent(path.slice(5)), section: params.get('section') || '' });
    } else if (path === '/new') {
      document.querySelector('[data-nav="new"]')?.setAttribute('aria-current', 'page');
      openNew(main, ctx);
    } else {
      document.querySelector('[data-nav="list"]')?.setAttribute('aria-current', 'page');
      await openList(main, ctx, params);
    }
  } catch (e) {
    main.replaceChildren(h('h1', {}, t('app')), h('p', { class: 'problem', role: 'alert' }, t('error', { message: e.message })));
  }
  document.title = `${main.querySelector('h1')?.textContent || t('app')} · ${t('app')}`;
}

async function boot() {
  const [site, schema] = await Promise.all([get('site'), get('schema')]);
  setLanguage(site.language);
  const zh = (site.language || 'zh-CN').toLowerCase().startsWith('zh');
  const kinds = {};
  for (const [name, k] of Object.entries(schema.kinds || {})) kinds[name] = { fields: normaliseFields(k.fields, site, zh) };
  const ctx = { site, schema: { kinds }, siteKey: `${site.base_url || ''}${site.title || ''}`, announce };
  header(site);
  let last = '';
  const go = () => {
    // The list rewrites its own query into the address; that is no new route.
    const now = location.hash.split('?')[0];
    if (now === last && now.replace(/^#/, '') === '/' ) return;
    last = now;
    route(ctx);
  };
  window.addEventListener('hashchange', go);
  go();
}

boot().catch((e) => {
  main.replaceChildren(h('p', { class: 'problem', role: 'alert' }, String(e.message || e)));
});
