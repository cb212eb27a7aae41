package annotate_test

import (
	"testing"

	"github.com/briefing-gen/gen/internal/markdown"
)

// FuzzConvert feeds any text to the annotation parser: it must not panic
// or hang, and every position it records must point into the text, at the
// annotation's opening bracket.
func FuzzConvert(f *testing.F) {
	for _, seed := range []string{
		"[Zelensky](actor:zelensky) said [“no”](quote:zelensky?topic=a,b).",
		"[[nested](actor:a) words](quote:b)",
		"# [Heading](topic:x)\n\n- [item](event:e)\n\n> [quote](quote:q)\n\n[^n]: [note](actor:n)\n",
		"[](quote:) [x](actor:) [y](actors:y) ![i](actor:i) <actor:z> `[c](actor:c)`",
		"[a](actor:a?topic=%zz) [b](quote:b?x=1&topic=) \x00 \xff",
	} {
		f.Add(seed)
	}
	conv := markdown.New(markdown.Options{Resolver: fakeResolver{}, NumberParagraphs: true})
	f.Fuzz(func(t *testing.T, src string) {
		_, res, err := conv.Convert([]byte(src))
		if err != nil {
			return
		}
		for _, a := range res.Annotations {
			if a.Offset < 0 || a.Offset >= len(src) || src[a.Offset] != '[' {
				t.Fatalf("annotation %+v: offset %d does not point at its '['", a, a.Offset)
			}
			if a.Para < 0 || a.Para > len(res.Paragraphs) {
				t.Fatalf("annotation in paragraph %d of %d", a.Para, len(res.Paragraphs))
			}
			if a.Para > 0 {
				text := res.Paragraphs[a.Para-1].Text
				if a.Start < 0 || a.Start > a.End || a.End > len(text) {
					t.Fatalf("annotation span %d:%d outside its paragraph of %d bytes", a.Start, a.End, len(text))
				}
			}
		}
		for _, s := range res.Suspects {
			if s.Offset < 0 || s.Offset >= len(src) {
				t.Fatalf("suspect at %d outside the text", s.Offset)
			}
		}
		for i, p := range res.Paragraphs {
			if p.N != i+1 || p.Offset < 0 || p.Offset > len(src) {
				t.Fatalf("paragraph %d: %+v", i+1, p)
			}
		}
	})
}
