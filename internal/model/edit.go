package model

import (
	"fmt"
	"maps"
	"slices"

	"github.com/briefing-gen/gen/internal/annotate"
	"github.com/briefing-gen/gen/internal/diag"
)

// Reword puts the new version of an article in the place of old in a
// linked briefing, when the two differ only in their paragraphs' text
// (their outlines are the same): the fix of a typo, gen serve's most
// common rebuild. Every link stays as it was, so rather than link the
// whole briefing again, Reword swaps in the new text and the passages'
// text and marks, and runs again the checks that read the text. Their
// problems go to list.
//
// Reword reports false, and changes nothing, when the outlines differ,
// the article declares an event another article declares too (whose
// checks span both), or the checks find an error; the briefing then
// needs linking again.
func (b *Briefing) Reword(old, new *Article, list *diag.List) bool {
	if old.Outline() != new.Outline() || b.known.shared(old) { // so their declared events match one for one
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
	reports := map[int]*Event{}    // by the annotation that first reports them
	for _, e := range old.Events { // declared by it or by a file
		if e.Article == old && e.report > 0 {
			reports[e.report] = e
		}
	}
	rewritten := map[*Passage]bool{}
	var ws []word
	var key []byte
	for i, an := range old.annotations {
		keys := []passageKey{{an.Kind, an.ID, an.Para}}
		if e := reports[i+1]; e != nil && an.Kind == annotate.Event {
			for _, x := range e.Actors {
				keys = append(keys, passageKey{annotate.Actor, x.ID, an.Para})
			}
			for _, x := range e.Topics {
				keys = append(keys, passageKey{annotate.Topic, x.ID, an.Para})
			}
		}
		for _, key := range keys {
			p := old.passages[key]
			if p == nil {
				continue // not a mention, or of no known actor or topic
			}
			if !rewritten[p] {
				p.Text, p.Marks = passageText(old, an), nil
				rewritten[p] = true
			}
			p.mark(an)
		}
		for _, m := range b.names.namedIn(old, an, &ws, &key) { // as resolve puts them, after their quote or reference
			p := old.passages[passageKey{m.Kind, m.ID, m.Para}]
			if p == nil {
				continue
			}
			if !rewritten[p] {
				p.Text, p.Marks = passageText(old, m), nil
				rewritten[p] = true
			}
			p.mark(m)
		}
	}
	return true
}

// refersToFiles reports whether either version of an article references
// an event that has a file of its own: which article such an event's
// timeline entry cites first depends on every article's references.
func (b *Briefing) refersToFiles(old, new *Article) bool {
	if slices.ContainsFunc(old.Events, (*Event).HasFile) {
		return true
	}
	return slices.ContainsFunc(new.annotations, func(an *annotate.Annotation) bool {
		e := b.known.events[an.ID]
		return an.Kind == annotate.Event && e != nil && e.HasFile()
	})
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
// Reannotate reports false, and changes nothing, when the frames differ,
// the article declares an event another article declares too, or the
// new version has an error; the briefing then needs linking again.
func (b *Briefing) Reannotate(old, new *Article, list *diag.List) bool {
	if old.frame() != new.frame() || b.known.shared(old) || b.refersToFiles(old, new) { // so their declared events match one for one
		return false
	}
	var found diag.List
	l := &linker{list: &found, names: b.names, known: b.known}
	targets := l.resolve(new)
	warnMissed(new, b.names, &found)
	failed := found.HasErrors()
	list.Merge(&found)
	if failed {
		return false
	}

	reports := reportsKey(old)
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
	for i, d := range old.declared {
		d.meta = new.declared[i].meta
	}
	declared := b.known.eventsOf(old)
	for _, e := range declared {
		if e.Article == old {
			e.meta, e.Para, e.report = old.declared[slices.IndexFunc(old.declared, func(d *Event) bool { return d.ID == e.ID })].meta, 0, 0
		}
	}
	// Its reports of events leave them, but for those it declares, which
	// stay without a paragraph until the text references them again.
	for _, e := range old.Events {
		e.Reports = slices.DeleteFunc(e.Reports, func(r *Report) bool { return r.Article == old && r.Said == nil })
		if r := e.ReportBy(old); r != nil {
			r.Para = 0
		}
	}
	reported := old.Events
	old.Actors, old.Topics, old.Quotes, old.passages = nil, nil, nil, nil
	old.Events = declared
	l.apply(old, targets)
	for _, e := range slices.Concat(reported, old.Events) {
		byArticle(e.Reports)
	}

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
	if reportsKey(old) != reports {
		// The events' reports moved, and with them the order of a day's
		// events, on the timeline and on their actors' and topics' pages.
		byEvent(b.Events)
		// And with the reports what the events weigh: the layout may
		// change, which a caller that kept the last one sees
		// (TimelineLayout.Moves). Otherwise the timeline is as it was.
		b.Timeline = layoutTimeline(b.Events)
	}
	for _, e := range declared {
		for _, x := range e.Actors {
			byEvent(x.Events)
		}
		for _, t := range e.Topics {
			byEvent(t.Events)
		}
	}
	old.mentioned = nil
	at := func(k paragraph) ([]*Topic, []*Actor) {
		if m := b.mentionedIn(k.article); k.para < len(m) {
			return m[k.para].topics, m[k.para].actors
		}
		return nil, nil
	}
	for x := range actors {
		relateActor(x, b.Topics, at)
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

// mentionedIn are the topics and actors each paragraph of a mentions, by
// paragraph (a slice, which reading thousands of articles' costs far less
// than maps): worked out the first time Reannotate needs them, and kept
// until the article's annotations change.
func (b *Briefing) mentionedIn(a *Article) []paraMentions {
	if a.mentioned == nil {
		paras := 0
		for key := range a.passages {
			paras = max(paras, key.para)
		}
		a.mentioned = make([]paraMentions, paras+1)
		for key := range a.passages {
			m := &a.mentioned[key.para]
			switch key.kind {
			case annotate.Actor:
				m.actors = append(m.actors, b.known.actors[key.id])
			case annotate.Topic:
				m.topics = append(m.topics, b.known.topics[key.id])
			}
		}
	}
	return a.mentioned
}

// paraMentions are the topics and actors one paragraph mentions.
type paraMentions struct {
	topics []*Topic
	actors []*Actor
}

// reportsKey sums up what the timeline's order and layout read of an
// article's events: each one's paragraph, first report and reports, and
// the article's own reports of it.
func reportsKey(a *Article) string {
	var b []byte
	for _, e := range a.Events {
		b = fmt.Appendf(b, "%q %d %d %d", e.ID, e.Para, e.report, len(e.Reports))
		for _, r := range e.Reports {
			if r.Article == a {
				b = fmt.Appendf(b, " %d %t", r.Para, r.Said != nil)
			}
		}
		b = append(b, '\n')
	}
	return string(b)
}
