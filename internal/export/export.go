// Package export writes the briefing as data: briefing.json, the whole
// model with each item's provenance (docs/briefing.schema.json describes
// it), and timeline.json in the format of Knight Lab's TimelineJS.
package export

import (
	"encoding/json"
	"maps"

	"briefing/internal/dates"
	"briefing/internal/model"
	"briefing/internal/output"
)

// Files returns briefing.json and timeline.json.
func Files(b *model.Briefing) []output.File { return []output.File{NewData(b).File(), Timeline(b)} }

// Data is briefing.json kept in pieces: everything before the quotes, and
// each article's quotes, so that gen serve writes again only the quotes
// of an article whose annotations changed (Requote), not tens of
// megabytes of JSON.
type Data struct {
	head   []byte           // the JSON up to the quotes' opening bracket
	order  []*model.Article // the articles with quotes, in the quotes' order
	quotes map[*model.Article][]byte
}

// NewData writes briefing.json for b.
func NewData(b *model.Briefing) *Data {
	all := briefingOf(b)
	head := marshal(all) // ends `"quotes":[]}` and a newline
	d := &Data{head: head[:len(head)-len("]}\n")], quotes: map[*model.Article][]byte{}}
	for i := 0; i < len(b.Quotes); {
		a := b.Quotes[i].Article
		j := i
		for j < len(b.Quotes) && b.Quotes[j].Article == a {
			j++
		}
		d.order = append(d.order, a)
		d.quotes[a] = quotesOf(b, b.Quotes[i:j])
		i = j
	}
	return d
}

// quotesOf is the quotes' entries, separated by commas.
func quotesOf(b *model.Briefing, quotes []*model.Quote) []byte {
	var out []byte
	for i, q := range quotes {
		if i > 0 {
			out = append(out, ',')
		}
		data, err := json.Marshal(quoteOf(b, q))
		if err != nil {
			panic(err)
		}
		out = append(out, data...)
	}
	return out
}

// File is briefing.json.
func (d *Data) File() output.File {
	n := len(d.head) + 3
	for _, a := range d.order {
		n += len(d.quotes[a]) + 1
	}
	out := append(make([]byte, 0, n), d.head...)
	for i, a := range d.order {
		if i > 0 {
			out = append(out, ',')
		}
		out = append(out, d.quotes[a]...)
	}
	return output.File{Path: "briefing.json", Data: append(out, "]}\n"...)}
}

// Requote returns briefing.json after a's quotes changed and nothing else
// it shows did (an annotation edit that moved no event's paragraph); d is
// left as it is. An article that gains its first quote or loses its last
// is written anew with the rest.
func (d *Data) Requote(b *model.Briefing, a *model.Article) *Data {
	if _, had := d.quotes[a]; !had || len(a.Quotes) == 0 {
		return NewData(b)
	}
	e := &Data{head: d.head, order: d.order, quotes: maps.Clone(d.quotes)}
	e.quotes[a] = quotesOf(b, a.Quotes)
	return e
}

// Timeline is timeline.json, which shows the events alone.
func Timeline(b *model.Briefing) output.File {
	return output.File{Path: "timeline.json", Data: marshal(timelineOf(b))}
}

// marshal writes v compactly: a large briefing's export is tens of
// megabytes, and indenting it costs as much as writing it.
func marshal(v any) []byte {
	data, err := json.Marshal(v)
	if err != nil {
		panic(err) // plain structs of strings, numbers and slices
	}
	return append(data, '\n') // a large slice has room to spare up to its last page: no copy
}

// The shapes of briefing.json. Paths are site-relative; URL fields are
// absolute and present only with a base URL.

type briefingJSON struct {
	Site     siteJSON      `json:"site"`
	Actors   []actorJSON   `json:"actors"`
	Topics   []topicJSON   `json:"topics"`
	Articles []articleJSON `json:"articles"`
	Events   []eventJSON   `json:"events"`
	Quotes   []quoteJSON   `json:"quotes"`
}

