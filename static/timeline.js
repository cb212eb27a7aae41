// Filters the timeline by actor and topic, and keeps the filter in the
// page's address (?actor=<id>&topic=<id>) so that a filtered view can be
// shared, and in the links between the timeline's pages so that it holds
// from page to page. The pages are complete without it: the filter form
// stays hidden, and every event shows.
(function () {
  "use strict";
  var params = new URLSearchParams(window.location.search);
  var keep = Array.prototype.slice.call(document.querySelectorAll("a[data-keep-filter]"));
  keep.forEach(function (a) { a.setAttribute("data-href", a.getAttribute("href")); });
  var state = { actor: params.get("actor") || "", topic: params.get("topic") || "" };

  function query() {
    var q = new URLSearchParams();
    if (state.actor) q.set("actor", state.actor);
    if (state.topic) q.set("topic", state.topic);
    var s = q.toString();
    return s ? "?" + s : "";
  }
  function relink() {
    var q = query();
    keep.forEach(function (a) { a.setAttribute("href", a.getAttribute("data-href") + q); });
  }

  var form = document.querySelector(".timeline-filter");
  if (!form) { relink(); return; } // the index: it passes the filter on
  var selects = Array.prototype.slice.call(form.querySelectorAll("select"));
  var events = Array.prototype.slice.call(document.querySelectorAll("li.event"));
  var months = Array.prototype.slice.call(document.querySelectorAll("section.month"));
  var status = document.getElementById("filter-status");
  // A timeline page of a project's own from before words.js gives no
  // messages: it gets English.
  var say = window.briefingWords ? window.briefingWords.say : function (id, a) {
    return id === "filter_none_here" ? a.Name + " (none on this page)" : a.Shown + " of " + a.Count + " events on this page match.";
  };
  form.hidden = false;
  form.addEventListener("submit", function (e) { e.preventDefault(); });

  // A page lists only the actors and topics of its events: one the
  // address names and the page lacks is added, so the filter holds.
  selects.forEach(function (s) {
    var want = state[s.getAttribute("data-param")];
    if (!want) return;
    var found = Array.prototype.some.call(s.options, function (o) { return o.value === want; });
    if (!found) {
      var o = document.createElement("option");
      o.value = want;
      o.textContent = say("filter_none_here", { Name: want });
      s.appendChild(o);
    }
    s.value = want;
  });

  function apply() {
    var shown = 0;
    events.forEach(function (li) {
      var ok = selects.every(function (s) {
        return !s.value || (li.getAttribute("data-" + s.getAttribute("data-filter")) || "").split(" ").indexOf(s.value) >= 0;
      });
      li.hidden = !ok;
      if (ok) shown++;
    });
    months.forEach(function (m) { m.hidden = !m.querySelector("li.event:not([hidden])"); });
    var filtered = selects.some(function (s) { return s.value; });
    status.textContent = filtered ? say("filter_match", { Shown: shown, Count: events.length }) : "";
  }
  selects.forEach(function (s) {
    s.addEventListener("change", function () {
      state[s.getAttribute("data-param")] = s.value;
      window.history.replaceState(null, "", window.location.pathname + query() + window.location.hash);
      relink();
      apply();
    });
  });
  relink();
  apply();
})();
