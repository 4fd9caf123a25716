/* termbase.triage: the interactive « Quand appeler ? » (see termbase/triage/guide.py).
 *
 * No library, no request. Every word and every level comes from the JSON the page carries
 * (script.triage-data); the sources of an answer are copied from the row of the complete table
 * below that decided it. State is in the URL hash: #<symptom>[/oui|non|nsp…][/<family>|inconnu],
 * restored on load and on hashchange, so links can be shared and the back button works.
 * Rules (as in docscheck.records.TriageEntry.decide): the first « oui » gives its level; « je ne
 * sais pas » counts as « oui »; every « non » gives the symptom's other level; the treatment family
 * raises the level when its own is higher, « je ne sais pas » counting as the highest family. */
(function () {
  "use strict";

  var ANSWERS = { oui: true, nsp: true, non: false };
  var UNKNOWN_FAMILY = "inconnu";
  var STOP_WORDS = ["de", "la", "le", "les", "des", "du", "un", "une", "ai", "je", "me", "mon", "ma", "mes", "en",
    "et", "a", "au", "aux", "ou", "que", "qui", "est", "sui", "suis", "tres", "tre", "plu", "plus", "pas", "peu", "depui",
    "depuis", "hier", "mal", "avoir", "j", "y"];

  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
      .replace(/œ/g, "oe").replace(/æ/g, "ae")
      .replace(/(^|[^a-z0-9])(?:[cdjlmnst]|qu|jusqu|lorsqu|puisqu)['’ʼ]/g, "$1 ");
  }

  function words(text) {
    // the plural rule of docscheck's TRIAGE002 (fold_word): « fièvres », « maux » → « mal », but « toux » stays
    return (fold(text).match(/[a-z0-9]+/g) || []).map(function (word) {
      if (word.length > 4 && /eaux$/.test(word)) return word.slice(0, -1);
      if (word.length > 3 && /aux$/.test(word)) return word.slice(0, -3) + "al";
      return word.length > 3 && /s$/.test(word) ? word.slice(0, -1) : word;
    });
  }

  function element(tag, attributes, text) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) { node.setAttribute(name, attributes[name]); });
    if (text) node.textContent = text;
    return node;
  }

  function Guide(root, data) {
    this.root = root;
    this.data = data;
    this.ui = data.ui;
    this.ranks = {};
    var levels = Object.keys(data.levels).reverse(); // the JSON lists the most urgent first
    for (var i = 0; i < levels.length; i++) this.ranks[levels[i]] = i;
    this.entries = {};
    data.entries.forEach(function (entry) {
      entry.folded = entry.words.map(words);
      this.entries[entry.slug] = entry;
    }, this);
    this.build();
  }

  Guide.prototype.rank = function (level) { return level in this.ranks ? this.ranks[level] : -1; };

  Guide.prototype.build = function () {
    var ui = this.ui, self = this;
    var title = element("h2", { id: "triage-app-title", class: "triage-app-title" }, ui.title);
    this.root.setAttribute("aria-labelledby", title.id);
    this.root.setAttribute("role", "region");
    this.root.appendChild(title);

    // 1. the list and the search box
    this.listStep = element("div", { class: "triage-step triage-step-list" });
    var label = element("label", { for: "triage-search", class: "triage-search-label" }, ui.search_label);
    this.search = element("input", { id: "triage-search", type: "search", class: "triage-search", autocomplete: "off",
      spellcheck: "false", "aria-describedby": "triage-search-hint triage-count" });
    var hint = element("p", { id: "triage-search-hint", class: "triage-hint" }, ui.search_hint);
    this.count = element("p", { id: "triage-count", class: "triage-count", "aria-live": "polite" });
    this.list = element("ul", { class: "triage-list", "aria-label": ui.list_label });
    this.items = this.data.entries.map(function (entry, order) {
      var item = element("li", { class: "triage-list-item" });
      item.appendChild(element("a", { href: "#" + entry.slug, class: "triage-choice" }, entry.symptom));
      item.dataset.order = String(order);
      self.list.appendChild(item);
      return { item: item, entry: entry };
    });
    this.search.addEventListener("input", function () { self.filter(); });
    this.search.addEventListener("keydown", function (event) { // Enter: the best match
      var first = self.list.querySelector("li:not([hidden]) a");
      if (event.key === "Enter" && first && self.search.value.trim()) {
        event.preventDefault();
        self.go(first.getAttribute("href"));
      }
    });
    [label, this.search, hint, this.count, this.list].forEach(function (node) { self.listStep.appendChild(node); });
    this.root.appendChild(this.listStep);

    // 2. a question (yes/no/unsure, or the treatment family)
    this.questionStep = element("div", { class: "triage-step triage-step-question", hidden: "" });
    this.context = element("p", { class: "triage-context" });
    this.ask = element("h3", { id: "triage-ask", class: "triage-ask", tabindex: "-1" });
    this.buttons = element("div", { class: "triage-buttons", role: "group", "aria-labelledby": "triage-ask" });
    this.questionStep.appendChild(this.context);
    this.questionStep.appendChild(this.ask);
    this.questionStep.appendChild(this.buttons);
    this.questionStep.appendChild(this.navigation());
    this.root.appendChild(this.questionStep);

    // 3. the one action
    this.resultStep = element("div", { class: "triage-step triage-step-result", hidden: "" });
    this.resultTitle = element("h3", { class: "triage-result-title", tabindex: "-1" });
    this.resultAction = element("p", { class: "triage-result-action triage-level" });
    this.resultAnswers = element("p", { class: "triage-result-answers" });
    this.resultWhy = element("p", { class: "triage-result-why" });
    var team = element("p", { class: "triage-team" }, ui.team);
    var other = element("p", { class: "triage-note" }, ui.other);
    var doubt = element("p", { class: "triage-note triage-doubt" });
    doubt.appendChild(element("strong", {}, ui.doubt));
    this.resultSources = element("p", { class: "triage-sources triage-result-sources" });
    [this.resultTitle, this.resultAction, this.resultWhy, this.resultAnswers, team, other, doubt, this.resultSources, this.navigation()]
      .forEach(function (node) { self.resultStep.appendChild(node); });
    this.root.appendChild(this.resultStep);

    this.live = element("p", { class: "triage-live", "aria-live": "assertive" });
    this.root.appendChild(this.live);
    this.filter();
  };

  Guide.prototype.navigation = function () {
    var self = this;
    var nav = element("p", { class: "triage-nav" });
    var back = element("button", { type: "button", class: "triage-back" }, this.ui.back);
    back.addEventListener("click", function () { self.go(self.previousHash()); });
    var restart = element("button", { type: "button", class: "triage-restart" }, this.ui.restart);
    restart.addEventListener("click", function () { self.go(""); });
    nav.appendChild(back);
    nav.appendChild(restart);
    return nav;
  };

  Guide.prototype.go = function (hash) {
    this.userMoved = true;
    if (hash) {
      location.hash = hash;
    } else {
      // back to the list without a bare "#" in the address
      history.pushState(null, "", location.pathname + location.search);
      this.render();
    }
  };

  /* How well a symptom matches the query's words: 2 for a word it has, 1 for a word it starts
   * with (« vomi » → « vomissements »), and 3 more when one of its names holds the whole query,
   * little words included (« mal à la tête »). */
  Guide.prototype.score = function (entry, query, all) {
    var score = 0;
    query.forEach(function (word) {
      var best = 0;
      entry.folded.forEach(function (name) {
        name.forEach(function (known) {
          if (known === word) best = 2;
          else if (best < 1 && (known.indexOf(word) === 0 || (word.length >= 4 && known.length >= 4 && word.indexOf(known) === 0))) best = 1;
        });
      });
      score += best;
    });
    var phrase = " " + all.join(" ") + " ";
    if (score && all.length > 1 && entry.folded.some(function (name) { return (" " + name.join(" ") + " ").indexOf(phrase) >= 0; })) {
      score += 3;
    }
    return score;
  };

  Guide.prototype.filter = function () {
    var self = this;
    var all = words(this.search.value);
    var query = all.filter(function (word) { return STOP_WORDS.indexOf(word) < 0; });
    var shown = 0;
    var ranked = this.items.map(function (item) {
      var score = query.length ? self.score(item.entry, query, all) : 1;
      item.item.hidden = score === 0;
      if (score) shown += 1;
      return { item: item.item, score: score };
    });
    ranked.sort(function (a, b) { return b.score - a.score || a.item.dataset.order - b.item.dataset.order; });
    ranked.forEach(function (item) { self.list.appendChild(item.item); });
    if (!query.length) this.count.textContent = "";
    else if (!shown) this.count.textContent = this.ui.count_none;
    else this.count.textContent = shown === 1 ? this.ui.count_one : this.ui.count_many.replace("{n}", shown);
  };

  /* The state of a hash: {entry, answers: [tokens], family: undefined | null (unknown) | code}. */
  Guide.prototype.parse = function (hash) {
    var parts = decodeURIComponent(hash.replace(/^#/, "")).split("/");
    var entry = this.entries[parts[0]];
    if (!entry) return null;
    var state = { entry: entry, answers: [], family: undefined };
    for (var i = 1; i < parts.length; i++) {
      if (parts[i] in ANSWERS && state.answers.length < entry.questions.length) {
        state.answers.push(parts[i]);
      } else {
        if (parts[i] === UNKNOWN_FAMILY) state.family = null;
        else if (parts[i] in this.data.families) state.family = parts[i];
        break;
      }
    }
    return state;
  };

  Guide.prototype.hashOf = function (state) {
    var parts = [state.entry.slug].concat(state.answers);
    if (state.family !== undefined) parts.push(state.family === null ? UNKNOWN_FAMILY : state.family);
    return "#" + parts.join("/");
  };

  Guide.prototype.previousHash = function () {
    var state = this.parse(location.hash);
    if (!state) return "";
    if (state.family !== undefined) state.family = undefined;
    else if (state.answers.length) state.answers.pop();
    else return "";
    return this.hashOf(state);
  };

  /* Where the answers lead: the question to ask, or the level with the row that decided it. */
  Guide.prototype.outcome = function (state) {
    var entry = state.entry;
    var level = entry.otherwise, key = "autres", sign = "";
    for (var i = 0; i < entry.questions.length; i++) {
      if (i >= state.answers.length) return { ask: i };
      if (ANSWERS[state.answers[i]]) {
        level = entry.questions[i].level;
        key = "q" + i;
        sign = entry.questions[i].sign;
        break;
      }
    }
    var self = this;
    var raising = Object.keys(entry.families).filter(function (name) { return self.rank(entry.families[name]) > self.rank(level); });
    if (state.family === undefined && raising.length) return { family: true, level: level };
    var family = state.family;
    if (family === null) { // « je ne sais pas »: the family with the highest level
      raising.sort(function (a, b) { return self.rank(entry.families[b]) - self.rank(entry.families[a]); });
      family = raising[0];
    }
    if (family && raising.indexOf(family) >= 0) {
      level = entry.families[family];
      key = "f-" + family;
    }
    return { level: level, key: key, sign: sign };
  };

  Guide.prototype.render = function () {
    var state = this.parse(location.hash);
    var moved = this.userMoved;
    this.userMoved = false;
    this.listStep.hidden = !!state;
    this.questionStep.hidden = true;
    this.resultStep.hidden = true;
    if (!state) {
      this.live.textContent = "";
      if (moved) this.search.focus();
      return;
    }
    var outcome = this.outcome(state);
    if (outcome.ask !== undefined || outcome.family) {
      this.showQuestion(state, outcome);
      if (moved) this.ask.focus();
    } else {
      this.showResult(state, outcome);
      if (moved) this.resultTitle.focus();
    }
  };

  Guide.prototype.answerButton = function (text, hash) {
    var self = this;
    var button = element("button", { type: "button", class: "triage-answer" }, text);
    button.addEventListener("click", function () { self.go(hash); });
    return button;
  };

  Guide.prototype.showQuestion = function (state, outcome) {
    var ui = this.ui, self = this;
    this.questionStep.hidden = false;
    this.buttons.textContent = "";
    this.live.textContent = "";
    var entry = state.entry;
    if (outcome.family) {
      this.context.textContent = entry.symptom;
      this.ask.textContent = ui.family_ask;
      Object.keys(this.data.families).forEach(function (code) {
        var next = { entry: entry, answers: state.answers, family: code };
        self.buttons.appendChild(self.answerButton(self.data.families[code], self.hashOf(next)));
      });
      this.buttons.appendChild(this.answerButton(ui.family_unknown, this.hashOf({ entry: entry, answers: state.answers, family: null })));
      return;
    }
    var question = entry.questions[outcome.ask];
    this.context.textContent = entry.symptom + " — " + ui.question_of.replace("{i}", outcome.ask + 1).replace("{n}", entry.questions.length);
    this.ask.textContent = question.ask;
    [["oui", ui.yes], ["non", ui.no], ["nsp", ui.unsure]].forEach(function (pair) {
      var next = { entry: entry, answers: state.answers.concat([pair[0]]), family: undefined };
      self.buttons.appendChild(self.answerButton(pair[1], self.hashOf(next)));
    });
  };

  Guide.prototype.showResult = function (state, outcome) {
    var level = this.data.levels[outcome.level];
    this.resultStep.hidden = false;
    this.resultStep.dataset.level = outcome.level;
    var entry = state.entry;
    this.resultTitle.textContent = outcome.sign ? entry.symptom + ", " + outcome.sign : entry.symptom;
    this.resultAction.className = "triage-result-action triage-level triage-level-" + outcome.level;
    this.resultAction.textContent = "";
    this.resultAction.appendChild(element("strong", { class: "triage-tag" }, level.tag));
    this.resultAction.appendChild(document.createTextNode(" "));
    this.resultAction.appendChild(element("span", { class: "triage-action" }, level.label));
    this.resultWhy.textContent = entry.why || "";
    this.resultWhy.hidden = !entry.why;
    this.resultAnswers.textContent = this.answersText(state);
    this.resultSources.textContent = "";
    var row = document.querySelector(".triage-fiche tr.triage-key-" + entry.slug + "--" + outcome.key + " .triage-sources");
    if (row) {
      var copy = row.cloneNode(true);
      copy.querySelectorAll("[role=tooltip]").forEach(function (node) { node.remove(); });
      copy.querySelectorAll("[id]").forEach(function (node) { node.removeAttribute("id"); });
      copy.querySelectorAll("[aria-describedby]").forEach(function (node) { node.removeAttribute("aria-describedby"); });
      while (copy.firstChild) this.resultSources.appendChild(copy.firstChild);
    }
    this.live.textContent = level.label + ".";
  };

  Guide.prototype.answersText = function (state) {
    var ui = this.ui, parts = [];
    var labels = { oui: ui.yes, non: ui.no, nsp: ui.unsure };
    state.answers.forEach(function (answer, index) {
      parts.push(state.entry.questions[index].ask + " " + labels[answer] + ".");
    });
    if (state.family !== undefined) {
      parts.push(ui.family_ask + " " + (state.family === null ? ui.family_unknown : this.data.families[state.family]) + ".");
    }
    return parts.length ? ui.your_answers + "\u00a0: " + parts.join(" ") : "";
  };

  function start() {
    var root = document.querySelector("[data-triage-app]");
    var source = document.querySelector("script.triage-data");
    if (!root || !source) return;
    var guide = new Guide(root, JSON.parse(source.textContent));
    root.hidden = false;
    // a shared link (#fievre/oui) opens on its question or answer, not on the top of the page
    guide.userMoved = !!guide.parse(location.hash);
    guide.render();
    window.addEventListener("hashchange", function () { guide.userMoved = true; guide.render(); });
    window.addEventListener("popstate", function () { guide.render(); });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
