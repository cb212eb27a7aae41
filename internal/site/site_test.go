package site_test

import (
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/briefing-gen/gen"
	"github.com/briefing-gen/gen/internal/diag"
	"github.com/briefing-gen/gen/internal/linkcheck"
	"github.com/briefing-gen/gen/internal/site"
)

// fixture is a small complete briefing; tests change single files of it.
func fixture() map[string]string {
	return map[string]string{
		"site.toml":                "title = \"Test briefing\"\nbase_url = \"https://example.org/b/\"\n",
		"content/overview.md":      "A briefing about [the deal](topic:deal) and [Ann](actor:ann).\n",
		"content/actors/ann.md":    "---\nname: Ann Example\nkind: person\nrole: Minister\naffiliation: land\n---\nAnn is a minister.\n",
		"content/actors/land.md":   "---\nname: Land\nkind: government\n---\n",
		"content/actors/source.md": "---\nname: A senior official\nkind: anonymous\n---\n",
		"content/topics/deal.md":   "---\ntitle: The deal\nsummary: What is traded.\nrelated: [talks]\n---\nOverview.\n",
		"content/topics/talks.md":  "+++\ntitle = \"Talks\"\n+++\nWho talks to whom.\n",
		"content/articles/first.md": `---
title: First article
source: Daily
url: https://example.org/first
published: "2025-02-15"
events:
  - id: meeting
    date: "2025-02-14"
    title: Ann meets Land
    actors: [ann, land]
    topics: [talks]
  - id: answer
    date: pending
    title: An answer
---
[Ann](actor:ann) spoke about [the deal](topic:deal): [“It is good.”](quote:ann)

She [met](event:meeting) [Land](actor:land). A [senior official](actor:source) said [“not yet”](quote:source?topic=talks), [an answer](event:answer) would follow.
`,
		"content/articles/second.md": "{\n\"title\": \"Second\",\n\"published\": \"2025-02\"\n}\n\n[Land](actor:land) said [“fine”](quote:land) on [the deal](topic:deal).\n",
	}
}

func build(t *testing.T, files map[string]string) (*site.Site, error) {
	t.Helper()
	root := fstest.MapFS{}
	for name, text := range files {
		root[name] = &fstest.MapFile{Data: []byte(text)}
	}
	return site.Build(site.NewProject(root, briefing.Templates(), briefing.Static()))
}

func TestFixtureBuildsWithEveryLinkResolving(t *testing.T) {
	s, err := build(t, fixture())
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Warnings) > 0 {
		t.Errorf("unexpected warnings: %v", s.Warnings)
	}
	out := t.TempDir()
	if _, err := s.Write(out); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"index.html", "timeline/index.html", "actors/index.html", "actors/ann/index.html",
		"actors/land/index.html", "topics/deal/index.html", "topics/talks/index.html", "articles/first/index.html",
		"articles/second/index.html", "articles/index.html", "style.css"} {
		if _, err := os.Stat(filepath.Join(out, want)); err != nil {
			t.Errorf("missing %s", want)
		}
	}
	checkLinks(t, out)

	ann := read(t, out, "actors/ann/index.html")
	for _, want := range []string{"It is good.", `href="../../articles/first/index.html#p1"`, "Minister", `href="../../actors/land/index.html"`} {
		if !strings.Contains(ann, want) {
			t.Errorf("actor page lacks %q", want)
		}
	}
	timeline := read(t, out, "timeline/index.html")
	if !strings.Contains(timeline, `<time class="date" datetime="2025-02-14">14 February 2025</time>`) {
		t.Errorf("timeline does not show the meeting's day")
	}
	if strings.Index(timeline, "Ann meets Land") > strings.Index(timeline, "An answer") {
		t.Errorf("pending event listed before a dated one")
	}
	article := read(t, out, "articles/first/index.html")
	if !strings.Contains(article, `<a class="quote" href="../../actors/ann/index.html#quotes"`) {
		t.Errorf("quote not linked to its speaker")
	}
	actors := read(t, out, "actors/index.html")
	if !strings.Contains(actors, `<svg`) || !strings.Contains(actors, `<a href="../actors/ann/index.html"`) {
		t.Errorf("the actors index lacks the network picture linking to actor pages")
	}
	talks := read(t, out, "topics/talks/index.html")
	if !strings.Contains(talks, "not yet") {
		t.Errorf("a quote with ?topic=talks is missing from the topic page")
	}
	deal := read(t, out, "topics/deal/index.html")
	if !strings.Contains(deal, "It is good.") || !strings.Contains(deal, "fine") {
		t.Errorf("quotes should take the topics of their paragraph")
	}
	if strings.Contains(deal, "not yet") {
		t.Errorf("a quote with an explicit topic should not take its paragraph's")
	}
}

