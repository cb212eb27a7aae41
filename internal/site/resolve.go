package site

import (
	"briefing/internal/annotate"
	"briefing/internal/model"
)

// resolver links annotations to pages from a fixed folder depth (prefix
// leads back to the site root). Unknown ids render unlinked; Link reports
// them with their positions.
type resolver struct {
	prefix string
	actors map[string]*model.Actor
	topics map[string]*model.Topic
}

func newResolver(prefix string, actors []*model.Actor, topics []*model.Topic) *resolver {
	r := &resolver{prefix: prefix, actors: map[string]*model.Actor{}, topics: map[string]*model.Topic{}}
	for _, a := range actors {
		r.actors[a.ID] = a
	}
	for _, t := range topics {
		r.topics[t.ID] = t
	}
	return r
}

func (r *resolver) Link(a *annotate.Annotation) (href, title string) {
	switch a.Kind {
	case annotate.Actor:
		if actor := r.actors[a.ID]; actor != nil {
			return r.prefix + actor.Path(), describe(actor)
		}
	case annotate.Quote:
		if actor := r.actors[a.ID]; actor != nil {
			return r.prefix + actor.Path() + "#quotes", "Quote: " + describe(actor)
		}
	case annotate.Topic:
		if topic := r.topics[a.ID]; topic != nil {
			return r.prefix + topic.Path(), "Topic: " + topic.Title
		}
	case annotate.Event:
		if model.ValidID(a.ID) {
			return r.prefix + "timeline/index.html#" + a.ID, "On the timeline"
		}
	}
	return "", ""
}

func describe(a *model.Actor) string {
	if a.Role != "" {
		return a.Name + ", " + a.Role
	}
	return a.Name
}
