package network

import (
	"fmt"
	"math/rand/v2"
)

// smallGraph is the golden file's input: a handful of actors of every
// group, two topics, and one hostile label.
func smallGraph() ([]Node, []Edge) {
	nodes := []Node{
		{ID: "actor:zelensky", Label: "Volodymyr Zelensky", Group: "person", Href: "actors/zelensky/index.html", Weight: 40},
		{ID: "actor:trump", Label: "Donald Trump", Group: "person", Href: "actors/trump/index.html", Weight: 35},
		{ID: "actor:ukraine", Label: "Government of Ukraine", Group: "government", Href: "actors/ukraine/index.html", Weight: 12},
		{ID: "actor:eu-commission", Label: "European Commission", Group: "organisation", Href: "actors/eu-commission/index.html", Weight: 8},
		{ID: "actor:coalition", Label: "Coalition of the willing", Group: "group", Href: "actors/coalition/index.html", Weight: 5},
		{ID: "actor:diplomat", Label: "A senior European diplomat", Group: "anonymous", Weight: 2},
		{ID: "actor:smith", Label: `Bob "Bobby" <Smith> & Co`, Group: "", Href: "javascript:alert(1)", Weight: 1},
		{ID: "topic:minerals-deal", Label: "Minerals deal", Group: "topic", Href: "topics/minerals-deal/index.html", Weight: 20},
		{ID: "topic:ceasefire", Label: "Ceasefire", Group: "topic", Href: "topics/ceasefire/index.html", Weight: 15},
	}
	edges := []Edge{
		{"actor:zelensky", "actor:trump", 9},
		{"actor:zelensky", "actor:ukraine", 4},
		{"actor:zelensky", "actor:eu-commission", 2},
		{"actor:trump", "actor:coalition", 1},
		{"actor:coalition", "actor:eu-commission", 2},
		{"actor:diplomat", "actor:coalition", 1},
		{"actor:zelensky", "topic:minerals-deal", 6},
		{"actor:trump", "topic:minerals-deal", 7},
		{"actor:ukraine", "topic:minerals-deal", 3},
		{"actor:zelensky", "topic:ceasefire", 5},
		{"actor:trump", "topic:ceasefire", 3},
		{"actor:diplomat", "topic:ceasefire", 1},
	}
	return nodes, edges
}

