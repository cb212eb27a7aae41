package network

import (
	"bytes"
	"encoding/xml"
	"flag"
	"io"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// drawn is a node as read back from the SVG.
type drawn struct {
	class, href, title, label string
	full                      string // the name shown on hover and focus, if not the label
	x, y, r                   float64
	lx, ly                    float64 // label's anchor point
	anchor                    string  // label's text-anchor
}

// labelBox is where the label's text is estimated to fall.
func (d drawn) labelBox() (x0, y0, x1, y1 float64) {
	w := labelWidth(d.label)
	switch d.anchor {
	case "start":
		x0 = d.lx
	case "end":
		x0 = d.lx - w
	default:
		x0 = d.lx - w/2
	}
	return x0, d.ly - 0.8*fontSize, x0 + w, d.ly + 0.2*fontSize
}

// picture is an SVG as read back by encoding/xml.
type picture struct {
	width, height float64
	title, desc   string
	nodes         []drawn
	lines         int
	legend        []legendEntry
}

// legendEntry is an entry of the key as read back: its group's class and
// its text.
type legendEntry struct{ class, text string }

// parse reads the whole of out with encoding/xml, failing the test on any
// syntax error, and collects what the tests look at.
func parse(t *testing.T, out []byte) picture {
	t.Helper()
	var p picture
	d := xml.NewDecoder(bytes.NewReader(out))
	var stack []string // element names
	var cur *drawn
	var inLegend bool // inside an entry of the key
	var textClass string
	attr := func(se xml.StartElement, name string) string {
		for _, a := range se.Attr {
			if a.Name.Local == name {
				return a.Value
			}
		}
		return ""
	}
	f := func(se xml.StartElement, name string) float64 {
		v, err := strconv.ParseFloat(attr(se, name), 64)
		if err != nil {
			t.Fatalf("<%s %s=%q>: %v", se.Name.Local, name, attr(se, name), err)
		}
		return v
	}
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("output is not XML: %v\n%s", err, out)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			stack = append(stack, tok.Name.Local)
			switch tok.Name.Local {
			case "svg":
				vb := strings.Fields(attr(tok, "viewBox"))
				if len(vb) != 4 {
					t.Fatalf("viewBox %q", attr(tok, "viewBox"))
				}
				p.width, _ = strconv.ParseFloat(vb[2], 64)
				p.height, _ = strconv.ParseFloat(vb[3], 64)
			case "a", "g":
				if strings.HasPrefix(attr(tok, "class"), "node ") {
					p.nodes = append(p.nodes, drawn{class: attr(tok, "class"), href: attr(tok, "href")})
					cur = &p.nodes[len(p.nodes)-1]
				}
				if strings.Contains(" "+attr(tok, "class")+" ", " legend-entry ") {
					p.legend = append(p.legend, legendEntry{class: attr(tok, "class")})
					inLegend = true
				}
			case "circle":
				if cur != nil {
					cur.x, cur.y, cur.r = f(tok, "cx"), f(tok, "cy"), f(tok, "r")
				}
			case "rect":
				if cur != nil {
					cur.r = f(tok, "width") / 2
					cur.x, cur.y = f(tok, "x")+cur.r, f(tok, "y")+cur.r
				}
			case "line":
				p.lines++
			case "text":
				if cur != nil && strings.HasPrefix(attr(tok, "class"), "label") {
					cur.lx, cur.ly, cur.anchor = f(tok, "x"), f(tok, "y"), attr(tok, "text-anchor")
				}
				textClass = attr(tok, "class")
			}
		case xml.EndElement:
			stack = stack[:len(stack)-1]
			if tok.Name.Local == "a" || tok.Name.Local == "g" {
				cur = nil
				inLegend = false
			}
		case xml.CharData:
			switch {
			case len(stack) == 2 && stack[1] == "title":
				p.title += string(tok)
			case len(stack) == 2 && stack[1] == "desc":
				p.desc += string(tok)
			case cur != nil && stack[len(stack)-1] == "title":
				cur.title += string(tok)
			case cur != nil && stack[len(stack)-1] == "text" && textClass == "full":
				cur.full += string(tok)
			case cur != nil && stack[len(stack)-1] == "text":
				cur.label += string(tok)
			case inLegend && stack[len(stack)-1] == "text":
				p.legend[len(p.legend)-1].text += string(tok)
			}
		}
	}
	return p
}

