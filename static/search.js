// Search for a briefing site, in the reader's browser, with no server.
// The index is written by gen build as plain scripts (internal/search
// describes their format), so it works from a folder on disk as on any
// web server. search-index.js, loaded on the first search, lists the
// shards of terms; a query loads only the shards of its words
// (search/s/…), then only the chunks holding the documents it shows
// (search/a/… for an article's paragraphs and quotes, search/m/… for
// topics, actors and events), and "More results" the rest.
(function () {
  "use strict";

  // fold lowers case and drops accents (every nonspacing mark), character
  // by character, so that positions in the folded text map back to the
  // original; the letters no decomposition takes apart are spelled as
  // typed without them (ß as ss); apostrophes are dropped, so "Ukraine's"
  // and "Ukraine’s" are one word. Go folds the same way when it writes the
  // index (internal/search.Fold).
  var spelled = { "ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "ı": "i" };
  function foldChar(c) {
    if (c === "'" || c === "’") return "";
    var f = c.normalize("NFD").replace(/\p{Mn}/gu, "").toLowerCase();
    return spelled[f] || f;
  }
  function fold(s) {
    var out = "";
    var from = [];
    for (var i = 0; i < s.length;) {
      var c = String.fromCodePoint(s.codePointAt(i));
      var f = foldChar(c);
      for (var j = 0; j < f.length; j++) from.push(i);
      out += f;
      i += c.length;
    }
    from.push(s.length);
    return { text: out, from: from };
  }
  var wordChar = /[\p{L}\p{N}\p{Mc}]/u;
  // Scripts written without spaces between words: their runs are indexed
  // by pairs of characters, as Go's unspaced says.
  var unspaced = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}\u30fc]/u;
  // terms are the query's words, folded, and each pair of characters of a
  // run without spaces; one-letter words match too much to help.
  function terms(q) {
    var out = [];
    (fold(q).text.match(/[\p{L}\p{N}\p{Mc}]+/gu) || []).forEach(function (w) {
      var run = [];
      var inRun = false;
      function flush() {
        if (inRun && run.length > 2) {
          for (var i = 0; i + 1 < run.length; i++) out.push(run[i] + run[i + 1]);
        } else if (inRun || run.length > 1) {
          out.push(run.join(""));
        }
        run = [];
      }
      Array.from(w).forEach(function (c) {
        var u = unspaced.test(c);
        if (u !== inRun) {
          flush();
          inRun = u;
        }
        run.push(c);
      });
      flush();
    });
    return out;
  }
  window.briefingSearchFold = { fold: function (s) { return fold(s).text; }, terms: terms };

  // english says the messages on a search page of a project's own from
  // before words.js, which gives none.
  function english(id, a) {
    var n = a && a.Count, q = a && a.Query;
    return {
      search_kind_p: "Paragraph", search_kind_q: "Quote", search_kind_a: "Actor", search_kind_t: "Topic", search_kind_e: "Event", translation_label: "Translation",
      search_more: "More results", search_failed: "The search index could not be loaded.",
      search_loading: "Loading the search index…", search_loading_more: "Loading more results…",
      search_none: "No results for “" + q + "”.", search_more_than: "More than " + n + " results for “" + q + "”",
      search_results: n + (n === 1 ? " result" : " results") + " for “" + q + "”", search_first_shown: ", the first " + n + " shown."
    }[id] || id;
  }
  var script = document.currentScript;
  var input = document.getElementById("search-query");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  if (!script || !input || !status || !list) return;
  var indexSrc = script.getAttribute("data-index");
  var root = script.getAttribute("data-root") || "";
  var say = window.briefingWords ? window.briefingWords.say : english;
  var labels = { p: say("search_kind_p"), q: say("search_kind_q"), a: say("search_kind_a"), t: say("search_kind_t"), e: say("search_kind_e"), translation: say("translation_label") };
  var perPage = 10;
  var lastDigits = "0123456789abcdefghijklmnopqrstuv";
  var moreDigits = "wxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_";
  var more = document.getElementById("search-more");
  if (!more) { // a search.html from before the button
    more = document.createElement("button");
    more.type = "button";
    more.className = "search-more";
    more.textContent = say("search_more");
    more.hidden = true;
    list.parentNode.insertBefore(more, list.nextSibling);
  }

  // starts lists where term begins a word in folded text.
  function starts(text, term) {
    var found = [];
    for (var at = text.indexOf(term); at >= 0; at = text.indexOf(term, at + 1)) {
      // A pair of characters of a run without spaces may start anywhere in it.
      if (at === 0 || !wordChar.test(text[at - 1]) || unspaced.test(String.fromCodePoint(term.codePointAt(0)))) found.push(at);
    }
    return found;
  }

  // Loading: each file of the index calls briefingSearchLoaded with its
  // name and value.
  var files = {};   // name: value, once loaded
  var waiting = {}; // name: functions to call once it is
  var index = null;
  window.briefingSearchLoaded = function (name, value) {
    files[name] = value;
    var queue = waiting[name] || [];
    delete waiting[name];
    queue.forEach(function (f) { f(); });
  };
  function addScript(src, onload, onerror) {
    var s = document.createElement("script");
    s.src = src;
    s.onload = onload;
    s.onerror = function () {
      status.textContent = say("search_failed");
      if (onerror) onerror();
    };
    document.head.appendChild(s);
  }
  // need calls then once all the named files are loaded.
  function need(names, then) {
    var pending = 1;
    function done() { if (--pending === 0) then(); }
    names.forEach(function (name) {
      if (name in files) return;
      pending++;
      if (waiting[name]) { waiting[name].push(done); return; }
      waiting[name] = [done];
      addScript(root + "search/" + name + ".js", null, function () { delete waiting[name]; });
    });
    done();
  }
  var indexWaiting = null;
  function loadIndex(then) {
    if (index) { then(); return; }
    if (indexWaiting) { indexWaiting.push(then); return; }
    indexWaiting = [then];
    status.textContent = say("search_loading");
    addScript(indexSrc, function () {
      index = window.briefingSearchIndex;
      var queue = indexWaiting;
      indexWaiting = null;
      queue.forEach(function (f) { f(); });
    }, function () { indexWaiting = null; });
  }

  function hex(s) {
    var bytes = unescape(encodeURIComponent(s));
    var out = "";
    for (var i = 0; i < bytes.length; i++) out += (bytes.charCodeAt(i) + 256).toString(16).slice(1);
    return out;
  }
  // shardsOf names the shards holding the terms that start with t: the
  // one of the longest prefix of t, and those of longer prefixes.
  function shardsOf(t) {
    var best = "";
    var out = [];
    index.shards.forEach(function (p) {
      if (t.indexOf(p) === 0) { if (p.length > best.length) best = p; }
      else if (p.indexOf(t) === 0) out.push("s/" + hex(p));
    });
    if (best) out.push("s/" + hex(best));
    return out;
  }
  // decode adds postings [weight, string, …] to docs: key → best weight.
  function decode(bands, from, docs) {
    for (var b = from; b + 1 < bands.length; b += 2) {
      var w = bands[b], s = bands[b + 1], c = 0, n = 0, chunk = -1;
      for (var i = 0; i < s.length; i++) {
        var d = lastDigits.indexOf(s[i]);
        if (d < 0) { n = n * 32 + moreDigits.indexOf(s[i]); continue; }
        n = n * 32 + d;
        if (chunk < 0) { c += n; chunk = c; } else {
          var key = chunk * 65536 + n;
          if (!(docs[key] >= w)) docs[key] = w;
          chunk = -1;
        }
        n = 0;
      }
    }
  }

  // A search: its words, the terms they match, and what is shown so far.
  var current = null;
  function start(q) {
    var ts = terms(q);
    var s = { q: q, words: ts, matched: [], shown: {}, count: 0, hits: [] };
    current = s;
    list.textContent = "";
    more.hidden = true;
    if (!ts.length) { status.textContent = ""; return; }
    loadIndex(function () {
      var shards = [];
      ts.forEach(function (t) { shards = shards.concat(shardsOf(t)); });
      need(shards, function () {
        if (current !== s) return;
        ts.forEach(function (t, wi) {
          shardsOf(t).forEach(function (name) {
            var shard = files[name];
            for (var term in shard) {
              if (term.indexOf(t) === 0) s.matched.push({ word: wi, term: term, entry: shard[term], blocks: 0 });
            }
          });
        });
        rank(s);
        page(s);
      });
    });
  }
  // rank orders the documents found: those with more of the words first,
  // then by weight, then newest first.
  function rank(s) {
    var perWord = s.words.map(function () { return {}; });
    s.matched.forEach(function (m) {
      decode(m.entry, 2, perWord[m.word]);
      for (var n = 1; n <= m.blocks; n++) decode(files["c/" + hex(m.term) + "-" + n], 0, perWord[m.word]);
    });
    // A rare word counts for more than a common one: where the postings
    // loaded of a common word leave out some of its documents, those with
    // the rare word still come before those with only the common one.
    var totals = s.words.map(function () { return 0; });
    s.matched.forEach(function (m) { totals[m.word] += m.entry[0]; });
    var most = Math.max.apply(null, totals);
    var score = {};
    perWord.forEach(function (docs, w) {
      var rarity = totals[w] ? 1 + Math.log(most / totals[w]) / Math.LN2 : 1;
      for (var key in docs) {
        var h = score[key] || (score[key] = { key: +key, words: 0, score: 0 });
        h.words++;
        h.score += docs[key] * rarity;
      }
    });
    var hits = [];
    for (var key in score) if (!s.shown[key]) hits.push(score[key]);
    hits.sort(function (a, b) { return b.words - a.words || b.score - a.score || a.key - b.key; });
    s.hits = hits;
    s.count = Object.keys(score).length;
  }
  function incomplete(s) {
    return s.matched.some(function (m) { return m.blocks < m.entry[1]; });
  }
  // page shows the next results, loading their chunks first, and more of
  // the postings when those loaded run out.
  function page(s) {
    if (s.hits.length < perPage && incomplete(s) && s.asked) {
      var names = [];
      s.matched.forEach(function (m) {
        if (m.blocks < m.entry[1]) names.push("c/" + hex(m.term) + "-" + (m.blocks + 1));
      });
      status.textContent = say("search_loading_more");
      need(names, function () {
        if (current !== s) return;
        s.matched.forEach(function (m) { if (m.blocks < m.entry[1]) m.blocks++; });
        rank(s);
        page(s);
      });
      return;
    }
    var shown = s.hits.splice(0, perPage);
    var chunks = shown.map(function (h) { return chunkName(Math.floor(h.key / 65536)); });
    need(chunks, function () {
      if (current !== s) return;
      shown.forEach(function (h) {
        s.shown[h.key] = true;
        list.appendChild(result(docOf(h.key), s.words));
      });
      var n = Object.keys(s.shown).length;
      var total = say(incomplete(s) ? "search_more_than" : "search_results", { Count: s.count, Query: s.q });
      status.textContent = s.count === 0 ? say("search_none", { Query: s.q }) :
        total + (n < s.count || incomplete(s) ? say("search_first_shown", { Count: n }) : ".");
      more.hidden = !(s.hits.length || incomplete(s));
    });
  }
  more.addEventListener("click", function () {
    if (!current) return;
    current.asked = true;
    page(current);
  });

  function chunkName(c) { return c < index.meta ? "m/" + c : "a/" + (c - index.meta); }
  // docOf is a document as {kind, title, text, url, source, date}, with
  // lang and dir for an article's words in another language than the
  // site's, and a quote's translation.
  function docOf(key) {
    var c = Math.floor(key / 65536), k = key % 65536;
    var chunk = files[chunkName(c)];
    if (c < index.meta) {
      var e = chunk[k];
      return { kind: e[0], title: e[1], text: e[2], url: e[3], source: e[4], date: e[5] };
    }
    var i = 0;
    while (k >= chunk[i].p.length + chunk[i].q.length) k -= chunk[i].p.length + chunk[i++].q.length;
    var art = chunk[i];
    var d = { title: art.t, source: art.s, date: art.d, lang: art.l, dir: art.r };
    if (k < art.p.length) {
      var p = art.p[k];
      d.kind = "p";
      d.text = p[1];
      d.url = art.u + "#p" + p[0];
    } else {
      var q = art.q[k - art.p.length];
      d.kind = "q";
      d.title = q[0];
      d.text = q[1];
      d.url = art.u + (q[2] > 0 ? "#p" + q[2] : "");
      d.translation = q[3];
    }
    return d;
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
    // Overlapping matches, as the pairs of a run without spaces are, are one mark.
    ranges = ranges.reduce(function (merged, r) {
      var last = merged[merged.length - 1];
      if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
      else merged.push(r.slice());
      return merged;
    }, []);
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

  // inLang wraps an article's words in a span that says their language.
  function inLang(d, node) {
    var span = document.createElement("span");
    span.lang = d.lang;
    if (d.dir) span.dir = d.dir;
    span.appendChild(node);
    return span;
  }

  function result(d, ts) {
    var li = document.createElement("li");
    li.className = "result result-" + d.kind;
    var a = document.createElement("a");
    a.href = root + d.url;
    var kind = document.createElement("span");
    kind.className = "result-kind";
    kind.textContent = labels[d.kind] + ": ";
    a.appendChild(kind);
    if (d.kind === "p" && d.lang) a.appendChild(inLang(d, highlight(d.title, ts)));
    else a.appendChild(highlight(d.title, ts));
    var para = d.url.match(/#p(\d+)$/);
    if (para) a.appendChild(document.createTextNode(", ¶" + para[1]));
    li.appendChild(a);
    if (d.text) {
      var p = document.createElement("p");
      if (d.lang) p.lang = d.lang;
      if (d.dir) p.dir = d.dir;
      if (d.kind === "q") p.appendChild(document.createTextNode("“"));
      p.appendChild(highlight(d.text, ts, 240));
      if (d.kind === "q") p.appendChild(document.createTextNode("”"));
      li.appendChild(p);
    }
    if (d.translation) {
      var tr = document.createElement("p");
      tr.className = "translation";
      tr.appendChild(document.createTextNode(labels.translation + ": “"));
      tr.appendChild(highlight(d.translation, ts, 240));
      tr.appendChild(document.createTextNode("”"));
      li.appendChild(tr);
    }
    if (d.source || d.date) {
      var meta = document.createElement("p");
      meta.className = "result-source meta";
      meta.textContent = [d.source, d.date].filter(Boolean).join(" · ");
      li.appendChild(meta);
    }
    return li;
  }

  function run() {
    var q = input.value.trim();
    start(q);
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
  input.addEventListener("focus", function () { loadIndex(function () {}); }, { once: true });
  input.form.addEventListener("submit", function (e) {
    e.preventDefault();
    clearTimeout(timer);
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
