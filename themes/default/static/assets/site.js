/* noticeboard default theme: notice and campaign status from the visitor's clock,
   font-size switch (remembered), mobile menu, print buttons.
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
})();
