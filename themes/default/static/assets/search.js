/* noticeboard search: runs entirely in the browser, from a web server or from
   file://. Index parts are scripts that call NB_SEARCH(key, data); the
   tokenizer mirrors src/emit/search.rs. */
(function () {
  "use strict";
  var root = document.getElementById("search");
  if (!root) return;
  var base = root.getAttribute("data-index");
  var siteRoot = root.getAttribute("data-root");
  var suffix = root.getAttribute("data-suffix") || "";
  var form = document.getElementById("search-form");
  var input = document.getElementById("search-q");
  var sectionSel = document.getElementById("search-section");
  var yearSel = document.getElementById("search-year");
  var out = document.getElementById("search-results");
  var status = document.getElementById("search-status");
  var words = JSON.parse(root.getAttribute("data-words"));

  var store = {};
  var waiting = {};
  window.NB_SEARCH = function (key, value) {
    store[key] = value;
    (waiting[key] || []).forEach(function (f) { f(value); });
    delete waiting[key];
  };
  function load(key, file) {
    return new Promise(function (resolve, reject) {
      if (key in store) return resolve(store[key]);
      var first = !waiting[key];
      (waiting[key] = waiting[key] || []).push(resolve);
      if (!first) return;
      var s = document.createElement("script");
      s.src = base + file;
      s.async = true;
      s.onerror = function () { reject(new Error("cannot load " + file)); };
      document.head.appendChild(s);
    });
  }

  function isCjk(c) {
    var n = c.codePointAt(0);
    return (n >= 0x3400 && n <= 0x4DBF) || (n >= 0x4E00 && n <= 0x9FFF) || (n >= 0xF900 && n <= 0xFAFF) ||
      (n >= 0x20000 && n <= 0x2FA1F) || (n >= 0x30000 && n <= 0x323AF) || (n >= 0x3041 && n <= 0x3096) ||
      (n >= 0x30A1 && n <= 0x30FA) || (n >= 0x31F0 && n <= 0x31FF) || (n >= 0x1100 && n <= 0x11FF) ||
      (n >= 0xAC00 && n <= 0xD7AF) || (n >= 0x3130 && n <= 0x318F) || n === 0x3007;
  }
  function fold(c) {
    var n = c.codePointAt(0);
    if (n >= 0xFF01 && n <= 0xFF5E) c = String.fromCodePoint(n - 0xFEE0);
    return c.toLowerCase();
  }
  var wordChar = /[\p{L}\p{N}]/u;
  function tokenize(text, unigrams) {
    var out = [], word = "", prev = null;
    for (var ch of text) {
      var c = fold(ch);
      if (isCjk(c)) {
        if (word) { out.push(word); word = ""; }
        if (unigrams) out.push(c);
        if (prev !== null) out.push(prev + c);
        prev = c;
      } else {
        prev = null;
        if (wordChar.test(c)) word += c;
        else if (word) { out.push(word); word = ""; }
      }
    }
    if (word) out.push(word);
    return out;
  }
  function shardOf(term, shards) {
    var h = 0x811c9dc5;
    for (var ch of term) {
      h ^= ch.codePointAt(0);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    return h % shards;
  }
  function postings(encoded) {
    var map = new Map(), doc = 0;
    if (!encoded) return map;
    encoded.split(",").forEach(function (pair) {
      var dot = pair.indexOf(".");
      doc += parseInt(pair.slice(0, dot), 36);
      map.set(doc, parseInt(pair.slice(dot + 1), 36));
    });
    return map;
  }
  function esc(s) {
    return s.replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  }
  function foldString(s) { var r = ""; for (var ch of s) r += fold(ch); return r; }
  /* Marks every occurrence of the query's pieces (bigrams joined back into runs). */
  function highlight(text, pieces) {
    var folded = foldString(text);
    var marks = new Array(text.length).fill(false);
    pieces.forEach(function (p) {
      if (!p) return;
      var at = folded.indexOf(p);
      while (at >= 0) {
        for (var i = at; i < at + p.length; i++) marks[i] = true;
        at = folded.indexOf(p, at + 1);
      }
    });
    var html = "", open = false;
    for (var i = 0; i < text.length; i++) {
      if (marks[i] && !open) { html += "<mark>"; open = true; }
      if (!marks[i] && open) { html += "</mark>"; open = false; }
      html += esc(text[i]);
    }
    return html + (open ? "</mark>" : "");
  }
  function pieces(query) {
    /* Whole runs of the query (not bigrams) for highlighting and title matching. */
    return foldString(query).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  }
  function snippet(text, ps) {
    var folded = foldString(text), at = -1;
    for (var i = 0; i < ps.length && at < 0; i++) at = folded.indexOf(ps[i]);
    var start = Math.max(0, at < 0 ? 0 : at - 40);
    var piece = text.slice(start, start + 120);
    return (start > 0 ? "…" : "") + highlight(piece, ps) + (start + 120 < text.length ? "…" : "");
  }

  var meta = null;
  function fillFilters() {
    meta.sections.forEach(function (s, i) {
      var o = document.createElement("option");
      o.value = String(i); o.textContent = s[0];
      sectionSel.appendChild(o);
    });
    var years = {};
    meta.docs.forEach(function (d) { years[d[3].slice(0, 4)] = true; });
    Object.keys(years).sort().reverse().forEach(function (y) {
      var o = document.createElement("option");
      o.value = y; o.textContent = y;
      yearSel.appendChild(o);
    });
  }

  /* Results whose snippets are loaded with the list. */
  var FIRST_SNIPPETS = 8;

  function shardOfDoc(doc) { return Math.floor(doc / meta.text_shard_docs); }

  /* Loads the text shards of these snippet elements and fills them in. */
  function fillSnippets(elements, ps, mine) {
    var pending = elements.filter(function (el) { return !el.hasAttribute("data-filled"); });
    var needed = Array.from(new Set(pending.map(function (el) { return shardOfDoc(+el.getAttribute("data-doc")); })));
    return Promise.all(needed.map(function (n) { return load("x" + n, "text-" + n + ".js"); })).then(function () {
      if (mine !== generation) return;
      pending.forEach(function (el) {
        var doc = +el.getAttribute("data-doc");
        var text = store["x" + shardOfDoc(doc)][doc % meta.text_shard_docs] || "";
        el.innerHTML = snippet(text, ps);
        el.setAttribute("data-filled", "");
      });
    });
  }

  var observer = null;
  function watchSnippets(ps, mine) {
    if (observer) observer.disconnect();
    var rest = Array.prototype.slice.call(out.querySelectorAll(".search-snippet:not([data-filled])"));
    if (!rest.length) return;
    if (!("IntersectionObserver" in window)) { fillSnippets(rest, ps, mine); return; }
    observer = new IntersectionObserver(function (entries) {
      var seen = entries.filter(function (e) { return e.isIntersecting; }).map(function (e) { return e.target; });
      seen.forEach(function (el) { observer.unobserve(el); });
      if (seen.length) fillSnippets(seen, ps, mine);
    }, { rootMargin: "400px 0px" });
    rest.forEach(function (el) { observer.observe(el); });
  }

  var generation = 0;
  function run() {
    var query = input.value.trim();
    var mine = ++generation;
    var params = new URLSearchParams(location.search);
    if (query) params.set("q", query); else params.delete("q");
    if (sectionSel.value) params.set("section", sectionSel.value); else params.delete("section");
    if (yearSel.value) params.set("year", yearSel.value); else params.delete("year");
    try { history.replaceState(null, "", location.pathname + (query ? "?" + params.toString() : "")); } catch (e) { /* file:// may refuse */ }
    /* `data-query` on the list names what it shows (query and filters), so a
       test can wait for the list to catch up with the keyboard. */
    var shows = query + "|" + sectionSel.value + "|" + yearSel.value;
    if (!query) { out.innerHTML = ""; status.textContent = ""; out.setAttribute("data-query", shows); return; }
    var terms = tokenize(query, false);
    var titleOnly = false;
    if (!terms.length) { terms = tokenize(query, true); titleOnly = true; }
    if (!terms.length) { out.innerHTML = ""; status.textContent = words.none; out.setAttribute("data-query", shows); return; }
    var unique = Array.from(new Set(terms));
    Promise.all(unique.map(function (t) {
      var n = shardOf(t, meta.shards);
      return load("t" + n, "terms-" + n + ".js").then(function (shard) { return postings(shard[t]); });
    })).then(function (lists) {
      if (mine !== generation) return;
      var ps = pieces(query);
      lists.sort(function (a, b) { return a.size - b.size; });
      var section = sectionSel.value, year = yearSel.value;
      var hits = [];
      lists[0].forEach(function (count, doc) {
        var total = count;
        for (var i = 1; i < lists.length; i++) {
          var c = lists[i].get(doc);
          if (c === undefined) return;
          total += c;
        }
        var d = meta.docs[doc];
        if (section && String(d[2]) !== section) return;
        if (year && d[3].slice(0, 4) !== year) return;
        var title = foldString(d[0]);
        var inTitle = ps.every(function (p) { return title.indexOf(p) >= 0; });
        if (titleOnly && !inTitle) return;
        hits.push({ doc: doc, inTitle: inTitle, total: total });
      });
      /* Title hits first, then frequency, then recency (lower id is newer). */
      hits.sort(function (a, b) {
        return (b.inTitle - a.inTitle) || (b.total - a.total) || (a.doc - b.doc);
      });
      var shown = hits.slice(0, 50);
      status.textContent = words.found.replace("{n}", String(hits.length));
      out.innerHTML = shown.map(function (h) {
        var d = meta.docs[h.doc];
        return '<li class="search-hit"><a href="' + esc(siteRoot + d[1] + suffix) + '">' + highlight(d[0], ps) + "</a>" +
          '<p class="search-meta">' + esc(meta.sections[d[2]] ? meta.sections[d[2]][0] : "") + " · " + esc(d[3]) + "</p>" +
          '<p class="search-snippet" data-doc="' + h.doc + '"></p></li>';
      }).join("");
      /* Snippets come from text shards: those of the first screen now, the
         rest as they scroll into view, so a common query does not fetch the
         text of fifty pages. */
      var first = Array.prototype.slice.call(out.querySelectorAll(".search-snippet")).slice(0, FIRST_SNIPPETS);
      return fillSnippets(first, ps, mine).then(function () {
        if (mine !== generation) return;
        /* How long the first results took, for the benchmark and the tests. */
        if (!root.hasAttribute("data-first-result-ms")) {
          root.setAttribute("data-first-result-ms", String(Math.round(performance.now())));
        }
        out.setAttribute("data-query", shows);
        watchSnippets(ps, mine);
      });
    }).catch(function (e) {
      status.textContent = words.error + " (" + e.message + ")";
    });
  }

  var timer = null;
  input.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(run, 150); });
  sectionSel.addEventListener("change", run);
  yearSel.addEventListener("change", run);
  /* Enter runs the search now, and the one the typing had scheduled is
     dropped: run a moment later, it would redraw the same results under a
     keyboard user who has already moved into them, and lose their focus. */
  form.addEventListener("submit", function (e) { e.preventDefault(); clearTimeout(timer); run(); });
  document.addEventListener("keydown", function (e) {
    if (e.key === "/" && document.activeElement !== input) { e.preventDefault(); input.focus(); }
  });
  /* Arrow keys walk from the box through the result links and back; Enter on
     a focused link opens it, as links do. */
  function hitLinks() { return Array.prototype.slice.call(out.querySelectorAll(".search-hit > a")); }
  input.addEventListener("keydown", function (e) {
    if (e.key !== "ArrowDown") return;
    var links = hitLinks();
    if (links.length) { e.preventDefault(); links[0].focus(); }
  });
  out.addEventListener("keydown", function (e) {
    if (e.key !== "ArrowDown" && e.key !== "ArrowUp") return;
    var links = hitLinks(), at = links.indexOf(document.activeElement);
    if (at < 0) return;
    e.preventDefault();
    if (e.key === "ArrowDown") links[Math.min(at + 1, links.length - 1)].focus();
    else if (at === 0) input.focus();
    else links[at - 1].focus();
  });

  load("meta", "docs.js").then(function (m) {
    meta = m;
    fillFilters();
    var params = new URLSearchParams(location.search);
    var q = params.get("q");
    if (q) input.value = q;
    if (params.get("section")) sectionSel.value = params.get("section");
    if (params.get("year")) yearSel.value = params.get("year");
    root.setAttribute("data-ready", "true");
    run();
  }).catch(function (e) { status.textContent = words.error + " (" + e.message + ")"; });
})();
