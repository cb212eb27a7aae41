package site_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/briefing-gen/gen/internal/diag"
)

// FuzzArticle builds the fixture site with any text as one of its
// articles, front matter and body: no panic, no hang, and every problem
// reported at a line and column that exist in that file. Lines end as
// CommonMark's do: at a line feed, a carriage return, or both together, so
// a file saved with old Mac line endings is counted as its editor shows it.
func FuzzArticle(f *testing.F) {
	for _, seed := range []string{
		fixture()["content/articles/first.md"],
		fixture()["content/articles/second.md"],
		"+++\ntitle = \"T\"\npublished = 2025-02-14\n+++\n[x](actor:ann)\n",
		"---\ntitle: [unclosed\n---\n",
		"---\nevents:\n  - id: ../x\n    date: friday\n---\n",
		"\ufeff---\r\ntitle: CRLF\r\npublished: \"2025\"\r\n---\r\n[Ann](actor:anne)\r\n",
		"{\n\"title\": 1\n}\n\n",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, src string) {
		files := fixture()
		files["content/articles/fuzz.md"] = src
		_, err := build(t, files)
		var failure *diag.Failure
		if err == nil || !errors.As(err, &failure) {
			return
		}
		lines := lineCount(src)
		for _, d := range failure.Diagnostics {
			if d.File != "content/articles/fuzz.md" {
				continue
			}
			if d.Line < 0 || d.Line > lines || (d.Line > 0 && d.Col < 1) {
				t.Fatalf("%s: position %d:%d outside a file of %d lines", d, d.Line, d.Col, lines)
			}
		}
	})
}

// lineCount is the number of lines in src, each ended by "\n", "\r\n" or
// a lone "\r", the last one by the end of the file.
func lineCount(src string) int {
	normal := strings.ReplaceAll(src, "\r\n", "\n")
	return strings.Count(normal, "\n") + strings.Count(normal, "\r") + 1
}
