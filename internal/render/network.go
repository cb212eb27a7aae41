package render

import (
	"cmp"
	"html/template"
	"slices"
	"strings"

	"github.com/briefing-gen/gen/internal/i18n"
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
		Title: p.words.T("network_title", "Site", p.Briefing.Site.Title), Words: networkWords(p.words)})
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
	w := p.words
	text := w.T("network_shows_most", g.actors)
	if g.actors == len(b.Actors) {
		text = w.T("network_shows_all", g.actors)
	}
	if g.topics < len(b.Topics) {
		text += w.T("network_and_topics", "Shown", g.topics, "Total", len(b.Topics))
	}
	if left := len(b.Actors) - g.actors; left > 0 {
		text += w.T("network_left_out", left, "Total", len(b.Actors))
	} else {
		text += "."
	}
	list := "actors/index.html"
	if kinds := actorsByKind(b.Actors, nil); len(kinds) > 0 {
		list += "#kind-" + kinds[0].Kind // the list, below the picture
	}
	listed := w.T("network_listed_below", len(b.Actors))
	if p.Pager != nil && p.Pager.Count > 1 {
		listed = w.T("network_listed_pages", len(b.Actors))
	}
	return &NetworkNote{Text: text, List: p.Rel(list), LinkText: listed}
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

// networkWords are what the picture says, in the site's language.
func networkWords(w *i18n.Catalog) *network.Words {
	groups := map[string]string{"topic": w.T("topic"), "other": w.T("kind_other")}
	for _, kind := range model.ActorKinds() {
		groups[kind] = w.T("kind_" + kind)
	}
	return &network.Words{Key: w.T("network_key"), Groups: groups, Describe: func(d network.Drawn) string {
		if d.Actors+d.Topics == 0 {
			return w.T("network_none")
		}
		s := w.T("n_actors", d.Actors)
		switch {
		case d.Actors > 0 && d.Topics > 0:
			s = w.T("network_both", "Actors", s, "Topics", w.T("n_topics", d.Topics))
		case d.Topics > 0:
			s = w.T("n_topics", d.Topics)
		}
		if d.Dropped > 0 {
			s = w.T("network_prominent", "Shown", d.Actors+d.Topics, "Total", d.Actors+d.Topics+d.Dropped, "What", s)
		}
		switch {
		case d.Peers && d.OnTopic:
			s += w.T("network_lines_both")
		case d.Peers:
			s += w.T("network_lines_peers")
		case d.OnTopic:
			s += w.T("network_lines_topics")
		}
		if d.Strongest > 0 {
			s += w.T("network_strongest", d.Strongest)
		}
		if d.Peers || d.OnTopic {
			return s + "." + w.T("network_sizes_lines")
		}
		return s + "." + w.T("network_sizes")
	}}
}
