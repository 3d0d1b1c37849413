// The front-matter form, built at run time from `/_desk/api/schema` (the
// validator's own schema): one control per field type, lists of rows that can
// be added, removed and reordered, and problems shown next to the field they
// concern. There is no hand-written form per kind.

import { h, uid } from './api.js';
import { t } from './i18n.js';

/// Fields the photos panel, the slug box of a new page or the tool itself
/// manage; the form leaves them alone (their values are kept as written).
const MANAGED = new Set(['gallery', 'cover', 'slug', 'kind', 'template', 'aliases', 'weight', 'reviewed']);

/// Fields of every kind that most pages leave empty.
const SECONDARY = new Set(['updated', 'draft', 'summary', 'tags', 'author', 'source']);

function labelFor(field, id) {
  return h(
    'label',
    { for: id, class: 'field-label' },
    field.label || field.name,
    field.required ? h('span', { class: 'req', 'aria-hidden': 'true' }, ' *') : null,
    field.required ? h('span', { class: 'visually-hidden' }, t('required_mark')) : null,
  );
}

function isEmpty(value) {
  return value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);
}

/// `2026-11-20 09:30` or RFC 3339 ↔ the `datetime-local` input's `2026-11-20T09:30`.
function toLocalDatetime(value) {
  const m = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})/.exec(String(value || ''));
  if (m) return `${m[1]}T${m[2]}`;
  const day = dateOnly(value);
  return day ? `${day}T00:00` : '';
}

function dateOnly(value) {
  const m = /^\d{4}-\d{2}-\d{2}/.exec(String(value ?? ''));
  return m ? m[0] : '';
}

