// Package dates models dates known at different precisions, so a briefing
// can say "February 2025" or "about 2025" instead of inventing a day.
//
// Accepted forms:
//
//	2025                   a year
//	2025-02                a month
//	2025-02-14             a day
//	2025-02-14/2025-02-16  an inclusive range of any of the above
//	~2025-02               approximately (any form above)
//	pending                expected, not yet dated
package dates

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Precision is how much of a date is known.
type Precision int

const (
	Year Precision = iota + 1
	Month
	Day
)

// Point is a single date at some precision; unknown parts are zero.
type Point struct {
	Year      int
	Month     time.Month
	Day       int
	Precision Precision
}

// Date is what is known of when something happened.
type Date struct {
	Start   Point
	End     Point // zero unless the date is a range
	Approx  bool
	Pending bool
}

// Forms lists the accepted spellings, for error hints.
const Forms = `accepted forms: "2025", "2025-02", "2025-02-14", a range "2025-02-14/2025-02-16", approximate "~2025-02", or "pending"`

// Parse reads one of the accepted forms.
func Parse(s string) (Date, error) {
	s = strings.TrimSpace(s)
	if strings.EqualFold(s, "pending") {
		return Date{Pending: true}, nil
	}
	var d Date
	if rest, ok := strings.CutPrefix(s, "~"); ok {
		d.Approx, s = true, strings.TrimSpace(rest)
	}
	first, last, isRange := strings.Cut(s, "/")
	var err error
	if d.Start, err = parsePoint(first); err != nil {
		return Date{}, err
	}
	if isRange {
		if d.End, err = parsePoint(last); err != nil {
			return Date{}, err
		}
		if d.End.last().Before(d.Start.first()) {
			return Date{}, fmt.Errorf("range %q ends before it starts", s)
		}
	}
	return d, nil
}

func parsePoint(s string) (Point, error) {
	parts := strings.Split(strings.TrimSpace(s), "-")
	if len(parts) > 3 || len(parts[0]) != 4 {
		return Point{}, fmt.Errorf("%q is not a date", s)
	}
	nums := make([]int, len(parts))
	for i, p := range parts {
		n, err := strconv.Atoi(p)
		if err != nil || (i > 0 && len(p) != 2) {
			return Point{}, fmt.Errorf("%q is not a date", s)
		}
		nums[i] = n
	}
	if nums[0] == 0 {
		// No calendar has a year 0; it is usually a placeholder for "unknown".
		return Point{}, fmt.Errorf("%q has year 0000, which no calendar has; write the year, or \"pending\" if it is not known", s)
	}
	p := Point{Year: nums[0], Precision: Precision(len(nums))}
	if len(nums) > 1 {
		if nums[1] < 1 || nums[1] > 12 {
			return Point{}, fmt.Errorf("%q has no month %d", s, nums[1])
		}
		p.Month = time.Month(nums[1])
	}
	if len(nums) > 2 {
		p.Day = nums[2]
		if t := time.Date(p.Year, p.Month, p.Day, 0, 0, 0, 0, time.UTC); t.Day() != p.Day {
			return Point{}, fmt.Errorf("%q is not a day of %s %d", s, p.Month, p.Year)
		}
	}
	return p, nil
}

// first is the earliest day the point could mean.
func (p Point) first() time.Time {
	m, d := p.Month, p.Day
	if m == 0 {
		m = time.January
	}
	if d == 0 {
		d = 1
	}
	return time.Date(p.Year, m, d, 0, 0, 0, 0, time.UTC)
}

// firstOrdinal orders first days without building times: timelines sort
// thousands of dates.
func (p Point) firstOrdinal() int {
	return p.Year*10000 + max(int(p.Month), 1)*100 + max(p.Day, 1)
}

func cmpInt(a, b int) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// last is the latest day the point could mean.
func (p Point) last() time.Time {
	switch p.Precision {
	case Year:
		return time.Date(p.Year, time.December, 31, 0, 0, 0, 0, time.UTC)
	case Month:
		return time.Date(p.Year, p.Month+1, 0, 0, 0, 0, 0, time.UTC)
	}
	return p.first()
}

// ISO is the machine-readable form at the known precision, as used by
// HTML's <time datetime>.
func (p Point) ISO() string {
	switch p.Precision {
	case Year:
		return fmt.Sprintf("%04d", p.Year)
	case Month:
		return fmt.Sprintf("%04d-%02d", p.Year, p.Month)
	}
	return fmt.Sprintf("%04d-%02d-%02d", p.Year, p.Month, p.Day)
}

func (p Point) human() string {
	switch p.Precision {
	case Year:
		return strconv.Itoa(p.Year)
	case Month:
		return fmt.Sprintf("%s %d", p.Month, p.Year)
	}
	return fmt.Sprintf("%d %s %d", p.Day, p.Month, p.Year)
}

