// Package search writes the index that static/search.js searches in the
// reader's browser, with no server.
//
// The index is a set of scripts, each setting a global: a script loads
// where fetch() cannot, from a folder on disk (file://) as on any web
// server, and the search page adds them only when the reader starts a
// search, so no other page pays for them. search-index.js holds the
// topics, actors, events and quotes, and says how many parts hold the
// articles' paragraphs (search/part-1.js and on, a part for every
// ArticlesPerPart articles, newest first): a large briefing's index loads
// as several files at once, and gen serve writes again only the part of
// an article whose text changed (and search-index.js when its quotes did). Each entry is [kind, title, text, link];
// links are site-relative and point at the paragraph.
package search

import (
	"fmt"
	"slices"
	"strconv"
	"unicode/utf8"

	"briefing/internal/model"
	"briefing/internal/output"
)

// Path is where the index's first file is written; the parts are PartPath(1) and on.
const Path = "search-index.js"

// PartPath is where part n of the index, from 1, is written.
func PartPath(n int) string { return fmt.Sprintf("search/part-%d.js", n) }

// ArticlesPerPart is how many articles' paragraphs a part of the index
// holds: about 1.7 MB of text for articles the length of the shipped one.
const ArticlesPerPart = 250

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
// written again in place (Reword): only its part changes.
//
// The index runs to tens of megabytes for a large briefing, so each file
// is written straight into one buffer of about its final size, not built
// as a slice of entries and marshalled (which holds it three times over).
type Index struct {
	head     []byte   // search-index.js
	parts    [][]byte // the articles' paragraphs, ArticlesPerPart articles each
	articles []*model.Article
	at       map[*model.Article]int // the article's place in articles
	ends     []int                  // where each article's entries end in its part
}

// New writes the search index of b.
func New(b *model.Briefing) *Index {
	parts := (len(b.Articles) + ArticlesPerPart - 1) / ArticlesPerPart
	x := &Index{head: head(b, parts), parts: make([][]byte, parts), articles: b.Articles,
		at: make(map[*model.Article]int, len(b.Articles)), ends: make([]int, len(b.Articles))}
	for i, a := range b.Articles {
		x.at[a] = i
	}
	for n := range parts {
		x.writePart(n)
	}
	return x
}

// writePart writes part n (from 0) of the index.
func (x *Index) writePart(n int) {
	first := n * ArticlesPerPart
	articles := x.articles[first:min(first+ArticlesPerPart, len(x.articles))]
	w := writer{buf: make([]byte, 0, estimate(articles))}
	w.buf = partHead(w.buf, n)
	for i, a := range articles {
		w.paragraphs(a)
		x.ends[first+i] = len(w.buf)
	}
	x.parts[n] = append(w.buf, "];\n"...)
}

// head writes search-index.js: the entries of topics, actors, events and
// quotes, and the number of parts.
func head(b *model.Briefing, parts int) []byte {
	w := writer{buf: make([]byte, 0, 200*(len(b.Topics)+len(b.Actors)+len(b.Events)+len(b.Quotes))+100)}
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
	w.buf = append(w.buf, "];\nwindow.briefingSearchParts = {count: "...)
	return append(strconv.AppendInt(w.buf, int64(parts), 10), "};\n"...)
}

// partHead opens part n (from 0) of the index.
func partHead(buf []byte, n int) []byte {
	buf = append(buf, "window.briefingSearchParts["...)
	return append(strconv.AppendInt(buf, int64(n+1), 10), "] = ["...)
}

// Files are the index's files, as the site serves them.
func (x *Index) Files() []output.File {
	files := []output.File{{Path: Path, Data: x.head}}
	for n, part := range x.parts {
		files = append(files, output.File{Path: PartPath(n + 1), Data: part})
	}
	return files
}

// Size is the index's size in bytes, all its files together.
func (x *Index) Size() int {
	n := len(x.head)
	for _, part := range x.parts {
		n += len(part)
	}
	return n
}

// Reword returns the index with a's paragraphs written again, after their
// text changed: only a's part changes. x is left as it is, as its files
// may be being served.
func (x *Index) Reword(a *model.Article) *Index {
	i, ok := x.at[a]
	if !ok {
		panic("search: Reword of an article the index does not hold")
	}
	n := i / ArticlesPerPart
	y := &Index{head: x.head, parts: slices.Clone(x.parts), articles: x.articles, at: x.at, ends: slices.Clone(x.ends)}
	start := len(partHead(nil, n))
	if i%ArticlesPerPart > 0 {
		start = x.ends[i-1]
	}
	w := writer{entries: start - len(partHead(nil, n))} // a comma first unless it comes first
	w.paragraphs(a)
	if (len(w.buf) == 0) != (x.ends[i] == start) {
		// An article gains its first paragraph or loses its last: whether
		// the next article's entries start with a comma may change.
		y.writePart(n)
		return y
	}
	part := x.parts[n]
	delta := len(w.buf) - (x.ends[i] - start)
	data := make([]byte, 0, len(part)+delta)
	y.parts[n] = append(append(append(data, part[:start]...), w.buf...), part[x.ends[i]:]...)
	for j := i; j < min((n+1)*ArticlesPerPart, len(y.ends)); j++ {
		y.ends[j] += delta
	}
	return y
}

// Reannotate returns the index of b after a's annotations changed, which
// holds the same articles and events: a's paragraphs, and the head with
// the quotes, are written again. x is left as it is.
func (x *Index) Reannotate(b *model.Briefing, a *model.Article) *Index {
	y := x.Reword(a)
	y.head = head(b, len(y.parts))
	return y
}

// estimate is about the size of the articles' entries: their text, with
// room for the quotes, commas and links around it.
func estimate(articles []*model.Article) int {
	n := 64
	for _, a := range articles {
		for _, p := range a.Paragraphs {
			n += len(a.Title) + len(p.Text) + len(a.Slug) + 40
		}
	}
	return n
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
