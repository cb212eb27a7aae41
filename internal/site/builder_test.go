package site_test

import (
	"errors"
	"fmt"
	"maps"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unsafe"

	"github.com/briefing-gen/gen"
	"github.com/briefing-gen/gen/internal/diag"
	"github.com/briefing-gen/gen/internal/site"
	"github.com/briefing-gen/gen/internal/testproject"
)

func project(dir string) site.Project {
	return site.NewProject(os.DirFS(dir), briefing.Templates(), briefing.Static())
}

// sameAsFullBuild fails unless s has exactly the files a fresh build of
// dir makes.
func sameAsFullBuild(t *testing.T, dir string, s *site.Site) {
	t.Helper()
	full, err := site.Build(project(dir))
	if err != nil {
		t.Fatalf("full build: %v", err)
	}
	got := map[string]string{}
	for _, f := range s.Files {
		if _, twice := got[f.Path]; twice {
			t.Errorf("two files at %s", f.Path)
		}
		got[f.Path] = string(f.Data)
	}
	if len(got) != len(full.Files) {
		t.Errorf("incremental build has %d files, a full build %d", len(got), len(full.Files))
	}
	for _, f := range full.Files {
		if got[f.Path] != string(f.Data) {
			t.Errorf("%s differs from a full build:\n%s\nwant:\n%s", f.Path, got[f.Path], f.Data)
		}
	}
	if warnings, want := sortedWarnings(s), sortedWarnings(full); warnings != want {
		t.Errorf("incremental build warns:\n%s\na full build:\n%s", warnings, want)
	}
}

func sortedWarnings(s *site.Site) string {
	var lines []string
	for _, w := range s.Warnings {
		lines = append(lines, w.String())
	}
	slices.Sort(lines)
	return strings.Join(lines, "\n")
}

