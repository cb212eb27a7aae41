package network

import (
	"bytes"
	"cmp"
	"encoding/xml"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
)

// write prints the SVG. Every piece of caller text goes through text(),
// which escapes it for both element content and quoted attributes.
func write(b *bytes.Buffer, g *graph, l *layout, k legend, o Options) {
	fmt.Fprintf(b, `<svg xmlns="http://www.w3.org/2000/svg" id="%s" class="network" viewBox="0 0 %s %s" role="group" aria-labelledby="%[1]s-title" aria-describedby="%[1]s-desc">`+"\n",
		o.ID, num(o.Width), num(o.Height+k.height))
	fmt.Fprintf(b, `<title id="%s-title">`, o.ID)
	text(b, o.Title)
	fmt.Fprintf(b, "</title>\n<desc id=\"%s-desc\">", o.ID)
	if d := drawnOf(g); o.Words != nil && o.Words.Describe != nil {
		text(b, o.Words.Describe(d))
	} else {
		text(b, d.English())
	}
	b.WriteString("</desc>\n<style>")
	b.WriteString(style())
	b.WriteString("</style>\n")
	// The picture carries its own background so that the label contrast
	// holds wherever it is shown.
	b.WriteString(`<rect class="bg" width="100%" height="100%"/>` + "\n")
	if len(g.nodes) == 0 {
		b.WriteString("</svg>\n")
		return
	}
	key := "Key to the colours"
	if o.Words != nil && o.Words.Key != "" {
		key = o.Words.Key
	}
	writeLegend(b, k, key)

	// Lines first, so nodes cover their ends; heavier lines on top.
	b.WriteString(`<g class="edges">` + "\n")
	order := make([]int, len(g.edges))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(i, j int) int { return cmp.Compare(g.edges[i].weight, g.edges[j].weight) })
	for _, i := range order {
		e := g.edges[i]
		class := "edge"
		if g.isTopic(e.a) || g.isTopic(e.b) {
			class = "edge edge-topic"
		}
		fmt.Fprintf(b, `<line class="%s" x1="%s" y1="%s" x2="%s" y2="%s" stroke-width="%s"/>`+"\n",
			class, num(l.x[e.a]), num(l.y[e.a]), num(l.x[e.b]), num(l.y[e.b]),
			num(0.75+float64(3.25*l.weight[i])))
	}
	b.WriteString("</g>\n")

	b.WriteString(`<g class="nodes">` + "\n")
	for _, i := range g.drawOrder() {
		n := g.nodes[i]
		class := "node node-" + groupClass(n.Group)
		href, link := safeHref(n.Href)
		if link {
			fmt.Fprintf(b, `<a class="%s" href="`, class)
			text(b, href)
			b.WriteString(`">`)
		} else {
			fmt.Fprintf(b, `<g class="%s">`, class)
		}
		// The <title> is the tooltip and the link's accessible name, and
		// holds the label in full where the shown one is shortened.
		b.WriteString("<title>")
		text(b, g.names[i])
		b.WriteString("</title>")
		x, y, r := l.x[i], l.y[i], l.r[i]
		if g.isTopic(i) {
			// A rounded square of about the disc's area.
			s := float64(r * 0.886)
			fmt.Fprintf(b, `<rect class="shape" x="%s" y="%s" width="%s" height="%s" rx="%s"/>`,
				num(x-s), num(y-s), num(2*s), num(2*s), num(float64(s*0.3)))
		} else {
			fmt.Fprintf(b, `<circle class="shape" cx="%s" cy="%s" r="%s"/>`, num(x), num(y), num(r))
		}
		cut := g.labels[i] != g.names[i]
		if l.labelled[i] {
			class := "label"
			if cut {
				class = "label cut"
			}
			fmt.Fprintf(b, `<text class="%s" x="%s" y="%s" text-anchor="%s">`, class, num(l.lx[i]), num(l.ly[i]), l.anchor[i])
			text(b, g.labels[i])
			b.WriteString("</text>")
		}
		if cut || !l.labelled[i] {
			// The name in full, shown on hover and focus (see style).
			fx, fy := l.fullAt(i, g.names[i], g.labels[i])
			fmt.Fprintf(b, `<text class="full" x="%s" y="%s" text-anchor="middle">`, num(fx), num(fy))
			text(b, g.names[i])
			b.WriteString("</text>")
		}
		if link {
			b.WriteString("</a>\n")
		} else {
			b.WriteString("</g>\n")
		}
	}
	b.WriteString("</g>\n</svg>\n")
}

