package site

import (
	"bytes"
	"maps"
	"slices"
	"sort"

	"github.com/briefing-gen/gen/internal/diag"
	"github.com/briefing-gen/gen/internal/export"
	"github.com/briefing-gen/gen/internal/model"
	"github.com/briefing-gen/gen/internal/output"
	"github.com/briefing-gen/gen/internal/render"
	"github.com/briefing-gen/gen/internal/search"
)

// snapshot is the last good build: everything the next build starts
// from. A build that succeeds makes a new one and swaps it in whole; no
// field of a snapshot is written after it is made.
//
// The one exception is the model. An in-place build (inPlaceBuild)
// changes the linked Briefing itself rather than link a copy, which would
// cost as much as linking anew. It first takes the snapshot's model for
// its own (Builder.take), leaving a snapshot whose briefing is nil: if
// that build then fails, the next build finds no model to start from and
// renders every page.
type snapshot struct {
	briefing *model.Briefing // nil once an in-place build has taken it

	all     []*render.Page         // every page
	pages   map[string]output.File // every page's file, by path
	index   *search.Index
	data    *export.Data  // briefing.json and the parts of the paragraphs
	feeds   []output.File // feeds and the sitemap
	dates   modified      // the sitemap's
	exports []output.File // data's files and timeline.json
	others  []output.File // .nojekyll, CNAME and the static files

	warnings []diag.Diagnostic

	byFile map[string]*model.Article // the articles by file name, which an in-place edit keeps

	// What the model looked like, kept because an in-place build changes
	// the model: its timeline layout and what the book held.
	layout  *model.TimelineLayout
	bookKey string
	lists   map[string]int // render.ListSizes
}

// newSnapshot completes a snapshot of briefing's build from its files
// and pages, noting what an in-place edit may change: the timeline's
// layout and the lists' sizes, unless given as the last build's (an edit
// of text alone changes neither).
func newSnapshot(s snapshot, pages []*render.Page, layout *model.TimelineLayout, lists map[string]int) *snapshot {
	s.all, s.layout, s.lists = pages, layout, lists
	if s.layout == nil {
		s.layout = s.briefing.Timeline.Layout()
	}
	if s.lists == nil {
		s.lists = render.ListSizes(s.briefing)
	}
	s.bookKey = render.BookOf(pages).BookKey()
	if s.byFile == nil {
		s.byFile = byFile(s.briefing)
	}
	return &s
}

// spent is the snapshot without its model, which an in-place build has
// begun to change.
func (s *snapshot) spent() *snapshot {
	c := *s
	c.briefing = nil
	return &c
}

// files are all the files of the site.
func (s *snapshot) files(pages []*render.Page) []output.File {
	out := make([]output.File, 0, len(pages)+len(s.feeds)+len(s.exports)+len(s.others)+256)
	for _, p := range pages {
		out = append(out, s.pages[p.Path])
	}
	return slices.Concat(out, s.index.Files(), s.feeds, s.exports, s.others)
}

// updated lists the pages a build changed, in order: those rendered
// whose bytes differ from the last build's, and those gone.
func updated(before, after map[string]output.File, rendered []output.File) []string {
	var out []string
	for _, f := range rendered {
		if old, ok := before[f.Path]; !ok || !bytes.Equal(old.Data, f.Data) {
			out = append(out, f.Path)
		}
	}
	if !samePages(before, len(after), rendered) {
		for path := range before {
			if _, ok := after[path]; !ok {
				out = append(out, path)
			}
		}
	}
	sort.Strings(out)
	return out
}

// withPages is the pages of a build: those rendered, and of the others
// the last build's.
func withPages(last map[string]output.File, all []*render.Page, rendered []output.File) map[string]output.File {
	var pages map[string]output.File
	if samePages(last, len(all), rendered) {
		pages = maps.Clone(last)
	} else {
		pages = make(map[string]output.File, len(all))
		for _, p := range all {
			pages[p.Path] = last[p.Path]
		}
	}
	for _, f := range rendered {
		pages[f.Path] = f
	}
	return pages
}

// samePages reports whether a build of pages pages, of which those
// rendered, has a page at each path the last build's pages had and at no
// other: a page that was not there before is always rendered, so if none
// of those rendered is new, none is, and if there are as many, none went.
func samePages(last map[string]output.File, pages int, rendered []output.File) bool {
	return len(last) == pages && !slices.ContainsFunc(rendered, func(f output.File) bool { _, ok := last[f.Path]; return !ok })
}
