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
	goccy "github.com/goccy/go-yaml"
	goccyparser "github.com/goccy/go-yaml/parser"
	yamlin "go.yaml.in/yaml/v3"
	yamlold "gopkg.in/yaml.v3"
)

var corpusDir = flag.String("corpus", "", "a gen project (such as bench/corpus writes) whose front matter the benchmarks decode")

// corpusYAML is the YAML front matter of every .md file under -corpus.
func corpusYAML(b *testing.B) [][]byte {
	var out [][]byte
	for _, raw := range corpusMatter(b) {
		if raw.format == "YAML" {
			out = append(out, raw.data)
		}
	}
	return out
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

// BenchmarkYAMLModules compares, per front matter, the old decoder
// (gopkg.in/yaml.v3 to a map) with the two maintained modules, to a node
// tree with positions and to a node tree then a map:
//
//	go run ./bench/corpus -n 10000 -out /tmp/fm-c10k
//	go test ./internal/content -run - -bench YAMLModules -benchmem -corpus /tmp/fm-c10k
func BenchmarkYAMLModules(b *testing.B) {
	docs := corpusYAML(b)
	run := func(name string, decode func([]byte) error) {
		b.Run(name, func(b *testing.B) {
			if len(docs) == 0 {
				b.Skip("no YAML front matter")
			}
			i := 0
			for b.Loop() {
				if err := decode(docs[i%len(docs)]); err != nil {
					b.Fatal(err)
				}
				i++
			}
		})
	}
	run("gopkg.in-yaml.v3/map", func(data []byte) error {
		m := map[string]any{}
		return yamlold.Unmarshal(data, &m)
	})
	run("go.yaml.in-yaml-v3/nodes", func(data []byte) error {
		var n yamlin.Node
		return yamlin.Unmarshal(data, &n)
	})
	run("go.yaml.in-yaml-v3/nodes+map", func(data []byte) error {
		var n yamlin.Node
		if err := yamlin.Unmarshal(data, &n); err != nil {
			return err
		}
		m := map[string]any{}
		return n.Decode(&m)
	})
	run("goccy-go-yaml/nodes", func(data []byte) error {
		_, err := goccyparser.ParseBytes(data, 0)
		return err
	})
	run("goccy-go-yaml/nodes+map", func(data []byte) error {
		f, err := goccyparser.ParseBytes(data, 0)
		if err != nil {
			return err
		}
		m := map[string]any{}
		return goccy.NodeToValue(f.Docs[0].Body, &m)
	})
}
