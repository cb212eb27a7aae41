package model

import (
	"fmt"
	"net/url"
	"path"
	"regexp"
	"slices"
	"strings"

	"github.com/briefing-gen/gen/internal/annotate"
	"github.com/briefing-gen/gen/internal/content"
	"github.com/briefing-gen/gen/internal/dates"
	"github.com/briefing-gen/gen/internal/diag"
	"github.com/briefing-gen/gen/internal/langtag"
)

var (
	idPattern   = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)
	hostPattern = regexp.MustCompile(`^(?i)[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$`)
)

// ValidID reports whether s is a valid id: lowercase letters, digits and
// single hyphens. Ids name output folders, so this also keeps every page
// inside the output folder.
func ValidID(s string) bool { return idPattern.MatchString(s) }

const idHint = "ids use lowercase letters a-z, digits and hyphens, like \"scott-bessent\""

// The fields each kind of file may have, for did-you-mean hints.
var (
	siteFields    = []string{"title", "description", "language", "base_url", "unsafe_html", "cname"}
	actorFields   = []string{"name", "kind", "role", "affiliation", "aliases", "positions"}
	topicFields   = []string{"title", "summary", "related", "keywords"}
	articleFields = []string{"title", "source", "url", "published", "authors", "summary", "events", "not_mentions", "short_title", "draft", "language"}
	eventFields   = []string{"id", "date", "time", "title", "actors", "topics"}
)

// DecodeSite reads site.toml. A missing file (doc nil) gives defaults.
func DecodeSite(doc *content.Document, list *diag.List) Site {
	site := Site{Title: "Briefing", Language: "en", LanguageTag: langtag.Tag{Code: "en"}}
	if doc == nil {
		return site
	}
	m := doc.Meta.ReportTo(list)
	m.WarnUnknown(siteFields...)
	if s := m.String("title", false); s != "" {
		site.Title = s
	}
	site.Description = m.String("description", false)
	if s := m.String("language", false); s != "" {
		site.Language = s
	}
	site.LanguageTag = decodeLanguage(m, site.Language, list)
	if base := m.String("base_url", false); base != "" {
		if err := CheckBaseURL(base); err != nil {
			list.Errorf(m.Pos("base_url", base), `write the full address, such as "https://example.github.io/briefing/"`, "base_url: %v", err)
		} else {
			site.BaseURL = base
		}
	}
	site.UnsafeHTML = m.Bool("unsafe_html")
	if cname := m.String("cname", false); cname != "" {
		if !hostPattern.MatchString(cname) {
			list.Errorf(m.Pos("cname", cname), `write the domain alone, such as "briefing.example.org"`, "cname %q is not a domain name", cname)
		} else {
			site.CNAME = strings.ToLower(cname)
		}
	}
	return site
}

// decodeLanguage checks the language field's tag s; an invalid one is an
// error at the field, and no language.
func decodeLanguage(m content.Meta, s string, list *diag.List) langtag.Tag {
	tag, err := langtag.Parse(s)
	if err != nil {
		list.Errorf(m.Pos("language", s), langtag.Hint, "language %q is not a language tag: %v", s, err)
	}
	return tag
}

// DecodeActor reads an actor file's front matter; id comes from its name.
func DecodeActor(doc *content.Document, id string, list *diag.List) *Actor {
	m := doc.Meta.ReportTo(list)
	checkFileID(doc, id, list)
	checkNotReserved(doc, id, "actors", list)
	m.WarnUnknown(actorFields...)
	a := &Actor{
		ID: id, doc: doc,
		Name:        m.String("name", true),
		Kind:        strings.ToLower(m.String("kind", true)),
		Role:        m.String("role", false),
		AffiliateID: m.String("affiliation", false),
		Aliases:     m.Strings("aliases"),
	}
	if a.Kind == "anonymous source" {
		a.Kind = "anonymous"
	}
	if a.Kind != "" && !slices.Contains(ActorKinds(), a.Kind) {
		hint := diag.Suggest(a.Kind, ActorKinds())
		if hint == "" {
			hint = "use one of: " + strings.Join(ActorKinds(), ", ")
		}
		list.Errorf(m.Pos("kind", a.Kind), hint, "unknown actor kind %q", a.Kind)
	}
	decodePositions(a, m, list)
	return a
}

