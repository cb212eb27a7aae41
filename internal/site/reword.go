package site

import (
	"errors"
	"path"
	"slices"
	"strings"
	"sync/atomic"

	"briefing/internal/diag"
	"briefing/internal/model"
	"briefing/internal/output"
	"briefing/internal/parallel"
	"briefing/internal/render"
)

// rewordBuild is the quick way through the rebuild gen serve makes most:
// articles saved with only their paragraphs' text changed. The last good
// build's linked model takes the new text in place (model.Briefing.Reword)
// rather than being decoded and linked again, and only the pages that show
// that text are rendered again, with the search index; the feeds and
// exports show none of it. The result equals a full build's.
//
// It reports false when the edits need the full way: anything but saved
// articles that the last good build holds, or an outline that changed.
func (b *Builder) rewordBuild() (*Site, bool, error) {
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
	var reworded []*model.Article
	changed := map[*model.Passage]bool{} // the passages whose excerpts the edits changed
	for _, name := range names {
		var read diag.List
		src := b.load1(name, true, &read)
		if src == nil || read.HasErrors() {
			return nil, false, nil // gone or unreadable: the full way reports it
		}
		old := articles[src.id]
		if old == nil {
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
			return nil, false, nil
		}
		article.SetBody(src.html, src.result)
		before := render.Excerpts(old)
		if !list.HasErrors() && b.last.Reword(old, article, &list) {
			reworded = append(reworded, old)
			for p, excerpt := range render.Excerpts(old) {
				if before[p] != excerpt {
					changed[p] = true
				}
			}
			continue
		}
		if len(reworded) > 0 {
			b.last = nil // partly reworded: the next build takes the full way
		}
		if list.HasErrors() {
			list.Merge(b.warningsBesides(names))
			return nil, true, list.Err()
		}
		return nil, false, nil
	}

	ownTemplates := b.hasOwnTemplates()
	all := render.Pages(b.last)
	var todo []*render.Page
	for _, p := range all {
		shows := slices.ContainsFunc(reworded, func(a *model.Article) bool { return p.ShowsTextOf(a, changed) })
		if ownTemplates && len(reworded) > 0 { // they may show the text on any page that shows the article
			shows = shows || summarises(p.Kind) || slices.ContainsFunc(names, func(n string) bool { return slices.Contains(b.touches[n], p.Path) })
		}
		if shows {
			todo = append(todo, p)
		}
	}
	index := b.index
	var parts []output.File // the index's parts that changed
	rendered := make([]output.File, len(todo))
	errs := make([]error, len(todo))
	var done atomic.Int64
	parallel.For(1+len(todo), func(i int) {
		if i == 0 {
			for _, a := range reworded {
				var part output.File
				index, part = index.Reword(a)
				parts = append(parts, part)
			}
			return
		}
		p := todo[i-1]
		data, err := b.renderer.Render(p)
		rendered[i-1], errs[i-1] = output.File{Path: p.Path, Data: data}, err
		if b.Progress != nil {
			b.Progress(int(done.Add(1)), len(todo))
		}
	})
	if err := errors.Join(errs...); err != nil {
		b.last = nil // reworded in place, but not all shown: the next build takes the full way
		var failures diag.List
		addTemplateErrors(&failures, err)
		return nil, true, failures.Err()
	}

	warnings := b.warningsBesides(names)
	warnings.Merge(&list)
	s := &Site{Briefing: b.last, Pages: len(all), Rendered: len(todo), SearchIndex: index.Size(), Warnings: warnings.Items()}
	s.Updated, s.UpdatedAll = b.keepPages(all, rendered)
	for _, part := range parts {
		for i, f := range b.views {
			if f.Path == part.Path {
				b.views[i] = part
			}
		}
	}
	b.index = index
	s.Files = make([]output.File, 0, len(all)+len(b.views)+len(b.others))
	for _, p := range all {
		s.Files = append(s.Files, b.pages[p.Path])
	}
	s.Files = append(append(s.Files, b.views...), b.others...)
	b.warnings, b.restyled = s.Warnings, false
	b.edited = map[string]bool{}
	return s, true, nil
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
