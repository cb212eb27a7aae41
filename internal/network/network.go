// Package network draws actors and the topics they speak on as a network
// picture: a self-contained SVG with no script, fonts or external requests,
// made at build time so it can be inlined in a page or served as a file.
//
// The layout is Fruchterman–Reingold: nodes near each other repel, every
// edge pulls its ends together, a weak pull to the centre keeps unlinked
// nodes close, and a falling "temperature" caps how far a node may move in
// each step. The resulting cloud is stretched to fill the viewBox, nodes
// (and, when there is room, their labels) that still overlap are pushed
// apart, and then labels are placed, heaviest node first, below, above,
// right or left of their node wherever they cover no other label; in a
// crowded picture the rest go without, named only by their tooltip.
//
// What a reader needs to read it is in the picture too: a key below the
// nodes names the colour (and the shape) of each group drawn; every node
// is named in full by its <title>, the tooltip and the accessible name of
// its link; and a name cut short, or left without a label, is drawn in
// full beside its node while the pointer is on it or it has the keyboard's
// focus (CSS alone, no script). MaxNodes and MaxLinks keep a large graph
// legible: only the heaviest nodes, and each node's strongest lines.
//
// The picture is a pure function of the set of nodes and edges, so that
// rebuilding an unchanged site gives byte-identical files:
//   - nodes and edges are sorted (and duplicates merged) before use, so the
//     order the caller passes them in does not matter;
//   - starting positions come from a hash of each node's ID rather than a
//     random source, so they also do not move when other nodes come or go;
//   - the number of iterations depends only on the number of nodes, and
//     every loop runs over slices in index order, never over a map;
//   - the arithmetic uses only +, -, *, / and math.Sqrt, which IEEE 754
//     rounds the same way everywhere, and products are wrapped in explicit
//     float64 conversions, which forbid the compiler to fuse them into
//     multiply-adds: arm64 (and ppc64, s390x, riscv64) would otherwise
//     round differently from amd64 in the last bit, and a few hundred
//     iterations amplify that into a different picture. To check, build
//     with GOARCH=arm64 and -gcflags=-S: no FMADDD or FMSUBD appears;
//   - coordinates are printed to one decimal place.
package network

import (
	"bytes"
	"cmp"
	"slices"
	"strings"
	"unicode/utf8"
)

// Node is an actor or a topic.
type Node struct {
	ID     string // unique, e.g. "actor:zelensky" or "topic:minerals-deal"
	Label  string // shown text, e.g. "Volodymyr Zelensky"; the ID if empty
	Group  string // "person", "government", "organisation", "group", "anonymous" or "topic": sets colour and shape
	Href   string // link target (relative URL), or "" for none
	Weight int    // importance, e.g. quotes+mentions: sets the node's size
}

// Edge joins two nodes. Weight is how often they meet (co-mentions in the
// same paragraph, or quotes and mentions on a topic); it sets the line's
// width and how strongly the ends pull together. Edges are undirected.
type Edge struct {
	From, To string
	Weight   int
}

// Options shape the picture. The zero value is usable.
type Options struct {
	Width, Height float64 // size of the nodes' box; 900×600 if either is not positive; at most 1e6. The key to the colours adds a band below
	MaxNodes      int     // draw only the heaviest this many nodes; 0 for all
	MaxLinks      int     // draw only each node's strongest this many lines (a line stays if it is among either end's); 0 for all
	Title         string  // accessible name, the SVG's <title>; a default if empty
	ID            string  // id of the <svg>, and prefix of the ids inside it; "network" if empty
	Words         *Words  // what the picture says in the page's language; nil for English
}

// Words are what the picture says, in a language other than English.
type Words struct {
	Key      string               // the key's accessible name, "Key to the colours"
	Groups   map[string]string    // what the key calls each group ("person": "Person")
	Describe func(d Drawn) string // the <desc>, from what is drawn (Drawn.English is the English)
}

// Drawn is what the picture shows, for its description.
type Drawn struct {
	Actors, Topics int  // nodes drawn
	Dropped        int  // nodes left out by MaxNodes
	Peers, OnTopic bool // whether lines join actors, and actors with topics
	Strongest      int  // each node keeps its strongest this many lines; 0 when none were left out
}

const (
	defaultWidth  = 900
	defaultHeight = 600
	defaultTitle  = "Network of actors and topics"
	defaultID     = "network"

	// maxLabel is the most runes a label shows; the full text is in the
	// node's <title> tooltip.
	maxLabel = 26
)

// graph is the cleaned-up input: nodes sorted by ID, edges by their ends,
// with indexes into nodes.
type graph struct {
	nodes   []Node
	names   []string // each node's label, on one line: its tooltip
	labels  []string // the same, shortened: the shown text
	edges   []edge
	dropped int // nodes left out by MaxNodes
	thinned int // lines left out by MaxLinks
	links   int // MaxLinks
}

type edge struct {
	a, b   int // a < b
	weight int
}

// SVG lays the graph out and returns it as an SVG document (without an
// XML declaration, so it can be inlined in HTML as is).
//
// Nodes with an empty ID are ignored; if two nodes share an ID one of them
// is kept, the same one whatever the input order. Edges whose ends are not
// both drawn, and edges from a node to itself, are dropped; edges between
// the same two nodes are merged, adding their weights. Weights below 1
// count as 1 for edges and 0 for nodes.
//
// With no nodes the result is still a valid SVG of the requested size, with
// a <title> and a <desc> that says there is nothing to show.
func SVG(nodes []Node, edges []Edge, opts Options) []byte {
	opts = opts.withDefaults()
	g := newGraph(nodes, edges, opts.MaxNodes)
	g.thin(opts.MaxLinks)
	lay := place(g, opts.Width, opts.Height)
	key := newLegend(g, opts.Width, opts.Height, opts.Words)
	var b bytes.Buffer
	write(&b, g, lay, key, opts)
	return b.Bytes()
}