func read(t *testing.T, dir, name string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, name))
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// checkLinks fails for each internal link or #anchor under dir that does
// not resolve.
func checkLinks(t *testing.T, dir string) {
	t.Helper()
	res, err := linkcheck.Check(os.DirFS(dir), "/b/") // the fixture's base URL path
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range res.Broken {
		t.Errorf("broken link: %v", b)
	}
	if res.Links < 50 {
		t.Errorf("only %d links checked; the crawl is not seeing the pages", res.Links)
	}
}

// TestErrors checks that each kind of mistake is reported at its place,
// in words a writer can act on.
func TestErrors(t *testing.T) {
	cases := []struct {
		name  string
		file  string
		edit  func(string) string
		wants []string
	}{
		{"unknown actor with did-you-mean", "content/articles/first.md",
			func(s string) string { return strings.Replace(s, "(actor:land)", "(actor:lnad)", 1) },
			[]string{`content/articles/first.md:18:39: unknown actor "lnad"`, `did you mean "land"?`}},
		{"unknown topic", "content/articles/first.md",
			func(s string) string { return strings.Replace(s, "topic:deal", "topic:dael", 1) },
			[]string{`content/articles/first.md:16:47: unknown topic "dael"`, `did you mean "deal"?`}},
		{"unknown event", "content/articles/first.md",
			func(s string) string { return strings.Replace(s, "event:meeting", "event:meetign", 1) },
			[]string{`first.md:18:17: unknown event "meetign"`, `did you mean "meeting"?`}},
		{"unknown actor in an event", "content/articles/first.md",
			func(s string) string { return strings.Replace(s, "[ann, land]", "[ann, lands]", 1) },
			[]string{`first.md:10:19: unknown actor "lands"`}},
		{"malformed YAML", "content/actors/ann.md",
			func(s string) string { return strings.Replace(s, "role: Minister", "role: [Minister", 1) },
			[]string{"content/actors/ann.md:", "malformed YAML front matter"}},
		{"malformed TOML", "content/topics/talks.md",
			func(s string) string { return strings.Replace(s, `title = "Talks"`, `title = Talks`, 1) },
			[]string{"content/topics/talks.md:2:", "malformed TOML front matter"}},
		{"malformed JSON", "content/articles/second.md",
			func(s string) string { return strings.Replace(s, `"Second",`, `"Second"`, 1) },
			[]string{"content/articles/second.md:3:", "malformed JSON front matter"}},
		{"missing required field", "content/actors/land.md",
			func(s string) string { return strings.Replace(s, "name: Land\n", "", 1) },
			[]string{`content/actors/land.md:2:1: missing required field "name"`}},
		{"bad date", "content/articles/first.md",
			func(s string) string { return strings.Replace(s, `"2025-02-14"`, `"14 Feb 2025"`, 1) },
			[]string{`first.md:8:12: field "date"`, "accepted forms"}},
		{"unknown kind", "content/actors/land.md",
			func(s string) string { return strings.Replace(s, "kind: government", "kind: goverment", 1) },
			[]string{`land.md:3:7: unknown actor kind "goverment"`, `did you mean "government"?`}},
		{"empty quote", "content/articles/first.md",
			func(s string) string { return strings.Replace(s, "[“It is good.”](quote:ann)", "[](quote:ann)", 1) },
			[]string{`first.md:16:54: quote has no text`}},
		{"quote without speaker", "content/articles/first.md",
			func(s string) string { return strings.Replace(s, "(quote:ann)", "(quote:)", 1) },
			[]string{`first.md:16:76: quote annotation has no id`}},
		{"id outside a-z0-9-", "content/articles/first.md",
			func(s string) string { return strings.Replace(s, "(actor:ann)", "(actor:../ann)", 1) },
			[]string{`first.md:16:13: invalid actor id "../ann"`, "lowercase letters"}},
		{"unknown affiliation", "content/actors/ann.md",
			func(s string) string { return strings.Replace(s, "affiliation: land", "affiliation: lands", 1) },
			[]string{`ann.md:5:14: unknown actor "lands"`}},
		{"unclosed front matter", "content/actors/ann.md",
			func(s string) string { return strings.Replace(s, "---\nAnn", "Ann", 1) },
			[]string{"ann.md:1:1: front matter is opened with --- but never closed"}},
		{"nested annotations", "content/articles/second.md",
			func(s string) string {
				return strings.Replace(s, "[“fine”](quote:land)", "[[Land](actor:land) fine](quote:land)", 1)
			},
			[]string{`second.md:6:49: "](quote:land)" did not become an annotation`, "annotations cannot nest"}},
		{"misspelt annotation type", "content/articles/second.md",
			func(s string) string { return strings.Replace(s, "(actor:land)", "(actors:land)", 1) },
			[]string{`second.md:6:1: unknown annotation type "actors"`, "did you mean actor:?"}},
		{"unknown actor in a profile", "content/actors/land.md",
			func(s string) string { return s + "Led by [Anne](actor:anne).\n" },
			[]string{`land.md:5:21: unknown actor "anne"`, `did you mean "ann"?`}},
		{"quote in the overview", "content/overview.md",
			func(s string) string { return s + "\n[“Hi”](quote:ann)\n" },
			[]string{`overview.md:3:14: quote annotations belong in articles only`}},
		{"not UTF-8", "content/actors/ann.md",
			func(s string) string { return strings.Replace(s, "Minister", "Minist\xff", 1) },
			[]string{"ann.md:4:13: file is not valid UTF-8 text"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			files := fixture()
			files[c.file] = c.edit(files[c.file])
			_, err := build(t, files)
			var failure *diag.Failure
			if !errors.As(err, &failure) {
				t.Fatalf("build succeeded or failed oddly (%v); want a content error", err)
			}
			if strings.Contains(err.Error(), "missing required field") && !strings.Contains(c.name, "missing") {
				t.Errorf("a file whose front matter cannot be read should not also report its fields missing:\n%s", err)
			}
			for _, want := range c.wants {
				if !strings.Contains(err.Error(), want) {
					t.Errorf("error output lacks %q:\n%s", want, err)
				}
			}
		})
	}
}

