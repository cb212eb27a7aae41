package langtag

import "testing"

func TestParse(t *testing.T) {
	for _, c := range []struct {
		in, code string
		rtl      bool
	}{
		{"uk", "uk", false}, {"DE-ch", "de-CH", false}, {"en_GB", "en-GB", false},
		{"ar", "ar", true}, {"he", "he", true}, {"fa", "fa", true}, {"ur", "ur", true},
		{"az-Arab", "az-Arab", true}, {"zh-Hant", "zh-Hant", false}, {"yi", "yi", true},
	} {
		got, err := Parse(c.in)
		if err != nil {
			t.Errorf("%q: %v", c.in, err)
			continue
		}
		if got.Code != c.code || got.RTL != c.rtl {
			t.Errorf("%q: got %+v, want %s rtl=%v", c.in, got, c.code, c.rtl)
		}
	}
	for _, bad := range []string{"english", "xx", "en-", "u k", ""} {
		if got, err := Parse(bad); err == nil {
			t.Errorf("%q: got %+v, want an error", bad, got)
		}
	}
}

func TestDiffers(t *testing.T) {
	en, _ := Parse("en")
	uk, _ := Parse("uk")
	if !uk.Differs(en) || en.Differs(en) || (Tag{}).Differs(en) {
		t.Error("Differs: want uk ≠ en, en = en, no language never differs")
	}
	if (Tag{Code: "EN"}).Differs(en) {
		t.Error("tags differ only in case")
	}
}