/// One control: `{el, get(), set(value), focus(), input}` where `el` is the
/// whole field (label, control, help, problem slot).
function control(field, ctx, path) {
  const id = uid(field.name);
  const helpId = field.help ? `${id}-help` : null;
  const problemId = `${id}-problem`;
  const describedBy = [helpId, problemId].filter(Boolean).join(' ');
  const common = {
    id,
    name: path,
    'aria-describedby': describedBy,
    required: field.required || false,
    'aria-required': field.required ? 'true' : false,
  };
  let input;
  let get;
  let set;
  let wide = false;
  switch (field.type) {
    case 'textarea':
      input = h('textarea', { ...common, rows: 3 });
      get = () => input.value.trim();
      set = (v) => { input.value = v ?? ''; };
      wide = true;
      break;
    case 'date':
      input = h('input', { ...common, type: 'date' });
      get = () => input.value;
      set = (v) => { input.value = dateOnly(v); };
      break;
    case 'datetime':
      // An untouched value goes back exactly as it was written (a date
      // without a time stays one): the form never rewrites what nobody edited.
      input = h('input', { ...common, type: 'datetime-local' });
      let written = '';
      let shown = '';
      get = () => (input.value === shown ? written : input.value.replace('T', ' '));
      set = (v) => {
        written = v ?? '';
        shown = toLocalDatetime(v);
        input.value = shown;
      };
      break;
    case 'number':
      input = h('input', { ...common, type: 'number', inputmode: 'numeric' });
      get = () => (input.value === '' ? '' : Number.isFinite(Number(input.value)) ? Number(input.value) : input.value);
      set = (v) => { input.value = v ?? ''; };
      break;
    case 'bool':
      input = h('input', { ...common, type: 'checkbox', required: false });
      get = () => input.checked;
      set = (v) => { input.checked = v === true || v === 'true'; };
      break;
    case 'select':
      input = h(
        'select',
        common,
        h('option', { value: '' }, field.required ? t('choose') : '—'),
        (field.options || []).map((o) => h('option', { value: String(o.value) }, o.label || String(o.value))),
      );
      get = () => {
        const o = (field.options || []).find((x) => String(x.value) === input.value);
        return o ? o.value : input.value;
      };
      set = (v) => {
        const value = v === undefined || v === null ? '' : String(v);
        if (value && ![...input.options].some((o) => o.value === value)) {
          input.append(h('option', { value }, value));
        }
        input.value = value;
      };
      break;
    case 'tags':
      input = h('input', { ...common, type: 'text', 'aria-describedby': `${describedBy} ${id}-tags` });
      get = () => input.value.split(/[,，、;；]/).map((s) => s.trim()).filter(Boolean);
      set = (v) => { input.value = Array.isArray(v) ? v.join('，') : v ?? ''; };
      break;
    case 'file':
    case 'files': {
      const multiple = field.type === 'files';
      input = h('select', { ...common, multiple: multiple || false });
      const refill = (current) => {
        const names = (ctx.files() || []).map((f) => f.name);
        for (const c of current) if (c && !names.includes(c)) names.push(c);
        const options = names.map((n) => h('option', { value: n }, n));
        if (!multiple) options.unshift(h('option', { value: '' }, t('no_file')));
        input.replaceChildren(...options);
        for (const o of input.options) o.selected = current.includes(o.value);
      };
      get = () => {
        const chosen = [...input.selectedOptions].map((o) => o.value).filter(Boolean);
        return multiple ? chosen : chosen[0] || '';
      };
      set = (v) => refill(Array.isArray(v) ? v.map(String) : v ? [String(v)] : []);
      ctx.onFilesChanged.push(() => refill([get()].flat()));
      break;
    }
    case 'list':
      return listControl(field, ctx, path, id);
    case 'object':
    case 'group':
      return objectControl(field, ctx, path, id);
    default:
      input = h('input', { ...common, type: 'text' });
      get = () => input.value.trim();
      set = (v) => { input.value = v ?? ''; };
  }
  const problem = h('p', { class: 'problem', id: problemId, hidden: true, role: 'alert' });
  const el = h(
    'div',
    { class: `field field-${field.type}${wide ? ' wide' : ''}`, 'data-field': path },
    field.type === 'bool' ? h('div', { class: 'check' }, input, labelFor(field, id)) : [labelFor(field, id), input],
    field.type === 'tags' ? h('p', { class: 'help', id: `${id}-tags` }, t('tags_help')) : null,
    field.help ? h('p', { class: 'help', id: helpId }, field.help) : null,
    problem,
  );
  input.addEventListener('input', ctx.changed);
  input.addEventListener('change', ctx.changed);
  return {
    field, el, get, set, input, problem,
    focus: () => input.focus(),
  };
}

function objectControl(field, ctx, path, id) {
  const children = (field.fields || []).map((f) => control(f, ctx, `${path}.${f.name}`));
  const problem = h('p', { class: 'problem', id: `${id}-problem`, hidden: true, role: 'alert' });
  const extra = h('div', { class: 'object-extra' });
  const el = h(
    'fieldset',
    { class: 'field field-object wide', 'data-field': path },
    h('legend', {}, field.label || field.name, field.required ? h('span', { class: 'req', 'aria-hidden': 'true' }, ' *') : null),
    field.help ? h('p', { class: 'help' }, field.help) : null,
    h('div', { class: 'grid' }, children.map((c) => c.el)),
    extra,
    problem,
  );
  let original = {};
  return {
    field, el, problem, extra, children,
    get: () => {
      const out = { ...original };
      for (const c of children) {
        const v = c.get();
        if (isEmpty(v) || v === false) delete out[c.field.name];
        else out[c.field.name] = v;
      }
      return Object.keys(out).length ? out : '';
    },
    set: (v) => {
      original = v && typeof v === 'object' && !Array.isArray(v) ? { ...v } : {};
      for (const c of children) c.set(original[c.field.name]);
    },
    focus: () => children[0] && children[0].focus(),
  };
}