type siteJSON struct {
	Title       string `json:"title"`
	Description string `json:"description,omitempty"`
	Language    string `json:"language"`
	BaseURL     string `json:"base_url,omitempty"`
}

type actorJSON struct {
	ID          string         `json:"id"`
	Name        string         `json:"name"`
	Kind        string         `json:"kind"`
	Role        string         `json:"role,omitempty"`
	Affiliation string         `json:"affiliation,omitempty"`
	Aliases     []string       `json:"aliases"`
	Positions   []positionJSON `json:"positions"`
	Page        string         `json:"page"`
}

// positionJSON is a stance the actor's file records on a topic, from a
// date or an article on. An actor's positions come by topic, latest first.
type positionJSON struct {
	Topic   string   `json:"topic"`
	Stance  string   `json:"stance"`
	Summary string   `json:"summary"`
	Since   dateJSON `json:"since"`                   // the article's publication date when since_article is set
	Article string   `json:"since_article,omitempty"` // the slug of the article it holds from
	Page    string   `json:"page"`                    // its place on the actor's page
}

type topicJSON struct {
	ID      string   `json:"id"`
	Title   string   `json:"title"`
	Summary string   `json:"summary,omitempty"`
	Related []string `json:"related"`
	Page    string   `json:"page"`
}

type articleJSON struct {
	Slug       string   `json:"slug"`
	Title      string   `json:"title"`
	ShortTitle string   `json:"short_title"`
	Source     string   `json:"source,omitempty"`
	SourceURL  string   `json:"source_url,omitempty"`
	Published  dateJSON `json:"published"`
	Authors    []string `json:"authors"`
	Summary    string   `json:"summary,omitempty"`
	Page       string   `json:"page"`
}

type dateJSON struct {
	Value       string `json:"value"`           // as written: "2025-02-14/2025-02-16", "~2025-02", "pending"
	Display     string `json:"display"`         // as shown: "14–16 February 2025"
	Start       string `json:"start,omitempty"` // ISO 8601 at its precision
	End         string `json:"end,omitempty"`   // for ranges
	Precision   string `json:"precision"`       // year, month, day or none
	Approximate bool   `json:"approximate"`
	Pending     bool   `json:"pending"`
}

type eventJSON struct {
	ID         string         `json:"id"`
	Title      string         `json:"title"`
	Date       dateJSON       `json:"date"`
	Time       string         `json:"time,omitempty"`
	Actors     []string       `json:"actors"`
	Topics     []string       `json:"topics"`
	Provenance provenanceJSON `json:"provenance"`
	Reports    []reportJSON   `json:"reports"`
}

// reportJSON is one article's report of an event, with what it declared
// when it declares the event.
type reportJSON struct {
	Provenance provenanceJSON `json:"provenance"`
	Declared   *declaredJSON  `json:"declared,omitempty"`
}

type declaredJSON struct {
	Title string   `json:"title"`
	Date  dateJSON `json:"date"`
	Time  string   `json:"time,omitempty"`
}

type quoteJSON struct {
	Speaker    string         `json:"speaker"`
	Text       string         `json:"text"`
	Topics     []string       `json:"topics"`
	Provenance provenanceJSON `json:"provenance"`
}

// provenanceJSON says where an item comes from: the article, the
// paragraph (0 when the article declares it without citing a paragraph),
// the page and paragraph in this site, and the original.
type provenanceJSON struct {
	Article   string `json:"article"`
	Paragraph int    `json:"paragraph"`
	Page      string `json:"page"`
	URL       string `json:"url,omitempty"`
	SourceURL string `json:"source_url,omitempty"`
}

