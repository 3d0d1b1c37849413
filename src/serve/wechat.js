// noticeboard serve: 复制到公众号 and 公众号预览 on every page the site
// publishes. Added by the preview server only; never part of a built site.
// The fragment, its dark-mode version and the words come from
// /__noticeboard/wechat/<page path>; a page without one (a listing) gets no
// buttons.
(function () {
  'use strict';
  var path = location.pathname.replace(/^\/+/, '');
  var data = null;
  var bar, status, dialog, opener;

  function el(tag, css, text) {
    var e = document.createElement(tag);
    if (css) e.style.cssText = css;
    if (text) e.textContent = text;
    return e;
  }

  var BUTTON = 'font:14px/1.4 system-ui,sans-serif;padding:6px 12px;margin-left:6px;border-radius:4px;' +
    'border:1px solid #07803f;cursor:pointer;';

  function say(text) { status.textContent = text; }

  function plainText(html) {
    var box = el('div', 'position:fixed;left:-9999px;top:0;width:375px');
    box.innerHTML = html;
    document.body.appendChild(box);
    var text = box.innerText;
    box.parentNode.removeChild(box);
    return text;
  }

  // The old way, for a browser without the async clipboard: select a copy
  // of the fragment and let the browser copy the selection as rich text.
  function copyBySelection(html) {
    var box = el('div', 'position:fixed;left:-9999px;top:0;width:375px');
    box.setAttribute('contenteditable', 'true');
    box.innerHTML = html;
    document.body.appendChild(box);
    var range = document.createRange();
    range.selectNodeContents(box);
    var sel = window.getSelection();
    sel.removeAllRanges();
    sel.addRange(range);
    var ok = false;
    try { ok = document.execCommand('copy'); } catch (e) { ok = false; }
    sel.removeAllRanges();
    box.parentNode.removeChild(box);
    return ok;
  }

  function copy() {
    var html = data.copy;
    var done = function () {
      document.documentElement.setAttribute('data-nb-wechat-copied', 'yes');
      say(data.labels.copied);
    };
    var fallback = function () {
      if (copyBySelection(html)) done(); else say(data.labels.failed);
    };
    if (navigator.clipboard && window.ClipboardItem) {
      var item = new ClipboardItem({
        'text/html': new Blob([html], { type: 'text/html' }),
        'text/plain': new Blob([plainText(html)], { type: 'text/plain' })
      });
      navigator.clipboard.write([item]).then(done, fallback);
    } else {
      fallback();
    }
  }

  // A phone-width frame: an iframe, so the site's own stylesheet cannot
  // change what the fragment looks like.
  function frame(html, background, label) {
    var column = el('figure', 'margin:0 12px 16px;display:inline-block;vertical-align:top;text-align:left');
    var caption = el('figcaption', 'font:bold 14px/1.6 system-ui,sans-serif;color:#222;margin-bottom:6px', label);
    var f = el('iframe', 'box-sizing:content-box;width:375px;height:600px;border:1px solid #999;background:' + background);
    f.setAttribute('title', label);
    f.srcdoc = '<!doctype html><html><head><meta charset="utf-8">' +
      '<meta name="viewport" content="width=375"></head>' +
      '<body style="margin:0;padding:16px;background:' + background + '">' + html + '</body></html>';
    f.addEventListener('load', function () {
      try {
        var h = f.contentDocument.documentElement.scrollHeight;
        f.style.height = Math.max(200, h + 4) + 'px';
      } catch (e) { /* keep the default height */ }
    });
    column.appendChild(caption);
    column.appendChild(f);
    return column;
  }

  function closePreview() {
    if (!dialog) return;
    dialog.parentNode.removeChild(dialog);
    dialog = null;
    if (opener) opener.focus();
  }

  function preview(ev) {
    opener = ev && ev.currentTarget;
    closePreview();
    dialog = el('div', 'position:fixed;inset:0;z-index:2147483646;background:rgba(0,0,0,.55);overflow:auto;text-align:center;padding:16px 0');
    dialog.id = 'nb-wechat-preview';
    dialog.setAttribute('role', 'dialog');
    dialog.setAttribute('aria-modal', 'true');
    dialog.setAttribute('aria-label', data.labels.preview);
    var panel = el('div', 'display:inline-block;background:#f2f2f2;border-radius:6px;padding:12px 4px 4px;text-align:left;max-width:98vw');
    var head = el('div', 'display:flex;justify-content:space-between;align-items:center;margin:0 12px 12px');
    head.appendChild(el('strong', 'font:bold 16px/1.4 system-ui,sans-serif;color:#222', data.labels.preview));
    var close = el('button', BUTTON + 'background:#fff;color:#222;border-color:#666', data.labels.close);
    close.type = 'button';
    close.addEventListener('click', closePreview);
    head.appendChild(close);
    panel.appendChild(head);
    panel.appendChild(frame(data.preview, '#ffffff', data.labels.light));
    panel.appendChild(frame(data.dark, '#191919', data.labels.dark));
    if (data.problems.length) {
      var list = el('ul', 'font:13px/1.6 system-ui,sans-serif;color:#222;margin:0 12px 12px;padding-left:20px;max-width:760px');
      data.problems.forEach(function (p) { list.appendChild(el('li', '', p)); });
      var box = el('div', 'margin:0 12px');
      box.appendChild(el('p', 'font:bold 13px/1.6 system-ui,sans-serif;color:#8a4b00;margin:0', data.labels.warnings));
      panel.appendChild(box);
      panel.appendChild(list);
    }
    dialog.appendChild(panel);
    dialog.addEventListener('click', function (e) { if (e.target === dialog) closePreview(); });
    document.body.appendChild(dialog);
    close.focus();
  }

  document.addEventListener('keydown', function (e) {
    if (e.key === 'Escape') closePreview();
  });

  function show() {
    bar = el('div', 'position:fixed;right:12px;bottom:12px;z-index:2147483645;background:#fff;' +
      'border:1px solid #ccc;border-radius:6px;padding:6px 8px;box-shadow:0 2px 8px rgba(0,0,0,.2);' +
      'font:14px/1.4 system-ui,sans-serif;color:#222');
    bar.id = 'nb-wechat';
    bar.setAttribute('lang', data.lang);
    var copyButton = el('button', BUTTON + 'background:#07803f;color:#fff', data.labels.copy);
    copyButton.type = 'button';
    copyButton.id = 'nb-wechat-copy';
    copyButton.addEventListener('click', copy);
    var previewButton = el('button', BUTTON + 'background:#fff;color:#07803f', data.labels.preview);
    previewButton.type = 'button';
    previewButton.id = 'nb-wechat-preview-button';
    previewButton.addEventListener('click', preview);
    status = el('span', 'margin-left:8px;font-size:13px');
    status.setAttribute('role', 'status');
    bar.appendChild(copyButton);
    bar.appendChild(previewButton);
    bar.appendChild(status);
    document.body.appendChild(bar);
    document.documentElement.setAttribute('data-nb-wechat', 'ready');
  }

  fetch('/__noticeboard/wechat/' + path, { credentials: 'same-origin' })
    .then(function (r) { return r.ok ? r.json() : null; })
    .then(function (json) {
      if (!json) return;
      data = json;
      if (document.body) show(); else document.addEventListener('DOMContentLoaded', show);
    })
    .catch(function () { /* no buttons */ });
})();
