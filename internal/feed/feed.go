// Package feed writes what readers' tools and search engines read: Atom
// feeds for the site and for each actor and topic, sitemap.xml and
// robots.txt. These need absolute addresses, which only the base URL
// gives: without one, feeds link relative to themselves and use tag: ids,
// and there is no sitemap.
package feed

import (
	"encoding/xml"
	"fmt"
	"sort"
	"strings"
	"time"

	"briefing/internal/dates"
	"briefing/internal/model"
	"briefing/internal/output"
)

// maxEntries bounds a feed: readers poll feeds, so they hold the latest.
const maxEntries = 100

// Files returns every feed, the sitemap and robots.txt for b. pages lists
// the site-relative paths of the HTML pages, for the sitemap.
func Files(b *model.Briefing, pages []string) []output.File {
	files := []output.File{siteFeed(b)}
	for _, a := range b.Actors {
		files = append(files, itemFeed(b, a.FeedPath(), a.Name, a.Path(), a.Quotes, a.Events))
	}
	for _, t := range b.Topics {
		files = append(files, itemFeed(b, t.FeedPath(), t.Title, t.Path(), t.Quotes, t.Events))
	}
	robots := "User-agent: *\nAllow: /\n"
	if b.Site.BaseURL != "" {
		files = append(files, sitemap(b.Site.BaseURL, pages))
		robots += "Sitemap: " + b.Site.BaseURL + "sitemap.xml\n"
	}
	return append(files, output.File{Path: "robots.txt", Data: []byte(robots)})
}

type atomFeed struct {
	XMLName xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	Title   string      `xml:"title"`
	ID      string      `xml:"id"`
	Updated string      `xml:"updated"`
	Links   []atomLink  `xml:"link"`
	Author  *atomPerson `xml:"author,omitempty"`
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

// entry is a feed item before it is placed in a feed.
type entry struct {
	title, target, summary string
	when                   time.Time
}

func siteFeed(b *model.Briefing) output.File {
	var entries []entry
	for _, a := range b.Articles {
		entries = append(entries, entry{a.Title, a.Path(), a.Summary, day(a.Published, a.Published)})
	}
	for _, e := range b.Events {
		entries = append(entries, eventEntry(e))
	}
	return write(b, "feed.xml", b.Site.Title, "index.html", entries)
}

func itemFeed(b *model.Briefing, file, name, page string, quotes []*model.Quote, events []*model.Event) output.File {
	var entries []entry
	for _, q := range quotes {
		entries = append(entries, entry{
			title:   fmt.Sprintf("%s: “%s”", q.Speaker.Name, q.Text),
			target:  q.SourcePath(),
			summary: "In " + q.Article.Title,
			when:    day(q.Article.Published, q.Article.Published),
		})
	}
	for _, e := range events {
		entries = append(entries, eventEntry(e))
	}
	return write(b, file, b.Site.Title+": "+name, page, entries)
}

func eventEntry(e *model.Event) entry {
	return entry{e.Title, e.Path(), e.Date.String() + ". Reported in " + e.Article.Title + ".", day(e.Date, e.Article.Published)}
}

// day is the first day a date can mean, as a feed's timestamp; a pending
// date takes the reporting article's.
func day(d, fallback dates.Date) time.Time {
	if d.Pending {
		return fallback.FirstDay()
	}
	return d.FirstDay()
}

// write makes the feed at file (site-relative) for the page at page.
func write(b *model.Briefing, file, title, page string, entries []entry) output.File {
	sort.SliceStable(entries, func(i, j int) bool { return entries[i].when.After(entries[j].when) })
	if len(entries) > maxEntries {
		entries = entries[:maxEntries]
	}
	f := atomFeed{Title: title, ID: id(b, file), Updated: stamp(time.Time{})}
	if len(entries) > 0 {
		f.Updated = stamp(entries[0].when)
	}
	f.Links = []atomLink{{Rel: "alternate", Type: "text/html", Href: link(b, file, page)}}
	if b.Site.BaseURL != "" {
		f.Links = append(f.Links, atomLink{Rel: "self", Type: "application/atom+xml", Href: b.Site.BaseURL + file})
	}
	f.Author = &atomPerson{Name: b.Site.Title}
	for _, e := range entries {
		f.Entries = append(f.Entries, atomEntry{
			Title: e.title, ID: id(b, e.target), Updated: stamp(e.when),
			Link: atomLink{Rel: "alternate", Type: "text/html", Href: link(b, file, e.target)}, Summary: e.summary,
		})
	}
	data, err := xml.MarshalIndent(f, "", "  ")
	if err != nil {
		panic(err) // the types above always marshal
	}
	return output.File{Path: file, Data: append([]byte(xml.Header), append(data, '\n')...)}
}

func stamp(t time.Time) string {
	if t.IsZero() {
		t = time.Date(1970, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	return t.Format(time.RFC3339)
}

// id is an entry's permanent id: its address, or without a base URL a tag
// URI made from its path.
func id(b *model.Briefing, target string) string {
	if b.Site.BaseURL != "" {
		return b.Site.BaseURL + strings.TrimSuffix(target, "index.html")
	}
	return "tag:briefing.gen,2025:" + target
}

// link points from the feed at file to target: absolutely with a base
// URL, else relative to the feed's folder.
func link(b *model.Briefing, file, target string) string {
	if b.Site.BaseURL != "" {
		return b.Site.BaseURL + target
	}
	return strings.Repeat("../", strings.Count(file, "/")) + target
}

type urlset struct {
	XMLName xml.Name `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 urlset"`
	URLs    []struct {
		Loc string `xml:"loc"`
	} `xml:"url"`
}

func sitemap(base string, pages []string) output.File {
	var s urlset
	for _, p := range pages {
		s.URLs = append(s.URLs, struct {
			Loc string `xml:"loc"`
		}{base + strings.TrimSuffix(p, "index.html")})
	}
	data, _ := xml.MarshalIndent(s, "", "  ")
	return output.File{Path: "sitemap.xml", Data: append([]byte(xml.Header), append(data, '\n')...)}
}
