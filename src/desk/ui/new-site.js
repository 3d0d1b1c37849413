// The desk's new-site page: proposes a folder, runs `init` there through
// POST /_desk/api/new-site, then goes to the new site's desk.
(function () {
  'use strict';
  var form = document.getElementById('new-site');
  var folder = document.getElementById('folder');
  var status = document.getElementById('status');
  var button = document.getElementById('create');

  function say(text, isError) {
    status.textContent = text;
    status.className = isError ? 'error' : '';
  }

  fetch('/_desk/api/new-site', { credentials: 'same-origin' })
    .then(function (r) { return r.json(); })
    .then(function (data) { if (data.folder) { folder.value = data.folder; } })
    .catch(function () {});

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var lang = form.querySelector('input[name="lang"]:checked').value;
    button.disabled = true;
    say(lang === 'en' ? 'Making the site…' : '正在新建网站……', false);
    fetch('/_desk/api/new-site', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ folder: folder.value, lang: lang })
    })
      .then(function (r) { return r.json().then(function (body) { return { ok: r.ok, body: body }; }); })
      .then(function (answer) {
        if (answer.ok && answer.body.desk) {
          say(lang === 'en' ? 'Done. Opening the desk…' : '已新建。正在打开写作台……', false);
          window.location.href = answer.body.desk;
          return;
        }
        var error = answer.body.error || {};
        say((error.message || '') + (error.code ? ' [' + error.code + ']' : ''), true);
        folder.setAttribute('aria-invalid', 'true');
        folder.focus();
        button.disabled = false;
      })
      .catch(function (e) {
        say(String(e), true);
        button.disabled = false;
      });
  });
})();
