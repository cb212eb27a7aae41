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
	"slices"
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

// Index is the search index of a briefing, with where each article's
// paragraphs are in it, so that an article whose text alone changed is
// written again in place (Reword) rather than the whole index.
//
// The index runs to tens of megabytes for a large briefing, so it is
// written straight into one buffer of about its final size, not built as
// a slice of entries and marshalled (which holds it three times over).
type Index struct {
	data  []byte
	start int                    // where the articles' entries start in data
	at    map[*model.Article]int // the article's place in ends
	ends  []int                  // where each article's entries end in data, in the briefing's order
}

// header opens the index; an article's entries start with a comma unless
// they come right after it.
const header = "window.briefingSearchIndex = ["

// New writes the search index of b.
func New(b *model.Briefing) *Index {
	w := writer{buf: make([]byte, 0, estimate(b))}
	w.buf = append(w.buf, header...)
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
	x := &Index{start: len(w.buf), at: make(map[*model.Article]int, len(b.Articles)), ends: make([]int, len(b.Articles))}
	for i, a := range b.Articles {
		w.paragraphs(a)
		x.at[a], x.ends[i] = i, len(w.buf)
	}
	w.buf = append(w.buf, "];\n"...)
	x.data = w.buf
	return x
}

// File is the index as the file the site serves.
func (x *Index) File() output.File { return output.File{Path: Path, Data: x.data} }

// Reword returns the index with a's paragraphs written again, after their
// text changed; x is left as it is, as its bytes may be being served.
func (x *Index) Reword(a *model.Article) *Index {
	i, ok := x.at[a]
	if !ok {
		panic("search: Reword of an article the index does not hold")
	}
	start := x.start
	if i > 0 {
		start = x.ends[i-1]
	}
	w := writer{entries: start - len(header)} // a comma first unless it comes first
	w.paragraphs(a)
	delta := len(w.buf) - (x.ends[i] - start)
	data := make([]byte, 0, len(x.data)+delta)
	data = append(append(append(data, x.data[:start]...), w.buf...), x.data[x.ends[i]:]...)
	ends := slices.Clone(x.ends)
	for j := i; j < len(ends); j++ {
		ends[j] += delta
	}
	return &Index{data: data, start: x.start, at: x.at, ends: ends}
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
	entries int // entries written before, so far; only whether there are any matters
}

// paragraphs appends an entry for each of a's paragraphs.
func (w *writer) paragraphs(a *model.Article) {
	page := a.Path() + "#p"
	for _, p := range a.Paragraphs {
		w.entry(Paragraph, a.Title, p.Text, page, strconv.Itoa(p.N))
	}
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
