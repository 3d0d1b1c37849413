// The real page beside the writing surface: the page as serve serves it, in
// a frame. serve's live script shows each save in it; the frame's name asks
// it to do so in place (the new HTML's body swapped in at the same scroll
// position, see src/serve/live.js) rather than by reloading the page with
// its stylesheet, scripts and pictures. A new address (the first save, a
// changed date or 网址名) loads the frame anew.

import { h, uid } from './api.js';
import { t } from './i18n.js';

/// `{el, frame, show(url, sentAt)}`: `show` after each save, with the time
/// the save was sent.
export function previewPane() {
  const frame = h('iframe', { title: t('preview'), class: 'preview-frame', name: 'nb-desk-preview', src: 'about:blank' });
  const wait = h('p', { class: 'muted preview-wait' }, t('preview_wait'));
  const head = uid('ph');
  const el = h('section', { class: 'preview', 'aria-labelledby': head }, h('h2', { id: head, tabindex: '-1' }, t('preview')), wait, frame);
  let url = null;
  let loadedAt = 0;
  frame.addEventListener('load', () => { loadedAt = Date.now(); });

  /// Whether the frame has shown a page (loaded, or refreshed in place)
  /// since `time`.
  function shownSince(time) {
    if (loadedAt >= time) return true;
    try {
      return Number(frame.contentDocument.documentElement.getAttribute('data-nb-refreshed')) >= time;
    } catch {
      return false;
    }
  }

  function show(next, sentAt = Date.now()) {
    if (!next) return;
    wait.hidden = true;
    if (next !== url || frame.getAttribute('src') === 'about:blank') {
      url = next;
      frame.src = next;
      return;
    }
    // Should the live script have shown nothing of this save (its stream
    // was down), reload a little later.
    setTimeout(() => {
      if (shownSince(sentAt)) return;
      try {
        frame.contentWindow.location.reload();
      } catch {
        frame.src = next;
      }
    }, 2500);
  }

  return { el, frame, show };
}
