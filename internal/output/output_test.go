package output

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// build writes files into dir as one build, failing the test on an error.
func build(t *testing.T, dir string, opt Options, files ...File) Stats {
	t.Helper()
	stats, err := Write(dir, files, opt)
	if err != nil {
		t.Fatal(err)
	}
	return stats
}

func put(t *testing.T, name, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

func content(t *testing.T, name string) string {
	t.Helper()
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// listing is every entry under dir, folders marked with a slash.
func listing(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || p == dir {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		if d.IsDir() {
			rel += "/"
		}
		out = append(out, filepath.ToSlash(rel))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestWriteRewritesOnlyChangesAndRemovesOnlyItsOwnStaleFiles(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "public")
	stats := build(t, dir, Options{}, File{"index.html", []byte("home")}, File{"a/index.html", []byte("a")}, File{"b/index.html", []byte("b")})
	if stats.Written != 3 {
		t.Fatalf("first write: %+v", stats)
	}
	put(t, filepath.Join(dir, "CNAME"), "mine")
	put(t, filepath.Join(dir, "notes", "todo.txt"), "also mine")
	old, _ := os.Stat(filepath.Join(dir, "a", "index.html"))
	time.Sleep(10 * time.Millisecond)

	stats = build(t, dir, Options{}, File{"index.html", []byte("home, changed")}, File{"a/index.html", []byte("a")})
	if stats != (Stats{Written: 1, Unchanged: 1, Removed: 1}) {
		t.Errorf("stats %+v, want 1 written, 1 unchanged, 1 removed", stats)
	}
	if now, _ := os.Stat(filepath.Join(dir, "a", "index.html")); !now.ModTime().Equal(old.ModTime()) {
		t.Errorf("an unchanged file was rewritten")
	}
	if _, err := os.Stat(filepath.Join(dir, "b")); !os.IsNotExist(err) {
		t.Errorf("the stale page and its folder should be gone: %v", err)
	}
	if got := content(t, filepath.Join(dir, "CNAME")) + content(t, filepath.Join(dir, "notes", "todo.txt")); got != "minealso mine" {
		t.Errorf("files gen did not write were changed: %q", got)
	}
	if got := content(t, filepath.Join(dir, "index.html")); got != "home, changed" {
		t.Errorf("changed file not written: %q", got)
	}
	// The third build starts from the spare tree, which holds the first
	// build's files: it must come out the same.
	build(t, dir, Options{}, File{"index.html", []byte("home, changed")}, File{"c.html", []byte("c")})
	want := []string{".gen-manifest", "CNAME", "c.html", "index.html", "notes/", "notes/todo.txt"}
	if got := listing(t, dir); !slices.Equal(got, want) {
		t.Errorf("third build left %q, want %q", got, want)
	}
}

func TestWriteRefusesPathsOutsideTheFolder(t *testing.T) {
	dir := t.TempDir()
	for _, p := range []string{"../escape.html", "/etc/x", "a/../../x", "a/../b", `a\..\..\x`, Manifest, "bad\xffname"} {
		if _, err := Write(filepath.Join(dir, "out"), []File{{p, []byte("x")}}, Options{}); err == nil {
			t.Errorf("Write accepted %q", p)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "escape.html")); !os.IsNotExist(err) {
		t.Errorf("a file was written outside the output folder")
	}
	if _, err := os.Stat(filepath.Join(dir, "out")); !os.IsNotExist(err) {
		t.Errorf("a failed first build made the output folder: %v", err)
	}
}

// TestFailedWriteChangesNothing makes one file impossible to write (its
// folder's name is taken by a file) and checks that the other changed
// files were not replaced either, and that nothing is left behind.
func TestFailedWriteChangesNothing(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "public")
	build(t, dir, Options{}, File{"index.html", []byte("old home")}, File{"taken", []byte("a file")})
	before := listing(t, dir)
	_, err := Write(dir, []File{{"index.html", []byte("new home")}, {"taken", []byte("a file")}, {"taken/index.html", []byte("x")}, {"new/index.html", []byte("new")}}, Options{})
	if err == nil {
		t.Fatal("want an error for a path under a file")
	}
	if got := content(t, filepath.Join(dir, "index.html")); got != "old home" {
		t.Errorf("index.html was replaced by a write that failed: %q", got)
	}
	if got := listing(t, dir); !slices.Equal(got, before) {
		t.Errorf("a failed write changed the folder: %q, was %q", got, before)
	}
}

// TestManifestNamesOddFilesExactly: a line-per-file manifest, split and
// trimmed, made the build after one that wrote "zz\nnotes.txt" or
// " notes.txt" delete the user's own notes.txt, and never cleaned up a
// file whose name starts with "#".
func TestManifestNamesOddFilesExactly(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "public")
	odd := []string{"zz\nnotes.txt", " notes.txt", "#comment.txt", "tab\there.txt", strings.Repeat("n", 248) + ".txt"}
	var files []File
	for _, name := range odd {
		files = append(files, File{name, []byte("gen's " + name)})
	}
	build(t, dir, Options{}, append(files, File{"index.html", []byte("home")})...)
	for _, name := range odd {
		if got := content(t, filepath.Join(dir, name)); got != "gen's "+name {
			t.Errorf("%q holds %q", name, got)
		}
	}
	put(t, filepath.Join(dir, "notes.txt"), "the user's notes")

	build(t, dir, Options{}, File{"index.html", []byte("home")})
	want := []string{".gen-manifest", "index.html", "notes.txt"}
	if got := listing(t, dir); !slices.Equal(got, want) {
		t.Errorf("after dropping the odd files: %q, want %q", got, want)
	}
	if got := content(t, filepath.Join(dir, "notes.txt")); got != "the user's notes" {
		t.Errorf("the user's notes.txt holds %q", got)
	}
}

func TestFirstBuildRefusesAFolderOfTheUsersUnlessForced(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "site")
	put(t, filepath.Join(dir, "index.html"), "my home page")
	put(t, filepath.Join(dir, "style.css"), "my style")
	put(t, filepath.Join(dir, "photo.jpg"), "my photo")
	_, err := Write(dir, []File{{"index.html", []byte("gen's home")}, {"style.css", []byte("gen's style")}}, Options{})
	if err == nil || !strings.Contains(err.Error(), "index.html") || !strings.Contains(err.Error(), "-force") {
		t.Fatalf("want a refusal naming the files and -force, got %v", err)
	}
	if got := content(t, filepath.Join(dir, "index.html")); got != "my home page" {
		t.Fatalf("a refused build wrote index.html: %q", got)
	}
	if _, err := os.Stat(filepath.Join(filepath.Dir(dir), ".site.gen")); !os.IsNotExist(err) {
		t.Errorf("a refused build made its folder beside the user's: %v", err)
	}
	build(t, dir, Options{Force: true}, File{"index.html", []byte("gen's home")}, File{"style.css", []byte("gen's style")})
	if got := content(t, filepath.Join(dir, "index.html")) + content(t, filepath.Join(dir, "photo.jpg")); got != "gen's homemy photo" {
		t.Errorf("forced build: %q", got)
	}
	// Once gen has written a folder, it is gen's: a later build needs no -force.
	build(t, dir, Options{}, File{"index.html", []byte("gen's home, again")})
}