func briefingOf(b *model.Briefing) briefingJSON {
	out := briefingJSON{
		Site:   siteJSON{Title: b.Site.Title, Description: b.Site.Description, Language: b.Site.Language, BaseURL: b.Site.BaseURL},
		Actors: []actorJSON{}, Topics: []topicJSON{}, Articles: []articleJSON{}, Events: []eventJSON{}, Quotes: []quoteJSON{},
	}
	for _, a := range b.Actors {
		out.Actors = append(out.Actors, actorJSON{ID: a.ID, Name: a.Name, Kind: a.Kind, Role: a.Role, Affiliation: a.AffiliateID,
			Aliases: nonNil(a.Aliases), Positions: positionsOf(a), Page: a.Path()})
	}
	for _, t := range b.Topics {
		var related []string
		for _, r := range t.Related {
			related = append(related, r.ID)
		}
		out.Topics = append(out.Topics, topicJSON{ID: t.ID, Title: t.Title, Summary: t.Summary, Related: nonNil(related), Page: t.Path()})
	}
	for _, a := range b.Articles {
		out.Articles = append(out.Articles, articleJSON{Slug: a.Slug, Title: a.Title, ShortTitle: a.ShortTitle(), Source: a.Source, SourceURL: a.URL,
			Published: dateOf(a.Published), Authors: nonNil(a.Authors), Summary: a.Summary, Page: a.Path()})
	}
	for _, e := range b.Events {
		out.Events = append(out.Events, eventJSON{ID: e.ID, Title: e.Title, Date: dateOf(e.Date), Time: e.Time, Actors: actorIDs(e.Actors),
			Topics: topicIDs(e.Topics), Provenance: provenance(b, e.Article, e.Para), Reports: reportsOf(b, e)})
	}
	return out // the quotes are written apart (Data)
}

func reportsOf(b *model.Briefing, e *model.Event) []reportJSON {
	out := make([]reportJSON, 0, len(e.Reports))
	for _, r := range e.Reports {
		x := reportJSON{Provenance: provenance(b, r.Article, r.Para)}
		if d := r.Said; d != nil {
			x.Declared = &declaredJSON{Title: d.Title, Date: dateOf(d.Date), Time: d.Time}
		}
		out = append(out, x)
	}
	return out
}

func positionsOf(a *model.Actor) []positionJSON {
	out := []positionJSON{}
	for _, p := range a.Positions {
		x := positionJSON{Topic: p.Topic.ID, Stance: p.Stance, Summary: p.Summary, Since: dateOf(p.Since), Page: p.Path()}
		if p.SinceArticle != nil {
			x.Article = p.SinceArticle.Slug
		}
		out = append(out, x)
	}
	return out
}

func quoteOf(b *model.Briefing, q *model.Quote) quoteJSON {
	return quoteJSON{Speaker: q.Speaker.ID, Text: q.Text, Topics: topicIDs(q.Topics), Provenance: provenance(b, q.Article, q.Para)}
}

func provenance(b *model.Briefing, a *model.Article, para int) provenanceJSON {
	p := provenanceJSON{Article: a.Slug, Paragraph: para, Page: a.ParagraphPath(para), SourceURL: a.URL}
	if b.Site.BaseURL != "" {
		p.URL = b.Site.BaseURL + p.Page
	}
	return p
}

func dateOf(d dates.Date) dateJSON {
	out := dateJSON{Value: d.Value(), Display: d.String(), Start: d.ISO(), Approximate: d.Approx, Pending: d.Pending, Precision: "none"}
	if d.IsRange() {
		out.End = d.End.ISO()
	}
	if !d.Pending {
		out.Precision = [...]string{"none", "year", "month", "day"}[d.Start.Precision]
	}
	return out
}

func actorIDs(actors []*model.Actor) []string {
	ids := []string{}
	for _, a := range actors {
		ids = append(ids, a.ID)
	}
	return ids
}

func topicIDs(topics []*model.Topic) []string {
	ids := []string{}
	for _, t := range topics {
		ids = append(ids, t.ID)
	}
	return ids
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
