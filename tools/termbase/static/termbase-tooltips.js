/* termbase: show a term's short definition on hover and keyboard focus (no dependencies).
 * Markup: <span class="termbase-term"><a aria-describedby="tt-x-1">…</a>
 *         <span role="tooltip" id="tt-x-1" class="termbase-tooltip" hidden>…</span></span>
 * WCAG 1.4.13: hoverable (the tooltip is inside the hovered wrapper), dismissible (Escape),
 * persistent (stays until the pointer or focus leaves). Without JS the link just works. */
(function () {
  "use strict";
  var shown = null;

  function termOf(node) {
    return node && node.closest ? node.closest(".termbase-term") : null;
  }
  function tipOf(term) {
    var link = term.querySelector("a[aria-describedby]");
    return link ? document.getElementById(link.getAttribute("aria-describedby")) : null;
  }
  function hide() {
    if (shown) {
      shown.hidden = true;
      shown.style.left = "";
      shown = null;
    }
  }
  function show(term) {
    var tip = tipOf(term);
    if (!tip || tip === shown) return;
    hide();
    tip.hidden = false;
    shown = tip;
    var overflow = tip.getBoundingClientRect().right - document.documentElement.clientWidth + 8;
    if (overflow > 0) tip.style.left = -overflow + "px";
  }

  document.addEventListener("mouseover", function (event) {
    var term = termOf(event.target);
    if (term) show(term);
  });
  document.addEventListener("mouseout", function (event) {
    var term = termOf(event.target);
    if (term && !term.contains(event.relatedTarget) && !term.contains(document.activeElement)) hide();
  });
  document.addEventListener("focusin", function (event) {
    var term = termOf(event.target);
    if (term) show(term);
    else hide();
  });
  document.addEventListener("focusout", function (event) {
    var term = termOf(event.target);
    if (term && !term.contains(event.relatedTarget)) hide();
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" || event.key === "Esc") hide();
  });
})();
