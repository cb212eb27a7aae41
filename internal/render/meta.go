package render

import (
	"encoding/json"
	"html/template"
	"strings"
	"unicode/utf8"

	"github.com/briefing-gen/gen/internal/feed"
	"github.com/briefing-gen/gen/internal/model"
)

// descriptionRunes bounds a page description: search engines and social
// cards cut longer ones.
const descriptionRunes = 200

// description is one or two sentences about the page, for search results
// and social cards.
func (p *Page) description() string {
	var d string
	w := p.words
	switch p.Kind {
	case Article:
		d = p.Article.Summary
	case Actor:
		who := p.Actor.Name
		if p.Actor.Role != "" {
			who += ", " + p.Actor.Role
		}
		d = w.T("desc_actor", "Who", who, "Quotes", w.T("n_quotes", len(p.Actor.Quotes)), "Mentions", w.T("n_mentions", len(p.Actor.Passages)))
	case Topic:
		d = p.Topic.Summary
	case Timeline:
		d = w.T("desc_timeline")
		if t := p.TimelinePage; t != nil && !p.Briefing.Timeline.Whole {
			d = w.T("desc_timeline_page", "Label", timelineTitle(t, w))
			if t.Pending {
				part := ""
				if t.Parts > 1 {
					part = w.T("desc_part", "Part", t.Part, "Parts", t.Parts)
				}
				d = w.T("desc_timeline_pending", "Part", part)
			}
		}
	case Actors:
		d = w.T("desc_actors")
	case Topics:
		d = w.T("desc_topics")
	case Articles:
		d = w.T("desc_articles")
	case List:
		d = w.T("desc_list", "Title", p.Title)
		if p.List == NamedWith {
			d = w.T("desc_list_named_with", "Title", p.Title)
		}
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

// feed is the site-relative path of the Atom feed for this page, its
// own when an actor or topic has one: "" when the site has no feeds,
// which need a base URL.
func (p *Page) feed() string {
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

// openGraphType is og:type: an article page is an article.
func (p *Page) openGraphType() string {
	if p.Kind == Article {
		return "article"
	}
	return "website"
}

// jsonLD is the page's schema.org description, for search engines:
// NewsArticle, Person or Organization, and the timeline's Events. It is ""
// where none fits. json.Marshal escapes <, > and &, so the text cannot
// close the script element it goes in.
func (p *Page) jsonLD() template.JS {
	var v any
	switch p.Kind {
	case Article:
		v = p.newsArticle(p.Article)
	case Actor:
		t := p.thing(p.Actor)
		t.Context = schemaContext
		v = t
	case Timeline:
		var events []schemaEvent
		for _, e := range p.timelineEvents() { // the page's own: the index describes none
			if !e.Date.Pending {
				events = append(events, p.event(e))
			}
		}
		if len(events) == 0 {
			return ""
		}
		v = schemaGraph{Context: schemaContext, Graph: events}
	default:
		return ""
	}
	data, err := json.Marshal(v)
	if err != nil {
		return ""
	}
	return template.JS(data)
}

// The schema.org shapes the pages describe themselves with, as structs:
// they marshal several times faster than maps, and an article page has
// one.

const schemaContext = "https://schema.org"

type schemaArticle struct {
	Context       string        `json:"@context"`
	Type          string        `json:"@type"`
	Headline      string        `json:"headline"`
	DatePublished string        `json:"datePublished,omitempty"`
	Description   string        `json:"description,omitempty"`
	IsBasedOn     string        `json:"isBasedOn,omitempty"`
	Organization  *schemaName   `json:"sourceOrganization,omitempty"`
	Authors       []schemaName  `json:"author,omitempty"`
	Mentions      []schemaThing `json:"mentions,omitempty"`
	URL           string        `json:"url,omitempty"`
	InLanguage    string        `json:"inLanguage,omitempty"`
}

type schemaName struct {
	Type string `json:"@type"`
	Name string `json:"name"`
}

type schemaThing struct {
	Context       string      `json:"@context,omitempty"` // stated once, at the top
	Type          string      `json:"@type"`
	Name          string      `json:"name"`
	JobTitle      string      `json:"jobTitle,omitempty"`
	Description   string      `json:"description,omitempty"`
	AlternateName []string    `json:"alternateName,omitempty"`
	Affiliation   *schemaName `json:"affiliation,omitempty"`
	URL           string      `json:"url,omitempty"`
}

type schemaEvent struct {
	Type       string `json:"@type"`
	Name       string `json:"name"`
	StartDate  string `json:"startDate"`
	EndDate    string `json:"endDate,omitempty"`
	URL        string `json:"url,omitempty"`
	InLanguage string `json:"inLanguage,omitempty"`
}

type schemaGraph struct {
	Context string        `json:"@context"`
	Graph   []schemaEvent `json:"@graph"`
}

func (p *Page) newsArticle(a *model.Article) schemaArticle {
	v := schemaArticle{
		Context:       schemaContext,
		Type:          "NewsArticle",
		Headline:      a.Title,
		DatePublished: a.Published.ISO(),
		Description:   a.Summary,
		IsBasedOn:     a.URL,
		URL:           p.Absolute(a.Path()),
		InLanguage:    p.Briefing.Site.Language,
	}
	if a.Lang.Code != "" { // an article in its own language
		v.InLanguage = a.Lang.Code
	}
	if a.Source != "" {
		// The article is the source's; this page is the briefing's
		// annotated copy of it.
		v.Organization = &schemaName{Type: "Organization", Name: a.Source}
	}
	for _, name := range a.Authors {
		v.Authors = append(v.Authors, schemaName{Type: "Person", Name: name})
	}
	for _, x := range a.Actors {
		v.Mentions = append(v.Mentions, p.thing(x))
	}
	return v
}

// thing is an actor as schema.org sees it: a Person, or an Organization
// for governments, organisations and groups. An anonymous source is
// neither, so it is a plain Thing.
func (p *Page) thing(a *model.Actor) schemaThing {
	v := schemaThing{Type: "Organization", Name: a.Name, AlternateName: a.Aliases, URL: p.Absolute(a.Path())}
	switch a.Kind {
	case "person":
		v.Type = "Person"
	case "anonymous":
		v.Type = "Thing"
	}
	if v.Type == "Person" {
		v.JobTitle = a.Role
		if a.Affiliation != nil {
			v.Affiliation = &schemaName{Type: "Organization", Name: a.Affiliation.Name}
		}
	} else {
		v.Description = a.Role
	}
	return v
}

func (p *Page) event(e *model.Event) schemaEvent {
	v := schemaEvent{Type: "Event", Name: e.Title, StartDate: e.Date.ISO(), URL: p.Absolute(e.Path()), InLanguage: p.Briefing.Site.Language}
	if e.Date.IsRange() {
		v.EndDate = e.Date.End.ISO()
	}
	return v
}
