package site_test

import (
	"errors"
	"maps"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/briefing-gen/gen"
	"github.com/briefing-gen/gen/internal/diag"
	"github.com/briefing-gen/gen/internal/site"
	"github.com/briefing-gen/gen/internal/testproject"
)

// draftFixture is the fixture with a third article marked draft: true,
// which declares an event and names actors and a topic, and has a
// problem of its own (an unknown actor) that only matters once it is in.
func draftFixture() map[string]string {
	files := fixture()
	files["content/articles/unfinished.md"] = `---
title: An unfinished story
source: Daily
published: "2025-02-20"
draft: true
events:
  - id: vote
    date: "2025-02-19"
    title: Land votes on the deal
    actors: [land]
    topics: [deal]
---
[Land](actor:land) [voted](event:vote) on [the deal](topic:deal), [Zed](actor:zed) said.
`
	return files
}

func buildWith(t *testing.T, files map[string]string, drafts site.Drafts) (*site.Site, error) {
	t.Helper()
	root := fstest.MapFS{}
	for name, text := range files {
		root[name] = &fstest.MapFile{Data: []byte(text)}
	}
	p := site.NewProject(root, briefing.Templates(), briefing.Static())
	p.Drafts = drafts
	return site.Build(p)
}

// TestDraftsStayOutOfTheBuild checks that a draft leaves no trace in any
// file of a build: its page, the indexes, actor and topic pages, the
// timeline, feeds, search, sitemap and exports are those of the site
// without its file, and its own problems are not reported.
func TestDraftsStayOutOfTheBuild(t *testing.T) {
	without, err := build(t, fixture())
	if err != nil {
		t.Fatal(err)
	}
	with, err := build(t, draftFixture())
	if err != nil {
		t.Fatalf("a draft's own problem failed the build: %v", err)
	}
	if len(with.Files) != len(without.Files) {
		t.Errorf("the build with a draft has %d files, without it %d", len(with.Files), len(without.Files))
	}
	want := map[string]string{}
	for _, f := range without.Files {
		want[f.Path] = string(f.Data)
	}
	for _, f := range with.Files {
		if want[f.Path] != string(f.Data) {
			t.Errorf("%s differs from the build without the draft", f.Path)
		}
		for _, trace := range []string{"unfinished", "Land votes", "Draft"} {
			if strings.Contains(string(f.Data), trace) {
				t.Errorf("%s holds %q of the draft", f.Path, trace)
			}
		}
	}
	if sortedWarnings(with) != sortedWarnings(without) {
		t.Errorf("the draft added warnings:\n%s", sortedWarnings(with))
	}
	if len(with.Drafts) != 1 || with.Drafts[0].Slug != "unfinished" {
		t.Errorf("Site.Drafts = %v, want the one draft", with.Drafts)
	}
}

// TestShownDraftsHaveABanner checks gen serve's way: the draft is built,
// with a banner on its page and a mark in the lists, and its problems
// are reported like any article's.
func TestShownDraftsHaveABanner(t *testing.T) {
	files := draftFixture()
	files["content/articles/unfinished.md"] = strings.Replace(files["content/articles/unfinished.md"], "[Zed](actor:zed)", "Zed", 1)
	s, err := buildWith(t, files, site.ShowDrafts)
	if err != nil {
		t.Fatal(err)
	}
	page := string(filesData(s, "articles/unfinished/index.html"))
	if !strings.Contains(page, `<p class="draft-banner" role="note"><strong>Draft</strong>`) {
		t.Errorf("the draft's page has no banner:\n%s", page)
	}
	if strings.Contains(string(filesData(s, "articles/first/index.html")), "draft-banner") {
		t.Error("a published article has the draft banner")
	}
	for _, index := range []string{"index.html", "articles/index.html"} {
		if !strings.Contains(string(filesData(s, index)), `An unfinished story</a> <span class="draft-mark">Draft</span>`) {
			t.Errorf("%s does not mark the draft", index)
		}
	}
	if !strings.Contains(string(filesData(s, "timeline/index.html")), "Land votes on the deal") {
		t.Error("the draft's event is not on the timeline gen serve shows")
	}

	_, err = buildWith(t, draftFixture(), site.ShowDrafts)
	var failure *diag.Failure
	if !errors.As(err, &failure) || !strings.Contains(failure.Error(), `unknown actor "zed"`) {
		t.Errorf("a shown draft's problem is not reported: %v", err)
	}
}

