package render

import (
	"html/template"
	"slices"
	"strconv"
	"strings"

	"github.com/briefing-gen/gen/internal/model"
)

// The briefing book puts the whole briefing on one page, to read through
// or print to PDF. Everything a page elsewhere links to has its own
// section here, so the book's links stay inside the book.

// BookBytes bounds the book, in the estimated bytes of HTML of what it
// holds: a briefing of thousands of articles is no document to print. The
// book holds every topic and actor, the speakers quoted most on each topic
// that fit (up to bookSpeakers), the latest events that fit, and the
// newest articles that fit in the rest (but for any too long to leave
// room for others); the timeline's pages and the
// articles index hold them all. The estimates run high, so the page stays
// well under a megabyte.
const BookBytes = 800_000

// bookSpeakers bounds the speakers each topic shows in the book, who fill
// most of it in a large briefing.
const bookSpeakers = 20

// bookQuotes is how many of each speaker's latest quotes on a topic the
// book shows (book.html).
const bookQuotes = 5

// bookPlan is what the book holds.
type bookPlan struct {
	actors   []*model.Actor   // in the briefing's order
	topics   []*model.Topic   // in the briefing's order
	articles []*model.Article // newest first
	events   []*model.Event   // in timeline order
	speakers int              // per topic
	// sizes are each topic's top speakers' estimated sizes (speakerSizes),
	// which a plan after an edit takes for the topics it did not touch.
	sizes    map[*model.Topic][]int
	slugs    map[string]bool // of the articles
	ids      map[string]bool // of the events
	actorIDs map[string]bool
	topicIDs map[string]bool
}

// mostNamed keeps, of items in the order given, those that the most
// quotes and passages name and whose sizes (by index) fit in share, in
// the order given: the book holds every actor and topic unless there are
// thousands.
func mostNamed[T any](items []T, named func(T) int, size func(T) int, share int) (kept []T, used int) {
	total := 0
	for _, x := range items {
		total += size(x)
	}
	if total <= share {
		return items, total
	}
	order := make([]int, len(items))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(i, j int) int { return named(items[j]) - named(items[i]) })
	keep := make([]bool, len(items))
	for _, i := range order {
		if w := size(items[i]); used+w <= share {
			keep[i], used = true, used+w
		}
	}
	for i, x := range items {
		if keep[i] {
			kept = append(kept, x)
		}
	}
	return kept, used
}

// planBook fills the book within BookBytes: its frame, actors and topics
// first, then the topics' speakers (up to a third of what is left), the
// latest events (up to a fifth of the rest), the newest articles.
func planBook(b *model.Briefing) *bookPlan { return replanBook(b, nil, nil) }

// replanBook is planBook after an edit, given the last plan and the
// families (Page.Family) of the topics the edit touched: the others' top
// speakers are as they were.
func replanBook(b *model.Briefing, last *bookPlan, touched map[string]bool) *bookPlan {
	plan := &bookPlan{slugs: map[string]bool{}, ids: map[string]bool{}, actorIDs: map[string]bool{}, topicIDs: map[string]bool{}, sizes: map[*model.Topic][]int{}}
	left := BookBytes - 8000 - len(b.Site.Overview) - len(b.Site.Description)
	named := func(quotes, passages int) int { return quotes + passages }
	var used int
	plan.actors, used = mostNamed(b.Actors, func(a *model.Actor) int { return named(len(a.Quotes), len(a.Passages)) }, func(a *model.Actor) int {
		return 260 + 2*len(a.ID) + len(a.Name) + len(a.Role) + len(a.Profile) + 20*len(a.Aliases)
	}, BookBytes/5)
	left -= used
	plan.topics, used = mostNamed(b.Topics, func(t *model.Topic) int { return named(len(t.Quotes), len(t.Passages)) }, func(t *model.Topic) int {
		w := 450 + 4*len(t.ID) + 3*len(t.Title) + len(t.Summary) + len(t.Overview)
		for _, h := range t.PositionHistories() {
			now := h.Current()
			w += 320 + 2*len(h.Actor.ID) + len(h.Actor.Name) + len(now.Summary)
			if a := now.SinceArticle; a != nil {
				w += 80 + 2*len(a.Slug) + len(a.Title)
			}
		}
		return w
	}, BookBytes/5)
	left -= used
	speakers := make([][]int, len(plan.topics)) // each topic's top speakers' estimated sizes, most quoted first
	for i, t := range plan.topics {
		sizes, ok := []int(nil), false
		if last != nil && !touched[t.Path()] {
			sizes, ok = last.sizes[t]
		}
		if !ok {
			sizes = speakerSizes(t)
		}
		speakers[i], plan.sizes[t] = sizes, sizes
	}
	share := max(0, left/3)
	for k := bookSpeakers; k >= 0; k-- {
		w := 0
		for _, s := range speakers {
			for _, x := range s[:min(k, len(s))] {
				w += x
			}
		}
		if w <= share || k == 0 {
			plan.speakers, left = k, left-w
			break
		}
	}
	share, n := max(0, left/5), 0
	for i := len(b.Events) - 1; i >= 0; i-- {
		e := b.Events[i]
		w := 380 + 2*len(e.ID) + len(e.Title) + len(e.Article.Slug) + len(e.Article.ShortTitle()) + len(e.Article.Source)
		if w > share {
			break
		}
		share, left, n = share-w, left-w, n+1
	}
	plan.events = b.Events[len(b.Events)-n:]
	giant := left / 2 // an article too long to share the book, left out so that it does not crowd out the rest
	for _, a := range b.Articles {
		w := 700 + 3*len(a.Slug) + 3*len(a.Title) + len(a.Source) + len(a.URL) + len(a.Body) + len(a.Paragraphs)*(2*len(a.Slug)+8)
		if w > giant {
			continue
		}
		if w > left {
			break
		}
		left -= w
		plan.articles = append(plan.articles, a)
	}
	for _, a := range plan.articles {
		plan.slugs[a.Slug] = true
	}
	for _, e := range plan.events {
		plan.ids[e.ID] = true
	}
	for _, a := range plan.actors {
		plan.actorIDs[a.ID] = true
	}
	for _, t := range plan.topics {
		plan.topicIDs[t.ID] = true
	}
	return plan
}

