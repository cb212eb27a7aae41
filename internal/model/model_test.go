package model_test

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/briefing-gen/gen/internal/content"
	"github.com/briefing-gen/gen/internal/diag"
	"github.com/briefing-gen/gen/internal/markdown"
	"github.com/briefing-gen/gen/internal/model"
)

// link builds a briefing from actor, topic and article sources.
func link(t *testing.T, actors, topics, articles map[string]string) (*model.Briefing, *diag.List) {
	t.Helper()
	list := &diag.List{}
	conv := markdown.New(markdown.Options{NumberParagraphs: true})
	var as []*model.Actor
	for id, src := range actors {
		as = append(as, model.DecodeActor(content.Parse(id+".md", []byte(src), list), id, list))
	}
	var ts []*model.Topic
	for id, src := range topics {
		ts = append(ts, model.DecodeTopic(content.Parse(id+".md", []byte(src), list), id, list))
	}
	var arts []*model.Article
	for slug, src := range articles {
		doc := content.Parse(slug+".md", []byte(src), list)
		a := model.DecodeArticle(doc, slug, list)
		html, res, err := conv.Convert(doc.Body)
		if err != nil {
			t.Fatal(err)
		}
		a.SetBody(html, res)
		arts = append(arts, a)
	}
	return model.Link(model.Site{}, as, ts, arts, list), list
}

var (
	actors = map[string]string{
		"kyiv":     "---\nname: Ukraine\nkind: government\n---\n",
		"zelensky": "---\nname: Volodymyr Zelensky\nkind: person\naffiliation: kyiv\n---\n",
		"vance":    "---\nname: JD Vance\nkind: person\n---\n",
	}
	topics = map[string]string{
		"deal":       "---\ntitle: Minerals deal\nrelated: [guarantees]\n---\n",
		"guarantees": "---\ntitle: Security guarantees\n---\n",
	}
)

func TestCrossReferences(t *testing.T) {
	b, list := link(t, actors, topics, map[string]string{
		"later": `---
title: Later
published: "2025-02-16"
events:
  - {id: talks, date: "2025-02-14/2025-02-16", title: Talks, actors: [vance, zelensky], topics: [deal]}
  - {id: meeting, date: "2025-02-14", title: Meeting, actors: [zelensky]}
---
[Zelensky](actor:zelensky) spoke of [the deal](topic:deal) and [guarantees](topic:guarantees): [“Not yet.”](quote:zelensky)

[Vance](actor:vance) [met him](event:meeting) and [Zelensky](actor:zelensky) at [the talks](event:talks). [“Good.”](quote:vance?topic=guarantees)
`,
		"earlier": `---
title: Earlier
published: "2025-02-10"
---
[Zelensky](actor:zelensky) said [“First.”](quote:zelensky) on [the deal](topic:deal).
`,
	})
	if list.HasErrors() {
		t.Fatal(list.Err())
	}
	z := find(b.Actors, "zelensky")
	if got := quoteTexts(z.Quotes); got != "First.|Not yet." {
		t.Errorf("Zelensky's quotes in reading order = %q", got)
	}
	if z.Affiliation == nil || z.Affiliation.ID != "kyiv" || len(z.Affiliation.Members) != 1 {
		t.Errorf("affiliation not linked both ways")
	}
	if len(z.Passages) != 3 {
		t.Errorf("Zelensky is mentioned in 3 paragraphs, got %d passages", len(z.Passages))
	}
	if z.Passages[0].Article.Slug != "earlier" || z.Passages[2].Para != 2 {
		t.Errorf("passages out of reading order")
	}
	if got := eventIDs(z.Events); got != "meeting|talks" {
		t.Errorf("Zelensky's events in date order = %q", got)
	}
	if got := eventIDs(b.Events); got != "meeting|talks" {
		t.Errorf("timeline = %q", got)
	}
	for _, e := range b.Events {
		if e.Para != 2 || !strings.HasSuffix(e.SourcePath(), "later/index.html#p2") {
			t.Errorf("event %s links to %q, want its paragraph ¶2", e.ID, e.SourcePath())
		}
	}

	deal := findTopic(b.Topics, "deal")
	// "Not yet." takes both topics of its paragraph; "First." takes the deal.
	if got := quoteTexts(deal.Quotes); got != "First.|Not yet." {
		t.Errorf("quotes on the deal = %q", got)
	}
	if len(deal.Related) != 1 || deal.Related[0].ID != "guarantees" {
		t.Errorf("related topics not linked")
	}
	guarantees := findTopic(b.Topics, "guarantees")
	if got := quoteTexts(guarantees.Quotes); got != "Not yet.|Good." {
		t.Errorf("quotes on guarantees = %q", got)
	}
	groups := guarantees.Positions()
	if len(groups) != 2 {
		t.Errorf("want 2 speakers on guarantees, got %d", len(groups))
	}
	if b.Articles[0].Slug != "later" {
		t.Errorf("articles should be newest first")
	}
	later := b.Articles[0]
	if len(later.Actors) != 2 || len(later.Topics) != 2 || len(later.Events) != 2 || len(later.Paragraphs) != 2 {
		t.Errorf("article side panel: %d actors, %d topics, %d events, %d paragraphs", len(later.Actors), len(later.Topics), len(later.Events), len(later.Paragraphs))
	}
}

