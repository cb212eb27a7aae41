package model

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A missed mention is an actor's name written in an article without an
// annotation: the actor's page silently lacks that paragraph. Names are
// matched as whole words, case and all: an actor's name, its aliases, and
// a person's surname.

// nameIndex finds actor names in text. It is keyed by a name's first word,
// so a paragraph is scanned once whatever the number of actors.
type nameIndex map[string][]actorName

type actorName struct {
	words []string
	actor *Actor
}

func newNameIndex(actors []*Actor) nameIndex {
	idx := nameIndex{}
	for _, a := range actors {
		names := append([]string{a.Name}, a.Aliases...)
		if a.Kind == "person" {
			if w := words(a.Name); len(w) > 1 && len([]rune(w[len(w)-1].text)) > 3 {
				names = append(names, w[len(w)-1].text)
			}
		}
		for _, n := range names {
			var ws []string
			for _, w := range words(n) {
				ws = append(ws, w.text)
			}
			if len(ws) > 0 {
				idx[ws[0]] = append(idx[ws[0]], actorName{ws, a})
			}
		}
	}
	return idx
}

type word struct {
	text       string
	start, end int // byte range in the text
}

// words splits text into runs of letters and digits: "U.S." gives "U",
// "S", in names and in text alike.
func words(text string) []word {
	var out []word
	start := -1
	for i, r := range text {
		inWord := unicode.IsLetter(r) || unicode.IsDigit(r)
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

// warnMissed warns about actor names in a's paragraphs that lie outside
// every annotation, once per actor and paragraph.
func (l *linker) warnMissed(a *Article, idx nameIndex) {
	covered := map[int][]Span{}
	for _, an := range a.annotations {
		if an.Para > 0 {
			covered[an.Para] = append(covered[an.Para], Span{an.Start, an.End})
		}
	}
	for _, p := range a.Paragraphs {
		ws := words(p.Text)
		warned := map[*Actor]bool{}
		for i, w := range ws {
			for _, name := range idx[w.text] {
				if warned[name.actor] || !matchesAt(ws, i, name.words) {
					continue
				}
				span := Span{w.start, ws[i+len(name.words)-1].end}
				text := p.Text[span.Start:span.End]
				if overlaps(span, covered[p.N]) || contains(a.notMentions, text) {
					continue
				}
				warned[name.actor] = true
				l.list.Warnf(a.doc.Lines.Pos(a.doc.BodyOffset+sourceOffset(a.doc.Body, p.Offset, p.Text, span)),
					fmt.Sprintf("annotate it as [%s](actor:%s); if it names no actor here, add %q to not_mentions in the front matter", text, name.actor.ID, text),
					"¶%d names %q (actor %s) without an annotation", p.N, text, name.actor.ID)
			}
		}
	}
}

func matchesAt(ws []word, i int, name []string) bool {
	if i+len(name) > len(ws) {
		return false
	}
	for j, n := range name {
		if ws[i+j].text != n {
			return false
		}
	}
	return true
}

func overlaps(s Span, spans []Span) bool {
	for _, c := range spans {
		if s.Start < c.End && c.Start < s.End {
			return true
		}
	}
	return false
}

// sourceOffset finds in the Markdown the words at span of a paragraph's
// plain text: the same occurrence of them, counting from the paragraph's
// start, as markup seldom repeats a capitalised name. It falls back to the
// paragraph's start.
func sourceOffset(body []byte, paraOffset int, text string, span Span) int {
	name := text[span.Start:span.End]
	nth := countWords(text[:span.Start], name)
	src := string(body[paraOffset:])
	for _, w := range findWords(src, name) {
		if nth == 0 {
			return paraOffset + w
		}
		nth--
	}
	return paraOffset
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
	return r != utf8.RuneError && (unicode.IsLetter(r) || unicode.IsDigit(r))
}
