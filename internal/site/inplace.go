package site

import (
	"maps"
	"path"
	"slices"
	"strings"

	"github.com/briefing-gen/gen/internal/diag"
	"github.com/briefing-gen/gen/internal/export"
	"github.com/briefing-gen/gen/internal/feed"
	"github.com/briefing-gen/gen/internal/i18n"
	"github.com/briefing-gen/gen/internal/model"
	"github.com/briefing-gen/gen/internal/output"
	"github.com/briefing-gen/gen/internal/render"
)

// inPlaceBuild is the quick way through the rebuilds gen serve makes
// most: articles saved with their front matter as it was. The last good
// build's linked model takes each in place rather than being decoded and
// linked again (takeIn). Only the pages that can show the change are
// rendered again (stale); a reworded article changes only the parts of
// the search index and of the paragraphs that hold it, not briefing.json,
// and nothing the feeds show. The result equals a full build's.
//
// It reports false when the edits need the full way: anything but saved
// articles that the last good build holds, or a changed front matter.
func (b *Builder) inPlaceBuild() (*Site, bool, error) {
	last := b.last
	if last == nil || last.briefing == nil || b.redo || len(b.edited) == 0 {
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
	ownTemplates := b.ownTemplates
	e, problems, ok := b.takeIn(last, names, ownTemplates)
	if !ok {
		return nil, false, nil
	}
	if problems.HasErrors() {
		problems.Merge(warningsBesides(last.warnings, e.checked))
		return nil, true, problems.Err()
	}
	briefing := last.briefing
	// A reannotated article may move events to other timeline pages (what
	// an event weighs counts its reports): every page that links to
	// events may then be out of date, and the full way renders them all.
	if len(e.reannotated) > 0 && last.layout.Moves(briefing.Timeline) { // rewording moves no event
		return nil, false, nil
	}
	// An edited article may change what the book holds (what it weighs
	// counts the text): the book is rendered again, its rows too.
	var all []*render.Page
	switch {
	case e.eventsMoved: // the order of events may change in any list of them
		all = render.Pages(briefing)
	case len(e.reannotated) > 0:
		all = render.Repaged(last.all, briefing, e.touched)
	default:
		all = render.Rebooked(last.all, briefing) // text alone changed: the same pages, but for what the book holds
	}
	rebook := render.BookOf(all).BookKey() != last.bookKey
	rule := e.rule
	rule.summaries = len(e.reannotated) > 0 || ownTemplates && len(e.reworded) > 0
	rule.timeline = e.eventsMoved || ownTemplates
	rule.book = rebook || rule.summaries
	if !ownTemplates {
		edited := map[*model.Article]bool{}
		for _, a := range slices.Concat(e.reworded, e.reannotated) {
			edited[a] = true
		}
		rule.lists = &listEdit{sizes: last.lists, articles: edited, eventsMoved: e.eventsMoved}
		rule.rows = &rowEdit{changed: map[any]bool{}, last: map[string]*render.Page{}}
		for _, item := range e.items() {
			rule.rows.changed[item] = true
		}
		for _, p := range last.all {
			if p.Kind == render.Articles || p.Kind == render.Stances {
				rule.rows.last[p.Path] = p
			}
		}
	}
	var todo []*render.Page
	for _, p := range all {
		if _, kept := last.pages[p.Path]; rule.renders(p, kept) {
			todo = append(todo, p)
		}
	}
	if ownTemplates || rebook {
		b.renderer.ForgetAll() // their rows may show anything; the book's link inside it or out
	} else {
		b.renderer.Forget(e.items()...)
	}

	next := *last
	next.briefing = briefing
	_, rendered, err := fanOut(b.renderer, todo, e.views(&next, all, b.words.catalog), b.Progress, keep)
	if err != nil {
		return nil, true, err // taken in place, but not shown
	}
	next.pages = withPages(last.pages, all, rendered)
	// An actor or topic may gain or lose its feed, whose path a static
	// file may have: check the static files again.
	var static []diag.Diagnostic
	next.others, static = b.otherFiles(briefing, all, slices.Concat(next.index.Files(), next.feeds, next.exports))
	warnings := warningsBesides(last.warnings, e.checked)
	warnings.Merge(&problems)
	next.warnings = append(warnings.Items(), static...)
	if len(e.reannotated) == 0 { // the events and lists are as they were
		return b.swapIn(newSnapshot(next, all, last.layout, last.lists), all, rendered), true, nil
	}
	var layout *model.TimelineLayout // the timeline's, unless the edits laid it out anew
	if last.layout.Of(briefing.Timeline) {
		layout = last.layout
	}
	return b.swapIn(newSnapshot(next, all, layout, nil), all, rendered), true, nil
}

// inPlaceEdit is what takeIn took into the model.
type inPlaceEdit struct {
	checked               []string // the files read again, whose last warnings no longer hold
	reworded, reannotated []*model.Article
	// The actors and topics that held or hold something of a reannotated
	// article, whose rows and feeds may change.
	actors []*model.Actor
	topics []*model.Topic

	rule    stale         // showing, reworded and excerpts
	showing []showingEdit // the reannotated articles' pages, for the sitemap's dates
	// touched are the pages that showed or show something of a
	// reannotated article, its actors' and topics' families among them,
	// whatever changed of what they show (render.Repaged).
	touched     map[string]bool
	eventsMoved bool // whether an event's first report moved
}

// takeIn reads the edited articles and takes each into the last good
// build's model in place: model.Briefing.Reword when only the text of
// paragraphs changed, model.Briefing.Reannotate when annotations did.
// It reports false when an edit needs the full way. Once it has taken an
// edit in, the last good build keeps no model (snapshot.spent), so that
// should this build fail, the next links anew and renders every page.
func (b *Builder) takeIn(last *snapshot, names []string, ownTemplates bool) (e inPlaceEdit, list diag.List, ok bool) {
	briefing := last.briefing
	articles := last.byFile
	e.rule = stale{showing: map[string]bool{}, excerpts: map[*model.Passage]bool{}}
	e.touched = map[string]bool{}
	for _, name := range names {
		var read diag.List
		src := b.load1(name, true, &read)
		old := articles[name]
		if src == nil || read.HasErrors() || old == nil {
			return e, list, false // gone, unreadable or new: the full way reports it
		}
		b.sources[name] = src
		if old.Doc() == src.doc {
			continue // saved without a change
		}
		e.checked = append(e.checked, name)
		var problems diag.List
		problems.Merge(&read)
		problems.Merge(&src.parse)
		article := model.DecodeArticle(src.doc, src.id, &problems)
		src.convertWith(b.articles.markdown, b.articles.key)
		problems.Merge(&src.convert)
		if src.result == nil || problems.HasErrors() {
			// A mistake in the front matter: the full way reports it with
			// all that linking the article as it is finds.
			return e, list, false
		}
		article.SetBody(src.html, src.result)
		if model.RefersToDrafts(old, b.drafts) || model.RefersToDrafts(article, b.drafts) {
			return e, list, false // whether that is a problem depends on the drafts
		}
		excerpts := render.Excerpts(old)
		was := slices.Concat(pagesShowing(old), referencing(briefing, old))
		paras := eventParas(old)
		actors, topics := old.Named()
		if briefing.Reword(old, article, &problems) {
			b.last = last.spent()
			e.reworded = append(e.reworded, old)
			for p, excerpt := range render.Excerpts(old) {
				if excerpts[p] != excerpt {
					e.rule.excerpts[p] = true
				}
			}
			if ownTemplates { // they may show an article's text on any page that shows something of it
				for _, p := range was {
					e.rule.showing[p] = true
				}
			}
		} else if !problems.HasErrors() { // not a mistake in the new text: its annotations changed
			shown, showing := shownBy(old), pagesShowing(old)
			if !briefing.Reannotate(old, article, &problems) && !problems.HasErrors() {
				return e, list, false // the front matter changed
			}
			if !problems.HasErrors() {
				b.last = last.spent()
				e.reannotated = append(e.reannotated, old)
				e.eventsMoved = e.eventsMoved || !slices.Equal(paras, eventParas(old))
				changed := changedFamilies(shown, shownBy(old))
				e.showing = append(e.showing, showingEdit{old, showing, pagesShowing(old)})
				for _, p := range slices.Concat(was, pagesShowing(old), referencing(briefing, old)) {
					e.touched[p] = true
					if strings.HasPrefix(p, "articles/") || changed(p) {
						e.rule.showing[p] = true
					}
				}
				newActors, newTopics := old.Named()
				for _, x := range slices.Concat(actors, newActors) {
					if changed(x.Path()) {
						e.actors = append(e.actors, x)
					}
				}
				for _, t := range slices.Concat(topics, newTopics) {
					if changed(t.Path()) {
						e.topics = append(e.topics, t)
					}
				}
			}
		}
		list.Merge(&problems)
	}
	e.rule.reworded = e.reworded
	return e, list, true
}

// items are what the edit changed, whose rows the renderer forgets.
func (e inPlaceEdit) items() []any {
	var out []any
	for _, a := range slices.Concat(e.reworded, e.reannotated) {
		out = append(out, a)
	}
	for _, x := range e.actors {
		out = append(out, x)
	}
	for _, t := range e.topics {
		out = append(out, t)
	}
	return out
}

// views are the jobs that make again, in next, the views of the model
// the edit changed, each one job beside the pages.
func (e inPlaceEdit) views(next *snapshot, all []*render.Page, words *i18n.Catalog) []func() []output.File {
	briefing := next.briefing
	views := []func() []output.File{func() []output.File {
		for _, a := range e.reworded {
			next.index = next.index.Reword(a)
		}
		for _, a := range e.reannotated {
			next.index = next.index.Reannotate(briefing, a, e.eventsMoved)
		}
		return nil
	}}
	if len(e.reannotated) > 0 {
		views = append(views, func() []output.File {
			next.feeds = refeed(briefing, words, next.feeds, e.actors, e.topics)
			dates, redated := next.dates.after(briefing, e.showing)
			if redated || !samePaths(next.all, all) { // pages of the actors and topics named have new dates, or lists new pages
				next.dates, next.feeds = dates, resitemap(briefing, next.feeds, dates, all)
			}
			if e.eventsMoved { // its events link their paragraphs, in timeline order
				if f, ok := feed.SiteFeed(briefing, words); ok {
					next.feeds = replaceFiles(next.feeds, f)
				}
			}
			return nil
		})
	}
	if len(e.reannotated)+len(e.reworded) > 0 { // the parts of the paragraphs hold their text and mentions' marks
		views = append(views, func() []output.File {
			if e.eventsMoved { // events' paragraphs moved: their provenance too
				next.data = export.NewData(briefing)
				next.exports = replaceFiles(next.exports, export.Timeline(briefing))
			} else {
				for _, a := range slices.Concat(e.reworded, e.reannotated) {
					next.data = next.data.Rewrite(briefing, a)
				}
			}
			next.exports = replaceFiles(next.exports, next.data.Files()...)
			return nil
		})
	}
	return views
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

// warningsBesides are the last good build's warnings about other files
// than those named, and but those about static files, which a build
// that succeeds checks again.
func warningsBesides(warnings []diag.Diagnostic, names []string) *diag.List {
	var out diag.List
	for _, w := range warnings {
		if !slices.Contains(names, w.File) && !strings.HasPrefix(w.File, "static/") {
			out.Add(w)
		}
	}
	return &out
}