// TestLaterArticleUpdatesAnEvent: an article that declares an event an
// earlier one declared updates it (issue 12) rather than failing the
// build with a duplicate id: the pending answer gets its date.
func TestLaterArticleUpdatesAnEvent(t *testing.T) {
	files := fixture()
	files["content/articles/later.md"] = "---\ntitle: Later\npublished: \"2025-03-02\"\nevents:\n  - id: answer\n    date: \"2025-03-01\"\n    title: Land answers\n---\n[Land answered](event:answer).\n"
	s, err := build(t, files)
	if err != nil {
		t.Fatalf("an update of an event must build, got:\n%v", err)
	}
	var timeline string
	for _, f := range s.Files {
		if f.Path == "timeline/index.html" {
			timeline = string(f.Data)
		}
	}
	if strings.Count(timeline, `id="answer"`) != 1 || !strings.Contains(timeline, "Land answers") ||
		!strings.Contains(timeline, `datetime="2025-03-01"`) {
		t.Errorf("the timeline must show the answer once, as the later article dates and titles it:\n%s", mainOf(timeline))
	}
}

// TestTimelineListsEveryReport: an event's timeline entry cites every
// article that reports it, earliest first, not only the one that
// declares it (issue 12).
func TestTimelineListsEveryReport(t *testing.T) {
	files := fixture()
	files["content/articles/third.md"] = "---\ntitle: Third\npublished: \"2025-03\"\n---\nAnn recalled [the meeting](event:meeting).\n\nAgain [the meeting](event:meeting).\n"
	s, err := build(t, files)
	if err != nil {
		t.Fatal(err)
	}
	var entry string
	for _, f := range s.Files {
		if f.Path == "timeline/index.html" {
			page := string(f.Data)
			start := strings.Index(page, `<li id="meeting"`)
			entry = page[start : start+strings.Index(page[start:], "</section>")]
		}
	}
	first := strings.Index(entry, `href="../articles/first/index.html#p2"`)
	third := strings.Index(entry, `href="../articles/third/index.html#p1"`)
	if first < 0 || third < 0 || third < first {
		t.Errorf("the meeting's entry must cite first ¶2, then third ¶1:\n%s", entry)
	}
}