func TestALaterBuildRefusesToWriteOverTheUsersFile(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "public")
	build(t, dir, Options{}, File{"index.html", []byte("home")})
	put(t, filepath.Join(dir, "about", "index.html"), "the user's about page")
	_, err := Write(dir, []File{{"index.html", []byte("home")}, {"about/index.html", []byte("gen's about")}}, Options{})
	if err == nil || !strings.Contains(err.Error(), "about") {
		t.Fatalf("want a refusal naming about/index.html, got %v", err)
	}
	_, err = Write(dir, []File{{"index.html", []byte("home")}, {"about", []byte("gen's about")}}, Options{})
	if err == nil || !strings.Contains(err.Error(), "in the way") {
		t.Fatalf("want a refusal for a file where the user's folder is, got %v", err)
	}
	if got := content(t, filepath.Join(dir, "about", "index.html")); got != "the user's about page" {
		t.Errorf("the user's page holds %q", got)
	}
}

// TestNeverFollowsASymlinkInsideTheOutputFolder: a link in public/ was
// followed for writing and for deleting.
func TestNeverFollowsASymlinkInsideTheOutputFolder(t *testing.T) {
	root := t.TempDir()
	dir, elsewhere := filepath.Join(root, "public"), filepath.Join(root, "elsewhere")
	build(t, dir, Options{}, File{"index.html", []byte("home")}, File{"actors/a/index.html", []byte("a")})
	put(t, filepath.Join(elsewhere, "a", "index.html"), "precious")
	if err := os.RemoveAll(filepath.Join(dir, "actors")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(elsewhere, filepath.Join(dir, "actors")); err != nil {
		t.Fatal(err)
	}

	if _, err := Write(dir, []File{{"index.html", []byte("home")}, {"actors/a/index.html", []byte("new a")}}, Options{}); err == nil {
		t.Error("a build wrote through the user's symbolic link")
	}
	build(t, dir, Options{}, File{"index.html", []byte("home")}) // drops actors/a/index.html
	if got := content(t, filepath.Join(elsewhere, "a", "index.html")); got != "precious" {
		t.Fatalf("the link's target changed: %q", got)
	}
	if target, err := os.Readlink(filepath.Join(dir, "actors")); err != nil || target != elsewhere {
		t.Errorf("the user's link was not kept as a link: %q %v", target, err)
	}
	build(t, dir, Options{Force: true}, File{"index.html", []byte("home")}, File{"actors/a/index.html", []byte("new a")})
	if got := content(t, filepath.Join(elsewhere, "a", "index.html")); got != "precious" {
		t.Errorf("a forced build wrote through the link: %q", got)
	}
	if info, err := os.Lstat(filepath.Join(dir, "actors")); err != nil || !info.IsDir() {
		t.Errorf("a forced build should make actors a folder: %v", err)
	}
}

func TestRefusesUnsafeOutputFolders(t *testing.T) {
	project := t.TempDir()
	for _, name := range []string{"content/articles/a.md", "templates/page.html", "static/style.css", "site.toml"} {
		put(t, filepath.Join(project, name), "x")
	}
	opt := Options{Project: project, Sources: []string{
		filepath.Join(project, "content"), filepath.Join(project, "templates"), filepath.Join(project, "static"), filepath.Join(project, "site.toml")}}
	if _, err := checkTarget("/", opt); err == nil || !strings.Contains(err.Error(), "root of the file system") {
		t.Errorf("-out /: want a refusal, got %v", err)
	}
	for _, out := range []string{project, filepath.Dir(project), filepath.Join(project, "content"),
		filepath.Join(project, "content", "articles"), filepath.Join(project, "templates"), filepath.Join(project, "static", "out"),
		filepath.Join(project, "site.toml"), project + "/./content/.."} {
		if _, err := Write(out, []File{{"index.html", []byte("x")}}, opt); err == nil || !strings.Contains(err.Error(), "refusing") {
			t.Errorf("-out %s: want a refusal, got %v", out, err)
		}
	}
	if got := content(t, filepath.Join(project, "content", "articles", "a.md")); got != "x" {
		t.Errorf("a source changed: %q", got)
	}
	if _, err := os.Stat(filepath.Join(project, "index.html")); !os.IsNotExist(err) {
		t.Errorf("a refused build wrote into the project")
	}
	if _, err := Write(filepath.Join(project, ".public.gen", "spare"), []File{{"index.html", []byte("x")}}, opt); err == nil {
		t.Errorf("a build into gen's spare copy of a site was accepted")
	}
	link := filepath.Join(t.TempDir(), "link")
	if err := os.Symlink(filepath.Join(project, "content"), link); err != nil {
		t.Fatal(err)
	}
	if _, err := Write(link, []File{{"index.html", []byte("x")}}, opt); err == nil {
		t.Errorf("a link to content/ was accepted as the output folder")
	}
	build(t, filepath.Join(project, "public"), opt, File{"index.html", []byte("x")})
	build(t, filepath.Join(project, "docs"), opt, File{"index.html", []byte("x")})
}

// TestASecondBuildWaitsForTheFirst: two builds of one folder at once
// mixed their pages.
func TestASecondBuildWaitsForTheFirst(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "public")
	first, err := Begin(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	first.Add(File{"a.html", []byte("first")})
	waiting := make(chan bool)
	second := make(chan *Staging)
	go func() {
		s, err := Begin(dir, Options{Waiting: func() { waiting <- true }})
		if err != nil {
			t.Error(err)
		}
		second <- s
	}()
	select {
	case <-waiting:
	case s := <-second:
		t.Fatalf("the second build did not wait (%v)", s)
	}
	first.Add(File{"b.html", []byte("first")})
	if _, err := first.Commit(); err != nil {
		t.Fatal(err)
	}
	s := <-second
	s.Add(File{"a.html", []byte("second")})
	s.Add(File{"b.html", []byte("second")})
	if _, err := s.Commit(); err != nil {
		t.Fatal(err)
	}
	if got := content(t, filepath.Join(dir, "a.html")) + content(t, filepath.Join(dir, "b.html")); got != "secondsecond" {
		t.Errorf("pages of both builds: %q", got)
	}
}

func TestAbortLeavesTheSiteAndReleasesTheFolder(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "public")
	build(t, dir, Options{}, File{"index.html", []byte("old")})
	before := listing(t, dir)
	s, err := Begin(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	s.Add(File{"index.html", []byte("new")})
	s.Add(File{"more.html", []byte("new")})
	if !s.Abort() {
		t.Fatal("Abort before Commit reported it stopped nothing")
	}
	s.Add(File{"late.html", []byte("after the abort")}) // a renderer still running
	if got := listing(t, dir); !slices.Equal(got, before) || content(t, filepath.Join(dir, "index.html")) != "old" {
		t.Errorf("an aborted build changed the folder: %q", got)
	}
	build(t, dir, Options{Waiting: func() { t.Error("the aborted build still holds the lock") }}, File{"index.html", []byte("new")})
}

// TestUpgradesAFolderWrittenByAnOlderGen reads the line-per-file manifest
// of earlier versions, and drops their leftover temporary files.
func TestUpgradesAFolderWrittenByAnOlderGen(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "public")
	put(t, filepath.Join(dir, Manifest), legacyHeader+"index.html\nold/index.html\n")
	put(t, filepath.Join(dir, "index.html"), "home")
	put(t, filepath.Join(dir, "old", "index.html"), "a page gone")
	put(t, filepath.Join(dir, ".gen-index.html"), "a temporary file of a build cut short")
	put(t, filepath.Join(dir, "CNAME"), "mine")
	stats := build(t, dir, Options{}, File{"index.html", []byte("home")})
	if stats != (Stats{Unchanged: 1, Removed: 1}) {
		t.Errorf("stats %+v", stats)
	}
	want := []string{".gen-manifest", "CNAME", "index.html"}
	if got := listing(t, dir); !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestRefusesAnOutputThatIsAFile(t *testing.T) {
	file := filepath.Join(t.TempDir(), "public")
	put(t, file, "a file")
	if _, err := Write(file, []File{{"index.html", []byte("x")}}, Options{Force: true}); err == nil || !strings.Contains(err.Error(), "not a folder") {
		t.Errorf("got %v", err)
	}
}

// TestTheSpareTreeNeverLeaks builds after the output folder was deleted
// and with pages that change back, when the spare tree holds files that
// an earlier build wrote, and checks each site is exactly right.
func TestTheSpareTreeNeverLeaks(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "public")
	v1 := []File{{"index.html", []byte("one")}, {"a/index.html", []byte("a1")}, {"gone.html", []byte("x")}}
	check := func(files []File) {
		t.Helper()
		want := []string{".gen-manifest"}
		for _, f := range files {
			if got := content(t, filepath.Join(dir, f.Path)); got != string(f.Data) {
				t.Errorf("%s holds %q, want %q", f.Path, got, f.Data)
			}
			want = append(want, f.Path)
			if d := filepath.Dir(f.Path); d != "." {
				want = append(want, d+"/")
			}
		}
		slices.Sort(want)
		want = slices.Compact(want)
		if got := listing(t, dir); !slices.Equal(got, want) {
			t.Errorf("folder holds %q, want %q", got, want)
		}
	}
	two := []File{{"index.html", []byte("two")}, {"a/index.html", []byte("a2")}}
	for _, files := range [][]File{v1, two, v1, two} { // pages change back
		build(t, dir, Options{}, files...)
		check(files)
	}
	if err := os.RemoveAll(dir); err != nil {
		t.Fatal(err)
	}
	build(t, dir, Options{}, v1...)
	check(v1)
	build(t, dir, Options{}, File{"a", []byte("now a file")}, File{"index.html", []byte("one")})
	check([]File{{"a", []byte("now a file")}, {"index.html", []byte("one")}})
	build(t, dir, Options{}, two...)
	check(two)
}

