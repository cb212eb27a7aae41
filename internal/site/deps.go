package site

import (
	"fmt"
	"slices"
	"strings"

	"github.com/briefing-gen/gen/internal/model"
	"github.com/briefing-gen/gen/internal/render"
)

// This file is the one rule of what each page depends on: which pages an
// edit to articles makes stale. A full build and an in-place build both
// describe their edits as a stale value and render the pages it names.
//
// What a page shows of the content, with the default templates:
//   - an article's page, its own article and the events it reports;
//   - an actor's or topic's page and its list pages (its family), what
//     each article names of it (pagesShowing);
//   - the pages that summarise the whole briefing (summarises), each
//     article's outline (model.Article.Outline) and every event;
//   - the book, the articles, actors, topics and events it holds
//     (render.Page.BookKey), and its articles' text.
//
// A project's own templates may show anything of an article on any page
// that shows something of it, so with them every such page, and every
// summary page, counts as showing the article's text.

// stale says which pages a build renders again.
type stale struct {
	all bool // every page

	// showing holds the families (render.Page.Family) of the pages that
	// show something of an edited article, as it was or as it is.
	showing map[string]bool
	// lists, when set, spares the list pages of those families whose list
	// neither shifted nor holds an edited article's item.
	lists *listEdit

	// rows, when set, spares the pages of rows about the whole briefing
	// that show what they showed (render.Page.RowsKept).
	rows *rowEdit

	// reworded are articles whose paragraphs' text alone changed, and
	// excerpts the passages whose excerpts that changed: the pages that
	// show that text (render.Page.ShowsTextOf).
	reworded []*model.Article
	excerpts map[*model.Passage]bool

	summaries bool // the pages that summarise the whole briefing
	timeline  bool // with the timeline's among them
	book      bool
}

// listEdit is what render.Page.ListPageKept needs to know of an edit.
type listEdit struct {
	sizes       map[string]int // render.ListSizes before the edit
	articles    map[*model.Article]bool
	eventsMoved bool
}

// rowEdit is what render.Page.RowsKept needs to know of an edit: the
// items whose rows changed, and the last build's pages of rows by path.
type rowEdit struct {
	changed map[any]bool
	last    map[string]*render.Page
}

// renders reports whether the rule renders p again; kept says whether the
// last good build has a page at its path.
func (s stale) renders(p *render.Page, kept bool) bool {
	switch {
	case s.all || !kept:
		return true
	case slices.ContainsFunc(s.reworded, func(a *model.Article) bool { return p.ShowsTextOf(a, s.excerpts) }):
		return true
	case s.showing[p.Family()] && (s.lists == nil || !p.ListPageKept(s.lists.sizes, s.lists.articles, s.lists.eventsMoved)):
		return true
	case s.rows != nil && p.RowsKept(s.rows.last[p.Path], s.rows.changed):
		return false
	case p.Kind == render.Book:
		return s.book
	case summarises(p.Kind):
		return s.summaries && (p.Kind != render.Timeline || s.timeline)
	}
	return false
}

// staleAfterLink is the rule for a build that linked the model anew from
// the files, against the last good build's model: every page that shows
// something of the edited articles, as they were and as they are; book
// is the new build's book page.
func (b *Builder) staleAfterLink(now *model.Briefing, book *render.Page) stale {
	last := b.last
	if b.redo || last == nil || last.briefing == nil {
		return stale{all: true}
	}
	for c := range b.edited {
		if !strings.HasPrefix(c, "content/articles/") {
			return stale{all: true} // anything but an article changes what many pages show
		}
	}
	if editsSharedEvents(last.briefing, now, b.edited) || last.layout.Moves(now.Timeline) {
		return stale{all: true}
	}
	before, after := last.byFile, byFile(now)
	s := stale{showing: map[string]bool{}, timeline: true}
	s.summaries = b.ownTemplates
	for c := range b.edited {
		was, is := before[c], after[c]
		for _, a := range []*model.Article{was, is} {
			if a != nil {
				for _, p := range pagesShowing(a) {
					s.showing[p] = true
				}
			}
		}
		if (was == nil) != (is == nil) || was != nil && was.Outline() != is.Outline() {
			s.summaries = true
		}
	}
	for _, a := range now.Articles { // the articles that report the edited articles' events
		for _, e := range a.Events {
			if b.edited[sourcePath(e.Article)] {
				s.showing[a.Path()] = true
			}
		}
	}
	s.book = s.summaries || book.BookKey() != last.bookKey
	inBook := book.BookSlugs()
	for c, a := range after {
		if b.edited[c] && inBook[a.Slug] {
			s.book = true // the book shows its text
		}
	}
	return s
}

func byFile(b *model.Briefing) map[string]*model.Article {
	out := make(map[string]*model.Article, len(b.Articles))
	for _, a := range b.Articles {
		out[sourcePath(a)] = a
	}
	return out
}