// TestIncrementalBuildsEqualFullBuilds makes the edits a writer makes and
// checks after each that the incremental result is what a full build
// gives, and that an article edit renders only a few pages.
func TestIncrementalBuildsEqualFullBuilds(t *testing.T) {
	dir := testproject.New(t, fixture())
	b := site.NewBuilder(project(dir))
	first, err := b.Build(nil)
	if err != nil {
		t.Fatal(err)
	}
	if first.Rendered != first.Pages {
		t.Errorf("the first build rendered %d of %d pages", first.Rendered, first.Pages)
	}
	steps := []struct {
		name    string
		edit    func()
		changed []string
		most    int // pages rendered at most; 0 for any
	}{
		// Only the article, its actor and topic pages with the first pages
		// of their lists of paragraphs, and the book show its words: the
		// indexes, timeline and positions are left as they are.
		{"reword an article", func() {
			testproject.Write(t, dir, "content/articles/second.md", strings.Replace(fixture()["content/articles/second.md"], "said", "stated", 1))
		}, []string{"content/articles/second.md"}, 6},
		{"reword an article so that it names an actor without an annotation", func() {
			testproject.Write(t, dir, "content/articles/first.md", strings.Replace(fixture()["content/articles/first.md"], "would follow", "would follow, Land said", 1))
		}, []string{"content/articles/first.md"}, 10},
		{"reword it back", func() {
			testproject.Write(t, dir, "content/articles/first.md", fixture()["content/articles/first.md"])
		}, []string{"content/articles/first.md"}, 10},
		{"reword a quote", func() {
			testproject.Write(t, dir, "content/articles/second.md", strings.Replace(fixture()["content/articles/second.md"], "“fine”", "“very fine”", 1))
		}, []string{"content/articles/second.md"}, 0},
		{"mention another actor", func() {
			testproject.Write(t, dir, "content/articles/second.md", fixture()["content/articles/second.md"]+"\n[A senior official](actor:source) agreed.\n")
		}, []string{"content/articles/second.md"}, 20},
		{"add an article that references another's event", func() {
			testproject.Write(t, dir, "content/articles/third.md", "---\ntitle: Third\npublished: \"2025-03\"\n---\n[Ann](actor:ann) recalled [the meeting](event:meeting).\n")
		}, []string{"content/articles/third.md"}, 14},
		{"retitle an event another article references", func() {
			testproject.Write(t, dir, "content/articles/first.md", strings.Replace(fixture()["content/articles/first.md"], "title: Ann meets Land", "title: Ann meets Land again", 1))
		}, []string{"content/articles/first.md"}, 0},
		{"rename an article", func() {
			if err := os.Rename(filepath.Join(dir, "content/articles/third.md"), filepath.Join(dir, "content/articles/renamed.md")); err != nil {
				t.Fatal(err)
			}
		}, []string{"content/articles/third.md", "content/articles/renamed.md"}, 0},
		{"delete an article", func() {
			if err := os.Remove(filepath.Join(dir, "content/articles/renamed.md")); err != nil {
				t.Fatal(err)
			}
		}, []string{"content/articles/renamed.md"}, 0},
		{"rename an actor", func() {
			testproject.Write(t, dir, "content/actors/land.md", "---\nname: Landia\nkind: government\n---\n")
		}, []string{"content/actors/land.md"}, 0},
		{"change a template", func() {
			testproject.Write(t, dir, "templates/timeline.html", `{{define "main"}}<h1>Events</h1>{{end}}`)
		}, []string{"templates/timeline.html"}, 0},
		{"reword an article shown whole by a template of the project's own", func() {
			testproject.Write(t, dir, "templates/timeline.html", `{{define "main"}}{{range .Briefing.Articles}}{{range .Paragraphs}}<p>{{.Text}}</p>{{end}}{{end}}{{end}}`)
			testproject.Write(t, dir, "content/articles/second.md", strings.Replace(fixture()["content/articles/second.md"], "said", "remarked", 1))
		}, []string{"templates/timeline.html", "content/articles/second.md"}, 0},
		{"reword it again", func() {
			testproject.Write(t, dir, "content/articles/second.md", strings.Replace(fixture()["content/articles/second.md"], "said", "noted", 1))
		}, []string{"content/articles/second.md"}, 0},
		{"save without a change", func() {}, []string{"content/articles/first.md"}, 0},
	}
	for _, step := range steps {
		step.edit()
		s, err := b.Build(step.changed)
		if err != nil {
			t.Fatalf("%s: %v", step.name, err)
		}
		if step.most > 0 && s.Rendered > step.most {
			t.Errorf("%s: rendered %d pages, want at most %d", step.name, s.Rendered, step.most)
		}
		sameAsFullBuild(t, dir, s)
	}
}

func TestFailedIncrementalBuildKeepsLastGoodSite(t *testing.T) {
	dir := testproject.New(t, fixture())
	b := site.NewBuilder(project(dir))
	if _, err := b.Build(nil); err != nil {
		t.Fatal(err)
	}
	testproject.Write(t, dir, "content/articles/second.md", strings.Replace(fixture()["content/articles/second.md"], "(actor:land)", "(actor:lnad)", 1))
	if _, err := b.Build([]string{"content/articles/second.md"}); err == nil || !strings.Contains(err.Error(), `unknown actor "lnad"`) {
		t.Fatalf("want the typo reported, got %v", err)
	}
	testproject.Write(t, dir, "content/articles/second.md", strings.Replace(fixture()["content/articles/second.md"], "“fine”", "“fine, then”", 1))
	s, err := b.Build([]string{"content/articles/second.md"})
	if err != nil {
		t.Fatal(err)
	}
	sameAsFullBuild(t, dir, s)
}

