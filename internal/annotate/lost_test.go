package annotate

import (
	"math/rand/v2"
	"reflect"
	"sort"
	"testing"

	"github.com/yuin/goldmark/text"
)

// simpleLost is lostAnnotations as first written, matching every claim
// against every tail: the reference the sweep must agree with.
func simpleLost(source []byte, claims []claim, code []text.Segment) []Suspect {
	type tail struct {
		start, end int
		kind       Kind
		claimed    bool
	}
	inside := func(offset int) bool {
		for _, s := range code {
			if offset >= s.Start && offset < s.Stop {
				return true
			}
		}
		return false
	}
	var tails []*tail
	for _, m := range annotationTail.FindAllSubmatchIndex(source, -1) {
		if !inside(m[0]) {
			tails = append(tails, &tail{start: m[0], end: m[1], kind: Kind(source[m[2]:m[3]])})
		}
	}
	sort.Slice(claims, func(i, j int) bool { return claims[i].offset < claims[j].offset })
	for _, c := range claims {
		for _, t := range tails {
			if !t.claimed && t.kind == c.kind && t.start > c.offset {
				t.claimed = true
				break
			}
		}
	}
	var out []Suspect
	for _, t := range tails {
		if !t.claimed {
			out = append(out, Suspect{Offset: t.start, Text: string(source[t.start:t.end])})
		}
	}
	return out
}

func TestLostAnnotationsMatchesPairwiseMatching(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	pieces := []string{"](actor:a)", "](topic:t)", "](quote:q)", "] (event:e", "word ", "[", "\n"}
	kinds := []Kind{Actor, Topic, Event, Quote}
	for range 500 {
		var src []byte
		for range r.IntN(60) {
			src = append(src, pieces[r.IntN(len(pieces))]...)
		}
		var claims []claim
		var code []text.Segment
		for range r.IntN(20) {
			claims = append(claims, claim{r.IntN(len(src) + 1), kinds[r.IntN(len(kinds))]})
		}
		for range r.IntN(4) {
			start := r.IntN(len(src) + 1)
			code = append(code, text.NewSegment(start, start+r.IntN(40)))
		}
		want := simpleLost(src, append([]claim(nil), claims...), append([]text.Segment(nil), code...))
		if got := lostAnnotations(src, claims, code); !reflect.DeepEqual(got, want) {
			t.Fatalf("in %q with claims %v and code %v:\ngot  %v\nwant %v", src, claims, code, got, want)
		}
	}
}
