package render

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/briefing-gen/gen/internal/model"
)

// TestSpeakerSizesFollowPositions checks that the book's estimate of its
// speakers, which counts quotes rather than group them, sizes the same
// speakers in the same order as model.Topic.Positions, from their latest
// quotes.
func TestSpeakerSizesFollowPositions(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	actors := make([]*model.Actor, 40)
	for i := range actors {
		actors[i] = &model.Actor{ID: fmt.Sprintf("a%d", i), Name: fmt.Sprintf("Name %c%d", 'a'+r.IntN(3), r.IntN(5)), Role: "Role"}
	}
	for trial := range 50 {
		topic := &model.Topic{}
		for i := range r.IntN(400) {
			a := &model.Article{Slug: fmt.Sprintf("s%d", i%7), Title: "T", Source: "Src"}
			topic.Quotes = append(topic.Quotes, &model.Quote{Speaker: actors[r.IntN(len(actors))], Text: fmt.Sprint(r.IntN(1e6)), Article: a})
		}
		var want []int
		for _, g := range topic.Positions() {
			w := 160 + len(g.Speaker.ID) + len(g.Speaker.Name) + len(g.Speaker.Role)
			for _, q := range g.Quotes[max(0, len(g.Quotes)-bookQuotes):] {
				w += 300 + len(q.Text) + len(q.Article.Slug) + len(q.Article.ShortTitle()) + len(q.Article.Source)
			}
			want = append(want, w)
		}
		want = want[:min(len(want), bookSpeakers)]
		if got := speakerSizes(topic); !slices.Equal(got, want) {
			t.Fatalf("trial %d: speakerSizes = %v, want %v", trial, got, want)
		}
	}
}