// editsSharedEvents reports whether an edited article declares, or
// declared in the last good build, an event another article declares
// too, or references an event that has a file of its own (which cites
// the earliest article that references it). Such an edit changes what
// the event's other articles' paragraphs count as naming, and so what
// the pages of everyone named beside them show: rather than trace that,
// every page is rendered again.
func editsSharedEvents(last, now *model.Briefing, edited map[string]bool) bool {
	for _, briefing := range []*model.Briefing{last, now} {
		for _, a := range briefing.Articles {
			if edited[sourcePath(a)] && slices.ContainsFunc(a.Events, func(e *model.Event) bool { return e.Updated() && a.Declares(e) || e.HasFile() }) {
				return true
			}
		}
	}
	return false
}

// summarises reports whether pages of a kind show something of every
// article (home, indexes, timeline), and so are rendered on every build.
// The others show one actor, topic or article, or nothing of the content
// (search, 404).
func summarises(kind string) bool {
	switch kind {
	case render.Home, render.Articles, render.Actors, render.Topics, render.Timeline, render.Stances, render.Book:
		return true
	}
	return false
}

// pagesShowing are the pages that show something of an article: its own,
// those of the actors and topics it names, those of the actors and
// topics of the events it declares, and those of the positions that hold
// from it (which show its title and date). An event that more than one
// article declares shows what the latest says on the pages of every
// article that reports it.
func pagesShowing(a *model.Article) []string {
	pages := []string{a.Path()}
	for _, p := range a.PositionsSince() {
		pages = append(pages, p.Actor.Path(), p.Topic.Path())
	}
	actors, topics := a.Named() // a quote may name topics the text does not
	for _, x := range actors {
		pages = append(pages, x.Path())
	}
	for _, t := range topics {
		pages = append(pages, t.Path())
	}
	for _, e := range a.Events {
		if e.Article != a && !a.Declares(e) {
			continue
		}
		for _, x := range e.Actors {
			pages = append(pages, x.Path())
		}
		for _, t := range e.Topics {
			pages = append(pages, t.Path())
		}
		if e.Updated() {
			for _, r := range e.Reports {
				pages = append(pages, r.Article.Path())
			}
		}
	}
	return pages
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

// shownBy says what each actor's and topic's family of pages
// (render.Page.Family) shows of an article, with the default templates:
// the article's passages in its lists, each with its paragraph, excerpt
// and whoever and whatever else the paragraph names (its co-mentions and
// stances); its quotes there; the events it declares there, with the
// paragraphs that report them; the positions that hold from it. The rest
// of what those pages show of it, its title, date and source, is its
// frame, which an in-place reannotation keeps. A family whose line is the
// same before and after such an edit shows what it showed: its pages, its
// feed and its rows elsewhere are kept.
func shownBy(a *model.Article) map[string]string {
	lines := map[string][]string{}
	passages := map[string][]*model.Passage{} // the article's, by family
	named := map[int][]string{}               // by paragraph, who and what it names
	own := func(family, id string, all []*model.Passage) {
		if _, ok := lines[family]; ok {
			return
		}
		lines[family] = nil
		for _, p := range all {
			if p.Article == a {
				passages[family] = append(passages[family], p)
				named[p.Para] = append(named[p.Para], id)
			}
		}
	}
	actors, topics := a.Named()
	for _, e := range a.Events {
		actors, topics = append(actors, e.Actors...), append(topics, e.Topics...)
	}
	for _, x := range actors {
		own(x.Path(), "actor "+x.ID, x.Passages)
	}
	for _, t := range topics {
		own(t.Path(), "topic "+t.ID, t.Passages)
	}
	excerpts := render.Excerpts(a)
	for family, ps := range passages {
		for _, p := range ps {
			names := slices.Sorted(slices.Values(named[p.Para]))
			lines[family] = append(lines[family], fmt.Sprintf("passage %d %q %q", p.Para, excerpts[p], names))
		}
	}
	add := func(line string, families ...string) {
		for _, f := range families {
			lines[f] = append(lines[f], line)
		}
	}
	for _, q := range a.Quotes {
		families := []string{q.Speaker.Path()}
		line := fmt.Sprintf("quote %d %d %q %q %s", q.N, q.Para, q.Text, q.Translation, q.Speaker.ID)
		for _, t := range q.Topics {
			line += " " + t.ID
			families = append(families, t.Path())
		}
		add(line, families...)
	}
	for _, e := range a.Events {
		if e.Article != a && !a.Declares(e) {
			continue
		}
		line := fmt.Sprintf("event %s %d %d", e.ID, e.Para, e.FirstReport())
		if r := e.ReportBy(a); r != nil {
			line += fmt.Sprintf(" %d", r.Para)
		}
		for _, x := range e.Actors {
			add(line, x.Path())
		}
		for _, t := range e.Topics {
			add(line, t.Path())
		}
	}
	for _, p := range a.PositionsSince() {
		add(fmt.Sprintf("position %s %s", p.Actor.ID, p.Topic.ID), p.Actor.Path(), p.Topic.Path())
	}
	out := make(map[string]string, len(lines))
	for family, l := range lines {
		slices.Sort(l)
		out[family] = strings.Join(l, "\n")
	}
	return out
}

// changedFamilies reports, of a family of pages, whether what it shows of
// an article differs between two of its shownBy.
func changedFamilies(before, after map[string]string) func(family string) bool {
	return func(family string) bool {
		was, ok := before[family]
		is, still := after[family]
		return !ok || !still || was != is
	}
}
