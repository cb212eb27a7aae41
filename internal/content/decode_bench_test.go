package content

import "testing"

// BenchmarkDecodeFrontMatter decodes the front matter of every file of
// the -corpus project, one op a whole corpus, as gen build does:
//
//	go run ./bench/corpus -n 10000 -out /tmp/fm-c10k
//	go test ./internal/content -run - -bench DecodeFrontMatter -benchmem -corpus /tmp/fm-c10k
func BenchmarkDecodeFrontMatter(b *testing.B) {
	docs := corpusMatter(b)
	for b.Loop() {
		for _, raw := range docs {
			if _, err := decode(raw.format, raw.data); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(len(docs)), "files")
}