// TestUsersDotGenFilesAreKept: any file of the user's whose name started
// with ".gen-" was dropped, and a site built into a folder of public/
// lost its manifest.
func TestUsersDotGenFilesAreKept(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "public")
	build(t, dir, Options{}, File{"index.html", []byte("home")})
	build(t, filepath.Join(dir, "en"), Options{}, File{"index.html", []byte("english")})
	put(t, filepath.Join(dir, ".gen-notes"), "mine")
	build(t, dir, Options{}, File{"index.html", []byte("home, again")})
	if got := content(t, filepath.Join(dir, ".gen-notes")); got != "mine" {
		t.Errorf(".gen-notes: %q", got)
	}
	build(t, filepath.Join(dir, "en"), Options{}, File{"index.html", []byte("english, again")})
}

// TestUsersFoldersKeepTheirModes: a private folder of the user's came out
// 0755 every other build, and an empty one was lost.
func TestUsersFoldersKeepTheirModes(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "public")
	build(t, dir, Options{}, File{"index.html", []byte("home")}, File{"old/index.html", []byte("old")})
	put(t, filepath.Join(dir, "mine", "keep.txt"), "x")
	if err := os.MkdirAll(filepath.Join(dir, "mine", "empty"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(filepath.Join(dir, "mine"), 0o700); err != nil {
		t.Fatal(err)
	}
	for i := range 3 {
		build(t, dir, Options{}, File{"index.html", []byte(fmt.Sprint("home ", i))})
		info, err := os.Stat(filepath.Join(dir, "mine"))
		if err != nil || info.Mode().Perm() != 0o700 {
			t.Fatalf("build %d: mine/ is %v (%v), want 0700", i, info.Mode().Perm(), err)
		}
		want := []string{".gen-manifest", "index.html", "mine/", "mine/empty/", "mine/keep.txt"}
		if got := listing(t, dir); !slices.Equal(got, want) {
			t.Fatalf("build %d left %q, want %q (gen's old/ gone, the user's empty folder kept)", i, got, want)
		}
	}
}

// TestAFileTheUserDeletedStaysDeleted: the spare tree still holds the
// user's files of two builds ago, which must not come back.
func TestAFileTheUserDeletedStaysDeleted(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "public")
	build(t, dir, Options{}, File{"index.html", []byte("home")})
	put(t, filepath.Join(dir, "mine", "a.txt"), "a")
	put(t, filepath.Join(dir, "b.txt"), "b")
	build(t, dir, Options{}, File{"index.html", []byte("home 2")})
	build(t, dir, Options{}, File{"index.html", []byte("home 3")}) // the spare now holds a.txt and b.txt
	for _, name := range []string{"mine/a.txt", "b.txt"} {
		if err := os.Remove(filepath.Join(dir, name)); err != nil {
			t.Fatal(err)
		}
	}
	build(t, dir, Options{}, File{"index.html", []byte("home 4")})
	want := []string{".gen-manifest", "index.html", "mine/"}
	if got := listing(t, dir); !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

// TestTheLockSurvivesItsFolderBeingDeleted: with the lock a file found by
// name, deleting .public.gen/ during a build let a second build in.
func TestTheLockSurvivesItsFolderBeingDeleted(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "public")
	first, err := Begin(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := os.RemoveAll(filepath.Join(filepath.Dir(dir), ".public.gen")); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(filepath.Dir(dir), ".public.gen"), 0o755); err != nil {
		t.Fatal(err)
	}
	second := make(chan *Staging)
	go func() {
		s, err := Begin(dir, Options{})
		if err != nil {
			t.Error(err)
		}
		second <- s
	}()
	select {
	case <-second:
		t.Fatal("a second build got in while the first held the lock")
	case <-time.After(200 * time.Millisecond):
	}
	first.Abort()
	if s := <-second; s != nil {
		s.Abort()
	}
}
