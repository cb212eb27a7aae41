package suggest

import (
	"regexp"
	"slices"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"
)

// A paragraph is the Markdown of one numbered paragraph: its lines as
// they stand in the body (without block-quote markers or list
// indentation), joined, with the body offset of every byte.
type paragraph struct {
	text  string
	at    []int // at[i] is the body offset of text[i]; at[len(text)] one past the end
	spans []span
	refs  []ref // the annotations already there
}

// span is a byte range [start, end) of a paragraph's text.
type span struct{ start, end int }

func (s span) overlaps(o span) bool { return s.start < o.end && o.start < s.end }
func (s span) contains(o span) bool { return s.start <= o.start && o.end <= s.end }

// contiguous reports whether s is one run of bytes in the body, so that
// brackets put around it enclose exactly its words.
func (p *paragraph) contiguous(s span) bool { return p.at[s.end]-p.at[s.start] == s.end-s.start }

var blockParser = goldmark.New(goldmark.WithExtensions(extension.GFM, extension.Footnote)).Parser()

// paragraphs finds the paragraphs of body the way the build numbers them:
// paragraphs and list items, in block quotes too; not headings, tables,
// code or footnotes.
func paragraphs(body []byte) []*paragraph {
	doc := blockParser.Parse(text.NewReader(body))
	var out []*paragraph
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n.Kind() {
		case east.KindFootnote, east.KindFootnoteList, ast.KindFencedCodeBlock, ast.KindCodeBlock, ast.KindHTMLBlock:
			return ast.WalkSkipChildren, nil
		case ast.KindParagraph, ast.KindTextBlock:
			if p := newParagraph(body, n.Lines()); p != nil {
				out = append(out, p)
			}
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return out
}

func newParagraph(body []byte, lines *text.Segments) *paragraph {
	var b strings.Builder
	var at []int
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		b.Write(body[seg.Start:seg.Stop])
		for o := seg.Start; o < seg.Stop; o++ {
			at = append(at, o)
		}
	}
	if b.Len() == 0 {
		return nil
	}
	last := lines.At(lines.Len() - 1)
	at = append(at, last.Stop)
	p := &paragraph{text: b.String(), at: at}
	p.mask()
	return p
}

// mask finds what no proposal may enter or cut: links and annotations
// (recording the annotations), anything in brackets, code spans,
// autolinks and inline HTML. Code spans come first, as in CommonMark: a
// bracket inside one is code.
func (p *paragraph) mask() {
	t := p.text
	code := codeSpans(t)
	p.spans = append(p.spans, code...)
	skip := func(i int) int { // the end of the code span at i, or i
		for _, c := range code {
			if c.start <= i && i < c.end {
				return c.end
			}
		}
		return i
	}
	for i := 0; i < len(t); i++ {
		if j := skip(i); j > i {
			i = j - 1
			continue
		}
		switch t[i] {
		case '\\':
			i++
		case '<':
			if htmlStart(t[i:]) {
				closer := ">"
				if strings.HasPrefix(t[i:], "<!--") {
					closer = "-->"
				}
				if end := strings.Index(t[i+1:], closer); end >= 0 && (closer != ">" || validTag(t[i:i+1+end+1])) {
					end += 1 + len(closer) - 1
					// Scanning goes on inside: were it not HTML after all,
					// its brackets would be brackets, and masking them
					// too is the safe side.
					p.spans = append(p.spans, span{i, i + end + 1})
				}
			}
		case '[':
			close := matching(t, i, '[', ']', skip)
			if close < 0 {
				continue
			}
			start, end := i, close+1
			if start > 0 && t[start-1] == '!' {
				start--
			}
			next := end // where scanning goes on
			if end < len(t) && t[end] == '(' {
				if c := matching(t, end, '(', ')', skip); c > 0 {
					p.record(span{i, c + 1}, t[i+1:close], t[end+1:c])
					// Brackets in the parentheses are scanned too: if
					// these were no link after all (a space in them, say),
					// masking more is the safe side.
					next, end = end+1, c+1
				}
			} else if end < len(t) && t[end] == '[' {
				// [text][label]: the second brackets are scanned on their
				// own, as [label](…) may be the link.
				if c := matching(t, end, '[', ']', skip); c > 0 {
					end = c + 1
				}
			}
			p.spans = append(p.spans, span{start, end})
			i = next - 1
		}
	}
}

// codeSpans finds the code spans of t: a run of backticks to the next
// run of as many, not after a backslash.
func codeSpans(t string) []span {
	var out []span
	for i := 0; i < len(t); i++ {
		switch t[i] {
		case '\\':
			i++
		case '`':
			n := run(t, i, '`')
			end := closingRun(t, i+n, n)
			if end < 0 {
				i += n - 1
				continue
			}
			out = append(out, span{i, end})
			i = end - 1
		}
	}
	return out
}

// closingRun is the end of the first run of exactly n backticks from
// from, or -1.
func closingRun(t string, from, n int) int {
	for j := from; j < len(t); {
		k := strings.IndexByte(t[j:], '`')
		if k < 0 {
			return -1
		}
		m := run(t, j+k, '`')
		if m == n {
			return j + k + m
		}
		j += k + m
	}
	return -1
}

