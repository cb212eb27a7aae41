package export

import (
	"html"
	"strconv"

	"github.com/briefing-gen/gen/internal/dates"
	"github.com/briefing-gen/gen/internal/model"
)

// The shapes of Knight Lab TimelineJS's JSON format: a date gives only
// the parts that are known, so TimelineJS shows it at its precision.

type timelineJSON struct {
	Title  *slideJSON  `json:"title,omitempty"`
	Events []slideJSON `json:"events"`
}

type slideJSON struct {
	StartDate   *tjsDate `json:"start_date,omitempty"`
	EndDate     *tjsDate `json:"end_date,omitempty"`
	DisplayDate string   `json:"display_date,omitempty"`
	Text        tjsText  `json:"text"`
	Group       string   `json:"group,omitempty"`
	UniqueID    string   `json:"unique_id,omitempty"`
}

type tjsDate struct {
	Year  int `json:"year"`
	Month int `json:"month,omitempty"`
	Day   int `json:"day,omitempty"`
	// An event's time of day; TimelineJS takes a missing one as 0.
	Hour   int `json:"hour,omitempty"`
	Minute int `json:"minute,omitempty"`
}

type tjsText struct {
	Headline string `json:"headline"`
	Text     string `json:"text,omitempty"`
}

// timelineOf lists every event. TimelineJS must place each one, so a
// pending event stands at its reporting article's date, labelled as
// expected; the date shown is always the briefing's own wording.
func timelineOf(b *model.Briefing) timelineJSON {
	t := timelineJSON{
		Title:  &slideJSON{Text: tjsText{Headline: html.EscapeString(b.Site.Title), Text: html.EscapeString(b.Site.Description)}},
		Events: []slideJSON{},
	}
	for _, e := range b.Events {
		// TimelineJS inserts text, headlines and groups as HTML: escape them.
		s := slideJSON{DisplayDate: e.Date.String(), UniqueID: e.ID, Text: tjsText{Headline: html.EscapeString(e.Title)}}
		d := e.Date
		if d.Pending {
			d = e.Article.Published
			s.DisplayDate = "Expected, date to come"
		}
		if !d.Pending {
			s.StartDate = pointOf(d.Start)
			if d.IsRange() {
				s.EndDate = pointOf(d.End)
			}
		}
		if e.Time != "" && s.StartDate != nil { // "HH:MM", checked when read
			s.DisplayDate += " · " + e.Time
			s.StartDate.Hour, _ = strconv.Atoi(e.Time[:2])
			s.StartDate.Minute, _ = strconv.Atoi(e.Time[3:])
		}
		if len(e.Topics) > 0 {
			s.Group = html.EscapeString(e.Topics[0].Title)
		}
		src := e.Article.ParagraphPath(e.Para)
		if b.Site.BaseURL != "" {
			src = b.Site.BaseURL + src
		}
		s.Text.Text = `Reported in ` + citation(e.Article, e.Para, src)
		t.Events = append(t.Events, s)
	}
	return t
}

// citation cites paragraph para of a as the pages do: short title and
// paragraph, linked to src, then source and date, escaped as HTML.
func citation(a *model.Article, para int, src string) string {
	cite := html.EscapeString(a.ShortTitle())
	if para > 0 {
		cite += ", ¶" + strconv.Itoa(para)
	}
	outlet := a.Published.String()
	if a.Source != "" {
		outlet = a.Source + ", " + outlet
	}
	return `<a href="` + html.EscapeString(src) + `">` + cite + `</a> — ` + html.EscapeString(outlet)
}

func pointOf(p dates.Point) *tjsDate {
	return &tjsDate{Year: p.Year, Month: int(p.Month), Day: p.Day}
}
