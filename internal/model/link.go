package model

import (
	"fmt"
	"html/template"
	"math"
	"slices"
	"sort"
	"strings"

	"github.com/briefing-gen/gen/internal/annotate"
	"github.com/briefing-gen/gen/internal/content"
	"github.com/briefing-gen/gen/internal/dates"
	"github.com/briefing-gen/gen/internal/diag"
	"github.com/briefing-gen/gen/internal/parallel"
)

// Link resolves every reference between actors, topics and articles and
// returns the briefing. Problems go to list; the briefing it returns is
// complete enough to render even when there are some, with unresolved
// references left out.
func Link(site Site, actors []*Actor, topics []*Topic, articles []*Article, list *diag.List) *Briefing {
	return LinkWithEvents(site, actors, topics, nil, articles, list)
}

// LinkWithEvents is Link for a briefing with events in files of their
// own (DecodeEvent): each is its event's first declaration, which the
// articles that declare it too update.
func LinkWithEvents(site Site, actors []*Actor, topics []*Topic, files []*Event, articles []*Article, list *diag.List) *Briefing {
	return LinkWithDrafts(site, actors, topics, files, articles, nil, list)
}

// LinkWithDrafts is LinkWithEvents for a briefing whose drafts are left
// out: withheld are the events only they declare (CheckDraftEvents, which
// reported the references to them), which are not reported as unknown.
func LinkWithDrafts(site Site, actors []*Actor, topics []*Topic, files []*Event, articles []*Article, withheld map[string]*Article, list *diag.List) *Briefing {
	l := &linker{list: list, withheld: withheld, known: known{
		actors: map[string]*Actor{},
		topics: map[string]*Topic{},
		events: map[string]*Event{},
	}}
	for _, a := range actors {
		l.actors[a.ID] = a
	}
	for _, t := range topics {
		l.topics[t.ID] = t
	}
	l.linkActors(actors)
	l.linkTopics(topics)
	events := l.declareEvents(files, articles)
	names := newNameIndex(actors)
	l.names = names
	for _, a := range articles {
		l.linkArticle(a)
	}
	missed := make([]diag.List, len(articles))
	parallel.For(len(articles), func(i int) { warnMissed(articles[i], names, &missed[i]) })
	for i := range missed {
		list.Merge(&missed[i])
	}
	l.checkProse(site.overview)
	for _, a := range actors {
		l.checkProse(a.profile)
	}
	for _, t := range topics {
		l.checkProse(t.overview)
	}
	for _, e := range files {
		l.checkProse(e.description)
	}

	b := &Briefing{Site: site, Actors: actors, Topics: topics, Articles: articles, names: names, known: l.known}
	b.Events = events
	for _, a := range articles {
		b.Quotes = append(b.Quotes, a.Quotes...)
	}
	sortBriefing(b)
	l.linkPositions(b.Actors, b.Topics, b.Articles)
	relate(b)
	b.layOut()
	return b
}

// passageKey finds, among an article's passages, the one of an actor or
// topic (the annotation kind and id) in one paragraph.
type passageKey struct {
	kind annotate.Kind
	id   string
	para int
}

type linker struct {
	list     *diag.List
	names    nameIndex           // for the actors that quotes and event references name
	withheld map[string]*Article // events only left-out drafts declare, by id
	known
}

// known are the actors, topics and events of a briefing by id.
type known struct {
	actors map[string]*Actor
	topics map[string]*Topic
	events map[string]*Event
}

func (l *linker) linkActors(actors []*Actor) {
	for _, a := range actors {
		if a.AffiliateID == "" {
			continue
		}
		if other := l.actor(a.AffiliateID, a.doc.Meta.Pos("affiliation", a.AffiliateID)); other != nil {
			if other == a {
				l.list.Errorf(a.doc.Meta.Pos("affiliation"), "", "actor %q cannot be affiliated with itself", a.ID)
				continue
			}
			a.Affiliation = other
			other.Members = append(other.Members, a)
		}
	}
	l.warnAffiliationCycles(actors)
}

