package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestDraftsAreLeftOutListedAndBuiltOnRequest adds a draft to the shipped
// briefing: gen build leaves it out, gen check lists it, and gen build
// -drafts builds it with its banner.
func TestDraftsAreLeftOutListedAndBuiltOnRequest(t *testing.T) {
	dir := copyProject(t)
	if err := os.WriteFile(filepath.Join(dir, "content/articles/unfinished.md"),
		[]byte("---\ntitle: Unfinished\npublished: \"2025-03-01\"\ndraft: true\n---\n[Volodymyr Zelensky](actor:zelensky) has yet to answer.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	page := filepath.Join(dir, "public/articles/unfinished/index.html")
	if code, _, stderr := gen(t, "build", "-root", dir); code != 0 || strings.Contains(stderr, "draft") {
		t.Fatalf("gen build: %d\n%s", code, stderr)
	}
	if _, err := os.Stat(page); !os.IsNotExist(err) {
		t.Errorf("gen build wrote the draft's page: %v", err)
	}
	code, stdout, stderr := gen(t, "check", "-root", dir)
	if want := "Draft: content/articles/unfinished.md: \"Unfinished\" (gen build leaves it out)\n"; code != 0 || !strings.Contains(stdout, want) {
		t.Errorf("gen check: %d, want the line %q in:\n%s%s", code, want, stdout, stderr)
	}
	if code, _, stderr := gen(t, "build", "-root", dir, "-drafts"); code != 0 {
		t.Fatalf("gen build -drafts: %d\n%s", code, stderr)
	}
	if !strings.Contains(read(t, page), `class="draft-banner"`) {
		t.Error("gen build -drafts wrote the draft without its banner")
	}
}
