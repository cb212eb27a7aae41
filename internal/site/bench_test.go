package site_test

import (
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"github.com/briefing-gen/gen"
	"github.com/briefing-gen/gen/internal/output"
	"github.com/briefing-gen/gen/internal/site"
)

// corpus is a synthetic briefing of n articles shaped like the shipped
// one: a dozen paragraphs with mentions, quotes and event references.
func corpus(n int) fstest.MapFS { return corpusOf(n, 5) }

// corpusOf is corpus with a number of topics.
func corpusOf(n, topics int) fstest.MapFS {
	root := fstest.MapFS{}
	add := func(name, text string) { root[name] = &fstest.MapFile{Data: []byte(text)} }
	const actors = 50
	for i := range actors {
		add(fmt.Sprintf("content/actors/actor-%d.md", i), fmt.Sprintf("---\nname: Actor %d\nkind: person\nrole: Minister\n---\nA profile.\n", i))
	}
	for i := range topics {
		add(fmt.Sprintf("content/topics/topic-%d.md", i), fmt.Sprintf("---\ntitle: Topic %d\n---\nAn overview.\n", i))
	}
	for a := range n {
		var b strings.Builder
		fmt.Fprintf(&b, "---\ntitle: Article %d\npublished: \"2025-%02d-%02d\"\nevents:\n", a, 1+a%12, 1+a%28)
		for e := range 3 {
			fmt.Fprintf(&b, "  - {id: e-%d-%d, date: \"2025-%02d\", title: Event %d, actors: [actor-%d], topics: [topic-%d]}\n", a, e, 1+(a+e)%12, e, (a+e)%actors, e%topics)
		}
		b.WriteString("---\n")
		for p := range 12 {
			fmt.Fprintf(&b, "[Actor %d](actor:actor-%d) met [Actor %d](actor:actor-%d) to discuss [the topic](topic:topic-%d) at length, "+
				"and the talks went on for some time without any clear result. ", p, (a+p)%actors, p+1, (a+p+1)%actors, (a+p)%topics)
			if p%2 == 0 {
				fmt.Fprintf(&b, "[“We will see what happens next, as always,”](quote:actor-%d) one said. ", (a+p)%actors)
			}
			if p < 3 {
				fmt.Fprintf(&b, "It happened [then](event:e-%d-%d).", a, p)
			}
			b.WriteString("\n\n")
		}
		add(fmt.Sprintf("content/articles/article-%d.md", a), b.String())
	}
	return root
}

func BenchmarkBuild(b *testing.B) {
	for _, n := range []int{100, 1000} {
		root := corpus(n)
		b.Run(fmt.Sprintf("articles=%d", n), func(b *testing.B) {
			for b.Loop() {
				s, err := site.Build(site.NewProject(root, briefing.Templates(), briefing.Static()))
				if err != nil {
					b.Fatal(err)
				}
				b.ReportMetric(float64(s.Pages), "pages")
			}
		})
	}
}

