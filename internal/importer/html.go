package importer

import (
	"bytes"
	"strings"

	"codeberg.org/readeck/go-readability/v2"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// FromHTML reads a saved web page: readability finds the article in it
// and its title, author, site name, date and summary in the page's
// metadata; the page's canonical address (link rel=canonical, or
// og:url) is the url.
func FromHTML(data []byte) (Draft, error) {
	article, err := readability.FromReader(bytes.NewReader(data), nil)
	if err != nil {
		return Draft{}, err
	}
	d := Draft{
		Title:   clean(article.Title()),
		Source:  clean(article.SiteName()),
		Summary: clean(article.Excerpt()),
	}
	if by := clean(article.Byline()); by != "" {
		by = strings.TrimSpace(strings.TrimPrefix(strings.TrimPrefix(by, "By "), "by "))
		for _, a := range strings.FieldsFunc(strings.ReplaceAll(by, " and ", ","), func(r rune) bool { return r == ',' }) {
			if a = strings.TrimSpace(a); a != "" {
				d.Authors = append(d.Authors, a)
			}
		}
	}
	if t, err := article.PublishedTime(); err == nil {
		d.Published = t.Format("2006-01-02")
	}
	if doc, err := html.Parse(bytes.NewReader(data)); err == nil {
		d.URL = canonical(doc)
	}
	var paras []string
	if article.Node != nil {
		paras = blocks(article.Node, nil)
	}
	if by := clean(article.Byline()); len(paras) > 0 && by != "" {
		first := strings.TrimPrefix(strings.TrimPrefix(paras[0], "By "), "by ")
		if first == escape(strings.TrimPrefix(strings.TrimPrefix(by, "By "), "by ")) {
			paras = paras[1:] // the byline, which readability leaves in when the metadata named the author
		}
	}
	if len(paras) > 0 && d.Summary != "" && paras[0] == escape(d.Summary) {
		d.Summary = "" // readability's excerpt is the first paragraph when the page has no description
	}
	d.Body = strings.Join(paras, "\n\n")
	return d, nil
}

// blocks appends, for each block of the article in document order, its
// Markdown: paragraphs, headings (as ##, the title being the page's),
// list items and quotations.
func blocks(n *html.Node, out []string) []string {
	if n.Type == html.ElementNode {
		switch n.DataAtom {
		case atom.Script, atom.Style, atom.Noscript, atom.Figure, atom.Nav, atom.Aside, atom.Form, atom.Button:
			return out
		case atom.P:
			return add(out, "", n)
		case atom.H1, atom.H2, atom.H3:
			return add(out, "## ", n)
		case atom.H4, atom.H5, atom.H6:
			return add(out, "### ", n)
		case atom.Li:
			return add(out, "- ", n)
		case atom.Blockquote:
			if !hasBlocks(n) {
				return add(out, "> ", n)
			}
			var inner []string
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				inner = blocks(c, inner)
			}
			for _, p := range inner {
				out = append(out, "> "+p)
			}
			return out
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		out = blocks(c, out)
	}
	return out
}

// add appends the text of n as one block after the marker, unless it is
// empty.
func add(out []string, marker string, n *html.Node) []string {
	text := clean(textOf(n))
	if text == "" {
		return out
	}
	if marker == "" {
		return append(out, escape(text))
	}
	return append(out, marker+strings.TrimPrefix(escape(text), `\`))
}

func hasBlocks(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && (c.DataAtom == atom.P || c.DataAtom == atom.Ul || c.DataAtom == atom.Ol || c.DataAtom == atom.Div) {
			return true
		}
	}
	return false
}

func textOf(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		switch {
		case n.Type == html.TextNode:
			b.WriteString(n.Data)
		case n.Type == html.ElementNode && n.DataAtom == atom.Br:
			b.WriteByte(' ')
		case n.Type == html.ElementNode && (n.DataAtom == atom.Script || n.DataAtom == atom.Style):
		default:
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				walk(c)
			}
		}
	}
	walk(n)
	return b.String()
}

// clean joins the words of s with single spaces.
func clean(s string) string { return strings.Join(strings.Fields(s), " ") }

// canonical is the page's own address: its link rel=canonical, or its
// og:url, when it is a web address.
func canonical(doc *html.Node) string {
	var link, og string
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			attr := func(key string) string {
				for _, a := range n.Attr {
					if a.Key == key {
						return strings.TrimSpace(a.Val)
					}
				}
				return ""
			}
			switch {
			case n.DataAtom == atom.Link && strings.EqualFold(attr("rel"), "canonical") && link == "":
				link = attr("href")
			case n.DataAtom == atom.Meta && attr("property") == "og:url" && og == "":
				og = attr("content")
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	for _, u := range []string{link, og} {
		if l := strings.ToLower(u); strings.HasPrefix(l, "https://") || strings.HasPrefix(l, "http://") {
			return u
		}
	}
	return ""
}