// TestSameDayDeclarationsThatDisagreeWarn: of two articles published the
// same day, neither is the later report, so a difference between their
// declarations of an event is a warning naming both places.
func TestSameDayDeclarationsThatDisagreeWarn(t *testing.T) {
	files := fixture()
	files["content/articles/b-report.md"] = "---\ntitle: B\npublished: \"2025-03-02\"\nevents:\n  - id: answer\n    date: \"2025-03-01\"\n    title: Land answers\n---\n[Land answered](event:answer).\n"
	files["content/articles/a-report.md"] = "---\ntitle: A\npublished: \"2025-03-02\"\nevents:\n  - id: answer\n    date: \"2025-03\"\n    title: Land answers\n---\n[Land answered](event:answer).\n"
	s, err := build(t, files)
	if err != nil {
		t.Fatal(err)
	}
	want := `content/articles/b-report.md:5:9: warning: event "answer" is declared differently by two articles published 2 March 2025: b-report, later by slug, wins over a-report`
	if got := warningsOf(s); !strings.Contains(got, want) || !strings.Contains(got, "the other is at content/articles/a-report.md:5:9") {
		t.Errorf("want a warning naming both declarations, got:\n%s", got)
	}
	// The same declaration twice is no conflict.
	files["content/articles/a-report.md"] = strings.Replace(files["content/articles/b-report.md"], "title: B", "title: A", 1)
	if s, err = build(t, files); err != nil || strings.Contains(warningsOf(s), "declared differently") {
		t.Errorf("agreeing declarations must not warn: %v\n%s", err, warningsOf(s))
	}
}

func TestEveryErrorReportedInOneRun(t *testing.T) {
	files := fixture()
	files["content/articles/first.md"] = strings.NewReplacer("(actor:ann)", "(actor:anne)", "topic:deal", "topic:deals", "event:meeting", "event:meet").Replace(files["content/articles/first.md"])
	files["content/actors/land.md"] = "---\nkind: government\n---\n"
	_, err := build(t, files)
	var failure *diag.Failure
	if !errors.As(err, &failure) {
		t.Fatalf("want a content failure, got %v", err)
	}
	n := 0
	for _, d := range failure.Diagnostics {
		if d.Severity == diag.Error {
			n++
		}
	}
	if n != 4 {
		t.Errorf("got %d problems, want 4:\n%v", n, err)
	}
}

func TestWarnings(t *testing.T) {
	files := fixture()
	files["content/actors/ann.md"] = strings.Replace(files["content/actors/ann.md"], "role:", "rol:", 1)
	files["content/articles/first.md"] = strings.Replace(files["content/articles/first.md"], "[met](event:meeting)", "met", 1)
	s, err := build(t, files)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, w := range s.Warnings {
		got = append(got, w.String())
	}
	all := strings.Join(got, "\n")
	for _, want := range []string{`ann.md:4:1: warning: unknown field "rol" is ignored`, `did you mean "role"?`, `event "meeting" is never referenced`} {
		if !strings.Contains(all, want) {
			t.Errorf("warnings lack %q:\n%s", want, all)
		}
	}
}

func TestProjectTemplateOverridesEmbedded(t *testing.T) {
	files := fixture()
	files["templates/timeline.html"] = `{{define "main"}}<p id="custom">My own timeline with {{len .Briefing.Events}} events</p>{{end}}`
	s, err := build(t, files)
	if err != nil {
		t.Fatal(err)
	}
	if page := fileOf(t, s, "timeline/index.html"); !strings.Contains(page, "My own timeline with 2 events") {
		t.Errorf("the project's template was not used:\n%s", page)
	}
}

