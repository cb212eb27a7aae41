package main

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/briefing-gen/gen/internal/testproject"
)

// TestRefusesUnsafeOutputFolders: -out ., content, templates and static
// were accepted (the first build into the project overwrote nothing only
// by luck; after -out static every later build failed).
func TestRefusesUnsafeOutputFolders(t *testing.T) {
	dir := copyProject(t)
	for _, name := range []string{"templates/x.html", "static/x.css"} {
		if err := os.MkdirAll(filepath.Dir(filepath.Join(dir, name)), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	before := snapshot(t, dir)
	for _, out := range []string{".", "content", "content/articles", "templates", "static", "static/site", "site.toml", filepath.Dir(dir)} {
		code, _, stderr := gen(t, "build", "-root", dir, "-out", out)
		if code != 1 || !strings.Contains(stderr, "refusing to build into") {
			t.Errorf("-out %s: exit %d, want 1 and a refusal:\n%s", out, code, stderr)
		}
	}
	unchanged(t, before, snapshot(t, dir))
}

// TestFirstBuildIntoTheUsersFolder: the first build into a folder of the
// user's files silently overwrote their index.html and style.css.
func TestFirstBuildIntoTheUsersFolder(t *testing.T) {
	dir := copyProject(t)
	site := filepath.Join(t.TempDir(), "my-site")
	mine := map[string]string{"index.html": "my page", "style.css": "my style", "photo.jpg": "my photo"}
	for name, text := range mine {
		testproject.Write(t, site, name, text)
	}
	code, _, stderr := gen(t, "build", "-root", dir, "-out", site)
	if code != 1 || !strings.Contains(stderr, "gen did not write") || !strings.Contains(stderr, "index.html") || !strings.Contains(stderr, "-force") {
		t.Fatalf("exit %d, want 1 and a message naming the files and -force:\n%s", code, stderr)
	}
	for name, text := range mine {
		if got := read(t, filepath.Join(site, name)); got != text {
			t.Errorf("%s: %q", name, got)
		}
	}
	if code, _, stderr := gen(t, "build", "-root", dir, "-out", site, "-force"); code != 0 {
		t.Fatalf("-force: exit %d\n%s", code, stderr)
	}
	if got := read(t, filepath.Join(site, "photo.jpg")); got != "my photo" {
		t.Errorf("a forced build lost photo.jpg: %q", got)
	}
	if got := read(t, filepath.Join(site, "index.html")); got == "my page" {
		t.Error("a forced build did not write index.html")
	}
}

// TestOddStaticNamesNeverCostTheUsersFiles: with a manifest of one name a
// line, a static file named "zz\nnotes.txt" or " notes.txt", once
// removed, made the next build delete the user's own public/notes.txt,
// and one named "#x.txt" was never cleaned up.
func TestOddStaticNamesNeverCostTheUsersFiles(t *testing.T) {
	dir := copyProject(t)
	odd := []string{"zz\nnotes.txt", " notes.txt", "#x.txt"}
	for _, name := range odd {
		testproject.Write(t, dir, "static/"+name, "static "+name)
	}
	if code, _, stderr := gen(t, "build", "-root", dir); code != 0 {
		t.Fatalf("build: %s", stderr)
	}
	public := filepath.Join(dir, "public")
	testproject.Write(t, public, "notes.txt", "the user's notes")
	for _, name := range odd {
		if err := os.Remove(filepath.Join(dir, "static", name)); err != nil {
			t.Fatal(err)
		}
	}
	if code, _, stderr := gen(t, "build", "-root", dir); code != 0 {
		t.Fatalf("second build: %s", stderr)
	}
	if got := read(t, filepath.Join(public, "notes.txt")); got != "the user's notes" {
		t.Errorf("the user's notes.txt: %q", got)
	}
	for _, name := range odd {
		if _, err := os.Lstat(filepath.Join(public, name)); !os.IsNotExist(err) {
			t.Errorf("%q was not cleaned up: %v", name, err)
		}
	}
}

// TestLinkInTheOutputFolderIsNotFollowed: public/actors pointing
// elsewhere was followed for writing and for deleting.
func TestLinkInTheOutputFolderIsNotFollowed(t *testing.T) {
	dir := copyProject(t)
	if code, _, stderr := gen(t, "build", "-root", dir); code != 0 {
		t.Fatalf("build: %s", stderr)
	}
	public := filepath.Join(dir, "public")
	elsewhere := filepath.Join(t.TempDir(), "elsewhere")
	if err := os.Rename(filepath.Join(public, "actors"), elsewhere); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(elsewhere, filepath.Join(public, "actors")); err != nil {
		t.Fatal(err)
	}
	before := snapshot(t, elsewhere)
	code, _, stderr := gen(t, "build", "-root", dir, "-base-url", "https://example.org/") // every page changes
	if code != 1 || !strings.Contains(stderr, "symbolic link") || strings.Count(stderr, "symbolic link") != 1 {
		t.Errorf("exit %d, want 1 and one error about the link:\n%s", code, stderr)
	}
	unchanged(t, before, snapshot(t, elsewhere)) // behind the link
}

// TestLongStaticNameIsCopied: a static file with a 252-character name
// failed, as its temporary name, with ".gen-" before it, was too long.
func TestLongStaticNameIsCopied(t *testing.T) {
	dir := copyProject(t)
	name := strings.Repeat("a", 248) + ".txt"
	testproject.Write(t, dir, "static/"+name, "long")
	if code, _, stderr := gen(t, "build", "-root", dir); code != 0 {
		t.Fatalf("exit %d:\n%s", code, stderr)
	}
	if got := read(t, filepath.Join(dir, "public", name)); got != "long" {
		t.Errorf("got %q", got)
	}
}

// TestCheckOutReadsOnlyTheSite: gen check -out followed a link in public/
// to a page outside it, echoing that page's links, and hung on a named
// pipe.
func TestCheckOutReadsOnlyTheSite(t *testing.T) {
	dir := copyProject(t)
	if code, _, stderr := gen(t, "build", "-root", dir); code != 0 {
		t.Fatalf("build: %s", stderr)
	}
	public := filepath.Join(dir, "public")
	secret := filepath.Join(t.TempDir(), "secret.html")
	testproject.Write(t, filepath.Dir(secret), "secret.html", `<a href="/SECRET-abc123">x</a>`)
	if err := os.Symlink(secret, filepath.Join(public, "leak.html")); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(filepath.Join(public, "stall.html"), 0o644); err != nil {
		t.Fatal(err)
	}
	done := make(chan string)
	go func() {
		_, stdout, stderr := gen(t, "check", "-root", dir, "-out", "public")
		done <- stdout + stderr
	}()
	select {
	case out := <-done:
		if strings.Contains(out, "SECRET") {
			t.Errorf("gen check showed what lies outside the site:\n%s", out)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("gen check -out hung on a named pipe in public/")
	}
}