func TestGolden(t *testing.T) {
	for _, tc := range []struct {
		name  string
		graph func() ([]Node, []Edge)
		opts  Options
	}{
		{"small", smallGraph, Options{Width: 640, Height: 420, Title: "Who is mentioned with whom"}},
		{"realistic", realisticGraph, Options{Width: 900, Height: 600}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			nodes, edges := tc.graph()
			got := SVG(nodes, edges, tc.opts)
			parse(t, got)
			golden := filepath.Join("testdata", tc.name+".svg")
			if *update {
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test ./internal/network -update to create it)", err)
			}
			if !bytes.Equal(got, want) {
				g, w := strings.Split(string(got), "\n"), strings.Split(string(want), "\n")
				i := 0
				for i < len(g) && i < len(w) && g[i] == w[i] {
					i++
				}
				t.Errorf("output differs from %s from line %d (run go test ./internal/network -update if the change is meant)\ngot:  %s\nwant: %s",
					golden, i+1, at(g, i), at(w, i))
			}
		})
	}
}

func at(lines []string, i int) string {
	if i < len(lines) {
		return lines[i]
	}
	return "(end of file)"
}

func TestDeterministic(t *testing.T) {
	nodes, edges := realisticGraph()
	// A duplicate ID and a repeated edge must not make the order matter.
	nodes = append(nodes, Node{ID: "actor:trump", Label: "Duplicate Trump", Group: "person", Weight: 58})
	edges = append(edges, Edge{"topic:ceasefire", "actor:zelensky", 2})
	opts := Options{Width: 800, Height: 500, MaxNodes: 25}
	want := SVG(nodes, edges, opts)
	r := rand.New(rand.NewPCG(1, 2))
	for range 5 {
		n, e := slices.Clone(nodes), slices.Clone(edges)
		r.Shuffle(len(n), func(i, j int) { n[i], n[j] = n[j], n[i] })
		r.Shuffle(len(e), func(i, j int) { e[i], e[j] = e[j], e[i] })
		for i := range e {
			if r.IntN(2) == 0 {
				e[i].From, e[i].To = e[i].To, e[i].From
			}
		}
		if got := SVG(n, e, opts); !bytes.Equal(got, want) {
			t.Fatalf("shuffled input gave different output:\n%s\n--- want ---\n%s", got, want)
		}
	}
}

func TestLinksAndEscaping(t *testing.T) {
	hostile := `</text><script>alert("x")</script> & 'quoted' "<b>"`
	nodes := []Node{
		{ID: "a", Label: hostile, Group: "person", Href: `actors/a/?q="x"&y=<1>`},
		{ID: "b", Label: "Bee", Group: "person", Href: "javascript:alert(1)"},
		{ID: "c", Label: "Cee", Group: "topic", Href: "  JavaScript:alert(1)"},
		{ID: "d", Label: "Dee", Group: "group", Href: "DATA:text/html,<script>alert(1)</script>"},
		{ID: "e", Label: "Eee", Group: "group", Href: "java\tscript:alert(1)"},
		{ID: "f", Label: "Eff", Group: "group", Href: "\x01vbscript:msgbox(1)"},
		{ID: "g", Label: "Gee", Group: "organisation", Href: "https://example.org/g"},
		{ID: "h", Label: "Aitch", Group: "anonymous", Href: "topics/x:y/index.html"},
		{ID: "i", Label: "Eye\x00\x1b", Group: `person" onclick="x`, Href: ""},
	}
	edges := []Edge{{"a", "b", 1}, {"b", "c", 2}, {"a", "i", 1}}
	out := SVG(nodes, edges, Options{Title: `Title <&> "quoted"`, ID: `x" onload="y`})
	p := parse(t, out)

	for _, bad := range []string{"<script", "javascript", "JavaScript", "DATA:", "vbscript", "onclick=", "onload="} {
		if bytes.Contains(out, []byte(bad)) {
			t.Errorf("output contains %q:\n%s", bad, out)
		}
	}
	if p.title != `Title <&> "quoted"` {
		t.Errorf("title = %q", p.title)
	}
	wantHref := map[string]string{
		hostile: `actors/a/?q="x"&y=<1>`,
		"Gee":   "https://example.org/g",
		"Aitch": "topics/x:y/index.html",
	}
	if len(p.nodes) != len(nodes) {
		t.Fatalf("drew %d nodes, want %d", len(p.nodes), len(nodes))
	}
	for _, d := range p.nodes {
		if d.href != wantHref[d.title] {
			t.Errorf("node %q: href %q, want %q", d.title, d.href, wantHref[d.title])
		}
	}
	i := slices.IndexFunc(p.nodes, func(d drawn) bool { return d.href == wantHref[hostile] })
	if i < 0 || p.nodes[i].title != hostile {
		t.Errorf("hostile label did not survive escaping: %+v", p.nodes)
	}
	if !bytes.Contains(out, []byte(`class="node node-other"`)) {
		t.Errorf("unknown group not drawn as other")
	}
	if !bytes.Contains(out, []byte(`id="xonloady"`)) || !bytes.Contains(out, []byte(`aria-labelledby="xonloady-title"`)) {
		t.Errorf("id not cleaned")
	}
	if got := cleanID("9lives"); got != defaultID {
		t.Errorf("cleanID(9lives) = %q, want the default", got)
	}
}

