package site

import (
	"github.com/briefing-gen/gen/internal/annotate"
	"github.com/briefing-gen/gen/internal/i18n"
	"github.com/briefing-gen/gen/internal/langtag"
	"github.com/briefing-gen/gen/internal/model"
)

// resolver links annotations to pages from a fixed folder depth (prefix
// leads back to the site root). Unknown ids render unlinked; Link reports
// them with their positions.
type resolver struct {
	prefix string
	lang   langtag.Tag   // the site's language, which quotes' translations are in
	words  *i18n.Catalog // for the links' titles
	actors map[string]*model.Actor
	topics map[string]*model.Topic
}

func newResolver(prefix string, lang langtag.Tag, actors []*model.Actor, topics []*model.Topic, words *i18n.Catalog) *resolver {
	r := &resolver{prefix: prefix, lang: lang, actors: map[string]*model.Actor{}, topics: map[string]*model.Topic{}, words: words}
	for _, a := range actors {
		r.actors[a.ID] = a
	}
	for _, t := range topics {
		r.topics[t.ID] = t
	}
	return r
}

func (r *resolver) Link(a *annotate.Annotation) annotate.Link {
	switch a.Kind {
	case annotate.Actor:
		if actor := r.actors[a.ID]; actor != nil {
			return annotate.Link{Href: r.prefix + actor.Path(), Title: describe(actor)}
		}
	case annotate.Quote:
		if actor := r.actors[a.ID]; actor != nil {
			return annotate.Link{Href: r.prefix + actor.Path() + "#quotes", Title: r.words.T("link_quote", "Who", describe(actor)), Speaker: actor.Name,
				TranslationLang: r.lang.Code, TranslationDir: r.lang.Dir()}
		}
	case annotate.Topic:
		if topic := r.topics[a.ID]; topic != nil {
			return annotate.Link{Href: r.prefix + topic.Path(), Title: r.words.T("link_topic", "Title", topic.Title)}
		}
	case annotate.Event:
		if model.ValidID(a.ID) {
			return annotate.Link{Href: r.prefix + "timeline/index.html#" + a.ID, Title: r.words.T("link_timeline")}
		}
	}
	return annotate.Link{}
}

// ParagraphLabel names a paragraph's ¶ mark in the site's language.
func (r *resolver) ParagraphLabel(n int) string { return r.words.T("paragraph_label", "Number", n) }

func describe(a *model.Actor) string {
	if a.Role != "" {
		return a.Name + ", " + a.Role
	}
	return a.Name
}
