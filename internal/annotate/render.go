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

	// TranslationLang and TranslationDir are the language a quote's
	// ?translation= is in, the site's, and its direction: the
	// translation, shown in brackets after the quote, says them, as it
	// may sit in an article in another language, or direction.
	TranslationLang, TranslationDir string
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
		if tr := n.Annotation.Translation; tr != "" && n.Annotation.Kind == Quote {
			writeTranslation(w, tr, link)
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

// writeTranslation writes a quote's translation after it, in brackets,
// as an editor's insertion reads.
func writeTranslation(w util.BufWriter, translation string, link Link) {
	_, _ = w.WriteString(` <span class="translation"`)
	for _, attr := range [][2]string{{"lang", link.TranslationLang}, {"dir", link.TranslationDir}} {
		if attr[1] != "" {
			_, _ = w.WriteString(" " + attr[0] + `="`)
			_, _ = w.Write(util.EscapeHTML([]byte(attr[1])))
			_ = w.WriteByte('"')
		}
	}
	_, _ = w.WriteString(`>[`)
	_, _ = w.Write(util.EscapeHTML([]byte(translation)))
	_, _ = w.WriteString(`]</span>`)
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
