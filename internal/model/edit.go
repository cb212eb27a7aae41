package model

import (
	"maps"
	"slices"

	"briefing/internal/annotate"
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
	if old.Outline() != new.Outline() { // so their declared events match one for one
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

// Reannotate puts the new version of an article in the place of old in a
// linked briefing, when the two have the same frame (front matter fields
// and declared events) and differ in what their text says and annotates:
// a mention or quote added, the common edit while annotating. Rather than
// link the whole briefing again, it relinks the article alone: its old
// passages and quotes leave their actors' and topics' lists and the new
// ones join them, and the stances and co-mentions of the actors it names,
// then or now, are worked out again. Problems go to list.
//
// Reannotate reports false, and changes nothing, when the frames differ or
// the new version has an error; the briefing then needs linking again.
func (b *Briefing) Reannotate(old, new *Article, list *diag.List) bool {
	if old.frame() != new.frame() { // so their declared events match one for one
		return false
	}
	var found diag.List
	l := &linker{list: &found, known: b.known}
	targets := l.resolve(new)
	warnMissed(new, b.names, &found)
	failed := found.HasErrors()
	list.Merge(&found)
	if failed {
		return false
	}

	actors, topics := map[*Actor]bool{}, map[*Topic]bool{}
	named := func(a *Article) {
		xs, ts := a.Named()
		for _, x := range xs {
			actors[x] = true
		}
		for _, t := range ts {
			topics[t] = true
		}
	}
	named(old)
	isOld := func(a *Article) bool { return a == old }
	for x := range actors {
		x.Passages = slices.DeleteFunc(x.Passages, func(p *Passage) bool { return isOld(p.Article) })
		x.Quotes = slices.DeleteFunc(x.Quotes, func(q *Quote) bool { return isOld(q.Article) })
	}
	for t := range topics {
		t.Passages = slices.DeleteFunc(t.Passages, func(p *Passage) bool { return isOld(p.Article) })
		t.Quotes = slices.DeleteFunc(t.Quotes, func(q *Quote) bool { return isOld(q.Article) })
	}
	b.Quotes = slices.DeleteFunc(b.Quotes, func(q *Quote) bool { return isOld(q.Article) })

	old.doc, old.Body, old.Paragraphs, old.annotations, old.suspects, old.notMentions = new.doc, new.Body, new.Paragraphs, new.annotations, new.suspects, new.notMentions
	for i, e := range old.declared {
		e.meta, e.Para = new.declared[i].meta, 0
	}
	old.Actors, old.Topics, old.Quotes, old.passages = nil, nil, nil, nil
	old.Events = slices.Clone(old.declared)
	l.apply(old, targets)

	named(old)
	for x := range actors {
		byReading(x.Quotes)
		byPassage(x.Passages)
	}
	for t := range topics {
		byReading(t.Quotes)
		byPassage(t.Passages)
	}
	b.Quotes = append(b.Quotes, old.Quotes...)
	byReading(b.Quotes)
	byEvent(old.Events)
	in := b.mentionsAround(actors)
	for x := range actors {
		relateActor(x, b.Topics, in)
	}
	return true
}

// Named are the actors and topics whose lists hold something of the
// article: a passage or a quote. An actor or topic may come twice. The
// lists are the caller's own.
func (a *Article) Named() ([]*Actor, []*Topic) {
	topics := slices.Clone(a.Topics)
	for _, q := range a.Quotes {
		topics = append(topics, q.Topics...)
	}
	return slices.Clone(a.Actors), topics
}

// mentionsAround are the actors and topics mentioned in the paragraphs
// that mention the actors given, read from those paragraphs' articles.
func (b *Briefing) mentionsAround(actors map[*Actor]bool) mentions {
	in := mentions{topics: map[paragraph][]*Topic{}, actors: map[paragraph][]*Actor{}}
	seen := map[*Article]bool{}
	for x := range actors {
		for _, p := range x.Passages {
			if seen[p.Article] {
				continue
			}
			seen[p.Article] = true
			for key := range p.Article.passages {
				k := paragraph{p.Article, key.para}
				switch key.kind {
				case annotate.Actor:
					in.actors[k] = append(in.actors[k], b.known.actors[key.id])
				case annotate.Topic:
					in.topics[k] = append(in.topics[k], b.known.topics[key.id])
				}
			}
		}
	}
	return in
}
