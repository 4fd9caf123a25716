/* termbase: « Imprimer cette page » and, on paper, the page's address (see termbase/handouts/html_link.py).
 * No external resources. Without JavaScript the button stays hidden: the browser's own print
 * command still uses print.css. */
(function () {
  "use strict";

  var ADDRESS_LABEL = "Adresse de cette page\u00a0: ";

  function addPrintedAddress(tools) {
    // Only an address another reader can open: not file:// or a local preview's about:blank.
    if (!/^https?:$/.test(window.location.protocol) || document.querySelector(".termbase-print-address")) {
      return;
    }
    var address = document.createElement("p");
    address.className = "termbase-print-address";
    address.textContent = ADDRESS_LABEL + window.location.origin + window.location.pathname;
    tools.parentNode.insertBefore(address, tools.nextSibling);
  }

  function init() {
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
    addPrintedAddress(tools);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