// warnAffiliationCycles warns once for each loop of affiliations (a is part
// of b, b of a), which pages would show as each belonging to the other. Each
// actor is walked once, as an actor has at most one affiliation.
func (l *linker) warnAffiliationCycles(actors []*Actor) {
	const onPath, done = 1, 2
	state := make(map[*Actor]int, len(actors))
	for _, start := range actors {
		var path []*Actor
		a := start
		for a != nil && state[a] == 0 {
			state[a] = onPath
			path = append(path, a)
			a = a.Affiliation
		}
		if a != nil && state[a] == onPath {
			loop := path[slices.Index(path, a):]
			// Start at the smallest id, so the warning is the same however
			// the actors were read.
			first := 0
			for i, x := range loop {
				if x.ID < loop[first].ID {
					first = i
				}
			}
			ids := make([]string, 0, len(loop)+1)
			for i := range len(loop) + 1 {
				ids = append(ids, loop[(first+i)%len(loop)].ID)
			}
			l.list.Warnf(loop[first].doc.Meta.Pos("affiliation"),
				"affiliation names what an actor belongs to; remove it from one of them to break the loop",
				"affiliation cycle: %s", strings.Join(ids, " → "))
		}
		for _, x := range path {
			state[x] = done
		}
	}
}

func (l *linker) linkTopics(topics []*Topic) {
	for _, t := range topics {
		for _, id := range t.RelatedID {
			if other := l.topic(id, t.doc.Meta.Pos("related", id)); other != nil && other != t {
				t.Related = append(t.Related, other)
			}
		}
	}
}

// declareEvents makes one event of each id the articles declare, and
// returns them. Ids are global: the event's own file, or else the article
// published first (by slug among the same date), gives the event, and
// each later declaration is an update whose date, time and title replace
// the earlier ones and whose actors and topics join theirs. Every
// declaring article gets a report.
func (l *linker) declareEvents(files []*Event, articles []*Article) []*Event {
	order := slices.Clone(articles)
	slices.SortStableFunc(order, updateOrder)
	// The files first, then the articles' declarations in update order;
	// a declaration's Article is nil for a file.
	all := slices.Clone(files)
	for _, a := range order {
		all = append(all, a.declared...)
	}
	var events []*Event
	for _, d := range all {
		a := d.Article
		e := l.events[d.ID]
		if e == nil {
			e = &Event{ID: d.ID, Article: a, meta: d.meta, file: d.file, Description: d.Description}
			l.events[d.ID] = e
			events = append(events, e)
		} else if !l.checkUpdate(e, d) {
			continue
		}
		if e.Article == nil {
			e.Article = a // the first article to declare an event that has a file
		}
		e.decls = append(e.decls, d)
		e.Title, e.Date, e.DateNote, e.Time = d.Title, d.Date, d.DateNote, d.Time
		for _, id := range d.actorIDs {
			if actor := l.actor(id, d.meta.Pos("actors", id)); actor != nil {
				e.Actors = appendNew(e.Actors, actor)
				actor.Events = appendNew(actor.Events, e)
			}
		}
		for _, id := range d.topicIDs {
			if topic := l.topic(id, d.meta.Pos("topics", id)); topic != nil {
				e.Topics = appendNew(e.Topics, topic)
				topic.Events = appendNew(topic.Events, e)
			}
		}
		if a != nil {
			e.Reports = append(e.Reports, &Report{Article: a, Said: d})
			a.Events = appendNew(a.Events, e)
		}
	}
	return l.placeFileEvents(events, order)
}

