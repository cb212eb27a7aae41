// Package render turns the model into pages with html/template.
//
// Templates come from an fs.FS (the project's templates/ over the
// embedded defaults): base.html is the frame, partials.html holds shared
// blocks, and each page kind has its own file defining "main". Every link
// a page writes is relative to that page (Page.Rel), so a site works
// under any sub-path and straight from disk.
package render

import (
	"bytes"
	"fmt"
	"html/template"
	"io/fs"
	"net/url"
	"strings"
	"sync"

	"github.com/briefing-gen/gen/internal/diag"
	"github.com/briefing-gen/gen/internal/i18n"
	"github.com/briefing-gen/gen/internal/model"
)

// Kinds of page, each rendered by the template file of the same name.
const (
	Home     = "index.html"
	Article  = "article.html"
	Articles = "articles.html"
	Actor    = "actor.html"
	Actors   = "actors.html"
	Topic    = "topic.html"
	Topics   = "topics.html"
	Timeline = "timeline.html"
	Search   = "search.html"
	NotFound = "404.html"
	Stances  = "stances.html"
	Book     = "book.html"
	List     = "list.html" // one page of an actor's or topic's whole list (Page.List)
)

var pageKinds = []string{Home, Article, Articles, Actor, Actors, Topic, Topics, Timeline, Search, NotFound, Stances, Book, List}

// Renderer holds the parsed templates. It is safe for concurrent use.
type Renderer struct {
	pages   map[string]*template.Template
	buffers sync.Pool // of *bytes.Buffer
	rows    rows
	words   *i18n.Catalog // the interface's words, in the site's language

	warnings []diag.Diagnostic // about templates that render empty pages
}

// New parses the templates in fsys, which show the interface in the
// language of words. The error names the template file and line.
func New(fsys fs.FS, words *i18n.Catalog) (*Renderer, error) {
	r := &Renderer{pages: map[string]*template.Template{}, words: words}
	r.buffers.New = func() any { return new(bytes.Buffer) }
	base := template.New("base.html").Funcs(r.funcs())
	for _, name := range []string{"base.html", "partials.html"} {
		src, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, fmt.Errorf("templates/%s: %w", name, err)
		}
		t := base
		if name != base.Name() {
			t = base.New(name)
		}
		if _, err := t.Parse(string(src)); err != nil {
			return nil, err
		}
	}
	sources := make(map[string]string, len(pageKinds))
	for _, kind := range pageKinds {
		src, err := fs.ReadFile(fsys, kind)
		if err != nil {
			return nil, fmt.Errorf("templates/%s: %w", kind, err)
		}
		t, err := base.Clone() // Clone drops the functions; add them back below
		if err != nil {
			return nil, err
		}
		if _, err := t.Funcs(r.funcs()).New(kind).Parse(string(src)); err != nil {
			return nil, err
		}
		r.pages[kind], sources[kind] = t, string(src)
	}
	r.warnings = emptyPages(base, r.pages, sources)
	return r, nil
}

// Warn reports what New found wrong with templates that parse and run:
// those that render pages with nothing in them. A build calls it every
// time, as the warnings hold until the templates change.
func (r *Renderer) Warn(list *diag.List) {
	for _, d := range r.warnings {
		list.Add(d)
	}
}

// Render executes the page's template.
//
// A page is rendered into a reused buffer and copied out at its exact
// size: a buffer grown by doubling holds up to twice the page, and a build
// keeps thousands of pages.
func (r *Renderer) Render(page *Page) ([]byte, error) {
	p := *page // the head is the template's alone: a build of many pages keeps none of it
	p.Site = p.Briefing.Site
	p.words = r.words
	p.Title = p.title()
	p.Description, p.Canonical, p.Feed = p.description(), p.canonical(), p.feed()
	p.OpenGraphType, p.JSONLD = p.openGraphType(), p.jsonLD()
	buf := r.buffers.Get().(*bytes.Buffer)
	buf.Reset()
	err := r.pages[p.Kind].ExecuteTemplate(buf, "base.html", &p)
	out := bytes.Clone(buf.Bytes())
	if buf.Cap() <= maxPooled {
		r.buffers.Put(buf)
	}
	return out, err
}

// maxPooled bounds the buffers kept for reuse: the few very large pages
// (a long timeline) would otherwise keep tens of megabytes alive.
const maxPooled = 1 << 20

// Page is what a template sees as dot.
type Page struct {
	Kind     string
	Path     string // site-relative output path, e.g. actors/x/index.html
	Title    string
	Briefing *model.Briefing

	// One of these is set, by page kind.
	Actor   *model.Actor
	Topic   *model.Topic
	Article *model.Article
	// TimelinePage is the part of the timeline a Timeline page shows, nil
	// for the timeline's index.
	TimelinePage *model.TimelinePage

	// A page of a long list (the articles index, the positions table, an
	// actor's or topic's list) holds Items, one page's run of the list,
	// and the Pager that links its other pages. A page of an actor's or
	// topic's list says which (List: Mentions, Quotes…) and has the
	// actor's or topic's page as Owner: it shows what that page does, and
	// gen serve renders the two again together.
	Items any
	Pager *Pager
	List  string
	Owner string

	// Root, when set, is the absolute path of the site's root ("/repo/"),
	// for the one page served at any depth: 404.html.
	Root string

	// book is what the book holds, for the book.
	book *bookPlan

	// words are the interface's, set by Render.
	words *i18n.Catalog

	// What the page's head says about it, set by Render just before the
	// template runs: templates read these often, and reading a field
	// costs a template far less than calling a method.
	Site          model.Site  // the site's settings
	Description   string      // one or two sentences, for search results and social cards
	Canonical     string      // the page's absolute address, "" without a base URL
	Feed          string      // the page's Atom feed, its own or the site's; "" without a base URL
	OpenGraphType string      // og:type
	JSONLD        template.JS // schema.org description, "" where none fits
}

