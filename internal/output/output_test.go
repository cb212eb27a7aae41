package output

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

func TestWriteRewritesOnlyChangesAndRemovesOnlyItsOwnStaleFiles(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "CNAME"), []byte("mine"), 0o644); err != nil {
		t.Fatal(err)
	}
	first := []File{{"index.html", []byte("home")}, {"a/index.html", []byte("a")}, {"b/index.html", []byte("b")}}
	stats, err := Write(dir, first)
	if err != nil || stats.Written != 3 {
		t.Fatalf("first write: %+v %v", stats, err)
	}
	old, _ := os.Stat(filepath.Join(dir, "a", "index.html"))
	time.Sleep(10 * time.Millisecond)

	second := []File{{"index.html", []byte("home, changed")}, {"a/index.html", []byte("a")}}
	stats, err = Write(dir, second)
	if err != nil {
		t.Fatal(err)
	}
	if stats != (Stats{Written: 1, Unchanged: 1, Removed: 1}) {
		t.Errorf("stats %+v, want 1 written, 1 unchanged, 1 removed", stats)
	}
	if now, _ := os.Stat(filepath.Join(dir, "a", "index.html")); !now.ModTime().Equal(old.ModTime()) {
		t.Errorf("an unchanged file was rewritten")
	}
	if _, err := os.Stat(filepath.Join(dir, "b")); !os.IsNotExist(err) {
		t.Errorf("the stale page and its folder should be gone: %v", err)
	}
	if data, _ := os.ReadFile(filepath.Join(dir, "CNAME")); string(data) != "mine" {
		t.Errorf("a file gen did not write was touched")
	}
	if data, _ := os.ReadFile(filepath.Join(dir, "index.html")); string(data) != "home, changed" {
		t.Errorf("changed file not written: %q", data)
	}
}

func TestWriteRefusesPathsOutsideTheFolder(t *testing.T) {
	dir := t.TempDir()
	for _, p := range []string{"../escape.html", "/etc/x", "a/../../x", Manifest} {
		if _, err := Write(filepath.Join(dir, "out"), []File{{p, []byte("x")}}); err == nil {
			t.Errorf("Write accepted %q", p)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "escape.html")); !os.IsNotExist(err) {
		t.Errorf("a file was written outside the output folder")
	}
}

// TestFailedWriteChangesNothing makes one file impossible to write (its
// folder's name is taken by a file) and checks that the other changed
// files were not replaced either, and no temporary files are left.
func TestFailedWriteChangesNothing(t *testing.T) {
	dir := t.TempDir()
	if _, err := Write(dir, []File{{"index.html", []byte("old home")}, {"taken", []byte("a file")}}); err != nil {
		t.Fatal(err)
	}
	_, err := Write(dir, []File{{"index.html", []byte("new home")}, {"taken", []byte("a file")}, {"taken/index.html", []byte("x")}, {"new/index.html", []byte("new")}})
	if err == nil {
		t.Fatal("want an error for a path under a file")
	}
	if data, _ := os.ReadFile(filepath.Join(dir, "index.html")); string(data) != "old home" {
		t.Errorf("index.html was replaced by a write that failed: %q", data)
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if e.Name() != "index.html" && e.Name() != "taken" && e.Name() != Manifest {
			t.Errorf("left behind: %s", e.Name())
		}
	}
}
