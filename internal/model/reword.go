package model

import (
	"maps"
	"slices"

	"briefing/internal/diag"
)

// Reword puts the new version of an article in the place of old in a
// linked briefing, when the two differ only in their paragraphs' text
// (their outlines are the same): the fix of a typo, gen serve's most
// common rebuild. Every link stays as it was, so rather than link the
// whole briefing again, Reword swaps in the new text and the passages'
// text and marks, and runs again the checks that read the text. Their
// problems go to list.
//
// Reword reports false, and changes nothing, when the outlines differ or
// the checks find an error; the briefing then needs linking again.
func (b *Briefing) Reword(old, new *Article, list *diag.List) bool {
	if old.Outline() != new.Outline() || len(old.declared) != len(new.declared) {
		return false
	}
	var found diag.List
	l := &linker{list: &found}
	l.checkText(new)
	warnMissed(new, b.names, &found)
	failed := found.HasErrors()
	list.Merge(&found)
	if failed {
		return false
	}

	old.doc, old.Body, old.Paragraphs, old.annotations, old.suspects = new.doc, new.Body, new.Paragraphs, new.annotations, new.suspects
	for i, e := range old.declared {
		e.meta = new.declared[i].meta // for the positions of later warnings
	}
	rewritten := map[*Passage]bool{}
	for _, an := range old.annotations {
		p := old.passages[passageKey{an.Kind, an.ID, an.Para}]
		if p == nil {
			continue // not a mention, or of no known actor or topic
		}
		if !rewritten[p] {
			p.Text, p.Marks = passageText(old, an), nil
			rewritten[p] = true
		}
		p.mark(an)
	}
	return true
}

// Passages are the actors' and topics' passages in the article, in no
// particular order.
func (a *Article) Passages() []*Passage { return slices.Collect(maps.Values(a.passages)) }
