package render

import (
	"slices"
	"strconv"

	"github.com/briefing-gen/gen/internal/model"
)

// A briefing's lists grow without bound: an actor named in a thousand
// articles has thousands of passages, and a briefing of ten thousand
// articles has ten thousand index lines. Every such list is shown whole,
// across pages of a bounded number of items, newest first: the first page
// at the list's folder, the next ones at page/2/, page/3/ and on (Hugo's
// convention), each linking the others. The summary pages (an actor's,
// a topic's) show the latest few items and link the first page of the
// whole list.

// Items on each page of a list, by what it lists. They bound a page's
// size: an excerpt with its citation is under 1 KB, an article's index
// line (title, source, summary) about as much.
const (
	passagesPerPage   = 50
	quotesPerPage     = 50
	eventsPerPage     = 100
	coMentionsPerPage = 200
	articlesPerPage   = 100
	cardsPerPage      = 1000 // actors or topics on a page of their index: a name, a role and counts each
)

// stanceCellsPerPage bounds the positions table: a page shows as many
// actors' rows as keep its cells (actors × topics) under this, at least
// one and at most maxStanceRows.
const (
	stanceCellsPerPage = 2500
	maxStanceRows      = 50
)

// The lists of an actor's or topic's page shown whole on pages of their
// own (Page.List), each in a folder of the actor's or topic's.
const (
	Mentions   = "mentions"               // the paragraphs that name an actor
	Passages   = "passages"               // the paragraphs about a topic
	Quotes     = "quotes"                 // an actor's quotes, or the quotes on a topic
	Events     = "events"                 // the events an actor takes part in, or about a topic
	NamedWith  = "named-with"             // the actors named beside an actor
	listFolder = model.ReservedSlug + "/" // where a list's pages after the first are
)

// Pager places a page among the pages of one list.
type Pager struct {
	Number int // this page, from 1
	Count  int // pages in the list
	Total  int // items in the list
	First  int // this page's first item, from 1
	Last   int // this page's last item
	folder string
}

// PagePath is the site-relative path of page n of the list in folder
// ("articles/"): the first at folder/index.html, the others at
// folder/page/n/index.html.
func PagePath(folder string, n int) string {
	if n <= 1 {
		return folder + "index.html"
	}
	return folder + listFolder + strconv.Itoa(n) + "/index.html"
}

// Path is the path of page n of this list.
func (g *Pager) Path(n int) string { return PagePath(g.folder, n) }

// Prev and Next are the pages before and after this one, "" at either end.
func (g *Pager) Prev() string {
	if g.Number <= 1 {
		return ""
	}
	return g.Path(g.Number - 1)
}

func (g *Pager) Next() string {
	if g.Number >= g.Count {
		return ""
	}
	return g.Path(g.Number + 1)
}

// PageLink is one entry of a pager's row of page numbers; Number 0 is a
// gap ("…") in a long row.
type PageLink struct {
	Number  int
	Path    string
	Current bool
}

// Links are the page numbers a pager shows: the first and last, and the
// two on either side of this page, with gaps between, so a list of a
// hundred pages reaches any in a few steps.
func (g *Pager) Links() []PageLink {
	var out []PageLink
	for n := 1; n <= g.Count; n++ {
		near := n == 1 || n == g.Count || n >= g.Number-2 && n <= g.Number+2
		switch {
		case near:
			out = append(out, PageLink{Number: n, Path: g.Path(n), Current: n == g.Number})
		case len(out) > 0 && out[len(out)-1].Number != 0:
			out = append(out, PageLink{})
		}
	}
	return out
}

// paginate makes one page of kind for each run of perPage items of list
// (at least one page, empty when the list is), in folder. page fills in
// what the kind needs besides.
func paginate[T any](kind, folder string, list []T, perPage int, page func(*Page)) []*Page {
	count := max(1, (len(list)+perPage-1)/perPage)
	pages := make([]*Page, count)
	for i := range count {
		from, to := i*perPage, min((i+1)*perPage, len(list))
		p := &Page{Kind: kind, Path: PagePath(folder, i+1), Items: list[from:to],
			Pager: &Pager{Number: i + 1, Count: count, Total: len(list), First: from + 1, Last: to, folder: folder}}
		page(p)
		pages[i] = p
	}
	return pages
}

// sublist paginates one of an actor's or topic's lists, which has no
// pages when it is empty.
func sublist[T any](folder string, list []T, perPage int, page func(*Page)) []*Page {
	if len(list) == 0 {
		return nil
	}
	return paginate(List, folder, list, perPage, page)
}

// actorLists are the pages of an actor's lists.
func actorLists(a *model.Actor) []*Page {
	folder := "actors/" + a.ID + "/"
	set := func(list string) func(*Page) {
		return func(p *Page) {
			p.Actor, p.Owner, p.List = a, a.Path(), list
		}
	}
	return slices.Concat(
		sublist(folder+Mentions+"/", newestFirst(a.Passages, passageArticle), passagesPerPage, set(Mentions)),
		sublist(folder+Quotes+"/", newestFirst(a.Quotes, quoteArticle), quotesPerPage, set(Quotes)),
		sublist(folder+Events+"/", reversed(a.Events), eventsPerPage, set(Events)),
		sublist(folder+NamedWith+"/", a.CoMentions(), coMentionsPerPage, set(NamedWith)),
	)
}

