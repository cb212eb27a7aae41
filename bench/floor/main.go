// Command floor measures the least any generator must do with a corpus:
// convert each article's Markdown with goldmark alone, on every core, and
// write one index.html per article into a fresh folder. gen's build time
// over this floor says how much the briefing itself costs.
//
//	go run ./bench/floor -root corpus -out /tmp/floor
package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/yuin/goldmark"

	"github.com/briefing-gen/gen/internal/parallel"
)

func main() {
	root := flag.String("root", "corpus", "a gen project (its content/articles are read)")
	out := flag.String("out", "floor-out", "folder to write, emptied first")
	flag.Parse()
	files, err := filepath.Glob(filepath.Join(*root, "content", "articles", "*.md"))
	if err != nil || len(files) == 0 {
		fmt.Fprintln(os.Stderr, "floor: no articles in", *root)
		os.Exit(1)
	}
	// Reading the files is not timed: a generator reads them too, but so
	// does every one, and the disk cache makes it cheap.
	bodies := make([][]byte, len(files))
	for i, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			fmt.Fprintln(os.Stderr, "floor:", err)
			os.Exit(1)
		}
		if rest, ok := bytes.CutPrefix(data, []byte("---\n")); ok {
			if _, body, found := bytes.Cut(rest, []byte("\n---\n")); found {
				data = body
			}
		}
		bodies[i] = data
	}
	if err := os.RemoveAll(*out); err != nil {
		fmt.Fprintln(os.Stderr, "floor:", err)
		os.Exit(1)
	}
	md := goldmark.New()
	start := time.Now()
	errs := make([]error, len(files))
	parallel.For(len(files), func(i int) {
		var buf bytes.Buffer
		if errs[i] = md.Convert(bodies[i], &buf); errs[i] != nil {
			return
		}
		dir := filepath.Join(*out, strings.TrimSuffix(filepath.Base(files[i]), ".md"))
		if errs[i] = os.MkdirAll(dir, 0o755); errs[i] == nil {
			errs[i] = os.WriteFile(filepath.Join(dir, "index.html"), buf.Bytes(), 0o644)
		}
	})
	took := time.Since(start)
	for _, err := range errs {
		if err != nil {
			fmt.Fprintln(os.Stderr, "floor:", err)
			os.Exit(1)
		}
	}
	fmt.Printf("floor: goldmark alone converted and wrote %d articles in %.2f s\n", len(files), took.Seconds())
}