// TestAMistakeInRewordedTextIsReported saves text whose only change is a
// mistake, reported with the warnings about the other files, then the
// fix.
func TestAMistakeInRewordedTextIsReported(t *testing.T) {
	files := fixture()
	files["content/articles/first.md"] += "\nLand agreed.\n" // a missed mention: a warning about another file
	dir := testproject.New(t, files)
	b := site.NewBuilder(project(dir))
	if _, err := b.Build(nil); err != nil {
		t.Fatal(err)
	}
	testproject.Write(t, dir, "content/articles/second.md", strings.Replace(fixture()["content/articles/second.md"], "on [the deal]", "on [the deal] (topic:deal)", 1))
	_, err := b.Build([]string{"content/articles/second.md"})
	var failure *diag.Failure
	if !errors.As(err, &failure) {
		t.Fatalf("want the mistake reported, got %v", err)
	}
	got := diag.Count(failure.Diagnostics, diag.Error) + ", " + diag.Count(failure.Diagnostics, diag.Warning)
	if got != "1 error, 1 warning" || !strings.Contains(err.Error(), "did not become an annotation") {
		t.Errorf("got %s: %v", got, failure.Diagnostics)
	}
	testproject.Write(t, dir, "content/articles/second.md", strings.Replace(fixture()["content/articles/second.md"], "said", "answered", 1))
	s, err := b.Build([]string{"content/articles/second.md"})
	if err != nil {
		t.Fatal(err)
	}
	sameAsFullBuild(t, dir, s)
}

// TestEditsDuringAFailedBuildAreKept saves other files while the site is
// broken; the build that fixes it must show those edits too.
func TestEditsDuringAFailedBuildAreKept(t *testing.T) {
	during := map[string]struct{ file, text string }{
		"another article": {"content/articles/first.md", strings.Replace(fixture()["content/articles/first.md"], "title: First article", "title: First, retitled", 1)},
		"site settings":   {"site.toml", "title = \"Renamed briefing\"\n"},
		"a template":      {"templates/article.html", `{{define "main"}}<h1>{{.Article.Title}}</h1>{{.Article.Body}}{{end}}`},
		"an actor":        {"content/actors/ann.md", "---\nname: Ann Renamed\nkind: person\n---\n"},
	}
	for name, edit := range during {
		t.Run(name, func(t *testing.T) {
			dir := testproject.New(t, fixture())
			b := site.NewBuilder(project(dir))
			if _, err := b.Build(nil); err != nil {
				t.Fatal(err)
			}
			broken := strings.Replace(fixture()["content/articles/second.md"], "(actor:land)", "(actor:lnad)", 1)
			testproject.Write(t, dir, "content/articles/second.md", broken)
			if _, err := b.Build([]string{"content/articles/second.md"}); err == nil {
				t.Fatal("the typo was not reported")
			}
			testproject.Write(t, dir, edit.file, edit.text)
			if _, err := b.Build([]string{edit.file}); err == nil {
				t.Fatal("the typo is still there")
			}
			testproject.Write(t, dir, "content/articles/second.md", fixture()["content/articles/second.md"])
			s, err := b.Build([]string{"content/articles/second.md"})
			if err != nil {
				t.Fatal(err)
			}
			sameAsFullBuild(t, dir, s)
		})
	}
}