func find(actors []*model.Actor, id string) *model.Actor {
	for _, a := range actors {
		if a.ID == id {
			return a
		}
	}
	return nil
}

func findTopic(topics []*model.Topic, id string) *model.Topic {
	for _, x := range topics {
		if x.ID == id {
			return x
		}
	}
	return nil
}

func quoteTexts(qs []*model.Quote) string {
	var s []string
	for _, q := range qs {
		s = append(s, q.Text)
	}
	return strings.Join(s, "|")
}

func eventIDs(es []*model.Event) string {
	var s []string
	for _, e := range es {
		s = append(s, e.ID)
	}
	return strings.Join(s, "|")
}

func TestQuoteTextDropsQuotationMarksNotApostrophes(t *testing.T) {
	b, list := link(t, actors, topics, map[string]string{
		"a": "---\ntitle: A\npublished: \"2025\"\n---\n" +
			"[“substantive,”](quote:vance) [“the Ukrainians’”](quote:vance) [\"plain.\"](quote:vance) [‘single’](quote:vance)\n",
	})
	if list.HasErrors() {
		t.Fatal(list.Err())
	}
	if got := quoteTexts(find(b.Actors, "vance").Quotes); got != "substantive|the Ukrainians’|plain.|single" {
		t.Errorf("quote texts = %q", got)
	}
}

func TestMissedMentionsAreWarned(t *testing.T) {
	_, list := link(t, actors, topics, map[string]string{
		"a": "---\ntitle: A\npublished: \"2025\"\n---\n" +
			"[Zelensky](actor:zelensky) met JD Vance; Vance’s aide and [Vance](actor:vance) agreed. Ukraine said so.\n\n" +
			"Zelenskyy is not an alias here, and [“Zelensky spoke”](quote:vance) is a quote.\n",
	})
	var got []string
	for _, d := range list.Items() {
		got = append(got, d.String())
	}
	all := strings.Join(got, "\n")
	for _, want := range []string{
		`a.md:5:32: warning: ¶1 names "JD Vance" (actor vance) without an annotation`,
		`a.md:5:88: warning: ¶1 names "Ukraine" (actor kyiv)`,
		`hint: annotate it as [Ukraine](actor:kyiv); if it names no actor here, add "Ukraine" to not_mentions`,
	} {
		if !strings.Contains(all, want) {
			t.Errorf("lacks %q in:\n%s", want, all)
		}
	}
	// Every name is warned about in one run, each once: "Vance’s" too, but
	// not the "Vance" of "JD Vance", nor words inside annotations.
	if strings.Count(all, "actor vance") != 2 || !strings.Contains(all, `a.md:5:42: warning: ¶1 names "Vance" (actor vance)`) || strings.Contains(all, "¶2") {
		t.Errorf("want a warning for each name outside annotations, the longer name only where one holds another:\n%s", all)
	}
}

func TestNotMentionsSilencesADeliberateName(t *testing.T) {
	_, list := link(t, actors, topics, map[string]string{
		"a": "---\ntitle: A\npublished: \"2025\"\nnot_mentions: [Ukraine]\n---\n" +
			"[Zelensky](actor:zelensky) flew over Ukraine, not meaning the government. Vance waited.\n",
	})
	var got []string
	for _, d := range list.Items() {
		got = append(got, d.String())
	}
	all := strings.Join(got, "\n")
	if strings.Contains(all, `"Ukraine"`) || !strings.Contains(all, `names "Vance"`) {
		t.Errorf("not_mentions should silence only the names it lists:\n%s", all)
	}
}

