package search

import (
	"encoding/json"
	"os"
	"slices"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/briefing-gen/gen/internal/browsertest"
)

// tricky are strings whose folding is easy to get wrong: accents, both
// cases of Cyrillic, Greek sigma, characters whose lower case or
// decomposition is unusual, apostrophes, characters beyond the BMP.
var tricky = []string{
	"ЗЕЛЕНСЬКИЙ Зеленський", "Français francais", "Ukraine’s Ukraine's", "O'Brien", "İstanbul ISTANBUL",
	"ẞtraße STRASSE", "ΣΊΣΥΦΟΣ σίσυφος", "naïve café Åland Å", "ǄEMAL ǅemal", "ﬁnance", "Ⅻ Ⅷ", "𐐀𐐁 Deseret",
	"e\u0301clair ÉCLAIR", "한국어 Việt Nam", "العَرَبِيَّة", "ёлка ЁЛКА Ї ї", "12,5 3.14 1-800", "🇺🇦 emoji 😀 x",
	"a b c ab", "tab\tnew\nline", "Ŀlobregat", "Ǻ ǻ ǰ", "Ⓐ ⓑ ½ ²", "Ꭰ ꭰ Cherokee",
}

// TestFoldIsTheSameInGoAndJavaScript runs search.js's folding in Chromium
// on tricky strings and checks it against Fold and Terms: a query folded
// otherwise than the index would find nothing.
func TestFoldIsTheSameInGoAndJavaScript(t *testing.T) {
	ctx := browsertest.New(t)
	source, err := os.ReadFile("../../static/search.js")
	if err != nil {
		t.Fatal(err)
	}
	input, _ := json.Marshal(tricky)
	var got struct {
		Fold  []string
		Terms [][]string
	}
	if err := chromedp.Do(ctx, chromedp.Navigate("about:blank")); err != nil {
		t.Fatal(err)
	}
	out, err := chromedp.Run(ctx,
		chromedp.Evaluate[string](string(source)+`;
			JSON.stringify({Fold: `+string(input)+`.map(briefingSearchFold.fold),
				Terms: `+string(input)+`.map(briefingSearchFold.terms)})`),
	)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	for i, s := range tricky {
		if want := Fold(s); got.Fold[i] != want {
			t.Errorf("%q folds to %q in JavaScript, %q in Go", s, got.Fold[i], want)
		}
		want := Terms(s)
		if want == nil {
			want = []string{}
		}
		if !slices.Equal(got.Terms[i], want) {
			t.Errorf("%q has terms %q in JavaScript, %q in Go", s, got.Terms[i], want)
		}
	}
	for s, want := range map[string][]string{"ЗЕЛЕНСЬКИЙ": Terms("Зеленський"), "francais": Terms("Français")} {
		if got := Terms(s); !slices.Equal(got, want) {
			t.Errorf("%s: terms %q, want %q", s, got, want)
		}
	}
}
