package site

import (
	"slices"
	"time"

	"github.com/briefing-gen/gen/internal/feed"
	"github.com/briefing-gen/gen/internal/model"
	"github.com/briefing-gen/gen/internal/output"
	"github.com/briefing-gen/gen/internal/render"
)

// modified tells when what each page shows last changed, as far as the
// model knows: the date of the latest article that shows something on it
// (pagesShowing, the same relation that decides which pages an edit
// renders again). For the sitemap's lastmod.
type modified struct {
	byPath map[string]time.Time // the pages of articles, actors and topics
	latest time.Time            // the latest article's
}

// An article is dated by the last day its publication date can mean, as
// in the feeds: "February 2025" is 28 February. A pending date gives none.
func newModified(b *model.Briefing) modified {
	m := modified{byPath: make(map[string]time.Time, len(b.Articles)+len(b.Actors)+len(b.Topics))}
	for _, a := range b.Articles {
		day := a.Published.LastDay()
		if day.IsZero() {
			continue
		}
		m.latest = later(m.latest, day)
		for _, p := range pagesShowing(a) {
			m.byPath[p] = later(m.byPath[p], day)
		}
	}
	return m
}

// of is the page's date: that of its article, actor or topic, for every
// page of one (a long one's later pages too); any other page lists or
// sums up the whole briefing, and has the latest article's. The zero
// time means no date.
func (m modified) of(p *render.Page) time.Time {
	switch {
	case p.Article != nil:
		return m.byPath[p.Article.Path()]
	case p.Actor != nil:
		return m.byPath[p.Actor.Path()]
	case p.Topic != nil:
		return m.byPath[p.Topic.Path()]
	}
	return m.latest
}

func later(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}

// resitemap returns feeds, the files made by feed.Files, with the sitemap
// made again for the pages all.
func resitemap(b *model.Briefing, feeds []output.File, all []*render.Page) []output.File {
	out := slices.DeleteFunc(slices.Clone(feeds), func(f output.File) bool { return feed.IsSitemap(f.Path) })
	return append(out, feed.Sitemaps(b, sitemapPages(b, all))...)
}
