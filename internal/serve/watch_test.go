package serve

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"
)

func batch(t *testing.T, changes <-chan []string) []string {
	t.Helper()
	select {
	case b := <-changes:
		return b
	case <-time.After(5 * time.Second):
		t.Fatal("no change reported")
		return nil
	}
}

func TestWatchBatchesSavesAndFollowsNewFolders(t *testing.T) {
	dir := newProject(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	changes, err := Watch(ctx, dir, 50*time.Millisecond)
	if err != nil {
		t.Fatal(err)
	}

	// An editor's save: a burst of writes, a backup file, a rename.
	for range 5 {
		writeFile(t, dir, "content/articles/first.md", article)
	}
	writeFile(t, dir, "content/articles/.first.md.swp", "x")
	writeFile(t, dir, "content/articles/first.md~", "x")
	writeFile(t, dir, "content/articles/sedAb12Cd", "x") // sed -i's temporary file
	if got := batch(t, changes); !slices.Equal(got, []string{"content/articles/first.md"}) {
		t.Errorf("one save: %v", got)
	}

	// A folder made after the start, with a file already in it.
	if err := os.MkdirAll(filepath.Join(dir, "templates", "partials"), 0o755); err != nil {
		t.Fatal(err)
	}
	writeFile(t, dir, "templates/partials/x.html", "x")
	got := batch(t, changes)
	if !slices.Contains(got, "templates") && !slices.Contains(got, "templates/partials") {
		t.Errorf("new folder not reported: %v", got)
	}
	writeFile(t, dir, "templates/partials/y.html", "y")
	if got := batch(t, changes); !slices.Contains(got, "templates/partials/y.html") {
		t.Errorf("a file in the new folder: %v", got)
	}

	// Renames and deletions; site.toml; files outside are ignored.
	if err := os.Rename(filepath.Join(dir, "content/articles/first.md"), filepath.Join(dir, "content/articles/moved.md")); err != nil {
		t.Fatal(err)
	}
	if got := batch(t, changes); !slices.Contains(got, "content/articles/first.md") || !slices.Contains(got, "content/articles/moved.md") {
		t.Errorf("rename: %v", got)
	}
	writeFile(t, dir, "notes.txt", "not part of the site")
	writeFile(t, dir, "site.toml", "title = \"x\"\n")
	if got := batch(t, changes); !slices.Equal(got, []string{"site.toml"}) {
		t.Errorf("site.toml: %v", got)
	}

	// The project's translations, in a folder made after the start.
	writeFile(t, dir, "i18n/uk.toml", "topics = \"Теми\"\n")
	if got := batch(t, changes); !slices.Contains(got, "i18n") && !slices.Contains(got, "i18n/uk.toml") {
		t.Errorf("a new translation file: %v", got)
	}
	cancel()
	for range changes {
	}
}
