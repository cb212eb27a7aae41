package scaffold

import "testing"

func TestTitleOf(t *testing.T) {
	for id, want := range map[string]string{
		"scott-bessent":   "Scott Bessent",
		"us-treasury":     "US Treasury",
		"bank-of-england": "Bank of England",
		"eu":              "EU",
		"of-counsel":      "Of Counsel",
		"jd-vance":        "JD Vance",
	} {
		if got := titleOf(id); got != want {
			t.Errorf("titleOf(%q) = %q, want %q", id, got, want)
		}
	}
}

func TestGuessKind(t *testing.T) {
	for id, want := range map[string]string{
		"us-treasury":        "government",
		"ministry-of-energy": "government",
		"mining-association": "organisation",
		"scott-bessent":      "person",
	} {
		if got := guessKind(id); got != want {
			t.Errorf("guessKind(%q) = %q, want %q", id, got, want)
		}
	}
}
