package model_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/briefing-gen/gen/internal/content"
	"github.com/briefing-gen/gen/internal/diag"
	"github.com/briefing-gen/gen/internal/markdown"
	"github.com/briefing-gen/gen/internal/model"
)

const talks = `---
title: Talks
published: "2025-02-14"
events:
  - {id: talks, date: "2025-02-14", title: Talks, actors: [vance]}
---
[Vance](actor:vance) met [Zelensky](actor:zelensky) to [talk](event:talks) about [the deal](topic:deal).

Later [Zelensky](actor:zelensky) said [“it is not ready”](quote:zelensky) to reporters.
`

// decodeArticle reads an article as a build does before linking.
func decodeArticle(t *testing.T, slug, src string, list *diag.List) *model.Article {
	t.Helper()
	doc := content.Parse(slug+".md", []byte(src), list)
	a := model.DecodeArticle(doc, slug, list)
	html, res, err := markdown.New(markdown.Options{NumberParagraphs: true}).Convert(doc.Body)
	if err != nil {
		t.Fatal(err)
	}
	a.SetBody(html, res)
	return a
}

// TestRewordMatchesALinkOfTheNewText puts a reworded article in place and
// checks the briefing against one linked from the new text.
func TestRewordMatchesALinkOfTheNewText(t *testing.T) {
	b, _ := link(t, actors, topics, map[string]string{"talks": talks})
	reworded := strings.Replace(talks, "met", "sat down with", 1)
	var list diag.List
	if !b.Reword(b.Articles[0], decodeArticle(t, "talks", reworded, &list), &list) {
		t.Fatalf("a reworded sentence was not taken in place: %v", list.Items())
	}
	want, _ := link(t, actors, topics, map[string]string{"talks": reworded})
	for _, id := range []string{"vance", "zelensky"} {
		got, exp := find(b.Actors, id).Passages, find(want.Actors, id).Passages
		if len(got) != len(exp) {
			t.Fatalf("%s: %d passages, want %d", id, len(got), len(exp))
		}
		for i := range got {
			if got[i].Text != exp[i].Text || !equalSpans(got[i].Marks, exp[i].Marks) {
				t.Errorf("%s passage %d: %q %v, want %q %v", id, i, got[i].Text, got[i].Marks, exp[i].Text, exp[i].Marks)
			}
		}
	}
	if got := string(b.Articles[0].Body); !strings.Contains(got, "sat down with") {
		t.Errorf("the body is not the new one: %s", got)
	}
	if b.Articles[0].Outline() != want.Articles[0].Outline() {
		t.Error("the outline changed")
	}
}

func equalSpans(a, b []model.Span) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// TestRewordRefusesWhatNeedsLinking leaves the briefing as it was for
// edits that change more than text, and for text with an error in it.
func TestRewordRefusesWhatNeedsLinking(t *testing.T) {
	for name, edit := range map[string]struct {
		old, new string
		err      string // the error reported, "" for none
	}{
		"a new mention":        {"to reporters", "to [Vance](actor:vance)", ""},
		"a quote reworded":     {"it is not ready", "it is ready", ""},
		"an event retitled":    {"title: Talks, actors", "title: Peace talks, actors", ""},
		"a relative date":      {`date: "2025-02-14"`, `date: "friday"`, ""},
		"a broken annotation":  {"to reporters", "to [reporters] (actor:vance)", "did not become an annotation"},
		"a misspelt link type": {"to reporters", "to [reporters](acter:vance)", "unknown annotation type"},
	} {
		t.Run(name, func(t *testing.T) {
			b, _ := link(t, actors, topics, map[string]string{"talks": talks})
			before := b.Articles[0].Body
			var list diag.List
			if b.Reword(b.Articles[0], decodeArticle(t, "talks", strings.Replace(talks, edit.old, edit.new, 1), &list), &list) {
				t.Fatal("taken in place")
			}
			if b.Articles[0].Body != before {
				t.Error("the article changed")
			}
			if err := list.Err(); (err == nil) != (edit.err == "") || err != nil && !strings.Contains(err.Error(), edit.err) {
				t.Errorf("got %v, want %q", err, edit.err)
			}
		})
	}
}

// TestRewordChecksTheNewText reports a name the new text missed, at its
// place in the file.
func TestRewordChecksTheNewText(t *testing.T) {
	b, _ := link(t, actors, topics, map[string]string{"talks": talks})
	var list diag.List
	reworded := strings.Replace(talks, "to reporters", "to reporters, with JD Vance", 1)
	if !b.Reword(b.Articles[0], decodeArticle(t, "talks", reworded, &list), &list) {
		t.Fatalf("not taken in place: %v", list.Items())
	}
	items := list.Items()
	if len(items) != 1 || !strings.Contains(items[0].Message, "JD Vance") || items[0].Line != 9 {
		t.Errorf("want the missed mention of JD Vance on line 9, got %v", items)
	}
}

