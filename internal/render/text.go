package render

import (
	"html/template"
	"slices"

	"github.com/briefing-gen/gen/internal/model"
)

// PassagesShown is how many of its latest passages an actor's or topic's
// page shows ({{passagesShown}} in the templates). Apart from its own page
// and the book, that is the only place the text of an article's
// paragraphs appears, besides the pages of the actor's or topic's whole
// list of them.
const PassagesShown = 20

// EventsShown is how many of its latest events an actor's or topic's page
// shows ({{eventsShown}}); its list of events (Events) holds them all.
const EventsShown = 20

// ShowsTextOf reports whether the page, as the default templates render
// it, shows the text of a's paragraphs: a's own page, the book if it
// holds a, and the pages that list one of the changed passages. gen serve renders only those pages again after an edit
// that changed nothing but that text; templates of a project's own may
// show it anywhere.
func (p *Page) ShowsTextOf(a *model.Article, changed map[*model.Passage]bool) bool {
	switch p.Kind {
	case Article:
		return p.Article == a
	case Book:
		return p.book.slugs[a.Slug]
	case Actor:
		return showsAny(p.Actor.Passages, changed)
	case Topic:
		return showsAny(p.Topic.Passages, changed)
	case List:
		if passages, ok := p.Items.([]*model.Passage); ok {
			return slices.ContainsFunc(passages, func(x *model.Passage) bool { return changed[x] })
		}
	}
	return false
}

// showsAny reports whether a page showing the latest passages shows one
// of those changed.
func showsAny(passages []*model.Passage, changed map[*model.Passage]bool) bool {
	for _, x := range passages[max(0, len(passages)-PassagesShown):] {
		if changed[x] {
			return true
		}
	}
	return false
}

// Excerpts are what pages show of an article's passages: compared before
// and after an edit of its text, they tell which passages look different.
func Excerpts(a *model.Article) map[*model.Passage]template.HTML {
	out := map[*model.Passage]template.HTML{}
	for _, p := range a.Passages() {
		out[p] = excerpt(p)
	}
	return out
}