// placeFileEvents gives each event of a file that no article declares
// the earliest article that references it, whose report the timeline and
// the other pages cite first; an event no article reports is an error,
// as nothing would cite it, and is left out.
func (l *linker) placeFileEvents(events []*Event, order []*Article) []*Event {
	unplaced := map[string]*Event{}
	for _, e := range events {
		if e.Article == nil {
			unplaced[e.ID] = e
		}
	}
	for _, a := range order {
		if len(unplaced) == 0 {
			break
		}
		for _, an := range a.annotations {
			if e := unplaced[an.ID]; e != nil && an.Kind == annotate.Event {
				e.Article = a
				delete(unplaced, an.ID)
			}
		}
	}
	if len(unplaced) == 0 {
		return events
	}
	for _, e := range unplaced {
		l.list.Errorf(diag.Pos{File: e.file.Path, Line: 1, Col: 1}, fmt.Sprintf("reference it in an article: [words](event:%s)", e.ID),
			"event %q is reported by no article", e.ID)
		delete(l.events, e.ID)
		for _, x := range e.Actors {
			x.Events = slices.DeleteFunc(x.Events, func(y *Event) bool { return y == e })
		}
		for _, t := range e.Topics {
			t.Events = slices.DeleteFunc(t.Events, func(y *Event) bool { return y == e })
		}
	}
	return slices.DeleteFunc(events, func(e *Event) bool { return unplaced[e.ID] == e })
}

// HasFile reports whether the event has a file of its own.
func (e *Event) HasFile() bool { return e.file != nil }

// updateOrder is the order in which declarations update an event: by
// the articles' publication, then slug.
func updateOrder(a, c *Article) int {
	if cmp := dates.Compare(a.Published, c.Published); cmp != 0 {
		return cmp
	}
	return strings.Compare(a.Slug, c.Slug)
}

// checkUpdate reports whether d may update e: not when its article
// declared e already (an error). A declaration that differs from one of
// an article of the same date is taken but warned about, as nothing says
// which of the two is right.
func (l *linker) checkUpdate(e *Event, d *Event) bool {
	last := e.decls[len(e.decls)-1]
	if last.Article == nil {
		return true // the event's file, which every article updates
	}
	at := last.meta.Pos("id", e.ID)
	where := fmt.Sprintf("%s:%d:%d", at.File, at.Line, at.Col)
	switch {
	case last.Article == d.Article:
		l.list.Errorf(d.meta.Pos("id", d.ID), "it is first declared at "+where+"; an article declares an event once",
			"event %q is declared twice in this article", d.ID)
		return false
	case sameDay(last.Article.Published, d.Article.Published) && declared(last) != declared(d):
		l.list.Warnf(d.meta.Pos("id", d.ID), fmt.Sprintf("the other is at %s; make them agree, or give the later report a later published date", where),
			"event %q is declared differently by two articles published %s: %s, later by slug, wins over %s",
			d.ID, d.Article.Published, d.Article.Slug, last.Article.Slug)
	}
	return true
}

// sameDay reports whether two publication dates are the same, as written.
func sameDay(a, b dates.Date) bool { return a.ISO() == b.ISO() && a.String() == b.String() }

// declared sums up the fields a declaration gives its event.
func declared(d *Event) string {
	b := appendQuoted(nil, d.Title, d.Date.ISO(), d.Date.String(), d.Time)
	return string(appendQuoted(appendQuoted(b, d.actorIDs...), d.topicIDs...))
}

// eventsOf are the events a's declarations made or updated, in the order
// of its declarations.
func (k known) eventsOf(a *Article) []*Event {
	var out []*Event
	for _, d := range a.declared {
		if e := k.events[d.ID]; e != nil && !slices.Contains(out, e) {
			out = append(out, e)
		}
	}
	return out
}

// shared reports whether an event a declares is declared elsewhere too.
func (k known) shared(a *Article) bool {
	return slices.ContainsFunc(k.eventsOf(a), (*Event).Updated)
}

func (l *linker) linkArticle(a *Article) {
	l.apply(a, l.resolve(a))
}

// target is what one annotation points at, once resolved.
type target struct {
	an     *annotate.Annotation
	actor  *Actor   // a mention's actor or a quote's speaker
	topic  *Topic   // a topic mention's
	event  *Event   // an event reference's
	topics []*Topic // a quote's topics, when it names them
	text   string   // a quote's words
	n      int      // the annotation's place among the article's, from 1
}

