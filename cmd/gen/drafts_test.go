package main

import (
	"io"
	"net/http"
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
	writeDraft(t, dir)
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

// writeDraft adds to a copy of the shipped briefing a draft that declares
// an event, content/articles/unfinished.md.
func writeDraft(t *testing.T, dir string) {
	t.Helper()
	text := "---\ntitle: Unfinished\npublished: \"2025-03-01\"\ndraft: true\nevents:\n  - id: unfinished-answer\n    date: \"2025-03-01\"\n    title: Zelensky answers\n---\n" +
		"[Volodymyr Zelensky](actor:zelensky) [has yet to answer](event:unfinished-answer).\n"
	if err := os.WriteFile(filepath.Join(dir, "content/articles/unfinished.md"), []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

func get(t *testing.T, url string) string {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return string(body)
}

// TestAReferenceToADraftsEventFailsTheBuild references the draft's event
// from a published article: gen build and gen check fail naming the
// draft, gen check still lists it, and -drafts builds both.
func TestAReferenceToADraftsEventFailsTheBuild(t *testing.T) {
	dir := copyProject(t)
	writeDraft(t, dir)
	name := filepath.Join(dir, "content/articles/zelensky-rejects-us-minerals-proposal.md")
	if err := os.WriteFile(name, []byte(read(t, name)+"\nHe [will answer](event:unfinished-answer).\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	const message = `event "unfinished-answer" is declared only by the draft content/articles/unfinished.md, which gen build leaves out`
	if code, _, stderr := gen(t, "build", "-root", dir); code != 1 || !strings.Contains(stderr, message) {
		t.Errorf("gen build: %d\n%s", code, stderr)
	}
	code, stdout, stderr := gen(t, "check", "-root", dir)
	if code != 1 || !strings.Contains(stderr, message) || !strings.Contains(stdout, "Draft: content/articles/unfinished.md") {
		t.Errorf("gen check: %d\n%s%s", code, stdout, stderr)
	}
	if code, _, stderr := gen(t, "check", "-root", dir, "-drafts"); code != 0 {
		t.Errorf("gen check -drafts: %d\n%s", code, stderr)
	}
	if code, _, stderr := gen(t, "build", "-root", dir, "-drafts"); code != 0 {
		t.Errorf("gen build -drafts: %d\n%s", code, stderr)
	}
}
