package network

import "strings"

// Colours follow the site theme (static/style.css). Each pair is light,
// dark. Label text is 16:1 (light) and 14:1 (dark) on the background, and
// every node fill is at least 4.5:1, above the 3:1 that WCAG asks of
// graphics; TestContrast checks both.
const (
	bgLight, bgDark       = "#fbfaf7", "#16181b"
	labelLight, labelDark = "#1c1e21", "#e7e5e0"
	edgeLight, edgeDark   = "#6b7078", "#a7acb3"
	focusLight, focusDark = "#c2410c", "#ffb36b"
)

type groupColour struct{ group, light, dark, label string }

// groupColours lists the groups the style draws, in a fixed order, and
// what the key calls them. Topics are also told apart by shape, so colour
// is not the only cue.
func groupColours() []groupColour {
	return []groupColour{
		{"person", "#1d5fae", "#8ab8ff", "Person"},
		{"government", "#6d3fa6", "#c8a8ff", "Government"},
		{"organisation", "#0e7490", "#5ccfe6", "Organisation"},
		{"group", "#a3195b", "#f59ac0", "Group"},
		{"anonymous", "#6b7078", "#a7acb3", "Anonymous source"},
		{"topic", "#1d7a45", "#6fd39a", "Topic"},
		{"other", "#8a5a00", "#e0b35a", "Other"},
	}
}

// style is the SVG's <style>. Every rule is scoped to .network because a
// <style> in an SVG inlined in HTML applies to the whole page.
func style() string {
	var b strings.Builder
	rules := func(bg, label, edge, focus string, dark bool) {
		b.WriteString(".network .bg{fill:" + bg + "}")
		b.WriteString(".network .edge{stroke:" + edge + "}")
		for _, c := range groupColours() {
			fill := c.light
			if dark {
				fill = c.dark
			}
			if c.group == "topic" {
				b.WriteString(".network .edge-topic{stroke:" + fill + "}")
			}
			b.WriteString(".network .node-" + c.group + " .shape{fill:" + fill + "}")
		}
		// The shape's outline and the label's halo are background coloured,
		// so overlapping shapes stay apart and lines never cross text.
		b.WriteString(".network .shape,.network .label{stroke:" + bg + "}")
		b.WriteString(".network .label,.network .full,.network .key{fill:" + label + "}")
		b.WriteString(".network .full{stroke:" + bg + "}")
		b.WriteString(".network a:focus-visible .shape{stroke:" + focus + "}")
	}
	b.WriteString("\n.network{font:12px system-ui,-apple-system,\"Segoe UI\",Roboto,\"Helvetica Neue\",Arial,sans-serif}\n")
	b.WriteString(".network .edge{stroke-opacity:.4;stroke-linecap:round}\n")
	b.WriteString(".network .shape{stroke-width:1.5}\n")
	b.WriteString(".network .label{stroke-width:3px;stroke-linejoin:round;paint-order:stroke}\n")
	b.WriteString(".network a:hover .label,.network a:focus .label{text-decoration:underline}\n")
	// A name cut short, or not shown for want of room, shows in full while
	// the pointer is on its node or the node has the keyboard's focus.
	b.WriteString(".network .full{display:none;stroke-width:3px;stroke-linejoin:round;paint-order:stroke}\n")
	b.WriteString(".network .node:hover .full,.network .node:focus .full{display:inline}.network .node:hover .cut,.network .node:focus .cut{display:none}\n")
	b.WriteString(".network a:focus{outline:none}.network a:focus-visible .shape{stroke-width:3}\n")
	rules(bgLight, labelLight, edgeLight, focusLight, false)
	b.WriteString("\n@media (prefers-color-scheme:dark){")
	rules(bgDark, labelDark, edgeDark, focusDark, true)
	b.WriteString("}\n")
	return b.String()
}