// TestRandomEditsEqualFullBuilds makes a long run of the edits of someone
// annotating articles, chosen at random (with a fixed seed), and checks
// after each that the incremental build is what a full build gives:
// most are taken in place, so this guards that way against drift.
func TestRandomEditsEqualFullBuilds(t *testing.T) {
	files := map[string]string{}
	for name, f := range corpusOf(24, 4) {
		files[name] = string(f.Data)
	}
	files["site.toml"] = "title = \"Random\"\nbase_url = \"https://example.org/\"\n" // for the feeds
	// Positions since articles the edits retitle, on the actor's page, topic
	// pages and the stance matrix, which a retitle must render again.
	for i := range 6 {
		files[fmt.Sprintf("content/actors/actor-%d.md", i)] = fmt.Sprintf("---\nname: Actor %d\nkind: person\npositions:\n"+
			"  - {topic: topic-%d, stance: supports, summary: For it., since: article-%d}\n"+
			"  - {topic: topic-%d, stance: opposes, summary: Against it., since: article-%d}\n---\n", i, i%4, i, i%4, i+6)
	}
	dir := testproject.New(t, files)
	b := site.NewBuilder(project(dir))
	if _, err := b.Build(nil); err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(7, 7))
	link := regexp.MustCompile(`\[([^\]]*)\]\((actor|event|quote):[^)]*\)`)
	edits := []struct {
		name string
		edit func(text string) string
	}{
		{"reword", func(s string) string {
			return strings.Replace(s, "without", []string{"with", "despite", "lacking"}[rng.IntN(3)], 1)
		}},
		{"add a mention", func(s string) string {
			return s + fmt.Sprintf("\n[Actor %d](actor:actor-%d) spoke too.\n", rng.IntN(50), rng.IntN(50))
		}},
		{"add a quote on a topic", func(s string) string {
			return s + fmt.Sprintf("\nAnd [“so it goes”](quote:actor-%d?topic=topic-%d) was said.\n", rng.IntN(50), rng.IntN(4))
		}},
		{"take out an annotation", func(s string) string {
			all := link.FindAllStringSubmatchIndex(s, -1)
			if len(all) == 0 {
				return s + "\nMore.\n"
			}
			m := all[rng.IntN(len(all))]
			return s[:m[0]] + s[m[2]:m[3]] + s[m[1]:]
		}},
		// Issue 12: events shared between articles.
		{"reference another article's event", func(s string) string {
			return s + fmt.Sprintf("\nRecalling [it](event:e-%d-%d).\n", rng.IntN(24), rng.IntN(3))
		}},
		{"update another article's event", func(s string) string {
			id := fmt.Sprintf("e-%d-%d", rng.IntN(24), rng.IntN(3))
			if strings.Contains(s, "id: "+id+",") {
				return s + "\nMore.\n"
			}
			decl := fmt.Sprintf("  - {id: %s, date: \"2025-%02d-%02d\", title: Event updated, actors: [actor-%d]} # update\n", id, 1+rng.IntN(12), 1+rng.IntN(28), rng.IntN(50))
			return strings.Replace(s, "events:\n", "events:\n"+decl, 1) + fmt.Sprintf("\nUpdating [it](event:%s).\n", id)
		}},
		{"take out an update", func(s string) string {
			lines := strings.SplitAfter(s, "\n")
			for i, line := range lines {
				if strings.HasSuffix(line, "# update\n") {
					return strings.Join(slices.Delete(lines, i, i+1), "")
				}
			}
			return s + "\nMore.\n"
		}},
		{"retitle", func(s string) string {
			return strings.Replace(s, "title: Article", fmt.Sprintf("title: Story %d, article", rng.IntN(1000)), 1)
		}},
	}
	for step := range 60 {
		name := fmt.Sprintf("content/articles/article-%d.md", rng.IntN(24))
		edit := edits[rng.IntN(len(edits))]
		if step%10 == 9 { // a mistake first, reported, then the edit
			testproject.Write(t, dir, name, files[name]+"\n[Actor 1] (actor:actor-1) is broken.\n")
			if _, err := b.Build([]string{name}); err == nil {
				t.Fatalf("step %d: a broken annotation was not reported", step)
			}
		}
		files[name] = edit.edit(files[name])
		testproject.Write(t, dir, name, files[name])
		s, err := b.Build([]string{name})
		if err != nil {
			t.Fatalf("step %d, %s in %s: %v", step, edit.name, name, err)
		}
		sameAsFullBuild(t, dir, s)
		if t.Failed() {
			t.Fatalf("step %d, %s in %s: the incremental build differs", step, edit.name, name)
		}
	}
}