// record keeps an annotation found in the text: the words in brackets
// and the target in parentheses.
func (p *paragraph) record(s span, words, target string) {
	scheme, rest, ok := strings.Cut(target, ":")
	if !ok {
		return
	}
	var k Kind
	switch scheme {
	case "actor":
		k = Actor
	case "topic":
		k = Topic
	case "quote":
		k = Quote
	case "event":
		k = Event
	default:
		return
	}
	id, _, _ := strings.Cut(rest, "?")
	p.refs = append(p.refs, ref{span: s, kind: k, id: id, existing: true})
}

// masked reports whether s overlaps anything masked.
func (p *paragraph) masked(s span) bool {
	for _, m := range p.spans {
		if m.overlaps(s) {
			return true
		}
	}
	return false
}

// free splits the paragraph into the runs of text outside masks and
// outside the spans in also.
func (p *paragraph) free(also []span) []span {
	cuts := append(append([]span(nil), p.spans...), also...)
	slices.SortFunc(cuts, func(a, b span) int { return a.start - b.start })
	var out []span
	from := 0
	for _, c := range cuts {
		if c.start > from {
			out = append(out, span{from, c.start})
		}
		from = max(from, c.end)
	}
	if from < len(p.text) {
		out = append(out, span{from, len(p.text)})
	}
	return out
}

func run(t string, i int, c byte) int {
	n := 0
	for i+n < len(t) && t[i+n] == c {
		n++
	}
	return n
}

// matching is the index of the bracket closing the one at i, or -1,
// passing over code spans (skip gives the end of one at j).
func matching(t string, i int, open, close byte, skip func(int) int) int {
	depth := 0
	for j := i; j < len(t); j++ {
		if k := skip(j); k > j {
			j = k - 1
			continue
		}
		switch t[j] {
		case '\\':
			j++
		case open:
			depth++
		case close:
			depth--
			if depth == 0 {
				return j
			}
		}
	}
	return -1
}

func isASCIILetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

// plain is the paragraph's text as a reader sees its words: annotations
// replaced by their words, anything else masked by a "|" that no name
// runs across; at[i] is the offset in the paragraph's text of plain[i].
// Reading it, what was found before an annotation was made is found
// after too.
func (p *paragraph) plain() (string, []int) {
	var b strings.Builder
	var at []int
	from := 0
	emit := func(s string, offset int) {
		for i := 0; i < len(s); i++ {
			at = append(at, offset+i)
		}
		b.WriteString(s)
	}
	masks := slices.Clone(p.spans)
	slices.SortFunc(masks, func(a, b span) int { return a.start - b.start })
	for _, m := range masks {
		if m.start < from {
			continue
		}
		emit(p.text[from:m.start], from)
		words := ""
		for _, r := range p.refs {
			if r.span == m {
				if close := matching(p.text, m.start, '[', ']', func(j int) int { return j }); close > 0 {
					words = p.text[m.start+1 : close]
					emit(words, m.start+1)
				}
			}
		}
		if words == "" {
			emit("|", m.start)
		}
		from = m.end
	}
	emit(p.text[from:], from)
	at = append(at, len(p.text))
	return b.String(), at
}

// htmlStart reports whether t starts with what CommonMark may read as
// inline HTML or an autolink: <name followed by a space, / or >, </name,
// a comment, a declaration, CDATA, or <scheme:. Anything else is text,
// its brackets brackets.
func htmlStart(t string) bool {
	if len(t) < 2 {
		return false
	}
	switch t[1] {
	case '!':
		return strings.HasPrefix(t, "<!--") || strings.HasPrefix(t, "<![CDATA[") || len(t) > 2 && 'A' <= t[2] && t[2] <= 'Z' // as goldmark reads declarations
	case '?':
		return false // a processing instruction ends at ?>, not at the first >; read as text
	case '/':
		t = t[1:]
	}
	n := 1
	for n < len(t) && (isASCIILetter(t[n]) || n > 1 && (t[n] >= '0' && t[n] <= '9' || t[n] == '-' || t[n] == '+' || t[n] == '.')) {
		n++
	}
	if n == 1 || n == len(t) {
		return false
	}
	return strings.IndexByte(" \t\n/>:", t[n]) >= 0
}

var (
	openTag  = regexp.MustCompile(`^<[A-Za-z][A-Za-z0-9-]*(?:\s+[A-Za-z_:][A-Za-z0-9_.:-]*(?:\s*=\s*(?:[^\s"'=<>` + "`" + `]+|'[^']*'|"[^"]*"))?)*\s*/?>$`)
	closeTag = regexp.MustCompile(`^</[A-Za-z][A-Za-z0-9-]*\s*>$`)
	autolink = regexp.MustCompile(`^<[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*>$`)
)

// validTag reports whether tag, from < to the first >, is what CommonMark
// reads as an open or closing tag, a declaration or an autolink.
func validTag(tag string) bool {
	return strings.HasPrefix(tag, "<!") || openTag.MatchString(tag) || closeTag.MatchString(tag) || autolink.MatchString(tag)
}