// FirstDay is the earliest day the date can mean, the zero time when it is
// pending.
func (d Date) FirstDay() time.Time {
	if d.Pending {
		return time.Time{}
	}
	return d.Start.first()
}

// LastDay is the latest day the date can mean, the zero time when it is
// pending.
func (d Date) LastDay() time.Time {
	if d.Pending {
		return time.Time{}
	}
	return d.lastDay()
}

// IsRange reports whether the date spans from Start to End.
func (d Date) IsRange() bool { return d.End.Precision != 0 }

// ISO is the machine-readable value: the start for ranges, "" when pending.
func (d Date) ISO() string {
	if d.Pending {
		return ""
	}
	return d.Start.ISO()
}

// Value is the date as written in the accepted forms, normalised.
func (d Date) Value() string {
	if d.Pending {
		return "pending"
	}
	s := d.Start.ISO()
	if d.IsRange() {
		s += "/" + d.End.ISO()
	}
	if d.Approx {
		s = "~" + s
	}
	return s
}

// String shows the date as a reader expects it: "12 February 2025",
// "February 2025", "14–16 February 2025", "about 2025", "date to come".
func (d Date) String() string {
	if d.Pending {
		return "date to come"
	}
	s := d.Start.human()
	if d.IsRange() {
		s = rangeHuman(d.Start, d.End)
	}
	if d.Approx {
		s = "about " + s
	}
	return s
}

// rangeHuman drops the parts both ends share: "14–16 February 2025".
func rangeHuman(a, b Point) string {
	switch {
	case a.Precision == Day && b.Precision == Day && a.Year == b.Year && a.Month == b.Month:
		return fmt.Sprintf("%d–%d %s %d", a.Day, b.Day, a.Month, a.Year)
	case a.Precision == Day && b.Precision == Day && a.Year == b.Year:
		return fmt.Sprintf("%d %s – %d %s %d", a.Day, a.Month, b.Day, b.Month, a.Year)
	case a.Precision == Month && b.Precision == Month && a.Year == b.Year:
		return fmt.Sprintf("%s–%s %d", a.Month, b.Month, a.Year)
	}
	return a.human() + " – " + b.human()
}

// Compare orders dates for a timeline: by the first day they could mean,
// a vaguer date before a precise one starting the same day (February
// before 1 February), shorter ranges first, and pending dates last.
// It returns -1, 0 or +1.
func Compare(a, b Date) int {
	if a.Pending || b.Pending {
		switch {
		case a.Pending && b.Pending:
			return 0
		case a.Pending:
			return 1
		}
		return -1
	}
	if c := cmpInt(a.Start.firstOrdinal(), b.Start.firstOrdinal()); c != 0 {
		return c
	}
	if a.Start.Precision != b.Start.Precision {
		if a.Start.Precision < b.Start.Precision {
			return -1
		}
		return 1
	}
	return a.lastDay().Compare(b.lastDay())
}

func (d Date) lastDay() time.Time {
	if d.IsRange() {
		return d.End.last()
	}
	return d.Start.last()
}

// Phrases are a language's words for dates: T is the message id with its
// named arguments filled in (internal/i18n's Catalog is one). The ids are
// those below, and month_1…month_12 (the month named alone: "лютий
// 2025"), month_of_1…month_of_12 (the month in a date: "12 лютого 2025").
type Phrases interface {
	T(id string, args ...any) string
}

// The messages Format asks for, and their arguments.
const (
	PhrasePending    = "date_pending"     // a date to come
	PhraseAbout      = "date_about"       // {{.Date}}, approximately
	PhraseYear       = "date_year"        // {{.Year}}
	PhraseMonth      = "date_month"       // {{.Month}} {{.Year}}
	PhraseDay        = "date_day"         // {{.Day}} {{.Month}} {{.Year}}
	PhraseFirstDay   = "date_first_day"   // how the 1st is written: "1", "1er"
	PhraseDays       = "date_days"        // {{.From}}–{{.To}} {{.Month}} {{.Year}}
	PhraseDaysMonths = "date_days_months" // {{.FromDay}} {{.FromMonth}} – {{.ToDay}} {{.ToMonth}} {{.Year}}
	PhraseMonths     = "date_months"      // {{.From}}–{{.To}} {{.Year}}, months named alone
	PhraseRange      = "date_range"       // {{.From}} – {{.To}}, any other range
)

// Format shows the date as String does, in the language of words.
func (d Date) Format(words Phrases) string { return layoutOf(words).Format(d) }

// Format shows the point at its precision in the language of words.
func (p Point) Format(words Phrases) string { return layoutOf(words).Point(p) }

