package annotate

import (
	"fmt"

	"github.com/yuin/goldmark/ast"
)

// Kind is what an annotation points at.
type Kind string

const (
	Actor Kind = "actor"
	Topic Kind = "topic"
	Event Kind = "event"
	Quote Kind = "quote"
)

// kindOf maps a link scheme to its Kind; other schemes are ordinary links.
func kindOf(scheme string) (Kind, bool) {
	switch k := Kind(scheme); k {
	case Actor, Topic, Event, Quote:
		return k, true
	}
	return "", false
}

// Annotation is one annotated span as the writer wrote it.
type Annotation struct {
	Kind Kind
	ID   string // the actor, topic or event id; a quote's speaker
	Text string // the linked words as plain text

	Topics      []string // a quote's ?topic= list
	Translation string   // a quote's ?translation=, its words in the site's language
	QueryError  string   // what is wrong with the ?query, if anything

	Para   int // paragraph number, 0 when outside any paragraph
	Offset int // byte offset of the opening '[' in the Markdown source

	// IDOffset and QueryOffset are where the id and the ?query are in the
	// Markdown source, for pointing at what is wrong with them; they are
	// Offset when the destination is not found as written (a reference
	// link, say), and QueryOffset is without a query.
	IDOffset, QueryOffset int

	// Start and End are the byte range of the words in their paragraph's
	// Text, for highlighting.
	Start, End int
}

// Paragraph is a numbered block of text.
type Paragraph struct {
	N      int
	Text   string // plain text, for excerpts and search
	Offset int    // byte offset in the Markdown source
}

// KindAnnotation is the node kind of annotated spans.
var KindAnnotation = ast.NewNodeKind("Annotation")

// Node is an annotated span in the AST; its children are the linked words.
type Node struct {
	ast.BaseInline
	Annotation *Annotation
}

func (n *Node) Kind() ast.NodeKind { return KindAnnotation }

func (n *Node) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{
		"Kind": string(n.Annotation.Kind), "ID": n.Annotation.ID, "Para": fmt.Sprint(n.Annotation.Para),
	}, nil)
}

// KindParagraphMark is the node kind of the ¶N mark that opens a paragraph.
var KindParagraphMark = ast.NewNodeKind("ParagraphMark")

// ParagraphMark is the citable ¶N link at the start of a paragraph.
type ParagraphMark struct {
	ast.BaseInline
	N int
}

func (n *ParagraphMark) Kind() ast.NodeKind { return KindParagraphMark }

func (n *ParagraphMark) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"N": fmt.Sprint(n.N)}, nil)
}

// ParagraphID is the anchor of paragraph n: "p3".
func ParagraphID(n int) string { return fmt.Sprintf("p%d", n) }