// TestInPlaceEditsEqualFullBuilds covers the corners of edits taken into
// the last build's model in place.
// quotesLand is an article whose quote names Land.
const quotesLand = "---\ntitle: Third\npublished: \"2025-03\"\n---\n[Ann](actor:ann) met them. Ann said [“Land will sign”](quote:ann), and [Land](actor:land) did.\n"

// answered updates the fixture's pending answer with a date; sameDay,
// published the same day, declares it otherwise; recallsAnswer only
// references it.
const (
	answerDecl    = "events:\n  - id: answer\n    date: \"2025-03-01\"\n    title: Land answers\n"
	answered      = "---\ntitle: Later\npublished: \"2025-03-02\"\n" + answerDecl + "---\n[Land answered](event:answer) at last.\n"
	sameDay       = "---\ntitle: Same day\npublished: \"2025-03-02\"\nevents:\n  - id: answer\n    date: \"2025-03\"\n    title: Land answers late\n---\n[Land answered](event:answer) in March.\n"
	recallsAnswer = "---\ntitle: Third\npublished: \"2025-04\"\n---\n[Ann](actor:ann) recalled [the answer](event:answer).\n"
)

// voteFile is an event's own file; expectsVote references it.
const (
	voteFile    = "---\ndate: \"2025-05\"\ntitle: Land votes\nactors: [land]\n---\n[Land](actor:land) votes on [the deal](topic:deal).\n"
	expectsVote = "---\ntitle: Third\npublished: \"2025-05-09\"\n---\n[Ann](actor:ann) expects [the vote](event:vote).\n"
)

