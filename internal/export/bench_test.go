package export_test

import (
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/briefing-gen/gen"
	"github.com/briefing-gen/gen/internal/export"
	"github.com/briefing-gen/gen/internal/model"
	"github.com/briefing-gen/gen/internal/site"
)

var corpusDir = flag.String("corpus", "", "a gen project (such as bench/corpus writes) for BenchmarkNewData; without it, one of 1,000 articles is written")

// BenchmarkNewData writes the whole export, briefing.json and the parts
// of the paragraphs, of a briefing read and linked once:
//
//	go test ./internal/export -run '^$' -bench NewData -benchmem -args -corpus /tmp/briefing-bench/gen-corpus-10000
func BenchmarkNewData(b *testing.B) {
	br := corpusBriefing(b)
	b.ResetTimer()
	for b.Loop() {
		size := 0
		for _, f := range export.NewData(br).Files() {
			size += len(f.Data)
		}
		b.ReportMetric(float64(size)/1e6, "MB")
	}
}

// corpusBriefing is the linked briefing of -corpus, or of a corpus of
// 1,000 articles that bench/corpus writes.
func corpusBriefing(b *testing.B) *model.Briefing {
	dir := *corpusDir
	if dir == "" {
		dir = filepath.Join(b.TempDir(), "corpus")
		if out, err := exec.Command("go", "run", "github.com/briefing-gen/gen/bench/corpus", "-n", "1000", "-out", dir).CombinedOutput(); err != nil {
			b.Fatalf("bench/corpus: %v\n%s", err, out)
		}
	}
	s, err := site.Build(site.NewProject(os.DirFS(dir), briefing.Templates(), briefing.Static()))
	if err != nil {
		b.Fatal(err)
	}
	return s.Briefing
}