// resolve finds what a's annotations point at, and reports those that
// point at nothing and what else in the text needs a writer's eye. It
// changes nothing, so that gen serve can check an edited article before
// it relinks it in place (Briefing.Reannotate).
func (l *linker) resolve(a *Article) []target {
	var out []target
	var ws []word
	var key []byte
	for i, an := range a.annotations {
		// Problems with the id and the query point at them, not at the
		// '[' a long quote starts with.
		pos := a.doc.Lines.Pos(a.doc.BodyOffset + an.IDOffset)
		if !l.checkAnnotation(an, pos, a.doc.Lines.Pos(a.doc.BodyOffset+an.QueryOffset)) {
			continue
		}
		t := target{an: an, n: i + 1}
		switch an.Kind {
		case annotate.Actor:
			t.actor = l.actor(an.ID, pos)
			if t.actor == nil {
				continue
			}
		case annotate.Topic:
			t.topic = l.topic(an.ID, pos)
			if t.topic == nil {
				continue
			}
		case annotate.Event:
			e, ok := l.events[an.ID]
			if !ok && l.withheld[an.ID] != nil {
				continue // reported by CheckDraftEvents
			}
			if !ok {
				l.list.Errorf(pos, suggest(an.ID, l.events, "declare it under events: in the front matter"), "unknown event %q", an.ID)
				continue
			}
			t.event = e
		case annotate.Quote:
			t.actor, t.text = l.actor(an.ID, pos), trimQuotes(an.Text)
			if t.text == "" {
				l.list.Errorf(a.doc.Lines.Pos(a.doc.BodyOffset+an.Offset), "put the quoted words in the brackets: [“…”](quote:"+an.ID+")", "quote has no text")
				continue
			}
			if t.actor == nil {
				continue
			}
			for _, id := range an.Topics {
				if topic := l.topic(id, a.doc.Lines.Pos(a.doc.BodyOffset+an.QueryOffset)); topic != nil {
					t.topics = appendNew(t.topics, topic)
				}
			}
		default:
			continue
		}
		out = append(out, t)
		for _, m := range l.names.namedIn(a, an, &ws, &key) {
			if x := l.known.actors[m.ID]; x != nil {
				out = append(out, target{an: m, actor: x})
			}
		}
	}
	l.checkText(a)
	return out
}

// apply links a to what its annotations point at: the article lists its
// actors, topics, events and quotes, and they list its passages and
// quotes.
func (l *linker) apply(a *Article, targets []target) {
	paraTopics := map[int][]*Topic{}
	var implicit []*Quote // quotes that take their paragraph's topics
	// An article can name hundreds of actors thousands of times: sets keep
	// its lists free of repeats at a constant cost per annotation.
	type paraTopic struct {
		para  int
		topic *Topic
	}
	var (
		actors        set[*Actor]
		topics        set[*Topic]
		events        set[*Event]
		topicsInParas set[paraTopic]
		reports       map[*Event]*Report // a's report of each event it references
	)
	for _, t := range targets {
		an := t.an
		switch an.Kind {
		case annotate.Actor:
			a.Actors = addNew(a.Actors, t.actor, &actors)
			addPassage(&t.actor.Passages, a, an, an.ID)
		case annotate.Topic:
			a.Topics = addNew(a.Topics, t.topic, &topics)
			if topicsInParas.add(paraTopic{an.Para, t.topic}) {
				paraTopics[an.Para] = append(paraTopics[an.Para], t.topic)
			}
			addPassage(&t.topic.Passages, a, an, an.ID)
		case annotate.Event:
			e := t.event
			if e.Article == a && e.Para == 0 && an.Para > 0 {
				// The paragraph that first reports the event concerns its
				// actors and topics as if it named them: their passages
				// mark the event's words.
				e.Para, e.report = an.Para, t.n
				for _, x := range e.Actors {
					a.Actors = addNew(a.Actors, x, &actors)
					addPassageOf(&x.Passages, a, an, passageKey{annotate.Actor, x.ID, an.Para})
				}
				for _, x := range e.Topics {
					a.Topics = addNew(a.Topics, x, &topics)
					if topicsInParas.add(paraTopic{an.Para, x}) {
						paraTopics[an.Para] = append(paraTopics[an.Para], x)
					}
					addPassageOf(&x.Passages, a, an, passageKey{annotate.Topic, x.ID, an.Para})
				}
			}
			a.Events = addNew(a.Events, e, &events)
			r := reports[e]
			if r == nil {
				if a.Declares(e) {
					r = e.ReportBy(a) // made when the events were declared
				}
				if r == nil {
					r = &Report{Article: a}
					e.Reports = append(e.Reports, r)
				}
				if reports == nil {
					reports = map[*Event]*Report{}
				}
				reports[e] = r
			}
			if r.Para == 0 && an.Para > 0 {
				r.Para = an.Para
			}
		case annotate.Quote:
			q := &Quote{Speaker: t.actor, Text: t.text, Translation: an.Translation, Article: a, Para: an.Para, N: len(a.Quotes) + 1, Topics: t.topics}
			for _, topic := range t.topics {
				topic.Quotes = append(topic.Quotes, q)
			}
			t.actor.Quotes = append(t.actor.Quotes, q)
			a.Actors = addNew(a.Actors, t.actor, &actors)
			a.Quotes = append(a.Quotes, q)
			if len(an.Topics) == 0 {
				implicit = append(implicit, q)
			}
		}
	}
	for _, q := range implicit {
		// q named no topics, and its paragraph's have no repeats.
		q.Topics = append(q.Topics, paraTopics[q.Para]...)
		for _, t := range paraTopics[q.Para] {
			t.Quotes = append(t.Quotes, q)
		}
	}
}

