// Live reload and the error overlay for gen serve. The server adds this
// script to every page it serves; gen build never writes it.
(function () {
  "use strict";
  // The version of the site this page came from, given by the server.
  var script = document.currentScript;
  var version = script ? Number(new URL(script.src).searchParams.get("v")) : null;
  var overlay = null;
  var key = "gen-serve-scroll:" + location.pathname;

  // Keep the reader's place across a reload.
  var saved = sessionStorage.getItem(key);
  if (saved !== null) {
    sessionStorage.removeItem(key);
    window.addEventListener("load", function () { window.scrollTo(0, Number(saved)); });
  }

  function el(tag, text, css) {
    var e = document.createElement(tag);
    if (text) e.textContent = text;
    if (css) for (var k in css) e.style[k] = css[k];
    return e;
  }

  function hide() {
    if (overlay) { overlay.remove(); overlay = null; }
  }

  function show(problems) {
    hide();
    overlay = el("div", null, {
      position: "fixed", inset: "0", zIndex: "2147483647", overflow: "auto",
      background: "rgba(20, 20, 24, 0.94)", color: "#f4f4f5", padding: "2rem",
      font: "15px/1.5 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace"
    });
    overlay.id = "gen-serve-overlay";
    overlay.setAttribute("role", "alertdialog");
    overlay.setAttribute("aria-label", "Build errors");
    var errors = problems.filter(function (p) { return !p.warning; }).length;
    var title = (errors === 1 ? "1 error" : errors + " errors") +
      (version > 0 ? ": below is the last version of the site that built" : ": the site has not built yet");
    overlay.appendChild(el("h2", title, { color: "#fca5a5", margin: "0 0 1rem", font: "bold 18px/1.4 system-ui, sans-serif" }));
    problems.forEach(function (p) {
      var box = el("section", null, { margin: "0 0 1.5rem", borderLeft: "4px solid " + (p.warning ? "#fcd34d" : "#f87171"), paddingLeft: "1rem" });
      var where = p.file + (p.line ? ":" + p.line + ":" + p.col : "");
      box.appendChild(el("div", where, { color: "#93c5fd" }));
      box.appendChild(el("div", (p.warning ? "warning: " : "") + p.message, { fontWeight: "bold" }));
      if (p.snippet) box.appendChild(el("pre", p.snippet, { margin: "0.5rem 0", whiteSpace: "pre", overflowX: "auto", color: "#e4e4e7" }));
      if (p.hint) box.appendChild(el("div", "hint: " + p.hint, { color: "#86efac" }));
      overlay.appendChild(box);
    });
    overlay.appendChild(el("p", "Fix the file and save: this page updates by itself.", { color: "#a1a1aa" }));
    document.body.appendChild(overlay);
  }

  // This page's file in the site: "/actors/x/" is "actors/x/index.html".
  var page = decodeURIComponent(location.pathname).replace(/^\//, "");
  if (page === "" || page.slice(-1) === "/") page += "index.html";

  function reloadNeeded(state) {
    if (version === null || state.version === version) return false;
    if (version === 0) return true; // the page came from before any good build
    if (state.all || state.version > version + 1) return true; // or a build was missed
    return (state.changed || []).indexOf(page) >= 0;
  }

  var events = new EventSource("/_gen/events");
  events.onmessage = function (e) {
    var state = JSON.parse(e.data);
    if (reloadNeeded(state)) {
      sessionStorage.setItem(key, String(window.scrollY));
      location.reload();
      return;
    }
    version = state.version;
    var errors = (state.problems || []).filter(function (p) { return !p.warning; });
    if (errors.length) show(state.problems); else hide();
  };
})();
