// The page list: every section's pages with title, date, kind, state badge
// and problems from the last build, searchable by title and filtered by
// section, state and year. The filters live in the address (#/?q=…&state=…)
// so going back to the list keeps them.

import { get, h, uid } from './api.js';
import { t } from './i18n.js';

export const STATES = ['draft', 'review', 'published', 'open', 'closed', 'corrected'];

function badge(page) {
  const state = STATES.includes(page.state) ? page.state : 'published';
  return h('span', { class: `badge state-${state}` }, page.state_label || t(`state_${state}`));
}

function select(label, name, options, value) {
  const id = uid(name);
  const el = h(
    'select',
    { id, name },
    h('option', { value: '' }, t('all')),
    options.map(([v, text]) => h('option', { value: v }, text)),
  );
  el.value = value || '';
  return { wrap: h('div', { class: 'filter' }, h('label', { for: id }, label), el), el };
}

export async function openList(main, ctx, params) {
  const { site } = ctx;
  const listed = await get('pages');
  const pages = listed.pages || [];
  // Problems of no page (site.yaml, templates, the ledger).
  const siteProblems = listed.problems || [];
  const sectionTitle = new Map(site.sections.map((s) => [s.path, s.title || s.name]));
  const kindLabel = new Map(site.kinds.map((k) => [k.name, k.label]));
  const years = [...new Set(pages.map((p) => p.year || String(p.date || '').slice(0, 4)).filter(Boolean))].sort().reverse();

  const searchId = uid('q');
  const search = h('input', { type: 'search', id: searchId, value: params.get('q') || '', autocomplete: 'off' });
  const section = select(t('filter_section'), 'section', site.sections.map((s) => [s.path, s.title || s.name]), params.get('section'));
  const state = select(t('filter_state'), 'state', STATES.map((s) => [s, t(`state_${s}`)]), params.get('state'));
  const year = select(t('filter_year'), 'year', years.map((y) => [String(y), String(y)]), params.get('year'));
  const count = h('p', { class: 'count', role: 'status' });
  const body = h('tbody');
  const table = h(
    'table',
    { class: 'pages' },
    h('caption', { class: 'visually-hidden' }, t('list_title')),
    h('thead', {}, h('tr', {},
      ['col_title', 'col_section', 'col_kind', 'col_date', 'col_state', 'col_problems'].map((k) => h('th', { scope: 'col' }, t(k))))),
    body,
  );
  const empty = h('p', { class: 'muted', hidden: true }, t('none_found'));

  const render = () => {
    const q = search.value.trim().toLowerCase();
    const shown = pages.filter((p) =>
      (!q || String(p.title || '').toLowerCase().includes(q) || String(p.path).toLowerCase().includes(q))
      && (!section.el.value || p.section === section.el.value || String(p.path).startsWith(`${section.el.value}/`))
      && (!state.el.value || p.state === state.el.value)
      && (!year.el.value || String(p.year || String(p.date || '').slice(0, 4)) === year.el.value));
    shown.sort((a, b) => String(b.date || '').localeCompare(String(a.date || '')) || String(a.path).localeCompare(String(b.path)));
    body.replaceChildren(...shown.map((p) => {
      const problems = p.problems || [];
      const errors = problems.filter((x) => x.severity === 'error').length;
      return h('tr', { class: problems.length ? 'has-problems' : false },
        h('td', { class: 'title', 'data-label': t('col_title') }, h('a', { href: `#/edit/${encodeURIComponent(p.path)}` }, p.title || t('untitled'))),
        h('td', { 'data-label': t('col_section') }, sectionTitle.get(p.section) || p.section || ''),
        h('td', { 'data-label': t('col_kind') }, kindLabel.get(p.kind) || p.kind || ''),
        h('td', { 'data-label': t('col_date') }, String(p.date || '').slice(0, 10)),
        h('td', { 'data-label': t('col_state') }, badge(p)),
        h('td', { 'data-label': t('col_problems') }, problems.length
          ? h('details', { class: errors ? 'problems error' : 'problems' },
            h('summary', {}, t('problems_n', { n: problems.length })),
            h('ul', {}, problems.map((x) => h('li', {}, x.line ? `${t('problem_line', { line: x.line })}${t('colon')}` : '', x.message, x.code ? ` [${x.code}]` : ''))))
          : h('span', { class: 'muted' }, t('no_problems'))));
    }));
    count.textContent = t('count', { n: shown.length });
    table.hidden = shown.length === 0;
    empty.hidden = shown.length > 0;
    const next = new URLSearchParams();
    if (search.value.trim()) next.set('q', search.value.trim());
    for (const [k, s] of [['section', section], ['state', state], ['year', year]]) if (s.el.value) next.set(k, s.el.value);
    const hash = `#/${next.toString() ? `?${next}` : ''}`;
    if (location.hash !== hash && !(location.hash === '' && hash === '#/')) history.replaceState(null, '', hash);
  };
  search.addEventListener('input', render);
  for (const s of [section, state, year]) s.el.addEventListener('change', render);

  const headId = uid('lh');
  // replaceChildren writes a null as the text "null": only nodes go in.
  main.replaceChildren(...[
    h('div', { class: 'list-head' },
      h('h1', { id: headId }, t('list_title')),
      h('a', { class: 'button primary', href: '#/new' }, '+ ', t('nav_new'))),
    h('div', { class: 'filters', role: 'search' },
      h('div', { class: 'filter grow' }, h('label', { for: searchId }, t('search')), search),
      section.wrap, state.wrap, year.wrap),
    siteProblems.length
      ? h('div', { class: 'site-problems', role: 'region', 'aria-label': t('site_problems') },
        h('h2', {}, t('site_problems')),
        h('ul', {}, siteProblems.map((x) => h('li', {}, x.path ? `${x.path}${x.line ? `:${x.line}` : ''}${t('colon')}` : '', x.message, x.code ? ` [${x.code}]` : ''))))
      : null,
    count,
    h('div', { class: 'table-wrap' }, table),
    empty,
  ].filter(Boolean));
  render();
}

/// "新建": choose a kind (and a section when a kind has several).
export function openNew(main, ctx) {
  const { site } = ctx;
  const headId = uid('nh');
  const choices = site.kinds.map((k) => {
    const sections = site.sections.filter((s) => s.kind === k.name);
    const id = uid('ns');
    const pick = sections.length > 1
      ? h('select', { id }, sections.map((s) => h('option', { value: s.path }, s.title || s.name)))
      : null;
    const go = h('button', { type: 'button', class: 'kind-choice', disabled: sections.length === 0, 'data-kind': k.name },
      h('span', { class: 'kind-name' }, k.label),
      sections.length === 0 ? h('span', { class: 'muted' }, t('new_kind_none')) : sections.length === 1 ? h('span', { class: 'muted' }, sections[0].title || sections[0].name) : null);
    go.addEventListener('click', () => {
      const section = pick ? pick.value : sections[0].path;
      location.hash = `#/new/${encodeURIComponent(k.name)}?section=${encodeURIComponent(section)}`;
    });
    return h('li', {}, go, pick ? h('div', { class: 'filter' }, h('label', { for: id }, t('new_section')), pick) : null);
  });
  main.replaceChildren(
    h('a', { href: '#/', class: 'back' }, '← ', t('back')),
    h('h1', { id: headId }, t('new_title')),
    h('p', {}, t('new_choose')),
    h('ul', { class: 'kinds' }, choices),
  );
  main.querySelector('.kind-choice:not([disabled])')?.focus();
}
