// Package qa holds the checks that judge the built site as readers and
// their tools meet it: valid HTML (the W3C Nu HTML Checker), accessibility
// (axe-core in Chromium, light and dark), and a reader's journey through
// the pages in a real browser. The tests build the shipped briefing.
//
// The checkers come from npm (tools/package.json; .ci/run installs them
// with npm ci) and need Java and Chromium. Outside CI a missing tool skips
// its test with a message; under CI=true it fails it.
package qa

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// Root is the repository's root folder, found from the working folder.
func Root(t testing.TB) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("no go.mod above the working folder")
		}
		dir = parent
	}
}

// Tool returns the path of a file the npm tools installed, or skips (fails
// in CI) when it is missing.
func Tool(t testing.TB, rel string) string {
	t.Helper()
	p := filepath.Join(Root(t), "tools", "node_modules", filepath.FromSlash(rel))
	if _, err := os.Stat(p); err != nil {
		missing(t, rel+" is not installed: run npm ci --prefix tools")
	}
	return p
}

// Command returns the path of a program on PATH, or skips (fails in CI).
func Command(t testing.TB, name, install string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		missing(t, name+" is not installed: "+install)
	}
	return p
}

func missing(t testing.TB, why string) {
	t.Helper()
	if os.Getenv("CI") == "true" {
		t.Fatal(why + " (CI must run this test)")
	}
	t.Skip("SKIPPED: " + why)
}
