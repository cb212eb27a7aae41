package site_test

import (
	"fmt"
	"html"
	"regexp"
	"strings"
	"testing"
)

// TestNetworkOf500Actors: the actors index of a briefing of 500 actors
// draws only the most connected of them, says beside the picture how many
// it leaves out and links to the list of all, has a key to its colours,
// and names each node in full in its <title>, which is its link's name.
func TestNetworkOf500Actors(t *testing.T) {
	files := map[string]string{"site.toml": "title = \"Large\"\n"}
	names := map[string]string{} // page → full name
	kinds := []string{"person", "government", "organisation", "group", "anonymous"}
	for i := range 500 {
		name := fmt.Sprintf("Actor %d", i)
		if i%3 == 0 {
			name = fmt.Sprintf("Permanent Representative %d to the United Nations & Co", i)
		}
		files[fmt.Sprintf("content/actors/a%03d.md", i)] = fmt.Sprintf("---\nname: %q\nkind: %s\n---\n", name, kinds[i%len(kinds)])
		names[fmt.Sprintf("a%03d", i)] = name
	}
	for i := range 15 {
		files[fmt.Sprintf("content/topics/t%02d.md", i)] = fmt.Sprintf("---\ntitle: Topic %d\n---\n", i)
	}
	for i := range 100 {
		var para []string
		for j := range 10 {
			para = append(para, fmt.Sprintf("[them](actor:a%03d)", (i*5+j*7)%500))
		}
		files[fmt.Sprintf("content/articles/n%03d.md", i)] = fmt.Sprintf("---\ntitle: News %d\npublished: \"2025-03-01\"\n---\n%s on [the topic](topic:t%02d).\n",
			i, strings.Join(para, ", "), i%15)
	}
	s, err := build(t, files)
	if err != nil {
		t.Fatal(err)
	}
	var page string
	for _, f := range s.Files {
		if f.Path == "actors/index.html" {
			page = string(f.Data)
		}
	}

	nodes := regexp.MustCompile(`<a class="node node-(\w+)" href="([^"]+)"><title>([^<]*)</title>`).FindAllStringSubmatch(page, -1)
	actors := 0
	for _, n := range nodes {
		if n[1] == "topic" {
			continue
		}
		actors++
		id := strings.TrimSuffix(strings.TrimPrefix(n[2], "../actors/"), "/index.html")
		if want := names[id]; html.UnescapeString(n[3]) != want {
			t.Errorf("node %s is named %q, want %q in full", n[2], html.UnescapeString(n[3]), want)
		}
	}
	if actors == 0 || actors > 40 || len(nodes)-actors > 10 {
		t.Errorf("the picture draws %d actors and %d topics, want 1 to 40 and at most 10", actors, len(nodes)-actors)
	}
	for _, want := range []string{
		fmt.Sprintf("The picture shows the %d actors most connected to others, and 10 of the 15 topics: %d actors of 500 are left out.", actors, 500-actors),
		`<a href="#kind-person">All 500 are listed below, by kind</a>`,
		`<g class="legend" role="list" aria-label="Key to the colours">`,
		`>Anonymous source</text>`,
		`>Topic</text>`,
		"the kind of actor (see the key)",
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the actors index lacks %q", want)
		}
	}
	if !strings.Contains(page, `id="kind-person"`) {
		t.Errorf("the list the note links to has no id kind-person")
	}
}
