package feed

import (
	"bytes"
	"encoding/xml"
	"strconv"
	"time"

	"github.com/briefing-gen/gen/internal/output"
)

// SitemapPage is a page the sitemap lists: its site-relative path, and
// when what it shows last changed, the zero time if that is not known
// (the sitemap then gives it no lastmod).
type SitemapPage struct {
	Path     string
	Modified time.Time
}

// The sitemap protocol's limits on one file (sitemaps.org/protocol.html):
// a site with more URLs, or longer ones, lists them in several files
// named by a sitemap index.
const (
	maxSitemapURLs  = 50_000
	maxSitemapBytes = 50_000_000 // uncompressed; the protocol says 50 MB, read here as decimal megabytes to be safe
	sitemapNS       = "http://www.sitemaps.org/schemas/sitemap/0.9"
	sitemapFooter   = "</urlset>\n"
	sitemapDir      = "sitemaps/" // the parts, when there are several
)

var sitemapHeader = xml.Header + `<urlset xmlns="` + sitemapNS + `">` + "\n"

// sitemaps is sitemap.xml, the file robots.txt names: the list of pages
// itself while it keeps within the protocol's limits, and past them an
// index of parts, sitemaps/sitemap-1.xml, sitemaps/sitemap-2.xml, …, in
// the order of pages.
func sitemaps(base string, pages []SitemapPage) []output.File {
	return splitSitemap(base, pages, maxSitemapURLs, maxSitemapBytes)
}

// splitSitemap is sitemaps with the limits given, so that tests can
// reach the byte limit without writing 50 MB.
func splitSitemap(base string, pages []SitemapPage, maxURLs, maxBytes int) []output.File {
	type part struct {
		data   bytes.Buffer
		urls   int
		latest time.Time
	}
	var parts []*part
	cur := &part{}
	var entry bytes.Buffer
	for _, p := range pages {
		entry.Reset()
		writeEntry(&entry, "url", address(base, p.Path), p.Modified)
		// A part is full at maxURLs, or when this entry would take it
		// past maxBytes; an entry too long for any part goes alone.
		size := len(sitemapHeader) + cur.data.Len() + entry.Len() + len(sitemapFooter)
		if cur.urls > 0 && (cur.urls == maxURLs || size > maxBytes) {
			parts = append(parts, cur)
			cur = &part{}
		}
		cur.data.Write(entry.Bytes())
		cur.urls++
		if p.Modified.After(cur.latest) {
			cur.latest = p.Modified
		}
	}
	parts = append(parts, cur)

	urlset := func(name string, p *part) output.File {
		data := make([]byte, 0, len(sitemapHeader)+p.data.Len()+len(sitemapFooter))
		data = append(append(append(data, sitemapHeader...), p.data.Bytes()...), sitemapFooter...)
		return output.File{Path: name, Data: data}
	}
	if len(parts) == 1 {
		return []output.File{urlset("sitemap.xml", parts[0])}
	}
	files := make([]output.File, 0, len(parts)+1)
	var index bytes.Buffer
	index.WriteString(xml.Header + `<sitemapindex xmlns="` + sitemapNS + `">` + "\n")
	for i, p := range parts {
		name := sitemapDir + "sitemap-" + strconv.Itoa(i+1) + ".xml"
		writeEntry(&index, "sitemap", base+name, p.latest)
		files = append(files, urlset(name, p))
	}
	index.WriteString("</sitemapindex>\n")
	return append([]output.File{{Path: "sitemap.xml", Data: index.Bytes()}}, files...)
}

// writeEntry writes a <url> or <sitemap> element: its address, and the
// day it last changed if that is known. A day is all the site knows of
// when an article appeared, and the W3C date form the protocol asks for
// may stop at the day.
func writeEntry(b *bytes.Buffer, element, loc string, modified time.Time) {
	b.WriteString("  <" + element + ">\n    <loc>")
	xml.EscapeText(b, []byte(loc)) // writes to a bytes.Buffer cannot fail
	b.WriteString("</loc>\n")
	if !modified.IsZero() {
		b.WriteString("    <lastmod>" + modified.UTC().Format(time.DateOnly) + "</lastmod>\n")
	}
	b.WriteString("  </" + element + ">\n")
}
