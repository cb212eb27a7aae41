// Package export writes the briefing as data: briefing.json, the whole
// model with each item's provenance but the paragraphs' text, which
// paragraphs/part-N.json hold (docs/briefing.schema.json and
// docs/paragraphs.schema.json describe them), and timeline.json in the format of Knight Lab's TimelineJS.
package export

import (
	"bytes"
	"cmp"
	"encoding/json"
	"maps"
	"slices"
	"strconv"
	"unicode/utf8"

	"github.com/briefing-gen/gen/internal/dates"
	"github.com/briefing-gen/gen/internal/model"
	"github.com/briefing-gen/gen/internal/output"
)

// PartPath is where part n of the paragraphs, from 1, is written.
func PartPath(n int) string { return "paragraphs/part-" + strconv.Itoa(n) + ".json" }

// ArticlesPerPart is how many articles' paragraphs a part holds: a text
// edit writes again only its article's part.
const ArticlesPerPart = 250

// Data is briefing.json and the parts of the paragraphs, kept in pieces:
// what holds of the whole briefing, and each article's entry, mentions,
// quotes and text, so that gen serve writes again only the files whose
// pieces changed (Rewrite). briefing.json holds nothing of the
// paragraphs' text: a reworded article changes its part alone.
type Data struct {
	head     []byte                 // from the start to the articles' opening bracket
	events   []byte                 // from the articles' closing bracket to the mentions' opening one
	articles []*model.Article       // in the order of b.Articles
	at       map[*model.Article]int // the article's place in articles
	quoted   []*model.Article       // the articles with quotes, in the quotes' order
	pieces   map[*model.Article]pieces
	file     []byte   // briefing.json, joined from the pieces
	parts    [][]byte // the parts of the paragraphs, joined from the articles' text
}

// pieces are an article's pieces of briefing.json, and its value in its
// part; mentions and quotes are entries separated by commas, empty for none.
type pieces struct{ entry, mentions, quotes, text []byte }

// sameOutside says whether p and q write the same in briefing.json.
func (p pieces) sameOutside(q pieces) bool {
	return bytes.Equal(p.entry, q.entry) && bytes.Equal(p.mentions, q.mentions) && bytes.Equal(p.quotes, q.quotes)
}

// NewData writes briefing.json and the parts for b.
func NewData(b *model.Briefing) *Data {
	d := &Data{articles: b.Articles, at: make(map[*model.Article]int, len(b.Articles)),
		pieces: make(map[*model.Article]pieces, len(b.Articles))}
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

	passages := map[*model.Article][]named{}
	for _, a := range b.Actors {
		for _, p := range a.Passages {
			passages[p.Article] = append(passages[p.Article], named{p, a.ID, ""})
		}
	}
	for _, t := range b.Topics {
		for _, p := range t.Passages {
			passages[p.Article] = append(passages[p.Article], named{p, "", t.ID})
		}
	}
	quotes := map[*model.Article][]*model.Quote{}
	for _, q := range b.Quotes {
		if quotes[q.Article] == nil {
			d.quoted = append(d.quoted, q.Article)
		}
		quotes[q.Article] = append(quotes[q.Article], q)
	}
	for i, a := range b.Articles {
		d.at[a] = i
		d.pieces[a] = piecesOf(b, a, i/ArticlesPerPart, passages[a], quotes[a])
	}
	d.file = d.join()
	d.parts = make([][]byte, (len(b.Articles)+ArticlesPerPart-1)/ArticlesPerPart)
	for n := range d.parts {
		d.parts[n] = d.joinPart(n)
	}
	return d
}

// named is a passage of the actor or the topic with the id given.
type named struct {
	p            *model.Passage
	actor, topic string
}

