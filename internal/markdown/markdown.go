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

	"briefing/internal/annotate"
)

// Converter renders Markdown to HTML. It is safe for concurrent use.
type Converter struct {
	md goldmark.Markdown
}

// New returns a converter whose annotations link through resolver. Raw
// HTML in the Markdown is dropped unless unsafeHTML is set.
func New(resolver annotate.Resolver, unsafeHTML bool) *Converter {
	var rendererOptions []goldmark.Option
	if unsafeHTML {
		rendererOptions = append(rendererOptions, goldmark.WithRendererOptions(html.WithUnsafe()))
	}
	md := goldmark.New(append(rendererOptions,
		goldmark.WithExtensions(
			extension.GFM,
			extension.Footnote,
			extension.Typographer,
			annotate.Extension{Resolver: resolver},
		),
	)...)
	return &Converter{md: md}
}

// Convert renders src and returns what its annotations collected.
func (c *Converter) Convert(src []byte) (string, *annotate.Result, error) {
	var buf bytes.Buffer
	buf.Grow(len(src) * 2)
	pc := parser.NewContext()
	if err := c.md.Convert(src, &buf, parser.WithContext(pc)); err != nil {
		return "", nil, err
	}
	return buf.String(), annotate.Collected(pc), nil
}