func TestEveryHrefIsALink(t *testing.T) {
	nodes, edges := realisticGraph()
	p := parse(t, SVG(nodes, edges, Options{}))
	links := 0
	for _, d := range p.nodes {
		if d.href != "" {
			links++
		}
	}
	if links != len(nodes) || len(p.nodes) != len(nodes) {
		t.Errorf("%d links among %d drawn nodes, want %d", links, len(p.nodes), len(nodes))
	}
}

func TestGeometry(t *testing.T) {
	for _, tc := range []struct {
		name          string
		nodes, edges  int
		width, height float64
		small         bool // check spacing, and that every label is shown
	}{
		{"20 nodes", 20, 40, 900, 600, true},
		{"20 nodes, small box", 20, 40, 600, 400, true},
		{"20 nodes, no edges", 20, 0, 900, 600, true},
		{"100 nodes", 100, 400, 900, 600, false},
		{"500 nodes", 500, 5000, 900, 600, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			nodes, edges := randomGraph(tc.nodes, tc.edges, 7)
			p := parse(t, SVG(nodes, edges, Options{Width: tc.width, Height: tc.height}))
			if len(p.nodes) != tc.nodes {
				t.Fatalf("drew %d nodes, want %d", len(p.nodes), tc.nodes)
			}
			checkGeometry(t, p, tc.small)
		})
	}
	t.Run("realistic", func(t *testing.T) {
		nodes, edges := realisticGraph()
		checkGeometry(t, parse(t, SVG(nodes, edges, Options{})), true)
	})
}

// checkGeometry checks that nodes and labels lie inside the viewBox and
// labels do not overlap. If small, it also checks that nodes are well
// apart and every label is shown.
func checkGeometry(t *testing.T, p picture, small bool) {
	t.Helper()
	const minDist = 24
	for i, a := range p.nodes {
		if a.x-a.r < 0 || a.x+a.r > p.width || a.y-a.r < 0 || a.y+a.r > p.height {
			t.Errorf("%s at (%g, %g) r %g is outside the %gx%g viewBox", a.title, a.x, a.y, a.r, p.width, p.height)
		}
		if a.label == "" {
			if small {
				t.Errorf("%s has no label", a.title)
			}
			continue
		}
		ax0, ay0, ax1, ay1 := a.labelBox()
		if ax0 < 0 || ay0 < 0 || ax1 > p.width || ay1 > p.height {
			t.Errorf("label of %s overflows the viewBox: (%g, %g)-(%g, %g)", a.title, ax0, ay0, ax1, ay1)
		}
		for _, b := range p.nodes[i+1:] {
			if small {
				if d := math.Hypot(a.x-b.x, a.y-b.y); d < minDist {
					t.Errorf("%s and %s are %.1f apart, want at least %d", a.title, b.title, d, minDist)
				}
			}
			if b.label == "" {
				continue
			}
			// Allow for rounding to one decimal.
			bx0, by0, bx1, by1 := b.labelBox()
			if ax0 < bx1-0.2 && bx0 < ax1-0.2 && ay0 < by1-0.2 && by0 < ay1-0.2 {
				t.Errorf("labels of %s and %s overlap", a.title, b.title)
			}
		}
	}
}

