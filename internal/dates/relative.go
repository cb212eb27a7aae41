package dates

import (
	"fmt"
	"strings"
	"time"
)

// Relative resolves a date written relative to an article's publication,
// as reporting often gives them: "today", "yesterday", or a weekday
// ("friday"), which means the latest such day on or before publication.
// ok is false when s is not a relative date; an error says why one cannot
// be resolved (the publication day is not known). how explains the
// resolution, for a writer checking it.
func Relative(s string, published Date) (d Date, how string, ok bool, err error) {
	word := strings.ToLower(strings.TrimSpace(s))
	var back int
	switch word {
	case "today":
	case "yesterday":
		back = 1
	default:
		day, isDay := weekday(word)
		if !isDay {
			return Date{}, "", false, nil
		}
		if published.Pending || published.IsRange() || published.Start.Precision != Day {
			break
		}
		back = (int(published.Start.first().Weekday()) - int(day) + 7) % 7
	}
	if published.Pending || published.IsRange() || published.Start.Precision != Day {
		return Date{}, "", true, fmt.Errorf("%q counts from the article's publication day, and published (%s) gives no single day", s, published.Value())
	}
	t := published.Start.first().AddDate(0, 0, -back)
	d = Date{Start: Point{Year: t.Year(), Month: t.Month(), Day: t.Day(), Precision: Day}, Approx: published.Approx}
	how = fmt.Sprintf("%q is %s: ", s, d)
	switch {
	case word == "today":
		how += "the day the article was published"
	case word == "yesterday":
		how += "the day before the article was published (" + published.String() + ")"
	case back == 0:
		how += "the " + t.Weekday().String() + " the article was published"
	default:
		how += fmt.Sprintf("the last %s on or before publication (%s, a %s)", t.Weekday(), published, published.Start.first().Weekday())
	}
	return d, how, true, nil
}

// weekday reads a weekday's English name, in lower case.
func weekday(name string) (time.Weekday, bool) {
	for d := time.Sunday; d <= time.Saturday; d++ {
		if strings.ToLower(d.String()) == name {
			return d, true
		}
	}
	return 0, false
}