func (o Options) withDefaults() Options {
	if !(o.Width > 0 && o.Height > 0) { // also catches NaN
		o.Width, o.Height = defaultWidth, defaultHeight
	}
	// Beyond this, coordinates would lose their one decimal place.
	o.Width, o.Height = min(o.Width, 1e6), min(o.Height, 1e6)
	if strings.TrimSpace(o.Title) == "" {
		o.Title = defaultTitle
	}
	o.ID = cleanID(o.ID)
	return o
}

// cleanID keeps the characters that are safe in an id and in a CSS or URL
// fragment, so the aria references cannot break.
func cleanID(id string) string {
	id = strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_' {
			return r
		}
		return -1
	}, id)
	if id == "" || id[0] >= '0' && id[0] <= '9' || id[0] == '-' {
		return defaultID
	}
	return id
}

func newGraph(nodes []Node, edges []Edge, maxNodes int) *graph {
	ns := slices.Clone(nodes)
	for i := range ns {
		ns[i].Weight = max(ns[i].Weight, 0)
	}
	// Sort on every field so that, among duplicates, the one kept does not
	// depend on the input order.
	slices.SortFunc(ns, func(a, b Node) int {
		return cmp.Or(
			strings.Compare(a.ID, b.ID),
			cmp.Compare(b.Weight, a.Weight),
			strings.Compare(a.Label, b.Label),
			strings.Compare(a.Group, b.Group),
			strings.Compare(a.Href, b.Href),
		)
	})
	ns = slices.CompactFunc(ns, func(a, b Node) bool { return a.ID == b.ID })
	if len(ns) > 0 && ns[0].ID == "" {
		ns = ns[1:]
	}

	g := &graph{}
	if maxNodes > 0 && len(ns) > maxNodes {
		g.dropped = len(ns) - maxNodes
		slices.SortStableFunc(ns, func(a, b Node) int { return cmp.Compare(b.Weight, a.Weight) })
		ns = ns[:maxNodes]
		slices.SortFunc(ns, func(a, b Node) int { return strings.Compare(a.ID, b.ID) })
	}
	g.nodes = ns

	g.names, g.labels = make([]string, len(ns)), make([]string, len(ns))
	for i, n := range ns {
		g.names[i] = strings.Join(strings.Fields(n.Label), " ")
		if g.names[i] == "" {
			g.names[i] = n.ID
		}
		g.labels[i] = shorten(g.names[i])
	}

	index := func(id string) int {
		i, ok := slices.BinarySearchFunc(ns, id, func(n Node, id string) int { return strings.Compare(n.ID, id) })
		if !ok {
			return -1
		}
		return i
	}
	for _, e := range edges {
		a, b := index(e.From), index(e.To)
		if a < 0 || b < 0 || a == b {
			continue
		}
		if a > b {
			a, b = b, a
		}
		g.edges = append(g.edges, edge{a, b, max(e.Weight, 1)})
	}
	slices.SortFunc(g.edges, func(x, y edge) int { return cmp.Or(cmp.Compare(x.a, y.a), cmp.Compare(x.b, y.b)) })
	merged := g.edges[:0]
	for _, e := range g.edges {
		if n := len(merged); n > 0 && merged[n-1].a == e.a && merged[n-1].b == e.b {
			merged[n-1].weight += e.weight
			continue
		}
		merged = append(merged, e)
	}
	g.edges = merged
	return g
}

// thin keeps only the lines among the strongest most of either end's, so
// that a picture of well-connected nodes is not a solid mesh: each node
// keeps its most telling links. Ties go to the end that comes first by ID.
func (g *graph) thin(most int) {
	if most <= 0 {
		return
	}
	g.links = most
	at := make([][]int, len(g.nodes)) // each node's edges
	for i, e := range g.edges {
		at[e.a] = append(at[e.a], i)
		at[e.b] = append(at[e.b], i)
	}
	keep := make([]bool, len(g.edges))
	for n, list := range at {
		other := func(i int) int { return g.edges[i].a + g.edges[i].b - n }
		slices.SortFunc(list, func(i, j int) int {
			return cmp.Or(cmp.Compare(g.edges[j].weight, g.edges[i].weight), cmp.Compare(other(i), other(j)))
		})
		for _, i := range list[:min(most, len(list))] {
			keep[i] = true
		}
	}
	kept := g.edges[:0]
	for i, e := range g.edges {
		if keep[i] {
			kept = append(kept, e)
		}
	}
	g.thinned = len(g.edges) - len(kept)
	g.edges = kept
}

// shorten gives the text shown by a node: labels are one line, so long
// ones are cut, at a word boundary where there is one.
func shorten(label string) string {
	if utf8.RuneCountInString(label) <= maxLabel {
		return label
	}
	r := []rune(label)[:maxLabel-1]
	if sp := slices.Index(r[maxLabel/2:], ' '); sp >= 0 {
		// Cut at the last space in the second half, if any.
		last := maxLabel/2 + sp
		for j := len(r) - 1; j > last; j-- {
			if r[j] == ' ' {
				last = j
				break
			}
		}
		r = r[:last]
	}
	return strings.TrimRight(string(r), " ,;:-") + "…"
}

func (g *graph) isTopic(i int) bool { return g.nodes[i].Group == "topic" }

// drawOrder lists the nodes in the order they are drawn: lightest first,
// so that heavy nodes and their labels end up on top; ties by ID.
func (g *graph) drawOrder() []int {
	order := make([]int, len(g.nodes))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(i, j int) int { return cmp.Compare(g.nodes[i].Weight, g.nodes[j].Weight) })
	return order
}
