package annotate

import (
	"bytes"
	"html"
	"net/url"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Result is everything the extension collected from one document.
type Result struct {
	Paragraphs  []Paragraph
	Annotations []*Annotation

	// Suspects are places that look like annotations but did not become
	// one: a link nested in another's brackets, which Markdown prints as
	// literal text, or a link, image or autolink with a mistyped scheme.
	Suspects []Suspect
}

// Suspect is text that looks like a failed annotation.
type Suspect struct {
	Offset int
	Text   string // the annotation-like text, e.g. "](quote:kellogg)"
	Scheme string // for links: the scheme as written, e.g. "actors"
	Image  bool   // written as an image, ![…](actor:x)
	Bare   bool   // written as an autolink, <actor:x>
}

// annotationTail matches where an annotation's link text ends and its
// destination starts. Each one in the source belongs to an annotation;
// one that does not was meant as an annotation and is printed as text.
var annotationTail = regexp.MustCompile(`\][ \t]*\([ \t]*(actor|topic|event|quote)[ \t]*:[^)\n]*\)?`)

var resultKey = parser.NewContextKey()

// Collected returns what the extension found while parsing with pc.
func Collected(pc parser.Context) *Result {
	if r, ok := pc.Get(resultKey).(*Result); ok {
		return r
	}
	return &Result{}
}

// transformer numbers paragraphs and turns typed links into annotations.
// It runs after inline parsing, when every link is in the tree.
type transformer struct {
	numbered bool // give paragraphs citable anchors
}

var _ parser.ASTTransformer = transformer{}

// block is a paragraph to number; the anchor goes on holder, which is a
// list item for a tight list, whose text has no element of its own.
type block struct {
	node, holder ast.Node
}

func (t transformer) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	source := reader.Source()
	res := &Result{}
	pc.Set(resultKey, res)

	var (
		blocks []block
		links  []*ast.Link
		code   []text.Segment // where annotation-like text is just code
	)
	inNote := 0 // notes are not citable paragraphs, but may hold annotations
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if n.Kind() == east.KindFootnote {
			if entering {
				inNote++
			} else {
				inNote--
			}
		}
		if !entering {
			return ast.WalkContinue, nil
		}
		numbered := t.numbered && inNote == 0
		switch n := n.(type) {
		case *ast.Paragraph:
			if numbered {
				blocks = append(blocks, block{n, n})
			}
		case *ast.TextBlock:
			if item, ok := n.Parent().(*ast.ListItem); ok && numbered {
				blocks = append(blocks, block{n, item})
			}
		case *ast.FencedCodeBlock, *ast.CodeBlock, *ast.HTMLBlock:
			code = append(code, segments(n.Lines())...)
		case *ast.CodeSpan, *ast.RawHTML:
			for c := n.FirstChild(); c != nil; c = c.NextSibling() {
				if t, ok := c.(*ast.Text); ok {
					code = append(code, t.Segment)
				}
			}
			if raw, ok := n.(*ast.RawHTML); ok {
				code = append(code, segments(raw.Segments)...)
			}
		case *ast.Link:
			if _, ok := kindOf(scheme(n.Destination)); ok {
				links = append(links, n)
			} else if dest := rendered(n.Destination); scheme(dest) != "" && !webLink(dest) {
				// The scheme as the page will have it, so &#106;avascript: is
				// seen as javascript:; the text stays as written, to find it.
				res.Suspects = append(res.Suspects, Suspect{Offset: n.Pos(), Text: string(n.Destination), Scheme: scheme(dest)})
			}
		case *ast.Image:
			if _, ok := kindOf(scheme(n.Destination)); ok {
				res.Suspects = append(res.Suspects, Suspect{Offset: n.Pos(), Text: string(n.Destination), Scheme: scheme(n.Destination), Image: true})
			}
		case *ast.AutoLink:
			if k, ok := kindOf(scheme(n.URL(source))); ok {
				res.Suspects = append(res.Suspects, Suspect{Offset: n.Pos(), Text: string(n.URL(source)), Scheme: string(k), Bare: true})
			}
		}
		return ast.WalkContinue, nil
	})

	for i, b := range blocks {
		n := i + 1
		b.holder.SetAttributeString("id", []byte(ParagraphID(n)))
		b.node.InsertBefore(b.node, b.node.FirstChild(), &ParagraphMark{N: n})
	}
	for _, link := range links {
		res.Annotations = append(res.Annotations, replace(link, source))
	}
	for i, b := range blocks {
		offset := 0
		if lines := b.node.Lines(); lines.Len() > 0 {
			offset = lines.At(0).Start
		}
		// Writing the text records where each annotation falls in it.
		res.Paragraphs = append(res.Paragraphs, Paragraph{N: i + 1, Text: plainText(b.node, source), Offset: offset})
	}
	claims := make([]claim, 0, len(res.Annotations))
	for _, a := range res.Annotations {
		claims = append(claims, claim{a.Offset, a.Kind})
	}
	for _, s := range res.Suspects {
		if s.Image { // already reported, as an image
			claims = append(claims, claim{s.Offset, Kind(s.Scheme)})
		}
	}
	res.Suspects = append(res.Suspects, lostAnnotations(source, claims, code)...)
	sort.Slice(res.Suspects, func(i, j int) bool { return res.Suspects[i].Offset < res.Suspects[j].Offset })
}

