package site

import (
	"errors"
	"fmt"
	"maps"
	"path"
	"slices"
	"strings"
	"sync/atomic"

	"github.com/briefing-gen/gen/internal/diag"
	"github.com/briefing-gen/gen/internal/export"
	"github.com/briefing-gen/gen/internal/feed"
	"github.com/briefing-gen/gen/internal/i18n"
	"github.com/briefing-gen/gen/internal/model"
	"github.com/briefing-gen/gen/internal/output"
	"github.com/briefing-gen/gen/internal/parallel"
	"github.com/briefing-gen/gen/internal/render"
)

// inPlaceBuild is the quick way through the rebuilds gen serve makes
// most: articles saved with their front matter as it was. The last good
// build's linked model takes each in place rather than being decoded and
// linked again: model.Briefing.Reword when only the text of paragraphs
// changed, model.Briefing.Reannotate when annotations did. Only the pages
// that can show the change are rendered again; a reworded article changes
// only the parts of the search index and of the paragraphs that hold it,
// not briefing.json, and nothing the feeds show. The result equals a full build's.
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
	var checked []string // the files read again, whose last warnings no longer hold
	var reworded, reannotated []*model.Article
	// The actors and topics that held or hold something of a reannotated
	// article, whose feeds may change.
	var namedActors []*model.Actor
	var namedTopics []*model.Topic
	changed := map[*model.Passage]bool{} // the passages whose excerpts a rewording changed
	timeline := false                    // whether an event's first reference moved
	giveUp := func() {                   // once an edit is taken in place, a build that fails leaves the next to take the full way
		if len(reworded)+len(reannotated) > 0 {
			b.last = nil
		}
	}
	sizes := render.ListSizes(b.last) // before any edit is taken in: whose lists' pages shift
	for _, name := range names {
		var read diag.List
		src := b.load1(name, true, &read)
		if src == nil || read.HasErrors() {
			giveUp()
			return nil, false, nil // gone or unreadable: the full way reports it
		}
		old := articles[src.id]
		if old == nil {
			giveUp()
			return nil, false, nil
		}
		b.sources[name] = src
		if old.Doc() == src.doc {
			continue // saved without a change
		}
		checked = append(checked, name)
		var problems diag.List
		problems.Merge(&read)
		problems.Merge(&src.parse)
		article := model.DecodeArticle(src.doc, src.id, &problems)
		src.convertWith(b.articleMarkdown, b.linksKey)
		problems.Merge(&src.convert)
		if src.result == nil || problems.HasErrors() {
			// A mistake in the front matter: the full way reports it with
			// all that linking the article as it is finds.
			giveUp()
			return nil, false, nil
		}
		article.SetBody(src.html, src.result)
		if model.RefersToDrafts(old, b.drafts) || model.RefersToDrafts(article, b.drafts) {
			giveUp()
			return nil, false, nil // whether that is a problem depends on the drafts
		}
		before := render.Excerpts(old)
		if b.last.Reword(old, article, &problems) {
			reworded = append(reworded, old)
			for p, excerpt := range render.Excerpts(old) {
				if before[p] != excerpt {
					changed[p] = true
				}
			}
		} else if !problems.HasErrors() { // not a mistake in the new text: its annotations changed
			paras := eventParas(old)
			actors, topics := old.Named()
			if !b.last.Reannotate(old, article, &problems) && !problems.HasErrors() {
				giveUp()
				return nil, false, nil // the front matter changed
			}
			if !problems.HasErrors() {
				reannotated = append(reannotated, old)
				timeline = timeline || !slices.Equal(paras, eventParas(old))
				newActors, newTopics := old.Named()
				namedActors = slices.Concat(namedActors, actors, newActors)
				namedTopics = slices.Concat(namedTopics, topics, newTopics)
			}
		}
		list.Merge(&problems)
	}
	if list.HasErrors() {
		giveUp()
		list.Merge(b.warningsBesides(checked))
		return nil, true, list.Err()
	}
	// A reannotated article may move events to other timeline pages (what
	// an event weighs counts its reports): every page that links to
	// events may then be out of date, and the full way renders them all.
	if b.layout.Moves(b.last.Timeline) {
		giveUp()
		return nil, false, nil
	}
	// An edited article may change what the book holds (what it weighs
	// counts the text): the book is rendered again, its rows too.
	bookKey := render.BookKey(b.last)
	rebook := bookKey != b.bookKey

	// The pages that show a reannotated article, as it was and as it is,
	// and what to remember of it once they are rendered.
	showing := map[string]bool{}
	touches, outlines := map[string][]string{}, map[string]string{}
	for _, a := range reannotated {
		name := sourcePath(a)
		touches[name], outlines[name] = pagesShowing(a), a.Outline()
		for _, p := range slices.Concat(b.touches[name], touches[name], referencing(b.last, a)) {
			showing[p] = true
		}
	}
	ownTemplates := b.hasOwnTemplates()
	if ownTemplates { // they may show an article's text on any page that shows something of it
		for _, a := range reworded {
			for _, p := range slices.Concat(b.touches[sourcePath(a)], referencing(b.last, a)) {
				showing[p] = true
			}
		}
	}
	all := render.Pages(b.last)
	edited := map[*model.Article]bool{}
	for _, a := range slices.Concat(reworded, reannotated) {
		edited[a] = true
	}
	var todo []*render.Page
	for _, p := range all {
		switch {
		case slices.ContainsFunc(reworded, func(a *model.Article) bool { return p.ShowsTextOf(a, changed) }):
		case showing[p.Family()] && (ownTemplates || !p.ListPageKept(sizes, edited, timeline)):
		case p.Kind == render.Book && rebook:
		case summarises(p.Kind) && (len(reannotated) > 0 || ownTemplates && len(reworded) > 0) &&
			(p.Kind != render.Timeline || timeline || ownTemplates):
		default:
			continue
		}
		todo = append(todo, p)
	}

	if ownTemplates || rebook {
		b.renderer.ForgetAll() // their rows may show anything; the book's link inside it or out
	} else {
		var changedItems []any
		for _, a := range slices.Concat(reworded, reannotated) {
			changedItems = append(changedItems, a)
		}
		for _, x := range namedActors {
			changedItems = append(changedItems, x)
		}
		for _, t := range namedTopics {
			changedItems = append(changedItems, t)
		}
		b.renderer.Forget(changedItems...)
	}

	// The views of the model that can change, each one job beside the pages.
	index, data, feeds, exports := b.index, b.data, b.feeds, b.exports
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
			func() {
				feeds = refeed(b.last, b.words, feeds, namedActors, namedTopics)
				feeds = resitemap(b.last, feeds, all)                        // the pages of the actors and topics named have new dates
				if f, ok := feed.SiteFeed(b.last, b.words); ok && timeline { // its events link their paragraphs, in timeline order
					feeds = replaceFiles(feeds, f)
				}
			},
		)
	}
	if len(reannotated)+len(reworded) > 0 { // the parts of the paragraphs hold their text and mentions' marks
		jobs = append(jobs, func() {
			if timeline { // events' paragraphs moved: their provenance too
				data = export.NewData(b.last)
				exports = replaceFiles(exports, export.Timeline(b.last))
			} else {
				for _, a := range slices.Concat(reworded, reannotated) {
					data = data.Rewrite(b.last, a)
				}
			}
			exports = replaceFiles(exports, data.Files()...)
		})
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
		giveUp() // taken in place, but not shown
		var failures diag.List
		addTemplateErrors(&failures, err)
		return nil, true, failures.Err()
	}

	maps.Copy(b.touches, touches)
	maps.Copy(b.outlines, outlines)
	// An actor or topic may gain or lose its feed, whose path a static
	// file may have: check the static files again.
	others, staticWarnings := b.otherFiles(b.last, all, slices.Concat(index.Files(), feeds, exports))
	warnings := b.warningsBesides(checked)
	warnings.Merge(&list)
	s := &Site{Briefing: b.last, Pages: len(all), Rendered: len(todo), SearchIndex: index.Size(), Warnings: append(warnings.Items(), staticWarnings...), Drafts: b.drafts}
	s.Updated, s.UpdatedAll = b.keepPages(all, rendered)
	b.index, b.data, b.feeds, b.exports = index, data, feeds, exports
	s.Files = make([]output.File, 0, len(all)+len(feeds)+len(exports)+len(b.others)+50)
	for _, p := range all {
		s.Files = append(s.Files, b.pages[p.Path])
	}
	s.Files = slices.Concat(s.Files, index.Files(), feeds, exports, others) // in another order than a full build's: only the paths matter
	b.others = others
	b.warnings, b.restyled = s.Warnings, false
	b.edited, b.bookKey = map[string]bool{}, bookKey
	return s, true, nil
}

