/* Gallery lightbox. Without this script each thumbnail is a plain link to its
   large picture. With it: a dialog over the page, arrows and Esc on the
   keyboard, swipe on phones, a counter and the caption. Loads nothing else. */
(function () {
  "use strict";
  var galleries = document.querySelectorAll("[data-lightbox]");
  if (!galleries.length) return;

  var box, img, caption, counter, items = [], index = 0, opener = null, startX = null, startY = null;

  function label(gallery, key, fallback) {
    return gallery.getAttribute("data-label-" + key) || fallback;
  }

  function build(gallery) {
    box = document.createElement("div");
    box.className = "lightbox";
    box.setAttribute("role", "dialog");
    box.setAttribute("aria-modal", "true");
    box.hidden = true;
    box.innerHTML =
      '<button type="button" class="lightbox-close"></button>' +
      '<button type="button" class="lightbox-prev"></button>' +
      '<figure class="lightbox-figure"><img class="lightbox-image" alt=""><figcaption>' +
      '<span class="lightbox-counter" aria-live="polite"></span> <span class="lightbox-caption"></span>' +
      '</figcaption></figure>' +
      '<button type="button" class="lightbox-next"></button>';
    document.body.appendChild(box);
    img = box.querySelector(".lightbox-image");
    caption = box.querySelector(".lightbox-caption");
    counter = box.querySelector(".lightbox-counter");
    var close = box.querySelector(".lightbox-close");
    var prev = box.querySelector(".lightbox-prev");
    var next = box.querySelector(".lightbox-next");
    close.textContent = "×";
    prev.textContent = "‹";
    next.textContent = "›";
    close.setAttribute("aria-label", label(gallery, "close", "Close"));
    prev.setAttribute("aria-label", label(gallery, "previous", "Previous"));
    next.setAttribute("aria-label", label(gallery, "next", "Next"));
    close.addEventListener("click", hide);
    prev.addEventListener("click", function () { show(index - 1); });
    next.addEventListener("click", function () { show(index + 1); });
    box.addEventListener("click", function (e) { if (e.target === box) hide(); });
    box.addEventListener("touchstart", function (e) {
      if (e.touches.length === 1) { startX = e.touches[0].clientX; startY = e.touches[0].clientY; }
    }, { passive: true });
    box.addEventListener("touchend", function (e) {
      if (startX === null || !e.changedTouches.length) return;
      var dx = e.changedTouches[0].clientX - startX, dy = e.changedTouches[0].clientY - startY;
      startX = startY = null;
      if (Math.abs(dx) > 40 && Math.abs(dx) > Math.abs(dy)) show(index + (dx < 0 ? 1 : -1));
      else if (dy > 80) hide();
    });
    document.addEventListener("keydown", function (e) {
      if (box.hidden) return;
      if (e.key === "ArrowRight") { show(index + 1); e.preventDefault(); }
      else if (e.key === "ArrowLeft") { show(index - 1); e.preventDefault(); }
      else if (e.key === "Escape") { hide(); e.preventDefault(); }
      else if (e.key === "Tab") {
        /* Keep focus inside the dialog. */
        var buttons = box.querySelectorAll("button"), first = buttons[0], last = buttons[buttons.length - 1];
        if (e.shiftKey && document.activeElement === first) { last.focus(); e.preventDefault(); }
        else if (!e.shiftKey && document.activeElement === last) { first.focus(); e.preventDefault(); }
      }
    });
  }

  function show(i) {
    var n = items.length;
    index = ((i % n) + n) % n;
    var link = items[index];
    var thumb = link.querySelector("img");
    img.src = link.getAttribute("href");
    img.alt = thumb ? thumb.getAttribute("alt") : "";
    caption.textContent = link.getAttribute("data-caption") || "";
    counter.textContent = box.getAttribute("data-counter")
      .replace("{n}", String(index + 1)).replace("{total}", String(n));
  }

  function hide() {
    box.hidden = true;
    document.documentElement.classList.remove("lightbox-open");
    img.removeAttribute("src");
    if (opener) opener.focus();
  }

  function open(gallery, links, i) {
    if (!box) build(gallery);
    items = links;
    box.setAttribute("data-counter", label(gallery, "counter", "{n} / {total}"));
    opener = links[i];
    box.hidden = false;
    document.documentElement.classList.add("lightbox-open");
    show(i);
    box.querySelector(".lightbox-close").focus();
  }

  Array.prototype.forEach.call(galleries, function (gallery) {
    var links = Array.prototype.slice.call(gallery.querySelectorAll("a.gallery-link"));
    links.forEach(function (link, i) {
      link.addEventListener("click", function (e) {
        if (e.button !== 0 || e.ctrlKey || e.metaKey || e.shiftKey || e.altKey) return;
        e.preventDefault();
        open(gallery, links, i);
      });
    });
  });
})();