// TestAReferenceToADraftsEvent checks what becomes of a published
// article that references an event only a draft declares: an error
// naming the draft when drafts are left out (gen build) or checked (gen
// check), a warning when gen serve shows them, nothing with -drafts.
func TestAReferenceToADraftsEvent(t *testing.T) {
	files := draftFixture()
	files["content/articles/unfinished.md"] = strings.Replace(files["content/articles/unfinished.md"], "[Zed](actor:zed)", "Zed", 1)
	files["content/articles/second.md"] += "\nThe [vote](event:vote) is due.\n"
	const message = `content/articles/second.md:8:5: event "vote" is declared only by the draft content/articles/unfinished.md, which gen build leaves out`
	for _, mode := range []site.Drafts{site.LeaveDraftsOut, site.CheckDrafts} {
		_, err := buildWith(t, files, mode)
		var failure *diag.Failure
		if !errors.As(err, &failure) {
			t.Fatalf("mode %d: built: %v", mode, err)
		}
		if len(failure.Diagnostics) != 1 || !strings.HasPrefix(failure.Diagnostics[0].String(), message) {
			t.Errorf("mode %d: errors:\n%v\nwant one:\n%s", mode, failure, message)
		}
	}
	s, err := buildWith(t, files, site.ShowDrafts)
	if err != nil {
		t.Fatal(err)
	}
	if w := sortedWarnings(s); !strings.Contains(w, strings.Replace(message, "8:5: ", "8:5: warning: ", 1)) {
		t.Errorf("gen serve's build warns:\n%s", w)
	}
	s, err = buildWith(t, files, site.PublishDrafts)
	if err != nil {
		t.Fatal(err)
	}
	if w := sortedWarnings(s); strings.Contains(w, "draft") {
		t.Errorf("with -drafts the reference warns:\n%s", w)
	}
	// Declared by a published article too, the event is no draft's.
	files["content/articles/second.md"] = strings.Replace(files["content/articles/second.md"], "\"published\": \"2025-02\"", "\"published\": \"2025-02\",\n\"events\": [{\"id\": \"vote\", \"date\": \"2025-02-19\", \"title\": \"A vote\"}]", 1)
	if _, err := buildWith(t, files, site.LeaveDraftsOut); err != nil {
		t.Errorf("an event a published article declares too: %v", err)
	}
}

// TestToggledDraftsEqualFullBuilds makes gen serve's edits of a draft
// (shown, as serve shows drafts) and checks each rebuild against a full
// build: toggling draft: is a change of the front matter, which takes
// the full way, and the banner comes and goes.
func TestToggledDraftsEqualFullBuilds(t *testing.T) {
	files := draftFixture()
	files["content/articles/unfinished.md"] = strings.Replace(files["content/articles/unfinished.md"], "[Zed](actor:zed)", "Zed", 1)
	dir := testproject.New(t, files)
	p := project(dir)
	p.Drafts = site.ShowDrafts
	b := site.NewBuilder(p)
	if _, err := b.Build(nil); err != nil {
		t.Fatal(err)
	}
	draft := files["content/articles/unfinished.md"]
	published := strings.Replace(draft, "draft: true\n", "", 1)
	steps := []struct {
		name, file, text string
	}{
		{"publish the draft", "content/articles/unfinished.md", published},
		{"reword it", "content/articles/unfinished.md", strings.Replace(published, "voted", "decided", 1)},
		{"make it a draft again", "content/articles/unfinished.md", strings.Replace(draft, "voted", "decided", 1)},
		{"reword the draft", "content/articles/unfinished.md", draft},
		{"reference the draft's event", "content/articles/second.md", files["content/articles/second.md"] + "\nThe [vote](event:vote) is due.\n"},
		{"drop the reference", "content/articles/second.md", files["content/articles/second.md"]},
	}
	for _, step := range steps {
		testproject.Write(t, dir, step.file, step.text)
		s, err := b.Build([]string{step.file})
		if err != nil {
			t.Fatalf("%s: %v", step.name, err)
		}
		sameAsFullBuildWith(t, p, s)
		banner := strings.Contains(string(filesData(s, "articles/unfinished/index.html")), "draft-banner")
		if want := strings.Contains(step.text, "draft: true") || step.file != "content/articles/unfinished.md" && strings.Contains(draft, "draft: true"); banner != want {
			t.Errorf("%s: banner shown %v, want %v", step.name, banner, want)
		}
	}
}

// sameAsFullBuildWith is sameAsFullBuild for a project of its own options.
func sameAsFullBuildWith(t *testing.T, p site.Project, s *site.Site) {
	t.Helper()
	full, err := site.Build(p)
	if err != nil {
		t.Fatalf("full build: %v", err)
	}
	got := map[string]string{}
	for _, f := range s.Files {
		got[f.Path] = string(f.Data)
	}
	want := map[string]string{}
	for _, f := range full.Files {
		want[f.Path] = string(f.Data)
	}
	for name := range maps.Keys(want) {
		if got[name] != want[name] {
			t.Errorf("%s differs from a full build", name)
		}
	}
	if len(got) != len(want) {
		t.Errorf("incremental build has %d files, a full build %d", len(got), len(want))
	}
	if warnings, want := sortedWarnings(s), sortedWarnings(full); warnings != want {
		t.Errorf("incremental build warns:\n%s\na full build:\n%s", warnings, want)
	}
}
