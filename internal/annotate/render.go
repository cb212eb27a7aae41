package annotate

import (
	"strconv"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
)

// Resolver turns an annotation into a link. An empty Href renders the
// words unlinked (the build reports the unresolved id separately).
type Resolver interface {
	Link(a *Annotation) Link
}

// Link is where an annotation points.
type Link struct {
	Href    string
	Title   string // a tooltip: the name and role of an actor, say
	Speaker string // a quote's speaker, shown beside it
}

type nodeRenderer struct {
	resolver Resolver
}

var _ renderer.NodeRenderer = nodeRenderer{}

func (r nodeRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindAnnotation, r.renderAnnotation)
	reg.Register(KindParagraphMark, r.renderMark)
}

func (r nodeRenderer) renderAnnotation(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	n := node.(*Node)
	var link Link
	if r.resolver != nil {
		link = r.resolver.Link(n.Annotation)
	}
	href, title := link.Href, link.Title
	class := "mention " + string(n.Annotation.Kind)
	if n.Annotation.Kind == Quote {
		class = "quote"
	}
	if !entering {
		if href == "" {
			_, _ = w.WriteString("</span>")
		} else {
			_, _ = w.WriteString("</a>")
		}
		return ast.WalkContinue, nil
	}
	if href == "" {
		_, _ = w.WriteString(`<span class="` + class + ` unresolved">`)
		return ast.WalkContinue, nil
	}
	_, _ = w.WriteString(`<a class="` + class + `" href="`)
	_, _ = w.Write(util.EscapeHTML([]byte(href)))
	_ = w.WriteByte('"')
	if title != "" {
		_, _ = w.WriteString(` title="`)
		_, _ = w.Write(util.EscapeHTML([]byte(title)))
		_ = w.WriteByte('"')
	}
	if link.Speaker != "" {
		_, _ = w.WriteString(` data-speaker="`)
		_, _ = w.Write(util.EscapeHTML([]byte(link.Speaker)))
		_ = w.WriteByte('"')
	}
	_ = w.WriteByte('>')
	return ast.WalkContinue, nil
}

func (r nodeRenderer) renderMark(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		num := node.(*ParagraphMark).N
		n := strconv.Itoa(num)
		label := "Paragraph " + n
		if l, ok := r.resolver.(ParagraphLabeler); ok {
			label = l.ParagraphLabel(num)
		}
		_, _ = w.WriteString(`<a class="pilcrow" href="#p` + n + `" aria-label="`)
		_, _ = w.Write(util.EscapeHTML([]byte(label)))
		_, _ = w.WriteString(`">¶` + n + `</a> `)
	}
	return ast.WalkContinue, nil
}
