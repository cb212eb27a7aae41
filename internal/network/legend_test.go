package network

import (
	"slices"
	"strings"
	"testing"
)

// TestAtScale draws 500 actors and topics capped at 50, as the actors
// index of a large briefing does: at most 50 drawn, a key to the colours
// of the groups drawn, and every node named in full by its tooltip, which
// is also its link's accessible name, and shown in full on hover and focus
// where its label is cut short or left out.
func TestAtScale(t *testing.T) {
	nodes, edges := randomGraph(500, 20000, 3)
	long := "Ministry of Foreign Affairs of the Republic of Somewhere"
	nodes[0].Label, nodes[0].Weight = long, 1000 // heaviest: drawn
	out := SVG(nodes, edges, Options{Width: 960, Height: 640, MaxNodes: 50, MaxLinks: 4})
	p := parse(t, out)
	if len(p.nodes) == 0 || len(p.nodes) > 50 {
		t.Fatalf("drew %d nodes, want 1 to 50", len(p.nodes))
	}
	if !strings.Contains(p.desc, "The 50 most prominent of 500") {
		t.Errorf("desc does not say how many are left out: %q", p.desc)
	}
	names := map[string]string{}
	for _, n := range nodes {
		names[n.Href] = n.Label
	}
	groups := map[string]bool{}
	for _, d := range p.nodes {
		if d.title != names[d.href] {
			t.Errorf("node %s has tooltip %q, want the full name %q", d.href, d.title, names[d.href])
		}
		if d.label != d.title && d.full != d.title {
			t.Errorf("node %q shows %q and nothing in full on hover or focus (%q)", d.title, d.label, d.full)
		}
		if d.label == d.title && d.full != "" {
			t.Errorf("node %q shows its name in full, and again on hover", d.title)
		}
		groups[strings.TrimPrefix(d.class, "node node-")] = true
	}
	if i := slices.IndexFunc(p.nodes, func(d drawn) bool { return d.title == long }); i < 0 || p.nodes[i].full != long {
		t.Errorf("the long name is not drawn in full on hover")
	}
	checkLegend(t, p, groups)
	// Each node keeps its 4 strongest lines, so at most 4 per node.
	if p.lines > 4*len(p.nodes) {
		t.Errorf("drew %d lines among %d nodes, want at most 4 each", p.lines, len(p.nodes))
	}
	if !strings.Contains(p.desc, "the strongest 4 of each") {
		t.Errorf("desc does not say lines were left out: %q", p.desc)
	}
	checkGeometry(t, p, false)
}

// checkLegend checks that the key has one entry for each group drawn, in
// the style's order, each saying what its colour means.
func checkLegend(t *testing.T, p picture, groups map[string]bool) {
	t.Helper()
	var want []legendEntry
	for _, c := range groupColours() {
		if groups[c.group] {
			want = append(want, legendEntry{"legend-entry node-" + c.group, c.label})
		}
	}
	if !slices.Equal(p.legend, want) {
		t.Errorf("legend is %q, want %q", p.legend, want)
	}
}

func TestLegend(t *testing.T) {
	nodes, edges := smallGraph()
	p := parse(t, SVG(nodes, edges, Options{Width: 640, Height: 420}))
	checkLegend(t, p, map[string]bool{"person": true, "government": true, "organisation": true,
		"group": true, "anonymous": true, "topic": true, "other": true})
	// The key sits below the nodes and their labels, inside the picture.
	for _, d := range p.nodes {
		if d.y+d.r > p.height-legendRow {
			t.Errorf("%s at y %g reaches into the key", d.title, d.y)
		}
	}

	// One group, one entry; no room, no key.
	p = parse(t, SVG(nodes[:2], nil, Options{}))
	checkLegend(t, p, map[string]bool{"person": true})
	if p = parse(t, SVG(nodes, edges, Options{Width: 50, Height: 50})); len(p.legend) != 0 {
		t.Errorf("a 50×50 picture has a key: %v", p.legend)
	}
}

func TestMaxLinks(t *testing.T) {
	// A star of 6 around a, and b–c: at most 2 each keeps a's two
	// strongest, and b–c (among b's and c's strongest).
	var nodes []Node
	for _, id := range []string{"a", "b", "c", "d", "e", "f", "g"} {
		nodes = append(nodes, Node{ID: id, Weight: 1})
	}
	edges := []Edge{{"a", "b", 5}, {"a", "c", 4}, {"a", "d", 3}, {"a", "e", 2}, {"a", "f", 2}, {"a", "g", 1}, {"b", "c", 1}}
	p := parse(t, SVG(nodes, edges, Options{MaxLinks: 2}))
	// a–b and a–c are a's; d, e, f and g keep their only line; b–c is
	// among b's two and c's two.
	if p.lines != 7 {
		t.Errorf("drew %d lines, want all 7: every line is among the 2 strongest of one end", p.lines)
	}
	edges = append(edges, Edge{"d", "e", 1}, Edge{"d", "f", 1}, Edge{"e", "f", 1})
	// d keeps a–d and d–e (ties go to the other end first by ID), e keeps
	// a–e and d–e, f keeps a–f and d–f: e–f is among the two strongest of
	// neither end.
	out := SVG(nodes, edges, Options{MaxLinks: 2})
	if p := parse(t, out); p.lines != 9 {
		t.Errorf("drew %d lines, want 9 of 10:\n%s", p.lines, out)
	}
	if p := parse(t, SVG(nodes, edges, Options{})); p.lines != 10 {
		t.Errorf("without MaxLinks drew %d lines, want all 10", p.lines)
	}
}