func TestMaxNodes(t *testing.T) {
	nodes := []Node{
		{ID: "a", Weight: 10}, {ID: "b", Weight: 1}, {ID: "c", Weight: 7},
		{ID: "d", Weight: 7}, {ID: "e", Weight: 3}, {ID: "f", Weight: 0},
	}
	edges := []Edge{{"a", "c", 1}, {"a", "b", 1}, {"c", "d", 1}, {"d", "e", 1}, {"b", "f", 1}, {"a", "d", 1}}
	p := parse(t, SVG(nodes, edges, Options{MaxNodes: 3}))
	var got []string
	for _, d := range p.nodes {
		got = append(got, d.title)
	}
	slices.Sort(got)
	if want := []string{"a", "c", "d"}; !slices.Equal(got, want) {
		t.Errorf("kept %v, want %v", got, want)
	}
	if p.lines != 3 { // a-c, c-d, a-d
		t.Errorf("drew %d lines, want 3", p.lines)
	}
	if !strings.Contains(p.desc, "The 3 most prominent of 6") {
		t.Errorf("desc does not say nodes were left out: %q", p.desc)
	}

	// Ties at the cut are broken by ID, whatever the input order.
	tied := []Node{{ID: "z", Weight: 5}, {ID: "y", Weight: 5}, {ID: "x", Weight: 5}}
	p = parse(t, SVG(tied, nil, Options{MaxNodes: 2}))
	if len(p.nodes) != 2 || p.nodes[0].title != "x" || p.nodes[1].title != "y" {
		t.Errorf("tie kept %+v, want x and y", p.nodes)
	}
}

// TestEmpty: no nodes still gives a valid SVG with a title and a desc, so
// a caller can always embed the result.
func TestEmpty(t *testing.T) {
	for _, nodes := range [][]Node{nil, {{ID: ""}}} {
		out := SVG(nodes, []Edge{{"a", "b", 1}}, Options{})
		p := parse(t, out)
		if len(p.nodes) != 0 || p.lines != 0 || p.width != defaultWidth || p.title != defaultTitle || p.desc != "No actors or topics to show." {
			t.Errorf("empty input gave %+v:\n%s", p, out)
		}
	}
}

func TestEdges(t *testing.T) {
	nodes := []Node{{ID: "a", Weight: 1}, {ID: "b", Weight: 1}, {ID: "c", Weight: 1}}
	edges := []Edge{
		{"a", "b", 2}, {"b", "a", 3}, // merged, weight 5
		{"a", "c", 0},      // counts as 1
		{"a", "a", 9},      // to itself: dropped
		{"a", "nobody", 9}, // unknown end: dropped
	}
	out := SVG(nodes, edges, Options{})
	if p := parse(t, out); p.lines != 2 {
		t.Errorf("drew %d lines, want 2:\n%s", p.lines, out)
	}
	// The heaviest line is 4 wide; the one of weight 1 is thinner.
	if !bytes.Contains(out, []byte(`stroke-width="4"/>`)) || bytes.Count(out, []byte(`stroke-width="4"/>`)) != 1 {
		t.Errorf("merged edge not the single heaviest:\n%s", out)
	}
}

