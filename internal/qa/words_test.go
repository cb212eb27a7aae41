package qa

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"
	"unicode"

	"github.com/BurntSushi/toml"
	"github.com/chromedp/chromedp"
	"golang.org/x/net/html"

	"github.com/briefing-gen/gen"
	"github.com/briefing-gen/gen/internal/browsertest"
	"github.com/briefing-gen/gen/internal/diag"
	"github.com/briefing-gen/gen/internal/i18n"
	"github.com/briefing-gen/gen/internal/overlay"
	"github.com/briefing-gen/gen/internal/site"
)

// mark is put around every piece of an interface message's own text in
// the marked English build, to tell the pages' interface from their
// content: split at marks, a text's even parts are content (the
// message's arguments, or what is not a message at all), its odd parts
// the interface's.
const mark = "\u2063"

var argument = regexp.MustCompile(`\{\{\.[A-Za-z]+\}\}`)

// marked puts marks around the pieces of a message's text between its
// arguments, empty pieces too, so that every message adds an even number.
func marked(text string) string {
	args := argument.FindAllString(text, -1)
	pieces := argument.Split(text, -1)
	var b strings.Builder
	for i, p := range pieces {
		b.WriteString(mark + p + mark)
		if i < len(args) {
			b.WriteString(args[i])
		}
	}
	return b.String()
}

// buildIn writes the shipped briefing with site.toml's language set to
// lang, and the project files extra, into a temporary folder.
func buildIn(t *testing.T, lang string, extra fstest.MapFS) string {
	t.Helper()
	settings, err := os.ReadFile(filepath.Join(Root(t), "site.toml"))
	if err != nil {
		t.Fatal(err)
	}
	language := regexp.MustCompile(`(?m)^language = ".*"$`)
	if !language.Match(settings) {
		t.Fatal(`site.toml has no line language = "…" to change`)
	}
	files := fstest.MapFS{"site.toml": {Data: language.ReplaceAll(settings, []byte(`language = "`+lang+`"`))}}
	for name, f := range extra {
		files[name] = f
	}
	p := site.NewProject(overlay.FS{files, os.DirFS(Root(t))}, briefing.Templates(), briefing.Static())
	p.BaseURL = "https://example.github.io/briefing/"
	out, _ := buildProject(t, p)
	return out
}

// parsePage reads a page of a built site.
func parsePage(t *testing.T, file string) *html.Node {
	t.Helper()
	src, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := html.Parse(bytes.NewReader(src))
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// messages are a translation file's messages, each a string or a table
// of plural forms.
func messages(t *testing.T, lang string) map[string]any {
	t.Helper()
	src, err := os.ReadFile(filepath.Join(Root(t), "i18n", lang+".toml"))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]any{}
	if err := toml.Unmarshal(src, &out); err != nil {
		t.Fatal(err)
	}
	return out
}

// texts are a message's texts, one a plural form.
func texts(m any) []string {
	switch v := m.(type) {
	case string:
		return []string{v}
	case map[string]any:
		var out []string
		for _, s := range v {
			out = append(out, s.(string))
		}
		return out
	}
	return nil
}

