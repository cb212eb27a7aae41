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

// kinds maps a link scheme to its Kind; other schemes are ordinary links.
var kinds = map[string]Kind{"actor": Actor, "topic": Topic, "event": Event, "quote": Quote}

// Annotation is one annotated span as the writer wrote it.
type Annotation struct {
	Kind Kind
	ID   string // the actor, topic or event id; a quote's speaker
	Text string // the linked words as plain text

	// Topics and Query are a quote's ?topic= list and its whole query
	// (kept to report unknown parameters).
	Topics []string
	Query  string

	Para   int // paragraph number, 0 when outside any paragraph
	Offset int // byte offset of the opening '[' in the Markdown source
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
