package content

import (
	"bytes"
	"testing"

	"github.com/briefing-gen/gen/internal/diag"
)

// FuzzParse reads any bytes as a content file: no panic, the body is the
// file's tail at BodyOffset, and every problem has a real position.
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
		for _, e := range m.List("events", "id", "each item needs fields such as id, date, title") {
			e.String("id", true)
			e.Pos("actors", "x")
		}
		lines := bytes.Count(doc.Src, []byte("\n")) + 1
		for _, d := range list.Items() {
			if d.Line < 0 || d.Line > lines || (d.Line > 0 && d.Col < 1) {
				t.Fatalf("%s: position outside a file of %d lines", d, lines)
			}
		}
	})
}