function listControl(field, ctx, path, id) {
  const rowsEl = h('ol', { class: 'rows' });
  const problem = h('p', { class: 'problem', id: `${id}-problem`, hidden: true, role: 'alert' });
  let rows = []; // [{controls, el, extra}]
  const sub = field.fields && field.fields.length ? field.fields : null;

  const makeRow = (value) => {
    const controls = sub
      ? sub.map((f) => control(f, ctx, `${path}[].${f.name}`))
      : [control({ name: field.name, label: field.label, type: 'text' }, ctx, `${path}[]`)];
    const row = { controls, extra: {} };
    if (sub && value && typeof value === 'object') {
      row.extra = { ...value };
      for (const c of controls) c.set(value[c.field.name]);
    } else if (!sub) {
      controls[0].set(value);
    }
    return row;
  };

  const render = (focusRow, focusWhat) => {
    rowsEl.replaceChildren();
    rows.forEach((row, i) => {
      const label = `${field.label || field.name} ${t('row_n', { n: i + 1 })}`;
      const up = h('button', { type: 'button', class: 'small', 'aria-label': t('about', { action: t('move_up'), name: label }), disabled: i === 0 }, '↑ ', t('move_up'));
      const down = h('button', { type: 'button', class: 'small', 'aria-label': t('about', { action: t('move_down'), name: label }), disabled: i === rows.length - 1 }, '↓ ', t('move_down'));
      const del = h('button', { type: 'button', class: 'small danger', 'aria-label': t('about', { action: t('remove_row'), name: label }) }, t('remove_row'));
      up.addEventListener('click', () => move(i, -1, 'up'));
      down.addEventListener('click', () => move(i, 1, 'down'));
      del.addEventListener('click', () => {
        rows.splice(i, 1);
        render(Math.min(i, rows.length - 1), 'first');
        ctx.changed();
      });
      const li = h(
        'li',
        { class: 'row' },
        h('div', { class: 'row-head' }, h('span', { class: 'row-n' }, t('row_n', { n: i + 1 })), h('span', { class: 'row-tools' }, up, down, del)),
        h('div', { class: 'grid' }, row.controls.map((c) => c.el)),
      );
      row.el = li;
      row.buttons = { up, down, del };
      rowsEl.append(li);
    });
    if (focusRow !== undefined && focusRow >= 0 && rows[focusRow]) {
      const r = rows[focusRow];
      // Focus follows the moved row; at an end, onto its other arrow.
      const arrow = (a, b) => (!a.disabled ? a : !b.disabled ? b : r.buttons.del);
      const target = focusWhat === 'up' ? arrow(r.buttons.up, r.buttons.down)
        : focusWhat === 'down' ? arrow(r.buttons.down, r.buttons.up)
          : focusWhat === 'first' ? r.controls[0].input || r.buttons.del
            : r.buttons.del;
      (target || r.buttons.del).focus();
    } else if (focusRow !== undefined) {
      add.focus();
    }
  };

  const snapshot = () => rows.map((r) => {
    if (!sub) return r.controls[0].get();
    const out = { ...r.extra };
    for (const c of r.controls) {
      const v = c.get();
      if (isEmpty(v) || v === false) delete out[c.field.name];
      else out[c.field.name] = v;
    }
    return out;
  });

  const move = (i, delta, what) => {
    const j = i + delta;
    if (j < 0 || j >= rows.length) return;
    const values = snapshot();
    [values[i], values[j]] = [values[j], values[i]];
    rows = values.map(makeRow);
    render(j, what);
    ctx.changed();
  };

  const add = h('button', { type: 'button', class: 'add' }, '+ ', t('add_row'), h('span', { class: 'visually-hidden' }, t('about', { action: '', name: field.label || field.name })));
  add.addEventListener('click', () => {
    rows.push(makeRow(sub ? {} : ''));
    render(rows.length - 1, 'first');
    ctx.changed();
  });

  const el = h(
    'fieldset',
    { class: 'field field-list wide', 'data-field': path },
    h('legend', {}, field.label || field.name, field.required ? h('span', { class: 'req', 'aria-hidden': 'true' }, ' *') : null),
    field.help ? h('p', { class: 'help' }, field.help) : null,
    rowsEl,
    add,
    problem,
  );
  return {
    field, el, problem,
    get: () => snapshot().filter((v) => !(isEmpty(v) || (typeof v === 'object' && !Object.keys(v).length))),
    set: (v) => {
      rows = (Array.isArray(v) ? v : []).map(makeRow);
      render();
    },
    focus: () => (rows[0] ? rows[0].controls[0].focus() : add.focus()),
    addRow: (value) => {
      rows.push(makeRow(value));
      render();
      ctx.changed();
    },
  };
}