// refeed returns the feeds with those of the actors and topics given
// made again: changed, new, or gone when there is nothing left to say.
func refeed(briefing *model.Briefing, words *i18n.Catalog, feeds []output.File, actors []*model.Actor, topics []*model.Topic) []output.File {
	redo := map[string]output.File{}
	gone := map[string]bool{}
	remake := func(path string, f output.File, ok bool) {
		if ok {
			redo[path] = f
		} else {
			gone[path] = true
		}
	}
	for _, x := range actors {
		f, ok := feed.ActorFeed(briefing, words, x)
		remake(x.FeedPath(), f, ok)
	}
	for _, t := range topics {
		f, ok := feed.TopicFeed(briefing, words, t)
		remake(t.FeedPath(), f, ok)
	}
	out := make([]output.File, 0, len(feeds)+len(redo))
	for _, f := range feeds {
		if g, ok := redo[f.Path]; ok {
			out = append(out, g)
			delete(redo, f.Path)
		} else if !gone[f.Path] {
			out = append(out, f)
		}
	}
	for _, path := range slices.Sorted(maps.Keys(redo)) {
		out = append(out, redo[path])
	}
	return out
}

// replaceFiles returns files with each of new in the place of the file
// of its path.
func replaceFiles(files []output.File, new ...output.File) []output.File {
	byPath := make(map[string]output.File, len(new))
	for _, f := range new {
		byPath[f.Path] = f
	}
	out := slices.Clone(files)
	for i := range out {
		if f, ok := byPath[out[i].Path]; ok {
			out[i] = f
		}
	}
	return out
}

