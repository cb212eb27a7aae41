package model

import (
	"slices"
	"sort"
	"strings"
)

// What the briefing says about who stands where and who acts with whom,
// derived from the linked model: positions (quotes on a topic, by
// speaker), the stance matrix (actors × topics), and co-mentions (actors
// named in the same paragraph).

// SpeakerQuotes is one speaker's quotes on a topic, in reading order.
type SpeakerQuotes struct {
	Speaker *Actor
	Quotes  []*Quote
}

// Positions lists, for each actor quoted on the topic, their quotes on it
// in date order; the speaker quoted most comes first.
func (t *Topic) Positions() []SpeakerQuotes {
	var groups []SpeakerQuotes
	index := map[*Actor]int{}
	for _, q := range t.Quotes {
		i, ok := index[q.Speaker]
		if !ok {
			i = len(groups)
			index[q.Speaker] = i
			groups = append(groups, SpeakerQuotes{Speaker: q.Speaker})
		}
		groups[i].Quotes = append(groups[i].Quotes, q)
	}
	names := make(map[*Actor]string, len(groups)) // lower-cased once, not in every comparison
	for _, g := range groups {
		names[g.Speaker] = strings.ToLower(g.Speaker.Name)
	}
	sort.SliceStable(groups, func(i, j int) bool {
		if len(groups[i].Quotes) != len(groups[j].Quotes) {
			return len(groups[i].Quotes) > len(groups[j].Quotes)
		}
		return names[groups[i].Speaker] < names[groups[j].Speaker]
	})
	return groups
}

// Stance is what connects one actor and one topic: the positions the
// actor's file records on the topic, the actor's quotes on it, and the
// paragraphs that mention both.
type Stance struct {
	Actor     *Actor
	Topic     *Topic
	Positions []*Position // latest first
	Quotes    []*Quote
	Passages  []*Passage // the actor's passages that also mention the topic
}

// Empty reports whether nothing connects the actor and the topic.
func (s Stance) Empty() bool { return len(s.Positions) == 0 && !s.Evidence() }

// Evidence reports whether the articles connect the actor and the topic:
// a quote, or a paragraph naming both.
func (s Stance) Evidence() bool { return len(s.Quotes) > 0 || len(s.Passages) > 0 }

// Current is the latest position recorded, nil if none.
func (s Stance) Current() *Position {
	if len(s.Positions) == 0 {
		return nil
	}
	return s.Positions[0]
}

// weight ranks stances: a recorded position counts as much as a few
// quotes, as it is the analyst's reading of them.
func (s Stance) weight() int { return 6*min(len(s.Positions), 1) + 2*len(s.Quotes) + len(s.Passages) }

// Anchor is the id of the section of the actor's page about the topic.
func (s Stance) Anchor() string { return "on-" + s.Topic.ID }

// Path links to that section.
func (s Stance) Path() string { return s.Actor.Path() + "#" + s.Anchor() }

// Stances lists the actor's stance on every topic that connects to them,
// the most connected first.
func (a *Actor) Stances() []Stance { return a.stances }

// StanceOn is the actor's stance on t, empty when nothing connects them.
func (a *Actor) StanceOn(t *Topic) Stance {
	for _, s := range a.stances {
		if s.Topic == t {
			return s
		}
	}
	return Stance{Actor: a, Topic: t}
}

// Unfiled are the actor's quotes on no topic.
func (a *Actor) Unfiled() []*Quote {
	var out []*Quote
	for _, q := range a.Quotes {
		if len(q.Topics) == 0 {
			out = append(out, q)
		}
	}
	return out
}

// StanceRows are the actors connected to any topic, for the stance
// matrix, most connected first.
func (b *Briefing) StanceRows() []*Actor {
	var rows []*Actor
	for _, a := range b.Actors {
		if len(a.stances) > 0 {
			rows = append(rows, a)
		}
	}
	weight := func(a *Actor) int {
		n := 0
		for _, s := range a.stances {
			n += s.weight()
		}
		return n
	}
	sort.SliceStable(rows, func(i, j int) bool { return weight(rows[i]) > weight(rows[j]) })
	return rows
}

