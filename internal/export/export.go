// Package export writes the briefing as data: briefing.json, the whole
// model with each item's provenance (docs/briefing.schema.json describes
// it), and timeline.json in the format of Knight Lab's TimelineJS.
package export

import (
	"cmp"
	"encoding/json"
	"maps"
	"slices"
	"strconv"
	"unicode/utf8"

	"briefing/internal/dates"
	"briefing/internal/model"
	"briefing/internal/output"
)

// Files returns briefing.json and timeline.json.
func Files(b *model.Briefing) []output.File { return []output.File{NewData(b).File(), Timeline(b)} }

// Data is briefing.json kept in pieces: what holds of the whole briefing,
// and each article's entry, mentions and quotes, so that gen serve writes
// again only the pieces of an article whose text or annotations changed
// (Rewrite), not tens of megabytes of JSON.
type Data struct {
	head     []byte           // from the start to the articles' opening bracket
	events   []byte           // from the articles' closing bracket to the mentions' opening one
	articles []*model.Article // in the order of b.Articles
	quoted   []*model.Article // the articles with quotes, in the quotes' order
	parts    map[*model.Article]parts
}

// parts are an article's pieces of briefing.json; mentions and quotes are
// entries separated by commas, empty for none.
type parts struct{ entry, mentions, quotes []byte }

// NewData writes briefing.json for b.
func NewData(b *model.Briefing) *Data {
	d := &Data{articles: b.Articles, parts: make(map[*model.Article]parts, len(b.Articles))}
	var head []byte
	head = append(head, `{"site":`...)
	head = appendJSON(head, siteJSON{Title: b.Site.Title, Description: b.Site.Description, Language: b.Site.Language, BaseURL: b.Site.BaseURL})
	head = append(head, `,"actors":`...)
	head = appendJSON(head, actorsOf(b))
	head = append(head, `,"topics":`...)
	head = appendJSON(head, topicsOf(b))
	d.head = append(head, `,"articles":[`...)
	events := append([]byte(nil), `],"events":`...)
	events = appendJSON(events, eventsOf(b))
	d.events = append(events, `,"mentions":[`...)

	mentions := map[*model.Article][]mentionJSON{}
	for _, a := range b.Actors {
		for _, p := range a.Passages {
			mentions[p.Article] = append(mentions[p.Article], mentionOf(p, a.ID, ""))
		}
	}
	for _, t := range b.Topics {
		for _, p := range t.Passages {
			mentions[p.Article] = append(mentions[p.Article], mentionOf(p, "", t.ID))
		}
	}
	quotes := map[*model.Article][]*model.Quote{}
	for _, q := range b.Quotes {
		if quotes[q.Article] == nil {
			d.quoted = append(d.quoted, q.Article)
		}
		quotes[q.Article] = append(quotes[q.Article], q)
	}
	for _, a := range b.Articles {
		d.parts[a] = partsOf(b, a, mentions[a], quotes[a])
	}
	return d
}

// partsOf writes an article's pieces, given its mentions in any order and
// its quotes in reading order.
func partsOf(b *model.Briefing, a *model.Article, mentions []mentionJSON, quotes []*model.Quote) parts {
	slices.SortFunc(mentions, func(x, y mentionJSON) int {
		return cmp.Or(cmp.Compare(x.Paragraph, y.Paragraph), cmp.Compare(firstMark(x), firstMark(y)),
			cmp.Compare(x.Topic, y.Topic), // actors first: their topic is ""
			cmp.Compare(x.Actor, y.Actor))
	})
	var out parts
	out.entry = appendJSON(nil, articleOf(a))
	for i, m := range mentions {
		if i > 0 {
			out.mentions = append(out.mentions, ',')
		}
		out.mentions = appendJSON(out.mentions, m)
	}
	for i, q := range quotes {
		if i > 0 {
			out.quotes = append(out.quotes, ',')
		}
		out.quotes = appendJSON(out.quotes, quoteOf(b, q))
	}
	return out
}

