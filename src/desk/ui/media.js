// Photos and attachments of the page being edited: several files dropped or
// chosen at once, each uploaded with its own progress bar; photos get a
// caption, one may be the cover, and their gallery order changes by drag and
// drop or by the Move up / Move down buttons; attachments are listed with
// type, size and SHA-256 as the page lists them. A dropped .docx goes to the
// importer instead.

import { h, upload, uid } from './api.js';
import { formatSize, t } from './i18n.js';

const IMAGE_EXT = /\.(jpe?g|png|webp|gif)$/i;

export function isImage(file) {
  return /^image\//.test(file.type || '') || IMAGE_EXT.test(file.name || '');
}

export function isDocx(file) {
  return /\.docx$/i.test(file.name || '');
}

function typeLabel(file) {
  const ext = /\.([a-z0-9]+)$/i.exec(file.name || '');
  return ext ? ext[1].toUpperCase() : file.type || '';
}

/// The panel. `host` gives: `path()` the page's path or null, `ensurePath()`
/// (saves a new page first, resolves to its path), `front()` and
/// `setFront(patch)` for gallery/cover, `uploaded(result)`, `insert(text)`,
/// `addAttachment(file)` (or null when the kind has no attachment list),
/// `importDocx(file)`, `announce(text)`, `say(text)` (screen readers only),
/// and `needNote(error)`, which asks for a published disclosure's revision
/// note and resolves to it once the writer has given it.
export function mediaPanel(host) {
  let files = [];
  const photosEl = h('ol', { class: 'photos', 'aria-label': t('media_photos') });
  const attachEl = h('tbody');
  const attachTable = h(
    'table',
    { class: 'attachments' },
    h('caption', {}, t('media_attachments')),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('col_title')), h('th', { scope: 'col' }, t('file_type')), h('th', { scope: 'col' }, t('file_size')), h('th', { scope: 'col' }, 'SHA-256'), h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, t('insert'))))),
    attachEl,
  );
  const progressEl = h('ul', { class: 'uploads', 'aria-live': 'polite' });
  const empty = h('p', { class: 'muted' }, t('media_none'));
  const inputId = uid('files');
  const picker = h('input', { type: 'file', id: inputId, multiple: true, class: 'visually-hidden', tabindex: '-1', 'aria-hidden': 'true' });
  const choose = h('button', { type: 'button', class: 'link-button' }, t('media_choose'));
  choose.addEventListener('click', () => picker.click());
  picker.addEventListener('change', () => {
    addFiles([...picker.files]);
    picker.value = '';
  });
  const zone = h('div', { class: 'dropzone' }, h('p', {}, t('media_drop'), ' ', choose), picker, progressEl);
  zone.addEventListener('dragover', (e) => {
    e.preventDefault();
    zone.classList.add('over');
  });
  zone.addEventListener('dragleave', () => zone.classList.remove('over'));
  zone.addEventListener('drop', (e) => {
    e.preventDefault();
    zone.classList.remove('over');
    addFiles([...(e.dataTransfer?.files || [])]);
  });
  const hint = h('p', { class: 'help' }, t('gallery_order'));
  const el = h(
    'section',
    { class: 'media', 'aria-labelledby': `${inputId}-h` },
    h('h2', { id: `${inputId}-h` }, t('media')),
    zone,
    empty,
    h('h3', {}, t('media_photos')),
    hint,
    photosEl,
    attachTable,
  );

  /// Photos in gallery order: the front matter's `gallery` list first, then
  /// any other image of the bundle in file-name order.
  function ordered() {
    const images = files.filter(isImage);
    const gallery = Array.isArray(host.front().gallery) ? host.front().gallery : [];
    const out = [];
    for (const g of gallery) {
      const f = images.find((x) => x.name === (g && g.src));
      if (f && !out.includes(f)) out.push(f);
    }
    for (const f of images.slice().sort((a, b) => a.name.localeCompare(b.name))) if (!out.includes(f)) out.push(f);
    return out;
  }

  function captionOf(name) {
    const gallery = Array.isArray(host.front().gallery) ? host.front().gallery : [];
    const g = gallery.find((x) => x && x.src === name);
    return (g && g.caption) || '';
  }

  function writeGallery(order, captions) {
    host.setFront({
      gallery: order.map((f) => {
        const caption = captions.get(f.name) || '';
        return caption ? { src: f.name, caption } : { src: f.name };
      }),
    });
  }

  function currentCaptions() {
    const map = new Map();
    for (const li of photosEl.children) map.set(li.dataset.name, li.querySelector('input').value.trim());
    return map;
  }

  function reorder(from, to, focusWhat) {
    const order = ordered();
    if (to < 0 || to >= order.length || from === to) return;
    const [moved] = order.splice(from, 1);
    order.splice(to, 0, moved);
    writeGallery(order, currentCaptions());
    render();
    const li = photosEl.children[to];
    const button = li && li.querySelector(`[data-act="${focusWhat}"]:not([disabled])`);
    (button || (li && li.querySelector('input')))?.focus();
    host.say(`${moved.name}: ${to + 1} / ${order.length}`);
  }

  function render() {
    const order = ordered();
    const cover = host.front().cover;
    photosEl.replaceChildren();
    order.forEach((f, i) => {
      const capId = uid('cap');
      const isCover = cover === f.name;
      const page = host.path();
      const thumb = h('img', {
        src: page ? `/_desk/api/file?${new URLSearchParams({ page, name: f.name })}` : '',
        alt: '',
        width: 96,
        height: 72,
        loading: 'lazy',
      });
      const caption = h('input', { type: 'text', id: capId, value: captionOf(f.name) });
      caption.addEventListener('input', () => writeGallery(ordered(), currentCaptions()));
      const coverBtn = h('button', { type: 'button', class: `small${isCover ? ' on' : ''}`, 'aria-pressed': isCover ? 'true' : 'false', 'data-act': 'cover' }, isCover ? `★ ${t('is_cover')}` : t('cover'));
      coverBtn.addEventListener('click', () => {
        host.setFront({ cover: f.name });
        if (!Array.isArray(host.front().gallery)) writeGallery(order, currentCaptions());
        render();
        photosEl.children[i]?.querySelector('[data-act="cover"]')?.focus();
      });
      const up = h('button', { type: 'button', class: 'small', 'data-act': 'up', disabled: i === 0, 'aria-label': t('about', { action: t('move_up'), name: f.name }) }, '↑');
      const down = h('button', { type: 'button', class: 'small', 'data-act': 'down', disabled: i === order.length - 1, 'aria-label': t('about', { action: t('move_down'), name: f.name }) }, '↓');
      const insert = h('button', { type: 'button', class: 'small', 'data-act': 'insert', 'aria-label': t('about', { action: t('insert'), name: f.name }) }, t('insert'));
      up.addEventListener('click', () => reorder(i, i - 1, 'up'));
      down.addEventListener('click', () => reorder(i, i + 1, 'down'));
      insert.addEventListener('click', () => host.insert(`![${caption.value.trim()}](${f.name})`));
      const li = h(
        'li',
        { class: `photo${isCover ? ' is-cover' : ''}`, draggable: 'true', 'data-name': f.name },
        thumb,
        h('div', { class: 'photo-body' },
          h('span', { class: 'file-name' }, f.name),
          h('label', { for: capId }, t('caption_of', { name: f.name })),
          caption,
          h('span', { class: 'row-tools' }, coverBtn, up, down, insert)),
      );
      li.addEventListener('dragstart', (e) => {
        e.dataTransfer.setData('application/x-nb-photo', String(i));
        e.dataTransfer.effectAllowed = 'move';
        li.classList.add('dragging');
      });
      li.addEventListener('dragend', () => li.classList.remove('dragging'));
      li.addEventListener('dragover', (e) => {
        if ([...e.dataTransfer.types].includes('application/x-nb-photo')) e.preventDefault();
      });
      li.addEventListener('drop', (e) => {
        const from = e.dataTransfer.getData('application/x-nb-photo');
        if (from === '') return;
        e.preventDefault();
        e.stopPropagation();
        reorder(Number(from), i, 'up');
      });
      photosEl.append(li);
    });
    attachEl.replaceChildren();
    for (const f of files.filter((x) => !isImage(x))) {
      const tools = [];
      const ins = h('button', { type: 'button', class: 'small', 'aria-label': t('about', { action: t('insert'), name: f.name }) }, t('insert'));
      ins.addEventListener('click', () => host.insert(`{{ attachment(file="${f.name}") }}`));
      tools.push(ins);
      if (host.addAttachment) {
        const add = h('button', { type: 'button', class: 'small', 'aria-label': t('about', { action: t('add_attachment'), name: f.name }) }, t('add_attachment'));
        add.addEventListener('click', () => host.addAttachment(f));
        tools.push(add);
      }
      attachEl.append(h('tr', {},
        h('td', { class: 'file-name' }, f.name),
        h('td', {}, typeLabel(f)),
        h('td', {}, formatSize(f.size)),
        h('td', { class: 'sha' }, h('code', {}, f.sha256 || '')),
        h('td', {}, tools)));
    }
    const hasPhotos = order.length > 0;
    const hasAttachments = attachEl.children.length > 0;
    photosEl.hidden = !hasPhotos;
    hint.hidden = !hasPhotos;
    photosEl.previousElementSibling.previousElementSibling.hidden = !hasPhotos;
    attachTable.hidden = !hasAttachments;
    empty.hidden = hasPhotos || hasAttachments;
  }

  function progressItem(file) {
    const bar = h('progress', { max: 1, value: 0, 'aria-label': t('uploading', { name: file.name }) });
    const text = h('span', {}, t('uploading', { name: file.name }));
    const item = h('li', {}, text, ' ', bar);
    progressEl.append(item);
    return { bar, text, item };
  }

  // Every upload of this page waits for the one before: the first may turn
  // a single-file page into a bundle (a new path) that the next must use,
  // even when two pastes or drops overlap.
  let queue = Promise.resolve();
  function uploadOne(file, progress) {
    const run = queue.then(() => sendOne(file, progress));
    queue = run.catch(() => null);
    return run;
  }

  async function sendOne(file, { bar, text, item }) {
    try {
      const page = await host.ensurePath();
      const send = (fields) => upload(`upload?${new URLSearchParams({ page })}`, file, (p) => { bar.value = p; }, fields);
      let result;
      try {
        result = await send();
      } catch (e) {
        // Into a recorded disclosure, a file that changes what the ledger
        // holds waits for the revision note, then goes with it.
        if (!(e.status === 422 && e.field === 'revision_note')) throw e;
        text.textContent = t('upload_needs_note', { name: file.name });
        bar.value = 0;
        const note = await host.needNote(e);
        text.textContent = t('uploading', { name: file.name });
        result = await send({ revision_note: note });
      }
      bar.value = 1;
      text.textContent = t('uploaded', { name: file.name });
      item.classList.add('done');
      host.uploaded(result);
      return result;
    } catch (e) {
      text.textContent = t('upload_failed', { name: file.name, message: e.message });
      item.classList.add('failed');
      item.setAttribute('role', 'alert');
      bar.remove();
      return null;
    }
  }

  /// Uploads each file (each with its own progress bar), then adds new
  /// photos to the end of the gallery. Resolves to the uploaded names.
  async function addFiles(list) {
    const docx = list.filter(isDocx);
    const rest = list.filter((f) => !isDocx(f));
    for (const d of docx) host.importDocx(d);
    if (!rest.length) return [];
    const items = rest.map(progressItem);
    await host.ensurePath();
    const results = await Promise.all(rest.map((f, i) => uploadOne(f, items[i])));
    const names = results.filter(Boolean).flatMap((r) => (r.files || []).map((f) => f.name));
    const newPhotos = names.filter((n) => IMAGE_EXT.test(n));
    if (newPhotos.length) {
      const order = ordered().map((f) => f.name);
      const gallery = Array.isArray(host.front().gallery) ? [...host.front().gallery] : order.filter((n) => !newPhotos.includes(n)).map((src) => ({ src }));
      for (const n of newPhotos) if (!gallery.some((g) => g.src === n)) gallery.push({ src: n });
      host.setFront({ gallery });
      render();
    }
    setTimeout(() => {
      for (const li of [...progressEl.children]) if (li.classList.contains('done')) li.remove();
    }, 4000);
    return names;
  }

  return {
    el,
    render,
    addFiles,
    /// Resolves once every upload started so far has finished.
    settled: () => queue,
    setFiles(next) {
      files = [...(next || [])];
      render();
    },
    files: () => files,
  };
}
