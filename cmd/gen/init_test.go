package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestInitStartsAProjectThatBuilds runs gen init into a new folder, then
// checks and builds what it wrote: no error, no warning.
func TestInitStartsAProjectThatBuilds(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "my-briefing")
	code, stdout, stderr := gen(t, "init", dir)
	if code != 0 || stderr != "" {
		t.Fatalf("gen init: %d\n%s%s", code, stdout, stderr)
	}
	for _, name := range []string{"site.toml", "README.md", ".gitignore", ".github/workflows/pages.yml",
		"content/articles/council-backs-night-ferry.md", "content/actors/harbour-council.md", "content/topics/night-ferry.md"} {
		if !strings.Contains(stdout, "Created "+dir+"/"+name+"\n") {
			t.Errorf("gen init did not say it created %s:\n%s", name, stdout)
		}
	}
	if readme := read(t, filepath.Join(dir, "README.md")); !strings.Contains(readme, "gen serve") || !strings.Contains(readme, "gen build") {
		t.Errorf("the README lacks the two commands:\n%s", readme)
	}
	if ignore := read(t, filepath.Join(dir, ".gitignore")); !strings.Contains(ignore, "public/\n") || !strings.Contains(ignore, ".public.gen/\n") {
		t.Errorf(".gitignore:\n%s", ignore)
	}
	if workflow := read(t, filepath.Join(dir, ".github/workflows/pages.yml")); !strings.Contains(workflow, "go install github.com/briefing-gen/gen/cmd/gen@latest") {
		t.Errorf("a test binary's workflow should install the latest gen:\n%s", workflow)
	}

	code, stdout, stderr = gen(t, "check", "-root", dir)
	if code != 0 || stderr != "" || !strings.Contains(stdout, "Content: 0 errors, 0 warnings") {
		t.Errorf("gen check of the new project: %d\n%s%s", code, stdout, stderr)
	}
	code, stdout, stderr = gen(t, "build", "-root", dir)
	if code != 0 || stderr != "" {
		t.Errorf("gen build of the new project: %d\n%s%s", code, stdout, stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "public/articles/council-backs-night-ferry/index.html")); err != nil {
		t.Errorf("the example article was not built: %v", err)
	}
	if code, _, stderr := gen(t, "check", "-root", dir, "-strict", "-out", "public"); code != 0 {
		t.Errorf("gen check -strict -out public: %d\n%s", code, stderr)
	}

	// A second time, the folder is in use.
	if code, _, stderr := gen(t, "init", dir); code != 1 || !strings.Contains(stderr, "is not empty") {
		t.Errorf("gen init into the project again: %d %s", code, stderr)
	}
	// gen new site DIR is gen init DIR.
	other := filepath.Join(t.TempDir(), "other")
	if code, _, stderr := gen(t, "new", "site", other); code != 0 {
		t.Errorf("gen new site: %d %s", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(other, "site.toml")); err != nil {
		t.Errorf("gen new site wrote no site.toml: %v", err)
	}
	if code, stdout, _ := gen(t, "help", "init"); code != 0 || !strings.Contains(stdout, "Usage: gen init DIR") {
		t.Errorf("gen help init: %d %q", code, stdout)
	}
}
