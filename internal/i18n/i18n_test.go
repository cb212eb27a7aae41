package i18n

import (
	"io/fs"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"golang.org/x/text/feature/plural"
	"golang.org/x/text/language"

	"github.com/briefing-gen/gen/internal/diag"
)

// shipped are the languages gen has files for.
func shipped(t *testing.T) []string {
	t.Helper()
	names, err := fs.Glob(Builtin(), "*.toml")
	if err != nil || len(names) == 0 {
		t.Fatalf("no built-in translation files (%v)", err)
	}
	var langs []string
	for _, n := range names {
		langs = append(langs, strings.TrimSuffix(n, ".toml"))
	}
	return langs
}

func builtinFile(t *testing.T, lang string) file {
	t.Helper()
	f, err := readFile(Builtin(), lang+".toml")
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// Every shipped language has exactly English's keys, each with the plural
// forms its language's CLDR rules pick for whole numbers and the
// arguments English gives it.
func TestEveryLanguageHasEnglishKeys(t *testing.T) {
	english := builtinFile(t, "en")
	for _, lang := range shipped(t) {
		f := builtinFile(t, lang)
		for id, want := range english {
			m := f[id]
			if m == nil {
				t.Errorf("i18n/%s.toml lacks %q, which en.toml has", lang, id)
				continue
			}
			if extra := unknownArgs(m, want); len(extra) > 0 {
				t.Errorf("i18n/%s.toml: %q uses {{.%s}}, which English does not give it", lang, id, extra[0])
			}
			plural := want.forms[plural.One] != nil
			for _, f := range formsOf(lang) {
				if plural && m.forms[f] == nil {
					t.Errorf("i18n/%s.toml: %q lacks its %q form", lang, id, formName(f))
				}
			}
		}
		for id := range f {
			if english[id] == nil {
				t.Errorf("i18n/%s.toml has %q, which en.toml lacks", lang, id)
			}
		}
	}
}

// formsOf are the plural forms lang uses for whole numbers.
func formsOf(lang string) []plural.Form {
	tag := language.MustParse(lang)
	var forms []plural.Form
	for n := range 1200 {
		if f := plural.Cardinal.MatchPlural(tag, n, 0, 0, 0, 0); !slices.Contains(forms, f) {
			forms = append(forms, f)
		}
	}
	return forms
}

func TestPluralForms(t *testing.T) {
	var list diag.List
	uk := Load(nil, "uk", &list)
	de := Load(nil, "de", &list)
	fr := Load(nil, "fr", &list)
	for _, c := range []struct {
		catalog *Catalog
		n       int
		want    string
	}{
		{uk, 1, "1 цитата"}, {uk, 2, "2 цитати"}, {uk, 4, "4 цитати"}, {uk, 5, "5 цитат"},
		{uk, 11, "11 цитат"}, {uk, 21, "21 цитата"}, {uk, 22, "22 цитати"}, {uk, 0, "0 цитат"},
		{de, 1, "1 Zitat"}, {de, 2, "2 Zitate"}, {de, 0, "0 Zitate"},
		{fr, 0, "0 citation"}, {fr, 1, "1 citation"}, {fr, 2, "2 citations"},
		{uk, 1234, "1\u00a0234 цитати"}, {de, 1234, "1.234 Zitate"},
	} {
		if got := c.catalog.T("n_quotes", c.n); got != c.want {
			t.Errorf("%s: n_quotes %d = %q, want %q", c.catalog.Lang(), c.n, got, c.want)
		}
	}
	if items := list.Items(); len(items) > 0 {
		t.Errorf("loading the shipped languages reported %v", items)
	}
}

func TestNamedArgumentsAndEscaping(t *testing.T) {
	en := English()
	if got := en.T("by_authors", "Names", "A & B"); got != "by A & B" {
		t.Errorf("T = %q", got)
	}
	if got := string(en.HTML("on_topic", "Topic", "<b>x</b> & y")); got != "On &lt;b&gt;x&lt;/b&gt; &amp; y" {
		t.Errorf("HTML escapes a string argument as %q", got)
	}
	if got := en.T("no such key"); got != "no such key" {
		t.Errorf("an unknown key gives %q, want the key", got)
	}
	if got := en.Number(-1234567); got != "-1,234,567" {
		t.Errorf("Number = %q", got)
	}
}

// A project's file overrides the built-in messages one by one, and what
// is wrong in it is reported where it is.
func TestProjectFileOverridesAndIsChecked(t *testing.T) {
	project := fstest.MapFS{"uk.toml": {Data: []byte("# ours\ntopics = \"Питання\"\n\ntopcs = \"x\"\nsearch = \"{{.Query}} шукати\"\nnext = \"{{ .Bad\"\n")}}
	var list diag.List
	c := Load(project, "uk", &list)
	if got := c.T("topics"); got != "Питання" {
		t.Errorf("the project's topics = %q, want its own", got)
	}
	if got := c.T("actors"); got != "Учасники" {
		t.Errorf("a key the project lacks = %q, want the built-in Ukrainian", got)
	}
	if got := c.T("search"); got != "Пошук" {
		t.Errorf("a message with an argument English does not give = %q, want the built-in one", got)
	}
	got := map[string]diag.Diagnostic{}
	for _, d := range list.Items() {
		got[d.Message] = d
	}
	for msg, line := range map[string]int{
		`no page shows the message "topcs"`:                       4,
		`message "search" uses {{.Query}}, which it is not given`: 5,
		`message "next": "{{ .Bad" is not an argument`:            6,
	} {
		d, ok := got[msg]
		if !ok {
			t.Errorf("no diagnostic %q in %v", msg, list.Items())
			continue
		}
		if d.File != "i18n/uk.toml" || d.Line != line || d.Col != 1 {
			t.Errorf("%q at %s:%d:%d, want i18n/uk.toml:%d:1", msg, d.File, d.Line, d.Col, line)
		}
	}
	if d := got[`no page shows the message "topcs"`]; !strings.Contains(d.Hint, `"topics"`) {
		t.Errorf("the hint for a misspelt key is %q, want it to suggest topics", d.Hint)
	}

	var broken diag.List
	Load(fstest.MapFS{"uk.toml": {Data: []byte("topics = \"Питання\"\nactors = \n")}}, "uk", &broken)
	items := broken.Items()
	if len(items) != 1 || items[0].Severity != diag.Error || items[0].Line != 2 {
		t.Errorf("a file that is not TOML reported %v, want one error on line 2", items)
	}
}

func TestALanguageWithNoFileIsEnglishWithOneWarning(t *testing.T) {
	var list diag.List
	c := Load(fstest.MapFS{}, "pl", &list)
	if got := c.T("topics"); got != "Topics" {
		t.Errorf("topics = %q, want English", got)
	}
	items := list.Items()
	if len(items) != 1 || items[0].Severity != diag.Warning || !strings.Contains(items[0].Message, `"pl"`) {
		t.Errorf("got %v, want one warning naming pl", items)
	}
	var sub diag.List
	if c := Load(nil, "de-AT", &sub); c.T("topics") != "Themen" || len(sub.Items()) != 0 {
		t.Errorf("de-AT gives %q and %v, want German and no warning", c.T("topics"), sub.Items())
	}
}

func TestScriptMessages(t *testing.T) {
	var list diag.List
	s := Load(nil, "uk", &list).Messages("search_results", "nothing")
	if s.Lang != "uk" || s.Messages["search_results"]["few"] != "{{.Count}} результати за запитом «{{.Query}}»" || len(s.Messages) != 1 {
		t.Errorf("Messages = %+v", s)
	}
}

// BenchmarkT is the lookup every page makes for each of its strings.
func BenchmarkT(b *testing.B) {
	var list diag.List
	uk := Load(nil, "uk", &list)
	b.Run("plain", func(b *testing.B) {
		for b.Loop() {
			_ = uk.T("topics")
		}
	})
	b.Run("plural", func(b *testing.B) {
		for b.Loop() {
			_ = uk.T("n_quotes", 22)
		}
	})
	b.Run("arguments", func(b *testing.B) {
		for b.Loop() {
			_ = uk.T("pager_status", "Number", 2, "Pages", 10, "First", 51, "Last", 100, "Total", 495)
		}
	})
}
