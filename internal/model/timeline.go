package model

import (
	"html/template"
	"strconv"
	"strings"
	"time"

	"github.com/briefing-gen/gen/internal/dates"
)

// The timeline is split into pages small enough to load (unless it is
// small enough to be one page, its index): a page per year,
// a page per month where a year holds too much for one, and parts of a
// month, cut between days where it can be, where a month does. Which page
// an event is on is one function of the linked model (layoutTimeline), so
// that Event.Path, which every link to an event goes through, always names
// the page that shows it.

// TimelineBudget bounds what one timeline page holds, in the estimated
// bytes of HTML its events take (eventWeight). Pages hold less than this
// where they can; a single event larger than it gets a page of its own.
const TimelineBudget = 420_000

// Timeline is the timeline's layout: its pages in reading order, and the
// years and months they cover, for the index and the pages' navigation.
type Timeline struct {
	Pages   []*TimelinePage // in reading order: years, their months and parts, then pending
	Years   []*TimelineYear
	Pending []*TimelinePage // the parts of the pending events' page, none without any
	Latest  []*Event        // the last few dated events, latest first

	PendingCount int
	Count        int // events in all

	// Whole says the timeline is small enough to be one page, its index,
	// the one page of Pages; it then has no Years and no Pending.
	Whole bool
}

// TimelineYear is one year of the timeline.
type TimelineYear struct {
	Year   int
	Count  int              // its events, of every precision
	Pages  []*TimelinePage  // the year's own page and its parts: every event when the year is not split, else those dated by the year only
	Months []*TimelineMonth // when the year is split into months, else none
}

// Split reports whether the year's events are on pages per month.
func (y *TimelineYear) Split() bool { return len(y.Months) > 0 }

// Path is the year's page.
func (y *TimelineYear) Path() string { return y.Pages[0].Path }

// TimelineMonth is one month of a year split into months.
type TimelineMonth struct {
	Year  int
	Month time.Month
	Count int
	Pages []*TimelinePage // the month's page and its parts
}

// Label names the month: "March 2025".
func (m *TimelineMonth) Label() string { return m.Month.String() + " " + strconv.Itoa(m.Year) }

// Path is the month's first page.
func (m *TimelineMonth) Path() string { return m.Pages[0].Path }

// TimelinePage is one page of the timeline.
type TimelinePage struct {
	Path    string // site-relative, "timeline/2025/03/2/index.html"
	Label   string // what it covers: "2025", "March 2025", "Pending"
	Year    int    // 0 for pending events
	Month   time.Month
	Pending bool
	Part    int // from 1, of Parts
	Parts   int
	Events  []*Event // in timeline order

	// YearOnly says the page holds only the events dated by the year,
	// its months having pages of their own.
	YearOnly bool
}

// Title is the page's heading: its label, with its part when there are
// several.
func (p *TimelinePage) Title() string {
	if p.Parts > 1 {
		return p.Label + ", part " + strconv.Itoa(p.Part) + " of " + strconv.Itoa(p.Parts)
	}
	return p.Label
}

// Span says which days a part of a month holds, "1–12 March", "" for a
// page that is not a part.
func (p *TimelinePage) Span() string {
	if p.Parts < 2 || len(p.Events) == 0 {
		return ""
	}
	first, last := p.Events[0].Date.Start, p.Events[len(p.Events)-1].Date.Start
	if p.Pending || first.Precision < dates.Day && last.Precision < dates.Day {
		return "part " + strconv.Itoa(p.Part)
	}
	from, to := max(first.Day, 1), max(last.Day, 1)
	if from == to {
		return strconv.Itoa(from) + " " + p.Month.String()
	}
	return strconv.Itoa(from) + "–" + strconv.Itoa(to) + " " + p.Month.String()
}

// latestShown is how many of the latest events the timeline's index lists.
const latestShown = 10

// eventWeight estimates the bytes of HTML an event takes on a timeline
// page: its entry's frame, its title and description, a link per actor and
// topic, a line per report. It counts only what the event holds, so the
// layout is a function of the model alone.
func eventWeight(e *Event) int {
	w := 420 + 2*len(e.Title) + 3*len(e.ID) + len(e.Description) + len(e.DateNote)
	for _, a := range e.Actors {
		w += 90 + 2*len(a.ID) + len(a.Name)
	}
	for _, t := range e.Topics {
		w += 100 + 2*len(t.ID) + len(t.Title)
	}
	for _, r := range e.Reports {
		w += 200 + len(r.Article.Slug) + len(r.Article.ShortTitle()) + len(r.Article.Source)
		if r.Said != nil {
			w += 60 + len(r.Said.Title)
		}
	}
	return w
}

