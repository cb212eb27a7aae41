package render

import (
	"strings"
	"testing"

	"briefing/internal/model"
)

func TestExcerptCutsAtWordsAndHighlights(t *testing.T) {
	long := strings.Repeat("alpha beta gamma ", 30) + "the <Minister> spoke " + strings.Repeat("delta epsilon ", 30)
	got := string(excerpt(&model.Passage{Text: long, Marks: []string{"<Minister>"}}))
	if !strings.Contains(got, "<mark>&lt;Minister&gt;</mark>") {
		t.Errorf("mark missing or unescaped: %s", got)
	}
	if !strings.HasPrefix(got, "…alpha") && !strings.HasPrefix(got, "…beta") && !strings.HasPrefix(got, "…gamma") {
		t.Errorf("excerpt should start at a word: %.40s", got)
	}
	if !strings.HasSuffix(got, "delta…") && !strings.HasSuffix(got, "epsilon…") {
		t.Errorf("excerpt should end at a word: …%s", got[len(got)-40:])
	}
	short := string(excerpt(&model.Passage{Text: "Short & sweet.", Marks: []string{"sweet"}}))
	if short != "Short &amp; <mark>sweet</mark>." {
		t.Errorf("short excerpt = %q", short)
	}
}

func TestRelativeLinks(t *testing.T) {
	cases := []struct{ page, target, want string }{
		{"index.html", "actors/x/index.html", "actors/x/index.html"},
		{"actors/x/index.html", "articles/a/index.html#p3", "../../articles/a/index.html#p3"},
		{"articles/a/index.html", "articles/a/index.html#p3", "#p3"},
		{"timeline/index.html", "style.css", "../style.css"},
	}
	for _, c := range cases {
		if got := (&Page{Path: c.page}).Rel(c.target); got != c.want {
			t.Errorf("from %s to %s: %q, want %q", c.page, c.target, got, c.want)
		}
	}
}