// File is briefing.json.
func (d *Data) File() output.File {
	n := len(d.head) + len(d.events) + len(`],"quotes":[]}`) + 1
	for _, p := range d.parts {
		n += len(p.entry) + len(p.mentions) + len(p.quotes) + 3
	}
	out := append(make([]byte, 0, n), d.head...)
	for i, a := range d.articles {
		if i > 0 {
			out = append(out, ',')
		}
		out = append(out, d.parts[a].entry...)
	}
	out = append(out, d.events...)
	first := true
	for _, a := range d.articles {
		if m := d.parts[a].mentions; len(m) > 0 {
			if !first {
				out = append(out, ',')
			}
			out, first = append(out, m...), false
		}
	}
	out = append(out, `],"quotes":[`...)
	for i, a := range d.quoted {
		if i > 0 {
			out = append(out, ',')
		}
		out = append(out, d.parts[a].quotes...)
	}
	return output.File{Path: "briefing.json", Data: append(out, "]}\n"...)}
}

// Rewrite returns briefing.json after a's text, mentions or quotes changed
// and nothing else it shows did: no front matter, no event's paragraph
// (model.Briefing.Reword and Reannotate); d is left as it is. An article
// that gains its first quote or loses its last is written anew with the
// rest, as the quotes' order may change.
func (d *Data) Rewrite(b *model.Briefing, a *model.Article) *Data {
	old, ok := d.parts[a]
	if !ok || (len(old.quotes) > 0) != (len(a.Quotes) > 0) {
		return NewData(b)
	}
	var mentions []mentionJSON
	actors, topics := a.Named()
	for _, x := range uniq(actors) {
		for _, p := range x.Passages {
			if p.Article == a {
				mentions = append(mentions, mentionOf(p, x.ID, ""))
			}
		}
	}
	for _, t := range uniq(topics) {
		for _, p := range t.Passages {
			if p.Article == a {
				mentions = append(mentions, mentionOf(p, "", t.ID))
			}
		}
	}
	e := *d
	e.parts = maps.Clone(d.parts)
	e.parts[a] = partsOf(b, a, mentions, a.Quotes)
	return &e
}

// uniq is s without repeats, in the order of their first place.
func uniq[T comparable](s []T) []T {
	seen := make(map[T]bool, len(s))
	return slices.DeleteFunc(s, func(x T) bool {
		had := seen[x]
		seen[x] = true
		return had
	})
}

// Timeline is timeline.json, which shows the events alone.
func Timeline(b *model.Briefing) output.File {
	return output.File{Path: "timeline.json", Data: marshal(timelineOf(b))}
}

// appendJSON appends v, written compactly, to out.
func appendJSON(out []byte, v any) []byte {
	data, err := json.Marshal(v)
	if err != nil {
		panic(err) // plain structs of strings, numbers and slices
	}
	return append(out, data...)
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
	Profile     string         `json:"profile,omitempty"` // HTML as on the actor's page, its links relative to Page
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
	ID       string   `json:"id"`
	Title    string   `json:"title"`
	Summary  string   `json:"summary,omitempty"`
	Related  []string `json:"related"`
	Overview string   `json:"overview,omitempty"` // HTML as on the topic's page, its links relative to Page
	Page     string   `json:"page"`
}

type articleJSON struct {
	Slug       string          `json:"slug"`
	Title      string          `json:"title"`
	ShortTitle string          `json:"short_title"`
	Source     string          `json:"source,omitempty"`
	SourceURL  string          `json:"source_url,omitempty"`
	Published  dateJSON        `json:"published"`
	Authors    []string        `json:"authors"`
	Summary    string          `json:"summary,omitempty"`
	Page       string          `json:"page"`
	Paragraphs []paragraphJSON `json:"paragraphs"`
}

