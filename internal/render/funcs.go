package render

import (
	"html/template"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"briefing/internal/model"
)

var funcs = template.FuncMap{
	"excerpt":      excerpt,
	"plural":       plural,
	"join":         strings.Join,
	"actorsByKind": actorsByKind,
	"keyActors":    keyActors,
	"latestEvents": latestEvents,
	"byMonth":      byMonth,
	"withPage":     withPage,
}

// WithPage hands a shared template block both what it shows and the page
// it is on, which it needs for relative links.
type WithPage struct {
	Page *Page
	Data any
}

func withPage(p *Page, data any) WithPage { return WithPage{Page: p, Data: data} }

// excerptRunes bounds an excerpt: enough for the sentence around a
// mention, short enough to scan a long list of them.
const excerptRunes = 320

// excerpt shows a passage's text around its first marked words, cut at
// word boundaries, with every mark highlighted. Text is escaped before
// marks are added.
func excerpt(p *model.Passage) template.HTML {
	text := p.Text
	if utf8.RuneCountInString(text) > excerptRunes {
		focus := 0
		if len(p.Marks) > 0 {
			focus = max(0, strings.Index(text, p.Marks[0]))
		}
		text = window(text, focus, excerptRunes)
	}
	escaped := template.HTMLEscapeString(text)
	for _, m := range p.Marks {
		if e := template.HTMLEscapeString(m); e != "" {
			escaped = strings.Replace(escaped, e, "<mark>"+e+"</mark>", 1)
		}
	}
	return template.HTML(escaped)
}

// window cuts about size runes of text around byte offset focus, starting
// a third of the way before it, at word boundaries, marking cuts with "…".
func window(text string, focus, size int) string {
	runes := []rune(text)
	at := utf8.RuneCountInString(text[:focus])
	from := max(0, at-size/3)
	to := min(len(runes), from+size)
	for from > 0 && from < at && !unicode.IsSpace(runes[from-1]) {
		from++
	}
	for to < len(runes) && to > at && !unicode.IsSpace(runes[to]) {
		to--
	}
	out := strings.TrimSpace(string(runes[from:to]))
	if from > 0 {
		out = "…" + out
	}
	if to < len(runes) {
		out += "…"
	}
	return out
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

// KindGroup is the actors of one kind.
type KindGroup struct {
	Kind   string
	Label  string
	Actors []*model.Actor
}

var kindLabels = map[string]string{
	"person": "People", "government": "Governments", "organisation": "Organisations",
	"group": "Groups", "anonymous": "Anonymous sources",
}

func actorsByKind(actors []*model.Actor) []KindGroup {
	var groups []KindGroup
	for _, kind := range model.ActorKinds {
		g := KindGroup{Kind: kind, Label: kindLabels[kind]}
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
// year-only dates form their own group, pending events come last.
func byMonth(events []*model.Event) []MonthGroup {
	var groups []MonthGroup
	for _, e := range events {
		// Group ids hold "_", which event ids cannot, so the two never clash.
		label, id := "Pending", "when_pending"
		if !e.Date.Pending {
			start := e.Date.Start
			label, id = strconv.Itoa(start.Year), "when_"+strconv.Itoa(start.Year)
			if start.Month != 0 {
				label = start.Month.String() + " " + label
				id = id + "-" + strconv.Itoa(int(start.Month))
			}
		}
		if len(groups) == 0 || groups[len(groups)-1].ID != id {
			groups = append(groups, MonthGroup{Label: label, ID: id})
		}
		groups[len(groups)-1].Events = append(groups[len(groups)-1].Events, e)
	}
	return groups
}