// TestProjectTemplateWithoutMainWarns checks that a project template that
// would render its pages empty is warned about at the template file: a
// page file with no "main" block, or an empty one, and a base.html that
// never shows "main".
func TestProjectTemplateWithoutMainWarns(t *testing.T) {
	files := fixture()
	files["templates/actor.html"] = "<h1>My actor page</h1>\n"
	files["templates/topic.html"] = "{{define \"kind\"}}topic{{end}}\n{{define \"main\"}}\n  {{/* to do */}}\n{{end}}"
	s, err := build(t, files)
	if err != nil {
		t.Fatal(err)
	}
	all := warningsOf(s)
	for _, want := range []string{
		`templates/actor.html:1:1: warning: actor.html defines no "main" block, so its pages show nothing`,
		`templates/topic.html:2:`,
		`"main" block in topic.html is empty`,
	} {
		if !strings.Contains(all, want) {
			t.Errorf("warnings lack %q:\n%s", want, all)
		}
	}
	if strings.Contains(all, "article.html") || strings.Contains(all, "base.html") {
		t.Errorf("warns about a built-in template:\n%s", all)
	}

	files = fixture()
	files["templates/base.html"] = "<!DOCTYPE html>\n<title>{{.Title}}</title>\n<p>Under construction</p>\n"
	s, err = build(t, files)
	if err != nil {
		t.Fatal(err)
	}
	if all := warningsOf(s); !strings.Contains(all, `templates/base.html:1:1: warning: base.html never shows the "main" block`) ||
		strings.Count(all, "templates/") != 1 {
		t.Errorf("want one warning for base.html, got:\n%s", all)
	}
}

func warningsOf(s *site.Site) string {
	var got []string
	for _, w := range s.Warnings {
		got = append(got, w.String())
	}
	return strings.Join(got, "\n")
}

func TestTemplateErrorNamesFileAndLine(t *testing.T) {
	files := fixture()
	files["templates/topic.html"] = "{{define \"main\"}}\n<h1>{{.Topic.Titel}}</h1>\n{{end}}"
	_, err := build(t, files)
	if err == nil || !strings.Contains(err.Error(), "templates/topic.html:2:") || !strings.Contains(err.Error(), "Titel") {
		t.Fatalf("want an error at templates/topic.html:2 naming Titel, got:\n%v", err)
	}
	files["templates/topic.html"] = "{{define \"main\"}}\n{{if}}\n{{end}}"
	_, err = build(t, files)
	if err == nil || !strings.Contains(err.Error(), "templates/topic.html:2:") {
		t.Fatalf("want a syntax error at templates/topic.html:2, got:\n%v", err)
	}
	delete(files, "templates/topic.html")
	files["templates/articles.html"] = "{{define \"main\"}}{{$p := .}}\n<ul>{{row \"article-row\" $p .Briefing.Articles}}</ul>\n{{end}}"
	_, err = build(t, files)
	if err == nil || !strings.Contains(err.Error(), "templates/articles.html:2:") || !strings.Contains(err.Error(), "not a list") {
		t.Fatalf("want an error at templates/articles.html:2 saying a row takes one item, got:\n%v", err)
	}
}

func TestContentAndTemplateErrorsInOneRun(t *testing.T) {
	files := fixture()
	files["templates/topic.html"] = "{{define \"main\"}}\n{{if}}\n{{end}}"
	files["content/actors/land.md"] = "---\nkind: government\n---\n"
	_, err := build(t, files)
	if err == nil || !strings.Contains(err.Error(), "templates/topic.html:2:") || !strings.Contains(err.Error(), `land.md:2:1: missing required field "name"`) {
		t.Fatalf("want both the template and the content error, got:\n%v", err)
	}
}

