package render

import (
	"encoding/json"
	"html/template"
	"strings"
	"unicode/utf8"

	"briefing/internal/feed"
	"briefing/internal/model"
)

// descriptionRunes bounds a page description: search engines and social
// cards cut longer ones.
const descriptionRunes = 200

// Description is one or two sentences about the page, for search results
// and social cards.
func (p *Page) Description() string {
	var d string
	switch p.Kind {
	case Article:
		d = p.Article.Summary
	case Actor:
		d = p.Actor.Name
		if p.Actor.Role != "" {
			d += ", " + p.Actor.Role
		}
		d += ": " + plural(len(p.Actor.Quotes), "quote", "quotes") + " and " + plural(len(p.Actor.Passages), "mention", "mentions") + " in the briefing."
	case Topic:
		d = p.Topic.Summary
	case Timeline:
		d = "Every dated event in the briefing, shown as precisely as it is known."
	case Actors:
		d = "The people, governments, organisations and sources in the briefing."
	case Topics:
		d = "The questions the briefing follows."
	case Articles:
		d = "The articles the briefing is built from, annotated."
	}
	if d == "" {
		d = p.Briefing.Site.Description
	}
	return clip(d, descriptionRunes)
}

func clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)[:n]
	if i := strings.LastIndexByte(string(r), ' '); i > 0 {
		return string(r)[:i] + "…"
	}
	return string(r) + "…"
}

// Feed is the site-relative path of the Atom feed for this page, its
// own when an actor or topic has one: "" when the site has no feeds,
// which need a base URL.
func (p *Page) Feed() string {
	switch {
	case p.Briefing.Site.BaseURL == "":
		return ""
	case p.Kind == Actor && feed.Has(p.Actor.Quotes, p.Actor.Events):
		return p.Actor.FeedPath()
	case p.Kind == Topic && feed.Has(p.Topic.Quotes, p.Topic.Events):
		return p.Topic.FeedPath()
	}
	return "feed.xml"
}

// OpenGraphType is og:type: an article page is an article.
func (p *Page) OpenGraphType() string {
	if p.Kind == Article {
		return "article"
	}
	return "website"
}

// JSONLD is the page's schema.org description, for search engines:
// NewsArticle, Person or Organization, and the timeline's Events. It is ""
// where none fits. json.Marshal escapes <, > and &, so the text cannot
// close the script element it goes in.
func (p *Page) JSONLD() template.JS {
	var v any
	switch p.Kind {
	case Article:
		v = p.newsArticle(p.Article)
	case Actor:
		v = p.thing(p.Actor)
	case Timeline:
		var events []map[string]any
		for _, e := range p.Briefing.Events {
			if !e.Date.Pending {
				events = append(events, p.event(e))
			}
		}
		if len(events) == 0 {
			return ""
		}
		v = map[string]any{"@context": "https://schema.org", "@graph": events}
	default:
		return ""
	}
	data, err := json.Marshal(v)
	if err != nil {
		return ""
	}
	return template.JS(data)
}

func (p *Page) newsArticle(a *model.Article) map[string]any {
	v := map[string]any{
		"@context": "https://schema.org",
		"@type":    "NewsArticle",
		"headline": a.Title,
	}
	if d := a.Published.ISO(); d != "" {
		v["datePublished"] = d
	}
	if a.Summary != "" {
		v["description"] = a.Summary
	}
	if a.URL != "" {
		v["isBasedOn"] = a.URL
	}
	if a.Source != "" {
		// The article is the source's; this page is the briefing's
		// annotated copy of it.
		v["sourceOrganization"] = map[string]any{"@type": "Organization", "name": a.Source}
	}
	if len(a.Authors) > 0 {
		var authors []map[string]any
		for _, name := range a.Authors {
			authors = append(authors, map[string]any{"@type": "Person", "name": name})
		}
		v["author"] = authors
	}
	var about []map[string]any
	for _, x := range a.Actors {
		t := p.thing(x)
		delete(t, "@context") // stated once, at the top
		about = append(about, t)
	}
	if len(about) > 0 {
		v["mentions"] = about
	}
	if u := p.Absolute(a.Path()); u != "" {
		v["url"] = u
	}
	return v
}

// thing is an actor as schema.org sees it: a Person, or an Organization
// for governments, organisations and groups. An anonymous source is
// neither, so it is a plain Thing.
func (p *Page) thing(a *model.Actor) map[string]any {
	typ := "Organization"
	switch a.Kind {
	case "person":
		typ = "Person"
	case "anonymous":
		typ = "Thing"
	}
	v := map[string]any{"@context": "https://schema.org", "@type": typ, "name": a.Name}
	if a.Role != "" {
		if typ == "Person" {
			v["jobTitle"] = a.Role
		} else {
			v["description"] = a.Role
		}
	}
	if len(a.Aliases) > 0 {
		v["alternateName"] = a.Aliases
	}
	if a.Affiliation != nil && typ == "Person" {
		v["affiliation"] = map[string]any{"@type": "Organization", "name": a.Affiliation.Name}
	}
	if u := p.Absolute(a.Path()); u != "" {
		v["url"] = u
	}
	return v
}

func (p *Page) event(e *model.Event) map[string]any {
	v := map[string]any{"@type": "Event", "name": e.Title, "startDate": e.Date.ISO()}
	if e.Date.IsRange() {
		v["endDate"] = e.Date.End.ISO()
	}
	if u := p.Absolute(e.Path()); u != "" {
		v["url"] = u
	}
	return v
}
