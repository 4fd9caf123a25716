/* termbase: search that knows the glossary (no dependencies; see termbase/french/search_terms.py).
 * Loaded on search.html only, after Sphinx's searchtools.js and language_data.js (which defines
 * termbaseFoldFrench) and after termbase-search-data.js. It wraps Sphinx's Search.query: the
 * query is compacted (PD-1 = PD 1 = PD1), glossary names and synonyms in it are also searched as
 * the entry's term, a query that is a name lists the entry and its main page first, and pages
 * where the query's words are frequent rank higher. Snippets leave out the hidden tooltips. */
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

  window.termbaseSearch = { compact: compact, nameKey: nameKey, plan: plan };
  if (typeof Search === "undefined" || !window.termbaseSearchData) return;

  var data = window.termbaseSearchData;
  var options = window.DOCUMENTATION_OPTIONS || {};

  function pageUrl(doc) {
    var root = document.documentElement.dataset.content_root || "";
    if (options.BUILDER === "dirhtml") return root + (doc === "index" ? "" : doc.replace(/(^|\/)index$/, "$1") + "/");
    return root + doc + (options.LINK_SUFFIX || ".html");
  }

  /* Bonus of a page: how often it uses the query's stems, and whether its title holds them all. */
  var stemmer = new Stemmer();
  function pageBonus(doc, file, stems) {
    var counts = data.stems[doc] || {};
    var bonus = 0;
    stems.forEach(function (stem) { bonus += Math.min(2 * (counts[stem] || 0), 30); });
    var titleStems = words(Search._index.titles[file] || "").map(function (w) { return stemmer.stemWord(w); });
    if (stems.size && Array.from(stems).every(function (stem) { return titleStems.indexOf(stem) >= 0; })) bonus += 15;
    return bonus;
  }

  function rank(query) {
    var index = Search._index;
    var route = plan(query, data);
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
    if (route.entry !== null) {
      var entry = data.entries[route.entry]; // [term, anchor, main page, {page: links}, short definition]
      stems.add(entry[0].toLowerCase()); // snippets centre on the term as the pages write it
      highlights.add(entry[0].toLowerCase());
      Object.keys(entry[3]).forEach(function (doc) { pageResult(doc, 30 + Math.min(entry[3][doc], 10)); });
      if (entry[2]) pageResult(entry[2], 500);
      var glossaryFile = index.docnames.indexOf(data.glossary);
      if (glossaryFile >= 0) {
        keep([data.glossary, entry[0], "#" + entry[1], data.messages.entry + "\u00a0: " + entry[4], 1000, index.filenames[glossaryFile], "object"]);
      }
    }
    var results = Array.from(byKey.values());
    results.sort(function (a, b) { return a[4] - b[4] || (a[1] < b[1] ? 1 : a[1] > b[1] ? -1 : 0); });
    return { results: results, stems: stems, highlights: highlights };
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
  }

  Search.query = function (query) {
    var found = rank(query);
    if (typeof SPHINX_HIGHLIGHT_ENABLED !== "undefined" && SPHINX_HIGHLIGHT_ENABLED) localStorage.setItem("sphinx_highlight_terms", Array.from(found.highlights).join(" "));
    _displayNextItem(found.results, found.results.length, found.stems, found.highlights);
    if (!found.results.length) noResults();
  };

  /* Snippets come from each page's text: leave out the hidden tooltips (term and citation), the
   * breadcrumbs and, for a whole page, its title (the result's link already shows them). */
  var htmlToText = Search.htmlToText;
  Search.htmlToText = function (htmlString, anchor) {
    var page = new DOMParser().parseFromString(htmlString, "text/html");
    page.querySelectorAll('[role="tooltip"], [role="main"] nav' + (anchor ? "" : ', [role="main"] h1')).forEach(function (node) { node.remove(); });
    return htmlToText(page.documentElement.outerHTML, anchor);
  };

  /* Sphinx looks for the stems as typed in the accented text ("immunotherap" is not found in
   * "immunothérapie"): look in the folded text, at the first place a word of the query occurs. */
  Search.makeSearchSummary = function (htmlText, keywords, anchor) {
    var text = Search.htmlToText(htmlText, anchor);
    if (!text) return null;
    var folded = fold(text);
    var places = Array.from(keywords).map(function (k) { return folded.indexOf(fold(k)); }).filter(function (i) { return i > -1; });
    var start = places.length ? Math.max(Math.min.apply(null, places) - 120, 0) : 0;
    var summary = document.createElement("p");
    summary.classList.add("context");
    summary.textContent = (start ? "..." : "") + text.substr(start, 240).trim() + (start + 240 < text.length ? "..." : "");
    return summary;
  };
})();
