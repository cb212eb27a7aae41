package render

import (
	"html/template"
	"sort"
	"strconv"
	"strings"
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
}

// excerptRunes bounds an excerpt: enough for the sentence around a
// mention, short enough to scan a long list of them.
const excerptRunes = 320

// excerpt shows a passage's text around its first marked words, with
// every mark highlighted. Text is escaped before marks are added.
func excerpt(p *model.Passage) template.HTML {
	text := p.Text
	if utf8.RuneCountInString(text) > excerptRunes {
		start := 0
		if len(p.Marks) > 0 {
			if i := strings.Index(text, p.Marks[0]); i > 0 {
				start = i
			}
		}
		runes := []rune(text)
		from := max(0, utf8.RuneCountInString(text[:start])-excerptRunes/3)
		to := min(len(runes), from+excerptRunes)
		text = string(runes[from:to])
		if from > 0 {
			text = "…" + text
		}
		if to < len(runes) {
			text += "…"
		}
	}
	escaped := template.HTMLEscapeString(text)
	for _, m := range p.Marks {
		e := template.HTMLEscapeString(m)
		if e != "" {
			escaped = strings.Replace(escaped, e, "<mark>"+e+"</mark>", 1)
		}
	}
	return template.HTML(escaped)
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
		label, id := "Pending", "pending"
		if !e.Date.Pending {
			start := e.Date.Start
			label, id = strconv.Itoa(start.Year), "y"+strconv.Itoa(start.Year)
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
