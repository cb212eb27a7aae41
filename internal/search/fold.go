package search

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Fold is how search compares text, the same in Go at build time and in
// static/search.js for the query: character by character, each is
// decomposed (NFD), its nonspacing marks (Unicode category Mn: the
// accents of Latin, Greek and Cyrillic, Arabic vowel marks, Hebrew
// points, Thai vowel marks, the kana voicing marks) are dropped, the rest
// is lowered, and the letters that are not a base and an accent are
// written as a reader without them types them: ß as ss, æ as ae, œ as
// oe, ø as o, ł as l, đ and ð as d, þ as th, ı as i. Apostrophes (' and
// ’) are dropped, so that "Ukraine’s" is one word. "Français" folds to
// "francais", "ЗЕЛЕНСЬКИЙ" to "зеленський", "Weiß" to "weiss",
// "العَرَبِيَّة" to "العربية".
func Fold(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		b.WriteString(foldRune(r))
	}
	return b.String()
}

// foldRune is Fold of one character; ASCII takes the short way.
func foldRune(r rune) string {
	if r < utf8.RuneSelf {
		if r == '\'' {
			return ""
		}
		if 'A' <= r && r <= 'Z' {
			r += 'a' - 'A'
		}
		return asciiStrings[r]
	}
	if r < tableRunes {
		return table()[r]
	}
	return foldSlow(r)
}

// tableRunes are the characters folded once, in a table: Latin, Greek,
// Cyrillic and the other alphabets of Europe and around, and punctuation.
const tableRunes = 0x2100

var table = sync.OnceValue(func() *[tableRunes]string {
	var t [tableRunes]string
	for r := range rune(tableRunes) {
		t[r] = foldSlow(r)
	}
	return &t
})

func foldSlow(r rune) string {
	if r == '’' || r == '\'' {
		return ""
	}
	var buf [utf8.UTFMax]byte
	d := norm.NFD.String(string(buf[:utf8.EncodeRune(buf[:], r)]))
	out := make([]rune, 0, len(d))
	for _, c := range d {
		if unicode.Is(unicode.Mn, c) {
			continue
		}
		out = append(out, c)
	}
	// JavaScript's toLowerCase; the one character whose lower case is two
	// (İ) is decomposed already.
	lower := strings.ToLower(string(out))
	if l, ok := letterSpelled(lower); ok {
		return l
	}
	return lower
}

// letterSpelled is how a letter that no decomposition takes apart is
// typed without it; search.js has the same list.
func letterSpelled(s string) (string, bool) {
	switch s {
	case "ß":
		return "ss", true
	case "æ":
		return "ae", true
	case "œ":
		return "oe", true
	case "ø":
		return "o", true
	case "ł":
		return "l", true
	case "đ", "ð":
		return "d", true
	case "þ":
		return "th", true
	case "ı":
		return "i", true
	}
	return "", false
}

var asciiStrings = func() (t [utf8.RuneSelf]string) {
	for i := range t {
		t[i] = string(rune(i))
	}
	return t
}()

// isWordRune is what a word is made of, \p{L}, \p{N} and \p{Mc} (the
// spacing vowel signs of Devanagari and other scripts of India and
// around) in search.js.
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || '0' <= r && r <= '9' || 'A' <= r && r <= 'Z'
	}
	return unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.Is(unicode.Mc, r)
}

// unspaced reports a character of a script written without spaces between
// its words (Chinese, Japanese, Thai, Lao, Khmer, Burmese), whose runs are
// indexed by pairs of characters; search.js has the same test.
func unspaced(r rune) bool {
	return r >= 0x0e00 && (unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Thai, unicode.Lao, unicode.Khmer, unicode.Myanmar) || r == 0x30fc)
}

// Terms are the words of s, folded, in order, repeats kept, one-letter
// words dropped: the terms a query is split into, and those the index
// holds. A run of characters of a script written without spaces
// (unspaced) is not one word but each pair of characters in it, "中国政府"
// giving "中国", "国政" and "政府"; a run of one character is a term.
func Terms(s string) []string {
	var terms []string
	forTerms(s, func(t string) { terms = append(terms, t) })
	return terms
}

// forTerms calls fn with each of Terms(s).
func forTerms(s string, fn func(string)) {
	forTermBytes(s, nil, func(t []byte) { fn(string(t)) })
}

// forTermBytes calls fn with each of Terms(s), in a buffer (from buf)
// that the next call overwrites.
func forTermBytes(s string, buf []byte, fn func([]byte)) {
	word := buf[:0]
	runes := 0
	inRun := false // word is a run of unspaced characters
	flush := func() {
		switch {
		case inRun && runes > 2:
			for i, n := 0, 0; n+1 < runes; n++ {
				_, first := utf8.DecodeRune(word[i:])
				_, second := utf8.DecodeRune(word[i+first:])
				fn(word[i : i+first+second])
				i += first
			}
		case inRun || runes > 1:
			fn(word)
		}
		word, runes, inRun = word[:0], 0, false
	}
	for _, r := range s {
		if r < utf8.RuneSelf {
			if inRun {
				flush()
			}
			switch {
			case r == '\'':
				continue
			case 'A' <= r && r <= 'Z':
				word = append(word, byte(r+'a'-'A'))
				runes++
			case 'a' <= r && r <= 'z' || '0' <= r && r <= '9':
				word = append(word, byte(r))
				runes++
			default:
				flush()
			}
			continue
		}
		for _, c := range foldRune(r) {
			if !isWordRune(c) {
				flush()
				continue
			}
			if u := unspaced(c); u != inRun {
				flush()
				inRun = u
			}
			word = utf8.AppendRune(word, c)
			runes++
		}
	}
	flush()
}