// paragraphJSON is a paragraph of an article, which mentions, quotes and
// events cite by number.
type paragraphJSON struct {
	N      int    `json:"n"`
	Text   string `json:"text"`   // plain text
	Anchor string `json:"anchor"` // its id in the article's page: "p5"
}

// mentionJSON is a paragraph that names an actor or a topic (one of the
// two is set), with the words that do as [start, end) offsets in Unicode
// code points of the paragraph's text, or of Text for words outside the
// paragraphs (paragraph 0, a heading). Mentions come by article, in the
// articles' order, then by paragraph and first mark, actors first.
type mentionJSON struct {
	Actor     string   `json:"actor,omitempty"`
	Topic     string   `json:"topic,omitempty"`
	Article   string   `json:"article"`
	Paragraph int      `json:"paragraph"`
	Text      string   `json:"text,omitempty"`
	Marks     [][2]int `json:"marks"`
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

func actorsOf(b *model.Briefing) []actorJSON {
	out := []actorJSON{}
	for _, a := range b.Actors {
		out = append(out, actorJSON{ID: a.ID, Name: a.Name, Kind: a.Kind, Role: a.Role, Affiliation: a.AffiliateID,
			Aliases: nonNil(a.Aliases), Positions: positionsOf(a), Profile: string(a.Profile), Page: a.Path()})
	}
	return out
}

func topicsOf(b *model.Briefing) []topicJSON {
	out := []topicJSON{}
	for _, t := range b.Topics {
		var related []string
		for _, r := range t.Related {
			related = append(related, r.ID)
		}
		out = append(out, topicJSON{ID: t.ID, Title: t.Title, Summary: t.Summary, Related: nonNil(related),
			Overview: string(t.Overview), Page: t.Path()})
	}
	return out
}

func eventsOf(b *model.Briefing) []eventJSON {
	out := []eventJSON{}
	for _, e := range b.Events {
		out = append(out, eventJSON{ID: e.ID, Title: e.Title, Date: dateOf(e.Date), Time: e.Time, Actors: actorIDs(e.Actors),
			Topics: topicIDs(e.Topics), Provenance: provenance(b, e.Article, e.Para)})
	}
	return out
}

func articleOf(a *model.Article) articleJSON {
	paras := make([]paragraphJSON, 0, len(a.Paragraphs))
	for _, p := range a.Paragraphs {
		paras = append(paras, paragraphJSON{N: p.N, Text: p.Text, Anchor: "p" + strconv.Itoa(p.N)})
	}
	return articleJSON{Slug: a.Slug, Title: a.Title, ShortTitle: a.ShortTitle(), Source: a.Source, SourceURL: a.URL,
		Published: dateOf(a.Published), Authors: nonNil(a.Authors), Summary: a.Summary, Page: a.Path(), Paragraphs: paras}
}

// mentionOf is p, a passage of the actor or the topic with the id given.
func mentionOf(p *model.Passage, actor, topic string) mentionJSON {
	m := mentionJSON{Actor: actor, Topic: topic, Article: p.Article.Slug, Paragraph: p.Para, Marks: make([][2]int, 0, len(p.Marks))}
	if p.Para == 0 || p.Para > len(p.Article.Paragraphs) {
		m.Text = p.Text
	}
	at, runes := 0, 0 // a byte offset of p.Text and the code points before it; marks come in order
	for _, s := range p.Marks {
		if s.Start < at { // not after the last: count again from the start
			at, runes = 0, 0
		}
		runes += utf8.RuneCountInString(p.Text[at:s.Start])
		start := runes
		runes += utf8.RuneCountInString(p.Text[s.Start:s.End])
		m.Marks = append(m.Marks, [2]int{start, runes})
		at = s.End
	}
	return m
}

func firstMark(m mentionJSON) int {
	if len(m.Marks) == 0 {
		return -1
	}
	return m.Marks[0][0]
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
