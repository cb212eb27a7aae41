// The page's words in the site's language, for its scripts: the messages
// the build wrote into <script type="application/json" id="page-messages">
// from i18n/<lang>.toml, with their plural forms. say("id", {Count: 3})
// picks the form by the browser's CLDR rules, as the build does, and
// fills in the {{.Name}} arguments.
(function () {
  "use strict";
  var el = document.getElementById("page-messages");
  var words = { lang: document.documentElement.lang || "en", messages: {} };
  try { if (el) words = JSON.parse(el.textContent); } catch (e) { /* keep the ids */ }
  var rules = window.Intl && Intl.PluralRules ? new Intl.PluralRules(words.lang) : null;
  var numbers = window.Intl && Intl.NumberFormat ? new Intl.NumberFormat(words.lang) : null;
  window.briefingWords = {
    say: function (id, args) {
      var forms = words.messages[id] || {};
      var text = forms.other || id;
      if (args && typeof args.Count === "number" && rules) text = forms[rules.select(args.Count)] || text;
      return text.replace(/\{\{\.(\w+)\}\}/g, function (all, name) {
        if (!args || !(name in args)) return all;
        return typeof args[name] === "number" && numbers ? numbers.format(args[name]) : String(args[name]);
      });
    }
  };
})();
