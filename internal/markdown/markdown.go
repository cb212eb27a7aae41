// Package markdown configures goldmark the one way a briefing renders
// Markdown: CommonMark plus GitHub tables, strikethrough, autolinks and
// task lists, footnotes, typographic punctuation, and annotations.
package markdown

import (
	"bytes"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer/html"

	"github.com/briefing-gen/gen/internal/annotate"
)

// Converter renders Markdown to HTML. It is safe for concurrent use.
type Converter struct {
	md goldmark.Markdown
}

// Options say how to render.
type Options struct {
	Resolver         annotate.Resolver // links annotations; nil leaves them unlinked
	UnsafeHTML       bool              // let raw HTML through instead of dropping it
	NumberParagraphs bool              // citable ¶ anchors, for articles
}

// New returns a converter.
func New(opts Options) *Converter {
	var rendererOptions []goldmark.Option
	if opts.UnsafeHTML {
		rendererOptions = append(rendererOptions, goldmark.WithRendererOptions(html.WithUnsafe()))
	}
	md := goldmark.New(append(rendererOptions,
		goldmark.WithExtensions(
			extension.GFM,
			extension.Footnote,
			extension.Typographer,
			annotate.Extension{Resolver: opts.Resolver, NumberParagraphs: opts.NumberParagraphs},
		),
	)...)
	return &Converter{md: md}
}

// Convert renders src and returns what its annotations collected. Lists
// and quotes nested past MaxNesting give a *NestingError instead.
func (c *Converter) Convert(src []byte) (string, *annotate.Result, error) {
	if depth, at := nesting(src, MaxNesting); at >= 0 {
		return "", nil, &NestingError{Depth: depth, Offset: at}
	}
	var buf bytes.Buffer
	buf.Grow(len(src) * 2)
	pc := parser.NewContext()
	if err := c.md.Convert(src, &buf, parser.WithContext(pc)); err != nil {
		return "", nil, err
	}
	return buf.String(), annotate.Collected(pc), nil
}
