/* Immunoguide: say when a table is wider than the screen and scrolls sideways, and make every
 * figure open full-size when tapped (see immunoguide.css). No external resources. Without
 * JavaScript tables still scroll and figures still fit the screen; only the cues are missing. */
(function () {
  "use strict";

  var SCROLLERS = [
    { selector: ".bd-article .pst-scrollable-table-container", cue: "Tableau large\u00a0: faites-le glisser pour voir toutes les colonnes." },
  ];
  var SCROLLS = "immunoguide-scrolls";
  var CUE = "immunoguide-scroll-cue";
  var OPEN = "immunoguide-figure-open";

  // Sphinx links a figure to its image only when the page gives it a width: link the others too,
  // and say under each figure that it opens full-size (shown on phones only, by the stylesheet).
  function linkFigures() {
    document.querySelectorAll(".bd-article figure img").forEach(function (img) {
      var figure = img.closest("figure");
      var link = img.closest("a");
      if (!link) {
        link = document.createElement("a");
        link.className = "reference internal image-reference";
        link.href = img.getAttribute("src");
        img.parentNode.insertBefore(link, img);
        link.appendChild(img);
      }
      if (!figure.querySelector("." + OPEN)) {
        var hint = document.createElement("p");
        hint.className = OPEN;
        var open = document.createElement("a");
        open.href = link.getAttribute("href");
        open.textContent = "Agrandir la figure";
        hint.appendChild(open);
        link.parentNode.insertBefore(hint, link.nextSibling);
      }
    });
  }

  function cueOf(element) {
    var previous = element.previousElementSibling;
    return previous && previous.classList.contains(CUE) ? previous : null;
  }

  function update() {
    SCROLLERS.forEach(function (kind) {
      document.querySelectorAll(kind.selector).forEach(function (element) {
        var scrolls = element.scrollWidth > element.clientWidth + 1;
        element.classList.toggle(SCROLLS, scrolls);
        var cue = cueOf(element);
        if (scrolls && !cue) {
          cue = document.createElement("p");
          cue.className = CUE;
          cue.setAttribute("aria-hidden", "true"); // a hint about swiping; the content itself is all read
          cue.textContent = kind.cue;
          element.parentNode.insertBefore(cue, element);
        } else if (!scrolls && cue) {
          cue.remove();
        }
      });
    });
  }

  var pending = null;
  function schedule() {
    if (pending === null) {
      pending = window.requestAnimationFrame(function () {
        pending = null;
        update();
      });
    }
  }

  function start() {
    linkFigures();
    update();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
  window.addEventListener("load", update); // tables know their width once fonts and images are in
  window.addEventListener("resize", schedule);
})();
