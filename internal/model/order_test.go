package model_test

import (
	"strings"
	"testing"

	"github.com/briefing-gen/gen/internal/model"
)

// story is a briefing of several articles on different days, several
// paragraphs each, for the order of what pages list from many articles.
func story() map[string]string {
	return map[string]string{
		"old": `---
title: Old news about the long negotiations over the minerals deal and the guarantees
source: Daily Wire
published: "2025-01-10"
---
[Zelensky](actor:zelensky) spoke of a [“counter proposal”](quote:zelensky?topic=deal) for [the deal](topic:deal) in [“the near future”](quote:zelensky?topic=deal).

[Zelensky](actor:zelensky) added [“second paragraph”](quote:zelensky?topic=deal).
`,
		"new": `---
title: New
short_title: Signing day
published: "2025-02-20"
events:
  - {id: release, date: "2025-02-20", title: A news release}
  - {id: signing, date: "2025-02-20", title: Signing, actors: [vance], topics: [guarantees]}
---
The [signing](event:signing) took place, said [Zelensky](actor:zelensky): [“newer first”](quote:zelensky?topic=deal) and [“implicit”](quote:kyiv).

A [news release](event:release) announced it. [Zelensky](actor:zelensky) said [“newer second”](quote:zelensky?topic=deal).
`,
		"mid": `---
title: Mid
published: "2025-02-01"
---
Nothing of note.

[Zelensky](actor:zelensky) said [“middle”](quote:zelensky?topic=deal).
`,
	}
}

// TestQuotesKeepReadingOrderWithinAnArticle: the model lists quotes and
// passages oldest article first, and within an article in the order of
// its paragraphs and of the words in a paragraph.
func TestQuotesKeepReadingOrderWithinAnArticle(t *testing.T) {
	b, list := link(t, actors, topics, story())
	if list.HasErrors() {
		t.Fatal(list.Err())
	}
	z := find(b.Actors, "zelensky")
	want := "counter proposal|the near future|second paragraph|middle|newer first|newer second"
	if got := quoteTexts(z.Quotes); got != want {
		t.Errorf("Zelensky's quotes = %q, want %q", got, want)
	}
	if got := quoteTexts(findTopic(b.Topics, "deal").Quotes); got != want {
		t.Errorf("quotes on the deal = %q, want %q", got, want)
	}
	var paras []string
	for _, p := range z.Passages {
		paras = append(paras, p.Article.Slug+"¶"+string(rune('0'+p.Para)))
	}
	if got := strings.Join(paras, " "); got != "old¶1 old¶2 mid¶2 new¶1 new¶2" {
		t.Errorf("Zelensky's passages = %q", got)
	}
}

// TestSameDayEventsFollowTheirFirstReport: events of one day are ordered
// by the order the articles first report them, not by title.
func TestSameDayEventsFollowTheirFirstReport(t *testing.T) {
	b, list := link(t, actors, topics, story())
	if list.HasErrors() {
		t.Fatal(list.Err())
	}
	if got := eventIDs(b.Events); got != "signing|release" {
		t.Errorf("timeline = %q, want the signing before the release that announces it", got)
	}
	if got := eventIDs(b.Articles[0].Events); got != "signing|release" {
		t.Errorf("the article's events = %q", got)
	}
}

// TestEventTimeOrdersTheDay: a time orders events of one day, whatever
// the order of their reports; a malformed time is a positioned error.
func TestEventTimeOrdersTheDay(t *testing.T) {
	b, list := link(t, actors, topics, map[string]string{
		"day": `---
title: Day
published: "2025-02-20"
events:
  - {id: evening, date: "2025-02-20", time: "18:30", title: Evening}
  - {id: morning, date: "2025-02-20", time: "09:05", title: Morning}
  - {id: untimed, date: "2025-02-20", title: Untimed}
  - {id: next, date: "2025-02-21", time: "08:00", title: Next day}
---
[x](event:untimed) [x](event:next) [x](event:evening) [x](event:morning)
`,
	})
	if list.HasErrors() {
		t.Fatal(list.Err())
	}
	if got := eventIDs(b.Events); got != "morning|evening|untimed|next" {
		t.Errorf("timeline = %q", got)
	}
	if e := b.Events[0]; e.Time != "09:05" {
		t.Errorf("time = %q", e.Time)
	}

	_, list = link(t, actors, topics, map[string]string{
		"bad": "---\ntitle: Bad\npublished: \"2025-02-20\"\nevents:\n  - id: e\n    date: \"2025-02-20\"\n    time: \"25:00\"\n    title: E\n---\n[x](event:e)\n",
	})
	var got []string
	for _, d := range list.Items() {
		got = append(got, d.String())
	}
	all := strings.Join(got, "\n")
	for _, want := range []string{`bad.md:7:12: field "time"`, `"25:00"`, "hint: "} {
		if !strings.Contains(all, want) {
			t.Errorf("lacks %q in:\n%s", want, all)
		}
	}
}

// TestEventActorsCountForTheirReportingParagraph: an event's actors and
// topics count for the paragraph that first reports it.
func TestEventActorsCountForTheirReportingParagraph(t *testing.T) {
	b, list := link(t, actors, topics, story())
	if list.HasErrors() {
		t.Fatal(list.Err())
	}
	vance := find(b.Actors, "vance")
	if len(vance.Passages) != 1 || vance.Passages[0].Article.Slug != "new" || vance.Passages[0].Para != 1 {
		t.Fatalf("Vance, named only in the signing's actors, has passages %v", vance.Passages)
	}
	if s := vance.StanceOn(findTopic(b.Topics, "guarantees")); s.Empty() {
		t.Errorf("Vance has no stance on the signing's topic")
	}
	if !containsActor(b.StanceRows(), vance) {
		t.Errorf("Vance missing from the positions page")
	}
	newest := b.Articles[0]
	if !containsActor(newest.Actors, vance) {
		t.Errorf("Vance missing from the article's actors")
	}
	g := findTopic(b.Topics, "guarantees")
	if len(g.Passages) != 1 || g.Passages[0].Para != 1 {
		t.Errorf("guarantees' passages = %v", g.Passages)
	}
	// A quote that names no topic takes its paragraph's, the event's too.
	if got := quoteTexts(g.Quotes); got != "implicit" {
		t.Errorf("quotes on guarantees = %q", got)
	}
}

func containsActor(list []*model.Actor, a *model.Actor) bool {
	for _, x := range list {
		if x == a {
			return true
		}
	}
	return false
}

// TestShortTitle: a citation's title is the short_title, or the title cut
// at a word.
func TestShortTitle(t *testing.T) {
	b, list := link(t, actors, topics, story())
	if list.HasErrors() {
		t.Fatal(list.Err())
	}
	got := map[string]string{}
	for _, a := range b.Articles {
		got[a.Slug] = a.ShortTitle()
	}
	if got["new"] != "Signing day" || got["mid"] != "Mid" {
		t.Errorf("short titles = %q", got)
	}
	if want := "Old news about the long negotiations over the…"; got["old"] != want {
		t.Errorf("cut title = %q, want %q", got["old"], want)
	}
}
