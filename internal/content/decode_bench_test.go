package content

import (
	"bytes"
	"flag"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/adrg/frontmatter"
)

var corpusDir = flag.String("corpus", "", "a gen project (such as bench/corpus writes) whose front matter the benchmarks decode")

// BenchmarkDecodeFrontMatter decodes, with their places, the front matter
// of every file of the -corpus project, one op a whole corpus, as gen
// build does:
//
//	go run ./bench/corpus -n 10000 -out /tmp/fm-c10k
//	go test ./internal/content -run - -bench DecodeFrontMatter -benchmem -corpus /tmp/fm-c10k
func BenchmarkDecodeFrontMatter(b *testing.B) {
	docs := corpusMatter(b)
	for b.Loop() {
		for _, raw := range docs {
			if _, _, err := decode(raw.format, raw.data, 0); err != nil {
				b.Fatalf("%s front matter: %s", raw.format, err.msg)
			}
		}
	}
	b.ReportMetric(float64(len(docs)), "files")
}

// corpusMatter is the front matter of every .md file under -corpus.
func corpusMatter(b *testing.B) []rawMatter {
	if *corpusDir == "" {
		b.Skip("needs -corpus DIR")
	}
	var out []rawMatter
	err := filepath.WalkDir(*corpusDir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".md") {
			return err
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		var raw rawMatter
		if _, err := frontmatter.Parse(bytes.NewReader(src), &raw, raw.formats()...); err != nil {
			return err
		}
		if raw.format != "" {
			out = append(out, raw)
		}
		return nil
	})
	if err != nil || len(out) == 0 {
		b.Fatalf("no front matter in %s: %v", *corpusDir, err)
	}
	return out
}
