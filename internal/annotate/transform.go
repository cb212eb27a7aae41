package annotate

import (
	"html"
	"net/url"
	"regexp"
	"strings"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// Result is everything the extension collected from one document.
type Result struct {
	Paragraphs  []Paragraph
	Annotations []*Annotation

	// Suspects are places that look like annotations but did not parse as
	// one, such as a link nested in a quote's brackets, which Markdown
	// turns into literal text.
	Suspects []Suspect
}

// Suspect is text that looks like a failed annotation.
type Suspect struct {
	Offset int
	Text   string // the annotation-like text, e.g. "](quote:kellogg)"
	Scheme string // for links: the unknown scheme, e.g. "actors"
}

// lostAnnotation matches the tail of an annotation that Markdown left as
// text, which happens when one annotation is nested in another.
var lostAnnotation = regexp.MustCompile(`\]\((actor|topic|event|quote):[^)\s]*\)`)

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

func (t transformer) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	source := reader.Source()
	res := &Result{}
	pc.Set(resultKey, res)

	var links []*ast.Link
	inNote := 0 // notes are not citable paragraphs, but may hold annotations
	if !t.numbered {
		inNote = 1
	}
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
		switch n := n.(type) {
		case *ast.Paragraph:
			if inNote == 0 {
				number(res, n, n, source)
			}
		case *ast.TextBlock:
			if item, ok := n.Parent().(*ast.ListItem); ok && inNote == 0 {
				number(res, n, item, source)
			}
		case *ast.Link:
			sch := scheme(n.Destination)
			if _, ok := kinds[sch]; ok {
				links = append(links, n)
			} else if sch != "" && !strings.Contains(string(n.Destination), "//") {
				res.Suspects = append(res.Suspects, Suspect{Offset: n.Pos(), Text: string(n.Destination), Scheme: sch})
			}
		case *ast.Text:
			segment := n.Segment.Value(source)
			for _, loc := range lostAnnotation.FindAllIndex(segment, -1) {
				res.Suspects = append(res.Suspects, Suspect{Offset: n.Segment.Start + loc[0], Text: string(segment[loc[0]:loc[1]])})
			}
		}
		return ast.WalkContinue, nil
	})
	for _, link := range links {
		res.Annotations = append(res.Annotations, replace(link, source))
	}
}

// number gives block the next paragraph number; the anchor goes on holder
// (a list item for tight lists, whose text has no element of its own).
func number(res *Result, block ast.Node, holder ast.Node, source []byte) {
	n := len(res.Paragraphs) + 1
	holder.SetAttributeString("id", []byte(ParagraphID(n)))
	block.InsertBefore(block, block.FirstChild(), &ParagraphMark{N: n})
	offset := 0
	if lines := block.Lines(); lines.Len() > 0 {
		offset = lines.At(0).Start
	}
	res.Paragraphs = append(res.Paragraphs, Paragraph{N: n, Text: plainText(block, source), Offset: offset})
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
	dest := string(link.Destination)
	s, rest, _ := strings.Cut(dest, ":")
	id, query, _ := strings.Cut(rest, "?")
	a := &Annotation{Kind: kinds[s], ID: unescape(id), Query: query, Offset: link.Pos()}
	if a.Kind == Quote && query != "" {
		values, _ := url.ParseQuery(query)
		for _, list := range values["topic"] {
			for _, t := range strings.Split(list, ",") {
				if t = strings.TrimSpace(t); t != "" {
					a.Topics = append(a.Topics, t)
				}
			}
		}
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

// plainText is the text a reader sees in n, without markup.
func plainText(n ast.Node, source []byte) string {
	var b strings.Builder
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
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
		case *ast.CodeSpan:
			// its Text children are walked
		case *ast.AutoLink:
			b.Write(c.Label(source))
		}
		return ast.WalkContinue, nil
	})
	return strings.TrimSpace(b.String())
}
