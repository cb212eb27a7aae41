// Package feed writes what readers' tools and search engines read: Atom
// feeds for the site and for each actor and topic, sitemap.xml (an index
// of parts past the sitemap protocol's limits; see sitemaps) and
// robots.txt. Feeds and sitemaps need absolute addresses and permanent
// ids, which only the site's base URL gives, so without one the build
// writes robots.txt alone.
package feed

import (
	"encoding/xml"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/briefing-gen/gen/internal/i18n"
	"github.com/briefing-gen/gen/internal/model"
	"github.com/briefing-gen/gen/internal/output"
)

// maxEntries bounds a feed: readers poll feeds, so they hold the latest.
const maxEntries = 100

// Has reports whether the item feed of an actor or topic with these
// quotes and events is written: an empty feed helps no reader.
func Has(quotes []*model.Quote, events []*model.Event) bool { return len(quotes)+len(events) > 0 }

// Files returns the feeds, the sitemap (one file or several, see
// sitemaps) and robots.txt for b. pages lists the HTML pages, for the
// sitemap.
func Files(b *model.Briefing, words *i18n.Catalog, pages []SitemapPage) []output.File {
	robots := "User-agent: *\nAllow: /\n"
	base := b.Site.BaseURL
	if base == "" {
		return []output.File{{Path: "robots.txt", Data: []byte(robots)}}
	}
	files := []output.File{siteFeed(b, words)}
	for _, a := range b.Actors {
		if f, ok := ActorFeed(b, words, a); ok {
			files = append(files, f)
		}
	}
	for _, t := range b.Topics {
		if f, ok := TopicFeed(b, words, t); ok {
			files = append(files, f)
		}
	}
	robots += "Sitemap: " + base + "sitemap.xml\n"
	files = append(files, sitemaps(base, pages)...)
	return append(files, output.File{Path: "robots.txt", Data: []byte(robots)})
}

// Sitemaps is sitemap.xml, and past the protocol's limits the parts it
// names (see sitemaps); there is none without a base URL.
func Sitemaps(b *model.Briefing, pages []SitemapPage) []output.File {
	if b.Site.BaseURL == "" {
		return nil
	}
	return sitemaps(b.Site.BaseURL, pages)
}

// IsSitemap tells whether a site-relative path is one of the files
// Sitemaps writes.
func IsSitemap(path string) bool {
	return path == "sitemap.xml" || strings.HasPrefix(path, sitemapDir)
}

// SiteFeed is the site's own feed, feed.xml, of articles and events; it
// has none without a base URL.
func SiteFeed(b *model.Briefing, words *i18n.Catalog) (output.File, bool) {
	if b.Site.BaseURL == "" {
		return output.File{}, false
	}
	return siteFeed(b, words), true
}

// ActorFeed is the feed of an actor's quotes and events, at
// a.FeedPath(); it has none without a base URL or anything to say.
func ActorFeed(b *model.Briefing, words *i18n.Catalog, a *model.Actor) (output.File, bool) {
	if b.Site.BaseURL == "" || !Has(a.Quotes, a.Events) {
		return output.File{}, false
	}
	return itemFeed(b, words, a.FeedPath(), a.Name, a.Path(), a.Quotes, a.Events), true
}

// TopicFeed is the feed of a topic's quotes and events, at t.FeedPath();
// it has none without a base URL or anything to say.
func TopicFeed(b *model.Briefing, words *i18n.Catalog, t *model.Topic) (output.File, bool) {
	if b.Site.BaseURL == "" || !Has(t.Quotes, t.Events) {
		return output.File{}, false
	}
	return itemFeed(b, words, t.FeedPath(), t.Title, t.Path(), t.Quotes, t.Events), true
}

type atomFeed struct {
	XMLName xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	Lang    string      `xml:"http://www.w3.org/XML/1998/namespace lang,attr,omitempty"`
	Title   string      `xml:"title"`
	ID      string      `xml:"id"`
	Updated string      `xml:"updated"`
	Links   []atomLink  `xml:"link"`
	Author  atomPerson  `xml:"author"`
	Entries []atomEntry `xml:"entry"`
}

type atomLink struct {
	Rel  string `xml:"rel,attr,omitempty"`
	Type string `xml:"type,attr,omitempty"`
	Href string `xml:"href,attr"`
}

type atomPerson struct {
	Name string `xml:"name"`
}

