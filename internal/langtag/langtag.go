// Package langtag reads the language of a site or an article: a BCP 47
// tag ("uk", "de-CH", "zh-Hant", "ar"), checked with
// golang.org/x/text/language and written canonically, and the direction
// its script runs in.
//
// A tag's script is the one it names ("az-Arab") or else the one its
// language is most likely written in ("fa" is Arab, "he" Hebr, "ur"
// Arab). The scripts written right to left are Arabic, Hebrew, Syriac,
// Thaana, N'Ko, Adlam, Hanifi Rohingya, Mandaic, Samaritan, Mende Kikakui
// and Yezidi; every other runs left to right.
package langtag

import (
	"strings"

	"golang.org/x/text/language"
)

// Tag is a checked language tag. The zero Tag is no language.
type Tag struct {
	Code string // canonical, as lang="…" takes it: "uk", "pt-BR"
	RTL  bool   // its script runs right to left
}

// Parse checks s as a BCP 47 tag. It fails for a tag that is not well
// formed ("english", "en_GB_x") or names a language, script or region
// that is not known ("xx").
func Parse(s string) (Tag, error) {
	t, err := language.Parse(strings.TrimSpace(s))
	if err != nil {
		return Tag{}, err
	}
	script, _ := t.Script()
	return Tag{Code: t.String(), RTL: rightToLeft(script.String())}, nil
}

// Hint is what an error from Parse suggests.
const Hint = `write a BCP 47 language tag, such as "uk", "de", "pt-BR" or "zh-Hant"`

// Dir is the direction of the tag's script, as dir="…" takes it.
func (t Tag) Dir() string {
	if t.RTL {
		return "rtl"
	}
	return "ltr"
}

// Differs reports whether text in language t, shown on a page in
// language page, needs a lang of its own: t is a language and not the
// page's.
func (t Tag) Differs(page Tag) bool {
	return t.Code != "" && !strings.EqualFold(t.Code, page.Code)
}

func rightToLeft(script string) bool {
	switch script {
	case "Arab", "Hebr", "Syrc", "Thaa", "Nkoo", "Adlm", "Rohg", "Mand", "Samr", "Mend", "Yezi":
		return true
	}
	return false
}
