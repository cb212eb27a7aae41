package site_test

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"briefing"
	"briefing/internal/model"
	"briefing/internal/site"
)

// TestSharedEventsBriefing builds testdata/minerals, six articles from
// February to May 2025 that share events: the signing, pending in
// February, is dated to April by two reports of one day that disagree,
// and is referenced by others. Its timeline is compared with
// testdata/minerals.timeline.golden.html (go test -update rewrites it).
func TestSharedEventsBriefing(t *testing.T) {
	s, err := site.Build(site.NewProject(os.DirFS(filepath.Join("testdata", "minerals")), briefing.Templates(), briefing.Static()))
	if err != nil {
		t.Fatal(err)
	}
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

	for _, f := range s.Files {
		if f.Path != "timeline/index.html" {
			continue
		}
		got := mainOf(string(f.Data))
		golden := filepath.Join("testdata", "minerals.timeline.golden.html")
		if *update {
			if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
				t.Fatal(err)
			}
			return
		}
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Fatalf("%v (run go test ./internal/site -update)", err)
		}
		if got != string(want) {
			t.Errorf("the timeline differs from %s:\n%s", golden, got)
		}
		return
	}
	t.Error("no timeline")
}
