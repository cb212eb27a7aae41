package model

import (
	"fmt"
	"slices"
	"strings"

	"github.com/briefing-gen/gen/internal/content"
	"github.com/briefing-gen/gen/internal/dates"
	"github.com/briefing-gen/gen/internal/diag"
)

// PositionStances lists the stances an actor's position on a topic can
// take, in the order hints list them.
func PositionStances() []string {
	return []string{"supports", "opposes", "conditional", "mixed", "unclear"}
}

var positionFields = []string{"topic", "stance", "summary", "since"}

// Position is an analyst's reading of where an actor stands on a topic,
// from a date or article on: the actor file's positions: list. A stance
// that changes over time is several positions on one topic.
type Position struct {
	Actor   *Actor
	Topic   *Topic
	Stance  string // one of PositionStances
	Summary string

	// Since is when the position holds from: the date written, or the
	// publication date of SinceArticle when since names an article.
	Since        dates.Date
	SinceArticle *Article

	topicID, since string // as written
	meta           content.Meta
	order          int  // place in the actor's file, to break ties
	broken         bool // a field is missing or wrong: reported, not shown
}

// StanceLabel is the stance as a reader reads it: "Conditional".
func (p *Position) StanceLabel() string {
	if p.Stance == "" {
		return ""
	}
	return strings.ToUpper(p.Stance[:1]) + p.Stance[1:]
}

// Anchor is the id of the actor page's section on the topic's positions.
func (p *Position) Anchor() string { return "stance-on-" + p.Topic.ID }

// Path links to that section.
func (p *Position) Path() string { return p.Actor.Path() + "#" + p.Anchor() }

// PositionHistory is one actor's positions on one topic, latest first.
type PositionHistory struct {
	Actor     *Actor
	Topic     *Topic
	Positions []*Position
}

// Current is the latest position.
func (h PositionHistory) Current() *Position { return h.Positions[0] }

// Anchor is the id of the topic page's section on the actor's positions.
func (h PositionHistory) Anchor() string { return "stance-" + h.Actor.ID }

// decodePositions reads an actor's positions: list. Topics and articles
// are resolved when the briefing is linked.
func decodePositions(a *Actor, m content.Meta, list *diag.List) {
	for _, pm := range m.List("positions", "topic", "each item needs topic, stance, summary and since") {
		pm.WarnUnknown(positionFields...)
		p := &Position{
			Actor:   a,
			topicID: pm.String("topic", true),
			Stance:  strings.ToLower(pm.String("stance", true)),
			Summary: pm.String("summary", true),
			since:   pm.String("since", true),
			meta:    pm,
			order:   len(a.positions),
		}
		// A position with a mistake is kept, unshown, so that linking
		// reports what else is wrong with it in the same run.
		p.broken = p.Stance == "" || p.Summary == ""
		if p.Stance != "" && !slices.Contains(PositionStances(), p.Stance) {
			hint := "stances: " + strings.Join(PositionStances(), ", ")
			if s := diag.Suggest(p.Stance, PositionStances()); s != "" {
				hint = s + " " + hint
			}
			list.Errorf(pm.Pos("stance", p.Stance), hint, "unknown stance %q", p.Stance)
			p.broken = true
		}
		a.positions = append(a.positions, p)
	}
}

// linkPositions resolves each actor's positions' topics and since
// articles or dates, reports those that name nothing or repeat another,
// and orders each actor's positions by topic, latest first.
func (l *linker) linkPositions(actors []*Actor, topics []*Topic, articles []*Article) {
	slugs := make(map[string]*Article, len(articles))
	for _, a := range articles {
		slugs[a.Slug] = a
	}
	rank := make(map[*Topic]int, len(topics))
	for i, t := range topics {
		rank[t] = i
	}
	for _, a := range actors {
		a.Positions = nil
		seen := map[[2]string]*Position{}
		for _, p := range a.positions {
			p.Topic, p.SinceArticle, p.Since = nil, nil, dates.Date{}
			var topic *Topic
			if p.topicID != "" {
				topic = l.topic(p.topicID, p.meta.Pos("topic", p.topicID))
			}
			dated := p.since != "" && l.since(p, slugs)
			if topic == nil || !dated || p.broken {
				p.SinceArticle = nil
				continue
			}
			p.Topic = topic
			key := [2]string{p.topicID, p.since}
			if first, dup := seen[key]; dup {
				at := first.meta.Pos("topic", first.topicID)
				l.list.Errorf(p.meta.Pos("topic", p.topicID),
					fmt.Sprintf("the first is at %s:%d:%d; give this one another since, or merge the two", at.File, at.Line, at.Col),
					"duplicate position on %q since %q", p.topicID, p.since)
				continue
			}
			seen[key] = p
			a.Positions = append(a.Positions, p)
			if p.SinceArticle != nil {
				p.SinceArticle.positions = append(p.SinceArticle.positions, p)
			}
		}
		slices.SortStableFunc(a.Positions, func(x, y *Position) int {
			if x.Topic != y.Topic {
				return rank[x.Topic] - rank[y.Topic]
			}
			return latestFirst(x, y)
		})
	}
	for _, t := range topics {
		t.positions = nil
	}
	for _, a := range actors {
		for _, h := range a.PositionHistories() {
			h.Topic.positions = append(h.Topic.positions, h)
		}
	}
}

// since resolves p's since: an article's slug, else a date. It reports
// one that is neither.
func (l *linker) since(p *Position, slugs map[string]*Article) bool {
	if a, ok := slugs[p.since]; ok {
		p.SinceArticle, p.Since = a, a.Published
		return true
	}
	pos := p.meta.Pos("since", p.since)
	d, err := dates.Parse(p.since)
	switch {
	case err == nil && d.Pending:
		l.list.Errorf(pos, "write the date or the article it holds from", "since cannot be pending")
	case err == nil:
		p.Since = d
		return true
	case ValidID(p.since) && !strings.ContainsAny(p.since[:1], "0123456789"):
		l.list.Errorf(pos, suggest(p.since, slugs, "write an article's slug (its file name without .md) or a date such as \"2025-02-15\""), "unknown article %q", p.since)
	default:
		l.list.Errorf(pos, "since is an article's slug or a date; "+dates.Forms, "field \"since\": %v", err)
	}
	return false
}

// latestFirst orders two positions on a topic: the later since first,
// then the later article, then the one written later in the file.
func latestFirst(x, y *Position) int {
	if c := dates.Compare(x.Since, y.Since); c != 0 {
		return -c
	}
	if x.SinceArticle != nil && y.SinceArticle != nil && x.SinceArticle != y.SinceArticle {
		return y.SinceArticle.rank - x.SinceArticle.rank
	}
	return y.order - x.order
}

// PositionHistories are the actor's positions grouped by topic, in the
// order of topics, each latest first.
func (a *Actor) PositionHistories() []PositionHistory {
	var out []PositionHistory
	for _, p := range a.Positions {
		if n := len(out); n > 0 && out[n-1].Topic == p.Topic {
			out[n-1].Positions = append(out[n-1].Positions, p)
			continue
		}
		out = append(out, PositionHistory{Actor: a, Topic: p.Topic, Positions: []*Position{p}})
	}
	return out
}

// PositionHistories are the actors' recorded positions on the topic, one
// history per actor, in the order of actors.
func (t *Topic) PositionHistories() []PositionHistory { return t.positions }

// PositionsSince are the positions that hold from the article: the pages
// that show them show its title and date.
func (a *Article) PositionsSince() []*Position { return a.positions }
