package site_test

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"

	"briefing"
	"briefing/internal/site"
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

// BenchmarkRebuildOneArticle is gen serve's case: one article saved in a
// large briefing, rebuilt incrementally.
func BenchmarkRebuildOneArticle(b *testing.B) {
	root := corpus(1000)
	builder := site.NewBuilder(site.NewProject(root, briefing.Templates(), briefing.Static()))
	if _, err := builder.Build(nil); err != nil {
		b.Fatal(err)
	}
	name := "content/articles/article-500.md"
	original := string(root[name].Data)
	i := 0
	for b.Loop() {
		i++
		root[name] = &fstest.MapFile{Data: []byte(strings.Replace(original, "at length", fmt.Sprintf("at length (%d)", i), 1))}
		s, err := builder.Build([]string{name})
		if err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(s.Rendered), "pages")
	}
}
