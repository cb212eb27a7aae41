package render

import (
	"html/template"

	"briefing/internal/network"
)

// maxNetworkNodes keeps the picture legible in a large briefing: the most
// quoted and mentioned actors and topics.
const maxNetworkNodes = 60

// Network is the picture of actors and topics for the actors index: a
// line joins actors named in the same paragraph, and an actor to a topic
// they are quoted on or named with. It is drawn at build time as SVG; each
// node links to its page.
func (p *Page) Network() template.HTML {
	b := p.Briefing
	var nodes []network.Node
	var edges []network.Edge
	for _, t := range b.Topics {
		nodes = append(nodes, network.Node{ID: "topic:" + t.ID, Label: t.Title, Group: "topic", Href: p.Rel(t.Path()),
			Weight: 2*len(t.Quotes) + len(t.Passages)})
	}
	for _, a := range b.Actors {
		weight := 2*len(a.Quotes) + len(a.Passages)
		if weight == 0 {
			continue
		}
		nodes = append(nodes, network.Node{ID: "actor:" + a.ID, Label: a.Name, Group: a.Kind, Href: p.Rel(a.Path()), Weight: weight})
		for _, s := range a.Stances() {
			if !s.Evidence() {
				continue // a position alone: the picture shows what the articles connect
			}
			edges = append(edges, network.Edge{From: "actor:" + a.ID, To: "topic:" + s.Topic.ID, Weight: len(s.Quotes) + len(s.Passages)})
		}
		for _, c := range a.CoMentions() {
			if a.ID < c.Actor.ID { // each pair once
				edges = append(edges, network.Edge{From: "actor:" + a.ID, To: "actor:" + c.Actor.ID, Weight: len(c.Passages)})
			}
		}
	}
	svg := network.SVG(nodes, edges, network.Options{Width: 960, Height: 640, MaxNodes: maxNetworkNodes,
		Title: "Actors and topics of " + b.Site.Title})
	return template.HTML(svg) // network.SVG escapes every text and link it writes
}