// realisticGraph is a briefing-sized picture: 30 nodes, the sort of
// weights a few weeks of articles give.
func realisticGraph() ([]Node, []Edge) {
	type n struct {
		id, label, group string
		weight           int
	}
	list := []n{
		{"zelensky", "Volodymyr Zelensky", "person", 64},
		{"trump", "Donald Trump", "person", 58},
		{"putin", "Vladimir Putin", "person", 41},
		{"vance", "JD Vance", "person", 14},
		{"rubio", "Marco Rubio", "person", 22},
		{"witkoff", "Steve Witkoff", "person", 19},
		{"lavrov", "Sergei Lavrov", "person", 11},
		{"peskov", "Dmitry Peskov", "person", 9},
		{"macron", "Emmanuel Macron", "person", 17},
		{"starmer", "Keir Starmer", "person", 16},
		{"merz", "Friedrich Merz", "person", 8},
		{"von-der-leyen", "Ursula von der Leyen", "person", 10},
		{"rutte", "Mark Rutte", "person", 7},
		{"yermak", "Andriy Yermak", "person", 6},
		{"sybiha", "Andrii Sybiha", "person", 5},
		{"kellogg", "Keith Kellogg", "person", 6},
		{"ukraine", "Government of Ukraine", "government", 13},
		{"kremlin", "The Kremlin", "government", 12},
		{"white-house", "The White House", "government", 9},
		{"eu-commission", "European Commission", "organisation", 7},
		{"nato", "NATO", "organisation", 8},
		{"coalition", "Coalition of the willing", "group", 6},
		{"diplomat", "A senior European diplomat", "anonymous", 3},
		{"official", "A Ukrainian official", "anonymous", 2},
		{"minerals-deal", "Minerals deal", "topic", 30},
		{"ceasefire", "Ceasefire", "topic", 38},
		{"guarantees", "Security guarantees", "topic", 24},
		{"sanctions", "Sanctions on Russia", "topic", 15},
		{"black-sea", "Black Sea shipping", "topic", 8},
		{"zaporizhzhia", "Zaporizhzhia nuclear plant", "topic", 6},
	}
	var nodes []Node
	for _, x := range list {
		prefix, dir := "actor:", "actors/"
		if x.group == "topic" {
			prefix, dir = "topic:", "topics/"
		}
		nodes = append(nodes, Node{ID: prefix + x.id, Label: x.label, Group: x.group, Href: dir + x.id + "/index.html", Weight: x.weight})
	}
	a, t := func(s string) string { return "actor:" + s }, func(s string) string { return "topic:" + s }
	edges := []Edge{
		{a("zelensky"), a("trump"), 14}, {a("trump"), a("putin"), 11}, {a("zelensky"), a("putin"), 6},
		{a("trump"), a("vance"), 5}, {a("zelensky"), a("vance"), 4}, {a("rubio"), a("witkoff"), 4},
		{a("rubio"), a("lavrov"), 3}, {a("witkoff"), a("putin"), 5}, {a("witkoff"), a("dmitriev"), 2},
		{a("peskov"), a("putin"), 4}, {a("peskov"), a("kremlin"), 3}, {a("lavrov"), a("kremlin"), 2},
		{a("macron"), a("starmer"), 6}, {a("macron"), a("zelensky"), 4}, {a("starmer"), a("zelensky"), 4},
		{a("merz"), a("macron"), 2}, {a("merz"), a("starmer"), 2}, {a("von-der-leyen"), a("eu-commission"), 3},
		{a("von-der-leyen"), a("zelensky"), 2}, {a("rutte"), a("nato"), 3}, {a("rutte"), a("trump"), 2},
		{a("yermak"), a("zelensky"), 3}, {a("yermak"), a("rubio"), 2}, {a("sybiha"), a("ukraine"), 2},
		{a("kellogg"), a("zelensky"), 2}, {a("kellogg"), a("trump"), 2}, {a("white-house"), a("trump"), 4},
		{a("ukraine"), a("zelensky"), 3}, {a("coalition"), a("starmer"), 3}, {a("coalition"), a("macron"), 3},
		{a("diplomat"), a("coalition"), 1}, {a("official"), a("ukraine"), 1},
		{a("zelensky"), t("minerals-deal"), 7}, {a("trump"), t("minerals-deal"), 8}, {a("ukraine"), t("minerals-deal"), 3},
		{a("zelensky"), t("ceasefire"), 9}, {a("trump"), t("ceasefire"), 7}, {a("putin"), t("ceasefire"), 8},
		{a("witkoff"), t("ceasefire"), 3}, {a("peskov"), t("ceasefire"), 2}, {a("rubio"), t("ceasefire"), 3},
		{a("macron"), t("guarantees"), 5}, {a("starmer"), t("guarantees"), 5}, {a("zelensky"), t("guarantees"), 6},
		{a("coalition"), t("guarantees"), 4}, {a("rutte"), t("guarantees"), 2}, {a("merz"), t("guarantees"), 1},
		{a("von-der-leyen"), t("sanctions"), 3}, {a("eu-commission"), t("sanctions"), 3}, {a("trump"), t("sanctions"), 2},
		{a("kremlin"), t("sanctions"), 1}, {a("lavrov"), t("black-sea"), 2}, {a("rubio"), t("black-sea"), 2},
		{a("diplomat"), t("guarantees"), 1}, {a("official"), t("zaporizhzhia"), 1}, {a("zelensky"), t("zaporizhzhia"), 2},
		{a("trump"), t("zaporizhzhia"), 1},
	}
	return nodes, edges
}

// randomGraph makes n nodes and m edges, the same ones for the same seed,
// with a few heavy hubs as real briefings have.
func randomGraph(n, m int, seed uint64) ([]Node, []Edge) {
	r := rand.New(rand.NewPCG(seed, seed))
	groups := []string{"person", "person", "person", "government", "organisation", "group", "anonymous", "topic", "topic"}
	nodes := make([]Node, n)
	for i := range nodes {
		nodes[i] = Node{
			ID:     fmt.Sprintf("actor:n%03d", i),
			Label:  fmt.Sprintf("Actor number %d", i),
			Group:  groups[r.IntN(len(groups))],
			Href:   fmt.Sprintf("actors/n%03d/index.html", i),
			Weight: 1 + int(r.ExpFloat64()*10),
		}
	}
	edges := make([]Edge, m)
	for i := range edges {
		// Square the uniform draw so low-numbered nodes become hubs.
		u := r.Float64()
		edges[i] = Edge{nodes[int(u*u*float64(n))].ID, nodes[r.IntN(n)].ID, 1 + r.IntN(5)}
	}
	return nodes, edges
}