// describe writes down everything linking derives, in order, to compare
// briefings.
func describe(b *model.Briefing) string {
	var s strings.Builder
	passages := func(ps []*model.Passage) {
		for _, p := range ps {
			fmt.Fprintf(&s, "  passage %s ¶%d %q %v\n", p.Article.Slug, p.Para, p.Text, p.Marks)
		}
	}
	quotes := func(qs []*model.Quote) {
		for _, q := range qs {
			fmt.Fprintf(&s, "  quote %s %s ¶%d #%d %q %s\n", q.Speaker.ID, q.Article.Slug, q.Para, q.N, q.Text, topicIDs(q.Topics))
		}
	}
	for _, a := range b.Actors {
		fmt.Fprintf(&s, "actor %s\n", a.ID)
		passages(a.Passages)
		quotes(a.Quotes)
		for _, st := range a.Stances() {
			fmt.Fprintf(&s, "  stance %s %d %d\n", st.Topic.ID, len(st.Quotes), len(st.Passages))
		}
		for _, c := range a.CoMentions() {
			fmt.Fprintf(&s, "  with %s %d\n", c.Actor.ID, len(c.Passages))
		}
		fmt.Fprintf(&s, "  events %s\n", eventIDs(a.Events))
	}
	for _, t := range b.Topics {
		fmt.Fprintf(&s, "topic %s events %s\n", t.ID, eventIDs(t.Events))
		passages(t.Passages)
		quotes(t.Quotes)
	}
	for _, a := range b.Articles {
		fmt.Fprintf(&s, "article %s %s %s %s\n", a.Slug, eventIDs(a.Events), topicIDs(a.Topics), a.Outline())
		for _, x := range a.Actors {
			fmt.Fprintf(&s, "  actor %s\n", x.ID)
		}
		quotes(a.Quotes)
	}
	for _, e := range b.Events {
		fmt.Fprintf(&s, "event %s ¶%d\n", e.ID, e.Para)
	}
	quotes(b.Quotes)
	return s.String()
}

func topicIDs(ts []*model.Topic) string {
	var ids []string
	for _, t := range ts {
		ids = append(ids, t.ID)
	}
	return strings.Join(ids, ",")
}

const earlier = `---
title: Earlier
published: "2025-02-10"
---
[Zelensky](actor:zelensky) and [Vance](actor:vance) spoke of [the deal](topic:deal) and [guarantees](topic:guarantees).

[Zelensky](actor:zelensky) said [“no”](quote:zelensky) after [the talks](event:talks).
`

const afterwards = `---
title: Afterwards
published: "2025-03-01"
---
[Vance](actor:vance) said [“we shall see”](quote:vance) on [the deal](topic:deal).
`

// TestReannotateMatchesALinkOfTheNewText makes the edits of someone
// annotating an article and checks, after each, the briefing against one
// linked from the new text.
func TestReannotateMatchesALinkOfTheNewText(t *testing.T) {
	edits := map[string]struct{ old, new string }{
		"a mention added":            {"to reporters", "to [Vance](actor:vance)"},
		"a mention taken out":        {"[Vance](actor:vance) met", "Vance met"},
		"a quote on a topic":         {"to reporters", "to reporters: [“later”](quote:vance?topic=guarantees)"},
		"a quote reworded":           {"it is not ready", "it is not ready yet"},
		"the event reference moved":  {"to [talk](event:talks)", "to talk"},
		"a topic in the quote's ¶":   {"to reporters", "to reporters about [guarantees](topic:guarantees)"},
		"the paragraphs swapped":     {"[Vance](actor:vance) met", "Nobody said anything.\n\n[Vance](actor:vance) met"},
		"a mention of a name missed": {"to reporters", "to JD Vance"},
	}
	for name, edit := range edits {
		t.Run(name, func(t *testing.T) {
			b, _ := link(t, actors, topics, map[string]string{"talks": talks, "earlier": earlier, "afterwards": afterwards})
			edited := strings.Replace(talks, edit.old, edit.new, 1)
			if edited == talks {
				t.Fatal("the edit changed nothing")
			}
			var old *model.Article
			for _, a := range b.Articles {
				if a.Slug == "talks" {
					old = a
				}
			}
			var list diag.List
			if !b.Reannotate(old, decodeArticle(t, "talks", edited, &list), &list) {
				t.Fatalf("not relinked in place: %v", list.Items())
			}
			want, wantList := link(t, actors, topics, map[string]string{"talks": edited, "earlier": earlier, "afterwards": afterwards})
			if got, exp := describe(b), describe(want); got != exp {
				t.Errorf("relinked in place:\n%s\nlinked anew:\n%s", got, exp)
			}
			if got, exp := len(list.Items()), len(wantList.Items()); got != exp {
				t.Errorf("%d problems reported, a new link reports %d: %v", got, exp, list.Items())
			}
		})
	}
}

// TestReannotateRefusesWhatItCannotDoInPlace leaves the briefing as it
// was for a new frame and for an error.
func TestReannotateRefusesWhatItCannotDoInPlace(t *testing.T) {
	for name, edit := range map[string]struct {
		old, new string
		err      string
	}{
		"a new title":        {"title: Talks", "title: Peace talks", ""},
		"an event retitled":  {"title: Talks, actors", "title: Peace talks, actors", ""},
		"an unknown actor":   {"to reporters", "to [Vance](actor:vence)", `unknown actor "vence"`},
		"an unknown event":   {"to reporters", "to [reporters](event:meeting)", `unknown event "meeting"`},
		"a quote of nothing": {"to reporters", "to [“”](quote:vance)", "quote has no text"},
	} {
		t.Run(name, func(t *testing.T) {
			b, _ := link(t, actors, topics, map[string]string{"talks": talks, "earlier": earlier, "afterwards": afterwards})
			before := describe(b)
			var old *model.Article
			for _, a := range b.Articles {
				if a.Slug == "talks" {
					old = a
				}
			}
			var list diag.List
			if b.Reannotate(old, decodeArticle(t, "talks", strings.Replace(talks, edit.old, edit.new, 1), &list), &list) {
				t.Fatal("relinked in place")
			}
			if describe(b) != before {
				t.Error("the briefing changed")
			}
			if err := list.Err(); (err == nil) != (edit.err == "") || err != nil && !strings.Contains(err.Error(), edit.err) {
				t.Errorf("got %v, want %q", err, edit.err)
			}
		})
	}
}
