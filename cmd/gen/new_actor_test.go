package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestNewActorTakesNameAndKind: gen new actor ID -name NAME -kind KIND,
// flags after the id too; without them a name and kind made from the id.
func TestNewActorTakesNameAndKind(t *testing.T) {
	dir := copyProject(t)
	if code, stdout, stderr := gen(t, "new", "-root", dir, "actor", "svyrydenko", "-name", "Yulia Svyrydenko", "-kind", "Person"); code != 0 || !strings.Contains(stdout, "Created ") {
		t.Fatalf("gen new actor -name -kind: %d %s %s", code, stdout, stderr)
	}
	if got := read(t, filepath.Join(dir, "content/actors/svyrydenko.md")); !strings.Contains(got, "name: \"Yulia Svyrydenko\"\n") || !strings.Contains(got, "kind: person\n") {
		t.Errorf("svyrydenko.md:\n%s", got)
	}
	if code, _, stderr := gen(t, "new", "-root", dir, "actor", "us-treasury"); code != 0 {
		t.Fatalf("gen new actor us-treasury: %d %s", code, stderr)
	}
	if got := read(t, filepath.Join(dir, "content/actors/us-treasury.md")); !strings.Contains(got, "name: \"US Treasury\"\n") || !strings.Contains(got, "kind: government\n") {
		t.Errorf("us-treasury.md:\n%s", got)
	}
	if code, _, stderr := gen(t, "new", "-root", dir, "-kind", "organization", "actor", "dfc"); code != 1 || !strings.Contains(stderr, `unknown actor kind "organization": did you mean "organisation"?`) {
		t.Errorf("a misspelt kind: %d %s", code, stderr)
	}
	if code, _, stderr := gen(t, "new", "-root", dir, "topic", "sanctions", "-kind", "person"); code != 1 || !strings.Contains(stderr, "-kind is an actor's") {
		t.Errorf("-kind for a topic: %d %s", code, stderr)
	}
	if code, _, stderr := gen(t, "new", "-root", dir, "topic", "sanctions", "-name", `The "sanctions" question`); code != 0 {
		t.Errorf("gen new topic -name: %d %s", code, stderr)
	}
	if code, _, stderr := gen(t, "check", "-root", dir); code != 0 {
		t.Errorf("the new files should check: %d\n%s", code, stderr)
	}
}
