/* noticeboard default theme: font-size switch (remembered), mobile menu, print buttons.
   Everything here is an extra: without script the page is complete. */
(function () {
  var root = document.documentElement;

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