// MonthName is the month named alone, as in "February 2025".
func MonthName(m time.Month, words Phrases) string { return layoutOf(words).months[m-1] }

// Layouts are Phrases that keep the Layout made from them, as
// internal/i18n's Catalog does: making one asks for some thirty messages.
type Layouts interface {
	DateLayout() *Layout
}

func layoutOf(words Phrases) *Layout {
	if l, ok := words.(Layouts); ok {
		return l.DateLayout()
	}
	return NewLayout(words)
}

// Layout is how a language writes dates, read from its Phrases once: its
// month names, and its patterns split at their arguments, so that
// formatting a date joins strings as String does.
type Layout struct {
	months, monthsOf                                                 [12]string
	firstDay                                                         string
	pending                                                          string
	about, year, month, day, days, daysMonths, monthRange, dateRange pattern
}

// pattern is a message split at its arguments: text, or a slot.
type pattern []part

type part struct {
	text string
	slot int // 1 + the index of the argument, 0 for text
}

// slotNames are the arguments the date messages take; a slot is written
// into the message as \x00 and a letter, to find where it goes.
const slotNames = "Date Year Month Day From To FromDay FromMonth ToDay ToMonth"

// NewLayout reads how words writes dates.
func NewLayout(words Phrases) *Layout {
	l := &Layout{firstDay: words.T(PhraseFirstDay), pending: words.T(PhrasePending)}
	for m := range 12 {
		l.months[m] = words.T("month_" + strconv.Itoa(m+1))
		l.monthsOf[m] = words.T("month_of_" + strconv.Itoa(m+1))
	}
	names := strings.Fields(slotNames)
	var args []any
	for i, n := range names {
		args = append(args, n, "\x00"+string(rune('a'+i)))
	}
	read := func(id string) pattern {
		var p pattern
		for i, chunk := range strings.Split(words.T(id, args...), "\x00") {
			if i > 0 && chunk != "" && chunk[0] >= 'a' && int(chunk[0]-'a') < len(names) {
				p = append(p, part{slot: int(chunk[0]-'a') + 1})
				chunk = chunk[1:]
			}
			if chunk != "" {
				p = append(p, part{text: chunk})
			}
		}
		return p
	}
	l.about, l.year, l.month, l.day = read(PhraseAbout), read(PhraseYear), read(PhraseMonth), read(PhraseDay)
	l.days, l.daysMonths, l.monthRange, l.dateRange = read(PhraseDays), read(PhraseDaysMonths), read(PhraseMonths), read(PhraseRange)
	return l
}

// fill writes the pattern with its slots' values, in slotNames' order.
func (p pattern) fill(values ...string) string {
	var b strings.Builder
	for _, x := range p {
		if x.slot == 0 {
			b.WriteString(x.text)
		} else if x.slot <= len(values) {
			b.WriteString(values[x.slot-1])
		}
	}
	return b.String()
}

// Format shows the date as String does, in the layout's language.
func (l *Layout) Format(d Date) string {
	if d.Pending {
		return l.pending
	}
	s := l.Point(d.Start)
	if d.IsRange() {
		s = l.formatRange(d.Start, d.End)
	}
	if d.Approx {
		s = l.about.fill(s)
	}
	return s
}

// Point shows a point at its precision.
func (l *Layout) Point(p Point) string {
	year := strconv.Itoa(p.Year)
	switch p.Precision {
	case Year:
		return l.year.fill("", year)
	case Month:
		return l.month.fill("", year, l.months[p.Month-1])
	}
	return l.day.fill("", year, l.monthsOf[p.Month-1], l.dayOf(p.Day))
}

func (l *Layout) dayOf(n int) string {
	if n == 1 {
		return l.firstDay
	}
	return strconv.Itoa(n)
}

// formatRange drops the parts both ends share, as rangeHuman does.
func (l *Layout) formatRange(a, b Point) string {
	year := strconv.Itoa(a.Year)
	switch {
	case a.Precision == Day && b.Precision == Day && a.Year == b.Year && a.Month == b.Month:
		return l.days.fill("", year, l.monthsOf[a.Month-1], "", l.dayOf(a.Day), l.dayOf(b.Day))
	case a.Precision == Day && b.Precision == Day && a.Year == b.Year:
		return l.daysMonths.fill("", year, "", "", "", "", l.dayOf(a.Day), l.monthsOf[a.Month-1], l.dayOf(b.Day), l.monthsOf[b.Month-1])
	case a.Precision == Month && b.Precision == Month && a.Year == b.Year:
		return l.monthRange.fill("", year, "", "", l.months[a.Month-1], l.months[b.Month-1])
	}
	return l.dateRange.fill("", "", "", "", l.Point(a), l.Point(b))
}