// markedEnglish is i18n/en.toml with every text between marks.
func markedEnglish(t *testing.T) []byte {
	t.Helper()
	out := map[string]any{}
	for id, m := range messages(t, "en") {
		switch v := m.(type) {
		case string:
			out[id] = marked(v)
		case map[string]any:
			forms := map[string]string{}
			for f, s := range v {
				forms[f] = marked(s.(string))
			}
			out[id] = forms
		}
	}
	delete(out, "number_group") // inside numbers
	var b bytes.Buffer
	if err := toml.NewEncoder(&b).Encode(out); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// segments are what a page says: its text, one piece between tags, the
// attributes a reader hears or sees (aria-label, title, alt), its
// description, and the messages it gives its scripts.
func segments(t *testing.T, file string) []string {
	t.Helper()
	doc := parsePage(t, file)
	var out []string
	add := func(s string) {
		if s = strings.Join(strings.Fields(s), " "); s != "" {
			out = append(out, s)
		}
	}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode && n.Parent.Data == "script" {
			var script i18n.Script
			if err := json.Unmarshal([]byte(n.Data), &script); err != nil {
				t.Errorf("%s: the messages for the page's script are not JSON: %v", file, err)
			}
			for _, forms := range script.Messages {
				for _, s := range forms {
					add(s)
				}
			}
		} else if n.Type == html.TextNode {
			add(n.Data)
		}
		if n.Type == html.ElementNode {
			for _, a := range n.Attr {
				switch a.Key {
				case "aria-label", "title", "alt", "placeholder":
					add(a.Val)
				case "content":
					if attr(n, "name") == "description" || attr(n, "property") == "og:description" || attr(n, "property") == "og:title" {
						add(a.Val)
					}
				}
			}
			if n.Data == "style" || n.Data == "script" && attr(n, "type") != "application/json" {
				return // code, and JSON-LD, whose names are the content's
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return out
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func pagesOf(t *testing.T, dir string) []string {
	t.Helper()
	var pages []string
	err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err == nil && strings.HasSuffix(path, ".html") {
			rel, _ := filepath.Rel(dir, path)
			pages = append(pages, rel)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(pages) < 50 {
		t.Fatalf("only %d pages were built", len(pages))
	}
	return pages
}

// englishPieces are the English interface's words that a page in lang
// must not show: the text between a message's arguments, of more than
// three letters, unless lang's message says the same; all of them for
// lang "en".
func englishPieces(t *testing.T, lang string) []string {
	t.Helper()
	theirs := map[string]any{}
	if lang != "en" {
		theirs = messages(t, lang)
	}
	var out []string
	for id, m := range messages(t, "en") {
		same := strings.Join(texts(theirs[id]), "\n")
		for _, text := range texts(m) {
			for _, piece := range argument.Split(text, -1) {
				piece = strings.TrimFunc(piece, func(r rune) bool { return !unicode.IsLetter(r) })
				letters := strings.IndexFunc(piece, unicode.IsLetter) >= 0 && len(strings.FieldsFunc(piece, func(r rune) bool { return !unicode.IsLetter(r) })) > 0
				if !letters || len([]rune(piece)) <= 3 || strings.Contains(same, piece) {
					continue
				}
				out = append(out, piece)
			}
		}
	}
	return out
}

// containsWord reports whether s holds word with no letter either side.
func containsWord(s, word string) bool {
	for i := 0; ; {
		j := strings.Index(s[i:], word)
		if j < 0 {
			return false
		}
		at := i + j
		before, _ := lastRune(s[:at])
		after, _ := firstRune(s[at+len(word):])
		if !unicode.IsLetter(before) && !unicode.IsLetter(after) {
			return true
		}
		i = at + 1
	}
}

func lastRune(s string) (rune, bool) {
	r := []rune(s)
	if len(r) == 0 {
		return ' ', false
	}
	return r[len(r)-1], true
}

func firstRune(s string) (rune, bool) {
	for _, r := range s {
		return r, true
	}
	return ' ', false
}

// TestNoEnglishInterfaceInOtherLanguages builds the shipped briefing in
// Ukrainian, German and French and checks that no page shows a word of
// the English interface outside the content (which is English), and that
// every date on a page is in the language. What is content is learnt from
// a build whose English messages are all marked: a piece of text with no
// mark in it came from the briefing's files.
func TestNoEnglishInterfaceInOtherLanguages(t *testing.T) {
	english := buildIn(t, "en", fstest.MapFS{"i18n/en.toml": {Data: markedEnglish(t)}})
	sources := contentSources(t)
	pieces := englishPieces(t, "en")
	content := map[string]bool{} // whole texts that are content
	var args []string            // content inside interface messages
	interfaceSeen := 0
	for _, page := range pagesOf(t, english) {
		for _, s := range segments(t, filepath.Join(english, page)) {
			if !strings.Contains(s, mark) {
				// Text a template writes itself, not from the
				// translation table, is not marked either: it is an
				// English message, or holds words of one that no
				// content file has.
				letters := strings.TrimFunc(s, func(r rune) bool { return !unicode.IsLetter(r) })
				for _, p := range pieces {
					if letters == p || strings.Contains(p, " ") && containsWord(s, p) && !strings.Contains(sources, p) {
						t.Errorf("%s: %q is English not from the translation table", page, s)
						break
					}
				}
				content[s] = true
				continue
			}
			interfaceSeen++
			for i, part := range strings.Split(s, mark) {
				if part = strings.TrimSpace(part); i%2 == 0 && len(part) > 3 && !content[part] {
					content[part] = true
					args = append(args, part)
				}
			}
		}
	}
	// The longest first, so that a name is taken out before a shorter
	// one inside it.
	slices.SortFunc(args, func(a, b string) int { return len(b) - len(a) })
	if interfaceSeen < 1000 {
		t.Fatalf("the marked build shows only %d marked texts: the marks did not reach the pages", interfaceSeen)
	}
	month := regexp.MustCompile(`\b(January|February|March|April|May|June|July|August|September|October|November|December)\b`)
	for _, lang := range []string{"uk", "de", "fr"} {
		t.Run(lang, func(t *testing.T) {
			dir := buildIn(t, lang, nil)
			pieces := englishPieces(t, lang)
			if len(pieces) < 200 {
				t.Fatalf("only %d English pieces to look for", len(pieces))
			}
			found := map[string]string{}
			dated := 0
			for _, page := range pagesOf(t, dir) {
				for _, s := range segments(t, filepath.Join(dir, page)) {
					if content[s] {
						continue
					}
					for _, a := range args {
						if strings.Contains(s, a) {
							s = strings.ReplaceAll(s, a, " ")
						}
					}
					for _, p := range pieces {
						if containsWord(s, p) && found[p] == "" {
							found[p] = page + ": " + s
						}
					}
				}
				dated += checkDates(t, filepath.Join(dir, page), lang, month)
			}
			for p, where := range found {
				t.Errorf("English %q on a %s page: %s", p, lang, where)
			}
			if dated < 100 {
				t.Errorf("only %d dates found on the %s pages", dated, lang)
			}
		})
	}
}

// contentSources is the text of the briefing's own files, which the
// pages' content comes from.
func contentSources(t *testing.T) string {
	t.Helper()
	var b strings.Builder
	root := Root(t)
	err := filepath.WalkDir(filepath.Join(root, "content"), func(path string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			data, err := os.ReadFile(path)
			b.Write(data)
			b.WriteByte('\n')
			return err
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	settings, err := os.ReadFile(filepath.Join(root, "site.toml"))
	if err != nil {
		t.Fatal(err)
	}
	b.Write(settings)
	if b.Len() < 10000 {
		t.Fatalf("the briefing's files hold only %d bytes", b.Len())
	}
	return b.String()
}

// checkDates checks that every date on the page reads in lang: no English
// month, and for Ukrainian, no Latin letter at all. It returns how many
// dates it read.
func checkDates(t *testing.T, file, lang string, month *regexp.Regexp) int {
	t.Helper()
	doc := parsePage(t, file)
	n := 0
	var walk func(*html.Node)
	walk = func(x *html.Node) {
		if x.Type == html.ElementNode && strings.Contains(" "+attr(x, "class")+" ", " date ") {
			var text strings.Builder
			for c := x.FirstChild; c != nil; c = c.NextSibling {
				if c.Type == html.TextNode {
					text.WriteString(c.Data)
				}
			}
			s := text.String()
			n++
			latin := strings.IndexFunc(s, func(r rune) bool { return r < 128 && unicode.IsLetter(r) }) >= 0
			if month.MatchString(s) || lang == "uk" && latin {
				t.Errorf("%s: the date %q is not in %s", file, s, lang)
			}
		}
		for c := x.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return n
}

// TestUkrainianPagesAreValidAndAccessible runs the HTML checker on every
// page of the Ukrainian build, and axe-core on a page of each kind.
func TestUkrainianPagesAreValidAndAccessible(t *testing.T) {
	dir := buildIn(t, "uk", nil)
	checkValidHTML(t, dir, dir, "--also-check-svg")
	axe, err := os.ReadFile(Tool(t, "axe-core/axe.min.js"))
	if err != nil {
		t.Fatal(err)
	}
	ctx := browsertest.New(t)
	checkAccessibility(ctx, t, axe, dir, pageKinds)
	checkSearchSpeaks(ctx, t, dir)
}

// checkSearchSpeaks checks that the search script says what it found in
// the page's language: the count, and each result's kind.
func checkSearchSpeaks(ctx context.Context, t *testing.T, dir string) {
	t.Helper()
	if err := chromedp.Do(ctx, chromedp.Navigate("file://"+dir+"/search/index.html?q=colonial")); err != nil {
		t.Fatal(err)
	}
	browsertest.WaitFor(ctx, t, `document.querySelectorAll("#search-results li").length > 0`, 10*time.Second)
	status, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.getElementById("search-status").textContent`))
	if err != nil {
		t.Fatal(err)
	}
	var list diag.List
	uk := i18n.Load(nil, "uk", &list)
	if want := uk.T("search_results", 5, "Query", "colonial"); !strings.Contains(status, strings.TrimPrefix(want, "5")) &&
		!strings.Contains(status, strings.TrimPrefix(uk.T("search_results", 1, "Query", "colonial"), "1")) &&
		!strings.Contains(status, strings.TrimPrefix(uk.T("search_results", 2, "Query", "colonial"), "2")) {
		t.Errorf("the search says %q, not in Ukrainian (%q)", status, want)
	}
	results, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.getElementById("search-results").textContent`))
	if err != nil {
		t.Fatal(err)
	}
	for _, kind := range []string{"Paragraph:", "Quote:", "Actor:", "Topic:", "Event:"} {
		if strings.Contains(results, kind) {
			t.Errorf("a search result is marked %q in English", kind)
		}
	}
}