func TestMissedMentionOfAnAlias(t *testing.T) {
	withAlias := map[string]string{}
	for k, v := range actors {
		withAlias[k] = v
	}
	withAlias["zelensky"] = "---\nname: Volodymyr Zelensky\nkind: person\naliases: [Zelenskyy]\n---\n"
	_, list := link(t, withAlias, topics, map[string]string{
		"a": "---\ntitle: A\npublished: \"2025\"\n---\nAs Zelenskyy put it, [Vance](actor:vance) listened.\n",
	})
	var got []string
	for _, d := range list.Items() {
		got = append(got, d.String())
	}
	if all := strings.Join(got, "\n"); !strings.Contains(all, `a.md:5:4: warning: ¶1 names "Zelenskyy" (actor zelensky) without an annotation`) {
		t.Errorf("an unannotated alias should warn:\n%s", all)
	}
}

func TestPositionsStancesAndCoMentions(t *testing.T) {
	b, list := link(t, actors, topics, map[string]string{
		"a": `---
title: A
published: "2025-02-15"
---
[Zelensky](actor:zelensky) and [Vance](actor:vance) discussed [the deal](topic:deal). [“Good.”](quote:vance)

[Zelensky](actor:zelensky) said [“No deal without guarantees.”](quote:zelensky?topic=deal,guarantees) to [Vance](actor:vance).

[Ukraine](actor:kyiv) waited. [“Later.”](quote:zelensky?topic=deal)
`,
	})
	if list.HasErrors() {
		t.Fatal(list.Err())
	}
	deal := findTopic(b.Topics, "deal")
	positions := deal.Positions()
	if len(positions) != 2 || positions[0].Speaker.ID != "zelensky" || quoteTexts(positions[0].Quotes) != "No deal without guarantees.|Later." ||
		positions[1].Speaker.ID != "vance" {
		t.Errorf("positions on the deal: %+v", positions)
	}

	z := find(b.Actors, "zelensky")
	if s := z.StanceOn(deal); len(s.Quotes) != 2 || len(s.Passages) != 1 || s.Path() != "actors/zelensky/index.html#on-deal" {
		t.Errorf("Zelensky on the deal: %d quotes, %d passages, %s", len(s.Quotes), len(s.Passages), s.Path())
	}
	if s := find(b.Actors, "kyiv").StanceOn(deal); !s.Empty() {
		t.Errorf("Ukraine is named with no topic and quoted on none: %+v", s)
	}
	rows := b.StanceRows()
	if len(rows) != 2 || rows[0].ID != "zelensky" {
		t.Errorf("stance rows: %v", rows)
	}

	co := z.CoMentions()
	if len(co) != 1 || co[0].Actor.ID != "vance" || len(co[0].Passages) != 2 {
		t.Errorf("Zelensky is named with Vance in two paragraphs and no one else: %+v", co)
	}
	if len(find(b.Actors, "kyiv").CoMentions()) != 0 {
		t.Errorf("Ukraine shares no paragraph with another actor")
	}
}