// checkText reports what in an article's text needs a writer's eye, once
// its annotations are linked: text meant as an annotation that is not
// one, and declared events that no words reference.
func (l *linker) checkText(a *Article) {
	l.reportSuspects(a.doc, a.suspects)
	referenced := map[string]bool{}
	for _, an := range a.annotations {
		if an.Kind == annotate.Event {
			referenced[an.ID] = true
		}
	}
	for _, e := range a.declared {
		if !referenced[e.ID] {
			l.list.Warnf(e.meta.Pos("id", e.ID), fmt.Sprintf("link the words that report it: [words](event:%s)", e.ID),
				"event %q is never referenced in the article, so its timeline entry cannot link to a paragraph", e.ID)
		}
	}
}

// badIDHint names the valid id an invalid one stands for ("Hughes" for
// hughes) when something has it, else says how ids are written.
func (k known) badIDHint(id string) string {
	valid := toID(id)
	_, actor := k.actors[valid]
	_, topic := k.topics[valid]
	_, event := k.events[valid]
	if actor || topic || event {
		return fmt.Sprintf("did you mean %q? %s", valid, idHint)
	}
	return idHint
}

// checkAnnotation reports what is malformed in an annotation's id (at
// pos) and in its query (at query), both, and whether the id is well
// formed: then the caller looks it up, so that an unknown speaker is
// reported in the same run as a malformed query.
func (l *linker) checkAnnotation(an *annotate.Annotation, pos, query diag.Pos) bool {
	if an.QueryError != "" {
		l.list.Errorf(query, "write quote:speaker?topic=a,b&translation=words", "malformed %s annotation: %s", an.Kind, an.QueryError)
	}
	switch {
	case an.ID == "":
		l.list.Errorf(pos, fmt.Sprintf("write it as [words](%s:some-id)", an.Kind), "%s annotation has no id", an.Kind)
	case !ValidID(an.ID):
		l.list.Errorf(pos, l.badIDHint(an.ID), "invalid %s id %q", an.Kind, an.ID)
	default:
		return true
	}
	return false
}

// checkProse checks the mentions in a profile or overview.
func (l *linker) checkProse(p prose) {
	if p.res == nil {
		return
	}
	for _, an := range p.res.Annotations {
		pos := p.doc.Lines.Pos(p.doc.BodyOffset + an.IDOffset)
		if !l.checkAnnotation(an, pos, p.doc.Lines.Pos(p.doc.BodyOffset+an.QueryOffset)) {
			continue
		}
		switch an.Kind {
		case annotate.Actor:
			l.actor(an.ID, pos)
		case annotate.Topic:
			l.topic(an.ID, pos)
		default:
			l.list.Errorf(pos, "put quotes and events in an article", "%s annotations belong in articles only", an.Kind)
		}
	}
	l.reportSuspects(p.doc, p.res.Suspects)
}

