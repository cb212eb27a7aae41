// Filters the timeline by actor and topic. The page is complete without
// it: the filter form stays hidden, and every event shows.
(function () {
  "use strict";
  var form = document.querySelector(".timeline-filter");
  if (!form) return;
  var selects = Array.prototype.slice.call(form.querySelectorAll("select"));
  var events = Array.prototype.slice.call(document.querySelectorAll("li.event"));
  var months = Array.prototype.slice.call(document.querySelectorAll("section.month"));
  var status = document.getElementById("filter-status");
  form.hidden = false;
  form.addEventListener("submit", function (e) { e.preventDefault(); });

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
    status.textContent = filtered ? shown + " of " + events.length + " events shown." : "";
  }
  selects.forEach(function (s) { s.addEventListener("change", apply); });
})();
