// Package diag reports problems in a briefing's files as
// "file:line:col: message" with an optional hint, the form editors and
// terminals turn into clickable locations.
//
// Every stage of a build appends to a List instead of stopping at the first
// problem, so a writer sees all of them in one run.
package diag

import (
	"fmt"
	"sort"
	"strings"
)

// Severity says whether a problem stops the build.
type Severity int

const (
	Error Severity = iota
	Warning
)

// Diagnostic is one problem at one place. Line and Col are 1-based; zero
// means the position is not known (the whole file).
type Diagnostic struct {
	File     string
	Line     int
	Col      int
	Severity Severity
	Message  string
	Hint     string
}

func (d Diagnostic) String() string {
	var b strings.Builder
	b.WriteString(d.File)
	if d.Line > 0 {
		fmt.Fprintf(&b, ":%d:%d", d.Line, max(d.Col, 1))
	}
	b.WriteString(": ")
	if d.Severity == Warning {
		b.WriteString("warning: ")
	}
	b.WriteString(d.Message)
	if d.Hint != "" {
		b.WriteString("\n\thint: ")
		b.WriteString(d.Hint)
	}
	return b.String()
}

// List collects diagnostics. The zero value is ready to use. It is not safe
// for concurrent use: parallel stages keep one List each and Merge them.
type List struct {
	items []Diagnostic
}

// Add records d.
func (l *List) Add(d Diagnostic) { l.items = append(l.items, d) }

// Errorf records an error at pos.
func (l *List) Errorf(pos Pos, hint, format string, args ...any) {
	l.Add(Diagnostic{File: pos.File, Line: pos.Line, Col: pos.Col, Severity: Error,
		Message: fmt.Sprintf(format, args...), Hint: hint})
}

// Warnf records a warning at pos.
func (l *List) Warnf(pos Pos, hint, format string, args ...any) {
	l.Add(Diagnostic{File: pos.File, Line: pos.Line, Col: pos.Col, Severity: Warning,
		Message: fmt.Sprintf(format, args...), Hint: hint})
}

// Merge appends every diagnostic of other.
func (l *List) Merge(other *List) {
	if other != nil {
		l.items = append(l.items, other.items...)
	}
}

// Items returns the diagnostics sorted by file and position, so output is
// stable however the parallel stages were scheduled.
func (l *List) Items() []Diagnostic {
	out := append([]Diagnostic(nil), l.items...)
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Col < b.Col
	})
	return out
}

// HasErrors reports whether any diagnostic is an error.
func (l *List) HasErrors() bool {
	for _, d := range l.items {
		if d.Severity == Error {
			return true
		}
	}
	return false
}

// Err returns the list as an error when it holds errors, else nil.
func (l *List) Err() error {
	if !l.HasErrors() {
		return nil
	}
	return &Failure{Diagnostics: l.Items()}
}

// Failure is the error a build returns when content is wrong.
type Failure struct {
	Diagnostics []Diagnostic
}

func (f *Failure) Error() string {
	var b strings.Builder
	for _, d := range f.Diagnostics {
		b.WriteString(d.String())
		b.WriteByte('\n')
	}
	b.WriteString(Count(f.Diagnostics, Error))
	return b.String()
}

// Count says how many of items have a severity, in words: "1 error",
// "3 warnings".
func Count(items []Diagnostic, severity Severity) string {
	n := 0
	for _, d := range items {
		if d.Severity == severity {
			n++
		}
	}
	word := "error"
	if severity == Warning {
		word = "warning"
	}
	if n != 1 {
		word += "s"
	}
	return fmt.Sprintf("%d %s", n, word)
}

// Pos is a place in a file.
type Pos struct {
	File string
	Line int
	Col  int
}

// Lines maps byte offsets in a file to line and column. Columns count
// runes, as editors do, not bytes.
type Lines struct {
	file  string
	src   []byte
	start []int // byte offset of each line's first byte
}

// NewLines indexes src, the full text of file.
func NewLines(file string, src []byte) *Lines {
	starts := []int{0}
	for i, c := range src {
		if c == '\n' {
			starts = append(starts, i+1)
		}
	}
	return &Lines{file: file, src: src, start: starts}
}

// Pos converts a byte offset into a position.
func (l *Lines) Pos(offset int) Pos {
	offset = min(max(offset, 0), len(l.src))
	i := sort.Search(len(l.start), func(i int) bool { return l.start[i] > offset }) - 1
	col := 1 + len([]rune(string(l.src[l.start[i]:offset])))
	return Pos{File: l.file, Line: i + 1, Col: col}
}

// Suggest returns a "did you mean" hint naming the candidate closest to
// got, or "" when none is close enough to be a likely typo.
func Suggest(got string, candidates []string) string {
	best, bestDist := "", len(got)/2+2
	for _, c := range candidates {
		if d := Distance(got, c); d < bestDist {
			best, bestDist = c, d
		}
	}
	if best == "" {
		return ""
	}
	return fmt.Sprintf("did you mean %q?", best)
}

// Distance is the Levenshtein edit distance between a and b.
func Distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

// snippetWidth is how much of a long line (an article paragraph is one
// line) a snippet shows around the column.
const snippetWidth = 72

// Snippet shows line of src with a marker under col, as a writer needs to
// spot the problem:
//
//	12 | …said [Zelensky](actor:zelenksy) on Friday…
//	   |       ^
//
// It returns "" when the line does not exist.
func Snippet(src []byte, line, col int) string {
	if line < 1 {
		return ""
	}
	// Line endings as package content reads them: CRLF, or a lone CR.
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

// Report is a diagnostic with the source line it points at, for showing
// to a writer in a terminal or a browser.
type Report struct {
	Diagnostic
	Snippet string
}

// Reports pairs each diagnostic with its snippet, reading files through
// read; a file that cannot be read gets no snippet.
func Reports(items []Diagnostic, read func(file string) ([]byte, error)) []Report {
	out := make([]Report, len(items))
	cache := map[string][]byte{}
	for i, d := range items {
		out[i].Diagnostic = d
		if d.Line == 0 {
			continue
		}
		src, ok := cache[d.File]
		if !ok {
			src, _ = read(d.File)
			cache[d.File] = src
		}
		out[i].Snippet = Snippet(src, d.Line, d.Col)
	}
	return out
}

// String shows the report as the terminal does: the position and message,
// the snippet, then the hint.
func (r Report) String() string {
	d := r.Diagnostic
	d.Hint = ""
	s := d.String()
	if r.Snippet != "" {
		s += "\n" + r.Snippet
	}
	if r.Hint != "" {
		s += "\n\thint: " + r.Hint
	}
	return s
}
