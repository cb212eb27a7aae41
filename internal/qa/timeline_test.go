package qa

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/briefing-gen/gen"
	"github.com/briefing-gen/gen/internal/browsertest"
	"github.com/briefing-gen/gen/internal/model"
	"github.com/briefing-gen/gen/internal/site"
)

// splitTimeline is a briefing whose timeline is split: 2024 on one page,
// 2025 by month with March in parts, a few events dated by 2025 alone,
// and pending ones. Ann is in every third event, Land in the others.
var splitTimeline = sync.OnceValues(func() (*site.Site, error) {
	root := fstest.MapFS{
		"site.toml":               {Data: []byte("title = \"Split timeline\"\n")},
		"content/actors/ann.md":   {Data: []byte("---\nname: Ann Example\nkind: person\n---\n")},
		"content/actors/land.md":  {Data: []byte("---\nname: Land\nkind: government\n---\n")},
		"content/topics/talks.md": {Data: []byte("---\ntitle: Talks\n---\n")},
		"content/topics/deal.md":  {Data: []byte("---\ntitle: The deal\n---\n")},
	}
	article := func(name, published string, dates []string) {
		var b strings.Builder
		fmt.Fprintf(&b, "---\ntitle: %s\npublished: %q\nevents:\n", name, published)
		for e, date := range dates {
			actor, topic := "land", "talks"
			if e%3 == 0 {
				actor = "ann"
			}
			if e%2 == 0 {
				topic = "deal"
			}
			fmt.Fprintf(&b, "  - {id: %s-%d, date: %q, title: Round %d of the %s talks, actors: [%s], topics: [%s]}\n", name, e, date, e, name, actor, topic)
		}
		fmt.Fprintf(&b, "---\n[Ann](actor:ann) reported [the first round](event:%s-0).\n", name)
		root["content/articles/"+name+".md"] = &fstest.MapFile{Data: []byte(b.String())}
	}
	for k := range 6 {
		var dates []string
		for e := range 50 {
			dates = append(dates, fmt.Sprintf("2024-%02d-%02d", 1+e%12, 1+(e+k)%28))
		}
		article(fmt.Sprintf("y2024-%d", k), "2024-12-31", dates)
	}
	for k := range 10 {
		var dates []string
		for e := range 50 {
			dates = append(dates, fmt.Sprintf("2025-03-%02d", 1+(e+k*5)%28))
		}
		article(fmt.Sprintf("march-%d", k), "2025-03-31", dates)
	}
	var rest []string
	for range 10 {
		rest = append(rest, "2025", "2025-04-02", "pending")
	}
	article("rest", "2025-04-03", rest)
	return site.Build(site.NewProject(root, briefing.Templates(), briefing.Static()))
})

// writeSplitTimeline writes splitTimeline into a temporary folder.
func writeSplitTimeline(t *testing.T) (string, *model.Briefing) {
	t.Helper()
	s, err := splitTimeline()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if _, err := s.Write(dir); err != nil {
		t.Fatal(err)
	}
	return dir, s.Briefing
}

// splitPages are one timeline page of each kind in splitTimeline.
var splitPages = map[string]string{
	"timeline index":         "timeline/index.html",
	"timeline year":          "timeline/2024/index.html",
	"timeline year only":     "timeline/2025/index.html",
	"timeline month":         "timeline/2025/04/index.html",
	"timeline part of month": "timeline/2025/03/2/index.html",
	"timeline pending":       "timeline/pending/index.html",
}

// TestSplitTimelineIsValidAndAccessible runs the W3C checker over the
// split timeline's pages and axe-core over one of each kind.
func TestSplitTimelineIsValidAndAccessible(t *testing.T) {
	dir, _ := writeSplitTimeline(t)
	for _, page := range splitPages {
		if _, err := os.Stat(filepath.Join(dir, page)); err != nil {
			t.Fatalf("the split timeline should have %s", page)
		}
	}
	checkValidHTML(t, dir, filepath.Join(dir, "timeline"))
	axe, err := os.ReadFile(Tool(t, "axe-core/axe.min.js"))
	if err != nil {
		t.Fatal(err)
	}
	checkAccessibility(browsertest.New(t), t, axe, dir, splitPages)
}

