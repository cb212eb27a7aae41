package main

import (
	"strings"
	"testing"
)

// TestVersion checks gen version and its flag forms: one line, the
// version from the build information ("(devel)" in a test binary).
func TestVersion(t *testing.T) {
	for _, args := range [][]string{{"version"}, {"-version"}, {"--version"}} {
		code, stdout, stderr := gen(t, args...)
		if code != 0 || !strings.HasPrefix(stdout, "gen ") || strings.Count(stdout, "\n") != 1 || stderr != "" {
			t.Errorf("gen %v: %d %q %q", args, code, stdout, stderr)
		}
	}
	if code, stdout, _ := gen(t, "help", "version"); code != 0 || !strings.Contains(stdout, "Usage: gen version") {
		t.Errorf("gen help version: %d %q", code, stdout)
	}
}
