package diag

import (
	"strings"
	"testing"
)

func TestPositionsCountRunesAndLines(t *testing.T) {
	src := []byte("first line\n“Quoted” [x](actor:y)\n")
	l := NewLines("a.md", src)
	at := strings.Index(string(src), "[x]")
	if got := l.Pos(at); got != (Pos{File: "a.md", Line: 2, Col: 10}) {
		t.Errorf("Pos = %+v, want line 2 col 10 (columns count characters, not bytes)", got)
	}
	if got := l.Pos(0); got.Line != 1 || got.Col != 1 {
		t.Errorf("Pos(0) = %+v", got)
	}
	if got := l.Pos(len(src) + 10); got.Line != 3 {
		t.Errorf("an offset past the end should clamp to the last line, got %+v", got)
	}
}

func TestSuggest(t *testing.T) {
	ids := []string{"bessent", "zelensky", "vance", "kellogg"}
	cases := map[string]string{
		"besent":   `did you mean "bessent"?`,
		"zelenksy": `did you mean "zelensky"?`,
		"trump":    "",
	}
	for got, want := range cases {
		if s := Suggest(got, ids); s != want {
			t.Errorf("Suggest(%q) = %q, want %q", got, s, want)
		}
	}
}

func TestListReportsSortedWithHints(t *testing.T) {
	var l List
	l.Errorf(Pos{File: "b.md", Line: 2, Col: 3}, "a hint", "second %s", "problem")
	l.Warnf(Pos{File: "a.md", Line: 9, Col: 1}, "", "a warning")
	l.Errorf(Pos{File: "b.md", Line: 1, Col: 1}, "", "first problem")
	err := l.Err()
	if err == nil {
		t.Fatal("a list with errors must be an error")
	}
	want := "a.md:9:1: warning: a warning\nb.md:1:1: first problem\nb.md:2:3: second problem\n\thint: a hint\n2 errors"
	if err.Error() != want {
		t.Errorf("got\n%s\nwant\n%s", err, want)
	}
	var clean List
	clean.Warnf(Pos{File: "a.md"}, "", "only a warning")
	if clean.Err() != nil {
		t.Errorf("warnings alone must not fail a build")
	}
}

func TestSnippetMarksTheColumnInALongLine(t *testing.T) {
	line := strings.Repeat("word ", 40) + "[Zelensky](actor:zelenksy)" + strings.Repeat(" more", 40)
	src := []byte("---\ntitle: x\n---\n" + line + "\n")
	col := strings.Index(line, "[Zelensky]") + 1
	got := Snippet(src, 4, col)
	rows := strings.Split(got, "\n")
	if len(rows) != 2 || !strings.HasPrefix(rows[0], " 4 | …") || !strings.HasSuffix(rows[0], "…") {
		t.Fatalf("snippet:\n%s", got)
	}
	marker := strings.IndexRune(rows[1], '^')
	if !strings.HasPrefix(string([]rune(rows[0])[len([]rune(rows[1][:marker])):]), "[Zelensky]") {
		t.Errorf("the marker does not sit under the annotation:\n%s", got)
	}
	if Snippet(src, 9, 1) != "" {
		t.Errorf("a line past the end should give no snippet")
	}
}

// TestSnippetOfACROnlyFile checks that a snippet counts lines as package
// content does when a file ends its lines with a lone CR.
func TestSnippetOfACROnlyFile(t *testing.T) {
	got := Snippet([]byte("---\rtitle: x\rpublished: someday\r---\r"), 3, 12)
	if want := " 3 | published: someday\n   |            ^"; got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}