// reportSuspects reports text that was meant as an annotation but is not
// one; left alone it would publish as a broken link or stray brackets.
func (l *linker) reportSuspects(doc *content.Document, suspects []annotate.Suspect) {
	kinds := []string{string(annotate.Actor), string(annotate.Topic), string(annotate.Event), string(annotate.Quote)}
	for _, s := range suspects {
		pos := doc.Lines.Pos(doc.BodyOffset + s.Offset)
		switch {
		case s.Scheme == "":
			l.list.Errorf(pos, "annotations cannot nest, and need no space inside: write [words](actor:id)",
				"%q did not become an annotation and will show as text", s.Text)
			continue
		case s.Image:
			l.list.Errorf(pos, "drop the ! before the brackets", "an image cannot be an annotation: %q", s.Text)
			continue
		case s.Scheme != "" && unsafeScheme(s.Scheme):
			l.list.Errorf(pos, "link to an http:// or https:// address", "unsafe link %q: %s: links can run code or carry hidden content", s.Text, strings.ToLower(s.Scheme))
			continue
		case s.Bare:
			l.list.Errorf(pos, fmt.Sprintf("write it as [words](%s)", s.Text), "<%s> is not an annotation: annotations link words", s.Text)
			continue
		}
		for _, k := range kinds {
			if diag.Distance(s.Scheme, k) <= 2 {
				l.list.Errorf(pos, fmt.Sprintf("did you mean %s:?", k), "unknown annotation type %q in %q", s.Scheme, s.Text)
				break
			}
		}
	}
}

// addPassage marks the annotation's words in the passage of its actor or
// topic in its paragraph, adding the passage to into if it is new.
func addPassage(into *[]*Passage, a *Article, an *annotate.Annotation, id string) {
	addPassageOf(into, a, an, passageKey{an.Kind, id, an.Para})
}

// addPassageOf marks the annotation's words in the passage key names,
// adding the passage to into if it is new.
func addPassageOf(into *[]*Passage, a *Article, an *annotate.Annotation, key passageKey) {
	p, ok := a.passages[key]
	if !ok {
		if a.passages == nil {
			a.passages = map[passageKey]*Passage{}
		}
		p = &Passage{Article: a, Para: an.Para, Text: passageText(a, an)}
		a.passages[key] = p
		*into = append(*into, p)
	}
	p.mark(an)
}

// passageText is the text of the annotation's paragraph, or its own words
// when it is in none (a heading).
func passageText(a *Article, an *annotate.Annotation) string {
	if an.Para > 0 && an.Para <= len(a.Paragraphs) {
		return a.Paragraphs[an.Para-1].Text
	}
	return an.Text
}

// mark marks the annotation's words in the passage.
func (p *Passage) mark(an *annotate.Annotation) {
	mark := Span{an.Start, an.End}
	if an.Para == 0 { // the passage is the annotation's own words
		mark = Span{0, len(p.Text)}
	}
	if mark.End <= mark.Start || mark.End > len(p.Text) {
		return
	}
	// Marks come in the order of the words: a paragraph's non-empty spans
	// start each after the last, and outside paragraphs they are all the
	// same. So one that starts after the last mark is new, without a scan
	// of the marks, which in a long paragraph can be thousands.
	if n := len(p.Marks); n > 0 && mark.Start > p.Marks[n-1].Start {
		p.Marks = append(p.Marks, mark)
		return
	}
	p.Marks = appendNew(p.Marks, mark)
}

// actor resolves an actor id, reporting a bad or unknown one at pos.
func (l *linker) actor(id string, pos diag.Pos) *Actor {
	a, _ := resolve(l.list, "actor", id, l.actors, pos)
	return a
}

// topic resolves a topic id, reporting a bad or unknown one at pos.
func (l *linker) topic(id string, pos diag.Pos) *Topic {
	t, _ := resolve(l.list, "topic", id, l.topics, pos)
	return t
}