func TestRawHTMLEscapedUnlessSiteOptsIn(t *testing.T) {
	files := fixture()
	files["content/articles/second.md"] += "\n<script>alert(1)</script>\n"
	files["content/actors/land.md"] = "---\nname: <b>Land</b>\nkind: government\n---\n"
	s, err := build(t, files)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range s.Files {
		if strings.Contains(string(f.Data), "<script>") || strings.Contains(string(f.Data), "<b>Land") {
			t.Errorf("%s lets markup through", f.Path)
		}
	}
	// The pages that show the markup were built, and show it as text or not at all.
	if page := fileOf(t, s, "actors/land/index.html"); !strings.Contains(page, "&lt;b&gt;Land") {
		t.Errorf("the actor's name is not shown as text:\n%s", page)
	}
	if page := fileOf(t, s, "articles/second/index.html"); !strings.Contains(page, "raw HTML omitted") {
		t.Errorf("the article's script is not left out:\n%s", page)
	}
}

func TestMissingContentFolderIsAnError(t *testing.T) {
	_, err := build(t, map[string]string{"site.toml": "title = \"x\"\n"})
	if err == nil || !strings.Contains(err.Error(), "no content folder") {
		t.Fatalf("want a clear error for a folder without content/, got %v", err)
	}
}

func TestStaticFileCannotReplaceAPage(t *testing.T) {
	files := fixture()
	files["static/index.html"] = "not the home page"
	files["static/extra.txt"] = "copied"
	s, err := build(t, files)
	if err != nil {
		t.Fatal(err)
	}
	copied := false
	for _, f := range s.Files {
		if f.Path == "index.html" && string(f.Data) == "not the home page" {
			t.Errorf("a static file replaced the home page")
		}
		copied = copied || (f.Path == "extra.txt" && string(f.Data) == "copied")
	}
	if !copied {
		t.Errorf("the project's own static file was not copied")
	}
	if len(s.Warnings) != 1 || !strings.Contains(s.Warnings[0].String(), "static/index.html") {
		t.Errorf("want one warning about static/index.html, got %v", s.Warnings)
	}
}

// TestHostileTextStaysText puts markup and script-closing text in every
// field a reader's browser or tool will see, and checks that it arrives
// as text everywhere: pages, JSON-LD, feeds, exports and the search index.
func TestHostileTextStaysText(t *testing.T) {
	const evil = `</script><img src=x onerror=alert(1)> & "q" ]]>`
	files := fixture()
	files["site.toml"] = "title = '" + evil + "'\nbase_url = \"https://example.org/b/\"\n"
	files["content/actors/ann.md"] = "---\nname: '" + evil + "'\nkind: person\nrole: '" + evil + "'\n---\n"
	files["content/topics/deal.md"] = "---\ntitle: '" + evil + "'\nsummary: '" + evil + "'\n---\n"
	files["content/articles/first.md"] = strings.Replace(strings.Replace(files["content/articles/first.md"],
		"title: First article", "title: '"+evil+"'", 1), "title: Ann meets Land", "title: '"+evil+"'", 1)
	s, err := build(t, files)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range s.Files {
		data := string(f.Data)
		switch {
		case strings.HasSuffix(f.Path, ".html"):
			if strings.Contains(data, "<img src=x") || strings.Count(data, "</script>") != strings.Count(data, "<script") {
				t.Errorf("%s: markup got through", f.Path)
			}
		case strings.HasSuffix(f.Path, ".xml"):
			var doc struct{}
			if err := xml.Unmarshal(f.Data, &doc); err != nil {
				t.Errorf("%s is not well-formed XML: %v", f.Path, err)
			}
			if strings.Contains(data, "<img") {
				t.Errorf("%s: markup got through", f.Path)
			}
		case f.Path == "search-index.js" || strings.HasPrefix(f.Path, "search/"):
			if strings.Contains(data, "</script>") || strings.Contains(data, "<img") {
				t.Errorf("search index holds raw markup")
			}
		case f.Path == "timeline.json":
			if strings.Contains(data, "<img") || strings.Contains(data, `\u003cimg`) {
				t.Errorf("timeline.json: a headline TimelineJS would insert as HTML holds markup")
			}
		case f.Path == "briefing.json" || strings.HasPrefix(f.Path, "paragraphs/part-"):
			var v any
			if err := json.Unmarshal(f.Data, &v); err != nil {
				t.Errorf("%s: %v", f.Path, err)
			}
			if strings.Contains(data, "</script>") || strings.Contains(data, "<img") {
				t.Errorf("%s holds raw markup", f.Path)
			}
			if f.Path == "briefing.json" && !strings.Contains(data, `\u003c/script\u003e`) {
				t.Errorf("briefing.json should keep the text, escaped for HTML contexts")
			}
		}
	}
}

