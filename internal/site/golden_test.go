package site_test

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// TestGoldenPages compares the main content of the stance matrix and the
// timeline of the fixture site with testdata/*.golden.html, so a change in
// what they show is seen in review. Regenerate with go test -update.
func TestGoldenPages(t *testing.T) {
	s, err := build(t, fixture())
	if err != nil {
		t.Fatal(err)
	}
	pages := map[string]string{"stances/index.html": "stances", "timeline/index.html": "timeline"}
	for _, f := range s.Files {
		name, ok := pages[f.Path]
		if !ok {
			continue
		}
		delete(pages, f.Path)
		matchGolden(t, f.Path, mainOf(string(f.Data)), name+".golden.html")
	}
	for p := range pages {
		t.Errorf("no page %s", p)
	}
}

// matchGolden compares got, what the page at path shows, with
// testdata/name, or with -update rewrites that file.
func matchGolden(t *testing.T, path, got, name string) {
	t.Helper()
	golden := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test ./internal/site -update)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs from %s:\n%s", path, golden, got)
	}
}

// mainOf is the page's <main> element, without blank lines.
func mainOf(page string) string {
	start := strings.Index(page, "<main")
	end := strings.Index(page, "</main>")
	if start < 0 || end < 0 {
		return page
	}
	var lines []string
	for _, line := range strings.Split(page[start:end+len("</main>")], "\n") {
		if strings.TrimSpace(line) != "" {
			lines = append(lines, line)
		}
	}
	return strings.Join(lines, "\n") + "\n"
}
