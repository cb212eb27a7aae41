package search

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/briefing-gen/gen/internal/annotate"
	"github.com/briefing-gen/gen/internal/model"
)

// benchBriefing is n articles of 20 paragraphs of 60 words drawn, skewed
// as real text is, from a vocabulary of 20,000 with accents and Cyrillic
// among them.
func benchBriefing(n int) *model.Briefing {
	r := rand.New(rand.NewPCG(1, 2))
	syllables := []string{"ka", "ro", "mi", "ne", "st", "ér", "lo", "va", "ук", "ра", "ї", "на", "de", "tr", "ol", "an"}
	vocab := make([]string, 20000)
	for i := range vocab {
		var w strings.Builder
		for range 2 + i%4 {
			w.WriteString(syllables[r.IntN(len(syllables))])
		}
		vocab[i] = w.String()
	}
	zipf := rand.NewZipf(r, 1.1, 1, uint64(len(vocab)-1))
	sentence := func(k int) string {
		ws := make([]string, k)
		for i := range ws {
			ws[i] = vocab[zipf.Uint64()]
		}
		return strings.Join(ws, " ")
	}
	b := &model.Briefing{}
	for i := range n {
		a := &model.Article{Slug: fmt.Sprintf("a-%d", i), Title: fmt.Sprintf("Article %d: %s", i, sentence(6)), Source: "Wire"}
		for p := 1; p <= 20; p++ {
			a.Paragraphs = append(a.Paragraphs, annotate.Paragraph{N: p, Text: sentence(60)})
		}
		b.Articles = append(b.Articles, a)
	}
	return b
}

// BenchmarkNew writes the index of 10,000 such articles.
func BenchmarkNew(b *testing.B) {
	briefing := benchBriefing(10000)
	b.ResetTimer()
	for b.Loop() {
		x := New(briefing)
		b.ReportMetric(float64(x.Size())/1e6, "MB")
	}
}

// BenchmarkReword rewrites one article of 10,000 after a word of it
// changed, as gen serve does when a typo is fixed.
func BenchmarkReword(b *testing.B) {
	briefing := benchBriefing(10000)
	x := New(briefing)
	a := briefing.Articles[5000]
	text := a.Paragraphs[3].Text
	i := 0
	b.ResetTimer()
	for b.Loop() {
		i++
		a.Paragraphs[3].Text = text + []string{" typo", " type"}[i%2]
		x = x.Reword(a)
	}
}
