package network

// The key says what the colours mean: one entry for each group drawn, in
// the style's order, in a band added below the nodes' box (so the key
// takes no room from them, and a picture laid out before has the same
// layout with a key). It is text in the picture itself, so it goes
// wherever the picture goes and takes its colours from the same rules as
// the nodes, in light and dark mode alike.

const (
	legendRow    = 22 // height of a row of the key
	legendSwatch = 6  // radius of an entry's disc or half its square's side
	legendGap    = 12 // between entries
)

type legend struct {
	height  float64 // of the band, 0 for no key
	entries []legendEntryAt
}

type legendEntryAt struct {
	group, label string
	x, y         float64 // the swatch's centre
}

// newLegend lays out the key for the groups g draws, left to right in
// rows as wide as the picture, below the width×height box of the nodes.
// A picture so small that the key would be more than a third of its
// height has none.
func newLegend(g *graph, width, height float64, words *Words) legend {
	present := map[string]bool{}
	for _, n := range g.nodes {
		present[groupClass(n.Group)] = true
	}
	var k legend
	x, rows := float64(margin), 1
	for _, c := range groupColours() {
		if !present[c.group] {
			continue
		}
		label := c.label
		if words != nil && words.Groups[c.group] != "" {
			label = words.Groups[c.group]
		}
		w := float64(2*legendSwatch+4) + labelWidth(label)
		if x > margin && x+w > width-margin {
			x, rows = margin, rows+1
		}
		k.entries = append(k.entries, legendEntryAt{group: c.group, label: label,
			x: x + legendSwatch, y: float64(rows-1)*legendRow + legendRow/2})
		x += w + legendGap
	}
	k.height = float64(rows*legendRow) + 4
	if len(k.entries) == 0 || k.height > height/3 {
		return legend{}
	}
	for i := range k.entries {
		k.entries[i].y += height
	}
	return k
}