// DecodeTopic reads a topic file's front matter.
func DecodeTopic(doc *content.Document, id string, list *diag.List) *Topic {
	m := doc.Meta.ReportTo(list)
	checkFileID(doc, id, list)
	checkNotReserved(doc, id, "topics", list)
	m.WarnUnknown(topicFields...)
	return &Topic{
		ID: id, doc: doc,
		Title:     m.String("title", true),
		Summary:   m.String("summary", false),
		RelatedID: m.Strings("related"),
		Keywords:  m.Strings("keywords"),
	}
}

// DecodeArticle reads an article's front matter. Its body is rendered
// separately and attached with SetBody.
func DecodeArticle(doc *content.Document, slug string, list *diag.List) *Article {
	m := doc.Meta.ReportTo(list)
	checkFileID(doc, slug, list)
	checkNotReserved(doc, slug, "articles", list)
	m.WarnUnknown(articleFields...)
	a := &Article{
		Slug: slug, doc: doc,
		Title:   m.String("title", true),
		Source:  m.String("source", false),
		URL:     m.String("url", false),
		Authors: m.Strings("authors"),
		Summary: m.String("summary", false),

		Draft: m.Bool("draft"),

		shortTitle:  m.String("short_title", false),
		notMentions: m.Strings("not_mentions"),
	}
	a.Published, _ = m.Date("published", true)
	if s := m.String("language", false); s != "" {
		a.Lang = decodeLanguage(m, s, list)
	}
	if a.URL != "" && !safeURL(a.URL) {
		list.Errorf(m.Pos("url", a.URL), "link to the original with an http:// or https:// address", "url %q is not a web address", a.URL)
		a.URL = ""
	}
	for _, em := range m.List("events", "id", "each item needs fields such as id, date, title") {
		em.WarnUnknown(eventFields...)
		e := &Event{
			ID:       em.String("id", true),
			Title:    em.String("title", true),
			actorIDs: em.Strings("actors"),
			topicIDs: em.Strings("topics"),
			Article:  a,
			meta:     em,
		}
		e.Date, e.DateNote = eventDate(em, a.Published, list)
		e.Time = eventTime(em, e.Date, list)
		if e.ID != "" && !ValidID(e.ID) {
			list.Errorf(em.Pos("id", e.ID), idHint, "invalid event id %q", e.ID)
			continue
		}
		if e.ID != "" {
			a.declared = append(a.declared, e)
		}
	}
	a.citeTitle = citeTitle(a)
	return a
}

// DecodeEvent reads the front matter of an event's own file,
// content/events/<id>.md: the fields of an entry under events:, but the
// id, which comes from the file's name. Its body, rendered separately,
// is attached with SetDescription.
func DecodeEvent(doc *content.Document, id string, list *diag.List) *Event {
	m := doc.Meta.ReportTo(list)
	checkFileID(doc, id, list)
	m.WarnUnknown(eventFields[1:]...)
	e := &Event{ID: id, Title: m.String("title", true), actorIDs: m.Strings("actors"), topicIDs: m.Strings("topics"), meta: m, file: doc}
	e.Date, _ = m.Date("date", true)
	e.Time = eventTime(m, e.Date, list)
	return e
}

// SetBody attaches the article's rendered body and what its annotations
// collected.
func (a *Article) SetBody(html string, res *annotate.Result) {
	a.Body = htmlOf(html)
	a.Paragraphs = res.Paragraphs
	a.annotations = res.Annotations
	a.suspects = res.Suspects
}

// Doc is the file the article was read from.
func (a *Article) Doc() *content.Document { return a.doc }

// ReservedSlug is the one valid id an article, actor or topic cannot
// have: its folder would hold the later pages of their index.
const ReservedSlug = "page"

