package site_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/briefing-gen/gen/internal/site"
	"github.com/briefing-gen/gen/internal/testproject"
)

// TestEditsToLongListsEqualFullBuilds edits, in place, articles whose
// actors' lists run to several pages: an edit that adds an item to a list
// shifts all its pages, one that changes only what an item shows changes
// the page it is on, and either way the result is a full build's. The
// pages of lists the edit leaves alone are not rendered again.
func TestEditsToLongListsEqualFullBuilds(t *testing.T) {
	files := fixture()
	article := func(i int, extra string) string {
		return fmt.Sprintf("---\ntitle: Report %d\npublished: \"2024-%02d-%02d\"\n---\n[Ann](actor:ann) met [Land](actor:land) on [the deal](topic:deal), [“as agreed,”](quote:ann) she said.%s\n",
			i, 1+i%12, 1+i%28, extra)
	}
	for i := range 130 {
		files[fmt.Sprintf("content/articles/report-%d.md", i)] = article(i, "")
	}
	dir := testproject.New(t, files)
	b := site.NewBuilder(project(dir))
	if _, err := b.Build(nil); err != nil {
		t.Fatal(err)
	}
	steps := []struct {
		name, file, text string
	}{
		{"a paragraph more that names Ann: her lists of paragraphs shift", "report-60", article(60, "\n\n[Ann](actor:ann) spoke again.")},
		{"the quote on another topic: only the page holding it changes", "report-61", strings.Replace(article(61, ""), "(quote:ann)", "(quote:ann?topic=talks)", 1)},
		{"a mention of the official beside them", "report-62", article(62, " [An official](actor:source) agreed.")},
		{"back as it was", "report-60", article(60, "")},
	}
	for _, step := range steps {
		testproject.Write(t, dir, "content/articles/"+step.file+".md", step.text)
		s, err := b.Build([]string{"content/articles/" + step.file + ".md"})
		if err != nil {
			t.Fatalf("%s: %v", step.name, err)
		}
		sameAsFullBuild(t, dir, s)
		if s.Rendered >= s.Pages/2 {
			t.Errorf("%s: rendered %d of %d pages", step.name, s.Rendered, s.Pages)
		}
		t.Logf("%s: rendered %d of %d pages", step.name, s.Rendered, s.Pages)
	}
}
