package model_test

import (
	"testing"

	"github.com/briefing-gen/gen/internal/model"
)

// TestNamesInQuotesAreMentions: a quote naming Russia and the Trump
// administration did not list its paragraph on their pages, nor did an
// event reference's words.
func TestNamesInQuotesAreMentions(t *testing.T) {
	b, list := link(t, map[string]string{
		"bessent":  "---\nname: Scott Bessent\nkind: person\n---\n",
		"russia":   "---\nname: Russia\nkind: government\n---\n",
		"trump":    "---\nname: Trump administration\nkind: government\naliases: [Trump Administration]\n---\n",
		"kyiv":     "---\nname: Ukraine\nkind: government\naliases: [Kyiv]\n---\n",
		"zelensky": "---\nname: Volodymyr Zelensky\nkind: person\n---\n",
	}, nil, map[string]string{
		"deal": `---
title: Deal
published: "2025-04-30"
not_mentions: [Kyiv]
events:
  - {id: signing, date: "2025-04-30", title: Signing}
---
[Bessent](actor:bessent) said the deal [“signals clearly to Russia that the Trump Administration is committed”](quote:bessent).

[Zelensky](actor:zelensky) attended [the signing with Ukraine's delegation](event:signing).

A spokesman said [“Kyiv will decide”](quote:zelensky).
`,
	})
	if list.HasErrors() {
		t.Fatal(list.Err())
	}
	actor := func(id string) *model.Actor {
		for _, a := range b.Actors {
			if a.ID == id {
				return a
			}
		}
		t.Fatalf("no actor %s", id)
		return nil
	}
	for id, want := range map[string]string{"russia": "Russia", "trump": "Trump Administration", "kyiv": "Ukraine"} {
		ps := actor(id).Passages
		if len(ps) != 1 {
			t.Errorf("%s: %d passages, want 1", id, len(ps))
			continue
		}
		p := ps[0]
		if len(p.Marks) != 1 || p.Text[p.Marks[0].Start:p.Marks[0].End] != want {
			t.Errorf("%s: marks %v in %q, want %q marked", id, p.Marks, p.Text, want)
		}
	}
	for id, want := range map[string]int{"russia": 1, "kyiv": 2} { // Kyiv in ¶3 is in not_mentions
		if ps := actor(id).Passages; len(ps) > 0 && ps[0].Para != want {
			t.Errorf("%s's passage is ¶%d, want ¶%d", id, ps[0].Para, want)
		}
	}
	if len(actor("bessent").Passages) != 1 {
		t.Errorf("Bessent: %d passages, want 1", len(actor("bessent").Passages))
	}
}
