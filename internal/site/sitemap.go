package site

import (
	"maps"
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

// after returns the dates once articles were reannotated in place, each
// with the pages that showed something of it before (was) and after (is):
// m itself when no date changed, which leaves the sitemap as it was. A
// page that gains an article takes its date if later; one that loses the
// article its date came from sends the dates to be worked out anew.
func (m modified) after(b *model.Briefing, edits []showingEdit) (modified, bool) {
	next, changed := m, false
	for _, e := range edits {
		day := e.article.Published.LastDay()
		if day.IsZero() {
			continue
		}
		for _, p := range e.was {
			if !slices.Contains(e.is, p) && next.byPath[p].Equal(day) {
				return newModified(b), true
			}
		}
		for _, p := range e.is {
			if day.After(next.byPath[p]) {
				if !changed { // m is the last good build's: write a copy
					next.byPath, changed = maps.Clone(m.byPath), true
				}
				next.byPath[p] = day
			}
		}
	}
	return next, changed
}

// showingEdit is an article reannotated in place, with the pages that
// show something of it, before and after (pagesShowing).
type showingEdit struct {
	article *model.Article
	was, is []string
}

// sitemapPages are the pages the sitemap lists, all but search and 404,
// with their dates.
func sitemapPages(dates modified, all []*render.Page) []feed.SitemapPage {
	out := make([]feed.SitemapPage, 0, len(all))
	for _, p := range all {
		if p.Kind != render.NotFound && p.Kind != render.Search {
			out = append(out, feed.SitemapPage{Path: p.Path, Modified: dates.of(p)})
		}
	}
	return out
}

// resitemap returns feeds, the files made by feed.Files, with the sitemap
// made again for the pages all.
func resitemap(b *model.Briefing, feeds []output.File, dates modified, all []*render.Page) []output.File {
	out := slices.DeleteFunc(slices.Clone(feeds), func(f output.File) bool { return feed.IsSitemap(f.Path) })
	return append(out, feed.Sitemaps(b, sitemapPages(dates, all))...)
}

// samePaths reports whether two builds have pages at the same paths.
func samePaths(a, b []*render.Page) bool {
	return slices.EqualFunc(a, b, func(x, y *render.Page) bool { return x.Path == y.Path })
}
