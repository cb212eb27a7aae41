package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestImportMakesADraftThatChecks imports the saved page fixture into a
// new project: gen check accepts the draft and lists it, gen build leaves
// it out.
func TestImportMakesADraftThatChecks(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "b")
	if code, _, stderr := gen(t, "init", dir); code != 0 {
		t.Fatalf("gen init: %s", stderr)
	}
	page := filepath.Join("..", "..", "internal", "importer", "testdata", "harbour-report.html")
	code, stdout, stderr := gen(t, "import", "-root", dir, page)
	path := filepath.Join(dir, "content/articles/ferry-operators-weigh-the-cost-of-night-crossings.md")
	if code != 0 || !strings.HasPrefix(stdout, "Created "+path) {
		t.Fatalf("gen import: %d\n%s%s", code, stdout, stderr)
	}
	draft := read(t, path)
	for _, want := range []string{`title: "Ferry operators weigh the cost of night crossings"`, `source: "The Example Gazette"`,
		`url: "https://gazette.example.org/2026/02/ferry-night-crossings"`, `published: "2026-02-03"`, "authors:\n  - \"Ines Corvo\"", "draft: true",
		"](actor:mara-lind)"} { // annotated, as gen annotate -w does, with the actor gen init wrote
		if !strings.Contains(draft, want) {
			t.Errorf("the draft lacks %q:\n%s", want, draft)
		}
	}
	code, stdout, stderr = gen(t, "check", "-root", dir)
	if code != 0 || strings.Contains(stderr, "error") || !strings.Contains(stdout, `Draft: content/articles/ferry-operators-weigh-the-cost-of-night-crossings.md: "Ferry operators weigh the cost of night crossings"`) {
		t.Errorf("gen check: %d\n%s%s", code, stdout, stderr)
	}
	if code, stdout, stderr := gen(t, "build", "-root", dir); code != 0 || !strings.Contains(stdout, "Built 20 pages") {
		t.Errorf("gen build with the draft left out: %d\n%s%s", code, stdout, stderr)
	}
	// The same page again takes the next name.
	if code, stdout, _ := gen(t, "import", "-root", dir, page); code != 0 || !strings.Contains(stdout, "crossings-2.md") {
		t.Errorf("a second import: %d %s", code, stdout)
	}
}
