package search

import (
	"encoding/json"
	"fmt"
	"maps"
	"strings"
	"testing"

	"briefing/internal/annotate"
	"briefing/internal/model"
)

// TestStringsAreJSONAndSafeInAScript checks the hand-written encoder
// against encoding/json: the same text comes back, and nothing in it can
// close the script element or break a JavaScript string.
func TestStringsAreJSONAndSafeInAScript(t *testing.T) {
	for _, s := range []string{
		"", "plain", `quote " and \ backslash`, "</script><script>alert(1)</script>", "a & b",
		"tab\tnew\nline\rreturn\b\f\x00\x1f", "line\u2028separator\u2029", "Zelensky’s “deal” – ok", "bad \xff byte", "emoji 🇺🇦",
	} {
		got := string(appendString(nil, s))
		var back string
		if err := json.Unmarshal([]byte(got), &back); err != nil {
			t.Errorf("%q encodes as %s, which is not JSON: %v", s, got, err)
			continue
		}
		if want := viaJSON(s); back != want {
			t.Errorf("%q comes back as %q", s, back)
		}
		if strings.ContainsAny(got, "<>&\u2028\u2029\n") {
			t.Errorf("%q encodes as %s, unsafe inside a script", s, got)
		}
	}
}

func FuzzAppendString(f *testing.F) {
	f.Add("</script>\u2028\xff")
	f.Fuzz(func(t *testing.T, s string) {
		var back string
		if err := json.Unmarshal(appendString(nil, s), &back); err != nil || back != viaJSON(s) {
			t.Fatalf("%q: got %q, %v", s, back, err)
		}
	})
}

// viaJSON is s as encoding/json carries it: each invalid byte becomes U+FFFD.
func viaJSON(s string) string {
	data, _ := json.Marshal(s)
	var back string
	json.Unmarshal(data, &back)
	return back
}

// briefingOf is a briefing of n articles of three paragraphs each.
func briefingOf(n int) *model.Briefing {
	b := &model.Briefing{}
	for i := range n {
		a := &model.Article{Slug: fmt.Sprintf("a-%d", i), Title: fmt.Sprintf("Article %d", i)}
		for p := 1; p <= 3; p++ {
			a.Paragraphs = append(a.Paragraphs, annotate.Paragraph{N: p, Text: fmt.Sprintf("Paragraph %d of article %d.", p, i)})
		}
		b.Articles = append(b.Articles, a)
	}
	return b
}

// TestRewordEqualsANewIndex rewrites articles at the start, middle and
// end of parts, longer, shorter, gaining their first paragraph and losing
// their last, and checks every file against an index written from
// scratch, and that the index it started from is left as it was.
func TestRewordEqualsANewIndex(t *testing.T) {
	b := briefingOf(2*ArticlesPerPart + 10)
	b.Articles[ArticlesPerPart].Paragraphs = nil // a heading only, first in its part
	x := New(b)
	if got := len(x.Files()); got != 4 {
		t.Fatalf("%d files, want the head and 3 parts", got)
	}
	first, before := x, filesOf(x)
	edits := []struct {
		article int
		text    []string // its paragraphs' text after the edit
	}{
		{0, []string{"One", "Reworded, </script> & longer."}},
		{1, []string{"Shorter"}},
		{ArticlesPerPart - 1, []string{"Last of its part", "and longer"}},
		{ArticlesPerPart, []string{"A first paragraph"}},
		{ArticlesPerPart + 1, nil},
		{ArticlesPerPart, nil},
		{2*ArticlesPerPart + 9, []string{"The very last"}},
	}
	for _, edit := range edits {
		a := b.Articles[edit.article]
		a.Paragraphs = nil
		for n, text := range edit.text {
			a.Paragraphs = append(a.Paragraphs, annotate.Paragraph{N: n + 1, Text: text})
		}
		previous := filesOf(x)
		x = x.Reword(a)
		want := filesOf(New(b))
		for name, data := range filesOf(x) {
			if data != want[name] {
				t.Errorf("after article %d: %s differs from a new index", edit.article, name)
			}
			if name != PartPath(edit.article/ArticlesPerPart+1) && data != previous[name] {
				t.Errorf("after article %d: %s changed", edit.article, name)
			}
		}
	}
	if !maps.Equal(filesOf(first), before) {
		t.Error("Reword changed the index it started from")
	}
}

func filesOf(x *Index) map[string]string {
	out := map[string]string{}
	for _, f := range x.Files() {
		out[f.Path] = string(f.Data)
	}
	return out
}
