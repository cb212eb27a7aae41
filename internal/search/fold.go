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
// decomposed (NFD), its combining accents U+0300–U+036F are dropped, and
// the rest is lowered; apostrophes (' and ’) are dropped, so that
// "Ukraine’s" is one word. "Français" folds to "francais", "ЗЕЛЕНСЬКИЙ"
// to "зеленський".
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
		if c >= 0x300 && c <= 0x36f {
			continue
		}
		out = append(out, c)
	}
	// JavaScript's toLowerCase; the one character whose lower case is two
	// (İ) is decomposed already.
	return strings.ToLower(string(out))
}

var asciiStrings = func() (t [utf8.RuneSelf]string) {
	for i := range t {
		t[i] = string(rune(i))
	}
	return t
}()

// isWordRune is what a word is made of, \p{L} and \p{N} in search.js.
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || '0' <= r && r <= '9' || 'A' <= r && r <= 'Z'
	}
	return unicode.IsLetter(r) || unicode.IsNumber(r)
}

// Terms are the words of s, folded, in order, repeats kept, one-letter
// words dropped: the terms a query is split into, and those the index
// holds.
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
	flush := func() {
		if runes > 1 {
			fn(word)
		}
		word, runes = word[:0], 0
	}
	for _, r := range s {
		if r < utf8.RuneSelf {
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
			if isWordRune(c) {
				word = utf8.AppendRune(word, c)
				runes++
			} else {
				flush()
			}
		}
	}
	flush()
}