func TestInPlaceEditsEqualFullBuilds(t *testing.T) {
	referencing := "---\ntitle: Third\npublished: \"2025-03\"\n---\n[Ann](actor:ann) recalled [the meeting](event:meeting).\n"
	unquoted := strings.Replace(fixture()["content/articles/first.md"], "[“not yet”](quote:source?topic=talks)", "“not yet”", 1)
	headingOnly := "---\ntitle: Newest\npublished: \"2025-04-01\"\n---\n## Only a heading\n"
	cases := map[string]struct {
		extra   map[string]string // files added to the fixture
		steps   []map[string]string
		failing int // the step, from 1, that must fail; 0 for none
	}{
		// Its entries in the search index gain a comma before the next article's.
		"an article gains its first paragraph": {
			extra: map[string]string{"content/articles/newest.md": headingOnly},
			steps: []map[string]string{{"content/articles/newest.md": headingOnly + "\nNow a paragraph.\n"}},
		},
		"an article saved without a change keeps its warning": {
			extra: map[string]string{"content/articles/first.md": fixture()["content/articles/first.md"] + "\nLand agreed.\n"},
			steps: []map[string]string{{"content/articles/first.md": fixture()["content/articles/first.md"] + "\nLand agreed.\n"}},
		},
		// Its own article template shows the text of the articles whose events an article references.
		"a reworded article shown by an article that references its event": {
			extra: map[string]string{"content/articles/third.md": referencing,
				"templates/article.html": `{{define "main"}}<h1>{{.Article.Title}}</h1>{{range .Article.Events}}<div>{{.Article.Body}}</div>{{end}}{{end}}`},
			steps: []map[string]string{{"content/articles/first.md": strings.Replace(fixture()["content/articles/first.md"], "would follow", "would surely follow", 1)}},
		},
		// Its own article template fails on an article that names no actor:
		// the build after the failure must still render Land's page again.
		"a failed render, then a fix": {
			extra: map[string]string{"templates/article.html": `{{define "main"}}<h1>{{.Article.Title}}</h1>{{if not .Article.Actors}}{{index .Article.Actors 0}}{{end}}{{.Article.Body}}{{end}}`},
			steps: []map[string]string{
				{"content/articles/second.md": "{\n\"title\": \"Second\",\n\"published\": \"2025-02\"\n}\n\nLand said “fine” on [the deal](topic:deal).\n"},
				{"content/articles/second.md": "{\n\"title\": \"Second\",\n\"published\": \"2025-02\"\n}\n\nLand said “fine” on [the deal](topic:deal) to [Ann](actor:ann).\n"},
			},
			failing: 1,
		},
		"a mistake in the front matter": {
			steps:   []map[string]string{{"content/articles/first.md": strings.Replace(fixture()["content/articles/first.md"], "title: First article\n", "", 1) + "\nLand agreed.\n"}},
			failing: 1,
		},
		// A static file has the path of a feed: copied only while gen writes no feed there.
		"a static file at the path of a feed that goes": {
			extra: map[string]string{"static/actors/source/feed.xml": "<mine/>\n"},
			steps: []map[string]string{{"content/articles/first.md": unquoted}},
		},
		"a static file at the path of a feed that comes": {
			extra: map[string]string{"static/actors/source/feed.xml": "<mine/>\n", "content/articles/first.md": unquoted},
			steps: []map[string]string{{"content/articles/first.md": fixture()["content/articles/first.md"]}},
		},
		// Issue 12: a quote that names an actor is a passage about them;
		// rewording around it moves its marks, rewording it drops the name.
		"the words around a quote that names an actor": {
			extra: map[string]string{"content/articles/third.md": quotesLand},
			steps: []map[string]string{
				{"content/articles/third.md": strings.Replace(quotesLand, "Ann said", "Ann said firmly", 1)},
				{"content/articles/third.md": strings.Replace(quotesLand, "“Land will sign”", "“They will sign”", 1)},
			},
		},
		// Issue 12: a day's events follow their first reports, and an
		// event's actors and topics count for the paragraph that reports it.
		"the reports of a day's events swap paragraphs": {
			extra: storyExtra(),
			steps: []map[string]string{{"content/articles/new.md": strings.NewReplacer(
				"(event:signing)", "(event:release)", "(event:release)", "(event:signing)").Replace(story()["content/articles/new.md"])}},
		},
		"the reports of a day's events swap in one paragraph": {
			extra: storyExtra(),
			steps: []map[string]string{
				{"content/articles/new.md": strings.Replace(story()["content/articles/new.md"], "took place", "and the [release](event:release) took place", 1)},
				{"content/articles/new.md": strings.Replace(story()["content/articles/new.md"], "The [signing](event:signing) took place", "The [release](event:release) and [signing](event:signing) took place", 1)},
			},
		},
		"the report of an event with actors is reworded": {
			extra: storyExtra(),
			steps: []map[string]string{{"content/articles/new.md": strings.Replace(story()["content/articles/new.md"], "took place", "took its place", 1)}},
		},
		"the report of an event with actors is taken out": {
			extra: storyExtra(),
			steps: []map[string]string{{"content/articles/new.md": strings.Replace(story()["content/articles/new.md"], "[signing](event:signing)", "signing", 1)}},
		},
		"an event gains a time": {
			extra: storyExtra(),
			steps: []map[string]string{{"content/articles/new.md": strings.Replace(story()["content/articles/new.md"], "{id: release, date: \"2025-02-20\",", "{id: release, date: \"2025-02-20\", time: \"08:00\",", 1)}},
		},
		"an article's short title changes": {
			extra: storyExtra(),
			steps: []map[string]string{{"content/articles/new.md": strings.Replace(story()["content/articles/new.md"], "short_title: Signing day", "short_title: The signing", 1)}},
		},
		// Issue 12: an article that declares an event an earlier one
		// declared updates it, on the timeline and every page that shows it.
		"an article updates an earlier article's event": {
			steps: []map[string]string{{"content/articles/later.md": answered}},
		},
		"an update is taken out": {
			extra: map[string]string{"content/articles/later.md": answered},
			steps: []map[string]string{{"content/articles/later.md": strings.Replace(answered, answerDecl, "", 1)}},
		},
		"an update's date and actors change": {
			extra: map[string]string{"content/articles/later.md": answered},
			steps: []map[string]string{{"content/articles/later.md": strings.Replace(answered, `date: "2025-03-01"`, `date: "2025-03-02"`+"\n    actors: [ann]", 1)}},
		},
		"an update is reworded, then reannotated": {
			extra: map[string]string{"content/articles/later.md": answered},
			steps: []map[string]string{
				{"content/articles/later.md": strings.Replace(answered, "answered", "replied", 1)},
				{"content/articles/later.md": answered + "\n[Ann](actor:ann) heard [the answer](event:answer).\n"},
			},
		},
		"the article an update follows is reannotated": {
			extra: map[string]string{"content/articles/later.md": answered},
			steps: []map[string]string{{"content/articles/first.md": strings.Replace(fixture()["content/articles/first.md"], "[an answer](event:answer)", "an answer", 1)}},
		},
		"an article that references an updated event": {
			extra: map[string]string{"content/articles/later.md": answered, "content/articles/third.md": recallsAnswer},
			steps: []map[string]string{
				{"content/articles/third.md": strings.Replace(recallsAnswer, "recalled", "remembered", 1)},
				{"content/articles/third.md": strings.Replace(recallsAnswer, "[the answer](event:answer)", "the answer", 1)},
				{"content/articles/third.md": recallsAnswer + "\nAnd [the answer](event:answer) again, after [the meeting](event:meeting).\n"},
			},
		},
		"two updates of the same date disagree": {
			extra: map[string]string{"content/articles/later.md": answered, "content/articles/same-day.md": sameDay},
			steps: []map[string]string{
				{"content/articles/same-day.md": strings.Replace(sameDay, "answered", "replied", 1)},
				{"content/articles/later.md": strings.Replace(answered, "answered", "replied", 1)},
				{"content/articles/same-day.md": strings.Replace(sameDay, "Land answers late", "Land answers", 1)},
			},
		},
		// Issue 12: an event of its own file, described there and reported by articles.
		"an event file is edited": {
			extra: map[string]string{"content/events/vote.md": voteFile, "content/articles/third.md": expectsVote},
			steps: []map[string]string{
				{"content/events/vote.md": strings.Replace(voteFile, "votes on", "debates", 1)},
				{"content/events/vote.md": strings.Replace(voteFile, "actors: [land]", "actors: [land, ann]", 1)},
			},
		},
		"an article references an event file, then another does earlier": {
			extra: map[string]string{"content/events/vote.md": voteFile, "content/articles/third.md": expectsVote},
			steps: []map[string]string{
				{"content/articles/third.md": strings.Replace(expectsVote, "expects", "awaits", 1)},
				{"content/articles/second.md": fixture()["content/articles/second.md"] + "\nAnd [a vote](event:vote) comes.\n"},
				{"content/articles/second.md": fixture()["content/articles/second.md"]},
			},
		},
		"two articles with a mistake each": {
			steps: []map[string]string{{
				"content/articles/first.md":  strings.Replace(fixture()["content/articles/first.md"], "(actor:ann)", "(actor:anne)", 1),
				"content/articles/second.md": strings.Replace(fixture()["content/articles/second.md"], "(actor:land)", "(actor:lnad)", 1),
			}},
			failing: 1,
		},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			files := fixture()
			maps.Copy(files, c.extra)
			dir := testproject.New(t, files)
			b := site.NewBuilder(project(dir))
			if _, err := b.Build(nil); err != nil {
				t.Fatal(err)
			}
			for i, step := range c.steps {
				for file, text := range step {
					testproject.Write(t, dir, file, text)
				}
				s, err := b.Build(slices.Collect(maps.Keys(step)))
				if i+1 == c.failing {
					if _, full := site.Build(project(dir)); err == nil || full == nil || err.Error() != full.Error() {
						t.Errorf("step %d reports:\n%v\na full build:\n%v", i+1, err, full)
					}
					continue
				}
				if err != nil {
					t.Fatalf("step %d: %v", i+1, err)
				}
				sameAsFullBuild(t, dir, s)
			}
		})
	}
}

