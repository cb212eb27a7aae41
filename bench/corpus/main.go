// Command corpus writes a deterministic synthetic briefing for benchmarks:
// N articles shaped like the shipped one (about 20 paragraphs and 5.5 KB
// of text, 25 mentions, 6 quotes and 3 events each, dated over two years),
// 500 actors and 50 topics. The same corpus can be written as a Hugo site,
// with actors and topics as taxonomies, for a side-by-side timing.
//
//	go run ./bench/corpus -n 10000 -out /tmp/corpus            # a gen project
//	go run ./bench/corpus -n 10000 -out /tmp/hugo -format hugo # a Hugo site
package main

import (
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"time"
)

const (
	actors     = 500
	topics     = 50
	paragraphs = 20
	mentions   = 25
	quotes     = 6
	events     = 3
)

func main() {
	n := flag.Int("n", 10000, "number of articles")
	out := flag.String("out", "corpus", "folder to write")
	format := flag.String("format", "gen", "gen or hugo")
	flag.Parse()
	if *format != "gen" && *format != "hugo" {
		fmt.Fprintln(os.Stderr, "corpus: -format is gen or hugo")
		os.Exit(2)
	}
	w := writer{root: *out, hugo: *format == "hugo"}
	w.write(*n)
	if w.err != nil {
		fmt.Fprintln(os.Stderr, "corpus:", w.err)
		os.Exit(1)
	}
}

type writer struct {
	root string
	hugo bool
	err  error
}

func (w *writer) file(name, text string) {
	if w.err != nil {
		return
	}
	p := filepath.Join(w.root, filepath.FromSlash(name))
	if w.err = os.MkdirAll(filepath.Dir(p), 0o755); w.err == nil {
		w.err = os.WriteFile(p, []byte(text), 0o644)
	}
}

var words = strings.Fields(`the minister said talks would continue while officials weighed
the terms of a proposal on critical minerals security guarantees and the format of negotiations
with partners in the region amid concerns about investment reconstruction sanctions energy
supplies and the future of the ceasefire as delegations met behind closed doors to discuss
a framework that could reshape relations for years to come`)

var kinds = []string{"person", "person", "person", "government", "organisation", "group", "anonymous"}

func (w *writer) write(n int) {
	r := rand.New(rand.NewPCG(1, 2)) // the same corpus on every run
	sentence := func(min, max int) string {
		k := min + r.IntN(max-min+1)
		ws := make([]string, k)
		for i := range ws {
			ws[i] = words[r.IntN(len(words))]
		}
		s := strings.Join(ws, " ")
		return strings.ToUpper(s[:1]) + s[1:]
	}
	actorName := func(i int) string { return fmt.Sprintf("Actor %d", i) }
	topicName := func(i int) string { return fmt.Sprintf("Topic %d", i) }

	if w.hugo {
		w.hugoSite()
	} else {
		w.file("site.toml", "title = \"Benchmark briefing\"\nbase_url = \"https://example.org/briefing/\"\n")
	}
	for i := range actors {
		front := fmt.Sprintf("---\nname: %s\nkind: %s\nrole: Role %d\n---\n%s.\n", actorName(i), kinds[i%len(kinds)], i, sentence(12, 20))
		if w.hugo {
			front = fmt.Sprintf("---\ntitle: %s\n---\n%s.\n", actorName(i), sentence(12, 20))
			w.file(fmt.Sprintf("content/actors/actor-%d/_index.md", i), front)
			continue
		}
		w.file(fmt.Sprintf("content/actors/actor-%d.md", i), front)
	}
	for i := range topics {
		front := fmt.Sprintf("---\ntitle: %s\nsummary: %s.\n---\n%s.\n", topicName(i), sentence(8, 12), sentence(30, 40))
		if w.hugo {
			w.file(fmt.Sprintf("content/topics/topic-%d/_index.md", i), front)
			continue
		}
		w.file(fmt.Sprintf("content/topics/topic-%d.md", i), front)
	}

	start := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	for a := range n {
		published := start.AddDate(0, 0, r.IntN(730))
		// Actors cluster: most articles are about a few prominent ones.
		pick := func(limit int) int { return int(float64(limit) * r.Float64() * r.Float64()) }
		var body strings.Builder
		var usedActors, usedTopics []int
		var eventIDs []string
		var front strings.Builder
		fmt.Fprintf(&front, "---\ntitle: \"Article %d: %s\"\nsource: Wire %d\nurl: \"https://example.org/news/%d\"\npublished: \"%s\"\nsummary: \"%s.\"\nevents:\n",
			a, sentence(4, 8), a%20, a, published.Format("2006-01-02"), sentence(15, 25))
		for e := range events {
			id := fmt.Sprintf("e-%d-%d", a, e)
			eventIDs = append(eventIDs, id)
			day := published.AddDate(0, 0, -r.IntN(10))
			actor, topic := pick(actors), r.IntN(topics)
			fmt.Fprintf(&front, "  - {id: %s, date: \"%s\", title: \"%s\", actors: [actor-%d], topics: [topic-%d]}\n",
				id, day.Format("2006-01-02"), sentence(4, 8), actor, topic)
		}
		front.WriteString("---\n")
		mentionsLeft, quotesLeft := mentions, quotes
		for p := range paragraphs {
			var para []string
			para = append(para, sentence(10, 16)+".")
			for range (mentionsLeft + (paragraphs - p) - 1) / (paragraphs - p) {
				if r.IntN(5) == 0 {
					t := r.IntN(topics)
					usedTopics = append(usedTopics, t)
					para = append(para, fmt.Sprintf("[%s](topic:topic-%d) %s.", strings.ToLower(topicName(t)), t, sentence(6, 10)))
				} else {
					x := pick(actors)
					usedActors = append(usedActors, x)
					para = append(para, fmt.Sprintf("[%s](actor:actor-%d) %s.", actorName(x), x, sentence(6, 10)))
				}
				mentionsLeft--
			}
			if quotesLeft > 0 && p%3 == 0 {
				x := pick(actors)
				para = append(para, fmt.Sprintf("[“%s,”](quote:actor-%d) one said.", sentence(6, 12), x))
				quotesLeft--
			}
			if p < events {
				para = append(para, fmt.Sprintf("It [happened then](event:%s).", eventIDs[p]))
			}
			body.WriteString(strings.Join(para, " "))
			body.WriteString("\n\n")
		}
		text := front.String() + body.String()
		if w.hugo {
			text = hugoArticle(a, published, usedActors, usedTopics, body.String())
		}
		w.file(fmt.Sprintf("content/articles/article-%d.md", a), text)
	}
}

