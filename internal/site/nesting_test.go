package site_test

import (
	"strings"
	"testing"

	"github.com/briefing-gen/gen"
	"github.com/briefing-gen/gen/internal/site"
)

// A list nested past the limit is one error at the item that goes past
// it, found before goldmark would spend seconds on it.
func TestNestingPastTheLimitIsAPositionedError(t *testing.T) {
	root := oneArticle(func(w *strings.Builder) { w.WriteString("Intro.\n\n" + nestedList(2000)) })
	_, err := site.Build(site.NewProject(root, briefing.Templates(), briefing.Static()))
	if err == nil {
		t.Fatal("a list nested 2,000 deep built")
	}
	// The front matter takes 4 lines and the intro 2; level 101 is
	// indented 200 spaces.
	want := "content/articles/a.md:107:201: lists and block quotes nested 2000 deep; gen allows at most 100\n\thint: flatten"
	if !strings.HasPrefix(err.Error(), want) || strings.Count(err.Error(), "\n") != 2 {
		t.Errorf("got\n%s\nwant one error starting\n%s", err, want)
	}
}
