package dates

import "testing"

func TestRelative(t *testing.T) {
	cases := []struct {
		in, published, want string
	}{
		{"today", "2025-02-15", "2025-02-15"},
		{"yesterday", "2025-02-15", "2025-02-14"},
		{"Friday", "2025-02-15", "2025-02-14"},   // a Saturday: the day before
		{"saturday", "2025-02-15", "2025-02-15"}, // the same day
		{"sunday", "2025-02-15", "2025-02-09"},   // six days back
		{"yesterday", "2025-03-01", "2025-02-28"},
		{"yesterday", "2024-03-01", "2024-02-29"}, // a leap day
		{"thursday", "2024-03-01", "2024-02-29"},  // a Friday; Thursday the leap day
		{"yesterday", "2025-01-01", "2024-12-31"}, // across a year
		{"monday", "2025-01-01", "2024-12-30"},    // a Wednesday
		{"Tuesday", "~2025-02-15", "~2025-02-11"}, // an approximate day stays approximate
	}
	for _, c := range cases {
		p, err := Parse(c.published)
		if err != nil {
			t.Fatal(err)
		}
		d, how, ok, err := Relative(c.in, p)
		if !ok || err != nil || d.Value() != c.want || how == "" {
			t.Errorf("Relative(%q, %s) = %s (%q), %v, %v; want %s", c.in, c.published, d.Value(), how, ok, err, c.want)
		}
	}
}

func TestRelativeNeedsAPublicationDay(t *testing.T) {
	for _, published := range []string{"2025-02", "2025", "2025-02-14/2025-02-16", "pending"} {
		p, _ := Parse(published)
		if _, _, ok, err := Relative("friday", p); !ok || err == nil {
			t.Errorf("friday against %s: ok %v err %v; want an error", published, ok, err)
		}
	}
	if _, _, ok, _ := Relative("next week", Date{}); ok {
		t.Errorf("an unknown phrase is not a relative date")
	}
}
