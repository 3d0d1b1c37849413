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

  // The writing desk's preview (a frame it names nb-desk-preview) shows an
  // edit of its page in place: the page's new HTML, as served, replaces the
  // old body at the same scroll position and the page's scripts run on it
  // again. A reload would fetch the stylesheet, scripts and pictures anew and
  // lay the page out from nothing, about half of the writer's wait after a
  // save. Anything else that changed (the head: title, stylesheets; the
  // <html> element) reloads, and so does a failed fetch.
  var inPlace = window.name === 'nb-desk-preview' && window.fetch && window.DOMParser;
  var servedHead = document.head ? document.head.innerHTML : '';
  var refreshing = null;

  // What the page's scripts hang on the window and the document outlives a
  // body: noted, and taken off before they run again, as a reload would.
  var hung = [];
  if (inPlace) {
    [window, document].forEach(function (target) {
      var add = target.addEventListener;
      target.addEventListener = function (type, listener, options) {
        hung.push([target, type, listener, options]);
        return add.call(target, type, listener, options);
      };
    });
  }

  function sameRoot(doc) {
    var attrs = doc.documentElement.attributes;
    for (var i = 0; i < attrs.length; i++) {
      if (document.documentElement.getAttribute(attrs[i].name) !== attrs[i].value) return false;
    }
    return true;
  }

  // Scripts run again as the page's own loading ran them: those of the body
  // in place (fresh elements, so the markup stays as served), then the
  // head's deferred ones, which worked on the old body; in order. This
  // script keeps running and is not started twice.
  function rerun(body) {
    hung.splice(0).forEach(function (h) { h[0].removeEventListener(h[1], h[2], h[3]); });
    var live = /\/__noticeboard\/live\.js$/;
    var scripts = body.querySelectorAll('script');
    var later = [];
    var i;
    for (i = 0; i < scripts.length; i++) {
      var old = scripts[i];
      if (live.test(old.getAttribute('src') || '')) continue;
      if (old.defer && old.src) later.push(old);
      else restart(old, old);
    }
    var heads = document.head.querySelectorAll('script[src][defer]');
    var deferred = Array.prototype.slice.call(heads).concat(later);
    for (i = 0; i < deferred.length; i++) restart(deferred[i], deferred[i].parentNode === document.head ? null : deferred[i]);
  }

  // A new script like `old`, in its place (or, for the head's, for as long
  // as it takes to run).
  function restart(old, place) {
    var s = document.createElement('script');
    for (var i = 0; i < old.attributes.length; i++) s.setAttribute(old.attributes[i].name, old.attributes[i].value);
    s.async = false;
    if (!old.src) s.text = old.text;
    if (place) {
      place.parentNode.replaceChild(s, place);
    } else {
      s.onload = s.onerror = function () { if (s.parentNode) s.parentNode.removeChild(s); };
      document.body.appendChild(s);
    }
  }

  function refresh() {
    if (refreshing) {
      refreshing.again = true;
      return;
    }
    var run = refreshing = { again: false };
    fetch(location.href, { cache: 'no-store', credentials: 'same-origin' }).then(function (response) {
      var type = response.headers.get('content-type') || '';
      if (!response.ok || response.redirected || type.indexOf('text/html') !== 0) throw new Error('reload');
      return response.text();
    }).then(function (text) {
      var doc = new DOMParser().parseFromString(text, 'text/html');
      if (doc.head.innerHTML !== servedHead || !sameRoot(doc) || !doc.body) throw new Error('reload');
      var x = window.scrollX;
      var y = window.scrollY;
      var body = document.adoptNode(doc.body);
      document.documentElement.replaceChild(body, document.body);
      window.scrollTo(x, y);
      rerun(body);
      document.documentElement.setAttribute('data-nb-refreshed', String(Date.now()));
      refreshing = null;
      if (run.again) refresh();
    }).catch(function () {
      refreshing = null;
      reload();
    });
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
    if (broken || data.all || overlay()) reload();
    else if (data.paths.indexOf(here) >= 0) (inPlace ? refresh : reload)();
  });
  source.addEventListener('css', function (event) {
    clearOverlay();
    swapStyles(JSON.parse(event.data).paths);
  });
  document.documentElement.setAttribute('data-nb-live', 'connected');
})();