type atomEntry struct {
	Title   string   `xml:"title"`
	ID      string   `xml:"id"`
	Updated string   `xml:"updated"`
	Link    atomLink `xml:"link"`
	Summary string   `xml:"summary,omitempty"`
}

// entry is a feed item before it is placed in a feed: an article, a quote
// or an event, and its time. Its text is made only if the feed keeps it,
// as a feed keeps the latest of what may be thousands.
type entry struct {
	when    time.Time
	article *model.Article
	quote   *model.Quote
	event   *model.Event
}

// text is the entry's title, id and target (both site-relative) and
// summary.
func (e entry) text(words *i18n.Catalog) (title, id, target, summary string) {
	switch {
	case e.quote != nil:
		q := e.quote
		return fmt.Sprintf("%s: “%s”", q.Speaker.Name, q.Text), q.ID(), q.SourcePath(), words.T("feed_quote_summary", "Title", q.Article.Title)
	case e.event != nil:
		ev := e.event
		return ev.Title, ev.Path(), ev.Path(), words.T("feed_event_summary", "Date", ev.Date.Format(words), "Title", ev.Article.Title)
	}
	return e.article.Title, e.article.Path(), e.article.Path(), e.article.Summary
}

// An article or quote is stamped with the last day its publication date
// can mean, an event with its first: an article published "February 2025"
// comes after the February events it reports.

func siteFeed(b *model.Briefing, words *i18n.Catalog) output.File {
	entries := make([]entry, 0, len(b.Articles)+len(b.Events))
	for _, a := range b.Articles {
		entries = append(entries, entry{when: a.Published.LastDay(), article: a})
	}
	for _, e := range b.Events {
		entries = append(entries, eventEntry(e))
	}
	return write(b, words, "feed.xml", b.Site.Title, "index.html", entries)
}

func itemFeed(b *model.Briefing, words *i18n.Catalog, file, name, page string, quotes []*model.Quote, events []*model.Event) output.File {
	entries := make([]entry, 0, len(quotes)+len(events))
	for _, q := range quotes {
		entries = append(entries, entry{when: q.Article.Published.LastDay(), quote: q})
	}
	for _, e := range events {
		entries = append(entries, eventEntry(e))
	}
	return write(b, words, file, b.Site.Title+": "+name, page, entries)
}

func eventEntry(e *model.Event) entry {
	when := e.Date.FirstDay()
	if e.Date.Pending {
		when = e.Article.Published.LastDay()
	}
	return entry{when: when, event: e}
}

// write makes the feed at file (site-relative) for the page at page.
func write(b *model.Briefing, words *i18n.Catalog, file, title, page string, entries []entry) output.File {
	slices.SortStableFunc(entries, func(x, y entry) int { return y.when.Compare(x.when) })
	if len(entries) > maxEntries {
		entries = entries[:maxEntries]
	}
	base := b.Site.BaseURL
	f := atomFeed{
		Title: title, Lang: b.Site.Language, ID: base + file, Updated: stamp(time.Time{}), Author: atomPerson{Name: b.Site.Title},
		Links: []atomLink{
			{Rel: "alternate", Type: "text/html", Href: address(base, page)},
			{Rel: "self", Type: "application/atom+xml", Href: base + file},
		},
	}
	if len(entries) > 0 {
		f.Updated = stamp(entries[0].when)
	}
	for _, e := range entries {
		title, id, target, summary := e.text(words)
		f.Entries = append(f.Entries, atomEntry{
			Title: title, ID: address(base, id), Updated: stamp(e.when), Summary: summary,
			Link: atomLink{Rel: "alternate", Type: "text/html", Href: address(base, target)},
		})
	}
	return xmlFile(file, f)
}

// address is the absolute, canonical address of a site-relative target:
// a folder's address rather than its index.html.
func address(base, target string) string {
	path, fragment, hasFragment := strings.Cut(target, "#")
	out := base + strings.TrimSuffix(path, "index.html")
	if hasFragment {
		out += "#" + fragment
	}
	return out
}

func stamp(t time.Time) string {
	if t.IsZero() {
		t = time.Date(1970, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	return t.Format(time.RFC3339)
}

func xmlFile(name string, v any) output.File {
	data, err := xml.MarshalIndent(v, "", "  ")
	if err != nil {
		panic(err) // the types above always marshal
	}
	return output.File{Path: name, Data: append([]byte(xml.Header), append(data, '\n')...)}
}
