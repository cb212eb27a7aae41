package suggest

import (
	"fmt"
	"slices"
	"strings"

	"github.com/briefing-gen/gen/internal/model"
)

// anonymous is an anonymous source as the text describes it: its name's
// last word is the noun ("official"), the others the words that may
// describe it ("senior", "white", "house"); marked are words a
// description must say to mean it ("former": a senior official is a
// current one unless called former).
type anonymous struct {
	id     string
	head   string
	words  []string
	marked []string
}

// markedWords set an anonymous source apart so strongly that a
// description without them means someone else.
var markedWords = []string{"former", "ex"}

func describe(a *model.Actor) (anonymous, bool) {
	ws := lowerWords(a.Name)
	if len(ws) < 1 {
		return anonymous{}, false
	}
	d := anonymous{id: a.ID, head: ws[len(ws)-1]}
	for _, w := range ws[:len(ws)-1] {
		if w == "unnamed" || w == "anonymous" {
			continue
		}
		d.words = append(d.words, w)
		if slices.Contains(markedWords, w) {
			d.marked = append(d.marked, w)
		}
	}
	return d, true
}

// description is a phrase that describes an anonymous source: "a senior
// official", "the official", "one former senior official".
type description struct {
	determiner string   // "a", "the", "one"…, "" for the source's own name
	candidates []string // the sources it fits
}

var determiners = map[string]bool{"a": true, "an": true, "the": true, "one": true, "another": true}

// descriptions finds the phrases in text (at offset base of its
// paragraph) that describe anonymous sources: a determiner, words each
// of which the source's name has, and its noun; or the name itself,
// whatever its capitals. A "from the White House" after the noun narrows
// the sources it fits, and belongs to the phrase when the speaker of a
// quotation is looked for.
func (k *Known) descriptions(text string, base int) []ref {
	if len(k.anon) == 0 {
		return nil
	}
	ws := wordsOf(text)
	lower := make([]string, len(ws))
	for i, w := range ws {
		lower[i] = strings.ToLower(text[w.start:w.end])
	}
	adjacent := func(i int) bool { // word i-1 and word i are separated by spaces only
		return strings.TrimSpace(text[ws[i-1].end:ws[i].start]) == ""
	}
	var out []ref
	for h := range ws {
		var fit []anonymous
		for _, a := range k.anon {
			if a.head == lower[h] {
				fit = append(fit, a)
			}
		}
		if len(fit) == 0 || h+1 < len(ws) && adjacent(h+1) && nounAfter(lower[h+1]) {
			continue // "the official visit": the noun's word used as an adjective
		}
		// The words before the noun, back to a determiner.
		first, det := h, ""
		for i := h; i > 0 && h-i < 6 && adjacent(i); i-- {
			if determiners[lower[i-1]] {
				first, det = i-1, lower[i-1]
				break
			}
			first = i - 1
		}
		if det == "" {
			// No determiner: only the name itself, in any capitals.
			for _, a := range fit {
				n := len(a.words)
				if h-n < 0 || !slices.Equal(lower[h-n:h], a.words) || !wordsAdjacent(text, ws, h-n, h) {
					continue
				}
				if h-n > 0 && lower[h-n-1] == "unnamed" && adjacent(h-n) {
					n++
				}
				out = append(out, ref{span: span{base + ws[h-n].start, base + ws[h].end}, kind: Actor,
					desc: &description{candidates: []string{a.id}}})
				break
			}
			continue
		}
		said := lower[first+1 : h]
		var cands []anonymous
		for _, a := range fit {
			if subset(said, a.words) && subset(a.marked, said) {
				cands = append(cands, a)
			}
		}
		if len(cands) == 0 {
			continue
		}
		r := ref{span: span{base + ws[first].start, base + ws[h].end}, kind: Actor}
		// "from the White House", "of the National Security Council"
		if h+2 < len(ws) && adjacent(h+1) && slices.Contains([]string{"from", "of", "at", "in"}, lower[h+1]) {
			for _, m := range k.names.Find(text[ws[h+1].end:]) {
				gap := strings.ToLower(strings.TrimSpace(text[ws[h+1].end : ws[h+1].end+m.Start]))
				if gap != "" && gap != "the" {
					break
				}
				post := lowerWords(text[ws[h+1].end+m.Start : ws[h+1].end+m.End])
				var narrowed []anonymous
				for _, a := range cands {
					if subset(post, a.words) {
						narrowed = append(narrowed, a)
					}
				}
				if len(narrowed) > 0 {
					cands = narrowed
					r.reach = base + ws[h+1].end + m.End
				}
				break
			}
		}
		d := &description{determiner: det}
		for _, a := range cands {
			d.candidates = append(d.candidates, a.id)
		}
		r.desc = d
		out = append(out, r)
	}
	return out
}

func wordsAdjacent(text string, ws []word, from, to int) bool {
	for i := from + 1; i <= to; i++ {
		if strings.TrimSpace(text[ws[i-1].end:ws[i].start]) != "" {
			return false
		}
	}
	return true
}

// resolve says which source a description means: the only one it fits;
// or, for "a"/"one", one not yet named (a new one is being introduced),
// and for "the", or when every one was named, the one named last. A
// description that still fits several is left to the writer.
func (st *state) resolve(r ref) (id, note string) {
	c := r.desc.candidates
	if len(c) == 1 {
		return c[0], ""
	}
	last := -1
	for i, id := range st.named {
		if slices.Contains(c, id) {
			last = i
		}
	}
	if r.desc.determiner != "the" {
		var fresh []string
		for _, id := range c {
			if !slices.Contains(st.named, id) {
				fresh = append(fresh, id)
			}
		}
		if len(fresh) == 1 && last >= 0 {
			return fresh[0], ""
		}
	}
	if last >= 0 {
		return st.named[last], ""
	}
	return "", fmt.Sprintf("the description fits %s: annotate it by hand as [words](actor:ID)", strings.Join(c, ", "))
}

// subset reports whether every word of a is in b.
func subset(a, b []string) bool {
	for _, w := range a {
		if !slices.Contains(b, w) {
			return false
		}
	}
	return true
}

// nounAfter reports whether a word after a source's noun makes that noun
// an adjective ("official statement", "official residence"): a noun of a
// common ending or of a few common to news about officials.
func nounAfter(w string) bool {
	for _, end := range []string{"tion", "sion", "ment", "ence", "ance", "ity", "ship", "ure", "ism"} {
		if strings.HasSuffix(w, end) {
			return true
		}
	}
	return nounsAfterSources[w]
}

var nounsAfterSources = map[string]bool{"visit": true, "visits": true, "figures": true, "data": true, "site": true, "website": true,
	"channels": true, "name": true, "title": true, "line": true, "version": true, "record": true, "records": true, "documents": true,
	"results": true, "count": true, "language": true, "report": true, "account": true, "trip": true, "talks": true, "residence": true}