var annotation = regexp.MustCompile(`\[([^\]]*)\]\((actor|topic|quote|event):([a-z0-9-]+)[^)]*\)`)

// hugoArticle is the same article for Hugo: actors and topics as
// taxonomies, and annotations as ordinary links to their pages.
func hugoArticle(a int, published time.Time, actorIDs, topicIDs []int, body string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "---\ntitle: \"Article %d\"\ndate: %s\nactors: [", a, published.Format("2006-01-02"))
	for i, x := range unique(actorIDs) {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "actor-%d", x)
	}
	b.WriteString("]\ntopics: [")
	for i, x := range unique(topicIDs) {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "topic-%d", x)
	}
	b.WriteString("]\n---\n")
	b.WriteString(annotation.ReplaceAllStringFunc(body, func(m string) string {
		s := annotation.FindStringSubmatch(m)
		switch s[2] {
		case "actor", "quote":
			return "[" + s[1] + "](/actors/" + s[3] + "/)"
		case "topic":
			return "[" + s[1] + "](/topics/" + s[3] + "/)"
		}
		return s[1]
	}))
	return b.String()
}

func unique(xs []int) []int {
	seen := map[int]bool{}
	var out []int
	for _, x := range xs {
		if !seen[x] {
			seen[x] = true
			out = append(out, x)
		}
	}
	return out
}

// hugoSite writes Hugo's configuration and templates of similar weight to
// gen's: a page per article, actor and topic, lists, a home page.
func (w *writer) hugoSite() {
	w.file("hugo.toml", `baseURL = "https://example.org/briefing/"
title = "Benchmark briefing"
disableKinds = ["RSS", "sitemap", "robotsTXT"]
[taxonomies]
  actor = "actors"
  topic = "topics"
`)
	base := `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{{ .Title }}</title><link rel="stylesheet" href="{{ "style.css" | relURL }}"></head>
<body><header><a href="{{ "/" | relURL }}">{{ site.Title }}</a> <a href="{{ "actors/" | relURL }}">Actors</a> <a href="{{ "topics/" | relURL }}">Topics</a></header><main>{{ block "main" . }}{{ end }}</main></body></html>`
	w.file("layouts/_default/baseof.html", base)
	w.file("layouts/_default/single.html", `{{ define "main" }}<article><h1>{{ .Title }}</h1><p>{{ .Date.Format "2 January 2006" }}</p>
<aside>{{ range .GetTerms "actors" }}<a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a> {{ end }}{{ range .GetTerms "topics" }}<a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a> {{ end }}</aside>
{{ .Content }}</article>{{ end }}`)
	// The plainest list a Hugo user would write for the same pages: titles,
	// dates and links, no summaries (.Summary renders every entry's
	// Markdown again and made Hugo's side slower than it need be).
	w.file("layouts/_default/list.html", `{{ define "main" }}<h1>{{ .Title }}</h1><ol>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ .Date.Format "2 January 2006" }}</li>{{ end }}</ol>{{ end }}`)
	w.file("layouts/_default/terms.html", `{{ define "main" }}<h1>{{ .Title }}</h1><ul>{{ range .Data.Terms.Alphabetical }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a> {{ .Count }}</li>{{ end }}</ul>{{ end }}`)
	w.file("layouts/index.html", `{{ define "main" }}<h1>{{ site.Title }}</h1><ol>{{ range first 50 (where site.RegularPages "Section" "articles") }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ol>{{ end }}`)
	w.file("static/style.css", "body{font-family:serif}\n")
}