func TestUnsafeLinksAreRefused(t *testing.T) {
	files := fixture()
	files["content/articles/second.md"] += "\n[click](javascript:alert(1)) and [img](data:text/html,<script>x</script>) and [ok](https://example.org)\n"
	_, err := build(t, files)
	if err == nil || !strings.Contains(err.Error(), `unsafe link "javascript:alert(1)"`) || !strings.Contains(err.Error(), `unsafe link "data:text/html`) {
		t.Fatalf("want javascript: and data: links refused, got %v", err)
	}
}

func TestRawHTMLWhenTheSiteOptsIn(t *testing.T) {
	files := fixture()
	files["site.toml"] += "unsafe_html = true\n"
	files["content/articles/second.md"] += "\n<span class=\"note\">raw</span>\n"
	s, err := build(t, files)
	if err != nil {
		t.Fatal(err)
	}
	if page := fileOf(t, s, "articles/second/index.html"); !strings.Contains(page, `<span class="note">raw</span>`) {
		t.Errorf("unsafe_html = true should let raw HTML through")
	}
}

// TestPagesAllowNoInlineScript checks that every page sets a
// Content-Security-Policy forbidding inline script, and has none: its
// scripts are files, and JSON-LD and the scripts' messages (JSON) are
// data, which the policy does not run.
func TestPagesAllowNoInlineScript(t *testing.T) {
	s, err := build(t, fixture())
	if err != nil {
		t.Fatal(err)
	}
	script := regexp.MustCompile(`<script([^>]*)>`)
	for _, f := range s.Files {
		if !strings.HasSuffix(f.Path, ".html") {
			continue
		}
		page := string(f.Data)
		if !strings.Contains(page, `<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self';`) {
			t.Errorf("%s has no policy forbidding inline script", f.Path)
		}
		for _, m := range script.FindAllStringSubmatch(page, -1) {
			if !strings.Contains(m[1], "src=") && !strings.Contains(m[1], `type="application/ld+json"`) && !strings.Contains(m[1], `type="application/json"`) {
				t.Errorf("%s has an inline script: %s", f.Path, m[0])
			}
		}
		if strings.Contains(page, " onclick=") || strings.Contains(page, " onload=") || strings.Contains(page, "javascript:") {
			t.Errorf("%s has an inline event handler or javascript: URL", f.Path)
		}
	}
}

// TestLargeBriefingLinksResolve builds a briefing big enough that pages
// show only part of their lists (more than 100 articles and 200 events
// for the book, actors on more than 12 topics): every link must still
// resolve.
func TestLargeBriefingLinksResolve(t *testing.T) {
	s, err := site.Build(site.NewProject(corpusOf(130, 20), briefing.Templates(), briefing.Static()))
	if err != nil {
		t.Fatal(err)
	}
	out := t.TempDir()
	if _, err := s.Write(out); err != nil {
		t.Fatal(err)
	}
	res, err := linkcheck.Check(os.DirFS(out), "/")
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range res.Broken[:min(len(res.Broken), 10)] {
		t.Errorf("broken link: %v", b)
	}
	if len(res.Broken) > 10 {
		t.Errorf("and %d more", len(res.Broken)-10)
	}
	book := read(t, out, "book/index.html")
	if n := strings.Count(book, `class="book-article"`); n == 0 || n >= 130 || !strings.Contains(book, fmt.Sprintf("%d others are listed", 130-n)) {
		t.Errorf("the book should hold the newest articles that fit (%d of 130) and say where the rest are", n)
	}
	if n := strings.Count(book, `<li id="event-`); n == 0 || n >= 390 || !strings.Contains(book, fmt.Sprintf("%d earlier ones are on", 390-n)) {
		t.Errorf("the book's timeline should hold the latest events that fit (%d of 390) and say where the rest are", n)
	}
}