// TestTimelineFilterIsInTheAddress loads a filtered view of a timeline
// page fresh from its address, as a reader who was sent the link would:
// it must show the same events as filtering by hand, say how many of the
// page's events match, and keep the filter in the links to the pages
// before and after, so that following "next" shows that page filtered.
func TestTimelineFilterIsInTheAddress(t *testing.T) {
	ctx := browsertest.New(t)
	dir, b := writeSplitTimeline(t)
	log := watchConsole(ctx)
	wait := func(expression string) { t.Helper(); browsertest.WaitFor(ctx, t, expression, 10*time.Second) }
	eval := func(expression string) string {
		t.Helper()
		v, err := chromedp.Run(ctx, chromedp.Evaluate[string](expression))
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	shown := `[...document.querySelectorAll("li.event")].filter(li => !li.hidden).map(li => li.id).join(" ")`
	// The ids of the events of Ann on the talks on a page, by the model.
	want := func(path string) string {
		var ids []string
		for _, p := range b.Timeline.Pages {
			if p.Path != path {
				continue
			}
			for _, e := range p.Events {
				if slices.ContainsFunc(e.Actors, func(a *model.Actor) bool { return a.ID == "ann" }) &&
					slices.ContainsFunc(e.Topics, func(t *model.Topic) bool { return t.ID == "talks" }) {
					ids = append(ids, e.ID)
				}
			}
		}
		return strings.Join(ids, " ")
	}

	// Filtered by hand on the first part of March: the address follows.
	first := "timeline/2025/03/index.html"
	if err := chromedp.Do(ctx, chromedp.Navigate("file://"+dir+"/"+first)); err != nil {
		t.Fatal(err)
	}
	wait(`!document.querySelector(".timeline-filter").hidden`)
	eval(`(() => { for (const [id, v] of [["filter-actor", "ann"], ["filter-topic", "talks"]]) { const s = document.getElementById(id); s.value = v; s.dispatchEvent(new Event("change")); } return ""; })()`)
	byHand := eval(shown)
	if byHand == "" || byHand != want(first) {
		t.Errorf("filtered by hand, the page shows %q, want %q", byHand, want(first))
	}
	if search := eval(`location.search`); search != "?actor=ann&topic=talks" {
		t.Errorf("the address keeps the filter as %q", search)
	}

	// The same address loaded fresh shows the same events.
	if err := chromedp.Do(ctx, chromedp.Navigate("file://"+dir+"/"+first+"?actor=ann&topic=talks")); err != nil {
		t.Fatal(err)
	}
	wait(`!document.querySelector(".timeline-filter").hidden && document.getElementById("filter-actor").value === "ann"`)
	if fresh := eval(shown); fresh != byHand {
		t.Errorf("loaded fresh, the filtered view shows %q, not %q", fresh, byHand)
	}
	total := strings.Count(eval(`[...document.querySelectorAll("li.event")].map(li => li.id).join(" ")`), " ") + 1
	status := eval(`document.getElementById("filter-status").textContent`)
	if w := fmt.Sprintf("%d of %d events on this page match.", strings.Count(byHand, " ")+1, total); status != w {
		t.Errorf("the filter says %q, want %q", status, w)
	}

	// Next keeps the filter.
	if err := chromedp.Do(ctx, chromedp.Click(`.timeline-pager a[rel="next"]`)); err != nil {
		t.Fatal(err)
	}
	next := "timeline/2025/03/2/index.html"
	wait(`location.pathname.endsWith("/` + next + `") && !document.querySelector(".timeline-filter").hidden`)
	if search := eval(`location.search`); search != "?actor=ann&topic=talks" {
		t.Errorf("following next, the address is %q", search)
	}
	if got := eval(shown); got == "" || got != want(next) {
		t.Errorf("following next, the page shows %q, want %q", got, want(next))
	}
	if errs := log.take(); len(errs) > 0 {
		t.Errorf("console errors:\n%s", strings.Join(errs, "\n"))
	}
}