// writeLegend writes the key: a list, so that a screen reader says how
// many entries it has, of the groups' shapes and names. The shapes take
// their colours from the same rules as the nodes' (node-<group> .shape).
func writeLegend(b *bytes.Buffer, k legend, name string) {
	if len(k.entries) == 0 {
		return
	}
	b.WriteString(`<g class="legend" role="list" aria-label="`)
	text(b, name)
	b.WriteString(`">` + "\n")
	for _, e := range k.entries {
		fmt.Fprintf(b, `<g class="legend-entry node-%s" role="listitem">`, e.group)
		if e.group == "topic" {
			fmt.Fprintf(b, `<rect class="shape" x="%s" y="%s" width="%d" height="%d" rx="2"/>`,
				num(e.x-legendSwatch), num(e.y-legendSwatch), 2*legendSwatch, 2*legendSwatch)
		} else {
			fmt.Fprintf(b, `<circle class="shape" cx="%s" cy="%s" r="%d"/>`, num(e.x), num(e.y), legendSwatch)
		}
		fmt.Fprintf(b, `<text class="key" x="%s" y="%s">`, num(e.x+legendSwatch+4), num(e.y+float64(0.35*fontSize)))
		text(b, e.label)
		b.WriteString("</text></g>\n")
	}
	b.WriteString("</g>\n")
}

// drawnOf is what the picture shows, for its <desc>.
func drawnOf(g *graph) Drawn {
	d := Drawn{Dropped: g.dropped}
	for i := range g.nodes {
		if g.isTopic(i) {
			d.Topics++
		}
	}
	d.Actors = len(g.nodes) - d.Topics
	for _, e := range g.edges {
		if g.isTopic(e.a) || g.isTopic(e.b) {
			d.OnTopic = true
		} else {
			d.Peers = true
		}
	}
	if g.thinned > 0 {
		d.Strongest = g.links
	}
	return d
}

// English is the <desc>: what is shown, and what the lines mean, only
// claiming the kinds of line that are there.
func (d Drawn) English() string {
	if d.Actors+d.Topics == 0 {
		return "No actors or topics to show."
	}
	var parts []string
	if d.Actors > 0 {
		parts = append(parts, plural(d.Actors, "actor", "actors"))
	}
	if d.Topics > 0 {
		parts = append(parts, plural(d.Topics, "topic", "topics"))
	}
	s := strings.Join(parts, " and ")
	if d.Dropped > 0 {
		s = fmt.Sprintf("The %d most prominent of %d actors and topics: %s", d.Actors+d.Topics, d.Actors+d.Topics+d.Dropped, s)
	}
	key := " Larger shapes, more prominent."
	if d.Peers || d.OnTopic {
		key = " Thicker lines mean more often; larger shapes, more prominent."
	}
	switch {
	case d.Peers && d.OnTopic:
		s += "; lines join actors mentioned in the same paragraph, and actors with the topics they speak on"
	case d.Peers:
		s += "; lines join actors mentioned in the same paragraph"
	case d.OnTopic:
		s += "; lines join actors with the topics they speak on"
	}
	if d.Strongest > 0 {
		s += fmt.Sprintf(", the strongest %d of each", d.Strongest)
	}
	return s + "." + key
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

// groupClass maps a group to one the style knows; anything else is drawn
// as "other" rather than letting caller text into a class attribute.
func groupClass(group string) string {
	for _, c := range groupColours() {
		if c.group == group {
			return group
		}
	}
	return "other"
}

// safeHref returns the link target, or false if there should be none:
// empty, or with a scheme other than http, https or mailto. Browsers ignore
// tabs and newlines inside a URL and leading spaces or control characters,
// so those are removed before looking at the scheme — "java\tscript:" is
// still a script. The checked form is the one written out.
func safeHref(href string) (string, bool) {
	href = strings.TrimLeftFunc(href, func(r rune) bool { return r <= ' ' })
	href = strings.TrimRightFunc(href, func(r rune) bool { return r <= ' ' })
	href = strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' {
			return -1
		}
		return r
	}, href)
	if href == "" {
		return "", false
	}
	// A scheme is what comes before a ":" that precedes any "/", "?" or "#".
	if i := strings.IndexAny(href, ":/?#"); i >= 0 && href[i] == ':' {
		switch strings.ToLower(href[:i]) {
		case "http", "https", "mailto":
		default:
			return "", false
		}
	}
	return href, true
}

// text writes s escaped for XML text and attribute values: & < > " ' and
// line breaks become references, and characters XML forbids become U+FFFD.
func text(b *bytes.Buffer, s string) {
	xml.EscapeText(b, []byte(s)) // writes to a bytes.Buffer cannot fail
}

// num prints a coordinate to one decimal place, the shortest way: "12",
// "12.5", never "-0".
func num(v float64) string {
	v = math.Round(float64(v*10)) / 10
	if v == 0 {
		v = 0 // drop the sign of -0
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
}
