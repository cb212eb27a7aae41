package model

import (
	"fmt"
	"html/template"
	"slices"
	"strings"
	"testing"

	"github.com/briefing-gen/gen/internal/dates"
)

// timelineEvents makes events in timeline order from dates, n of each.
func timelineEvents(t *testing.T, spec ...any) []*Event {
	t.Helper()
	var events []*Event
	for i := 0; i < len(spec); i += 2 {
		d, err := dates.Parse(spec[i].(string))
		if err != nil {
			t.Fatal(err)
		}
		for range spec[i+1].(int) {
			events = append(events, &Event{ID: fmt.Sprintf("e%d", len(events)), Title: "An event of the briefing", Date: d})
		}
	}
	byEvent(events)
	return events
}

func TestASmallTimelineIsOnePage(t *testing.T) {
	tl := layoutTimeline(timelineEvents(t, "2024-05-01", 10, "2025", 3, "pending", 2))
	if !tl.Whole || len(tl.Pages) != 1 || len(tl.Years) != 0 {
		t.Fatalf("15 events should be the index alone: %+v", tl)
	}
	for _, e := range tl.Pages[0].Events {
		if e.Path() != "timeline/index.html#"+e.ID {
			t.Errorf("%s is at %s", e.ID, e.Path())
		}
	}
}

func TestTimelineLayout(t *testing.T) {
	per := TimelineBudget / eventWeight(&Event{ID: "e1000", Title: "An event of the briefing"}) // events to a page, about
	events := timelineEvents(t,
		"2024-03-01", per/4, "2024-07", per/4, // 2024 fits on its page
		"2025", 10, "~2025", 5, // dated by the year alone
		"2025-01", 3, "2025-01-05", per/2, "2025-01-20", per/2, "2025-01-28", per/2, // January in parts, cut between days
		"2025-02-14", 2*per+5, // a day larger than a page
		"2025-02-15", 3,
		"2025-03-01/2025-04-02", 1, // a range sits where it starts
		"pending", per+7,
	)
	tl := layoutTimeline(events)
	if tl.Whole {
		t.Fatal("the timeline should be split")
	}

	var all []*Event
	for _, p := range tl.Pages {
		all = append(all, p.Events...)
		if w := weight(p.Events); w > TimelineBudget && len(p.Events) > 1 {
			t.Errorf("%s weighs %d, over %d", p.Path, w, TimelineBudget)
		}
		for _, e := range p.Events {
			if e.Path() != p.Path+"#"+e.ID {
				t.Errorf("%s is on %s but links to %s", e.ID, p.Path, e.Path())
			}
		}
	}
	if !slices.Equal(all, events) {
		t.Error("the pages, in reading order, should hold every event once, in timeline order")
	}

	paths := func(pages []*TimelinePage) []string {
		var out []string
		for _, p := range pages {
			out = append(out, p.Path)
		}
		return out
	}
	want := []string{
		"timeline/2024/index.html",
		"timeline/2025/index.html",
		"timeline/2025/01/index.html", "timeline/2025/01/2/index.html",
		"timeline/2025/02/index.html", "timeline/2025/02/2/index.html", "timeline/2025/02/3/index.html",
		"timeline/2025/03/index.html",
		"timeline/pending/index.html", "timeline/pending/2/index.html",
	}
	if got := paths(tl.Pages); !slices.Equal(got, want) {
		t.Errorf("pages:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if y := tl.Years[1]; y.Year != 2025 || !y.Split() || !y.Pages[0].YearOnly || len(y.Pages[0].Events) != 15 {
		t.Errorf("2025's own page should hold its 15 events dated by the year alone")
	}
	// January is cut between days: no day is on two of its pages.
	jan := tl.Years[1].Months[0].Pages
	if last, first := jan[0].Events[len(jan[0].Events)-1], jan[1].Events[0]; last.Date.Start.Day == first.Date.Start.Day {
		t.Errorf("January's parts share day %d", first.Date.Start.Day)
	}
	if got := jan[1].Title(); got != "January 2025, part 2 of 2" {
		t.Errorf("title %q", got)
	}
	if tl.Count != len(events) || tl.PendingCount != per+7 || len(tl.Latest) != latestShown || tl.Latest[0].Date.Start.Month != 3 {
		t.Errorf("counts %d, %d pending, latest %v", tl.Count, tl.PendingCount, tl.Latest)
	}

	// The same events lay out the same; one more event in March moves none.
	layout := tl.Layout()
	if layout.Moves(layoutTimeline(events)) {
		t.Error("the layout should be a function of the events")
	}
	more := append(slices.Clone(events[:len(events)-per-7]), timelineEvents(t, "2025-03-02", 1)...)
	more[len(more)-1].ID = "new"
	more = append(more, events[len(events)-per-7:]...)
	if layout.Moves(layoutTimeline(more)) {
		t.Error("an event added to a page with room moves no other")
	}
	if !layout.Moves(layoutTimeline(events[:len(events)-per])) {
		t.Error("fewer pending events, on one page, should change the pages")
	}
}

func TestRelinkEvents(t *testing.T) {
	e := &Event{ID: "talks", page: "timeline/2025/03/index.html"}
	k := &known{events: map[string]*Event{"talks": e}}
	in := template.HTML(`<a href="../../timeline/index.html#talks">x</a> <a href="../timeline/2024/index.html#talks">y</a> ` +
		`<a href="../../timeline/index.html#other">z</a> <a href="../../actors/talks/index.html#talks">w</a>`)
	want := template.HTML(`<a href="../../timeline/2025/03/index.html#talks">x</a> <a href="../timeline/2025/03/index.html#talks">y</a> ` +
		`<a href="../../timeline/index.html#other">z</a> <a href="../../actors/talks/index.html#talks">w</a>`)
	if got := k.relinkEvents(in); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}
