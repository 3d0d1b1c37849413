/* noticeboard default theme: notice and campaign status from the visitor's clock,
   font-size switch and 长辈模式 (both remembered), reading guide line, read-aloud,
   mobile menu, print and close buttons.
   Everything here is an extra: without script the page is complete. */
(function () {
  var root = document.documentElement;

  /* A notice's 公示中/公示结束 (and a campaign's status) as of the visitor's clock, so a
     site that is not rebuilt every day still tells the truth. The build writes the
     status it saw as the text (what a reader without script gets) and the period's
     bounds and the three labels as data- attributes: nothing is fetched, so this
     works from file:// too. */
  var now = Date.now();
  var statuses = document.querySelectorAll("[data-status-ends]");
  for (var s = 0; s < statuses.length; s++) {
    var el = statuses[s];
    var starts = Date.parse(el.getAttribute("data-status-starts"));
    var ends = Date.parse(el.getAttribute("data-status-ends"));
    if (isNaN(starts) || isNaN(ends)) continue;
    var phase = now < starts ? "before" : (now < ends ? "during" : "after");
    var label = el.getAttribute("data-label-" + phase);
    el.setAttribute("data-status", phase);
    el.className = el.className.replace(/status-\w+/, "status-" + phase);
    if (label) el.textContent = label;
  }

  function setFont(size) {
    if (size === "m") root.removeAttribute("data-font");
    else root.setAttribute("data-font", size);
    try { localStorage.setItem("nb-font", size); } catch (e) { /* private mode, file:// limits */ }
    var buttons = document.querySelectorAll(".font-switch button");
    for (var i = 0; i < buttons.length; i++) {
      buttons[i].setAttribute("aria-pressed", String(buttons[i].getAttribute("data-font") === size));
    }
  }

  var current = root.getAttribute("data-font") || "m";
  var buttons = document.querySelectorAll(".font-switch button");
  for (var i = 0; i < buttons.length; i++) {
    buttons[i].setAttribute("aria-pressed", String(buttons[i].getAttribute("data-font") === current));
    buttons[i].addEventListener("click", function () { setFont(this.getAttribute("data-font")); });
  }

  var toggle = document.querySelector(".nav-toggle");
  var nav = document.getElementById("site-nav");
  if (toggle && nav) {
    toggle.addEventListener("click", function () {
      var open = toggle.getAttribute("aria-expanded") !== "true";
      toggle.setAttribute("aria-expanded", String(open));
      nav.classList.toggle("open", open);
    });
    document.addEventListener("keydown", function (e) {
      if (e.key === "Escape" && nav.classList.contains("open")) {
        toggle.setAttribute("aria-expanded", "false");
        nav.classList.remove("open");
        toggle.focus();
      }
    });
  }

  var prints = document.querySelectorAll("[data-print]");
  for (var j = 0; j < prints.length; j++) {
    prints[j].hidden = false;
    prints[j].addEventListener("click", function () { window.print(); });
  }

  /* 【关闭】: a window the site opened (a link with a target) is closed; else
     the reader goes back, or home when this page was opened first. */
  var closes = document.querySelectorAll("[data-close]");
  for (var c = 0; c < closes.length; c++) {
    closes[c].hidden = false;
    closes[c].addEventListener("click", function () {
      if (window.opener) {
        window.close();
        return;
      }
      if (history.length > 1) history.back();
      else {
        var home = document.querySelector("a.brand");
        location.href = home ? home.href : "./";
      }
    });
  }

  /* A table wider than the page scrolls sideways: keyboard readers need to
     reach it to scroll it (and 长辈模式's larger text makes more tables wide). */
  function scrollableTables() {
    var tables = document.querySelectorAll(".article-body table");
    for (var t = 0; t < tables.length; t++) {
      if (tables[t].scrollWidth > tables[t].clientWidth + 1) tables[t].setAttribute("tabindex", "0");
      else tables[t].removeAttribute("tabindex");
    }
  }
  scrollableTables();
  window.addEventListener("resize", scrollableTables);

  function remember(key, value) {
    try { localStorage.setItem(key, value); } catch (e) { /* private mode, file:// limits */ }
  }

  /* 长辈模式: larger text, high contrast, bigger targets, no motion, the guide
     line. The head script applies a remembered choice before the first paint;
     the CSS does the rest. */
  function pressed(selector, on) {
    var b = document.querySelector(selector);
    if (b) b.setAttribute("aria-pressed", String(on));
  }
  function setCare(on) {
    if (on) root.setAttribute("data-care", "on");
    else root.removeAttribute("data-care");
    remember("nb-care", on ? "on" : "off");
    pressed(".care-switch", on);
    if (!on) guide.hidden = true;
    scrollableTables();
  }
  function setGuide(on) {
    if (on) root.removeAttribute("data-guide");
    else root.setAttribute("data-guide", "off");
    remember("nb-guide", on ? "on" : "off");
    pressed(".guide-switch", on);
    if (!on) guide.hidden = true;
  }
  var guide = document.querySelector(".reading-guide") || document.createElement("div");
  var care = document.querySelector(".care-switch");
  if (care) care.addEventListener("click", function () { setCare(!root.hasAttribute("data-care")); });
  var guideSwitch = document.querySelector(".guide-switch");
  if (guideSwitch) guideSwitch.addEventListener("click", function () { setGuide(root.getAttribute("data-guide") === "off"); });
  pressed(".care-switch", root.hasAttribute("data-care"));
  pressed(".guide-switch", root.getAttribute("data-guide") !== "off");

  /* The reading guide: a band across the page at the pointer's height, or at
     the focused element's when the keyboard moves. */
  function guideOn() { return root.hasAttribute("data-care") && root.getAttribute("data-guide") !== "off"; }
  function guideAt(y) {
    if (!guideOn()) return;
    guide.hidden = false;
    guide.style.top = Math.round(y - guide.offsetHeight / 2) + "px";
  }
  document.addEventListener("mousemove", function (e) { guideAt(e.clientY); });
  document.addEventListener("focusin", function (e) {
    if (!e.target.getBoundingClientRect) return;
    var r = e.target.getBoundingClientRect();
    guideAt(r.top + r.height / 2);
  });

  /* 朗读: the article read by the browser's own speech synthesis, with a voice
     of the page's language that runs on this computer (a network voice would
     send the text to another host). No such voice: no button. */
  var reads = document.querySelectorAll("[data-read-aloud]");
  var synth = window.speechSynthesis;
  var lang = (root.getAttribute("lang") || "zh-CN").toLowerCase().split("-")[0];
  function localVoice() {
    var voices = (synth && synth.getVoices()) || [];
    for (var v = 0; v < voices.length; v++) {
      var vl = (voices[v].lang || "").toLowerCase().replace("_", "-");
      if (voices[v].localService && (vl === lang || vl.indexOf(lang + "-") === 0)) return voices[v];
    }
    return null;
  }
  function showReads() {
    var voice = localVoice();
    for (var r = 0; r < reads.length; r++) reads[r].hidden = !voice;
  }
  function readLabel(button, speaking) {
    button.textContent = button.getAttribute(speaking ? "data-label-stop" : "data-label-read");
    button.setAttribute("aria-pressed", String(speaking));
  }
  /* Sentences, a few at a time: some engines stop a long utterance midway. */
  function chunks(text) {
    var parts = text.replace(/\s+/g, " ").replace(/([。！？；!?;])/g, "$1\n").split("\n");
    var out = [], cur = "";
    for (var p = 0; p < parts.length; p++) {
      if (cur && (cur + parts[p]).length > 180) { out.push(cur); cur = ""; }
      cur += parts[p];
    }
    if (cur.trim()) out.push(cur);
    return out;
  }
  function readArticle(button) {
    if (synth.speaking || button.getAttribute("aria-pressed") === "true") {
      synth.cancel();
      readLabel(button, false);
      return;
    }
    var voice = localVoice();
    var article = document.querySelector(".article");
    if (!voice || !article) return;
    var title = article.querySelector("h1");
    var body = article.querySelector(".article-body");
    var text = ((title ? title.innerText + "。" : "") + (body ? body.innerText : "")).replace(/↩/g, "");
    var parts = chunks(text);
    readLabel(button, true);
    for (var q = 0; q < parts.length; q++) {
      var u = new window.SpeechSynthesisUtterance(parts[q]);
      u.voice = voice;
      u.lang = voice.lang;
      if (q === parts.length - 1) u.onend = function () { readLabel(button, false); };
      synth.speak(u);
    }
  }
  if (reads.length && synth && window.SpeechSynthesisUtterance) {
    showReads();
    if (synth.addEventListener) synth.addEventListener("voiceschanged", showReads);
    for (var k = 0; k < reads.length; k++) {
      reads[k].addEventListener("click", function () { readArticle(this); });
    }
    window.addEventListener("pagehide", function () { synth.cancel(); });
  }
})();
