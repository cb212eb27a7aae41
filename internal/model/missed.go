package model

import (
	"bytes"
	"fmt"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/briefing-gen/gen/internal/annotate"
	"github.com/briefing-gen/gen/internal/diag"
)

// A missed mention is an actor's name written in an article without an
// annotation: the actor's page silently lacks that paragraph. Names are
// matched as whole words, case and all: an actor's name, its aliases, and
// a person's surname.

// nameIndex finds actor names in text: each name, as its words joined by
// spaces, maps to its actor, and lengths lists the word counts names have,
// so a paragraph is scanned once, looking up a handful of word runs at
// each word, whatever the number of actors.
type nameIndex struct {
	names   map[string]*Actor // names as their words joined by single spaces
	firsts  map[string]bool   // the first words of the names
	lengths []int             // the numbers of words names have
}

func newNameIndex(actors []*Actor) nameIndex {
	idx := nameIndex{names: map[string]*Actor{}, firsts: map[string]bool{}}
	for _, a := range actors {
		names := append([]string{a.Name}, a.Aliases...)
		if a.Kind == "person" {
			if w := words(a.Name); len(w) > 1 && len([]rune(w[len(w)-1].text)) > 3 {
				names = append(names, w[len(w)-1].text)
			}
		}
		for _, n := range names {
			ws := words(n)
			if len(ws) == 0 {
				continue
			}
			key := string(joinWords(nil, ws))
			if _, taken := idx.names[key]; !taken { // the first actor to claim a name keeps it
				idx.names[key] = a
			}
			idx.firsts[ws[0].text] = true
			if !slices.Contains(idx.lengths, len(ws)) {
				idx.lengths = append(idx.lengths, len(ws))
			}
		}
	}
	slices.Sort(idx.lengths)
	slices.Reverse(idx.lengths) // the longest first
	return idx
}

// joinWords appends the words to buf with single spaces between them.
func joinWords(buf []byte, ws []word) []byte {
	for i, w := range ws {
		if i > 0 {
			buf = append(buf, ' ')
		}
		buf = append(buf, w.text...)
	}
	return buf
}

type word struct {
	text       string
	start, end int // byte range in the text
}

// words splits text into runs of letters and digits: "U.S." gives "U",
// "S", in names and in text alike.
func words(text string) []word { return appendWords(nil, text) }

// appendWords is words appending to out, which a caller reuses.
func appendWords(out []word, text string) []word {
	start := -1
	for i, r := range text {
		inWord := isWordRune(r)
		switch {
		case inWord && start < 0:
			start = i
		case !inWord && start >= 0:
			out = append(out, word{text[start:i], start, i})
			start = -1
		}
	}
	if start >= 0 {
		out = append(out, word{text[start:], start, len(text)})
	}
	return out
}

// warnMissed warns, into list, about every actor name in a's paragraphs
// that lies outside every annotation, so that one run shows them all; a
// name inside a longer one ("Vance" in "JD Vance") is the longer one's. Articles are
// independent here, so callers check them in parallel.
func warnMissed(a *Article, idx nameIndex, list *diag.List) {
	covered := map[int]*cover{}
	for _, an := range a.annotations {
		if an.Para > 0 {
			c := covered[an.Para]
			if c == nil {
				c = &cover{}
				covered[an.Para] = c
			}
			c.spans = append(c.spans, Span{an.Start, an.End})
		}
	}
	for _, c := range covered {
		c.index()
	}
	var ws []word
	var key []byte
	for _, p := range a.Paragraphs {
		ws = appendWords(ws[:0], p.Text)
		next := 0 // the first word past the last name warned about
		for i := range ws {
			if i < next || !idx.firsts[ws[i].text] { // most words begin no name
				continue
			}
			for _, n := range idx.lengths { // the longest first: "JD Vance", not "Vance"
				if i+n > len(ws) {
					continue
				}
				key = joinWords(key[:0], ws[i:i+n])
				actor, ok := idx.names[string(key)] // looked up without allocating a string
				if !ok {
					continue
				}
				span := Span{ws[i].start, ws[i+n-1].end}
				text := p.Text[span.Start:span.End]
				if covered[p.N].overlaps(span) || slices.Contains(a.notMentions, text) {
					continue
				}
				next = i + n
				list.Warnf(a.doc.Lines.Pos(a.doc.BodyOffset+sourceOffset(a.doc.Body, p.Offset, p.Text, span)),
					fmt.Sprintf("annotate it as [%s](actor:%s); if it names no actor here, add %q to not_mentions in the front matter", text, actor.ID, text),
					"¶%d names %q (actor %s) without an annotation", p.N, text, actor.ID)
				break
			}
		}
	}
}