/// The form for `fields` filled from `front`. `onChange` runs on every edit;
/// `files()` lists the page's bundle files (for photo/cover selects).
export function buildForm(fields, front, { onChange, files }) {
  const ctx = { changed: () => onChange(), files, onFilesChanged: [] };
  const shown = fields.filter((f) => !MANAGED.has(f.name));
  const controls = shown.map((f) => control(f, ctx, f.name));
  const general = h('ul', { class: 'problems-general' });
  // What every page may have but few need goes in a fold after the kind's
  // own fields, so a 公示 shows its 文号 and 公示期 first.
  const main = controls.filter((c) => !SECONDARY.has(c.field.name));
  const more = controls.filter((c) => SECONDARY.has(c.field.name));
  const fold = more.length
    ? h('details', { class: 'more wide' }, h('summary', {}, t('more_fields', { names: more.map((c) => c.field.label).join(t('list_sep')) })), h('div', { class: 'grid' }, more.map((c) => c.el)))
    : null;
  const el = h('div', { class: 'form grid' }, main.map((c) => c.el), fold);
  let base = { ...front };

  const byName = new Map(controls.map((c) => [c.field.name, c]));
  for (const c of controls) c.set(base[c.field.name]);

  return {
    el,
    general,
    controls: byName,
    /// The front matter: the fields as loaded (unknown keys kept), the
    /// form's values over them, empty optional ones left out.
    read() {
      const out = { ...base };
      for (const c of controls) {
        const v = c.get();
        if (isEmpty(v) || (c.field.type === 'bool' && v === false && !(c.field.name in base))) delete out[c.field.name];
        else out[c.field.name] = v;
      }
      return out;
    },
    load(next) {
      base = { ...next };
      for (const c of controls) c.set(base[c.field.name]);
    },
    /// Sets one field's value, as if typed (used for the proposed 文号).
    setValue(name, value) {
      const c = byName.get(name);
      if (c) c.set(value);
      base[name] = value;
    },
    /// Fields still empty that must be filled: [{name, label}].
    missing() {
      const front = this.read();
      return controls.filter((c) => c.field.required && isEmpty(front[c.field.name])).map((c) => c.field);
    },
    filesChanged() {
      for (const f of ctx.onFilesChanged) f();
    },
    /// Shows each problem next to its field; returns those with no field.
    showProblems(problems) {
      for (const c of controls) {
        c.problem.hidden = true;
        c.problem.textContent = '';
        c.el.classList.remove('has-problem');
        if (c.input) c.input.removeAttribute('aria-invalid');
      }
      const rest = [];
      for (const p of problems) {
        const name = String(p.field || '').split(/[.[]/)[0];
        const c = byName.get(name);
        if (!c) {
          rest.push(p);
          continue;
        }
        c.problem.hidden = false;
        if (fold && SECONDARY.has(name)) fold.open = true;
        c.problem.textContent = [c.problem.textContent, `${p.message}${p.code ? ` [${p.code}]` : ''}`].filter(Boolean).join(' ');
        c.el.classList.add('has-problem');
        if (c.input) c.input.setAttribute('aria-invalid', 'true');
      }
      return rest;
    },
    focusField(name) {
      const c = byName.get(name);
      if (fold && SECONDARY.has(name)) fold.open = true;
      if (c) c.focus();
      return Boolean(c);
    },
  };
}
