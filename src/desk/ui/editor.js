// The editing screen: the kind's form, the Markdown writing surface with its
// toolbar, photos and attachments, and the real page (as serve serves it)
// beside them. Every change is kept in localStorage at once and saved to the
// server when the writer pauses (and on Ctrl+S); a conflicting save shows
// both versions, a published disclosure asks for its revision note, and
// problems show next to the field or line they concern.

import { ApiError, get, h, post, uid, upload } from './api.js';
import { chooseLink, chooseVersion } from './dialogs.js';
import { buildForm } from './form.js';
import { formatTime, t } from './i18n.js';
import { isDocx, isImage, mediaPanel } from './media.js';
import { dataUrlToFile, htmlToMarkdown, IMAGE_PLACEHOLDER, pastedName } from './paste.js';
import { goToLine, insertBlock, replaceSelection, toolbar } from './toolbar.js';
import { trackPeriod } from './period.js';
import { previewPane } from './preview.js';

const PAUSE_MS = 1200;

function draftKey(siteKey, path, kind) {
  return `nb-desk:${siteKey}:${path || `new:${kind}`}`;
}

function readDraft(key) {
  try {
    return JSON.parse(localStorage.getItem(key) || 'null');
  } catch {
    return null;
  }
}

function same(a, b) {
  return JSON.stringify(a) === JSON.stringify(b);
}