// Rel is the link from this page to target, a site-relative path with an
// optional #fragment. Pages sit in folders of their own, so the way up is
// one "../" per folder.
func (p *Page) Rel(target string) string {
	path, fragment, hasFragment := strings.Cut(target, "#")
	if hasFragment && path == p.Path {
		return "#" + fragment
	}
	if p.Root != "" {
		return p.Root + target
	}
	return strings.Repeat("../", strings.Count(p.Path, "/")) + target
}

// Absolute is target's full address, "" without a base URL: for feeds,
// canonical links and social cards, which need one.
func (p *Page) Absolute(target string) string {
	base := p.Briefing.Site.BaseURL
	if base == "" {
		return ""
	}
	path, fragment, hasFragment := strings.Cut(target, "#")
	out := base + strings.TrimSuffix(path, "index.html")
	if hasFragment {
		out += "#" + fragment
	}
	return out
}

// canonical is the page's absolute address, "" without a base URL.
func (p *Page) canonical() string {
	if p.Kind == NotFound {
		return ""
	}
	return p.Absolute(p.Path)
}

// Current reports whether the navigation entry for section is this page's.
func (p *Page) Current(section string) bool {
	if section == "" {
		return p.Path == "index.html"
	}
	return strings.HasPrefix(p.Path, section+"/")
}

// Pages lists every page of the briefing.
func Pages(b *model.Briefing) []*Page { return pages(b, nil, planBook(b)) }

// Repaged is Pages(b) after articles were reannotated in place, given
// the last build's pages and the families (Page.Family) of the actors and
// topics that showed or show something of them: an actor's or topic's
// lists hold the same items as before unless an edited article names it,
// so of the others the last build's pages are taken as they are, and so
// are the articles' pages, whose articles were edited in place.
func Repaged(last []*Page, b *model.Briefing, touched map[string]bool) []*Page {
	kept := map[string][]*Page{}
	var book *bookPlan
	for _, p := range last {
		if (p.Actor != nil || p.Topic != nil) && !touched[p.Family()] {
			kept[p.Family()] = append(kept[p.Family()], p)
		}
		switch p.Kind {
		case Book:
			book = p.book
		case Article: // an article's page is its article's, which is edited in place
			kept[p.Path] = []*Page{p}
		}
	}
	return pages(b, kept, replanBook(b, book, touched))
}

// pages lists every page of the briefing, with book as the book's plan,
// taking the pages of each article, actor and topic whose path or family
// kept holds from there.
func pages(b *model.Briefing, kept map[string][]*Page, book *bookPlan) []*Page {
	pages := []*Page{
		{Kind: Home, Path: "index.html", Title: b.Site.Title},
		{Kind: Book, Path: "book/index.html", book: book},
		{Kind: Search, Path: "search/index.html"},
		{Kind: NotFound, Path: "404.html", Root: RootPath(b.Site.BaseURL)},
	}
	pages = append(pages, timelinePages(b)...)
	pages = append(pages, paginate(Articles, "articles/", b.Articles, articlesPerPage, func(*Page) {})...)
	pages = append(pages, paginate(Actors, "actors/", kindOrder(b.Actors), cardsPerPage, func(*Page) {})...)
	pages = append(pages, paginate(Topics, "topics/", b.Topics, cardsPerPage, func(*Page) {})...)
	pages = append(pages, paginate(Stances, "stances/", b.StanceRows(), stanceRowsPerPage(len(b.Topics)), func(*Page) {})...)
	for _, p := range pages {
		p.Briefing = b
	}
	for _, a := range b.Articles {
		path := a.Path()
		if page, ok := kept[path]; ok && page[0].Article == a && page[0].Title == a.Title {
			pages = append(pages, page[0])
		} else {
			pages = append(pages, &Page{Kind: Article, Path: path, Title: a.Title, Article: a, Briefing: b})
		}
	}
	fresh := func(family ...*Page) {
		for _, p := range family {
			p.Briefing = b
		}
		pages = append(pages, family...)
	}
	for _, a := range b.Actors {
		if family, ok := kept[a.Path()]; ok {
			pages = append(pages, family...)
		} else {
			fresh(&Page{Kind: Actor, Path: a.Path(), Title: a.Name, Actor: a})
			fresh(actorLists(a)...)
		}
	}
	for _, t := range b.Topics {
		if family, ok := kept[t.Path()]; ok {
			pages = append(pages, family...)
		} else {
			fresh(&Page{Kind: Topic, Path: t.Path(), Title: t.Title, Topic: t})
			fresh(topicLists(t)...)
		}
	}
	return pages
}

// Family is the page that decides what this one shows: the actor's or
// topic's page for a page of its lists, else the page itself. gen serve
// renders a family's pages again together.
func (p *Page) Family() string {
	if p.Owner != "" {
		return p.Owner
	}
	return p.Path
}

// RootPath is the path part of the base URL ("/briefing/"), or "/": GitHub
// Pages serves 404.html for a missing page at any depth, so its links
// cannot be relative.
func RootPath(baseURL string) string {
	u, err := url.Parse(baseURL)
	if err != nil || u.Path == "" {
		return "/"
	}
	return strings.TrimSuffix(u.Path, "/") + "/"
}
