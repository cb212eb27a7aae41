package model

import (
	"fmt"
	"html/template"
	"slices"
	"strconv"
	"strings"

	"github.com/briefing-gen/gen/internal/annotate"
	"github.com/briefing-gen/gen/internal/content"
	"github.com/briefing-gen/gen/internal/dates"
	"github.com/briefing-gen/gen/internal/langtag"
)

// Site holds the settings of site.toml.
type Site struct {
	Title       string
	Description string
	Language    string
	LanguageTag langtag.Tag // Language, checked; its Code is what pages' lang says
	BaseURL     string
	UnsafeHTML  bool          // let raw HTML in Markdown through
	CNAME       string        // a custom domain for GitHub Pages, written to CNAME
	Overview    template.HTML // content/overview.md, for the home page

	overview prose
}

// SetOverview attaches the home page's overview, rendered from doc.
func (s *Site) SetOverview(doc *content.Document, html string, res *annotate.Result) {
	s.Overview = htmlOf(html)
	s.overview = prose{doc, res}
}

// prose is Markdown outside articles, a profile or an overview, kept to
// check its annotations: mentions only, as quotes and events belong to
// articles.
type prose struct {
	doc *content.Document
	res *annotate.Result
}

// Briefing is the whole linked model.
type Briefing struct {
	Site     Site
	Actors   []*Actor   // by kind, then name
	Topics   []*Topic   // by title
	Articles []*Article // newest first
	Events   []*Event   // timeline order
	Quotes   []*Quote   // by article, then paragraph
	Timeline *Timeline  // the timeline's pages, which Link lays out

	names nameIndex // actors' names, to find mentions the text missed
	known           // actors, topics and events by id, to relink an article
}

// ActorKinds lists the kinds of actor in the order the index shows them.
func ActorKinds() []string {
	return []string{"person", "government", "organisation", "group", "anonymous"}
}

// Actor is a person, government, organisation, group or anonymous source.
type Actor struct {
	ID          string
	Name        string
	Kind        string
	Role        string
	AffiliateID string
	Affiliation *Actor
	Aliases     []string
	Profile     template.HTML

	Members  []*Actor   // actors whose affiliation is this one
	Quotes   []*Quote   // what they said, in reading order
	Passages []*Passage // paragraphs that mention them
	Events   []*Event   // events they take part in, in timeline order

	// Positions are the positions the file records, by topic (in the
	// order of topics), each topic's latest first.
	Positions []*Position

	doc        *content.Document
	positions  []*Position // as decoded, in the file's order
	profile    prose
	stances    []Stance
	coMentions []CoMention
}

// SetProfile attaches the actor's rendered profile.
func (a *Actor) SetProfile(html string, res *annotate.Result) {
	a.Profile = htmlOf(html)
	a.profile = prose{a.doc, res}
}

func (a *Actor) Path() string { return "actors/" + a.ID + "/index.html" }

// FeedPath is the actor's Atom feed: their quotes and events.
func (a *Actor) FeedPath() string { return "actors/" + a.ID + "/feed.xml" }

// KindLabel is the kind as a reader reads it: "Person", "Anonymous source".
func (a *Actor) KindLabel() string {
	label := a.Kind
	if label == "anonymous" {
		label = "anonymous source"
	}
	if label == "" {
		return ""
	}
	return strings.ToUpper(label[:1]) + label[1:]
}

// Topic is a question the briefing follows.
type Topic struct {
	ID        string
	Title     string
	Summary   string
	RelatedID []string
	Related   []*Topic
	Keywords  []string // words that mention it in articles, for gen annotate
	Overview  template.HTML

	Quotes   []*Quote
	Passages []*Passage
	Events   []*Event

	doc       *content.Document
	overview  prose
	positions []PositionHistory // the actors' recorded positions on it
}

// SetOverview attaches the topic's rendered overview.
func (t *Topic) SetOverview(html string, res *annotate.Result) {
	t.Overview = htmlOf(html)
	t.overview = prose{t.doc, res}
}

func (t *Topic) Path() string { return "topics/" + t.ID + "/index.html" }

// FeedPath is the topic's Atom feed: its quotes and events.
func (t *Topic) FeedPath() string { return "topics/" + t.ID + "/feed.xml" }

