package initsite

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// TestWorkflowInstallsTheSameGen checks that the workflow written is
// YAML that installs the gen given, with the Go version given, and keeps
// its own ${{ }} expressions.
func TestWorkflowInstallsTheSameGen(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "new")
	if _, err := Write(dir, Gen{Package: "example.org/briefing/cmd/gen", Version: "v1.2.3", Go: "1.26.8"}); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(filepath.Join(dir, ".github/workflows/pages.yml"))
	if err != nil {
		t.Fatal(err)
	}
	var workflow struct {
		Jobs map[string]struct {
			Steps []struct {
				Uses, Run string
				With      map[string]string
			}
		}
	}
	if err := yaml.Unmarshal(data, &workflow); err != nil {
		t.Fatalf("the workflow is not YAML: %v\n%s", err, data)
	}
	var runs []string
	goVersion := ""
	for _, s := range workflow.Jobs["build"].Steps {
		runs = append(runs, s.Run)
		if strings.HasPrefix(s.Uses, "actions/setup-go@") {
			goVersion = s.With["go-version"]
		}
	}
	all := strings.Join(runs, "\n")
	for _, want := range []string{"go install example.org/briefing/cmd/gen@v1.2.3", `gen build -base-url "${{ steps.pages.outputs.base_url }}/"`, "gen check -out public"} {
		if !strings.Contains(all, want) {
			t.Errorf("the build job does not run %q:\n%s", want, all)
		}
	}
	if goVersion != "1.26.8" {
		t.Errorf("setup-go installs Go %q, want 1.26.8", goVersion)
	}
	if _, ok := workflow.Jobs["deploy"]; !ok {
		t.Error("the workflow has no deploy job")
	}
}

// TestRefusesAFolderInUse checks that Write starts only in a new or empty
// folder, or one of dotfiles such as .git, and never writes over a file.
func TestRefusesAFolderInUse(t *testing.T) {
	gen := Gen{Package: DefaultPackage, Version: "latest", Go: "stable"}
	used := t.TempDir()
	if err := os.WriteFile(filepath.Join(used, "notes.txt"), []byte("mine"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Write(used, gen); err == nil || !strings.Contains(err.Error(), "notes.txt") {
		t.Errorf("a folder with a file: %v", err)
	}
	if entries, _ := os.ReadDir(used); len(entries) != 1 {
		t.Errorf("files were written into a folder in use: %v", entries)
	}
	for _, own := range []string{".gitignore", ".github"} { // what gen init writes is no dotfile to keep
		dir := t.TempDir()
		if err := os.Mkdir(filepath.Join(dir, own), 0o755); err != nil {
			t.Fatal(err)
		}
		if _, err := Write(dir, gen); err == nil {
			t.Errorf("a folder holding %s was used", own)
		}
	}
	repo := t.TempDir()
	if err := os.Mkdir(filepath.Join(repo, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	files, err := Write(repo, gen)
	if err != nil || len(files) == 0 {
		t.Errorf("a folder holding only .git: %v %v", files, err)
	}
}
