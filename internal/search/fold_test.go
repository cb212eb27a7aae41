package search

import (
	"encoding/json"
	"os"
	"slices"
	"strings"
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
	"Weiß WEISS", "Øresund Łódź Ærøskøbing Œuvre Þór Đakovo ıspanak", "שָׁלוֹם שלום", "मैं हिन्दी बोलता हूँ",
	"中国政府今天宣布了新的政策。", "東京都の知事はコーヒーを飲んだ", "ประเทศไทยมีประชากรมาก", "iPhone手机2025年", "𠀀𠀁𠀂 国",
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

// TestQueriesFindTheirWords checks, for each text, that every term of a
// query a reader would type for it begins one of the text's terms, as
// search.js needs to find it: other cases, letters written without their
// accents or ligatures, and scripts written without spaces between words.
func TestQueriesFindTheirWords(t *testing.T) {
	for _, c := range []struct{ query, text string }{
		{"ЗЕЛЕНСЬКИЙ", "Зеленський заявив"},
		{"francais", "the Français edition"},
		{"weiss", "er weiß, dass"},
		{"STRASSE", "Straße"},
		{"oresund", "Øresund"},
		{"lodz", "Łódź"},
		{"aeroskobing", "Ærøskøbing"},
		{"العربية", "العَرَبِيَّة"}, // Arabic without its vowel marks
		{"שלום", "שָׁלוֹם"},         // Hebrew without its points
		{"हिन्दी", "मैं हिन्दी बोलता हूँ"}, // Devanagari's vowel signs are part of the word
		{"ประเทศ", "ประเทศไทยมีประชากรมาก"},
		{"政府", "中国政府今天宣布了新的政策。"},
		{"新的政策", "中国政府今天宣布了新的政策。"},
		{"東京", "東京都の知事は会見で"},
		{"カタカナ", "これはカタカナです"},
	} {
		index := Terms(c.text)
		query := Terms(c.query)
		if len(query) == 0 {
			t.Errorf("%q: the query has no terms", c.query)
		}
		for _, q := range query {
			if !slices.ContainsFunc(index, func(term string) bool { return strings.HasPrefix(term, q) }) {
				t.Errorf("%q: its term %q begins none of the terms of %q, %q", c.query, q, c.text, index)
			}
		}
	}
}