// TestOddSizes: tiny, huge and invalid sizes still give finite numbers.
func TestOddSizes(t *testing.T) {
	nodes, edges := smallGraph()
	for _, o := range []Options{
		{Width: 1, Height: 1},
		{Width: 30, Height: 2000},
		{Width: 1e300, Height: 1e300},
		{Width: math.NaN(), Height: 5},
		{Width: -5, Height: 100},
		{Width: math.Inf(1), Height: math.Inf(1)},
	} {
		out := SVG(nodes, edges, o)
		p := parse(t, out) // fails on an unparsable number
		for _, d := range p.nodes {
			for _, v := range []float64{d.x, d.y, d.r} {
				if math.IsNaN(v) || math.IsInf(v, 0) {
					t.Errorf("%+v: %s has a non-finite coordinate", o, d.title)
				}
			}
		}
		if bytes.Contains(out, []byte("NaN")) || bytes.Contains(out, []byte("Inf")) {
			t.Errorf("%+v: output has NaN or Inf", o)
		}
	}
}

func TestDesc(t *testing.T) {
	nodes, edges := smallGraph()
	p := parse(t, SVG(nodes, edges, Options{}))
	want := "7 actors and 2 topics; lines join actors mentioned in the same paragraph, and actors with the topics they speak on. Thicker lines mean more often; larger shapes, more prominent."
	if p.desc != want {
		t.Errorf("desc = %q\nwant   %q", p.desc, want)
	}
	p = parse(t, SVG(nodes[:1], nil, Options{}))
	if want := "1 actor. Larger shapes, more prominent."; p.desc != want {
		t.Errorf("desc = %q\nwant   %q", p.desc, want)
	}
}

func TestLabels(t *testing.T) {
	for in, want := range map[string]string{
		"":                                      "the-id",
		"  \t ":                                 "the-id",
		"  Ceasefire\n talks ":                  "Ceasefire talks",
		"Zaporizhzhia nuclear plant":            "Zaporizhzhia nuclear plant",
		"The Zaporizhzhia nuclear power plant":  "The Zaporizhzhia nuclear…",
		"Averyveryverylongwordwithoutanyspaces": "Averyveryverylongwordwith…",
	} {
		p := parse(t, SVG([]Node{{ID: "the-id", Label: in}}, nil, Options{}))
		if len(p.nodes) != 1 || p.nodes[0].label != want {
			t.Errorf("label %q shown as %+v, want %q", in, p.nodes, want)
		}
		if full := strings.Join(strings.Fields(in), " "); full != "" && p.nodes[0].title != full {
			t.Errorf("label %q has tooltip %q, want it in full", in, p.nodes[0].title)
		}
	}
}

func TestNum(t *testing.T) {
	for in, want := range map[float64]string{0: "0", -0.04: "0", 12: "12", 12.25: "12.3", -3.14159: "-3.1", 899.96: "900"} {
		if got := num(in); got != want {
			t.Errorf("num(%v) = %q, want %q", in, got, want)
		}
	}
}

// TestContrast checks the colours against WCAG 2: label text 4.5:1 and
// node shapes 3:1 on the background, in light and dark mode.
func TestContrast(t *testing.T) {
	check := func(fg, bg string, want float64) {
		t.Helper()
		if c := contrast(fg, bg); c < want {
			t.Errorf("%s on %s is %.2f:1, want %g:1", fg, bg, c, want)
		}
	}
	check(labelLight, bgLight, 4.5)
	check(labelDark, bgDark, 4.5)
	for _, c := range groupColours() {
		check(c.light, bgLight, 3)
		check(c.dark, bgDark, 3)
	}
	check(focusLight, bgLight, 3)
	check(focusDark, bgDark, 3)
}

func contrast(a, b string) float64 {
	lum := func(hex string) float64 {
		v, _ := strconv.ParseUint(strings.TrimPrefix(hex, "#"), 16, 32)
		var l float64
		for i, w := range []float64{0.2126, 0.7152, 0.0722} {
			c := float64(v>>(16-8*i)&0xff) / 255
			if c <= 0.04045 {
				c /= 12.92
			} else {
				c = math.Pow((c+0.055)/1.055, 2.4)
			}
			l += w * c
		}
		return l
	}
	la, lb := lum(a), lum(b)
	return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
}

func BenchmarkSVG(b *testing.B) {
	nodes, edges := randomGraph(500, 5000, 1)
	b.ReportAllocs()
	for b.Loop() {
		SVG(nodes, edges, Options{Width: 1200, Height: 900})
	}
}
