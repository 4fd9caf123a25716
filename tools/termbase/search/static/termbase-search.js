/* termbase: search that knows the glossary (no dependencies; see termbase/french/search_terms.py).
 * Loaded on search.html only, after Sphinx's searchtools.js and language_data.js (which defines
 * termbaseFoldFrench) and after termbase-search-data.js. It wraps Sphinx's Search.query: the
 * query is compacted (PD-1 = PD 1 = PD1), glossary names and synonyms in it are also searched as
 * the entry's term, a query that is a name shows the entry's definition above the results (an
 * answer card) and lists its main page first, and pages where the query's words are frequent (in
 * number and as a share of the page) rank higher, as do pages titled with the query's words and
 * pages whose description (front matter) holds most of them. Words of 6 letters or more that the site never uses are corrected to the nearest word of
 * its vocabulary (edit distance 2 at most). Snippets leave out the hidden tooltips and the review
 * line under each title. */
(function () {
  "use strict";
  // Keep in step with termbase.french.search.compact and search_terms.name_key. No lookbehind
  // (Safari before 16.4 would reject the whole file): the left character is captured and kept.
  var JOINER = /([\p{L}\p{N}])[-\u2010\u2011](?=[\p{L}\p{N}])|([\p{L}\p{Nl}\p{No}])[ \u00a0\u202f]+(?=\p{Nd})/gu;
  var SEPARATORS = /[^\p{L}\p{N}]+/gu;
  var fold = window.termbaseFoldFrench || function (word) { return word.toLowerCase(); };

  function compact(text) {
    return text.replace(JOINER, "$1$2");
  }
  function nameKey(text) {
    return fold(compact(text)).replace(SEPARATORS, "");
  }
  function words(text) {
    return fold(compact(text)).split(SEPARATORS).filter(Boolean);
  }

  /* Edit distance of a and b (insertions, deletions, substitutions, swaps of two neighbours),
   * or max + 1 as soon as it is certain to exceed max. */
  function distance(a, b, max) {
    if (Math.abs(a.length - b.length) > max) return max + 1;
    var before = null, previous = [], i, j;
    for (j = 0; j <= b.length; j++) previous.push(j);
    for (i = 1; i <= a.length; i++) {
      var current = [i], best = i;
      for (j = 1; j <= b.length; j++) {
        var cost = a[i - 1] === b[j - 1] ? 0 : 1;
        var value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
        if (before && i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, before[j - 2] + 1);
        current.push(value);
        if (value < best) best = value;
      }
      if (best > max) return max + 1;
      before = previous;
      previous = current;
    }
    return previous[b.length];
  }

  var MIN_LETTERS = 6, MAX_EDITS = 2;

  /* The vocabulary word nearest to an unknown word of 6 letters or more, else null. */
  function nearest(word, vocabulary) {
    if (word.length < MIN_LETTERS || !/^[a-z]+$/.test(word) || Object.prototype.hasOwnProperty.call(vocabulary, word)) return null;
    // On a tie, a word that only lacks letters of the candidate (« imunothérapie ») wins, then the
    // most frequent word.
    function lacksLetters(candidate) {
      for (var i = 0, j = 0; j < candidate.length && i < word.length; j++) if (candidate[j] === word[i]) i++;
      return i === word.length ? 1 : 0;
    }
    var found = null, foundEdits = MAX_EDITS + 1, foundCount = 0;
    Object.keys(vocabulary).forEach(function (candidate) {
      // Readers leave letters out far more often than they add them: « diarée » is « diarrhée »,
      // not « dire ».
      if (candidate.length < word.length - 1) return;
      var edits = distance(word, candidate, MAX_EDITS);
      if (edits > MAX_EDITS) return;
      var count = vocabulary[candidate] + lacksLetters(candidate) * 1e6;
      if (edits < foundEdits || (edits === foundEdits && count > foundCount)) {
        found = candidate;
        foundEdits = edits;
        foundCount = count;
      }
    });
    return foundEdits <= MAX_EDITS ? found : null;
  }

  /* The query with its misspelt words corrected: {query, corrected: [[typed, meant]…]}. */
  function correct(query, data, known) {
    var corrected = [];
    var text = compact(query).split(SEPARATORS).filter(Boolean).map(function (typed) {
      var word = fold(typed);
      if (known && known(word)) return typed;
      var meant = nearest(word, data.vocabulary || {});
      if (meant === null) return typed;
      var spelled = (data.spelled || {})[meant] || meant; // « diarrhée », as the pages write it
      corrected.push([typed, spelled]);
      return spelled;
    });
    return { query: corrected.length ? text.join(" ") : query, corrected: corrected };
  }

  /* Glossary names inside the query, longest first: [{start, end, entry}] over its words. */
  function findNames(queryWords, names) {
    var found = [];
    for (var i = 0; i < queryWords.length; ) {
      var end = queryWords.length;
      while (end > i && !Object.prototype.hasOwnProperty.call(names, queryWords.slice(i, end).join(""))) end--;
      if (end > i) {
        found.push({ start: i, end: end, entry: names[queryWords.slice(i, end).join("")] });
        i = end;
      } else i++;
    }
    return found;
  }

  /* The queries to run: the compacted query, then the query with each name replaced by its term. */
  function plan(query, data) {
    var queryWords = words(query);
    var found = findNames(queryWords, data.names);
    var variants = [compact(query)];
    if (found.length) {
      var parts = [], next = 0;
      found.forEach(function (name) {
        parts.push.apply(parts, queryWords.slice(next, name.start));
        parts.push(compact(data.entries[name.entry][0]));
        next = name.end;
      });
      parts.push.apply(parts, queryWords.slice(next));
      var replaced = parts.join(" ");
      if (nameKey(replaced) !== nameKey(variants[0])) variants.push(replaced);
    }
    var exact = found.length === 1 && found[0].start === 0 && found[0].end === queryWords.length;
    return { variants: variants, entry: exact ? found[0].entry : null };
  }

  /* Triage (keep in step with termbase/search/triage_answers.py): the words of a text as a symptom
   * and a query are compared — folded, elision dropped, small words left out, « ne … pas/plus/rien »
   * one word « plus », the plural rule of the triage check. */
  var ELISION = /(^|[^a-z0-9])(?:[cdjlmnst]|qu|jusqu|lorsqu|puisqu)['\u2019\u02bc]/g;
  function plural(word) {
    if (word.length > 4 && /eaux$/.test(word)) return word.slice(0, -1);
    if (word.length > 3 && /aux$/.test(word)) return word.slice(0, -3) + "al";
    if (word.length > 3 && /s$/.test(word)) return word.slice(0, -1);
    return word;
  }
  function triageWords(text, triage) {
    var stop = new Set(triage.stop), negation = new Set(triage.negation);
    return (fold(text).replace(ELISION, "$1 ").match(/[a-z0-9]+/g) || [])
      .filter(function (word) { return word.length > 1 && !stop.has(word); })
      .map(function (word) { return negation.has(word) ? "plus" : plural(word); });
  }
  function isContext(word, triage) {
    return /^[0-9]+$/.test(word) || triage.context.indexOf(word) >= 0;
  }

  /* The symptoms a query names, most urgent first (as termbase.search.triage_answers.symptoms_in):
   * its phrases as consecutive words (a phrase inside a longer one found gives way), or a
   * distinctive word; every other word must be a word of context, else none. */
  function triageMatches(query, triage) {
    var queryWords = triageWords(query, triage);
    if (!queryWords.length) return [];
    var found = [];
    triage.symptoms.forEach(function (symptom) {
      symptom.phrases.forEach(function (phrase) {
        for (var start = 0; start + phrase.length <= queryWords.length; start++) {
          if (phrase.every(function (word, i) { return queryWords[start + i] === word; })) found.push([start, start + phrase.length, symptom.slug]);
        }
      });
    });
    found.sort(function (a, b) { return (b[1] - b[0]) - (a[1] - a[0]) || a[0] - b[0]; });
    var kept = [];
    found.forEach(function (f) {
      var inside = kept.some(function (k) { return k[0] <= f[0] && f[1] <= k[1] && k[1] - k[0] > f[1] - f[0]; });
      if (!inside) kept.push(f);
    });
    var named = new Set(kept.map(function (k) { return k[2]; }));
    var own = Object.prototype.hasOwnProperty;
    var rest = queryWords.filter(function (word, i) { return !kept.some(function (k) { return k[0] <= i && i < k[1]; }); });
    rest.forEach(function (word) { if (own.call(triage.distinctive, word)) named.add(triage.distinctive[word]); });
    var bySlug = {};
    triage.symptoms.forEach(function (s) { bySlug[s.slug] = s; });
    // A word of a named symptom's phrases says more of it (« je saigne du nez »).
    var told = new Set();
    named.forEach(function (slug) { bySlug[slug].phrases.forEach(function (phrase) { phrase.forEach(function (w) { told.add(w); }); }); });
    if (rest.some(function (word) { return !own.call(triage.distinctive, word) && !told.has(word) && !isContext(word, triage); })) return [];
    var ranks = triage.ranks; // least urgent first
    var order = triage.symptoms.map(function (s) { return s.slug; });
    return Array.from(named).sort(function (a, b) {
      return ranks.indexOf(bySlug[b].level) - ranks.indexOf(bySlug[a].level) || order.indexOf(a) - order.indexOf(b);
    });
  }

  window.termbaseSearch = { compact: compact, nameKey: nameKey, plan: plan, distance: distance, correct: correct, triageWords: triageWords, triageMatches: triageMatches };
  if (typeof Search === "undefined" || !window.termbaseSearchData) return;

  var data = window.termbaseSearchData;
  var options = window.DOCUMENTATION_OPTIONS || {};

  function pageUrl(doc) {
    var root = document.documentElement.dataset.content_root || "";
    if (options.BUILDER === "dirhtml") return root + (doc === "index" ? "" : doc.replace(/(^|\/)index$/, "$1") + "/");
    return root + doc + (options.LINK_SUFFIX || ".html");
  }

  /* Bonus of a page: how often it uses the query's stems (also for its size), whether its title
   * holds them all or is made of them, a section titled with them, and its description. */
  var stemmer = new Stemmer();
  function stemsOf(text) {
    return words(text).map(function (w) { return stemmer.stemWord(w); }).filter(function (stem) { return ownWord.call(Search._index.terms, stem) || ownWord.call(Search._index.titleterms, stem); });
  }
  /* Words of French questions that say nothing of the subject (Sphinx's stop-words leave them in):
   * « peut-on… », « vaccin contre la grippe », « que faire en cas de… ». They still must be on the
   * page; they only earn it no bonus. */
  var QUIET = {};
  ["peut", "peuvent", "faut", "faire", "contre", "tout", "toute", "tous", "cas", "est", "sont"].forEach(function (word) { QUIET[stemmer.stemWord(word)] = true; });
  function pageBonus(doc, file, stems) {
    var counts = data.stems[doc] || {};
    var length = (data.lengths || {})[doc] || 0;
    var bonus = 0;
    var query = Array.from(stems).filter(function (stem) { return !ownWord.call(QUIET, stem); });
    query.forEach(function (stem) {
      var count = counts[stem] || 0;
      bonus += Math.min(2 * count, 30);
      // Share of the page: 3 words in 100 is the most it counts for.
      if (length) bonus += 10 * Math.min(1, 35 * count / length);
    });
    var titleStems = stemsOf(Search._index.titles[file] || "");
    var inTitle = query.filter(function (stem) { return titleStems.indexOf(stem) >= 0; }).length;
    if (query.length && inTitle === query.length) bonus += 15;
    else bonus += 5 * inTitle;
    // A page titled with words of the query only (« Quand appeler ? »), before a page with a
    // section so titled.
    if (titleStems.length && titleStems.every(function (stem) { return query.indexOf(stem) >= 0; })) bonus += 15;
    // A section titled with words of the query only (« Les vaccins » for « vaccin grippe »).
    (data.sections && data.sections[doc] || []).some(function (title) {
      var sectionStems = stemsOf(title);
      if (sectionStems.length && sectionStems.every(function (stem) { return query.indexOf(stem) >= 0; })) {
        bonus += 25;
        return true;
      }
      return false;
    });
    // The description says what the page answers, often as readers ask it; one word met in its
    // sentence says little (« lymphocytes T » in that of the page on checkpoint inhibitors).
    var description = (data.descriptions || {})[doc];
    var asked = Array.from(stems); // question words included: the description is a question too
    if (description && asked.length > 1) {
      // Hyphens split here: « peut-il », « imprimez-les ».
      var described = stemsOf(description.replace(/[-\u2010\u2011]/g, " "));
      var held = asked.filter(function (stem) { return described.indexOf(stem) >= 0; }).length;
      var heldWords = query.filter(function (stem) { return described.indexOf(stem) >= 0; }).length;
      // More than half the query's words, two of them not question words: « Un cancer peut-il
      // disparaître tout seul ? » holds 4 of the 5 of « peut-on guérir d'un cancer tout seul »,
      // but « vaccins contre… » does not answer « vaccin contre la grippe ».
      if (held > asked.length / 2 && heldWords >= Math.min(2, query.length)) bonus += 30 * held / asked.length;
    }
    return Math.round(bonus);
  }

  /* Pages that hold all the query's words but one (of three or more), or most of a long question
   * as patients write it: they come after the pages that hold every word, unless their title says
   * more. */
  function filesWith(stem) {
    var found = new Set();
    [Search._index.terms, Search._index.titleterms].forEach(function (terms) {
      var files = ownWord.call(terms, stem) ? terms[stem] : [];
      (Array.isArray(files) ? files : [files]).forEach(function (f) { found.add(f); });
    });
    return found;
  }
  function partialResults(stems) {
    var query = Array.from(stems).filter(function (stem) { return filesWith(stem).size; });
    if (query.length < 2) return [];
    var needed = query.length <= 3 ? query.length - 1 : Math.ceil(query.length * 0.6);
    var matched = new Map();
    query.forEach(function (stem) {
      filesWith(stem).forEach(function (file) { matched.set(file, (matched.get(file) || 0) + 1); });
    });
    var index = Search._index, results = [];
    matched.forEach(function (count, file) {
      if (count < needed || count === query.length) return;
      var doc = index.docnames[file];
      var found = new Set(query.filter(function (stem) { return filesWith(stem).has(file); }));
      // Missing only words that half the pages use (« médecin ») costs nothing; a rarer word does.
      var missing = query.filter(function (stem) { return !found.has(stem); });
      var common = missing.every(function (stem) { return filesWith(stem).size >= index.docnames.length / 2; });
      results.push([doc, index.titles[file], "", null, 5 * count - (common ? 0 : 10) + pageBonus(doc, file, found), index.filenames[file], "text"]);
    });
    return results;
  }

  /* A word the index or the glossary knows as typed is never corrected. */
  var ownWord = Object.prototype.hasOwnProperty;
  function known(word) {
    if (ownWord.call(data.names, word)) return true;
    var stem = stemmer.stemWord(word);
    return ownWord.call(Search._index.terms, stem) || ownWord.call(Search._index.titleterms, stem);
  }

  function rank(query) {
    var index = Search._index;
    var fixed = correct(query, data, known);
    var route = plan(fixed.query, data);
    if (fixed.corrected.length) route.variants.push(compact(query));
    var byKey = new Map();
    var stems = new Set(), highlights = new Set();
    function keep(result) {
      var key = result[0] + result[2];
      var known = byKey.get(key);
      if (!known || known[4] < result[4]) byKey.set(key, result);
    }
    function pageResult(doc, score) {
      var file = index.docnames.indexOf(doc);
      if (file < 0) return;
      var known = byKey.get(doc); // a page the words found already: raise it
      keep([doc, index.titles[file], "", null, (known ? known[4] : 0) + score, index.filenames[file], "text"]);
    }
    route.variants.forEach(function (variant) {
      var parsed = Search._parseQuery(variant);
      parsed[1].forEach(function (s) { stems.add(s); });
      parsed[3].forEach(function (h) { highlights.add(h); });
      Search._performSearch.apply(Search, parsed).forEach(function (result) {
        var file = index.docnames.indexOf(result[0]);
        result[4] += pageBonus(result[0], file, parsed[1]);
        keep(result);
      });
    });
    var full = new Set(Array.from(byKey.values()).map(function (r) { return r[0]; }));
    partialResults(stems).forEach(function (result) { if (!full.has(result[0])) keep(result); });
    var answer = null;
    if (route.entry !== null) {
      var entry = data.entries[route.entry]; // [term, anchor, main page, {page: links}, short definition]
      stems.add(entry[0].toLowerCase()); // snippets centre on the term as the pages write it
      highlights.add(entry[0].toLowerCase());
      Object.keys(entry[3]).forEach(function (doc) { pageResult(doc, 30 + Math.min(entry[3][doc], 10)); });
      if (entry[2]) pageResult(entry[2], 500);
      // The definition is the answer card above the results: the glossary's entry takes no slot.
      byKey.delete(data.glossary + "#" + entry[1]);
      answer = { term: entry[0], definition: entry[4], href: data.glossary ? pageUrl(data.glossary) + "#" + entry[1] : null };
    }
    // A symptom of the triage table: its answer card, and the page « Quand appeler ? » first.
    var triage = [];
    if (data.triage) {
      var slugs = triageMatches(fixed.query, data.triage);
      if (!slugs.length && fixed.corrected.length) slugs = triageMatches(query, data.triage);
      triage = slugs.map(function (slug) { return data.triage.symptoms.filter(function (s) { return s.slug === slug; })[0]; });
      // Then the pages whose triage table shows the symptom (the side-effect pages).
      var tables = data.triage.tables || {};
      Object.keys(tables).forEach(function (doc) {
        if (slugs.some(function (slug) { return tables[doc].indexOf(slug) >= 0; })) pageResult(doc, 900);
      });
      if (triage.length && data.triage.guide) {
        byKey.delete(data.triage.guide); // the page found by its words, raised above every other
        pageResult(data.triage.guide, 2000);
      }
    }
    var results = Array.from(byKey.values());
    results.sort(function (a, b) { return a[4] - b[4] || (a[1] < b[1] ? 1 : a[1] > b[1] ? -1 : 0); });
    return { results: results, stems: stems, highlights: highlights, answer: answer, triage: triage, corrected: fixed.corrected, query: fixed.query };
  }

  /* Docnames (and anchors) in the order the page lists them, with their scores: for tests and
   * benchmarks. */
  window.termbaseSearch.rank = function (query) {
    var found = rank(query);
    return {
      pages: found.results.slice().reverse().map(function (r) { return r[0] + (r[2] || ""); }),
      answer: found.answer,
      triage: found.triage.map(function (symptom) { return symptom.slug; }),
      corrected: found.corrected,
      scores: found.results.slice().reverse().map(function (r) { return r[4]; }),
    };
  };

  /* An answer card: a region named by its heading (screen readers list it as such). */
  function answerCard(className, text) {
    var card = document.createElement("section");
    card.className = className;
    card.setAttribute("aria-labelledby", className + "-title");
    var title = card.appendChild(document.createElement("h3"));
    title.id = className + "-title";
    title.textContent = text;
    return { card: card, title: title };
  }

  function showAnswer(answer) {
    var made = answerCard("termbase-answer", answer.term), card = made.card, title = made.title;
    var label = title.appendChild(document.createElement("span"));
    label.className = "termbase-answer-kind";
    label.textContent = " \u2014 " + data.messages.definition;
    card.appendChild(document.createElement("p")).textContent = answer.definition;
    if (answer.href) {
      var more = card.appendChild(document.createElement("p")).appendChild(document.createElement("a"));
      more.href = answer.href;
      more.textContent = data.messages.answer;
    }
    Search.output.parentNode.insertBefore(card, Search.output);
  }

  /* The triage answer card: each symptom named, its level as on the card (word, border, icon), the
   * rows that call the 15, the lines every rendering of the table carries, and a link to the
   * symptom's questions. Every text comes from the data (termbase.search.triage_answers). */
  function levelSpan(level) {
    var span = document.createElement("span");
    span.className = "triage-level triage-level-" + level;
    var tag = span.appendChild(document.createElement("strong"));
    tag.className = "triage-tag";
    tag.textContent = data.triage.levels[level].tag;
    span.appendChild(document.createTextNode(" "));
    var action = span.appendChild(document.createElement("span"));
    action.className = "triage-action";
    action.textContent = data.triage.levels[level].label;
    return span;
  }

  function triageLine(className, text, level, strong) {
    var line = document.createElement("p");
    line.className = className;
    var name = line.appendChild(document.createElement(strong ? "strong" : "span"));
    name.textContent = text;
    line.appendChild(document.createTextNode("\u00a0: "));
    line.appendChild(levelSpan(level));
    return line;
  }

  function showTriage(symptoms) {
    var messages = data.triage.messages;
    var card = answerCard("termbase-triage-answer", messages.title).card;
    symptoms.forEach(function (symptom) {
      var block = card.appendChild(document.createElement("div"));
      block.className = "termbase-triage-symptom";
      block.dataset.symptom = symptom.slug;
      block.appendChild(triageLine("termbase-triage-level", symptom.symptom, symptom.level, true));
      symptom.severe.forEach(function (text) { block.appendChild(triageLine("termbase-triage-severe", text, "samu", false)); });
      if (data.triage.guide) {
        var link = block.appendChild(document.createElement("p")).appendChild(document.createElement("a"));
        link.href = pageUrl(data.triage.guide) + "#" + encodeURIComponent(symptom.slug);
        link.textContent = messages.questions;
        if (symptoms.length > 1) link.setAttribute("aria-label", messages.questions + " (" + symptom.symptom + ")");
      }
    });
    card.appendChild(document.createElement("p")).textContent = messages.other;
    card.appendChild(document.createElement("p")).appendChild(document.createElement("strong")).textContent = messages.doubt;
    Search.output.parentNode.insertBefore(card, Search.output);
  }

  function showCorrection(found) {
    var note = document.createElement("p");
    note.className = "termbase-corrected";
    note.textContent = data.messages.corrected + "\u00a0\u00ab\u00a0" + found.query + "\u00a0\u00bb (" + found.corrected.map(function (pair) { return pair[0] + " \u2192 " + pair[1]; }).join(", ") + ")";
    Search.output.parentNode.insertBefore(note, Search.output);
  }

  function noResults() {
    var status = Search.status;
    status.textContent = data.messages.none + " ";
    if (data.glossary) {
      var link = status.appendChild(document.createElement("a"));
      link.href = pageUrl(data.glossary);
      link.textContent = data.messages.glossary;
      status.appendChild(document.createTextNode("."));
    }
    if (data.triage && data.triage.guide && !document.querySelector(".termbase-no-result-guide")) {
      var help = status.parentNode.insertBefore(document.createElement("p"), status.nextSibling);
      help.className = "termbase-no-result-guide";
      help.appendChild(document.createTextNode(data.triage.messages.none + "\u00a0« "));
      var guide = help.appendChild(document.createElement("a"));
      guide.href = pageUrl(data.triage.guide);
      guide.textContent = data.triage.guideTitle || data.triage.guide;
      help.appendChild(document.createTextNode("\u00a0». " + data.triage.messages.doubt));
    }
  }

  Search.query = function (query) {
    var found = rank(query);
    if (found.corrected.length) showCorrection(found);
    // The safety answer before the definition when a query names both.
    if (found.triage.length) showTriage(found.triage);
    if (found.answer) showAnswer(found.answer);
    if (typeof SPHINX_HIGHLIGHT_ENABLED !== "undefined" && SPHINX_HIGHLIGHT_ENABLED) localStorage.setItem("sphinx_highlight_terms", Array.from(found.highlights).join(" "));
    _displayNextItem(found.results, found.results.length, found.stems, found.highlights);
    if (!found.results.length) noResults();
  };

  /* Snippets come from each page's text: leave out the hidden tooltips (term and citation), the
   * breadcrumbs, the review dates and « Imprimer cette page » under the title (every page has
   * them), the source lines of the triage tables (a list of citations says nothing of the page)
   * and, for a whole page, its title (the result's link already shows them). */
  var htmlToText = Search.htmlToText;
  var NOT_IN_SNIPPETS = '[role="tooltip"], [role="main"] nav, .no-search, .termbase-page-tools, .termbase-review-dates, .termbase-print-address, .termbase-report-error, .triage-sources, .triage-sources-all';
  Search.htmlToText = function (htmlString, anchor) {
    var page = new DOMParser().parseFromString(htmlString, "text/html");
    page.querySelectorAll(NOT_IN_SNIPPETS + (anchor ? "" : ', [role="main"] h1')).forEach(function (node) { node.remove(); });
    return htmlToText(page.documentElement.outerHTML, anchor);
  };

  /* Where a snippet starts: up to 120 characters before the first word found, at the last line or
   * sentence start in that stretch, else at the next word (never inside a word: « ...brolizumab »). */
  function snippetStart(text, hit) {
    var start = Math.max(hit - 120, 0);
    if (!start) return 0;
    var before = text.slice(start, hit);
    var boundary = Math.max(before.lastIndexOf("\n"), before.search(/[.!?;:]\s[^.!?;:]*$/) + 1);
    if (boundary > 0) return start + boundary + 1;
    var space = before.search(/\s/);
    return space > -1 ? start + space + 1 : hit;
  }

  /* Sphinx looks for the stems as typed in the accented text ("immunotherap" is not found in
   * "immunothérapie"): look in the folded text, at the first place a word of the query occurs. */
  Search.makeSearchSummary = function (htmlText, keywords, anchor) {
    var text = Search.htmlToText(htmlText, anchor);
    if (!text) return null;
    var folded = fold(text);
    var places = Array.from(keywords).map(function (k) { return folded.indexOf(fold(k)); }).filter(function (i) { return i > -1; });
    var start = places.length ? snippetStart(text, Math.min.apply(null, places)) : 0;
    var summary = document.createElement("p");
    summary.classList.add("context");
    var atBoundary = start === 0 || /[\n.!?;:]\s*$/.test(text.slice(Math.max(start - 3, 0), start));
    summary.textContent = (atBoundary ? "" : "...") + text.substr(start, 240).trim() + (start + 240 < text.length ? "..." : "");
    return summary;
  };
})();