// resolve looks id up among the known things of a kind ("actor", whose
// files live in content/actors/), reporting a bad or unknown id.
func resolve[V any](list *diag.List, kind, id string, known map[string]V, pos diag.Pos) (V, bool) {
	if v, ok := known[id]; ok {
		return v, true
	}
	if !ValidID(id) {
		hint := idHint
		if _, ok := known[toID(id)]; ok {
			hint = fmt.Sprintf("did you mean %q? %s", toID(id), idHint)
		}
		list.Errorf(pos, hint, "invalid %s id %q", kind, id)
	} else {
		list.Errorf(pos, suggest(id, known, "add content/"+kind+"s/"+id+".md"), "unknown %s %q", kind, id)
	}
	var none V
	return none, false
}

// suggest names the known id closest to id, or gives the fallback hint.
// Only valid ids are offered: a file named Hughes.md is itself an error,
// and the hint for hughes is to rename it.
func suggest[V any](id string, known map[string]V, fallback string) string {
	names := make([]string, 0, len(known))
	for k := range known {
		names = append(names, k)
	}
	sort.Strings(names) // a stable answer among equally close ids
	valid := names[:0]
	for _, k := range names {
		if ValidID(k) {
			valid = append(valid, k)
		} else if toID(k) == id {
			return fmt.Sprintf("rename %s.md to %s.md: ids are lowercase", k, id)
		}
	}
	if hint := diag.Suggest(id, valid); hint != "" {
		return hint
	}
	if word := byWords(id, valid); word != "" {
		return fmt.Sprintf("did you mean %q?", word)
	}
	return fallback
}

// byWords is the shortest of ids that has all the words of id in their
// order, or whose words id has so: "svyrydenko-trip" is too far from
// "svyrydenko-washington-trip" to be a typo, but a shortened id. "" if
// none, or if id is one word (too little to go on).
func byWords(id string, ids []string) string {
	words := strings.Split(id, "-")
	if len(words) < 2 {
		return ""
	}
	best := ""
	for _, k := range ids {
		kw := strings.Split(k, "-")
		if (inOrder(words, kw) || len(kw) > 1 && inOrder(kw, words)) && (best == "" || len(k) < len(best)) {
			best = k
		}
	}
	return best
}

// inOrder reports whether every word of a is in b, in the same order.
func inOrder(a, b []string) bool {
	i := 0
	for _, w := range b {
		if i < len(a) && a[i] == w {
			i++
		}
	}
	return i == len(a)
}

// trimQuotes drops one opening and one closing quotation mark around a
// quote's words, which the pages add back, and the comma or colon that
// belongs to the sentence around it: “substantive,” shows as
// “substantive”, while “the Ukrainians’” keeps its apostrophe.
func trimQuotes(s string) string {
	s = strings.TrimSpace(s)
	for _, open := range []string{"“", "„", "«", "‘", `"`, "'"} {
		if rest, ok := strings.CutPrefix(s, open); ok {
			s = rest
			break
		}
	}
	for _, closing := range []string{"”", "“", "»", "’", `"`, "'"} {
		if rest, ok := strings.CutSuffix(s, closing); ok {
			s = rest
			break
		}
	}
	return strings.TrimSpace(strings.TrimRight(s, ",;: "))
}

// set is a set of values, made when first used.
type set[T comparable] map[T]bool

// add adds x to s and reports whether it is new there.
func (s *set[T]) add(x T) bool {
	if *s == nil {
		*s = set[T]{}
	}
	if (*s)[x] {
		return false
	}
	(*s)[x] = true
	return true
}

// addNew is appendNew for a list that grows only through it with the same
// set, which knows its elements.
func addNew[T comparable](list []T, x T, seen *set[T]) []T {
	if *seen == nil {
		for _, y := range list {
			seen.add(y)
		}
	}
	if !seen.add(x) {
		return list
	}
	return append(list, x)
}

func appendNew[T comparable](list []T, x T) []T {
	for _, y := range list {
		if y == x {
			return list
		}
	}
	return append(list, x)
}

