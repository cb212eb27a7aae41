package site_test

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/briefing-gen/gen"
	"github.com/briefing-gen/gen/internal/markdown"
	"github.com/briefing-gen/gen/internal/site"
)

// oneArticle is a project of 20 actors ("Person Number0" to 19), a topic,
// and one article with the body written by body.
func oneArticle(body func(b *strings.Builder)) fstest.MapFS {
	root := fstest.MapFS{}
	add := func(name, text string) { root[name] = &fstest.MapFile{Data: []byte(text)} }
	for i := range 20 {
		add(fmt.Sprintf("content/actors/actor-%d.md", i), fmt.Sprintf("---\nname: Person Number%d\nkind: person\n---\nA profile.\n", i))
	}
	add("content/topics/topic-0.md", "---\ntitle: Topic 0\n---\nAn overview.\n")
	var b strings.Builder
	b.WriteString("---\ntitle: A\npublished: \"2025-01-02\"\n---\n")
	body(&b)
	add("content/articles/a.md", b.String())
	return root
}

// buildAll builds root b.N times, failing on a content error.
func buildAll(b *testing.B, root fstest.MapFS) {
	b.Helper()
	for b.Loop() {
		if _, err := site.Build(site.NewProject(root, briefing.Templates(), briefing.Static())); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkAnnotationsInOneParagraph builds an article whose one paragraph
// holds n annotations of one actor or of 20 in turn. Time per op should
// double with n, not quadruple.
func BenchmarkAnnotationsInOneParagraph(b *testing.B) {
	for _, actors := range []int{1, 20} {
		for _, n := range []int{10_000, 20_000, 40_000} {
			root := oneArticle(func(w *strings.Builder) {
				for i := range n {
					fmt.Fprintf(w, "[Person Number%d](actor:actor-%d) and ", i%actors, i%actors)
				}
				w.WriteString("the end.\n")
			})
			b.Run(fmt.Sprintf("actors=%d/annotations=%d", actors, n), func(b *testing.B) { buildAll(b, root) })
		}
	}
}

// BenchmarkLargeArticle builds one article of n MB, annotated (ten
// mentions a paragraph) or plain; the two should differ by a constant.
func BenchmarkLargeArticle(b *testing.B) {
	for _, mb := range []int{1, 2, 4} {
		for _, annotated := range []bool{false, true} {
			root := oneArticle(func(w *strings.Builder) {
				for w.Len() < mb<<20 {
					for i := range 10 {
						if annotated {
							fmt.Fprintf(w, "[Person Number%d](actor:actor-%d) met [the topic](topic:topic-0) and said things. ", i, i)
						} else {
							w.WriteString("Someone met someone else about the matter and said things at length. ")
						}
					}
					w.WriteString("\n\n")
				}
			})
			b.Run(fmt.Sprintf("MB=%d/annotated=%t", mb, annotated), func(b *testing.B) { buildAll(b, root) })
		}
	}
}

// BenchmarkMissedNames builds an article of n MB where every paragraph
// names actors without annotating them, so each paragraph warns.
func BenchmarkMissedNames(b *testing.B) {
	for _, mb := range []int{1, 2, 4} {
		root := oneArticle(func(w *strings.Builder) {
			for w.Len() < mb<<20 {
				for i := range 10 {
					fmt.Fprintf(w, "[Person Number%d](actor:actor-%d) met Person Number%d and Number%d to talk. ", i, i, i+1, i+2)
				}
				w.WriteString("\n\n")
			}
		})
		b.Run(fmt.Sprintf("MB=%d", mb), func(b *testing.B) { buildAll(b, root) })
	}
}

// BenchmarkNestedList builds an article of one list nested n deep: up to
// markdown.MaxNesting it is built, past it refused (at depth=2000, where
// goldmark alone took 15 s or more).
func BenchmarkNestedList(b *testing.B) {
	for _, n := range []int{25, 50, 100, 2000} {
		root := oneArticle(func(w *strings.Builder) { w.WriteString(nestedList(n)) })
		b.Run(fmt.Sprintf("depth=%d", n), func(b *testing.B) {
			for b.Loop() {
				_, err := site.Build(site.NewProject(root, briefing.Templates(), briefing.Static()))
				if (err != nil) != (n > markdown.MaxNesting) {
					b.Fatal(err)
				}
			}
		})
	}
}

// nestedList is a list nested n deep, an item a line.
func nestedList(n int) string {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, "%s- item %d\n", strings.Repeat("  ", i), i)
	}
	return b.String()
}