// checkNotReserved reports an article, actor or topic (of the index in
// folder) whose id is ReservedSlug.
func checkNotReserved(doc *content.Document, id, folder string, list *diag.List) {
	if id == ReservedSlug {
		list.Errorf(diag.Pos{File: doc.Path}, "rename the file, to "+id+"-1.md or anything else",
			"the later pages of the index of %s are at %s/%s/2/ and on, so none can have the id %q", folder, folder, id, id)
	}
}

// Doc is the file the actor was read from.
func (a *Actor) Doc() *content.Document { return a.doc }

// Doc is the file the topic was read from.
func (t *Topic) Doc() *content.Document { return t.doc }

func checkFileID(doc *content.Document, id string, list *diag.List) {
	if ValidID(id) {
		return
	}
	hint := idHint + "; rename the file"
	if valid := toID(id); valid != "" {
		hint += " to " + valid + path.Ext(doc.Path)
	}
	list.Errorf(diag.Pos{File: doc.Path}, hint, "file name %q is not a valid id", id)
}

// toID is the valid id closest to s ("Sarah_Hughes" gives "sarah-hughes"),
// or "" when s has no letters or digits to keep.
func toID(s string) string {
	var b strings.Builder
	hyphen := false
	for _, r := range strings.ToLower(s) {
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			if hyphen && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			hyphen = false
		default:
			hyphen = true
		}
	}
	return b.String()
}

// CheckBaseURL accepts an absolute http or https address.
func CheckBaseURL(base string) error {
	u, err := url.Parse(base)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return fmt.Errorf("%q is not an absolute http(s) address", base)
	}
	if u.RawQuery != "" || u.Fragment != "" || strings.HasSuffix(base, "?") || strings.HasSuffix(base, "#") {
		return fmt.Errorf("%q has a query or fragment; give the site's folder address only", base)
	}
	return nil
}

func safeURL(u string) bool {
	lower := strings.ToLower(u)
	return strings.HasPrefix(lower, "https://") || strings.HasPrefix(lower, "http://")
}

// eventTime reads an event's time of day, "HH:MM" on the 24-hour clock,
// which orders the events of one day; it needs a date to the day.
func eventTime(em content.Meta, d dates.Date, list *diag.List) string {
	s := em.String("time", false)
	if s == "" {
		return ""
	}
	if !validTime(s) {
		list.Errorf(em.Pos("time", s), `write the time as HH:MM on the 24-hour clock, such as "09:30" or "18:05"`, "field \"time\": %q is not a time of day", s)
		return ""
	}
	if d.Pending || d.Start.Precision != dates.Day {
		list.Errorf(em.Pos("time", s), `give the event a date to the day, such as "2025-02-14", or drop the time`, "field \"time\": %q needs a date to the day", s)
		return ""
	}
	return s
}

// validTime accepts "HH:MM" from 00:00 to 23:59.
func validTime(s string) bool {
	if len(s) != 5 || s[2] != ':' {
		return false
	}
	for _, i := range []int{0, 1, 3, 4} {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s[:2] <= "23" && s[3:] <= "59"
}

// eventDate reads an event's date: one of the forms of package dates, or
// a date relative to the article's publication ("friday", "yesterday"),
// resolved, with a note that says how.
func eventDate(em content.Meta, published dates.Date, list *diag.List) (dates.Date, string) {
	s := em.String("date", true)
	if s == "" {
		return dates.Date{}, ""
	}
	d, err := dates.Parse(s)
	if err == nil {
		return d, ""
	}
	d, how, relative, rerr := dates.Relative(s, published)
	switch {
	case !relative:
		list.Errorf(em.Pos("date", s), dates.Forms+`, or relative to publication: "today", "yesterday", "friday"`, "field \"date\": %v", err)
	case rerr != nil:
		list.Errorf(em.Pos("date", s), `give the article a published day, such as "2025-02-15", or write the event's date`, "field \"date\": %v", rerr)
	default:
		return d, how
	}
	return dates.Date{}, ""
}
