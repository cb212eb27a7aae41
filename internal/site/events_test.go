package site_test

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/briefing-gen/gen"
	"github.com/briefing-gen/gen/internal/model"
	"github.com/briefing-gen/gen/internal/site"
)

// TestSharedEventsBriefing builds testdata/minerals, six articles from
// February to May 2025 that share events: the signing, pending in
// February, is dated to April by two reports of one day that disagree,
// and is referenced by others; the ratification has a file of its own,
// which an article updates. Its timeline is compared with
// testdata/minerals.timeline.golden.html (go test -update rewrites it).
func TestSharedEventsBriefing(t *testing.T) {
	s := buildMinerals(t)
	if w := warningsOf(s); strings.Count(w, "warning:") != 1 ||
		!strings.Contains(w, `content/articles/us-treasury-announces-agreement.md:7:9: warning: event "agreement-signed" is declared differently by two articles published 30 April 2025`) ||
		!strings.Contains(w, "the other is at content/articles/agreement-signed-washington.md:6:9") {
		t.Errorf("want the one same-day conflict, naming both declarations; got:\n%s", w)
	}

	var e *model.Event
	for _, x := range s.Briefing.Events {
		if x.ID == "agreement-signed" {
			e = x
		}
	}
	if e == nil {
		t.Fatal("no event agreement-signed")
	}
	if e.Date.ISO() != "2025-04-30" || e.Title != "Bessent and Svyrydenko sign the minerals agreement in Washington" || e.Article.Slug != "munich-proposal" {
		t.Errorf("the signing is %s %q from %s; want the Treasury's day and title, first reported in Munich", e.Date.ISO(), e.Title, e.Article.Slug)
	}
	var reports []string
	for _, r := range e.Reports {
		said := "-"
		if r.Said != nil {
			said = r.Said.Date.String()
		}
		reports = append(reports, fmt.Sprintf("%s ¶%d %s", r.Article.Slug, r.Para, said))
	}
	want := []string{"munich-proposal ¶2 date to come", "oval-office ¶1 -", "agreement-signed-washington ¶1 April 2025",
		"us-treasury-announces-agreement ¶1 30 April 2025", "rada-ratifies ¶1 -"}
	if !slices.Equal(reports, want) {
		t.Errorf("the signing's reports are\n%s\nwant\n%s", strings.Join(reports, "\n"), strings.Join(want, "\n"))
	}
	var actors []string
	for _, x := range e.Actors {
		actors = append(actors, x.ID)
	}
	if !slices.Equal(actors, []string{"bessent", "svyrydenko"}) {
		t.Errorf("the signing's actors are %v", actors)
	}

	// The ratification's own file is its first declaration, pending; the
	// Rada article dates it.
	for _, x := range s.Briefing.Events {
		if x.ID == "ratification" && (x.Date.String() != "May 2025" || !x.HasFile() || x.Description == "" || x.Article.Slug != "rada-ratifies" || len(x.Topics) != 2) {
			t.Errorf("the ratification is %s from %s with %d topics; want May 2025, from its file as the Rada article updates it", x.Date, x.Article.Slug, len(x.Topics))
		}
	}

	matchGolden(t, "timeline/index.html", mainOf(fileOf(t, s, "timeline/index.html")), "minerals.timeline.golden.html")
}

// TestEventFile: an event may have a file of its own, content/events/<id>.md,
// whose body describes it on the timeline; articles reference it, and one
// that declares it updates it.
func TestEventFile(t *testing.T) {
	files := fixture()
	files["content/events/ratification.md"] = "---\ndate: \"2025-05\"\ntitle: Land ratifies the deal\nactors: [land]\ntopics: [deal]\n---\n[Land](actor:land)'s parliament votes on [the deal](topic:deal).\n"
	files["content/articles/third.md"] = "---\ntitle: Third\npublished: \"2025-05-09\"\n---\nAnn expects [the vote](event:ratification).\n"
	s, err := build(t, files)
	if err != nil {
		t.Fatal(err)
	}
	timeline := fileOf(t, s, "timeline/index.html")
	if !strings.Contains(timeline, `<div class="description"><p><a class="mention actor" href="../actors/land/index.html"`) ||
		!strings.Contains(timeline, `href="../articles/third/index.html#p1">Third, ¶1</a>`) {
		t.Errorf("the timeline must describe the ratification and cite the third article:\n%s", mainOf(timeline))
	}

	files["content/articles/fourth.md"] = "---\ntitle: Fourth\npublished: \"2025-05-20\"\nevents:\n  - id: ratification\n    date: \"2025-05-08\"\n    title: Land's parliament ratifies the deal\n---\n[Ratified](event:ratification).\n"
	if s, err = build(t, files); err != nil {
		t.Fatal(err)
	}
	if timeline = fileOf(t, s, "timeline/index.html"); !strings.Contains(timeline, "Land&#39;s parliament ratifies the deal") || !strings.Contains(timeline, `datetime="2025-05-08"`) {
		t.Errorf("the fourth article must update the event of the file:\n%s", mainOf(timeline))
	}

	delete(files, "content/articles/third.md")
	delete(files, "content/articles/fourth.md")
	if _, err = build(t, files); err == nil || !strings.Contains(err.Error(), `content/events/ratification.md:1:1: event "ratification" is reported by no article`) {
		t.Errorf("an event no article reports must be an error, got %v", err)
	}
}

// TestANameInAQuoteIsOnTheActorsPage: Zelensky's quote names "Scott
// Bessent"; Bessent's page lists that paragraph, the name marked.
func TestANameInAQuoteIsOnTheActorsPage(t *testing.T) {
	if !strings.Contains(fileOf(t, buildMinerals(t), "actors/bessent/index.html"), "whatever <mark>Scott Bessent</mark> says") {
		t.Errorf("Bessent's page does not show, marked, the quote of Zelensky's that names him")
	}
}

// buildMinerals builds the six-article briefing in testdata/minerals.
func buildMinerals(t *testing.T) *site.Site {
	t.Helper()
	s, err := site.Build(site.NewProject(os.DirFS(filepath.Join("testdata", "minerals")), briefing.Templates(), briefing.Static()))
	if err != nil {
		t.Fatal(err)
	}
	return s
}
