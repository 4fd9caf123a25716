/* termbase: « Imprimer cette page » and what paper needs (see termbase/handouts/html_link.py).
 * No external resources. Without JavaScript the button stays hidden and the browser's own print
 * command still uses print.css: definitions then print after each term's first use, and card
 * faces print one under the other.
 *
 * - The words of the page: one line per defined term, in a list after the text (« Les mots de
 *   cette page »), instead of a definition in brackets inside every sentence.
 * - Card faces (.carte-face, the sphinx-design cards of a card page) are set two by two, front and
 *   back side by side at bank-card size, with cutting and folding lines (print.css). */
(function () {
  "use strict";

  var TERMS_TITLE = "Les mots de cette page";
  var LISTED = "termbase-terms-listed";

  function listTerms(article) {
    if (!article || article.querySelector(".termbase-glossary") || article.querySelector(".termbase-print-terms")) {
      return;
    }
    var seen = {};
    var items = [];
    article.querySelectorAll(".termbase-term").forEach(function (term) {
      var link = term.querySelector("a[href]");
      var tooltip = term.querySelector(".termbase-tooltip");
      if (!link || !tooltip) return;
      var key = link.getAttribute("href").split("#").pop();
      var definition = tooltip.textContent.replace(/\s+/g, " ").trim();
      if (!definition) {
        var first = document.getElementById(link.getAttribute("aria-describedby") || "");
        definition = first ? first.textContent.replace(/\s+/g, " ").trim() : "";
      }
      if (seen[key] || !definition) return;
      seen[key] = true;
      items.push([link.textContent.replace(/\s+/g, " ").trim(), definition]);
    });
    if (!items.length) return;
    var section = document.createElement("section");
    section.className = "termbase-print-terms";
    section.setAttribute("aria-hidden", "true"); // paper only: screens have the tooltips
    var title = section.appendChild(document.createElement("h2"));
    title.textContent = TERMS_TITLE;
    var list = section.appendChild(document.createElement("ul"));
    items.forEach(function (item) {
      var line = list.appendChild(document.createElement("li"));
      line.appendChild(document.createElement("strong")).textContent = item[0];
      line.appendChild(document.createTextNode("\u00a0: " + item[1]));
    });
    article.appendChild(section);
    document.documentElement.classList.add(LISTED);
  }

  function pairCardFaces(article) {
    if (!article) return;
    var faces = Array.prototype.slice.call(article.querySelectorAll(".carte-face"));
    for (var i = 0; i < faces.length; i += 2) {
      var sheet = document.createElement("div");
      sheet.className = "termbase-card-sheet";
      faces[i].parentNode.insertBefore(sheet, faces[i]);
      sheet.appendChild(faces[i]);
      if (faces[i + 1]) sheet.appendChild(faces[i + 1]);
    }
  }

  function init() {
    var article = document.querySelector(".bd-article");
    listTerms(article);
    pairCardFaces(article);
    var tools = document.querySelector(".termbase-page-tools");
    if (!tools) {
      return;
    }
    var buttons = tools.querySelectorAll("button.termbase-print-button");
    for (var i = 0; i < buttons.length; i++) {
      buttons[i].hidden = false;
      buttons[i].addEventListener("click", function () {
        window.print();
      });
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
