package render

import (
	"cmp"
	"fmt"
	"html/template"
	"slices"
	"strings"

	"github.com/briefing-gen/gen/internal/model"
	"github.com/briefing-gen/gen/internal/network"
)

// The picture draws at most maxNetworkActors actors, those most connected
// to the others, and maxNetworkTopics topics, those they are most often
// quoted on or named with. In the 960×640 box that leaves each of 50
// nodes a square of about 110 units, room for its disc and a label of 15
// or so characters at 12 units; with more, most labels have no room and
// the picture turns into a cloud that names no one (the 500-actor
// briefings of bench/corpus did). The text beside the picture says how
// many are left out, and the list below it names them all.
//
// Each node keeps only its maxNetworkLinks strongest lines (a line stays
// if it is among either end's): 40 actors and 10 topics, most of them
// named together somewhere in a large briefing, could otherwise draw up to
// 1,180 lines, a solid mesh; with 3 each the lines that count can be
// followed.
const (
	maxNetworkActors = 40
	maxNetworkTopics = 10
	maxNetworkLinks  = 3
)

// Network is the picture of actors and topics for the actors index: a
// line joins actors named in the same paragraph, and an actor to a topic
// they are quoted on or named with. It is drawn at build time as SVG; each
// node links to its page.
func (p *Page) Network() template.HTML {
	g := p.networkGraph()
	svg := network.SVG(g.nodes, g.edges, network.Options{Width: 960, Height: 640, MaxLinks: maxNetworkLinks,
		Title: "Actors and topics of " + p.Briefing.Site.Title})
	return template.HTML(svg) // network.SVG escapes every text and link it writes
}

// NetworkNote is what the text beside the picture says it leaves out, nil
// when it draws every actor and topic.
type NetworkNote struct {
	Text     string // how many actors (and topics) are drawn, of how many
	List     string // link to the list of every actor
	LinkText string
}

// NetworkNote says how many actors the picture leaves out, with a link to
// the list of them all (see maxNetworkActors).
func (p *Page) NetworkNote() *NetworkNote {
	g := p.networkGraph()
	b := p.Briefing
	if g.actors == len(b.Actors) && g.topics == len(b.Topics) {
		return nil
	}
	text := fmt.Sprintf("The picture shows the %d actors most connected to others", g.actors)
	if g.actors == len(b.Actors) {
		text = fmt.Sprintf("The picture shows all %s", plural(g.actors, "actor", "actors"))
	}
	if g.topics < len(b.Topics) {
		text += fmt.Sprintf(", and %d of the %d topics", g.topics, len(b.Topics))
	}
	switch left := len(b.Actors) - g.actors; left {
	case 0:
		text += "."
	case 1:
		text += fmt.Sprintf(": 1 actor of %d is left out.", len(b.Actors))
	default:
		text += fmt.Sprintf(": %d actors of %d are left out.", left, len(b.Actors))
	}
	list := "actors/index.html"
	if kinds := actorsByKind(b.Actors); len(kinds) > 0 {
		list += "#kind-" + kinds[0].Kind // the list, below the picture
	}
	where := "below"
	if p.Pager != nil && p.Pager.Count > 1 {
		where = "below and on the next pages"
	}
	return &NetworkNote{Text: text, List: p.Rel(list), LinkText: fmt.Sprintf("All %d are listed %s, by kind", len(b.Actors), where)}
}

// networkGraph is what the picture draws, and how many actors and topics.
type networkGraph struct {
	nodes          []network.Node
	edges          []network.Edge
	actors, topics int
}

// networkGraph picks the actors most connected to the others, by the
// paragraphs they share with other actors and with topics; ties go to the
// most quoted and mentioned, then by ID. The topics are those most
// connected to the actors drawn. The work is linear in the actors, their
// co-mentions and their stances, and sorting.
func (p *Page) networkGraph() networkGraph {
	b := p.Briefing
	weight := func(quotes, passages int) int { return 2*quotes + passages }
	type ranked struct {
		id               string
		strength, weight int
	}
	byRank := func(x, y ranked) int {
		return cmp.Or(cmp.Compare(y.strength, x.strength), cmp.Compare(y.weight, x.weight), strings.Compare(x.id, y.id))
	}

	var actors []ranked
	byID := map[string]*model.Actor{}
	for _, a := range b.Actors {
		w := weight(len(a.Quotes), len(a.Passages))
		if w == 0 {
			continue // in no article: nothing to connect
		}
		r := ranked{id: a.ID, weight: w}
		for _, s := range a.Stances() {
			if s.Evidence() {
				r.strength += len(s.Quotes) + len(s.Passages)
			}
		}
		for _, c := range a.CoMentions() {
			r.strength += len(c.Passages)
		}
		actors = append(actors, r)
		byID[a.ID] = a
	}
	slices.SortFunc(actors, byRank)
	actors = actors[:min(len(actors), maxNetworkActors)]
	drawn := make(map[string]bool, len(actors))
	for _, r := range actors {
		drawn[r.id] = true
	}

	var g networkGraph
	topicStrength := map[string]int{}
	for _, r := range actors {
		a := byID[r.id]
		g.nodes = append(g.nodes, network.Node{ID: "actor:" + a.ID, Label: a.Name, Group: a.Kind, Href: p.Rel(a.Path()), Weight: r.weight})
		for _, s := range a.Stances() {
			if !s.Evidence() {
				continue // a position alone: the picture shows what the articles connect
			}
			w := len(s.Quotes) + len(s.Passages)
			topicStrength[s.Topic.ID] += w
			g.edges = append(g.edges, network.Edge{From: "actor:" + a.ID, To: "topic:" + s.Topic.ID, Weight: w})
		}
		for _, c := range a.CoMentions() {
			if a.ID < c.Actor.ID && drawn[c.Actor.ID] { // each pair once
				g.edges = append(g.edges, network.Edge{From: "actor:" + a.ID, To: "actor:" + c.Actor.ID, Weight: len(c.Passages)})
			}
		}
	}
	g.actors = len(actors)

	var topics []ranked
	byTopic := map[string]*model.Topic{}
	for _, t := range b.Topics {
		topics = append(topics, ranked{id: t.ID, strength: topicStrength[t.ID], weight: weight(len(t.Quotes), len(t.Passages))})
		byTopic[t.ID] = t
	}
	slices.SortFunc(topics, byRank)
	for _, r := range topics[:min(len(topics), maxNetworkTopics)] {
		t := byTopic[r.id]
		g.nodes = append(g.nodes, network.Node{ID: "topic:" + t.ID, Label: t.Title, Group: "topic", Href: p.Rel(t.Path()), Weight: r.weight})
		g.topics++
	}
	return g
}
