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
	"slices"
	"strconv"
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
		var terms hugoTerms
		var eventIDs []string
		var front strings.Builder
		title := fmt.Sprintf("Article %d: %s", a, sentence(4, 8))
		fmt.Fprintf(&front, "---\ntitle: \"%s\"\nsource: Wire %d\nurl: \"https://example.org/news/%d\"\npublished: \"%s\"\nsummary: \"%s.\"\nevents:\n",
			title, a%20, a, published.Format("2006-01-02"), sentence(15, 25))
		for e := range events {
			id := fmt.Sprintf("e-%d-%d", a, e)
			eventIDs = append(eventIDs, id)
			day := published.AddDate(0, 0, -r.IntN(10))
			actor, topic := pick(actors), r.IntN(topics)
			terms.eventActors = append(terms.eventActors, actor)
			terms.eventTopics = append(terms.eventTopics, topic)
			terms.months = append(terms.months, day.Format("2006-01"))
			terms.years = append(terms.years, day.Format("2006"))
			fmt.Fprintf(&front, "  - {id: %s, date: \"%s\", title: \"%s\", actors: [actor-%d], topics: [topic-%d]}\n",
				id, day.Format("2006-01-02"), sentence(4, 8), actor, topic)
		}
		front.WriteString("---\n")
		mentionsLeft, quotesLeft := mentions, quotes
		for p := range paragraphs {
			var para []string
			var paraTopics []int
			para = append(para, sentence(10, 16)+".")
			for range (mentionsLeft + (paragraphs - p) - 1) / (paragraphs - p) {
				if r.IntN(5) == 0 {
					t := r.IntN(topics)
					paraTopics = append(paraTopics, t)
					para = append(para, fmt.Sprintf("[%s](topic:topic-%d) %s.", strings.ToLower(topicName(t)), t, sentence(6, 10)))
				} else {
					x := pick(actors)
					terms.actors = append(terms.actors, x)
					para = append(para, fmt.Sprintf("[%s](actor:actor-%d) %s.", actorName(x), x, sentence(6, 10)))
				}
				mentionsLeft--
			}
			if quotesLeft > 0 && p%3 == 0 {
				x := pick(actors)
				para = append(para, fmt.Sprintf("[“%s,”](quote:actor-%d) one said.", sentence(6, 12), x))
				quotesLeft--
				// gen files a quote that names no topic under its
				// paragraph's topics.
				terms.quoted = append(terms.quoted, x)
				terms.quoteTopics = append(terms.quoteTopics, paraTopics...)
			}
			terms.topics = append(terms.topics, paraTopics...)
			if p < events {
				para = append(para, fmt.Sprintf("It [happened then](event:%s).", eventIDs[p]))
			}
			body.WriteString(strings.Join(para, " "))
			body.WriteString("\n\n")
		}
		text := front.String() + body.String()
		if w.hugo {
			text = hugoArticle(title, published, terms, body.String())
		}
		w.file(fmt.Sprintf("content/articles/article-%d.md", a), text)
	}
}

var annotation = regexp.MustCompile(`\[([^\]]*)\]\((actor|topic|quote|event):([a-z0-9-]+)[^)]*\)`)

// hugoTerms are what gen's lists are made of in one article, for Hugo's
// taxonomies: each of gen's lists is a taxonomy whose term pages are at
// gen's path for that list.
type hugoTerms struct {
	actors, quoted, eventActors      []int // actors named, quoted, in an event
	topics, quoteTopics, eventTopics []int
	months, years                    []string // of the article's events
}

// hugoArticle is the same article for Hugo: gen's lists as taxonomies,
// and annotations as ordinary links to their pages.
func hugoArticle(title string, published time.Time, t hugoTerms, body string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "---\ntitle: %q\ndate: %s\n", title, published.Format("2006-01-02"))
	named := append(slices.Clone(t.actors), t.quoted...) // gen counts a quote as a mention
	for _, tax := range []struct {
		name, prefix string
		ids          []int
	}{
		{"actors", "actor-", named},
		{"mentions", "actor-", named},
		{"quoted", "actor-", t.quoted},
		{"actorevents", "actor-", t.eventActors},
		{"topics", "topic-", t.topics},
		{"passages", "topic-", t.topics},
		{"topicquotes", "topic-", t.quoteTopics},
		{"topicevents", "topic-", t.eventTopics},
	} {
		var terms []string
		for _, id := range unique(tax.ids) {
			terms = append(terms, tax.prefix+strconv.Itoa(id))
		}
		fmt.Fprintf(&b, "%s: [%s]\n", tax.name, strings.Join(terms, ", "))
	}
	fmt.Fprintf(&b, "months: [%s]\nyears: [%s]\n---\n", strings.Join(unique(t.months), ", "), strings.Join(unique(t.years), ", "))
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

// unique is xs without repeats, in first-seen order.
func unique[T comparable](xs []T) []T {
	seen := map[T]bool{}
	var out []T
	for _, x := range xs {
		if !seen[x] {
			seen[x] = true
			out = append(out, x)
		}
	}
	return out
}

