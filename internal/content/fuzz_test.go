package content

import (
	"bytes"
	"testing"

	"github.com/briefing-gen/gen/internal/diag"
)

// FuzzParse reads any bytes as a content file: no panic, the body is the
// file's tail at BodyOffset, and every problem and place has a real
// position.
func FuzzParse(f *testing.F) {
	for _, seed := range []string{
		"---\ntitle: x\n---\nbody\n",
		"+++\ntitle = 1\n+++\n",
		"{\n\"a\": [1,\n}\n\n",
		";;;\n{}\n;;;\n",
		"---\n- a\n---\n",
		"\ufeff\r\n---\r\nk: v\r\n---\r\n",
		"---\rtitle: x\rpublished: 0000\r---\rbody\r",
		"---\nunclosed\n",
		"---\na: &x [1]\nevents: *x\nb:\n  <<: {c: 1}\n---\n",
		"+++\n[[events]]\nid = 'e'\nactors = [[\"x\"], {a = 1}]\n[events.when]\nd = 2025-02-14\n+++\n",
		";;;\n{\"events\": [{\"id\": \"e\", \"actors\": [\"x\"]}, 1], \"\": null}\n;;;\n",
		"\xff\xfe",
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		var list diag.List
		doc := Parse("x.md", src, &list)
		if doc.BodyOffset < 0 || doc.BodyOffset > len(doc.Src) || !bytes.Equal(doc.Src[doc.BodyOffset:], doc.Body) && doc.Body != nil {
			t.Fatalf("body at %d does not match the file", doc.BodyOffset)
		}
		m := doc.Meta.ReportTo(&list)
		m.String("title", true)
		m.Date("published", false)
		m.Strings("authors")
		lines := bytes.Count(doc.Src, []byte("\n")) + 1
		places := []diag.Pos{m.Pos("title"), m.Pos("authors", "x")}
		for _, e := range m.List("events", "id", "each item needs fields such as id, date, title") {
			e.String("id", true)
			places = append(places, e.Start(), e.Pos("actors", "x"))
		}
		for _, p := range places {
			if p.Line < 1 || p.Line > lines || p.Col < 1 {
				t.Fatalf("place %d:%d outside a file of %d lines", p.Line, p.Col, lines)
			}
		}
		for _, d := range list.Items() {
			if d.Line < 0 || d.Line > lines || (d.Line > 0 && d.Col < 1) {
				t.Fatalf("%s: position outside a file of %d lines", d, lines)
			}
		}
	})
}
