package dates

import "testing"

func TestParseAndShow(t *testing.T) {
	cases := []struct {
		in, human, iso, value string
	}{
		{"2025", "2025", "2025", "2025"},
		{"2025-02", "February 2025", "2025-02", "2025-02"},
		{"2025-02-12", "12 February 2025", "2025-02-12", "2025-02-12"},
		{"2025-02-14/2025-02-16", "14–16 February 2025", "2025-02-14", "2025-02-14/2025-02-16"},
		{"2025-01-30/2025-02-02", "30 January – 2 February 2025", "2025-01-30", "2025-01-30/2025-02-02"},
		{"~2025-02", "about February 2025", "2025-02", "~2025-02"},
		{"pending", "date to come", "", "pending"},
	}
	for _, c := range cases {
		d, err := Parse(c.in)
		if err != nil {
			t.Errorf("Parse(%q): %v", c.in, err)
			continue
		}
		if d.String() != c.human || d.ISO() != c.iso || d.Value() != c.value {
			t.Errorf("Parse(%q) shows %q, iso %q, value %q; want %q, %q, %q", c.in, d, d.ISO(), d.Value(), c.human, c.iso, c.value)
		}
	}
}

func TestParseRejects(t *testing.T) {
	for _, in := range []string{"", "Feb 2025", "2025-2-1", "2025-13", "2025-02-30", "2025-02-16/2025-02-14", "soon", "25-02-01"} {
		if d, err := Parse(in); err == nil {
			t.Errorf("Parse(%q) = %v, want an error", in, d)
		}
	}
}

func TestCompareOrdersTimeline(t *testing.T) {
	order := []string{"2025", "2025-02", "2025-02-12", "2025-02-14", "2025-02-14/2025-02-16", "2025-02-15", "2026", "pending"}
	for i := 0; i+1 < len(order); i++ {
		a, _ := Parse(order[i])
		b, _ := Parse(order[i+1])
		if Compare(a, b) >= 0 || Compare(b, a) <= 0 {
			t.Errorf("%s should sort before %s", order[i], order[i+1])
		}
	}
}

// TestParseRejectsYearZero checks that year 0000, which no calendar has
// and which usually stands for an unknown year, is refused in every form.
func TestParseRejectsYearZero(t *testing.T) {
	for _, in := range []string{"0000", "0000-02", "0000-01-01", "~0000", "0000/2025", "2025-01-01/0000-01-01"} {
		if d, err := Parse(in); err == nil {
			t.Errorf("Parse(%q) = %v, want an error", in, d)
		}
	}
}
