package render

import (
	"html/template"
	"strings"

	"briefing/internal/model"
)

// The briefing book puts the whole briefing on one page, to read through
// or print to PDF. Everything a page elsewhere links to has its own
// section here, so the book's links stay inside the book.

// BookArticles bounds the book: a briefing of thousands of articles is
// no document to print. The book holds the newest ones.
const BookArticles = 100

// BookEvents bounds the book's timeline: it holds the latest events, and
// the timeline page holds them all.
const BookEvents = 200

// BookTimeline are the events the book's timeline holds, in date order.
func (p *Page) BookTimeline() []*model.Event { return bookTimeline(p.Briefing) }

func bookTimeline(b *model.Briefing) []*model.Event {
	return b.Events[max(0, len(b.Events)-BookEvents):]
}

// bookEvents are the ids of the events the book's timeline holds.
func bookEvents(b *model.Briefing) map[string]bool {
	in := map[string]bool{}
	for _, e := range bookTimeline(b) {
		in[e.ID] = true
	}
	return in
}

func bookArticles(b *model.Briefing) map[string]bool {
	in := map[string]bool{}
	for _, a := range b.Articles[:min(BookArticles, len(b.Articles))] {
		in[a.Slug] = true
	}
	return in
}

// InBook is where target, a site-relative path, is in the book: an
// article's paragraph, an article, an actor, a topic or a timeline event.
// Other targets (indexes, data files, articles older than the book's) keep
// their own page.
func (p *Page) InBook(target string) string {
	path, fragment, _ := strings.Cut(target, "#")
	parts := strings.Split(path, "/")
	if len(parts) == 3 && parts[2] == "index.html" {
		switch parts[0] {
		case "articles":
			if !p.bookArticles[parts[1]] {
				return p.Rel(target)
			}
			if fragment != "" {
				return "#" + parts[1] + "-" + fragment
			}
			return "#article-" + parts[1]
		case "actors":
			return "#actor-" + parts[1]
		case "topics":
			return "#topic-" + parts[1]
		}
	}
	if strings.HasPrefix(path, "timeline/") && fragment != "" && p.bookEvents[fragment] {
		return "#event-" + fragment
	}
	return p.Rel(target)
}

// BookBody is an article's body as the book shows it. The body was
// rendered for the article's own page, two folders deep, with ids that are
// unique there (p1, fn:1): in the book, which holds every article, ids get
// the article's slug. Only attributes gen itself writes are rewritten;
// raw HTML is off unless a site opts in.
func (p *Page) BookBody(a *model.Article) template.HTML {
	slug := a.Slug
	ids := strings.NewReplacer(
		`id="p`, `id="`+slug+`-p`,
		`href="#p`, `href="#`+slug+`-p`,
		`id="fn:`, `id="`+slug+`-fn:`,
		`href="#fn:`, `href="#`+slug+`-fn:`,
		`id="fnref:`, `id="`+slug+`-fnref:`,
		`href="#fnref:`, `href="#`+slug+`-fnref:`,
	)
	return BookHTML(template.HTML(ids.Replace(string(a.Body))), "../../")
}

// BookHTML re-roots HTML rendered for a page whose links to the site's
// pages start with from ("../../" two folders deep, "" at the root) for
// the book, one folder deep.
func BookHTML(h template.HTML, from string) template.HTML {
	var pairs []string
	for _, folder := range []string{"actors/", "topics/", "articles/", "timeline/"} {
		pairs = append(pairs, `href="`+from+folder, `href="../`+folder)
	}
	return template.HTML(strings.NewReplacer(pairs...).Replace(string(h)))
}
