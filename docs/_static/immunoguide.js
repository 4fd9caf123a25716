/* Immunoguide: say when a table or a figure is wider than the screen and scrolls sideways, and let
 * a figure only a little wider than the screen shrink to fit it (see immunoguide.css).
 * No external resources. Without JavaScript the content still scrolls; only the cue is missing. */
(function () {
  "use strict";

  var SCROLLERS = [
    { selector: ".bd-article .pst-scrollable-table-container", cue: "Tableau large\u00a0: faites-le glisser pour voir toutes les colonnes." },
    { selector: ".bd-article figure > a.image-reference", cue: "Figure large\u00a0: faites-la glisser pour la voir en entier, ou touchez-la pour l’agrandir." },
  ];
  var SCROLLS = "immunoguide-scrolls";
  var CUE = "immunoguide-scroll-cue";
  var FITS = "immunoguide-figure-fits";
  // A drawing shrunk by at most this factor keeps labels of 16 units above 11 px.
  var MAX_SHRINK = 1.5;

  function fitFigures() {
    document.querySelectorAll(".bd-article figure > a.image-reference > img").forEach(function (img) {
      var figure = img.closest("figure");
      var frame = img.parentElement.clientWidth;
      var natural = img.naturalWidth;
      figure.classList.toggle(FITS, natural > 0 && frame > 0 && natural <= frame * MAX_SHRINK);
    });
  }

  function cueOf(element) {
    var previous = element.previousElementSibling;
    return previous && previous.classList.contains(CUE) ? previous : null;
  }

  function update() {
    fitFigures();
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

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", update);
  } else {
    update();
  }
  window.addEventListener("load", update); // images know their size only once loaded
  window.addEventListener("resize", schedule);
})();
