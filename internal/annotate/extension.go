package annotate

import (
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
)

// Extension adds annotations and paragraph numbering to goldmark.
type Extension struct {
	Resolver Resolver

	// NumberParagraphs gives each paragraph a citable anchor and ¶ mark:
	// wanted in articles, noise in a two-line profile.
	NumberParagraphs bool
}

var _ goldmark.Extender = Extension{}

// ParagraphLabeler is a Resolver that also names a paragraph's ¶ mark for
// screen readers in the page's language; without it the mark says
// "Paragraph 3".
type ParagraphLabeler interface {
	ParagraphLabel(n int) string
}

func (e Extension) Extend(m goldmark.Markdown) {
	// After goldmark's own transformers, so every link is final.
	m.Parser().AddOptions(parser.WithASTTransformers(util.Prioritized(transformer{numbered: e.NumberParagraphs}, 900)))
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(nodeRenderer{resolver: e.Resolver}, 500)))
}
