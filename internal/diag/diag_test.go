package diag

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"runtime"
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

// randomText mixes short and very long lines of ASCII, multi-byte runes,
// tabs, CRLF, lone CRs and invalid bytes, for checking positions and snippets
// against the simple definitions.
func randomText(r *rand.Rand) []byte {
	pieces := []string{"a", "word ", "\t", "“", "é", "😀", "\n", "\r\n", "\r", "\xff", "\xe2\x82", "\x80", "\ufeff"}
	var b []byte
	if r.IntN(3) == 0 {
		b = append(b, "\ufeff"...)
	}
	keep := 1 + r.IntN(300) // one newline in keep is kept: lines short or very long
	for n := r.IntN(12000); len(b) < n; {
		p := pieces[r.IntN(len(pieces))]
		if p == "\n" || p == "\r\n" || p == "\r" {
			if r.IntN(keep) != 0 {
				continue
			}
		}
		b = append(b, p...)
	}
	return b
}

func TestPosMatchesCountingFromTheLineStart(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for range 200 {
		src := randomText(r)
		l := NewLines("a.md", src)
		for off := 0; off <= len(src); off += 1 + r.IntN(40) {
			start := bytes.LastIndexByte(src[:off], '\n') + 1
			want := Pos{File: "a.md", Line: 1 + bytes.Count(src[:off], []byte("\n")), Col: 1 + len([]rune(string(src[start:off])))}
			if got := l.Pos(off); got != want {
				t.Fatalf("Pos(%d) = %+v, want %+v in %q", off, got, want, src)
			}
		}
	}
}

// simpleSnippet is Snippet as first written, splitting the file for each
// snippet: the reference the faster one must match.
func simpleSnippet(src []byte, line, col int) string {
	if line < 1 {
		return ""
	}
	text := strings.NewReplacer("\r\n", "\n", "\r", "\n").Replace(strings.TrimPrefix(string(src), "\ufeff"))
	lines := strings.Split(text, "\n")
	if line > len(lines) {
		return ""
	}
	runes := []rune(strings.ReplaceAll(lines[line-1], "\t", " "))
	at := min(max(col, 1)-1, len(runes))
	from := max(0, at-snippetWidth/2)
	to := min(len(runes), from+snippetWidth)
	shown := string(runes[from:to])
	marker := at - from
	if from > 0 {
		shown, marker = "…"+shown, marker+1
	}
	if to < len(runes) {
		shown += "…"
	}
	number := fmt.Sprint(line)
	pad := strings.Repeat(" ", len(number))
	return fmt.Sprintf(" %s | %s\n %s | %s^", number, shown, pad, strings.Repeat(" ", marker))
}

func TestReportsMatchSimpleSnippets(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for range 100 {
		src := randomText(r)
		lines := bytes.Count(src, []byte("\n")) + 1
		var items []Diagnostic
		for range 30 {
			items = append(items, Diagnostic{File: "a.md", Line: r.IntN(lines + 2), Col: r.IntN(3000)})
		}
		if r.IntN(2) == 0 { // sorted, as Items gives them, or not
			items = (&List{items: items}).Items()
		}
		reports := Reports(items, func(string) ([]byte, error) { return src, nil })
		for i, d := range items {
			want := ""
			if d.Line > 0 {
				want = simpleSnippet(src, d.Line, d.Col)
			}
			if reports[i].Snippet != want {
				t.Fatalf("line %d col %d: got\n%s\nwant\n%s", d.Line, d.Col, reports[i].Snippet, want)
			}
		}
	}
}

// TestReportsCostLinearly counts the bytes Reports allocates, which do not
// depend on the machine's speed, for a problem on every line of a file of
// n lines and of 2n: linear growth doubles them, a split of the file per
// problem quadruples them.
func TestReportsCostLinearly(t *testing.T) {
	allocated := func(n int) uint64 {
		src := []byte(strings.Repeat("[Person Number1](actor:x) met Person Number2.\n", n))
		items := make([]Diagnostic, n)
		for i := range items {
			items[i] = Diagnostic{File: "a.md", Line: i + 1, Col: 30}
		}
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		Reports(items, func(string) ([]byte, error) { return src, nil })
		runtime.ReadMemStats(&after)
		return after.TotalAlloc - before.TotalAlloc
	}
	small, large := allocated(2000), allocated(4000)
	if float64(large) > 3*float64(small) {
		t.Errorf("Reports allocates %d bytes for 2,000 problems and %d for 4,000: more than linear", small, large)
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
