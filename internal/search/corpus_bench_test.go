package search_test

import (
	"flag"
	"os"
	"testing"

	"github.com/briefing-gen/gen"
	"github.com/briefing-gen/gen/internal/search"
	"github.com/briefing-gen/gen/internal/site"
)

var corpusDir = flag.String("corpus", "", "a gen project (such as bench/corpus writes) for BenchmarkNewOnCorpus")

// BenchmarkNewOnCorpus writes the search index of the project given by
// -corpus, read and linked once:
//
//	go run ./bench/corpus -n 10000 -out /tmp/c10k-search
//	go test ./internal/search -run - -bench NewOnCorpus -corpus /tmp/c10k-search
func BenchmarkNewOnCorpus(b *testing.B) {
	if *corpusDir == "" {
		b.Skip("needs -corpus DIR")
	}
	s, err := site.Build(site.NewProject(os.DirFS(*corpusDir), briefing.Templates(), briefing.Static()))
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for b.Loop() {
		x := search.New(s.Briefing)
		b.ReportMetric(float64(x.Size())/1e6, "MB")
	}
}
