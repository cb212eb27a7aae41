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
	"bytes"
	"encoding/json"

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
func Index(b *model.Briefing) output.File {
	var entries [][4]string
	for _, t := range b.Topics {
		entries = append(entries, [4]string{Topic, t.Title, t.Summary, t.Path()})
	}
	for _, a := range b.Actors {
		text := a.Role
		for _, alias := range a.Aliases {
			text += " · " + alias
		}
		entries = append(entries, [4]string{Actor, a.Name, text, a.Path()})
	}
	for _, e := range b.Events {
		entries = append(entries, [4]string{Event, e.Title, e.Date.String(), e.Path()})
	}
	for _, q := range b.Quotes {
		entries = append(entries, [4]string{Quote, q.Speaker.Name, q.Text, q.SourcePath()})
	}
	for _, a := range b.Articles {
		for _, p := range a.Paragraphs {
			entries = append(entries, [4]string{Paragraph, a.Title, p.Text, a.ParagraphPath(p.N)})
		}
	}
	if entries == nil {
		entries = [][4]string{}
	}
	data, err := json.Marshal(entries) // escapes <, > and &: safe inside a script
	if err != nil {
		panic(err) // strings only
	}
	const prefix, suffix = "window.briefingSearchIndex = ", ";\n"
	var buf bytes.Buffer
	buf.Grow(len(prefix) + len(data) + len(suffix)) // the index can be tens of megabytes: no doubling
	buf.WriteString(prefix)
	buf.Write(data)
	buf.WriteString(suffix)
	return output.File{Path: Path, Data: buf.Bytes()}
}