/// Opens the editor in `main`. `target` is `{path}` for an existing page or
/// `{kind, section}` for a new one.
export async function openEditor(main, ctx, target) {
  const { site, schema, siteKey } = ctx;
  let page;
  if (target.path) {
    page = await get('page', { path: target.path });
  } else {
    const d = new Date();
    const today = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    page = { path: null, url: null, kind: target.kind, section: target.section, front: { date: today }, body: '', version: null, files: [], ledger: {} };
  }
  if (page.path && !page.problems) {
    // The problems of the last build, as the list shows them.
    const listed = await get('pages').catch(() => ({ pages: [] }));
    page.problems = ((listed.pages || []).find((p) => p.path === page.path) || {}).problems || [];
  }
  const kind = page.kind || target.kind;
  const fields = (schema.kinds[kind] && schema.kinds[kind].fields) || [];
  const kindLabel = (site.kinds.find((k) => k.name === kind) || {}).label || kind;
  const state = {
    path: page.path,
    url: page.url,
    section: page.section || target.section,
    version: page.version,
    slug: page.front.slug || '',
    slugTouched: Boolean(page.path),
    files: page.files || [],
    saving: false,
    again: false,
    timer: null,
    lastSaved: null,
    revisionAsked: false,
  };
  let key = draftKey(siteKey, state.path, kind);

  // ---- the screen -------------------------------------------------------
  const headId = uid('eh');
  const title = h('h1', { id: headId }, page.path ? t('edit_heading', { title: page.front.title || t('untitled') }) : t('new_heading', { kind: kindLabel }));
  const status = h('p', { class: 'save-status', role: 'status', 'aria-live': 'polite' });
  const saveBtn = h('button', { type: 'button', class: 'primary', 'aria-keyshortcuts': 'Control+S' }, t('save'));
  const back = h('a', { href: '#/', class: 'back' }, '← ', t('back'));
  const banner = h('div', { class: 'banner', hidden: true, role: 'region', 'aria-label': t('restore') });
  const revisionId = uid('rev');
  const revision = h('textarea', { id: revisionId, rows: 2, placeholder: t('revision_placeholder') });
  const revisionBox = h(
    'div',
    { class: 'revision', hidden: true, role: 'group', 'aria-labelledby': `${revisionId}-l` },
    h('label', { for: revisionId, id: `${revisionId}-l`, class: 'field-label' }, t('revision_title'), h('span', { class: 'req', 'aria-hidden': 'true' }, ' *')),
    h('p', { class: 'help', id: `${revisionId}-help` }, t('revision_help')),
    revision,
    h('p', { class: 'problem', id: `${revisionId}-problem`, role: 'alert', hidden: true }),
  );
  revision.setAttribute('aria-describedby', `${revisionId}-help ${revisionId}-problem`);

  const form = buildForm(fields, page.front, { onChange: () => changed(), files: () => state.files });

  const slugId = uid('slug');
  const slugInput = h('input', { id: slugId, type: 'text', value: state.slug, 'aria-describedby': `${slugId}-help`, spellcheck: 'false', autocomplete: 'off' });
  const slugField = h('div', { class: 'field' }, h('label', { for: slugId, class: 'field-label' }, t('slug')), slugInput, h('p', { class: 'help', id: `${slugId}-help` }, t('slug_help')));
  slugInput.addEventListener('input', () => {
    state.slugTouched = true;
    changed();
  });
  // A new page's slug goes right after the title; a saved page keeps its
  // address (and any `slug:` it has).
  const titleControl = form.controls.get('title');
  if (!state.path) {
    if (titleControl) titleControl.el.after(slugField);
    else form.el.prepend(slugField);
  }

  const bodyId = uid('body');
  const area = h('textarea', { id: bodyId, class: 'body', rows: 20, spellcheck: 'false', 'aria-describedby': `${bodyId}-help`, value: page.body || '' });
  const lineProblems = h('ul', { class: 'line-problems', 'aria-label': t('problems') });
  const general = h('ul', { class: 'problems-general', 'aria-label': t('problem_general') });

  const media = mediaPanel({
    path: () => state.path,
    ensurePath,
    front: () => form.read(),
    setFront: (patch) => {
      for (const [k, v] of Object.entries(patch)) form.setValue(k, v);
      changed();
    },
    uploaded: (result) => {
      if (result.path && result.path !== state.path) moveTo(result.path);
      // An upload with a revision note wrote the note into the page: take
      // that version, and the note into the form, so the next save keeps it
      // (any other upload leaves the page's text, and the version it was
      // opened at, alone).
      if (result.revision) {
        state.version = result.version;
        const revisions = form.read().revisions;
        form.setValue('revisions', [...(Array.isArray(revisions) ? revisions : []), result.revision]);
        persistLocal();
      }
      const byName = new Map((result.all || state.files).map((f) => [f.name, f]));
      for (const f of result.files || []) byName.set(f.name, f);
      state.files = [...byName.values()];
      media.setFiles(state.files);
      form.filesChanged();
    },
    insert: (text) => (text.startsWith('{{') ? insertBlock(area, text) : replaceSelection(area, text)),
    addAttachment: form.controls.get('attachments') ? (f) => form.controls.get('attachments').addRow({ file: f.name, title: f.name.replace(/\.[^.]+$/, '') }) : null,
    importDocx,
    needNote,
    announce: (text) => ctx.announce(text),
    say: (text) => ctx.announce(text, false, true),
  });
  media.setFiles(state.files);

  const bar = toolbar(area, {
    image: () => pickFiles('image/jpeg,image/png,image/webp,image/gif', async (names) => {
      for (const n of names) replaceSelection(area, `![](${n})\n`);
    }),
    attachment: () => pickFiles('', async (names) => {
      for (const n of names) insertBlock(area, `{{ attachment(file="${n}") }}`);
    }),
    link: async () => {
      const chosen = await chooseLink();
      if (chosen) {
        const selected = area.value.slice(area.selectionStart, area.selectionEnd) || chosen.title;
        replaceSelection(area, `[${selected}](${chosen.target})`);
      } else {
        area.focus();
      }
    },
  }, t('body'));

  const pane = previewPane();
  const preview = pane.el;

  const reviewTools = site.review === 'required' ? reviewBox() : null;
  // On a phone the preview comes after everything; this goes straight there.
  const jump = h('button', { type: 'button', class: 'preview-jump' }, t('preview_toggle'));
  jump.addEventListener('click', () => {
    preview.scrollIntoView({ block: 'start' });
    preview.querySelector('h2').focus();
  });

  // Listeners go on this screen, not on <main>: a later screen replaces it,
  // and with it every listener of this editor.
  const screen = h('div', { class: 'editor' });
  main.replaceChildren(screen);
  screen.append(
    h('div', { class: 'editor-head' }, back, title, h('div', { class: 'editor-actions' }, status, jump, saveBtn)),
    banner,
    revisionBox,
    h('div', { class: 'workspace' },
      h('div', { class: 'write' },
        h('section', { class: 'fields', 'aria-labelledby': `${headId}-f` }, h('h2', { id: `${headId}-f` }, t('fields')), form.el, general),
        h('section', { class: 'writing', 'aria-labelledby': `${bodyId}-l` },
          h('h2', {}, h('label', { for: bodyId, id: `${bodyId}-l` }, t('body'))),
          bar,
          h('p', { class: 'help', id: `${bodyId}-help` }, t('body_help')),
          area,
          lineProblems),
        media.el,
        reviewTools),
      preview),
  );

  // ---- the disclosure's live notice period --------------------------------
  if (kind === 'disclosure') trackPeriod(form);

  // ---- new page: proposed slug and 文号 ------------------------------------
  let proposeTimer = null;
  async function propose() {
    const front = form.read();
    if (state.path || !front.title) return;
    try {
      const r = await get('propose', { kind, section: state.section, title: front.title });
      if (!state.slugTouched && r.slug) slugInput.value = r.slug;
      if (r.number && !form.read().number) {
        form.setValue('number', r.number);
        persistLocal();
      }
    } catch {
      /* the slug field stays editable */
    }
  }
  if (!state.path) {
    titleControl?.input.addEventListener('input', () => {
      clearTimeout(proposeTimer);
      proposeTimer = setTimeout(propose, 300);
    });
    if (kind === 'disclosure') {
      get('propose', { kind, section: state.section, title: '' }).then((r) => {
        if (r.number && !form.read().number) form.setValue('number', r.number);
      }).catch(() => {});
    }
  }

  // ---- keeping every word -------------------------------------------------
  function current() {
    return { front: form.read(), body: area.value, slug: slugInput.value.trim() };
  }

  function persistLocal() {
    const c = current();
    try {
      localStorage.setItem(key, JSON.stringify({ ...c, kind, section: state.section, path: state.path, version: state.version, at: Date.now() }));
    } catch {
      /* storage full or off: the server save still runs */
    }
  }

  function changed() {
    persistLocal();
    setStatus(t('unsaved'));
    clearTimeout(state.timer);
    state.timer = setTimeout(() => save(false), PAUSE_MS);
  }

  function setStatus(text, kindClass = '') {
    status.textContent = text;
    status.className = `save-status ${kindClass}`;
  }

  function moveTo(path) {
    const oldKey = key;
    state.path = path;
    key = draftKey(siteKey, path, kind);
    if (oldKey !== key) {
      const kept = localStorage.getItem(oldKey);
      localStorage.removeItem(oldKey);
      if (kept) localStorage.setItem(key, kept);
    }
    history.replaceState(null, '', `#/edit/${encodeURIComponent(path)}`);
  }

  async function ensurePath() {
    if (state.path) return state.path;
    await save(true);
    if (!state.path) throw new ApiError(0, { error: { message: t('need_title') } });
    return state.path;
  }

  // Uploads waiting for the revision note, each resolved with it.
  const waitingForNote = [];

  /// Asks for the revision note (the box, the server's message, focus when
  /// `focus`); an upload waiting for it gets it with the next save.
  function askNote(e, focus) {
    revisionBox.hidden = false;
    const problem = revisionBox.querySelector('.problem');
    problem.hidden = false;
    problem.textContent = `${e.message}${e.code ? ` [${e.code}]` : ''}`;
    setStatus(e.message, 'warn');
    if (focus) revision.focus();
  }

  function needNote(e) {
    askNote(e, true);
    return new Promise((resolve) => waitingForNote.push(resolve));
  }

  async function save(explicit) {
    clearTimeout(state.timer);
    if (state.saving) {
      state.again = true;
      return state.saving;
    }
    if (waitingForNote.length) {
      // The note goes with the uploads that asked for it; they write it
      // into the page, so this save need not send it again.
      const note = revision.value.trim();
      if (!note) {
        if (explicit) revision.focus();
        return null;
      }
      for (const resolve of waitingForNote.splice(0)) resolve(note);
      revisionBox.hidden = true;
      revision.value = '';
      setStatus(t('saving'), 'busy');
      await media.settled();
    }
    const c = current();
    if (!c.front.title) {
      setStatus(t('need_title'));
      if (explicit) form.focusField('title');
      return null;
    }
    const payload = { kind, section: state.section, front: c.front, body: c.body };
    if (state.path) {
      payload.path = state.path;
      payload.base_version = state.version;
    } else if (c.slug) {
      payload.slug = c.slug;
    }
    if (!revisionBox.hidden && revision.value.trim()) payload.revision_note = revision.value.trim();
    setStatus(t('saving'), 'busy');
    const sentAt = Date.now();
    state.saving = (async () => {
      try {
        const r = await post('page', payload);
        state.version = r.version;
        if (r.path && r.path !== state.path) moveTo(r.path);
        if (payload.revision_note) {
          revisionBox.hidden = true;
          revision.value = '';
          // The server recorded the note in `revisions`; take the front
          // matter as written, so the next save keeps it.
          const fresh = await get('page', { path: state.path }).catch(() => null);
          const typed = current();
          if (fresh && same(typed.front, c.front) && typed.body === c.body) {
            form.load(fresh.front || {});
            state.version = fresh.version;
          }
        }
        const now = current();
        if (same(now.front, c.front) && now.body === c.body) localStorage.removeItem(key);
        state.lastSaved = new Date();
        setStatus(t('saved', { time: formatTime(state.lastSaved) }), 'ok');
        showProblems(r.problems || []);
        title.textContent = t('edit_heading', { title: c.front.title });
        pane.show(r.url, sentAt);
        return r;
      } catch (e) {
        await failed(e, c, explicit);
        return null;
      }
    })();
    const result = await state.saving;
    state.saving = false;
    if (state.again) {
      state.again = false;
      return save(false);
    }
    return result;
  }

  async function failed(e, mine, explicit) {
    if (e.status === 409 && e.body && e.body.conflict) {
      const disk = e.body.conflict.disk || {};
      setStatus(t('conflict_title'), 'warn');
      const choice = await chooseVersion(mine, disk);
      if (choice === 'theirs') {
        state.version = disk.version;
        form.load(disk.front || {});
        area.value = disk.body || '';
        localStorage.removeItem(key);
        setStatus(t('saved', { time: formatTime(new Date()) }), 'ok');
      } else if (choice === 'mine') {
        state.version = disk.version;
        state.again = true;
      }
      return;
    }
    if (e.status === 422 && e.field === 'revision_note') {
      askNote(e, explicit || revisionBox.hidden);
      return;
    }
    if (e.status === 0) {
      // serve stopped or crashed: the text is in localStorage; try again
      // now and then, so a restarted serve gets it without a click.
      setStatus(t('offline_kept'), 'warn');
      clearTimeout(state.timer);
      state.timer = setTimeout(() => save(false), 5000);
      return;
    }
    setStatus(t('save_failed', { message: e.message }), 'warn');
    if (e.field || e.line) showProblems([{ field: e.field, line: e.line, message: e.message, code: e.code }]);
  }

  function showProblems(problems) {
    const rest = form.showProblems(problems);
    lineProblems.replaceChildren();
    general.replaceChildren();
    for (const p of rest) {
      const text = `${p.message}${p.code ? ` [${p.code}]` : ''}`;
      if (p.body_line) {
        const b = h('button', { type: 'button', class: 'link-button' }, t('problem_line', { line: p.body_line }));
        b.addEventListener('click', () => goToLine(area, p.body_line));
        lineProblems.append(h('li', { class: `problem ${p.severity || ''}` }, b, t('colon'), text));
      } else {
        general.append(h('li', { class: `problem ${p.severity || ''}` }, p.line ? `${t('problem_line', { line: p.line })}${t('colon')}` : '', text));
      }
    }
  }

  if (state.url) pane.show(state.url);

  // ---- paste, drop, Ctrl+S --------------------------------------------------
  area.addEventListener('input', changed);
  revision.addEventListener('input', () => {
    revisionBox.querySelector('.problem').hidden = true;
    changed();
  });
  saveBtn.addEventListener('click', () => save(true));
  screen.addEventListener('keydown', (e) => {
    if ((e.ctrlKey || e.metaKey) && (e.key === 's' || e.key === 'S')) {
      e.preventDefault();
      save(true);
    }
  });
  area.addEventListener('paste', async (e) => {
    const data = e.clipboardData;
    if (!data) return;
    const html = data.getData('text/html');
    // Browsers call every pasted screenshot image.png: give each its own name.
    const pictures = [...data.files].filter(isImage).map((f, i) => new File(
      [f],
      `${pastedName(i)}.${(/\.([a-z0-9]+)$/i.exec(f.name) || [0, 'png'])[1].toLowerCase()}`,
      { type: f.type },
    ));
    if (!html && !pictures.length) return; // plain text: the browser pastes it
    e.preventDefault();
    if (html) {
      const { markdown, images } = htmlToMarkdown(html);
      let text = markdown;
      let unreadable = 0;
      const uploads = images.map(async (img) => {
        const file = dataUrlToFile(img.src, img.index) || (images.length === 1 && pictures[0]) || null;
        if (!file) {
          unreadable += 1;
          return [img, null];
        }
        const names = await media.addFiles([file]);
        return [img, names[0] || null];
      });
      for (const [img, name] of await Promise.all(uploads)) {
        const token = `(${IMAGE_PLACEHOLDER}${img.index})`;
        text = name ? text.replace(token, `(${name})`) : text.replace(`![${img.alt}]${token}`, '');
      }
      insertPasted(text);
      ctx.announce(unreadable ? t('paste_image_local', { n: unreadable }) : t('paste_cleaned'));
    } else {
      const names = await media.addFiles(pictures);
      replaceSelection(area, names.map((n) => `![](${n})`).join('\n'));
    }
  });
  function insertPasted(text) {
    const blockish = /\n/.test(text) || /^(#|\||- |\d+\. )/.test(text);
    if (blockish) insertBlock(area, text);
    else replaceSelection(area, text);
  }
  area.addEventListener('dragover', (e) => {
    if ([...(e.dataTransfer?.types || [])].includes('Files')) e.preventDefault();
  });
  area.addEventListener('drop', async (e) => {
    const files = [...(e.dataTransfer?.files || [])];
    if (!files.length) return;
    e.preventDefault();
    const names = await media.addFiles(files);
    for (const n of names) {
      if (/\.(jpe?g|png|webp|gif)$/i.test(n)) replaceSelection(area, `![](${n})\n`);
      else insertBlock(area, `{{ attachment(file="${n}") }}`);
    }
  });

  function pickFiles(accept, then) {
    const input = h('input', { type: 'file', multiple: true, accept: accept || false, hidden: true });
    input.addEventListener('change', async () => {
      const names = await media.addFiles([...input.files]);
      input.remove();
      await then(names);
    });
    document.body.append(input);
    input.click();
  }

  async function importDocx(file) {
    ctx.announce(t('docx_importing', { name: file.name }));
    try {
      const r = await upload(`import?${new URLSearchParams({ section: state.section, kind })}`, file);
      ctx.announce(t('docx_done', { name: file.name }));
      const first = r && r.pages && r.pages[0];
      if (first && first.path) location.hash = `#/edit/${encodeURIComponent(first.path)}`;
    } catch (e) {
      ctx.announce(t('docx_failed', { name: file.name, message: e.message }), true);
    }
  }

  function reviewBox() {
    const nameId = uid('rn');
    const name = h('input', { id: nameId, type: 'text', autocomplete: 'name' });
    const out = h('p', { role: 'status', class: 'review-state' });
    const act = (action) => async () => {
      try {
        await save(false);
        const path = await ensurePath();
        const r = await post('review', { path, action, name: name.value.trim() });
        out.textContent = t('review_done', { state: r.state_label || t(`state_${r.state}`) });
        // The server wrote the file (`reviewed:` and the like): take it as
        // written, so the next save neither conflicts nor drops it.
        const fresh = await get('page', { path });
        form.load(fresh.front || {});
        area.value = fresh.body || '';
        state.version = fresh.version;
        localStorage.removeItem(key);
      } catch (e) {
        out.textContent = t('error', { message: e.message });
      }
    };
    const submit = h('button', { type: 'button' }, t('review_submit'));
    const approve = h('button', { type: 'button' }, t('review_approve'));
    submit.addEventListener('click', act('submit'));
    approve.addEventListener('click', act('approve'));
    return h('section', { class: 'review', 'aria-label': t('review_submit') },
      h('label', { for: nameId, class: 'field-label' }, t('review_name')), name,
      h('div', { class: 'row-tools' }, submit, approve), out);
  }

  // ---- a draft this browser kept --------------------------------------------
  const kept = readDraft(key);
  const differs = kept && (!same(kept.front, page.front) || kept.body !== (page.body || ''));
  if (differs) {
    const restore = h('button', { type: 'button', class: 'primary' }, t('restore'));
    const discard = h('button', { type: 'button' }, t('discard'));
    banner.replaceChildren(h('p', {}, t('restore_found', { time: formatTime(kept.at) })), restore, discard);
    banner.hidden = false;
    restore.addEventListener('click', () => {
      form.load(kept.front || {});
      area.value = kept.body || '';
      if (kept.slug) slugInput.value = kept.slug;
      banner.hidden = true;
      ctx.announce(t('restored'));
      changed();
      area.focus();
    });
    discard.addEventListener('click', () => {
      localStorage.removeItem(key);
      banner.hidden = true;
      area.focus();
    });
  } else if (kept) {
    localStorage.removeItem(key);
  }
  if (state.path && page.problems) showProblems(page.problems);
  if (!state.path) setStatus(t('need_title'));
  (state.path ? area : titleControl?.input || area).focus();
  return { save };
}