// speakerSizes estimates what each of the bookSpeakers speakers quoted
// most on t (model.Topic.Positions' order) takes in the book: their
// latest bookQuotes quotes. It counts rather than group every quote, as
// gen serve plans the book again on every edit.
func speakerSizes(t *model.Topic) []int {
	counts := map[*model.Actor]int{}
	var top []*model.Actor // in the order they are first quoted, which breaks ties
	for _, q := range t.Quotes {
		if counts[q.Speaker] == 0 {
			top = append(top, q.Speaker)
		}
		counts[q.Speaker]++
	}
	names := make(map[*model.Actor]string, len(top))
	for _, a := range top {
		names[a] = strings.ToLower(a.Name)
	}
	slices.SortStableFunc(top, func(a, b *model.Actor) int {
		if counts[a] != counts[b] {
			return counts[b] - counts[a]
		}
		return strings.Compare(names[a], names[b])
	})
	top = top[:min(len(top), bookSpeakers)]
	sizes := make(map[*model.Actor]int, len(top))
	left := make(map[*model.Actor]int, len(top)) // quotes still to count, from the latest back
	for _, a := range top {
		sizes[a] = 160 + len(a.ID) + len(a.Name) + len(a.Role)
		left[a] = bookQuotes
	}
	for i := len(t.Quotes) - 1; i >= 0 && len(left) > 0; i-- {
		q := t.Quotes[i]
		if left[q.Speaker] == 0 {
			continue
		}
		sizes[q.Speaker] += 300 + len(q.Text) + len(q.Article.Slug) + len(q.Article.ShortTitle()) + len(q.Article.Source)
		if left[q.Speaker]--; left[q.Speaker] == 0 {
			delete(left, q.Speaker)
		}
	}
	out := make([]int, len(top))
	for i, a := range top {
		out[i] = sizes[a]
	}
	return out
}

// BookTimeline are the events the book's timeline holds, in date order.
func (p *Page) BookTimeline() []*model.Event { return p.book.events }

// BookArticles are the articles the book holds, newest first.
func (p *Page) BookArticles() []*model.Article { return p.book.articles }

// BookActors and BookTopics are the actors and topics the book holds:
// all of them, unless there are thousands.
func (p *Page) BookActors() []*model.Actor { return p.book.actors }

func (p *Page) BookTopics() []*model.Topic { return p.book.topics }

// BookSpeakers is how many speakers each topic shows in the book.
func (p *Page) BookSpeakers() int { return p.book.speakers }

// Rebooked returns pages with the book planned anew from b, for edits
// that changed only the text of articles, which the book's plan weighs:
// every other page stays as it was.
func Rebooked(pages []*Page, b *model.Briefing) []*Page {
	out := slices.Clone(pages)
	for i, p := range out {
		if p.Kind == Book {
			book := *p
			book.book = replanBook(b, p.book, nil) // a quote's words, and so its speakers' sizes, are its outline's
			out[i] = &book
		}
	}
	return out
}

// BookOf is the book among a site's pages (Pages), nil if none is.
func BookOf(pages []*Page) *Page {
	for _, p := range pages {
		if p.Kind == Book {
			return p
		}
	}
	return nil
}

// BookKey sums up what the book page holds: two builds with the same key
// link the same things inside it.
func (p *Page) BookKey() string {
	plan := p.book
	var k strings.Builder
	k.WriteString(strconv.Itoa(plan.speakers))
	for _, a := range plan.actors {
		k.WriteString(" " + a.ID)
	}
	k.WriteString(" |")
	for _, t := range plan.topics {
		k.WriteString(" " + t.ID)
	}
	k.WriteString(" |")
	for _, a := range plan.articles {
		k.WriteString(" " + a.Slug)
	}
	k.WriteString(" |")
	for _, e := range plan.events {
		k.WriteString(" " + e.ID)
	}
	return k.String()
}

// BookSlugs are the slugs of the articles the book page holds.
func (p *Page) BookSlugs() map[string]bool { return p.book.slugs }

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
			if !p.book.slugs[parts[1]] {
				return p.Rel(target)
			}
			if fragment != "" {
				return "#" + parts[1] + "-" + fragment
			}
			return "#article-" + parts[1]
		case "actors":
			if p.book.actorIDs[parts[1]] {
				return "#actor-" + parts[1]
			}
		case "topics":
			if p.book.topicIDs[parts[1]] {
				return "#topic-" + parts[1]
			}
		}
	}
	if strings.HasPrefix(path, "timeline/") && fragment != "" && p.book.ids[fragment] {
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
	return BookHTML(template.HTML(ids.Replace(string(p.Briefing.EventLinked(a.Body)))), "../../")
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
