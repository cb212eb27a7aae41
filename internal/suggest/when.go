package suggest

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/briefing-gen/gen/internal/dates"
)

// Dates in the text are resolved against the article's published date,
// never more precisely than the two allow: "on Friday" in an article
// published on a day is that day (the latest Friday on or before it), in
// one published in a month only about that month; "last week" is the
// week before publication; "April 30" is a day of publication's year (the
// year before if that day would come after publication); "in April" a
// month; "soon", "next week" or "in the near future" pending.

var (
	monthNames = `January|February|March|April|May|June|July|August|September|October|November|December`
	dayNames   = `Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday`
	dateWords  = regexp.MustCompile(`(?i)\b(?:(?:earlier|later)\s+)?(?:` +
		`on\s+(?P<weekday>` + dayNames + `)|` +
		`(?P<rel>today|yesterday)|` +
		`(?P<which>last|this|next)\s+(?P<unit>week|month|year)|` +
		`(?:on\s+)?(?P<md_month>` + monthNames + `)\s+(?P<md_day>\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(?P<md_year>\d{4}))?|` +
		`(?:on\s+)?(?P<dm_day>\d{1,2})\s+(?P<dm_month>` + monthNames + `)(?:\s+(?P<dm_year>\d{4}))?|` +
		`in\s+(?P<m_month>` + monthNames + `)(?:\s+(?P<m_year>\d{4}))?|` +
		`(?P<pending>soon|in the near future|in the coming (?:days|weeks|months))` +
		`)\b`)
)

func findDates(p *paragraph, r span, st *state) []DateNote {
	text := p.text[r.start:r.end]
	var out []DateNote
	for _, m := range dateWords.FindAllStringSubmatchIndex(text, -1) {
		g := func(name string) string {
			i := dateWords.SubexpIndex(name)
			if m[2*i] < 0 {
				return ""
			}
			return text[m[2*i]:m[2*i+1]]
		}
		words := text[m[0]:m[1]]
		date, how := resolveDate(g, st.in.Published)
		out = append(out, DateNote{Offset: st.offset(p, r.start+m[0]), Words: words, Date: date, How: how})
	}
	return out
}

// resolveDate reads the groups of one match of dateWords.
func resolveDate(g func(string) string, pub dates.Date) (string, string) {
	pubDay := !pub.Pending && !pub.IsRange() && pub.Start.Precision == dates.Day
	pubMonth := !pub.Pending && !pub.IsRange() && pub.Start.Precision >= dates.Month
	about := func(why string) (string, string) {
		if !pubMonth && (pub.Pending || pub.Start.Precision == 0) {
			return "pending", why + "; published gives no date to count from"
		}
		v := pub.Value()
		if !strings.HasPrefix(v, "~") {
			v = "~" + v
		}
		return v, why + "; published (" + pub.Value() + ") gives no single day, so only about when"
	}
	switch {
	case g("weekday") != "" || g("rel") != "":
		w := strings.ToLower(g("weekday") + g("rel"))
		if !pubDay {
			return about(fmt.Sprintf("%q counts from the publication day", w))
		}
		d, how, _, err := dates.Relative(w, pub)
		if err != nil {
			return about(err.Error())
		}
		return d.Value(), how
	case g("unit") != "":
		which, unit := strings.ToLower(g("which")), strings.ToLower(g("unit"))
		if which == "next" && unit == "week" {
			return "pending", "the week after publication: no day yet"
		}
		if pub.Pending || pub.Start.Precision == 0 {
			return "pending", "published gives no date to count from"
		}
		start := pub.FirstDay()
		switch unit {
		case "week":
			if !pubDay {
				return about(which + " week")
			}
			monday := start.AddDate(0, 0, -((int(start.Weekday()) + 6) % 7))
			if which == "last" {
				return span2(monday.AddDate(0, 0, -7), monday.AddDate(0, 0, -1)), "the week (Monday to Sunday) before the week of publication"
			}
			return span2(monday, start), "the week of publication, up to its day"
		case "month":
			if pub.Start.Precision < dates.Month {
				return about(which + " month")
			}
			shift := map[string]int{"last": -1, "this": 0, "next": 1}[which]
			t := time.Date(start.Year(), start.Month()+time.Month(shift), 1, 0, 0, 0, 0, time.UTC)
			return t.Format("2006-01"), which + " month, counted from publication"
		default:
			shift := map[string]int{"last": -1, "this": 0, "next": 1}[which]
			return strconv.Itoa(start.Year() + shift), which + " year, counted from publication"
		}
	case g("md_month") != "" || g("dm_month") != "":
		month, day, year := g("md_month")+g("dm_month"), g("md_day")+g("dm_day"), g("md_year")+g("dm_year")
		return dayOf(month, day, year, pub)
	case g("m_month") != "":
		return monthOf(g("m_month"), g("m_year"), pub)
	case g("pending") != "":
		return "pending", "a time to come, not yet dated"
	}
	return "pending", ""
}

func span2(a, b time.Time) string { return a.Format("2006-01-02") + "/" + b.Format("2006-01-02") }

func monthNumber(name string) time.Month {
	for m := time.January; m <= time.December; m++ {
		if strings.EqualFold(m.String(), name) {
			return m
		}
	}
	return 0
}

// yearFor is the year of a month (and day) the text names without one:
// publication's, or the year before if that would come after it.
func yearFor(m time.Month, day int, pub dates.Date) (int, bool) {
	if pub.Pending || pub.Start.Precision == 0 {
		return 0, false
	}
	y := pub.Start.Year
	if pub.Start.Precision >= dates.Month && (m > pub.Start.Month || pub.Start.Precision == dates.Day && m == pub.Start.Month && day > pub.Start.Day) {
		y--
	}
	return y, true
}

func dayOf(month, day, year string, pub dates.Date) (string, string) {
	m, d := monthNumber(month), 0
	d, _ = strconv.Atoi(day)
	y, err := strconv.Atoi(year)
	how := "as written"
	if year == "" {
		var ok bool
		if y, ok = yearFor(m, d, pub); !ok {
			return "pending", "no year in the text or in published"
		}
		how = "the year of publication, the latest on or before it"
	} else if err != nil {
		return "pending", ""
	}
	t := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d {
		return "pending", fmt.Sprintf("%s %d is not a day of %d", m, d, y)
	}
	return t.Format("2006-01-02"), how
}

func monthOf(month, year string, pub dates.Date) (string, string) {
	m := monthNumber(month)
	y, err := strconv.Atoi(year)
	how := "as written"
	if year == "" {
		var ok bool
		if y, ok = yearFor(m, 0, pub); !ok {
			return "pending", "no year in the text or in published"
		}
		how = "the year of publication, the latest on or before it"
	} else if err != nil {
		return "pending", ""
	}
	return fmt.Sprintf("%04d-%02d", y, m), how
}