func segments(s *text.Segments) []text.Segment {
	out := make([]text.Segment, s.Len())
	for i := range out {
		out[i] = s.At(i)
	}
	return out
}

// claim is a link, at offset, that owns the first annotation destination
// of its kind after it.
type claim struct {
	offset int
	kind   Kind
}

// lostAnnotations finds annotation destinations in the source that no
// link claims. Tails, claims and code are each taken in offset order, in
// one sweep apiece, so a document with many annotations costs no more per
// annotation than a short one.
func lostAnnotations(source []byte, claims []claim, code []text.Segment) []Suspect {
	type tail struct {
		start, end int
		claimed    bool
	}
	tails := map[Kind][]*tail{} // in source order
	var all []*tail
	sort.Slice(code, func(i, j int) bool { return code[i].Start < code[j].Start })
	next, reach := 0, 0 // code[:next] start at or before the tail; reach is where the furthest of them stops
	for _, m := range annotationTail.FindAllSubmatchIndex(source, -1) {
		for ; next < len(code) && code[next].Start <= m[0]; next++ {
			reach = max(reach, code[next].Stop)
		}
		if m[0] < reach { // inside code
			continue
		}
		t := &tail{start: m[0], end: m[1]}
		kind := Kind(source[m[2]:m[3]])
		tails[kind] = append(tails[kind], t)
		all = append(all, t)
	}
	// A claim takes the first unclaimed tail of its kind after it. Claims
	// come in offset order, so a tail passed over by one is passed over by
	// every later one, and each kind needs only a cursor.
	sort.Slice(claims, func(i, j int) bool { return claims[i].offset < claims[j].offset })
	cursor := map[Kind]int{}
	for _, c := range claims {
		ts, i := tails[c.kind], cursor[c.kind]
		for i < len(ts) && ts[i].start <= c.offset {
			i++
		}
		if i < len(ts) {
			ts[i].claimed = true
			i++
		}
		cursor[c.kind] = i
	}
	var out []Suspect
	for _, t := range all {
		if !t.claimed {
			out = append(out, Suspect{Offset: t.start, Text: string(source[t.start:t.end])})
		}
	}
	return out
}

// rendered is a link destination as goldmark writes it into the page:
// backslash escapes and character references resolved.
func rendered(dest []byte) []byte { return util.URLEscape(dest, true) }

// webLink reports an http(s) address, which needs no second look.
// "javascript://" is not one: the // starts a comment, not a host.
func webLink(dest []byte) bool {
	lower := strings.ToLower(string(dest))
	return strings.HasPrefix(lower, "http://") || strings.HasPrefix(lower, "https://")
}

func scheme(dest []byte) string {
	s, _, ok := strings.Cut(string(dest), ":")
	if !ok {
		return ""
	}
	return s
}