// TestARewordedArticleLeavesBriefingJSON checks that a text edit writes
// again only the article's part of the paragraphs, not briefing.json
// (the same bytes, not joined again), and that an added mention does.
func TestARewordedArticleLeavesBriefingJSON(t *testing.T) {
	dir := testproject.New(t, fixture())
	b := site.NewBuilder(project(dir))
	before, err := b.Build(nil)
	if err != nil {
		t.Fatal(err)
	}
	first := fixture()["content/articles/first.md"]
	testproject.Write(t, dir, "content/articles/first.md", strings.Replace(first, "would follow", "would surely follow", 1))
	reworded, err := b.Build([]string{"content/articles/first.md"})
	if err != nil {
		t.Fatal(err)
	}
	sameAsFullBuild(t, dir, reworded)
	if x, y := filesData(before, "briefing.json"), filesData(reworded, "briefing.json"); len(x) == 0 || unsafe.SliceData(x) != unsafe.SliceData(y) {
		t.Errorf("a reworded article wrote briefing.json again")
	}
	if x, y := fileOf(t, before, "paragraphs/part-1.json"), fileOf(t, reworded, "paragraphs/part-1.json"); x == y || !strings.Contains(y, "would surely follow") {
		t.Errorf("the reworded article's part did not change:\n%s", y)
	}

	testproject.Write(t, dir, "content/articles/first.md", first+"\n[Land](actor:land) agreed.\n")
	mentioned, err := b.Build([]string{"content/articles/first.md"})
	if err != nil {
		t.Fatal(err)
	}
	sameAsFullBuild(t, dir, mentioned)
	if fileOf(t, reworded, "briefing.json") == fileOf(t, mentioned, "briefing.json") {
		t.Errorf("an added mention left briefing.json as it was")
	}
}

