package content

import (
	"fmt"
	"strings"
	"testing"

	"github.com/briefing-gen/gen/internal/diag"
)

// TestPositionsComeFromTheDecoder checks that a field is located where the
// decoder read its key, not where the same text first appears: here a
// value earlier in the front matter holds the key's own spelling.
func TestPositionsComeFromTheDecoder(t *testing.T) {
	cases := map[string]struct{ src, want string }{
		"YAML": {"---\nsummary: \"the title: x\"\ntitle: [a, b]\n---\n", "x.md:3:1:"},
		"TOML": {"+++\nsummary = \"the title = x\"\ntitle = [\"a\", \"b\"]\n+++\n", "x.md:3:1:"},
		"JSON": {"{\n\"summary\": \"title: x\",\n\"title\": [\"a\", \"b\"]\n}\n\n", "x.md:3:1:"},
		// A quoted key in TOML and YAML; the value names it first.
		"YAML quoted key": {"---\nsummary: 'title: x'\n\"title\": [a]\n---\n", "x.md:3:1:"},
		"TOML quoted key": {"+++\nsummary = 'title = x'\n\"title\" = [1]\n+++\n", "x.md:3:1:"},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			var list diag.List
			doc := Parse("x.md", []byte(c.src), &list)
			doc.Meta.ReportTo(&list).String("title", true)
			items := list.Items()
			if len(items) != 1 || !strings.HasPrefix(items[0].String(), c.want+` field "title" must be text, not a list`) {
				t.Errorf("got %v, want the title error at %s", items, c.want)
			}
		})
	}
}

// TestListItemPositions checks that the fields of the second item of a
// list are found in that item, even when its id is written earlier in
// another value and its keys in the first item.
func TestListItemPositions(t *testing.T) {
	cases := map[string]struct {
		src                 string
		start, actor, title string // where item 2 starts, its actor x, its title
	}{
		"YAML": {
			"---\nevents:\n  - id: talks\n    actors: [x]\n    title: \"then id: kyiv, actors: [x]\"\n" +
				"  - id: kyiv\n    actors: [y, x]\n    title: [two]\n---\n",
			"x.md:6:5", "x.md:7:17", "x.md:8:5",
		},
		"YAML flow": {
			"---\nevents:\n  - {id: talks, actors: [x], title: \"{id: kyiv, actors: [x]}\"}\n" +
				"  - {id: kyiv, actors: [y, x], title: [two]}\n---\n",
			"x.md:4:5", "x.md:4:28", "x.md:4:32",
		},
		"TOML": {
			"+++\n[[events]]\nid = \"talks\"\nactors = [\"x\"]\ntitle = \"then id = 'kyiv' actors = ['x']\"\n" +
				"[[events]]\nid = \"kyiv\"\nactors = [\"y\", \"x\"]\ntitle = [\"two\"]\n+++\n",
			"x.md:6:1", "x.md:8:17", "x.md:9:1",
		},
		"JSON": {
			"{\n\"events\": [\n" +
				"  {\"id\": \"talks\", \"actors\": [\"x\"], \"title\": \"id: kyiv, actors: [x]\"},\n" +
				"  {\"id\": \"kyiv\", \"actors\": [\"y\", \"x\"], \"title\": [\"two\"]}\n]\n}\n\n",
			"x.md:4:3", "x.md:4:35", "x.md:4:40",
		},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			var list diag.List
			doc := Parse("x.md", []byte(c.src), &list)
			events := doc.Meta.ReportTo(&list).List("events", "id", "")
			if len(events) != 2 {
				t.Fatalf("got %d events, problems %v", len(events), list.Items())
			}
			second := events[1]
			second.String("title", true)
			for what, got := range map[string]diag.Pos{
				"start": second.Start(), "actor x": second.Pos("actors", "x"),
			} {
				want := map[string]string{"start": c.start, "actor x": c.actor}[what]
				if s := fmt.Sprintf("%s:%d:%d", got.File, got.Line, got.Col); s != want {
					t.Errorf("%s at %s, want %s", what, s, want)
				}
			}
			items := list.Items()
			if len(items) != 1 || !strings.HasPrefix(items[0].String(), c.title+`: field "title" must be text`) {
				t.Errorf("got %v, want the second title's error at %s", items, c.title)
			}
		})
	}
}

// TestSettingsPositions checks that site.toml, read with the front
// matter's TOML decoder, places errors and fields the same way.
func TestSettingsPositions(t *testing.T) {
	var list diag.List
	ParseConfig("site.toml", []byte("title = \"x\"\nbase_url = \"title = y\"\ntitle = \"z\"\n"), &list)
	if items := list.Items(); len(items) != 1 || !strings.HasPrefix(items[0].String(), "site.toml:3:1: malformed settings: key title is already defined") {
		t.Errorf("got %v", items)
	}
	list = diag.List{}
	doc := ParseConfig("site.toml", []byte("cname = \"title = [\"\n\n[title]\nx = 1\n"), &list)
	doc.Meta.ReportTo(&list).String("title", true)
	if items := list.Items(); len(items) != 1 || !strings.HasPrefix(items[0].String(), `site.toml:3:2: field "title" must be text, not a table`) {
		t.Errorf("got %v", items)
	}
}
