package site

import (
	"errors"
	"path"
	"slices"
	"strings"
	"sync/atomic"

	"briefing/internal/diag"
	"briefing/internal/export"
	"briefing/internal/feed"
	"briefing/internal/model"
	"briefing/internal/output"
	"briefing/internal/parallel"
	"briefing/internal/render"
)

// inPlaceBuild is the quick way through the rebuilds gen serve makes
// most: articles saved with their front matter as it was. The last good
// build's linked model takes each in place rather than being decoded and
// linked again: model.Briefing.Reword when only the text of paragraphs
// changed, model.Briefing.Reannotate when annotations did. Only the pages
// that can show the change are rendered again; a reworded article changes
// only the part of the search index that holds it, and nothing the feeds
// or exports show. The result equals a full build's.
//
// It reports false when the edits need the full way: anything but saved
// articles that the last good build holds, or a changed front matter.
func (b *Builder) inPlaceBuild() (*Site, bool, error) {
	if b.last == nil || b.redo || len(b.edited) == 0 {
		return nil, false, nil
	}
	names := make([]string, 0, len(b.edited))
	for name := range b.edited {
		if dir, file := path.Split(name); dir != "content/articles/" || !strings.HasSuffix(file, ".md") {
			return nil, false, nil
		}
		names = append(names, name)
	}
	slices.Sort(names)
	articles := make(map[string]*model.Article, len(b.last.Articles))
	for _, a := range b.last.Articles {
		articles[a.Slug] = a
	}

	var list diag.List
	var reworded, reannotated []*model.Article
	changed := map[*model.Passage]bool{} // the passages whose excerpts a rewording changed
	timeline := false                    // whether an event's first reference moved
	done := func() {                     // an edit is made in place; if a later one fails, the next build must take the full way
		if len(reworded)+len(reannotated) > 0 {
			b.last = nil
		}
	}
	for _, name := range names {
		var read diag.List
		src := b.load1(name, true, &read)
		if src == nil || read.HasErrors() {
			done()
			return nil, false, nil // gone or unreadable: the full way reports it
		}
		old := articles[src.id]
		if old == nil {
			done()
			return nil, false, nil
		}
		b.sources[name] = src
		if old.Doc() == src.doc {
			continue // saved without a change
		}
		list.Merge(&read)
		list.Merge(&src.parse)
		article := model.DecodeArticle(src.doc, src.id, &list)
		src.convertWith(b.articleMarkdown, b.linksKey)
		list.Merge(&src.convert)
		if src.result == nil {
			done()
			return nil, false, nil
		}
		article.SetBody(src.html, src.result)
		if list.HasErrors() {
			break
		}
		before, paras := render.Excerpts(old), eventParas(old)
		switch {
		case b.last.Reword(old, article, &list):
			reworded = append(reworded, old)
			for p, excerpt := range render.Excerpts(old) {
				if before[p] != excerpt {
					changed[p] = true
				}
			}
			continue
		case list.HasErrors():
		case b.last.Reannotate(old, article, &list):
			reannotated = append(reannotated, old)
			timeline = timeline || !slices.Equal(paras, eventParas(old))
			continue
		}
		if !list.HasErrors() {
			done()
			return nil, false, nil // the front matter changed
		}
		break
	}
	if list.HasErrors() {
		done()
		list.Merge(b.warningsBesides(names))
		return nil, true, list.Err()
	}

	ownTemplates := b.hasOwnTemplates()
	var touched map[string]bool // the pages that show a reannotated article, as it was or is now
	if len(reannotated) > 0 {
		touched = map[string]bool{}
		for _, a := range reannotated {
			name := sourcePath(a)
			for _, p := range b.touches[name] {
				touched[p] = true
			}
			b.touches[name] = pagesShowing(a)
			for _, p := range b.touches[name] {
				touched[p] = true
			}
			b.outlines[name] = a.Outline()
			for _, other := range b.last.Articles { // their pages link its events' paragraphs
				if slices.ContainsFunc(other.Events, func(e *model.Event) bool { return e.Article == a }) {
					touched[other.Path()] = true
				}
			}
		}
	}
	all := render.Pages(b.last)
	var todo []*render.Page
	for _, p := range all {
		switch {
		case slices.ContainsFunc(reworded, func(a *model.Article) bool { return p.ShowsTextOf(a, changed) }):
		case touched[p.Path], touched != nil && summarises(p.Kind) && (p.Kind != render.Timeline || timeline):
		case ownTemplates && len(reworded)+len(reannotated) > 0 && (summarises(p.Kind) ||
			slices.ContainsFunc(names, func(n string) bool { return slices.Contains(b.touches[n], p.Path) })):
			// they may show the text of an article on any page that shows the article
		default:
			continue
		}
		todo = append(todo, p)
	}

	// The views of the model that can change, each one job beside the pages.
	index, feeds, exports := b.index, b.feeds, b.exports
	jobs := []func(){func() {
		for _, a := range reworded {
			index = index.Reword(a)
		}
		for _, a := range reannotated {
			index = index.Reannotate(b.last, a)
		}
	}}
	if len(reannotated) > 0 {
		jobs = append(jobs,
			func() { feeds = feed.Files(b.last, sitemapPages(all)) },
			func() { exports = export.Files(b.last) })
	}
	rendered := make([]output.File, len(todo))
	errs := make([]error, len(todo))
	var count atomic.Int64
	parallel.For(len(jobs)+len(todo), func(i int) {
		if i < len(jobs) {
			jobs[i]()
			return
		}
		p := todo[i-len(jobs)]
		data, err := b.renderer.Render(p)
		rendered[i-len(jobs)], errs[i-len(jobs)] = output.File{Path: p.Path, Data: data}, err
		if b.Progress != nil {
			b.Progress(int(count.Add(1)), len(todo))
		}
	})
	if err := errors.Join(errs...); err != nil {
		done() // taken in place, but not all shown
		var failures diag.List
		addTemplateErrors(&failures, err)
		return nil, true, failures.Err()
	}

	warnings := b.warningsBesides(names)
	warnings.Merge(&list)
	s := &Site{Briefing: b.last, Pages: len(all), Rendered: len(todo), SearchIndex: index.Size(), Warnings: warnings.Items()}
	s.Updated, s.UpdatedAll = b.keepPages(all, rendered)
	b.index, b.feeds, b.exports = index, feeds, exports
	s.Files = make([]output.File, 0, len(all)+len(feeds)+len(exports)+len(b.others)+50)
	for _, p := range all {
		s.Files = append(s.Files, b.pages[p.Path])
	}
	s.Files = slices.Concat(s.Files, index.Files(), feeds, exports, b.others)
	b.warnings, b.restyled = s.Warnings, false
	b.edited = map[string]bool{}
	return s, true, nil
}

// eventParas are the paragraphs that first reference a's events, which
// the timeline links.
func eventParas(a *model.Article) []int {
	var out []int
	for _, e := range a.Events {
		if e.Article == a {
			out = append(out, e.Para)
		}
	}
	return out
}

// warningsBesides are the last good build's warnings about other files
// than those named.
func (b *Builder) warningsBesides(names []string) *diag.List {
	var out diag.List
	for _, w := range b.warnings {
		if !slices.Contains(names, w.File) {
			out.Add(w)
		}
	}
	return &out
}
