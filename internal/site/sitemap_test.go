package site_test

import (
	"encoding/xml"
	"testing"
)

// TestSitemapLastmod: each page's lastmod is the latest date of the
// articles that show something on it: an article's own date, for an actor
// or topic the latest article that names them, for the indexes the latest
// article; a page no article shows anything on has none.
func TestSitemapLastmod(t *testing.T) {
	files := fixture()
	files["content/actors/idle.md"] = "---\nname: Idle\nkind: person\n---\n"
	s, err := build(t, files)
	if err != nil {
		t.Fatal(err)
	}
	var sitemap struct {
		URLs []struct {
			Loc     string `xml:"loc"`
			Lastmod string `xml:"lastmod"`
		} `xml:"url"`
	}
	for _, f := range s.Files {
		if f.Path == "sitemap.xml" {
			if err := xml.Unmarshal(f.Data, &sitemap); err != nil {
				t.Fatal(err)
			}
		}
	}
	got := map[string]string{}
	for _, u := range sitemap.URLs {
		got[u.Loc] = u.Lastmod
	}
	const base = "https://example.org/b/"
	for page, want := range map[string]string{
		"articles/first/":  "2025-02-15",
		"articles/second/": "2025-02-28", // "2025-02": the last day it can mean, as in the feeds
		"actors/ann/":      "2025-02-15", // named in the first only
		"actors/land/":     "2025-02-28", // in both
		"topics/talks/":    "2025-02-15",
		"topics/deal/":     "2025-02-28",
		"actors/idle/":     "", // in no article
		"":                 "2025-02-28",
		"actors/":          "2025-02-28",
		"timeline/":        "2025-02-28",
	} {
		lastmod, ok := got[base+page]
		if !ok {
			t.Errorf("the sitemap lacks %s", base+page)
			continue
		}
		if lastmod != want {
			t.Errorf("%s has lastmod %q, want %q", base+page, lastmod, want)
		}
	}
}