// Article is one source text with its annotations.
type Article struct {
	Slug      string
	Title     string
	Source    string
	URL       string
	Published dates.Date
	Authors   []string
	Summary   string
	Body      template.HTML

	// Lang is the front matter's language, the language the article's
	// text is written in; the zero Tag when it does not say, for the
	// site's language.
	Lang langtag.Tag

	// Draft is the front matter's draft: true. gen build leaves a draft
	// out, as if its file were not there, unless asked for drafts; gen
	// serve shows it with a banner (package site, Drafts).
	Draft bool

	Paragraphs []annotate.Paragraph
	Events     []*Event // declared or referenced here, in timeline order
	Actors     []*Actor // mentioned or quoted, in order of appearance
	Topics     []*Topic
	Quotes     []*Quote

	declared    []*Event
	shortTitle  string   // as written; ShortTitle falls back on the title
	citeTitle   string   // what ShortTitle returns, cut once: citations show it thousands of times
	notMentions []string // names in the text that deliberately name no actor
	annotations []*annotate.Annotation
	suspects    []annotate.Suspect
	positions   []*Position // those that hold from this article
	doc         *content.Document
	passages    map[passageKey]*Passage // the actors' and topics' passages in it
	mentioned   []paraMentions          // by paragraph, kept for Briefing.Reannotate
	rank        int                     // place in reading order: oldest first, by title among the same date
}

func (a *Article) Path() string { return "articles/" + a.Slug + "/index.html" }

// shortTitleRunes bounds a title cut for citations: about half a line,
// which names most headlines well enough beside their source and date.
const shortTitleRunes = 48

// ShortTitle names the article in citations: its short_title, or else
// its title, cut at a word to about shortTitleRunes with an ellipsis.
func (a *Article) ShortTitle() string {
	if a.citeTitle == "" && a.Title != "" { // an Article not made by DecodeArticle
		return citeTitle(a)
	}
	return a.citeTitle
}

func citeTitle(a *Article) string {
	if a.shortTitle != "" {
		return a.shortTitle
	}
	return cutTitle(a.Title, shortTitleRunes)
}

// cutTitle cuts title to at most n runes and an ellipsis, at the last
// space that keeps it within n, dropping punctuation left at the cut.
func cutTitle(title string, n int) string {
	runes := []rune(title)
	if len(runes) <= n+1 { // an ellipsis would save nothing
		return title
	}
	cut := string(runes[:n+1])
	if i := strings.LastIndexByte(cut, ' '); i > 0 {
		cut = cut[:i]
	} else {
		cut = string(runes[:n])
	}
	return strings.TrimRight(cut, " ,;:.–—-") + "…"
}

// ParagraphPath links to paragraph n of the article, or to its top for 0.
func (a *Article) ParagraphPath(n int) string {
	if n <= 0 {
		return a.Path()
	}
	return a.Path() + "#" + annotate.ParagraphID(n)
}

// Event is something that happened, or is expected, at a known precision.
type Event struct {
	ID      string
	Title   string
	Date    dates.Date
	Time    string // "HH:MM" on the 24-hour clock, or "": orders the events of one day
	Actors  []*Actor
	Topics  []*Topic
	Article *Article // the article that first declares it
	Para    int      // the paragraph of its first reference there, 0 if none

	// Reports are the articles that declare or reference the event, one
	// each, in reading order (earliest first).
	Reports []*Report

	// Description is the body of the event's own file,
	// content/events/<id>.md, if it has one.
	Description template.HTML

	// DateNote says how a date written relative to the article's
	// publication ("friday") was resolved; "" for a date written out.
	DateNote string

	actorIDs, topicIDs []string
	meta               content.Meta
	// decls are the declarations merged into the event, in the order
	// they update it; a declaration, as decoded, has none.
	decls []*Event
	// file is the event's own file, or nil: the event's first
	// declaration, which articles update.
	file        *content.Document
	description prose
	// report is the place, from 1, of the annotation that first reports
	// the event among its article's annotations (0 for none): it orders
	// the events of one day that have no time.
	report int
	// page is the timeline page that shows the event (Timeline), set when
	// the briefing is linked.
	page string
}

// Path is the event's entry on the timeline: on the page Link laid it
// out on ("timeline/2025/03/index.html#id"), or on the timeline's index
// for an event that is no briefing's.
func (e *Event) Path() string {
	if e.page == "" {
		return "timeline/index.html#" + e.ID
	}
	return e.page + "#" + e.ID
}

// FirstReport is the place, from 1, of the annotation that first reports
// the event among its article's annotations, 0 for none: what orders a
// day's events without a time.
func (e *Event) FirstReport() int { return e.report }

// SourcePath links to the paragraph that reports the event.
func (e *Event) SourcePath() string { return e.Article.ParagraphPath(e.Para) }

