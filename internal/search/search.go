// Package search writes the index that static/search.js searches in the
// reader's browser, with no server.
//
// The index is a script, search-index.js, that sets one global. A script
// loads where fetch() cannot, from a folder on disk (file://) as on any
// web server, and the search page adds it only when the reader starts a
// search, so no other page pays for it. Each entry is [kind, title, text,
// link]; links are site-relative and point at the paragraph.
package search

import (
	"strconv"
	"unicode/utf8"

	"briefing/internal/model"
	"briefing/internal/output"
)

// Path is where the index is written.
const Path = "search-index.js"

// The kinds of entry; search.js labels results by them.
const (
	Paragraph = "p"
	Quote     = "q"
	Actor     = "a"
	Topic     = "t"
	Event     = "e"
)

// Index builds the search index of b.
//
// The index runs to tens of megabytes for a large briefing, so it is
// written straight into one buffer of about its final size, not built as
// a slice of entries and marshalled (which holds it three times over).
func Index(b *model.Briefing) output.File {
	w := writer{buf: make([]byte, 0, estimate(b))}
	w.buf = append(w.buf, "window.briefingSearchIndex = ["...)
	for _, t := range b.Topics {
		w.entry(Topic, t.Title, t.Summary, t.Path(), "")
	}
	for _, a := range b.Actors {
		text := a.Role
		for _, alias := range a.Aliases {
			text += " · " + alias
		}
		w.entry(Actor, a.Name, text, a.Path(), "")
	}
	for _, e := range b.Events {
		w.entry(Event, e.Title, e.Date.String(), e.Path(), "")
	}
	for _, q := range b.Quotes {
		w.entry(Quote, q.Speaker.Name, q.Text, q.SourcePath(), "")
	}
	for _, a := range b.Articles {
		page := a.Path() + "#p"
		for _, p := range a.Paragraphs {
			w.entry(Paragraph, a.Title, p.Text, page, strconv.Itoa(p.N))
		}
	}
	w.buf = append(w.buf, "];\n"...)
	return output.File{Path: Path, Data: w.buf}
}

// estimate is about the size of b's index: its text, with room for the
// quotes, commas and links around it.
func estimate(b *model.Briefing) int {
	n := 64
	for _, a := range b.Articles {
		for _, p := range a.Paragraphs {
			n += len(a.Title) + len(p.Text) + len(a.Slug) + 40
		}
	}
	return n + 200*(len(b.Topics)+len(b.Actors)+len(b.Events)+len(b.Quotes))
}

// writer appends entries as JSON arrays of strings.
type writer struct {
	buf     []byte
	entries int
}

// entry appends [kind, title, text, link+fragment].
func (w *writer) entry(kind, title, text, link, fragment string) {
	if w.entries > 0 {
		w.buf = append(w.buf, ',')
	}
	w.entries++
	w.buf = append(w.buf, '[')
	w.buf = appendString(w.buf, kind)
	w.buf = append(w.buf, ',')
	w.buf = appendString(w.buf, title)
	w.buf = append(w.buf, ',')
	w.buf = appendString(w.buf, text)
	w.buf = append(w.buf, ',')
	w.buf = appendString(w.buf, link+fragment)
	w.buf = append(w.buf, ']')
}

// appendString appends s as a JSON string that is also safe inside a
// script element: <, > and & are escaped, as are the line separators
// JavaScript once refused in strings.
func appendString(buf []byte, s string) []byte {
	const hex = "0123456789abcdef"
	buf = append(buf, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' && c != '<' && c != '>' && c != '&' {
				i++
				continue
			}
			buf = append(buf, s[start:i]...)
			switch c {
			case '"', '\\':
				buf = append(buf, '\\', c)
			case '\n':
				buf = append(buf, '\\', 'n')
			case '\t':
				buf = append(buf, '\\', 't')
			default:
				buf = append(buf, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xf])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == '\u2028' || r == '\u2029' || r == utf8.RuneError && size == 1 {
			buf = append(buf, s[start:i]...)
			if r == utf8.RuneError {
				buf = append(buf, `\ufffd`...)
			} else {
				buf = append(buf, '\\', 'u', '2', '0', '2', hex[r&0xf])
			}
			i += size
			start = i
			continue
		}
		i += size
	}
	buf = append(buf, s[start:]...)
	return append(buf, '"')
}
