package render

import "briefing/internal/model"

// PassagesShown is how many of its latest passages an actor's or topic's
// page shows ({{passagesShown}} in the templates). Apart from its own page
// and the book, that is the only place the text of an article's
// paragraphs appears.
const PassagesShown = 50

// ShowsTextOf reports whether the page, as the default templates render
// it, shows the text of a's paragraphs. gen serve renders only those
// pages again after an edit that changed nothing but that text; templates
// of a project's own may show it anywhere.
func (p *Page) ShowsTextOf(a *model.Article) bool {
	switch p.Kind {
	case Article:
		return p.Article == a
	case Book:
		return p.bookArticles[a.Slug]
	case Actor:
		return showsPassageOf(p.Actor.Passages, a)
	case Topic:
		return showsPassageOf(p.Topic.Passages, a)
	}
	return false
}

// showsPassageOf reports whether a page showing the latest passages shows
// one of a's.
func showsPassageOf(passages []*model.Passage, a *model.Article) bool {
	for _, x := range passages[max(0, len(passages)-PassagesShown):] {
		if x.Article == a {
			return true
		}
	}
	return false
}