// filesData is the bytes of s's file at path, as the build holds them.
func filesData(s *site.Site, path string) []byte {
	for _, f := range s.Files {
		if f.Path == path {
			return f.Data
		}
	}
	return nil
}

// TestAMentionRendersOnlyWhatItChanges adds a paragraph naming one actor
// to an article that names many: the pages of the others show what they
// showed, so only the actor's pages, the article's and the few pages
// about the whole briefing are rendered again, not those of everyone the
// article names nor every page of the articles index. The result is
// still a full build's.
func TestAMentionRendersOnlyWhatItChanges(t *testing.T) {
	files := map[string]string{}
	for name, f := range corpusOf(240, 4) { // 240 articles: the articles index has three pages
		files[name] = string(f.Data)
	}
	dir := testproject.New(t, files)
	b := site.NewBuilder(project(dir))
	first, err := b.Build(nil)
	if err != nil {
		t.Fatal(err)
	}
	name := "content/articles/article-7.md"
	named := map[string]bool{}
	for _, m := range regexp.MustCompile(`\(actor:(actor-\d+)\)`).FindAllStringSubmatch(files[name], -1) {
		named[m[1]] = true
	}
	if len(named) < 10 {
		t.Fatalf("%s names too few actors for this test", name)
	}
	family := 0 // actor-7's pages: its own and its lists'
	for _, f := range first.Files {
		if strings.HasPrefix(f.Path, "actors/actor-7/") && strings.HasSuffix(f.Path, ".html") {
			family++
		}
	}
	testproject.Write(t, dir, name, files[name]+"\n[Actor 7](actor:actor-7) spoke again.\n")
	s, err := b.Build([]string{name})
	if err != nil {
		t.Fatal(err)
	}
	// The article's page, one page of the articles index, the home page,
	// the indexes of actors and topics, the book, the positions table.
	if most := family + 7; s.Rendered > most {
		t.Errorf("a mention of one actor rendered %d pages, want at most %d (its %d and 7 others)", s.Rendered, most, family)
	}
	sameAsFullBuild(t, dir, s)
}