// topicLists are the pages of a topic's lists.
func topicLists(t *model.Topic) []*Page {
	folder := "topics/" + t.ID + "/"
	set := func(list string) func(*Page) {
		return func(p *Page) {
			p.Topic, p.Owner, p.List = t, t.Path(), list
		}
	}
	return slices.Concat(
		sublist(folder+Passages+"/", newestFirst(t.Passages, passageArticle), passagesPerPage, set(Passages)),
		sublist(folder+Quotes+"/", newestFirst(t.Quotes, quoteArticle), quotesPerPage, set(Quotes)),
		sublist(folder+Events+"/", reversed(t.Events), eventsPerPage, set(Events)),
	)
}

// ListPath is the first page of one of an actor's or topic's lists, for
// the link from its page: owner is the actor's or topic's page.
func ListPath(owner, list string) string {
	return owner[:len(owner)-len("index.html")] + list + "/index.html"
}

// stanceRowsPerPage is how many actors' rows a page of the positions
// table shows for a briefing of that many topics.
func stanceRowsPerPage(topics int) int {
	return min(maxStanceRows, max(1, stanceCellsPerPage/max(1, topics)))
}

// kindOrder is the actors in the order their index groups them: by kind,
// then as the briefing lists them.
func kindOrder(actors []*model.Actor) []*model.Actor {
	var out []*model.Actor
	for _, g := range actorsByKind(actors, nil) {
		out = append(out, g.Actors...)
	}
	return out
}

func passageArticle(p *model.Passage) *model.Article { return p.Article }
func quoteArticle(q *model.Quote) *model.Article     { return q.Article }

// reversed is a copy of list, last first.
func reversed[T any](list []T) []T {
	out := make([]T, len(list))
	for i, x := range list {
		out[len(list)-1-i] = x
	}
	return out
}

// ListSizes is how many items each actor's and topic's list holds, by
// the list's first page: what a later build compares to tell whether a
// list's pages shifted (ListPageKept).
func ListSizes(b *model.Briefing) map[string]int {
	sizes := make(map[string]int, 4*len(b.Actors)+3*len(b.Topics))
	for _, a := range b.Actors {
		sizes[ListPath(a.Path(), Mentions)] = len(a.Passages)
		sizes[ListPath(a.Path(), Quotes)] = len(a.Quotes)
		sizes[ListPath(a.Path(), Events)] = len(a.Events)
	}
	for _, t := range b.Topics {
		sizes[ListPath(t.Path(), Passages)] = len(t.Passages)
		sizes[ListPath(t.Path(), Quotes)] = len(t.Quotes)
		sizes[ListPath(t.Path(), Events)] = len(t.Events)
	}
	return sizes
}

// ListPageKept reports whether a page of an actor's or topic's list, as
// the default templates render it, shows what it showed before the
// annotations of the articles changed, when the lists held sizes
// (ListSizes) then: its list kept its length, so no item moved to another
// page, and the page holds nothing of those articles. Events whose
// paragraphs moved change every list of events; the actors named with
// another change with any of their shared paragraphs, so those lists are
// never kept.
func (p *Page) ListPageKept(sizes map[string]int, articles map[*model.Article]bool, eventsMoved bool) bool {
	if p.Kind != List || p.List == NamedWith || p.List == Events && eventsMoved {
		return false
	}
	if size, ok := sizes[ListPath(p.Owner, p.List)]; !ok || size != p.Pager.Total {
		return false
	}
	switch items := p.Items.(type) {
	case []*model.Passage:
		return !slices.ContainsFunc(items, func(x *model.Passage) bool { return articles[x.Article] })
	case []*model.Quote:
		return !slices.ContainsFunc(items, func(x *model.Quote) bool { return articles[x.Article] })
	case []*model.Event:
		return !slices.ContainsFunc(items, func(e *model.Event) bool {
			return articles[e.Article] || slices.ContainsFunc(e.Reports, func(r *model.Report) bool { return articles[r.Article] })
		})
	}
	return false
}

// RowsKept reports whether a page of rows about the whole briefing (the
// articles index, the positions table), as the default templates render
// it, shows what last, the last build's page at its path, showed: the
// same items on a pager of as many pages and items, none of them among
// those changed (articles and actors), whose rows are rendered again.
func (p *Page) RowsKept(last *Page, changed map[any]bool) bool {
	if last == nil || p.Kind != last.Kind || (p.Kind != Articles && p.Kind != Stances) ||
		p.Pager == nil || last.Pager == nil || *p.Pager != *last.Pager {
		return false
	}
	switch items := p.Items.(type) {
	case []*model.Article:
		was, ok := last.Items.([]*model.Article)
		return ok && slices.Equal(items, was) && !slices.ContainsFunc(items, func(a *model.Article) bool { return changed[a] })
	case []*model.Actor:
		was, ok := last.Items.([]*model.Actor)
		return ok && slices.Equal(items, was) && !slices.ContainsFunc(items, func(a *model.Actor) bool { return changed[a] })
	}
	return false
}