// CoMention is another actor named in the same paragraphs as this one.
type CoMention struct {
	Actor    *Actor
	Passages []*Passage // this actor's passages that name the other too
}

// CoMentions lists the actors most often named in the same paragraph as
// this one, most shared paragraphs first.
func (a *Actor) CoMentions() []CoMention { return a.coMentions }

// relate fills in stances and co-mentions once every passage is known.
func relate(b *Briefing) {
	topicsIn, actorsIn := map[paragraph][]*Topic{}, map[paragraph][]*Actor{}
	for _, t := range b.Topics {
		for _, p := range t.Passages {
			k := paragraph{p.Article, p.Para}
			topicsIn[k] = append(topicsIn[k], t)
		}
	}
	for _, a := range b.Actors {
		for _, p := range a.Passages {
			k := paragraph{p.Article, p.Para}
			actorsIn[k] = append(actorsIn[k], a)
		}
	}
	at := func(k paragraph) ([]*Topic, []*Actor) { return topicsIn[k], actorsIn[k] }
	for _, a := range b.Actors {
		relateActor(a, b.Topics, at)
	}
}

// mentionedAt gives the topics and actors a paragraph mentions.
type mentionedAt func(paragraph) ([]*Topic, []*Actor)

// relateActor fills in the actor's stances and co-mentions, in the order
// of topics.
func relateActor(a *Actor, topics []*Topic, at mentionedAt) {
	byTopic := map[*Topic]*Stance{}
	stance := func(t *Topic) *Stance {
		if s, ok := byTopic[t]; ok {
			return s
		}
		s := &Stance{Actor: a, Topic: t}
		byTopic[t] = s
		return s
	}
	for _, p := range a.Positions {
		s := stance(p.Topic)
		s.Positions = append(s.Positions, p)
	}
	for _, q := range a.Quotes {
		for _, t := range q.Topics {
			s := stance(t)
			s.Quotes = append(s.Quotes, q)
		}
	}
	others := map[*Actor][]*Passage{}
	for _, p := range a.Passages {
		k := paragraph{p.Article, p.Para}
		if p.Para == 0 {
			continue // a heading or footnote is no shared paragraph
		}
		topicsIn, actorsIn := at(k)
		for _, t := range topicsIn {
			s := stance(t)
			s.Passages = append(s.Passages, p)
		}
		for _, other := range actorsIn {
			if other != a {
				others[other] = append(others[other], p)
			}
		}
	}
	a.stances, a.coMentions = nil, nil
	for _, t := range topics {
		if s, ok := byTopic[t]; ok {
			a.stances = append(a.stances, *s)
		}
	}
	// The topics most connected to the actor first; the pages show the
	// first few in full.
	sort.SliceStable(a.stances, func(i, j int) bool {
		return a.stances[i].weight() > a.stances[j].weight()
	})
	// Most shared paragraphs first, then by name: each name lower-cased
	// once, not at every comparison.
	type named struct {
		CoMention
		name string
	}
	sorted := make([]named, 0, len(others))
	for other, passages := range others {
		sorted = append(sorted, named{CoMention{other, passages}, strings.ToLower(other.Name)})
	}
	slices.SortFunc(sorted, func(x, y named) int {
		if len(x.Passages) != len(y.Passages) {
			return len(y.Passages) - len(x.Passages)
		}
		if c := strings.Compare(x.name, y.name); c != 0 {
			return c
		}
		return strings.Compare(x.Actor.ID, y.Actor.ID)
	})
	for _, x := range sorted {
		a.coMentions = append(a.coMentions, x.CoMention)
	}
}

// paragraph identifies one paragraph of one article.
type paragraph struct {
	article *Article
	para    int
}