// cover is the annotated spans of a paragraph, sorted by start, with the
// furthest end among each prefix, so that checking a name against a
// paragraph of many annotations is a binary search, not a scan.
type cover struct {
	spans []Span
	reach []int // reach[i] is the largest End among spans[:i+1]
}

func (c *cover) index() {
	slices.SortFunc(c.spans, func(a, b Span) int { return a.Start - b.Start })
	c.reach = make([]int, len(c.spans))
	for i, s := range c.spans {
		c.reach[i] = s.End
		if i > 0 {
			c.reach[i] = max(s.End, c.reach[i-1])
		}
	}
}

// overlaps reports whether s overlaps an annotated span: one that starts
// before s ends and ends after s starts.
func (c *cover) overlaps(s Span) bool {
	if c == nil {
		return false
	}
	i := sort.Search(len(c.spans), func(i int) bool { return c.spans[i].Start >= s.End })
	return i > 0 && c.reach[i-1] > s.Start
}

// sourceOffset finds in the Markdown the words at span of a paragraph's
// plain text: the same occurrence of them, counting from the paragraph's
// start, as markup seldom repeats a capitalised name but in a link's
// target (a quote's ?translation=), which is skipped. It falls back to
// the paragraph's start.
func sourceOffset(body []byte, paraOffset int, text string, span Span) int {
	name := text[span.Start:span.End]
	nth := countWords(text[:span.Start], name)
	// Searched in place and only as far as the occurrence: the rest of
	// the body can be megabytes.
	src, pattern := body[paraOffset:], []byte(name)
	for from := 0; ; {
		i := bytes.Index(src[from:], pattern)
		if i < 0 {
			return paraOffset
		}
		start, end := from+i, from+i+len(name)
		from = end
		before, _ := utf8.DecodeLastRune(src[:start])
		after, _ := utf8.DecodeRune(src[end:])
		if !isWordRune(before) && !isWordRune(after) && !inTarget(src[:start]) {
			if nth == 0 {
				return paraOffset + start
			}
			nth--
		}
	}
}

// inTarget reports whether the text that ends with before is inside a
// link's target: after a "](" with no ")" or line break since, or after
// "](<" with no ">".
func inTarget(before []byte) bool {
	open := bytes.LastIndex(before, []byte("]("))
	if open < 0 {
		return false
	}
	rest := before[open+2:]
	if bytes.HasPrefix(rest, []byte("<")) {
		return !bytes.ContainsAny(rest, ">\n")
	}
	return !bytes.ContainsAny(rest, ")\n")
}

func countWords(text, name string) int { return len(findWords(text, name)) }

// findWords returns the offsets of name in text where it stands as whole
// words.
func findWords(text, name string) []int {
	var out []int
	for from := 0; ; {
		i := strings.Index(text[from:], name)
		if i < 0 {
			return out
		}
		start, end := from+i, from+i+len(name)
		from = end
		before, _ := utf8.DecodeLastRuneInString(text[:start])
		after, _ := utf8.DecodeRuneInString(text[end:])
		if !isWordRune(before) && !isWordRune(after) {
			out = append(out, start)
		}
	}
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return r != utf8.RuneError && (unicode.IsLetter(r) || unicode.IsDigit(r))
}

// Quotes and event references name actors too: a quotation that names
// Russia is a passage about Russia, though the writer annotated it as the
// speaker's words. resolve puts a mention of each actor such words name
// right after the quote or reference (Reword, rewording them, the same),
// so marks keep the order of the words. The names are those the
// missed-mention check looks for, the longest at each word, and a name
// listed in not_mentions counts for nothing here either.

// namedIn are the mentions of actors that the words of a quote or an
// event reference make; ws and key are buffers the caller reuses.
func (idx nameIndex) namedIn(a *Article, an *annotate.Annotation, ws *[]word, key *[]byte) []*annotate.Annotation {
	if an.Kind != annotate.Quote && an.Kind != annotate.Event || an.Para < 1 || an.Para > len(a.Paragraphs) {
		return nil
	}
	text := a.Paragraphs[an.Para-1].Text
	if an.Start < 0 || an.End > len(text) || an.Start >= an.End {
		return nil
	}
	var named []*annotate.Annotation
	idx.longest(text[an.Start:an.End], ws, key, func(start, end int, best *Actor) {
		start, end = an.Start+start, an.Start+end
		if name := text[start:end]; !slices.Contains(a.notMentions, name) {
			named = append(named, &annotate.Annotation{Kind: annotate.Actor, ID: best.ID, Text: name,
				Para: an.Para, Offset: an.Offset, Start: start, End: end})
		}
	})
	return named
}
