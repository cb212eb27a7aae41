package render

import (
	"strconv"
	"strings"
	"testing"

	"github.com/briefing-gen/gen/internal/model"
)

func TestExcerptCutsAtWordsAndHighlights(t *testing.T) {
	long := strings.Repeat("alpha beta gamma ", 30) + "the <Minister> spoke " + strings.Repeat("delta epsilon ", 30)
	at := strings.Index(long, "<Minister>")
	got := string(excerpt(&model.Passage{Text: long, Marks: []model.Span{{Start: at, End: at + len("<Minister>")}}}))
	if !strings.Contains(got, "the <mark>&lt;Minister&gt;</mark> spoke") {
		t.Errorf("mark missing or unescaped: %s", got)
	}
	if !strings.HasPrefix(got, "…alpha") && !strings.HasPrefix(got, "…beta") && !strings.HasPrefix(got, "…gamma") {
		t.Errorf("excerpt should start at a word: %.40s", got)
	}
	if !strings.HasSuffix(got, "delta…") && !strings.HasSuffix(got, "epsilon…") {
		t.Errorf("excerpt should end at a word: …%s", got[len(got)-40:])
	}
}

func TestExcerptMarksTheAnnotatedOccurrence(t *testing.T) {
	text := "Brian Hughes said it; later Hughes said it again & again."
	second := strings.LastIndex(text, "Hughes")
	got := string(excerpt(&model.Passage{Text: text, Marks: []model.Span{{Start: 0, End: 12}, {Start: second, End: second + 6}, {Start: 6, End: 12}}}))
	want := "<mark>Brian Hughes</mark> said it; later <mark>Hughes</mark> said it again &amp; again."
	if got != want {
		t.Errorf("got  %s\nwant %s", got, want)
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

// TestLatestKeepsEachArticlesOrder: the latest quotes show the newest
// article first, each article's in the order they are read.
func TestLatestKeepsEachArticlesOrder(t *testing.T) {
	old, mid, new := &model.Article{Slug: "old"}, &model.Article{Slug: "mid"}, &model.Article{Slug: "new"}
	var quotes []*model.Quote // in reading order
	for _, q := range []struct {
		a    *model.Article
		para int
	}{{old, 1}, {old, 2}, {mid, 1}, {mid, 3}, {new, 1}, {new, 1}, {new, 2}} {
		quotes = append(quotes, &model.Quote{Article: q.a, Para: q.para, Text: q.a.Slug + "¶" + strconv.Itoa(q.para)})
	}
	var got []string
	for _, q := range latest(5, quotes).([]*model.Quote) {
		got = append(got, q.Text)
	}
	if want := "new¶1 new¶1 new¶2 mid¶1 mid¶3"; strings.Join(got, " ") != want {
		t.Errorf("latest 5 = %q, want %q", strings.Join(got, " "), want)
	}
}
