package render

import (
	"html/template"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/briefing-gen/gen/internal/dates"
	"github.com/briefing-gen/gen/internal/i18n"
	"github.com/briefing-gen/gen/internal/model"
)

func (r *Renderer) funcs() template.FuncMap {
	return template.FuncMap{
		"row":           r.row,
		"once":          r.once,
		"excerpt":       excerpt,
		"plural":        plural,
		"join":          strings.Join,
		"actorsByKind":  func(actors []*model.Actor) []KindGroup { return actorsByKind(actors, r.words) },
		"keyActors":     keyActors,
		"latestEvents":  latestEvents,
		"byMonth":       func(events []*model.Event) []MonthGroup { return byMonth(events, r.words) },
		"withPage":      withPage,
		"cite":          cite,
		"bookHTML":      BookHTML,
		"byArticle":     byArticle,
		"first":         first,
		"latest":        latest,
		"last":          last,
		"more":          more,
		"passagesShown": func() int { return PassagesShown },
		"eventsShown":   func() int { return EventsShown },
		"listPath":      ListPath,
		"t":             r.words.T,
		"th":            r.words.HTML,
		"link":          link,
		"code":          code,
		"date":          func(d dates.Date) string { return d.Format(r.words) },
		"month":         func(m time.Month) string { return capitalized(dates.MonthName(m, r.words)) },
		"num":           r.words.Number,
		"timelineTitle": func(t *model.TimelinePage) string { return timelineTitle(t, r.words) },
		"timelineLabel": func(t *model.TimelinePage) string { return timelineLabel(t, r.words) },
		"timelineSpan":  func(t *model.TimelinePage) string { return timelineSpan(t, r.words) },
		"jsMessages":    r.words.Messages,
	}
}

// WithPage hands a shared template block both what it shows and the page
// it is on, which it needs for relative links.
type WithPage struct {
	Page *Page
	Data any
}

func withPage(p *Page, data any) WithPage { return WithPage{Page: p, Data: data} }

// Sourced is a quote, passage, event or report: something an article's
// paragraph says.
type Sourced interface{ SourcePath() string }

// Citation is what the "source" block shows of where an item comes from,
// worked out in one call: a template reads a field for a fraction of what
// calling a method costs it, and pages of long lists cite thousands.
type Citation struct {
	Link    string // from the page to the paragraph
	Title   string // the article's short title
	Para    int    // the paragraph, 0 for the article as a whole
	Article *model.Article
}

func cite(p *Page, item Sourced) Citation {
	c := Citation{Link: p.Rel(item.SourcePath())}
	switch x := item.(type) {
	case *model.Passage:
		c.Article, c.Para = x.Article, x.Para
	case *model.Quote:
		c.Article, c.Para = x.Article, x.Para
	case *model.Event:
		c.Article, c.Para = x.Article, x.Para
	case *model.Report:
		c.Article, c.Para = x.Article, x.Para
	}
	if c.Article != nil {
		c.Title = c.Article.ShortTitle()
	}
	return c
}

// excerptRunes bounds an excerpt: enough for the sentence around a
// mention, short enough to scan a long list of them.
const excerptRunes = 320

// excerpt shows a passage's text around its first mark, cut at word
// boundaries, with the annotated words highlighted. Each piece of text is
// escaped on its own, so marks never land inside an escape.
func excerpt(p *model.Passage) template.HTML {
	marks := append([]model.Span(nil), p.Marks...)
	sort.Slice(marks, func(i, j int) bool { return marks[i].Start < marks[j].Start })
	focus := 0
	if len(marks) > 0 {
		focus = marks[0].Start
	}
	from, to := window(p.Text, focus, excerptRunes)

	var b strings.Builder
	if from > 0 {
		b.WriteString("…")
	}
	at := from
	for _, m := range marks {
		start, end := max(m.Start, at), min(m.End, to)
		if start >= end {
			continue // outside the window, or inside an earlier mark
		}
		b.WriteString(template.HTMLEscapeString(p.Text[at:start]))
		b.WriteString("<mark>" + template.HTMLEscapeString(p.Text[start:end]) + "</mark>")
		at = end
	}
	b.WriteString(template.HTMLEscapeString(p.Text[at:to]))
	if to < len(p.Text) {
		b.WriteString("…")
	}
	return template.HTML(b.String())
}

