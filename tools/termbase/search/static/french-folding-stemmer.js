/* termbase: accent-insensitive French stemming for Sphinx search (no dependencies).
 * Folds the query word exactly like termbase.french.search.fold (lowercase, NFD, combining marks
 * dropped, oe/ae ligatures spelled out), then applies Sphinx's Snowball French stemmer, which
 * must be loaded before this file. The index was built with the same two steps. */
(function () {
  "use strict";
  var ligatures = { "\u0153": "oe", "\u0152": "oe", "\u00e6": "ae", "\u00c6": "ae" };
  function fold(word) {
    return word
      .replace(/[\u0152\u0153\u00c6\u00e6]/g, function (c) { return ligatures[c]; })
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .normalize("NFC")
      .toLowerCase();
  }
  var French = FrenchStemmer;
  window.Stemmer = function () {
    var french = new French();
    this.stemWord = function (word) {
      return french.stemWord(fold(word));
    };
  };
  window.termbaseFoldFrench = fold;
})();
