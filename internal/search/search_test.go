package search

import (
	"encoding/json"
	"fmt"
	"maps"
	"path"
	"strings"
	"testing"

	"github.com/briefing-gen/gen/internal/annotate"
	"github.com/briefing-gen/gen/internal/model"
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

// TestRewordEqualsANewIndex rewrites articles, longer, shorter, gaining
// their first paragraph and losing their last, with terms common enough
// to have continuation blocks and shards small enough to be split, and
// checks every file against an index written from scratch, that only the
// article's chunk, shards, continuations and search-index.js changed, and
// that the index it started from is left as it was.
func TestRewordEqualsANewIndex(t *testing.T) {
	defer func(n int) { ShardBytes = n }(ShardBytes)
	ShardBytes = 300
	b := briefingOf(700)
	b.Articles[300].Paragraphs = nil // a heading only
	x := New(b)
	files := filesOf(x)
	if files["search/c/"+hexOf("paragraph")+"-1.js"] == "" {
		t.Fatal("no continuation block for a term in every paragraph")
	}
	split := 0
	for name := range files {
		if strings.HasPrefix(name, "search/s/") && len(name) > len("search/s/1234.js") {
			split++
		}
	}
	if split == 0 {
		t.Fatal("no shard was split")
	}
	first, before := x, files
	edits := []struct {
		article int
		text    []string // its paragraphs' text after the edit
	}{
		{0, []string{"One", "Reworded, </script> & longer, Français."}},
		{1, []string{"Shorter"}},
		{299, []string{"Last of its part", "and longer with zzyzx"}},
		{300, []string{"A first paragraph"}},
		{301, nil},
		{300, nil},
		{299, []string{"no more zzyzx"}},
		{699, []string{"The very last"}},
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
		got := filesOf(x)
		if len(got) != len(want) {
			t.Errorf("after article %d: %d files, a new index has %d", edit.article, len(got), len(want))
		}
		for name, data := range want {
			if got[name] != data {
				t.Errorf("after article %d: %s differs from a new index", edit.article, name)
			}
		}
		changed := 0
		for name, data := range got {
			if data != previous[name] {
				changed++
			}
		}
		if changed > len(got)/10 {
			t.Errorf("after article %d: %d of %d files changed", edit.article, changed, len(got))
		}
		for name, data := range got {
			if data != previous[name] && name != ArticlePath(edit.article/ArticlesPerChunk) && name != Path &&
				!strings.HasPrefix(name, "search/s/") && !strings.HasPrefix(name, "search/c/") {
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

// TestLongWordsAreNotIndexed checks that a word too long to name a file
// after is left out, however common it is.
func TestLongWordsAreNotIndexed(t *testing.T) {
	defer func(n int) { FirstPostings = n }(FirstPostings)
	FirstPostings = 1
	b := briefingOf(3)
	long := strings.Repeat("й", 200)
	for _, a := range b.Articles {
		a.Paragraphs[0].Text += " " + long
	}
	for name, data := range filesOf(New(b)) {
		if len(path.Base(name)) > 200 {
			t.Errorf("%s: a name too long for some file systems", name)
		}
		if strings.Contains(data, long) && !strings.HasPrefix(name, "search/a/") {
			t.Errorf("%s holds the long word", name)
		}
	}
}
