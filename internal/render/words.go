package render

import (
	"html/template"
	"strconv"
	"unicode"
	"unicode/utf8"

	"github.com/briefing-gen/gen/internal/dates"
	"github.com/briefing-gen/gen/internal/i18n"
	"github.com/briefing-gen/gen/internal/model"
)

// The interface's words come from the site's language (internal/i18n):
// templates say {{t "id" args…}}, and what the Go code here writes, page
// titles, timeline labels, descriptions, is looked up the same way.

// link is an HTML link for a message's argument ({{th "id" "Link" (link
// href text)}}): the message puts it where its language wants it.
func link(href, text string) template.HTML {
	return template.HTML(`<a href="` + template.HTMLEscapeString(href) + `">` + template.HTMLEscapeString(text) + `</a>`)
}

// code is a name to type (a folder, a field) for a message's argument.
func code(text string) template.HTML {
	return template.HTML("<code>" + template.HTMLEscapeString(text) + "</code>")
}

// capitalized starts s with a capital letter, for headings and titles:
// a month is lower case in French and Ukrainian running text.
func capitalized(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError || unicode.IsUpper(r) {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

// monthGroupLabel heads a timeline's events of one month: "February
// 2025", the year alone, or pending.
func monthGroupLabel(d dates.Date, words *i18n.Catalog) string {
	if d.Pending {
		return words.T("pending")
	}
	p := d.Start
	if p.Precision > dates.Month {
		p = dates.Point{Year: p.Year, Month: p.Month, Precision: dates.Month}
	}
	return capitalized(p.Format(words))
}

// timelineLabel is what a timeline page covers, as running text says it:
// "2025", "лютий 2025", pending.
func timelineLabel(t *model.TimelinePage, words *i18n.Catalog) string {
	switch {
	case t.Pending:
		return words.T("pending_lower")
	case t.Year == 0:
		return words.T("timeline")
	case t.Month == 0:
		return strconv.Itoa(t.Year)
	}
	return dates.Point{Year: t.Year, Month: t.Month, Precision: dates.Month}.Format(words)
}

// timelineTitle heads a timeline page: its label, and which part of the
// month it is.
func timelineTitle(t *model.TimelinePage, words *i18n.Catalog) string {
	label := capitalized(timelineLabel(t, words))
	if t.Pending {
		label = words.T("pending")
	}
	if t.Parts > 1 {
		return words.T("timeline_part", "Label", label, "Part", t.Part, "Parts", t.Parts)
	}
	return label
}

// timelineSpan says which days a part of a month holds (model's Span),
// "" for a page that is not a part.
func timelineSpan(t *model.TimelinePage, words *i18n.Catalog) string {
	if t.Span() == "" {
		return ""
	}
	first, last := t.Events[0].Date.Start, t.Events[len(t.Events)-1].Date.Start
	if t.Pending || first.Precision < dates.Day && last.Precision < dates.Day {
		return words.T("timeline_span_part", "Part", t.Part)
	}
	month := words.T("month_of_" + strconv.Itoa(int(t.Month)))
	from, to := max(first.Day, 1), max(last.Day, 1)
	if from == to {
		return words.T("timeline_span_day", "Day", strconv.Itoa(from), "Month", month)
	}
	return words.T("timeline_span_days", "From", strconv.Itoa(from), "To", strconv.Itoa(to), "Month", month)
}

// title is the page's title in the site's language: pages of the
// briefing's own things keep their names.
func (p *Page) title() string {
	w := p.words
	switch p.Kind {
	case Book:
		return w.T("briefing_book")
	case Search:
		return w.T("search")
	case NotFound:
		return w.T("not_found_title")
	case Articles:
		return w.T("articles") + pageSuffix(p.Pager, w)
	case Actors:
		return w.T("actors") + pageSuffix(p.Pager, w)
	case Topics:
		return w.T("topics") + pageSuffix(p.Pager, w)
	case Stances:
		return w.T("who_stands_where") + pageSuffix(p.Pager, w)
	case Timeline:
		if p.TimelinePage == nil || p.Briefing.Timeline.Whole {
			return w.T("timeline")
		}
		return w.T("timeline_page_title", "Label", timelineTitle(p.TimelinePage, w))
	case List:
		name := ""
		if p.Actor != nil {
			name = p.Actor.Name
		} else if p.Topic != nil {
			name = p.Topic.Title
		}
		return w.T("list_title_"+p.List, "Name", name) + pageSuffix(p.Pager, w)
	}
	return p.Title
}

// pageSuffix names a page after the first in its title.
func pageSuffix(g *Pager, words *i18n.Catalog) string {
	if g == nil || g.Number == 1 {
		return ""
	}
	return words.T("page_suffix", "Number", g.Number)
}