func TestTimelineOrderAndPrecision(t *testing.T) {
	b, list := link(t, actors, topics, map[string]string{
		"a": `---
title: A
published: "2025-03-01"
events:
  - {id: pending-one, date: pending, title: Expected}
  - {id: in-2025, date: "2025", title: Some time in 2025}
  - {id: late-feb, date: "2025-02-28", title: Last day of February}
  - {id: conference, date: "2025-02-14/2025-02-16", title: Conference}
  - {id: in-feb, date: "~2025-02", title: About February}
  - {id: feb-14, date: "2025-02-14", title: Valentine}
  - {id: yesterday, date: yesterday, title: The day before}
  - {id: across, date: "2024-12-30/2025-01-02", title: New year}
---
[x](event:pending-one) [x](event:in-2025) [x](event:late-feb) [x](event:conference) [x](event:in-feb) [x](event:feb-14) [x](event:yesterday) [x](event:across)
`,
	})
	if list.HasErrors() {
		t.Fatal(list.Err())
	}
	var got []string
	for _, e := range b.Events {
		got = append(got, e.ID+"="+e.Date.String())
	}
	want := []string{
		"across=30 December 2024 – 2 January 2025",
		"in-2025=2025",
		"in-feb=about February 2025",
		"feb-14=14 February 2025",
		"conference=14–16 February 2025",
		"late-feb=28 February 2025",
		"yesterday=28 February 2025",
		"pending-one=date to come",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("timeline:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestYearZeroIsAPositionedError checks that a date in year 0000 stops the
// build at its field, in an article's published date and an event's date.
func TestYearZeroIsAPositionedError(t *testing.T) {
	_, list := link(t, actors, topics, map[string]string{
		"a": "---\ntitle: A\npublished: \"0000-01-01\"\nevents:\n  - id: e\n    date: \"0000\"\n    title: E\n---\n[x](event:e)\n",
	})
	var got []string
	for _, d := range list.Items() {
		got = append(got, d.String())
	}
	all := strings.Join(got, "\n")
	for _, want := range []string{
		`a.md:3:1: field "published": "0000-01-01"`,
		`a.md:6:12: field "date": "0000"`,
		"year 0000",
		"hint: ",
	} {
		if !strings.Contains(all, want) {
			t.Errorf("lacks %q in:\n%s", want, all)
		}
	}
}

// TestInvalidFileIDIsNotSuggested checks that an actor file whose name is
// not a valid id (Hughes.md) is never offered as "did you mean", and that
// the file's own error names the valid id to rename it to.
func TestInvalidFileIDIsNotSuggested(t *testing.T) {
	_, list := link(t, map[string]string{
		"Hughes": "---\nname: Sarah Hughes\nkind: person\n---\n",
	}, topics, map[string]string{
		"a": "---\ntitle: A\npublished: \"2025\"\n---\n[Hughes](actor:hughes) spoke.\n",
	})
	var got []string
	for _, d := range list.Items() {
		got = append(got, d.String())
	}
	all := strings.Join(got, "\n")
	if strings.Contains(all, `"Hughes"?`) {
		t.Errorf("suggests the invalid id Hughes:\n%s", all)
	}
	for _, want := range []string{
		`Hughes.md: file name "Hughes" is not a valid id`,
		`rename the file to hughes.md`,
		`a.md:5:16: unknown actor "hughes"`,
		`hint: rename Hughes.md to hughes.md: ids are lowercase`,
	} {
		if !strings.Contains(all, want) {
			t.Errorf("lacks %q in:\n%s", want, all)
		}
	}
}

// TestAffiliationCycleIsWarned checks that actors affiliated with each
// other in a loop, of two or more, get one warning naming the loop.
func TestAffiliationCycleIsWarned(t *testing.T) {
	_, list := link(t, map[string]string{
		"a": "---\nname: A\nkind: organisation\naffiliation: b\n---\n",
		"b": "---\nname: B\nkind: organisation\naffiliation: a\n---\n",
		"c": "---\nname: C\nkind: organisation\naffiliation: d\n---\n",
		"d": "---\nname: D\nkind: organisation\naffiliation: e\n---\n",
		"e": "---\nname: E\nkind: organisation\naffiliation: c\n---\n",
		"f": "---\nname: F\nkind: person\naffiliation: c\n---\n",
	}, topics, nil)
	var got []string
	for _, d := range list.Items() {
		got = append(got, d.String())
	}
	all := strings.Join(got, "\n")
	for _, want := range []string{
		"a.md:4:1: warning: affiliation cycle: a → b → a",
		"c.md:4:1: warning: affiliation cycle: c → d → e → c",
	} {
		if !strings.Contains(all, want) {
			t.Errorf("lacks %q in:\n%s", want, all)
		}
	}
	if n := strings.Count(all, "affiliation cycle"); n != 2 {
		t.Errorf("want one warning per cycle, got %d:\n%s", n, all)
	}
}

// TestCapitalisedReferenceSuggestsTheValidID checks that actor:Hughes,
// when hughes.md exists, is told the valid id to write.
func TestCapitalisedReferenceSuggestsTheValidID(t *testing.T) {
	_, list := link(t, map[string]string{
		"hughes": "---\nname: Sarah Hughes\nkind: person\n---\n",
	}, topics, map[string]string{
		"a": "---\ntitle: A\npublished: \"2025\"\n---\n[Hughes](actor:Hughes) spoke.\n",
	})
	err := list.Err()
	if err == nil || !strings.Contains(err.Error(), `invalid actor id "Hughes"`) || !strings.Contains(err.Error(), `did you mean "hughes"?`) {
		t.Errorf("got %v", err)
	}
}

// TestEntityEncodedSchemeIsRefused checks that a link whose scheme is
// written with character references (&#106;avascript:) is refused like
// javascript: itself: the check must see what the browser would get.
func TestEntityEncodedSchemeIsRefused(t *testing.T) {
	_, list := link(t, actors, topics, map[string]string{
		"a": "---\ntitle: A\npublished: \"2025\"\n---\n" +
			"[a](javascript:alert(1))\n\n[b](&#106;avascript:alert(1))\n\n[c](&#x6A;avascript&colon;alert(1))\n\n[d](JAVA&#83;CRIPT\\:x) [e](https://example.org/&#106;avascript:x)\n\n[f](javascript://%0Aalert(1))\n",
	})
	var got []string
	for _, d := range list.Items() {
		got = append(got, d.String())
	}
	all := strings.Join(got, "\n")
	for _, want := range []string{
		`a.md:5:1: unsafe link "javascript:alert(1)": javascript: links can run code`,
		`a.md:7:1: unsafe link "&#106;avascript:alert(1)": javascript: links can run code`,
		`a.md:9:1: unsafe link "&#x6A;avascript&colon;alert(1)": javascript: links can run code`,
		`a.md:11:1: unsafe link "JAVA&#83;CRIPT\\:x": javascript: links can run code`,
		`a.md:13:1: unsafe link "javascript://%0Aalert(1)": javascript: links can run code`,
	} {
		if !strings.Contains(all, want) {
			t.Errorf("lacks %q in:\n%s", want, all)
		}
	}
	if n := strings.Count(all, "unsafe link"); n != 5 {
		t.Errorf("want 5 unsafe links, got %d:\n%s", n, all)
	}
}

// TestNothingCanTakeTheIndexPagesFolder checks that content/articles/
// page.md, whose page would be articles/page/index.html, among the
// articles index's later pages, is an error naming the file, as is an
// actor or topic of that id.
func TestNothingCanTakeTheIndexPagesFolder(t *testing.T) {
	_, list := link(t, map[string]string{
		"page": "---\nname: Page\nkind: person\n---\n",
	}, map[string]string{
		"page": "---\ntitle: Page\n---\n",
	}, map[string]string{
		"page": "---\ntitle: A page\npublished: \"2025\"\n---\nText.\n",
	})
	err := list.Err()
	for _, folder := range []string{"articles", "actors", "topics"} {
		if err == nil || !strings.Contains(err.Error(), "page.md: the later pages of the index of "+folder+" are at "+folder+"/page/2/") {
			t.Errorf("%s: got %v", folder, err)
		}
	}
}

// TestUnknownEventSuggestsAShortenedID: an event id with words left out
// is too far from the declared one to be a typo, and gets it as a hint.
func TestUnknownEventSuggestsAShortenedID(t *testing.T) {
	_, list := link(t, map[string]string{}, topics, map[string]string{
		"a": "---\ntitle: A\npublished: \"2025-04-30\"\nevents:\n  - id: svyrydenko-washington-trip\n    date: \"2025-04-30\"\n    title: Svyrydenko flies to Washington\n---\n" +
			"She [flew to Washington](event:svyrydenko-washington-trip) and [signed](event:svyrydenko-trip).\n",
	})
	var got []string
	for _, d := range list.Items() {
		got = append(got, d.String())
	}
	all := strings.Join(got, "\n")
	if !strings.Contains(all, `unknown event "svyrydenko-trip"`) || !strings.Contains(all, `did you mean "svyrydenko-washington-trip"?`) {
		t.Errorf("want a did-you-mean for the shortened id:\n%s", all)
	}
}

// TestEveryProblemOfOneAnnotationInOneRun checks that a quote with both
// an unknown parameter and an unknown speaker reports both in one run,
// each pointing at the part of the destination that is wrong rather than
// at the start of the long quote.
func TestEveryProblemOfOneAnnotationInOneRun(t *testing.T) {
	long := strings.Repeat("words of a long quotation ", 8)
	_, list := link(t, actors, topics, map[string]string{
		"a": "---\ntitle: A\npublished: \"2025\"\n---\n[“" + long + "”](quote:shmyal?topics=deal&tone=x)\n",
	})
	var got []string
	for _, d := range list.Items() {
		got = append(got, d.String())
	}
	all := strings.Join(got, "\n")
	at := utf8.RuneCountInString("[“"+long+"”](quote:") + 1
	for _, want := range []string{
		fmt.Sprintf(`a.md:5:%d: unknown actor "shmyal"`, at),
		fmt.Sprintf(`a.md:5:%d: malformed quote annotation: unknown parameters "tone", "topics"`, at+len("shmyal?")),
	} {
		if !strings.Contains(all, want) {
			t.Errorf("lacks %q in:\n%s", want, all)
		}
	}
}