// piecesOf writes an article's pieces, given its passages in any order,
// its quotes in reading order and its part, from 0. Mentions come by
// paragraph, actors first, then by id: an order the text cannot change.
func piecesOf(b *model.Briefing, a *model.Article, part int, passages []named, quotes []*model.Quote) pieces {
	slices.SortFunc(passages, func(x, y named) int {
		return cmp.Or(cmp.Compare(x.p.Para, y.p.Para),
			cmp.Compare(x.topic, y.topic), // actors first: their topic is ""
			cmp.Compare(x.actor, y.actor))
	})
	var out pieces
	out.entry = appendJSON(nil, articleOf(a, part))
	text := textJSON{Paragraphs: make([]paragraphJSON, 0, len(a.Paragraphs)), Mentions: make([]marksJSON, 0, len(passages))}
	for _, p := range a.Paragraphs {
		text.Paragraphs = append(text.Paragraphs, paragraphJSON{N: p.N, Text: p.Text, Anchor: "p" + strconv.Itoa(p.N)})
	}
	for i, x := range passages {
		if i > 0 {
			out.mentions = append(out.mentions, ',')
		}
		out.mentions = appendJSON(out.mentions, mentionJSON{Actor: x.actor, Topic: x.topic, Article: a.Slug, Paragraph: x.p.Para})
		text.Mentions = append(text.Mentions, marksOf(x.p, x.actor, x.topic))
	}
	for i, q := range quotes {
		if i > 0 {
			out.quotes = append(out.quotes, ',')
		}
		out.quotes = appendJSON(out.quotes, quoteOf(b, q))
	}
	out.text = appendJSON(nil, text)
	return out
}