// hugoSite writes Hugo's configuration and the plainest templates that
// make the pages gen makes, so the comparison is of the tools and not of
// the pages: a page per article, actor and topic, the home page, the
// indexes, and each of gen's paginated lists as a taxonomy's term pages
// at gen's path for it, paginated by Hugo's paginator with gen's page
// sizes. List pages show titles, dates and links, never .Summary or
// .Content (each renders every entry's Markdown again). gen's pages with
// no plain Hugo equivalent are left out (the positions table, the book,
// who is named with whom), as are its feeds, sitemap, search index and
// JSON: Hugo is spared that work.
func (w *writer) hugoSite() {
	w.file("hugo.toml", `baseURL = "https://example.org/briefing/"
title = "Benchmark briefing"
disableKinds = ["RSS", "sitemap", "robotsTXT"]

[taxonomies]
  actor = "actors"
  topic = "topics"
  mention = "mentions"
  quoted = "quoted"
  actorevent = "actorevents"
  passage = "passages"
  topicquote = "topicquotes"
  topicevent = "topicevents"
  month = "months"
  year = "years"

# gen's lists of an actor or topic are in its folder; the timeline's
# months and years are in timeline/, whose index lists the months.
[permalinks.term]
  mentions = "/actors/:slug/mentions/"
  quoted = "/actors/:slug/quotes/"
  actorevents = "/actors/:slug/events/"
  passages = "/topics/:slug/passages/"
  topicquotes = "/topics/:slug/quotes/"
  topicevents = "/topics/:slug/events/"
  months = "/timeline/:slug/"
  years = "/timeline/:slug/"
[permalinks.taxonomy]
  months = "/timeline/"

# gen writes no page/1/ redirect to a list's first page.
[pagination]
  disableAliases = true

# gen's page sizes (internal/render/pager.go); a list not named here is
# shown whole on one page, as gen shows a month of the timeline.
[params.perPage]
  articles = 100
  mentions = 50
  quoted = 50
  actorevents = 100
  passages = 50
  topicquotes = 50
  topicevents = 100
`)
	// The index of a taxonomy gen has no page for is not rendered.
	for _, tax := range []string{"mentions", "quoted", "actorevents", "passages", "topicquotes", "topicevents", "years"} {
		w.file("content/"+tax+"/_index.md", "---\nbuild:\n  render: never\n---\n")
	}
	w.file("layouts/_default/baseof.html", `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{{ .Title }}</title><link rel="stylesheet" href="{{ "style.css" | relURL }}"></head>
<body><header><a href="{{ "/" | relURL }}">{{ site.Title }}</a> <a href="{{ "articles/" | relURL }}">Articles</a> <a href="{{ "actors/" | relURL }}">Actors</a> <a href="{{ "topics/" | relURL }}">Topics</a> <a href="{{ "timeline/" | relURL }}">Timeline</a></header>
<main>{{ block "main" . }}{{ end }}</main></body></html>`)
	w.file("layouts/_default/single.html", `{{ define "main" }}<article><h1>{{ .Title }}</h1><p>{{ .Date.Format "2 January 2006" }}</p>
<aside>{{ range .GetTerms "actors" }}<a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a> {{ end }}{{ range .GetTerms "topics" }}<a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a> {{ end }}</aside>
{{ .Content }}</article>{{ end }}`)
	w.file("layouts/partials/entries.html", `<ol>{{ range . }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ .Date.Format "2 January 2006" }}</li>{{ end }}</ol>`)
	w.file("layouts/partials/pager.html", `<nav>{{ with .Prev }}<a href="{{ .URL }}">Newer</a>{{ end }} page {{ .PageNumber }} of {{ .TotalPages }} {{ with .Next }}<a href="{{ .URL }}">Older</a>{{ end }}</nav>`)
	// A list is paginated when params.perPage names its section or
	// taxonomy, else shown whole.
	list := `{{ define "main" }}<h1>{{ .Title }}</h1>{{ with index site.Params.perpage (.Data.Plural | default .Section) }}{{ $pager := $.Paginate $.Pages . }}{{ partial "entries.html" $pager.Pages }}{{ partial "pager.html" $pager }}{{ else }}{{ partial "entries.html" .Pages }}{{ end }}{{ end }}`
	w.file("layouts/_default/list.html", list)
	// An actor's or topic's own page: its text, the latest 20 articles
	// (gen shows the latest 20 passages) and links to its lists. A year
	// of the timeline links its months, as gen's does.
	w.file("layouts/_default/term.html", `{{ define "main" }}{{ if in (slice "actors" "topics") .Data.Plural }}<h1>{{ .Title }}</h1>{{ .Content }}
<p>{{ if eq .Data.Plural "actors" }}<a href="mentions/">Mentions</a> <a href="quotes/">Quotes</a>{{ else }}<a href="passages/">Passages</a> <a href="quotes/">Quotes</a>{{ end }} <a href="events/">Events</a></p>
{{ partial "entries.html" (first 20 .Pages) }}{{ else if eq .Data.Plural "years" }}<h1>{{ .Title }}</h1><ul>{{ range site.Taxonomies.months.Alphabetical }}{{ if hasPrefix .Term $.Data.Term }}<li><a href="{{ .Page.RelPermalink }}">{{ .Term }}</a> {{ .Count }}</li>{{ end }}{{ end }}</ul>{{ else }}`+strings.TrimPrefix(list, `{{ define "main" }}`)+`{{ end }}`)
	w.file("layouts/_default/terms.html", `{{ define "main" }}<h1>{{ .Title }}</h1><ul>{{ range .Data.Terms.Alphabetical }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a> {{ .Count }}</li>{{ end }}</ul>{{ end }}`)
	w.file("layouts/index.html", `{{ define "main" }}<h1>{{ site.Title }}</h1>
<h2>Topics</h2><ul>{{ range site.Taxonomies.topics.Alphabetical }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a></li>{{ end }}</ul>
<h2>Key actors</h2><ul>{{ range first 8 site.Taxonomies.actors.ByCount }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a></li>{{ end }}</ul>
<h2>Articles</h2>{{ partial "entries.html" (first 20 (where site.RegularPages "Section" "articles")) }}<p><a href="{{ "articles/" | relURL }}">All articles</a></p>{{ end }}`)
	w.file("static/style.css", "body{font-family:serif}\n")
}
