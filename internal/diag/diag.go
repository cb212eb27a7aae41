// Package diag reports problems in a briefing's files as
// "file:line:col: message" with an optional hint, the form editors and
// terminals turn into clickable locations.
//
// Every stage of a build appends to a List instead of stopping at the first
// problem, so a writer sees all of them in one run.
package diag

import (
	"bytes"
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"
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

	// marks[k] is a rune boundary at or just before byte k*markEvery and
	// the number of runes before it, so a column in a long line (an
	// article paragraph is one line) is counted from a nearby mark, not
	// from the line's start: positions cost the same wherever they fall.
	marks []mark
}

type mark struct{ offset, runes int }

// markEvery is the spacing of marks in bytes: a column costs at most two
// runs of this many bytes to count.
const markEvery = 1024

// NewLines indexes src, the full text of file.
func NewLines(file string, src []byte) *Lines {
	starts := []int{0}
	for i := 0; ; {
		nl := bytes.IndexByte(src[i:], '\n')
		if nl < 0 {
			break
		}
		i += nl + 1
		starts = append(starts, i)
	}
	marks := make([]mark, 0, len(src)/markEvery+1)
	runes, prev := 0, 0
	for at := 0; at <= len(src); at += markEvery {
		b := at
		for b > prev && b < len(src) && !utf8.RuneStart(src[b]) {
			b-- // every byte that starts no rune's encoding continues one
		}
		runes += utf8.RuneCount(src[prev:b])
		marks = append(marks, mark{b, runes})
		prev = b
	}
	return &Lines{file: file, src: src, start: starts, marks: marks}
}

// runesBefore is the number of runes in src[:offset].
func (l *Lines) runesBefore(offset int) int {
	m := l.marks[offset/markEvery]
	return m.runes + utf8.RuneCount(l.src[m.offset:offset])
}

// Pos converts a byte offset into a position.
func (l *Lines) Pos(offset int) Pos {
	offset = min(max(offset, 0), len(l.src))
	i := sort.Search(len(l.start), func(i int) bool { return l.start[i] > offset }) - 1
	from := l.start[i]
	var col int
	if offset-from < 2*markEvery {
		col = 1 + utf8.RuneCount(l.src[from:offset])
	} else {
		// Line starts and marks are rune boundaries, so counts add up.
		col = 1 + l.runesBefore(offset) - l.runesBefore(from)
	}
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
	return newSnippets(src).show(line, col)
}

// snippets shows lines of one file. Its cursors remember where the last
// snippet's line was read to, so the many problems a long line can have,
// taken in order, cost a walk along it once rather than from its start
// each time.
type snippets struct {
	lines      []string
	line       int
	at, window cursor // at the column, and where the shown text starts
}

// cursor is a rune index in a line and the byte offset where that rune
// starts.
type cursor struct{ rune, byte int }

func newSnippets(src []byte) *snippets {
	// Line endings as package content reads them: CRLF, or a lone CR.
	text := strings.NewReplacer("\r\n", "\n", "\r", "\n").Replace(strings.TrimPrefix(string(src), "\ufeff"))
	return &snippets{lines: strings.Split(text, "\n")}
}

// seek moves c to rune r of text, or to its end if it has fewer runes.
func (c *cursor) seek(text string, r int) {
	if r < c.rune {
		*c = cursor{}
	}
	for c.rune < r && c.byte < len(text) {
		_, size := utf8.DecodeRuneInString(text[c.byte:])
		c.rune, c.byte = c.rune+1, c.byte+size
	}
}

func (s *snippets) show(line, col int) string {
	if line < 1 || line > len(s.lines) {
		return ""
	}
	if line != s.line {
		s.line, s.at, s.window = line, cursor{}, cursor{}
	}
	text := s.lines[line-1]
	s.at.seek(text, max(col, 1)-1)
	at := s.at.rune // the column, or the line's end if it is shorter
	s.window.seek(text, max(0, at-snippetWidth/2))
	from := s.window.rune
	end := s.window
	end.seek(text, from+snippetWidth)
	shown := string([]rune(strings.ReplaceAll(text[s.window.byte:end.byte], "\t", " ")))
	marker := at - from
	if from > 0 {
		shown, marker = "…"+shown, marker+1
	}
	if end.byte < len(text) {
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
	cache := map[string]*snippets{}
	for i, d := range items {
		out[i].Diagnostic = d
		if d.Line == 0 {
			continue
		}
		s, ok := cache[d.File]
		if !ok {
			src, _ := read(d.File)
			s = newSnippets(src)
			cache[d.File] = s
		}
		out[i].Snippet = s.show(d.Line, d.Col)
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
