package suggest

import (
	"os"
	"slices"
	"testing"

	"github.com/briefing-gen/gen/internal/annotate"
	"github.com/briefing-gen/gen/internal/diag"
	"github.com/briefing-gen/gen/internal/markdown"
	"github.com/briefing-gen/gen/internal/model"
)

// FuzzSuggest checks what the annotator promises on any text, with the
// build's own Markdown parser as the judge: every proposal becomes an
// annotation, none breaks another (no new "did not become an annotation"
// suspects), the paragraphs' text is what it was, and a second run
// proposes nothing. Text with a broken annotation already, which the
// build refuses, need only stay refused.
func FuzzSuggest(f *testing.F) {
	for _, name := range []string{"../../content/articles/zelensky-rejects-us-minerals-proposal.md", "testdata/ukraine-drafts-counter-proposal.md"} {
		src, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(src))
	}
	for _, seed := range []string{
		newActorsText,
		"Zelensky said “no” [to Vance](quote:zelensky) and “yes,” Vance said. \"Straight,\" said Kellogg.\n",
		"- Vance met Zelensky\n- “Fine,” Vance said\n\n> Kellogg\n> Zelensky “said” Vance.\n\n| Vance | Zelensky |\n|---|---|\n| a | b |\n",
		"*Zelensky* met **Vance**_ and `Vance` <b>Vance</b> [Vance] [Vance][x] ![Vance](v.png) \\[Vance\\] Vance!\n\n[x]: http://example.org\n",
		"“unclosed Zelensky\n\n“a” “b” “c,” the official said. A senior official met the official visit.\n",
	} {
		f.Add("---\ntitle: T\npublished: \"2025-02-15\"\n---\n" + seed)
	}
	k := NewKnown(nil, nil)
	if actors, topics := Load(os.DirFS("../.."), &diag.List{}); len(actors) > 0 {
		k = NewKnown(actors, topics)
	}
	conv := markdown.New(markdown.Options{NumberParagraphs: true})
	f.Fuzz(func(t *testing.T, src string) {
		var list diag.List
		in := Read("content/articles/f.md", []byte(src), &list)
		if list.HasErrors() {
			return
		}
		res := Suggest(in, k, Options{NewActors: true})
		for i, e := range res.Edits {
			if e.Start < in.BodyOffset || e.End > len(in.Src) || e.Start >= e.End || i > 0 && res.Edits[i-1].End > e.Start {
				t.Fatalf("edit %d %+v out of place (body at %d of %d)", i, e, in.BodyOffset, len(in.Src))
			}
		}
		out := res.Apply(in.Src)
		_, before, err := conv.Convert(in.Src[in.BodyOffset:])
		if err != nil {
			return
		}
		_, after, err := conv.Convert(out[in.BodyOffset:])
		if err != nil {
			t.Fatalf("the annotated text does not convert: %v", err)
		}
		if got, want := len(after.Annotations), len(before.Annotations)+len(res.Edits); got != want {
			t.Fatalf("%d annotations after, want %d (%d proposed):\n%s", got, want, len(res.Edits), out)
		}
		if len(before.Suspects) == 0 && len(after.Suspects) > 0 { // text the build already refuses may stay refused
			t.Fatalf("the proposals made suspects %+v:\n%s", after.Suspects, out)
		}
		if !slices.EqualFunc(before.Paragraphs, after.Paragraphs, func(a, b annotate.Paragraph) bool { return a.Text == b.Text }) {
			t.Fatalf("the paragraphs' text changed:\n%s", out)
		}
		// The second run knows the new actors, as after gen annotate -w -new-actors.
		var written []*model.Actor
		for _, n := range res.NewActors {
			written = append(written, &model.Actor{ID: n.ID, Name: n.Name, Kind: n.Kind, Aliases: n.Aliases})
		}
		again := Suggest(Input{Path: in.Path, Src: out, BodyOffset: in.BodyOffset, Published: in.Published, NotMentions: in.NotMentions}, k.with(written), Options{NewActors: true})
		if len(again.Edits) > 0 {
			t.Fatalf("a second run proposes %+v in:\n%s", again.Edits, out)
		}
	})
}