// replace swaps link for an annotation node that keeps the link's words.
func replace(link *ast.Link, source []byte) *Annotation {
	s, rest, _ := strings.Cut(string(link.Destination), ":")
	id, query, hasQuery := strings.Cut(rest, "?")
	kind, _ := kindOf(s)
	a := &Annotation{Kind: kind, ID: unescape(id), Offset: link.Pos()}
	a.IDOffset, a.QueryOffset = a.Offset, a.Offset
	// The destination as written follows the words' closing "](": the
	// first such after the '[' unless the words hold one themselves.
	if i := bytes.Index(source[a.Offset:], []byte("]("+s+":")); i >= 0 {
		a.IDOffset = a.Offset + i + len("]("+s+":")
		a.QueryOffset = a.IDOffset
		if hasQuery {
			if j := bytes.IndexByte(source[a.IDOffset:], '?'); j >= 0 {
				a.QueryOffset = a.IDOffset + j + 1
			}
		}
	}
	if hasQuery {
		a.Topics, a.Translation, a.QueryError = parseQuery(kind, query)
	}
	a.Text = strings.TrimSpace(plainText(link, source))
	a.Para = paragraphOf(link)

	node := &Node{Annotation: a}
	parent := link.Parent()
	for c := link.FirstChild(); c != nil; {
		next := c.NextSibling()
		node.AppendChild(node, c)
		c = next
	}
	parent.ReplaceChild(parent, link, node)
	return a
}

// parseQuery reads a quote's ?topic=a,b (repeatable) and
// &translation=words (once). Other annotations take no query.
func parseQuery(kind Kind, query string) (topics []string, translation, problem string) {
	if kind != Quote {
		return nil, "", "only quotes take a ?topic= list"
	}
	values, err := url.ParseQuery(query)
	if err != nil {
		return nil, "", err.Error()
	}
	var unknown []string // every one, so that a run reports them all
	for key := range values {
		if key != "topic" && key != "translation" {
			unknown = append(unknown, strconv.Quote(key))
		}
	}
	switch tr := values["translation"]; {
	case len(tr) > 1:
		return topics, "", "translation is given more than once"
	case len(tr) == 1:
		if translation = strings.TrimSpace(tr[0]); translation == "" {
			return topics, "", "translation is empty"
		}
	}
	for _, list := range values["topic"] {
		for _, t := range strings.Split(list, ",") {
			if t = strings.TrimSpace(t); t != "" {
				topics = append(topics, t)
			}
		}
	}
	switch slices.Sort(unknown); len(unknown) {
	case 0:
		return topics, translation, ""
	case 1:
		return topics, translation, "unknown parameter " + unknown[0]
	}
	return topics, translation, "unknown parameters " + strings.Join(unknown, ", ")
}

func unescape(s string) string {
	if u, err := url.PathUnescape(s); err == nil {
		return u
	}
	return s
}

// paragraphOf is the number of the paragraph holding n, 0 if none.
func paragraphOf(n ast.Node) int {
	for p := n.Parent(); p != nil; p = p.Parent() {
		if p.Kind() == ast.KindParagraph || p.Kind() == ast.KindTextBlock {
			if mark, ok := p.FirstChild().(*ParagraphMark); ok {
				return mark.N
			}
			return 0
		}
	}
	return 0
}

// plainText is the text a reader sees in n, without markup. On the way it
// records where each annotation inside n falls in that text, so pages can
// highlight exactly the annotated words.
func plainText(n ast.Node, source []byte) string {
	var b strings.Builder
	var inside []*Annotation
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if node, ok := c.(*Node); ok && c != n {
			if entering {
				node.Annotation.Start = b.Len()
				inside = append(inside, node.Annotation)
			} else {
				node.Annotation.End = b.Len()
			}
		}
		if !entering {
			return ast.WalkContinue, nil
		}
		switch c := c.(type) {
		case *east.FootnoteLink, *ParagraphMark:
			return ast.WalkSkipChildren, nil
		case *ast.Text:
			b.Write(c.Value(source))
			if c.SoftLineBreak() || c.HardLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			b.WriteString(html.UnescapeString(string(c.Value)))
		case *ast.AutoLink:
			b.Write(c.Label(source))
		}
		return ast.WalkContinue, nil
	})
	text := strings.TrimRight(b.String(), " ")
	for _, a := range inside { // a span may end in the trimmed space
		a.Start, a.End = min(a.Start, len(text)), min(a.End, len(text))
	}
	return text
}
