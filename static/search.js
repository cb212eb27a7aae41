// Search for a briefing site, in the reader's browser, with no server.
// The index (search-index.js, written by gen build) is a plain script
// loaded on the first search, so it works from a folder on disk as on any
// web server; it sets window.briefingSearchIndex to [kind, title, text,
// link] entries with site-relative links, and window.briefingSearchParts
// to the number of parts that hold the articles' paragraphs
// (search/part-1.js and on), loaded next, all at once.
(function () {
  "use strict";
  var script = document.currentScript;
  var input = document.getElementById("search-query");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  if (!script || !input || !status || !list) return;
  var indexSrc = script.getAttribute("data-index");
  var root = script.getAttribute("data-root") || "";
  var labels = { p: "Paragraph", q: "Quote", a: "Actor", t: "Topic", e: "Event" };
  var weight = { t: 5, a: 4, e: 3, q: 2, p: 1 };
  var maxResults = 50;
  var docs = null;
  var waiting = null;

  // fold lowers case and drops accents, character by character, so that
  // positions in the folded text map back to the original.
  // Apostrophes are dropped, so "Ukraine's" and "Ukraine’s" are one word.
  function foldChar(c) {
    if (c === "'" || c === "’") return "";
    return c.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }
  function fold(s) {
    var out = "";
    var from = [];
    for (var i = 0; i < s.length; i++) {
      var f = foldChar(s[i]);
      for (var j = 0; j < f.length; j++) from.push(i);
      out += f;
    }
    from.push(s.length);
    return { text: out, from: from };
  }
  var wordChar = /[\p{L}\p{N}]/u;
  // terms are the query's words, folded; one-letter words match too much
  // to help.
  function terms(q) {
    var words = fold(q).text.match(/[\p{L}\p{N}]+/gu) || [];
    return words.filter(function (w) { return w.length > 1; });
  }
  // starts lists where term begins a word in folded text.
  function starts(text, term) {
    var found = [];
    for (var at = text.indexOf(term); at >= 0; at = text.indexOf(term, at + 1)) {
      if (at === 0 || !wordChar.test(text[at - 1])) found.push(at);
    }
    return found;
  }

  function addScript(src, onload) {
    var s = document.createElement("script");
    s.src = src;
    s.onload = onload;
    s.onerror = function () {
      status.textContent = "The search index could not be loaded.";
      waiting = null; // the next search tries again
    };
    document.head.appendChild(s);
  }

  function load(then) {
    if (docs) { then(); return; }
    if (waiting) { waiting.push(then); return; }
    waiting = [then];
    status.textContent = "Loading the search index…";
    function ready() {
      var parts = window.briefingSearchParts;
      var entries = (window.briefingSearchIndex || []).slice();
      for (var n = 1; n <= parts.count; n++) {
        parts[n].forEach(function (e) { entries.push(e); });
      }
      docs = entries.map(function (e) {
        return { kind: e[0], title: e[1], text: e[2], url: e[3], title_: fold(e[1]).text, text_: fold(e[2]).text };
      });
      var queue = waiting;
      waiting = null;
      queue.forEach(function (f) { f(); });
    }
    addScript(indexSrc, function () {
      var parts = window.briefingSearchParts = window.briefingSearchParts || { count: 0 };
      var pending = parts.count;
      if (!pending) { ready(); return; }
      for (var n = 1; n <= parts.count; n++) {
        addScript(root + "search/part-" + n + ".js", function () { if (--pending === 0) ready(); });
      }
    });
  }

  function search(q) {
    var ts = terms(q);
    if (!ts.length) return [];
    var hits = [];
    docs.forEach(function (d, order) {
      var score = 0;
      for (var i = 0; i < ts.length; i++) {
        var inTitle = starts(d.title_, ts[i]).length > 0;
        var inText = starts(d.text_, ts[i]).length > 0;
        if (!inTitle && !inText) return;
        score += weight[d.kind] * (inTitle ? 3 : 1);
      }
      hits.push({ doc: d, score: score, order: order });
    });
    hits.sort(function (a, b) { return b.score - a.score || a.order - b.order; });
    return hits;
  }

  // highlight returns text as nodes, each word that starts with a term in
  // a <mark>, cut around the first match when the text is long.
  function highlight(text, ts, limit) {
    var f = fold(text);
    var ranges = [];
    ts.forEach(function (t) {
      starts(f.text, t).forEach(function (at) { ranges.push([f.from[at], f.from[at + t.length]]); });
    });
    ranges.sort(function (a, b) { return a[0] - b[0]; });
    var from = 0;
    var to = text.length;
    if (limit && text.length > limit) {
      var first = ranges.length ? ranges[0][0] : 0;
      from = Math.max(0, first - Math.floor(limit / 3));
      to = Math.min(text.length, from + limit);
      var space = text.indexOf(" ", from);
      if (from > 0 && space >= 0 && space < first) from = space + 1;
      var end = text.lastIndexOf(" ", to);
      if (to < text.length && end > first) to = end;
    }
    var frag = document.createDocumentFragment();
    if (from > 0) frag.appendChild(document.createTextNode("…"));
    var at = from;
    ranges.forEach(function (r) {
      var a = Math.max(r[0], at);
      var b = Math.min(r[1], to);
      if (a >= b) return;
      frag.appendChild(document.createTextNode(text.slice(at, a)));
      var m = document.createElement("mark");
      m.textContent = text.slice(a, b);
      frag.appendChild(m);
      at = b;
    });
    frag.appendChild(document.createTextNode(text.slice(at, to)));
    if (to < text.length) frag.appendChild(document.createTextNode("…"));
    return frag;
  }

  function show(q) {
    var hits = search(q);
    var ts = terms(q);
    list.textContent = "";
    if (!ts.length) { status.textContent = ""; return; }
    status.textContent = hits.length === 0 ? "No results for “" + q + "”." :
      (hits.length === 1 ? "1 result" : hits.length + " results") + " for “" + q + "”" +
      (hits.length > maxResults ? ", the first " + maxResults + " shown." : ".");
    hits.slice(0, maxResults).forEach(function (h) {
      var d = h.doc;
      var li = document.createElement("li");
      li.className = "result result-" + d.kind;
      var a = document.createElement("a");
      a.href = root + d.url;
      var kind = document.createElement("span");
      kind.className = "result-kind";
      kind.textContent = labels[d.kind] + ": ";
      a.appendChild(kind);
      a.appendChild(highlight(d.title, ts));
      var para = d.url.match(/#p(\d+)$/);
      if (para) a.appendChild(document.createTextNode(", ¶" + para[1]));
      li.appendChild(a);
      if (d.text) {
        var p = document.createElement("p");
        if (d.kind === "q") p.appendChild(document.createTextNode("“"));
        p.appendChild(highlight(d.text, ts, 240));
        if (d.kind === "q") p.appendChild(document.createTextNode("”"));
        li.appendChild(p);
      }
      list.appendChild(li);
    });
  }

  function run() {
    var q = input.value.trim();
    load(function () { show(q); });
    try {
      var url = new URL(location.href);
      if (q) url.searchParams.set("q", q); else url.searchParams.delete("q");
      history.replaceState(null, "", url.href);
    } catch (e) { /* some browsers refuse this for file:// pages; the search still works */ }
  }

  var timer = null;
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(run, 150);
  });
  input.addEventListener("focus", function () { load(function () {}); }, { once: true });
  input.form.addEventListener("submit", function (e) {
    e.preventDefault();
    run();
  });
  // Arrow keys move between the results and the search field.
  document.addEventListener("keydown", function (e) {
    if (e.key !== "ArrowDown" && e.key !== "ArrowUp") return;
    var links = Array.prototype.slice.call(list.querySelectorAll("a"));
    if (!links.length) return;
    var i = links.indexOf(document.activeElement);
    if (document.activeElement === input && e.key === "ArrowDown") i = -1;
    else if (i < 0) return;
    e.preventDefault();
    var next = i + (e.key === "ArrowDown" ? 1 : -1);
    if (next < 0) input.focus(); else links[Math.min(next, links.length - 1)].focus();
  });

  var initial = new URLSearchParams(location.search).get("q");
  if (initial) {
    input.value = initial;
    run();
  }
})();
