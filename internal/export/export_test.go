package export

import (
	"slices"
	"strings"
	"testing"

	"github.com/briefing-gen/gen/internal/annotate"
	"github.com/briefing-gen/gen/internal/model"
)

func TestMentionMarksCountCodePoints(t *testing.T) {
	text := "“Zelensky’s” view: Zelensky."
	a := &model.Article{Slug: "a", Paragraphs: []annotate.Paragraph{{N: 1, Text: text}}}
	span := func(s string, from int) model.Span { // s's bytes in text, at or after from
		i := from + strings.Index(text[from:], s)
		return model.Span{Start: i, End: i + len(s)}
	}
	first, second := span("Zelensky", 0), span("Zelensky", 10)
	p := &model.Passage{Article: a, Para: 1, Text: text, Marks: []model.Span{first, second, first}} // the last out of order, as outside paragraphs
	m := marksOf(p, "zelensky", "")
	runes := []rune(text)
	var got []string
	for _, s := range m.Marks {
		got = append(got, string(runes[s[0]:s[1]]))
	}
	if want := []string{"Zelensky", "Zelensky", "Zelensky"}; !slices.Equal(got, want) || m.Marks[0][0] != 1 || m.Marks[1][0] != 19 || m.Text != "" {
		t.Errorf("marks %v select %q; want %q at 1 and 19, and no text", m.Marks, got, want)
	}

	heading := &model.Passage{Article: a, Para: 0, Text: "Über Zelensky", Marks: []model.Span{{Start: 0, End: len("Über Zelensky")}}}
	if m := marksOf(heading, "", "talks"); m.Text != "Über Zelensky" || !slices.Equal(m.Marks, [][2]int{{0, 13}}) || m.Topic != "talks" {
		t.Errorf("a heading's mention: %+v", m)
	}
}
