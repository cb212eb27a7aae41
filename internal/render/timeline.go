package render

import (
	"html/template"
	"strings"

	"github.com/briefing-gen/gen/internal/dates"
	"github.com/briefing-gen/gen/internal/model"
)

// The timeline's pages are the model's layout (model.Timeline): an index
// at timeline/index.html, and a page per year, month or part of a month,
// each with the way up, the pages before and after it and the years and
// months to go to. All are of the kind Timeline; the index has no
// TimelinePage, unless the whole timeline is on it.

// timelinePages are the timeline's index and its pages.
func timelinePages(b *model.Briefing) []*Page {
	pages := []*Page{{Kind: Timeline, Path: "timeline/index.html"}}
	if b.Timeline == nil {
		return pages
	}
	if b.Timeline.Whole {
		pages[0].TimelinePage = b.Timeline.Pages[0]
		return pages
	}
	for _, t := range b.Timeline.Pages {
		pages = append(pages, &Page{Kind: Timeline, Path: t.Path, TimelinePage: t})
	}
	return pages
}

// Crumb is one step of the way up from a page.
type Crumb struct {
	Label, Path string
}

// TimelineCrumbs is the way up from a timeline page to the index: the
// index, the year, the month for a part of one.
func (p *Page) TimelineCrumbs() []Crumb {
	t := p.TimelinePage
	if t == nil || p.Briefing.Timeline.Whole {
		return nil
	}
	crumbs := []Crumb{{p.words.T("timeline"), "timeline/index.html"}}
	if t.Pending {
		if t.Part > 1 {
			crumbs = append(crumbs, Crumb{p.words.T("pending"), p.Briefing.Timeline.Pending[0].Path})
		}
		return crumbs
	}
	for _, y := range p.Briefing.Timeline.Years {
		if y.Year != t.Year {
			continue
		}
		if t.Month != 0 || t.Part > 1 {
			crumbs = append(crumbs, Crumb{y.Pages[0].Label, y.Path()})
		}
		for _, m := range y.Months {
			if m.Month == t.Month && t.Part > 1 {
				crumbs = append(crumbs, Crumb{capitalized(dates.Point{Year: m.Year, Month: m.Month, Precision: dates.Month}.Format(p.words)), m.Path()})
			}
		}
	}
	return crumbs
}

// TimelinePrev and TimelineNext are the pages before and after this one
// in reading order, nil at either end. The index comes before the first.
func (p *Page) TimelinePrev() *model.TimelinePage { return p.timelineStep(-1) }

func (p *Page) TimelineNext() *model.TimelinePage { return p.timelineStep(+1) }

func (p *Page) timelineStep(by int) *model.TimelinePage {
	if p.Briefing.Timeline == nil {
		return nil
	}
	pages := p.Briefing.Timeline.Pages
	i := -1 // the index
	for k, t := range pages {
		if t == p.TimelinePage {
			i = k
		}
	}
	if p.TimelinePage != nil && i < 0 {
		return nil
	}
	if i += by; i < 0 || i >= len(pages) {
		return nil
	}
	return pages[i]
}

// TimelineActors and TimelineTopics are the actors and topics of the
// page's events, in the briefing's order, for its filter: a page lists
// only those it can show, so that its size follows its events.
func (p *Page) TimelineActors() []*model.Actor {
	in := map[*model.Actor]bool{}
	for _, e := range p.timelineEvents() {
		for _, a := range e.Actors {
			in[a] = true
		}
	}
	var out []*model.Actor
	for _, a := range p.Briefing.Actors {
		if in[a] {
			out = append(out, a)
		}
	}
	return out
}

func (p *Page) TimelineTopics() []*model.Topic {
	in := map[*model.Topic]bool{}
	for _, e := range p.timelineEvents() {
		for _, t := range e.Topics {
			in[t] = true
		}
	}
	var out []*model.Topic
	for _, t := range p.Briefing.Topics {
		if in[t] {
			out = append(out, t)
		}
	}
	return out
}

func (p *Page) timelineEvents() []*model.Event {
	if p.TimelinePage == nil {
		return nil
	}
	return p.TimelinePage.Events
}

// TimelineGroups are the page's events by month, as its headings show
// them.
func (p *Page) TimelineGroups() []MonthGroup { return byMonth(p.timelineEvents(), p.words) }

// EventLinked is an article's body with its links to events pointed at
// the events' timeline pages (model.Briefing.EventLinked).
func (p *Page) EventLinked(h template.HTML) template.HTML { return p.Briefing.EventLinked(h) }

// Rerooted is HTML converted for a page whose links to the site's pages
// start with from ("../" one folder deep) as this page links: the
// timeline's pages sit at several depths.
func (p *Page) Rerooted(h template.HTML, from string) template.HTML {
	to := p.Rel("")
	if to == from {
		return h
	}
	var pairs []string
	for _, folder := range []string{"actors/", "topics/", "articles/", "timeline/"} {
		pairs = append(pairs, `href="`+from+folder, `href="`+to+folder)
	}
	return template.HTML(strings.NewReplacer(pairs...).Replace(string(h)))
}
