package importer

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestSavedPage reads the saved page fixture: the article without the
// navigation, advertising and links around it, and its metadata.
func TestSavedPage(t *testing.T) {
	data, err := os.ReadFile("testdata/harbour-report.html")
	if err != nil {
		t.Fatal(err)
	}
	if k := Detect("page.html", data); k != HTML {
		t.Fatalf("Detect = %v", k)
	}
	if k := Detect("-", data); k != HTML {
		t.Fatalf("Detect of standard input = %v", k)
	}
	d, err := FromHTML(data)
	if err != nil {
		t.Fatal(err)
	}
	want := Draft{Title: "Ferry operators weigh the cost of night crossings", Source: "The Example Gazette",
		URL: "https://gazette.example.org/2026/02/ferry-night-crossings", Published: "2026-02-03", Authors: []string{"Ines Corvo"},
		Summary: "Two operators say a night service would need a subsidy to run past March."}
	if d.Title != want.Title || d.Source != want.Source || d.URL != want.URL || d.Published != want.Published ||
		strings.Join(d.Authors, "|") != strings.Join(want.Authors, "|") || d.Summary != want.Summary {
		t.Errorf("front matter:\n got %+v\nwant %+v", d, want)
	}
	for _, w := range []string{
		"Two companies that run boats across the harbour said on Monday",
		"“We can run the boats, but somebody has to pay the crew after midnight,” said Tomas Rell",
		"## A trial of three months",
		`that \*nothing\* was settled`,
		"> “A boat home at one in the morning would change my week,” one nurse wrote.",
	} {
		if !strings.Contains(d.Body, w) {
			t.Errorf("the body lacks %q:\n%s", w, d.Body)
		}
	}
	for _, unwanted := range []string{"Advertisement", "Subscribe", "Read more", "All rights reserved", "By Ines Corvo"} {
		if strings.Contains(d.Body, unwanted) {
			t.Errorf("the body holds %q from around the article:\n%s", unwanted, d.Body)
		}
	}
}

func TestPlainTextAndMarkdown(t *testing.T) {
	d := FromText([]byte("Council backs ferry\n\nThe council voted\non Wednesday.\n\n1984. A year [of] *note*.\n\n- not a list\n"))
	if d.Title != "Council backs ferry" || d.Body != "The council voted on Wednesday.\n\n1984\\. A year \\[of\\] \\*note\\*.\n\n\\- not a list" {
		t.Errorf("text: %q %q", d.Title, d.Body)
	}
	m := FromMarkdown([]byte("# A *headline*\n\nSome **bold** text.\n"))
	if m.Title != "A *headline*" || m.Body != "Some **bold** text." {
		t.Errorf("markdown: %q %q", m.Title, m.Body)
	}
	f := FromMarkdown([]byte("---\ntitle: \"From front matter\"\n---\nBody.\n"))
	if f.Title != "From front matter" || f.Body != "Body." {
		t.Errorf("markdown with front matter: %q %q", f.Title, f.Body)
	}
}

func TestSlugs(t *testing.T) {
	for title, want := range map[string]string{
		"Zelensky’s “no” to the US deal":    "zelenskys-no-to-the-us-deal",
		"Café in Kraków reopens":            "cafe-in-krakow-reopens",
		"":                                  "imported",
		"Page":                              "imported",
		strings.Repeat("word ", 30) + "end": "word-word-word-word-word-word-word-word-word-word-word-word",
	} {
		if got := Slug(title); got != want {
			t.Errorf("Slug(%q) = %q, want %q", title, got, want)
		}
	}
}

// TestWriteNeverOverwrites writes the same draft twice: the second takes
// the next free name.
func TestWriteNeverOverwrites(t *testing.T) {
	root := t.TempDir()
	d := Draft{Title: "Same title", Body: "Text."}
	today := time.Date(2026, 2, 3, 0, 0, 0, 0, time.UTC)
	first, err := Write(root, d, today)
	if err != nil {
		t.Fatal(err)
	}
	second, err := Write(root, d, today)
	if err != nil {
		t.Fatal(err)
	}
	if filepath.Base(first) != "same-title.md" || filepath.Base(second) != "same-title-2.md" {
		t.Errorf("wrote %s then %s", first, second)
	}
	data, _ := os.ReadFile(first)
	for _, w := range []string{"title: \"Same title\"\n", "published: \"2026-02-03\"\n", "draft: true\n", "---\nText.\n"} {
		if !strings.Contains(string(data), w) {
			t.Errorf("the draft lacks %q:\n%s", w, data)
		}
	}
}