// layoutTimeline lays the events, in timeline order, out on pages and
// sets each event's page.
func layoutTimeline(events []*Event) *Timeline {
	t := &Timeline{Count: len(events)}
	if weight(events) <= TimelineBudget { // a small briefing's timeline is one page, its index
		t.Whole = true
		t.Pages = []*TimelinePage{{Path: "timeline/index.html", Label: "Timeline", Part: 1, Parts: 1, Events: events}}
		for _, e := range events {
			e.page = t.Pages[0].Path
		}
		return t
	}
	i := 0
	for i < len(events) && !events[i].Date.Pending {
		year := events[i].Date.Start.Year
		j := i
		for j < len(events) && !events[j].Date.Pending && events[j].Date.Start.Year == year {
			j++
		}
		t.Years = append(t.Years, layoutYear(year, events[i:j]))
		i = j
	}
	for _, y := range t.Years {
		t.Pages = append(t.Pages, y.Pages...)
		for _, m := range y.Months {
			t.Pages = append(t.Pages, m.Pages...)
		}
	}
	if pending := events[i:]; len(pending) > 0 {
		t.PendingCount = len(pending)
		t.Pending = pack("timeline/pending/", pending, func(*Event) int { return 0 })
		for _, p := range t.Pending {
			p.Label, p.Pending = "Pending", true
		}
		t.Pages = append(t.Pages, t.Pending...)
	}
	for _, p := range t.Pages {
		for _, e := range p.Events {
			e.page = p.Path
		}
	}
	for k := i - 1; k >= 0 && len(t.Latest) < latestShown; k-- {
		t.Latest = append(t.Latest, events[k])
	}
	return t
}

// layoutYear puts a year's events on one page if they fit, or else those
// dated by the year only on the year's page and the others on pages per
// month.
func layoutYear(year int, events []*Event) *TimelineYear {
	y := &TimelineYear{Year: year, Count: len(events)}
	base := "timeline/" + strconv.Itoa(year) + "/"
	label := strconv.Itoa(year)
	if weight(events) <= TimelineBudget {
		y.Pages = pack(base, events, byDay)
		for _, p := range y.Pages {
			p.Label, p.Year = label, year
		}
		return y
	}
	i := 0
	for i < len(events) && events[i].Date.Start.Month == 0 {
		i++
	}
	y.Pages = pack(base, events[:i], byDay)
	for _, p := range y.Pages {
		p.Label, p.Year, p.YearOnly = label, year, true
	}
	for i < len(events) {
		month := events[i].Date.Start.Month
		j := i
		for j < len(events) && events[j].Date.Start.Month == month {
			j++
		}
		m := &TimelineMonth{Year: year, Month: month, Count: j - i}
		m.Pages = pack(base+twoDigits(int(month))+"/", events[i:j], byDay)
		for _, p := range m.Pages {
			p.Label, p.Year, p.Month = m.Label(), year, month
		}
		y.Months = append(y.Months, m)
		i = j
	}
	return y
}

// byDay groups a month's events by the day they start on, those dated by
// the month alone (day 0) first.
func byDay(e *Event) int { return e.Date.Start.Day }

func twoDigits(n int) string {
	if n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}

func weight(events []*Event) int {
	w := 0
	for _, e := range events {
		w += eventWeight(e)
	}
	return w
}

// pack cuts events into parts within TimelineBudget, between groups of
// the same key (days) where it can, between events where a group alone is
// too large. Part 1 is base + "index.html", part n base + "n/index.html".
// There is always one part, if empty.
func pack(base string, events []*Event, key func(*Event) int) []*TimelinePage {
	var parts [][]*Event
	var part []*Event
	used := 0
	cut := func() {
		if len(part) > 0 {
			parts = append(parts, part)
		}
		part, used = nil, 0
	}
	for i := 0; i < len(events); {
		j := i + 1
		for j < len(events) && key(events[j]) == key(events[i]) {
			j++
		}
		group := events[i:j]
		if w := weight(group); used+w <= TimelineBudget {
			part, used = append(part, group...), used+w
		} else if w <= TimelineBudget {
			cut()
			part, used = append(part, group...), w
		} else { // a day too large for a page: cut between its events
			for _, e := range group {
				w := eventWeight(e)
				if used+w > TimelineBudget {
					cut()
				}
				part, used = append(part, e), used+w
			}
		}
		i = j
	}
	cut()
	if len(parts) == 0 {
		parts = [][]*Event{nil}
	}
	pages := make([]*TimelinePage, len(parts))
	for n, events := range parts {
		path := base + "index.html"
		if n > 0 {
			path = base + strconv.Itoa(n+1) + "/index.html"
		}
		pages[n] = &TimelinePage{Path: path, Part: n + 1, Parts: len(parts), Events: events}
	}
	return pages
}