// referencing are the pages of the other articles that reference a's
// events, and link the paragraphs that report them.
func referencing(b *model.Briefing, a *model.Article) []string {
	var out []string
	for _, other := range b.Articles {
		if other != a && slices.ContainsFunc(other.Events, func(e *model.Event) bool { return e.Article == a }) {
			out = append(out, other.Path())
		}
	}
	return out
}

// eventParas are the paragraphs in which a first reports each event it
// declares or references, which the timeline cites, and for the events it
// declares first the places of those reports, which order a day's
// events: one line for each event, by id.
func eventParas(a *model.Article) []string {
	var out []string
	for _, e := range a.Events {
		para := 0
		if r := e.ReportBy(a); r != nil {
			para = r.Para
		}
		line := fmt.Sprintf("%s %d", e.ID, para)
		if e.Article == a {
			line += fmt.Sprintf(" %d %d", e.Para, e.FirstReport())
		}
		out = append(out, line)
	}
	slices.Sort(out)
	return out
}

// warningsBesides are the last good build's warnings about other files
// than those named, and but those about static files, which a build
// that succeeds checks again.
func (b *Builder) warningsBesides(names []string) *diag.List {
	var out diag.List
	for _, w := range b.warnings {
		if !slices.Contains(names, w.File) && !strings.HasPrefix(w.File, "static/") {
			out.Add(w)
		}
	}
	return &out
}
