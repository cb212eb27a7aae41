package model_test

import (
	"strings"
	"testing"

	"briefing/internal/content"
	"briefing/internal/diag"
	"briefing/internal/markdown"
	"briefing/internal/model"
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