// SetDescription attaches the rendered body of the event's file.
func (e *Event) SetDescription(html string, res *annotate.Result) {
	e.Description = htmlOf(html)
	e.description = prose{e.file, res}
}

// Titled is the article whose declaration gave the event its title,
// and so its language: the latest to declare it; nil for an event's own
// file, written in the site's language.
func (e *Event) Titled() *Article {
	if len(e.decls) == 0 {
		return e.Article
	}
	return e.decls[len(e.decls)-1].Article
}

// Updated reports whether more than one article declares the event, the
// later ones updating what the earlier said.
func (e *Event) Updated() bool { return len(e.decls) > 1 }

// ReportBy is the article's report of the event, nil if it has none.
func (e *Event) ReportBy(a *Article) *Report {
	for _, r := range e.Reports {
		if r.Article == a {
			return r
		}
	}
	return nil
}

// Declares reports whether the article declares the event, first or as
// an update.
func (a *Article) Declares(e *Event) bool {
	return slices.ContainsFunc(a.declared, func(d *Event) bool { return d.ID == e.ID })
}

// Report is one article's report of an event: the paragraph that first
// references it and, when the article declares the event too, what it
// declared. An event's fields are its latest declaration's; the reports
// keep what each article said.
type Report struct {
	Article *Article
	Para    int    // the paragraph of its first reference, 0 if none
	Said    *Event // the article's own declaration, nil for a reference only
}

// SourcePath links to the paragraph of the report.
func (r *Report) SourcePath() string { return r.Article.ParagraphPath(r.Para) }

// Quote is a quotation attributed to its speaker.
type Quote struct {
	Speaker *Actor
	Text    string // without the enclosing quotation marks, in its article's language
	// Translation is the quote's words in the site's language, from the
	// annotation's ?translation=, or "".
	Translation string
	Topics      []*Topic
	Article     *Article
	Para        int
	N           int // the quote's place among its article's quotes, from 1
}

func (q *Quote) SourcePath() string { return q.Article.ParagraphPath(q.Para) }

// ID names the quote for good: its article and place, "slug#quote-3".
func (q *Quote) ID() string { return fmt.Sprintf("%s#quote-%d", q.Article.Path(), q.N) }

// Passage is a paragraph that mentions an actor or topic, with the words
// that do.
type Passage struct {
	Article *Article
	Para    int
	Text    string // the paragraph as plain text
	Marks   []Span // where the mentioning words are in Text
}

// Span is a byte range of a text.
type Span struct {
	Start, End int
}

func (p *Passage) SourcePath() string { return p.Article.ParagraphPath(p.Para) }

// Outline sums up all that pages about the whole briefing (home, indexes,
// timeline, positions, the network) can show of the article: everything
// but the text of its paragraphs. Two versions of an article with the
// same outline differ only on the pages that show its paragraphs, so
// gen serve need not render the others again after a typo is fixed.
func (a *Article) Outline() string {
	b := a.appendFrame(make([]byte, 0, 1024))
	for _, x := range a.annotations {
		b = appendQuoted(append(b, '\n'), string(x.Kind), x.ID, x.Text, x.Translation, x.QueryError)
		b = strconv.AppendInt(appendQuoted(b, x.Topics...), int64(x.Para), 10)
	}
	b = appendQuoted(append(b, "\nnot"...), a.notMentions...)
	return string(b)
}

// frame is the outline less the annotations: the front matter's fields
// and the declared events. Two versions of an article with the same frame
// differ only in what their text says and annotates.
func (a *Article) frame() string { return string(a.appendFrame(nil)) }

// appendFrame appends the frame, written with strconv rather than fmt:
// gen serve's first build outlines every article.
func (a *Article) appendFrame(b []byte) []byte {
	b = appendQuoted(b, a.Title, a.shortTitle, a.Source, a.URL, a.Published.ISO(), a.Published.String(), a.Summary, a.Lang.Code)
	b = appendQuoted(b, a.Authors...)
	if a.Draft {
		b = append(b, " draft"...)
	}
	for _, e := range a.declared {
		b = appendQuoted(append(b, "\nevent"...), e.ID, e.Title, e.Date.ISO(), e.Date.String(), e.DateNote, e.Time)
		b = appendQuoted(appendQuoted(b, e.actorIDs...), e.topicIDs...)
	}
	return b
}

// appendQuoted appends each string quoted, after a space, and a closing
// "|" so that lists of different lengths differ.
func appendQuoted(b []byte, list ...string) []byte {
	for _, s := range list {
		b = strconv.AppendQuote(append(b, ' '), s)
	}
	return append(b, " |"...)
}
