/* termbase: « Mon livret » (see termbase/booklet/__init__.py). No library, no request: the
 * booklet's data is a script written at build time (_static/livret-data.js), loaded by the
 * booklet page only. On every page: « Ajouter au livret » and a checkbox beside each question.
 * The choice lives in localStorage and in the booklet page's address (#p=a,b&q=a.1f2e3d). */
(function () {
  "use strict";

  var KEY = "termbase-livret";
  var QUESTION_PREFIX = "livret-q-";
  var NBSP = "\u00a0";
  var ANSWER_LINES = 4;

  // -- State: {p: [page names], q: [question ids]} -----------------------------------------------

  function emptyState() {
    return { p: [], q: [] };
  }

  function cleanList(list) {
    var out = [];
    (Array.isArray(list) ? list : []).forEach(function (item) {
      if (typeof item === "string" && item && out.indexOf(item) < 0) {
        out.push(item);
      }
    });
    return out;
  }

  function load() {
    try {
      var saved = JSON.parse(window.localStorage.getItem(KEY) || "null");
      if (saved && typeof saved === "object") {
        return { p: cleanList(saved.p), q: cleanList(saved.q) };
      }
    } catch (error) {
      // No storage (private mode, blocked): the address still carries the booklet.
    }
    return emptyState();
  }

  function save(state) {
    try {
      window.localStorage.setItem(KEY, JSON.stringify(state));
    } catch (error) {
      // See load().
    }
  }

  function formatState(state) {
    return "p=" + state.p.map(encodeURIComponent).join(",") + "&q=" + state.q.map(encodeURIComponent).join(",");
  }

  function parseState(hash) {
    var text = (hash || "").replace(/^#/, "");
    if (!/(^|&)(p|q)=/.test(text)) {
      return null;
    }
    var state = emptyState();
    text.split("&").forEach(function (part) {
      var pair = part.split("=");
      if ((pair[0] === "p" || pair[0] === "q") && pair[1]) {
        state[pair[0]] = cleanList(pair[1].split(",").map(function (item) {
          try {
            return decodeURIComponent(item);
          } catch (error) {
            return "";
          }
        }));
      }
    });
    return state;
  }

  function setMember(list, item, present) {
    var index = list.indexOf(item);
    if (present && index < 0) {
      list.push(item);
    } else if (!present && index >= 0) {
      list.splice(index, 1);
    }
  }

  function plural(count, one, many) {
    return count + NBSP + (count > 1 ? many : one);
  }

  function summary(state) {
    return plural(state.p.length, "page", "pages") + " et " + plural(state.q.length, "question", "questions");
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) {
      node.className = className;
    }
    if (text) {
      node.textContent = text;
    }
    return node;
  }

  // Terms in French order, sources in the bibliography's: the ranks the build computed.
  function byOrder(records) {
    return function (a, b) {
      return records[a].order - records[b].order;
    };
  }

  function meta(name) {
    var tag = document.querySelector('meta[name="' + name + '"]');
    return tag ? tag.getAttribute("content") : null;
  }

  // -- Any page: add the page, tick questions ------------------------------------------------------

  function initPage(page, booklet) {
    var anchor = document.querySelector(".termbase-page-tools") || document.querySelector(".bd-article h1");
    if (!anchor) {
      return;
    }
    var box = element("div", "termbase-livret-tools");
    var button = element("button", "termbase-livret-add", "Ajouter au livret");
    button.type = "button";
    var link = element("a", "termbase-livret-link", "Voir mon livret");
    var status = element("p", "termbase-livret-note");
    status.setAttribute("role", "status");
    status.setAttribute("aria-live", "polite");
    box.appendChild(button);
    box.appendChild(document.createTextNode(" "));
    box.appendChild(link);
    box.appendChild(status);
    anchor.parentNode.insertBefore(box, anchor.nextSibling);

    var boxes = [];
    Array.prototype.forEach.call(document.querySelectorAll("li.termbase-livret-question"), function (item) {
      if (item.id.indexOf(QUESTION_PREFIX) !== 0) {
        return;
      }
      var id = page + "." + item.id.slice(QUESTION_PREFIX.length);
      var label = element("label", "termbase-livret-check");
      var input = document.createElement("input");
      input.type = "checkbox";
      input.value = id;
      input.setAttribute("aria-label", "Garder pour mon livret" + NBSP + ": " + item.textContent.replace(/\s+/g, " ").trim());
      label.appendChild(input);
      item.insertBefore(label, item.firstChild);
      item.classList.add("termbase-livret-question-ready");
      boxes.push(input);
      input.addEventListener("change", function () {
        var state = load();
        setMember(state.q, id, input.checked);
        save(state);
        refresh(state, (input.checked ? "Question ajoutée au livret" : "Question retirée du livret") + NBSP + ": " + summary(state) + ".");
      });
    });

    function refresh(state, message) {
      var added = state.p.indexOf(page) >= 0;
      button.setAttribute("aria-pressed", added ? "true" : "false");
      link.href = booklet + "#" + formatState(state);
      boxes.forEach(function (input) {
        input.checked = state.q.indexOf(input.value) >= 0;
      });
      if (message !== undefined) {
        status.textContent = message;
      }
    }

    button.addEventListener("click", function () {
      var state = load();
      var adding = state.p.indexOf(page) < 0;
      setMember(state.p, page, adding);
      save(state);
      refresh(state, (adding ? "Page ajoutée au livret" : "Page retirée du livret") + NBSP + ": " + summary(state) + ".");
    });
    window.addEventListener("storage", function (event) {
      if (event.key === KEY) {
        refresh(load());
      }
    });
    refresh(load());
  }

  // -- The booklet page -----------------------------------------------------------------------------

  function initBooklet(root, data) {
    var app = root.querySelector(".termbase-livret-app");
    var printed = root.querySelector(".termbase-livret-print");
    var pagesList = root.querySelector(".termbase-livret-pages");
    var questionsList = root.querySelector(".termbase-livret-chosen-questions");
    var status = root.querySelector(".termbase-livret-status");
    var empty = root.querySelector(".termbase-livret-empty");
    var printButton = root.querySelector(".termbase-livret-print-button");
    var permalink = root.querySelector(".termbase-livret-permalink");
    var pages = {};
    var questions = {};
    data.pages.forEach(function (page) {
      pages[page.name] = page;
      page.questions.forEach(function (question) {
        questions[question.id] = { text: question.text, page: page };
      });
    });

    function known(state) {
      return {
        p: state.p.filter(function (name) {
          return Object.prototype.hasOwnProperty.call(pages, name);
        }),
        q: state.q.filter(function (id) {
          return Object.prototype.hasOwnProperty.call(questions, id);
        })
      };
    }

    var state = known(parseState(window.location.hash) || load());

    function removeButton(label, onRemove) {
      var button = element("button", "termbase-livret-remove", "Retirer");
      button.type = "button";
      button.setAttribute("aria-label", "Retirer du livret" + NBSP + ": " + label);
      button.addEventListener("click", onRemove);
      return button;
    }

    function focusAfterRemoval(list, index) {
      var buttons = list.querySelectorAll(".termbase-livret-remove");
      var next = buttons[Math.min(index, buttons.length - 1)];
      if (next) {
        next.focus();
      } else {
        status.focus();
      }
    }

    function change(message, list, index) {
      save(state);
      if (window.history && window.history.replaceState) {
        window.history.replaceState(null, "", "#" + formatState(state));
      }
      render(message);
      if (list) {
        focusAfterRemoval(list, index);
      }
    }

    function render(message) {
      pagesList.textContent = "";
      state.p.forEach(function (name, index) {
        var page = pages[name];
        var item = element("li");
        var link = element("a", "", page.title);
        link.href = page.url;
        item.appendChild(link);
        item.appendChild(document.createTextNode(" "));
        item.appendChild(removeButton(page.title, function () {
          state.p.splice(index, 1);
          change("Page retirée" + NBSP + ": " + summary(state) + ".", pagesList, index);
        }));
        pagesList.appendChild(item);
      });
      questionsList.textContent = "";
      state.q.forEach(function (id, index) {
        var question = questions[id];
        var item = element("li");
        item.appendChild(element("span", "termbase-livret-question-text", question.text));
        item.appendChild(element("span", "termbase-livret-from", "(" + question.page.title + ")"));
        item.appendChild(document.createTextNode(" "));
        item.appendChild(removeButton(question.text, function () {
          state.q.splice(index, 1);
          change("Question retirée" + NBSP + ": " + summary(state) + ".", questionsList, index);
        }));
        questionsList.appendChild(item);
      });
      var isEmpty = !state.p.length && !state.q.length;
      empty.hidden = !isEmpty;
      [[pagesList, state.p], [questionsList, state.q]].forEach(function (pair) {
        var heading = document.getElementById(pair[0].getAttribute("aria-labelledby"));
        pair[0].hidden = !pair[1].length;
        if (heading) {
          heading.hidden = !pair[1].length;
        }
      });
      printButton.hidden = isEmpty;
      permalink.href = "#" + formatState(state);
      status.textContent = message || "Votre livret" + NBSP + ": " + summary(state) + ".";
      renderPrint();
    }

    function section(title, className) {
      var node = element("section", "termbase-livret-part " + (className || ""));
      node.appendChild(element("h2", "", title));
      return node;
    }

    function renderPrint() {
      printed.textContent = "";
      if (!state.p.length && !state.q.length) {
        return;
      }
      if (state.q.length) {
        var asked = section("Mes questions", "termbase-livret-asked");
        var list = element("ol");
        state.q.forEach(function (id) {
          var item = element("li");
          item.appendChild(element("p", "termbase-livret-question-text", questions[id].text));
          item.appendChild(element("p", "termbase-livret-from", "Page" + NBSP + ": " + questions[id].page.title));
          var lines = element("div", "termbase-livret-lines");
          lines.setAttribute("aria-hidden", "true");
          for (var line = 0; line < ANSWER_LINES; line++) {
            lines.appendChild(element("span"));
          }
          item.appendChild(lines);
          list.appendChild(item);
        });
        asked.appendChild(list);
        printed.appendChild(asked);
      }
      var terms = [];
      var sources = [];
      state.p.forEach(function (name) {
        var page = pages[name];
        var part = element("section", "termbase-livret-page");
        part.setAttribute("data-page", name);
        var template = document.createElement("template");
        template.innerHTML = page.body;
        part.appendChild(template.content);
        var heading = part.querySelector("h2");
        var review = element("p", "termbase-livret-review", page.review);
        if (heading && page.review) {
          heading.parentNode.insertBefore(review, heading.nextSibling);
        }
        printed.appendChild(part);
        page.terms.forEach(function (slug) {
          setMember(terms, slug, true);
        });
        page.sources.forEach(function (key) {
          setMember(sources, key, true);
        });
      });
      if (terms.length) {
        terms.sort(byOrder(data.terms));
        var words = section("Glossaire", "termbase-livret-glossary");
        var list = element("dl");
        terms.forEach(function (slug) {
          list.appendChild(element("dt", "", data.terms[slug].term));
          list.appendChild(element("dd", "", data.terms[slug].short));
        });
        words.appendChild(list);
        printed.appendChild(words);
      }
      if (sources.length) {
        sources.sort(byOrder(data.sources));
        var cited = section("Sources citées", "termbase-livret-sources");
        var references = element("ol");
        sources.forEach(function (key) {
          var item = element("li");
          item.innerHTML = data.sources[key].html;
          references.appendChild(item);
        });
        cited.appendChild(references);
        printed.appendChild(cited);
      }
      var about = section("À propos de ce livret", "termbase-livret-about");
      var dates = element("ul");
      var chosen = state.p.slice();
      state.q.forEach(function (id) {
        setMember(chosen, questions[id].page.name, true);
      });
      chosen.forEach(function (name) {
        var item = element("li");
        item.appendChild(element("strong", "", pages[name].title));
        item.appendChild(document.createTextNode(NBSP + ": " + (pages[name].review || "pas de date de relecture") + "."));
        dates.appendChild(item);
      });
      about.appendChild(dates);
      var disclaimer = element("p", "termbase-livret-disclaimer");
      disclaimer.innerHTML = data.disclaimer;
      about.appendChild(disclaimer);
      printed.appendChild(about);
    }

    printButton.addEventListener("click", function () {
      window.print();
    });
    window.addEventListener("hashchange", function () {
      var fromAddress = parseState(window.location.hash);
      if (fromAddress) {
        state = known(fromAddress);
        save(state);
        render();
      }
    });
    status.setAttribute("tabindex", "-1");
    root.querySelector(".termbase-livret-nojs").hidden = true;
    app.hidden = false;
    save(state);
    if (window.history && window.history.replaceState) {
      window.history.replaceState(null, "", "#" + formatState(state));
    }
    render();
  }

  function init() {
    var booklet = meta("termbase-livret-url");
    var root = document.querySelector(".termbase-livret");
    if (root && window.TERMBASE_LIVRET) {
      initBooklet(root, window.TERMBASE_LIVRET);
    }
    var page = meta("termbase-livret-page");
    if (page && booklet) {
      initPage(page, booklet);
    }
  }

  // Deferred scripts run before DOMContentLoaded, in order: the data script comes after this one.
  if (document.readyState === "complete") {
    init();
  } else {
    document.addEventListener("DOMContentLoaded", init);
  }
})();