// join writes briefing.json from the pieces.
func (d *Data) join() []byte {
	n := len(d.head) + len(d.events) + len(`],"quotes":[]}`) + 1
	for _, p := range d.pieces {
		n += len(p.entry) + len(p.mentions) + len(p.quotes) + 3
	}
	out := append(make([]byte, 0, n), d.head...)
	for i, a := range d.articles {
		if i > 0 {
			out = append(out, ',')
		}
		out = append(out, d.pieces[a].entry...)
	}
	out = append(out, d.events...)
	first := true
	for _, a := range d.articles {
		if m := d.pieces[a].mentions; len(m) > 0 {
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
		out = append(out, d.pieces[a].quotes...)
	}
	return append(out, "]}\n"...)
}

// joinPart writes part n (from 0): an object of the articles' text by slug.
func (d *Data) joinPart(n int) []byte {
	articles := d.articles[n*ArticlesPerPart : min((n+1)*ArticlesPerPart, len(d.articles))]
	size := 3
	for _, a := range articles {
		size += len(a.Slug) + len(d.pieces[a].text) + 4
	}
	out := append(make([]byte, 0, size), '{')
	for i, a := range articles {
		if i > 0 {
			out = append(out, ',')
		}
		out = append(append(appendJSON(out, a.Slug), ':'), d.pieces[a].text...)
	}
	return append(out, "}\n"...)
}

// Files are briefing.json and the parts of the paragraphs.
func (d *Data) Files() []output.File {
	files := make([]output.File, 0, 1+len(d.parts))
	files = append(files, output.File{Path: "briefing.json", Data: d.file})
	for n, part := range d.parts {
		files = append(files, output.File{Path: PartPath(n + 1), Data: part})
	}
	return files
}

// Rewrite returns the data after a's text, mentions or quotes changed
// and nothing else it shows did: no front matter, no event's paragraph
// (model.Briefing.Reword and Reannotate); d is left as it is. Only a's
// part is written again, and briefing.json only when a's pieces of it
// changed, as they do not when its text alone did. An article that gains
// its first quote or loses its last is written anew with the rest, as
// the quotes' order may change.
func (d *Data) Rewrite(b *model.Briefing, a *model.Article) *Data {
	old, ok := d.pieces[a]
	if !ok || (len(old.quotes) > 0) != (len(a.Quotes) > 0) {
		return NewData(b)
	}
	var passages []named
	actors, topics := a.Named()
	for _, x := range uniq(actors) {
		for _, p := range x.Passages {
			if p.Article == a {
				passages = append(passages, named{p, x.ID, ""})
			}
		}
	}
	for _, t := range uniq(topics) {
		for _, p := range t.Passages {
			if p.Article == a {
				passages = append(passages, named{p, "", t.ID})
			}
		}
	}
	n := d.at[a] / ArticlesPerPart
	e := *d
	e.pieces = maps.Clone(d.pieces)
	e.pieces[a] = piecesOf(b, a, n, passages, a.Quotes)
	if !old.sameOutside(e.pieces[a]) {
		e.file = e.join()
	}
	e.parts = slices.Clone(d.parts)
	e.parts[n] = e.joinPart(n)
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

// appendJSON appends v, written compactly, to out. An Encoder writes into
// out's spare room where Marshal returns a copy of its own: a fifth fewer
// bytes allocated for the whole export, and the same bytes out (<, > and
// & escaped, as Marshal does).
func appendJSON(out []byte, v any) []byte {
	w := bytes.NewBuffer(out)
	if err := json.NewEncoder(w).Encode(v); err != nil {
		panic(err) // plain structs of strings, numbers and slices
	}
	return w.Bytes()[:w.Len()-1] // without Encode's newline
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
	Slug       string   `json:"slug"`
	Title      string   `json:"title"`
	ShortTitle string   `json:"short_title"`
	Source     string   `json:"source,omitempty"`
	SourceURL  string   `json:"source_url,omitempty"`
	Published  dateJSON `json:"published"`
	Authors    []string `json:"authors"`
	Summary    string   `json:"summary,omitempty"`
	Language   string   `json:"language,omitempty"` // the front matter's language, a BCP 47 tag; none for the site's
	Page       string   `json:"page"`
	Paragraphs string   `json:"paragraphs"` // the part that holds its paragraphs and mentions' marks: PartPath
}

// textJSON is an article's value in its part: its paragraphs, and the
// words that make its mentions, in the order of briefing.json's.
type textJSON struct {
	Paragraphs []paragraphJSON `json:"paragraphs"`
	Mentions   []marksJSON     `json:"mentions"`
}

// paragraphJSON is a paragraph of an article, which mentions, quotes and
// events cite by number.
type paragraphJSON struct {
	N      int    `json:"n"`
	Text   string `json:"text"`   // plain text
	Anchor string `json:"anchor"` // its id in the article's page: "p5"
}

// mentionJSON is a paragraph that names an actor or a topic (one of the
// two is set). Mentions come by article, in the articles' order, then by
// paragraph, actors first, then by id; the words that make them are in
// the article's part (marksJSON), which the text alone changes.
type mentionJSON struct {
	Actor     string `json:"actor,omitempty"`
	Topic     string `json:"topic,omitempty"`
	Article   string `json:"article"`
	Paragraph int    `json:"paragraph"`
}

// marksJSON is a mention's words in the article's part, as [start, end)
// offsets in Unicode code points of the paragraph's text, or of Text for
// words outside the paragraphs (paragraph 0, a heading).
type marksJSON struct {
	Actor     string   `json:"actor,omitempty"`
	Topic     string   `json:"topic,omitempty"`
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
	Speaker     string         `json:"speaker"`
	Text        string         `json:"text"`                  // in its article's language
	Translation string         `json:"translation,omitempty"` // in the site's
	Topics      []string       `json:"topics"`
	Provenance  provenanceJSON `json:"provenance"`
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
			Topics: topicIDs(e.Topics), Provenance: provenance(b, e.Article, e.Para), Reports: reportsOf(b, e)})
	}
	return out
}

// articleOf is a's entry, its paragraphs in part n (from 0).
func articleOf(a *model.Article, n int) articleJSON {
	return articleJSON{Slug: a.Slug, Title: a.Title, ShortTitle: a.ShortTitle(), Source: a.Source, SourceURL: a.URL,
		Published: dateOf(a.Published), Authors: nonNil(a.Authors), Summary: a.Summary, Language: a.Lang.Code, Page: a.Path(), Paragraphs: PartPath(n + 1)}
}

// marksOf is the words of p, a passage of the actor or the topic with the id given.
func marksOf(p *model.Passage, actor, topic string) marksJSON {
	m := marksJSON{Actor: actor, Topic: topic, Paragraph: p.Para, Marks: make([][2]int, 0, len(p.Marks))}
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
	return quoteJSON{Speaker: q.Speaker.ID, Text: q.Text, Translation: q.Translation, Topics: topicIDs(q.Topics), Provenance: provenance(b, q.Article, q.Para)}
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