// window is the byte range of about size runes of text around byte offset
// focus, starting a third of the way before it, cut at spaces.
func window(text string, focus, size int) (from, to int) {
	if utf8.RuneCountInString(text) <= size {
		return 0, len(text)
	}
	from = focus
	for n := 0; from > 0 && n < size/3; n++ {
		_, w := utf8.DecodeLastRuneInString(text[:from])
		from -= w
	}
	to = from
	for n := 0; to < len(text) && n < size; n++ {
		_, w := utf8.DecodeRuneInString(text[to:])
		to += w
	}
	if from > 0 { // start after a space, never inside a word
		if i := strings.IndexByte(text[from:focus], ' '); i >= 0 {
			from += i + 1
		}
	}
	if to < len(text) { // end before a space
		if i := strings.LastIndexByte(text[focus:to], ' '); i > 0 {
			to = focus + i
		}
	}
	return from, to
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

// Pages about one actor or topic would grow with the briefing: an actor in
// a thousand articles has thousands of passages. They show the first or
// latest few of each list, and say how many more there are, so a page's
// size and rendering time stay bounded; the articles hold the rest.

// first is the first n items of a list (a slice).
func first(n int, list any) any {
	v := reflect.ValueOf(list)
	if v.Kind() != reflect.Slice || v.Len() <= n {
		return list
	}
	return v.Slice(0, n).Interface()
}

// latest is the last n items of a list in reading order (oldest article
// first), shown the newest article first: an article's quotes or
// passages keep the order they are read in, paragraph by paragraph.
func latest(n int, list any) any {
	switch l := list.(type) {
	case []*model.Quote:
		return newestFirst(l[max(0, len(l)-n):], func(q *model.Quote) *model.Article { return q.Article })
	case []*model.Passage:
		return newestFirst(l[max(0, len(l)-n):], func(p *model.Passage) *model.Article { return p.Article })
	}
	v := reflect.ValueOf(list) // a list of things from no article: newest first
	if v.Kind() != reflect.Slice {
		return list
	}
	k := min(n, v.Len())
	out := reflect.MakeSlice(v.Type(), k, k)
	for i := range k {
		out.Index(i).Set(v.Index(v.Len() - 1 - i))
	}
	return out.Interface()
}

// newestFirst reverses the order of the articles of a list in reading
// order, where each article's items are together, and keeps the order of
// each article's items.
func newestFirst[T any](list []T, article func(T) *model.Article) []T {
	out := make([]T, 0, len(list))
	for end := len(list); end > 0; {
		start := end - 1
		for start > 0 && article(list[start-1]) == article(list[end-1]) {
			start--
		}
		out = append(out, list[start:end]...)
		end = start
	}
	return out
}

// last is the last n items of a list, in order.
func last(n int, list any) any {
	v := reflect.ValueOf(list)
	if v.Kind() != reflect.Slice || v.Len() <= n {
		return list
	}
	return v.Slice(v.Len()-n, v.Len()).Interface()
}

// more is how many items of a list are past the first n.
func more(n int, list any) int {
	v := reflect.ValueOf(list)
	if v.Kind() != reflect.Slice {
		return 0
	}
	return max(0, v.Len()-n)
}

// ArticlePassages are the passages of one article.
type ArticlePassages struct {
	Article  *model.Article
	Passages []*model.Passage
}

// byArticle groups passages by article, keeping their order.
func byArticle(passages []*model.Passage) []ArticlePassages {
	var groups []ArticlePassages
	for _, p := range passages {
		if n := len(groups); n > 0 && groups[n-1].Article == p.Article {
			groups[n-1].Passages = append(groups[n-1].Passages, p)
			continue
		}
		groups = append(groups, ArticlePassages{p.Article, []*model.Passage{p}})
	}
	return groups
}

// KindGroup is the actors of one kind.
type KindGroup struct {
	Kind   string
	Label  string
	Actors []*model.Actor
}

// actorsByKind groups actors by kind, each group named in the language
// of words ("People"), or not named when words is nil.
func actorsByKind(actors []*model.Actor, words *i18n.Catalog) []KindGroup {
	var groups []KindGroup
	for _, kind := range model.ActorKinds() {
		g := KindGroup{Kind: kind}
		if words != nil {
			g.Label = words.T("kinds_" + kind)
		}
		for _, a := range actors {
			if a.Kind == kind {
				g.Actors = append(g.Actors, a)
			}
		}
		if len(g.Actors) > 0 {
			groups = append(groups, g)
		}
	}
	return groups
}

// keyActors are the n actors the briefing quotes and mentions most.
func keyActors(actors []*model.Actor, n int) []*model.Actor {
	ranked := append([]*model.Actor(nil), actors...)
	weight := func(a *model.Actor) int { return 2*len(a.Quotes) + len(a.Passages) }
	sort.SliceStable(ranked, func(i, j int) bool { return weight(ranked[i]) > weight(ranked[j]) })
	return ranked[:min(n, len(ranked))]
}

// latestEvents are the n latest dated events, newest first.
func latestEvents(events []*model.Event, n int) []*model.Event {
	var out []*model.Event
	for i := len(events) - 1; i >= 0 && len(out) < n; i-- {
		if !events[i].Date.Pending {
			out = append(out, events[i])
		}
	}
	return out
}

// MonthGroup is the timeline's events of one month (or pending).
type MonthGroup struct {
	Label  string
	ID     string
	Events []*model.Event
}

// byMonth groups timeline-ordered events by the month they start in;
// year-only dates form their own group, pending events come last. The
// labels are in the language of words.
func byMonth(events []*model.Event, words *i18n.Catalog) []MonthGroup {
	var groups []MonthGroup
	for _, e := range events {
		// Group ids hold "_", which event ids cannot, so the two never clash.
		id := "when_pending"
		if !e.Date.Pending {
			start := e.Date.Start
			id = "when_" + strconv.Itoa(start.Year)
			if start.Month != 0 {
				id = id + "-" + strconv.Itoa(int(start.Month))
			}
		}
		if len(groups) == 0 || groups[len(groups)-1].ID != id {
			groups = append(groups, MonthGroup{Label: monthGroupLabel(e.Date, words), ID: id})
		}
		groups[len(groups)-1].Events = append(groups[len(groups)-1].Events, e)
	}
	return groups
}