func sortBriefing(b *Briefing) {
	kindRank := map[string]int{}
	for i, k := range ActorKinds() {
		kindRank[k] = i
	}
	slices.SortStableFunc(b.Actors, func(a, c *Actor) int {
		if a.Kind != c.Kind {
			return kindRank[a.Kind] - kindRank[c.Kind]
		}
		return strings.Compare(strings.ToLower(a.Name), strings.ToLower(c.Name))
	})
	slices.SortStableFunc(b.Topics, func(a, c *Topic) int { return strings.Compare(a.Title, c.Title) })

	// Reading order, oldest first, ranks every article once, so the many
	// lists of quotes and passages sort by comparing integers.
	slices.SortStableFunc(b.Articles, func(a, c *Article) int {
		if cmp := dates.Compare(a.Published, c.Published); cmp != 0 {
			return cmp
		}
		return strings.Compare(a.Title, c.Title)
	})
	for i, a := range b.Articles {
		a.rank = i
	}
	slices.SortStableFunc(b.Articles, func(a, c *Article) int { // the newest first, by title among the same date
		if cmp := dates.Compare(a.Published, c.Published); cmp != 0 {
			return -cmp
		}
		return a.rank - c.rank
	})

	byEvent(b.Events)
	for _, e := range b.Events {
		byArticle(e.Reports)
	}
	byReading(b.Quotes)
	for _, a := range b.Actors {
		byEvent(a.Events)
		byReading(a.Quotes)
		byPassage(a.Passages)
	}
	for _, t := range b.Topics {
		byEvent(t.Events)
		byReading(t.Quotes)
		byPassage(t.Passages)
	}
	for _, a := range b.Articles {
		byEvent(a.Events)
	}
}

// byEvent puts events in timeline order: by date; within a day, those
// with a time first, by time, then the rest in the order of their first
// report (the article's reading order, then the words' order in it, those
// no words report last); then by title, for a total order.
func byEvent(s []*Event) {
	slices.SortStableFunc(s, func(a, c *Event) int {
		if cmp := dates.Compare(a.Date, c.Date); cmp != 0 {
			return cmp
		}
		if (a.Time == "") != (c.Time == "") {
			if a.Time != "" {
				return -1
			}
			return 1
		}
		if cmp := strings.Compare(a.Time, c.Time); cmp != 0 {
			return cmp
		}
		if a.Article != c.Article {
			return a.Article.rank - c.Article.rank
		}
		if cmp := reportOrder(a.report) - reportOrder(c.report); cmp != 0 {
			return cmp
		}
		return strings.Compare(a.Title, c.Title)
	})
}

// reportOrder sorts an event no words report after those some do.
func reportOrder(report int) int {
	if report == 0 {
		return math.MaxInt
	}
	return report
}

// byArticle puts an event's reports in reading order, one per article.
func byArticle(s []*Report) {
	slices.SortStableFunc(s, func(a, c *Report) int { return a.Article.rank - c.Article.rank })
}

func byReading(s []*Quote) {
	slices.SortStableFunc(s, func(a, c *Quote) int {
		if cmp := readingOrder(a.Article, a.Para, c.Article, c.Para); cmp != 0 {
			return cmp
		}
		return a.N - c.N // the words' order within a paragraph
	})
}

func byPassage(s []*Passage) {
	slices.SortStableFunc(s, func(a, c *Passage) int { return readingOrder(a.Article, a.Para, c.Article, c.Para) })
}

// readingOrder orders paragraph pa of a and pb of b by the articles'
// reading order (date, then title), then paragraph.
func readingOrder(a *Article, pa int, b *Article, pb int) int {
	if a != b {
		return a.rank - b.rank
	}
	return pa - pb
}

// htmlOf marks Markdown output as safe HTML: goldmark escapes text and,
// unless the site opts in, drops raw HTML.
func htmlOf(s string) template.HTML { return template.HTML(s) }

// unsafeScheme names link schemes that run script or smuggle content.
func unsafeScheme(scheme string) bool {
	switch strings.ToLower(strings.TrimSpace(scheme)) {
	case "javascript", "vbscript", "data":
		return true
	}
	return false
}