// TimelineLayout is what links to events depend on in a layout: the
// pages, and the page of each event. A builder keeps the last build's to
// tell whether any link to an event may have moved (Moves).
type TimelineLayout struct {
	of    *Timeline // laid out from, which no edit changes (Briefing.Reannotate makes a new one)
	pages []string
	page  map[string]string // event id → its page
}

// Layout is the timeline's layout, kept apart from the model.
func (t *Timeline) Layout() *TimelineLayout {
	l := &TimelineLayout{of: t, page: make(map[string]string, t.Count)}
	for _, p := range t.Pages {
		l.pages = append(l.pages, p.Path)
		for _, e := range p.Events {
			l.page[e.ID] = p.Path
		}
	}
	return l
}

// Of reports whether l is t's layout: the timeline is as it was when l
// was made of it.
func (l *TimelineLayout) Of(t *Timeline) bool { return l != nil && l.of == t }

// Moves reports whether t lays the timeline out differently from l, as
// links to events see it: other pages, or an event l has on another
// page. Events new in t, or gone from it, move nothing: the pages that
// link to them show their articles, which changed. A nil l moves all.
func (l *TimelineLayout) Moves(t *Timeline) bool {
	if l.Of(t) {
		return false
	}
	if l == nil || len(l.pages) != len(t.Pages) {
		return true
	}
	for i, p := range t.Pages {
		if l.pages[i] != p.Path {
			return true
		}
		for _, e := range p.Events {
			if was, ok := l.page[e.ID]; ok && was != p.Path {
				return true
			}
		}
	}
	return false
}

// relinkEvents points the links to events in h, HTML converted before the
// timeline was laid out, at the events' pages: the converter links an
// event to "timeline/index.html#<id>" (any number of "../" before it), as
// may an author. Links to ids that are no event are left as they are.
func (k *known) relinkEvents(h template.HTML) template.HTML {
	s := string(h)
	if !strings.Contains(s, "timeline/") {
		return h
	}
	const attr = `href="`
	var out strings.Builder
	copied := 0 // s[:copied] is in out
	for at := 0; ; {
		i := strings.Index(s[at:], attr)
		if i < 0 {
			break
		}
		start := at + i + len(attr)
		end := strings.IndexByte(s[start:], '"')
		if end < 0 {
			break
		}
		end += start
		at = end
		href := s[start:end]
		up := 0
		for strings.HasPrefix(href[up:], "../") {
			up += 3
		}
		path, id, ok := strings.Cut(href[up:], "#")
		e := k.events[id]
		if !ok || e == nil || e.page == "" || path == e.page || !strings.HasPrefix(path, "timeline/") || !strings.HasSuffix(path, "index.html") {
			continue
		}
		if out.Cap() == 0 {
			out.Grow(len(s) + 64)
		}
		out.WriteString(s[copied : start+up])
		out.WriteString(e.page)
		out.WriteByte('#')
		out.WriteString(id)
		copied = end
	}
	if out.Cap() == 0 {
		return h
	}
	out.WriteString(s[copied:])
	return template.HTML(out.String())
}

// EventLinked is h, HTML converted before the timeline was laid out,
// with its links to events pointed at the events' pages. Articles'
// bodies are kept as converted and linked so as they are shown: a large
// briefing's bodies are a hundred megabytes, which a linked copy would
// double.
func (b *Briefing) EventLinked(h template.HTML) template.HTML { return b.relinkEvents(h) }

// layOut lays the timeline out and points the links to events in the
// short rendered texts (profiles, overviews, descriptions) at their
// pages; articles' bodies are linked as they are shown (EventLinked).
func (b *Briefing) layOut() {
	b.Timeline = layoutTimeline(b.Events)
	b.Site.Overview = b.relinkEvents(b.Site.Overview)
	for _, a := range b.Actors {
		a.Profile = b.relinkEvents(a.Profile)
	}
	for _, t := range b.Topics {
		t.Overview = b.relinkEvents(t.Overview)
	}
	for _, e := range b.Events {
		e.Description = b.relinkEvents(e.Description)
	}
}