func BenchmarkWrite(b *testing.B) {
	s, err := site.Build(site.NewProject(corpus(1000), briefing.Templates(), briefing.Static()))
	if err != nil {
		b.Fatal(err)
	}
	dir := b.TempDir()
	if _, err := s.Write(dir); err != nil {
		b.Fatal(err)
	}
	b.Run("unchanged", func(b *testing.B) {
		for b.Loop() {
			if _, err := s.Write(dir); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// benchCorpus, when set, is a project folder the rebuild benchmark edits
// (in memory) instead of the 1,000-article synthetic corpus; make bench
// passes the 10,000-article corpus of bench/corpus:
//
//	go test -run '^$' -bench RebuildOneArticle ./internal/site -args -corpus /tmp/briefing-bench/corpus-10000
var benchCorpus = flag.String("corpus", "", "a project folder for BenchmarkRebuildOneArticle")

// BenchmarkRebuildOneArticle is gen serve's case: one article saved in a
// large briefing, rebuilt incrementally, after three kinds of edit: a word
// changed in its text; a mention added to a paragraph that already names
// the actor ("mention"); and a paragraph naming an actor added and taken
// out in turn, which moves every later item of the actor's lists to
// another page and changes briefing.json and the search index's terms
// ("passage").
func BenchmarkRebuildOneArticle(b *testing.B) {
	root := corpus(1000)
	if *benchCorpus != "" {
		root = readCorpus(b, *benchCorpus)
	}
	names, _ := fs.Glob(root, "content/articles/*.md")
	if len(names) == 0 {
		b.Fatal("no articles in the corpus")
	}
	slices.Sort(names)
	name := names[len(names)/2]
	original := string(root[name].Data)
	end := strings.Index(original[3:], "\n---\n") + 3 // where the body starts, after the front matter
	body := strings.Index(original[end:], " the ") + end
	if end < 3 || body < end {
		b.Fatalf("%s has no front matter or no \" the \" in its text", name)
	}
	mention := regexp.MustCompile(`\[[^\]]*\]\(actor:[a-z0-9-]+\)`).FindString(original[end:])
	edits := map[string]func(i int) string{
		"reword": func(i int) string {
			return original[:body] + fmt.Sprintf(" the (%d) ", i) + original[body+len(" the "):]
		},
		"mention": func(i int) string {
			return original + fmt.Sprintf("\n%s spoke again (%d).\n", strings.Repeat(mention+" ", 1+i%2), i)
		},
		"passage": func(i int) string {
			if i%2 == 0 {
				return original
			}
			return original + fmt.Sprintf("\n%s spoke again.\n", mention)
		},
	}
	builder := site.NewBuilder(site.NewProject(root, briefing.Templates(), briefing.Static()))
	if _, err := builder.Build(nil); err != nil {
		b.Fatal(err)
	}
	for _, kind := range []string{"reword", "mention", "passage"} {
		b.Run(kind, func(b *testing.B) {
			i := 0
			var took []time.Duration // each rebuild's, for the median, which a slow garbage collection moves less than the mean
			for b.Loop() {
				i++
				root[name] = &fstest.MapFile{Data: []byte(edits[kind](i))}
				start := time.Now()
				s, err := builder.Build([]string{name})
				took = append(took, time.Since(start))
				if err != nil {
					b.Fatal(err)
				}
				b.ReportMetric(float64(s.Rendered), "pages")
			}
			slices.Sort(took)
			b.ReportMetric(float64(took[len(took)/2].Microseconds())/1000, "median-ms")
		})
	}
}

// readCorpus reads a project folder into memory, where edits cost nothing.
func readCorpus(b *testing.B, dir string) fstest.MapFS {
	root := fstest.MapFS{}
	err := fs.WalkDir(os.DirFS(dir), ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(filepath.Join(dir, name))
		root[name] = &fstest.MapFile{Data: data}
		return err
	})
	if err != nil {
		b.Fatal(err)
	}
	return root
}

// BenchmarkStream is gen build's work without the disk: the whole site
// built once and handed to a sink that drops it, on the 1,000-article
// synthetic corpus or the -corpus folder. Profile it with -cpuprofile
// and -memprofile:
//
//	go test -run '^$' -bench Stream -benchtime 1x ./internal/site -args -corpus /tmp/c10k
func BenchmarkStream(b *testing.B) {
	root := corpus(1000)
	if *benchCorpus != "" {
		root = readCorpus(b, *benchCorpus)
	}
	for b.Loop() {
		var files, bytes int
		var mu sync.Mutex
		s, err := site.NewBuilder(site.NewProject(root, briefing.Templates(), briefing.Static())).Stream(func(f output.File) {
			mu.Lock()
			files, bytes = files+1, bytes+len(f.Data)
			mu.Unlock()
		})
		if err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(s.Pages), "pages")
		b.ReportMetric(float64(files), "files")
		b.ReportMetric(float64(bytes)/1e6, "MB")
	}
}
