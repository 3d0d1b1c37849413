// noticeboard serve: live reload and the build-error overlay. Added to every
// HTML page by the preview server only; never part of a built site.
(function () {
  'use strict';
  var KEY = 'noticeboard-scroll';
  var here = decodeURIComponent(location.pathname).replace(/^\/+/, '');
  if (here === '' || here.slice(-1) === '/') here += 'index.html';

  // Back where the reader was before the reload.
  try {
    var saved = JSON.parse(sessionStorage.getItem(KEY) || 'null');
    sessionStorage.removeItem(KEY);
    if (saved && saved.path === here) {
      window.addEventListener('load', function () { window.scrollTo(saved.x, saved.y); });
      window.scrollTo(saved.x, saved.y);
    }
  } catch (e) { /* storage may be off */ }

  function reload() {
    try {
      sessionStorage.setItem(KEY, JSON.stringify({ path: here, x: window.scrollX, y: window.scrollY }));
    } catch (e) { /* reload anyway */ }
    location.reload();
  }

  function overlay() { return document.getElementById('nb-live-overlay'); }

  function clearOverlay() {
    var o = overlay();
    if (o) o.parentNode.removeChild(o);
    document.documentElement.removeAttribute('data-nb-build-error');
  }

  function showOverlay(data) {
    clearOverlay();
    var o = document.createElement('div');
    o.id = 'nb-live-overlay';
    o.setAttribute('role', 'alert');
    o.style.cssText = 'position:fixed;inset:0;z-index:2147483647;overflow:auto;' +
      'background:rgba(24,0,0,.92);color:#fff;font:15px/1.6 system-ui,sans-serif;padding:24px';
    var h = document.createElement('h2');
    h.textContent = '构建失败 · Build failed';
    h.style.cssText = 'margin:0 0 12px;color:#ff8a80;font-size:20px';
    o.appendChild(h);
    (data.errors || []).forEach(function (e) {
      var item = document.createElement('div');
      item.className = 'nb-live-error';
      item.style.cssText = 'margin:0 0 16px;padding:12px;border-left:4px solid #ff5252;background:#2b0a0a';
      var where = document.createElement('div');
      where.className = 'nb-live-where';
      where.style.cssText = 'font-family:ui-monospace,monospace;color:#ffcdd2';
      where.textContent = (e.file || '') + (e.line ? ':' + e.line : '') + (e.column ? ':' + e.column : '');
      var msg = document.createElement('div');
      msg.className = 'nb-live-message';
      msg.textContent = e.message;
      item.appendChild(where);
      item.appendChild(msg);
      if (e.help) {
        var help = document.createElement('div');
        help.style.cssText = 'color:#bbb';
        help.textContent = e.help;
        item.appendChild(help);
      }
      o.appendChild(item);
    });
    var note = document.createElement('p');
    note.textContent = '保存修正后的文件，本提示会自动消失。Save the fixed file and this goes away.';
    note.style.cssText = 'color:#bbb';
    o.appendChild(note);
    document.documentElement.setAttribute('data-nb-build-error', '');
    (document.body || document.documentElement).appendChild(o);
  }

  function swapStyles(paths) {
    var links = document.querySelectorAll('link[rel="stylesheet"]');
    for (var i = 0; i < links.length; i++) {
      var url = new URL(links[i].href, location.href);
      var path = decodeURIComponent(url.pathname).replace(/^\/+/, '');
      if (paths.indexOf(path) >= 0) {
        url.searchParams.set('nb', String(Date.now()));
        links[i].href = url.toString();
      }
    }
    document.documentElement.setAttribute('data-nb-css-swapped', String(Date.now()));
  }

  if (!window.EventSource) return;
  var source = new EventSource('/__noticeboard/events');
  var broken = document.title.indexOf('build failed') >= 0;
  source.addEventListener('ok', function () {
    // A page served while no build had succeeded: the site is back.
    if (broken) reload();
    clearOverlay();
  });
  source.addEventListener('error', function (event) {
    if (event.data) showOverlay(JSON.parse(event.data));
  });
  source.addEventListener('reload', function (event) {
    var data = JSON.parse(event.data);
    if (broken || data.all || data.paths.indexOf(here) >= 0 || overlay()) reload();
  });
  source.addEventListener('css', function (event) {
    clearOverlay();
    swapStyles(JSON.parse(event.data).paths);
  });
  document.documentElement.setAttribute('data-nb-live', 'connected');
})();
