package dates_test

import (
	"testing"

	"github.com/briefing-gen/gen/internal/dates"
	"github.com/briefing-gen/gen/internal/diag"
	"github.com/briefing-gen/gen/internal/i18n"
)

var forms = []string{"2025", "2025-02", "2025-02-12", "2025-03-01", "2025-02-14/2025-02-16", "2025-02-28/2025-03-01",
	"2025-02/2025-04", "2024-12-30/2025-01-02", "2024/2025", "2025-02/2025-03-05", "~2025", "~2025-02-12", "pending"}

// English through the translation table reads as String always has.
func TestEnglishFormatIsString(t *testing.T) {
	en := i18n.English()
	for _, s := range forms {
		d, err := dates.Parse(s)
		if err != nil {
			t.Fatal(err)
		}
		if got, want := d.Format(en), d.String(); got != want {
			t.Errorf("%s: Format = %q, String = %q", s, got, want)
		}
	}
}

func TestDatesInTheSitesLanguage(t *testing.T) {
	var list diag.List
	want := map[string]map[string]string{
		"uk": {
			"2025-02-12": "12 лютого 2025", "2025-02": "лютий 2025", "2025-02-14/2025-02-16": "14–16 лютого 2025",
			"2025-02-28/2025-03-01": "28 лютого – 1 березня 2025", "2025-02/2025-04": "лютий–квітень 2025",
			"~2025-02": "приблизно лютий 2025", "pending": "дата згодом", "2024-12-30/2025-01-02": "30 грудня 2024 – 2 січня 2025",
		},
		"de": {
			"2025-02-12": "12. Februar 2025", "2025-02": "Februar 2025", "2025-02-14/2025-02-16": "14.–16. Februar 2025",
			"2025-02-28/2025-03-01": "28. Februar – 1. März 2025", "~2025": "ca. 2025", "pending": "Datum folgt",
		},
		"fr": {
			"2025-02-12": "12 février 2025", "2025-03-01": "1er mars 2025", "2025-02-14/2025-02-16": "14–16 février 2025",
			"2025-02": "février 2025", "~2025": "vers 2025", "pending": "date à venir",
		},
	}
	for lang, cases := range want {
		words := i18n.Load(nil, lang, &list)
		for s, w := range cases {
			d, err := dates.Parse(s)
			if err != nil {
				t.Fatal(err)
			}
			if got := d.Format(words); got != w {
				t.Errorf("%s %s: %q, want %q", lang, s, got, w)
			}
		}
	}
}

func BenchmarkFormat(b *testing.B) {
	var list diag.List
	uk := i18n.Load(nil, "uk", &list)
	day, _ := dates.Parse("2025-02-12")
	days, _ := dates.Parse("2025-02-14/2025-02-16")
	b.Run("day", func(b *testing.B) {
		for b.Loop() {
			_ = day.Format(uk)
		}
	})
	b.Run("range", func(b *testing.B) {
		for b.Loop() {
			_ = days.Format(uk)
		}
	})
	b.Run("String", func(b *testing.B) {
		for b.Loop() {
			_ = day.String()
		}
	})
}
