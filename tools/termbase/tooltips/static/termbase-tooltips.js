/* termbase: term tooltips and citation cards (no dependencies; see termbase/tooltips/terms.py and citation_cards.py).
 * <span class="termbase-term|termbase-cite"><a aria-describedby="tt-x-1">…</a>
 *   <span role="tooltip" id="tt-x-1" class="termbase-tooltip" hidden>…</span></span>
 * (a citation card may be shared by several links; it is moved next to the one in use)
 * Hover (kept while on the link or tooltip), focus, Escape; a first tap shows it with a link to the
 * entry, a second tap follows the link. Fixed to the window: above the link, below it when the top
 * bar is in the way, clamped sideways. Without JavaScript the link just works. */
(function () {
  "use strict";
  var WRAPPERS = ".termbase-term, .termbase-cite";
  var MARGIN = 8, GAP = 6; // px to the window's edges / to the link
  var HIDE_DELAY = 200; // ms to move the pointer from the link onto the tooltip
  var script = document.currentScript;
  var labels = {
    term: (script && script.getAttribute("data-more-term")) || "Voir dans le glossaire",
    cite: (script && script.getAttribute("data-more-cite")) || "Voir dans la bibliographie"
  };
  var shown = null; // {wrapper, link, tip, more}
  var hideTimer = null;
  var touch = null; // last touch: {wrapper, wasShown}

  function wrapperOf(node) {
    return node && node.closest ? node.closest(WRAPPERS) : null;
  }
  function linkOf(wrapper) {
    return wrapper.querySelector("a[aria-describedby]");
  }
  function cancelHide() {
    if (hideTimer) clearTimeout(hideTimer);
    hideTimer = null;
  }
  function hide() {
    cancelHide();
    if (!shown) return;
    shown.tip.hidden = true;
    shown.tip.removeAttribute("data-placement");
    if (shown.more) shown.more.remove();
    shown = null;
  }
  function hideSoon() {
    cancelHide();
    hideTimer = setTimeout(hide, HIDE_DELAY);
  }

  /* Bottom of what is stuck to the top of the window (sticky or fixed bar), or 0. */
  function topBarBottom(x) {
    var node = document.elementFromPoint(Math.max(x, 1), 1);
    for (; node && node !== document.documentElement; node = node.parentElement) {
      var position = getComputedStyle(node).position;
      if (position === "fixed" || position === "sticky") return Math.max(node.getBoundingClientRect().bottom, 0);
    }
    return 0;
  }

  function place() {
    if (!shown) return;
    var lines = shown.link.getClientRects();
    if (!lines.length) return hide();
    var first = lines[0], last = lines[lines.length - 1];
    var width = document.documentElement.clientWidth, height = document.documentElement.clientHeight;
    if (last.bottom < 0 || first.top > height) return hide(); // scrolled away
    var tip = shown.tip;
    var top = topBarBottom(first.left) + MARGIN;
    tip.style.left = "0px";
    tip.style.top = "0px";
    var box = tip.getBoundingClientRect();
    var above = first.top - GAP - box.height;
    var below = last.bottom + GAP;
    var fitsAbove = above >= top, fitsBelow = below + box.height <= height - MARGIN;
    var up = fitsAbove || (!fitsBelow && first.top - top > height - last.bottom);
    var anchor = up ? first : last;
    var left = Math.min(Math.max(anchor.left, MARGIN), Math.max(width - MARGIN - box.width, MARGIN));
    tip.style.left = Math.round(left) + "px";
    tip.style.top = Math.round(up ? Math.max(above, top) : below) + "px";
    tip.setAttribute("data-placement", up ? "top" : "bottom");
  }

  function show(wrapper, tapped) {
    cancelHide();
    var link = linkOf(wrapper);
    var tip = link && document.getElementById(link.getAttribute("aria-describedby"));
    if (!tip) return;
    if (!shown || shown.tip !== tip || shown.wrapper !== wrapper) {
      hide();
      if (tip.parentNode !== wrapper) wrapper.appendChild(tip); // a card shared by several links
      tip.hidden = false;
      shown = { wrapper: wrapper, link: link, tip: tip, more: null };
    }
    if (tapped && !shown.more) {
      var more = document.createElement("a");
      more.className = "termbase-tooltip-more";
      more.href = link.href;
      more.textContent = wrapper.classList.contains("termbase-cite") ? labels.cite : labels.term;
      shown.more = tip.appendChild(more);
    }
    place();
  }

  document.addEventListener("mouseover", function (event) {
    var wrapper = wrapperOf(event.target);
    if (wrapper) show(wrapper, false);
  });
  document.addEventListener("mouseout", function (event) {
    var wrapper = wrapperOf(event.target);
    if (!wrapper || wrapper.contains(event.relatedTarget) || wrapper.contains(document.activeElement)) return;
    if (shown && shown.wrapper === wrapper && !shown.more) hideSoon();
  });
  document.addEventListener("focusin", function (event) {
    var wrapper = wrapperOf(event.target);
    if (wrapper) show(wrapper, false);
    else hide();
  });
  document.addEventListener("focusout", function (event) {
    var wrapper = wrapperOf(event.target);
    if (wrapper && !wrapper.contains(event.relatedTarget) && !(shown && shown.more)) hide();
  });
  document.addEventListener("keydown", function (event) {
    touch = null;
    if (event.key === "Escape" || event.key === "Esc") hide();
  });
  document.addEventListener("pointerdown", function (event) {
    var wrapper = wrapperOf(event.target);
    if (!wrapper) hide(); // a tap elsewhere closes it
    touch = event.pointerType === "touch" || event.pointerType === "pen" ? { wrapper: wrapper, wasShown: !!(shown && shown.wrapper === wrapper && shown.more) } : null;
  }, true);
  document.addEventListener("click", function (event) {
    var wrapper = wrapperOf(event.target);
    var tapped = touch && wrapper && touch.wrapper === wrapper && !touch.wasShown;
    touch = null;
    if (!tapped || event.target.closest("a") !== linkOf(wrapper)) return;
    event.preventDefault(); // first tap: show it here
    show(wrapper, true);
  });
  window.addEventListener("scroll", place, { capture: true, passive: true });
  window.addEventListener("resize", place);
})();
