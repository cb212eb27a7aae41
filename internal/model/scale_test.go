package model_test

import (
	"fmt"
	"runtime"
	"strings"
	"testing"

	"github.com/briefing-gen/gen/internal/content"
	"github.com/briefing-gen/gen/internal/diag"
	"github.com/briefing-gen/gen/internal/markdown"
	"github.com/briefing-gen/gen/internal/model"
)

// linkBytes is how many bytes linking a briefing of one article, whose
// body body(n) writes, allocates: a count that does not depend on the
// machine's speed, so a test can check that linking grows linearly
// without timing it.
func linkBytes(t *testing.T, n int, body func(b *strings.Builder, n int)) uint64 {
	t.Helper()
	list := &diag.List{}
	var actors []*model.Actor
	for i := range 20 {
		src := fmt.Sprintf("---\nname: Person Number%d\nkind: person\n---\n", i)
		actors = append(actors, model.DecodeActor(content.Parse("a.md", []byte(src), list), fmt.Sprintf("actor-%d", i), list))
	}
	var b strings.Builder
	b.WriteString("---\ntitle: A\npublished: \"2025-01-02\"\n---\n")
	body(&b, n)
	doc := content.Parse("article.md", []byte(b.String()), list)
	article := model.DecodeArticle(doc, "article", list)
	html, res, err := markdown.New(markdown.Options{NumberParagraphs: true}).Convert(doc.Body)
	if err != nil {
		t.Fatal(err)
	}
	article.SetBody(html, res)
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	model.Link(model.Site{}, actors, nil, []*model.Article{article}, list)
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// checkLinear fails when doubling n more than triples the bytes linking
// allocates (linear growth doubles them; quadratic quadruples them).
func checkLinear(t *testing.T, n int, body func(b *strings.Builder, n int)) {
	t.Helper()
	small, large := linkBytes(t, n, body), linkBytes(t, 2*n, body)
	t.Logf("n=%d: %d bytes, n=%d: %d bytes", n, small, 2*n, large)
	if float64(large) > 3*float64(small) {
		t.Errorf("linking allocates %d bytes at n=%d and %d at n=%d: more than linear", small, n, large, 2*n)
	}
}

func TestMissedNamesCostLinearly(t *testing.T) {
	checkLinear(t, 2000, func(b *strings.Builder, n int) {
		for i := range n { // a warning in every paragraph
			fmt.Fprintf(b, "[Person Number%d](actor:actor-%d) met Person Number%d.\n\n", i%20, i%20, (i+1)%20)
		}
	})
}

func TestAnnotationsInOneParagraphCostLinearly(t *testing.T) {
	checkLinear(t, 5000, func(b *strings.Builder, n int) {
		for i := range n {
			fmt.Fprintf(b, "[Person Number%d](actor:actor-%d) and ", i%20, i%20)
		}
		b.WriteString("the end.\n")
	})
}
